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
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import QuoteFact, Span
from .text import doc_ents, doc_text, paragraph_spans, strip_range

MIN_QUOTE_WORDS = 6
DIALOGUE_WINDOW = 4
SUBJECT_REACH = 1

# lemmas of verbs that report speech or writing
REPORTING_VERBS = frozenset(
    {
        "acknowledge", "add", "admit", "affirm", "agree", "announce", "answer", "argue", "ask",
        "assert", "cite", "claim", "comment", "complain", "conclude", "confess", "continue",
        "cry", "declare", "demand", "describe", "emphasise", "emphasize", "exclaim", "explain",
        "insist", "maintain", "mutter", "murmur", "note", "object", "observe", "plead",
        "point", "predict", "proclaim", "protest", "remark", "repeat", "reply", "report",
        "respond", "retort", "rejoin", "say", "shout", "speak", "state", "stress", "suggest",
        "sum", "summarise", "summarize", "tell", "urge", "voice", "warn", "whisper", "write",
        "go", "return", "recall", "thunder", "put", "charge", "counter", "caution", "begin",
    }
)  # fmt: skip
# reporting verbs that only report with their particle ("went on", "pointed out", "summed up")
PARTICLE_VERBS = {"go": "on", "point": "out", "sum": "up", "put": "it", "begin": ""}
# past tenses the regular rule gets wrong
IRREGULAR_PAST = {
    "say": "said", "write": "wrote", "tell": "told", "go": "went", "speak": "spoke",
    "put": "put", "begin": "began", "sum": "summed", "cry": "cried", "reply": "replied",
}  # fmt: skip
# a colon after one of these introduces a quotation even without a reporting verb
INTRO_CUES = frozenset(
    {"following", "follows", "passage", "words", "statement", "wrote", "quote", "thus"}
)
TITLE_CUES = frozenset({"entitled", "titled", "called", "named", "headlined", "headed"})
HONORIFICS = frozenset({"comrade", "comrades", "citizen", "the"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "miss", "lady", "madame", "mme", "ms", "ms.", "queen"})
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "colonel", "captain"})
# titles without their full stop, with the gender they give
TITLE_GENDERS = {t.rstrip("."): "f" for t in FEMALE_TITLES} | {
    t.rstrip("."): "m" for t in MALE_TITLES
}
# common English pet names and short forms of given names
NICKNAMES = {
    "lizzy": "elizabeth", "lizzie": "elizabeth", "eliza": "elizabeth", "liz": "elizabeth",
    "beth": "elizabeth", "betsy": "elizabeth", "bess": "elizabeth", "kitty": "catherine",
    "kate": "catherine", "katie": "catherine", "jenny": "jane", "jack": "john", "johnny": "john",
    "bill": "william", "will": "william", "billy": "william", "bob": "robert", "rob": "robert",
    "dick": "richard", "tom": "thomas", "tommy": "thomas", "ned": "edward", "ted": "edward",
    "harry": "henry", "hal": "henry", "jim": "james", "jem": "james", "charlie": "charles",
    "molly": "mary", "polly": "mary", "peggy": "margaret", "meg": "margaret", "nancy": "ann",
    "fanny": "frances", "sally": "sarah", "patty": "martha", "nelly": "eleanor",
    "fred": "frederick",
}  # fmt: skip
PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
# common English given names, so that "he continued" never resolves to "Mary" (modest on purpose:
# a name missing here only falls back to the titles and to what the text teaches)
FEMALE_NAMES = frozenset(
    {
        "agnes", "alice", "amelia", "ann", "anna", "anne", "barbara", "betty", "caroline",
        "catherine", "charlotte", "clara", "dorothy", "eleanor", "elinor", "eliza", "elizabeth",
        "ellen", "emily", "emma", "fanny", "frances", "georgiana", "hannah", "harriet", "helen",
        "isabella", "jane", "jennifer", "jessica", "julia", "kate", "kitty", "laura", "linda",
        "lizzy", "louisa", "lucy", "lydia", "margaret", "maria", "marianne", "martha", "mary",
        "nancy", "patricia", "rosa", "ruth", "sarah", "sophia", "susan", "virginia",
    }
)  # fmt: skip
MALE_NAMES = frozenset(
    {
        "albert", "alexander", "andrew", "arthur", "charles", "christopher", "daniel", "david",
        "edmund", "edward", "frederick", "fitzwilliam", "george", "henry", "hugh", "jack",
        "james", "john", "joseph", "karl", "leon", "michael", "nicholas", "paul", "peter",
        "philip", "richard", "robert", "thomas", "vladimir", "walter", "william",
    }
)  # fmt: skip
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "GPE"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "ccomp", "pcomp", "prep", "pobj"})
# kin named by a relation to someone titled: "said his wife" -> Mrs. X when "his" is Mr. X
SPOUSE_NOUNS = {"wife": "f", "husband": "m", "lady": "f"}
PARENT_NOUNS = {"father": "m", "mother": "f"}
POSSESSIVE_PRONOUNS = {"his": "m", "her": "f"}
# common nouns for people: a subject like "the housekeeper" speaks, and is the "she" after it
PERSON_NOUNS = {
    "aunt": "f", "boy": "m", "brother": "m", "child": "", "cousin": "", "daughter": "f",
    "father": "m", "friend": "", "gentleman": "m", "girl": "f", "housekeeper": "f",
    "husband": "m", "lady": "f", "ladyship": "f", "maid": "f", "man": "m", "mother": "f",
    "niece": "f", "nephew": "m", "servant": "", "sister": "f", "son": "m", "stranger": "",
    "uncle": "m", "wife": "f", "woman": "f", "officer": "m", "companion": "", "visitor": "",
}  # fmt: skip
# verbs that keep the last speaker talking ("he continued", "she added", "he went on")
SAME_SPEAKER_VERBS = frozenset({"continue", "add", "go", "repeat", "resume"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})

