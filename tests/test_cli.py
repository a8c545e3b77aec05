"""The CLI's contract that needs no parsing: help, version, usage errors, bad paths."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from factcards.cards import read_cards
from factcards.cli import main

FACTCARDS = [sys.executable, "-m", "factcards.cli"]


def test_help_does_not_import_spacy() -> None:
    code = (
        "import sys\n"
        "from factcards.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules, 'spaCy imported on the --help path'\n"
        "assert 'genanki' not in sys.modules, 'genanki imported on the --help path'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "build" in proc.stdout and "extract" in proc.stdout and "package" in proc.stdout


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from factcards import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"factcards {__version__}"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["build"], 2, "Missing argument"),
        (["build", "seeds", "--kinds", "dates"], 2, "unknown kind dates"),
        (["frobnicate"], 2, "No such command"),
        (["build", "no/such/file.md"], 1, "factcards: error: no/such/file.md: "),
        (["package", "no/such/cards.jsonl"], 1, "factcards: error: no/such/cards.jsonl: "),
    ],
)
def test_errors_are_one_line_with_an_exit_code(
    args: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == code
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_empty_directory_is_an_input_error(tmp_path: Path, capsys) -> None:
    assert main(["extract", str(tmp_path), "--cards-dir", str(tmp_path / "cards")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"factcards: error: {tmp_path}: ")
    assert not (tmp_path / "cards").exists()


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [*FACTCARDS, "--debug", "build", str(tmp_path / "missing.md")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr


@pytest.mark.parametrize("command", ["build", "extract"])
def test_speed_options_are_offered(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    main([command, "--help"])
    out = capsys.readouterr().out
    for option in ("--jobs", "--no-cache", "--cache-dir"):
        assert option in out


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "seeds", "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("terminal", "shown"), [(True, True), (False, False)])
def test_progress_only_on_a_terminal(
    terminal: bool, shown: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcards.cli import Progress

    stderr = FakeTerminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    progress = Progress()
    progress.update(1, 3)
    assert ("1/3 documents" in stderr.getvalue()) is shown
    progress.update(3, 3)
    assert stderr.getvalue().endswith("\x1b[K") is shown  # the line is erased at the end


def test_standard_input_is_a_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "# Notes\n\nThe Fourth International was founded in 1938 in Paris.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    monkeypatch.chdir(tmp_path)
    assert main(["build", "-", "--kinds", "date"]) == 0
    notes = read_cards(tmp_path / "cards" / "stdin.jsonl")
    assert [n.source.document for n in notes] == ["stdin"] and notes[0].back == "1938"
    assert "'factcards::Notes'" in capsys.readouterr().out
    assert main(["build", "-", "-", "--kinds", "date"]) == 1
    assert "standard input ('-') can be read only once" in capsys.readouterr().err
