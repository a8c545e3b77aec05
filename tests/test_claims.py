"""Claims: how many, which sentence is central, and what the cloze answer may be."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcards.nlp.claims import find_claims, textrank

PRONOUNS = {"he", "she", "it", "they", "this", "that", "these", "those", "we", "i", "you"}

# the fourth sentence shares content words with every other one; they share none among them
CENTRAL_TEXT = (
    "Trotsky wrote a famous book about the theory in Turkish exile. "
    "Stalin promoted the national program of the Soviet bureaucracy. "
    "Lenin led the October insurrection of the Petrograd workers. "
    "Trotsky, Stalin and Lenin fought over the theory, the national program and the insurrection. "
    "Bananas grow well in warm and humid tropical climates near the equator."
)

LONG_TEXT = (
    "The Workers League criticised the leadership of the Workers Revolutionary Party in Britain. "
    "The Workers Revolutionary Party had abandoned the program of the Fourth International. "
    "David North wrote a letter to Michael Banda about the program of the Fourth International. "
    "Michael Banda refused any discussion of the political differences inside the committee. "
    "\n\n"
    "The International Committee split with the Workers Revolutionary Party in the autumn. "
    "The Workers League defended the program of the Fourth International against the British. "
    "Cliff Slaughter championed the national autonomy of the Workers Revolutionary Party. "
    "The International Committee rejected the demand for national autonomy of its sections."
)


def test_central_sentence_is_chosen(parse) -> None:
    facts = list(find_claims(parse(CENTRAL_TEXT)))
    assert len(facts) == 1
    assert facts[0].sentence.text.startswith("Trotsky, Stalin and Lenin")


@pytest.mark.parametrize(
    ("text", "expected_count"),
    [
        (CENTRAL_TEXT, 1),
        (LONG_TEXT, 1),  # about 105 words: one claim per 90
        ("Short text. Too short.", 0),
        (
            "Why did the Workers League criticise the leadership of the Revolutionary Party?",
            0,
        ),
    ],
)
def test_number_of_claims(parse, text: str, expected_count: int) -> None:
    assert len(list(find_claims(parse(text)))) == expected_count


@pytest.mark.parametrize("text", [CENTRAL_TEXT, LONG_TEXT])
def test_answer_is_a_key_phrase_of_its_sentence(parse, text: str) -> None:
    doc = parse(text)
    for fact in find_claims(doc):
        assert fact.sentence.start <= fact.answer.start < fact.answer.end <= fact.sentence.end
        assert doc.text[fact.answer.start : fact.answer.end] == fact.answer.text
        assert fact.answer.text.lower() not in PRONOUNS
        assert not any(
            t.ent_type_ == "DATE" for t in doc.char_span(fact.answer.start, fact.answer.end)
        )
        assert 1 <= len(fact.answer.text.split()) <= 6
        assert fact.label
        assert fact.score > 0


@pytest.mark.parametrize(
    "text",
    [
        "It rejected the international program of the Fourth International and of the revolution. "
        "Bananas grow well in warm and humid climates. Cricket lasts for days in the summer.",
        "“The theory of socialism in one country rejected the international program,” he said. "
        "Bananas grow well in warm and humid climates. Cricket lasts for days in the summer.",
    ],
)
def test_dangling_and_quoted_sentences_are_skipped(parse, text: str) -> None:
    for fact in find_claims(parse(text)):
        assert not fact.sentence.text.startswith(("It ", "“"))


@pytest.mark.parametrize(
    ("lemma_sets", "best"),
    [
        ([["a", "b"], ["a", "b", "c"], ["c", "d"], ["x"]], 1),
        ([["x"], ["y"], ["z"]], 0),  # no edges: uniform, first wins ties
    ],
)
def test_textrank(lemma_sets: list[list[str]], best: int) -> None:
    scores = textrank(lemma_sets)
    assert scores.sum() == pytest.approx(1.0)
    assert int(scores.argmax()) == best


VOCABULARY = (
    "The party Trotsky rejected program of the revolution in 1924 . ? “ ” , it "
    "Workers League International committee theory country"
)
WORDS = st.sampled_from([*VOCABULARY.split(" "), "\n\n"])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_never_raises_and_spans_consistent(parse, text: str) -> None:
    doc = parse(text)
    for fact in find_claims(doc):
        assert doc.text[fact.sentence.start : fact.sentence.end] == fact.sentence.text
        assert doc.text[fact.answer.start : fact.answer.end] == fact.answer.text
        assert fact.sentence.start <= fact.answer.start < fact.answer.end <= fact.sentence.end
