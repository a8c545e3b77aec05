"""The library behind the CLI: sources -> cards/ (extract) and cards/ -> decks/ (package).

Each function takes paths and options, does the work stage by stage, and returns a report the
CLI prints. A bad source file is reported and skipped; the others are still processed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
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
from .config import DEFAULT_KINDS, DEFAULT_MODEL, DeckOptions, PipelineSpec
from .errors import FactcardsError, InputError
from .model import Document, Kind, Note
from .regenerate import Merge, NoteRecord, content_key, merge_notes

if TYPE_CHECKING:
    from spacy.language import Language

    from .anki.templates import TemplateSet


@dataclass(slots=True)
class DocumentReport:
    document: str
    cards_path: Path
    counts: Counter[str]  # notes in the cards file by kind (suppressed ones left out)
    words: int
    changes: Merge | None = None  # what regeneration did to the cards file

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


STDIN = Path("-")
STDIN_NAME = "stdin"  # the document name (and cards file stem) of standard input


def display_name(path: Path) -> str:
    """The path relative to the working directory when it lies below it, else as given."""
    if path == STDIN:
        return STDIN_NAME
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
    data: bytes | None = None  # the content of standard input ("-"), read once


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


def _plan(paths: Sequence[Path], spec: PipelineSpec, stdin: bytes | None = None) -> list[_Source]:
    """Hash every source (one read each; only standard input is kept) to find its cache key."""
    plan = []
    for index, path in enumerate(paths):
        kept = None
        name = display_name(path)
        if path == STDIN:
            data = kept = stdin or b""
        else:
            try:
                data = path.read_bytes()
            except OSError:
                plan.append(_Source(index, path, name, None, 0))
                continue
        key = entry_key(
            data, name, spec.model, spec.kinds, spec.claim_density, spec.questions_per_claim
        )
        plan.append(_Source(index, path, name, key, len(data.split()), kept))
    return plan


def _extract_documents(nlp: Language, sources: Sequence[_Source]) -> Iterator[Outcome]:
    """Read, parse and turn `sources` into cards lines: one outcome each, in order."""
    from .nlp.pipeline import extract as extract_facts
    from .questions import build_notes

    failed: dict[int, _Failure] = {}
    parsed_order: deque[int] = deque()

    def documents() -> Iterator[Document]:
        for source in sources:
            try:
                document = _read_source(source)
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

# The pipeline this process loaded, and for what. Workers forked from a process that loaded it
# share it (copy-on-write) instead of each spending a second or two loading their own.
_loaded: tuple[PipelineSpec, Language] | None = None


def _pipeline_for(spec: PipelineSpec) -> Language:
    global _loaded
    if _loaded is None or _loaded[0] != spec:
        from .nlp.pipeline import load_pipeline

        _loaded = (
            spec,
            load_pipeline(spec.model, spec.kinds, spec.claim_density, spec.questions_per_claim),
        )
    return _loaded[1]


def _single_threaded_math() -> None:
    # one thread per worker: N workers x N BLAS threads on N cores would fight for them
    for variable in WORKER_THREAD_VARIABLES:
        os.environ.setdefault(variable, "1")


def _extract_unit(spec: PipelineSpec, unit: list[_Source]) -> list[Outcome]:
    if _loaded is None:  # a spawned worker: nothing inherited
        _single_threaded_math()
    return list(_extract_documents(_pipeline_for(spec), unit))


def _extract_in_workers(
    sources: Sequence[_Source], spec: PipelineSpec, jobs: int
) -> Iterator[Outcome]:
    """Split `sources` among `jobs` worker processes; outcomes come back in input order.

    Where processes can fork (Linux, macOS), the pipeline is loaded once here and the workers
    inherit it; elsewhere each worker loads its own.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        if _loaded is None or _loaded[0] != spec:
            _single_threaded_math()  # before numpy is first imported, for the workers' sake
        _pipeline_for(spec)
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    units = _units(sources, jobs)
    work = functools.partial(_extract_unit, spec)
    with context.Pool(processes=min(jobs, len(units))) as pool:
        for outcomes in pool.imap(work, units):
            yield from outcomes


