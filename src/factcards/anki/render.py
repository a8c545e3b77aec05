"""Cards as Anki renders them, without Anki: a small implementation of Anki's template language.

Used by the preview page to show every note with the same templates and CSS as the deck. It
covers what card templates use: `{{Field}}`, sections `{{#Field}}…{{/Field}}` and
`{{^Field}}…{{/Field}}`, filters (`text:`, `cloze:`, `hint:`, `type:`; others pass the field
through), `{{FrontSide}}` and the special fields (Tags, Deck, Subdeck, Card, Type, CardFlag,
CardID). Clozes render as Anki's own spans: `<span class="cloze" data-cloze=… data-ordinal=…>`
with `[...]` (or `[hint]`) on the front, the revealed text on the back, other numbers as
`cloze-inactive`. tests/test_render.py compares the output with the real Anki backend.

Deliberate differences, so that no document text ever becomes markup in a preview: `text:`
re-escapes `<`, `>` and `&` after stripping tags (Anki inserts the decoded text raw), and the
special fields that come from documents (tags, deck names) are HTML-escaped. `{{CardID}}` is
empty: a card has no id before it is imported.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Note
from .fields import CLOZE_FIELDS, DEFINITION_FIELDS, QA_FIELDS, NoteTypeKey, anki_fields, anki_tags
from .note_types import (
    CLOZE_CARD,
    CLOZE_NAME,
    DEFINITION_NAME,
    DEFINITION_TO_TERM,
    QA_CARD,
    QA_NAME,
    TERM_TO_DEFINITION,
)
from .templates import FRONT_SIDE, TemplateSet

# ------------------------------------------------------------------------- template parsing

TAG = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
DECK_SEPARATOR = "::"


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Replacement:
    key: str  # the field name
    filters: tuple[str, ...]  # in template order: {{a:b:Field}} -> ("a", "b")


@dataclass(frozen=True, slots=True)
class Conditional:
    key: str
    negated: bool
    children: tuple[Node, ...]


Node = Text | Replacement | Conditional


def parse_template(template: str) -> tuple[Node, ...]:
    """The template as a tree; an unmatched `{{/X}}` or unclosed section is kept as text."""
    stack: list[tuple[str, bool, str, list[Node]]] = []  # (key, negated, tag text, children)
    nodes: list[Node] = []
    position = 0
    for match in TAG.finditer(template):
        if match.start() > position:
            nodes.append(Text(template[position : match.start()]))
        position = match.end()
        inner = match.group(1).strip()
        marker, name = inner[:1], inner[1:].strip()
        if marker in ("#", "^"):
            stack.append((name, marker == "^", match.group(0), nodes))
            nodes = []
        elif marker == "/":
            if stack and stack[-1][0] == name:
                key, negated, _, parent = stack.pop()
                parent.append(Conditional(key, negated, tuple(nodes)))
                nodes = parent
            else:
                nodes.append(Text(match.group(0)))
        else:
            *filters, key = inner.split(":")
            nodes.append(Replacement(key.strip(), tuple(f.strip() for f in filters)))
    if position < len(template):
        nodes.append(Text(template[position:]))
    while stack:  # unclosed sections: their opening tag becomes text
        _, _, tag_text, parent = stack.pop()
        nodes = [*parent, Text(tag_text), *nodes]
    return tuple(nodes)


# ------------------------------------------------------------------------- fields and filters

# Anki counts a field as empty when it holds only whitespace and <br>/<div> tags.
EMPTY_FIELD = re.compile(r"^(?:\s|</?(?:br|div) ?/?>)*$", re.IGNORECASE)
HTML_TAG = re.compile(r"<[^>]*>", re.DOTALL)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def field_is_empty(value: str) -> bool:
    return EMPTY_FIELD.match(value) is not None


def strip_html(value: str) -> str:
    """Tags dropped and entities decoded, as Anki's `text:` filter does (&nbsp; -> space)."""
    text = HTML_TAG.sub("", HTML_COMMENT.sub("", value))
    return html.unescape(text.replace("&nbsp;", " "))


# htmlescape's encode_attribute, which Anki uses for data-cloze
ATTRIBUTE_ENTITIES: dict[str, str] = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#x27;",
}


def encode_attribute(value: str) -> str:
    out: list[str] = []
    for char in value:
        code = ord(char)
        if char in ATTRIBUTE_ENTITIES:
            out.append(ATTRIBUTE_ENTITIES[char])
        elif code < 256 and (code > 127 or not char.isalnum()):
            out.append(f"&#x{code:X};")
        else:
            out.append(char)
    return "".join(out)


def hint_html(name: str, value: str) -> str:
    """Anki's hint: a link that reveals the field (the id only has to be unique on the page)."""
    element_id = "hint" + hashlib.sha1((name + value).encode("utf-8")).hexdigest()[:16]
    return (
        '\n<a class=hint href="#"\n'
        "onclick=\"this.style.display='none';\n"
        f"document.getElementById('{element_id}').style.display='block';\n"
        'return false;" draggable=false>\n'
        f"{name}</a>\n"
        f'<div id="{element_id}" class=hint style="display: none">{value}</div>\n'
    )


