"""anki/: note types, escaping, templates and packaging, checked with the real Anki backend."""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from anki.collection import Collection
from anki.notes import Note as AnkiNote
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anki_helpers import (
    empty_card_ids,
    html_to_text,
    import_apkg,
    import_into,
    note_count,
    open_collection,
    render_all,
    render_card,
)
from factcards.anki import write_deck
from factcards.anki.deck import DECK_ID_MAX, DECK_ID_MIN, clean_deck_name, deck_id
from factcards.anki.fields import (
    anki_fields,
    anki_tags,
    cloze_html,
    definition_term,
    highlight,
    to_html,
)
from factcards.anki.templates import TEMPLATE_FILES, check_template, load_templates
from factcards.errors import InputError, OutputError
from factcards.model import KINDS, Note, SourceRef

slow = pytest.mark.slow  # uses the Anki backend

# The fixed ids, spelled out: changing them in note_types.py must fail here, because Anki would
# then import every learner's notes again as new notes of a new note type.
QA_ID, DEFINITION_ID, CLOZE_ID = 1_462_751_903, 1_893_306_117, 1_207_548_691
NOTE_TYPES = {
    "factcards Q&A": QA_ID,
    "factcards Definition": DEFINITION_ID,
    "factcards Cloze": CLOZE_ID,
}

TIMESTAMP = 1_700_000_000.0
SENTENCE = "In 1879, Engels published an article entitled “Socialism” in the Zürich weekly."


def source(sentence: str = SENTENCE, section: str | None = "The early years") -> SourceRef:
    return SourceRef("seeds/lecture.md", sentence, 120, 120 + len(sentence), section)


def make_note(guid: str, kind: str, front: str, back: str, **extra: object) -> Note:
    extra.setdefault("source", source())
    extra.setdefault("tags", [f"factcards::{kind}"])
    return Note(guid=guid, kind=kind, front=front, back=back, **extra)  # type: ignore[arg-type]


def sample_notes() -> list[Note]:
    """One note of every kind and shape questions.py makes, plus hostile text."""
    return [
        make_note("date-qa", "date", "When did Engels publish an article?", "1879", date="1879"),
        make_note(
            "date-cloze",
            "date",
            "In {{c1::1879}}, Engels published an article entitled “Socialism”.",
            "",
            date="1879",
            date_value="1879",
        ),
        make_note(
            "date-relative",
            "date",
            "When was the weekly founded?",
            "1878",
            date="the year before",
            date_value="1878",
        ),
        make_note(
            "quote",
            "quote",
            "Who wrote: «Men make their own history, but not as they please …»?",
            "Marx, The Eighteenth Brumaire (1852)",
            speaker="Marx",
            quote="Men make their own history, but not as they please; under circumstances given.",
            work="The Eighteenth Brumaire",
            year="1852",
            source=source("Marx wrote: “Men make their own history, but not as they please.”"),
        ),
        make_note(
            "definition",
            "definition",
            "What is the ICFI?",
            "The International Committee of the Fourth International",
            term="the ICFI",
            source=source("The ICFI is the International Committee of the Fourth International."),
        ),
        make_note(
            "definition-no-term",
            "definition",
            "Who was Engels?",
            "A German philosopher",
            source=source("Engels was a German philosopher.", section=None),
        ),
        make_note(
            "claim",
            "claim",
            "In 1879, {{c1::Engels}} published an article in the Zürich weekly.",
            "",
            tags=["factcards::claim", "Zürich weekly"],
        ),
        make_note(
            "claim-hint",
            "claim",
            "Engels wrote in the {{c1::Zürich::city}} weekly.",
            "",
        ),
        make_note(
            "hostile",
            "quote",
            "Who wrote: «<script>alert(1)</script> <b>bold</b> {{Front}} {{c2::x}} [sound:a.mp3]"
            "\x1f\x00»?",  # \x1f separates fields in Anki's database
            "<i>Nobody</i> {{Back}}",
            speaker="Nobody",
            source=source("<script>alert(1)</script> {{Source}} & <b>bold</b>"),
        ),
        make_note(
            "hostile-cloze",
            "claim",
            "<b>x</b> {{Text}} {{c1::a <i>b</i> {{c2}} [latex]y[/latex]",
            "",
        ),
    ]


