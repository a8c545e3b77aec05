"""The library behind the CLI: sources -> cards/ (extract) and cards/ -> decks/ (package).

Each function takes paths and options, does the work stage by stage, and returns a report the
CLI prints. A bad source file is reported and skipped; the others are still processed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from . import cards as cards_io
from .cache import (
    DEFAULT_CACHE_DIR,
    Extraction,
    ExtractionCache,
    entry_key,
    source_fingerprint,
)
from .config import DECK_PREFIX, DEFAULT_KINDS, DEFAULT_MODEL
from .errors import FactcardsError
from .model import Document, Kind, Note

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(slots=True)
class DocumentReport:
    document: str
    cards_path: Path
    counts: Counter[str]
    words: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(slots=True)
class DeckReport:
    cards_path: Path
    deck_path: Path
    deck_name: str
    notes: int
    unchanged: bool = False  # the deck was already up to date and was not rewritten


@dataclass(slots=True)
class RunReport:
    documents: list[DocumentReport] = field(default_factory=list)
    decks: list[DeckReport] = field(default_factory=list)
    failures: list[FactcardsError] = field(default_factory=list)
    cached: int = 0  # documents whose notes came from the cache
    parsed_words: int = 0  # words of the documents parsed in this run (not cached)
    seconds: float = 0.0  # wall time of the extraction

    @property
    def words(self) -> int:
        return sum(report.words for report in self.documents)

    def totals(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for report in self.documents:
            total.update(report.counts)
        return total


def display_name(path: Path) -> str:
    """The path relative to the working directory when it lies below it, else as given."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _cards_paths(documents: Sequence[Path], cards_dir: Path) -> dict[str, Path]:
    """One cards file per document; documents with the same stem get their parent's name too."""
    names = [display_name(p) for p in documents]
    stems = Counter(cards_io.cards_filename(n) for n in names)
    out = {}
    for name in names:
        filename = cards_io.cards_filename(name)
        if stems[filename] > 1:
            filename = "--".join(Path(name).with_suffix("").parts[-2:]) + cards_io.CARDS_SUFFIX
        out[name] = cards_dir / filename
    return out


# --------------------------------------------------------------------------- extraction

PARALLEL_MIN_WORDS = 4_000  # below this, starting worker processes costs more than it saves
UNIT_MIN_WORDS = 2_000  # documents go to workers in units of at least this many words
UNIT_MAX_WORDS = 50_000  # ... and at most this many (a larger document is a unit of its own)
UNITS_PER_JOB = 4  # several units per worker, so a slow unit does not leave a core idle
BATCH_WORDS = 4_000  # nlp.pipe holds a whole batch of Docs: keep it this small in words
MAX_BATCH = 64


@dataclass(slots=True)
class _Source:
    """A source file to extract: where its result goes in the run and its cache key."""

    index: int
    path: Path
    name: str
    key: str | None  # None when the file could not be read (extraction reports why)
    words: int  # estimated from the raw bytes, for planning only


@dataclass(slots=True)
class _Failure:
    """A FactcardsError that survives pickling between processes (its path included)."""

    error_type: type[FactcardsError]
    message: str
    path: str | None

    @classmethod
    def of(cls, exc: FactcardsError) -> _Failure:
        return cls(type(exc), exc.message, None if exc.path is None else str(exc.path))

    def error(self) -> FactcardsError:
        return self.error_type(self.message, self.path)


Outcome = Extraction | _Failure


def _plan(paths: Sequence[Path], model: str, kinds: Sequence[Kind]) -> list[_Source]:
    """Hash every source (one read each; nothing is kept) to find its cache key."""
    plan = []
    for index, path in enumerate(paths):
        name = display_name(path)
        try:
            data = path.read_bytes()
        except OSError:
            plan.append(_Source(index, path, name, None, 0))
            continue
        key = entry_key(data, name, model, kinds)
        plan.append(_Source(index, path, name, key, len(data.split())))
    return plan


