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


def read_failure(
    exc: OSError | UnicodeDecodeError, path: Path | str, what: str = "file"
) -> InputError:
    """The one wording for a file that cannot be read, whoever reads it: "no such cards file",
    "config file is not UTF-8", "is a directory", "cannot read: Permission denied"."""
    if isinstance(exc, UnicodeDecodeError):
        return InputError(f"{what} is not UTF-8", path)
    if isinstance(exc, FileNotFoundError):
        missing = "no such file or directory" if what == "file" else f"no such {what}"
        return InputError(missing, path)
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory", path)
    return InputError(f"cannot read: {exc.strerror or exc}", path)


def read_bytes(path: Path, what: str = "file") -> bytes:
    """The file's bytes, or an InputError naming it and the problem."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise read_failure(exc, path, what) from exc


def read_text(path: Path, what: str = "file") -> str:
    """The file's UTF-8 text, or an InputError naming it and the problem."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise read_failure(exc, path, what) from exc