# ------------------------------------------------------------------------- clozes

CLOZE_OPEN = re.compile(r"\{\{c(\d+(?:,\d+)*)::")
CLOZE_TOKEN = re.compile(r"\{\{c\d+(?:,\d+)*::|\}\}")


@dataclass(slots=True)
class Cloze:
    ordinals: tuple[int, ...]
    nodes: list[str | Cloze] = field(default_factory=list)
    hint: str | None = None


def parse_clozes(text: str) -> list[str | Cloze]:
    """Text and (possibly nested) clozes, as Anki parses them: a stray `}}` stays text, an
    unclosed cloze vanishes."""
    root: list[str | Cloze] = []
    open_clozes: list[Cloze] = []

    def add(item: str | Cloze) -> None:
        (open_clozes[-1].nodes if open_clozes else root).append(item)

    position = 0
    for match in CLOZE_TOKEN.finditer(text):
        if match.start() > position:
            add(text[position : match.start()])
        position = match.end()
        token = match.group(0)
        if token != "}}":
            opening = CLOZE_OPEN.match(token)
            assert opening is not None
            ordinals = tuple(int(n) for n in opening.group(1).split(","))
            open_clozes.append(Cloze(ordinals))
        elif open_clozes:
            cloze = open_clozes.pop()
            last = cloze.nodes[-1] if cloze.nodes else None
            if isinstance(last, str) and "::" in last:
                cloze.nodes[-1], cloze.hint = last.split("::", 1)
            add(cloze)
        else:
            add(token)
    if position < len(text):
        add(text[position:])
    # a cloze never closed is dropped with its contents, as Anki does
    return root


def cloze_ordinals(text: str) -> list[int]:
    """The card numbers the clozes in `text` make, in order."""
    found: set[int] = set()

    def walk(nodes: Sequence[str | Cloze]) -> None:
        for node in nodes:
            if isinstance(node, Cloze):
                found.update(n for n in node.ordinals if n > 0)
                walk(node.nodes)

    walk(parse_clozes(text))
    return sorted(found)


def render_clozes(nodes: Sequence[str | Cloze], ordinal: int, question: bool) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
            continue
        ordinals = ",".join(str(n) for n in node.ordinals)
        if ordinal in node.ordinals and question:
            revealed = render_clozes(node.nodes, ordinal, question=False)
            shown = "[" + (node.hint if node.hint is not None else "...") + "]"
            out.append(
                f'<span class="cloze" data-cloze="{encode_attribute(revealed)}" '
                f'data-ordinal="{ordinals}">{shown}</span>'
            )
        else:
            css_class = "cloze" if ordinal in node.ordinals else "cloze-inactive"
            inner = render_clozes(node.nodes, ordinal, question)
            out.append(f'<span class="{css_class}" data-ordinal="{ordinals}">{inner}</span>')
    return "".join(out)


def cloze_filter(value: str, ordinal: int, question: bool) -> str:
    return render_clozes(parse_clozes(value), ordinal, question)


# ------------------------------------------------------------------------- rendering


@dataclass(frozen=True, slots=True)
class RenderContext:
    fields: Mapping[str, str]  # the note's fields (HTML), and the special fields
    ordinal: int = 1  # the card's number (cloze number for cloze note types)
    question: bool = True
    front_side: str = ""


def apply_filter(name: str, key: str, value: str, context: RenderContext) -> str:
    if name == "text":
        return html.escape(strip_html(value), quote=False)
    if name == "cloze":
        return cloze_filter(value, context.ordinal, context.question)
    if name == "hint":
        return hint_html(key, value)
    if name == "type":
        # the answer box of the reviewer: never the answer itself on the front
        return '<input class="typeans" disabled>' if context.question else value
    return value  # furigana, kana, tts… and unknown filters: the text unchanged


def render_nodes(nodes: Sequence[Node], context: RenderContext) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Conditional):
            value = context.fields.get(node.key, "")
            if field_is_empty(value) == node.negated:
                out.append(render_nodes(node.children, context))
        elif node.key == FRONT_SIDE and not node.filters:
            out.append("" if context.question else context.front_side)
        elif node.key not in context.fields:
            out.append(f"{{unknown field {html.escape(node.key)}}}")
        else:
            value = context.fields[node.key]
            for name in reversed(node.filters):  # the filter next to the field goes first
                value = apply_filter(name, node.key, value, context)
            out.append(value)
    return "".join(out)


def render_template(template: str, context: RenderContext) -> str:
    return render_nodes(parse_template(template), context)


