"""Regeneration: fresh notes from the source + the user's cards file -> the new cards file.

cards/*.jsonl belongs to the user. When a document is extracted again, its fresh notes are merged
into what the file holds, note by note (matched by GUID), using a record of what factcards itself
last generated for each GUID (kept in the cards manifest):

- a note the user has not touched takes the fresh version (`updated` if that differs);
- a note the user edited keeps the user's text; if the fresh version also differs from what was
  generated before, the source changed under the edit: the note gets a `conflict` entry holding
  the new version, and stays reported until the user deletes that entry;
- `"suppressed": true` is the user's and survives regeneration (the deck leaves the note out);
- a note whose fact is gone from the source is `orphaned`: kept, tagged `factcards::orphaned`
  (Anki never deletes notes on import, so the deck carries the tag to the user's copy);
- a key claim whose sentence is still in the source stays as it is, though the fresh extraction
  did not choose it: claims are a ranked share of each stretch of text, and an edit elsewhere
  (a paragraph added) must not churn the cards the user is already learning;
- a note with a GUID factcards never generated was added by hand: kept as it is;
- a generated note the user deleted from the file stays deleted (the record remembers it).

A fact whose anchor changed with an edit of its sentence (a corrected year, a reworded
definition) keeps its GUID: see `reconcile_guids`.

Positions: start/end offsets and the page are not the user's content. A note whose sentence
moved (a paragraph inserted above) is not an edit, and a kept edit follows its sentence.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .model import Note

ORPHANED_TAG = "factcards::orphaned"


@dataclass(slots=True)
class NoteRecord:
    """What the manifest remembers of one GUID of a cards file."""

    generated: str = ""  # content key of the note factcards last generated ("" = user's own)
    deleted: bool = False  # generated, then deleted from the file by the user
    packaged: str = ""  # fingerprint of the note as last packaged into a deck
    modified: int = 0  # when that packaged content last changed (seconds since the epoch)
    alias: str = ""  # the GUID extraction now gives this note's fact (see reconcile_guids)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v}

    @classmethod
    def from_json(cls, data: object) -> NoteRecord:
        if not isinstance(data, dict):
            return cls()
        return cls(
            generated=str(data.get("generated") or ""),
            deleted=bool(data.get("deleted", False)),
            packaged=str(data.get("packaged") or ""),
            modified=int(data.get("modified") or 0),
            alias=str(data.get("alias") or ""),
        )


@dataclass(slots=True)
class Merge:
    """The merged cards file, the records to keep, and what changed (notes by status)."""

    notes: list[Note] = field(default_factory=list)
    records: dict[str, NoteRecord] = field(default_factory=dict)
    new: list[Note] = field(default_factory=list)
    updated: list[Note] = field(default_factory=list)
    unchanged: list[Note] = field(default_factory=list)
    orphaned: list[Note] = field(default_factory=list)
    edited: list[Note] = field(default_factory=list)  # user edits kept (conflicts included)
    conflicts: list[Note] = field(default_factory=list)  # with an unresolved `conflict`
    by_hand: list[Note] = field(default_factory=list)  # the user's own notes
    deleted: int = 0  # generated notes the user deleted from the file
    suppressed: int = 0


def content_key(note: Note) -> str:
    """What the user may edit, hashed: everything but positions and the user's own flags."""
    data = note.to_json()
    data.pop("suppressed", None)
    data.pop("conflict", None)
    source = data.get("source")
    if isinstance(source, dict):
        data["source"] = {k: v for k, v in source.items() if k not in ("start", "end", "page")}
    encoded = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()[:20]


def _with_position(note: Note, fresh: Note) -> Note:
    """`note` with `fresh`'s offsets and page (where its sentence is now)."""
    source = dataclasses.replace(
        note.source, start=fresh.source.start, end=fresh.source.end, page=fresh.source.page
    )
    return dataclasses.replace(note, source=source)


