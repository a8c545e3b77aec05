"""anki/render.py: our template renderer, checked against the real Anki backend card by card."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection
from hypothesis import given
from hypothesis import strategies as st

from anki_helpers import card_ids, import_apkg, render_card
from factcards.anki import write_deck
from factcards.anki.render import (
    RenderContext,
    cloze_filter,
    cloze_ordinals,
    encode_attribute,
    field_is_empty,
    parse_clozes,
    render_note,
    render_template,
    strip_html,
)
from factcards.anki.render import render_card as render_our_card
from factcards.anki.templates import TEMPLATE_FILES, default_template, load_templates
from factcards.model import Note, SourceRef

slow = pytest.mark.slow  # uses the Anki backend

DECK_NAME = "factcards::Lecture notes"
TIMESTAMP = 1_700_000_000.0


def make_note(guid: str, kind: str, front: str, back: str = "", **extra: object) -> Note:
    sentence = str(extra.pop("sentence", "In 1879, Engels published an article in Zürich."))
    section = extra.pop("section", "The early years")
    source = SourceRef("seeds/lecture.md", sentence, 10, 10 + len(sentence), section)  # type: ignore[arg-type]
    extra.setdefault("tags", [f"factcards::{kind}"])
    return Note(guid=guid, kind=kind, front=front, back=back, source=source, **extra)  # type: ignore[arg-type]


def sample_notes() -> list[Note]:
    """A few notes of every kind and note type, and hostile text."""
    return [
        make_note("date-qa", "date", "When did Engels publish an article?", "1879", date="1879"),
        make_note(
            "date-cloze",
            "date",
            "In {{c1::1879}}, Engels published an article in Zürich.",
            date="1879",
            date_value="1879",
        ),
        make_note(
            "date-written",
            "date",
            "When was the weekly founded?",
            "1878",
            date="the year before",
            date_value="1878",
            section=None,
        ),
        make_note(
            "quote",
            "quote",
            "Who wrote: «Men make their own history …»?",
            "Marx",
            speaker="Marx",
            quote="Men make their own history, but not as they please.",
            sentence="Marx wrote: “Men make their own history, but not as they please.”",
        ),
        make_note(
            "quote-cloze",
            "quote",
            "{{c1::Marx}} wrote: “Men make their own history.”",
            "The Eighteenth Brumaire",
            speaker="Marx",
            quote="Men make their own history.",
            sentence="Marx wrote: “Men make their own history.”",
        ),
        make_note(
            "definition",
            "definition",
            "What is the ICFI?",
            "the International Committee of the Fourth International",
            term="the ICFI",
            sentence="The ICFI is the International Committee of the Fourth International.",
        ),
        make_note(
            "definition-no-term",
            "definition",
            "Who was Engels?",
            "a German philosopher",
            sentence="Engels was a German philosopher.",
        ),
        make_note("definition-as-qa", "definition", "What is it?", ""),
        make_note(
            "claim-cloze",
            "claim",
            "In 1879, {{c1::Engels}} published an article in Zürich.",
            tags=["factcards::claim", "section::The_early_years"],
        ),
        make_note("claim-hint", "claim", "Engels wrote in the {{c1::Zürich::city}} weekly."),
        make_note("claim-qa", "claim", "Who published an article in 1879?", "Engels"),
        make_note(
            "hostile-qa",
            "quote",
            "Who wrote: «<script>alert(1)</script> <b>b</b> {{Front}} {{c2::x}} [sound:a.mp3]»?",
            "<i>Nobody</i> {{Back}} & 'q' \"dq\"",
            speaker="Nobody",
            sentence="<script>alert(1)</script> {{Source}} & <b>bold</b> Nobody",
            section="<img src=x onerror=alert(1)>",
        ),
        make_note(
            "hostile-cloze",
            "claim",
            "<b>x</b> {{Text}} {{c1::a <i>b</i> & 'c' é: 10:30 [latex]y[/latex]}} {{c2::z}}",
        ),
    ]


def anki_cards(notes: list[Note], folder: Path, templates_dir: Path | None = None) -> dict:
    """(guid, card ordinal from 1) -> (question HTML, answer HTML) as the real Anki renders them."""
    deck = folder / "deck.apkg"
    write_deck(notes, DECK_NAME, deck, templates_dir, timestamp=TIMESTAMP)
    with closing(import_apkg(deck, folder / "collection")) as col:
        return {
            (col.get_card(cid).note().guid, col.get_card(cid).ord + 1): render_card(col, cid)
            for cid in card_ids(col)
        }


def our_cards(notes: list[Note], templates_dir: Path | None = None) -> dict:
    templates = load_templates(templates_dir)
    out = {}
    for note in notes:
        rendered = render_note(note, templates, DECK_NAME)
        for card in rendered.cards if rendered else ():
            out[(note.guid, card.ordinal)] = (card.question, card.answer)
    return out


@pytest.fixture(scope="module")
def default_cards(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    notes = sample_notes()
    return anki_cards(notes, tmp_path_factory.mktemp("anki")), our_cards(notes)


# a template set using what the defaults do not: filters, negated sections, special fields
CUSTOM_TEMPLATES: dict[str, str] = {
    "qa-front.html": (
        "{{#Section}}<i>{{Section}}</i>{{/Section}}{{^Section}}(no section){{/Section}}\n"
        "<p>{{Question}}</p><p>{{text:Question}}</p>\n"
        "{{Tags}}|{{Deck}}|{{Subdeck}}|{{Card}}|{{Type}}|{{CardFlag}}|{{ Document }}"
    ),
    "qa-back.html": "{{FrontSide}}<hr id=answer>{{#Extra}}[{{Extra}}]{{/Extra}}{{Answer}}",
    "cloze-front.html": "{{cloze:Text}}<br>{{text:cloze:Text}}|{{Card}}",
    "cloze-back.html": "{{cloze:Text}}|{{FrontSide}}|{{^Back Extra}}none{{/Back Extra}}",
    "definition-reverse-front.html": "{{#Definition}}{{Definition}}?{{/Definition}}",
}


@pytest.fixture(scope="module")
def custom_cards(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    folder = tmp_path_factory.mktemp("custom")
    templates_dir = folder / "templates"
    templates_dir.mkdir()
    for name, text in CUSTOM_TEMPLATES.items():
        (templates_dir / name).write_text(text, encoding="utf-8")
    # text: decodes entities and Anki then inserts them raw; ours re-escapes: compare benign text
    notes = [n for n in sample_notes() if not n.guid.startswith("hostile")]
    return anki_cards(notes, folder, templates_dir), our_cards(notes, templates_dir)


# --------------------------------------------------------------------------- against Anki


@slow
def test_same_cards_as_anki(default_cards: tuple[dict, dict]) -> None:
    anki, ours = default_cards
    assert sorted(ours) == sorted(anki)
    assert ("definition", 2) in ours  # the reverse card
    assert ("definition-as-qa", 1) in ours


@slow
@pytest.mark.parametrize("guid", [note.guid for note in sample_notes()])
def test_renders_like_anki(default_cards: tuple[dict, dict], guid: str) -> None:
    anki, ours = default_cards
    keys = [key for key in anki if key[0] == guid]
    assert keys
    for key in keys:
        assert ours[key] == anki[key], key


@slow
@pytest.mark.parametrize(
    "guid", [n.guid for n in sample_notes() if not n.guid.startswith("hostile")]
)
def test_custom_templates_render_like_anki(custom_cards: tuple[dict, dict], guid: str) -> None:
    anki, ours = custom_cards
    keys = [key for key in anki if key[0] == guid]
    assert keys
    assert sorted(key for key in ours if key[0] == guid) == sorted(keys)
    for key in keys:
        assert ours[key] == anki[key], key


# a raw note type for what our note types never hold: nested clozes, other numbers, hints
RAW_MODEL = genanki.Model(
    1_555_000_001,
    "raw cloze",
    fields=[{"name": "Text"}, {"name": "Extra"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}|{{hint:Extra}}",
            "afmt": "{{cloze:Text}}|{{FrontSide}}",
        }
    ],
    model_type=genanki.Model.CLOZE,
)
RAW_CLOZES = [
    "pre {{c1::a &amp; b &lt;c&gt; \"d\" 'e' é&#58;x-y_z.(){{c2::nested}}::the hint}} "
    "mid {{c2::second}} {{c1::again}} post",
    "only {{c1::one}} and <b>bold</b>",
    "{{c3::three}} {{c1::one::}} {{c1::unclosed",
    "a }} b {{c2::x::y::z}}",
]
HINT_ID = re.compile(r"hint[0-9a-f]{16}")


@pytest.fixture(scope="module")
def raw_cards(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Collection]:
    folder = tmp_path_factory.mktemp("raw")
    deck = genanki.Deck(2_059_400_110, "raw")
    for number, text in enumerate(RAW_CLOZES):
        deck.add_note(genanki.Note(model=RAW_MODEL, fields=[text, "<b>x</b>"], guid=f"raw{number}"))
    genanki.Package(deck).write_to_file(str(folder / "raw.apkg"))
    with closing(import_apkg(folder / "raw.apkg", folder / "collection")) as col:
        yield col


@slow
@pytest.mark.parametrize("number", range(len(RAW_CLOZES)))
def test_clozes_render_like_anki(raw_cards: Collection, number: int) -> None:
    text = RAW_CLOZES[number]
    anki = {}
    for cid in card_ids(raw_cards):
        card = raw_cards.get_card(cid)
        if card.note().guid == f"raw{number}":
            anki[card.ord + 1] = tuple(
                HINT_ID.sub("hintID", side) for side in render_card(raw_cards, cid)
            )
    assert sorted(anki) == cloze_ordinals(text)
    template = RAW_MODEL.templates[0]
    for ordinal, expected in anki.items():
        ours = render_our_card(
            {"Text": text, "Extra": "<b>x</b>"}, template["qfmt"], template["afmt"], ordinal=ordinal
        )
        assert tuple(HINT_ID.sub("hintID", side) for side in ours) == expected


# --------------------------------------------------------------------------- the parts, alone


def render(template: str, question: bool = True, ordinal: int = 1, **fields: str) -> str:
    return render_template(template, RenderContext(fields, ordinal, question, front_side="F"))


@pytest.mark.parametrize(
    ("template", "fields", "expected"),
    [
        ("{{A}}", {"A": "x"}, "x"),
        ("{{ A }}", {"A": "x"}, "x"),
        ("{{#A}}yes{{/A}}", {"A": "x"}, "yes"),
        ("{{#A}}yes{{/A}}", {"A": " <br> <div></div>"}, ""),
        ("{{^A}}none{{/A}}", {"A": ""}, "none"),
        ("{{^A}}none{{/A}}", {"A": "x"}, ""),
        ("{{#A}}{{#B}}both{{/B}}{{/A}}", {"A": "x", "B": "y"}, "both"),
        ("{{#A}}open", {"A": "x"}, "{{#A}}open"),
        ("close{{/A}}", {"A": "x"}, "close{{/A}}"),
        ("{{text:A}}", {"A": "<b>a</b> &amp; &lt;i&gt;&nbsp;z"}, "a &amp; &lt;i&gt; z"),
        ("{{Missing}}", {}, "{unknown field Missing}"),
        ("{{FrontSide}}", {}, ""),
        ("{{unknownfilter:A}}", {"A": "x"}, "x"),
        ("{{type:A}}", {"A": "x"}, '<input class="typeans" disabled>'),
    ],
)
def test_template_language(template: str, fields: dict[str, str], expected: str) -> None:
    assert render(template, **fields) == expected


def test_front_side_only_on_the_back() -> None:
    assert render("{{FrontSide}}<hr>", question=False) == "F<hr>"


@pytest.mark.parametrize(
    ("text", "ordinal", "question", "expected"),
    [
        (
            "a {{c1::b}} c",
            1,
            True,
            'a <span class="cloze" data-cloze="b" data-ordinal="1">[...]</span> c',
        ),
        ("a {{c1::b}} c", 1, False, 'a <span class="cloze" data-ordinal="1">b</span> c'),
        (
            "{{c1::b::hint}}",
            1,
            True,
            '<span class="cloze" data-cloze="b" data-ordinal="1">[hint]</span>',
        ),
        ("{{c2::b}}", 1, True, '<span class="cloze-inactive" data-ordinal="2">b</span>'),
        ("{{c1,2::b}}", 2, False, '<span class="cloze" data-ordinal="1,2">b</span>'),
        (
            "{{c1::b c}}",
            1,
            True,
            '<span class="cloze" data-cloze="b&#x20;c" data-ordinal="1">[...]</span>',
        ),
        ("a {{c1::unclosed", 1, True, "a "),
        ("x }} y", 1, True, "x }} y"),
    ],
)
def test_cloze_filter(text: str, ordinal: int, question: bool, expected: str) -> None:
    assert cloze_filter(text, ordinal, question) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("abc123", "abc123"),
        ("a b", "a&#x20;b"),
        ("&<>\"'", "&amp;&lt;&gt;&quot;&#x27;"),
        ("é", "&#xE9;"),
        ("’Ω", "’Ω"),  # above 255: kept
    ],
)
def test_encode_attribute(value: str, expected: str) -> None:
    assert encode_attribute(value) == expected


@pytest.mark.parametrize(
    ("value", "empty"),
    [
        ("", True),
        ("  \n", True),
        ("<br>", True),
        ("<div> </div><br/>", True),
        ("x", False),
        ("<b></b>", False),
    ],
)
def test_field_is_empty(value: str, empty: bool) -> None:
    assert field_is_empty(value) is empty


def test_strip_html() -> None:
    assert strip_html("<b>a</b>&nbsp;&lt;b&gt;<!-- c -->") == "a <b>"


def test_no_card_from_a_blank_front() -> None:
    templates = load_templates()
    note = make_note("blank", "claim", "   ", "x")
    assert render_note(note, templates, DECK_NAME) is None


def test_default_templates_are_complete() -> None:
    assert {name: default_template(name) for name in TEMPLATE_FILES}


@given(st.text(max_size=80))
def test_cloze_parsing_never_fails_and_keeps_plain_text(text: str) -> None:
    nodes = parse_clozes(text)
    if "{{c" not in text:
        assert "".join(str(node) for node in nodes) == text
    for ordinal in (1, 2):
        cloze_filter(text, ordinal, question=True)
        cloze_filter(text, ordinal, question=False)


@given(st.text(max_size=80), st.text(max_size=40))
def test_templates_never_fail(template: str, value: str) -> None:
    render(template, A=value)
    render(template, question=False, A=value)