def shows_a_field(nodes: Sequence[Node], nonempty: set[str]) -> bool:
    """Anki's card generation rule: the front reaches a non-empty field."""
    for node in nodes:
        if isinstance(node, Replacement) and node.key in nonempty:
            return True
        if isinstance(node, Conditional) and (
            (node.negated or node.key in nonempty) and shows_a_field(node.children, nonempty)
        ):
            return True
    return False


# ------------------------------------------------------------------------- notes -> cards


@dataclass(frozen=True, slots=True)
class CardTemplate:
    name: str  # as Anki shows it: "Question → answer"
    prefix: str  # template files: <prefix>-front.html, <prefix>-back.html


@dataclass(frozen=True, slots=True)
class NoteType:
    name: str
    fields: tuple[str, ...]
    templates: tuple[CardTemplate, ...]
    is_cloze: bool = False


NOTE_TYPES: dict[NoteTypeKey, NoteType] = {
    "qa": NoteType(QA_NAME, QA_FIELDS, (CardTemplate(QA_CARD, "qa"),)),
    "definition": NoteType(
        DEFINITION_NAME,
        DEFINITION_FIELDS,
        (
            CardTemplate(TERM_TO_DEFINITION, "definition"),
            CardTemplate(DEFINITION_TO_TERM, "definition-reverse"),
        ),
    ),
    "cloze": NoteType(CLOZE_NAME, CLOZE_FIELDS, (CardTemplate(CLOZE_CARD, "cloze"),), True),
}


@dataclass(frozen=True, slots=True)
class RenderedCard:
    name: str
    ordinal: int  # Anki's card class: "card1", "card2"…
    question: str  # HTML, without the CSS
    answer: str


@dataclass(frozen=True, slots=True)
class RenderedNote:
    note_type: NoteTypeKey
    type_name: str
    fields: Mapping[str, str]
    cards: tuple[RenderedCard, ...]


def special_fields(
    tags: Sequence[str], deck_name: str, card_name: str, type_name: str
) -> dict[str, str]:
    return {
        "Tags": html.escape(" ".join(tags).strip()),
        "Deck": html.escape(deck_name),
        "Subdeck": html.escape(deck_name.rsplit(DECK_SEPARATOR, 1)[-1]),
        "Card": card_name,  # ours (note_types.py), as Anki inserts them
        "Type": type_name,
        "CardFlag": "flag0",
        "CardID": "",
    }


def render_card(
    note_fields: Mapping[str, str],
    front: str,
    back: str,
    *,
    ordinal: int = 1,
    specials: Mapping[str, str] | None = None,
) -> tuple[str, str]:
    """(question HTML, answer HTML) of one card, as Anki's render_output gives them."""
    values = {**(specials or {}), **note_fields}
    question = render_template(front, RenderContext(values, ordinal, question=True))
    context = RenderContext(values, ordinal, question=False, front_side=question)
    return question, render_template(back, context)


def iter_cards(
    note_type: NoteType,
    note_fields: Mapping[str, str],
    templates: TemplateSet,
    tags: Sequence[str],
    deck_name: str,
) -> Iterator[RenderedCard]:
    nonempty = {name for name, value in note_fields.items() if not field_is_empty(value)}
    if note_type.is_cloze:
        template = note_type.templates[0]
        for ordinal in cloze_ordinals(note_fields.get(note_type.fields[0], "")):
            specials = special_fields(tags, deck_name, template.name, note_type.name)
            question, answer = render_card(
                note_fields,
                templates[f"{template.prefix}-front.html"],
                templates[f"{template.prefix}-back.html"],
                ordinal=ordinal,
                specials=specials,
            )
            yield RenderedCard(template.name, ordinal, question, answer)
        return
    for ordinal, template in enumerate(note_type.templates, start=1):
        front = templates[f"{template.prefix}-front.html"]
        if not shows_a_field(parse_template(front), nonempty):
            continue  # Anki makes no card from a front that would be blank
        specials = special_fields(tags, deck_name, template.name, note_type.name)
        question, answer = render_card(
            note_fields,
            front,
            templates[f"{template.prefix}-back.html"],
            ordinal=ordinal,
            specials=specials,
        )
        yield RenderedCard(template.name, ordinal, question, answer)


def render_note(
    note: Note, templates: TemplateSet, deck_name: str, extra_tags: Sequence[str] = ()
) -> RenderedNote | None:
    """Every card Anki would make of `note` in the deck `deck_name` (with `extra_tags` added to
    its tags, as a build adds them); None when it makes none (nothing to ask)."""
    fields = anki_fields(note)
    if fields is None:
        return None
    note_type = NOTE_TYPES[fields.note_type]
    values = dict(zip(note_type.fields, fields.values, strict=True))
    cards = tuple(
        iter_cards(note_type, values, templates, anki_tags([*note.tags, *extra_tags]), deck_name)
    )
    if not cards:
        return None
    return RenderedNote(fields.note_type, note_type.name, values, cards)
