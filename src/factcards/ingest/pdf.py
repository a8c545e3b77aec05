"""PDF -> `Document`: the text layer (pypdf), with page numbers, headings and paragraphs.

Each page's text is read with its positions and font sizes, lines are grouped into paragraphs
(a wider gap, a first-line indent, or a short line that ends a sentence), lines in a larger type
become "#" headings, and running headers, footers and page numbers are dropped. The pages are
then joined with a blank line and cleaned like a text file, so the text file rules rejoin
words hyphenated at a line end and paragraphs that a page break split.

Offsets: `Document.offsets` maps into the text extracted from the PDF (one line per line of
type, blank lines between paragraphs and pages), not into the bytes of the file.
`Document.pages` gives the page of every clean offset: the page's label when the PDF labels
it with a number, else its position (1 = first page).
"""

from __future__ import annotations

import bisect
import io
import itertools
import logging
import re
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document

# A line this much larger than the body type is a heading (if short).
HEADING_SIZE_RATIO = 1.15
MAX_HEADING_WORDS = 15
MAX_HEADING_LEVELS = 3
# A vertical gap this many times the usual line spacing starts a paragraph ...
PARAGRAPH_GAP_RATIO = 1.4
# ... and so does a line indented by this many times the type size past the one before it.
INDENT_RATIO = 0.8
# A line shorter than this share of the usual line that ends a sentence ends its paragraph.
SHORT_LINE_RATIO = 0.7
# How many lines at the top and the bottom of a page may be running heads or footers, and on
# what share of the pages (at least two) a line must recur there to be one.
EDGE_LINES = 2
RUNNING_SHARE = 0.3
# Lines that are only a page number, in any of the usual forms.
_PAGE_NUMBER_LINE_RE = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:page|p\.)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.I,
)
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-–•◦▪*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")
_SENTENCE_END_RE = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
_DIGITS_RE = re.compile(r"\d+")
_FILENAME_TITLE_RE = re.compile(
    r"\.(?:docx?|odt|rtf|txt|tex|pdf|indd|pages)$|^microsoft word|^untitled", re.I
)
_SPACE_RE = re.compile(r"\s+")


@dataclass(slots=True)
class Line:
    """One line of type on a page: its text, where it starts, and its type size."""

    text: str
    x: float
    y: float
    size: float


def read_pdf(data: bytes, path: Path, name: str) -> Document:
    """Read a PDF's text layer into a Document with pages. InputError if there is none."""
    from . import _build_document

    with _quiet_pypdf():
        pages = _page_lines(data, path)
        metadata_title = _metadata_title(data)
    page_numbers = [number for number, _ in pages]
    line_pages = drop_running_lines([lines for _, lines in pages])
    layout = Layout.of(line_pages)
    parts: list[str] = []
    page_starts: list[int] = []
    length = 0
    for lines in line_pages:
        page_text = page_markup(lines, layout)
        if length:
            parts.append("\n\n")
            length += 2
        page_starts.append(length)
        parts.append(page_text)
        length += len(page_text)
    text = "".join(parts)
    if not text.strip():
        raise InputError("PDF has no text layer (a scan? run OCR on it first)", path)
    document = _build_document(text, path, name, markdown=False)
    document.pages = clean_pages(document, page_starts, page_numbers)
    if metadata_title and not any(section.level == 1 for section in document.sections):
        document.title = metadata_title
    return document


# --------------------------------------------------------------------------- reading


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every repair it makes to a damaged file: only the outcome matters here."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _reader(data: bytes, path: Path) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if b"%PDF-" not in data[:1024]:
        raise InputError("not a PDF file", path)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # e.g. AES without the optional crypto library
                raise InputError("encrypted PDF (cannot be opened)", path) from exc
            if not opened:
                raise InputError("encrypted PDF (needs a password)", path)
        len(reader.pages)
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise InputError(f"not a readable PDF ({_reason(exc)})", path) from exc
    except RecursionError as exc:
        raise InputError("not a readable PDF (too deeply nested)", path) from exc
    return reader


