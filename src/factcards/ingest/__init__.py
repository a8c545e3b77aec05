"""Ingest: source files -> `Document` (clean prose, offset map, sections, titles of works).

The stage works line by line, then block by block, then character by character:
1. decode the bytes (UTF-8, UTF-16/32 with a BOM, else cp1252 / latin-1), refuse binary files;
2. split the text into blocks (paragraphs, headings, block quotes, list items), dropping front
   matter, rules, fenced code and lone page numbers;
3. clean each block's inline markup (emphasis, links, images, HTML, code) with a per-character
   record of where every character came from, noting italic titles of works on the way;
4. drop the byline (keeping its date) and trailing boilerplate, rejoin paragraphs split by a
   page break, and join the rest with exactly one blank line.

Offsets: `Document.offsets.to_source(i)` is an offset into the decoded file, i.e. the file's
text as a Python string (code points) without its byte-order mark. Line endings are normalised to
"\\n" for cleaning, but the map accounts for every removed "\\r", so offsets refer to the decoded
text as it is (CRLF included). Every non-space character of the clean text is the character at
its mapped offset, except HTML entities (markdown only), which map to their "&".

Other formats (submodules, imported only when such a file is read) are turned into the same
line-and-block text first, headings as "#" lines, and then cleaned by the same code:
`pdf` (pypdf: text with page numbers, running headers and footers dropped), `webpage` (HTML:
the main content only, via selectolax) and `epub` (chapters in spine order). For them the
offsets refer to that extracted text, not to the bytes of the file.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..config import SOURCE_SUFFIXES
from ..errors import InputError, read_bytes
from ..model import Document, OffsetMap, Section
from ..vocabulary import MONTH_NUMBERS

MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES)
PDF_SUFFIXES = (".pdf",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
EPUB_SUFFIXES = (".epub",)
# how the accepted types are named in messages
SUFFIX_NAMES = ".txt, .md, .pdf, .html or .epub"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words right before an italic span that say the span is the title of a work.
WORK_CUES: tuple[str, ...] = (
    "in his",
    "in her",
    "in their",
    "in its",
    "in my",
    "in our",
    "his book",
    "her book",
    "their book",
    "the volume",
    "the book",
    "the article",
    "article",
    "the pamphlet",
    "pamphlet",
    "the essay",
    "essay",
    "the novel",
    "the poem",
    "the play",
    "the film",
    "the report",
    "the journal",
    "the newspaper",
    "newspaper",
    "the magazine",
    "magazine",
    "the periodical",
    "the paper",
    "the work",
    "the series",
    "the collection",
    "the treatise",
    "the manifesto",
    "the resolution",
    "autobiography",
    "biography",
    "memoirs",
    "entitled",
    "titled",
    "called",
    "edition of",
    "published",
    "wrote",
    "author of",
)
# Lower-case words a Title-Cased title may contain ("Results and Prospects").
TITLE_FUNCTION_WORDS = _words(
    "a an the and or nor but of in on at to for by with from into after before as vs de la le "
    "les du des da di del von van der den und"
)
MAX_WORK_WORDS = 12  # italics longer than this are emphasis of a passage, not a title
WORK_CONTEXT_CHARS = 60  # how far back a cue is looked for

# Trailing boilerplate: a short final paragraph matching one of these is dropped ...
FOOTER_PATTERNS: tuple[str, ...] = (
    r"©",
    r"\bcopyright\s+(?:©|\(c\)|\d{4})",
    r"\ball rights reserved\b",
    r"\bunsubscribe\b",
    r"\bsubscribe\s+(?:to|now|here|today)\b",
    r"\bnewsletter\b",
    r"\bfollow us\b",
    r"\bsign up\s+(?:for|to|here|now|today)\b",
    r"\bto contact\b",
    r"\bcontact us\b",
    r"\bclick here\b",
)
# ... and so is one with one of these words when it also holds a link/URL or ends with a colon.
FOOTER_WEAK_CUES = ("contact", "visit", "website", "more information", "read more", "donate")
FOOTER_MAX_WORDS = 25
FOOTER_MAX_BLOCKS = 3

BYLINE_SEARCH_BLOCKS = 4  # the byline is looked for among the first blocks after the title
NAME_PARTICLES = _words("van von de der den la le du da di del bin ibn al and &")
MAX_NAME_WORDS = 6

# Page-break rejoin of a paragraph that goes on with a capital ("... Chinese Communist" /
# "Party and ..."): only for prose paragraphs at least this long, ending with a word that no
# sentence ends with, or with words that occur together elsewhere in the document.
PAGE_BREAK_MIN_WORDS = 8
DANGLING_WORDS = _words(
    "the a an of to in on at by for from with into and or but nor as that than his her its their "
    "our my your whose which who this these those"
)
# Word-break hyphens kept when the halves are not known as one word ("self-" / "reform").
COMPOUND_PREFIXES = _words(
    "self non anti pre post co ex semi multi well counter pro neo quasi petty ultra inter intra "
    "extra over under half all cross mid"
)
# Tags dropped from text; a known list so that "x <y and z> w" in prose survives.
HTML_TAGS = _words(
    "a abbr b big blockquote br center cite code del dfn div em font h1 h2 h3 h4 h5 h6 hr i img "
    "ins kbd mark p pre q s samp small span strike strong sub sup table tbody td th thead tr tt "
    "u ul ol li dl dt dd section article header footer figure figcaption aside nav main"
)

MAX_CONTROL_CHAR_RATIO = 0.02  # more control characters than this: not a text file
# UTF-8 with a few damaged bytes is still UTF-8 (the bytes become U+FFFD) when its valid
# multi-byte characters are at least as many as the bad bytes: cp1252 text almost never holds
# a valid multi-byte UTF-8 sequence.
UTF8_DAMAGE_RATIO = 1

MONTHS = MONTH_NUMBERS

_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], tuple[int, int, int]], ...] = (
    # (pattern, group numbers of year, month, day)
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?"), (1, 2, 3)),
    (
        re.compile(_WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})", re.I),
        (3, 2, 1),
    ),
    (re.compile(_WEEKDAY + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I), (3, 1, 2)),
)

_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE_RE = re.compile(r"^[ \t]{0,3}>[ \t]?")
_BULLET_RE = re.compile(r"^[ \t]*[-*+•][ \t]+(?=\S)")
_ORDERED_RE = re.compile(r"^[ \t]*\d{1,3}[.)][ \t]+(?=\S)")
_REFERENCE_DEF_RE = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+")
# A markdown table's delimiter row: "|---|:--:|" or "--- | ---" (at least one pipe).
_TABLE_DELIMITER_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_FOOTNOTE_REF_RE = re.compile(r"\[\^[^\]\s]+\]")
# citation markers of text copied from a wiki: "open to question.[note 41]", "in 1953.[12][13]",
# "disputed,[citation needed]" (glued to the punctuation before them; "a[1]" is an index)
_CITATION_MARK_RE = re.compile(
    r"(?<=[.,;:!?)\"”’\]])\[(?:\d{1,3}|note \d{1,3}|[a-z]|citation needed|clarification needed)\]"
)
_PAGE_NUMBER_RE = re.compile(
    r"^[ \t]*(?:[-–—][ \t]*)?(?:page[ \t]+)?\d{1,3}(?:[ \t]*[-–—])?[ \t]*$", re.I
)
_FRONT_MATTER_KEY_RE = re.compile(r"^([A-Za-z_][\w -]*):[ \t]*(.*)$")

_CODE_RE = re.compile(r"(?<!`)`(?!`)([^`\n]+?)(?<!`)`(?!`)")
_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK_RE = re.compile(r"<(?:(?:https?|ftp|mailto):|www\.)[^<>\s]+>", re.I)
_HTML_TAG_RE = re.compile(r"<!--.*?-->|</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>", re.S)
_BOLD_RE = re.compile(r"(?<![\w\\])(\*\*|__)(?!\s)(.+?)(?<![\s\\])\1(?!\w)")
_ITALIC_RE = re.compile(r"(?<![\w*_\\])([*_])(?![\s*_])(.+?)(?<![\s\\])\1(?![\w*_])")
_ESCAPE_RE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!<>|])")
_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPACE_RUN_RE = re.compile(r"[ \t\n\r\f\v]+")

_URL_RE = re.compile(
    r"https?://|www\.|\]\(|\b[\w-]+\.(?:org|com|net|edu|gov|info|io|co\.uk)\b", re.I
)
_URL_ONLY_RE = re.compile(r"^\s*(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?\s*$", re.I)
_SENTENCE_END_RE = re.compile(r"[.!?:;…](?:[\"'”’»)\]]*)$")
_HYPHEN_BREAK_RE = re.compile(r"([^\W\d_]+)-$")
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_WORK_CUE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(c) for c in WORK_CUES) + r")[,:]?\s*$", re.I
)


# --------------------------------------------------------------------------- sources


def expand_sources(paths: Sequence[Path]) -> list[Path]:
    """The source files named by `paths`: files as given, directories expanded to their sources.

    Raises InputError for a missing path, a file of an unsupported type, or a directory with no
    sources. Duplicates (the same file named twice) are kept once, in first-seen order.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        for source in _sources_of(Path(path)):
            key = source.resolve()
            if key not in seen:
                seen.add(key)
                found.append(source)
    return found


