"""Shared fixtures: one spaCy pipeline for the whole session, and a parser for test texts."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import settings

from factcards.model import Document, OffsetMap

# Property tests check behaviour, never time: a loaded CI machine must not fail one on
# hypothesis's per-example deadline.
settings.register_profile("factcards", deadline=None)
settings.load_profile("factcards")

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"


def document_from_text(
    text: str, works: Sequence[tuple[int, int]] = (), date: str | None = None
) -> Document:
    """A Document whose clean text is `text` verbatim (no ingest), for extractor tests."""
    offsets = OffsetMap()
    offsets.add(0, 0)
    return Document(
        path=Path("test.txt"),
        name="test.txt",
        title="test",
        text=text,
        offsets=offsets,
        works=list(works),
        date=date,
    )


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline with the paragraph-boundary component but no extractors."""
    from factcards.nlp.pipeline import load_pipeline

    return load_pipeline(kinds=())


@pytest.fixture(scope="session")
def parse(nlp) -> Callable:
    """parse(text, works=[(start, end)], date=None) -> a Doc parsed as the pipeline does."""
    from factcards.nlp.pipeline import make_doc

    def _parse(text: str, works: Sequence[tuple[int, int]] = (), date: str | None = None):
        return nlp(make_doc(nlp, document_from_text(text, works, date)))

    return _parse


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds run from the project directory: keep their extraction cache out of it."""
    previous = os.environ.get("FACTCARDS_CACHE_DIR")
    os.environ["FACTCARDS_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        del os.environ["FACTCARDS_CACHE_DIR"]
    else:
        os.environ["FACTCARDS_CACHE_DIR"] = previous
