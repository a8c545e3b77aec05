"""preview.py, stats.py and review.py: the review page's content, the stats, the commands."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcards.cli import main
from factcards.ingest import document_from_string
from factcards.model import Document, Note, SourceRef
from factcards.preview import date_span, json_for_script, render_preview
from factcards.review import (
    CHANGES_NAME,
    ChangeReport,
    DocumentChanges,
    OrphanedNote,
    ReviewedDocument,
    parse_changes,
    read_changes,
)
from factcards.stats import compute_stats, format_stats, paragraphs

HOSTILE = "<script>alert('x')</script>"

# a markdown source: the heading and the emphasis make clean and source offsets differ
SOURCE = (
    "# The early years\n\n"
    "In 1879, *Engels* published an article in Zürich.\n\n"
    f"A paragraph with {HOSTILE} and <b>tags</b> that yields nothing.\n\n"
    "The ICFI is the International Committee of the Fourth International.\n\n"
    "Nothing here either.\n"
)


def make_document(source: str = SOURCE, name: str = "seeds/lecture.md") -> Document:
    return document_from_string(source, name)


def note_for(
    document: Document, sentence: str, guid: str, kind: str, front: str, back: str = "", **extra
) -> Note:
    """A note on `sentence` of the document, with source offsets as questions.py records them."""
    start = document.text.index(sentence)
    end = start + len(sentence)
    ref = SourceRef(
        document.name,
        sentence,
        document.offsets.to_source(start),
        document.offsets.to_source(end - 1) + 1,
        document.section_at(start),
    )
    extra.setdefault("tags", [f"factcards::{kind}"])
    return Note(guid=guid, kind=kind, front=front, back=back, source=ref, **extra)  # type: ignore[arg-type]


def sample_review() -> list[ReviewedDocument]:
    document = make_document()
    notes = [
        note_for(
            document,
            "In 1879, Engels published an article in Zürich.",
            "g-date",
            "date",
            "In {{c1::1879}}, Engels published an article in Zürich.",
            date="1879",
            date_value="1879",
        ),
        note_for(
            document,
            "In 1879, Engels published an article in Zürich.",
            "g-claim",
            "claim",
            "Who published an article in Zürich in 1879?",
            "Engels",
        ),
        note_for(
            document,
            "The ICFI is the International Committee of the Fourth International.",
            "g-definition",
            "definition",
            "What is the ICFI?",
            "the International Committee of the Fourth International",
            term="the ICFI",
        ),
    ]
    other = make_document(f"# {HOSTILE}\n\nTrotsky said “no” in 1905.\n", "seeds/other.md")
    other_notes = [
        note_for(
            other,
            "Trotsky said “no” in 1905.",
            "g-quote",
            "quote",
            "Who said «no»?",
            "Trotsky",
            speaker="Trotsky",
            quote="no",
        ),
        note_for(
            other,
            "Trotsky said “no” in 1905.",
            "g-hostile-date",
            "date",
            f"When did Trotsky say {HOSTILE}?",
            "1905",
            date="1905",
            date_value="1905",
        ),
    ]
    return [
        ReviewedDocument(document, notes, "lecture.jsonl"),
        ReviewedDocument(other, other_notes, "other.jsonl"),
    ]


CHANGES = ChangeReport(
    "2025-01-02T03:04:05+00:00",
    {
        "lecture.jsonl": DocumentChanges(
            "seeds/lecture.md",
            new=frozenset({"g-date"}),
            updated=frozenset({"g-claim"}),
            unchanged=frozenset({"g-definition"}),
            orphaned=(OrphanedNote("g-gone", f"Gone {HOSTILE}", "claim"),),
        )
    },
)


class Page(HTMLParser):
    """The page's elements: tags with attributes, script bodies, and whether anything is
    loaded from elsewhere."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.script_ids: list[str | None] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")
            self.script_ids.append(dict(attrs).get("id"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def script(self, element_id: str | None) -> str:
        return self.scripts[self.script_ids.index(element_id)]

    def notes(self) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == "article"]


def parse_page(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def page() -> str:
    return render_preview(sample_review(), changes=CHANGES)


# --------------------------------------------------------------------------- the page


def test_document_text_never_becomes_markup(page: str) -> None:
    parsed = parse_page(page)
    # our three scripts only: card CSS, timeline data, the page's code
    assert len(parsed.scripts) == 3
    assert parsed.script_ids == ["timeline-data", "card-css", None]
    assert "alert" not in parsed.script(None)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page  # shown as text
    assert not any(tag in {"img", "b"} and "onerror" in attrs for tag, attrs in parsed.tags)
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)


def test_json_in_scripts_is_inert(page: str) -> None:
    parsed = parse_page(page)
    events = json.loads(parsed.script("timeline-data"))
    assert any(HOSTILE in event["text"] for event in events)
    assert json_for_script("</script><!--") == '"\\u003c/script\\u003e\\u003c!--"'


def test_nothing_is_loaded_from_elsewhere(page: str) -> None:
    parsed = parse_page(page)
    for _, attrs in parsed.tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), value
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page
    assert "default-src 'none'" in page


