"""Which sentences of a stretch of text matter most: the ranking behind key-claim selection.

Sentences are ranked within blocks of consecutive paragraphs, so that every part of a long text
gets its share, by TextRank (PageRank over a graph whose edge weights are the overlap of content
lemmas, normalised by the log of the sentence lengths, as in Mihalcea & Tarau 2004) with a length
penalty (TextRank favours long sentences), weighted by how many specific facts (names, numbers,
dates) the sentence states. claims.py chooses among the ranked sentences those that make a card.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import numpy as np
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .text import ents_in

TOKEN_VIEW_KEY = "factcards.token_view"
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
BLOCK_WORDS = 700  # paragraphs are grouped into blocks of about this many words
MAX_BLOCK_WORDS = 4 * BLOCK_WORDS  # a block inside one huge paragraph
DAMPING = 0.85
ITERATIONS = 60
# TextRank rank grows about linearly with length: most of that goes
LENGTH_EXPONENT = 0.75
# centrality is damped (square root): on its own it favours the abstract sentences that restate
# a text's theme over the specific statements of fact a reader is tested on
CENTRALITY_EXPONENT = 0.5
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
FACT_LABELS = NUMBER_LABELS | frozenset(
    {"ORG", "PERSON", "NORP", "GPE", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "DATE"}
)
FACT_WEIGHT = 0.5  # per specific fact (name, number, date) the sentence states, up to MAX_FACTS
MAX_FACTS = 4
# a count this vague ("many thousands", "several hundred") states no number
VAGUE_QUANTITY_WORDS = frozenset(
    {"many", "several", "few", "some", "numerous", "countless", "dozens", "hundreds",
     "thousands", "millions", "billions", "tens", "scores"}
)  # fmt: skip


def content_lemmas(tokens: SpacySpan) -> list[str]:
    """Lower-cased lemmas of the content words (nouns, names, verbs, adjectives, numbers)."""
    lemmas, _ = _token_view(tokens.doc)
    return [lemma for lemma in lemmas[tokens.start : tokens.end] if lemma is not None]


def word_count(sent: SpacySpan) -> int:
    """Tokens that are neither punctuation nor space."""
    _, words_before = _token_view(sent.doc)
    return words_before[sent.end] - words_before[sent.start]


def _content_lemma(token: Token) -> str | None:
    if token.pos_ in CONTENT_POS and not token.is_stop and any(c.isalnum() for c in token.text):
        return token.lemma_.lower()
    return None


def _token_view(doc: Doc) -> tuple[list[str | None], list[int]]:
    """(each token's content lemma or None, the words before each token index), made once per
    Doc: the sentences are counted and compared many times, and every pass over a span makes a
    new Token object per word."""
    view = doc.user_data.get(TOKEN_VIEW_KEY)
    if view is None:
        lemmas: list[str | None] = []
        words_before = [0]
        for token in doc:
            lemmas.append(_content_lemma(token))
            words_before.append(words_before[-1] + (not token.is_punct and not token.is_space))
        view = doc.user_data[TOKEN_VIEW_KEY] = (lemmas, words_before)
    return view


def textrank(lemma_sets: Sequence[Sequence[str]]) -> np.ndarray:
    """PageRank scores of sentences given their content lemmas (sum to 1; uniform if no edges)."""
    n = len(lemma_sets)
    if n == 0:
        return np.zeros(0)
    weights = np.zeros((n, n))
    sets = [set(lemmas) for lemmas in lemma_sets]
    for i in range(n):
        for j in range(i + 1, n):
            overlap = len(sets[i] & sets[j])
            if not overlap:
                continue
            norm = math.log(len(lemma_sets[i]) + 1) + math.log(len(lemma_sets[j]) + 1)
            weights[i, j] = weights[j, i] = overlap / norm
    out = weights.sum(axis=1)
    # a sentence with no edges gives its rank to everyone equally
    transition = np.where(out[:, None] > 0, weights / np.maximum(out[:, None], 1e-12), 1.0 / n)
    scores = np.full(n, 1.0 / n)
    for _ in range(ITERATIONS):
        updated = (1 - DAMPING) / n + DAMPING * transition.T @ scores
        if np.abs(updated - scores).sum() < 1e-9:
            scores = updated
            break
        scores = updated
    return scores / scores.sum()


def blocks(doc: Doc) -> Iterator[list[SpacySpan]]:
    """Runs of whole paragraphs of about BLOCK_WORDS words.

    A paragraph is split only when it alone runs past MAX_BLOCK_WORDS (a text with no paragraph
    breaks), which keeps TextRank's sentence-by-sentence matrix small.
    """
    block: list[SpacySpan] = []
    words = 0
    for sent in doc.sents:
        starts_paragraph = sent.start > 0 and "\n\n" in doc[sent.start - 1].text
        if block and ((starts_paragraph and words >= BLOCK_WORDS) or words >= MAX_BLOCK_WORDS):
            yield block
            block, words = [], 0
        block.append(sent)
        words += word_count(sent)
    if block:
        yield block


def sentence_merits(
    block: Sequence[SpacySpan], lemma_lists: Sequence[Sequence[str]]
) -> tuple[np.ndarray, np.ndarray]:
    """(TextRank centrality, merit) of each sentence of a block.

    The merit is the centrality relative to the block's mean (1.0 = average) to the power
    CENTRALITY_EXPONENT, divided by the sentence's relative length to the power LENGTH_EXPONENT,
    times 1 + FACT_WEIGHT per specific fact it states (at most MAX_FACTS).
    """
    centrality = textrank(lemma_lists)
    if not len(block):
        return centrality, centrality
    mean_length = max(1.0, sum(len(lemmas) for lemmas in lemma_lists) / len(block))
    merits = np.empty(len(block))
    for index, sent in enumerate(block):
        length = max(1.0, len(lemma_lists[index])) / mean_length
        relative_centrality = centrality[index] * len(block)
        merit = relative_centrality**CENTRALITY_EXPONENT / length**LENGTH_EXPONENT
        merits[index] = merit * (1 + FACT_WEIGHT * min(MAX_FACTS, fact_count(sent)))
    return centrality, merits


def fact_count(sent: SpacySpan) -> int:
    """Named entities, numbers and dates the sentence states."""
    return sum(
        1
        for ent in ents_in(sent)
        if ent.label_ in FACT_LABELS and not (ent.label_ in NUMBER_LABELS and vague_number(ent))
    )


def vague_number(number: SpacySpan) -> bool:
    """ "many thousands", "the several hundred", "thousands": a count that states no number."""
    words = [t for t in number if t.lower_ != "the"]
    return not words or words[0].lower_ in VAGUE_QUANTITY_WORDS