def _extract_documents(nlp: Language, sources: Sequence[_Source]) -> Iterator[Outcome]:
    """Read, parse and turn `sources` into cards lines: one outcome each, in order."""
    from .ingest import read_document
    from .nlp.pipeline import extract as extract_facts
    from .questions import build_notes

    failed: dict[int, _Failure] = {}
    parsed_order: deque[int] = deque()

    def documents() -> Iterator[Document]:
        for source in sources:
            try:
                document = read_document(source.path, source.name)
            except FactcardsError as exc:
                failed[source.index] = _Failure.of(exc)
                continue
            parsed_order.append(source.index)
            yield document

    # memory stays flat only if a batch of Docs is small however long the documents are
    average_words = sum(source.words for source in sources) // max(1, len(sources))
    batch_size = max(1, min(MAX_BATCH, BATCH_WORDS // max(1, average_words)))

    def outcomes() -> Iterator[tuple[int, Outcome]]:
        for document, facts in extract_facts(nlp, documents(), batch_size=batch_size):
            yield from _drain(failed)
            lines = [cards_io.note_to_line(note) for note in build_notes(document, facts)]
            words = len(document.text.split())
            yield parsed_order.popleft(), Extraction(document.title, words, lines)
        yield from _drain(failed)

    # nlp.pipe reads ahead, so outcomes arrive slightly out of order: put them back in order
    waiting: dict[int, Outcome] = {}
    position = 0
    for index, outcome in outcomes():
        waiting[index] = outcome
        while position < len(sources) and sources[position].index in waiting:
            yield waiting.pop(sources[position].index)
            position += 1


def _drain(failed: dict[int, _Failure]) -> Iterator[tuple[int, _Failure]]:
    while failed:
        yield failed.popitem()


def _units(sources: Sequence[_Source], jobs: int) -> list[list[_Source]]:
    """Consecutive documents grouped into units of similar size for the workers."""
    total = sum(source.words for source in sources)
    target = min(UNIT_MAX_WORDS, max(UNIT_MIN_WORDS, total // (jobs * UNITS_PER_JOB)))
    units: list[list[_Source]] = [[]]
    size = 0
    for source in sources:
        if units[-1] and size + source.words > target:
            units.append([])
            size = 0
        units[-1].append(source)
        size += source.words
    return units


WORKER_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

# one pipeline per worker process, loaded by its first unit
_worker_pipeline: Language | None = None


def _extract_unit(model: str, kinds: Sequence[Kind], unit: list[_Source]) -> list[Outcome]:
    global _worker_pipeline
    if _worker_pipeline is None:
        # one thread per worker: N workers x N BLAS threads on N cores would fight for them
        for variable in WORKER_THREAD_VARIABLES:
            os.environ.setdefault(variable, "1")
        from .nlp.pipeline import load_pipeline

        _worker_pipeline = load_pipeline(model, kinds)
    return list(_extract_documents(_worker_pipeline, unit))


def _extract_in_workers(
    sources: Sequence[_Source], model: str, kinds: Sequence[Kind], jobs: int
) -> Iterator[Outcome]:
    """Split `sources` among `jobs` worker processes; outcomes come back in input order."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    units = _units(sources, jobs)
    work = functools.partial(_extract_unit, model, tuple(kinds))
    with context.Pool(processes=min(jobs, len(units))) as pool:
        for outcomes in pool.imap(work, units):
            yield from outcomes


def _extract_all(
    sources: Sequence[_Source], model: str, kinds: Sequence[Kind], jobs: int
) -> Iterator[Outcome]:
    if not sources:
        return
    words = sum(source.words for source in sources)
    if jobs > 1 and len(sources) > 1 and words >= PARALLEL_MIN_WORDS:
        yield from _extract_in_workers(sources, model, kinds, jobs)
        return
    from .nlp.pipeline import load_pipeline

    yield from _extract_documents(load_pipeline(model, kinds), sources)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def extract(
    sources: Iterable[Path],
    cards_dir: Path,
    model: str = DEFAULT_MODEL,
    kinds: Sequence[Kind] = DEFAULT_KINDS,
    on_document: Callable[[DocumentReport], None] | None = None,
    *,
    jobs: int | None = None,
    cache: bool = True,
    cache_dir: Path = DEFAULT_CACHE_DIR,
    on_progress: Callable[[int, int], None] | None = None,
) -> RunReport:
    """Read, parse and turn every source into notes written to cards_dir (one file each).

    A document whose extraction is cached (same bytes, name, code, model and kinds) is not
    parsed again; when all are cached the spaCy pipeline is not even loaded. `jobs` worker
    processes share the parsing (default: all cores); the output is the same for any `jobs`.
    `on_progress(done, total)` is called after each document.
    """
    from .ingest import expand_sources

    started = time.perf_counter()
    report = RunReport()
    paths = expand_sources([Path(s) for s in sources])
    cards_paths = _cards_paths(paths, Path(cards_dir))
    store = ExtractionCache(cache_dir) if cache else None
    plan = _plan(paths, model, kinds)
    cached: dict[int, Extraction] = {}
    if store is not None:
        for source in plan:
            if source.key is not None and (hit := store.get(source.key)) is not None:
                cached[source.index] = hit
    misses = [source for source in plan if source.index not in cached]
    fresh = _extract_all(misses, model, kinds, jobs or default_jobs())
    manifest_entries: dict[str, dict[str, str]] = {}
    for done, source in enumerate(plan, start=1):
        extraction = cached.get(source.index)
        if extraction is None:
            outcome = next(fresh)
            if isinstance(outcome, _Failure):
                report.failures.append(outcome.error())
                if on_progress:
                    on_progress(done, len(plan))
                continue
            extraction = outcome
            report.parsed_words += extraction.words
            if store is not None and source.key is not None:
                store.put(source.key, extraction)
        else:
            report.cached += 1
        cards_path = cards_paths[source.name]
        _write_lines(extraction.lines, cards_path)
        manifest_entries[cards_path.name] = {"document": source.name, "title": extraction.title}
        doc_report = DocumentReport(
            document=source.name,
            cards_path=cards_path,
            counts=Counter(json.loads(line)["kind"] for line in extraction.lines),
            words=extraction.words,
        )
        report.documents.append(doc_report)
        if on_document:
            on_document(doc_report)
        if on_progress:
            on_progress(done, len(plan))
    if manifest_entries:
        _update_manifest(Path(cards_dir), manifest_entries)
    report.seconds = time.perf_counter() - started
    return report


def _write_lines(lines: Sequence[str], path: Path) -> None:
    """Write a cards file, unless it already holds exactly these lines (a rebuild stays cheap)."""
    content = "".join(line + "\n" for line in lines)
    try:
        if path.read_text(encoding="utf-8") == content:
            return
    except (OSError, UnicodeDecodeError):
        pass
    with cards_io.atomic_writer(path) as out:
        out.write(content)


def _update_manifest(cards_dir: Path, entries: dict[str, dict[str, str]]) -> None:
    """Record every document's entry in one write (as cards.update_manifest would, entry by
    entry), and only when something changed."""
    manifest = cards_io.read_manifest(cards_dir)
    documents = dict(sorted({**manifest["documents"], **entries}.items()))
    path = cards_dir / cards_io.MANIFEST_NAME
    if documents == manifest["documents"] and path.exists():
        return
    manifest["documents"] = documents
    with cards_io.atomic_writer(path) as out:
        json.dump(manifest, out, ensure_ascii=False, indent=1)
        out.write("\n")


def deck_path_for(cards_path: Path, decks_dir: Path) -> Path:
    return Path(decks_dir) / (cards_path.stem + ".apkg")


DECKS_RECORD = ".factcards-decks.json"  # in decks/: what each deck was packaged from


def _deck_key(cards_path: Path, deck_name: str) -> str | None:
    """What a deck depends on: its cards file, its name and the code that packages it."""
    try:
        data = cards_path.read_bytes()
    except OSError:
        return None
    context = json.dumps([__version__, source_fingerprint(), deck_name], ensure_ascii=False)
    return hashlib.sha256(context.encode("utf-8") + b"\0" + data).hexdigest()


def _deck_unchanged(deck_path: Path, entry: object, key: str | None) -> bool:
    if key is None or not isinstance(entry, dict) or entry.get("key") != key:
        return False
    try:
        stat = deck_path.stat()
    except OSError:
        return False
    return entry.get("size") == stat.st_size and entry.get("mtime_ns") == stat.st_mtime_ns


def _read_deck_record(decks_dir: Path) -> dict[str, object]:
    try:
        record = json.loads((decks_dir / DECKS_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def package(
    cards_files: Iterable[Path],
    decks_dir: Path,
    report: RunReport | None = None,
    on_deck: Callable[[DeckReport], None] | None = None,
    *,
    skip_unchanged: bool = False,
) -> RunReport:
    """Package each cards file into decks_dir/<stem>.apkg, deck `factcards::<title>`.

    With `skip_unchanged`, a deck packaged from the same cards (as recorded in
    decks_dir/.factcards-decks.json) and not touched since is left as it is.
    """
    report = report or RunReport()
    decks_dir = Path(decks_dir)
    record = _read_deck_record(decks_dir) if skip_unchanged else {}
    recorded = False
    for cards_path in cards_io.expand_cards([Path(c) for c in cards_files]):
        deck_name = DECK_PREFIX + cards_io.deck_title(cards_path)
        deck_path = deck_path_for(cards_path, decks_dir)
        key = _deck_key(cards_path, deck_name) if skip_unchanged else None
        entry = record.get(deck_path.name)
        if skip_unchanged and _deck_unchanged(deck_path, entry, key):
            assert isinstance(entry, dict)
            deck = DeckReport(cards_path, deck_path, deck_name, int(entry["notes"]), unchanged=True)
        else:
            try:
                count = _write_deck(cards_path, deck_name, deck_path)
            except FactcardsError as exc:
                report.failures.append(exc)
                continue
            deck = DeckReport(cards_path, deck_path, deck_name, count)
            if key is not None:
                stat = deck_path.stat()
                record[deck_path.name] = {
                    "key": key,
                    "notes": count,
                    "size": stat.st_size,
                    "mtime_ns": stat.st_mtime_ns,
                }
                recorded = True
        report.decks.append(deck)
        if on_deck:
            on_deck(deck)
    if recorded:
        try:
            with cards_io.atomic_writer(decks_dir / DECKS_RECORD) as out:
                json.dump(dict(sorted(record.items())), out, indent=1)
                out.write("\n")
        except FactcardsError:
            pass  # without the record the next build packages again: slower, still right
    return report


def _write_deck(cards_path: Path, deck_name: str, deck_path: Path) -> int:
    from .anki import write_deck

    notes: list[Note] = cards_io.read_cards(cards_path)
    return write_deck(notes, deck_name, deck_path)


def build(
    sources: Iterable[Path],
    cards_dir: Path,
    decks_dir: Path,
    model: str = DEFAULT_MODEL,
    kinds: Sequence[Kind] = DEFAULT_KINDS,
    on_document: Callable[[DocumentReport], None] | None = None,
    on_deck: Callable[[DeckReport], None] | None = None,
    *,
    jobs: int | None = None,
    cache: bool = True,
    cache_dir: Path = DEFAULT_CACHE_DIR,
    on_progress: Callable[[int, int], None] | None = None,
) -> RunReport:
    """extract, then package the documents' cards; with the cache, unchanged decks are kept."""
    report = extract(
        sources,
        cards_dir,
        model,
        kinds,
        on_document,
        jobs=jobs,
        cache=cache,
        cache_dir=cache_dir,
        on_progress=on_progress,
    )
    if report.documents:
        package(
            [d.cards_path for d in report.documents],
            decks_dir,
            report,
            on_deck,
            skip_unchanged=cache,
        )
    return report