def test_every_note_grouped_by_document_and_kind(page: str) -> None:
    parsed = parse_page(page)
    assert [note["data-guid"] for note in parsed.notes()] == [
        "g-date",
        "g-definition",
        "g-claim",
        "g-hostile-date",
        "g-quote",
    ]
    sections = re.findall(r'<section class="(document|kind-group)" data-\w+="([^"]+)"', page)
    assert sections == [
        ("document", "seeds/lecture.md"),
        ("kind-group", "date"),
        ("kind-group", "definition"),
        ("kind-group", "claim"),
        ("document", "seeds/other.md"),
        ("kind-group", "date"),
        ("kind-group", "quote"),
    ]


@pytest.mark.parametrize(
    ("kind", "count"), [("all", 5), ("date", 2), ("quote", 1), ("definition", 1), ("claim", 1)]
)
def test_counts_per_kind(page: str, kind: str, count: int) -> None:
    button = re.search(rf'data-kind="{kind}"[^>]*>[^<]*<span class="count">(\d+)</span>', page)
    assert button is not None
    assert int(button.group(1)) == count


def test_cards_rendered_with_the_templates(page: str) -> None:
    # the definition makes two cards; the cloze shows Anki's cloze span
    assert page.count('data-card-class="card2"') == 2  # question and answer of the reverse
    assert '<span class="cloze" data-cloze="1879" data-ordinal="1">[...]</span>' in page
    assert "Define" in page


def test_source_sentence_marked_in_its_paragraph(page: str) -> None:
    assert "<mark>The <b>ICFI</b> is the" not in page  # the term is not the answer
    assert "<mark>The ICFI is <b>the International Committee" in page
    assert "<mark>In 1879, <b>Engels</b> published" in page


def test_change_marks(page: str) -> None:
    changes = {note["data-guid"]: note["data-change"] for note in parse_page(page).notes()}
    assert changes == {
        "g-date": "new",
        "g-claim": "updated",
        "g-definition": "unchanged",
        "g-quote": "",
        "g-hostile-date": "",
    }
    assert "Gone &lt;script&gt;" in page  # the orphan, listed and escaped
    assert "1 orphaned" in page


def test_no_build_yet() -> None:
    page = render_preview(sample_review(), changes=None)
    assert "No build yet" in page
    assert {note["data-change"] for note in parse_page(page).notes()} == {""}


def test_timeline_events(page: str) -> None:
    events = json.loads(parse_page(page).script("timeline-data"))
    assert [(e["label"], e["start"], e["end"]) for e in events] == [
        ("1879", 1879, 1880),
        ("1905", 1905, 1906),
    ]


def test_no_documents() -> None:
    assert "No documents" in render_preview([])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1953", (1953, 1954)),
        ("1927-04", (1927.25, 1927 + 4 / 12)),
        ("1927-04-12", (1927 + 3 / 12 + 11 / 365, 1927 + 3 / 12 + 12 / 365)),
        ("1914/1918", (1914, 1919)),
        ("2005-08-14/2005-08-20", (2005 + 7 / 12 + 13 / 365, 2005 + 7 / 12 + 20 / 365)),
        ("192X", (1920, 1930)),
        ("19XX", (1900, 2000)),
        ("1927-Q2", (1927.25, 1927.5)),
        ("1927-SU", (1927 + 5 / 12, 1927 + 5 / 12 + 0.25)),
        (None, None),
        ("", None),
        ("soon", None),
        ("1927-13", None),
        ("1927-02-30", None),
        ("1918/1914", None),
    ],
)
def test_date_span(value: str | None, expected: tuple[float, float] | None) -> None:
    span = date_span(value)
    if expected is None:
        assert span is None
    else:
        assert span == pytest.approx(expected)


