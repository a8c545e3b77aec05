"""Definitions: "X is a N that …", "X, a N of …,", "SWP leader X", "X is called Y", "N (ACR)".

Each pattern is a small generator over one sentence yielding `DefinitionFact`s whose `term`
and `definiens` are spans of the source (trimmed of outer punctuation). `find_definitions`
runs them all and keeps one fact per (term, definiens).

One module per construction: `copular` (X is a N), `appositives` (X, a N; titles before a
name), `naming` (definitor verbs, called / known as), `glosses` (acronyms, colons, "or");
`definiens` holds what they share. Imports run one way: definitions -> patterns -> definiens.
"""

from __future__ import annotations

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
                if key in seen:
                    continue
                seen.add(key)
                yield fact
