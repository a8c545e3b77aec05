"""Issue 5's done-when, through the CLI and the real Anki backend.

Build the seeds and import them; review cards, edit a note and restyle a note type in Anki;
then change the sources, rebuild and re-import, and check what Anki holds. And: edits in cards/
survive a build; templates exported, edited and built with render with the user's markup.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from anki.collection import Collection
from anki.scheduler.v3 import CardAnswer

from anki_helpers import import_into, open_collection, render_card
from factcards.anki.note_types import QA_MODEL_ID
from factcards.cards import read_cards
from factcards.cli import main
from factcards.regenerate import ORPHANED_TAG

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SHORT_SEED = "trotsky-on-socialism-and-the-productive-forces.txt"
SHORT_CARDS = Path("cards") / "trotsky-on-socialism-and-the-productive-forces.jsonl"
NEW_PARAGRAPH = (
    "\n\nThe Zimmerwald Conference, a meeting of socialists opposed to the war, "
    "was held in September 1915 in the Swiss village of Zimmerwald.\n"
)


def build(*extra: str) -> None:
    assert main(["build", "seeds", "--cards-dir", "cards", "--decks-dir", "decks", *extra]) == 0


def import_decks(col: Collection) -> None:
    for deck in sorted(Path("decks").glob("*.apkg")):
        import_into(col, deck)


def review(col: Collection, count: int) -> dict[int, tuple[int, int]]:
    """Answer `count` cards "good" in the short seed's deck; (interval, reviews) by card id."""
    deck_id = next(d.id for d in col.decks.all_names_and_ids() if "productive" in d.name.lower())
    col.decks.select(deck_id)
    for _ in range(count):
        queued = col.sched.get_queued_cards(fetch_limit=1).cards[0]
        card = col.get_card(queued.card.id)
        card.start_timer()
        answer = col.sched.build_answer(card=card, states=queued.states, rating=CardAnswer.GOOD)
        col.sched.answer_card(answer)
    return history(col)


def history(col: Collection) -> dict[int, tuple[int, int]]:
    rows = col.db.all(
        "select c.id, c.type, count(r.id) from cards c join revlog r on r.cid = c.id group by c.id"
    )
    return {card_id: (card_type, reviews) for card_id, card_type, reviews in rows}


def note_id(col: Collection, guid: str) -> int:
    # not col.find_notes("guid:…"): a GUID may hold characters the search syntax uses
    return col.db.scalar("select id from notes where guid = ?", guid)


def notes_by_guid(col: Collection) -> dict[str, list[str]]:
    return {
        guid: fields.split("\x1f") for guid, fields in col.db.all("select guid, flds from notes")
    }


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def test_rebuild_after_source_changes_keeps_history_and_edits(project: Path) -> None:
    build()
    with closing(open_collection(project / "anki")) as col:
        import_decks(col)
        notes_before = col.note_count()
        reviewed = review(col, 3)
        assert len(reviewed) == 3

        # the user edits, inside Anki, a note whose source will not change...
        cards = read_cards(SHORT_CARDS)
        kept = next(n for n in cards if n.kind == "definition" and "Workers" not in n.front)
        anki_note = col.get_note(note_id(col, kept.guid))
        anki_note.fields[1] = "my own wording of the definition"
        col.update_note(anki_note)
        # ...and restyles a note type
        model = col.models.get(QA_MODEL_ID)
        model["css"] += "\n.card { color: rebeccapurple; }\n"
        col.models.update_dict(model)

    # the sources change: one sentence edited, one paragraph added, one fact removed
    source = project / "seeds" / SHORT_SEED
    text = source.read_text(encoding="utf-8")
    edited_sentence = (
        "Certainly they could not exist in an underdeveloped country, such as Russia in 1917."
    )
    removed_sentence = (
        "Workers’ democratic rule, in other words, is an essential political precondition for "
        "the transition to socialism and communism."
    )
    assert edited_sentence in text and removed_sentence in text
    text = text.replace(edited_sentence, edited_sentence.replace("Certainly", "Surely"))
    text = text.replace(removed_sentence, "")
    source.write_text(text + NEW_PARAGRAPH, encoding="utf-8")
    edited_notes = {n.guid for n in cards if n.source.sentence == edited_sentence}
    removed_notes = {n.guid for n in cards if n.source.sentence == removed_sentence}
    assert edited_notes and removed_notes

    build()
    changes = json.loads((project / "cards" / ".factcards-changes.json").read_text())
    report = changes["documents"][SHORT_CARDS.name]
    assert {o["guid"] for o in report["orphaned"]} == removed_notes
    assert edited_notes <= set(report["updated"])
    assert report["new"], "the new paragraph gave no note"

    with closing(open_collection(project / "anki")) as col:
        import_decks(col)
        anki_notes = notes_by_guid(col)
        # no duplicates: the new notes only
        assert col.note_count() == notes_before + len(report["new"])
        # the edited sentence's notes are updated in place
        for guid in edited_notes:
            assert any("Surely" in field for field in anki_notes[guid])
        # the new fact is there
        assert any(any("Zimmerwald" in f for f in anki_notes[g]) for g in report["new"])
        # the removed fact is still in Anki (it never deletes), tagged for the user to find
        for guid in removed_notes:
            note = col.get_note(note_id(col, guid))
            assert ORPHANED_TAG in note.tags
        # the reviewed cards keep their history
        after = history(col)
        for card_id, (card_type, reviews) in reviewed.items():
            assert after[card_id] == (card_type, reviews)
            assert col.get_card(card_id).type == card_type
        # the user's edit in Anki and their CSS survive (their source did not change)
        assert anki_notes[kept.guid][1] == "my own wording of the definition"
        assert "rebeccapurple" in col.models.get(QA_MODEL_ID)["css"]