@given(st.text(max_size=30))
def test_date_span_never_fails(value: str) -> None:
    span = date_span(value)
    assert span is None or span[0] < span[1]


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")) | st.just("\n"), max_size=300))
def test_any_document_text_is_escaped(text: str) -> None:
    document = make_document(text + "\n\n" + HOSTILE, "x.md")
    page = render_preview([ReviewedDocument(document, [], "x.jsonl")])
    assert len(parse_page(page).scripts) == 3


# --------------------------------------------------------------------------- change report


def test_read_changes(tmp_path: Path) -> None:
    assert read_changes(tmp_path) is None
    (tmp_path / CHANGES_NAME).write_text("{broken", encoding="utf-8")
    assert read_changes(tmp_path) is None
    (tmp_path / CHANGES_NAME).write_bytes(b"\xff\xfe")
    assert read_changes(tmp_path) is None
    report = {
        "built": "2025-01-01T00:00:00+00:00",
        "documents": {
            "a.jsonl": {
                "document": "a.md",
                "new": ["n1", 7, None],
                "updated": "not a list",
                "orphaned": [{"guid": "o1", "front": "Old?"}, {"front": "no guid"}, "o2"],
            },
            "b.jsonl": "not an entry",
        },
    }
    (tmp_path / CHANGES_NAME).write_text(json.dumps(report), encoding="utf-8")
    changes = read_changes(tmp_path)
    assert changes is not None
    assert list(changes.documents) == ["a.jsonl"]
    a = changes.documents["a.jsonl"]
    assert a.new == {"n1"} and a.updated == frozenset()
    assert [o.guid for o in a.orphaned] == ["o1", "o2"]
    assert changes.counts()["orphaned"] == 2
    assert a.status("n1") == "new" and a.status("zzz") == ""
    assert changes.for_document("renamed.jsonl", "a.md") is a


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["documents", "new", "orphaned", "guid", "x"]), children)
    ),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_any_json_is_read_defensively(data: object) -> None:
    changes = parse_changes(data)
    if changes is not None:
        changes.counts()


# --------------------------------------------------------------------------- stats


def test_paragraphs_map_to_the_source() -> None:
    document = make_document()
    found = paragraphs(document)
    assert [p.index for p in found] == [1, 2, 3, 4]
    for paragraph in found:
        first_word = paragraph.text.split()[0]
        assert SOURCE[paragraph.source_start :].startswith(first_word)


def test_coverage() -> None:
    stats = compute_stats(sample_review())
    lecture, other = stats.documents
    assert (lecture.paragraphs, lecture.covered, lecture.notes) == (4, 2, 3)
    assert lecture.coverage == 0.5
    assert [p.index for p in lecture.uncovered] == [2, 4]
    assert lecture.uncovered[0].text.startswith("A paragraph with <script>")
    assert (other.paragraphs, other.covered) == (1, 1)
    assert (stats.paragraphs, stats.covered) == (5, 3)
    assert stats.counts == {"date": 2, "claim": 1, "definition": 1, "quote": 1}
    assert lecture.words == len(make_document().text.split())


def test_a_passage_over_two_paragraphs_covers_both() -> None:
    document = make_document("First one here.\n\nSecond one there.\n\nThird.\n", "p.md")
    note = note_for(document, "First one here.\n\nSecond one there.", "g", "quote", "Who?", "X")
    assert compute_stats([ReviewedDocument(document, [note], "p.jsonl")]).documents[0].covered == 2


