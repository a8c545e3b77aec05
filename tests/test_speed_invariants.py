"""The shortcuts taken for speed give what the plain computation gives."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcards.nlp import claims, dates
from factcards.nlp.centrality import blocks, content_lemmas, sentence_merits
from factcards.nlp.text import tokens_with
from factcards.questions import normalise

SEED_FILES = [
    "socialism-in-one-country-or-permanent-revolution.md",
    "trotsky-on-socialism-and-the-productive-forces.txt",
]

PLAIN_TEXT = (
    "The Sichuan earthquake struck on 12 May 2008. It killed about 69,000 people in China. "
    "The epicentre lay in Wenchuan County, 80 kilometres west of Chengdu. "
    "Rescue teams from Japan and Russia reached the region within days. "
    "The Chinese government spent about $146 billion on reconstruction. "
    "Many schools collapsed, and parents blamed corrupt builders for the deaths. "
    "The Red Cross Society of China collected donations from across the country. "
    "Premier Wen Jiabao flew to the area hours after the earthquake.\n\n"
    "Whitehead was born in Ramsgate, Kent, in 1861. He studied mathematics at Trinity "
    "College, Cambridge. Whitehead wrote Principia Mathematica with Bertrand Russell. "
    "In 1924 he moved to Harvard University, where he taught philosophy until 1937. "
    "Process and Reality, published in 1929, is his best-known philosophical work.\n"
)


def _eager(block, frequency: Counter[str], quoted: set[int]) -> list:
    """Every sentence's claim, sorted: what the lazy ranking must reproduce."""
    lemma_lists = [content_lemmas(sent) for sent in block]
    centrality, merits = sentence_merits(block, lemma_lists)
    found = []
    for index, sent in enumerate(block):
        claim = claims._claim_merit(
            sent, frequency, quoted, float(centrality[index]), merits[index]
        )
        if claim is not None:
            found.append((*claim, set(lemma_lists[index])))
    found.sort(key=lambda item: (-item[0], item[1].sentence.start))
    return found


def _texts(seeds) -> list[str]:
    return [PLAIN_TEXT] + [(seeds / name).read_text(encoding="utf-8")[:6000] for name in SEED_FILES]


@pytest.mark.parametrize("which", range(1 + len(SEED_FILES)))
def test_lazy_ranked_claims_match_the_full_sort(parse, which: int) -> None:
    from conftest import SEEDS

    doc = parse(_texts(SEEDS)[which])
    frequency: Counter[str] = Counter(content_lemmas(doc[:]))
    quoted = claims._quoted_tokens(doc)
    compared = 0
    for block in blocks(doc):
        lazy = list(claims.ranked_claims(block, frequency, quoted))
        assert lazy == _eager(block, frequency, quoted)
        compared += len(lazy)
    assert compared > 0


def test_merit_bound_covers_every_factor() -> None:
    """QUESTION_BONUS is the only factor above 1; a bound below any merit breaks the ranking."""
    assert claims.REWRITTEN_PENALTY <= 1 and claims.PRONOUN_CLOZE_PENALTY <= 1
    assert claims._merit_bound(2.0) >= 2.0 * claims.QUESTION_BONUS


def _normalise_by_category(text: str) -> str:
    """normalise as first written: each character's category read on every call."""
    text = unicodedata.normalize("NFKC", text).casefold()
    kept = [" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text]
    return " ".join("".join(kept).split())


@given(st.text())
def test_normalise_translates_as_the_category_test_did(text: str) -> None:
    assert normalise(text) == _normalise_by_category(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Trotsky’s “theory”!", "trotsky s theory"), ("ＡＢＣ—1917", "abc 1917"), ("", "")],
)
def test_normalise_examples(text: str, expected: str) -> None:
    assert normalise(text) == expected


DATE_TEXT_ALPHABET = st.sampled_from(
    [" ", "\n", ",", "-", "–", "'", "’s", "the ", "The ", "of ", "early ", "mid-", "late ",
     "fiscal ", "end ", "first half ", "spring ", "Summer ", "May ", "Sept. ", "12 ", "1917",
     "2008", "1920s", "year", "that ", "two years later", "between ", "and ", "to ", "x", "9"]
)  # fmt: skip


def _date_matches_unguarded(text: str) -> list[tuple[str, tuple[int, int], dict]]:
    return [
        (name, m.span(), m.groupdict())
        for name, pattern in dates.DATE_PATTERNS
        for m in re.compile(pattern).finditer(text)
    ]


def _date_matches_guarded(text: str) -> list[tuple[str, tuple[int, int], dict]]:
    return [
        (name, m.span(), m.groupdict())
        for name, pattern in dates._COMPILED
        for m in pattern.finditer(text)
    ]


@given(st.lists(DATE_TEXT_ALPHABET, max_size=40).map("".join))
def test_date_pattern_guards_change_no_match(text: str) -> None:
    assert _date_matches_guarded(text) == _date_matches_unguarded(text)


def test_date_pattern_guards_change_no_match_in_the_seeds() -> None:
    from conftest import SEEDS

    for path in sorted(SEEDS.iterdir()):
        text = path.read_text(encoding="utf-8")
        found = _date_matches_guarded(text)
        assert found == _date_matches_unguarded(text) and found


TOKEN_QUERIES = [
    ("text", ("(",)),
    ("text", (",", "—", "–", "--")),
    ("lower", (":", "or")),
    ("lower", ("is", "are", "'s", "was", "were")),
    ("lemma", ("be", "represent", "constitute")),
    ("pos", ("VERB", "AUX")),
    ("pos", ("ADJ",)),
]


def _attribute(token, attribute: str) -> str:
    if attribute == "lemma":
        return token.lemma_.lower()
    return {"text": token.text, "lower": token.lower_, "pos": token.pos_}[attribute]


@pytest.mark.parametrize(("attribute", "values"), TOKEN_QUERIES)
def test_tokens_with_finds_what_a_scan_finds(parse, attribute: str, values: tuple) -> None:
    from conftest import SEEDS

    doc = parse(PLAIN_TEXT + "It Was (they say) the Best: or so BE it. " + _texts(SEEDS)[1])
    for sent in doc.sents:
        expected = [t.i for t in sent if _attribute(t, attribute) in values]
        assert [t.i for t in tokens_with(sent, attribute, values)] == expected
