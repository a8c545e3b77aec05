"""ingest: files -> Document (clean text, offset map, sections, works, byline date)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcards.errors import InputError
from factcards.ingest import (
    decode_text,
    document_from_string,
    expand_sources,
    is_work_title,
    read_document,
    readable_title,
)
from factcards.model import Document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
MD_SEED = SEEDS / "socialism-in-one-country-or-permanent-revolution.md"
TXT_SEED = SEEDS / "trotsky-on-socialism-and-the-productive-forces.txt"


def clean(text: str, markdown: bool = True) -> str:
    return document_from_string(text, "test.md" if markdown else "test.txt", markdown).text


def works_of(document: Document) -> list[str]:
    return [document.text[start:end] for start, end in document.works]


def assert_verbatim(document: Document, source: str) -> None:
    """Every non-space character of the clean text is the source character it maps to."""
    for i, char in enumerate(document.text):
        if not char.isspace():
            assert source[document.offsets.to_source(i)] == char, (
                i,
                document.text[i - 10 : i + 10],
            )


# --------------------------------------------------------------------------- inline markup


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("**bold** text", "bold text"),
        ("*em* and _em_ and __strong__", "em and em and strong"),
        ("***both*** here", "both here"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("5 * 3 * 2 = 30", "5 * 3 * 2 = 30"),
        ("[the site](https://x.org/a) says", "the site says"),
        ('[the site](https://x.org "Title") says', "the site says"),
        ("see <https://x.org/a> now", "see now"),
        ("an ![a picture](img.png) image", "an image"),
        ("a <em>tagged</em> word<br/>", "a tagged word"),
        ("a <!-- comment --> b", "a b"),
        ("x <y and z> w", "x <y and z> w"),
        ("run `make test` now", "run make test now"),
        ("3 &amp; 4", "3 & 4"),
        (r"\*not em\*", "*not em*"),
        ("[T]he theory", "[T]he theory"),
        ("notes.[note 18][note 19]", "notes."),  # wiki citation marks go
        ("line one\nline two", "line one line two"),
        ("hard  \nbreak", "hard break"),
        ("hard\\\nbreak", "hard break"),
        ("revolu-\ntionary work", "revolu-\ntionary work".replace("-\n", "")),
        ("the self-\nreform idea", "the self-reform idea"),
        ("a    lot   of\tspace", "a lot of space"),
    ],
)
def test_inline_markup(markdown: str, expected: str) -> None:
    assert clean(markdown) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain text keeps backticks (TimeBank-style ``quotes'') but drops emphasis markers
        ("``It was a bomb,'' he said.", "``It was a bomb,'' he said."),
        ('"_You_ want to tell me."', '"You want to tell me."'),
        ("NAIROBI, Kenya (AP) _\n\nBombs exploded.", "NAIROBI, Kenya (AP) _\n\nBombs exploded."),
        ("a &amp; b", "a &amp; b"),
    ],
)
def test_plain_text_is_conservative(text: str, expected: str) -> None:
    assert clean(text, markdown=False) == expected


# --------------------------------------------------------------------------- blocks


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Title\n\nText.", "Text."),
        ("---\ntitle: Front\ndate: 2001-02-03\n---\nBody.", "Body."),
        ("A.\n\n---\n\nB.", "A.\n\nB."),
        ("A.\n\n* * *\n\nB.", "A.\n\nB."),
        ("> quoted\n> more\n\nAfter.", "quoted more\n\nAfter."),
        ("> > nested\n\nAfter.", "nested\n\nAfter."),
        ("- one\n- two\n\n1. three", "one\n\ntwo\n\nthree"),
        ("A.\n\n\n\n12\n\n\nB.", "A.\n\nB."),
        ("A.\n\n- 12 -\n\nB.", "A.\n\nB."),
        ("Some text\n12\ngoes on.", "Some text goes on."),
        ("```\ncode = 1\n```\n\nText.", "Text."),
        ("Title\n=====\n\nText.", "Text."),
        ("[ref]: https://x.org\n\nText.", "Text."),
        ("  \t \nText.\n   \n\n", "Text."),
        ("Text.\r\nMore text.\r\n\r\nNext.", "Text. More text.\n\nNext."),
        ("### **Bold heading**\n\nText.", "Text."),
    ],
)
def test_block_rules(markdown: str, expected: str) -> None:
    assert clean(markdown) == expected


def test_sections_and_title() -> None:
    text = (
        "# The Title\n\nIntro.\n\n## Part one\n\nFirst.\n\n### **Sub part**\n\nSecond.\n\n## Empty"
    )
    document = document_from_string(text)
    assert document.title == "The Title"
    assert document.text == "Intro.\n\nFirst.\n\nSecond."
    assert [(s.title, s.start, s.level) for s in document.sections] == [
        ("The Title", 0, 1),
        ("Part one", 8, 2),
        ("Sub part", 16, 3),
        ("Empty", len(document.text), 2),
    ]
    assert document.section_at(document.text.index("Second")) == "Sub part"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("# Heading one\n\nText.", "x.md", "Heading one"),
        ("## Only two\n\nText.", "my-notes_file.md", "My notes file"),
        ('---\ntitle: "Front title"\n---\n\nText.', "x.md", "Front title"),
        ("Text.", "socialism-in-one-country.txt", "Socialism in one country"),
        ("Title\n=====\n\nText.", "x.md", "Title"),
    ],
)
def test_title(text: str, name: str, title: str) -> None:
    assert document_from_string(text, name).title == title


def test_readable_title_of_odd_names() -> None:
    assert readable_title(Path("...")) == "..."
    assert readable_title(Path("a_b.txt")) == "A b"


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("> Quoted words.\n\nAfter.", ["Quoted words."]),
        ("Before.\n\n> One.\n>\n> Two.", ["One.", "Two."]),
        # unmarked "block quotes" (after a colon, or indented) are left to the quote extractor
        ("He wrote:\n\nThe words that follow.", []),
        ("He wrote:\n\n    Indented words.", []),
    ],
)
def test_block_quotes(text: str, quotes: list[str]) -> None:
    document = document_from_string(text)
    assert [document.text[a:b] for a, b in document.block_quotes] == quotes


# --------------------------------------------------------------------------- works


@pytest.mark.parametrize(
    ("markdown", "works"),
    [
        ("Trotsky wrote in his *Results and Prospects*: it was.", ["Results and Prospects"]),
        (
            "contained in the volume *the third international after lenin*.",
            ["the third international after lenin"],
        ),
        (
            "an article entitled, *on the tactics of the party*, was read",
            ["on the tactics of the party"],
        ),
        ("Thus, the *New York Times* published a report.", ["New York Times"]),
        ("He read *Pravda* every day.", ["Pravda"]),
        ("In his autobiography, *My Life*, he explained.", ["My Life"]),
        ("*Pravda* was read.", []),
        ("It was *this* that mattered.", []),
        ("a *fait accompli* then", []),
        ("She said -- *That* is it.", []),
        ("*This lecture was delivered by a speaker at the school in Michigan.*", []),
        ("in his *view, this was a long sentence with many words and more words.*", []),
        ("**Bold Title Words** are not italics.", []),
        (
            "Both *War and Peace* and _Anna Karenina_ are novels.",
            ["War and Peace", "Anna Karenina"],
        ),
    ],
)
def test_works(markdown: str, works: list[str]) -> None:
    assert works_of(document_from_string(markdown)) == works


@pytest.mark.parametrize(
    ("italic", "before", "expected"),
    [
        ("Capital", "Marx wrote ", True),
        ("Capital", "", False),
        ("on tactics", "the pamphlet ", True),
        ("on tactics", "we talked ", False),
        ("The State and Revolution", "", True),
        ("What Is to Be Done?", "", True),
    ],
)
def test_is_work_title(italic: str, before: str, expected: bool) -> None:
    assert is_work_title(italic, before) is expected


def test_works_survive_page_break_joins() -> None:
    text = (
        "He wrote in his *Results and Prospects* that it was a\n\nspecific form of *Capital* use."
    )
    document = document_from_string(text)
    assert works_of(document) == ["Results and Prospects", "Capital"]


# --------------------------------------------------------------------------- byline


@pytest.mark.parametrize(
    ("markdown", "date", "text"),
    [
        ("# T\n\n**Bill Van Auken**  \n27 September 2005\n\nText.", "2005-09-27", "Text."),
        ("**Jane Doe**\nSeptember 27, 2005\n\nText.", "2005-09-27", "Text."),
        ("By Jane van der Berg\n\n2005-09-27\n\nText.", "2005-09-27", "Text."),
        ("# T\n\nTuesday, 3rd March 1998\n\nText.", "1998-03-03", "Text."),
        ("Sept. 4, 1998\n\nText.", "1998-09-04", "Text."),
        ("**Important**\n\nText.", None, "Important\n\nText."),
        ("Events of 27 September 2005 were odd.\n\nMore.", None, None),
        ("**Jane Doe**\n31 February 2005\n\nText.", None, None),
        ("---\ndate: 2001-02-03\n---\n\nText.", "2001-02-03", "Text."),
    ],
)
def test_byline_date(markdown: str, date: str | None, text: str | None) -> None:
    document = document_from_string(markdown)
    assert document.date == date
    if text is not None:
        assert document.text == text


# --------------------------------------------------------------------------- page breaks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seed's case: a sentence split over a page break
        (
            "In the final analysis, it represented a\n\nspecific form of labor reformism.",
            "In the final analysis, it represented a specific form of labor reformism.",
        ),
        ('a "bloc of four\n\nclasses” consisting of', 'a "bloc of four classes” consisting of'),
        ("The bourgeoisie—\n\ntied to imperialism.", "The bourgeoisie—tied to imperialism."),
        ("A great revolu-\n\ntionary party.", "A great revolutionary party."),
        ("It ended.\n\nthen more", "It ended.\n\nthen more"),
        ("He said:\n\nquoted words", "He said:\n\nquoted words"),
        ("He said;\n\nmore words", "He said;\n\nmore words"),
        (
            "“Socialist society”, as Trotsky explained,\n\n…can be built",
            "“Socialist society”, as Trotsky explained,\n\n…can be built",
        ),
        (
            "The result was the physical annihilation of the Chinese Communist\n\nParty and its"
            " cadre.\n\nThe Chinese Communist Party was crushed.",
            "The result was the physical annihilation of the Chinese Communist Party and its"
            " cadre.\n\nThe Chinese Communist Party was crushed.",
        ),
        (
            "Flags were raised side by side near the tomb in Pilsudski Square\n\nIn Hungary, x.",
            "Flags were raised side by side near the tomb in Pilsudski Square\n\nIn Hungary, x.",
        ),
        (
            "He then handed all of the documents over to the\n\nSoviet Union in 1945.",
            "He then handed all of the documents over to the Soviet Union in 1945.",
        ),
        ("CHAPTER I (1)\n\nIT is a truth.", "CHAPTER I (1)\n\nIT is a truth."),
        ("it represented a\n\n## Head\n\nspecific form", "it represented a\n\nspecific form"),
        ("it represented a\n\n---\n\nspecific form", "it represented a\n\nspecific form"),
        ("- an item\n- another item", "an item\n\nanother item"),
        ("it represented a\n\n12\n\nspecific form", "it represented a specific form"),
        ("one\n\ntwo\n\nthree", "one two three"),
    ],
)
def test_page_break_rejoin(text: str, expected: str) -> None:
    assert clean(text, markdown=False) == expected


def test_page_break_join_keeps_offsets() -> None:
    source = "it represented a\n\nspecific form"
    document = document_from_string(source, markdown=False)
    start = document.text.index("specific")
    assert document.offsets.to_source(start) == source.index("specific")
    assert_verbatim(document, source)


# --------------------------------------------------------------------------- boilerplate


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "Text.\n\n\n\nTo contact the WSWS and the  \nSocialist Equality Party visit:\n\n"
            "**[wsws.org/contact](https://www.wsws.org/contact)**",
            "Text.",
        ),
        ("Text.\n\nCopyright 2020 Foo Inc. All rights reserved.", "Text."),
        ("Text.\n\n© Foo Inc.\n\n---", "Text."),
        ("Text.\n\nPlease visit our website at https://x.org", "Text."),
        ("Text.\n\nSubscribe to our newsletter [here](https://x.org).", "Text."),
        ("Text.\n\nHe never returned to visit.", "Text.\n\nHe never returned to visit."),
        ("Droit d'auteur is a term for French copyright law.", None),
        ("See https://x.org for the website.", None),
    ],
)
def test_footer(markdown: str, expected: str | None) -> None:
    assert clean(markdown) == (expected if expected is not None else markdown)


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café “quoted”.".encode("utf-8-sig"), "Café “quoted”."),
        ("Café “quoted”.".encode(), "Café “quoted”."),
        ("Café “quoted”.".encode("utf-16"), "Café “quoted”."),
        (b"\xfe\xff" + "Café.".encode("utf-16-be"), "Café."),
        ("Plain text here.".encode("utf-16-le"), "Plain text here."),
        (b"\x93Hello,\x94 he said \x96 twice.", "“Hello,” he said – twice."),
        (b"Odd \x81 byte \xe9t\xe9.", "Odd \x81 byte été."),
    ],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode_text(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text file"),
        (bytes(range(0, 32)) * 10, "not a text file"),
        (b"", "empty document"),
        (b" \n\t\r\n ", "empty document"),
        ("\ufeff  \n".encode(), "empty document"),
        (b"---\n\n***\n\n# \n", "empty document"),
    ],
)
def test_unreadable_files(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_document(path, "bad.md")
    assert caught.value.message.startswith(message)
    assert caught.value.path == path


def test_read_document_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt", "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path, "dir")


def test_read_document_offsets_refer_to_decoded_crlf_text(tmp_path: Path) -> None:
    source = "# Title\r\n\r\nFirst line\r\nsecond *line*.\r\n\r\nNext para.\r\n"
    path = tmp_path / "crlf.md"
    path.write_bytes(("\ufeff" + source).encode())
    document = read_document(path, "crlf.md")
    assert document.text == "First line second line.\n\nNext para."
    assert document.name == "crlf.md" and document.path == path
    assert_verbatim(document, source)
    start = document.text.index("Next")
    assert source[document.offsets.to_source(start) :].startswith("Next para.")


def test_suffix_decides_markdown(tmp_path: Path) -> None:
    for suffix, expected in ((".md", "code here"), (".txt", "`code` here")):
        path = tmp_path / f"doc{suffix}"
        path.write_text("`code` here", encoding="utf-8")
        assert read_document(path, path.name).text == expected


# --------------------------------------------------------------------------- expand_sources


def test_expand_sources(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("b.md", "a.txt", "c.markdown", ".hidden.md", "d.docx", "e.TXT"):
        (folder / name).write_text("Text.", encoding="utf-8")
    (folder / "sub.md").mkdir()
    single = tmp_path / "single.md"
    single.write_text("Text.", encoding="utf-8")
    found = expand_sources([single, folder, folder / "a.txt", single])
    assert [p.name for p in found] == ["single.md", "a.txt", "b.md", "c.markdown", "e.TXT"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda root: root / "missing.md", "no such file or directory"),
        (lambda root: _touch(root / "file.docx"), "unsupported file type '.docx'"),
        (lambda root: _touch(root / "README"), "unsupported file type (no suffix)"),
        (lambda root: _mkdir(root / "empty"), "no .txt, .md, .pdf, .html or .epub files"),
        (
            lambda root: _touch(_mkdir(root / "only-hidden") / ".x.md").parent,
            "no .txt, .md, .pdf, .html or .epub files",
        ),
    ],
)
def test_expand_sources_errors(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        expand_sources([path])
    assert caught.value.message.startswith(message)
    assert caught.value.path == path


def _touch(path: Path) -> Path:
    path.write_text("Text.", encoding="utf-8")
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


# --------------------------------------------------------------------------- properties

MARKUP_ALPHABET = st.sampled_from(
    [*"ab cD.,:;!?\n\n\n*_#>[]()-`<>&—“”'\"\r\t12", "the ", "Party ", "http://x.org ", "**"]
)
markupish_text = st.lists(MARKUP_ALPHABET, max_size=80).map("".join)
any_text = st.one_of(st.text(max_size=200), markupish_text)


def _check_document(document: Document, source: str, markdown: bool) -> None:
    text = document.text
    assert text and text == text.strip()
    assert "\n\n\n" not in text
    assert all(paragraph.strip() for paragraph in text.split("\n\n"))
    offsets = document.offsets
    assert offsets.clean_starts == sorted(set(offsets.clean_starts))
    assert offsets.source_starts == sorted(set(offsets.source_starts))
    mapped = [offsets.to_source(i) for i in range(len(text))]
    assert mapped == sorted(mapped)
    assert all(0 <= m < len(source) for m in mapped)
    if not markdown or "&" not in source:
        assert_verbatim(document, source)
    for start, end in document.works + document.block_quotes:
        assert 0 <= start < end <= len(text)
    assert [s.start for s in document.sections] == sorted(s.start for s in document.sections)


@settings(max_examples=300, deadline=None)
@given(source=any_text, markdown=st.booleans())
def test_any_text_gives_a_document_or_input_error(source: str, markdown: bool) -> None:
    try:
        document = document_from_string(source, "prop.md", markdown)
    except InputError:
        return
    _check_document(document, source, markdown)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=200))
def test_any_bytes_decode_or_input_error(data: bytes) -> None:
    try:
        text = decode_text(data)
    except InputError:
        return
    assert text.strip()


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True), min_size=1, max_size=40),
    breaks=st.lists(st.sampled_from([" ", "\n", "\n\n", " **", "** ", " *", "* "]), max_size=40),
)
def test_words_map_back_verbatim(words: list[str], breaks: list[str]) -> None:
    source = "".join(w + (breaks[i] if i < len(breaks) else " ") for i, w in enumerate(words))
    try:
        document = document_from_string(source, "words.md")
    except InputError:
        return
    for match in re.finditer(r"\S+", document.text):
        if match.group().isalpha():
            at = document.offsets.to_source(match.start())
            assert source[at : at + len(match.group())] == match.group()


# --------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def md_seed() -> Document:
    return read_document(MD_SEED, MD_SEED.name)


@pytest.fixture(scope="module")
def txt_seed() -> Document:
    return read_document(TXT_SEED, TXT_SEED.name)


@pytest.mark.parametrize("which", ["md_seed", "txt_seed"])
def test_seed_has_no_markup_left(request: pytest.FixtureRequest, which: str) -> None:
    document: Document = request.getfixturevalue(which)
    for marker in ("*", "#", "](", "__", "\n\n\n", "wsws.org/contact", "To contact"):
        assert marker not in document.text
    source = document.path.read_text(encoding="utf-8-sig")
    _check_document(document, source, markdown=False)


def test_md_seed(md_seed: Document) -> None:
    assert md_seed.title == "Socialism in one country or permanent revolution"
    assert md_seed.date == "2005-09-27"
    assert not md_seed.text.startswith("Bill Van Auken")
    assert md_seed.text.startswith("This lecture was delivered by Bill Van Auken")
    assert md_seed.text.endswith("the Fourth International today.")
    for joined in (
        "In the final analysis, it represented a specific form of labor reformism",
        "a genuinely international revolutionary party.",
        "the physical annihilation of the Chinese Communist Party and the loss",
        'defined the Guomindang as a "bloc of four classes”',
        "if it was indeed the case that socialism could be achieved in Russia",
    ):
        assert joined in md_seed.text
    assert [s.title for s in md_seed.sections][:2] == [
        "Socialism in one country or permanent revolution",
        "Twenty years since the split in the International Committee",
    ]
    assert "The reaction against October 1917" in [s.title for s in md_seed.sections]
    assert works_of(md_seed) == [
        "Results and Prospects",
        "The Third International after Lenin",
        "The Permanent Revolution",
        "My Life",
        "New York Times",
        "Le Temps",
    ]


def test_txt_seed(txt_seed: Document) -> None:
    assert txt_seed.title == "Trotsky on socialism and the productive forces"
    assert txt_seed.date is None
    # the unmarked block quote after "as Trotsky explained," stays its own paragraph
    assert "as Trotsky explained,\n\n…can be built only" in txt_seed.text
    assert txt_seed.text.endswith("could join the decisive battles.")


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("Its sources are open to question.[note 41] Then it grew.",
         "Its sources are open to question. Then it grew."),
        ("It was founded in 1953.[12][13] It grew.", "It was founded in 1953. It grew."),
        ("It is disputed,[citation needed] they say.", "It is disputed, they say."),
        # an index or a bracketed letter in prose is no citation mark
        ("The array a[1] holds the list [a] of names.",
         "The array a[1] holds the list [a] of names."),
    ],
)  # fmt: skip
def test_citation_marks_of_wiki_text_are_dropped(source: str, text: str) -> None:
    document = document_from_string(source, "wiki.txt", markdown=False)
    assert document.text == text
    after = document.text.index(text.split()[-1])
    assert source[document.offsets.to_source(after)] == text.split()[-1][0]
