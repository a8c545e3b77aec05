"""`factcards stats`: notes per kind and document, words, and coverage.

Coverage is the share of a document's paragraphs that yielded at least one note. Paragraphs are
the clean text's ("\\n\\n"-separated); a note belongs to the paragraphs its source sentence
overlaps. Notes record offsets in the source file, so each paragraph's clean offsets are mapped
to the file with `Document.offsets.to_source` before comparing.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .model import KINDS, Document, Note
from .review import ChangeReport, ReviewedDocument

PARAGRAPH_SEPARATOR = "\n\n"
EXCERPT_CHARS = 70  # of a paragraph without notes, in the text report
MAX_LISTED_PARAGRAPHS = 20  # per document, in the text report
# document text printed on a terminal: no control characters (escape sequences)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the clean text, with its offsets there and in the source file."""

    index: int  # 1-based, as a reader counts
    start: int
    end: int
    text: str
    source_start: int
    source_end: int


def paragraphs(document: Document) -> list[Paragraph]:
    """The document's non-blank paragraphs, in order."""
    found: list[Paragraph] = []
    position = 0
    for chunk in document.text.split(PARAGRAPH_SEPARATOR):
        start, end = position, position + len(chunk)
        position = end + len(PARAGRAPH_SEPARATOR)
        stripped = chunk.strip()
        if not stripped:
            continue
        start += len(chunk) - len(chunk.lstrip())
        end = start + len(stripped)
        source_start = document.offsets.to_source(start)
        # the last character's offset + 1, as SourceRef.end is computed
        source_end = document.offsets.to_source(end - 1) + 1
        found.append(Paragraph(len(found) + 1, start, end, stripped, source_start, source_end))
    return found


def note_paragraphs(note: Note, document_paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs the note's source sentence overlaps (at least the one it starts in)."""
    start, end = note.source.start, max(note.source.end, note.source.start + 1)
    starts = [p.source_start for p in document_paragraphs]
    first = max(0, bisect.bisect_right(starts, start) - 1)
    out = []
    for paragraph in document_paragraphs[first:]:
        if paragraph.source_start >= end:
            break
        if paragraph.source_end > start:
            out.append(paragraph)
    return out


def paragraph_of(note: Note, document_paragraphs: Sequence[Paragraph]) -> Paragraph | None:
    found = note_paragraphs(note, document_paragraphs)
    return found[0] if found else None


@dataclass(slots=True)
class DocumentStats:
    name: str
    title: str
    words: int
    counts: Counter[str]
    paragraphs: int
    uncovered: list[Paragraph] = field(default_factory=list)  # paragraphs that yielded no note

    @property
    def notes(self) -> int:
        return sum(self.counts.values())

    @property
    def covered(self) -> int:
        return self.paragraphs - len(self.uncovered)

    @property
    def coverage(self) -> float:
        return self.covered / self.paragraphs if self.paragraphs else 0.0


@dataclass(slots=True)
class Stats:
    documents: list[DocumentStats] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for document in self.documents:
            total.update(document.counts)
        return total

    @property
    def notes(self) -> int:
        return sum(document.notes for document in self.documents)

    @property
    def words(self) -> int:
        return sum(document.words for document in self.documents)

    @property
    def paragraphs(self) -> int:
        return sum(document.paragraphs for document in self.documents)

    @property
    def covered(self) -> int:
        return sum(document.covered for document in self.documents)

    @property
    def coverage(self) -> float:
        return self.covered / self.paragraphs if self.paragraphs else 0.0


def document_stats(document: Document, notes: Sequence[Note]) -> DocumentStats:
    """Counts and coverage of one document; suppressed notes do not count (no card)."""
    kept = [note for note in notes if not note.suppressed]
    document_paragraphs = paragraphs(document)
    covered: set[int] = set()
    for note in kept:
        covered.update(p.index for p in note_paragraphs(note, document_paragraphs))
    return DocumentStats(
        name=document.name,
        title=document.title or document.name,
        words=len(document.text.split()),
        counts=Counter(note.kind for note in kept),
        paragraphs=len(document_paragraphs),
        uncovered=[p for p in document_paragraphs if p.index not in covered],
    )


def compute_stats(documents: Sequence[ReviewedDocument]) -> Stats:
    return Stats([document_stats(d.document, d.notes) for d in documents])


# --------------------------------------------------------------------------- text report


def format_counts(counts: Counter[str]) -> str:
    return ", ".join(f"{kind} {counts.get(kind, 0)}" for kind in KINDS)


def percent(share: float) -> str:
    return f"{100 * share:.0f}%"


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(CONTROL_CHARACTERS.sub(" ", text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def format_stats(
    stats: Stats, changes: ChangeReport | None = None, max_listed: int = MAX_LISTED_PARAGRAPHS
) -> str:
    """The report `factcards stats` prints."""
    lines: list[str] = []
    for document in stats.documents:
        lines.append(f"{excerpt(document.name, 200)}: {excerpt(document.title, 200)}")
        lines.append(f"  notes: {document.notes} ({format_counts(document.counts)})")
        lines.append(f"  words: {document.words:,}")
        lines.append(
            f"  coverage: {percent(document.coverage)} "
            f"({document.covered} of {document.paragraphs} paragraphs)"
        )
        if document.uncovered:
            lines.append("  paragraphs without notes:")
            for paragraph in document.uncovered[:max_listed]:
                lines.append(f"    ¶{paragraph.index}: {excerpt(paragraph.text)}")
            hidden = len(document.uncovered) - max_listed
            if hidden > 0:
                lines.append(f"    … and {hidden} more")
    lines.append(
        f"total: {stats.notes} notes from {len(stats.documents)} document(s) "
        f"({format_counts(stats.counts)}); {stats.words:,} words; coverage "
        f"{percent(stats.coverage)} ({stats.covered} of {stats.paragraphs} paragraphs)"
    )
    if changes is not None:
        counts = changes.counts()
        lines.append(
            f"last build {changes.built or '(time unknown)'}: {counts['new']} new, "
            f"{counts['updated']} updated, {counts['orphaned']} orphaned"
        )
    return "\n".join(lines)
