"""Definitions: "X is a N that …", "X, a N of …,", "SWP leader X", "X is called Y", "N (ACR)".

Each pattern is a small generator over one sentence yielding `DefinitionFact`s whose `term`
and `definiens` are spans of the source (trimmed of outer punctuation). `find_definitions`
runs them all and keeps one fact per (term, definiens).

One module per construction: `copular` (X is a N), `appositives` (X, a N; titles before a
name), `naming` (definitor verbs, called / known as), `glosses` (acronyms, colons, "or");
`definiens` holds what they share. Imports run one way: definitions -> patterns -> definiens.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..model import DefinitionFact
from .appositives import (
    appositive_definitions,
    common_appositive_definitions,
    title_definitions,
)
from .copular import (
    copular_definitions,
    surface_copular_definitions,
)
from .glosses import (
    gloss_definitions,
    parenthetical_definitions,
)
from .naming import (
    bracket_naming_definitions,
    definitor_definitions,
)

PATTERNS: tuple[Callable[[SpacySpan], Iterable[DefinitionFact]], ...] = (
    copular_definitions,
    bracket_naming_definitions,
    appositive_definitions,
    common_appositive_definitions,
    title_definitions,
    definitor_definitions,
    parenthetical_definitions,
    gloss_definitions,
)


# "X and Y" / "X or Y" where both are capitalised names
COORDINATED_NAMES = re.compile(r"^(?P<first>[A-Z].*?)\s+(?P<joint>or|and)\s+(?P<second>[A-Z].*)$")
PLURAL_COPULA = re.compile(r"[\s,)]*(?:are|were)\b")
# an "or" between short names gives a people's other name ("The Suebi or Suevi were …"); long
# names on both sides are two things ("University of A or University of B are …")
ALTERNATIVE_NAME_WORDS = 2


def _several_terms(fact: DefinitionFact) -> bool:
    """Two names joined by "and" (or by "or", when both are long) under a plural copula: a
    class with two members, not one term defined."""
    names = COORDINATED_NAMES.match(fact.term)
    if names is None:
        return False
    if (
        names["joint"] == "or"
        and min(len(names["first"].split()), len(names["second"].split())) <= ALTERNATIVE_NAME_WORDS
    ):
        return False
    sentence = fact.sentence.text
    at = sentence.find(fact.term)
    return at >= 0 and PLURAL_COPULA.match(sentence[at + len(fact.term) :]) is not None


def find_definitions(doc: Doc) -> Iterator[DefinitionFact]:
    """Every definition of every sentence, one fact per (term, definiens)."""
    seen: set[tuple[str, str]] = set()
    for sent in doc.sents:
        found_copular = False
        for pattern in (*PATTERNS, surface_copular_definitions):
            # the surface reading only stands in for a copular parse that found nothing
            if pattern is surface_copular_definitions and found_copular:
                continue
            for fact in pattern(sent):
                found_copular = found_copular or fact.pattern == "copular"
                key = (fact.term.lower(), fact.definiens.lower())
                if key in seen or _several_terms(fact):
                    continue
                seen.add(key)
                yield fact