def _sources_of(path: Path) -> list[Path]:
    if path.is_dir():
        children = sorted(
            child
            for child in path.iterdir()
            if child.is_file()
            and not child.name.startswith(".")
            and child.suffix.lower() in SOURCE_SUFFIXES
        )
        if not children:
            raise InputError(f"no {SUFFIX_NAMES} files", path)
        return children
    if not path.exists():
        raise InputError("no such file or directory", path)
    if path.suffix.lower() not in SOURCE_SUFFIXES:
        kind = f"'{path.suffix}'" if path.suffix else "(no suffix)"
        raise InputError(f"unsupported file type {kind}: expected {SUFFIX_NAMES}", path)
    return [path]


# --------------------------------------------------------------------------- decoding


def read_document(path: Path, name: str) -> Document:
    """Read, decode and clean one source file, by its suffix.

    .txt plain text, .md/.markdown markdown, .pdf, .html/.htm/.xhtml and .epub their own
    readers; any other suffix: the format the content shows (see `read_document_bytes`).
    """
    path = Path(path)
    data = read_bytes(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return _build_document(decode_text(data, path), path, name, suffix in MARKDOWN_SUFFIXES)
    return _read_format(data, path, name, _format_of(data, suffix, sniff=False))


def read_document_bytes(data: bytes, name: str, suffix: str | None = None) -> Document:
    """Clean the content of a source given as bytes (e.g. standard input) called `name`.

    The format is sniffed: "%PDF-" is a PDF, a zip holding an EPUB is an EPUB, a page that
    starts as HTML is HTML; anything else is text, markdown when `suffix` (or `name`'s suffix)
    says so. Raises InputError for content none of them can read.
    """
    path = Path(name)
    suffix = (suffix if suffix is not None else path.suffix).lower()
    if suffix and not suffix.startswith("."):
        suffix = "." + suffix
    return _read_format(data, path, name, _format_of(data, suffix, sniff=True))


_HTML_START_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.I | re.S,
)
_ZIP_MAGIC = b"PK\x03\x04"