DOUBLE_OPENERS = "“„«‟"
DOUBLE_CLOSERS = "”»"
SINGLE_OPENERS = "‘‚‹"
SINGLE_CLOSERS = "’›"
OPENING_CONTEXT = set(" \t\n([{—–-/") | set(DOUBLE_OPENERS) | set(SINGLE_OPENERS) | {'"', "'"}
CLOSING_CONTEXT = set(" \t\n.,;:!?)]}—–-/…") | set(DOUBLE_CLOSERS) | set(SINGLE_CLOSERS)
CLOSING_CONTEXT |= {'"', "'"}
WORD = re.compile(r"[^\W_](?:[\w’'-]*[^\W_])?")
_NAME = r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr)\.? |Miss |Lady |Sir )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
VOCATIVE_START = re.compile(
    r"(?:(?:Oh|O|Ah|Well|Nay|Yes|No)[!,]?\s+)?(?:[Mm]y dear |[Dd]ear )?" + _NAME + r"(?:[,!]|$)"
)
VOCATIVE_END = re.compile(r",\s+(?:my dear |dear )?" + _NAME + r"[.!?]*$")
# a name set off by commas inside speech is said to someone: "Did not you think, Mr. Darcy, that"
VOCATIVE_INSIDE = re.compile(
    r"(?:,|^|[.!?]\s)\s*(?:my dear |dear )?" + _NAME + r"(?:,|[.!?;]|\s+--)"
)
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