def test_changed_templates_replace_the_users_css(project: Path) -> None:
    """Only new templates update a note type: then Anki takes them (and drops the tweak)."""
    build()
    with closing(open_collection(project / "anki")) as col:
        import_decks(col)
        model = col.models.get(QA_MODEL_ID)
        model["css"] += "\n.card { color: rebeccapurple; }\n"
        col.models.update_dict(model)
    templates = project / "my-templates"
    assert main(["templates", "export", str(templates)]) == 0
    style = templates / "style.css"
    style.write_text(style.read_text() + "\n.card { border-top: 4px solid teal; }\n")
    later = time.time() + 5  # the user edits the file after restyling in Anki (times in seconds)
    os.utime(style, (later, later))
    build("--templates", str(templates))
    with closing(open_collection(project / "anki")) as col:
        import_decks(col)
        css = col.models.get(QA_MODEL_ID)["css"]
        assert "teal" in css and "rebeccapurple" not in css


def test_edits_in_cards_survive_a_build(project: Path) -> None:
    build()
    lines = SHORT_CARDS.read_text(encoding="utf-8").splitlines()
    notes = [json.loads(line) for line in lines]
    notes[0]["front"] = "My own question about the program of internationalism?"
    notes[1]["suppressed"] = True
    mine = dict(notes[2], guid="my-own-note-1", front="Who wrote The Revolution Betrayed?")
    mine["back"] = "Leon Trotsky"
    mine["kind"] = "claim"
    notes.append(mine)
    SHORT_CARDS.write_text(
        "".join(json.dumps(n, ensure_ascii=False) + "\n" for n in notes), encoding="utf-8"
    )
    build("--no-cache")  # a full re-extraction, not just the cache

    after = {n.guid: n for n in read_cards(SHORT_CARDS)}
    assert after[notes[0]["guid"]].front == notes[0]["front"]
    assert after[notes[1]["guid"]].suppressed
    assert after["my-own-note-1"].back == "Leon Trotsky"
    with closing(open_collection(project / "anki")) as col:
        import_decks(col)
        anki_notes = notes_by_guid(col)
        assert notes[1]["guid"] not in anki_notes  # suppressed: not in the deck
        assert anki_notes["my-own-note-1"][:2] == [
            "Who wrote The Revolution Betrayed?",
            "Leon Trotsky",
        ]
        assert anki_notes[notes[0]["guid"]][0] == notes[0]["front"]


def test_custom_templates_render_with_the_users_markup(project: Path) -> None:
    templates = project / "templates"
    assert main(["templates", "export", str(templates)]) == 0
    assert sorted(p.name for p in templates.iterdir())[-1] == "style.css"
    for path in templates.glob("*-front.html"):
        path.write_text('<div class="mine">' + path.read_text() + "</div>", encoding="utf-8")
    back = templates / "qa-back.html"
    back.write_text(back.read_text().replace("{{Answer}}", "<mark>{{Answer}}</mark>"))
    build("--templates", str(templates))
    with closing(open_collection(project / "anki")) as col:
        import_decks(col)
        rendered = [render_card(col, card_id) for card_id in col.find_cards("")]
        assert all('class="mine"' in question for question, _ in rendered)
        qa_backs = [a for q, a in rendered if "<mark>" in a]
        assert qa_backs, "no Q&A card shows the user's answer markup"


@pytest.mark.parametrize(
    ("template", "text", "message"),
    [
        ("qa-front.html", "{{Question}} {{Nonsense}}", "unknown field {{Nonsense}}"),
        ("qa-front.html", "<p>nothing to ask</p>", "front template must show at least one field"),
        ("cloze-front.html", "{{Text}}", "must contain {{cloze:Text}}"),
    ],
)
def test_a_bad_template_stops_the_build_before_any_deck(
    project: Path, capsys: pytest.CaptureFixture[str], template: str, text: str, message: str
) -> None:
    templates = project / "templates"
    assert main(["templates", "export", str(templates)]) == 0
    (templates / template).write_text(text, encoding="utf-8")
    assert main(["build", "seeds", "--templates", str(templates)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and template in err[0]
    assert not (project / "decks").exists() and not (project / "cards").exists()


def test_templates_export_never_overwrites_without_force(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = project / "templates"
    assert main(["templates", "export", str(templates)]) == 0
    (templates / "style.css").write_text("/* mine */", encoding="utf-8")
    assert main(["templates", "export", str(templates)]) == 1
    assert "--force" in capsys.readouterr().err
    assert (templates / "style.css").read_text() == "/* mine */"
    assert main(["templates", "export", str(templates), "--force"]) == 0
    assert (templates / "style.css").read_text() != "/* mine */"
