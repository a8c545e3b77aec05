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


# a vocative after a word set off by a comma ("Impossible, Mr. Price, …"): the first comma
# must not be used up by the word before the name
VOCATIVE_AFTER_WORD = (
    '"Then you may walk to the station yourself and bring the parcel home."\n\n'
    '"Impossible, Mr. Price, impossible, when I have never been there myself!"\n\n'
    '"I honour your caution, but the road is short and the parcel is not heavy."'
)


@pytest.mark.parametrize(
    ("start", "speaker"),
    [("Then you", "Mr. Price"), ("I honour", "Mr. Price"), ("Impossible, Mr.", None)],
)
def test_vocative_after_a_word(parse, start: str, speaker: str | None) -> None:
    assert _speakers(parse, VOCATIVE_AFTER_WORD).get(start) == speaker


# "cried he" with nobody named before it in the narration: the one man heard speaking just
# before (found by the exchange) is the "he"; a "she" has nobody heard to stand for
HEARD_BEFORE = (
    '"Then you may walk to the station yourself and bring the parcel home."\n\n'
    '"Impossible, Mr. Price, impossible, when I have never been there myself!"\n\n'
    '"I honour your caution, but the road is short and the parcel is not heavy."\n\n'
    "The girls stared at their father.\n\n"
    '"What can be the meaning of that silence in this house?" cried he.'
)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [(HEARD_BEFORE, "Mr. Price"), (HEARD_BEFORE.replace("cried he", "cried she"), None)],
)
def test_pronoun_resolved_by_speaker_heard(parse, text: str, speaker: str | None) -> None:
    assert _speakers(parse, text).get("What can") == speaker


# misparses the attribution survives: an adverb taken for the subject ("said Anne drily"), a
# given name tagged as an organisation ("Lydia declared …", then "she added")
@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        (
            '"I know them a little, and their brother is a pleasant man."\n\n'
            '"Oh! yes," said Elizabeth drily -- "Mr. Darcy is uncommonly kind to Mr. Bingley."',
            "Mr. Darcy",
            "Elizabeth",
        ),
        (
            '"You shall name the very day of the ball when your sister is well."\n\n'
            'Lydia declared herself satisfied. "Oh! yes -- it would be much better to wait," '
            'she added, "and I shall insist on their giving one also."',
            "and I",
            "Lydia",
        ),
    ],
)
def test_misparsed_attribution(parse, text: str, start: str, speaker: str) -> None:
    assert _speakers(parse, text).get(start) == speaker


# "she added" inside a turn continues that turn, whose speaker answers the one addressed, not
# the woman a possessive names ("On Anne's persevering, she added")
CONTINUED_TURN = (
    '"It will be your turn soon," said Anne. "I open the instrument, Eliza, and you know."\n\n'
    '"You are a very strange creature by way of a friend, always wanting me to sing!" '
    'On Anne\'s persevering, however, she added, "Very well; if it must be so, it must be so."'
)
# "said her mother" to "Lizzy": Lizzy's mother, not the mother of the last woman named
MOTHER_ADDRESSING = (
    "Mr. Bennet and Mrs. Bennet sat with Elizabeth Bennet, and Charlotte Lucas came in.\n\n"
    '"I believe, Ma\'am, I may safely promise you never to dance with him for as long as I live."'
    '\n\n"Another time, Lizzy," said her mother, "I would not dance with him, if I were you."'
)


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        (CONTINUED_TURN, "Very well;", "Eliza"),
        (MOTHER_ADDRESSING, "I would", "Mrs. Bennet"),
    ],
)
def test_turn_constraints_on_attribution(parse, text: str, start: str, speaker: str) -> None:
    assert _speakers(parse, text).get(start) == speaker


# a family name alone is a man's even when a "Miss" of the family is named: "replied he" after
# narration naming nobody is the one man heard (not left unknown because "Miss Hardy" made
# "Hardy" a she)
SURNAME_ALONE = (
    '"Removed! It must not be thought of for a moment," cried Hardy. "My sister will not hear '
    'of it."\n\n'
    '"You may depend upon it, Madam," said Miss Hardy, "that she shall receive every care."\n\n'
    "Mrs. Price was profuse in her acknowledgments.\n\n"
    '"Whatever I do is done in a hurry," replied he; "and I should be off in five minutes."'
)


def test_family_name_alone_is_a_man(parse) -> None:
    assert _speakers(parse, SURNAME_ALONE).get("Whatever I") == "Hardy"


# a chapter opening in capitals names a person too: "he" is Mr. Price, not the man visited
SMALL_CAPITALS = (
    "MR. PRICE was among the earliest of those who waited on Mr. Hardy. He had always meant "
    "to visit him.\n\n"
    "Observing his second daughter trimming a hat, he suddenly addressed her with, "
    '"I hope Mr. Hardy will like it, Anne, for you have worked on it all morning."\n\n'
    "Mr. Price came in later and sat down."
)


def test_name_in_capitals_is_a_mention(parse) -> None:
    assert _speakers(parse, SMALL_CAPITALS).get("I hope") in ("Mr. Price", "Price")


# a reply to a turn spoken "to his wife" is the wife's; "he" is never a woman's given name
ADDRESSED_AND_GENDERED = [
    ('Mr. Bennet and his wife sat at breakfast; Colonel Forster had called the day before.\n\n'
     '"I hope, my dear," said Mr. Bennet to his wife, "that you have ordered a good dinner."\n\n'
     '"Who do you mean, my dear? I know of nobody that is coming, I am sure of it."\n\n'
     '"The person of whom I speak is a gentleman and a stranger," said he.',
     "Who do", "Mrs. Bennet"),
    ('West stormed out of the hall after losing the prize to the singer Gretchen Wilson. He later '
     'commented, "I felt like I was definitely robbed of the prize that night."',
     "I felt", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "start", "speaker"), ADDRESSED_AND_GENDERED)
def test_addressed_by_relation_and_given_name_gender(
    parse, text: str, start: str, speaker: str | None
) -> None:
    assert _speakers(parse, text).get(start) == speaker