def _format_of(data: bytes, suffix: str, sniff: bool) -> str:
    """The format of `data`: pdf, epub, html, markdown or text (signatures before suffixes)."""
    if b"%PDF-" in data[:1024]:  # a PDF may have a few bytes of junk before its header
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return "epub"  # the EPUB reader tells a zip that is not an EPUB
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in EPUB_SUFFIXES:
        return "epub"
    if suffix in HTML_SUFFIXES:
        return "html"
    if sniff or suffix not in TEXT_SUFFIXES:
        head = _decode(data[:2048]).lstrip("\ufeff")
        if _HTML_START_RE.match(head):
            return "html"
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "text"


_MARKER_RE = re.compile(r"^[ \t]*(?:#{1,6}|>)(?=[ \t]|$)[ \t]*")


def body_line(text: str) -> str:
    """A line of prose extracted from a PDF or a page, safe from being read as markup.

    The other readers write headings as "#" lines and quotes as "> " lines for the block
    splitter: a line of text that starts so ("# This file ...") loses the marker, and a line
    of only dashes or equals signs (a rule, or a setext underline) is dropped.
    """
    if _RULE_RE.match(text) or _SETEXT_RE.match(text):
        return ""
    while match := _MARKER_RE.match(text):
        text = text[match.end() :]
    return text


def _read_format(data: bytes, path: Path, name: str, kind: str) -> Document:
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, path, name)
    if kind == "epub":
        from .epub import read_epub

        return read_epub(data, path, name)
    if kind == "html":
        from .webpage import read_html

        return read_html(data, path, name)
    return _build_document(decode_text(data, path), path, name, kind == "markdown")


def document_from_string(text: str, name: str = "<string>", markdown: bool = True) -> Document:
    """Clean `text` as if it were the decoded content of a file called `name`."""
    return _build_document(text, Path(name), name, markdown)


