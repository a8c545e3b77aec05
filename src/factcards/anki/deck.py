"""Decks and packaging: Notes -> one .apkg file, written atomically.

The deck id is a hash of the deck name, so packaging the same cards again gives the same deck
and Anki files re-imported notes where they were. Note GUIDs are the Notes' own (stable across
re-extractions), so a re-import updates notes in place and keeps their review history; each
note's modification time is when its content last changed (not the build time), so a re-import
updates exactly the notes that changed.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import genanki

from ..cards import atomic_writer
from ..errors import OutputError
from ..model import Note
from .fields import NoteTypeKey, anki_fields, anki_tags, clean_text
from .note_types import NoteTypes
from .templates import TemplateSet, load_templates

# Anki ids are positive 64-bit integers, but its web views handle them as JavaScript numbers:
# staying below 2**53 keeps them exact there. 2**31 upwards stays clear of small hand-made ids.
DECK_ID_MIN = 1 << 31
DECK_ID_MAX = (1 << 53) - 1

DECK_SEPARATOR = "::"
FALLBACK_DECK_NAME = "factcards"
COLLECTION_MEMBER = "collection.anki2"
MEDIA_MEMBER = "media"  # JSON map of media files: none
ZIP_EPOCH = 315_532_800  # 1980-01-01, the earliest date a zip entry can hold


def clean_deck_name(deck_name: str) -> str:
    """One line, no empty `::` levels (Anki would rename them), never empty."""
    parts = (" ".join(clean_text(p).split()) for p in clean_text(deck_name).split(DECK_SEPARATOR))
    return DECK_SEPARATOR.join(p for p in parts if p) or FALLBACK_DECK_NAME


def deck_id(deck_name: str) -> int:
    """A stable id for a deck name: the same name always gives the same deck."""
    digest = hashlib.sha256(deck_name.encode("utf-8")).digest()
    return DECK_ID_MIN + int.from_bytes(digest[:8], "big") % (DECK_ID_MAX - DECK_ID_MIN + 1)


def note_guid(note: Note) -> str:
    """The note's GUID as is; a hand-made note without one gets a stable one from its content."""
    if note.guid.strip():
        return note.guid
    return genanki.guid_for(note.kind, note.front, note.source.document)


class TimedNote(genanki.Note):
    """A genanki note with its own modification time.

    genanki stamps every note with the build time, so Anki's import ("update if newer") would
    overwrite every note the user edited in Anki. A note's time here is when its content last
    changed: an unchanged note is older than the user's copy and is left alone.
    """

    def __init__(self, *, modified: float, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.modified = modified

    def write_to_db(self, cursor, timestamp: float, deck_id, id_gen) -> None:  # type: ignore[no-untyped-def]
        super().write_to_db(cursor, self.modified, deck_id, id_gen)


@dataclass(frozen=True, slots=True)
class PackagedNote:
    """A note as it goes into the deck, with the fingerprint of that content."""

    guid: str
    note_type: NoteTypeKey
    fields: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def fingerprint(self) -> str:
        """Changes exactly when what Anki would store for the note changes."""
        data = json.dumps([self.note_type, self.fields, self.tags], ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


def packaged_notes(notes: Sequence[Note], extra_tags: Sequence[str] = ()) -> list[PackagedNote]:
    """The notes that go into the deck: not suppressed, something to ask, first of each GUID
    (Anki would merge repeats into one note anyway)."""
    out: list[PackagedNote] = []
    seen: set[str] = set()
    for note in notes:
        if note.suppressed:
            continue
        fields = anki_fields(note)
        guid = note_guid(note)
        if fields is None or guid in seen:
            continue
        seen.add(guid)
        tags = tuple(anki_tags([*note.tags, *extra_tags]))
        out.append(PackagedNote(guid, fields.note_type, tuple(fields.values), tags))
    return out


def build_deck(
    notes: Sequence[PackagedNote],
    deck_name: str,
    note_types: NoteTypes,
    modified: Callable[[PackagedNote], float],
) -> genanki.Deck:
    """The deck of `notes`, each stamped with `modified(note)`."""
    name = clean_deck_name(deck_name)
    deck = genanki.Deck(deck_id(name), name)
    for note in notes:
        deck.add_note(
            TimedNote(
                model=note_types[note.note_type],
                fields=list(note.fields),
                tags=list(note.tags),
                guid=note.guid,
                modified=modified(note),
            )
        )
    return deck


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def collection_bytes(deck: genanki.Deck, timestamp: float) -> bytes:
    """The package's collection.anki2 as genanki fills it, built in memory: no scratch file."""
    connection = sqlite3.connect(":memory:")
    try:
        ids = itertools.count(int(timestamp * 1000))
        genanki.Package(deck).write_to_db(connection.cursor(), timestamp, ids)
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def write_package(deck: genanki.Deck, path: Path, timestamp: float | None = None) -> None:
    """genanki's Package.write_to_file, but atomic, reproducible for a given timestamp, and
    without leaving its scratch database behind in the system temp folder."""
    path = Path(path)
    timestamp = time.time() if timestamp is None else timestamp
    date_time = time.gmtime(max(timestamp, ZIP_EPOCH))[:6]
    try:
        database = collection_bytes(deck, timestamp)
        with (
            atomic_writer(path, "wb") as out,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            # the temporary file is private (0600); a deck is as readable as any file the user makes
            if hasattr(os, "fchmod"):  # not on Windows
                os.fchmod(out.fileno(), 0o666 & ~current_umask())
            for member, data in ((COLLECTION_MEMBER, database), (MEDIA_MEMBER, b"{}")):
                info = zipfile.ZipInfo(member, date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
    except (OSError, sqlite3.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"cannot write deck: {reason}", path) from exc


def write_deck(
    notes: Sequence[Note],
    deck_name: str,
    path: Path,
    templates: TemplateSet | Path | None = None,
    *,
    timestamp: float | None = None,
    note_time: Callable[[str, str], float] | None = None,
    extra_tags: Sequence[str] = (),
) -> int:
    """Write `notes` as the Anki deck `deck_name` to `path` (.apkg); return how many notes it has.

    Suppressed notes, notes with nothing to ask (a blank front and no definition) and repeated
    GUIDs are left out; `extra_tags` go on every note. `templates` is a loaded TemplateSet or a
    directory of template files replacing the defaults (see templates.py).

    Modification times decide what Anki's import updates ("if newer"): `note_time(guid,
    fingerprint)` gives each note's (the time its content last changed; the caller keeps that
    record), else every note gets `timestamp` (default: now). The note types carry the fixed
    time of their templates, so a user's styling in Anki survives until the templates change.
    """
    if not isinstance(templates, TemplateSet):
        templates = load_templates(templates)
    note_types = NoteTypes.from_templates(templates)
    timestamp = time.time() if timestamp is None else timestamp

    def modified(note: PackagedNote) -> float:
        return timestamp if note_time is None else note_time(note.guid, note.fingerprint)

    deck = build_deck(packaged_notes(notes, extra_tags), deck_name, note_types, modified)
    write_package(deck, path, timestamp)
    return len(deck.notes)
