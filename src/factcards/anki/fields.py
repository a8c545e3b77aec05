"""What goes into each Anki field: a Note's plain text, made safe HTML.

Every value comes from a document, so it is plain text that must show literally: `<b>` stays
`<b>` on the card, `{{Front}}` stays `{{Front}}`, `[sound:x.mp3]` plays nothing. Hence every
value is HTML-escaped, and the characters Anki reads as markup inside a field (braces for
templates and clozes, square brackets for `[sound:…]`/`[latex]`) become numeric entities, which
browsers show as the characters but Anki's parsers do not see. The one exception is the Cloze
`Text` field, where our own `{{c1::answer}}` / `{{c1::answer::hint}}` markers are kept as
markers (their inner text is escaped like the rest).

Nothing here imports genanki: this module only decides which note type a Note becomes and the
HTML of each field.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import Note

NoteTypeKey = Literal["qa", "definition", "cloze"]

QA_FIELDS: tuple[str, ...] = ("Question", "Answer", "Extra", "Source", "Document", "Section")
DEFINITION_FIELDS: tuple[str, ...] = ("Term", "Definition", "Source", "Document", "Section")
CLOZE_FIELDS: tuple[str, ...] = ("Text", "Back Extra", "Source", "Document", "Section")

# C0 controls (but tab and newline), DEL, and lone surrogates: Anki separates fields with \x1f,
# SQLite cannot store surrogates, and none of them means anything on a card.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

# Characters Anki parses inside field text: {{…}} (templates, clozes), [sound:…], [latex]…
MARKUP_ENTITIES: dict[int, str] = {
    ord("{"): "&#123;",
    ord("}"): "&#125;",
    ord("["): "&#91;",
    ord("]"): "&#93;",
}
# Inside a cloze deletion "::" would also start a hint.
CLOZE_ENTITIES: dict[int, str] = {**MARKUP_ENTITIES, ord(":"): "&#58;"}

# Our deletion markers: {{c1::answer}} or {{c1::answer::hint}} (only c1: one card per note).
CLOZE_MARKER = re.compile(r"\{\{c1::(.*?)\}\}", re.DOTALL)

# "What is the ICFI?" / "Who was Trotsky?" -> the term, for definition notes without `term`.
DEFINITION_QUESTION = re.compile(
    r"^\s*(?:what|who)\s+(?:is|was|are|were)\s+(?P<term>.+?)\s*\?\s*$", re.IGNORECASE | re.DOTALL
)

# Anki splits tags at whitespace and drops double quotes.
TAG_SEPARATOR = "::"


@dataclass(frozen=True, slots=True)
class AnkiFields:
    """Which of our note types a Note becomes, and its field values (HTML) in field order."""

    note_type: NoteTypeKey
    values: tuple[str, ...]


def clean_text(text: str | None) -> str:
    """Plain text without unprintable characters, with "\\n" line ends and spaces for tabs."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return UNPRINTABLE.sub("", text)


def is_blank(text: str | None) -> bool:
    return not clean_text(text).strip()


def to_html(text: str | None, entities: dict[int, str] = MARKUP_ENTITIES) -> str:
    """Plain text -> HTML that shows exactly that text and nothing Anki would interpret."""
    escaped = html.escape(clean_text(text), quote=True).translate(entities)
    return escaped.replace("\n", "<br>")


def field_html(text: str | None) -> str:
    """A whole field: like to_html, without outer whitespace (Anki counts it as empty anyway)."""
    return to_html(clean_text(text).strip())


def cloze_html(text: str) -> str | None:
    """The Cloze `Text` field: our c1 markers kept, all else escaped; None without a usable one.

    A marker whose answer is blank is not a deletion (Anki would make no card from it), so it is
    shown as literal text; `{{c2::…}}` and other numbers are always literal text.
    """
    text = clean_text(text).strip()
    pieces: list[str] = []
    position = 0
    for match in CLOZE_MARKER.finditer(text):
        answer, _, hint = match.group(1).partition("::")
        if not answer.strip():
            continue
        pieces.append(to_html(text[position : match.start()]))
        marker = "{{c1::" + to_html(answer, CLOZE_ENTITIES)
        if hint.strip():
            marker += "::" + to_html(hint, CLOZE_ENTITIES)
        pieces.append(marker + "}}")
        position = match.end()
    if not pieces:
        return None
    pieces.append(to_html(text[position:]))
    return "".join(pieces)


def cloze_revealed(text: str) -> str:
    """The cloze text as the back shows it (markers replaced by their answers), one line."""
    revealed = CLOZE_MARKER.sub(lambda m: m.group(1).partition("::")[0], clean_text(text))
    return " ".join(revealed.split())


