"""Attributed quotations: quoted words of six or more words with their speaker or source.

A two-stage sieve in the spirit of QuoteLi3 / CoreNLP quote attribution (Muzny et al. 2017):

1. *Quote spans.* Quotation marks are paired per paragraph with a stack: a mark opens or closes
   by what flanks it (space before -> opens, space or punctuation after -> closes), the glyph
   decides only when the context does not, so sloppy typography (“…" or "…”) still pairs.
   Quotes nested inside a quote are part of it. A quote left open at a paragraph's end runs to
   that end (the next paragraph continues it when it opens with a mark, as prose convention has
   it). A paragraph without marks that follows a paragraph ending in ":" (or "," after a
   reporting verb) whose last clause names a speaker is a block quotation.
2. *Attribution*, first rule that names someone wins: a reporting verb with its subject next to
   the quote in the same sentence ("X wrote …", "…, said X", "X declared that …"); "according
   to X" / "in the words of X" / "X's words"; a clause ending in a colon before the quote
   ("Trotsky wrote in his *Results and Prospects*: “…”"), also from the paragraph before;
   a quote right after another quote of the same paragraph, or the next paragraph of a
   multi-paragraph extract, inherits its speaker; a paragraph whose narration has a single
   person as subject gives them its quotes; in dialogue (paragraphs that are only a quote)
   speakers take turns (A, B, A), else the last other person named, not the one addressed.
   Pronoun subjects ("he continued") resolve to the most recent person of that gender named
   before them in the paragraph or the one before (further back in dialogue).

Quotes under six words (scare quotes), titles in quotation marks and quotes nobody can be
found for are not yielded.

Modules: this one pairs marks and builds the per-Doc tables (`quote_context.py`); `people.py`
names people and resolves pronouns (a "she" in narration carries on the one it stands for);
`speakers.py` is the sieve; `dialogue.py` the turn-taking rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from ..model import QuoteFact, Span
from .people import PERSON_PRONOUNS, _collect_mentions
from .quote_context import WORD, _Context, _is_long, _Quote, _token_at, _word_count
from .speakers import _attribute_all
from .text import doc_text, paragraph_spans, strip_range

__all__ = ["PERSON_PRONOUNS", "find_quotes", "quote_spans"]

TITLE_CUES = frozenset({"entitled", "titled", "called", "named", "headlined", "headed"})
DOUBLE_OPENERS = "“„«‟"
DOUBLE_CLOSERS = "”»"
SINGLE_OPENERS = "‘‚‹"
SINGLE_CLOSERS = "’›"
OPENING_CONTEXT = set(" \t\n([{—–-/") | set(DOUBLE_OPENERS) | set(SINGLE_OPENERS) | {'"', "'"}
CLOSING_CONTEXT = set(" \t\n.,;:!?)]}—–-/…") | set(DOUBLE_CLOSERS) | set(SINGLE_CLOSERS)
CLOSING_CONTEXT |= {'"', "'"}
# the marks themselves, so that pairing visits them alone and not every character
DOUBLE_MARK = re.compile('["' + DOUBLE_OPENERS + DOUBLE_CLOSERS + "]")
ANY_MARK = re.compile(
    "[\"'" + DOUBLE_OPENERS + DOUBLE_CLOSERS + SINGLE_OPENERS + SINGLE_CLOSERS + "]"
)


def find_quotes(doc: Doc) -> Iterator[QuoteFact]:
    """Yield a QuoteFact for every attributed quotation of six words or more in `doc`."""
    if not doc_text(doc).strip():
        return
    context = _make_context(doc)
    _attribute_all(context)
    for quote in context.quotes:
        fact = _fact_for(context, quote)
        if fact is not None:
            yield fact


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Top-level quotations of the paragraph text[start:end]: (open mark, end, closed).

    `end` is just after the closing mark, or the paragraph end when the quote is left open.
    """
    has_double = DOUBLE_MARK.search(text, start, end) is not None
    stack: list[int] = []
    found: list[tuple[int, int, bool]] = []
    for match in (DOUBLE_MARK if has_double else ANY_MARK).finditer(text, start, end):
        i = match.start()
        ch = text[i]
        double = ch == '"' or ch in DOUBLE_OPENERS or ch in DOUBLE_CLOSERS
        single = ch == "'" or ch in SINGLE_OPENERS or ch in SINGLE_CLOSERS
        if not double and not single:
            continue
        if single and has_double:
            continue  # nested in a quotation, or an apostrophe among double-quoted prose
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        opens = before in OPENING_CONTEXT and after not in " \t\n"
        closes = after in CLOSING_CONTEXT and before not in " \t\n"
        if single:
            # an apostrophe ("workers’ rule", "don't") is neither; a quote-like closer follows
            # punctuation or a word end, and only closes an opener we have
            if opens and not closes and after.isalnum() and ch not in SINGLE_CLOSERS:
                stack.append(i)  # "the lord ’s castle" (tokenised text): an apostrophe
            elif closes and stack and text[i - 1] in ".,!?;:…—":
                found.append((stack.pop(), i + 1, True))
                stack.clear()
            continue
        if opens == closes:  # the context does not say: the glyph does, a straight mark toggles
            opens = ch in DOUBLE_OPENERS or (ch == '"' and not stack)
            closes = not opens
        if opens:
            stack.append(i)
        elif stack:
            open_at = stack.pop()
            if not stack:
                found.append((open_at, i + 1, True))
    if stack:
        found.append((stack[0], end, False))
    return found


