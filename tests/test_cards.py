"""cards/: the JSON Lines contract, its validation, the manifest and atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcards import cards
from factcards.errors import InputError
from factcards.model import Note, SourceRef


def make_note(**overrides) -> Note:
    fields = dict(
        guid="abc123",
        kind="date",
        front="When was the ICFI founded?",
        back="1953",
        source=SourceRef("seeds/x.md", "The ICFI was founded in 1953.", 10, 39, "Intro"),
        tags=["factcards::date"],
        date="1953",
        date_value="1953",
    )
    fields.update(overrides)
    return Note(**fields)


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    notes = [
        make_note(),
        make_note(
            guid="q1",
            kind="quote",
            front="Who wrote: «x y z»?",
            back="Trotsky",
            date=None,
            date_value=None,
            speaker="Trotsky",
            quote="x y z",
            work="My Life",
            year="1930",
        ),
    ]
    path = tmp_path / "cards" / "x.jsonl"
    assert cards.write_cards(notes, path) == 2
    assert cards.read_cards(path) == notes


def test_lines_hold_the_contract_fields(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    cards.write_cards([make_note()], path)
    data = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert list(data)[:6] == ["guid", "kind", "front", "back", "source", "tags"]
    assert data["source"] == {
        "document": "seeds/x.md",
        "sentence": "The ICFI was founded in 1953.",
        "start": 10,
        "end": 39,
        "section": "Intro",
    }
    assert "speaker" not in data  # absent per-kind fields are left out, not null


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: Expecting property name"),
        ("[1, 2]", "line 2: a note must be a JSON object"),
        (
            '{"guid": "g", "kind": "date", "front": "f", "back": "b"}',
            "line 2: missing field 'source'",
        ),
        (
            '{"guid": "g", "kind": "fact", "front": "f", "back": "b", "source": {"document": "d"}}',
            "line 2: unknown kind 'fact'",
        ),
        (
            '{"guid": "g", "kind": "date", "front": "", "back": "b", "source": {"document": "d"}}',
            "line 2: guid and front must not be empty",
        ),
    ],
)
def test_a_broken_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(cards.note_to_line(make_note()) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        cards.read_cards(path)
    assert str(caught.value).startswith(f"{path}: {message}")


def test_failed_write_leaves_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    cards.write_cards([make_note()], path)
    before = path.read_bytes()

    def exploding():
        yield make_note(guid="new")
        raise RuntimeError("killed mid-write")

    with pytest.raises(RuntimeError):
        cards.write_cards(exploding(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["x.jsonl"]  # no temporary file left behind


def test_manifest_names_decks(tmp_path: Path) -> None:
    cards.update_manifest(tmp_path, {"a.jsonl": {"document": "seeds/a.md", "title": "A Lecture"}})
    cards.update_manifest(tmp_path, {"b.jsonl": {"document": "seeds/b.md", "title": ""}})
    assert cards.deck_title(tmp_path / "a.jsonl") == "A Lecture"
    assert cards.deck_title(tmp_path / "b.jsonl") == "B"
    assert cards.deck_title(tmp_path / "my-notes_v2.jsonl") == "My notes v2"


def test_expand_cards(tmp_path: Path) -> None:
    (tmp_path / "b.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    assert [p.name for p in cards.expand_cards([tmp_path])] == ["a.jsonl", "b.jsonl"]
    with pytest.raises(InputError, match="no such file"):
        cards.expand_cards([tmp_path / "missing.jsonl"])
    with pytest.raises(InputError, match=r"no \*.jsonl"):
        cards.expand_cards([tmp_path / "sub"] if (tmp_path / "sub").mkdir() is None else [])


@given(st.text(), st.text(), st.text(), st.lists(st.text(min_size=1), max_size=3))
def test_any_text_survives_the_round_trip(front: str, back: str, sentence: str, tags) -> None:
    note = make_note(
        front=front if front.strip() else "?",
        back=back,
        tags=tags,
        source=SourceRef("d.md", sentence, 0, len(sentence), None),
    )
    line = cards.note_to_line(note)
    assert "\n" not in line
    assert cards.note_from_json(json.loads(line)) == note
