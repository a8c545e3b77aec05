"""Placeholder: being written."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ..model import DateFact


def find_dates(doc: Doc) -> Iterator[DateFact]:
    return iter(())
