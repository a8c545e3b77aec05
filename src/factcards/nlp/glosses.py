"""Glosses: a parenthetical acronym after its expansion ("Socialist Labour League (SLL)"),
"X: a N …" and "X, or Y,".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import DefinitionFact
from .definiens import (
    EVALUATIVE_NOUNS,
    NOUN_POS,
    definition_fact,
    strip_determiner,
    term_before,
)
from .text import tokens_with

GLOSS_MARKS = frozenset({":", "or"})  # lower-cased: a colon, or ", or" naming the thing again


def parenthetical_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "the International Committee of the Fourth International (ICFI)" -> ICFI."""
    doc = sent.doc
    for open_paren in tokens_with(sent, "text", ("(",)):
        if open_paren.text != "(" or open_paren.i + 2 >= sent.end:
            continue
        acronym = doc[open_paren.i + 1]
        if doc[open_paren.i + 2].text != ")" or not _looks_like_acronym(acronym.text):
            continue
        before = open_paren.i - 1
        if before < sent.start or doc[before].pos_ not in NOUN_POS:
            continue
        first = _expansion_start(doc, before, sent.start, acronym.text)
        if first is None:
            continue
        fact = definition_fact(
            sent, (acronym.i, acronym.i), (first, before), "parenthetical", is_person=False
        )
        if fact is not None:
            yield fact


def gloss_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "the coleoptile : the covering of the shoot tip" (a colon glosses a term) and
    "multiple possible variations , or alleles" (", or" gives another name)."""
    doc = sent.doc
    for mark in tokens_with(sent, "lower", GLOSS_MARKS):
        if mark.text == ":" and mark.i > sent.start:
            fact = _colon_fact(sent, mark)
        elif mark.lower_ == "or" and mark.i - 2 >= sent.start and doc[mark.i - 1].text == ",":
            fact = _or_fact(sent, mark)
        else:
            continue
        if fact is not None:
            yield fact


def _gloss_after(sent: SpacySpan, first: int) -> tuple[int, int] | None:
    """A noun phrase (not a list, not a clause) starting at token `first`."""
    doc = sent.doc
    end = sent.end
    while end > first and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if first >= end:
        return None
    heads = [t for t in doc[first:end] if not (first <= t.head.i < end) or t.head.i == t.i]
    if len(heads) != 1 and not (heads and heads[0].i == first):
        return None
    head = heads[0]
    if head.pos_ != "NOUN" or head.lemma_.lower() in EVALUATIVE_NOUNS:
        return None
    if any(c.dep_ == "conj" for c in head.children) and not any(
        c.dep_ in {"prep", "acl", "relcl"} for c in head.children
    ):
        return None  # "two kinds : trial courts , appellate courts , …" lists, not glosses
    if doc[first].like_num or doc[first].pos_ in {"VERB", "AUX", "PRON", "ADP", "SCONJ"}:
        return None
    return first, min(head.right_edge.i, end - 1)


def _colon_fact(sent: SpacySpan, colon: Token) -> DefinitionFact | None:
    if _inside_brackets(sent, colon.i):
        return None  # "( plural : octahedra )", "( symbol : G )" label a form; no gloss
    term = term_before(sent, colon.i - 1, list_intro=True)
    if term is None:
        return None
    gloss = _gloss_after(sent, colon.i + 1)
    if gloss is None:
        return None
    return definition_fact(sent, term, gloss, "appositive", is_person=False)


def _inside_brackets(sent: SpacySpan, i: int) -> bool:
    depth = 0
    for token in sent.doc[sent.start : i]:
        depth += token.text == "("
        depth -= token.text == ")" and depth > 0
    return depth > 0


def _or_fact(sent: SpacySpan, mark: Token) -> DefinitionFact | None:
    """ "X , or Y ," where Y is another name: the shorter phrase is the term."""
    doc = sent.doc
    left = term_before(sent, mark.i - 2)
    if left is None or doc[left[1]].dep_ in {"conj", "pobj"}:
        return None  # "A , B , or C": a list
    right_end = mark.i + 1
    while right_end < sent.end and not doc[right_end].is_punct and right_end - mark.i <= 6:
        right_end += 1
    if right_end - mark.i > 6 or (
        right_end < sent.end and doc[right_end].text not in {",", ")", "."}
    ):
        return None
    right = (mark.i + 1, right_end - 1)
    if right[1] < right[0] or any(
        t.pos_ not in {"DET", "ADJ", "NOUN", "PART"} and t.text not in {"-", "’s", "'s"}
        for t in doc[right[0] : right[1] + 1]
    ):
        return None
    if doc[right[1]].pos_ != "NOUN":
        return None
    right = (strip_determiner(doc, right[0], right[1]), right[1])
    if right[1] - right[0] < left[1] - left[0]:
        return definition_fact(sent, right, left, "appositive", is_person=False)
    return definition_fact(sent, left, right, "appositive", is_person=False)


def _looks_like_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 10 and sum(c.isupper() for c in letters) >= 2 and text[0].isupper()


def _expansion_start(doc: Doc, last: int, limit: int, acronym: str) -> int | None:
    """Where the long form of `acronym` begins: its capitals spell the acronym's start."""
    initials = acronym.replace(".", "").replace("-", "").upper()
    capitals: list[int] = []
    i = last
    while i >= limit and i >= last - 3 * len(initials) - 4:
        token = doc[i]
        if token.is_punct and token.text not in {"-", "&"}:
            break
        if token.text[:1].isupper() and token.is_alpha:
            capitals.append(i)
            spelled = "".join(doc[j].text[0].upper() for j in reversed(capitals))
            if spelled == initials:
                # include the article before the long form ("the International Committee")
                if i - 1 >= limit and doc[i - 1].lower_ in {"the", "a", "an"}:
                    return i - 1
                return i
        i -= 1
    # looser: the first letters must match and every acronym letter must be an initial
    if capitals:
        first = capitals[-1]
        spelled = "".join(doc[j].text[0].upper() for j in reversed(capitals))
        if spelled[0] == initials[0] and _subsequence(initials, spelled):
            if first - 1 >= limit and doc[first - 1].lower_ in {"the", "a", "an"}:
                return first - 1
            return first
    return None


def _subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(char in remaining for char in short)
