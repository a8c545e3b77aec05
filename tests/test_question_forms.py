"""Question forms beyond a plain argument: durations, measures, attributes with a value."""

from __future__ import annotations

import pytest

from factcards.nlp.claims import _class_of_name, _first_mention_subject, find_claims
from factcards.questions import claim_question


def last_sentence_questions(parse, text: str) -> list[tuple[str | None, str]]:
    """(question, answer) of each claim of the text's last sentence (every sentence a claim)."""
    doc = parse(text)
    last = list(doc.sents)[-1]
    facts = [f for f in find_claims(doc, 1.0) if f.sentence.start == last.start_char]
    return [(claim_question(f) if f.wh else None, f.answer.text) for f in facts]


# text -> (question, answer) of its last sentence
MEASURE_QUESTIONS = [
    # a verb of duration with an amount of time asks "How long"
    ("The main shock of the earthquake lasted close to 90 sec in all.",
     ("How long did the main shock of the earthquake last?", "close to 90 sec")),
    # a comparative of a dimension with "than" and an amount asks "How ADJ"
    ("The deepest point of the lake was deeper than 1,600 metres.",
     ("How deep was the deepest point of the lake?", "deeper than 1,600 metres")),
    # an amount before a dimension adjective: the amount is the answer
    ("The main tower of the new cathedral is 120 metres tall.",
     ("How tall is the main tower of the new cathedral?", "120 metres")),
    # a dimension adjective with no amount is no measure
    ("The main tower of the new cathedral is very tall and narrow.", []),
]  # fmt: skip

# text -> (question, answer): "X has a N of VALUE" asks for the value of X's N
ATTRIBUTE_QUESTIONS = [
    ("The island of Malta has an area of 316 square kilometres.",
     ("What is the area of the island of Malta?", "316 square kilometres")),
    ("The small town of Hope had a population of 2,300 in 1990.",
     ("What was the population of the small town of Hope in 1990?", "2,300")),
    # an aside in brackets after the value is left out of the answer
    ("The national park has an area of 25 square kilometres (9.7 sq mi).",
     ("What is the area of the national park?", "25 square kilometres")),
    # an indefinite owner says nothing about which one: no attribute question
    ("A small town in the north had a population of 2,300 in 1990.", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MEASURE_QUESTIONS)
def test_measure_questions(parse, text: str, expected: tuple[str, str] | list) -> None:
    found = last_sentence_questions(parse, text)
    if isinstance(expected, list):
        assert not any(q and q.startswith("How") for q, _ in found)
    else:
        assert found == [expected]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTE_QUESTIONS)
def test_attribute_questions(parse, text: str, expected: tuple[str, str] | None) -> None:
    found = last_sentence_questions(parse, text)
    if expected is None:
        assert not any(q and " of a " in q for q, _ in found)
    else:
        assert found == [expected]


# text -> (question, answer): a name headed by a class noun asks "Which <class>"
WHICH_QUESTIONS = [
    ("Chengdu Shuangliu International Airport was shut down after the storm.",
     ("Which airport was shut down after the storm?", "Chengdu Shuangliu International Airport")),
    ("Many students of the region attended the University of Notre Dame in great numbers.",
     ("Which university did many students of the region attend in great numbers?",
      "the University of Notre Dame")),
    # two names are no single class member: the plain "What"
    ("The Bank of England and the European Central Bank reduced interest rates sharply.",
     ("What reduced interest rates sharply?",
      "Bank of England and the European Central Bank")),
    # a law is an act
    ("The Homestead Act provided free land to settlers in the western United States.",
     ("Which act provided free land to settlers in the western United States?",
      "The Homestead Act")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), WHICH_QUESTIONS)
def test_which_class_questions(parse, text: str, expected: tuple[str, str]) -> None:
    assert last_sentence_questions(parse, text) == [expected]


# phrase -> the class it names (None: no "Which" question)
CLASSES = [
    ("Lake Geneva", "lake"),
    ("Mount Everest", "mountain"),
    ("Plymouth City Council", "council"),
    ("Microsoft", None),
    ("the university", None),
    ("the University of Chicago's Divinity School", None),
    # a lower-case class word tagged as a name is a term, not a name
    ("the title 'institute of technology'", None),
]


@pytest.mark.parametrize(("phrase", "expected"), CLASSES)
def test_class_of_name(parse, phrase: str, expected: str | None) -> None:
    doc = parse(f"They visited {phrase} last year.")
    at = doc.text.index(phrase)
    span = doc.char_span(at, at + len(phrase), alignment_mode="expand")
    assert _class_of_name(span) == expected


# text -> whether the subject of its last sentence's root is a first-mention unique thing ("the"
# + a capitalised singular noun named for the first time) that a subject question may ask for
FIRST_MENTION_SUBJECTS = [
    ("The Internet was extensively used for passing information to aid rescue efforts.", True),
    # a lower-case noun ("the developer") stands for a name given elsewhere
    ("The developer has made agreements with major national chains rather than local shops.",
     False),
    # named before: "the Internet" points back
    ("Few people in the region had the Internet. The Internet was extensively used for passing "
     "information to aid rescue efforts.", False),
    # a class noun stands for a name given before
    ("The University was extensively used for housing people left without homes by the flood.",
     False),
    # a predicate that says too little
    ("The Internet was used.", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FIRST_MENTION_SUBJECTS)
def test_first_mention_subject(parse, text: str, expected: bool) -> None:
    verb = list(parse(text).sents)[-1].root
    subject = next(c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
    phrase = subject.doc[subject.left_edge.i : subject.i + 1]
    assert _first_mention_subject(phrase, verb) == expected


def test_first_mention_subject_question(parse) -> None:
    text = "The Internet was extensively used for passing information to aid rescue efforts."
    assert last_sentence_questions(parse, text) == [
        ("What was used for passing information to aid rescue efforts?", "The Internet")
    ]
