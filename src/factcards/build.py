"""The library behind the CLI: sources -> cards/ (extract) and cards/ -> decks/ (package).

Each function takes paths and options, does the work stage by stage, and returns a report the
CLI prints. A bad source file is reported and skipped; the others are still processed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import cards as cards_io
from .config import DECK_PREFIX, DEFAULT_KINDS, DEFAULT_MODEL
from .errors import FactcardsError
from .model import Document, Kind, Note


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


@dataclass(slots=True)
class RunReport:
    documents: list[DocumentReport] = field(default_factory=list)
    decks: list[DeckReport] = field(default_factory=list)
    failures: list[FactcardsError] = field(default_factory=list)

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


def _read_documents(paths: Sequence[Path], failures: list[FactcardsError]) -> Iterator[Document]:
    from .ingest import read_document

    for path in paths:
        try:
            yield read_document(path, display_name(path))
        except FactcardsError as exc:
            failures.append(exc)


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


def extract(
    sources: Iterable[Path],
    cards_dir: Path,
    model: str = DEFAULT_MODEL,
    kinds: Sequence[Kind] = DEFAULT_KINDS,
    on_document: Callable[[DocumentReport], None] | None = None,
) -> RunReport:
    """Read, parse and turn every source into notes written to cards_dir (one file each)."""
    from .ingest import expand_sources
    from .nlp.pipeline import extract as extract_facts
    from .nlp.pipeline import load_pipeline
    from .questions import build_notes

    report = RunReport()
    paths = expand_sources([Path(s) for s in sources])
    cards_paths = _cards_paths(paths, Path(cards_dir))
    nlp = load_pipeline(model, kinds)
    for document, facts in extract_facts(nlp, _read_documents(paths, report.failures)):
        notes = build_notes(document, facts)
        cards_path = cards_paths[document.name]
        cards_io.write_cards(notes, cards_path)
        cards_io.update_manifest(
            cards_path.parent,
            cards_path.name,
            {"document": document.name, "title": document.title},
        )
        doc_report = DocumentReport(
            document=document.name,
            cards_path=cards_path,
            counts=Counter(n.kind for n in notes),
            words=len(document.text.split()),
        )
        report.documents.append(doc_report)
        if on_document:
            on_document(doc_report)
    return report


def deck_path_for(cards_path: Path, decks_dir: Path) -> Path:
    return Path(decks_dir) / (cards_path.stem + ".apkg")


def package(
    cards_files: Iterable[Path],
    decks_dir: Path,
    report: RunReport | None = None,
    on_deck: Callable[[DeckReport], None] | None = None,
) -> RunReport:
    """Package each cards file into decks_dir/<stem>.apkg, deck `factcards::<title>`."""
    from .anki import write_deck

    report = report or RunReport()
    for cards_path in cards_io.expand_cards([Path(c) for c in cards_files]):
        try:
            notes: list[Note] = cards_io.read_cards(cards_path)
        except FactcardsError as exc:
            report.failures.append(exc)
            continue
        deck_name = DECK_PREFIX + cards_io.deck_title(cards_path)
        deck_path = deck_path_for(cards_path, decks_dir)
        try:
            count = write_deck(notes, deck_name, deck_path)
        except FactcardsError as exc:
            report.failures.append(exc)
            continue
        deck = DeckReport(cards_path, deck_path, deck_name, count)
        report.decks.append(deck)
        if on_deck:
            on_deck(deck)
    return report


def build(
    sources: Iterable[Path],
    cards_dir: Path,
    decks_dir: Path,
    model: str = DEFAULT_MODEL,
    kinds: Sequence[Kind] = DEFAULT_KINDS,
    on_document: Callable[[DocumentReport], None] | None = None,
    on_deck: Callable[[DeckReport], None] | None = None,
) -> RunReport:
    report = extract(sources, cards_dir, model, kinds, on_document)
    if report.documents:
        package([d.cards_path for d in report.documents], decks_dir, report, on_deck)
    return report
