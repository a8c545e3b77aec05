"""Decks and packaging: Notes -> one .apkg file, written atomically.

The deck id is a hash of the deck name, so packaging the same cards again gives the same deck
and Anki files re-imported notes where they were. Note GUIDs are the Notes' own (stable across
re-extractions), so a re-import updates notes in place and keeps their review history.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import sqlite3
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

import genanki

from ..cards import atomic_writer
from ..errors import OutputError
from ..model import Note
from .fields import anki_fields, anki_tags, clean_text
from .note_types import NoteTypes
from .templates import load_templates

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


def build_deck(notes: Sequence[Note], deck_name: str, note_types: NoteTypes) -> genanki.Deck:
    """The deck of every note that has something to ask; later duplicates of a GUID are dropped
    (Anki would merge them into one note anyway)."""
    name = clean_deck_name(deck_name)
    deck = genanki.Deck(deck_id(name), name)
    seen: set[str] = set()
    for note in notes:
        fields = anki_fields(note)
        guid = note_guid(note)
        if fields is None or guid in seen:
            continue
        seen.add(guid)
        deck.add_note(
            genanki.Note(
                model=note_types[fields.note_type],
                fields=list(fields.values),
                tags=anki_tags(note.tags),
                guid=guid,
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
    templates_dir: Path | None = None,
    *,
    timestamp: float | None = None,
) -> int:
    """Write `notes` as the Anki deck `deck_name` to `path` (.apkg); return how many notes it has.

    Notes with nothing to ask (a blank front and no definition) and repeated GUIDs are left out.
    `templates_dir` may hold template files replacing the defaults (see templates.py).
    `timestamp` (seconds) fixes the notes' modification time; Anki's default import only updates
    notes whose time is newer than its copy's, so leave it to the clock except for tests.
    """
    note_types = NoteTypes.from_templates(load_templates(templates_dir))
    deck = build_deck(notes, deck_name, note_types)
    write_package(deck, path, timestamp)
    return len(deck.notes)