# --------------------------------------------------------------------------- quote spans


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Top-level quotations of the paragraph text[start:end]: (open mark, end, closed).

    `end` is just after the closing mark, or the paragraph end when the quote is left open.
    """
    has_double = any(ch in DOUBLE_OPENERS or ch in DOUBLE_CLOSERS or ch == '"' for ch in
                     text[start:end])  # fmt: skip
    stack: list[int] = []
    found: list[tuple[int, int, bool]] = []
    for i in range(start, end):
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
            if opens and not closes and after.isalnum():
                stack.append(i)
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
    # token tables
    char_quote = [-1] * (len(text) + 1)
    for number, quote in enumerate(context.quotes):
        for i in range(quote.open_at, quote.close_at):
            char_quote[i] = number
    context.quote_of_token = [char_quote[token.idx] for token in doc]
    context.sentence_of_token = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        context.sentences.append((sentence.start, sentence.end))
        for i in range(sentence.start, sentence.end):
            context.sentence_of_token[i] = number
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


# --------------------------------------------------------------------------- attribution


def _attribute_all(context: _Context) -> None:
    # explicit attributions first, so that turns of dialogue count from all of them
    for rules in (
        (_by_frame, _by_intro, _by_inheritance),
        (_by_inheritance, _by_paragraph_subject, _by_turns),
    ):
        for number, quote in enumerate(context.quotes):
            if quote.speaker or quote.blocked:
                continue
            for rule in rules:
                if rule(context, number, quote):
                    break
            if quote.speaker:
                quote.speaker = _fuller_name(context, quote.speaker, quote.open_at)
    _fill_exchanges(context)
    # dialogue read backwards: a turn between two turns of one speaker, or before A, B
    for _ in range(3):
        changed = False
        for quote in context.quotes:
            if quote.speaker is None and not quote.blocked and _by_turns_around(context, quote):
                changed = True
        if not changed:
            break
    # a turn nobody can be found for stays unattributed: guessing the nearest person named
    # proved wrong more often than right


def _fill_exchanges(context: _Context) -> None:
    """Two people taking turns: in a run of dialogue paragraphs whose known speakers alternate
    between two people (A, ?, A, B, ?, B), the unknown turns go to whoever speaks at that
    parity. A third speaker starts a new exchange; a turn never goes to the one it addresses,
    nor against the gender its attribution gives ("said she")."""
    turns = [p for p in range(len(context.paragraphs)) if _is_dialogue_turn(context, p)]
    chains: list[list[int]] = []
    for paragraph in turns:
        if chains and chains[-1][-1] == paragraph - 1:
            chains[-1].append(paragraph)
        else:
            chains.append([paragraph])
    for chain in chains:
        for segment in _exchanges(context, chain):
            _fill_exchange(context, segment)


def _is_dialogue_turn(context: _Context, paragraph: int) -> bool:
    said = [q for q in _quotes_in(context, paragraph) if not q.block and not q.title]
    return bool(said) and _is_turn(context, paragraph)


def _turn_of(context: _Context, paragraph: int) -> str | None:
    said = [q.speaker for q in _quotes_in(context, paragraph) if q.speaker and not q.block]
    return said[0] if said else None


def _exchanges(context: _Context, chain: list[int]) -> Iterator[list[tuple[int, str | None]]]:
    """Cut a run of turns where a third person speaks: [(paragraph, speaker or None)]."""
    slots: list[str | None] = [None, None]
    segment: list[tuple[int, str | None]] = []
    for position, paragraph in enumerate(chain):
        speaker = _turn_of(context, paragraph)
        parity = position % 2
        if speaker is not None:
            mine, other = slots[parity], slots[1 - parity]
            fits = (mine is None or _same_person(mine, speaker)) and not (
                other is not None and _same_person(other, speaker)
            )
            if not fits:
                # the turns since the last known one could belong to either exchange
                while segment and segment[-1][1] is None:
                    segment.pop()
                yield segment
                segment, slots = [], [None, None]
            slots[parity] = slots[parity] or speaker
        segment.append((paragraph, speaker))
    yield segment


def _fill_exchange(context: _Context, segment: list[tuple[int, str | None]]) -> None:
    if not segment:
        return
    first = segment[0][0]
    slots: list[str | None] = [None, None]
    for paragraph, speaker in segment:
        if speaker is not None:
            slots[(paragraph - first) % 2] = speaker
    if slots[0] is None and slots[1] is None:
        return
    for parity in (0, 1):
        if slots[parity] is None:
            # the one a turn of the other party addresses speaks next
            for paragraph, _ in segment:
                if (paragraph - first) % 2 != parity:
                    said = [q for q in _quotes_in(context, paragraph) if not q.block]
                    addressed = _addressee(context, said[0]) if said else None
                    if addressed and not _same_person(addressed, slots[1 - parity] or ""):
                        slots[parity] = addressed
                        break
    for paragraph, speaker in segment:
        candidate = slots[(paragraph - first) % 2]
        if speaker is not None or candidate is None:
            continue
        for quote in _quotes_in(context, paragraph):
            if quote.block or quote.speaker or quote.title:
                continue
            if quote.blocked and quote.blocked_gender != _gender(context, candidate):
                continue
            addressed = _addressee(context, quote)
            if addressed and _same_person(addressed, candidate):
                continue
            quote.speaker, quote.via, quote.verb = candidate, "exchange", "said"
            quote.blocked = False


def _by_frame(context: _Context, number: int, quote: _Quote) -> bool:
    """A reporting verb and its subject in the sentence around the quote."""
    if quote.block:
        return False
    after = _frame_after(context, number, quote)
    before = _frame_before(context, number, quote)
    # a trailing attribution right after the quote ("…," said she) binds tightest, unless a
    # new clause starts there (“…,” while Stalin insisted …)
    near_after = []
    for token in after:
        if token.pos_ in ("CCONJ", "SCONJ") or token.dep_ in ("mark", "cc"):
            break
        if not token.is_punct:
            near_after.append(token)
        if len(near_after) == 4:
            break
    for frame, nearest_first, colon_ok in (
        (near_after, near_after, False),
        (before, list(reversed(before)), True),
        (after, after, False),
    ):
        if not frame:
            continue
        ends_in_colon = colon_ok and _ends_with_colon(context, frame, quote.open_at)
        if _attribute_from(context, quote, frame, nearest_first, any_verb=ends_in_colon):
            quote.via = "frame"
            return True
        if quote.blocked:
            return True
    return False


def _by_intro(context: _Context, number: int, quote: _Quote) -> bool:
    """A quote opening its paragraph after a paragraph that ends by introducing it."""
    doc, text = context.doc, doc_text(context.doc)
    paragraph_start = context.paragraphs[quote.paragraph][0]
    if quote.paragraph == 0 or quote.open_at != paragraph_start or quote.continued:
        return False
    previous_start, previous_end = context.paragraphs[quote.paragraph - 1]
    ending = text[previous_start:previous_end].rstrip()
    if not ending.endswith((":", ",")):
        return False
    last = _token_at(doc, previous_end - 1)
    if last is None:
        return False
    first, stop = context.sentences[context.sentence_of_token[last.i]]
    frame = [t for t in doc[first:stop] if not t.is_space and context.quote_of_token[t.i] < 0]
    if ending.endswith(",") or quote.block:
        cue = any(t.lower_ in INTRO_CUES for t in frame)
        any_verb = ending.endswith(":") and (cue or not quote.block)
    else:
        any_verb = True
    if _attribute_from(context, quote, frame, list(reversed(frame)), any_verb=any_verb):
        quote.via = "intro"
        quote.frame = (doc[first].idx, previous_end)
        return True
    return False


def _by_inheritance(context: _Context, number: int, quote: _Quote) -> bool:
    """Right after an attributed quote: "…," said Elizabeth. "…" -> both Elizabeth."""
    if number == 0:
        return False
    previous = context.quotes[number - 1]
    if not previous.speaker:
        return False
    text = doc_text(context.doc)
    same_paragraph = previous.paragraph == quote.paragraph
    gap_words = len(WORD.findall(text[previous.close_at : quote.open_at]))
    whole_paragraph = (
        previous.paragraph == quote.paragraph - 1
        and quote.open_at == context.paragraphs[quote.paragraph][0]
        and previous.open_at == context.paragraphs[previous.paragraph][0]
        and previous.via in ("intro", "inherited-extract")
    )
    if quote.continued or whole_paragraph:
        quote.via = "inherited-extract"
    elif same_paragraph and gap_words <= 12:
        quote.via = "inherited"
    else:
        return False
    quote.speaker, quote.verb = previous.speaker, previous.verb
    quote.work, quote.year = previous.work, previous.year
    return True


def _by_paragraph_subject(context: _Context, number: int, quote: _Quote) -> bool:
    """A quote in a paragraph whose narration has one person as subject: 'Jane smiled. "…"'."""
    if quote.block:
        return False
    start, end = context.paragraphs[quote.paragraph]
    low = bisect.bisect_left(context.mention_keys, start)
    high = bisect.bisect_left(context.mention_keys, end)
    names = {m.name for m in context.mentions[low:high] if m.subject and m.name}
    if len(names) != 1:
        return False
    quote.speaker = names.pop()
    quote.via = "paragraph"
    return True


def _by_turns(context: _Context, number: int, quote: _Quote) -> bool:
    """Dialogue taking turns: a paragraph that is only a quote, after two quote paragraphs of
    two speakers, is the earlier speaker's (A, B, A)."""
    text = doc_text(context.doc)
    if quote.block or not _only_quotes(context, quote.paragraph) or quote.paragraph < 1:
        return False
    said_before = [
        [q for q in _quotes_in(context, paragraph) if q.speaker]
        if _is_turn(context, paragraph)
        else []
        for paragraph in (quote.paragraph - 1, quote.paragraph - 2)
    ]
    if not said_before[0]:
        return False
    last = said_before[0][-1]
    # the one the last speaker addressed ("…, Lizzy?") answers; else the one before the last
    speaker = _addressee(context, last)
    if not speaker or _same_person(speaker, last.speaker or ""):
        speaker = said_before[1][-1].speaker if said_before[1] else None
    if speaker is None or speaker == last.speaker:
        # no A of (A, B, A) and nobody addressed: guessing the other party proved a coin toss
        return False
    addressed = _addressee(context, quote)
    if not speaker or speaker == last.speaker or not text:
        return False
    if addressed and _same_person(speaker, addressed):
        return False  # nobody calls themselves by name
    quote.speaker, quote.via, quote.verb = speaker, "turns", "said"
    return True


def _by_turns_around(context: _Context, quote: _Quote) -> bool:
    """(A, ?, A) -> the other one; (?, A, B) -> B."""
    if quote.block or not _only_quotes(context, quote.paragraph):
        return False
    turns = {offset: _turn_speaker(context, quote.paragraph + offset) for offset in (-1, 1, 2)}
    speaker = None
    if turns[1] and turns[2] and turns[1] != turns[2]:
        speaker = turns[2]
    elif turns[-1] and turns[1] == turns[-1]:
        previous = _quotes_in(context, quote.paragraph - 1)[-1]
        speaker = _addressee(context, previous) or _other_person(context, previous, quote.open_at)
        if speaker == turns[-1]:
            speaker = None
    if not speaker:
        return False
    quote.speaker, quote.via, quote.verb = speaker, "turns", "said"
    return True