def _orphan(note: Note) -> Note:
    if ORPHANED_TAG in note.tags:
        return note
    return dataclasses.replace(note, tags=[*note.tags, ORPHANED_TAG])


def _unorphan(note: Note) -> Note:
    if ORPHANED_TAG not in note.tags:
        return note
    return dataclasses.replace(note, tags=[t for t in note.tags if t != ORPHANED_TAG])


def _still_chosen(note: Note, in_source: Callable[[str], bool] | None) -> bool:
    """A claim the fresh extraction did not choose, whose sentence is still in the source."""
    return note.kind == "claim" and in_source is not None and in_source(note.source.sentence)


def merge_notes(
    existing: Sequence[Note] | None,
    fresh: Sequence[Note],
    records: Mapping[str, NoteRecord],
    in_source: Callable[[str], bool] | None = None,
) -> Merge:
    """Merge `fresh` notes into the `existing` cards file (None: there is no file yet).

    `records` is what the manifest remembered of the file's GUIDs; the result's `records`
    replaces it (packaging data carried over). `in_source(sentence)` tells whether a sentence is
    still in the document: a generated claim the fresh notes lack is kept as it is when it is.
    """
    merge = Merge()
    if existing is None:
        for note in fresh:
            merge.notes.append(note)
            merge.new.append(note)
            merge.records[note.guid] = _record(records, note.guid, generated=content_key(note))
        return merge

    existing_by_guid = {note.guid: note for note in existing}
    original_guids = [note.guid for note in fresh]
    fresh = reconcile_guids(existing, fresh, records)
    aliases = {
        note.guid: original
        for note, original in zip(fresh, original_guids, strict=True)
        if note.guid != original
    }
    merged: dict[str, Note] = {}
    for note in fresh:
        generated = content_key(note)
        record = records.get(note.guid)
        before = record.generated if record is not None and record.generated else None
        old = existing_by_guid.get(note.guid)
        if old is None:
            if before is not None:
                # generated before and since deleted from the file by the user: that sticks
                merge.deleted += 1
                merge.records[note.guid] = _record(records, note.guid, generated, deleted=True)
            else:
                merged[note.guid] = note
                merge.new.append(note)
                merge.records[note.guid] = _record(records, note.guid, generated)
            continue
        if before is not None:
            old = _unorphan(old)  # the tag was ours: the fact is back
        old_key = content_key(old)
        # without a record (the manifest was lost) any difference may be the user's
        edited = old_key != (before if before is not None else generated)
        if not edited or old_key == generated:
            result = dataclasses.replace(note, suppressed=old.suppressed)
            (merge.unchanged if old_key == generated else merge.updated).append(result)
        else:
            result = _with_position(old, note)
            if before != generated:  # the source changed under the user's edit
                new_version = {
                    "front": note.front,
                    "back": note.back,
                    "sentence": note.source.sentence,
                }
                result = dataclasses.replace(result, conflict=new_version)
            merge.edited.append(result)
        merged[note.guid] = result
        merge.records[note.guid] = _record(records, note.guid, generated)
        merge.records[note.guid].alias = aliases.get(note.guid, "")

    # notes only the file has (orphaned facts, the user's own) stay after the note they followed
    after: dict[str | None, list[Note]] = {}
    anchor: str | None = None
    for note in existing:
        if note.guid in merged:
            anchor = note.guid
            continue
        if note.guid in merge.records:
            continue  # a repeated line of a GUID already placed
        record = records.get(note.guid)
        if record is not None and record.generated and _still_chosen(note, in_source):
            kept = _unorphan(note)
            merge.unchanged.append(kept)
            merge.records[note.guid] = _record(records, note.guid, record.generated)
        elif record is not None and record.generated:
            kept = _orphan(note)
            merge.orphaned.append(kept)
            merge.records[note.guid] = _record(records, note.guid, record.generated)
        else:
            kept = note
            merge.by_hand.append(kept)
            merge.records[note.guid] = _record(records, note.guid, "")
        after.setdefault(anchor, []).append(kept)

    merge.notes.extend(after.get(None, []))
    for guid, note in merged.items():
        merge.notes.append(note)
        merge.notes.extend(after.get(guid, []))
    merge.conflicts = [note for note in merge.notes if note.conflict is not None]
    merge.suppressed = sum(note.suppressed for note in merge.notes)
    return merge


