"""The whole path, as a user runs it: `factcards build seeds/` and then Anki imports the decks.

The decks go through the official Anki backend (the `anki` package), exactly as the desktop app
imports them: every card must render a non-empty front and back, and Anki's Empty Cards check
must find nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from anki_helpers import empty_card_ids, import_apkg, import_into, note_count, render_all
from factcards.cli import main
from factcards.model import KINDS

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
LONG_SEED = "socialism-in-one-country-or-permanent-revolution"
SHORT_SEED = "trotsky-on-socialism-and-the-productive-forces"
MIN_NOTES = {LONG_SEED: 60, SHORT_SEED: 8}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    root = tmp_path_factory.mktemp("e2e")
    cards_dir, decks_dir = root / "cards", root / "decks"
    code = main(["build", str(SEEDS), "--cards-dir", str(cards_dir), "--decks-dir", str(decks_dir)])
    assert code == 0
    return cards_dir, decks_dir, ""


def _cards(cards_dir: Path, stem: str) -> list[dict]:
    lines = (cards_dir / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize("stem", [LONG_SEED, SHORT_SEED])
def test_deck_imports_into_anki_with_every_card_rendering(
    built: tuple[Path, Path, str], stem: str, tmp_path: Path
) -> None:
    _, decks_dir, _ = built
    col = import_apkg(decks_dir / f"{stem}.apkg", tmp_path / "collection")
    try:
        assert note_count(col) >= MIN_NOTES[stem]
        rendered = render_all(col)
        assert rendered, "no cards"
        for front, back in rendered:
            assert front.strip(), "empty front"
            assert back.strip(), "empty back"
            for text in (front, back):
                assert "{{" not in text and "}}" not in text, text
        assert empty_card_ids(col) == []
        names = [deck.name for deck in col.decks.all_names_and_ids()]
        assert any(name.startswith("factcards::") for name in names), names
    finally:
        col.close()


def test_long_seed_has_every_kind(built: tuple[Path, Path, str]) -> None:
    cards_dir, _, _ = built
    kinds = Counter(note["kind"] for note in _cards(cards_dir, LONG_SEED))
    assert set(kinds) == set(KINDS), kinds


@pytest.mark.parametrize("stem", [LONG_SEED, SHORT_SEED])
def test_cards_follow_the_contract(built: tuple[Path, Path, str], stem: str) -> None:
    cards_dir, _, _ = built
    text = (SEEDS / next(p.name for p in SEEDS.iterdir() if p.stem == stem)).read_text("utf-8")
    notes = _cards(cards_dir, stem)
    assert len({n["guid"] for n in notes}) == len(notes), "duplicate guids"
    for note in notes:
        source = note["source"]
        assert source["document"].endswith(stem + Path(source["document"]).suffix)
        assert 0 <= source["start"] < source["end"] <= len(text)
        assert f"factcards::{note['kind']}" in note["tags"]
        answer = note["back"] or note["front"]
        assert answer.strip()
        if note["kind"] == "quote":
            assert note["speaker"] and note["quote"]
        if note["kind"] == "date":
            assert note["date"]
        if note["kind"] == "definition":
            assert note["term"]
        # every note is a question or a cloze (claims may be either)
        assert note["front"].endswith("?") or "{{c1::" in note["front"], note["front"]


def test_rebuilding_updates_notes_in_place(built: tuple[Path, Path, str], tmp_path: Path) -> None:
    """The same source built twice gives the same GUIDs: a re-import adds no notes."""
    cards_dir, decks_dir, _ = built
    again = tmp_path / "again"
    short = next(p for p in SEEDS.iterdir() if p.stem == SHORT_SEED)
    assert main(["build", str(short), "--cards-dir", str(again), "--decks-dir", str(again)]) == 0
    first = [n["guid"] for n in _cards(cards_dir, SHORT_SEED)]
    second = [n["guid"] for n in _cards(again, SHORT_SEED)]
    assert first == second
    col = import_apkg(decks_dir / f"{SHORT_SEED}.apkg", tmp_path / "collection")
    try:
        before = note_count(col)
        import_into(col, again / f"{SHORT_SEED}.apkg")
        assert note_count(col) == before
    finally:
        col.close()