def _reason(exc: BaseException) -> str:
    text = _SPACE_RE.sub(" ", str(exc)).strip()
    return (text[:80] or type(exc).__name__).rstrip(".")


def _page_lines(data: bytes, path: Path) -> list[tuple[int, list[Line]]]:
    """Each page's number and lines, in the order the page draws them."""
    reader = _reader(data, path)
    pages: list[tuple[int, list[Line]]] = []
    try:
        labels = list(reader.page_labels)
    except Exception:  # damaged label tree: positions will do
        labels = []
    try:
        for index, page in enumerate(reader.pages):
            label = labels[index] if index < len(labels) else ""
            number = int(label) if label.isdigit() else index + 1
            pages.append((number, _lines_of(page)))
    except InputError:
        raise
    except RecursionError as exc:
        raise InputError("not a readable PDF (too deeply nested)", path) from exc
    except Exception as exc:  # pypdf raises many kinds on damaged content streams
        raise InputError(f"not a readable PDF ({_reason(exc)})", path) from exc
    return pages


def _lines_of(page: Any) -> list[Line]:
    lines: list[Line] = []
    current: list[str] = []
    where: list[tuple[float, float, float]] = []  # position and size of the current line

    def close() -> None:
        text = _SPACE_RE.sub(" ", "".join(current)).strip()
        if text and where:
            x, y, _ = where[0]
            lines.append(Line(text, x, y, max(s for _, _, s in where)))
        current.clear()
        where.clear()

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], _font: Any, size: float) -> None:
        pieces = text.split("\n")
        for number, piece in enumerate(pieces):
            if number:
                close()
            if piece.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = (abs(tm[0] * tm[3] - tm[1] * tm[2]) ** 0.5) * (
                    abs(cm[0] * cm[3] - cm[1] * cm[2]) ** 0.5
                )
                where.append((x, y, round(size * (scale or 1.0), 1)))
            current.append(piece)

    page.extract_text(visitor_text=visit)
    close()
    return lines


def _metadata_title(data: bytes) -> str | None:
    from pypdf import PdfReader

    try:
        title = PdfReader(io.BytesIO(data)).metadata.title  # type: ignore[union-attr]
    except Exception:
        return None
    title = _SPACE_RE.sub(" ", str(title or "")).strip()
    return title if title and not _FILENAME_TITLE_RE.search(title) else None


# --------------------------------------------------------------------------- running lines


def running_key(text: str) -> str:
    """What a running header or footer keeps from page to page: the text, digits aside."""
    return _DIGITS_RE.sub("#", _SPACE_RE.sub(" ", text).strip().lower())


def is_page_number(text: str) -> bool:
    """'12', '- 12 -', 'Page 12', 'p. 12', '12 of 40', 'xiv'."""
    return bool(_PAGE_NUMBER_LINE_RE.match(text))


