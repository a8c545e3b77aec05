"""Dates tied to events: explicit dates, ranges, years used as modifiers, and relative dates.

Candidates come from regular expressions over the text (the small spaCy model misses many
dates) plus spaCy DATE entities that hold a year. Vague expressions ("today", "the decade",
"several months later") are skipped; a decade ("the 1920s") is kept only when a clause or an
event noun says what happened in it. Relative dates are resolved, never guessed: "this year",
"last year" against the document's own date, "that year", "two years later" against the last
explicit year in the same or the previous few paragraphs.

Each date gets the clause it modifies (`clauses.clause_for`, for "When did ...?") unless that
clause names no event (a copula), no actor (an unresolved pronoun) or a bound rather than a time
("since 1990"); a date modifying a noun gets that noun phrase as `event` ("Lenin's death").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Clause, DateFact
from ..model import Span as TextSpan
from ..vocabulary import MONTH_NUMBERS
from .clauses import (
    DEMONSTRATIVE_WORDS,
    clause_for,
    is_expletive_it,
    join_tokens,
    resolve_pronoun,
    shares_main_subject,
)
from .in_situ import in_situ_frame
from .text import FINITE_VERB_TAGS, doc_ents, doc_text, paragraph_spans

DOCUMENT_DATE_KEY = "factcards.document_date"
WORKS_KEY = "works"  # doc.spans key of titles of works (see nlp/pipeline.py)
MAX_DATE_TOKENS = 12  # a longer "date" is a clause, not an expression
# nouns that name a stretch of time: a date modifying them dates no event
TIME_NOUNS = frozenset(
    {"year", "period", "decade", "month", "week", "day", "quarter", "half", "season", "time"}
)

MONTHS = MONTH_NUMBERS
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}
QUARTERS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4}
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
# "<word> year" resolved against the document's own date, with its offset in years
DOCUMENT_RELATIVE: dict[str, int] = {"this": 0, "last": -1, "next": 1}
# words before a number that make it a reference, not a year ("page 1917", "No. 1984")
REFERENCE_WORDS = frozenset(
    {"no", "no.", "nos", "nos.", "number", "#", "page", "pages", "p.", "pp."}
)
# tags of verbs that carry an event; a date in a line without one (a byline) is not an event
EVENT_VERB_POS = frozenset({"VERB", "AUX"})
# verbs that, with nothing after them, stand for a verb of another clause ("as she did")
ELLIPTIC_LEMMAS = frozenset({"do", "happen"})
# an opening pronoun whose name a cloze shows: only people are resolved well enough
PERSON_SUBJECT_PRONOUNS = frozenset({"he", "she"})
# with the demonstratives, a subject that points back to the sentences before ("This meant that
# …", "It became KRNV …" when no name before says what "it" is): no cloze shows what
THING_SUBJECT_PRONOUNS = frozenset({"it", "they"})
SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "one", "this", "that"})
# prepositions that make a date a bound ("since 1990"): "When did ...?" would ask the wrong thing
BOUNDING_PREPOSITIONS = frozenset(
    {"since", "until", "till", "by", "before", "after", "to", "through", "throughout", "from"}
)
# nouns naming events that no suffix gives away ("the war in 1914")
EVENT_NOUNS = frozenset(
    {
        "war", "death", "birth", "split", "strike", "crisis", "congress", "conference",
        "coup", "uprising", "revolt", "rising", "massacre", "defeat", "victory", "trial",
        "visit", "speech", "lecture", "report", "article", "book", "letter", "critique",
        "talk", "meeting", "vote", "crash", "fall", "rise", "purge", "famine", "treaty",
        "campaign", "battle", "siege", "flood", "earthquake", "fire", "attack", "raid",
        "merger", "sale", "launch", "release", "debut", "exile", "return", "murder",
    }
)  # fmt: skip
EVENT_NOUN_SUFFIXES = ("tion", "sion", "ment", "ure", "al", "ing", "ance", "ence", "ade", "ism")
# entity types that are places, people or groups: "Russia in 1917" is not an event
NON_EVENT_ENTITIES = frozenset({"GPE", "LOC", "PERSON", "NORP", "ORG", "FAC"})
# nouns that a 4-digit number counts rather than dates ("in 1000 cases")
COUNTED_NOUN_TAGS = frozenset({"NNS", "NNPS"})
# paragraphs back (besides the current one) in which a relative date may find its anchor
ANCHOR_PARAGRAPHS = 3

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# a year is not part of a bigger number, a decade, an amount or a code
_YEAR_END = r"(?![\d%]|s\b|['’]s\b|,\d|\.\d|-[a-z])"
_YEAR_START = r"(?<![\d,.$£€#/\w-])"
_DASH = r"[ \t]*[-–—][ \t]*"  # never across a line break
_PART = (
    r"(?:(?:the\s+)?(?:(?:very\s+)?(?:end|beginning|start|middle|close|turn)"
    r"|(?:first|second|last|latter|early|later)\s+(?:half|part)"
    r"|(?:first|second|third|fourth|last)\s+quarter|(?:first|last)\s+(?:two|three)\s+quarters"
    r"|(?:a\s+)?good\s+part|the\s+better\s+part|most)\s+of\s+)"
)
_MODIFIER = r"(?:(?:fiscal|early|late|mid|post|pre)[\s-]+)"

# (pattern name, regex); tried in this order at each position, so longer forms come first
DATE_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"{_YEAR_START}(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    (
        "month_day_range",
        rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:{_DASH}|\s+(?:to|until|through)\s+)"
        rf"(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY}),?\s+(?P<y>{_YEAR}){_YEAR_END}",
    ),
    (
        "month_day_year",
        rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR}){_YEAR_END}",
    ),
    (
        "day_month_year",
        rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR}){_YEAR_END}",
    ),
    (
        "month_year",
        rf"\b(?P<part>{_PART}|{_MODIFIER})?(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR}){_YEAR_END}",
    ),
    (
        "season_year",
        rf"\b(?P<part>{_PART}|{_MODIFIER})?(?:[Tt]he\s+(?={_SEASON}\s+of\s))?(?P<s>{_SEASON}),?\s+"
        rf"(?:of\s+)?(?P<y>{_YEAR}){_YEAR_END}",
    ),
    (
        "between_years",
        # "from 1914 to 1918"; season years too: "from 1982-83 to 1985-86" runs 1982 to 1986
        rf"\b(?P<w>[Bb]etween|[Ff]rom)\s+(?P<y1>{_YEAR})(?:{_DASH}(?P<s1>\d\d))?\s+"
        rf"(?:and|to|until|till)\s+(?P<y2>{_YEAR})(?:{_DASH}(?P<s2>\d\d))?{_YEAR_END}(?!-)",
    ),
    (
        "year_range",
        rf"{_YEAR_START}(?P<y1>{_YEAR}){_DASH}(?P<y2>{_YEAR}|\d\d){_YEAR_END}(?!-)",
    ),
    (
        "year_period",
        rf"\b(?:[Tt]he\s+)?{_YEAR_START}(?P<y>{_YEAR})\s+(?:(?:first|second|third|fourth)\s+)?"
        r"(?:period|quarter|half)\b",
    ),
    (
        "year",
        rf"(?:\b(?P<part>{_PART}|{_MODIFIER})|{_YEAR_START})(?P<y>{_YEAR}){_YEAR_END}"
        r"(?:\s+(?:or\s+later|or\s+earlier|and\s+beyond|onwards?))?",
    ),
    (
        "decade",
        rf"\b(?P<part>{_PART}|{_MODIFIER})?(?:[Tt]he\s+)?(?P<early>(?:early|mid|late)[\s-]+)?"
        r"(?P<d>1[0-9]{2}|20[0-9])0['’]?s\b",
    ),
    (
        "month_of_relative",
        rf"\b(?P<part>{_PART}|{_MODIFIER})?(?P<m>{_MONTH}|{_SEASON})\s+(?:of\s+)?(?:that|the\s+same|the\s+following|the\s+next"
        rf"|the\s+previous|this|last|next)\s+year\b",
    ),
    (
        "relative_year",
        r"\b(?:[Tt]hat|[Tt]he\s+same|[Tt]he\s+following|[Tt]he\s+next|[Tt]he\s+previous"
        r"|[Tt]his|(?<![Tt]he\s)(?:[Ll]ast|[Nn]ext))\s+year\b",
    ),
    (
        "years_offset",
        r"\b(?P<n>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine"
        r"|[Tt]en|[Ee]leven|[Tt]welve|[Ff]ifteen|[Tt]wenty|\d{1,2})\s+years?\s+"
        # "two years after, …" counts from the date before; "two years after Yonten Gyatso
        # died" counts from an event the sentence names, not from that date: no match
        r"(?P<dir>later|earlier|afterwards?|on|(?:before|after)(?=\s*(?:[,.;:)]|$)))"
        r"\b(?!\s+(?:the|a|an|his|her|its)\b)",
    ),
]
# the characters a match of the slowest patterns can start with (a part of the year or a
# modifier, then the month, season, article or digit of each): a lookahead on them lets the
# regex skip all other positions at once instead of trying every alternative at each
_PART_OR_MODIFIER_FIRST = "abcefglmpstv"
_MONTH_FIRST = "ADFJMNOS"
_SEASON_FIRST = "SsAaFfWw"
LEADING_CHARACTERS: dict[str, str] = {
    "month_year": _PART_OR_MODIFIER_FIRST + _MONTH_FIRST,
    "season_year": _PART_OR_MODIFIER_FIRST + "Tt" + _SEASON_FIRST,
    "year": _PART_OR_MODIFIER_FIRST + "12",
    "decade": _PART_OR_MODIFIER_FIRST + "Tt" + "eml" + "12",
    "month_of_relative": _PART_OR_MODIFIER_FIRST + _MONTH_FIRST + _SEASON_FIRST,
}


def _guarded(name: str, pattern: str) -> str:
    first = LEADING_CHARACTERS.get(name)
    return f"(?=[{''.join(sorted(set(first)))}]){pattern}" if first else pattern


_COMPILED = [(name, re.compile(_guarded(name, pattern))) for name, pattern in DATE_PATTERNS]
RELATIVE_KINDS = frozenset({"month_of_relative", "relative_year", "years_offset"})
# an author-year citation in brackets: names, "and"/"&"/"et al.", a year (with a letter, a
# page), several of them separated by ";"
_CITED = (
    r"[A-Z][\w'’-]+(?:(?:,? (?:and|&) | )[A-Z][\w'’-]+)*(?: et al\.?)?,? \d{4}[a-z]?"
    r"(?:, p+\. ?\d+)?"
)
CITATION_RE = re.compile(rf"{_CITED}(?: ?; ?{_CITED})*")
MAX_CITATION_CHARS = 200


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found in the text, before it is tied to a sentence and clause."""

    start: int
    end: int
    kind: str
    value: str | None
    year: int | None  # the year it anchors later relative dates to (None: not an anchor)
    text: str = ""


