"""HTML -> `Document`: the page's main content, headings kept (selectolax's HTML5 parser).

Navigation, scripts, styles, forms, sidebars, cookie banners, comments and page footers are
removed; the main content is `<main>` (or role="main"), else the largest `<article>`, else the
element that holds most paragraph text (as readability does). Its blocks become lines of text:
headings as "#" lines, list items as "- " lines, block quotes as "> " lines, italics as
*...* (so titles of works are found as in markdown); tables and code are dropped (not prose).
That text is then cleaned like a text file.

Offsets: `Document.offsets` maps into that extracted text, not into the HTML file.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document

# Elements that are never prose.
DROPPED_TAGS: tuple[str, ...] = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "canvas",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "label",
    "nav",
    "aside",
    "footer",
    "menu",
    "dialog",
    "figure",
    "table",
    "pre",
    "head",
)
DROPPED_ROLES = frozenset(
    (
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "search",
        "menu",
        "menubar",
        "dialog",
        "alert",
        "alertdialog",
        "doc-footnotes",
        "doc-endnotes",
        "doc-pagelist",
        "doc-toc",
    )
)
# class/id words of page furniture (matched as whole words of the attribute)
FURNITURE_WORDS: tuple[str, ...] = (
    "nav",
    "navbar",
    "navigation",
    "menu",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "consent",
    "banner",
    "masthead",
    "footer",
    "share",
    "sharing",
    "social",
    "related",
    "comments",
    "comment",
    "advert",
    "advertisement",
    "ads",
    "promo",
    "newsletter",
    "subscribe",
    "popup",
    "modal",
    "skip",
    "toolbar",
    "pagination",
)
HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}
ITALIC_TAGS = frozenset({"i", "em", "cite", "dfn", "var"})
# Tags that end the paragraph around them (anything else is inline).
BLOCK_TAGS = frozenset(
    (
        *("address", "article", "blockquote", "body", "center", "dd", "details", "div"),
        *("dl", "dt", "fieldset", "figcaption", "header", "hgroup", "hr", "html", "li"),
        *("main", "ol", "p", "section", "summary", "ul", *HEADING_TAGS),
    )
)
# A block whose text is mostly link text is navigation ("Home | About | Contact").
MAX_LINK_SHARE = 0.5
# The paragraph text a <main> must hold, as a share of the page's, to be trusted.
MIN_MAIN_SHARE = 0.2

_FURNITURE_RE = re.compile(r"(?:^|[\s_-])(?:" + "|".join(FURNITURE_WORDS) + r")(?:$|[\s_-])", re.I)
_SPACE_RE = re.compile(r"\s+")
_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_TITLE_SEPARATOR_RE = re.compile(r"\s+[|–—·•]\s+|\s+-\s+")


def read_html(data: bytes, path: Path, name: str) -> Document:
    """Read an HTML page's main content into a Document. InputError if it has no text."""
    from . import _build_document

    markup, title = html_markup(decode_html(data, path))
    if not markup.strip():
        raise InputError("no text in the HTML page (only markup, scripts or navigation)", path)
    document = _build_document(markup, path, name, markdown=False)
    if title and not any(section.level == 1 for section in document.sections):
        document.title = title
    return document


def decode_html(data: bytes, path: Path | str | None = None) -> str:
    """Bytes -> text: a BOM or valid UTF-8 first, else the page's <meta charset>, else cp1252."""
    from . import _check_is_text, _decode

    text = _decode(data)
    declared = _META_CHARSET_RE.search(data[:2048])
    if declared and not _is_utf8(data):
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            codec = ""
        if codec and not codec.startswith("utf"):
            text = data.decode(codec, errors="replace")
    _check_is_text(text, path)
    return text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# --------------------------------------------------------------------------- page -> blocks


@dataclass(slots=True)
class Block:
    """A paragraph, heading, list item or quoted paragraph of the page, as one line of text."""

    kind: str  # "para" | "heading" | "item" | "quote"
    text: str
    level: int = 0
    link_chars: int = 0

    def markup(self) -> str:
        from . import body_line

        if self.kind == "heading":
            return "#" * self.level + " " + self.text
        text = body_line(self.text)
        if self.kind == "item":
            return "- " + text
        if self.kind == "quote":
            return "> " + text
        return text


