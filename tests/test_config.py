"""The config file: factcards.toml or [tool.factcards], overridden by CLI options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcards import cli
from factcards.cards import read_cards
from factcards.config import Settings, load_settings
from factcards.errors import InputError


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("", Settings()),
        ('model = "en_core_web_md"', Settings(model="en_core_web_md")),
        ('kinds = ["date", "quote"]', Settings(kinds=("date", "quote"))),
        ('kinds = "date, claim"', Settings(kinds=("date", "claim"))),
        ("claim-density = 2", Settings(claim_density=2.0)),
        ("claim_density = 0.5", Settings(claim_density=0.5)),
        ("questions_per_claim = 3", Settings(questions_per_claim=3)),
        ("questions-per-claim = 1", Settings(questions_per_claim=1)),
        ("questions_per_claim = 5", Settings(questions_per_claim=5)),
        ('deck_prefix = "History::"', Settings(deck_prefix="History::")),
        ('deck-name = "{stem}"', Settings(deck_name="{stem}")),
        ('tags = ["term1", "hist"]', Settings(tags=("term1", "hist"))),
        ("jobs = 2", Settings(jobs=2)),
    ],
)
def test_settings_table(tmp_path: Path, toml: str, expected: Settings) -> None:
    path = tmp_path / "factcards.toml"
    path.write_text(toml, encoding="utf-8")
    assert load_settings(directory=tmp_path) == Settings(**{**_fields(expected), "path": path})


def _fields(settings: Settings) -> dict:
    return {name: getattr(settings, name) for name in Settings.__dataclass_fields__}


def test_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "factcards.toml"
    path.write_text('cards_dir = "notes"\ntemplates = "tpl"\ndecks_dir = "/abs/decks"\n')
    settings = load_settings(path)
    assert settings.cards_dir == tmp_path / "notes"
    assert settings.templates == tmp_path / "tpl"
    assert settings.decks_dir == Path("/abs/decks")


def test_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.factcards]\nkinds = ["date"]\n', encoding="utf-8"
    )
    assert load_settings(directory=tmp_path).kinds == ("date",)


def test_factcards_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.factcards]\nkinds = ["date"]\n')
    (tmp_path / "factcards.toml").write_text('kinds = ["quote"]\n')
    assert load_settings(directory=tmp_path).kinds == ("quote",)


def test_no_config_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load_settings(directory=tmp_path) == Settings()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('modle = "x"', "unknown setting 'modle'"),
        ("kinds = [1]", "setting 'kinds' must be a list of kinds"),
        ('kinds = ["dates"]', "unknown kind dates"),
        ("claim_density = 0", "must be a positive number"),
        ("claim_density = true", "must be a positive number"),
        ("questions_per_claim = 0", "must be a whole number from 1 to 5"),
        ("questions_per_claim = 6", "must be a whole number from 1 to 5"),
        ("questions_per_claim = 2.5", "must be a whole number from 1 to 5"),
        ("questions_per_claim = true", "must be a whole number from 1 to 5"),
        ('questions_per_claim = "2"', "must be a whole number from 1 to 5"),
        ('tags = "x"', "setting 'tags' must be a list of strings"),
        ("jobs = 0", "at least 1"),
        ('templates = ""', "must be a path"),
        ("model = ", "not valid TOML"),
    ],
)
def test_bad_settings_name_the_file_and_key(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "factcards.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        load_settings(path)
    assert caught.value.path == path


def write_source(folder: Path) -> Path:
    seeds = folder / "seeds"
    seeds.mkdir()
    (seeds / "lecture.md").write_text(
        "# Lecture\n\nThe Fourth International was founded in 1938 in Paris. "
        'Trotsky wrote in 1938: "The crisis of mankind is reduced to the crisis of the '
        'revolutionary leadership."\n',
        encoding="utf-8",
    )
    return seeds


def test_config_drives_the_build_and_options_override_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_source(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcards.toml").write_text(
        'kinds = ["date"]\ncards_dir = "my-cards"\ndeck_prefix = "History::"\n'
        'deck_name = "{title} (week 1)"\ntags = ["week1"]\n',
        encoding="utf-8",
    )
    assert cli.main(["build", "seeds"]) == 0
    out = capsys.readouterr().out
    assert "'History::Lecture (week 1)'" in out
    notes = read_cards(tmp_path / "my-cards" / "lecture.jsonl")
    assert notes and {n.kind for n in notes} == {"date"}
    # an option beats the file
    assert cli.main(["extract", "seeds", "--kinds", "quote"]) == 0
    kinds = {
        n.kind for n in read_cards(tmp_path / "my-cards" / "lecture.jsonl") if "date" not in n.tags
    }
    assert "quote" in kinds


def test_extra_tags_reach_the_deck(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from contextlib import closing

    from anki_helpers import import_apkg

    write_source(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcards.toml").write_text('tags = ["week1"]\nkinds = ["date"]\n')
    assert cli.main(["build", "seeds"]) == 0
    with closing(import_apkg(tmp_path / "decks" / "lecture.apkg", tmp_path / "anki")) as col:
        assert col.find_notes("tag:week1")
        assert len(col.find_notes("tag:week1")) == col.note_count()


def test_explicit_config_option_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_source(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--config", "missing.toml", "build", "seeds"]) == 1
    assert capsys.readouterr().err.strip() == "factcards: error: missing.toml: no such config file"
    (tmp_path / "other.toml").write_text('kinds = ["nonsense"]\n')
    assert cli.main(["--config", "other.toml", "build", "seeds"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("factcards: error: other.toml: setting 'kinds'") and "\n" not in err
    assert not (tmp_path / "cards").exists()


def test_bad_deck_name_pattern_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_source(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcards.toml").write_text('deck_name = "{author}"\nkinds = ["date"]\n')
    assert cli.main(["build", "seeds"]) == 1
    assert "deck name pattern '{author}' is not valid" in capsys.readouterr().err
    assert not list((tmp_path / "decks").glob("*.apkg")) if (tmp_path / "decks").exists() else True
    json.loads((tmp_path / "cards" / ".manifest.json").read_text())  # the cards are still fine


def test_questions_per_claim_reaches_the_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "lecture.md").write_text(
        "# Lecture\n\nMarie Curie discovered polonium in a laboratory in Paris.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)

    runs = iter(range(100))

    def questions(*options: str) -> list[str]:
        cards_dir = f"out{next(runs)}"  # fresh: cards/ keeps the notes of an earlier run
        args = ["extract", "seeds", "--kinds", "claim", "--claim-density", "20"]
        args += ["--cards-dir", cards_dir, "--cache-dir", str(tmp_path / "cache"), *options]
        assert cli.main(args) == 0
        notes = read_cards(tmp_path / cards_dir / "lecture.jsonl")
        return sorted(note.back for note in notes if note.front.endswith("?"))

    assert questions() == ["a laboratory in Paris"]
    # the option, and the config file's setting, ask for more (the cache must not answer)
    assert questions("--questions-per-claim", "2") == ["Marie Curie", "a laboratory in Paris"]
    (tmp_path / "factcards.toml").write_text("questions_per_claim = 2\n", encoding="utf-8")
    assert questions() == ["Marie Curie", "a laboratory in Paris"]
    assert questions("--questions-per-claim", "1") == ["a laboratory in Paris"]
    assert cli.main(["extract", "seeds", "--questions-per-claim", "6"]) == 2
