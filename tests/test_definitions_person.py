"""Who or What: a definition asks "Who is X?" only when its genus names a person.

The entity tagger often takes a capitalised term for a PERSON ("Carlos Ruiz is a town …");
the definiens's head noun decides, and a definiens with no noun head makes no person.
"""

from __future__ import annotations

import pytest

from factcards.nlp.definitions import find_definitions

PERSON_TABLE = [
    # a thing whose name looks like a person's: the genus says what it is
    ("Carlos Ruiz is a town in the province of Leon.", "Carlos Ruiz", False),
    ("Maria Theresa is a grape variety grown in Austria.", "Maria Theresa", False),
    ("Carlos Ruiz is the name of a river in Chile.", "Carlos Ruiz", False),
    ("Musick is a remix of an old song by the band.", "Musick", False),
    ("The gambler's fallacy, named after Pascal Dupont, is the belief that chance evens out.",
     "gambler's fallacy", False),
    # a person noun as the genus makes a person, whatever the tagger says
    ("John Smith is a hero of the Virginia colony.", "John Smith", True),
    ("Hyman Minsky was an economist who studied financial crises.", "Hyman Minsky", True),
    # a role noun before a name: a person's role
    ("The Viking leader Guthrum accepted Alfred as his father.", "Guthrum", True),
    # a class of people is still asked with What ("What is a chemist?")
    ("A chemist is a scientist trained in the study of chemistry.", "chemist", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "term", "person"), PERSON_TABLE)
def test_who_only_for_a_person_genus(parse, text: str, term: str, person: bool) -> None:
    facts = [f for f in find_definitions(parse(text)) if f.term == term]
    assert facts, f"no definition of {term!r}"
    assert facts[0].is_person is person


@pytest.mark.parametrize(
    "text",
    [
        # an adjective before a name is no role: no definition, so no "Who is Ledger?"
        "The loan was recorded in the general Ledger of the Bank of England.",
        "The river rises in the north eastern Arabah near the border.",
    ],
)
def test_an_adjective_before_a_name_is_no_title(parse, text: str) -> None:
    assert not [f for f in find_definitions(parse(text)) if f.pattern == "title"]