def find_dates(doc: Doc) -> Iterator[DateFact]:
    """One DateFact per date expression tied to a sentence (several per sentence possible)."""
    paragraph_starts = _paragraph_starts(doc_text(doc))
    document_year = _document_year(doc)
    seen: set[tuple[int, int]] = set()
    works = (
        [(w.start_char, w.end_char) for w in doc.spans[WORKS_KEY]] if WORKS_KEY in doc.spans else []
    )
    for match in resolve_relative(date_matches(doc), paragraph_starts, document_year):
        if match.value is None:
            continue
        if any(start < match.end and match.start < end for start, end in works):
            continue  # a year in a title ("Nineteen Eighty-Four", "1905") dates no event
        if _in_citation(doc_text(doc), match.start, match.end):
            continue  # "(Caldwell and Caldwell 2006)" dates a publication, not the event
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or len(span) == 0 or len(span) > MAX_DATE_TOKENS:
            continue
        sentence = span[0].sent
        if span.end > sentence.end:
            continue  # a "range" across a sentence or paragraph break is two numbers
        key = (sentence.start, match.start)
        if key in seen:
            continue
        seen.add(key)
        if not _asserts(sentence):
            continue  # a byline, a caption or a reference ("Liptak, “Court Delivers …,” 2014")
        sentence_span = _trimmed(doc, sentence.start_char, sentence.end_char)
        verb, noun = attachment(span)
        clause = event_clause(verb, span) if verb is not None else None
        event = _event(noun, span) if noun is not None else None
        if match.kind == "decade" and clause is None and event is None:
            continue  # "in the 1920s" alone says too little to ask about
        if clause is None and _opens_on_a_pointer(sentence):
            continue  # "This meant that … into June 2009": the cloze leans on what "this" is
        yield DateFact(
            sentence=sentence_span,
            date=TextSpan(match.start, match.end, doc_text(doc)[match.start : match.end]),
            value=match.value,
            clause=clause,
            event=event,
            referent=_opening_referent(sentence) if clause is None else None,
            in_situ=in_situ_frame(sentence, span, "DATE", "What"),
        )