def _extract_all(sources: Sequence[_Source], spec: PipelineSpec, jobs: int) -> Iterator[Outcome]:
    if not sources:
        return
    words = sum(source.words for source in sources)
    if jobs > 1 and len(sources) > 1 and words >= PARALLEL_MIN_WORDS:
        yield from _extract_in_workers(sources, spec, jobs)
        return
    yield from _extract_documents(_pipeline_for(spec), sources)


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
    claim_density: float | None = None,
    questions_per_claim: int | None = None,
) -> RunReport:
    """Read, parse and turn every source into notes merged into cards_dir (one file each).

    A document whose extraction is cached (same bytes, name, code, model, kinds, claim density
    and questions per claim) is not parsed again; when all are cached the spaCy pipeline is not
    even loaded. `jobs` worker processes share the parsing (default: all cores); the output is
    the same for any `jobs`. The fresh notes are merged into the existing cards files, keeping
    the user's edits (see regenerate.py). `on_progress(done, total)` is called after each document.
    """

    started = time.perf_counter()
    report = RunReport()
    paths, stdin = _expand(sources)
    cards_paths = _cards_paths(paths, Path(cards_dir))
    store = ExtractionCache(cache_dir) if cache else None
    if store is not None:
        store.prune()
    spec = PipelineSpec(model, tuple(kinds), claim_density, questions_per_claim)
    plan = _plan(paths, spec, stdin)
    cached: dict[int, Extraction] = {}
    if store is not None:
        for source in plan:
            if source.key is not None and (hit := store.get(source.key)) is not None:
                cached[source.index] = hit
    misses = [source for source in plan if source.index not in cached]
    fresh = _extract_all(misses, spec, jobs or default_jobs())
    manifest = cards_io.read_manifest(Path(cards_dir))
    asked: set[tuple[str, str, str]] = set()  # questions of the run's documents so far
    manifest_entries: dict[str, dict[str, object]] = {}
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
        try:
            merge = _regenerate(extraction, cards_path, manifest, asked, source)
        except FactcardsError as exc:  # the user's cards file is broken: leave it alone
            report.failures.append(exc)
            if on_progress:
                on_progress(done, len(plan))
            continue
        manifest_entries[cards_path.name] = {
            "document": source.name,
            "title": extraction.title,
            "notes": cards_io.records_to_json(merge.records),
        }
        doc_report = DocumentReport(
            document=source.name,
            cards_path=cards_path,
            counts=Counter(note.kind for note in merge.notes if not note.suppressed),
            words=extraction.words,
            changes=merge,
        )
        report.documents.append(doc_report)
        if on_document:
            on_document(doc_report)
        if on_progress:
            on_progress(done, len(plan))
    cards_io.remove_stale_temporaries(Path(cards_dir))
    if manifest_entries:
        cards_io.update_manifest(Path(cards_dir), manifest_entries)
        _write_change_report(Path(cards_dir), report.documents)
    report.seconds = time.perf_counter() - started
    return report


def _expand(sources: Iterable[Path]) -> tuple[list[Path], bytes | None]:
    """The source files, with "-" (standard input, read here once) where it was named."""
    from .ingest import expand_sources

    given = [Path(s) for s in sources]
    if STDIN not in given:
        return expand_sources(given), None
    if given.count(STDIN) > 1:
        raise InputError("standard input ('-') can be read only once")
    position = given.index(STDIN)
    before = expand_sources(given[:position]) if given[:position] else []
    after = expand_sources(given[position + 1 :]) if given[position + 1 :] else []
    return [*before, STDIN, *after], sys.stdin.buffer.read()