def _turn_speaker(context: _Context, paragraph: int) -> str | None:
    """The speaker of a paragraph that opens with a quotation, if known."""
    if not 0 <= paragraph < len(context.paragraphs) or not _has_quote_at_start(context, paragraph):
        return None
    said = [q.speaker for q in _quotes_in(context, paragraph) if q.speaker]
    return said[-1] if said else None


def _addressee(context: _Context, quote: _Quote) -> str | None:
    """A name the quote calls out: "Lizzy, I …", "…, my dear Jane", "Did not you think, Mr. Darcy,
    that …". Only a person the text has named, a titled name or a common given name counts, so
    that "Indeed, …" is no vocative. In a turn of dialogue the other parts of the turn count too
    ("“My dear Mr. Bennet,” said his lady, “have you heard …”")."""
    if quote.addressed:
        return quote.addressed
    found = _vocative(context, quote)
    if found or not _has_quote_at_start(context, quote.paragraph):
        return found
    for other in _quotes_in(context, quote.paragraph):
        if other is not quote and not other.block:  # "Come, Lane," looks like a title
            found = other.addressed or _vocative(context, other)
            if found:
                return found
    return None


def _vocative(context: _Context, quote: _Quote) -> str | None:
    text = doc_text(context.doc)[quote.start : quote.end]
    known: set[str] | None = None  # built on the first candidate: most quotes have none
    for pattern in (VOCATIVE_START, VOCATIVE_END, VOCATIVE_INSIDE):
        for match in pattern.finditer(text):
            if pattern is VOCATIVE_START and match.start() > 0:
                break
            name = match.group("name")
            words = name.lower().split()
            if words[-1].rstrip(".") in {t.rstrip(".") for t in FEMALE_TITLES | MALE_TITLES}:
                continue
            if known is None:
                index = bisect.bisect_left(context.mention_keys, quote.start)
                known = {m.name for m in context.mentions[:index]}
            found = next((k for k in known if _same_person(k, name)), None)
            if found:
                return found
            if len(words) > 1 and words[0] in FEMALE_TITLES | MALE_TITLES:
                return name  # "…, Mr. Bingley?" names a person even before the narration does
            if words[0] in FEMALE_NAMES or words[0] in MALE_NAMES:
                return name
    return None


def _other_person(
    context: _Context,
    last: _Quote | None,
    before: int,
    addressed: str | None = None,
    speakers_only: bool = False,
) -> str | None:
    """The person named or heard most recently before `before` (within a few paragraphs) who
    is neither the last speaker nor the one addressed: the other party of a dialogue."""
    paragraph = _paragraph_at(context, before)
    window = context.paragraphs[max(0, paragraph - DIALOGUE_WINDOW)][0]
    index = bisect.bisect_left(context.mention_keys, before)
    candidates = [
        (m.at, m.name)
        for m in context.mentions[:index]
        if m.at >= window and m.name and not speakers_only
    ]
    candidates += [
        (q.open_at, q.speaker)
        for q in context.quotes
        if q.speaker and window <= q.open_at < before and q.via not in ("nearest", "")
    ]
    excluded = [name for name in (last.speaker if last else None, addressed) if name]
    for _, name in sorted(candidates, reverse=True):
        if not any(_same_person(name, other) for other in excluded):
            return name
    return None


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


def _attribute_from(
    context: _Context,
    quote: _Quote,
    frame: list[Token],
    nearest_first: list[Token],
    any_verb: bool = False,
) -> bool:
    """Find a speaker in `frame` (tokens outside quotations), nearest to the quote first."""
    in_frame = {t.i for t in frame}
    for token in nearest_first:
        name = _according_to(context, token, in_frame)
        if name:
            _set_speaker(context, quote, name, None, frame)
            return True
    candidates = [t for t in nearest_first if _is_reporting_verb(t)]
    if any_verb:
        candidates += [
            t for t in nearest_first if t.pos_ in ("VERB", "AUX") and t not in candidates
        ]
    for verb in candidates:
        subject = _subject_of(verb, in_frame)
        if subject is None:
            continue
        addressed = _addressee(context, quote)
        found = (
            _continuing_speaker(context, quote, subject, verb)
            or _name_in_dialogue(context, quote, subject, verb)
            or _relative_name(context, quote, subject)
            or _name_of(context, subject, exclude=addressed)
        )
        if found is not None and not any(ch.isupper() for ch in found[0]):
            found = None  # "her father": a description, not a name
        if found is None:
            if _is_reporting_verb(verb) and _is_person_word(subject):
                # the text says who spoke, in words we cannot turn into a name: better no
                # speaker than a guess
                quote.blocked = True
                quote.blocked_gender = PERSON_PRONOUNS.get(subject.lower_) or PERSON_NOUNS.get(
                    subject.lemma_.lower(), ""
                )
                quote.via = "blocked"
                return False
            continue
        name, mention = found
        _set_speaker(context, quote, name, verb if _is_reporting_verb(verb) else None, frame)
        quote.addressed = _spoken_to(context, verb, in_frame)
        if mention is not None:
            quote.work = quote.work or mention.work
            quote.year = quote.year or mention.year
        gender = PERSON_PRONOUNS.get(subject.lower_, "")
        _add_mention(context, _Mention(subject.idx, name, gender, True, work=quote.work,
                                       year=quote.year))  # fmt: skip
        return True
    return False


