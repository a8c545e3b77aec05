"""`make review`: draw the 60 cards a teacher reads (issue 4) from the public dev data.

Writes a seeded random sample of items of each benchmark file (SQuAD paragraphs, WCL and DEFT
sentences, TimeBank documents, QuoteLi3 passages) as text files, runs `factcards extract` over
them once, and prints 20 claim cards, 20 definition cards and 20 of the rest (dates, quotes),
each with its question, answer and source sentence, numbered for the reviewer's verdicts. The
same seed draws the same sample from the same cards; a change to the extractors changes which
cards exist, so a review states the commit it read.

usage: python bench/review.py [--shared DIR] [--cli PATH] [--seed N] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

# file -> (prefix of the written items, how many items to draw)
SOURCES: dict[str, tuple[str, int]] = {
    "qg/squad-dev.jsonl": ("squad", 80),
    "definitions/wcl-dev.jsonl": ("wcl", 120),
    "definitions/deft-dev.jsonl": ("deft", 120),
    "dates/tbaq-dev.jsonl": ("tb", 12),
    "quotes/quoteli3-pp.jsonl": ("ql", 8),
}
CARDS_PER_GROUP = 20
DEFAULT_SEED = 20261123


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--cli", default=".venv/bin/factcards")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--work", type=Path, default=Path(".review"))
    args = parser.parse_args(argv)

    eval_dir = args.shared / "eval"
    if not eval_dir.is_dir():
        print(f"no evaluation data at {eval_dir}: nothing to review")
        return 0
    rng = random.Random(args.seed)
    sources, cards = args.work / "src", args.work / "cards"
    shutil.rmtree(args.work, ignore_errors=True)
    sources.mkdir(parents=True)
    for name, (prefix, count) in SOURCES.items():
        for index, item in enumerate(rng.sample(load(eval_dir / name), count)):
            (sources / f"{prefix}{index:03}.txt").write_text(item["text"], encoding="utf-8")
    subprocess.run(
        [args.cli, "extract", str(sources), "--cards-dir", str(cards), "--jobs", "2"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    notes = [
        json.loads(line)
        for path in sorted(cards.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    groups = [
        [n for n in notes if n["kind"] == "claim"],
        [n for n in notes if n["kind"] == "definition"],
        [n for n in notes if n["kind"] in ("date", "quote")],
    ]
    picked = [note for group in groups for note in rng.sample(group, CARDS_PER_GROUP)]
    for number, note in enumerate(picked, 1):
        print(f"{number:2} [{note['kind']}] {note['source']['document']}")
        print(f"   Q: {note['front']}\n   A: {note['back']}")
        print(f"   S: {note['source']['sentence'][:300]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
