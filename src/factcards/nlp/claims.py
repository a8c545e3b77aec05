"""Key claims: the most central sentences of each stretch of text, as cloze notes.

Sentences are ranked by TextRank (PageRank over a graph whose edge weights are the overlap of
content lemmas, normalised by the log of the sentence lengths, as in Mihalcea & Tarau 2004)
within blocks of consecutive paragraphs, so that every part of a long text gets its share.
Each block keeps about one claim per `WORDS_PER_CLAIM` words. For every chosen sentence the
cloze answer is its key entity or term: a named entity or a noun phrase whose content lemmas
are frequent in the document.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence

import numpy as np
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..model import ClaimFact, Span

WORDS_PER_CLAIM = 90
BLOCK_WORDS = 700  # paragraphs are grouped into blocks of about this many words
MIN_TOKENS = 8
MAX_TOKENS = 45
DAMPING = 0.85
ITERATIONS = 60
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
ANSWER_LABELS = frozenset(
    {"ORG", "PERSON", "NORP", "GPE", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
)
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
# openers that need the previous sentence to make sense
DANGLING_OPENERS = frozenset(
    {
        "it", "this", "that", "these", "those", "they", "he", "she", "such", "there", "here",
        "but", "and", "or", "so", "yet", "thus", "hence", "then", "also", "both", "which",
        "him", "her", "them", "his", "its", "their", "we", "i", "you", "our", "my",
    }
)  # fmt: skip
QUOTE_CHARS = frozenset({'"', "“", "”"})
MAX_ANSWER_TOKENS = 6
ENTITY_BONUS = 4.0
NUMBER_BONUS = 3.0
SUBJECT_PENALTY = 0.5
FOCUS_WEIGHT = 1.0
TERM_CAP = 3.0


def _content_lemmas(tokens: SpacySpan) -> list[str]:
    return [
        t.lemma_.lower()
        for t in tokens
        if t.pos_ in CONTENT_POS and not t.is_stop and any(c.isalnum() for c in t.text)
    ]


def _word_count(sent: SpacySpan) -> int:
    return sum(1 for t in sent if not t.is_punct and not t.is_space)


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


def _blocks(doc: Doc) -> Iterator[list[SpacySpan]]:
    """Runs of whole paragraphs of about BLOCK_WORDS words (never split inside a paragraph)."""
    block: list[SpacySpan] = []
    words = 0
    for sent in doc.sents:
        starts_paragraph = sent.start > 0 and "\n\n" in doc[sent.start - 1].text
        if starts_paragraph and words >= BLOCK_WORDS and block:
            yield block
            block, words = [], 0
        block.append(sent)
        words += _word_count(sent)
    if block:
        yield block


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside double quotation marks (reset at each paragraph)."""
    inside: set[int] = set()
    open_quote = False
    for token in doc:
        if token.is_space and "\n\n" in token.text:
            open_quote = False
            continue
        if token.text in QUOTE_CHARS:
            if token.text == "“":
                open_quote = True
            elif token.text == "”":
                open_quote = False
            else:
                open_quote = not open_quote
            continue
        if open_quote:
            inside.add(token.i)
    return inside


def _eligible(sent: SpacySpan, quoted: set[int]) -> bool:
    words = [t for t in sent if not t.is_space]
    if not words or sent.text.rstrip().endswith("?"):
        return False
    if not MIN_TOKENS <= len(words) <= MAX_TOKENS:
        return False
    first = next((t for t in words if not t.is_punct), None)
    if first is None or first.lower_ in DANGLING_OPENERS:
        return False
    if first.text[:1].islower():
        return False  # a fragment cut off by a page break or a list
    if words[0].text in QUOTE_CHARS:
        return False
    in_quotes = sum(1 for t in words if t.i in quoted)
    return in_quotes * 2 < len(words)