def _opens_on_a_pointer(sentence: Span) -> bool:
    """Whether the sentence opens on a subject that points back with nothing to show for it:
    "This"/"These" … standing alone ("This meant …"; not a determiner, "This year …", nor said
    who it is, "Those like Stalin who …"), or an "It"/"They" no name before resolves (not the
    "it" of "it was in 1921 that …")."""
    first = next((t for t in sentence if not t.is_punct and not t.is_space), None)
    if first is None or first.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if first.lower_ in DEMONSTRATIVE_WORDS:
        return not any(c.dep_ in {"prep", "relcl", "acl"} for c in first.children)
    if first.lower_ in THING_SUBJECT_PRONOUNS:
        return not is_expletive_it(first.head) and resolve_pronoun(first, first.head) is None
    return False


def _opening_referent(sentence: Span) -> str | None:
    """The person an opening "He"/"She" subject stands for, when the sentences before name them."""
    first = next((t for t in sentence if not t.is_punct and not t.is_space), None)
    if (
        first is None
        or first.lower_ not in PERSON_SUBJECT_PRONOUNS
        or first.dep_ not in {"nsubj", "nsubjpass"}
    ):
        return None
    return resolve_pronoun(first, first.head)


def _asserts(sentence: Span) -> bool:
    """Whether the sentence has a verb outside quotation marks and, unless a verb heads it, a
    finite one: "Division I, primarily competing … since the 2013–14 school year" asserts
    nothing (the tagger's slips on a finite verb are forgiven when the parse hangs on a verb)."""
    verbs = [t for t in sentence if t.pos_ in EVENT_VERB_POS and not _quoted(t)]
    if not verbs:
        return False
    if sentence.root.pos_ in EVENT_VERB_POS:
        return True
    return any(t.tag_ in FINITE_VERB_TAGS for t in verbs)


