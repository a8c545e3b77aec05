"""--jobs: worker processes give exactly the output of one process, failures included."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcards import build
from factcards.cards import CHANGES_NAME

TEXTS = {
    "a-lecture.txt": (
        "The Paris Commune was proclaimed on 18 March 1871. A commune is a self-governing "
        'town. Marx wrote, "The working class cannot simply lay hold of the ready-made '
        'state machinery."\n\nThe Commune lasted seventy-two days.\n'
    ),
    "b-empty.txt": "   \n",  # an input error in the middle of the run
    "c-notes.md": (
        "# Dates\n\nThe Second International was founded in 1889 in Paris. Rosa Luxemburg "
        "was a revolutionary socialist born in 1871.\n"
    ),
    "d-short.txt": "Lenin died in January 1924. The NEP was a market-oriented policy.\n",
}


def source_units(count: int, words: int) -> list[build._Source]:
    return [build._Source(i, Path(f"{i}.txt"), f"{i}.txt", "k", words) for i in range(count)]


@pytest.mark.parametrize(
    ("count", "words", "jobs", "sizes"),
    [
        (4, 1_000, 2, [2, 2]),  # small documents share a unit of at least UNIT_MIN_WORDS
        (3, 60_000, 2, [1, 1, 1]),  # a large document is a unit of its own
        (1, 10, 4, [1]),
        (8, 10_000, 2, [1] * 8),  # 80,000 words / (2 jobs x 4) = 10,000 per unit
    ],
)
def test_units(count: int, words: int, jobs: int, sizes: list[int]) -> None:
    units = build._units(source_units(count, words), jobs)
    assert [len(u) for u in units] == sizes
    assert [s.index for u in units for s in u] == list(range(count))


def run(folder: Path, cards: Path, jobs: int) -> build.RunReport:
    return build.extract([folder], cards, jobs=jobs, cache=False)


@pytest.fixture(scope="module")
def both_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list, list]:
    root = tmp_path_factory.mktemp("parallel")
    folder = root / "sources"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    serial = run(folder, root / "serial", jobs=1)
    patch = pytest.MonkeyPatch()
    # the texts are tiny: make them worth splitting, one document per unit
    patch.setattr(build, "PARALLEL_MIN_WORDS", 0)
    patch.setattr(build, "UNIT_MIN_WORDS", 1)
    patch.setattr(build, "UNIT_MAX_WORDS", 1)
    pools: list[int] = []
    in_workers = build._extract_in_workers

    def counted(*args, **kwargs):  # a pass-through spy
        pools.append(1)
        return in_workers(*args, **kwargs)

    patch.setattr(build, "_extract_in_workers", counted)
    try:
        parallel = run(folder, root / "parallel", jobs=2)
    finally:
        patch.undo()
    assert pools, "the parallel run did not use worker processes"
    return root / "serial", root / "parallel", [serial], [parallel]


def test_parallel_output_is_byte_identical(both_runs) -> None:
    serial_dir, parallel_dir, _, _ = both_runs
    # the change report carries the time of the build: compare everything else
    serial = {p.name: p.read_bytes() for p in serial_dir.iterdir() if p.name != CHANGES_NAME}
    parallel = {p.name: p.read_bytes() for p in parallel_dir.iterdir() if p.name != CHANGES_NAME}
    assert sorted(serial) == [".manifest.json", "a-lecture.jsonl", "c-notes.jsonl", "d-short.jsonl"]
    assert parallel == serial
    assert serial["a-lecture.jsonl"].count(b"\n") >= 2  # the texts do give notes


def test_parallel_reports_the_same_documents_and_failures(both_runs) -> None:
    _, _, [serial], [parallel] = both_runs
    assert [d.document for d in parallel.documents] == [d.document for d in serial.documents]
    assert [d.counts for d in parallel.documents] == [d.counts for d in serial.documents]
    assert [d.words for d in parallel.documents] == [d.words for d in serial.documents]
    assert [str(f) for f in parallel.failures] == [str(f) for f in serial.failures]
    assert len(serial.failures) == 1 and "b-empty.txt: empty document" in str(serial.failures[0])
    assert type(parallel.failures[0]) is type(serial.failures[0])