def decode_text(data: bytes, path: Path | str | None = None) -> str:
    """Bytes -> text: UTF-32/16 with a BOM, UTF-8 (BOM dropped), else cp1252, else latin-1."""
    text = _decode(data)
    _check_is_text(text, path)
    return text


def _decode(data: bytes) -> str:
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    codec = _bomless_utf16(data)
    if codec:
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bytes, decoded with U+FFFD for them; None if not UTF-8."""
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    valid = sum(1 for char in text if ord(char) > 0x7F) - bad
    return text if valid and valid >= UTF8_DAMAGE_RATIO * bad else None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as a NUL in every other byte (for mostly-ASCII text)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.9 and even_nuls < 0.1:
        return "utf-16-le"
    if even_nuls > 0.9 and odd_nuls < 0.1:
        return "utf-16-be"
    return None


def _check_is_text(text: str, path: Path | str | None) -> None:
    controls = sum(
        1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v"
    )
    # a stray control character or two is damage, not a binary file
    if "\x00" in text or controls > max(2, MAX_CONTROL_CHAR_RATIO * len(text)):
        raise InputError("not a text file", path)
    if not text.strip():
        raise InputError("empty document", path)


# --------------------------------------------------------------------------- text with origins


@dataclass(slots=True)
class _Text:
    """Text with, for each character, its offset in the newline-normalised source (-1: inserted)."""

    chars: str
    src: list[int]

    @classmethod
    def at(cls, chars: str, start: int) -> _Text:
        return cls(chars, list(range(start, start + len(chars))))

    def __add__(self, other: _Text) -> _Text:
        return _Text(self.chars + other.chars, self.src + other.src)

    def strip(self) -> _Text:
        start = len(self.chars) - len(self.chars.lstrip())
        end = len(self.chars.rstrip())
        return _Text(self.chars[start:end], self.src[start:end])


def _inserted(chars: str) -> _Text:
    return _Text(chars, [-1] * len(chars))


def _delete(text: _Text, ranges: Iterable[tuple[int, int]]) -> _Text:
    """`text` without the characters in `ranges` (half-open; may overlap)."""
    chars: list[str] = []
    src: list[int] = []
    pos = 0
    for start, end in sorted(ranges):
        start = max(start, pos)
        if start >= end:
            continue
        chars.append(text.chars[pos:start])
        src.extend(text.src[pos:start])
        pos = end
    if pos == 0:
        return text
    chars.append(text.chars[pos:])
    src.extend(text.src[pos:])
    return _Text("".join(chars), src)


def _strip_markup(text: _Text, pattern: re.Pattern[str], keep_group: int | None = None) -> _Text:
    """Delete every match of `pattern`, keeping only the text of `keep_group` (if given)."""
    ranges = []
    for match in pattern.finditer(text.chars):
        if keep_group is None or match.start(keep_group) < 0:
            ranges.append(match.span())
        else:
            ranges.append((match.start(), match.start(keep_group)))
            ranges.append((match.end(keep_group), match.end()))
    return _delete(text, ranges)


def _substitute(text: _Text, pattern: re.Pattern[str], repl: Callable[[str], str]) -> _Text:
    """Replace each match by a shorter string, whose characters keep the match's first origins."""
    chars: list[str] = []
    src: list[int] = []
    pos = 0
    for match in pattern.finditer(text.chars):
        new = repl(match.group())[: len(match.group())]
        chars.append(text.chars[pos : match.start()] + new)
        src.extend(text.src[pos : match.start()])
        src.extend(text.src[match.start() : match.start() + len(new)])
        pos = match.end()
    chars.append(text.chars[pos:])
    src.extend(text.src[pos:])
    return _Text("".join(chars), src)


# --------------------------------------------------------------------------- blocks


@dataclass(slots=True)
class _Block:
    kind: str  # "para" | "quote" | "item" | "heading" | "rule" (a break nothing joins across)
    lines: list[tuple[str, int]] = field(default_factory=list)  # (content, source offset)
    level: int = 0
    text: _Text | None = None  # after inline cleaning
    works: list[tuple[int, int]] = field(default_factory=list)  # source offsets of first/last


@dataclass(slots=True)
class _FrontMatter:
    end_line: int = 0
    title: str | None = None
    date: str | None = None


