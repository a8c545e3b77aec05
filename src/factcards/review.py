"""What `factcards preview` and `factcards stats` look at: documents, their notes, the last build.

`gather` runs the library extraction (cached, so fast after a build) into a temporary cards
folder seeded with a copy of the user's cards/ (their edits and suppressions carry over exactly
as a build would apply them), so neither command writes anything into cards/. `read_changes`
reads the change report the last build left in cards/, defensively: a missing or damaged
report is simply no report.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache import DEFAULT_CACHE_DIR
from .cards import CHANGES_NAME
from .config import DEFAULT_KINDS, DEFAULT_MODEL, DeckOptions
from .errors import FactcardsError
from .model import Document, Kind, Note

CARDS_SUFFIX = ".jsonl"
MANIFEST_NAME = ".manifest.json"


@dataclass(slots=True)
class ReviewedDocument:
    """One source document, its notes (in document order) and its cards file's name."""

    document: Document
    notes: list[Note]
    cards_file: str  # "lecture.jsonl": the key of the change report
    deck_name: str = ""  # the deck a build would put the notes in ("" when not known)

    @property
    def name(self) -> str:
        return self.document.name

    @property
    def title(self) -> str:
        return self.document.title or self.document.name


@dataclass(slots=True)
class Review:
    documents: list[ReviewedDocument] = field(default_factory=list)
    failures: list[FactcardsError] = field(default_factory=list)


def _seed(cards_dir: Path, scratch: Path) -> None:
    """Copy the user's cards files and manifest, so extraction merges into them as a build
    would (and never writes into the real folder)."""
    if not cards_dir.is_dir():
        return
    for path in cards_dir.iterdir():
        if path.is_file() and (path.suffix == CARDS_SUFFIX or path.name == MANIFEST_NAME):
            try:
                shutil.copy2(path, scratch / path.name)
            except OSError:
                continue  # unreadable: extraction reports it, or starts afresh


def gather(
    sources: Iterable[Path],
    cards_dir: Path | None = None,
    *,
    model: str = DEFAULT_MODEL,
    kinds: Sequence[Kind] = DEFAULT_KINDS,
    jobs: int | None = None,
    cache: bool = True,
    cache_dir: Path = DEFAULT_CACHE_DIR,
    claim_density: float | None = None,
    questions_per_claim: int | None = None,
    deck_options: DeckOptions | None = None,
) -> Review:
    """Extract `sources` (as `factcards extract` would, into a scratch folder) and read back
    each document with its notes and the name of its deck (with `deck_options`, as a build
    names it). Failures are collected, not raised, like extract's."""
    from . import build
    from .cards import read_cards
    from .ingest import expand_sources, read_document

    paths = {build.display_name(path): path for path in expand_sources([Path(s) for s in sources])}
    review = Review()
    with tempfile.TemporaryDirectory(prefix="factcards-review-") as scratch_name:
        scratch = Path(scratch_name)
        if cards_dir is not None:
            _seed(Path(cards_dir), scratch)
        report = build.extract(
            list(paths.values()),
            scratch,
            model=model,
            kinds=kinds,
            jobs=jobs,
            cache=cache,
            cache_dir=cache_dir,
            claim_density=claim_density,
            questions_per_claim=questions_per_claim,
        )
        review.failures.extend(report.failures)
        for document_report in report.documents:
            try:
                notes = read_cards(document_report.cards_path)
                path = paths.get(document_report.document, Path(document_report.document))
                document = read_document(path, document_report.document)
                deck_name = (
                    build.deck_name_for(document_report.cards_path, deck_options)
                    if deck_options is not None
                    else ""
                )
            except FactcardsError as exc:
                review.failures.append(exc)
                continue
            cards_file = document_report.cards_path.name
            review.documents.append(ReviewedDocument(document, notes, cards_file, deck_name))
    return review


# --------------------------------------------------------------------------- change report


@dataclass(frozen=True, slots=True)
class OrphanedNote:
    """A note the last build found no longer in its document (kept in cards/, not in decks)."""

    guid: str
    front: str
    kind: str = ""


@dataclass(frozen=True, slots=True)
class DocumentChanges:
    document: str
    new: frozenset[str] = frozenset()
    updated: frozenset[str] = frozenset()
    unchanged: frozenset[str] = frozenset()
    edited: frozenset[str] = frozenset()  # changed by the user in cards/, kept as edited
    orphaned: tuple[OrphanedNote, ...] = ()
    conflicts: tuple[OrphanedNote, ...] = ()

    def status(self, guid: str) -> str:
        """ "new", "updated", "edited", "unchanged" or "" (the build did not mention it)."""
        for name in ("new", "updated", "edited", "unchanged"):
            if guid in getattr(self, name):
                return name
        return ""


@dataclass(frozen=True, slots=True)
class ChangeReport:
    built: str  # ISO time of the build
    documents: Mapping[str, DocumentChanges]  # by cards file name

    def counts(self) -> dict[str, int]:
        totals = {"new": 0, "updated": 0, "edited": 0, "unchanged": 0, "orphaned": 0}
        for changes in self.documents.values():
            for name in totals:
                totals[name] += len(getattr(changes, name))
        return totals

    def for_document(self, cards_file: str, name: str) -> DocumentChanges | None:
        found = self.documents.get(cards_file)
        if found is not None:
            return found
        return next((c for c in self.documents.values() if c.document == name), None)


def _guids(value: Any) -> frozenset[str]:
    if not isinstance(value, list):
        return frozenset()
    return frozenset(item for item in value if isinstance(item, str))


def _briefs(value: Any) -> tuple[OrphanedNote, ...]:
    if not isinstance(value, list):
        return ()
    out = []
    for item in value:
        if isinstance(item, dict) and isinstance(item.get("guid"), str):
            front, kind = item.get("front"), item.get("kind")
            out.append(
                OrphanedNote(
                    item["guid"],
                    front if isinstance(front, str) else "",
                    kind if isinstance(kind, str) else "",
                )
            )
        elif isinstance(item, str):
            out.append(OrphanedNote(item, ""))
    return tuple(out)


def parse_changes(data: Any) -> ChangeReport | None:
    """The change report from its decoded JSON; None when it is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("documents"), dict):
        return None
    built = data.get("built")
    documents = {}
    for cards_file, entry in data["documents"].items():
        if not isinstance(entry, dict):
            continue
        document = entry.get("document")
        documents[str(cards_file)] = DocumentChanges(
            document=document if isinstance(document, str) else str(cards_file),
            new=_guids(entry.get("new")),
            updated=_guids(entry.get("updated")),
            unchanged=_guids(entry.get("unchanged")),
            edited=_guids(entry.get("edited")),
            orphaned=_briefs(entry.get("orphaned")),
            conflicts=_briefs(entry.get("conflicts")),
        )
    return ChangeReport(built if isinstance(built, str) else "", documents)


def read_changes(cards_dir: Path) -> ChangeReport | None:
    """The report the last build wrote into `cards_dir`; None when there is none to read."""
    try:
        text = (Path(cards_dir) / CHANGES_NAME).read_text(encoding="utf-8")
        return parse_changes(json.loads(text))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
