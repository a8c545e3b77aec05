"""Note types, templates and packaging: the only package that imports genanki.

`write_deck(notes, deck_name, path)` writes one .apkg file. The modules, one per concept:
fields.py (Note -> note type and escaped field HTML), templates.py (template files and user
overrides), note_types.py (the three note types with fixed ids), deck.py (deck ids, packaging).
"""

from __future__ import annotations

from .deck import write_deck

__all__ = ["write_deck"]