def _spoken_to(context: _Context, verb: Token, in_frame: set[int]) -> str | None:
    """The named person a reporting verb's "to" phrase addresses: "said Elizabeth to Darcy"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to" and prep.i in in_frame:
            for target in prep.children:
                if target.dep_ == "pobj" and target.pos_ == "PROPN":
                    found = _name_of(context, target)
                    return found[0] if found else None
    return None


def _is_person_word(token: Token) -> bool:
    """ "she" (unresolved), "her aunt", "the housekeeper": a person we cannot name."""
    if token.lower_ in PERSON_PRONOUNS:
        return True
    if token.pos_ != "NOUN":
        return False
    possessed = any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in token.children)
    return possessed or token.lemma_.lower() in PERSON_NOUNS


def _set_speaker(
    context: _Context, quote: _Quote, name: str, verb: Token | None, frame: list[Token]
) -> None:
    quote.speaker = name
    quote.verb = _past_tense(verb) if verb is not None else "wrote"
    quote.work = _work_in(context, frame, exclude=name)
    quote.year = _year_in(frame)
    if frame:
        quote.frame = (
            min(quote.frame[0], frame[0].idx) if quote.frame else frame[0].idx,
            max(quote.frame[1], frame[-1].idx + len(frame[-1])) if quote.frame else
            frame[-1].idx + len(frame[-1]),
        )  # fmt: skip


def _according_to(context: _Context, token: Token, in_frame: set[int]) -> str | None:
    """ "according to X", "in the words of X", "X's words"."""
    target: Token | None = None
    if token.lower_ == "according":
        target = next((c for c in token.children if c.lower_ == "to"), None)
        if target is None and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            target = token.nbor()
        target = next((c for c in target.children if c.dep_ == "pobj"), None) if target else None
    elif token.lower_ == "words":
        of = next((c for c in token.children if c.lower_ == "of"), None)
        if of is not None:
            target = next((c for c in of.children if c.dep_ == "pobj"), None)
        else:
            target = next((c for c in token.children if c.dep_ == "poss"), None)
    if target is None or target.i not in in_frame:
        return None
    found = _name_of(context, target)
    return found[0] if found else None


def _frame_before(context: _Context, number: int, quote: _Quote) -> list[Token]:
    """Tokens before the quote in its sentence, after the previous quote of any length."""
    doc = context.doc
    mark = _token_at(doc, quote.open_at)
    if mark is None:
        return []
    first = context.sentences[context.sentence_of_token[mark.i]][0]
    paragraph_start = context.paragraphs[quote.paragraph][0]
    tokens = []
    for token in doc[first : mark.i]:
        if token.idx < paragraph_start:
            continue
        owner = context.quote_of_token[token.i]
        if owner >= 0 and owner != number and _is_speech(context, context.quotes[owner]):
            tokens = []  # only what follows the last long quotation
            continue
        if owner < 0 and not token.is_space:
            tokens.append(token)
    return tokens


def _frame_after(context: _Context, number: int, quote: _Quote) -> list[Token]:
    """Tokens after the quote in its sentence (or a lower-case next sentence: '?" said she.')."""
    doc = context.doc
    if not quote.closed or quote.close_at >= len(doc_text(doc)):
        return []
    mark = _token_at(doc, quote.close_at - 1)
    if mark is None:
        return []
    paragraph_end = context.paragraphs[quote.paragraph][1]
    sentence = context.sentence_of_token[mark.i]
    stop = context.sentences[sentence][1]
    if stop < len(doc) and stop - mark.i <= 2 and sentence + 1 < len(context.sentences):
        following = doc[stop]
        if following.idx < paragraph_end and following.text[:1].islower():
            stop = context.sentences[sentence + 1][1]
    tokens = []
    for token in doc[mark.i + 1 : stop]:
        if token.idx >= paragraph_end:
            break
        owner = context.quote_of_token[token.i]
        if owner >= 0:
            if owner != number and _is_speech(context, context.quotes[owner]):
                break
            continue
        if not token.is_space:
            tokens.append(token)
    return tokens


def _ends_with_colon(context: _Context, frame: list[Token], open_at: int) -> bool:
    between = doc_text(context.doc)[frame[-1].idx : open_at].strip()
    return between.endswith(":") or frame[-1].text == ":"


def _reporting_lemma(token: Token) -> str | None:
    """The lemma of a reporting verb, also for a participle the tagger took for a noun
    (", writing, “…”")."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" or token.tag_.startswith("VB"):
        return lemma if lemma in REPORTING_VERBS else None
    lower = token.lower_
    if lower.endswith("ing") and token.dep_ in CLIMB_DEPS:
        stem = lower[:-3]
        for guess in (stem, stem + "e", stem[:-1]):
            if guess in REPORTING_VERBS:
                return guess
    return None


def _is_reporting_verb(token: Token) -> bool:
    lemma = _reporting_lemma(token)
    if lemma is None:
        return False
    particle = PARTICLE_VERBS.get(lemma)
    if particle is None:
        return True
    if not particle:
        # "she began" reports only with no object: "began to …" / "began the work" do not
        return not any(c.dep_ in ("xcomp", "dobj", "ccomp") for c in token.children)
    return any(c.lower_ == particle for c in token.children)


def _subject_of(verb: Token, in_frame: set[int]) -> Token | None:
    """The verb's subject in the frame, climbing from participles ("…, writing, “…”")."""
    current = verb
    for _ in range(3):
        subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            if subject.i in in_frame:
                return subject
            break
        if current.dep_ == "relcl" and current.head.i in in_frame:
            return current.head
        if current.dep_ not in CLIMB_DEPS or current.head is current:
            break
        current = current.head
    # inverted or misparsed: "said Elizabeth", "cried she", "Elizabeth replied"
    doc = verb.doc
    # "cried his wife", "said her father": a relation right after the verb
    if verb.i + 2 < len(doc) and verb.i + 2 in in_frame:
        owner, noun = doc[verb.i + 1], doc[verb.i + 2]
        if owner.lower_ in POSSESSIVE_PRONOUNS and noun.pos_ == "NOUN":
            return noun
    for i in (verb.i + 1, verb.i - 1):
        if 0 <= i < len(doc) and i in in_frame:
            token = doc[i]
            if token.pos_ == "PROPN" or token.lower_ in PERSON_PRONOUNS:
                return token
    return None


def _continuing_speaker(
    context: _Context, quote: _Quote, subject: Token, verb: Token
) -> tuple[str, _Mention | None] | None:
    """ "he continued", "she added", "he went on": the last one heard, if of that gender."""
    gender = PERSON_PRONOUNS.get(subject.lower_)
    if gender is None or _reporting_lemma(verb) not in SAME_SPEAKER_VERBS:
        return None
    if not _is_reporting_verb(verb):
        return None
    window = context.paragraphs[max(0, quote.paragraph - DIALOGUE_WINDOW)][0]
    for earlier in reversed(context.quotes):
        if earlier.open_at >= quote.open_at or not earlier.speaker or earlier.block:
            continue
        if earlier.open_at < window:
            break
        if _gender(context, earlier.speaker) in ("", gender):
            return earlier.speaker, None
        break
    return None