def write_sample(path: Path, notes: list[Note] | None = None, **options: object) -> int:
    return write_deck(
        notes if notes is not None else sample_notes(),
        "factcards::Lecture",
        path,
        timestamp=TIMESTAMP,
        **options,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Collection]]:
    """The sample deck, written and imported once for the read-only tests below."""
    folder = tmp_path_factory.mktemp("anki")
    count = write_sample(folder / "decks" / "lecture.apkg")
    with closing(import_apkg(folder / "decks" / "lecture.apkg", folder / "collection")) as col:
        yield count, col


def notes_by_guid(col: Collection) -> dict[str, AnkiNote]:
    return {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}


# --------------------------------------------------------------------------- fields (no Anki)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("<b>x</b> & y", "&lt;b&gt;x&lt;/b&gt; &amp; y"),
        ("{{Front}}", "&#123;&#123;Front&#125;&#125;"),
        ("{{c1::x}}", "&#123;&#123;c1::x&#125;&#125;"),
        ("[sound:a.mp3]", "&#91;sound:a.mp3&#93;"),
        ("two\nlines\r\nand\rmore", "two<br>lines<br>and<br>more"),
        ('"quoted" it\'s', "&quot;quoted&quot; it&#x27;s"),
        ("nul\x00 unit\x1f sep", "nul unit sep"),
        ("tab\there", "tab here"),
    ],
)
def test_to_html_escapes_everything(text: str, expected: str) -> None:
    assert to_html(text) == expected


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("In {{c1::1879}}, he wrote.", "In {{c1::1879}}, he wrote."),
        ("The {{c1::ICFI::body}} met.", "The {{c1::ICFI::body}} met."),
        ("<b>{{c1::<i>x</i>}}</b>", "&lt;b&gt;{{c1::&lt;i&gt;x&lt;/i&gt;}}&lt;/b&gt;"),
        ("a {{c1::b{{c2::c}} d", "a {{c1::b&#123;&#123;c2::c}} d"),  # first :: starts the hint
        ("{{c1::10:30}} and {{c2::y}}", "{{c1::10&#58;30}} and &#123;&#123;c2::y&#125;&#125;"),
        ("{{c1::x}} [sound:y]", "{{c1::x}} &#91;sound:y&#93;"),
        ("{{c1:: }} nothing to ask", None),
        ("{{c2::x}} only", None),
        ("{{c1::unclosed", None),
        ("no marker", None),
    ],
)
def test_cloze_html_keeps_only_our_markers(front: str, expected: str | None) -> None:
    assert cloze_html(front) == expected


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["factcards::date"], ["factcards::date"]),
        (["has space", "tab\tand\nline"], ["has_space", "tab_and_line"]),
        (['say "x"', "", "  ", "factcards::"], ["say_x", "factcards"]),
        (["a::::b", "a::b"], ["a::b"]),
    ],
)
def test_anki_tags(tags: list[str], expected: list[str]) -> None:
    assert anki_tags(tags) == expected


@pytest.mark.parametrize(
    ("front", "term", "expected"),
    [
        ("What is the ICFI?", None, "the ICFI"),
        ("Who was Leon Trotsky?", None, "Leon Trotsky"),
        ("what were the Jacobins ?", None, "the Jacobins"),
        ("What is the ICFI?", "ICFI", "ICFI"),
        ("Define the ICFI.", None, ""),
    ],
)
def test_definition_term(front: str, term: str | None, expected: str) -> None:
    note = make_note("g", "definition", front, "x", term=term)
    assert definition_term(note) == expected


@pytest.mark.parametrize(
    ("sentence", "needles", "expected"),
    [
        ("Founded in 1953.", ["1953"], "Founded in <b>1953</b>."),
        ("Founded in 1953.", [None, "", "1954", "1953"], "Founded in <b>1953</b>."),
        ("The ICFI met.", ["the icfi"], "<b>The ICFI</b> met."),
        ("<i> & 1953", ["1953"], "&lt;i&gt; &amp; <b>1953</b>"),
        ("No answer here.", ["1953"], "No answer here."),
    ],
)
def test_highlight_bolds_the_answer(
    sentence: str, needles: list[str | None], expected: str
) -> None:
    assert highlight(sentence, needles) == expected


