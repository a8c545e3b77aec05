"""Per-Doc caches of whole-document views that spaCy recomputes on every access.

`Doc.text` joins every token each time it is read and `Span.noun_chunks` walks the whole Doc,
so reading them once per fact or per sentence makes extraction quadratic in document length.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

TEXT_KEY = "factcards.text"
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
    inside = []
    for chunk in chunks[bisect.bisect_left(starts, span.start) :]:
        if chunk.start >= span.end:
            break
        if chunk.end <= span.end:
            inside.append(chunk)
    return inside


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
    inside = []
    for ent in ents[bisect.bisect_left(starts, span.start) :]:
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            inside.append(ent)
    return inside
