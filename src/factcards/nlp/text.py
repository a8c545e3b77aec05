"""Per-Doc caches of whole-document views that spaCy recomputes on every access.

`Doc.text` joins every token each time it is read and `Span.noun_chunks` walks the whole Doc,
so reading them once per fact or per sentence makes extraction quadratic in document length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

TEXT_KEY = "factcards.text"
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
NOUN_CHUNKS_KEY = "factcards.noun_chunks"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def noun_chunks_in(span: Span) -> list[Span]:
    """The Doc's noun chunks that lie inside `span` (the Doc's list is computed once)."""
    doc = span.doc
    cached = doc.user_data.get(NOUN_CHUNKS_KEY)
    if cached is None:
        chunks = list(doc.noun_chunks) if doc.has_annotation("DEP") else []
        cached = doc.user_data[NOUN_CHUNKS_KEY] = (chunks, [chunk.start for chunk in chunks])
    chunks, starts = cached
    return _inside(chunks, starts, span)


ENTS_KEY = "factcards.ents"
ENT_STARTS_KEY = "factcards.ent_starts"


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents` (rebuilt from the tokens on every read by spaCy), computed once per Doc."""
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = tuple(doc.ents)
    return ents


def ents_in(span: Span) -> list[Span]:
    """The Doc's entities inside `span`."""
    ents = doc_ents(span.doc)
    starts = span.doc.user_data.get(ENT_STARTS_KEY)
    if starts is None:
        starts = span.doc.user_data[ENT_STARTS_KEY] = [ent.start for ent in ents]
    return _inside(ents, starts, span)


def _inside(spans: Sequence[Span], starts: Sequence[int], span: Span) -> list[Span]:
    """The spans (in order of their `starts`) that lie inside `span`; indexed from the first
    candidate, as slicing a long list from there copies all the rest on every call."""
    inside = []
    for index in range(bisect.bisect_left(starts, span.start), len(spans)):
        candidate = spans[index]
        if candidate.start >= span.end:
            break
        if candidate.end <= span.end:
            inside.append(candidate)
    return inside


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs of `text` (blank-line separated), outer space trimmed."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        start, stop = strip_range(text, position, end)
        if start < stop:
            spans.append((start, stop))
        if match:
            position = match.end()
    return spans


def strip_range(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`..`end` without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


TOKEN_INDEX_KEY = "factcards.token_index"


def tokens_with(span: Span, attribute: str, values: Iterable[str]) -> list[Token]:
    """The tokens of `span`, in order, whose `attribute` is one of `values`: "text", "lower",
    "lemma" (lower-cased) or "pos". The patterns that start from a few words ("(", a copula)
    look them up here instead of making a Token object for every word of every sentence."""
    by_value = _token_index(span.doc)[attribute]
    found: list[int] = []
    for value in values:
        positions = by_value.get(value)
        if positions:
            first = bisect.bisect_left(positions, span.start)
            found.extend(positions[first : bisect.bisect_left(positions, span.end, first)])
    found.sort()
    doc = span.doc
    return [doc[i] for i in found]


def _token_index(doc: Doc) -> dict[str, dict[str, list[int]]]:
    """attribute -> value -> the indices of the tokens with it, in order (made once per Doc)."""
    index = doc.user_data.get(TOKEN_INDEX_KEY)
    if index is None:
        index = {"text": {}, "lower": {}, "lemma": {}, "pos": {}}
        for token in doc:
            i = token.i
            index["text"].setdefault(token.text, []).append(i)
            index["lower"].setdefault(token.lower_, []).append(i)
            index["lemma"].setdefault(token.lemma_.lower(), []).append(i)
            index["pos"].setdefault(token.pos_, []).append(i)
        doc.user_data[TOKEN_INDEX_KEY] = index
    return index
