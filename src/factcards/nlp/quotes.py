"""Placeholder: being written."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ..model import QuoteFact


def find_quotes(doc: Doc) -> Iterator[QuoteFact]:
    return iter(())
