"""Plain dataclasses that travel between the stages.

ingest -> Document; nlp -> Fact subclasses; questions -> Note; cards reads/writes Notes as
JSON Lines; anki packages Notes. Nothing here imports spaCy or genanki.

Offsets: every `Span` holds offsets into `Document.text` (the clean text). `Document.offsets`
maps them back to the decoded source file, which is what a `Note.source` records.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
Kind = Literal["date", "quote", "definition", "claim"]
KINDS: tuple[Kind, ...] = ("date", "quote", "definition", "claim")


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the document; it covers the clean text from `start` to the next section."""

    title: str
    start: int
    level: int


@dataclass(slots=True)
class OffsetMap:
    """Piecewise-linear map from clean-text offsets to source-file offsets.

    Each segment says: clean text from `clean_starts[i]` on is a verbatim copy of the file from
    `source_starts[i]` on (until the next segment). Characters that ingest inserted (e.g. the
    space that rejoins a paragraph split by a page break) map to the segment they fall in.
    """

    clean_starts: list[int] = field(default_factory=list)
    source_starts: list[int] = field(default_factory=list)

    def add(self, clean_start: int, source_start: int) -> None:
        if self.clean_starts and clean_start <= self.clean_starts[-1]:
            # a later segment starting at the same clean offset replaces an empty one
            self.clean_starts[-1] = clean_start
            self.source_starts[-1] = source_start
            return
        self.clean_starts.append(clean_start)
        self.source_starts.append(source_start)

    def to_source(self, clean_offset: int) -> int:
        if not self.clean_starts:
            return clean_offset
        i = bisect.bisect_right(self.clean_starts, clean_offset) - 1
        if i < 0:
            return self.source_starts[0]
        return self.source_starts[i] + (clean_offset - self.clean_starts[i])


@dataclass(slots=True)
class Document:
    """A source file turned into clean prose.

    `text` has paragraphs separated by exactly one blank line ("\\n\\n"), no markdown markup,
    no headings (they are in `sections`) and no boilerplate. `works` are the clean-text spans of
    titles of works that the markup marked (italics after "in his", "the volume", ...).
    `block_quotes` are paragraphs the markup marked as quotations (markdown "> ").
    """

    path: Path
    name: str
    title: str
    text: str
    offsets: OffsetMap
    sections: list[Section] = field(default_factory=list)
    works: list[tuple[int, int]] = field(default_factory=list)
    block_quotes: list[tuple[int, int]] = field(default_factory=list)
    date: str | None = None  # the document's own date (ISO) when its byline gives one
    # (clean offset where a page starts, its page number), in order; empty unless paged (PDF)
    pages: list[tuple[int, int]] = field(default_factory=list)

    def section_at(self, offset: int) -> str | None:
        title = None
        for section in self.sections:
            if section.start > offset:
                break
            title = section.title
        return title

    def page_at(self, offset: int) -> int | None:
        """The page number of a clean-text offset, when the source has pages."""
        i = bisect.bisect_right([start for start, _ in self.pages], offset) - 1
        return self.pages[i][1] if i >= 0 else None


# --------------------------------------------------------------------------- nlp -> questions