def _make_context(doc: Doc) -> _Context:
    text = doc_text(doc)
    context = _Context(doc=doc, paragraphs=paragraph_spans(text))
    for index, (start, end) in enumerate(context.paragraphs):
        for open_at, close_at, closed in quote_spans(text, start, end):
            content_start, content_end = strip_range(text, open_at + 1, close_at - closed)
            content_end = _trim_end(text, content_start, content_end)
            if content_start >= content_end:
                continue
            context.quotes.append(
                _Quote(open_at, close_at, content_start, content_end, index, closed=closed)
            )
    for previous, quote in zip(context.quotes, context.quotes[1:], strict=False):
        if (
            not previous.closed
            and quote.paragraph == previous.paragraph + 1
            and quote.open_at == context.paragraphs[quote.paragraph][0]
        ):
            quote.continued = True
    _add_block_quotes(context)
    for quote in context.quotes:
        context.by_paragraph.setdefault(quote.paragraph, []).append(quote)
    context.works = [(span.start_char, span.end_char) for span in doc.spans.get("works", [])]
    # token tables, from spaCy's arrays: making a Token object per token is what costs
    token_starts = doc.to_array(IDX).tolist()
    context.token_starts = token_starts
    context.quote_of_token = [-1] * len(doc)
    for number, quote in enumerate(context.quotes):
        low = bisect.bisect_left(token_starts, quote.open_at)
        high = bisect.bisect_left(token_starts, quote.close_at)
        context.quote_of_token[low:high] = [number] * (high - low)
    context.sentence_of_token = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        context.sentences.append((sentence.start, sentence.end))
        context.sentence_of_token[sentence.start : sentence.end] = [number] * len(sentence)
    for quote in context.quotes:
        quote.title = not quote.block and _looks_like_title(context, quote)
    _collect_mentions(context)
    return context


def _add_block_quotes(context: _Context) -> None:
    """Paragraphs quoted without marks: after an introducing ":" (or marked by ingest)."""
    text = doc_text(context.doc)
    marked = {
        index
        for index, (start, end) in enumerate(context.paragraphs)
        for span in context.doc.spans.get("block_quotes", [])
        if span.start_char <= start and end <= span.end_char + 1
    }
    quoted_paragraphs = {q.paragraph for q in context.quotes if _word_count(text, q) >= 3}
    for index in range(1, len(context.paragraphs)):
        start, end = context.paragraphs[index]
        previous_text = text[slice(*context.paragraphs[index - 1])].rstrip()
        if index in marked or (
            previous_text.endswith((":", ","))
            and index not in quoted_paragraphs
            and text[start] not in DOUBLE_OPENERS + '"'
        ):
            block = _Quote(start, end, start, _trim_end(text, start, end), index, block=True)
            bisect.insort(context.quotes, block, key=lambda q: q.open_at)


def _fact_for(context: _Context, quote: _Quote) -> QuoteFact | None:
    text = doc_text(context.doc)
    if not quote.speaker or quote.title or not _is_long(context, quote):
        return None
    if quote.speaker.lower() in PERSON_PRONOUNS:
        return None
    start, end = quote.open_at, quote.close_at
    for offset in (quote.open_at, max(quote.open_at, quote.close_at - 1)):
        token = _token_at(context, offset)
        if token is not None:
            first, stop = context.sentences[context.sentence_of_token[token.i]]
            start = min(start, context.doc[first].idx)
            last = context.doc[stop - 1]
            end = max(end, last.idx + len(last))
    if quote.frame:
        start, end = min(start, quote.frame[0]), max(end, quote.frame[1])
    paragraph_start = context.paragraphs[quote.paragraph][0]
    if not quote.frame or quote.frame[0] >= paragraph_start:
        start = max(start, paragraph_start)  # a sentence never starts in the paragraph before
    end = min(end, context.paragraphs[quote.paragraph][1])
    start, end = strip_range(text, start, end)
    return QuoteFact(
        sentence=Span(start, end, text[start:end]),
        quote=Span(quote.start, quote.end, text[quote.start : quote.end]),
        speaker=quote.speaker,
        verb=quote.verb,
        work=quote.work,
        year=quote.year,
        key=key_phrase(context.doc, quote.start, quote.end),
    )