def _name_of(
    context: _Context, token: Token, exclude: str | None = None
) -> tuple[str, _Mention | None] | None:
    """The name a subject stands for: itself, its entity, or what a pronoun refers to (never
    `exclude`, the one the quote addresses)."""
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        mention = _resolve_pronoun(context, token, exclude)
        return (mention.name, mention) if mention else None
    if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return _name_of(context, token.head.head)
    if token.pos_ == "PRON":
        return None
    doc = token.doc
    titled = token.lower_ in FEMALE_TITLES | MALE_TITLES and token.i + 1 < len(doc)
    if titled and doc[token.i + 1].text[:1].isupper():
        return _name_of(context, doc[token.i + 1])  # "cried Mrs. Bennet": not just "Mrs."
    work = _work_at(context, token)
    if work:
        return work, None
    entity = _entity_of(token)
    if entity is not None and (token.pos_ == "PROPN" or entity.label_ in NAME_LABELS):
        return _clean_name(_with_title(context, entity)), None
    if token.pos_ == "PROPN":
        return _clean_name(_compound_chain(token)), None
    if token.pos_ == "NOUN" and token.text[:1].isupper() and _named_before(context, token):
        return token.text, None  # a name the tagger missed at a sentence start ("Duranty went on")
    if token.pos_ == "NOUN":
        # "the French newspaper Le Temps", "the resolution of the Comintern", "Trotsky's letter"
        for child in token.children:
            if child.dep_ in ("appos", "poss", "compound") and (
                child.pos_ == "PROPN" or _work_at(context, child)
            ):
                return _name_of(context, child)
            if child.dep_ == "prep" and child.lower_ in ("of", "by"):
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and grandchild.pos_ == "PROPN":
                        return _name_of(context, grandchild)
    return None


def _with_title(context: _Context, entity) -> list[Token]:  # entity: a spaCy Span
    """The entity's tokens outside titles of works, with a "Mr."/"Mrs." the NER left out."""
    tokens = [t for t in entity if not _work_at(context, t)]
    doc = entity.doc
    if tokens and entity.start > 0 and doc[entity.start - 1].lower_ in FEMALE_TITLES | MALE_TITLES:
        tokens.insert(0, doc[entity.start - 1])
    return tokens


def _named_before(context: _Context, token: Token) -> bool:
    index = bisect.bisect_left(context.mention_keys, token.idx)
    return any(token.text in m.name.split() for m in context.mentions[:index])


def _entity_of(token: Token):  # -> spacy Span | None
    if not token.ent_type_:
        return None
    for entity in doc_ents(token.doc):
        if entity.start <= token.i < entity.end:
            return entity
    return None


