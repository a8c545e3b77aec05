"""Placeholder: being written."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ..model import ClaimFact


def find_claims(doc: Doc) -> Iterator[ClaimFact]:
    return iter(())