@dataclass(frozen=True, slots=True)
class Span:
    """Characters `start`..`end` of the document's clean text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Clause:
    """The parts of a clause that a question is built from (see questions.py).

    For "In 1879, he published an article entitled ..." with the date as the answer:
    subject="he", auxiliaries=(), verb="published", lemma="publish", tag="VBD",
    complement="an article entitled ...". For "The ICFI was founded in 1953 in a struggle
    against Pabloite revisionism": subject="The ICFI", auxiliaries=("was",), verb="founded",
    lemma="found", tag="VBN", complement="in a struggle against Pabloite revisionism".
    The complement never contains the answer.
    """

    subject: str
    auxiliaries: tuple[str, ...]
    verb: str
    lemma: str
    tag: str
    complement: str = ""
    negated: bool = False


@dataclass(frozen=True, slots=True)
class InSitu:
    """A question that keeps the sentence's word order, its answer replaced by a wh-phrase:
    for "The earthquake killed 69,197 people" with "69,197" as the answer, before="The
    earthquake killed", wh="how many", after="people". Neither part contains the answer."""

    before: str
    wh: str
    after: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """Something worth a note, with the exact source sentence (or passage) it came from."""

    sentence: Span
    section: str | None = None

    kind: Kind = "claim"

    def anchor(self) -> tuple[str, ...]:
        """What identifies this fact across re-extractions (used for the note GUID)."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True, kw_only=True)
class DateFact(Fact):
    kind: Kind = "date"
    date: Span
    value: str | None = None  # normalised, ISO-like: "1927-04-12", "1914/1918", "1953"
    clause: Clause | None = None  # the event, for "When did/was ...?"
    event: str | None = None  # a short description for "What happened in ...?" cards
    # the name a "He"/"She" opening the sentence stands for, shown in a cloze: "He [West] …"
    referent: str | None = None
    # without a clause, the question in the sentence's own word order ("… struck on what date?")
    in_situ: InSitu | None = None

    def anchor(self) -> tuple[str, ...]:
        # without a clause, the sentence's first words tell two same-valued dates apart
        if self.clause:
            event = self.clause.lemma + " " + self.clause.subject
        else:
            event = self.event or " ".join(self.sentence.text.split()[:8])
        return ("date", self.value or self.date.text, event)


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteFact(Fact):
    kind: Kind = "quote"
    quote: Span  # the quoted words, without the outer quotation marks
    speaker: str  # a name, never a pronoun
    verb: str = "wrote"  # the reporting verb in the past tense: "wrote", "said", "declared"
    work: str | None = None
    year: str | None = None
    # the phrase a cloze of the quote blanks (its last noun phrase or content word), when the
    # parse shows one; without it the cloze falls back to a reading of the words alone
    key: Span | None = None

    def anchor(self) -> tuple[str, ...]:
        return ("quote", self.speaker, " ".join(self.quote.text.split()[:12]))


@dataclass(frozen=True, slots=True, kw_only=True)
class DefinitionFact(Fact):
    kind: Kind = "definition"
    term: str
    definiens: str  # stands alone: no dangling pronoun
    copula: str = "is"  # "is" or "was", for "What is/was X?"
    is_person: bool = False  # "Who was X?" rather than "What was X?"
    pattern: str = "copular"  # copular | appositive | definitor | parenthetical | title

    def anchor(self) -> tuple[str, ...]:
        return ("definition", self.term, self.definiens)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimFact(Fact):
    kind: Kind = "claim"
    answer: Span  # the span to blank out: inside `sentence`
    score: float = 0.0  # centrality within its section
    label: str = ""  # entity label or "TERM": what kind of thing the answer is
    # A clean wh-question, when one exists: `wh` asks for `answer`; with `role` "subject" it
    # replaces the clause's subject ("Who proposed …?"), otherwise it is fronted with
    # subject–auxiliary inversion ("What did Trotsky propose …?"). `clause` lacks the answer.
    wh: str = ""
    role: str = ""
    clause: Clause | None = None
    # Else, where no fronted question is clean, the question in the sentence's own word order
    # ("The earthquake killed how many people?"); with neither, the note is a cloze.
    in_situ: InSitu | None = None

    def anchor(self) -> tuple[str, ...]:
        # a subject answer's leading article ("The ICFI was founded …") does not make it another
        # note: subject answers used to be anchored without it, and a note keeps its GUID
        answer = self.answer.text
        if self.role == "subject":
            answer = LEADING_ARTICLE.sub("", answer)
        return ("claim", answer, " ".join(self.sentence.text.split()[:8]))


# ------------------------------------------------------------------ questions -> cards -> anki


@dataclass(slots=True)
class SourceRef:
    document: str  # path relative to the project (or as given)
    sentence: str  # the full source sentence or passage, as in the clean text
    start: int  # offsets of `sentence` in the source file
    end: int
    section: str | None = None
    page: int | None = None  # the page of a paged source (PDF)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "document": self.document,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "section": self.section,
        }
        if self.page is not None:
            out["page"] = self.page
        return out


# per-kind fields of the cards contract, in the order they are written
EXTRA_FIELDS: tuple[str, ...] = ("date", "date_value", "speaker", "quote", "work", "year", "term")


@dataclass(slots=True, kw_only=True)
class Note:
    """One line of cards/*.jsonl: plain text, never HTML."""

    guid: str
    kind: Kind
    front: str
    back: str
    source: SourceRef
    tags: list[str] = field(default_factory=list)
    date: str | None = None
    date_value: str | None = None
    speaker: str | None = None
    quote: str | None = None
    work: str | None = None
    year: str | None = None
    term: str | None = None
    # set by the user in cards/: left out of the deck, kept in the file
    suppressed: bool = False
    # set by factcards when the source changed under a note the user edited: the new version
    # ({"front", "back", "sentence"}); the user resolves it by deleting this key
    conflict: dict[str, str] | None = None

    @property
    def is_cloze(self) -> bool:
        return "{{c1::" in self.front

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "guid": self.guid,
            "kind": self.kind,
            "front": self.front,
            "back": self.back,
            "source": self.source.to_json(),
            "tags": list(self.tags),
        }
        for name in EXTRA_FIELDS:
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.suppressed:
            out["suppressed"] = True
        if self.conflict is not None:
            out["conflict"] = dict(self.conflict)
        return out
