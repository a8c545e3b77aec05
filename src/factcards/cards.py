"""cards/: one JSON Lines file of notes per source document, plus a small manifest.

The JSON Lines files are the contract other tools read (see README "The cards files"): one note
per line, in document order, plain text. The manifest (`.manifest.json` beside them) remembers
each cards file's source document and title, so `factcards package` can name decks without
re-reading the sources, and a record per note: what factcards last generated for it (to tell the
user's edits from changes in the source, see regenerate.py) and when its packaged content last
changed (the note's modification time in the deck).

Every write is atomic: a temporary file in the same folder, then `os.replace`.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import InputError, OutputError, read_text
from .model import EXTRA_FIELDS, KINDS, Note, SourceRef
from .regenerate import NoteRecord

MANIFEST_NAME = ".manifest.json"
CHANGES_NAME = ".factcards-changes.json"  # what the last extraction changed (for the preview)
CARDS_SUFFIX = ".jsonl"


@contextmanager
def atomic_writer(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path`; on success it replaces `path`, else it vanishes."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", path.parent) from exc
    tmp = Path(tmp_name)
    try:
        # mkstemp makes owner-only files; give the result the permissions a plain open() would
        os.chmod(tmp, 0o666 & ~_umask())
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if "b" in mode else "\n") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


STALE_TEMPORARY_SECONDS = 15 * 60  # a write in progress is never this old


def remove_stale_temporaries(folder: Path) -> int:
    """Delete the hidden temporaries (`.name.*.tmp`) a killed write left in `folder`.

    Only ones older than STALE_TEMPORARY_SECONDS: a younger one may belong to a build running
    right now. Returns how many were removed; a folder that cannot be read is left alone.
    """
    removed = 0
    cutoff = time.time() - STALE_TEMPORARY_SECONDS
    try:
        candidates = list(Path(folder).glob(".*.tmp"))
    except OSError:
        return 0
    for path in candidates:
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def cards_filename(document_name: str) -> str:
    """`seeds/My Lecture.md` -> `My Lecture.jsonl` (the stem keeps the link to the source)."""
    stem = Path(document_name).stem or "document"
    return stem + CARDS_SUFFIX


def note_to_line(note: Note) -> str:
    return json.dumps(note.to_json(), ensure_ascii=False)


def write_cards(notes: Iterable[Note], path: Path) -> int:
    count = 0
    with atomic_writer(path) as out:
        for note in notes:
            out.write(note_to_line(note) + "\n")
            count += 1
    return count


def note_from_json(data: Any) -> Note:
    """Validate one decoded line; raise ValueError saying what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("a note must be a JSON object")
    for key in ("guid", "kind", "front", "back", "source"):
        if key not in data:
            raise ValueError(f"missing field {key!r}")
    if data["kind"] not in KINDS:
        raise ValueError(f"unknown kind {data['kind']!r} (expected one of {', '.join(KINDS)})")
    for key in ("guid", "front", "back"):
        if not isinstance(data[key], str):
            raise ValueError(f"field {key!r} must be a string")
    if not data["guid"].strip() or not data["front"].strip():
        raise ValueError("guid and front must not be empty")
    source = data["source"]
    if not isinstance(source, dict) or not isinstance(source.get("document"), str):
        raise ValueError("source must be an object with a 'document' string")
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ValueError("tags must be a list of strings")
    extras = {}
    for name in EXTRA_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, str | int):
            raise ValueError(f"field {name!r} must be a string")
        extras[name] = None if value is None else str(value)
    suppressed = data.get("suppressed", False)
    if not isinstance(suppressed, bool):
        raise ValueError("suppressed must be true or false")
    conflict = data.get("conflict")
    if conflict is not None and (
        not isinstance(conflict, dict) or not all(isinstance(v, str) for v in conflict.values())
    ):
        raise ValueError("conflict must be an object of strings")
    return Note(
        guid=data["guid"],
        kind=data["kind"],
        front=data["front"],
        back=data["back"],
        source=SourceRef(
            document=source["document"],
            sentence=str(source.get("sentence") or ""),
            start=int(source.get("start") or 0),
            end=int(source.get("end") or 0),
            section=source.get("section"),
            page=source["page"] if isinstance(source.get("page"), int) else None,
        ),
        tags=list(tags),
        suppressed=suppressed,
        conflict=conflict,
        **extras,
    )


def read_cards(path: Path) -> list[Note]:
    """Read a cards file; a broken line is an InputError naming the file and line."""
    lines = read_text(path, "cards file").splitlines()
    notes = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            notes.append(note_from_json(json.loads(line)))
        except (ValueError, TypeError) as exc:
            message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            raise InputError(f"line {number}: {message}", path) from exc
    return notes


def expand_cards(paths: Iterable[Path]) -> list[Path]:
    """Cards files as given; directories expand to their *.jsonl files."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.glob(f"*{CARDS_SUFFIX}") if p.is_file())
            if not files:
                raise InputError("no *.jsonl cards files in this directory", path)
            found.extend(files)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError("no such file or directory", path)
    return found


# --------------------------------------------------------------------------- manifest


def read_manifest(cards_dir: Path) -> dict[str, Any]:
    path = Path(cards_dir) / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # missing, unreadable or not JSON: start afresh
        return {"documents": {}}
    if not isinstance(data, dict) or not isinstance(data.get("documents"), dict):
        return {"documents": {}}
    return data


def update_manifest(cards_dir: Path, entries: Mapping[str, Mapping[str, Any]]) -> None:
    """Merge `entries` (cards file -> keys to set) into the manifest, in one write, and only
    when something changed (a rebuild with nothing new leaves the file alone)."""
    manifest = read_manifest(cards_dir)
    documents = dict(manifest["documents"])
    for cards_file, entry in entries.items():
        old = documents.get(cards_file)
        documents[cards_file] = {**(old if isinstance(old, dict) else {}), **entry}
    documents = dict(sorted(documents.items()))
    path = Path(cards_dir) / MANIFEST_NAME
    if documents == manifest["documents"] and path.exists():
        return
    manifest["documents"] = documents
    with atomic_writer(path) as out:
        json.dump(manifest, out, ensure_ascii=False, indent=1)
        out.write("\n")


def note_records(manifest: Mapping[str, Any], cards_file: str) -> dict[str, NoteRecord]:
    """What the manifest remembers of each GUID of `cards_file` (see regenerate.py)."""
    entry = manifest["documents"].get(cards_file)
    notes = entry.get("notes") if isinstance(entry, dict) else None
    if not isinstance(notes, dict):
        return {}
    return {str(guid): NoteRecord.from_json(data) for guid, data in notes.items()}


def records_to_json(records: Mapping[str, NoteRecord]) -> dict[str, dict[str, Any]]:
    return {guid: record.to_json() for guid, record in records.items()}


def deck_title(cards_path: Path) -> str:
    """The document title the manifest recorded, else the file stem made readable."""
    entry = read_manifest(cards_path.parent)["documents"].get(cards_path.name) or {}
    title = entry.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    return readable_stem(cards_path.stem)


def readable_stem(stem: str) -> str:
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"
