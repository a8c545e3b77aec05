"""Word tables shared by the stages: which common nouns name people."""

from __future__ import annotations

import pytest

from factcards.vocabulary import is_person_noun


@pytest.mark.parametrize(
    ("lemma", "person"),
    [
        ("official", True),
        ("hero", True),
        ("Economist", True),  # by its ending, whatever the case
        ("historian", True),
        ("physician", True),
        ("attempt", False),
        ("show", False),
        ("division", False),
        ("playlist", False),  # "-ist", but not a person
        ("median", False),
        ("list", False),
    ],
)
def test_is_person_noun(lemma: str, person: bool) -> None:
    assert is_person_noun(lemma) is person
