"""Note types, templates and packaging: the only package that imports genanki.

`write_deck(notes, deck_name, path)` writes one .apkg file. The modules, one per concept:
fields.py (Note -> note type and escaped field HTML), templates.py (template files and user
overrides), note_types.py (the three note types with fixed ids), deck.py (deck ids, packaging),
render.py (Anki's template language, for the preview).

`write_deck` is imported on first use: checking templates (templates.py) must not pay for
importing genanki, so a rebuild with nothing to package stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .deck import write_deck

__all__ = ["write_deck"]


def __getattr__(name: str) -> Any:
    if name == "write_deck":
        from .deck import write_deck

        return write_deck
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
