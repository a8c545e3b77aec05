"""What the quotation modules share: the quotes of one Doc, the people named in it, token
and paragraph tables, and small questions about them (is this paragraph a turn of dialogue?)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .text import doc_text

MIN_QUOTE_WORDS = 6
DIALOGUE_WINDOW = 4
WORD = re.compile(r"[^\W_](?:[\w’'-]*[^\W_])?")
YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")


@dataclass(slots=True)
class _Quote:
    """One quoted stretch of one paragraph, with what attribution finds for it."""

    open_at: int  # offset of the opening mark; the content start for a block quote
    close_at: int  # offset just after the closing mark (or the paragraph end)
    start: int  # content, without the marks
    end: int
    paragraph: int
    closed: bool = True
    block: bool = False
    continued: bool = False  # continues the previous paragraph's unclosed quotation
    title: bool = False
    blocked: bool = False  # its attribution names someone we cannot name ("said her aunt")
    blocked_gender: str = ""  # the gender that attribution gives ("said she" -> "f")
    blocked_pronoun: bool = False  # that attribution is a bare pronoun ("said she", not "her aunt")
    blocked_verb: str = ""  # the lemma of that attribution's verb ("continue" keeps the speaker)
    addressed: str | None = None  # "said Elizabeth to Darcy" -> Darcy
    speaker: str | None = None
    verb: str = "wrote"
    work: str | None = None
    year: str | None = None
    via: str = ""  # which rule attributed it
    frame: tuple[int, int] | None = None  # extra text (the attribution) for the sentence span


@dataclass(slots=True)
class _Mention:
    """A person named (or a speaker resolved) at `at`, a candidate antecedent for he/she."""

    at: int
    name: str
    gender: str = ""  # "m", "f" or unknown
    subject: bool = False
    sentence: int = -1
    work: str | None = None
    year: str | None = None
    relation: int = -1  # token of "her mother" for a person named only by a relation


@dataclass(slots=True)
class _Context:
    doc: Doc
    paragraphs: list[tuple[int, int]]
    quotes: list[_Quote] = field(default_factory=list)
    quote_of_token: list[int] = field(default_factory=list)
    sentence_of_token: list[int] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    works: list[tuple[int, int]] = field(default_factory=list)  # char ranges
    mentions: list[_Mention] = field(default_factory=list)
    mention_keys: list[int] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    by_paragraph: dict[int, list[_Quote]] = field(default_factory=dict)
    titled: dict[str, set[str]] | None = None  # family name -> genders of its titled members
    token_starts: list[int] = field(default_factory=list)  # character offset of each token
    # people the narration names by a relation: (offset, "aunt", possessor's gender, "Mrs. X")
    relatives: list[tuple[int, str, str, str]] | None = None


def _quotes_in(context: _Context, paragraph: int) -> list[_Quote]:
    return context.by_paragraph.get(paragraph, [])


def _only_quotes(context: _Context, paragraph: int) -> bool:
    start, end = context.paragraphs[paragraph]
    text = doc_text(context.doc)
    outside = text[start:end]
    for quote in _quotes_in(context, paragraph):
        if not quote.block:
            outside = outside.replace(text[quote.open_at : quote.close_at], " ")
    return not WORD.search(outside)


def _is_turn(context: _Context, paragraph: int) -> bool:
    """A paragraph of dialogue: it opens with a quotation, or ends with one (“Lady Catherine
    then observed, "…"”)."""
    if paragraph < 0 or _has_quote_at_start(context, paragraph):
        return paragraph >= 0
    quotes = [q for q in _quotes_in(context, paragraph) if not q.block]
    if not quotes:
        return False
    text = doc_text(context.doc)
    tail = text[quotes[-1].close_at : context.paragraphs[paragraph][1]]
    return not WORD.search(tail) and _is_speech(context, quotes[-1])


def _has_quote_at_start(context: _Context, paragraph: int) -> bool:
    start = context.paragraphs[paragraph][0]
    return any(q.open_at == start and not q.block for q in _quotes_in(context, paragraph))


def _work_at(context: _Context, token: Token) -> str | None:
    for start, end in context.works:
        if start <= token.idx < end:
            return doc_text(context.doc)[start:end].strip()
    return None


def _paragraph_at(context: _Context, offset: int) -> int:
    starts = [start for start, _ in context.paragraphs]
    return bisect.bisect_right(starts, offset) - 1


def _is_speech(context: _Context, quote: _Quote) -> bool:
    """A quotation that ends an attribution frame: long, and not a title."""
    return not quote.title and _is_long(context, quote)


def _is_long(context: _Context, quote: _Quote) -> bool:
    return _word_count(doc_text(context.doc), quote) >= MIN_QUOTE_WORDS


def _word_count(text: str, quote: _Quote) -> int:
    return len(WORD.findall(text[quote.start : quote.end]))


def _work_in(context: _Context, frame: Iterable[Token], exclude: str) -> str | None:
    """A title in the attribution: a marked work, or a title-cased quotation ("in his “…”")."""
    text = doc_text(context.doc)
    seen: set[int] = set()
    for token in frame:
        work = _work_at(context, token)
        if work and work != exclude and exclude not in work:
            return work
        seen.add(token.i)
    if not seen:
        return None
    low, high = min(seen), max(seen)
    for quote in context.quotes:
        if quote.title and not quote.block:
            mark = _token_at(context, quote.open_at)
            if mark is not None and low <= mark.i <= high + 1:
                # "…Materialism,’" -> "…Materialism’": the comma is the sentence's, not the title's
                return re.sub(r"[,.;:\s]+([’'”\"]*)$", r"\1", text[quote.start : quote.end])
    return None


def _year_in(frame: Iterable[Token]) -> str | None:
    for token in frame:
        if YEAR.match(token.text):
            return token.text
    return None


def _token_at(context: _Context, offset: int) -> Token | None:
    """The token covering the character at `offset`, if a token does."""
    index = bisect.bisect_right(context.token_starts, offset) - 1
    if index < 0:
        return None
    token = context.doc[index]
    return token if offset < token.idx + len(token) else None
