"""The one exception type the CLI turns into a one-line message."""

from __future__ import annotations

from pathlib import Path


class FactcardsError(Exception):
    """A problem the user can act on: bad input, a missing model, an unwritable folder.

    The CLI prints `factcards: <path>: <message>` (or without the path) and exits with `exit_code`.
    """

    exit_code = 1

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path is not None else self.message


class InputError(FactcardsError):
    """A source document or cards file that cannot be read or understood."""


class OutputError(FactcardsError):
    """A cards or decks folder that cannot be written."""