SIMILAR_SENTENCE = 0.8  # difflib ratio of two source sentences that are "the same, edited"
SIMILAR_ANSWER = 0.5  # ... and of their answers
MAX_RECONCILE_PAIRS = 250_000  # beyond this many comparisons, reconcile exact sentences only


def _similarity(a: str, b: str) -> float:
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # the cheap upper bounds first: most pairs are nothing alike
    if matcher.real_quick_ratio() < SIMILAR_ANSWER or matcher.quick_ratio() < SIMILAR_ANSWER:
        return 0.0
    return matcher.ratio()


def reconcile_guids(
    existing: Sequence[Note], fresh: Sequence[Note], records: Mapping[str, NoteRecord]
) -> list[Note]:
    """Fresh notes that are an edited version of a generated note in the file take its GUID.

    A GUID comes from the fact's anchor (its answer and key words), which survives most edits
    of a sentence but not all: a corrected year or a reworded definition gives a new anchor.
    Such a fact would otherwise be orphaned and come back as a new note without its review
    history. A fresh note with an unknown GUID is matched to a would-be orphan of the same kind
    whose source sentence is nearly the same (and whose answer is similar); best pairs first.
    """
    fresh_guids = {note.guid for note in fresh}
    known = {note.guid for note in existing}
    orphans = [
        note
        for note in existing
        if note.guid not in fresh_guids
        and (record := records.get(note.guid)) is not None
        and record.generated
    ]
    newcomers = [i for i, note in enumerate(fresh) if note.guid not in known]
    if not orphans or not newcomers:
        return list(fresh)
    out = list(fresh)
    # matched by an earlier build: no need to compare sentences again
    by_alias = {records[note.guid].alias: note for note in orphans if records[note.guid].alias}
    taken_old: set[str] = set()
    for i in list(newcomers):
        old = by_alias.get(fresh[i].guid)
        if old is not None and old.kind == fresh[i].kind:
            out[i] = dataclasses.replace(fresh[i], guid=old.guid)
            taken_old.add(old.guid)
            newcomers.remove(i)
    orphans = [note for note in orphans if note.guid not in taken_old]
    if not orphans or not newcomers:
        return out
    exact_only = len(orphans) * len(newcomers) > MAX_RECONCILE_PAIRS
    pairs: list[tuple[float, int, int]] = []
    for i in newcomers:
        new = fresh[i]
        for j, old in enumerate(orphans):
            if old.kind != new.kind:
                continue
            if exact_only and old.source.sentence != new.source.sentence:
                continue
            sentence = _similarity(old.source.sentence, new.source.sentence)
            if sentence < SIMILAR_SENTENCE:
                continue
            answer = _similarity(old.back, new.back) if old.back or new.back else 1.0
            if answer < SIMILAR_ANSWER:
                continue
            pairs.append((sentence + answer, i, j))
    taken_new: set[int] = set()
    taken_orphans: set[int] = set()
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i in taken_new or j in taken_orphans:
            continue
        taken_new.add(i)
        taken_orphans.add(j)
        out[i] = dataclasses.replace(fresh[i], guid=orphans[j].guid)
    return out


def _record(
    records: Mapping[str, NoteRecord], guid: str, generated: str, *, deleted: bool = False
) -> NoteRecord:
    """A record for `guid` with a new `generated` key, packaging data carried over."""
    old = records.get(guid) or NoteRecord()
    return NoteRecord(
        generated=generated, deleted=deleted, packaged=old.packaged, modified=old.modified
    )