def html_markup(page: str, main_only: bool = True) -> tuple[str, str | None]:
    """An HTML page -> (its content as text, blocks a blank line apart; the page's title).

    With `main_only`, only the main content (see the module doc); otherwise all of the body
    that is not page furniture (an EPUB chapter is all content).
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    title_node = tree.css_first("title")
    title = _page_title(title_node.text(deep=True)) if title_node is not None else None
    body = tree.body or tree.root
    if body is None:
        return "", title
    _drop_furniture(body)
    root = _main_content(body) if main_only else body
    blocks = [
        block
        for block in _blocks(root)
        if block.kind == "heading" or block.link_chars <= MAX_LINK_SHARE * len(block.text)
    ]
    headings = [b for b in blocks if b.kind == "heading" and b.level == 1]
    if not headings and root is not body:
        # the page's title heading often sits just above the content element
        outside = [node for node in body.css("h1") if not _inside(node, root)]
        if len(outside) == 1 and (text := _inline_text(outside[0])[0]):
            blocks.insert(0, Block("heading", text, 1))
    if headings:
        title = headings[0].text
    return "\n\n".join(block.markup() for block in blocks), title


def _page_title(text: str) -> str | None:
    """'The Article – Site Name' -> 'The Article' (the longest part)."""
    parts = [p.strip() for p in _TITLE_SEPARATOR_RE.split(_SPACE_RE.sub(" ", text)) if p.strip()]
    return max(parts, key=len) if parts else None


def _is_furniture(node: Any) -> bool:
    tag = node.tag
    if tag in ("html", "body", "main", "article"):
        return False
    if tag in DROPPED_TAGS:
        return True
    attributes = node.attributes
    if (attributes.get("role") or "").lower() in DROPPED_ROLES:
        return True
    if attributes.get("hidden") is not None or "display:none" in (
        attributes.get("style") or ""
    ).replace(" ", ""):
        return True
    if tag == "header" and node.css_first("h1") is None:
        return True
    words = " ".join(attributes.get(key) or "" for key in ("class", "id"))
    return bool(words and _FURNITURE_RE.search(words) and node.css_first("main, article") is None)


def _drop_furniture(body: Any) -> None:
    doomed = [node for node in body.traverse() if node.tag and _is_furniture(node)]
    for node in doomed:
        try:
            node.decompose()
        except Exception:  # already gone with an ancestor
            continue


def _paragraph_chars(node: Any) -> int:
    return sum(len(p.text(deep=True).strip()) for p in node.css("p"))


def _main_content(body: Any) -> Any:
    total = _paragraph_chars(body) or 1
    main = body.css_first("main, [role=main]")
    if main is not None and _paragraph_chars(main) >= MIN_MAIN_SHARE * total:
        return main
    articles = body.css("article")
    if articles:
        best = max(articles, key=_paragraph_chars)
        if _paragraph_chars(best) >= MIN_MAIN_SHARE * total:
            return best
    # readability: a paragraph scores its parent fully and its grandparent by half
    scores: dict[int, float] = {}
    nodes: dict[int, Any] = {}
    for paragraph in body.css("p"):
        length = len(paragraph.text(deep=True).strip())
        parent = paragraph.parent
        grandparent = parent.parent if parent is not None else None
        for node, share in ((parent, 1.0), (grandparent, 0.5)):
            if node is not None and node.tag not in (None, "html"):
                key = node.mem_id
                scores[key] = scores.get(key, 0.0) + share * length
                nodes[key] = node
    if not scores:
        return body
    best = nodes[max(scores, key=lambda key: scores[key])]
    return best if _paragraph_chars(best) >= MIN_MAIN_SHARE * total else body


def _inside(node: Any, ancestor: Any) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


@dataclass(slots=True)
class _Collector:
    blocks: list[Block] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    link_chars: int = 0

    def flush(self, kind: str) -> None:
        text = _SPACE_RE.sub(" ", "".join(self.pieces)).strip()
        if text.strip("* "):
            self.blocks.append(Block(kind, text, link_chars=self.link_chars))
        self.pieces.clear()
        self.link_chars = 0


def _blocks(root: Any) -> list[Block]:
    collector = _Collector()
    _walk(root, collector, "para")
    collector.flush("para")
    return collector.blocks


def _walk(node: Any, out: _Collector, kind: str) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            out.pieces.append(child.text_content or "")
        elif tag in HEADING_TAGS:
            out.flush(kind)
            text, _ = _inline_text(child)
            if text:
                out.blocks.append(Block("heading", text, HEADING_TAGS[tag]))
        elif tag == "li":
            out.flush(kind)
            _walk(child, out, "item")
            out.flush("item")
        elif tag == "blockquote":
            out.flush(kind)
            _walk(child, out, "quote")
            out.flush("quote")
        elif tag == "br":
            out.pieces.append(" ")
        elif tag in BLOCK_TAGS:
            out.flush(kind)
            _walk(child, out, kind)
            out.flush(kind)
        elif tag in ("sup", "sub") and _is_note_reference(child):
            continue
        elif tag and not tag.startswith("-"):
            text, links = _inline_text(child)
            if tag == "a":
                links = len(text)
            out.pieces.append(text)
            out.link_chars += links


def _is_note_reference(node: Any) -> bool:
    """<sup><a href="#fn1">1</a></sup>, <sup>[2]</sup>: a footnote marker, not text."""
    text = node.text(deep=True).strip()
    return bool(re.fullmatch(r"\[?[\w*†‡]{1,4}\]?", text)) and (
        node.css_first("a") is not None or text.startswith("[") or text.isdigit()
    )


def _inline_text(node: Any) -> tuple[str, int]:
    """An inline element's text (italics as *...*) and how much of it is link text."""
    pieces: list[str] = []
    links = 0
    for child in _children(node):
        tag = child.tag
        if tag == "-text":
            pieces.append(child.text_content or "")
        elif tag == "br":
            pieces.append(" ")
        elif tag in ("sup", "sub") and _is_note_reference(child):
            continue
        elif tag and not tag.startswith("-"):
            text, inner_links = _inline_text(child)
            links += len(text) if tag == "a" else inner_links
            pieces.append(text)
    text = _SPACE_RE.sub(" ", "".join(pieces))
    if node.tag in ITALIC_TAGS and text.strip() and "*" not in text:
        lead = " " if text[:1] == " " else ""
        trail = " " if text[-1:] == " " else ""
        text = f"{lead}*{text.strip()}*{trail}"
    return (text.strip() if node.tag in HEADING_TAGS else text), links


def _children(node: Any) -> Iterator[Any]:
    yield from node.iter(include_text=True)