def _lines_with_offsets(text: str) -> list[tuple[str, int]]:
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((line, pos))
        pos += len(line) + 1
    return lines


def _front_matter(lines: list[tuple[str, int]]) -> _FrontMatter:
    """YAML front matter: '---' on the first line, 'key: value' lines, then '---' or '...'."""
    if not lines or lines[0][0].strip() != "---":
        return _FrontMatter()
    found = _FrontMatter()
    has_key = False
    for number, (line, _) in enumerate(lines[1:200], start=1):
        if line.strip() in ("---", "...") and has_key:
            found.end_line = number + 1
            return found
        match = _FRONT_MATTER_KEY_RE.match(line)
        if match:
            has_key = True
            key, value = match.group(1).strip().lower(), match.group(2).strip().strip("\"'")
            if key == "title" and value:
                found.title = value
            elif key == "date" and value:
                found.date = _parse_date(value)
        elif line.strip() and not line[:1].isspace() and not line.lstrip().startswith("-"):
            return _FrontMatter()
    return _FrontMatter()


def _fence_end(lines: list[tuple[str, int]], start: int, fence: str) -> int | None:
    for number in range(start + 1, len(lines)):
        if lines[number][0].strip().startswith(fence):
            return number
    return None


def _split_blocks(lines: list[tuple[str, int]], first_line: int, markdown: bool) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None

    def close() -> None:
        nonlocal current
        if current is not None and current.lines:
            blocks.append(current)
        current = None

    number = first_line
    while number < len(lines):
        line, start = lines[number]
        number += 1
        fence = _FENCE_RE.match(line) if markdown else None
        if fence:
            end = _fence_end(lines, number - 1, fence.group(1))
            if end is not None:  # code is not prose: drop it, and join nothing across it
                close()
                blocks.append(_Block("rule"))
                number = end + 1
                continue
        if not line.strip():
            close()
            continue
        if _PAGE_NUMBER_RE.match(line):
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            close()
            title = heading.group(2) or ""
            offset = start + (heading.start(2) if heading.group(2) else len(line))
            blocks.append(_Block("heading", [(title, offset)], level=len(heading.group(1))))
            continue
        setext = _SETEXT_RE.match(line)
        if setext and current is not None and current.kind == "para" and len(current.lines) == 1:
            current.kind, current.level = "heading", 1 if setext.group(1)[0] == "=" else 2
            close()
            continue
        if _RULE_RE.match(line) or (setext and len(setext.group(1)) >= 3):
            close()
            blocks.append(_Block("rule"))
            continue
        if markdown and _REFERENCE_DEF_RE.match(line):
            continue
        quote = _QUOTE_RE.match(line)
        if quote:
            marker_end = quote.end()
            while _QUOTE_RE.match(line[marker_end:]):  # nested quotes: "> > text"
                marker_end += _QUOTE_RE.match(line[marker_end:]).end()  # type: ignore[union-attr]
            if current is None or current.kind != "quote":
                close()
                current = _Block("quote")
            if not line[marker_end:].strip():
                close()
                continue
            current.lines.append(_content(line, start, marker_end, markdown))
            continue
        item = _BULLET_RE.match(line) or (_ORDERED_RE.match(line) if markdown else None)
        if item:
            close()
            current = _Block("item", [_content(line, start, item.end(), markdown)])
            continue
        if current is None or current.kind in ("quote", "heading"):
            close()
            current = _Block("para")
        current.lines.append(_content(line, start, 0, markdown))
    close()
    if markdown:
        # a table is data, not prose: nothing of it becomes a sentence
        blocks = [_Block("rule") if _is_table(block) else block for block in blocks]
    return blocks


def _is_table(block: _Block) -> bool:
    lines = [line for line, _ in block.lines]
    return (
        block.kind in ("para", "item")
        and len(lines) >= 2
        and all("|" in line for line in lines)
        and any(_TABLE_DELIMITER_RE.match(line) for line in lines)
    )


def _content(line: str, start: int, marker_end: int, markdown: bool) -> tuple[str, int]:
    """A line's text without its block marker, indentation, trailing spaces or hard break."""
    body = line[marker_end:]
    indent = len(body) - len(body.lstrip())
    body = body.strip()
    if markdown and body.endswith("\\") and not body.endswith("\\\\"):
        body = body[:-1].rstrip()
    return body, start + marker_end + indent


# --------------------------------------------------------------------------- inline cleaning