def _edges(lines: list[Line]) -> list[int]:
    """Indexes of the lines at the top and the bottom of a page (by position).

    On a short page, fewer: a third of its lines at each edge (at least one).
    """
    order = sorted(range(len(lines)), key=lambda i: -lines[i].y)
    count = max(1, min(EDGE_LINES, len(lines) // 3))
    return sorted(set(order[:count] + order[-count:]))


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without page numbers and lines that recur at the top or bottom of pages."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({running_key(lines[i].text) for i in _edges(lines)})
    needed = max(2, RUNNING_SHARE * len(pages))
    kept_pages = []
    for lines in pages:
        edges = set(_edges(lines))
        kept_pages.append(
            [
                line
                for i, line in enumerate(lines)
                if not (
                    i in edges
                    and (is_page_number(line.text) or counts[running_key(line.text)] >= needed)
                )
            ]
        )
    return kept_pages


# --------------------------------------------------------------------------- paragraphs


@dataclass(frozen=True, slots=True)
class Layout:
    """What the whole document's type looks like: what is usual, and so what stands out."""

    body_size: float
    heading_levels: dict[float, int]  # type size of headings -> level (the largest is 1)
    usual_gap: float  # the usual distance from one line of a paragraph to the next
    usual_length: int  # the number of characters of a full line

    @classmethod
    def of(cls, pages: list[list[Line]]) -> Layout:
        lines = [line for page in pages for line in page]
        sizes: Counter[float] = Counter()
        for line in lines:
            sizes[line.size] += len(line.text)
        body_size = sizes.most_common(1)[0][0] if sizes else 0.0
        heading_sizes = sorted(
            {line.size for line in lines if _is_heading_size(line, body_size)}, reverse=True
        )
        gaps = [
            previous.y - line.y
            for page in pages
            for previous, line in itertools.pairwise(page)
            if previous.size == line.size == body_size and 0 < previous.y - line.y < 4 * body_size
        ]
        lengths = sorted(len(line.text) for line in lines if line.size == body_size)
        return cls(
            body_size=body_size,
            heading_levels={
                size: min(rank + 1, MAX_HEADING_LEVELS) for rank, size in enumerate(heading_sizes)
            },
            usual_gap=statistics.median(gaps) if gaps else 0.0,
            usual_length=lengths[len(lengths) * 3 // 4] if lengths else 0,
        )

    def heading_level(self, line: Line) -> int:
        if not _is_heading_size(line, self.body_size):
            return 0
        return self.heading_levels.get(line.size, 0)


def _is_heading_size(line: Line, body_size: float) -> bool:
    return (
        body_size > 0
        and line.size >= HEADING_SIZE_RATIO * body_size
        and len(line.text.split()) <= MAX_HEADING_WORDS
        and any(char.isalpha() for char in line.text)
    )


def page_markup(lines: list[Line], layout: Layout) -> str:
    """One page's lines as text: a blank line between paragraphs, "#" before heading lines."""
    from . import body_line

    out: list[str] = []
    previous: Line | None = None
    previous_heading = 0
    for line in lines:
        level = layout.heading_level(line)
        if level:
            if previous_heading == level and out:
                out[-2] += " " + line.text  # a heading set on two lines (out[-1] is blank)
            else:
                out += ["", "#" * level + " " + line.text, ""]
        else:
            if previous is not None and (
                previous_heading or _starts_paragraph(previous, line, layout)
            ):
                out.append("")
            out.append(body_line(line.text))
        previous, previous_heading = line, level
    return "\n".join(out).strip("\n")


def _starts_paragraph(previous: Line, line: Line, layout: Layout) -> bool:
    gap = previous.y - line.y
    if layout.usual_gap and gap > PARAGRAPH_GAP_RATIO * layout.usual_gap:
        return True
    if (
        line.x - previous.x > INDENT_RATIO * line.size
        and gap > 0
        and not _LIST_ITEM_RE.match(previous.text)  # a list item's hanging indent
    ):
        return True
    return bool(
        _SENTENCE_END_RE.search(previous.text)
        and len(previous.text) < SHORT_LINE_RATIO * layout.usual_length
    )


# --------------------------------------------------------------------------- pages


def clean_pages(
    document: Document, page_starts: list[int], page_numbers: list[int]
) -> list[tuple[int, int]]:
    """(clean offset, page number) where each page's clean text starts, from the offset map.

    `page_starts` are offsets of the pages in the extracted text the offsets map into.
    """
    offsets = document.offsets
    found: list[tuple[int, int]] = []
    ends = [*offsets.clean_starts[1:], len(document.text)]
    segments = list(zip(offsets.clean_starts, offsets.source_starts, ends, strict=True))
    if not segments:
        segments = [(0, 0, len(document.text))]
    for clean_start, source_start, clean_end in segments:
        source_end = source_start + (clean_end - clean_start)
        first = max(0, bisect.bisect_right(page_starts, source_start) - 1)
        last = bisect.bisect_left(page_starts, source_end)
        for index in range(first, max(first + 1, last)):
            clean = clean_start + max(0, page_starts[index] - source_start)
            number = page_numbers[index]
            if found and found[-1][1] == number:
                continue
            if found and found[-1][0] >= clean:
                found[-1] = (found[-1][0], number)
                continue
            found.append((clean, number))
    return found