def _quoted(token: Token) -> bool:
    """Whether the token sits between quotation marks of its sentence (a quoted title)."""
    marks = [t for t in token.sent if t.i < token.i and t.text in {'"', "“", "”"}]
    return len(marks) % 2 == 1


def _in_citation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a year in an author-year citation: "(Jarvis, 1992;
    Owen-Going, 2005)", "(Caldwell and Caldwell 2006)", "(Strong et al. 2012)"."""
    opening = text.rfind("(", max(0, start - MAX_CITATION_CHARS), start)
    closing = text.find(")", end, end + MAX_CITATION_CHARS)
    if opening < 0 or closing < 0 or "\n" in text[opening:closing]:
        return False
    return CITATION_RE.fullmatch(text[opening + 1 : closing].strip()) is not None


def _bounding_preposition(date: Span) -> bool:
    """ "since 1990", "until April 1917": the date bounds a state, it is not when it happened."""
    heads = [date.root.head] if date.root.head.i not in range(date.start, date.end) else []
    if date.start > 0:
        heads.append(date.doc[date.start - 1])
    return any(t.pos_ in {"ADP", "SCONJ"} and t.lower_ in BOUNDING_PREPOSITIONS for t in heads)


def event_clause(verb: Token, date: Span) -> Clause | None:
    """The clause that says what happened on `date`; None when it names no event or no actor.

    A copula without a passive participle ("In 1917 Russia was a backward country") states a
    condition, not an event; a subject left as a bare pronoun makes a question nobody can
    answer out of context ("When did he publish it?").
    """
    if _bounding_preposition(date) or shares_main_subject(verb):
        return None  # a participle's date ("…, starting in 1974") may be another noun's
    clause = clause_for(verb, date)
    if clause is None:
        return None
    if clause.lemma == "be" and not clause.auxiliaries:
        return None
    if clause.lemma in ELLIPTIC_LEMMAS and not clause.complement.strip():
        return None  # "as she did in 1917": the verb stands for one said elsewhere
    if clause.subject.lower() in SUBJECT_PRONOUNS:
        return None
    return clause


