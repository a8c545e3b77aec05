"""`factcards preview`: one self-contained HTML page to review the notes before importing them.

Every note is shown as Anki will render it (anki/render.py with the deck's templates and CSS,
each card side isolated in a shadow root so the card CSS and the page CSS never mix), grouped by
document and kind, with its source sentence marked in its paragraph. Above them: counts per
kind, the change report of the last build and a timeline of the dated events (an SVG the page
draws itself). The page filters by kind and change and searches the notes' text.

All document text is data: it is HTML-escaped here, or travels as JSON that the page's script
only ever puts into `textContent`. The page loads nothing from anywhere.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .anki.deck import clean_deck_name
from .anki.fields import cloze_revealed, highlight, source_needles
from .anki.render import RenderedNote, render_note
from .anki.templates import TemplateSet, load_templates
from .config import DECK_PREFIX
from .model import KINDS, Kind, Note
from .review import ChangeReport, DocumentChanges, ReviewedDocument
from .stats import Paragraph, document_stats, paragraph_of, paragraphs, percent

KIND_TITLES: dict[Kind, str] = {
    "date": "Dates",
    "quote": "Quotations",
    "definition": "Definitions",
    "claim": "Key claims",
}
CHANGE_TITLES: dict[str, str] = {"new": "new", "updated": "updated", "edited": "edited by you"}
CONTEXT_CHARS = 400  # of the paragraph shown on each side of the source sentence

# "1927-04-12", "1927-04", "1927-Q2", "1927-SU", "192X", "19XX", "-0044"; ranges "A/B"
DATE_VALUE = re.compile(
    r"^(?P<year>-?\d{1,4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?|-Q(?P<quarter>[1-4])"
    r"|-(?P<season>SP|SU|FA|AU|WI))?$"
)
DATE_PREFIX = re.compile(r"^(?P<digits>\d{1,3})(?P<unknown>X{1,3})$")
SEASON_START: dict[str, float] = {
    "SP": 2 / 12,
    "SU": 5 / 12,
    "FA": 8 / 12,
    "AU": 8 / 12,
    "WI": 11 / 12,
}
MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# --------------------------------------------------------------------------- dates


def _point_span(value: str) -> tuple[float, float] | None:
    """The stretch of time (in fractional years) one ISO-like value covers."""
    value = value.strip().upper()
    prefix = DATE_PREFIX.match(value)
    if prefix:  # "192X": the 1920s; "19XX": the 1900s
        size = 10 ** len(prefix.group("unknown"))
        start = int(prefix.group("digits")) * size
        return float(start), float(start + size)
    match = DATE_VALUE.match(value)
    if not match:
        return None
    year = int(match.group("year"))
    if match.group("month"):
        month = int(match.group("month"))
        if not 1 <= month <= 12:
            return None
        if match.group("day"):
            day = int(match.group("day"))
            if not 1 <= day <= MONTH_DAYS[month - 1]:
                return None
            start = year + (month - 1) / 12 + (day - 1) / 365
            return start, start + 1 / 365
        return year + (month - 1) / 12, year + month / 12
    if match.group("quarter"):
        quarter = int(match.group("quarter"))
        return year + (quarter - 1) / 4, year + quarter / 4
    if match.group("season"):
        start = year + SEASON_START[match.group("season")]
        return start, start + 0.25
    return float(year), float(year + 1)


def date_span(value: str | None) -> tuple[float, float] | None:
    """(start, end) in fractional years of a note's `date_value`; None when it is not a date
    this page can place ("1914/1918" spans both years; "1953" the whole year)."""
    if not value or len(value) > 40:
        return None
    first, slash, second = value.partition("/")
    start = _point_span(first)
    if start is None:
        return None
    if not slash:
        return start
    end = _point_span(second)
    if end is None or end[1] <= start[0]:  # an empty or backwards range
        return None
    return start[0], end[1]


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    note_id: str  # the note's element id on the page
    start: float
    end: float
    label: str  # the date as the note has it
    text: str  # what happened: the note's front, clozes revealed

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.note_id,
            "start": round(self.start, 4),
            "end": round(self.end, 4),
            "label": self.label,
            "text": self.text,
        }


# --------------------------------------------------------------------------- notes


@dataclass(slots=True)
class NoteView:
    """A note with everything the page shows of it."""

    element_id: str
    note: Note
    rendered: RenderedNote | None
    change: str  # "new", "updated", "edited", "unchanged" or ""
    paragraph: Paragraph | None

    @property
    def suppressed(self) -> bool:
        return self.note.suppressed


def plain_front(note: Note) -> str:
    return cloze_revealed(note.front) if note.is_cloze else " ".join(note.front.split())


def search_text(note: Note) -> str:
    parts = [
        plain_front(note),
        note.back,
        note.source.sentence,
        note.term,
        note.speaker,
        note.quote,
        note.work,
        note.date,
        note.source.section,
    ]
    return " ".join(" ".join(part.split()) for part in parts if part).lower()


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def json_for_script(data: object) -> str:
    """JSON that is safe inside a <script> element whatever strings it holds."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _find_sentence(paragraph: str, sentence: str) -> tuple[int, int] | None:
    """Where `sentence` is in `paragraph`: exactly, else with any whitespace between words."""
    start = paragraph.find(sentence)
    if start >= 0:
        return start, start + len(sentence)
    words = sentence.split()
    if not words or len(words) > 400:
        return None
    match = re.search(r"\s+".join(re.escape(word) for word in words), paragraph)
    return (match.start(), match.end()) if match else None