def _join_lines(lines: list[tuple[str, int]], vocabulary: set[str]) -> _Text:
    """One block's lines as one line: a space for each line break, word-break hyphens undone."""
    joined = _Text.at(*lines[0])
    previous_end = lines[0][1] + len(lines[0][0])
    for content, start in lines[1:]:
        drop_hyphen = _word_break(joined.chars, content, vocabulary)
        if drop_hyphen is None:
            joined = joined + _Text(" ", [previous_end])  # the space stands for the line break
        elif drop_hyphen:
            joined = _Text(joined.chars[:-1], joined.src[:-1])
        joined = joined + _Text.at(content, start)
        previous_end = start + len(content)
    return joined


def _word_break(left: str, right: str, vocabulary: set[str]) -> bool | None:
    """For 'revolu-' + 'tionary': True (drop the hyphen), False (keep it), None: no word break."""
    match = _HYPHEN_BREAK_RE.search(left)
    if not match or not right[:1].islower():
        return None
    head = match.group(1).lower()
    tail_match = _WORD_RE.match(right.lower())
    tail = tail_match.group() if tail_match else ""
    if head + tail in vocabulary:
        return True
    return not (f"{head}-{tail}" in vocabulary or head in COMPOUND_PREFIXES)


def _clean_inline(text: _Text, markdown: bool, works: list[tuple[int, int]] | None = None) -> _Text:
    # tags inside inline code are what the code shows, not markup: they stay
    code = [m.span() for m in _CODE_RE.finditer(text.chars)] if markdown else []
    text = _delete(
        text,
        (
            m.span()
            for m in _HTML_TAG_RE.finditer(text.chars)
            if (m.group(1) is None or m.group(1).lower() in HTML_TAGS)
            and not any(start < m.end() and m.start() < end for start, end in code)
        ),
    )
    if markdown:
        text = _strip_markup(text, _CODE_RE, keep_group=1)
        text = _strip_markup(text, _FOOTNOTE_REF_RE)
    text = _strip_markup(text, _CITATION_MARK_RE)
    text = _strip_markup(text, _IMAGE_RE)
    text = _strip_markup(text, _LINK_RE, keep_group=1)
    text = _strip_markup(text, _AUTOLINK_RE)
    text = _strip_markup(text, _BOLD_RE, keep_group=2)
    text = _strip_italics(text, works if works is not None else [])
    if markdown:
        text = _strip_markup(text, _ESCAPE_RE)
        text = _substitute(text, _ENTITY_RE, html.unescape)
    text = _substitute(text, _SPACE_RUN_RE, lambda _: " ")
    return text.strip()


def _strip_italics(text: _Text, works: list[tuple[int, int]]) -> _Text:
    ranges = []
    for match in _ITALIC_RE.finditer(text.chars):
        ranges += [(match.start(), match.start(2)), (match.end(2), match.end())]
        before = re.sub(
            r"[*_]", "", text.chars[max(0, match.start() - WORK_CONTEXT_CHARS) : match.start()]
        )
        if is_work_title(match.group(2), before):
            first, last = text.src[match.start(2)], text.src[match.end(2) - 1]
            if first >= 0 and last >= 0:
                works.append((first, last))
    return _delete(text, ranges)


def is_work_title(italic: str, before: str) -> bool:
    """Is an italic span (with the text `before` it) the title of a work rather than emphasis?"""
    words = re.sub(r"[*_]", "", italic).split()
    if not 1 <= len(words) <= MAX_WORK_WORDS:
        return False
    if _WORK_CUE_RE.search(before):
        return not (len(words) > 3 and italic.rstrip()[-1:] in ".!")
    if not _is_title_cased(words):
        return False
    if len(words) > 1:
        return True
    # one capitalised word is a title mid-sentence (*Pravda*), but may be emphasis at its start
    mid_sentence = before.strip() and not re.search(r"[.!?:;\"“‘(—–-]\s*$", before)
    return bool(mid_sentence) and len(words[0].strip(".,;:!?")) > 1


def _is_title_cased(words: list[str]) -> bool:
    def letters(word: str) -> str:
        return word.strip("\"'“”‘’()[],.;:!?")

    if not letters(words[0])[:1].isupper():
        return False
    for word in words[1:]:
        core = letters(word)
        if core and core[0].isalpha() and core[0].islower() and core not in TITLE_FUNCTION_WORDS:
            return False
    return True


# --------------------------------------------------------------------------- dates and bylines


