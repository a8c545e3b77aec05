"""Card templates and CSS: the package's defaults, optionally replaced file by file by the user's.

The defaults live in `factcards/anki/templates/` (package data). A user directory may hold any of
the same file names (`qa-front.html`, `style.css`, ...); each file found there replaces the
default of the same name, the others keep the defaults. Overrides are checked before use: a
template that names an unknown field, or a front that shows no field at all, would make Anki
show error text or flag every card as empty, so it is rejected with an InputError.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..cards import atomic_writer
from ..errors import InputError, OutputError, read_text
from .fields import CLOZE_FIELDS, DEFINITION_FIELDS, QA_FIELDS

TEMPLATE_SUFFIXES: tuple[str, ...] = (".html", ".css")
STYLE_FILE = "style.css"

# The note types' modification time in every deck: the date of the default templates. Anki's
# import replaces a note type (and so the user's own styling of it) only when the deck's is
# newer, so bump this, and DEFAULT_TEMPLATES_DIGEST with it, whenever a default template changes
# (a test checks the digest).
DEFAULT_TEMPLATES_TIME = 1_795_392_000  # 2026-11-23 00:00 UTC
DEFAULT_TEMPLATES_DIGEST = "2a16d1d1cb58da07"

# template file -> the fields of its note type
TEMPLATE_FIELDS: dict[str, tuple[str, ...]] = {
    "qa-front.html": QA_FIELDS,
    "qa-back.html": QA_FIELDS,
    "definition-front.html": DEFINITION_FIELDS,
    "definition-back.html": DEFINITION_FIELDS,
    "definition-reverse-front.html": DEFINITION_FIELDS,
    "definition-reverse-back.html": DEFINITION_FIELDS,
    "cloze-front.html": CLOZE_FIELDS,
    "cloze-back.html": CLOZE_FIELDS,
}
TEMPLATE_FILES: tuple[str, ...] = (*TEMPLATE_FIELDS, STYLE_FILE)

# Names Anki fills in itself; FrontSide only makes sense on a back.
SPECIAL_FIELDS: frozenset[str] = frozenset(
    {"Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag", "CardID"}
)
FRONT_SIDE = "FrontSide"

# {{Field}}, {{#Field}}, {{/Field}}, {{^Field}}, {{filter:Field}}, {{cloze:Text}}
TEMPLATE_TAG = re.compile(r"\{\{\s*([#^/]?)\s*([^{}]*?)\s*\}\}")


@dataclass(frozen=True, slots=True)
class TemplateSet:
    """The text of every template file, where each came from (for error messages), and the
    note types' modification time: the defaults' date, or the newest override file's."""

    texts: Mapping[str, str]
    origins: Mapping[str, Path | None] = field(default_factory=dict)
    modified: int = DEFAULT_TEMPLATES_TIME

    def __getitem__(self, name: str) -> str:
        return self.texts[name]

    @property
    def css(self) -> str:
        return self.texts[STYLE_FILE]


def default_template(name: str) -> str:
    return resources.files("factcards.anki").joinpath("templates", name).read_text("utf-8")


def templates_digest(texts: Mapping[str, str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(texts):
        digest.update(name.encode() + b"\0" + texts[name].encode("utf-8") + b"\0")
    return digest.hexdigest()[:16]


def export_templates(directory: Path, *, overwrite: bool = False) -> list[Path]:
    """Write the default templates and CSS into `directory` for the user to edit.

    Existing files are never replaced unless `overwrite`: they may hold the user's work.
    """
    directory = Path(directory)
    targets = [directory / name for name in TEMPLATE_FILES]
    if not overwrite:
        existing = [path for path in targets if path.exists()]
        if existing:
            raise OutputError(
                f"{len(existing)} template file(s) already there (e.g. {existing[0].name}); "
                "use --force to replace them",
                directory,
            )
    for path in targets:
        with atomic_writer(path) as out:
            out.write(default_template(path.name))
    return targets


def referenced_fields(template: str) -> Iterable[tuple[str, str]]:
    """(section marker, field name) of each tag, filters dropped: {{cloze:Text}} -> ("", "Text")."""
    for match in TEMPLATE_TAG.finditer(template):
        marker, name = match.groups()
        yield marker, name.rsplit(":", 1)[-1].strip()


def check_template(name: str, text: str, path: Path | None) -> None:
    """Reject a template Anki would render as an error or as an empty card."""
    fields = TEMPLATE_FIELDS.get(name)
    if fields is None:
        return  # style.css: anything goes
    is_front = name.endswith("-front.html")
    allowed = set(fields) | SPECIAL_FIELDS | (set() if is_front else {FRONT_SIDE})
    shown: list[str] = []
    open_sections: list[str] = []
    for marker, field_name in referenced_fields(text):
        if field_name not in allowed:
            known = ", ".join(sorted(allowed))
            raise InputError(f"unknown field {{{{{field_name}}}}} (known: {known})", path)
        if marker in ("#", "^"):
            open_sections.append(field_name)
        elif marker == "/":
            if not open_sections or open_sections.pop() != field_name:
                raise InputError(f"{{{{/{field_name}}}}} closes no open section", path)
        elif field_name in fields:
            shown.append(field_name)
    if open_sections:
        raise InputError(f"{{{{#{open_sections[-1]}}}}} is never closed", path)
    if is_front and not shown:
        raise InputError("a front template must show at least one field", path)
    if name == "cloze-front.html" and "cloze:" not in text.replace(" ", ""):
        raise InputError("the cloze front must contain {{cloze:Text}}", path)


def load_templates(override_dir: Path | None = None) -> TemplateSet:
    """The default templates, with any file of the same name in `override_dir` replacing one."""
    texts = {name: default_template(name) for name in TEMPLATE_FILES}
    origins: dict[str, Path | None] = dict.fromkeys(TEMPLATE_FILES)
    modified = DEFAULT_TEMPLATES_TIME
    if override_dir is None:
        return TemplateSet(texts, origins, modified)
    override_dir = Path(override_dir)
    if not override_dir.is_dir():
        raise InputError("templates directory not found", override_dir)
    for path in sorted(override_dir.iterdir()):
        if path.suffix not in TEMPLATE_SUFFIXES:
            continue
        if path.name not in texts:
            # most likely a typo ("qa_front.html") that would silently keep the default
            raise InputError(f"unknown template file (known: {', '.join(TEMPLATE_FILES)})", path)
        text = read_text(path, "template")
        check_template(path.name, text, path)
        if text != texts[path.name]:
            texts[path.name] = text
            origins[path.name] = path
            # the user's edit is news for Anki: their note types get the file's time
            modified = max(modified, int(path.stat().st_mtime))
    return TemplateSet(texts, origins, modified)
