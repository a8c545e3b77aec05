"""Turn-taking sieves: exchanges seeded by vocatives, the no-self-naming veto, places are no
people."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcards.model import QuoteFact
from factcards.nlp.dialogue import NAME_IN_SPEECH
from factcards.nlp.quotes import find_quotes

pytestmark = pytest.mark.slow


def _speakers(parse, text: str) -> dict[str, str]:
    facts: list[QuoteFact] = list(find_quotes(parse(text)))
    return {f.quote.text.split()[0] + " " + f.quote.text.split()[1]: f.speaker for f in facts}


# a passage starting mid-scene: nobody is named by narration, but a turn calls Mr. Price by name,
# so he speaks the turns on the other side of the exchange ("replied he" agrees)
MID_SCENE = (
    '"I desire you will not walk all the way to the station in this rain."\n\n'
    '"The road is not long and I have walked it many times," replied he.\n\n'
    '"Mr. Price, how can you be so careless of your own health and of my nerves?"\n\n'
    '"You mistake me entirely, for I have the greatest respect for your nerves."'
)
# the same, with two different people addressed from one side: a third voice, no seed
MID_SCENE_DOUBT = (
    '"I desire you will not walk all the way to the station in this rain."\n\n'
    '"Anne, the road is not long and I have walked it many times before."\n\n'
    '"Mr. Price, how can you be so careless of your own health and of my nerves?"\n\n'
    '"Kitty, you mistake me entirely, for I have the greatest respect for nerves."'
)


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        (MID_SCENE, "The road", "Mr. Price"),
        (MID_SCENE, "You mistake", "Mr. Price"),
        (MID_SCENE, "Mr. Price,", None),  # the other party is never named: no guess
        (MID_SCENE, "I desire", None),
        (MID_SCENE_DOUBT, "Anne, the", None),
        (MID_SCENE_DOUBT, "Kitty, you", None),
    ],
)
def test_exchange_seeded_by_vocative(parse, text: str, start: str, speaker: str | None) -> None:
    assert _speakers(parse, text).get(start) == speaker


# a turn that names a person (to them or about them) is not that person's turn
SELF_NAMING = (
    '"I cannot believe that you walked all the way from the station," said Anne.\n\n'
    '"It was a fine morning and the road is not long," said Mr. Price.\n\n'
    '"Mr. Price is always so careless of his health, and I told him so before."\n\n'
    '"My boots are made for worse roads than that one, I promise you."'
)


@pytest.mark.parametrize(
    ("start", "speaker"),
    [("Mr. Price", "Anne"), ("My boots", "Mr. Price")],
)
def test_no_self_naming(parse, start: str, speaker: str) -> None:
    assert _speakers(parse, SELF_NAMING).get(start) == speaker


# a bare name after "at"/"in" is a place: the "she" after it is the woman named before
PLACES = [
    (
        "Anne was sitting alone in the drawing room. Her enquiries after Rosings were made. "
        '"I think I have understood that your cousin means to stay at Rosings all summer," '
        "said she.",
        "I think",
        "Anne",
    ),
]


@pytest.mark.parametrize(("text", "start", "speaker"), PLACES)
def test_place_is_no_speaker(parse, text: str, start: str, speaker: str) -> None:
    assert _speakers(parse, text).get(start) == speaker


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("But Mr. Darcy is uncommonly kind", ["But", "Mr. Darcy"]),
        ("you see, Lady Catherine de Bourgh", ["Lady Catherine", "Bourgh"]),
        ("nothing at all here", []),
    ],
)
def test_name_in_speech(text: str, names: list[str]) -> None:
    assert NAME_IN_SPEECH.findall(text) == names


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_name_in_speech_any_text(text: str) -> None:
    for name in NAME_IN_SPEECH.findall(text):
        assert name[0].isupper() and name in text
