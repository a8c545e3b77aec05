"""questions.py: facts -> notes (questions, answers, clozes), GUIDs, rejection and dedupe.

Facts are built by hand (no spaCy): each table row is the input an extractor would hand over.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from conftest import document_from_text
from factcards import questions as questions_module
from factcards.model import (
    ClaimFact,
    Clause,
    DateFact,
    DefinitionFact,
    Document,
    OffsetMap,
    QuoteFact,
    Span,
)
from factcards.questions import (
    _tidy_complement,
    build_notes,
    claim_question,
    cloze_front,
    date_answer,
    date_question,
    escape_cloze,
    fit_complement,
    make_cloze,
    note_guid,
    quote_cloze,
    quote_notes,
    readable_date,
    shorten_quote,
    speaker_visible,
    subject_question,
    third_person_singular,
    wh_question,
)


def span_of(text: str, part: str, start: int = 0) -> Span:
    at = text.index(part, start)
    return Span(at, at + len(part), part)


def sentence_fact_span(text: str) -> Span:
    return Span(0, len(text), text)


def date_fact(text: str, date: str, value: str | None, clause: Clause | None) -> DateFact:
    return DateFact(
        sentence=sentence_fact_span(text), date=span_of(text, date), value=value, clause=clause
    )


def claim_fact(text: str, answer: str, section: str | None = None) -> ClaimFact:
    return ClaimFact(
        sentence=sentence_fact_span(text), answer=span_of(text, answer), section=section
    )


# Anki's own cloze pattern (anki/rslib cloze.rs, simplified): "{{c<n>::text::hint}}"
ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)

# --------------------------------------------------------------------------- date questions

LONG_COMPLEMENT = (
    "a long article on the agrarian question in Bavaria "
    "during the years of the Anti-Socialist Laws against the party of the workers in Germany"
)

DATE_QUESTIONS = [
    # passive
    (
        Clause(
            "The ICFI", ("was",), "founded", "found", "VBN", "in a struggle against revisionism"
        ),
        "When was the ICFI founded in a struggle against revisionism?",
    ),
    (Clause("The ICFI", ("was",), "founded", "found", "VBN"), "When was the ICFI founded?"),
    # active past: do-support with the lemma
    (
        Clause("Vollmar", (), "published", "publish", "VBD", "an article entitled “The State.”"),
        "When did Vollmar publish an article entitled “The State”?",
    ),
    # present tense
    (
        Clause("The party", (), "holds", "hold", "VBZ", "its congress"),
        "When does the party hold its congress?",
    ),
    (Clause("The workers", (), "strike", "strike", "VBP"), "When do the workers strike?"),
    # modal and perfect auxiliaries
    (Clause("The congress", ("will",), "meet", "meet", "VB"), "When will the congress meet?"),
    (
        Clause("The ICFI", ("has", "been"), "founded", "found", "VBN"),
        "When has the ICFI been founded?",
    ),
    (
        Clause("Trotsky", ("had",), "left", "leave", "VBN", "Russia"),
        "When had Trotsky left Russia?",
    ),
    (Clause("Trotsky", ("'d",), "left", "leave", "VBN"), "When had Trotsky left?"),
    # copula only
    (Clause("Trotsky", (), "was", "be", "VBD", "in Mexico"), "When was Trotsky in Mexico?"),
    (
        Clause("The Mensheviks", (), "were", "be", "VBD", "a majority"),
        "When were the Mensheviks a majority?",
    ),
    # negation kept
    (
        Clause("The party", ("did",), "take", "take", "VB", "power", negated=True),
        "When did the party not take power?",
    ),
    (
        Clause("The party", ("didn't",), "take", "take", "VB", "power"),
        "When did the party not take power?",
    ),
    (
        Clause("Lenin", (), "was", "be", "VBD", "in Russia", negated=True),
        "When was Lenin not in Russia?",
    ),
    # reduced passive without auxiliary
    (
        Clause("Foundations of Leninism", (), "written", "write", "VBN"),
        "When was Foundations of Leninism written?",
    ),
    # proper-noun capitals kept, a capitalised verb lowered, punctuation tidied
    (
        Clause("ICFI members", (), "Met", "meet", "VBD", ", in Zurich , in secret ,"),
        "When did ICFI members meet in Zurich, in secret?",
    ),
    # a quotation left open by the clause is closed; a participle that led into a quote dropped
    (
        Clause("Stalin", (), "denounced", "denounce", "VBD", 'those who doubted "socialism'),
        'When did Stalin denounce those who doubted "socialism"?',
    ),
    (
        Clause("Lenin", (), "wrote", "write", "VBD", "to the congress (in exile"),
        "When did Lenin write to the congress (in exile)?",
    ),
    (
        Clause("North", (), "reviewed", "review", "VBD", "the relations, writing"),
        "When did North review the relations?",
    ),
    # long complement: cut before a trailing adjunct
    (
        Clause("Vollmar", (), "published", "publish", "VBD", LONG_COMPLEMENT),
        "When did Vollmar publish a long article on the agrarian question in Bavaria "
        "during the years of the Anti-Socialist Laws?",
    ),
]


@pytest.mark.parametrize(("clause", "expected"), DATE_QUESTIONS)
def test_date_question(clause: Clause, expected: str) -> None:
    assert date_question(clause) == expected


@pytest.mark.parametrize(
    "clause",
    [
        None,
        Clause("he", (), "published", "publish", "VBD", "an article"),
        Clause("It", ("was",), "decided", "decide", "VBN"),
        Clause("They", (), "met", "meet", "VBD"),
        Clause("which", ("was",), "founded", "found", "VBN"),
        Clause("", ("was",), "founded", "found", "VBN"),
        Clause("The party", (), "walking", "walk", "VBG"),  # no finite verb to invert
    ],
)
def test_date_question_rejected(clause: Clause | None) -> None:
    assert date_question(clause) is None


def test_date_question_lowers_a_common_word_only_when_told() -> None:
    clause = Clause("Workers", ("were",), "killed", "kill", "VBN")
    assert date_question(clause) == "When were Workers killed?"
    assert date_question(clause, {"workers"}) == "When were workers killed?"


@pytest.mark.parametrize(
    "clause",
    [c for c, _ in DATE_QUESTIONS],
)
def test_date_questions_are_well_formed(clause: Clause) -> None:
    question = date_question(clause)
    assert question is not None
    assert question[0].isupper() and question.endswith("?") and question.count("?") == 1
    assert "  " not in question and " ," not in question and ",?" not in question
    assert len(question.split()) <= 25


def test_fit_complement_cuts_at_phrase_boundary_only() -> None:
    assert fit_complement("the capital of France in the spring", 4) == "the capital of France"
    # nowhere safe to cut: kept whole rather than broken
    assert fit_complement("the very long name of the organisation", 2) == (
        "the very long name of the organisation"
    )
    # a bracket is not cut inside
    assert fit_complement("a book (written in exile in Norway) in 1936", 6) == (
        "a book (written in exile in Norway)"
    )
    # a word that needs its preposition is no place to cut ("countries based | upon …")
    assert fit_complement("the world into types of countries based upon their wealth", 8) == (
        "the world"
    )


@pytest.mark.parametrize(
    ("value", "readable"),
    [
        ("1953", "1953"),
        ("1924-02", "February 1924"),
        ("1927-04-12", "12 April 1927"),
        ("1914/1918", "1914–1918"),
        ("1936-SU", "summer 1936"),
        ("192", "the 1920s"),
        ("1927-13", None),
        ("PRESENT_REF", None),
        (None, None),
    ],
)
def test_readable_date(value: str | None, readable: str | None) -> None:
    assert readable_date(value) == readable


@pytest.mark.parametrize(
    ("written", "value", "answer"),
    [
        ("1953", "1953", "1953"),
        ("April 12, 1927", "1927-04-12", "April 12, 1927"),
        ("12 April 1927", "1927-04-12", "12 April 1927"),
        ("1914-1918", "1914/1918", "1914-1918"),
        ("that year", "1953", "that year (1953)"),
        ("the 12th", "1927-04-12", "the 12th (12 April 1927)"),
        ("in the spring", None, "in the spring"),
    ],
)
def test_date_answer(written: str, value: str | None, answer: str) -> None:
    text = f"It happened {written} in town."
    assert date_answer(date_fact(text, written, value, None)) == answer


def test_date_note_question_fields() -> None:
    text = "The ICFI was founded in 1953 in a struggle against revisionism."
    clause = Clause("The ICFI", ("was",), "founded", "found", "VBN", "in a struggle")
    [note] = build_notes(document_from_text(text), [date_fact(text, "1953", "1953", clause)])
    assert note.kind == "date"
    assert note.front == "When was the ICFI founded in a struggle?"
    assert note.back == "1953"
    assert (note.date, note.date_value) == ("1953", "1953")
    assert note.tags == ["factcards::date"]
    assert note.source.sentence == text


def test_date_note_falls_back_to_cloze_without_clause() -> None:
    text = "The strike wave of 1905 shook the empire."
    [note] = build_notes(document_from_text(text), [date_fact(text, "1905", "1905", None)])
    assert note.front == "The strike wave of {{c1::1905}} shook the empire."
    assert note.back == ""
    assert note.date == "1905"


def test_date_note_cloze_back_has_resolved_date() -> None:
    text = "In February of that year the congress met in Zurich."
    fact = date_fact(text, "February of that year", "1924-02", None)
    [note] = build_notes(document_from_text(text), [fact])
    assert note.front == "In {{c1::February of that year}} the congress met in Zurich."
    assert note.back == "February 1924"


def test_date_note_pronoun_subject_gives_cloze() -> None:
    text = "In 1879, he published an article on the state."
    clause = Clause("he", (), "published", "publish", "VBD", "an article on the state")
    [note] = build_notes(document_from_text(text), [date_fact(text, "1879", "1879", clause)])
    assert note.is_cloze and "{{c1::1879}}" in note.front


def test_date_cloze_shows_whom_an_opening_pronoun_means() -> None:
    text = "He later spoofed the incident on television in September 2007."
    fact = DateFact(
        sentence=sentence_fact_span(text),
        date=span_of(text, "September 2007"),
        value="2007-09",
        referent="Kanye West",
    )
    [note] = build_notes(document_from_text(text), [fact])
    assert note.front == (
        "He [Kanye West] later spoofed the incident on television in {{c1::September 2007}}."
    )
    assert note.source.sentence == text


def test_date_question_lowers_sentence_initial_common_noun() -> None:
    text = "Workers were killed in 1927. The workers struck."
    clause = Clause("Workers", ("were",), "killed", "kill", "VBN")
    fact = DateFact(sentence=span_of(text, text[:28]), date=span_of(text, "1927"), clause=clause)
    [note] = build_notes(document_from_text(text), [fact])
    assert note.front == "When were workers killed?"


def test_date_question_keeps_capital_of_a_name() -> None:
    text = "Stalin was expelled in 1927 from nothing."
    clause = Clause("Stalin", ("was",), "expelled", "expel", "VBN")
    [note] = build_notes(document_from_text(text), [date_fact(text, "1927", "1927", clause)])
    assert note.front == "When was Stalin expelled?"


# --------------------------------------------------------------------------- quotes

LONG_QUOTE = (
    "The history of all hitherto existing society is the history of class struggles. "
    "Freeman and slave, patrician and plebeian, lord and serf, guild-master and journeyman, "
    "in a word, oppressor and oppressed, stood in constant opposition to one another, carried "
    "on an uninterrupted, now hidden, now open fight, a fight that each time ended, either in a "
    "revolutionary reconstitution of society at large, or in the common ruin of the contending "
    "classes."
)


def quote_fact(
    quote: str,
    speaker: str,
    verb: str = "wrote",
    work: str | None = None,
    year: str | None = None,
) -> QuoteFact:
    text = f"{speaker} {verb}: “{quote}”"
    return QuoteFact(
        sentence=sentence_fact_span(text),
        quote=span_of(text, quote),
        speaker=speaker,
        verb=verb,
        work=work,
        year=year,
    )


@pytest.mark.parametrize(
    ("fact", "front", "back"),
    [
        (
            quote_fact("The emancipation of the workers is their own task.", "Marx"),
            "Who wrote: «The emancipation of the workers is their own task.»?",
            "Marx",
        ),
        (
            quote_fact("Peace, land and bread.", "Lenin", verb="declared", year="1917"),
            "Who declared: «Peace, land and bread.»?",
            "Lenin (1917)",
        ),
        (
            quote_fact(
                "The revolution is permanent.", "Trotsky", "said", "Results and Prospects", "1906"
            ),
            "Who said: «The revolution is permanent.»?",
            "Trotsky, in Results and Prospects (1906)",
        ),
        (
            quote_fact(LONG_QUOTE, "Karl Marx"),
            "Who wrote: «The history of all hitherto existing society is the history of class "
            "struggles. Freeman and slave, patrician and plebeian, lord and serf, guild-master and "
            "journeyman, in a word, oppressor and oppressed, stood in constant opposition to one "
            "another …»?",
            "Karl Marx",
        ),
    ],
)
def test_quote_note(fact: QuoteFact, front: str, back: str) -> None:
    note, *clozes = build_notes(document_from_text(fact.sentence.text), [fact])
    assert (note.kind, note.front, note.back) == ("quote", front, back)
    assert all(cloze.is_cloze and cloze.back == back for cloze in clozes)
    assert note.speaker == fact.speaker
    assert note.quote == fact.quote.text  # the full quote, not the shortened one
    assert (note.work, note.year) == (fact.work, fact.year)


@pytest.mark.parametrize(
    "fact",
    [
        quote_fact("Marx was right about the state and its withering away.", "Karl Marx"),
        quote_fact("I, Trotsky, have nothing to hide from the commission.", "Leon Trotsky"),
        quote_fact("It was Mr. Darcy who came.", "Mr Darcy", "said"),
        quote_fact("Bread!", "Lenin"),  # too short to ask about
        quote_fact("We must organise the workers.", "he"),  # pronoun speaker
    ],
)
def test_quote_note_rejected(fact: QuoteFact) -> None:
    assert build_notes(document_from_text(fact.sentence.text), [fact]) == []


def test_speaker_visible_ignores_titles() -> None:
    assert not speaker_visible("Come here, Mr. Bingley said the lady.", "Mr Darcy")
    assert speaker_visible("Darcy is proud.", "Mr Darcy")


def test_shorten_quote() -> None:
    short = "one two three"
    assert shorten_quote(short) == short
    shortened = shorten_quote(LONG_QUOTE)
    assert shortened.endswith(" …")
    assert len(shortened.split()) <= 46
    assert LONG_QUOTE.startswith(shortened[:-2].rstrip(",;"))
    # no boundary at all: cut at 40 words
    words = " ".join(f"w{i}" for i in range(80))
    assert shorten_quote(words) == " ".join(f"w{i}" for i in range(40)) + " …"


# --------------------------------------------------------------------------- definitions


def definition_fact(
    text: str, term: str, definiens: str, copula: str = "is", is_person: bool = False
) -> DefinitionFact:
    return DefinitionFact(
        sentence=sentence_fact_span(text),
        term=term,
        definiens=definiens,
        copula=copula,
        is_person=is_person,
    )


@pytest.mark.parametrize(
    ("fact", "front", "back"),
    [
        (
            definition_fact(
                "Surplus value is the value produced by labour beyond its own cost.",
                "Surplus value",
                "the value produced by labour beyond its own cost",
            ),
            "What is surplus value?",
            "the value produced by labour beyond its own cost",
        ),
        (
            definition_fact(
                "The Comintern was the international of communist parties.",
                "The Comintern",
                "the international of communist parties",
                copula="was",
            ),
            "What was the Comintern?",
            "the international of communist parties",
        ),
        (
            definition_fact(
                "Plekhanov was the founder of Russian Marxism.",
                "Plekhanov",
                "the founder of Russian Marxism",
                copula="was",
                is_person=True,
            ),
            "Who was Plekhanov?",
            "the founder of Russian Marxism",
        ),
        (
            definition_fact(
                "A soviet, the council of workers' deputies, met daily.",
                "soviet",
                "the council of workers' deputies,",
            ),
            "What is soviet?",
            "the council of workers' deputies",
        ),
    ],
)
def test_definition_note(fact: DefinitionFact, front: str, back: str) -> None:
    text = fact.sentence.text + " surplus value"  # the document writes "surplus" in lower case
    notes = build_notes(document_from_text(text), [fact])
    assert [(n.kind, n.front, n.back, n.term) for n in notes] == [
        ("definition", front, back, fact.term)
    ]


@pytest.mark.parametrize(
    ("term", "definiens"),
    [
        ("it", "the thing we spoke of"),
        ("Dialectics", "the"),
        ("Dialectics", "the dialectics of nature"),  # circular
        ("", "something"),
    ],
)
def test_definition_rejected(term: str, definiens: str) -> None:
    fact = definition_fact("Some sentence about it.", term, definiens)
    assert build_notes(document_from_text(fact.sentence.text), [fact]) == []


# --------------------------------------------------------------------------- claims


@pytest.mark.parametrize(
    ("sentence", "answer", "front"),
    [
        (
            "The Bolsheviks took power in Petrograd in October.",
            "Petrograd",
            "The Bolsheviks took power in {{c1::Petrograd}} in October.",
        ),
        (
            "The   ICFI\nopposed Pabloism.",
            "Pabloism",
            "The ICFI opposed {{c1::Pabloism}}.",
        ),
        (
            "Templates write {{name}} and key::value pairs for Ansible.",
            "Ansible",
            "Templates write { {name} } and key: :value pairs for {{c1::Ansible}}.",
        ),
        (
            "The operator :: joins Haskell lists in the {{c2::lexer}}.",
            "Haskell",
            "The operator : : joins {{c1::Haskell}} lists in the { {c2: :lexer} }.",
        ),
        (
            "The notation a::b was invented by Stroustrup.",
            "a::b",
            "The notation {{c1::a: :b}} was invented by Stroustrup.",
        ),
    ],
)
def test_claim_cloze(sentence: str, answer: str, front: str) -> None:
    [note] = build_notes(document_from_text(sentence), [claim_fact(sentence, answer)])
    assert (note.kind, note.front, note.back) == ("claim", front, "")
    assert note.front.count("{{c1::") == 1 and note.front.count("}}") == 1


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("He said that it was over.", "it"),  # pronoun
        ("The party of the workers.", "of the"),  # stop words only
        ("Lenin met Lenin's brother in Samara.", "Lenin"),  # visible elsewhere
        ("Petrograd in October.", "Petrograd in October"),  # nothing left as a clue
    ],
)
def test_claim_rejected(sentence: str, answer: str) -> None:
    assert build_notes(document_from_text(sentence), [claim_fact(sentence, answer)]) == []


# text rich in the characters that cloze syntax is made of
CLOZE_TEXT = st.text(st.sampled_from(["a", "b", " ", "{", "}", ":", "\n"]) | st.characters())


@given(CLOZE_TEXT, CLOZE_TEXT.filter(str.strip), CLOZE_TEXT)
@example("a ", "b}", "")
@example("{", "::x:", "}}")
def test_make_cloze_always_one_deletion(before: str, answer_text: str, after: str) -> None:
    sentence = before + answer_text + after
    start, end = len(before), len(before) + len(answer_text)
    answer = " ".join(sentence[start:end].split())
    front = make_cloze(sentence, start, end)
    assert front.count("{{c1::") == 1
    assert front.count("{{") == 1
    # read the way Anki reads a cloze: one deletion, holding the answer (escaped) and no hint
    [(number, shown, hint)] = ANKI_CLOZE.findall(front)
    assert (number, hint) == ("1", "")
    assert " ".join(shown.split()) == " ".join(escape_cloze(answer).split())
    if answer and not any(ch in answer for ch in "{}:"):
        assert "{{c1::" + answer + "}}" in front
    # cloze_front never raises and, when it answers, keeps the same single deletion
    checked = cloze_front(sentence, start, end)
    assert checked is None or checked == front


# --------------------------------------------------------------------------- GUIDs and dedupe


def test_guid_stable_and_anchor_based() -> None:
    anchor = ("date", "1953", "found The ICFI")
    assert note_guid("a.md", anchor) == note_guid("a.md", anchor)
    assert note_guid("a.md", anchor) == note_guid("a.md", ("date", "1953", "found the  ICFI"))
    assert note_guid("a.md", anchor) != note_guid("b.md", anchor)
    assert note_guid("a.md", anchor) != note_guid("a.md", anchor, "cloze")
    assert note_guid("a.md", ("a", "bc")) != note_guid("a.md", ("ab", "c"))


def test_guid_independent_of_question_wording() -> None:
    text = "The ICFI was founded in 1953 in a struggle against revisionism."
    document = document_from_text(text)
    short = Clause("The ICFI", ("was",), "founded", "found", "VBN")
    long = Clause("The ICFI", ("was",), "founded", "found", "VBN", "in a struggle")
    [a] = build_notes(document, [date_fact(text, "1953", "1953", short)])
    [b] = build_notes(document, [date_fact(text, "1953", "1953", long)])
    assert a.front != b.front
    assert a.guid == b.guid
    other = Document(Path("x"), "other.md", "x", text, OffsetMap())
    [c] = build_notes(other, [date_fact(text, "1953", "1953", long)])
    assert c.guid != a.guid


def test_dedupe_same_guid_and_same_front_keep_first() -> None:
    text = "The Bolsheviks took power in Petrograd. The Bolsheviks took power in Petrograd."
    first = ClaimFact(sentence=span_of(text, text[:39]), answer=span_of(text, "Petrograd"))
    second_sentence = span_of(text, text[40:])
    second = ClaimFact(sentence=second_sentence, answer=span_of(text, "Petrograd", 40))
    notes = build_notes(document_from_text(text), [second, first, first])
    assert len(notes) == 1
    assert notes[0].source.start == 0  # the first in document order


def test_dedupe_same_front_different_guid() -> None:
    text = "Bukharin was the editor of Pravda."
    facts = [
        definition_fact(text, "Bukharin", "the editor of Pravda", "was", True),
        definition_fact(text, "Bukharin", "the editor of the paper Pravda", "was", True),
    ]
    notes = build_notes(document_from_text(text), facts)
    assert [n.back for n in notes] == ["the editor of Pravda"]


def test_order_by_sentence_then_kind() -> None:
    text = "In 1917 Lenin wrote: “All power to the soviets now.” Then Trotsky led the army."
    first_sentence = span_of(text, text[: text.index(" Then")])
    second_sentence = span_of(text, "Then Trotsky led the army.")
    claim_late = ClaimFact(sentence=second_sentence, answer=span_of(text, "Trotsky"))
    claim = ClaimFact(sentence=first_sentence, answer=span_of(text, "Lenin"))
    quote = QuoteFact(
        sentence=first_sentence,
        quote=span_of(text, "All power to the soviets now."),
        speaker="Lenin",
    )
    date = DateFact(sentence=first_sentence, date=span_of(text, "1917"), value="1917")
    notes = build_notes(document_from_text(text), [claim_late, claim, quote, date])
    assert [(n.kind, n.source.start) for n in notes] == [
        ("date", 0),
        ("quote", 0),
        ("claim", 0),
        ("claim", second_sentence.start),
    ]


# --------------------------------------------------------------------------- source


def test_source_offsets_through_shifted_segments() -> None:
    # clean text "Intro.\n\nLenin met Trotsky." came from a file with a 10-character heading
    # before "Intro." and 5 characters of markup dropped before "Lenin"
    text = "Intro.\n\nLenin met Trotsky in Petrograd."
    offsets = OffsetMap()
    offsets.add(0, 10)
    offsets.add(8, 23)
    document = Document(Path("a.md"), "a.md", "a", text, offsets)
    sentence = span_of(text, "Lenin met Trotsky in Petrograd.")
    fact = ClaimFact(sentence=sentence, answer=span_of(text, "Petrograd"), section="The Revolution")
    [note] = build_notes(document, [fact])
    assert note.source.document == "a.md"
    assert note.source.sentence == sentence.text
    assert (note.source.start, note.source.end) == (23, 23 + len(sentence.text))
    assert note.source.section == "The Revolution"
    assert note.tags == ["factcards::claim", "factcards::section::The_Revolution"]
    # a sentence ending right where the next segment starts keeps its own end
    first = span_of(text, "Intro.\n\n")
    assert offsets.to_source(first.end) == 23
    intro = ClaimFact(sentence=Span(0, 8, text[:8]), answer=Span(0, 5, "Intro"))
    refs = [n.source for n in build_notes(document, [intro])]
    assert all(r.end == 18 for r in refs)


# --------------------------------------------------------------------------- claim questions

# clause -> complement tidied: cut at a colon or a long quotation, no dangling end
COMPLEMENTS = [
    ("Since the removal of Trotsky: “the party has turned”", "Since the removal of Trotsky"),
    ("the book “Since the removal of Trotsky the party has turned”", "the book"),
    ("an article entitled “The State”", "an article entitled “The State”"),
    ("the new program, writing", "the new program"),
    ("the new program of the", "the new program"),
    # an aside in brackets goes; a bracket inside a word ("U(1)") stays
    ("Minister of Defence (although there was then no Ministry) in the war",
     "Minister of Defence in the war"),
    ("the U(1) symmetry", "the U(1) symmetry"),
]  # fmt: skip


@pytest.mark.parametrize(("complement", "expected"), COMPLEMENTS)
def test_tidy_complement(complement: str, expected: str) -> None:
    assert _tidy_complement(complement) == expected


WH_QUESTIONS = [
    ("What", Clause("The Soviet state", (), "established", "establish", "VBD"),
     "What did the Soviet state establish?"),
    ("Where", Clause("The congress", ("was",), "held", "hold", "VBN"),
     "Where was the congress held?"),
    ("How many strikers", Clause("The police", (), "arrested", "arrest", "VBD", "at the gates"),
     "How many strikers did the police arrest at the gates?"),
    ("What", Clause("it", (), "eliminated", "eliminate", "VBD"), None),
    # a complement cut before the clause its "that" opens asks about nothing
    ("When", Clause("The court", (), "noted", "note", "VBD",
     "in its judgement on the case that in 1992 the majority of legal scholars took the "
     "narrow view that the intent mattered more than the acts of the accused"), None),
]  # fmt: skip


# a "those" that a phrase after it defines points nowhere; one alone points back
POINTING = [
    ("who saw those left homeless", ["who", "saw", "left", "homeless"]),
    ("who helped those who fled", ["who", "helped", "who", "fled"]),
    ("who banned those books", ["who", "banned", "those", "books"]),
    ("who banned those", ["who", "banned", "those"]),
    # an existential "there" points at no place; a locative one does
    ("who believes there are other buddhas", ["who", "believes", "are", "other", "buddhas"]),
    ("of which there were some 400", ["of", "which", "were", "some", "400"]),
    ("who went there in 1990", ["who", "went", "there", "in", "1990"]),
    # only "the following" points at the text around it
    ("what has a wide following", ["what", "has", "a", "wide"]),
    ("who played following the funeral", ["who", "played", "the", "funeral"]),
    ("who spoke the following night", ["who", "spoke", "the", "following", "night"]),
    # an "it" before an adjective and its clause is an expletive
    ("who found it very difficult to help", ["who", "found", "very", "difficult", "to", "help"]),
    ("why was it likely that", ["why", "was", "likely", "that"]),
    ("why was it built to last", ["why", "was", "it", "built", "to", "last"]),
    ("who bought it", ["who", "bought", "it"]),
]


@pytest.mark.parametrize(("question", "expected"), POINTING)
def test_pointing_words(question: str, expected: list[str]) -> None:
    assert questions_module._pointing_words(question.split()) == expected


@pytest.mark.parametrize(("wh", "clause", "expected"), WH_QUESTIONS)
def test_wh_question(wh: str, clause: Clause, expected: str | None) -> None:
    assert wh_question(wh, clause) == expected


SUBJECT_QUESTIONS = [
    ("Who", Clause("Trotsky", (), "proposed", "propose", "VBD", "the creation of a white book"),
     "Who proposed the creation of a white book?"),
    ("Who", Clause("The workers", ("were",), "killed", "kill", "VBN", "in Shanghai"),
     "Who was killed in Shanghai?"),
    ("What", Clause("The parties", ("have",), "abandoned", "abandon", "VBN", "the program"),
     "What has abandoned the program?"),
    # a bare plural present takes its singular form for a singular wh-word
    ("Who", Clause("Workers", (), "build", "build", "VBP", "socialism"),
     "Who builds socialism?"),
    ("Who", Clause("Historians", (), "disagree", "disagree", "VBP", "on the date"),
     "Who disagrees on the date?"),
    ("What", Clause("Rivers", (), "carry", "carry", "VBP", "silt"), "What carries silt?"),
    ("Who", Clause("Monks", (), "teach", "teach", "VBP", "the dharma"),
     "Who teaches the dharma?"),
    ("Who", Clause("Workers", (), "have", "have", "VBP", "rights"), "Who has rights?"),
    # a counted wh-phrase is plural: the verb stays plural
    ("How many people", Clause("200,000 people", ("were",), "evacuated", "evacuate", "VBN",
     "from Mianyang"), "How many people were evacuated from Mianyang?"),
    ("How many reservations", Clause("seven reservations", (), "include", "include", "VBP",
     "twelve groups"), "How many reservations include twelve groups?"),
    # an emphatic or inverted "did" ("more than once did Mr. Bennet say …") has no subject
    # question without a past form; a negated one keeps its "did not"
    ("Who", Clause("Mr. Bennet", ("did",), "say", "say", "VB", "to Elizabeth"), None),
    ("Who", Clause("Mr. Bennet", ("did",), "go", "go", "VB", "to London", True),
     "Who did not go to London?"),
    # a negated "be" takes its "not" with no auxiliary; another verb has no such form
    ("What", Clause("The word genocide", (), "was", "be", "VBD", "in use before 1944", True),
     "What was not in use before 1944?"),
    ("Who", Clause("The workers", (), "were", "be", "VBD", "at the gates", True),
     "Who was not at the gates?"),
    ("Who", Clause("Mr. Bennet", (), "went", "go", "VBD", "to London", True), None),
]  # fmt: skip


@pytest.mark.parametrize(("wh", "clause", "expected"), SUBJECT_QUESTIONS)
def test_subject_question(wh: str, clause: Clause, expected: str | None) -> None:
    assert subject_question(wh, clause) == expected


def claim_question_fact(text: str, answer: str, wh: str, role: str, clause: Clause) -> ClaimFact:
    # what nlp/claims.py hands over: a ClaimFact carrying wh, role and clause
    fact = claim_fact(text, answer)
    return SimpleNamespace(
        sentence=fact.sentence, answer=fact.answer, wh=wh, role=role, clause=clause
    )  # type: ignore[return-value]


CLAIM_QUESTIONS = [
    # a stranded preposition ends the question
    ("The earthquake occurred along the Longmenshan fault.", "the Longmenshan fault", "What",
     "stranded along", Clause("The earthquake", (), "occurred", "occur", "VBD", ""),
     "What did the earthquake occur along?"),
    ("He was banished to Alma Ata.", "Alma Ata", "Where", "stranded to",
     Clause("Trotsky", ("was",), "banished", "banish", "VBN", ""),
     "Where was Trotsky banished to?"),
    ("Trotsky proposed the creation of a white book.", "Trotsky", "Who", "subject",
     Clause("Trotsky", (), "proposed", "propose", "VBD", "the creation of a white book"),
     "Who proposed the creation of a white book?"),
    ("The German SPD ended up backing its own government.", "German SPD", "What", "subject",
     Clause("The German SPD", (), "ended", "end", "VBD", "up backing its own government"),
     "What ended up backing its own government?"),
    # unresolved pronoun or a pointer outside the question
    ("The monopoly eliminated it.", "monopoly", "What", "subject",
     Clause("The monopoly", (), "eliminated", "eliminate", "VBD", "it"), None),
    ("Trotsky wrote as follows.", "Trotsky", "Who", "subject",
     Clause("Trotsky", (), "wrote", "write", "VBD", "as follows"), None),
    # the answer visible in the question
    ("Trotsky praised Trotsky.", "Trotsky", "Who", "subject",
     Clause("Trotsky", (), "praised", "praise", "VBD", "Trotsky"), None),
    # too little left to say what is asked
    ("FBI officials said Monday.", "FBI officials", "Who", "subject",
     Clause("FBI officials", (), "said", "say", "VBD", "Monday"), None),
    ("Mrs. Hill said.", "Mrs. Hill", "Who", "subject",
     Clause("Mrs. Hill", (), "said", "say", "VBD", ""), None),
    ("Mrs. Hill said the bridge was closed.", "Mrs. Hill", "Who", "subject",
     Clause("Mrs. Hill", (), "said", "say", "VBD", "the bridge was closed"),
     "Who said the bridge was closed?"),
    # an answer over 8 words is a passage
    ("Lenin wrote one two three four five six seven eight nine.",
     "one two three four five six seven eight nine", "What", "object",
     Clause("Lenin", (), "wrote", "write", "VBD"), None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "answer", "wh", "role", "clause", "expected"), CLAIM_QUESTIONS)
def test_claim_question(
    text: str, answer: str, wh: str, role: str, clause: Clause, expected: str | None
) -> None:
    assert claim_question(claim_question_fact(text, answer, wh, role, clause)) == expected


QUOTE_CLOZES = [
    # a particle is no part of the key phrase ("happening around" | "us")
    ("Von Korff", "It is the whole uncertainty about what is happening around us",
     "Complete Von Korff’s words: «It is the whole uncertainty about what is {{c1::happening}} "
     "around us»"),
    ("Trotsky", "The emancipation of the workers is their own historical task.",
     "Complete Trotsky’s words: «The emancipation of the workers is their own {{c1::historical "
     "task}}.»"),
    ("Engels", "The state is not abolished, it withers away in the end.",
     "Complete Engels’ words: «The state is not abolished, it withers away in the {{c1::end}}.»"),
    ("Lenin", "Too short a quote.", None),
    ("Lenin", " ".join(["word"] * 30), None),
]  # fmt: skip


def test_quote_cloze_blanks_the_key_phrase_the_parse_found() -> None:
    text = 'She said: "I  should be sorry\nto think our friend mercenary."'
    start = text.index("I ")
    end = text.index('."') + 1
    key = text.index("mercenary")
    fact = QuoteFact(
        sentence=Span(0, len(text), text),
        quote=Span(start, end, text[start:end]),
        speaker="Mrs. Gardiner",
        verb="said",
        key=Span(key, key + len("mercenary"), "mercenary"),
    )
    fronts = [note.front for note in quote_notes(document_from_text(text), fact)]
    assert fronts[-1] == (
        "Complete Mrs. Gardiner’s words: «I should be sorry to think our friend {{c1::mercenary}}.»"
    )


@pytest.mark.parametrize(("speaker", "quote", "expected"), QUOTE_CLOZES)
def test_quote_cloze(speaker: str, quote: str, expected: str | None) -> None:
    assert quote_cloze(speaker, quote) == expected
    if expected:
        assert len(ANKI_CLOZE.findall(expected)) == 1


CLAIM_QUESTION_POINTERS = [
    # "such a …" points back as "this" does; "such as" lists
    ("Such a reform should include new advances.", "new advances", "What", "object",
     Clause("such a reform", ("should",), "include", "include", "VB", ""), None),
    ("The army fought rivals such as the Swedes.", "The army", "What", "subject",
     Clause("The army", (), "fought", "fight", "VBD", "rivals such as the Swedes"),
     "What fought rivals such as the Swedes?"),
    # "such … as" lists and "such … that" says how much, a few words on; alone it points back
    ("Interest came from such diverse fields as ecology.", "Interest", "What", "subject",
     Clause("Interest", (), "came", "come", "VBD", "from such diverse fields as ecology"),
     "What came from such diverse fields as ecology?"),
    ("Ethical conduct refines the mind to such a level that rebirth is likely.",
     "Ethical conduct", "What", "subject",
     Clause("Ethical conduct", (), "refines", "refine", "VBZ",
            "the mind to such a level that rebirth is likely"),
     "What refines the mind to such a level that rebirth is likely?"),
    ("Roubini warned of such crisis as early as 2006.", "Roubini", "Who", "subject",
     Clause("Roubini", (), "warned", "warn", "VBD", "of such crisis as early as 2006"), None),
    ("Such a state of affairs is referred to as cohabitation.", "cohabitation", "What",
     "stranded as", Clause("such a state of affairs", ("is",), "referred", "refer", "VBN", "to"),
     None),
    # an expletive "there" refers to nothing: the question may keep it
    ("In Cambodia, there are institutes of technology.", "Cambodia", "Where", "place",
     Clause("there", (), "are", "be", "VBP", "institutes of technology"),
     "Where are there institutes of technology?"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "answer", "wh", "role", "clause", "expected"), CLAIM_QUESTION_POINTERS
)
def test_claim_question_pointers(
    text: str, answer: str, wh: str, role: str, clause: Clause, expected: str | None
) -> None:
    assert claim_question(claim_question_fact(text, answer, wh, role, clause)) == expected


@pytest.mark.parametrize(
    ("answer", "kinds"),
    [
        ("TARDIS", ["definition"]),  # the definition's reverse card asks the same
        ("Doctor Who", ["definition", "claim"]),  # another fact of the sentence
    ],
)
def test_a_claim_on_the_defined_term_is_a_duplicate(answer: str, kinds: list[str]) -> None:
    text = "The TARDIS is a time machine in the British television programme Doctor Who."
    definition = DefinitionFact(
        sentence=sentence_fact_span(text),
        term="TARDIS",
        definiens="a time machine in the British television programme Doctor Who",
    )
    claim = ClaimFact(sentence=sentence_fact_span(text), answer=span_of(text, answer))
    notes = build_notes(document_from_text(text), [definition, claim])
    assert [note.kind for note in notes] == kinds


@pytest.mark.parametrize(
    ("subject", "asked"),
    [
        ("a new index", False),  # which index? only the context says
        ("a new index of the United Nations", True),  # a name says which
        ("the new index", True),
    ],
)
def test_an_indefinite_subject_needs_a_name(subject: str, asked: bool) -> None:
    clause = Clause(subject=subject, auxiliaries=("was",), verb="released", lemma="release",
                    tag="VBN", complement="")  # fmt: skip
    assert (date_question(clause) is not None) is asked


@pytest.mark.parametrize(
    ("sentence", "clause", "asked"),
    [
        ("In 1984, the Workers League raised these issues.",
         Clause("the Workers League", (), "raised", "raise", "VBD", "these issues"), False),
        ("In 2015, Time named him one of the most influential people.",
         Clause("Time", (), "named", "name", "VBD", "him one of the most influential people"),
         False),
        ("In 1905, Trotsky published his book.",
         Clause("Trotsky", (), "published", "publish", "VBD", "his book"), True),
    ],
)  # fmt: skip
def test_a_date_question_that_leans_on_its_sentence_is_a_cloze(
    sentence: str, clause: Clause, asked: bool
) -> None:
    year = re.search(r"\d{4}", sentence).group()
    [note] = build_notes(document_from_text(sentence), [date_fact(sentence, year, year, clause)])
    assert ("{{c1::" not in note.front) is asked


@given(st.text(max_size=20))
def test_third_person_singular_is_a_word_ending_in_s(lemma: str) -> None:
    form = third_person_singular(lemma)
    if form is not None:
        assert form.isalpha() and form.endswith("s") and form.startswith(lemma.lower()[:1])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who could not help cautioning her, in a whisper?", True),
        ("Who told her the truth?", True),
        ("Who saw her?", True),
        ("Who wrote her first book in exile?", False),
        ("Who published her memoirs?", False),
    ],
)
def test_object_her_is_an_unresolved_pronoun(question: str, expected: bool) -> None:
    assert questions_module._object_her(question) is expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who opposed the scheme?", True),
        ("When was the agreement signed?", True),
        ("Who opposed the scheme of 1830?", False),
        ("What did the decision to strike cause?", False),
        ("What did the Paris agreement set?", False),
        ("Who signed the agreements between the states?", False),
        ("Where was the method applied to?", True),
        ("Who devised the method of least squares?", False),
    ],
)
def test_bare_shell_noun_leans_on_context(question: str, expected: bool) -> None:
    assert questions_module._bare_shell_noun(question) is expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("People", True), ("them", True), ("the people", True), ("Chinese people", False),
     ("Trotsky", False)],
)  # fmt: skip
def test_claim_answers_that_name_nobody(answer: str, expected: bool) -> None:
    assert questions_module.names_nobody(answer) is expected


def test_a_sentences_questions_keep_the_extractors_order() -> None:
    # the extractor yields a sentence's best question first; a later answer span must not
    # move a lesser question before it (decks show new cards in note order)
    text = "Marie Curie discovered polonium in Paris."
    best = replace(
        claim_fact(text, "polonium"),
        wh="What",
        role="object",
        clause=Clause("Marie Curie", (), "discovered", "discover", "VBD", "in Paris"),
    )
    lesser = replace(
        claim_fact(text, "Marie Curie"),
        wh="Who",
        role="subject",
        clause=Clause("Marie Curie", (), "discovered", "discover", "VBD", "polonium in Paris"),
    )
    fronts = [note.front for note in build_notes(document_from_text(text), [best, lesser])]
    assert fronts == [
        "What did Marie Curie discover in Paris?",
        "Who discovered polonium in Paris?",
    ]


def test_a_subject_answers_article_keeps_its_anchor() -> None:
    # subject answers were anchored without their article: gaining one keeps the note's GUID
    text = "The ICFI was founded in 1953."
    bare = replace(claim_fact(text, "ICFI"), wh="What", role="subject")
    with_article = replace(claim_fact(text, "The ICFI"), wh="What", role="subject")
    assert bare.anchor() == with_article.anchor()
    as_object = replace(claim_fact(text, "The ICFI"), wh="What", role="object")
    assert as_object.anchor() != bare.anchor()


def test_a_loose_antecedent_for_an_indefinite_subject_makes_no_question() -> None:
    # the clause put "an example of competition" for the sentence's "it"
    text = "If the tree is very large, it can take up rainwater."
    clause = Clause("an example of competition", ("can",), "take", "take", "VB", "up")
    fact = claim_question_fact(text, "rainwater", "What", "object", clause)
    assert claim_question(fact) is None
    kept = Clause("a large tree", ("can",), "take", "take", "VB", "up")
    text = "In dry years a large tree can take up rainwater."
    assert claim_question(claim_question_fact(text, "rainwater", "What", "object", kept)) == (
        "What can a large tree take up?"
    )


# an indefinite subject of a present clause is generic: any one of its kind
GENERIC_SUBJECTS = [
    (Clause("A senator", (), "represents", "represent", "VBZ", "in Paris"),
     "What does a senator represent in Paris?"),
    (Clause("A large percentage of herbivores", (), "have", "have", "VBP", "in the gut"),
     "What do a large percentage of herbivores have in the gut?"),
    (Clause("A dog", ("can",), "smell", "smell", "VB", "from afar"),
     "What can a dog smell from afar?"),
    # past: one the context knows
    (Clause("A student", (), "proposed", "propose", "VBD", "online"), None),
    (Clause("A new index", ("was",), "released", "release", "VBN", ""), None),
    # progressive, perfect, copular, or a plural verb for a singular subject: no generic
    (Clause("A cardinal", ("is",), "electing", "elect", "VBG", "when the see is vacant"), None),
    (Clause("A division", ("has",), "existed", "exist", "VBN", "in South Africa"), None),
    (Clause("A notable case", (), "is", "be", "VBZ", ""), None),
    (Clause("An order", (), "exist", "exist", "VBP", "in the world"), None),
    # related to something named before
    (Clause("A further example", (), "lives", "live", "VBZ", "with a shrimp"), None),
    (Clause("A second problem", (), "obscures", "obscure", "VBZ", "the relations"), None),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "expected"), GENERIC_SUBJECTS)
def test_generic_indefinite_subject(clause: Clause, expected: str | None) -> None:
    assert wh_question("What", clause) == expected