def test_stats_report() -> None:
    text = format_stats(compute_stats(sample_review()), CHANGES)
    assert "seeds/lecture.md: The early years" in text  # the first heading is the title
    assert "notes: 3 (date 1, quote 0, definition 1, claim 1)" in text
    assert "coverage: 50% (2 of 4 paragraphs)" in text
    assert "¶2: A paragraph with <script>alert('x')</script> and tags" in text
    assert "¶4: Nothing here either." in text
    assert "total: 5 notes from 2 document(s) (date 2, quote 1, definition 1, claim 1)" in text
    assert "coverage 60% (3 of 5 paragraphs)" in text
    assert "1 new, 1 updated, 1 orphaned" in text


def test_stats_report_limits_the_list() -> None:
    text = format_stats(compute_stats(sample_review()), None, max_listed=1)
    assert "… and 1 more" in text
    assert "last build" not in text


def test_no_control_characters_reach_the_terminal() -> None:
    document = make_document("Bell \x07 and escape \x1b[31m red.\n", "c.txt")
    text = format_stats(compute_stats([ReviewedDocument(document, [], "c.jsonl")]))
    assert "\x1b" not in text and "\x07" not in text


# --------------------------------------------------------------------------- the commands


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sources")
    (folder / "lecture.md").write_text(
        "# The early years\n\n"
        "In 1879, Engels published an article in the Zürich weekly. The ICFI is the "
        "International Committee of the Fourth International.\n\n"
        f"A paragraph with {HOSTILE} that says little.\n\n"
        "On 12 April 1927, Chiang Kai-shek massacred the workers of Shanghai.\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.slow
def test_preview_command(sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cards_dir = tmp_path / "cards"
    output = tmp_path / "out" / "preview.html"
    args = ["--cards-dir", str(cards_dir), "--jobs", "1"]
    assert main(["preview", str(sources), "-o", str(output), *args]) == 0
    assert not cards_dir.exists()  # the preview writes nothing into cards/
    out = capsys.readouterr().out
    assert re.match(rf"{re.escape(str(output))}: \d+ notes from 1 document\(s\)", out)
    page = output.read_text(encoding="utf-8")
    parsed = parse_page(page)
    assert parsed.notes()
    assert "No build yet" in page
    assert "<script>alert" not in page
    assert '"label": "1927-04-12"' in parsed.script("timeline-data")

    # after a build, the page shows what it changed
    assert main(["extract", str(sources), *args]) == 0
    before = sorted(p.name for p in cards_dir.iterdir())
    assert main(["preview", str(sources), "-o", str(output), *args]) == 0
    assert sorted(p.name for p in cards_dir.iterdir()) == before
    page = output.read_text(encoding="utf-8")
    assert (cards_dir / CHANGES_NAME).exists()
    assert "No build yet" not in page
    assert 'data-change="new"' in page


@pytest.mark.slow
def test_stats_command(sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--cards-dir", str(tmp_path / "cards"), "--jobs", "1"]
    assert main(["stats", str(sources), *args]) == 0
    out = capsys.readouterr().out
    assert "lecture.md: " in out
    assert "coverage: " in out
    assert "¶2: A paragraph with <script>" in out
    assert re.search(r"^total: \d+ notes from 1 document\(s\)", out, re.MULTILINE)


def test_preview_rejects_bad_templates_before_parsing(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "qa-front.html").write_text("{{Nope}}", encoding="utf-8")
    output = tmp_path / "preview.html"
    assert main(["preview", str(sources), "-o", str(output), "--templates", str(templates)]) == 1
    assert "unknown field" in capsys.readouterr().err
    assert not output.exists()


@pytest.mark.parametrize("command", ["preview", "stats"])
def test_missing_source(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, str(tmp_path / "nope.md"), "--cards-dir", str(tmp_path)]) == 1
    assert "factcards: error:" in capsys.readouterr().err


def test_cards_in_their_deck_with_extra_tags(tmp_path: Path) -> None:
    from factcards.anki.templates import load_templates

    (tmp_path / "qa-front.html").write_text("{{Question}}|{{Deck}}|{{Tags}}", encoding="utf-8")
    reviewed = sample_review()
    reviewed[0].deck_name = "Mine::<Lecture>"
    page = render_preview(reviewed, templates=load_templates(tmp_path), extra_tags=("extra",))
    assert "|Mine::&lt;Lecture&gt;|factcards::claim extra" in page
    assert "|factcards::&lt;script&gt;" in page  # the other document: prefix + its title
