"""ingest of PDF, HTML and EPUB sources (issue 8), on small files the tests write themselves.

PDFs are drawn with pypdf's writer (Helvetica text placed line by line, so a test says exactly
where each line sits and in what size); EPUBs are zipped XHTML.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from factcards.cli import main
from factcards.errors import InputError
from factcards.ingest import read_document, read_document_bytes
from factcards.ingest.pdf import Line, drop_running_lines, is_page_number, running_key
from factcards.ingest.webpage import html_markup
from factcards.model import Document

# --------------------------------------------------------------------------- writers

# (x, y, type size, text): y counts up from the bottom of a 612 x 792 page
PdfLine = tuple[float, float, float, str]
BODY = 11
LEAD = 14  # line spacing of body text


def pdf_bytes(pages: list[list[PdfLine]], title: str | None = None) -> bytes:
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    font_ref = writer._add_object(font)
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        operations = []
        for x, y, size, text in lines:
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            operations.append(f"BT /F1 {size} Tf {x} {y} Td ({escaped}) Tj ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(operations).encode("cp1252"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref})}
        )
    if title:
        writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def body(*texts: str, top: float = 700, x: float = 72) -> list[PdfLine]:
    """Body lines set one under the other."""
    return [(x, top - LEAD * i, BODY, text) for i, text in enumerate(texts)]


def page_of(*lines: PdfLine, header: str = "", number: str = "") -> list[PdfLine]:
    edge = [(72, 750, 9, header)] if header else []
    foot = [(300, 40, 9, number)] if number else []
    return [*edge, *lines, *foot]


LINEAR_NO = ' linear="no"'
EPUB_CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)


def epub_bytes(
    chapters: list[tuple[str, str]],
    title: str = "A Book",
    spine: list[int] | None = None,
    toc: str = "nav",
    extra: dict[str, str] | None = None,
    non_linear: frozenset[int] | set[int] = frozenset(),
) -> bytes:
    """chapters: (title in the table of contents, body XHTML); spine: reading order."""
    order = spine if spine is not None else list(range(len(chapters)))
    items = "".join(
        f'<item id="c{i}" href="text/ch{i}.xhtml" media-type="application/xhtml+xml"/>'
        for i in range(len(chapters))
    )
    if toc == "nav":
        items += (
            '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        )
    else:
        items += '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
    itemrefs = "".join(
        f'<itemref idref="c{i}"{LINEAR_NO if i in non_linear else ""}/>' for i in order
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", EPUB_CONTAINER)
        archive.writestr(
            "OEBPS/content.opf",
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{title}</dc:title></metadata><manifest>{items}</manifest>"
            f'<spine toc="ncx">{itemrefs}</spine></package>',
        )
        if toc == "nav":
            links = "".join(
                f'<li><a href="text/ch{i}.xhtml">{label}</a></li>'
                for i, (label, _) in enumerate(chapters)
            )
            archive.writestr(
                "OEBPS/nav.xhtml",
                '<html xmlns="http://www.w3.org/1999/xhtml" '
                'xmlns:epub="http://www.idpf.org/2007/ops"><body>'
                f'<nav epub:type="toc"><ol>{links}</ol></nav></body></html>',
            )
        else:
            points = "".join(
                f'<navPoint id="p{i}"><navLabel><text>{label}</text></navLabel>'
                f'<content src="text/ch{i}.xhtml"/></navPoint>'
                for i, (label, _) in enumerate(chapters)
            )
            archive.writestr(
                "OEBPS/toc.ncx",
                '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
                f'version="2005-1"><navMap>{points}</navMap></ncx>',
            )
        for i, (_, xhtml) in enumerate(chapters):
            archive.writestr(
                f"OEBPS/text/ch{i}.xhtml",
                '<?xml version="1.0" encoding="utf-8"?>'
                '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter</title></head>'
                f"<body>{xhtml}</body></html>",
            )
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return out.getvalue()


def paragraphs(document: Document) -> list[str]:
    return document.text.split("\n\n")


def section_titles(document: Document) -> list[tuple[str, int]]:
    return [(section.title, section.level) for section in document.sections]


# --------------------------------------------------------------------------- PDF: rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", True),
        ("- 12 -", True),
        ("— 7 —", True),
        ("Page 12", True),
        ("p. 3", True),
        ("12 of 40", True),
        ("Page 3 / 9", True),
        ("xiv", True),
        ("12 Angry Men", False),
        ("Chapter 12", False),
        ("The end.", False),
    ],
)
def test_page_number_lines(text: str, expected: bool) -> None:
    assert is_page_number(text) is expected


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("12  A History of Things", "13 A History of Things", True),
        ("CHAPTER 2 | The Party", "chapter 2 | the party", True),
        ("A History of Things", "The Party", False),
    ],
)
def test_running_key_ignores_numbers_case_and_spacing(left: str, right: str, same: bool) -> None:
    assert (running_key(left) == running_key(right)) is same


def _line(text: str, y: float) -> Line:
    return Line(text, 72, y, BODY)


@pytest.mark.parametrize(
    ("pages", "kept"),
    [
        # a running head on every page, a folio at the foot: both go
        (
            [
                [("A History", 750), ("Body one.", 700), ("1", 40)],
                [("A History", 750), ("Body two.", 700), ("2", 40)],
            ],
            [["Body one."], ["Body two."]],
        ),
        # alternating heads (book title / chapter title) with their page numbers in them
        (
            [
                [("4  A History", 750), ("Text a.", 700), ("Text b.", 686)],
                [("The Party  5", 750), ("Text c.", 700), ("Text d.", 686)],
                [("6  A History", 750), ("Text e.", 700), ("Text f.", 686)],
                [("The Party  7", 750), ("Text g.", 700), ("Text h.", 686)],
            ],
            [
                ["Text a.", "Text b."],
                ["Text c.", "Text d."],
                ["Text e.", "Text f."],
                ["Text g.", "Text h."],
            ],
        ),
        # a line at the top of only one page of five is text
        (
            [[("Introduction", 750), ("Alpha.", 700)]]
            + [[(f"Beta {word}.", 700), (f"Gamma {word}.", 686)] for word in "abcd"],
            [["Introduction", "Alpha."]] + [[f"Beta {word}.", f"Gamma {word}."] for word in "abcd"],
        ),
        # repeated lines in the middle of pages are text, page numbers there too
        (
            [
                [("Top a.", 750), ("Same line.", 700), ("12", 650), ("Foot a.", 40)],
                [("Top b.", 750), ("Same line.", 700), ("Middle.", 650), ("Foot b.", 40)],
            ],
            [
                ["Top a.", "Same line.", "12", "Foot a."],
                ["Top b.", "Same line.", "Middle.", "Foot b."],
            ],
        ),
    ],
)
def test_running_headers_footers_and_page_numbers_are_dropped(
    pages: list[list[tuple[str, float]]], kept: list[list[str]]
) -> None:
    lines = [[_line(text, y) for text, y in page] for page in pages]
    assert [[line.text for line in page] for page in drop_running_lines(lines)] == kept


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        # a word hyphenated at a line end is joined ...
        (
            [body("The theory of permanent revolu-", "tion was first set out in 1906.")],
            ["The theory of permanent revolution was first set out in 1906."],
        ),
        # ... unless it is a compound that the text writes with its hyphen
        (
            [body("Self-determination was the slogan; self-", "determination of nations.")],
            ["Self-determination was the slogan; self-determination of nations."],
        ),
        # a paragraph split by a page break is one paragraph again (hyphen included)
        (
            [
                page_of(
                    *body("The delegates met in the hall of the old school and de-"), number="1"
                ),
                page_of(*body("cided to adjourn the congress."), number="2"),
            ],
            [
                "The delegates met in the hall of the old school and decided to adjourn the "
                "congress."
            ],
        ),
        (
            [
                page_of(
                    *body("The congress met in London in the summer and it elected the"),
                    header="Hist",
                ),
                page_of(*body("central committee of the party by a show of hands."), header="Hist"),
            ],
            [
                "The congress met in London in the summer and it elected the central committee of "
                "the party by a show of hands."
            ],
        ),
        # a page that ends a sentence ends the paragraph
        (
            [body("The first page ends here."), body("The second page starts here.")],
            ["The first page ends here.", "The second page starts here."],
        ),
        # a blank line's worth of space, or a first-line indent, starts a paragraph
        (
            [
                [
                    (72, 700, BODY, "One paragraph that is long enough to fill the whole line"),
                    (72, 686, BODY, "and ends here."),
                    (72, 650, BODY, "Another paragraph after a gap that fills the line too and"),
                    (72, 636, BODY, "goes on."),
                    (90, 622, BODY, "An indented paragraph that is long enough to fill a line"),
                    (72, 608, BODY, "ends."),
                ]
            ],
            [
                "One paragraph that is long enough to fill the whole line and ends here.",
                "Another paragraph after a gap that fills the line too and goes on.",
                "An indented paragraph that is long enough to fill a line ends.",
            ],
        ),
    ],
)
def test_pdf_lines_become_paragraphs(pages: list[list[PdfLine]], expected: list[str]) -> None:
    assert paragraphs(read_document_bytes(pdf_bytes(pages), "doc.pdf")) == expected


def test_pdf_headings_sections_and_pages() -> None:
    pages = [
        page_of(
            (72, 720, 20, "The Russian Revolution"),
            (72, 690, 15, "The Background"),
            *body("Russia entered the war in 1914 as an ally of France.", top=660),
            header="A Short History",
            number="1",
        ),
        page_of(
            *body("The war went badly from the start.", top=700),
            (72, 660, 15, "February"),
            *body("In February 1917 the Tsar abdicated.", top=630),
            header="A Short History",
            number="2",
        ),
    ]
    document = read_document_bytes(pdf_bytes(pages), "history.pdf")
    assert section_titles(document) == [
        ("The Russian Revolution", 1),
        ("The Background", 2),
        ("February", 2),
    ]
    assert document.title == "The Russian Revolution"
    assert paragraphs(document) == [
        "Russia entered the war in 1914 as an ally of France.",
        "The war went badly from the start.",
        "In February 1917 the Tsar abdicated.",
    ]
    assert document.page_at(document.text.index("Russia")) == 1
    assert document.page_at(document.text.index("The war")) == 2
    assert document.page_at(document.text.index("Tsar")) == 2
    assert document.section_at(document.text.index("Tsar")) == "February"


def test_pdf_page_labels_give_the_printed_page_numbers() -> None:
    data = pdf_bytes([body("Front matter page."), body("First page of the text."), body("Next.")])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.set_page_label(0, 0, style="/r")
    writer.set_page_label(1, 2, style="/D", start=5)
    out = io.BytesIO()
    writer.write(out)
    document = read_document_bytes(out.getvalue(), "book.pdf")
    starts = [(document.text[offset:].split()[0], page) for offset, page in document.pages]
    # "i" is not a number: the front matter keeps its position
    assert starts == [("Front", 1), ("First", 5), ("Next.", 6)]


def test_pdf_title_from_metadata_unless_a_file_name() -> None:
    lines = [body("Some text of the document.")]
    assert read_document_bytes(pdf_bytes(lines, title="On Tactics"), "a.pdf").title == "On Tactics"
    untitled = read_document_bytes(pdf_bytes(lines, title="Microsoft Word - a.docx"), "a.pdf")
    assert untitled.title == "A"


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([body("Secret text.")]))))
    writer.encrypt(user_password, "owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_with_only_an_owner_password_is_read() -> None:
    assert read_document_bytes(_encrypted(""), "a.pdf").text == "Secret text."


# --------------------------------------------------------------------------- HTML


PAGE = """<!DOCTYPE html>
<html><head><title>Permanent Revolution | The Archive</title>
<style>p {{ color: red }}</style><script>var tracking = "Do not read this.";</script></head>
<body class="has-sidebar">
<header class="site-header"><a href="/">The Archive</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav></header>
<div class="cookie-notice">We use cookies to improve your experience.</div>
{content}
<aside><p>Popular articles you may like.</p></aside>
<footer><p>Copyright 2024 The Archive. All rights reserved.</p></footer>
</body></html>"""


@pytest.mark.parametrize(
    ("content", "expected_paragraphs", "expected_sections"),
    [
        # <main> is the content; headings are sections, furniture is gone
        (
            "<main><h1>The Theory</h1><p>Trotsky set out the theory in 1906.</p>"
            "<h2>Reception</h2><p>Lenin came to a <b>similar</b> view in 1917.</p></main>",
            ["Trotsky set out the theory in 1906.", "Lenin came to a similar view in 1917."],
            [("The Theory", 1), ("Reception", 2)],
        ),
        # no <main>: the largest <article>
        (
            "<article><p>A short teaser.</p></article><article><h2>Long</h2>"
            "<p>The long article holds most of the text of the page, by far.</p>"
            "<p>It has two paragraphs of real prose in it.</p></article>",
            [
                "The long article holds most of the text of the page, by far.",
                "It has two paragraphs of real prose in it.",
            ],
            [("Long", 2)],
        ),
        # no semantic markup: the element holding the most paragraph text; the title above it
        (
            '<div id="top"><h1>The Congress</h1></div><div class="links"><p>Short.</p></div>'
            '<div class="post"><p>The congress met in London in 1903 and split in two.</p>'
            "<p>The majority took the name Bolsheviks from that vote.</p></div>",
            [
                "The congress met in London in 1903 and split in two.",
                "The majority took the name Bolsheviks from that vote.",
            ],
            [("The Congress", 1)],
        ),
        # lists, quotes, line breaks and entities; tables, code and link lists are dropped
        (
            "<main><p>Three demands:</p><ul><li>bread</li><li>peace</li></ul>"
            "<blockquote><p>All power to the soviets!</p></blockquote>"
            "<p>One line<br>and the next &amp; last.</p>"
            "<table><tr><td>1917</td><td>data</td></tr></table><pre>code()</pre>"
            '<ul><li><a href="/a">Next article</a></li><li><a href="/b">Previous</a></li></ul>'
            "</main>",
            [
                "Three demands:",
                "bread",
                "peace",
                "All power to the soviets!",
                "One line and the next & last.",
            ],
            [],
        ),
        # footnote markers are not text
        (
            '<main><p>The party was founded in 1898.<sup><a href="#n1">1</a></sup> It grew'
            "[2] fast.</p></main>",
            ["The party was founded in 1898. It grew[2] fast."],
            [],
        ),
    ],
)
def test_html_main_content(
    content: str, expected_paragraphs: list[str], expected_sections: list[tuple[str, int]]
) -> None:
    document = read_document_bytes(PAGE.format(content=content).encode(), "page.html")
    assert paragraphs(document) == expected_paragraphs
    assert section_titles(document) == expected_sections
    assert "cookies" not in document.text and "Home" not in document.text


def test_html_italics_mark_titles_of_works_and_block_quotes() -> None:
    page = (
        "<html><body><p>In his book <i>Results and Prospects</i> Trotsky argued the case.</p>"
        "<blockquote><p>The revolution is permanent.</p></blockquote></body></html>"
    )
    document = read_document_bytes(page.encode(), "p.html")
    assert [document.text[start:end] for start, end in document.works] == ["Results and Prospects"]
    assert [document.text[start:end] for start, end in document.block_quotes] == [
        "The revolution is permanent."
    ]


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("<title>The Article – Site Name</title><p>Text of it.</p>", "The Article"),
        ("<title>Site</title><h1>The Heading</h1><p>Text of it.</p>", "The Heading"),
        ("<p>Text of it.</p>", None),
    ],
)
def test_html_title(page: str, title: str | None) -> None:
    assert html_markup(page)[1] == title


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            '<meta charset="windows-1251"><p>\xcf\xf0\xe0\xe2\xe4\xe0</p>'.encode("latin-1"),
            "Правда",
        ),
        ('<meta charset="utf-8"><p>Pravda – “truth”</p>'.encode(), "Pravda – “truth”"),
        ("<p>café</p>".encode("cp1252"), "café"),
    ],
)
def test_html_encodings(data: bytes, expected: str) -> None:
    assert read_document_bytes(data, "p.html").text == expected


# --------------------------------------------------------------------------- EPUB


@pytest.mark.parametrize("toc", ["nav", "ncx"])
def test_epub_chapters_in_spine_order_with_their_titles(toc: str) -> None:
    chapters = [
        ("Preface", "<p>The preface comes last in the spine here.</p>"),
        ("The Early Years", "<h1>The Early Years</h1><p>He was born in 1879.</p>"),
        ("Exile", "<h2>Turkey</h2><p>He was expelled in 1929.</p>"),
    ]
    document = read_document_bytes(epub_bytes(chapters, spine=[1, 2, 0], toc=toc), "b.epub")
    assert document.title == "A Book"
    assert paragraphs(document) == [
        "He was born in 1879.",
        "He was expelled in 1929.",
        "The preface comes last in the spine here.",
    ]
    # the chapter's own heading is not repeated; a different one gets the contents' title
    assert section_titles(document) == [
        ("The Early Years", 1),
        ("Exile", 1),
        ("Turkey", 2),
        ("Preface", 1),
    ]
    assert document.section_at(document.text.index("1929")) == "Turkey"
    assert document.section_at(document.text.index("preface")) == "Preface"


def test_epub_chapters_are_never_joined_and_skip_non_linear_items() -> None:
    chapters = [
        ("One", "<p>The first chapter ends without a full stop and</p>"),
        ("Two", "<p>the second starts in lower case.</p>"),
    ]
    document = read_document_bytes(epub_bytes(chapters), "b.epub")
    assert paragraphs(document) == [
        "The first chapter ends without a full stop and",
        "the second starts in lower case.",
    ]
    data = epub_bytes(chapters, non_linear={1})
    assert paragraphs(read_document_bytes(data, "b.epub")) == [
        "The first chapter ends without a full stop and"
    ]


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


DRM = (
    '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
    'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData>'
    '<enc:CipherReference URI="OEBPS/text/ch0.xhtml"/></enc:CipherData></enc:EncryptedData>'
    "</encryption>"
)


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("make", "name", "message"),
    [
        (lambda: b"%PDF-1.7\n" + b"\x00garbage" * 20, "a.pdf", "not a readable PDF"),
        (lambda: pdf_bytes([body("Cut short.")])[:200], "a.pdf", "not a readable PDF"),
        (lambda: b"Just some text.", "a.pdf", "not a PDF file"),
        (lambda: _encrypted("secret"), "a.pdf", "encrypted PDF (needs a password)"),
        (_blank_pdf, "a.pdf", "PDF has no text layer"),
        (lambda: epub_bytes([("One", "<p>Text.</p>")])[:300], "b.epub", "not a readable EPUB"),
        (lambda: b"PK\x03\x04" + b"\x00" * 40, "b.epub", "not a readable EPUB"),
        (lambda: _zip({"a.txt": "hello"}), "b.epub", "a zip archive, not an EPUB"),
        (lambda: _zip({"mimetype": "application/zip"}), "b.epub", "a zip archive, not an EPUB"),
        (
            lambda: _zip({"mimetype": "application/epub+zip", "META-INF/container.xml": "<c"}),
            "b.epub",
            "not a readable EPUB",
        ),
        (
            lambda: epub_bytes([("One", "<p>Text.</p>")], extra={"META-INF/encryption.xml": DRM}),
            "b.epub",
            "DRM-protected EPUB",
        ),
        (lambda: epub_bytes([("Empty", "<p> </p>")]), "b.epub", "no text in the EPUB"),
        (lambda: b"", "p.html", "empty document"),
        (lambda: b"<html><body><nav>Home</nav></body></html>", "p.html", "no text in the HTML"),
        (lambda: b"<html><script>x()</script></html>", "p.html", "no text in the HTML"),
        (lambda: b"\x00\x01\x02\x03" * 10, "p.html", "not a text file"),
    ],
)
def test_bad_input_is_a_one_line_input_error(make, name: str, message: str, tmp_path: Path) -> None:
    data = make()
    path = tmp_path / name
    path.write_bytes(data)
    for read in (lambda: read_document(path, name), lambda: read_document_bytes(data, name)):
        with pytest.raises(InputError) as caught:
            read()
        assert caught.value.message.startswith(message)
        assert "\n" not in caught.value.message


# --------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    ("make", "name", "suffix", "first_paragraph"),
    [
        (lambda: pdf_bytes([body("From a PDF.")]), "-", None, "From a PDF."),
        (lambda: b"junk\n" + pdf_bytes([body("After junk.")]), "x.txt", None, "After junk."),
        (lambda: epub_bytes([("C", "<p>From an EPUB.</p>")]), "-", None, "From an EPUB."),
        (lambda: b"<!doctype html><p>From <i>HTML</i>.</p>", "-", None, "From HTML."),
        (lambda: b"<?xml version='1.0'?>\n<html><p>XHTML.</p></html>", "-", None, "XHTML."),
        (lambda: b"\xef\xbb\xbf<!-- c --><HTML><p>BOM.</p></HTML>", "-", None, "BOM."),
        (lambda: b"Plain *text* <i>kept</i> as text.", "-", None, "Plain text kept as text."),
        (lambda: b"# Title\n\nA `code` word.", "-", ".md", "A code word."),
        (lambda: b"# Title\n\nA `code` word.", "notes.md", None, "A code word."),
        (lambda: b"# Title\n\nA `code` word.", "-", "txt", "A `code` word."),
    ],
)
def test_read_document_bytes_sniffs_the_format(
    make, name: str, suffix: str | None, first_paragraph: str
) -> None:
    document = read_document_bytes(make(), name, suffix)
    assert paragraphs(document)[0] == first_paragraph
    assert document.name == name


@pytest.mark.parametrize(
    ("name", "data", "text"),
    [
        ("page.htm", b"<p>An <b>HTML</b> page.</p>", "An HTML page."),
        ("page.xhtml", b"<html><body><p>XHTML page.</p></body></html>", "XHTML page."),
        # a text file is text whatever it looks like ("html" is not a tag text files lose)
        ("notes.txt", b"<html><p>Text like HTML.</p></html>", "<html>Text like HTML.</html>"),
        ("notes.md", b"<div><p>Markdown with <em>tags</em>.</p></div>", "Markdown with tags."),
    ],
)
def test_read_document_dispatches_by_suffix(
    name: str, data: bytes, text: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert read_document(path, name).text == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf"]),
    data=st.binary(max_size=300),
    suffix=st.sampled_from([None, ".pdf", ".epub", ".html", ".md", ".txt", ""]),
)
def test_any_bytes_give_a_document_or_an_input_error(
    prefix: bytes, data: bytes, suffix: str | None
) -> None:
    try:
        document = read_document_bytes(prefix + data, "-", suffix)
    except InputError as error:
        assert error.message and "\n" not in error.message
        return
    assert document.text.strip()
    assert "\n\n\n" not in document.text


@settings(max_examples=40, deadline=None)
@given(
    pdf=st.lists(
        st.lists(
            st.text(st.characters(codec="cp1252", exclude_categories=("Cc", "Cs")), max_size=40),
            max_size=6,
        ),
        min_size=1,
        max_size=3,
    )
)
def test_any_pdf_text_gives_a_document_or_an_input_error(pdf: list[list[str]]) -> None:
    data = pdf_bytes([body(*lines) for lines in pdf])
    try:
        document = read_document_bytes(data, "a.pdf")
    except InputError as error:
        assert error.message.startswith(("PDF has no text layer", "empty document"))
        return
    assert document.pages and all(1 <= page <= len(pdf) for _, page in document.pages)
    assert [page for _, page in document.pages] == sorted({page for _, page in document.pages})


# --------------------------------------------------------------------------- CLI, whole path

PROSE_LINES = (
    "The Fourth International was founded in 1938 by Leon Trotsky in",
    "France. Permanent revolution is the theory that the revolution must",
    "continue until the working class takes power everywhere.",
)
PROSE_TWO = (
    "In 1940, Trotsky was murdered in Mexico by an agent of the secret",
    "police. Stalinism is the bureaucratic degeneration of the workers' state.",
)


def _cards(tmp_path: Path, source: Path) -> list[dict]:
    cards_dir = tmp_path / "cards"
    code = main(
        [
            *("extract", str(source), "--cards-dir", str(cards_dir)),
            *("-j", "1", "--cache-dir", str(tmp_path / "cache")),
        ]
    )
    assert code == 0
    (cards_file,) = cards_dir.glob("*.jsonl")
    return [json.loads(line) for line in cards_file.read_text().splitlines() if line.strip()]


@pytest.mark.slow
def test_cli_extract_pdf_notes_carry_their_page(tmp_path: Path) -> None:
    source = tmp_path / "history.pdf"
    source.write_bytes(
        pdf_bytes(
            [
                page_of(*body(*PROSE_LINES), header="A Short History", number="1"),
                page_of(*body(*PROSE_TWO), header="A Short History", number="2"),
            ]
        )
    )
    notes = _cards(tmp_path, source)
    pages = {note["source"]["page"] for note in notes}
    assert pages == {1, 2}
    for note in notes:
        expected = (
            1
            if "1938" in note["source"]["sentence"] or "revolution" in note["source"]["sentence"]
            else 2
        )
        assert note["source"]["page"] == expected, note
        assert "A Short History" not in note["source"]["sentence"]


@pytest.mark.slow
def test_cli_extract_html_notes_carry_their_heading(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    content = (
        "<main><h1>The International</h1><p>" + " ".join(PROSE_LINES) + "</p>"
        "<h2>Murder</h2><p>" + " ".join(PROSE_TWO) + "</p></main>"
    )
    source.write_text(PAGE.format(content=content), encoding="utf-8")
    notes = _cards(tmp_path, source)
    assert notes
    for note in notes:
        sentence = note["source"]["sentence"]
        assert note["source"]["section"] == (
            "Murder" if "1940" in sentence or "Stalinism" in sentence else "The International"
        ), note
        assert "page" not in note["source"]
        assert "cookies" not in sentence


@pytest.mark.slow
def test_cli_extract_epub_notes_carry_their_chapter(tmp_path: Path) -> None:
    source = tmp_path / "book.epub"
    chapters = [
        ("Founding", "<p>" + " ".join(PROSE_LINES) + "</p>"),
        ("The Murder", "<p>" + " ".join(PROSE_TWO) + "</p>"),
    ]
    source.write_bytes(epub_bytes(chapters))
    notes = _cards(tmp_path, source)
    sections = {note["source"]["section"] for note in notes}
    assert sections == {"Founding", "The Murder"}