def _regenerate(
    extraction: Extraction,
    cards_path: Path,
    manifest: dict,
    seen: set[tuple[str, str, str]],
    source: _Source,
) -> Merge:
    """Merge the fresh notes into the user's cards file (see regenerate.py) and write it.

    A note that repeats one of an earlier document of the run (same kind, question and answer
    once case, punctuation and spacing are ignored) is left out: one card per fact. A manifest
    entry from before per-note records (no "notes") means the file is as factcards wrote it.
    """
    from .questions import normalise

    fresh = []
    for line in extraction.lines:
        note = cards_io.note_from_json(json.loads(line))
        key = (note.kind, normalise(note.front), normalise(note.back))
        if key in seen:
            continue
        seen.add(key)
        fresh.append(note)
    existing = cards_io.read_cards(cards_path) if cards_path.exists() else None
    records = cards_io.note_records(manifest, cards_path.name)
    entry = manifest["documents"].get(cards_path.name)
    if existing is not None and isinstance(entry, dict) and "notes" not in entry:
        records = {note.guid: NoteRecord(generated=content_key(note)) for note in existing}
    merge = merge_notes(existing, fresh, records, _sentence_finder(source))
    _write_lines([cards_io.note_to_line(note) for note in merge.notes], cards_path)
    return merge


def _read_source(source: _Source) -> Document:
    """The source's Document: standard input from the bytes read once, a file from disk."""
    from .ingest import read_document, read_document_bytes

    if source.data is not None:
        return read_document_bytes(source.data, source.name)
    return read_document(source.path, source.name)


def _sentence_finder(source: _Source) -> Callable[[str], bool]:
    """Whether a sentence is in the source's clean text; the source is read again only when
    asked (a claim the fresh notes lack), so an unchanged rebuild costs nothing."""
    text: list[str] = []

    def in_source(sentence: str) -> bool:
        if not text:
            try:
                document = _read_source(source)
            except FactcardsError:
                document = None
            text.append(document.text if document is not None else "")
        return bool(sentence) and sentence in text[0]

    return in_source


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


def _write_change_report(cards_dir: Path, documents: Sequence[DocumentReport]) -> None:
    """What the last extraction changed, by cards file (read by `factcards preview`)."""
    import datetime as dt

    def brief(note: Note) -> dict[str, str]:
        return {"guid": note.guid, "kind": note.kind, "front": note.front}

    entries = {}
    for report in documents:
        merge = report.changes
        if merge is None:
            continue
        entries[report.cards_path.name] = {
            "document": report.document,
            "new": [note.guid for note in merge.new],
            "updated": [note.guid for note in merge.updated],
            "unchanged": [note.guid for note in merge.unchanged],
            "edited": [note.guid for note in merge.edited],
            "by_hand": [note.guid for note in merge.by_hand],
            "orphaned": [brief(note) for note in merge.orphaned],
            "conflicts": [brief(note) for note in merge.conflicts],
            "deleted": merge.deleted,
            "suppressed": merge.suppressed,
        }
    built = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    try:
        with cards_io.atomic_writer(cards_dir / cards_io.CHANGES_NAME) as out:
            json.dump({"built": built, "documents": entries}, out, ensure_ascii=False, indent=1)
            out.write("\n")
    except FactcardsError:
        pass  # the report is for the preview; the build itself succeeded


def deck_path_for(cards_path: Path, decks_dir: Path) -> Path:
    return Path(decks_dir) / (cards_path.stem + ".apkg")


DECKS_RECORD = ".factcards-decks.json"  # in decks/: what each deck was packaged from


def _deck_key(cards_path: Path, deck_name: str, context: Sequence[object]) -> str | None:
    """What a deck depends on: its cards file, its name, the templates, the tags and the code."""
    try:
        data = cards_path.read_bytes()
    except OSError:
        return None
    header = json.dumps(
        [__version__, source_fingerprint(), deck_name, *context], ensure_ascii=False, default=str
    )
    return hashlib.sha256(header.encode("utf-8") + b"\0" + data).hexdigest()


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


def deck_name_for(cards_path: Path, options: DeckOptions) -> str:
    """The options' deck name pattern filled in: {title} (the document's), {stem}."""
    title = cards_io.deck_title(cards_path)
    try:
        name = options.deck_name.format(title=title, stem=cards_path.stem)
    except (KeyError, IndexError, ValueError) as exc:
        raise InputError(
            f"deck name pattern {options.deck_name!r} is not valid "
            "(use {title} and {stem}, double braces for literal ones)"
        ) from exc
    return options.deck_prefix + name


