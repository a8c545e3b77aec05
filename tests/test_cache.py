"""The extraction cache: a change in anything the notes depend on invalidates an entry, a
damaged entry is recomputed, and a cached run writes exactly what an uncached run writes.

Most tests replace the parsing with a stand-in (`fake_extraction`) so they need no spaCy;
test_parallel.py runs the real pipeline.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcards import build, cache
from factcards.cache import Extraction, ExtractionCache, entry_key, source_fingerprint
from factcards.cards import CHANGES_NAME, note_to_line, read_cards
from factcards.config import PipelineSpec
from factcards.model import Note, SourceRef
from factcards.regenerate import ORPHANED_TAG


def note_line(document: str, front: str, kind: str = "claim") -> str:
    note = Note(
        guid=f"g-{abs(hash(front))}",
        kind=kind,  # type: ignore[arg-type]
        front=front,
        back="",
        source=SourceRef(document, front, 0, len(front)),
    )
    return note_to_line(note)


class FakeParser:
    """Stands in for build._extract_all: one note per paragraph, and a record of what it parsed."""

    def __init__(self) -> None:
        self.parsed: list[str] = []

    def __call__(
        self, sources: Sequence[build._Source], spec: object, jobs: int
    ) -> Iterator[Extraction | build._Failure]:
        for source in sources:
            self.parsed.append(source.path.name)
            text = source.path.read_text(encoding="utf-8")
            lines = [note_line(source.name, p) for p in text.split("\n\n") if p.strip()]
            yield Extraction(source.path.stem.title(), len(text.split()), lines)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeParser:
    parser = FakeParser()
    monkeypatch.setattr(build, "_extract_all", parser)
    return parser


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "alpha.txt").write_text("Alpha one.\n\nAlpha two.\n", encoding="utf-8")
    (folder / "beta.md").write_text("Beta one.\n", encoding="utf-8")
    return folder


def run(corpus: Path, tmp_path: Path, **options: object) -> build.RunReport:
    options.setdefault("cache_dir", tmp_path / "cache")
    report = build.extract([corpus], tmp_path / "cards", jobs=1, **options)  # type: ignore[arg-type]
    assert not report.failures
    return report


def outputs(tmp_path: Path, folder: str = "cards") -> dict[str, bytes]:
    """The cards files and manifest (the change report says what changed: it may differ)."""
    cards_dir = tmp_path / folder
    return {p.name: p.read_bytes() for p in sorted(cards_dir.iterdir()) if p.name != CHANGES_NAME}


def test_second_run_parses_nothing_and_writes_the_same(
    fake: FakeParser, corpus: Path, tmp_path: Path
) -> None:
    first = run(corpus, tmp_path)
    before = outputs(tmp_path)
    assert fake.parsed == ["alpha.txt", "beta.md"] and first.cached == 0
    fake.parsed.clear()
    second = run(corpus, tmp_path)
    assert fake.parsed == []
    assert second.cached == 2 and second.parsed_words == 0
    assert outputs(tmp_path) == before
    assert [d.counts for d in second.documents] == [d.counts for d in first.documents]
    assert [d.words for d in second.documents] == [d.words for d in first.documents]


def test_cached_output_equals_uncached_output(
    fake: FakeParser, corpus: Path, tmp_path: Path
) -> None:
    run(corpus, tmp_path)
    (tmp_path / "cards").rename(tmp_path / "first")
    run(corpus, tmp_path)  # from the cache, into a fresh cards dir
    cached = outputs(tmp_path)
    (tmp_path / "cards").rename(tmp_path / "cached")
    run(corpus, tmp_path, cache=False)
    assert outputs(tmp_path) == cached
    assert outputs(tmp_path, "first") == cached


def test_a_changed_document_is_parsed_again(fake: FakeParser, corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path)
    fake.parsed.clear()
    (corpus / "beta.md").write_text("Beta one.\n\nBeta two.\n", encoding="utf-8")
    run(corpus, tmp_path)
    assert fake.parsed == ["beta.md"]
    notes = read_cards(tmp_path / "cards" / "beta.jsonl")
    # "Beta one.\n" became "Beta one.": the same note, updated in place (see regenerate.py)
    assert [note.front for note in notes] == ["Beta one.", "Beta two.\n"]
    assert not any(ORPHANED_TAG in note.tags for note in notes)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"kinds": ("date", "quote")}, ["alpha.txt", "beta.md"]),
        ({"model": "some_other_model"}, ["alpha.txt", "beta.md"]),
        ({}, []),
    ],
)
def test_other_kinds_or_model_invalidate(
    fake: FakeParser, corpus: Path, tmp_path: Path, change: dict, expected: list[str]
) -> None:
    run(corpus, tmp_path)
    fake.parsed.clear()
    run(corpus, tmp_path, **change)
    assert fake.parsed == expected


def test_another_version_invalidates(
    fake: FakeParser, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(corpus, tmp_path)
    fake.parsed.clear()
    monkeypatch.setattr(cache, "__version__", "999.0")
    run(corpus, tmp_path)
    assert fake.parsed == ["alpha.txt", "beta.md"]


def test_changed_code_invalidates(
    fake: FakeParser, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(corpus, tmp_path)
    fake.parsed.clear()
    monkeypatch.setattr(cache, "source_fingerprint", lambda: "edited code")
    run(corpus, tmp_path)
    assert fake.parsed == ["alpha.txt", "beta.md"]


def test_no_cache_neither_reads_nor_writes(fake: FakeParser, corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path, cache=False)
    assert not (tmp_path / "cache").exists()
    run(corpus, tmp_path)
    fake.parsed.clear()
    run(corpus, tmp_path, cache=False)
    assert fake.parsed == ["alpha.txt", "beta.md"]


def corrupt_truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-5])


def corrupt_garbage(path: Path) -> None:
    path.write_bytes(b"\xff\xfe not json at all")


def corrupt_bad_note(path: Path) -> None:
    header, *_ = path.read_text(encoding="utf-8").split("\n")
    path.write_text(header + "\n" + json.dumps({"guid": "x"}) + "\n", encoding="utf-8")


def corrupt_other_key(path: Path) -> None:
    header, *rest = path.read_text(encoding="utf-8").split("\n")
    data = json.loads(header)
    data["key"] = "0" * 64
    path.write_text("\n".join([json.dumps(data), *rest]), encoding="utf-8")


def corrupt_empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize(
    "corrupt",
    [corrupt_truncate, corrupt_garbage, corrupt_bad_note, corrupt_other_key, corrupt_empty],
)
def test_a_damaged_entry_is_recomputed(
    fake: FakeParser, corpus: Path, tmp_path: Path, corrupt
) -> None:
    run(corpus, tmp_path)
    before = outputs(tmp_path)
    entries = sorted((tmp_path / "cache").rglob("*" + cache.ENTRY_SUFFIX))
    assert len(entries) == 2
    for entry in entries:
        corrupt(entry)
    fake.parsed.clear()
    run(corpus, tmp_path)
    assert fake.parsed == ["alpha.txt", "beta.md"]
    assert outputs(tmp_path) == before
    fake.parsed.clear()
    run(corpus, tmp_path)  # the recomputed entries were stored again
    assert fake.parsed == []


def test_an_unwritable_cache_is_not_an_error(
    fake: FakeParser, corpus: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    run(corpus, tmp_path, cache_dir=blocker)
    assert len(outputs(tmp_path)) == 3  # two cards files and the manifest


def test_an_unreadable_source_gets_no_key(tmp_path: Path) -> None:
    plan = build._plan([tmp_path / "missing.txt"], PipelineSpec("model", ("date",)))
    assert plan[0].key is None


# ------------------------------------------------------------------------------- keys


BASE = {"data": b"Some text.", "name": "a.txt", "model": "m", "kinds": ("date", "claim")}


@pytest.mark.parametrize(
    "change",
    [
        {"data": b"Some text!"},
        {"name": "b.txt"},
        {"model": "n"},
        {"kinds": ("date",)},
        {"kinds": ("claim", "date")},
        {"claim_density": 2.0},
        # a cached 1-question extraction must not serve a 3-question run
        {"questions_per_claim": 3},
    ],
)
def test_every_input_changes_the_key(change: dict) -> None:
    assert entry_key(**{**BASE, **change}) != entry_key(**BASE)


def test_the_key_is_stable() -> None:
    assert entry_key(**BASE) == entry_key(**dict(BASE))


@given(st.binary(), st.binary())
def test_different_bytes_give_different_keys(first: bytes, second: bytes) -> None:
    if first != second:
        assert entry_key(first, "a", "m", ()) != entry_key(second, "a", "m", ())


def test_source_fingerprint_follows_the_code(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text("x = 1\n", encoding="utf-8")
    first = source_fingerprint(package)
    source_fingerprint.cache_clear()
    assert source_fingerprint(package) == first
    (package / "a.py").write_text("x = 2\n", encoding="utf-8")
    source_fingerprint.cache_clear()
    assert source_fingerprint(package) != first


def test_model_fingerprint_reads_the_meta_of_a_model_path(tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text(json.dumps({"name": "x", "version": "1.2"}), "utf-8")
    assert "|x|1.2|" in cache.model_fingerprint(str(tmp_path))
    assert cache.model_fingerprint("no_such_model_anywhere").startswith("no_such_model_anywhere|?")


# ------------------------------------------------------------------------------- entries

titles = st.text(max_size=40)
fronts = st.lists(st.text(min_size=1, max_size=60).filter(str.strip), max_size=5)


@settings(max_examples=50)
@given(title=titles, words=st.integers(0, 10**6), texts=fronts)
def test_an_entry_reads_back_as_written(title: str, words: int, texts: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        store = ExtractionCache(Path(folder))
        lines = [note_line("a.txt", text) for text in texts]
        key = entry_key(b"x", "a.txt", "m", ())
        store.put(key, Extraction(title, words, lines))
        assert store.get(key) == Extraction(title, words, lines)
        assert store.get(entry_key(b"y", "a.txt", "m", ())) is None


def test_prune_deletes_entries_unused_for_a_month(tmp_path: Path) -> None:
    store = ExtractionCache(tmp_path)
    keys = [entry_key(data, "a.txt", "m", ()) for data in (b"old", b"used", b"new")]
    for key in keys:
        store.put(key, Extraction("T", 1, []))
    month_ago = time.time() - 31 * 24 * 3600
    for key in keys[:2]:
        os.utime(store.path_for(key), (month_ago, month_ago))
    assert store.get(keys[1]) is not None  # reading an entry marks it as in use
    assert store.prune() == 1
    assert store.get(keys[0]) is None and store.get(keys[1]) and store.get(keys[2])
    # at most once a day: a second prune right away looks at nothing
    os.utime(store.path_for(keys[2]), (month_ago, month_ago))
    assert store.prune() == 0
    assert store.prune(force=True) == 1


def test_a_question_already_asked_by_an_earlier_document_is_left_out(
    fake: FakeParser, tmp_path: Path
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text("Lenin died in 1924.\n\nThe NEP began.\n", encoding="utf-8")
    (folder / "b.txt").write_text("LENIN died in 1924!\n\nThe NEP ended.\n", encoding="utf-8")
    run(folder, tmp_path)
    fronts = {
        name: [n.front.strip() for n in read_cards(tmp_path / "cards" / f"{name}.jsonl")]
        for name in ("a", "b")
    }
    assert fronts == {"a": ["Lenin died in 1924.", "The NEP began."], "b": ["The NEP ended."]}


def test_cards_from_before_per_note_records_count_as_generated(
    fake: FakeParser, corpus: Path, tmp_path: Path
) -> None:
    """A manifest entry without "notes" was written by an older factcards: its file holds
    generated notes, so a note the source no longer gives is orphaned, not the user's own."""
    cards = tmp_path / "cards"
    cards.mkdir()
    old = note_line(str(corpus / "beta.md"), "An old claim.")
    (cards / "beta.jsonl").write_text(old + "\n", encoding="utf-8")
    manifest = {"documents": {"beta.jsonl": {"document": "beta.md", "title": "Beta"}}}
    (cards / ".manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    report = run(corpus, tmp_path)
    changes = next(d.changes for d in report.documents if d.cards_path.name == "beta.jsonl")
    assert [n.front for n in changes.orphaned] == ["An old claim."] and not changes.by_hand