# --------------------------------------------------------------------------- finding


def _overlaps_any(
    spans: Sequence[tuple[int, int]], starts: Sequence[int], start: int, end: int
) -> bool:
    """Whether [start, end) overlaps one of `spans` (in order, disjoint; `starts` their starts):
    only the span starting at or before `start` and the one after it can (a bisection, so a
    document with thousands of dates stays linear)."""
    index = bisect.bisect_right(starts, start) - 1
    return any(
        spans[i][0] < end and start < spans[i][1] for i in (index, index + 1) if 0 <= i < len(spans)
    )


def date_matches(doc: Doc) -> list[DateMatch]:
    """Date expressions of the text in order: regex matches, then spaCy DATE entities."""
    candidates = [
        (m.start(), -(m.end() - m.start()), order, kind, m)
        for order, (kind, pattern) in enumerate(_COMPILED)
        for m in pattern.finditer(doc_text(doc))
    ]
    candidates.sort(key=lambda c: c[:3])
    found: list[DateMatch] = []
    end_of_last = -1
    for start, _, _, kind, m in candidates:
        # the earliest, then longest, expression wins; nothing inside it counts again
        if start < end_of_last:
            continue
        if kind == "year" and not _is_year_use(doc, m.start("y"), m.end("y")):
            continue
        if kind == "year_range" and _after_reference_word(doc, m.start("y1")):
            continue
        value, year = _normalise(kind, m)
        found.append(DateMatch(start, m.end(), kind, value, year, m.group()))
        end_of_last = m.end()
    taken = [(d.start, d.end) for d in found]  # in order and disjoint
    taken_starts = [start for start, _ in taken]
    for ent in doc_ents(doc):
        if ent.label_ != "DATE" or _overlaps_any(taken, taken_starts, ent.start_char, ent.end_char):
            continue
        year_match = re.search(rf"{_YEAR_START}{_YEAR}{_YEAR_END}", ent.text)
        if year_match is None or re.search(r"\d0s\b", ent.text):
            continue
        if _after_reference_word(doc, ent.start_char + year_match.start()):
            continue
        year = int(year_match.group())
        found.append(DateMatch(ent.start_char, ent.end_char, "entity", str(year), year, ent.text))
    found.sort(key=lambda d: d.start)
    return found


def _is_year_use(doc: Doc, start: int, end: int) -> bool:
    """Is the 4-digit number at start..end a year rather than a count ("in 1000 cases")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return span is not None
    token = span[0]
    if token.ent_type_ in {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"} and (
        token.ent_type_ != "CARDINAL" or not _year_context(token)
    ):
        return False
    head = token.head
    if token.dep_ == "nummod" and head.tag_ in COUNTED_NOUN_TAGS:
        return False
    if head.lower_ in {"million", "billion", "thousand", "hundred"}:
        return False
    return not _after_reference_word(doc, start)


def _after_reference_word(doc: Doc, start: int) -> bool:
    """ "page 1917", "No. 1984", "pp. 1917-1920": a reference number, not a date."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    token_index = span.start if span is not None else len(doc)
    previous = [t for t in doc[max(0, token_index - 2) : token_index] if not t.is_space]
    return bool(previous) and previous[-1].lower_ in REFERENCE_WORDS