def _parse_date(text: str) -> str | None:
    """'27 September 2005', 'September 27, 2005', '2005-09-27' (whole string) -> '2005-09-27'."""
    text = text.strip().rstrip(".")
    for pattern, (year, month, day) in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        month_text = match.group(month)
        month_number = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
        try:
            return dt.date(int(match.group(year)), month_number, int(match.group(day))).isoformat()
        except ValueError:
            return None
    return None


def _person_name(line: str, require_bold: bool) -> bool:
    bold = re.fullmatch(r"(\*\*|__)(.+?)\1", line.strip())
    if require_bold and not bold:
        return False
    name = re.sub(r"^by\s+", "", (bold.group(2) if bold else line).strip(), flags=re.I)
    words = name.replace(",", " ").split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words)


def _take_byline(blocks: list[_Block]) -> str | None:
    """Find the byline (a name and a date line) near the top; remove it and return its date."""
    candidates = [i for i, b in enumerate(blocks) if b.kind in ("para", "item")]
    for position, index in enumerate(candidates[:BYLINE_SEARCH_BLOCKS]):
        lines = [line for line, _ in blocks[index].lines]
        date = _parse_date(lines[-1])
        if date is None:
            continue
        if len(lines) == 1:
            previous = candidates[position - 1] if position else None
            if previous == index - 1 and _is_name_block(blocks[previous]):
                del blocks[index]
                del blocks[previous]
            else:
                del blocks[index]
            return date
        if len(lines) == 2 and _person_name(lines[0], require_bold=False):
            del blocks[index]
            return date
    return None


def _is_name_block(block: _Block) -> bool:
    return len(block.lines) == 1 and _person_name(block.lines[0][0], require_bold=False)


# --------------------------------------------------------------------------- boilerplate, joins


def _is_footer(block: _Block) -> bool:
    if block.text is None or block.kind not in ("para", "item", "quote"):
        return False
    clean = block.text.chars
    raw = " ".join(line for line, _ in block.lines)
    if _URL_ONLY_RE.match(clean):
        return True
    if len(clean.split()) > FOOTER_MAX_WORDS:
        return False
    lowered = clean.lower()
    if any(re.search(pattern, lowered) for pattern in FOOTER_PATTERNS):
        return True
    linked = bool(_URL_RE.search(raw)) or clean.rstrip().endswith(":")
    return linked and any(re.search(rf"\b{re.escape(cue)}\b", lowered) for cue in FOOTER_WEAK_CUES)


def _drop_footer(blocks: list[_Block]) -> None:
    """Drop trailing boilerplate (never a document's last remaining paragraph)."""
    texts = sum(1 for b in blocks if b.kind in ("para", "item", "quote"))
    dropped = 0
    while blocks and dropped < FOOTER_MAX_BLOCKS:
        if blocks[-1].kind == "rule":
            blocks.pop()
            continue
        if texts - dropped <= 1 or not _is_footer(blocks[-1]):
            return
        blocks.pop()
        dropped += 1


def _page_break_joint(
    left: str, right: str, vocabulary: set[str], source: str
) -> tuple[bool, str] | None:
    """How to rejoin two paragraphs split by a page break: (drop left's hyphen, joint) or None.

    `source` (the whole normalised text) tells whether the words on either side of the break
    occur together elsewhere ("Chinese Communist" / "Party and ..." when "Communist Party" does).
    """
    if not left or not right:
        return None
    drop_hyphen = _word_break(left, right, vocabulary)
    if drop_hyphen is not None:
        return drop_hyphen, ""
    if _SENTENCE_END_RE.search(left):
        return None
    if right[0].islower():
        return False, "" if left.endswith("—") else " "
    if not (right[0].isupper() and left[-1].isalnum() and _is_prose(left)):
        return None
    last, first = left.split()[-1], right.split()[0]
    if last.lower() in DANGLING_WORDS or _occurs_together(last, first, source):
        return False, " "
    return None


def _occurs_together(last: str, first: str, source: str) -> bool:
    """Do `last` and `first` follow each other somewhere in `source` (at most one line break)?"""
    pattern = rf"(?<!\w){re.escape(last)}[ \t]*\n?[ \t]*{re.escape(first)}(?!\w)"
    return re.search(pattern, source) is not None


def _is_prose(paragraph: str) -> bool:
    """Long enough and mostly lower case: a sentence, not a title or a label."""
    words = paragraph.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= PAGE_BREAK_MIN_WORDS and lower * 2 >= len(words)


