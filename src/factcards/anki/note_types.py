"""The three note types factcards makes, with fixed ids.

The ids never change: Anki recognises a note type by id, so re-importing a newer deck updates
the notes and templates in place instead of creating "factcards Q&A+" copies. The names are our
own (never "Basic"/"Cloze"), so a learner's stock note types are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

import genanki

from .fields import CLOZE_FIELDS, DEFINITION_FIELDS, QA_FIELDS, NoteTypeKey
from .templates import TemplateSet

# Chosen once at random in genanki's recommended range [2**30, 2**31); never change them.
QA_MODEL_ID = 1_462_751_903
DEFINITION_MODEL_ID = 1_893_306_117
CLOZE_MODEL_ID = 1_207_548_691

QA_NAME = "factcards Q&A"
DEFINITION_NAME = "factcards Definition"
CLOZE_NAME = "factcards Cloze"

QA_CARD = "Question → answer"
TERM_TO_DEFINITION = "Term → definition"
DEFINITION_TO_TERM = "Definition → term"
CLOZE_CARD = "Cloze"


class FixedTimeModel(genanki.Model):
    """A note type whose modification time is its templates' time, not the build time.

    Anki's import updates a note type only when the file's is newer: with the build time, every
    rebuild would overwrite the user's own styling; with a fixed time, only new templates do.
    """

    def __init__(self, *args: object, modified: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.modified = modified

    def to_json(self, timestamp: float, deck_id: int) -> dict:  # type: ignore[override]
        return super().to_json(self.modified, deck_id)


def _fields(names: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"name": name} for name in names]


def _template(name: str, templates: TemplateSet, prefix: str) -> dict[str, str]:
    return {
        "name": name,
        "qfmt": templates[f"{prefix}-front.html"],
        "afmt": templates[f"{prefix}-back.html"],
    }


def _model(
    model_id: int,
    name: str,
    fields: tuple[str, ...],
    cards: list[tuple[str, str]],
    templates: TemplateSet,
    model_type: int = genanki.Model.FRONT_BACK,
) -> genanki.Model:
    """A note type from its card names and template-file prefixes, dated by its templates."""
    return FixedTimeModel(
        model_id,
        name,
        fields=_fields(fields),
        templates=[_template(card, templates, prefix) for card, prefix in cards],
        css=templates.css,
        model_type=model_type,
        modified=templates.modified,
    )


def qa_model(templates: TemplateSet) -> genanki.Model:
    return _model(QA_MODEL_ID, QA_NAME, QA_FIELDS, [(QA_CARD, "qa")], templates)


def definition_model(templates: TemplateSet) -> genanki.Model:
    cards = [(TERM_TO_DEFINITION, "definition"), (DEFINITION_TO_TERM, "definition-reverse")]
    return _model(DEFINITION_MODEL_ID, DEFINITION_NAME, DEFINITION_FIELDS, cards, templates)


def cloze_model(templates: TemplateSet) -> genanki.Model:
    cards = [(CLOZE_CARD, "cloze")]
    return _model(CLOZE_MODEL_ID, CLOZE_NAME, CLOZE_FIELDS, cards, templates, genanki.Model.CLOZE)


@dataclass(frozen=True, slots=True)
class NoteTypes:
    qa: genanki.Model
    definition: genanki.Model
    cloze: genanki.Model

    @classmethod
    def from_templates(cls, templates: TemplateSet) -> NoteTypes:
        return cls(qa_model(templates), definition_model(templates), cloze_model(templates))

    def __getitem__(self, key: NoteTypeKey) -> genanki.Model:
        return {"qa": self.qa, "definition": self.definition, "cloze": self.cloze}[key]