def _answer_candidates(sent: SpacySpan) -> Iterator[tuple[int, int, str]]:
    """(first token, end token, label) of entities and noun chunks that could be blanked."""
    for ent in sent.ents:
        if ent.label_ == "NORP" and len(ent) == 1 and (ent.root.pos_ == "ADJ" or ent.root.is_lower):
            continue  # "Soviet" in "Soviet workers" is a modifier, not the thing talked about
        if ent.label_ in ANSWER_LABELS or ent.label_ in NUMBER_LABELS:
            start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
            yield start, ent.end, ent.label_
    for chunk in sent.noun_chunks:
        start = chunk.start
        while start < chunk.end and (
            chunk.doc[start].dep_ in {"det", "poss", "predet"}
            or chunk.doc[start].is_stop
            or chunk.doc[start].is_punct
        ):
            start += 1
        if start < chunk.end:
            yield start, chunk.end, "TERM"


def _pick_answer(
    sent: SpacySpan, frequency: Counter[str], quoted: set[int]
) -> tuple[int, int, str] | None:
    doc = sent.doc
    best: tuple[float, int, int, int, str] | None = None
    for start, end, label in _answer_candidates(sent):
        tokens = doc[start:end]
        while len(tokens) and (
            tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].tag_ == "POS"
        ):
            tokens = doc[tokens.start : tokens.end - 1]
        if not len(tokens) or len(tokens) > MAX_ANSWER_TOKENS:
            continue
        if any(t.pos_ == "PRON" or t.ent_type_ in {"DATE", "TIME", "ORDINAL"} for t in tokens):
            continue
        if all(t.is_stop or t.is_punct for t in tokens) or any(t.i in quoted for t in tokens):
            continue
        lemmas = _content_lemmas(tokens)
        if label in NUMBER_LABELS:
            score = NUMBER_BONUS
        elif not lemmas:
            continue
        else:
            score = sum(math.log1p(frequency[lemma]) for lemma in lemmas) / math.sqrt(len(lemmas))
            if label != "TERM":
                # a specific name is the best blank; the text's running topic is too easy
                score = ENTITY_BONUS - 0.3 * score
            elif len(lemmas) == 1 and frequency[lemmas[0]] < 2:
                continue  # a lone word the text never repeats is no key term
            else:
                score = min(score, TERM_CAP)  # a named entity, when there is one, wins
        # end weight: new information comes late in an English sentence
        score += FOCUS_WEIGHT * (tokens.start - sent.start) / max(1, len(sent))
        if tokens.root.dep_ in {"nsubj", "nsubjpass"} and tokens.root.head == sent.root:
            score -= SUBJECT_PENALTY  # the topic is given; what is said about it is tested
        candidate = (score, -tokens.start, tokens.start, tokens.end, label)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None:
        return None
    return best[2], best[3], best[4]


def find_claims(doc: Doc) -> Iterator[ClaimFact]:
    """About one claim per WORDS_PER_CLAIM words, the most central sentences of each block."""
    frequency: Counter[str] = Counter(_content_lemmas(doc[:]))
    quoted = _quoted_tokens(doc)
    for block in _blocks(doc):
        words = sum(_word_count(sent) for sent in block)
        wanted = round(words / WORDS_PER_CLAIM)
        if wanted == 0 and len(block) >= 3:
            wanted = 1
        if wanted == 0:
            continue
        scores = textrank([_content_lemmas(sent) for sent in block])
        order = sorted(range(len(block)), key=lambda i: (-scores[i], i))
        chosen: list[ClaimFact] = []
        for index in order:
            if len(chosen) >= wanted:
                break
            sent = block[index]
            if not _eligible(sent, quoted):
                continue
            answer = _pick_answer(sent, frequency, quoted)
            if answer is None:
                continue
            start, end, label = answer
            text = sent.text.rstrip()
            answer_tokens = doc[start:end]
            chosen.append(
                ClaimFact(
                    sentence=Span(sent.start_char, sent.start_char + len(text), text),
                    answer=Span(
                        answer_tokens.start_char, answer_tokens.end_char, answer_tokens.text
                    ),
                    score=float(scores[index]),
                    label=label,
                )
            )
        yield from sorted(chosen, key=lambda fact: fact.sentence.start)
