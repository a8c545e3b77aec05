"""`make eval`: score the cards against the hand annotations and the public benchmarks.

Runs the scorers that ship in ../shared/eval (score_gold.py on cards/, score_bench.py on each
benchmark file through the project's CLI) and prints one table. When ../shared is absent it says
so and exits 0: the evaluation data is not part of the project.

usage: python bench/eval.py [--shared DIR] [--cli PATH] [--cards DIR] [--limit N] [--only NAMES]
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

SQUAD_CONFIG = Path(__file__).resolve().parent / "squad.toml"
BENCHMARKS = {
    # name: (task, file relative to eval/)
    "wcl": ("definitions", "definitions/wcl-dev.jsonl"),
    "deft": ("definitions", "definitions/deft-dev.jsonl"),
    "quoteli3": ("quotes", "quotes/quoteli3-pp.jsonl"),
    "tbaq": ("dates", "dates/tbaq-dev.jsonl"),
    "squad": ("qg", "qg/squad-dev.jsonl"),
}
FIGURE = re.compile(r"([A-Za-z_0-9-]+)=([0-9.]+)")


def last_line_figures(output: str) -> dict[str, str]:
    lines = [line for line in output.strip().splitlines() if "=" in line]
    return dict(FIGURE.findall(lines[-1])) if lines else {}


def run(command: list[str]) -> tuple[str, float]:
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):  # score_gold exits 1 only for missed --min bounds
        sys.exit(f"failed: {' '.join(command)}\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return proc.stdout, elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--cli", default=".venv/bin/factcards")
    parser.add_argument("--cards", type=Path, default=Path("cards"))
    parser.add_argument("--limit", type=int, help="score N items of each benchmark (quick look)")
    parser.add_argument(
        "--only",
        default="gold," + ",".join(BENCHMARKS),
        help="comma-separated: gold and/or " + ", ".join(BENCHMARKS),
    )
    parser.add_argument("--verbose", action="store_true", help="list the gold facts missed")
    args = parser.parse_args(argv)

    eval_dir = args.shared / "eval"
    if not (eval_dir / "score_gold.py").is_file():
        print(f"eval: skipped, no evaluation data at {eval_dir} (it lives beside the project)")
        return 0
    wanted = [name.strip() for name in args.only.split(",") if name.strip()]
    rows: list[tuple[str, str, float]] = []

    if "gold" in wanted:
        command = [
            sys.executable,
            str(eval_dir / "score_gold.py"),
            str(eval_dir / "seeds.gold.json"),
            str(args.cards),
        ]
        out, secs = run(command + (["--verbose"] if args.verbose else []))
        if args.verbose:
            print(out)
        figures = last_line_figures(out)
        summary = "  ".join(f"{k}={v}" for k, v in figures.items())
        rows.append(("seeds gold (recall)", summary, secs))

    for name in wanted:
        if name not in BENCHMARKS:
            continue
        task, relative = BENCHMARKS[name]
        data = eval_dir / relative
        if not data.is_file():
            rows.append((name, "skipped: no data file", 0.0))
            continue
        cli = args.cli
        if name == "squad":  # question wording of every sentence, not the selection of claims
            cli = f"{args.cli} --config {shlex.quote(str(SQUAD_CONFIG))}"
        command = [sys.executable, str(eval_dir / "score_bench.py"), task, str(data), "--cli", cli]
        if args.limit:
            command += ["--limit", str(args.limit)]
        out, secs = run(command)
        figures = last_line_figures(out)
        rows.append((f"{name} ({task})", "  ".join(f"{k}={v}" for k, v in figures.items()), secs))

    width = max(len(r[0]) for r in rows) if rows else 10
    print(f"{'benchmark':{width}}  {'seconds':>7}  figures")
    for label, figures, secs in rows:
        print(f"{label:{width}}  {secs:7.1f}  {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