def _trim_before(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[-limit:]
    return "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut


def _trim_after(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"


def context_html(view: NoteView) -> str:
    """The source sentence (its answer in bold) marked inside its paragraph."""
    note = view.note
    note_type = view.rendered.note_type if view.rendered else "qa"
    sentence = note.source.sentence
    marked = "<mark>" + highlight(sentence, source_needles(note, note_type)) + "</mark>"
    paragraph = view.paragraph
    found = _find_sentence(paragraph.text, sentence) if paragraph and sentence.strip() else None
    if paragraph is None or found is None:
        return marked
    before = _trim_before(paragraph.text[: found[0]], CONTEXT_CHARS)
    after = _trim_after(paragraph.text[found[1] :], CONTEXT_CHARS)
    return esc(before) + marked + esc(after)


def card_side_html(card_html: str, side: str, card_class: str) -> str:
    # the template is turned into a shadow root by the page's script (see SCRIPT)
    return (
        f'<div class="card-side" data-side="{side}" data-card-class="{card_class}">'
        f"<template>{card_html}</template></div>"
    )


def note_html(view: NoteView) -> str:
    note = view.note
    badges = [f'<span class="badge kind-{note.kind}">{esc(note.kind)}</span>']
    if view.change in CHANGE_TITLES:
        badges.append(
            f'<span class="badge change-{view.change}">{CHANGE_TITLES[view.change]}</span>'
        )
    if view.suppressed:
        badges.append('<span class="badge suppressed">suppressed: not in the deck</span>')
    if view.rendered is None:
        badges.append('<span class="badge nocard">no card: nothing to ask</span>')
    else:
        badges.append(f'<span class="note-type">{esc(view.rendered.type_name)}</span>')
    cards = []
    for card in view.rendered.cards if view.rendered else ():
        card_class = f"card{card.ordinal}"
        cards.append(
            '<div class="card-pair">'
            f'<div class="card-name">{esc(card.name)}</div>'
            '<div class="sides">'
            f"{card_side_html(card.question, 'question', card_class)}"
            f"{card_side_html(card.answer, 'answer', card_class)}"
            "</div></div>"
        )
    where = [note.source.section, f"p. {note.source.page}" if note.source.page else None]
    where_text = " · ".join(part for part in where if part)
    paragraph_label = f"¶{view.paragraph.index}" if view.paragraph else ""
    location = " · ".join(part for part in (paragraph_label, where_text) if part)
    classes = "note suppressed" if view.suppressed else "note"
    return (
        f'<article class="{classes}" id="{view.element_id}" data-kind="{esc(note.kind)}" '
        f'data-guid="{esc(note.guid)}" data-change="{esc(view.change)}" '
        f'data-search="{esc(search_text(note))}">'
        f'<header class="note-head">{"".join(badges)}'
        f'<span class="guid">{esc(note.guid)}</span></header>'
        f"{''.join(cards)}"
        f'<blockquote class="context">{context_html(view)}'
        f'<footer class="context-where">{esc(location)}</footer></blockquote>'
        "</article>"
    )


# --------------------------------------------------------------------------- sections


def kind_counts_html(counts: Counter[str]) -> str:
    return " · ".join(f"{KIND_TITLES[kind].lower()} {counts.get(kind, 0)}" for kind in KINDS)


def changes_html(changes: ChangeReport | None, documents: Sequence[ReviewedDocument]) -> str:
    if changes is None:
        return (
            '<section id="changes" class="panel"><h2>Last build</h2>'
            '<p class="muted">No build yet: run <code>factcards build</code> to see what it '
            "adds, updates and orphans.</p></section>"
        )
    counts = changes.counts()
    summary = (
        f'<p><span class="badge change-new">{counts["new"]} new</span> '
        f'<span class="badge change-updated">{counts["updated"]} updated</span> '
        f'<span class="badge change-edited">{counts["edited"]} edited by you</span> '
        f'<span class="badge change-orphaned">{counts["orphaned"]} orphaned</span> '
        f'<span class="muted">{counts["unchanged"]} unchanged</span></p>'
    )
    titles = {d.cards_file: d.title for d in documents}
    orphans = []
    for cards_file, document_changes in changes.documents.items():
        items = [*document_changes.orphaned]
        if not items and not document_changes.conflicts:
            continue
        title = titles.get(cards_file, document_changes.document)
        lines = "".join(
            f'<li><span class="badge kind-{esc(o.kind)}">{esc(o.kind or "note")}</span> '
            f"{esc(cloze_revealed(o.front) if '{{c1::' in o.front else o.front)}"
            f' <span class="guid">{esc(o.guid)}</span></li>'
            for o in items
        )
        conflicts = "".join(
            f'<li><span class="badge conflict">conflict</span> {esc(o.front)}'
            f' <span class="guid">{esc(o.guid)}</span></li>'
            for o in document_changes.conflicts
        )
        orphans.append(f'<h3>{esc(title)}</h3><ul class="orphans">{lines}{conflicts}</ul>')
    detail = (
        '<p class="muted">Orphaned notes are no longer found in their document: they stay in '
        "cards/ and in Anki, but the new decks leave them out.</p>" + "".join(orphans)
        if orphans
        else ""
    )
    built = f" ({esc(changes.built)})" if changes.built else ""
    return (
        f'<section id="changes" class="panel"><h2>Last build{built}</h2>{summary}{detail}</section>'
    )


def timeline_html(events: Sequence[TimelineEvent]) -> str:
    body = (
        '<svg id="timeline-svg" role="img" aria-label="Timeline of the dated events"></svg>'
        if events
        else '<p class="muted">No dated events.</p>'
    )
    data = json_for_script([event.to_json() for event in events])
    return (
        f'<section id="timeline" class="panel"><h2>Timeline <span class="muted">'
        f"{len(events)} dated events</span></h2>{body}"
        f'<script type="application/json" id="timeline-data">{data}</script></section>'
    )


def filters_html(counts: Counter[str], total: int) -> str:
    buttons = [
        '<button type="button" class="kind-filter" data-kind="all" aria-pressed="true">'
        f'All <span class="count">{total}</span></button>'
    ]
    for kind in KINDS:
        disabled = " disabled" if not counts.get(kind) else ""
        buttons.append(
            f'<button type="button" class="kind-filter" data-kind="{kind}" '
            f'aria-pressed="false"{disabled}>{KIND_TITLES[kind]} '
            f'<span class="count">{counts.get(kind, 0)}</span></button>'
        )
    changes = "".join(
        f'<option value="{value}">{label}</option>'
        for value, label in (
            ("all", "all notes"),
            ("new", "new"),
            ("updated", "updated"),
            ("edited", "edited by you"),
        )
    )
    return (
        '<nav id="filters" class="panel">'
        f'<div class="kinds" role="group" aria-label="Kind">{"".join(buttons)}</div>'
        '<input type="search" id="search" placeholder="Search the notes…" '
        'aria-label="Search the notes" autocomplete="off">'
        f'<select id="change-filter" aria-label="Change">{changes}</select>'
        f'<span id="shown-count" class="muted">{total} of {total} notes</span>'
        "</nav>"
    )


def document_html(
    reviewed: ReviewedDocument, views: Sequence[NoteView], changes: DocumentChanges | None
) -> str:
    stats = document_stats(reviewed.document, reviewed.notes)
    groups = []
    for kind in KINDS:
        kind_views = [view for view in views if view.note.kind == kind]
        if not kind_views:
            continue
        groups.append(
            f'<section class="kind-group" data-kind="{kind}">'
            f'<h3>{KIND_TITLES[kind]} <span class="muted">{len(kind_views)}</span></h3>'
            f"{''.join(note_html(view) for view in kind_views)}</section>"
        )
    change_counts = Counter(view.change for view in views)
    change_text = (
        ", ".join(f"{change_counts[name]} {title}" for name, title in CHANGE_TITLES.items())
        if changes is not None
        else "not built yet"
    )
    empty = "" if groups else '<p class="muted">No notes from this document.</p>'
    return (
        f'<section class="document" data-document="{esc(reviewed.name)}">'
        f"<h2>{esc(reviewed.title)}</h2>"
        f'<p class="document-facts"><code>{esc(reviewed.name)}</code> · {stats.notes} notes '
        f"({kind_counts_html(stats.counts)}) · {stats.words:,} words · coverage "
        f"{percent(stats.coverage)} ({stats.covered} of {stats.paragraphs} paragraphs) · "
        f"{esc(change_text)}</p>{''.join(groups)}{empty}</section>"
    )


# --------------------------------------------------------------------------- the page


def render_preview(
    documents: Sequence[ReviewedDocument],
    *,
    templates: TemplateSet | None = None,
    changes: ChangeReport | None = None,
    extra_tags: Sequence[str] = (),
    title: str = "factcards preview",
) -> str:
    """The whole page: inline CSS and script, nothing loaded from elsewhere. Cards are
    rendered with `templates` (default: the package's) in each document's deck, with
    `extra_tags` on every note, as a build packages them."""
    templates = templates or load_templates()
    views_by_document: list[list[NoteView]] = []
    events: list[TimelineEvent] = []
    counts: Counter[str] = Counter()
    number = 0
    for reviewed in documents:
        deck_name = clean_deck_name(reviewed.deck_name or DECK_PREFIX + reviewed.title)
        document_changes = (
            changes.for_document(reviewed.cards_file, reviewed.name) if changes else None
        )
        document_paragraphs = paragraphs(reviewed.document)
        views = []
        for note in reviewed.notes:
            number += 1
            view = NoteView(
                element_id=f"note-{number}",
                note=note,
                rendered=render_note(note, templates, deck_name, extra_tags),
                change=document_changes.status(note.guid) if document_changes else "",
                paragraph=paragraph_of(note, document_paragraphs),
            )
            views.append(view)
            if not view.suppressed:
                counts[note.kind] += 1
            span = date_span(note.date_value) if note.kind == "date" else None
            if span is not None and not view.suppressed:
                label = note.date_value or ""
                events.append(TimelineEvent(view.element_id, *span, label, plain_front(note)))
        views_by_document.append(views)
    total = sum(counts.values())
    sections = "".join(
        document_html(
            reviewed,
            views,
            changes.for_document(reviewed.cards_file, reviewed.name) if changes else None,
        )
        for reviewed, views in zip(documents, views_by_document, strict=True)
    )
    if not documents:
        sections = '<p class="muted">No documents.</p>'
    summary = f"{total} notes from {len(documents)} document(s): {kind_counts_html(counts)}"
    return PAGE.format(
        title=esc(title),
        page_css=PAGE_CSS,
        summary=esc(summary),
        filters=filters_html(counts, total),
        changes=changes_html(changes, documents),
        timeline=timeline_html(sorted(events, key=lambda e: (e.start, e.end))),
        documents=sections,
        card_css=json_for_script(templates.css),
        script=SCRIPT,
    )


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
script-src 'unsafe-inline'; img-src data:; font-src data:">
<title>{title}</title>
<style>{page_css}</style>
</head>
<body>
<header id="top"><h1>{title}</h1><p id="summary">{summary}</p></header>
{filters}
<main>
{changes}
{timeline}
{documents}
</main>
<script type="application/json" id="card-css">{card_css}</script>
<script>{script}</script>
</body>
</html>
"""

PAGE_CSS = """
:root { color-scheme: light; --ink: #1d1d1f; --muted: #6e6e73; --line: #d2d2d7;
  --paper: #f5f5f7; --new: #1a7f37; --updated: #9a6700; --edited: #0b4f8a; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--ink); background: var(--paper); }
header#top { padding: 1em 1.5em 0.2em; }
h1 { margin: 0; font-size: 1.5em; }
h2 { font-size: 1.25em; margin: 0.2em 0 0.5em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.5em; }
main { padding: 0 1.5em 3em; }
.muted { color: var(--muted); font-weight: normal; }
.panel, .document { background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: 0.8em 1em; margin: 1em 0; }
#filters { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 0.5em;
  align-items: center; margin: 0.5em 1.5em; box-shadow: 0 2px 6px rgba(0,0,0,.06); }
.kind-filter { font: inherit; padding: 0.25em 0.7em; border: 1px solid var(--line);
  border-radius: 999px; background: #fff; cursor: pointer; }
.kind-filter[aria-pressed="true"] { background: var(--ink); color: #fff; border-color: var(--ink); }
.kind-filter:disabled { opacity: 0.4; cursor: default; }
.kind-filter .count { opacity: 0.7; }
#search { font: inherit; flex: 1 1 16em; padding: 0.3em 0.6em; border: 1px solid var(--line);
  border-radius: 6px; }
#change-filter { font: inherit; padding: 0.25em; }
.badge { display: inline-block; font-size: 0.78em; padding: 0.05em 0.5em; border-radius: 4px;
  background: #e5e5ea; margin-right: 0.4em; }
.kind-date { background: #fde7c8; } .kind-quote { background: #e4d9f7; }
.kind-definition { background: #d3ecf9; } .kind-claim { background: #dcefd9; }
.change-new { background: var(--new); color: #fff; }
.change-updated { background: var(--updated); color: #fff; }
.change-edited { background: var(--edited); color: #fff; }
.change-orphaned, .conflict { background: #b42318; color: #fff; }
.suppressed .badge.suppressed, .nocard { background: #6e6e73; color: #fff; }
.note { border-top: 1px solid var(--line); padding: 0.8em 0; }
.note.suppressed { opacity: 0.55; }
.note[data-change="new"] { box-shadow: inset 4px 0 0 var(--new); padding-left: 0.8em; }
.note[data-change="updated"] { box-shadow: inset 4px 0 0 var(--updated); padding-left: 0.8em; }
.note[data-change="edited"] { box-shadow: inset 4px 0 0 var(--edited); padding-left: 0.8em; }
.note-head { display: flex; align-items: center; gap: 0.2em; margin-bottom: 0.4em; }
.note-type { color: var(--muted); font-size: 0.85em; }
.guid { margin-left: auto; color: var(--muted); font: 0.75em ui-monospace, monospace; }
.card-name { color: var(--muted); font-size: 0.8em; margin: 0.3em 0 0.2em; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 0.8em; align-items: start; }
@media (max-width: 800px) { .sides { grid-template-columns: 1fr; } }
.card-side { border: 1px solid var(--line); border-radius: 6px; overflow: auto; max-height: 32em;
  background: #fdfdfb; }
.context { margin: 0.6em 0 0; padding: 0.5em 0.8em; border-left: 3px solid var(--line);
  color: #3a3a3c; font-size: 0.92em; }
.context mark { background: #fff3b0; padding: 0 0.1em; }
.context-where { color: var(--muted); font-size: 0.85em; margin-top: 0.3em; }
.document-facts { color: var(--muted); margin-top: 0; }
.orphans { padding-left: 1.2em; }
#timeline-svg { width: 100%; height: auto; display: block; }
#timeline-svg .event { cursor: pointer; }
#timeline-svg .event rect { fill: #0b4f8a; opacity: 0.8; }
#timeline-svg .event.dim rect { fill: #c7c7cc; }
#timeline-svg .event:hover rect { fill: #b42318; opacity: 1; }
#timeline-svg .axis { stroke: #8e8e93; }
#timeline-svg .tick-label { font-size: 11px; fill: #6e6e73; text-anchor: middle; }
#timeline-svg .event-label { font-size: 10px; fill: #3a3a3c; pointer-events: none; }
.note:target { outline: 3px solid #ffcc00; outline-offset: 4px; }
"""

# Shadow roots keep the card CSS (which may style `body`, `*` or `.card`) off the page and the
# page's CSS off the cards, as Anki shows a card in a page of its own.
SCRIPT = r"""
(function () {
  "use strict";
  var HOST_CSS = ":host { all: initial; display: block; }\n";
  var cardCss = JSON.parse(document.getElementById("card-css").textContent);
  var sheet = null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(HOST_CSS + cardCss);
  } catch (error) {
    sheet = null;
  }
  document.querySelectorAll(".card-side").forEach(function (host) {
    var template = host.querySelector("template");
    var root = host.attachShadow({ mode: "open" });
    if (sheet) {
      root.adoptedStyleSheets = [sheet];
    } else {
      var style = document.createElement("style");
      style.textContent = HOST_CSS + cardCss;
      root.appendChild(style);
    }
    var card = document.createElement("div");
    card.className = "card " + host.getAttribute("data-card-class");
    card.appendChild(template.content.cloneNode(true));
    root.appendChild(card);
  });

  var notes = Array.prototype.slice.call(document.querySelectorAll(".note"));
  var buttons = document.querySelectorAll(".kind-filter");
  var search = document.getElementById("search");
  var changeFilter = document.getElementById("change-filter");
  var shownCount = document.getElementById("shown-count");
  var state = { kind: "all", words: [], change: "all" };
  var timelineMarks = [];

  function apply() {
    var shown = 0;
    notes.forEach(function (note) {
      var text = note.getAttribute("data-search");
      var ok = (state.kind === "all" || note.getAttribute("data-kind") === state.kind) &&
        (state.change === "all" || note.getAttribute("data-change") === state.change) &&
        state.words.every(function (word) { return text.indexOf(word) >= 0; });
      note.hidden = !ok;
      if (ok && !note.classList.contains("suppressed")) shown += 1;
    });
    document.querySelectorAll(".kind-group").forEach(function (group) {
      group.hidden = !group.querySelector(".note:not([hidden])");
    });
    var filtering = state.kind !== "all" || state.words.length > 0 || state.change !== "all";
    document.querySelectorAll(".document").forEach(function (section) {
      section.hidden = filtering && !section.querySelector(".note:not([hidden])");
    });
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-kind") === state.kind));
    });
    var total = notes.filter(function (n) { return !n.classList.contains("suppressed"); }).length;
    shownCount.textContent = shown + " of " + total + " notes";
    timelineMarks.forEach(function (mark) {
      var note = document.getElementById(mark.getAttribute("data-note"));
      mark.classList.toggle("dim", !note || note.hidden);
    });
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var kind = button.getAttribute("data-kind");
      state.kind = state.kind === kind ? "all" : kind;
      apply();
    });
  });
  search.addEventListener("input", function () {
    state.words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    apply();
  });
  changeFilter.addEventListener("change", function () {
    state.change = changeFilter.value;
    apply();
  });

  // ----------------------------------------------------------------- timeline
  var SVG = "http://www.w3.org/2000/svg";
  function element(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function niceStep(span) {
    var steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000];
    for (var i = 0; i < steps.length; i += 1) if (span / steps[i] <= 12) return steps[i];
    return 10000;
  }
  function drawTimeline() {
    var svg = document.getElementById("timeline-svg");
    if (!svg) return;
    var events = JSON.parse(document.getElementById("timeline-data").textContent);
    if (!events.length) return;
    var width = 1000, left = 30, right = 30, laneHeight = 16, top = 8;
    var min = Math.min.apply(null, events.map(function (e) { return e.start; }));
    var max = Math.max.apply(null, events.map(function (e) { return e.end; }));
    var step = niceStep(Math.max(1, max - min));
    min = Math.floor(min / step) * step;
    max = Math.max(min + step, Math.ceil(max / step) * step);
    function x(year) { return left + (year - min) / (max - min) * (width - left - right); }
    var laneEnds = [];
    var placed = events.map(function (event) {
      var x0 = x(event.start), x1 = Math.max(x(event.end), x0 + 4);
      var lane = 0;
      while (lane < laneEnds.length && laneEnds[lane] > x0 - 3) lane += 1;
      laneEnds[lane] = x1;
      return { event: event, x0: x0, x1: x1, lane: lane };
    });
    var axisY = top + laneEnds.length * laneHeight + 6;
    var height = axisY + 24;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    element("line", { class: "axis", x1: left, x2: width - right, y1: axisY, y2: axisY }, svg);
    for (var year = min; year <= max + 1e-9; year += step) {
      var tickX = x(year);
      element("line", { class: "axis", x1: tickX, x2: tickX, y1: axisY, y2: axisY + 4 }, svg);
      var label = element("text", { class: "tick-label", x: tickX, y: axisY + 16 }, svg);
      label.textContent = String(year);
    }
    placed.forEach(function (item) {
      var group = element("g", { class: "event", "data-note": item.event.id, tabindex: "0" }, svg);
      var y = top + item.lane * laneHeight;
      element("rect", { x: item.x0, y: y, width: item.x1 - item.x0, height: laneHeight - 5,
        rx: 2 }, group);
      var title = element("title", {}, group);
      title.textContent = item.event.label + ": " + item.event.text;
      function go() {
        var note = document.getElementById(item.event.id);
        if (!note) return;
        if (note.hidden) { state.kind = "all"; state.words = []; search.value = ""; apply(); }
        location.hash = item.event.id;
        note.scrollIntoView({ block: "center" });
      }
      group.addEventListener("click", go);
      group.addEventListener("keydown", function (e) { if (e.key === "Enter") go(); });
      timelineMarks.push(group);
    });
  }
  drawTimeline();
  apply();
})();
"""