@pytest.mark.parametrize(
    ("kind", "front", "back", "term", "expected"),
    [
        ("definition", "What is the ICFI?", "A committee", None, "definition"),
        ("definition", "Define it", "A committee", "ICFI", "definition"),
        ("definition", "What is the ICFI?", "", None, "qa"),  # nothing to define it by
        ("definition", "Define it", "A committee", None, "qa"),  # no term to ask for
        ("claim", "The {{c1::ICFI}} met.", "", None, "cloze"),
        ("date", "In {{c1::1953}} it met.", "1953", None, "cloze"),
        ("date", "When did it meet?", "1953", None, "qa"),
        ("quote", "Who wrote: «x {{c2::y}}»?", "Marx", None, "qa"),
        ("claim", "The {{c1:: }} met.", "", None, "qa"),
        ("claim", "  \n ", "x", None, None),  # nothing to ask: left out
    ],
)
def test_note_type_by_kind(
    kind: str, front: str, back: str, term: str | None, expected: str | None
) -> None:
    fields = anki_fields(make_note("g", kind, front, back, term=term))
    assert (fields.note_type if fields else None) == expected


@pytest.mark.parametrize(
    ("front", "sentence", "expected_source"),
    [
        ("In {{c1::1879}}, he  wrote.", "In 1879, he wrote.", ""),  # the cloze is the sentence
        ("In {{c1::1879}}, he wrote.", "In 1879, he wrote it.", "In <b>1879</b>, he wrote it."),
    ],
)
def test_cloze_source_only_when_it_adds_something(
    front: str, sentence: str, expected_source: str
) -> None:
    fields = anki_fields(make_note("g", "claim", front, "", source=source(sentence)))
    assert fields is not None and fields.values[2] == expected_source


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("factcards::Lecture", "factcards::Lecture"),
        ("factcards::  A   lecture ", "factcards::A lecture"),
        ("factcards::::x::", "factcards::x"),
        ("  ", "factcards"),
    ],
)
def test_clean_deck_name(name: str, expected: str) -> None:
    assert clean_deck_name(name) == expected


def test_deck_id_is_a_stable_hash_in_range() -> None:
    ids = {deck_id(f"factcards::Lecture {i}") for i in range(200)}
    assert len(ids) == 200
    assert all(DECK_ID_MIN <= i <= DECK_ID_MAX for i in ids)
    assert deck_id("factcards::Lecture") == deck_id("factcards::Lecture")
    assert deck_id("factcards::Lecture") == 3_855_572_075_976_188  # fixed across runs


# --------------------------------------------------------------------------- templates


