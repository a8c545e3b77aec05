"""Placeholder: being written."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ..model import DefinitionFact


def find_definitions(doc: Doc) -> Iterator[DefinitionFact]:
    return iter(())