def _rejoin_page_breaks(blocks: list[_Block], vocabulary: set[str], source: str) -> list[_Block]:
    joined: list[_Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == block.kind
            and block.kind in ("para", "quote")
            and previous.text is not None
            and block.text is not None
        ):
            joint = _page_break_joint(previous.text.chars, block.text.chars, vocabulary, source)
            if joint is not None:
                drop_hyphen, chars = joint
                left = previous.text
                if drop_hyphen:
                    left = _Text(left.chars[:-1], left.src[:-1])
                previous.text = left + _inserted(chars) + block.text
                previous.works += block.works
                continue
        joined.append(block)
    return joined


# --------------------------------------------------------------------------- assembly


def _build_document(source: str, path: Path, name: str, markdown: bool) -> Document:
    _check_is_text(source, path)
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    lines = _lines_with_offsets(text)
    front = _front_matter(lines)
    blocks = _split_blocks(lines, front.end_line, markdown)
    date = _take_byline(blocks) or front.date
    vocabulary = set(_WORD_RE.findall(text.lower()))
    for block in blocks:
        if block.kind != "rule":
            block.text = _clean_inline(_join_lines(block.lines, vocabulary), markdown, block.works)
    blocks = [b for b in blocks if b.kind == "rule" or (b.text is not None and b.text.chars)]
    _drop_footer(blocks)
    blocks = _rejoin_page_breaks(blocks, vocabulary, text)

    clean, sections, quotes, works = _assemble(blocks)
    if not clean.chars.strip():
        raise InputError("empty document (no text once markup is removed)", path)
    title = next((s.title for s in sections if s.level == 1), None) or front.title
    return Document(
        path=path,
        name=name,
        title=title or readable_title(path),
        text=clean.chars,
        offsets=_offset_map(clean.src, _raw_offsets(source)),
        sections=sections,
        works=works,
        block_quotes=quotes,
        date=date,
    )


def _assemble(
    blocks: list[_Block],
) -> tuple[_Text, list[Section], list[tuple[int, int]], list[tuple[int, int]]]:
    chars: list[str] = []
    src: list[int] = []
    length = 0
    pending: list[tuple[str, int]] = []  # headings waiting for their first paragraph
    sections: list[Section] = []
    quotes: list[tuple[int, int]] = []
    work_origins: list[tuple[int, int]] = []
    for block in blocks:
        if block.text is None:
            continue
        if block.kind == "heading":
            pending.append((block.text.chars, block.level))
            continue
        if length:
            chars.append("\n\n")
            src += [-1, -1]
            length += 2
        sections += [Section(title, length, level) for title, level in pending]
        pending = []
        if block.kind == "quote":
            quotes.append((length, length + len(block.text.chars)))
        chars.append(block.text.chars)
        src += block.text.src
        length += len(block.text.chars)
        work_origins += block.works
    sections += [Section(title, length, level) for title, level in pending]
    clean_of = {origin: i for i, origin in enumerate(src) if origin >= 0}
    works = [
        (clean_of[first], clean_of[last] + 1)
        for first, last in work_origins
        if first in clean_of and last in clean_of
    ]
    return _Text("".join(chars), src), sections, quotes, works


def _raw_offsets(source: str) -> list[int] | None:
    """Offsets in `source` of each character of its newline-normalised form (None: identical)."""
    if "\r" not in source:
        return None
    raw = []
    for i, char in enumerate(source):
        if char == "\r" and source[i + 1 : i + 2] == "\n":
            continue  # the "\n" that follows stands for the pair
        raw.append(i)
    raw.append(len(source))
    return raw


def _offset_map(src: list[int], raw: list[int] | None) -> OffsetMap:
    offsets = OffsetMap()
    segment_clean = segment_source = -1
    for i, origin in enumerate(src):
        if origin < 0:
            continue  # inserted: belongs to the segment it falls in
        source = raw[origin] if raw is not None else origin
        if segment_clean < 0 or segment_source + (i - segment_clean) != source:
            offsets.add(i, source)
            segment_clean, segment_source = i, source
    return offsets


def readable_title(path: Path) -> str:
    """'socialism-in-one-country.md' -> 'Socialism in one country'."""
    words = re.sub(r"[-_.]+", " ", path.stem).split()
    if not words:
        return path.name or "Untitled"
    title = " ".join(words)
    return title[0].upper() + title[1:]
