"""Sentence ranking: facts counted, centrality damped, specific statements preferred."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcards.nlp.centrality import (
    blocks,
    content_lemmas,
    fact_count,
    sentence_merits,
    vague_number,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trotsky was expelled from the party in November 1927.", 2),  # a person and a date
        ("The population of Russia dropped by 9.5 million.", 2),  # a place and a number
        ("The theory expressed the outlook of a conservative layer.", 0),
        ("Many thousands of workers were killed.", 0),  # a count that states no number
    ],
)
def test_fact_count(parse, text: str, expected: int) -> None:
    assert fact_count(next(iter(parse(text).sents))) == expected


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("thousands", True),
        ("many thousands", True),
        ("the several hundred", True),
        ("20,000", False),
    ],
)
def test_vague_number(parse, text: str, vague: bool) -> None:
    assert vague_number(parse(text)[:]) is vague


# the first two sentences restate the block's theme; the third states a specific fact on the
# same theme with names and a date; the fourth is unrelated
THEME_TEXT = (
    "The theory of socialism in one country expressed the outlook of the bureaucracy. "
    "The bureaucracy adopted the theory of socialism in one country as its program. "
    "In April 1927, Stalin imposed the theory of socialism in one country on the Chinese "
    "Communist Party. "
    "Rain fell."
)


def test_specific_statement_outranks_restatement_of_theme(parse) -> None:
    block = list(parse(THEME_TEXT).sents)
    centrality, merits = sentence_merits(block, [content_lemmas(s) for s in block])
    assert len(merits) == 4
    assert centrality[3] < min(centrality[:3])  # the unrelated sentence is least central
    assert merits[2] == max(merits)


def test_centrality_is_damped(parse, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ratio of two sentences' merits is the ratio of their centralities to the power
    CENTRALITY_EXPONENT: a sentence twice as central is not worth twice as much."""
    from factcards.nlp import centrality as module

    block = list(parse(THEME_TEXT).sents)
    lemma_lists = [content_lemmas(s) for s in block]
    exponent = module.CENTRALITY_EXPONENT
    assert 0 < exponent < 1
    centrality, damped = sentence_merits(block, lemma_lists)
    monkeypatch.setattr(module, "CENTRALITY_EXPONENT", 1.0)
    _, raw = sentence_merits(block, lemma_lists)
    relative = centrality * len(block)
    assert relative[0] > 1 > relative[3]
    assert list(damped / raw) == pytest.approx(list(relative ** (exponent - 1)))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_blocks_cover_every_sentence_once(parse, text: str) -> None:
    doc = parse(text)
    starts = [sent.start for block in blocks(doc) for sent in block]
    assert starts == [sent.start for sent in doc.sents]
    for block in blocks(doc):
        _, merits = sentence_merits(block, [content_lemmas(s) for s in block])
        assert all(m >= 0 for m in merits)