def _compound_chain(token: Token) -> list[Token]:
    parts = [c for c in token.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
    return [*parts, token]


def _clean_name(tokens: list[Token]) -> str:
    while tokens and (tokens[0].lower_ in HONORIFICS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    name = "".join(t.text_with_ws for t in tokens).strip()
    return re.sub(r"\s+", " ", re.sub(r"['’]s$", "", name))


def _work_at(context: _Context, token: Token) -> str | None:
    for start, end in context.works:
        if start <= token.idx < end:
            return doc_text(context.doc)[start:end].strip()
    return None


# --------------------------------------------------------------------------- pronouns


def _collect_mentions(context: _Context) -> None:
    """People named outside quotations and titles: candidates for he/she."""
    doc = context.doc
    person_words = {t.text for e in doc_ents(doc) if e.label_ == "PERSON" for t in e}
    person_words |= {w.lower() for w in person_words}
    for entity in doc_ents(doc):
        if entity.label_ != "PERSON" or context.quote_of_token[entity.start] >= 0:
            continue
        if _work_at(context, entity[0]):
            continue
        name = _clean_name(_with_title(context, entity))
        if name and not name.isupper():
            root = entity.root
            _add_mention(context, _mention(context, root, name))
    for token in doc:
        if (
            token.pos_ == "PROPN"
            and token.dep_ in SUBJECT_DEPS
            and not token.ent_type_
            and context.quote_of_token[token.i] < 0
            and not _work_at(context, token)
        ):
            name = _clean_name(_compound_chain(token))
            if _gender_of_name(name) or name in person_words or token.lower_ in person_words:
                # not "Meryton was…" nor a capitalised "Astonishment": a place is no "he"
                _add_mention(context, _mention(context, token, name))
        elif (
            token.pos_ == "NOUN"
            and token.dep_ in SUBJECT_DEPS
            and context.quote_of_token[token.i] < 0
            and PERSON_NOUNS.get(token.lemma_.lower())
            and any(c.dep_ == "det" for c in token.children)
        ):
            # "The housekeeper came forward … she added": a person without a name, so that the
            # "she" after it is not pinned on the last woman named
            gender = PERSON_NOUNS.get(token.lemma_.lower(), "")
            _add_mention(context, _Mention(token.idx, "", gender, True,
                                           context.sentence_of_token[token.i]))  # fmt: skip
    _learn_genders(context)


def _learn_genders(context: _Context) -> None:
    """ "Mr. Wickham" makes "Wickham" a he, unless "Mrs. Wickham" is named too."""
    seen: dict[str, set[str]] = {}
    for mention in context.mentions:
        words = mention.name.split()
        if mention.gender and len(words) > 1:
            for name in (mention.name, " ".join(words[1:])):
                seen.setdefault(name, set()).add(mention.gender)
    for name, genders in seen.items():
        if len(genders) == 1:
            context.genders.setdefault(name, genders.pop())


def _mention(context: _Context, token: Token, name: str) -> _Mention:
    gender = _gender_of_name(name)
    return _Mention(token.idx, name, gender, token.dep_ in SUBJECT_DEPS,
                    context.sentence_of_token[token.i])  # fmt: skip


def _gender_of_name(name: str) -> str:
    """ "m"/"f" from a title ("Mrs. Long") or a common given name ("Mary"), else ""."""
    words = name.lower().split()
    if not words:
        return ""
    if words[0] in FEMALE_TITLES or words[0] in FEMALE_NAMES:
        return "f"
    if words[0] in MALE_TITLES or words[0] in MALE_NAMES:
        return "m"
    return ""


def _add_mention(context: _Context, mention: _Mention) -> None:
    if mention.gender and mention.name not in context.genders:
        context.genders[mention.name] = mention.gender
    index = bisect.bisect_right(context.mention_keys, mention.at)
    context.mention_keys.insert(index, mention.at)
    context.mentions.insert(index, mention)


def _name_in_dialogue(
    context: _Context, quote: _Quote, subject: Token, verb: Token
) -> tuple[str, _Mention | None] | None:
    """ "he replied" in a turn of dialogue: the one the last turn addressed, else the last person
    of that gender named who did not speak the last turn (a new paragraph is a new speaker)."""
    gender = PERSON_PRONOUNS.get(subject.lower_)
    relation = gender is None and _is_person_word(subject)
    if relation:
        # "cried her husband" answering "…, Mr. Bennet": the one addressed, if a man
        gender = PERSON_NOUNS.get(subject.lemma_.lower()) or None
    if gender is None or quote.block or not _has_quote_at_start(context, quote.paragraph):
        return None
    if _reporting_lemma(verb) in SAME_SPEAKER_VERBS:
        return None
    last = _last_turn(context, quote.paragraph)
    if last is None:
        return None
    addressed = _addressee(context, last)
    addressed_gender = _gender(context, addressed) if addressed else ""
    if (
        addressed
        and addressed != last.speaker
        and addressed_gender in ("", gender)
        and (not relation or addressed_gender == gender)
    ):
        return addressed, None
    if relation:
        return None
    paragraph = _paragraph_at(context, subject.idx)
    window = context.paragraphs[max(0, paragraph - DIALOGUE_WINDOW)][0]
    mention = _antecedent(context, subject.idx, window, gender, exclude=last.speaker)
    return (mention.name, mention) if mention else None


def _relative_name(
    context: _Context, quote: _Quote, subject: Token
) -> tuple[str, _Mention | None] | None:
    """ "cried his wife" -> "Mrs. Bennet" when "his" is Mr. Bennet (the one she addresses, else
    the last man named); "said her father" -> "Mr. Bennet" when "her" is a (Miss) Bennet.
    Only the titled family name is given: a relation to someone without one stays unknown."""
    noun = subject.lower_
    if noun not in SPOUSE_NOUNS and noun not in PARENT_NOUNS:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in POSSESSIVE_PRONOUNS:
        return None
    gender = POSSESSIVE_PRONOUNS[owner.lower_]
    owner_name = None
    addressed = _addressee(context, quote) if noun in SPOUSE_NOUNS else None
    if addressed and _gender(context, addressed) == gender:
        owner_name = addressed
    else:
        paragraph = _paragraph_at(context, subject.idx)
        window = context.paragraphs[max(0, paragraph - DIALOGUE_WINDOW)][0]
        mention = _antecedent(context, subject.idx, window, gender)
        owner_name = mention.name if mention else None
    if not owner_name:
        return None
    title = "Mr." if (SPOUSE_NOUNS.get(noun) or PARENT_NOUNS.get(noun)) == "m" else "Mrs."
    if noun == "lady" and gender != "m":
        return None
    family = _family_name(context, owner_name, married=noun in SPOUSE_NOUNS)
    return (f"{title} {family}", None) if family else None


def _family_name(context: _Context, name: str, married: bool) -> str | None:
    """The family name of a person: "Mr. Bennet" -> "Bennet"; "Bingley" when the text says
    "Mr. Bingley"; "Elizabeth" -> "Bennet" when the text says "Elizabeth Bennet" (only so). For
    a parent of someone known by a given name only, the one married couple the text names
    ("Mr. Bennet" and "Mrs. Bennet")."""
    words = name.split()
    titles = FEMALE_TITLES | MALE_TITLES
    if len(words) > 1:
        if words[0].lower() in titles or not married:
            return " ".join(words[1:]) if words[0].lower() in titles else words[-1]
        return None
    titled = _titled_names(context)
    if name in titled:
        return name
    if married:
        return None
    families = {m.name.split()[-1] for m in context.mentions
                if m.name.startswith(name + " ") and m.name.split()[-1] in titled}  # fmt: skip
    if len(families) == 1:
        return families.pop()
    couples = [family for family, genders in titled.items() if len(genders) == 2]
    return couples[0] if len(couples) == 1 else None


def _titled_names(context: _Context) -> dict[str, set[str]]:
    """Family names the text gives a title ("Mr. Bennet", "Mrs. Bennet"), with their genders."""
    if context.titled is None:
        context.titled = {}
        for mention in context.mentions:
            words = mention.name.split()
            gender = _gender_of_name(mention.name)
            if len(words) == 2 and words[0].lower() in FEMALE_TITLES | MALE_TITLES and gender:
                if words[0].lower().rstrip(".") in ("miss", "lady", "sir"):
                    gender = ""  # "Miss Bennet" is a daughter, "Sir William" a given name
                if gender:
                    context.titled.setdefault(words[1], set()).add(gender)
    return context.titled


def _last_turn(context: _Context, paragraph: int) -> _Quote | None:
    """The last quote of the paragraph before, if that paragraph is a turn of dialogue."""
    if paragraph < 1 or not _is_turn(context, paragraph - 1):
        return None
    said = [q for q in _quotes_in(context, paragraph - 1) if not q.block]
    return said[-1] if said else None


def _gender(context: _Context, name: str) -> str:
    return context.genders.get(name) or _gender_of_name(name)


def _resolve_pronoun(
    context: _Context, pronoun: Token, exclude: str | None = None
) -> _Mention | None:
    """The person most recently named before `pronoun` in its paragraph or the one before.

    Within the nearest sentence that names someone, a subject wins over other mentions.
    """
    gender = PERSON_PRONOUNS[pronoun.lower_]
    paragraph = max(0, _paragraph_at(context, pronoun.idx))
    best = _antecedent(
        context, pronoun.idx, context.paragraphs[max(0, paragraph - 1)][0], gender, exclude
    )
    if best is None and _has_quote_at_start(context, paragraph):
        # in dialogue the speakers were named further back
        window = context.paragraphs[max(0, paragraph - DIALOGUE_WINDOW)][0]
        best = _antecedent(context, pronoun.idx, window, gender, exclude)
    if best is not None and best.sentence >= 0 and (best.work is None or best.year is None):
        first, stop = context.sentences[best.sentence]
        frame = [t for t in context.doc[first:stop] if context.quote_of_token[t.i] < 0]
        best.work = best.work or _work_in(context, frame, exclude=best.name)
        best.year = best.year or _year_in(frame)
    return best


def _antecedent(
    context: _Context, before: int, window_start: int, gender: str, exclude: str | None = None
) -> _Mention | None:
    index = bisect.bisect_left(context.mention_keys, before)
    best: _Mention | None = None
    for mention in reversed(context.mentions[:index]):
        if mention.at < window_start:
            break
        if exclude and _same_person(mention.name, exclude):
            continue
        known = mention.gender or context.genders.get(mention.name, "")
        if known and known != gender:
            continue
        if best is None:
            best = mention
            if mention.subject or mention.sentence < 0:
                break
            continue
        if mention.sentence < best.sentence - SUBJECT_REACH:
            break
        if mention.subject:
            # a subject a sentence or two back is a likelier antecedent than a mere mention
            best = mention
            break
    return best if best is not None and best.name else None


def _same_person(name: str, other: str) -> bool:
    """ "Darcy", "Mr. Darcy" and "Fitzwilliam Darcy" are one person, so are "Elizabeth", "Lizzy",
    "Miss Eliza" and "Elizabeth Bennet"; "Mr. Bennet" and "Mrs. Bennet" are not, nor are
    "Mr. Bennet" and "Jane Bennet"."""
    if name == other:
        return True
    (title, given, family), (other_title, other_given, other_family) = (
        _name_parts(name),
        _name_parts(other),
    )
    if title and other_title and title != other_title:
        return False
    if family and other_family and family != other_family:
        return False
    if given and other_given:
        return given == other_given
    if not (family and other_family):
        # "Elizabeth" / "Elizabeth Bennet", "Darcy" / "Darcy": one word of the other's name
        one_word, other_word = given or family, other_given or other_family
        return bool(one_word and other_word) and (
            one_word in (other_given, other_family) or other_word in (given, family)
        )
    if not (given or other_given) or not (title or other_title):
        return True  # "Mr. Darcy" / "Darcy", "Leon Trotsky" / "Trotsky"
    # the same family, one titled and one by given name: only when the genders agree
    gender = TITLE_GENDERS.get(title or other_title, "")
    return bool(gender) and gender == _given_name_gender(given or other_given)


@functools.lru_cache(maxsize=4096)
def _name_parts(name: str) -> tuple[str, str, str]:
    """(title, given name (nicknames made formal), family name) of a person's name, in lower case.
    A single word without title is taken as given name when it is a common one."""
    words = [w.lower() for w in name.replace(".", "").split()]
    title = words.pop(0) if len(words) > 1 and words[0] in TITLE_GENDERS else ""
    if not words:
        return title, "", ""
    if len(words) == 1:
        word = NICKNAMES.get(words[0], words[0])
        if not title and word in FEMALE_NAMES | MALE_NAMES:
            return title, word, ""
        if title in ("miss", "sir", "lady") and word in FEMALE_NAMES | MALE_NAMES:
            return title, word, ""  # "Miss Eliza", "Sir William": a given name
        return title, "", word
    return title, NICKNAMES.get(words[0], words[0]), words[-1]


def _given_name_gender(given: str) -> str:
    return "f" if given in FEMALE_NAMES else "m" if given in MALE_NAMES else ""


def _paragraph_at(context: _Context, offset: int) -> int:
    starts = [start for start, _ in context.paragraphs]
    return bisect.bisect_right(starts, offset) - 1


def _fuller_name(context: _Context, name: str, before: int) -> str:
    """ "Trotsky" -> "Leon Trotsky" when the text named him so earlier, and only so."""
    if " " in name:
        return name
    fuller = {
        m.name
        for m in context.mentions
        if m.at < before
        and m.name.endswith(" " + name)
        and m.name
        and m.name.split()[0].lower() not in FEMALE_TITLES | MALE_TITLES
    }
    return fuller.pop() if len(fuller) == 1 else name


# --------------------------------------------------------------------------- facts


def _fact_for(context: _Context, quote: _Quote) -> QuoteFact | None:
    text = doc_text(context.doc)
    if not quote.speaker or quote.title or not _is_long(context, quote):
        return None
    if quote.speaker.lower() in PERSON_PRONOUNS:
        return None
    start, end = quote.open_at, quote.close_at
    for offset in (quote.open_at, max(quote.open_at, quote.close_at - 1)):
        token = _token_at(context.doc, offset)
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
    )


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
            mark = _token_at(context.doc, quote.open_at)
            if mark is not None and low <= mark.i <= high + 1:
                # "…Materialism,’" -> "…Materialism’": the comma is the sentence's, not the title's
                return re.sub(r"[,.;:\s]+([’'”\"]*)$", r"\1", text[quote.start : quote.end])
    return None


def _year_in(frame: Iterable[Token]) -> str | None:
    for token in frame:
        if YEAR.match(token.text):
            return token.text
    return None


def _past_tense(verb: Token) -> str:
    lemma = _reporting_lemma(verb) or verb.lemma_.lower()
    if verb.tag_ == "VBD":
        word = verb.lower_
    elif lemma in IRREGULAR_PAST:
        word = IRREGULAR_PAST[lemma]
    elif lemma.endswith("e"):
        word = lemma + "d"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        word = lemma[:-1] + "ied"
    else:
        word = lemma + "ed"
    particle = PARTICLE_VERBS.get(lemma)
    return f"{word} {particle}" if particle else word


# --------------------------------------------------------------------------- helpers


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop the trailing comma a quotation carries inside its marks ("…," he said)."""
    while end > start and text[end - 1] in ", \t\n":
        end -= 1
    return end