def cloze_answers(text: str) -> list[str]:
    """The answers of the usable c1 deletions in `text` (for highlighting the source)."""
    answers = [m.group(1).partition("::")[0] for m in CLOZE_MARKER.finditer(clean_text(text))]
    return [a for a in answers if a.strip()]


def find_in(sentence: str, needle: str) -> int:
    """Where `needle` starts in `sentence`: exact case first, then ignoring case; -1 if absent."""
    start = sentence.find(needle)
    lowered, lowered_needle = sentence.lower(), needle.lower()
    # lower() may change lengths ("İ"): then its offsets do not fit `sentence`
    if start < 0 and len(lowered) == len(sentence) and len(lowered_needle) == len(needle):
        start = lowered.find(lowered_needle)
    return start


def highlight(sentence: str | None, needles: Iterable[str | None]) -> str:
    """The sentence as HTML with the first needle found in it in bold."""
    sentence = clean_text(sentence).strip()
    for needle in (clean_text(n).strip() for n in needles):
        start = find_in(sentence, needle) if needle else -1
        if start >= 0:
            end = start + len(needle)
            bold = "<b>" + to_html(sentence[start:end]) + "</b>"
            return to_html(sentence[:start]) + bold + to_html(sentence[end:])
    return to_html(sentence)


def anki_tags(tags: Iterable[str]) -> list[str]:
    """Tags Anki accepts unchanged: no whitespace (-> "_"), no quotes, no empty `::` parts."""
    out: list[str] = []
    for tag in tags:
        tag = "_".join(clean_text(tag).replace('"', "").split())
        tag = TAG_SEPARATOR.join(part for part in tag.split(TAG_SEPARATOR) if part)
        if tag and tag not in out:
            out.append(tag)
    return out


def definition_term(note: Note) -> str:
    """The note's term, or the one its question names ("What is X?" -> "X"); may be ""."""
    if not is_blank(note.term):
        return clean_text(note.term).strip()
    match = DEFINITION_QUESTION.match(clean_text(note.front))
    return match.group("term") if match else ""


def extra_text(note: Note) -> str:
    """Kind-specific lines for the back: the full quotation when the front shortened it, the
    date as the text wrote it when the answer resolved it."""
    lines: list[str] = []
    quote = clean_text(note.quote).strip()
    if quote and " ".join(quote.split()) not in " ".join(clean_text(note.front).split()):
        lines.append(f"«{quote}»")
    written = clean_text(note.date).strip()
    if written and written not in clean_text(note.back) and written not in clean_text(note.front):
        lines.append(f"In the text: {written}")
    return "\n".join(lines)


def source_needles(note: Note, note_type: NoteTypeKey) -> Sequence[str | None]:
    """What to bold in the source sentence: the answer, as the text wrote it when known."""
    if note_type == "cloze":
        return [*cloze_answers(note.front), note.date, note.back]
    if note.kind == "quote":
        return [note.speaker, note.back]
    if note.kind == "date":
        return [note.date, note.back]
    if note.kind == "definition":
        return [note.back, note.term]
    return [note.back]


def location_text(note: Note) -> str | None:
    """Where in the document: its section, and the page when the source has pages."""
    page = f"p. {note.source.page}" if note.source.page is not None else None
    parts = [part for part in (note.source.section, page) if part]
    return ", ".join(parts) or None


def anki_fields(note: Note) -> AnkiFields | None:
    """The note type and field values for `note`, or None when it has nothing to ask.

    definition (with a term and a definition) -> Definition; a front with a usable
    `{{c1::…}}` -> Cloze; anything else with a front -> Q&A.
    """
    where = (field_html(note.source.document), field_html(location_text(note)))
    term = definition_term(note) if note.kind == "definition" else ""
    if term and not is_blank(note.back):
        source = highlight(note.source.sentence, source_needles(note, "definition"))
        return AnkiFields("definition", (field_html(term), field_html(note.back), source, *where))
    text = cloze_html(note.front)
    if text is not None:
        back_extra = "\n".join(
            line for line in (clean_text(note.back).strip(), extra_text(note)) if line
        )
        # a claim's cloze is its source sentence: showing that again under it adds nothing
        sentence = clean_text(note.source.sentence)
        if " ".join(sentence.split()) == cloze_revealed(note.front):
            sentence = ""
        source = highlight(sentence, source_needles(note, "cloze"))
        return AnkiFields("cloze", (text, field_html(back_extra), source, *where))
    if is_blank(note.front):
        return None
    source = highlight(note.source.sentence, source_needles(note, "qa"))
    question, answer, extra = (field_html(t) for t in (note.front, note.back, extra_text(note)))
    return AnkiFields("qa", (question, answer, extra, source, *where))