# words a quote's key phrase is made of; an adverb only as a modifier ("excessively loose")
KEY_WORD_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "NUM"})
KEY_MODIFIER_POS = KEY_WORD_POS | {"ADV"}
# a phrase's words before its head: "the {{whole uncertainty}}", "{{excessively loose credit
# conditions}}"; a subject before its predicate ("our friend | mercenary") is two phrases
PREMODIFIER_DEPS = frozenset({"compound", "amod", "nummod", "nmod", "advmod", "npadvmod"})
MAX_KEY_WORDS = 4


def key_phrase(doc: Doc, start: int, end: int) -> Span | None:
    """The quote's key phrase: its last run of content words that is one phrase (each word
    before the last modifies a later one), ending in a noun, adjective, verb or number, whose
    words the rest of the quote does not repeat (English puts new information last)."""
    text = doc_text(doc)
    quoted = doc.char_span(start, end, alignment_mode="contract")
    if quoted is None:
        return None
    for run in reversed(list(_phrase_runs(quoted))):
        run = run[-MAX_KEY_WORDS:]
        first, last = _whole_words(doc, run[0].i, run[-1].i)
        phrase = text[first:last].lower()
        rest = f"{text[start:first]} … {text[last:end]}".lower()
        if re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", rest) is None:
            return Span(first, last, text[first:last])
    return None


def _whole_words(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Character bounds of tokens first..last, grown over hyphens inside a word ("to-day")."""
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_:
        if doc[first - 1].whitespace_:
            break
        first -= 2
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_:
        if doc[last + 1].whitespace_:
            break
        last += 2
    return doc[first].idx, doc[last].idx + len(doc[last])


def _phrase_runs(tokens) -> Iterator[list[Token]]:
    """Runs of content words, each cut where a word does not modify a later word of its run."""
    run: list[Token] = []
    for token in tokens:
        # spaCy's stop list holds "fifty" and "first": a number or adjective is content
        content = token.pos_ in KEY_MODIFIER_POS and token.dep_ != "prt"
        content = content and (token.pos_ in {"NUM", "ADJ"} or not token.is_stop)
        if content and run and not _modifies_later(run[-1], token):
            yield from _ending_in_a_key_word(run)
            run = []
        if content:
            run.append(token)
        elif run:
            yield from _ending_in_a_key_word(run)
            run = []
    if run:
        yield from _ending_in_a_key_word(run)


def _modifies_later(word: Token, following: Token) -> bool:
    """Whether `word` premodifies `following` or a word after it in the same phrase."""
    return word.dep_ in PREMODIFIER_DEPS and word.head.i >= following.i


def _ending_in_a_key_word(run: list[Token]) -> Iterator[list[Token]]:
    """The run, if its last word can be the key: a noun, adjective, verb or number, or a
    comparative adverb ("much farther"); "indeed", "undoubtedly" are asides."""
    if run[-1].pos_ in KEY_WORD_POS or run[-1].tag_ == "RBR":
        yield run


def _looks_like_title(context: _Context, quote: _Quote) -> bool:
    """ "Three Conceptions of the Russian Revolution", or anything `entitled "…"`."""
    text = doc_text(context.doc)
    words = WORD.findall(text[quote.start : quote.end])
    if not words:
        return True
    long_words = [w for w in words if len(w) >= 4] or words
    capitalised = sum(w[0].isupper() for w in long_words) / len(long_words)
    inner = text[quote.start : quote.end].rstrip(",.;: ")
    if capitalised >= 0.7 and not re.search(r"[.!?;]\s", inner) and len(words) <= 14:
        return True
    before = WORD.findall(text[max(0, quote.open_at - 30) : quote.open_at])
    return bool(before) and before[-1].lower() in TITLE_CUES


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop the trailing comma a quotation carries inside its marks ("…," he said)."""
    while end > start and text[end - 1] in ", \t\n":
        end -= 1
    return end
