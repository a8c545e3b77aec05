"""Filters and forms that keep bad questions out: cut asides, broken quotes and brackets,
"What" for a person, half an answer cut before its "of" phrase, vague answers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcards.model import ClaimFact, Span
from factcards.nlp.claims import _vague_answer, _who_or_what, wh_question_for
from factcards.questions import _bare_shell_noun, broken_pairs, fit_complement

# question -> whether a quotation or bracket in it is broken
BROKEN_PAIRS = [
    ('What do efforts focus on meeting local needs" in Afghanistan" under?', True),
    ('What was Countrywide sued for unfair practices" and "false advertising?', True),
    ("What do the universities have )?", True),
    ("What did the “new course open?", True),
    ('What did West call "the best album of the year"?', False),
    ("What is the area of Saint Barthélemy (an island)?", False),
    ("What did “Touch the Sky” fail to win?", False),
    ("Who wrote the letter?", False),
]  # fmt: skip


@pytest.mark.parametrize(("question", "expected"), BROKEN_PAIRS)
def test_broken_pairs(question: str, expected: bool) -> None:
    assert broken_pairs(question) is expected


@given(st.text(alphabet=st.characters(blacklist_characters='"“”«»()[]')))
def test_text_without_quotes_or_brackets_has_no_broken_pair(text: str) -> None:
    assert not broken_pairs(text)


@given(st.text())
def test_broken_pairs_takes_any_text(text: str) -> None:
    assert broken_pairs(text) in {True, False}


# (complement, budget) -> the complement cut to fit: never inside an aside that a comma and a
# subordinator, conjunction or participle open; inside one a preposition opens, or a clause's
# own words after a fronted adjunct, it may be
ASIDE_CUTS = [
    (("the practices of shamanism and blood sacrifice, while the princes and subjects were "
      "coerced by Altan to convert to Buddhism", 14),
     "the practices of shamanism and blood sacrifice"),
    (("together with a system of libraries, the largest of which is the Hesburgh Library, "
      "built in 1963 and today containing almost 4 million books", 17),
     "together with a system of libraries, the largest of which is the Hesburgh Library"),
    (("the award, using nature as the primary source of inspiration for the design", 6),
     "the award"),
    # the clause goes on after an aside between its subject and its verb
    (("that the sūtras, which are among the earliest sūtras, developed among the Mahāsāṃghika "
      "along the river in the south", 14),
     "that the sūtras, which are among the earliest sūtras, developed among the Mahāsāṃghika"),
    (("that the emperor, following the tradition of the khans, showed an enormous amount of "
      "deference towards the lama", 15),
     "that the emperor, following the tradition of the khans, showed an enormous amount of "
     "deference"),
    # but a conjunction or an "-ing" after the closed aside opens another
    (("the programmes, including drama and comedies, covering a wide range of genres and "
      "competing with the rival network", 12),
     "the programmes, including drama and comedies"),
    # a list's next item is no aside: the cut inside it keeps the list whole
    (("degrees from bachelor's, master's and PhD that were validated at the national level by "
      "the council", 13),
     "degrees from bachelor's, master's and PhD that were validated at the national level"),
    (("to the stage, he argued that the video by Justice should have won in the end", 10),
     "to the stage"),
    (("that shortly after the visit, the emperor ordered the construction of a road in the "
      "upper reaches of the rivers", 14),
     "that shortly after the visit, the emperor ordered the construction of a road"),
    (("a new station, in 1877 at the edge of the old town by the harbour", 12),
     "a new station, in 1877 at the edge of the old town"),
]  # fmt: skip


@pytest.mark.parametrize(("complement_budget", "expected"), ASIDE_CUTS)
def test_complement_is_not_cut_inside_an_aside(
    complement_budget: tuple[str, int], expected: str
) -> None:
    complement, budget = complement_budget
    assert fit_complement(complement, budget) == expected


def _phrase_of(doc, words: str):
    start = doc.text.index(words)
    return doc.char_span(start, start + len(words))


# text, name -> the wh-word of the name: a name the tagger missed is a person when a "he" or
# "she" of the text stands for it, or its clause binds "his"/"her" to it
NAMES_AS_PEOPLE = [
    ("West went onto the stage as the award was presented. He argued that the video should "
     "have won.", "West", "Who"),
    ("West headlined at the festival. He later released his sixth album.", "West", "Who"),
    ("Plymouth grew as a shipping port. It handled imports from the Americas.",
     "Plymouth", "What"),
    ("The Amity Foundation began relief work in the region.", "Amity Foundation", "What"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name", "expected"), NAMES_AS_PEOPLE)
def test_names_as_people(parse, text: str, name: str, expected: str) -> None:
    doc = parse(text)
    assert _who_or_what(_phrase_of(doc, name)) == expected


def _question_of(parse, text: str, words: str) -> tuple[str, str, ClaimFact] | None:
    """(wh, answer, claim) of the question whose answer holds `words` (one sentence)."""
    doc = parse(text)
    sent = next(iter(doc.sents))
    phrase = _phrase_of(doc, words)
    found = wh_question_for(sent, phrase.start, phrase.end)
    if found is None:
        return None
    wh, role, clause, answer = found
    fact = ClaimFact(
        sentence=Span(sent.start_char, sent.end_char, sent.text),
        answer=Span(answer.start_char, answer.end_char, answer.text),
        score=1.0,
        label="TERM",
        wh=wh,
        role=role,
        clause=clause,
    )
    return wh, answer.text, fact


# text, words of the answer -> the whole answer: an "of" phrase that completes a common noun
# stays in the answer even when an aside inside it cut the noun's phrase short; None when the
# "of" phrase is a list cut short
OF_PHRASE_ANSWERS = [
    ("Plymouth is home to 28 parks with an average size of 45,638 square metres (491,240 sq "
     "ft).", "average size", "an average size of 45,638 square metres"),
    ("The club has a membership of 4,000 people (mostly students).", "membership",
     "a membership of 4,000 people"),
    ("They have written on the mutual influence of Whitehead and Follett, a pioneer of "
     "theory.", "mutual influence", None),
    ("The town built a new bridge over the river.", "new bridge", "a new bridge"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "expected"), OF_PHRASE_ANSWERS)
def test_of_phrase_completes_the_answer(parse, text: str, words: str, expected: str | None) -> None:
    found = _question_of(parse, text, words)
    assert (found[1] if found else None) == expected


# text, words of the answer -> whether the answer is too vague to ask for
VAGUE_ANSWERS = [
    ("The architecture of Asia developed along different lines.", "different lines", True),
    ("Linguists often draw on related fields.", "related fields", True),
    ("The causes were suggested with varying weight.", "varying weight", True),
    ("The builders replaced steel rods with thin iron wires.", "thin iron wires", False),
    ("The museum holds several paintings by Rembrandt.", "paintings", False),
    ("Lenders offered riskier mortgages to less creditworthy borrowers.",
     "less creditworthy borrowers", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "expected"), VAGUE_ANSWERS)
def test_vague_answers(parse, text: str, words: str, expected: bool) -> None:
    found = _question_of(parse, text, words)
    assert found is not None
    doc = parse(text)
    assert _vague_answer(next(iter(doc.sents)), found[2]) is expected


# question -> whether a bare shell noun leaves it leaning on the sentences before
SHELL_NOUN_QUESTIONS = [
    ("What is the view supported by?", True),
    ("Who voiced the criticism?", True),
    ("Who did the events affect?", True),
    ("Who proposed the theory of relativity?", False),
    ("What is the view from the tower?", False),
]  # fmt: skip


@pytest.mark.parametrize(("question", "expected"), SHELL_NOUN_QUESTIONS)
def test_bare_shell_nouns(question: str, expected: bool) -> None:
    assert _bare_shell_noun(question) is expected