def test_default_templates_are_package_data() -> None:
    templates = load_templates()
    assert set(templates.texts) == set(TEMPLATE_FILES)
    assert "{{cloze:Text}}" in templates["cloze-front.html"]
    assert ".nightMode" in templates.css
    for name in TEMPLATE_FILES:
        check_template(name, templates[name], None)  # the defaults pass their own checks


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("qa-front.html", "{{Front}}", "unknown field"),
        ("qa-front.html", "Static text only", "at least one field"),
        ("qa-front.html", "{{FrontSide}} {{Question}}", "unknown field"),
        ("cloze-front.html", "{{Text}}", "cloze"),
        ("qa_front.html", "{{Question}}", "unknown template file"),
        ("definition-back.html", "{{Term}} {{Answer}}", "unknown field"),
        ("qa-back.html", "{{#Extra}}{{Extra}}", "never closed"),
        ("qa-back.html", "{{Answer}}{{/Extra}}", "closes no open section"),
        ("qa-back.html", "{{#Extra}}{{#Source}}{{/Extra}}{{/Source}}", "closes no open section"),
    ],
)
def test_bad_template_override_is_an_input_error(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        load_templates(tmp_path)
    assert error.value.path == tmp_path / name


def test_missing_template_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_templates(tmp_path / "nope")


# --------------------------------------------------------------------------- the imported deck


@slow
def test_counts_and_note_types(imported: tuple[int, Collection]) -> None:
    count, col = imported
    assert count == len(sample_notes()) == note_count(col)
    mids = {name: col.models.id_for_name(name) for name in NOTE_TYPES}
    assert mids == NOTE_TYPES
    assert {col.get_note(nid).mid for nid in col.find_notes("")} == set(NOTE_TYPES.values())
    # one card per note, two for each definition
    assert len(col.find_cards("")) == count + 2
    # Anki gives imported decks its own ids (it matches them by name)
    deck = col.decks.id_for_name("factcards::Lecture")
    assert deck and set(col.find_cards(f"did:{deck}")) == set(col.find_cards(""))


@slow
def test_guids_tags_and_types_are_kept(imported: tuple[int, Collection]) -> None:
    _, col = imported
    by_guid = notes_by_guid(col)
    assert set(by_guid) == {n.guid for n in sample_notes()}
    expected_types = {
        "date-qa": QA_ID,
        "date-cloze": CLOZE_ID,
        "quote": QA_ID,
        "definition": DEFINITION_ID,
        "definition-no-term": DEFINITION_ID,
        "claim": CLOZE_ID,
        "hostile": QA_ID,
        "hostile-cloze": CLOZE_ID,
    }
    for guid, mid in expected_types.items():
        assert by_guid[guid].mid == mid, guid
    assert by_guid["claim"].tags == ["factcards::claim", "Zürich_weekly"]
    assert by_guid["date-qa"].tags == ["factcards::date"]


@slow
def test_every_card_renders_front_and_back(imported: tuple[int, Collection]) -> None:
    _, col = imported
    assert empty_card_ids(col) == []
    for question, answer in render_all(col):
        assert question.strip() and answer.strip()
    for cid in col.find_cards(""):
        for side in render_card(col, cid):
            assert "{{" not in side and "<script" not in side
            lowered = html_to_text(side).lower()
            assert "error" not in lowered and "unknown field" not in lowered


def rendered_by_guid(col: Collection) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for cid in sorted(col.find_cards("")):
        card = col.get_card(cid)
        question, answer = render_card(col, cid)
        out.setdefault(card.note().guid, []).append((html_to_text(question), html_to_text(answer)))
    return out


@slow
def test_card_contents(imported: tuple[int, Collection]) -> None:
    _, col = imported
    cards = rendered_by_guid(col)
    question, answer = cards["date-qa"][0]
    assert question == "When did Engels publish an article?"
    assert "1879" in answer and "seeds/lecture.md · The early years" in answer
    question, answer = cards["date-cloze"][0]
    assert "1879" not in question and "[...]" in question
    assert "In 1879, Engels published" in answer
    assert "In the text: the year before" in cards["date-relative"][0][1]
    assert "under circumstances given" in cards["quote"][0][1]  # the full quotation
    (forward_q, forward_a), (reverse_q, reverse_a) = cards["definition"]
    assert "the ICFI" in forward_q and "Fourth International" in forward_a
    assert "Fourth International" in reverse_q and "the ICFI" not in reverse_q
    assert "the ICFI" in reverse_a
    assert "Engels" in cards["definition-no-term"][0][0]
    assert "[city]" in cards["claim-hint"][0][0]


@slow
def test_source_sentence_bolds_the_answer(imported: tuple[int, Collection]) -> None:
    _, col = imported
    by_guid = notes_by_guid(col)
    assert "In <b>1879</b>, Engels" in by_guid["date-qa"]["Source"]
    assert "In 1879, <b>Engels</b> published" in by_guid["claim"]["Source"]
    assert "<b>Marx</b> wrote" in by_guid["quote"]["Source"]


@slow
def test_document_text_shows_literally(imported: tuple[int, Collection]) -> None:
    _, col = imported
    cards = rendered_by_guid(col)
    question, answer = cards["hostile"][0]
    assert "<script>alert(1)</script> <b>bold</b> {{Front}} {{c2::x}} [sound:a.mp3]" in question
    assert "<i>Nobody</i> {{Back}}" in answer
    assert "<script>alert(1)</script> {{Source}} & <b>bold</b>" in answer
    question, answer = cards["hostile-cloze"][0]
    assert question == "<b>x</b> {{Text}} [...] [latex]y[/latex]"
    assert "<b>x</b> {{Text}} a <i>b</i> {{c2 [latex]y[/latex]" in answer
    for cid in col.find_cards(""):
        for side in render_card(col, cid):
            assert "<script" not in side and "<i>" not in side
    assert not col.find_cards("tag:re:sound")  # no media, no audio tags


# --------------------------------------------------------------------------- writing


@slow
def test_reimport_updates_notes_in_place(tmp_path: Path) -> None:
    deck = tmp_path / "lecture.apkg"
    write_sample(deck)
    with closing(import_apkg(deck, tmp_path / "col")) as col:
        before = note_count(col)
        note_types_before = sorted(n.name for n in col.models.all_names_and_ids())
        decks_before = sorted(d.name for d in col.decks.all_names_and_ids())
    changed = sample_notes()
    changed[0].back = "in the year 1879"
    later = TIMESTAMP + 3600  # Anki's default only takes notes newer than its own copy
    write_deck(changed, "factcards::Lecture", deck, timestamp=later)
    with closing(open_collection(tmp_path / "col")) as col:
        import_into(col, deck)
        assert note_count(col) == before
        # no "factcards Q&A-…" copy of a note type, no second deck
        assert sorted(n.name for n in col.models.all_names_and_ids()) == note_types_before
        assert sorted(d.name for d in col.decks.all_names_and_ids()) == decks_before
        note = notes_by_guid(col)["date-qa"]
        assert note["Answer"] == "in the year 1879" and note.mid == QA_ID
        problems, ok = col.fix_integrity()  # Tools > Check Database
        assert ok, problems


@slow
def test_template_override_directory(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "qa-front.html").write_text("CUSTOM FRONT {{Question}}", encoding="utf-8")
    (templates / "style.css").write_text(".card { color: red; }", encoding="utf-8")
    (templates / "notes.txt").write_text("not a template", encoding="utf-8")
    write_sample(tmp_path / "lecture.apkg", templates=templates)
    with closing(import_apkg(tmp_path / "lecture.apkg", tmp_path / "col")) as col:
        cards = rendered_by_guid(col)
        assert cards["date-qa"][0][0] == "CUSTOM FRONT When did Engels publish an article?"
        assert cards["claim"][0][0].startswith("In 1879, [...]")  # others keep the defaults
        assert col.models.get(QA_ID)["css"] == ".card { color: red; }"
        assert empty_card_ids(col) == []


def test_same_input_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "deck.apkg", tmp_path / "b" / "deck.apkg"
    write_sample(first)
    write_sample(second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
    umask = os.umask(0o022)
    os.umask(umask)
    assert first.stat().st_mode & 0o777 == 0o666 & ~umask  # not the temporary file's 0600


@slow
def test_duplicate_guids_and_blank_fronts_are_left_out(tmp_path: Path) -> None:
    notes = [
        make_note("same", "date", "When?", "1879"),
        make_note("same", "date", "When again?", "1880"),
        make_note("blank", "claim", " \n", ""),
        make_note("", "date", "When, without a guid?", "1881"),
    ]
    assert write_sample(tmp_path / "deck.apkg", notes) == 2
    with closing(import_apkg(tmp_path / "deck.apkg", tmp_path / "col")) as col:
        assert note_count(col) == 2
        assert all(guid for guid in notes_by_guid(col))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_target_that_is_a_directory_is_an_output_error(tmp_path: Path) -> None:
    target = tmp_path / "deck.apkg"
    target.mkdir()
    with pytest.raises(OutputError) as error:
        write_sample(target)
    assert error.value.path == target
    assert target.is_dir() and not any(target.iterdir())
    assert leftovers(tmp_path) == []


def test_unwritable_parent_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError):
        write_sample(tmp_path / "file" / "deck.apkg")


def test_failed_write_keeps_the_old_deck(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "decks" / "deck.apkg"  # the parent folder is created
    write_sample(target)
    old = target.read_bytes()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", disk_full)
    with pytest.raises(OutputError, match="No space left"):
        write_sample(target, [make_note("new", "date", "When?", "1900")])
    assert target.read_bytes() == old
    assert leftovers(target.parent) == []


# --------------------------------------------------------------------------- any text


any_text = st.text(max_size=30)
fronts = st.one_of(
    any_text,
    st.builds(lambda a, b, c: f"{a}{{{{c1::{b}}}}}{c}", any_text, any_text, any_text),
)
notes_strategy = st.builds(
    Note,
    guid=st.text(max_size=6),
    kind=st.sampled_from(KINDS),
    front=fronts,
    back=any_text,
    source=st.builds(
        SourceRef,
        document=any_text,
        sentence=any_text,
        start=st.just(0),
        end=st.just(0),
        section=st.none() | any_text,
    ),
    tags=st.lists(any_text, max_size=3),
    date=st.none() | any_text,
    quote=st.none() | any_text,
    term=st.none() | any_text,
)


@slow
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=st.lists(notes_strategy, min_size=1, max_size=4), deck_name=any_text)
def test_any_text_imports_and_renders(notes: list[Note], deck_name: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        count = write_deck(notes, deck_name, folder / "deck.apkg")
        with closing(import_apkg(folder / "deck.apkg", folder / "col")) as col:
            assert note_count(col) == count
            assert empty_card_ids(col) == []
            for cid in col.find_cards(""):
                for side in render_card(col, cid):
                    assert "{{" not in side and "<script" not in side
                    assert html_to_text(side).strip()