def load_deck_templates(options: DeckOptions) -> TemplateSet:
    """The templates the decks will use, checked before anything is written."""
    from .anki.templates import load_templates

    return load_templates(options.templates)


def package(
    cards_files: Iterable[Path],
    decks_dir: Path,
    report: RunReport | None = None,
    on_deck: Callable[[DeckReport], None] | None = None,
    *,
    skip_unchanged: bool = False,
    options: DeckOptions | None = None,
    templates: TemplateSet | None = None,
) -> RunReport:
    """Package each cards file into decks_dir/<stem>.apkg, deck `factcards::<title>`.

    Each note's modification time is when its packaged content last changed, kept in the cards
    manifest, so importing the deck updates exactly the changed notes. With `skip_unchanged`, a
    deck packaged from the same cards, templates and options (as recorded in
    decks_dir/.factcards-decks.json) and not touched since is left as it is.
    """
    report = report or RunReport()
    options = options or DeckOptions()
    templates = templates or load_deck_templates(options)
    context = [options.key(), dict(templates.texts), templates.modified]
    decks_dir = Path(decks_dir)
    cards_io.remove_stale_temporaries(decks_dir)
    record = _read_deck_record(decks_dir) if skip_unchanged else {}
    recorded = False
    for cards_path in cards_io.expand_cards([Path(c) for c in cards_files]):
        deck_path = deck_path_for(cards_path, decks_dir)
        try:
            deck_name = deck_name_for(cards_path, options)
        except FactcardsError as exc:
            report.failures.append(exc)
            continue
        key = _deck_key(cards_path, deck_name, context) if skip_unchanged else None
        entry = record.get(deck_path.name)
        if skip_unchanged and _deck_unchanged(deck_path, entry, key):
            assert isinstance(entry, dict)
            deck = DeckReport(cards_path, deck_path, deck_name, int(entry["notes"]), unchanged=True)
        else:
            try:
                count = _write_deck(cards_path, deck_name, deck_path, templates, options)
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


def _write_deck(
    cards_path: Path, deck_name: str, deck_path: Path, templates: TemplateSet, options: DeckOptions
) -> int:
    """Write one deck, stamping each note with the time its packaged content last changed."""
    from .anki import write_deck

    notes: list[Note] = cards_io.read_cards(cards_path)
    manifest = cards_io.read_manifest(cards_path.parent)
    records = cards_io.note_records(manifest, cards_path.name)
    now = int(time.time())
    changed = False

    def note_time(guid: str, fingerprint: str) -> float:
        nonlocal changed
        record = records.setdefault(guid, NoteRecord())
        if record.packaged != fingerprint or not record.modified:
            # strictly newer than the last stamp: two builds in one second still update Anki
            record.modified = max(now, record.modified + 1)
            record.packaged = fingerprint
            changed = True
        return record.modified

    count = write_deck(
        notes, deck_name, deck_path, templates, note_time=note_time, extra_tags=options.tags
    )
    if changed:
        entry = {"notes": cards_io.records_to_json(records)}
        cards_io.update_manifest(cards_path.parent, {cards_path.name: entry})
    return count


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
    claim_density: float | None = None,
    questions_per_claim: int | None = None,
    options: DeckOptions | None = None,
) -> RunReport:
    """extract, then package the documents' cards; with the cache, unchanged decks are kept.

    The templates are loaded and checked first: a bad one stops the build before any work.
    """
    options = options or DeckOptions()
    templates = load_deck_templates(options)
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
        claim_density=claim_density,
        questions_per_claim=questions_per_claim,
    )
    if report.documents:
        package(
            [d.cards_path for d in report.documents],
            decks_dir,
            report,
            on_deck,
            skip_unchanged=cache,
            options=options,
            templates=templates,
        )
    return report
