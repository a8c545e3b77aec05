"""factcards: offline Anki decks from prose.

Stages, one module each: ingest -> nlp -> questions -> cards -> anki, with cli on top.
"""

__version__ = "0.1.0"