def _year_context(token: Token) -> bool:
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return previous is not None and (
        previous.pos_ == "ADP" or previous.tag_ in {"POS", "PRP$", "DT"}
    )


def _normalise(kind: str, m: re.Match[str]) -> tuple[str | None, int | None]:
    """ISO-like value and anchor year of an explicit match (relative ones: None, None)."""
    if kind in RELATIVE_KINDS:
        return None, None
    if kind == "iso":
        return f"{m['y']}-{m['m']}-{m['d']}", int(m["y"])
    if kind == "month_day_range":
        year = m["y"]
        first = _month(m["m1"])
        second = _month(m["m2"]) if m["m2"] else first
        start = f"{year}-{first:02d}-{_day(m['d1']):02d}"
        end = f"{year}-{second:02d}-{_day(m['d2']):02d}"
        return f"{start}/{end}", int(year)
    if kind in {"month_day_year", "day_month_year"}:
        return f"{m['y']}-{_month(m['m']):02d}-{_day(m['d']):02d}", int(m["y"])
    if kind == "month_year":
        if m["part"] and not re.match(_MODIFIER, m["part"]):
            return m["y"], int(m["y"])
        return f"{m['y']}-{_month(m['m']):02d}", int(m["y"])
    if kind == "decade":
        return f"{m['d']}X", None
    if kind == "season_year":
        return f"{m['y']}-{SEASONS[m['s'].lower()]}", int(m["y"])
    if kind in {"between_years", "year_range"}:
        first, second = m["y1"], m["y2"]
        if len(second) == 2:
            second = first[:2] + second
        if kind == "between_years" and m["s2"]:
            second = str(int(second) + 1)  # the season 1985-86 ends in 1986
        if int(second) <= int(first):
            return None, None
        return f"{first}/{second}", int(second)
    quarter = re.search(r"\b(first|second|third|fourth)\s+quarter\b", m.group(), re.IGNORECASE)
    if quarter and kind in {"year", "year_period"}:
        return f"{m['y']}-Q{QUARTERS[quarter.group(1).lower()]}", int(m["y"])
    return m["y"], int(m["y"])


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


# --------------------------------------------------------------------------- relative dates


def resolve_relative(
    matches: list[DateMatch], paragraph_starts: list[int], document_year: int | None
) -> Iterator[DateMatch]:
    """Give relative matches a value from the last explicit year nearby; drop those without."""
    anchor: DateMatch | None = None
    for match in matches:
        if match.kind not in RELATIVE_KINDS:
            if match.year is not None:
                anchor = match
            yield match
            continue
        value = _relative_value(match, match.text, anchor, paragraph_starts, document_year)
        if value is not None:
            yield DateMatch(match.start, match.end, match.kind, value, None)


def _relative_value(
    match: DateMatch,
    text: str,
    anchor: DateMatch | None,
    paragraph_starts: list[int],
    document_year: int | None,
) -> str | None:
    words = text.lower().split()
    # "this year", "October last year": the document's own year; "the next year": the anchor's
    if words[-2] in DOCUMENT_RELATIVE and (len(words) < 3 or words[-3] != "the"):
        base = document_year
        offset = DOCUMENT_RELATIVE[words[-2]]
    else:
        if anchor is None or anchor.year is None:
            return None
        if (
            _paragraph(match.start, paragraph_starts) - _paragraph(anchor.start, paragraph_starts)
            > ANCHOR_PARAGRAPHS
        ):
            return None
        base = anchor.year
        offset = _offset(words)
        if offset is None:
            return None
    if base is None:
        return None
    year = base + offset
    if match.kind == "month_of_relative":
        name = next(w.rstrip(".") for w in words if w.rstrip(".") in MONTHS or w in SEASONS)
        if name in SEASONS:
            return f"{year}-{SEASONS[name]}"
        return f"{year}-{_month(name):02d}"
    return str(year)


