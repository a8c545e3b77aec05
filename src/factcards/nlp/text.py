"""Per-Doc caches of whole-document views that spaCy recomputes on every access.

`Doc.text` joins every token each time it is read and `Span.noun_chunks` walks the whole Doc,
so reading them once per fact or per sentence makes extraction quadratic in document length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

import numpy as np
from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

TEXT_KEY = "factcards.text"
# tags of a verb with a tense of its own (or a modal): the head of a full clause
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
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


TOKEN_COLUMNS_KEY = "factcards.token_columns"
TOKEN_POSITIONS_KEY = "factcards.token_positions"
_ATTRIBUTE_IDS = {"text": ORTH, "lower": LOWER, "lemma": LEMMA, "pos": POS}


def tokens_with(span: Span, attribute: str, values: Iterable[str]) -> list[Token]:
    """The tokens of `span`, in order, whose `attribute` is one of `values`: "text", "lower",
    "lemma" (lower-cased) or "pos". The patterns that start from a few words ("(", a copula)
    look them up here instead of making a Token object for every word of every sentence."""
    positions = _positions(span.doc, attribute, frozenset(values))
    first = bisect.bisect_left(positions, span.start)
    last = bisect.bisect_left(positions, span.end, first)
    doc = span.doc
    return [doc[i] for i in positions[first:last]]


def _positions(doc: Doc, attribute: str, values: frozenset[str]) -> list[int]:
    """The indices of the Doc's tokens whose `attribute` is one of `values`, found once per Doc
    and query in the Doc's attribute array (no Token objects made)."""
    cache = doc.user_data.setdefault(TOKEN_POSITIONS_KEY, {})
    positions = cache.get((attribute, values))
    if positions is None:
        column = _token_column(doc, attribute)
        if attribute == "lemma":  # any casing of the lemma: its ids are looked up by name
            wanted = [i for value in values for i in _lemma_ids(doc).get(value, ())]
        else:  # the id of a string (or symbol, as a POS is) is its hash
            wanted = [get_string_id(value) for value in values]
        positions = np.flatnonzero(np.isin(column, np.array(wanted, dtype=column.dtype))).tolist()
        cache[(attribute, values)] = positions
    return positions


def _token_column(doc: Doc, attribute: str) -> np.ndarray:
    """The attribute's ids, token by token (made once per Doc)."""
    columns = doc.user_data.setdefault(TOKEN_COLUMNS_KEY, {})
    column = columns.get(attribute)
    if column is None:
        column = columns[attribute] = doc.to_array(_ATTRIBUTE_IDS[attribute])
    return column


def _lemma_ids(doc: Doc) -> dict[str, list[int]]:
    """lower-cased lemma -> the ids of the lemmas of the Doc that are it (made once per Doc)."""
    columns = doc.user_data.setdefault(TOKEN_COLUMNS_KEY, {})
    ids = columns.get("lemma ids")
    if ids is None:
        ids = columns["lemma ids"] = {}
        strings = doc.vocab.strings
        for lemma_id in np.unique(_token_column(doc, "lemma")).tolist():
            ids.setdefault(strings[lemma_id].lower(), []).append(lemma_id)
    return ids
