"""The extraction cache: a document's notes, remembered by what produced them.

An entry's key is the SHA-256 of everything the notes depend on: the document's bytes and name,
the factcards version and source code, the spaCy version, the model's name and version, and
the kinds asked for. Change any of them and the key changes, so a stale entry is never read; it
is left behind, and deleted once no run has read it for 30 days.

An entry is a small text file: one JSON header line (title, word count) and then the notes'
cards lines exactly as the cards file has them, so a cached run writes byte-identical cards.
Writes are atomic; an entry that cannot be read or parsed counts as a miss.

Nothing here imports spaCy: a fully cached run never loads the pipeline.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .cards import atomic_writer, note_from_json
from .errors import FactcardsError

DEFAULT_CACHE_DIR = Path(".factcards-cache")
ENTRY_SUFFIX = ".entry"
FORMAT = 1  # bump when the entry layout changes
PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(slots=True)
class Extraction:
    """What extracting one document produced: its title, size and cards lines."""

    title: str
    words: int
    lines: list[str]


@functools.cache
def source_fingerprint(package_dir: Path = PACKAGE_DIR) -> str:
    """SHA-256 over the package's own files, so editing the code invalidates every entry."""
    digest = hashlib.sha256()
    files = sorted(
        p for p in package_dir.rglob("*") if p.is_file() and p.suffix in {".py", ".html", ".css"}
    )
    for path in files:
        digest.update(path.relative_to(package_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@functools.cache
def model_fingerprint(model: str) -> str:
    """The model's name, version and spaCy version, read from its meta.json without spaCy."""
    import importlib.metadata  # here: it is slow to import, and --help needs none of this

    try:
        spacy_version = importlib.metadata.version("spacy")
    except importlib.metadata.PackageNotFoundError:
        spacy_version = "?"
    meta = _model_meta(model)
    if meta is None:
        return f"{model}|?|spacy {spacy_version}"
    return f"{model}|{meta.get('name')}|{meta.get('version')}|spacy {spacy_version}"


def _model_meta(model: str) -> dict | None:
    candidates: list[Path] = []
    path = Path(model)
    if path.exists():
        candidates.append(path / "meta.json")
    else:
        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.submodule_search_locations:
            candidates.extend(Path(p) / "meta.json" for p in spec.submodule_search_locations)
    for candidate in candidates:
        try:
            meta = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(meta, dict):
            return meta
    return None


def entry_key(
    data: bytes,
    name: str,
    model: str,
    kinds: Sequence[str],
    claim_density: float | None = None,
    questions_per_claim: int | None = None,
) -> str:
    """The cache key of one document: what its notes depend on, hashed."""
    context = json.dumps(
        [
            FORMAT,
            __version__,
            source_fingerprint(),
            model_fingerprint(model),
            list(kinds),
            claim_density,
            questions_per_claim,
            name,
        ],
        ensure_ascii=False,
    )
    digest = hashlib.sha256(context.encode("utf-8") + b"\0")
    digest.update(data)
    return digest.hexdigest()


UNUSED_DAYS = 30  # an entry no run has read for this long is deleted
PRUNE_EVERY_SECONDS = 24 * 3600  # ... checked at most once a day (a full scan costs a moment)
PRUNED_MARKER = ".last-pruned"


class ExtractionCache:
    """Entries under `directory`, one file each, fanned out by the key's first two digits.

    Reading an entry touches it; entries untouched for UNUSED_DAYS (old code, old versions of
    documents) are deleted by `prune`, which runs at most once a day.
    """

    def __init__(self, directory: Path = DEFAULT_CACHE_DIR) -> None:
        self.directory = Path(directory)

    def prune(self, unused_days: float = UNUSED_DAYS, *, force: bool = False) -> int:
        """Delete entries no run has read for `unused_days`; return how many went."""
        marker = self.directory / PRUNED_MARKER
        now = time.time()
        try:
            if not force and now - marker.stat().st_mtime < PRUNE_EVERY_SECONDS:
                return 0
        except OSError:
            pass  # never pruned (or no cache yet)
        if not self.directory.is_dir():
            return 0
        cutoff = now - unused_days * 24 * 3600
        removed = 0
        for path in self.directory.glob(f"??/*{ENTRY_SUFFIX}"):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        with contextlib.suppress(OSError):
            marker.touch()
        return removed

    def path_for(self, key: str) -> Path:
        return self.directory / key[:2] / (key + ENTRY_SUFFIX)

    def get(self, key: str) -> Extraction | None:
        """The entry for `key`, or None when it is missing or damaged (then it is recomputed)."""
        try:
            text = self.path_for(key).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        try:
            header_line, *lines = text.split("\n")
            header = json.loads(header_line)
            if header.get("key") != key or lines[-1:] != [""]:
                return None  # not ours, or cut short (every entry ends with a newline)
            lines = lines[:-1]
            if len(lines) != header["notes"]:
                return None
            for line in lines:
                note_from_json(json.loads(line))
        except (ValueError, TypeError, KeyError, AttributeError):
            return None
        with contextlib.suppress(OSError):  # mark it in use, to keep it from `prune`
            os.utime(self.path_for(key))
        return Extraction(str(header["title"]), int(header["words"]), lines)

    def put(self, key: str, extraction: Extraction) -> None:
        """Store an entry atomically; a cache that cannot be written is not an error."""
        header = {
            "key": key,
            "title": extraction.title,
            "words": extraction.words,
            "notes": len(extraction.lines),
        }
        try:
            with atomic_writer(self.path_for(key)) as out:
                out.write(json.dumps(header, ensure_ascii=False) + "\n")
                for line in extraction.lines:
                    out.write(line + "\n")
        except (OSError, FactcardsError):
            pass  # a read-only or full disk costs speed next time, not this run