def _offset(words: list[str]) -> int | None:
    if "following" in words or "next" in words:
        return 1
    if "previous" in words:
        return -1
    if "same" in words or "that" in words:
        return 0
    if "years" in words or "year" in words:
        count = NUMBER_WORDS.get(words[0]) or (int(words[0]) if words[0].isdigit() else None)
        if count is None:
            return None
        direction = words[-1]
        return -count if direction in {"earlier", "before"} else count
    return None


def _paragraph_starts(text: str) -> list[int]:
    return [start for start, _ in paragraph_spans(text)]


def _paragraph(offset: int, starts: list[int]) -> int:
    """Index of the paragraph holding `offset` (only differences between indices matter)."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _document_year(doc: Doc) -> int | None:
    value = doc.user_data.get(DOCUMENT_DATE_KEY)
    if isinstance(value, str) and re.match(r"\d{4}", value):
        return int(value[:4])
    return None


# --------------------------------------------------------------------------- attachment


def attachment(date: Span) -> tuple[Token | None, Token | None]:
    """(verb, noun): the verb whose clause the date phrase modifies, or the noun it dates."""
    root = date.root
    node = root
    inside = {t.i for t in date}
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return (node, None) if node.pos_ in {"VERB", "AUX"} else (None, None)
        if head.i in inside:
            node = head
            continue
        if head.pos_ in {"VERB", "AUX"} and head.dep_ not in {"aux", "auxpass"}:
            return _clause_verb(head), None
        if head.pos_ in {"NOUN", "PROPN"} and node.dep_ in {
            "nummod",
            "compound",
            "amod",
            "pobj",
            "npadvmod",
            "appos",
            "nmod",
        }:
            if node.dep_ == "pobj" or head.lemma_.lower() in TIME_NOUNS:
                return None, None  # "the years 1905-06" names a time, not an event
            return None, head
        if head.pos_ == "ADP" or head.dep_ in {"prep", "pcomp"}:
            noun = head.head
            # "the revolution of 1905" dates the revolution; "Spain in 1898" dates no event, so
            # the date goes on up to the verb ("fought for independence from Spain in 1898")
            if (
                noun.pos_ in {"NOUN", "PROPN"}
                and noun.i not in inside
                and (head.lower_ == "of" or is_event_noun(noun))
            ):
                return None, noun
            node = head
            continue
        node = head
    return None, None


def _clause_verb(verb: Token) -> Token:
    """A fronted participle without subject ("Writing in 1930, Trotsky described ...") hands
    over to the main verb."""
    has_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)
    has_auxiliary = any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    if (
        not has_subject
        and not has_auxiliary
        and verb.dep_ == "advcl"
        and verb.tag_ in {"VBG", "VBN"}
        and verb.i < verb.head.i  # fronted, so it describes the main clause's subject
    ):
        return verb.head
    return verb


def is_event_noun(noun: Token) -> bool:
    """Does the noun name something that happens ("death", "founding", "congress")?"""
    if noun.ent_type_ in NON_EVENT_ENTITIES:
        return False
    lemma = noun.lemma_.lower()
    return lemma in EVENT_NOUNS or lemma.endswith(EVENT_NOUN_SUFFIXES)


def _event(noun: Token, date: Span) -> str | None:
    """A short phrase for the event a date modifies: "Lenin's death", "the Chinese revolution"."""
    inside = {t.i for t in date}
    left = [t for t in noun.lefts if t.i not in inside]
    tokens: list[Token] = []
    for child in left:
        tokens.extend(t for t in child.subtree if t.i not in inside)
    tokens.append(noun)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i not in inside:
            tail = [t for t in child.subtree if t.i not in inside]
            if len(tokens) + len(tail) <= 10 and not any(t.i in inside for t in child.subtree):
                tokens.extend(tail)
            break
    tokens.sort(key=lambda t: t.i)
    return join_tokens(tokens) or None


def _trimmed(doc: Doc, start: int, end: int) -> TextSpan:
    text = doc_text(doc)[start:end]
    stripped = text.strip()
    start += len(text) - len(text.lstrip())
    end = start + len(stripped)
    return TextSpan(start, end, stripped)
