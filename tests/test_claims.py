"""Claims: how many, which sentence is central, and what the cloze answer may be."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcards.model import ClaimFact, Clause, Span
from factcards.nlp import claims as claims_module
from factcards.nlp.centrality import textrank
from factcards.nlp.claims import (
    _argument_phrases,
    _cuts_a_name,
    _ranked_answers,
    _trim,
    _whole,
    _whole_list,
    _whole_name,
    _with_article,
    _worth_another_question,
    find_claims,
    is_main_clause,
    is_meta,
    question_only,
    wh_question_for,
)
from factcards.questions import claim_question

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
    facts = list(find_claims(parse(CENTRAL_TEXT), words_per_claim=30))
    best = max(facts, key=lambda fact: fact.score)
    assert best.sentence.text.startswith("Trotsky, Stalin and Lenin")


@pytest.mark.parametrize(
    ("text", "words_per_claim", "expected_count"),
    [
        (CENTRAL_TEXT, 100, 1),  # about 60 words: at least one claim in a text of 3+ sentences
        (CENTRAL_TEXT, 30, 2),  # one claim per 30 words
        (LONG_TEXT, 100, 1),  # about 105 words
        (LONG_TEXT, 30, 3),  # one claim per 30 (a sentence may lack an answer)
        ("Short text. Too short.", 100, 0),
        (
            "Why did the Workers League criticise the leadership of the Revolutionary Party?",
            30,
            0,
        ),
    ],
)
def test_number_of_claims(parse, text: str, words_per_claim: float, expected_count: int) -> None:
    found = list(find_claims(parse(text), words_per_claim=words_per_claim))
    assert len(found) == expected_count


def test_density_must_be_positive(parse) -> None:
    with pytest.raises(ValueError):
        list(find_claims(parse(CENTRAL_TEXT), words_per_claim=0))


def test_near_duplicate_sentences_make_one_claim(parse) -> None:
    sentence = "The Soviet state established a monopoly of foreign trade in Moscow in the 1920s. "
    text = sentence + "Bananas grow well in warm and humid climates near the equator. " + sentence
    facts = list(find_claims(parse(text), words_per_claim=10))
    assert len({" ".join(fact.sentence.text.split()) for fact in facts}) == len(facts)


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


# text -> is it a main clause with a finite verb and a subject?
MAIN_CLAUSES = [
    ("The Soviet state established a monopoly of foreign trade.", True),
    ("The ICFI was founded in a struggle against revisionism.", True),
    ("Precisely because capitalism has developed as a world system.", False),
    ("Although the party grew quickly in the cities.", False),
    ("The long struggle against the revisionists of the party.", False),
    ("Building socialism in a single country.", False),
    # a present after a plural subject, a past, a verb read as a noun: the tagger's misreadings
    ("Earlier biographies of the prince give different accounts.", True),
    ("The delegates of the northern provinces abstained from the vote.", True),
    ("Historically, the roots of Buddhism lie in the religious thought of ancient India.", True),
    # an imperative has no subject; a noun with a determiner is a noun
    ("Give me the book.", False),
    ("The raise in prices of the year.", False),
]


@pytest.mark.parametrize(("text", "expected"), MAIN_CLAUSES)
def test_is_main_clause(parse, text: str, expected: bool) -> None:
    assert is_main_clause(next(parse(text).sents)) is expected


META = [
    ("I would like to quote a passage from the resolution of the congress.", True),
    ("It is worth noting that the party grew in the cities.", True),
    ("Let us now turn to the question of the peasantry in Russia.", True),
    ("Perhaps the party was too weak to resist the pressure.", True),
    ("The party probably lost half of its members in the war.", True),
    ("The party lost half of its members in the war.", False),
]


@pytest.mark.parametrize(("text", "expected"), META)
def test_is_meta(parse, text: str, expected: bool) -> None:
    assert is_meta(next(parse(text).sents)) is expected


# text, candidate span -> trimmed span: never begins or ends with a function word
TRIMS = [
    ("They discussed the Chinese revolution as a whole.", "the Chinese revolution as",
     "Chinese revolution"),
    ("They discussed the Chinese revolution as a whole.", "Chinese revolution",
     "Chinese revolution"),
    ("The workers of Berlin struck in March.", "of Berlin", "Berlin"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "candidate", "expected"), TRIMS)
def test_trim(parse, text: str, candidate: str, expected: str) -> None:
    doc = parse(text)
    at = text.index(candidate)
    span = doc.char_span(at, at + len(candidate), alignment_mode="expand")
    assert _trim(span).text == expected


# text, answer candidate -> (wh, role, answer) of the question, or None
WH_QUESTIONS = [
    # a plural class of people may be asked for; a lone common noun of anything else may not
    ("Buddhists do not consider Siddhartha Gautama to have been the only Buddha.", "Buddhists",
     ("Who", "subject", "Buddhists")),
    ("Examples can be found throughout the Middle East.", "Examples", None),
    # a bare infinitive tagged as a plural present has no subject of its own to ask for
    ("The famous episode saw Welsh actress Jynine James try to cope with her son.",
     "Jynine James", None),
    # a name is never the noun of a fixed adverbial phrase ("in a way")
    ("An important guiding principle of Buddhist practice is the Middle Way.", "Middle Way",
     ("What", "object", "the Middle Way")),
    ("The result was announced by the ministry in a long statement.", "result", None),
    ("Trotsky proposed the creation of a white book on the Moscow trials.", "Trotsky",
     ("Who", "subject", "Trotsky")),
    ("The Soviet state established a monopoly of foreign trade.", "monopoly",
     ("What", "object", "a monopoly of foreign trade")),
    ("The Red Army defeated the White armies near Kazan.", "Kazan",
     ("Where", "place", "Kazan")),
    ("The police arrested 300 strikers at the factory gates.", "300",
     ("How many strikers", "object", "300")),
    # a negated place ("not in Russia, but in Germany") is no answer
    ("The theory originated not in Russia, but in Germany.", "Russia", None),
    # the subject of a copula that is no name: "What was …?" would ask for a placeholder
    ("The result was the destruction of the party in the cities.", "result", None),
    # a demonstrative answer points outside the sentence
    ("Only the working class could carry out this revolution.", "revolution", None),
    # the object of a preposition: the question strands it ("What did … occur along?")
    ("The earthquake occurred along the Longmenshan fault.", "Longmenshan fault",
     ("What", "stranded along", "the Longmenshan fault")),
    ("The school was excavated by soldiers from the local garrison.", "soldiers",
     ("Who", "stranded by", "soldiers from the local garrison")),
    # a relative clause after the subject is dropped from the answer
    ("The Juyuan Middle School, where many teenagers were buried, was excavated by civilians.",
     "Juyuan Middle School", ("Which school", "subject", "Juyuan Middle School")),
    # a conjoined main clause is a clause of its own; a place after "to" asks "Where … to?"
    ("He was expelled from the party and banished to Kazakhstan in the east.", "Kazakhstan",
     ("Where", "stranded to", "Kazakhstan")),
    # the noun of a fixed adverbial ("at the time") is no answer
    ("Russia insisted at the time on a separate peace.", "time", None),
    # a name as the attribute of a copula
    ("The first president of the republic was George Washington.", "George Washington",
     ("Who", "object", "George Washington")),
    # the content of a report and a time clause are statements of their own
    ("The bishop stated that 200,000 homes had been rebuilt in the province.", "200,000",
     ("How many homes", "subject", "200,000")),
    ("The army left the city when the rebels captured Kazan in the spring.", "Kazan",
     ("What", "object", "Kazan")),
    # a sum of money asks "How much"
    ("The government spent $441 billion on relief and reconstruction efforts.", "$441 billion",
     ("How much", "object", "$441 billion")),
    # a condition states nothing
    ("The army would leave the city if the rebels captured Kazan.", "Kazan", None),
    # a relative clause is one only when asked for (see RELATIVE_QUESTIONS)
    ("The airport was home to Air Southwest, which operated flights across the country.",
     "flights", None),
    # a prepositional idiom is no thing to ask for ("What is the family on?" -> "record")
    ("The family in Miami is on record as opposing the return of the boy.", "record", None),
    ("The earthquake occurred along the Longmenshan fault.", "Longmenshan fault",
     ("What", "stranded along", "the Longmenshan fault")),
    # a report the text denies or hedges is no statement of its own
    ("It should not be said that the sisters stayed at home in Meryton all winter.", "Meryton",
     None),
    ("The bishop stated that 200,000 homes had been rebuilt in the province.", "200,000",
     ("How many homes", "subject", "200,000")),
    # a denying subject: "What had no one suggested?" asks the opposite of the claim
    ("No one in the government had suggested a separate peace with Germany.", "peace", None),
    ("Nothing in the treaty guaranteed the rights of the workers.", "rights", None),
    # a noun completed by a "that" clause is a placeholder ("the idea"), not an answer
    ("The delegates rejected the idea that socialism could be built in Russia alone.", "idea",
     None),
    ("The delegates rejected the idea of a separate peace.", "idea",
     ("What", "object", "the idea of a separate peace")),
    # a verb with two objects: asking for either leaves the other in the answer's place
    ("In 2015, West appointed Pusha T the new president of GOOD Music.", "new president", None),
    ("In 2015, West appointed Pusha T the new president of GOOD Music.", "Pusha T", None),
    ("She gave the museum a painting by Monet.", "painting", None),
    ("She gave a painting to the museum.", "painting", ("What", "object", "a painting")),
    # a date is asked with "When" (by the date notes), not "What … on?"
    ("The new status took effect on 15 July 2007.", "15 July 2007", None),
    ("The new status was announced on the radio.", "radio", ("What", "stranded on", "the radio")),
    # "in turn", "take effect": fixed phrases, not things
    ("Richard Rorty was in turn a student of Hartshorne.", "turn", None),
    ("In 2003, Nintendo said a new game was in the works for the GameCube.", "works", None),
    ("Share prices were on the rise in Tokyo.", "rise", None),
    # a past event of a bare common noun: whose revenue, the text around says
    ("Revenue totaled $1.01 billion, a 43% increase.", "$1.01 billion", None),
    ("The company's revenue totaled $1.01 billion last year.", "$1.01 billion",
     ("How much", "object", "$1.01 billion")),
    ("The new status took effect on Sunday.", "effect", None),
]  # fmt: skip

# text, answer candidate -> (wh, role, answer) when relative clauses count as clauses
RELATIVE_QUESTIONS = [
    ("The airport was home to Air Southwest, which operated flights across the country.",
     "flights", ("What", "object", "flights across the country")),
    # a relative clause whose subject is not the relative pronoun is left alone
    ("The airport was home to the airline that the council owned.", "council", None),
    # a relative clause on the attribute of "X is a Y" says it of X
    ("Feminist anthropology is an approach that seeks to reduce male bias in research.",
     "male bias", ("What", "object", "male bias")),
    # a restrictive relative clause only says which thing is meant
    ("The airport was home to an airline that operated flights across the country.",
     "flights", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "candidate", "expected"), RELATIVE_QUESTIONS)
def test_wh_question_in_a_relative_clause(
    parse, text: str, candidate: str, expected: tuple | None
) -> None:
    doc = parse(text)
    at = text.index(candidate)
    span = doc.char_span(at, at + len(candidate), alignment_mode="expand")
    found = wh_question_for(next(doc.sents), span.start, span.end, relative=True)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        wh, role, _, answer = found
        assert (wh, role, answer.text) == expected


# text, answer candidate -> the question asked of it when participles count as clauses (None:
# no question on that candidate)
PARTICIPIAL_QUESTIONS = [
    # a participial clause after an event shares the main subject and its tense
    ("The ship sank near the coast in 1912, killing 1,500 passengers.", "1,500",
     "How many passengers did the ship kill?"),
    # a fronted past participle is a passive of the main subject
    ("Raised in Chicago, West briefly attended art school.", "Chicago", "Where was West raised?"),
    # a past participle set off by commas states a fact of its noun
    ("Today the school, housed in Bond Hall, offers a five-year program.", "Bond Hall",
     "Where was the school housed?"),
    ("The council, headed by Pope Pius IV, wrote about the importance of good cardinals.",
     "Pope Pius IV", "Who was the council headed by?"),
    # a gerund after "before", "after" or "by" is the subject's act
    ("Link returns home before destroying the Mirror of Twilight.", "Mirror of Twilight",
     "What does Link destroy?"),
    # a restrictive participle on a vague noun only says which letter is meant
    ("A letter written by Slaughter was found in the archive.", "Slaughter", None),
    # a participle right after the object may describe the object, not the subject
    ("The BBC introduced Ceefax, the first teletext service, starting in 1974.", "1974", None),
    ("West released a single, Only One, featuring Paul McCartney.", "Paul McCartney", None),
    # a past participle after the verb may hang on the last noun
    ("Congress passed the Espionage Act, which was extended by the Sedition Act of 1918, "
     "enacted in May 1918.", "May 1918", None),
    # "being" gives a reason, not an event
    ("The designation is not applied at all, being meaningless in Portugal.", "Portugal", None),
    # a participle that repeats its subject's noun asks nothing
    ("The rupture propagated at a speed of 3.1 kilometers per second, rupturing a total of "
     "about 300 km.", "300 km", None),
]  # fmt: skip

# text, participle -> whether it states a fact of its own (the participial tier asks about it)
PARTICIPIAL_STATEMENTS = [
    ("The Treaty of Paris, signed by Spain, ended the war.", "signed", True),
    ("Credit Correlation published in 2007 summarizes a conference.", "published", True),
    # a definite but vague noun ("the river") needs its restrictive clause to say which
    ("The river known as the Oder forms the border.", "known", False),
    # half of a compound adjective is no clause
    ("The loans came from CRA-covered lenders in Boston.", "covered", False),
    # on the attribute of "X is a Y" it says something of X, and on a second conjunct of the
    # first one
    ("The prime minister is an official appointed by the president.", "appointed", False),
    ("They blame lax standards and the low rates set by the Federal Reserve.", "set", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word", "expected"), PARTICIPIAL_STATEMENTS)
def test_participial_statement(parse, text: str, word: str, expected: bool) -> None:
    doc = parse(text)
    sent = next(doc.sents)
    participle = next(t for t in doc if t.text == word)
    main_verbs = claims_module._main_verbs(sent)
    assert claims_module._participial_statement(participle, main_verbs) is expected


@pytest.mark.parametrize(("text", "candidate", "question"), PARTICIPIAL_QUESTIONS)
def test_wh_question_in_a_participial_clause(
    parse, text: str, candidate: str, question: str | None
) -> None:
    doc = parse(text)
    sent = next(doc.sents)
    at = text.index(candidate)
    span = doc.char_span(at, at + len(candidate), alignment_mode="expand")
    verbs = claims_module._tier_verbs(sent, claims_module.PARTICIPIAL)
    found = wh_question_for(sent, span.start, span.end, verbs=verbs)
    asked = None
    if found is not None:
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
        asked = claim_question(fact)
    assert asked == question


# text, verb -> whether the verb heads a sentence of its own joined by a semicolon or a dash
JOINED_SENTENCES = [
    # the parser makes the clause before a semicolon a complement of the one after it
    ("The old bridge was closed to traffic in 1990; a new bridge was built downstream.",
     "closed", True),
    ("The museum holds a large collection of coins; most of them were found near Bath.",
     "holds", True),
    ("The harbour froze every winter – ships could only reach the town in summer.",
     "froze", True),
    # no separator: a real complement, and a colon introduces, it does not join
    ("The study found that the drug lowered blood pressure.", "lowered", False),
    ("The report said one thing: the bridge was unsafe.", "was", False),
    # no subject of its own, or no tense of its own
    ("The king was crowned at Reims; later moving to Paris.", "moving", False),
    # an aside between dashes, with nothing but its subject
    ("The positions of the leadership—Stalin included—in the aftermath of February 1917 were "
     "Menshevik.", "included", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word", "expected"), JOINED_SENTENCES)
def test_joined_sentence(parse, text: str, word: str, expected: bool) -> None:
    doc = parse(text)
    verb = next(t for t in doc if t.text == word)
    assert claims_module._joined_sentence(verb) is expected


# text, candidate -> the question asked of a clause a semicolon or a dash joins to the sentence
JOINED_QUESTIONS = [
    ("The old bridge was closed to traffic in 1990; a new bridge was built downstream.",
     "traffic", "What was the old bridge closed to?"),
    ("The king was crowned at Reims; his brother, who had fought at Agincourt, was made Duke "
     "of Bedford.", "Reims", "Where was the king crowned?"),
    ("The museum holds a large collection of Roman coins; most of them were found near Bath.",
     "Roman coins", "What does the museum hold?"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "candidate", "question"), JOINED_QUESTIONS)
def test_wh_question_in_a_joined_sentence(
    parse, text: str, candidate: str, question: str | None
) -> None:
    doc = parse(text)
    sent = next(doc.sents)
    at = text.index(candidate)
    span = doc.char_span(at, at + len(candidate), alignment_mode="expand")
    found = wh_question_for(sent, span.start, span.end)
    assert found is not None
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
    assert claim_question(fact) == question


# text -> the claim question of its last sentence (every sentence a candidate)
CLAIM_QUESTIONS = [
    # a possessive opener names what it refers to
    ("Montana is a state in the western United States. Its rivers feed the Pacific Ocean "
     "and Hudson Bay.", "What do Montana’s rivers feed?"),
    # a demonstrative subject reads as "the"
    ("The BBC built a studio in Salford in 2003. This studio was estimated to save the "
     "BBC 85 million pounds.", "How many pounds was the studio estimated to save?"),
    # what was told is a quotation the question leaves out: "Who told a station?" asks nothing
    ("“I won't cooperate in anything,” Gonzalez told a Spanish-language television station.",
     None),
    # a question whose preposition ends it far from its verb no longer reads
    ("In the Parliament of the United Kingdom, Plymouth is represented by the three "
     "constituencies of Plymouth Moor View, Plymouth Sutton and Devonport and South West Devon "
     "and within the European Parliament as South West England.", None),
    # a bare shell noun ("the move") stands for the sentence before: no question
    ("The BBC moved its channels to satellite in 2003. This move was estimated to save the "
     "BBC 85 million pounds.", None),
    # an adverbial clause holding a pronoun is left out
    ("Whitehead's academic responsibilities began to expand across the university as he "
     "accepted a number of administrative positions.",
     "What began to expand across the university?"),
    # "there is/are" counts what it introduces, the whole counted phrase asked for
    ("There are 16 universities in the province of Ontario.",
     "How many universities in the province of Ontario are there?"),
    # a subject question must say what it is about: "Who listened as little?" is no question
    ("Elizabeth listened as little as she could.", None),
    # "Who said …?" must keep what was said
    ("Fidel Castro said on Cuban television on Monday.", None),
    ("Fidel Castro said on Cuban television that the embargo had failed.",
     "Who said on Cuban television that the embargo had failed?"),
    ("Mrs. Gardiner could go no farther.", None),
    # "How many …" names what it counts: the question needs no other word about it
    ("At least 7,000 school buildings throughout the province collapsed.",
     "How many school buildings collapsed?"),
    # a gloss in brackets after a word leaves the word a whole answer
    ("Samsara arises out of avidya (ignorance) and is characterized by dukkha (suffering, "
     "anxiety, dissatisfaction).", "What is Samsara characterized by?"),
    # a word the text never repeats is no cloze, but may answer a question
    ("At the peak of the cycle, females will come into estrus.", "What will females come into?"),
    # a "they" reported by a singular body stands for it, and the verb agrees with it
    ("The Ministry of Civil Affairs said that they have provided 30,000 tents for those left "
     "homeless.",
     "How many tents has the Ministry of Civil Affairs provided for those left homeless?"),
    # the subject pronoun of what the asked-for reporter says is the reporter
    ("Reporters in the capital said they saw cracks on the walls of the old town hall.",
     "Who said they saw cracks on the walls of the old town hall?"),
    # a pronoun of the other gender is someone else: no question names the reporter for it
    ("Mary Bennet said that he would come to the ball at Netherfield.", None),
    # a finite verb the tagger misread keeps its tense in the question
    ("Earlier biographies of the prince give conflicting accounts.",
     "What do earlier biographies of the prince give?"),  # an adjective's sentence capital
    ("Historically, the roots of Buddhism lie in the religious thought of ancient India.",
     "What do the roots of Buddhism lie in?"),
    # a participle with a form no past has stays a participle: no "What did he bear in?"
    ("William Cookworthy born in Kingsbridge set up his business in the city.",
     "Who set up his business in the city?"),
    # the expletive "there" stays in the question
    ("In Cambodia, there are several institutes of technology that offer programs in "
     "engineering.",
     "Where are there several institutes of technology that offer programs in engineering?"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "question"), CLAIM_QUESTIONS)
def test_claim_question_of_last_sentence(parse, text: str, question: str | None) -> None:
    doc = parse(text)
    last = list(doc.sents)[-1]
    facts = [f for f in find_claims(doc, 1.0) if f.sentence.start == last.start_char]
    assert [claim_question(f) for f in facts if f.wh] == ([question] if question else [])


# text -> whether its sentence makes a claim only as a question (a cloze would point outside)
QUESTION_ONLY = [
    ("The Soviet state established a monopoly of foreign trade.", False),
    ("This move was estimated to save the corporation a great deal of money.", True),
    ("But the Soviet state established a monopoly of foreign trade.", True),
    (" ".join(["The state established a monopoly of foreign trade"] * 6) + ".", True),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), QUESTION_ONLY)
def test_question_only(parse, text: str, expected: bool) -> None:
    assert question_only(next(parse(text).sents)) == expected


def test_unresolvable_possessive_opener_makes_no_cloze(parse) -> None:
    text = "Its rivers feed the Pacific Ocean, the Gulf of Mexico and Hudson Bay."
    for fact in find_claims(parse(text), 1.0):
        assert fact.wh and claim_question(fact)


@pytest.mark.parametrize(("text", "candidate", "expected"), WH_QUESTIONS)
def test_wh_question_for(parse, text: str, candidate: str, expected: tuple | None) -> None:
    doc = parse(text)
    at = text.index(candidate)
    span = doc.char_span(at, at + len(candidate), alignment_mode="expand")
    found = wh_question_for(next(doc.sents), span.start, span.end)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        wh, role, _, answer = found
        assert (wh, role, answer.text) == expected


# text -> the best answer: a number or name of the main clause, a quoted title or term whole
BEST_ANSWERS = [
    ("Lenin returned to Petrograd in a sealed train on the grounds that Germany allowed it.",
     "Petrograd"),
    ("In the last ten years the population has dropped by 9.5 million, despite the many "
     "thousands of migrants.", "9.5 million"),
    ("Before the end of that year, Stalin’s “Foundations of Leninism” would be reissued in a "
     "revised edition.", "Foundations of Leninism"),
    ("The German SPD backed its own government in the First World War.", "First World War"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), BEST_ANSWERS)
def test_best_answer(parse, text: str, expected: str) -> None:
    doc = parse(text)
    sent = next(doc.sents)
    _, start, end, _ = _ranked_answers(sent, Counter(), set())[0]
    assert doc[start:end].text == expected


def test_sentence_introducing_a_quotation_is_no_claim(parse) -> None:
    text = (
        "In his introduction to the German edition of the book, Trotsky wrote as follows: "
        "\n\nThe productive forces of capitalist society have outgrown the national boundaries "
        "of Europe and Asia in the last century."
    )
    for fact in find_claims(parse(text), words_per_claim=10):
        assert not fact.sentence.text.endswith(":")


def test_claim_question_fact_carries_a_clause(parse) -> None:
    text = (
        "The Soviet state established a monopoly of foreign trade in the first years. "
        "The monopoly of foreign trade protected the Soviet state from the world market. "
        "The world market pressed on the Soviet economy through cheap goods of every kind."
    )
    facts = list(find_claims(parse(text), words_per_claim=20))
    questions = [fact for fact in facts if fact.wh]
    assert questions
    for fact in questions:
        assert fact.wh and fact.role and fact.clause.verb
        assert fact.answer.text in fact.sentence.text


def test_half_a_phrase_answers_nothing(parse) -> None:
    # "the right" of "the right to display …" is no answer; a lone word is no cloze
    assert list(find_claims(parse("The council had the right to display the galero."), 1.0)) == []
    # a plural class of people may still be asked for
    facts = list(find_claims(parse("Cardinals had the right to display the galero."), 1.0))
    assert [(f.answer.text, f.role) for f in facts] == [("Cardinals", "subject")]


# text, answer -> whether it is its phrase's whole (an aside after a comma or bracket may go)
WHOLE_ANSWERS = [
    ("Samsara is characterized by dukkha (suffering).", "dukkha", True),
    ("Cardinals had the right to display the galero.", "the right", False),
    ("Cardinals had the right to display the galero.", "right to display the galero", True),
    ("The monks followed the Middle Way, which the Buddha taught.", "Middle Way", True),
    ("The monks followed the Middle Way taught by the Buddha.", "Middle Way", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "answer", "expected"), WHOLE_ANSWERS)
def test_whole(parse, text: str, answer: str, expected: bool) -> None:
    doc = parse(text)
    at = text.index(answer)
    assert _whole(doc.char_span(at, at + len(answer))) is expected


# text -> the head phrases of the main clauses' arguments (tried when no ranked answer asks)
ARGUMENT_PHRASES = [
    ("Anthropologists have developed the comparative method, a central part of their science.",
     ["Anthropologists", "comparative method"]),
    ("The Internet was used by rescuers in the province.",
     ["Internet", "rescuers in the province"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ARGUMENT_PHRASES)
def test_argument_phrases(parse, text: str, expected: list[str]) -> None:
    sent = next(parse(text).sents)
    found = [sent.doc[start:end].text for start, end in _argument_phrases(sent)]
    assert sorted(found) == sorted(expected)


def test_a_name_the_text_mostly_tags_a_person_asks_who(parse) -> None:
    text = (
        "Alfred North Whitehead taught at Harvard. Whitehead wrote Process and Reality. "
        "Whitehead regards perception as occurring in two modes of experience."
    )
    facts = [f for f in find_claims(parse(text), 1.0) if f.answer.text == "Whitehead" and f.wh]
    assert facts and all(f.wh == "Who" for f in facts)


# a name the tagger may not call a person -> the wh-word of a subject question about it
PERSON_BY_CLAUSE = [
    ("West unveiled his Yeezy Season clothing line in 2015.", "West", "Who"),
    ("Charlotte could not help cautioning her, in a whisper, not to be a simpleton.",
     "Charlotte", "Who"),
    # "his" after another person is that person's
    ("Paris honoured Victor Hugo and his novels in 1885.", "Paris", "What"),
    ("Paris hosted the games in 1924.", "Paris", "What"),
    # a plural name of followers is people, whatever the tagger calls it
    ("The Crusaders established trade routes across the eastern sea.", "Crusaders", "Who"),
    ("The Pabloites rejected the program of the party in 1953.", "Pabloites", "Who"),
    ("The Alps divide the two countries.", "Alps", "What"),
    # "her" in the clause must be the answer's: a woman's name asks, a man's makes no question
    ("Jane Austen published her first novel in London.", "Jane Austen", "Who"),
    ("When the dancing began, Darcy approached to claim her hand.", "Darcy", None),
    ("Mr. Collins lost his temper at the table.", "Mr. Collins", "Who"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "subject", "wh"), PERSON_BY_CLAUSE)
def test_a_name_acting_as_a_person_asks_who(parse, text: str, subject: str, wh: str | None) -> None:
    doc = parse(text)
    at = text.index(subject)
    span = doc.char_span(at, at + len(subject))
    found = wh_question_for(next(doc.sents), span.start, span.end)
    assert (found[0] if found else None) == wh


def test_a_cloze_showing_they_ranks_below_one_that_stands_alone(parse) -> None:
    text = (
        "Russia, they insisted at the time, was too backward for socialism. "
        "Russia, the critics insisted at the time, was too backward for socialism. "
        "The weather that winter was cold and wet."
    )
    chosen = list(find_claims(parse(text), 30.0))
    assert [f.sentence.text.split(",")[1].strip() for f in chosen] == [
        "the critics insisted at the time"
    ]


# a sentence too long for a cloze -> whether its question is short and stands alone (it then
# loses less merit than one that must be rewritten to stand alone)
LONG_SENTENCES = [
    ("Against the advice of the ministers, the railway company was ordered to build a new line "
     "through the mountains, while Robert Stephenson was appointed as the chief engineer of the "
     "whole project, with the board casting the deciding vote.", True),
    ("The railway company that the ministers of the crown had founded in the north of the country "
     "in the years of the great boom was ordered by the courts of the kingdom to build a new line "
     "through the mountains.", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LONG_SENTENCES)
def test_long_but_self_contained(parse, text: str, expected: bool) -> None:
    doc = parse(text)
    sent = next(doc.sents)
    found = claims_module._claim_for(sent, Counter(), set(), 1.0)
    assert found is not None and found[0].wh
    assert claims_module._long_but_self_contained(sent, found[0]) is expected


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        # a list is answered whole, or not asked about
        ("Montana's rivers feed the Pacific Ocean and Hudson Bay.",
         "the Pacific Ocean and Hudson Bay"),
        ("Share prices closed lower in Paris, Zurich, Amsterdam, Brussels and Stockholm.",
         "Paris, Zurich, Amsterdam, Brussels and Stockholm"),  # five words, with no commas
        ("Share prices closed lower in Paris, Zurich, Amsterdam, Brussels, Stockholm, Madrid, "
         "Milan, Oslo and Vienna.", "Share prices"),
    ],
)  # fmt: skip
def test_one_item_of_a_list_is_no_answer(parse, text: str, answer: str) -> None:
    facts = [f for f in find_claims(parse(text), 1.0) if f.wh]
    assert [f.answer.text for f in facts] == [answer]


# text, the first item of a list -> the whole list as an answer, or None
WHOLE_LISTS = [
    ("Its rivers feed the Pacific Ocean and Hudson Bay.", "Pacific Ocean",
     "Pacific Ocean and Hudson Bay"),
    # a list cut inside a bracketed aside is no answer
    ("A guiding principle of Buddhist practice is the Middle Way (or Middle Path), which the "
     "Buddha taught.", "Middle Way", None),
    # commas and hyphens are no words: a list of eight words is an answer, of more is not
    ("His middle-class background, flamboyant fashion sense and outspokenness set him apart.",
     "middle-class background",
     "middle-class background, flamboyant fashion sense and outspokenness"),
    ("He visited Wenchuan County, Ngawa Tibetan and Qiang Autonomous Prefecture in May.",
     "Wenchuan County", "Wenchuan County, Ngawa Tibetan and Qiang Autonomous Prefecture"),
    # an "as well as" after the last item joins more to the list: it is no part of the answer
    ("It is practiced in Sri Lanka, Burma, Laos, Thailand, Cambodia as well as small "
     "portions of China.", "Sri Lanka", "Sri Lanka, Burma, Laos, Thailand, Cambodia"),
    ("He studied new legislation or formal investigation of Fannie Mae and Freddie Mac.",
     "new legislation", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "first", "expected"), WHOLE_LISTS)
def test_whole_list(parse, text: str, first: str, expected: str | None) -> None:
    doc = parse(text)
    at = text.index(first)
    span = doc.char_span(at, at + len(first), alignment_mode="expand")
    whole = _whole_list(span)
    assert (whole.text if whole is not None else None) == expected


# ------------------------------------------------------------------- questions per claim


@pytest.mark.parametrize(
    ("text", "questions_per_claim", "expected_answers"),
    [
        # two clean answers: the place, then the discoverer
        (
            "Marie Curie discovered polonium in a laboratory in Paris.",
            1,
            ["a laboratory in Paris"],
        ),
        (
            "Marie Curie discovered polonium in a laboratory in Paris.",
            2,
            ["a laboratory in Paris", "Marie Curie"],
        ),
        (
            "Johannes Gutenberg printed the first Bible in Mainz.",
            3,
            ["the first Bible in Mainz", "Johannes Gutenberg"],
        ),
        # not a comparison with what came before ("a similar arrangement")
        (
            "Rossabi describes a similar arrangement made by Kublai Khan in the Sacred College "
            "of Beijing.",
            3,
            ["Rossabi"],
        ),
        # not a quotation cut in two ('dog-family" or the family dog')
        (
            'The dog was classified by Linnaeus as Canis familiaris, which means "dog-family" '
            "or the family dog.",
            3,
            ["Canis familiaris", "Linnaeus"],
        ),
    ],
)
def test_questions_per_claim(
    parse, text: str, questions_per_claim: int, expected_answers: list[str]
) -> None:
    facts = list(
        find_claims(parse(text), words_per_claim=10, questions_per_claim=questions_per_claim)
    )
    assert [fact.answer.text for fact in facts] == expected_answers
    assert all(claim_question(fact) for fact in facts)


@pytest.mark.parametrize(
    ("text", "answer", "subject", "worth"),
    [
        ("Pope John XXIII abolished the limit in 1962.", "the limit", "Pope John XXIII", False),
        ("West pioneered a style in Chicago.", "a style", "West", False),
        ("Pope John XXIII abolished the limit in 1962.", "Pope John XXIII", "", True),
        ("Mortgage lenders relaxed underwriting standards.", "underwriting standards", "", True),
        ("The college had 15,000 students in 1990.", "15,000", "The college", True),
        ("Another 130,000 people arrive by luxury boats.", "luxury boats", "Another people", False),
        ("Rossabi describes a similar arrangement.", "a similar arrangement", "Rossabi", False),
        ('Canis familiaris means "dog-family" or the family dog.', 'dog-family" or', "", False),
    ],
)
def test_worth_another_question(parse, text: str, answer: str, subject: str, worth: bool) -> None:
    sent = next(iter(parse(text).sents))
    start = sent.start_char + sent.text.index(answer)
    label = "CARDINAL" if answer[0].isdigit() else "TERM"
    clause = Clause(subject=subject, auxiliaries=(), verb="v", lemma="v", tag="VBD")
    fact = ClaimFact(
        sentence=Span(sent.start_char, sent.end_char, sent.text),
        answer=Span(start, start + len(answer), answer),
        label=label,
        wh="What",
        role="object",
        clause=clause,
    )
    assert _worth_another_question(sent, fact) is worth


@pytest.mark.parametrize(
    "text",
    [
        "Marie Curie discovered polonium in a laboratory in Paris.",
        CENTRAL_TEXT,
        LONG_TEXT,
    ],
)
def test_more_questions_keep_the_first_and_do_not_collide(parse, text: str) -> None:
    doc = parse(text)
    single = list(find_claims(doc, words_per_claim=10))
    several = list(find_claims(doc, words_per_claim=10, questions_per_claim=3))
    # the first question of each sentence (and so its note's GUID) is what it was
    assert [fact for fact in several if fact in single] == single
    anchors = [fact.anchor() for fact in several]
    assert len(set(anchors)) == len(anchors)
    by_sentence: dict[int, list[ClaimFact]] = {}
    for fact in several:
        by_sentence.setdefault(fact.sentence.start, []).append(fact)
    for facts in by_sentence.values():
        assert len(facts) <= 3
        spans = sorted((fact.answer.start, fact.answer.end) for fact in facts)
        assert all(end <= next_start for (_, end), (next_start, _) in pairwise(spans))


def test_questions_per_claim_must_be_positive(parse) -> None:
    with pytest.raises(ValueError):
        list(find_claims(parse(CENTRAL_TEXT), questions_per_claim=0))


@pytest.mark.parametrize(
    "text",
    [
        "Not all traditions of Buddhism share the same philosophical outlook on karma.",
        "No one in the Sacred College suggested a change of the conclave rules.",
    ],
)
def test_a_denying_subject_is_asked_for_by_no_question(parse, text: str) -> None:
    doc = parse(text)
    facts = list(find_claims(doc, words_per_claim=5, questions_per_claim=3))
    assert all(not (fact.wh and fact.role == "subject") for fact in facts)


# text, a part of a name or number the tagger offers as an answer -> the whole answer it stands
# for (None: that whole is too long to be one answer, and a part of it is none)
WHOLE_NAMES = [
    ("University of Engineering & Technology grants degrees in Lahore.", "Technology",
     "University of Engineering & Technology"),
    ("The Association for Asian Studies published the report in Boston.", "Association",
     "Association for Asian Studies"),
    ("The rapper attacked the talk show host Jimmy Kimmel on Twitter.", "Kimmel",
     "Jimmy Kimmel"),
    ("Sahlins wrote that hunter-gatherers were the original affluent society.", "gatherers",
     "hunter-gatherers"),
    ("In systems fashioned after the Westminster system, the prime minister leads.",
     "Westminster", "Westminster system"),
    ("A BBC technician found the tape in 2003.", "BBC", "BBC"),
    ("He renamed the album The Life of Pablo in February.", "Life of Pablo",
     "The Life of Pablo"),
    ("The Observer printed the story.", "Observer", "Observer"),
    ("After gaining the Master Sword, Link is cleansed of the magic.", "Link", "Link"),
    ("According to Tibetologist John Powers, the sources disagree.", "John Powers",
     "John Powers"),
    ("The band toured Paris, London and Rome.", "London", "London"),
    ("In Persian myth, two four-eyed dogs guard the Chinvat Bridge.", "four", "four"),
    ("The city has one of the Devon and Cornwall Area Crown Prosecution Service Divisional "
     "offices.", "Devon", None),
]  # fmt: skip


def _part(doc, part: str):
    start = doc.text.index(part)
    return doc.char_span(start, start + len(part))


@pytest.mark.parametrize(("text", "part", "expected"), WHOLE_NAMES)
def test_a_part_of_a_name_grows_to_the_whole(parse, text: str, part: str, expected) -> None:
    doc = parse(text)
    whole = _whole_name(_part(doc, part), next(doc.sents))
    assert (whole.text if whole is not None else None) == expected


# text, the answer a question asks for -> that answer with the "the" of its phrase
ARTICLES = [
    ("Tibet was invaded by the Dzungar Mongols in 1717.", "Dzungar Mongols",
     "the Dzungar Mongols"),
    ("He wrote for the Observer for many years.", "Observer", "the Observer"),
    ("Critics praised Hudson Bay in the report.", "Hudson Bay", "Hudson Bay"),
    ("The rivers feed the lakes of the north.", "north", "the north"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "answer", "expected"), ARTICLES)
def test_a_question_answer_keeps_its_article(parse, text: str, answer: str, expected) -> None:
    doc = parse(text)
    assert _with_article(_part(doc, answer)).text == expected


# text with a place and its region -> the place a "Where …?" question asks for
PLACES_WITH_REGIONS = [
    ("The old stone bridge collapsed in Springfield, Illinois, during the winter storm.",
     "Springfield, Illinois"),
    ("The band played its last concert in Paris, London and Rome.", None),
    ("Air bases were built in Great Falls, Lewistown, Cut Bank and Glasgow during the war.",
     "Great Falls"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PLACES_WITH_REGIONS)
def test_a_place_is_asked_with_its_region(parse, text: str, expected) -> None:
    places = [f.answer.text for f in find_claims(parse(text), 1.0) if f.wh == "Where"]
    assert places == ([expected] if expected else [])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(WORDS, min_size=1, max_size=40).map(" ".join))
def test_a_whole_name_holds_its_part(parse, text: str) -> None:
    doc = parse(text)
    for sent in doc.sents:
        for token in sent:
            part = _trim(doc[token.i : token.i + 1])
            whole = _whole_name(part, sent) if len(part) else None
            if whole is not None:
                assert whole.start <= part.start and part.end <= whole.end
                assert sent.start <= whole.start and whole.end <= sent.end


# text, an answer a question could ask for -> whether it is only part of a name (then no
# question asks for it); a number's unit is asked in the question, so a number cuts nothing
CUT_NAMES = [
    ("The Legend of Zelda: Twilight Princess is an action game.", "Legend of Zelda", True),
    ("University of Engineering & Technology grants degrees.", "Technology", True),
    ("University of Engineering & Technology grants degrees.",
     "University of Engineering & Technology", False),
    ("Five tons of fuel was airlifted to the site.", "Five", False),
    ("He renamed the album The Life of Pablo in February.", "Life of Pablo", False),
    ("Yesterday Dr. Martin Foster opened the new hospital wing.", "Dr.", True),
    ("Both Barclays and Bank of America declined to buy the company.", "Barclays", True),
]  # fmt: skip


@pytest.mark.parametrize(("text", "answer", "cut"), CUT_NAMES)
def test_an_answer_that_cuts_a_name(parse, text: str, answer: str, cut: bool) -> None:
    doc = parse(text)
    assert _cuts_a_name(_part(doc, answer), next(doc.sents)) is cut


# text -> the cloze's blank, a whole name
CLOZE_NAMES = [
    ("University of Engineering & Technology or University of Engineering Sciences are the "
     "recognized universities that grant degrees.", "University of Engineering & Technology"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CLOZE_NAMES)
def test_a_cloze_blanks_a_whole_name(parse, text: str, expected: str) -> None:
    clozes = [f.answer.text for f in find_claims(parse(text), 1.0) if not f.wh]
    assert clozes == [expected]


# text, the clause's verb and complement -> whether the question leaves out what was reported
SAYS_NOTHING = [
    # a reporting verb with nothing reported kept
    ("The minister said on television.", "said", "say", "on television", True),
    ("“I won't cooperate,” Gonzalez told a station.", "told", "tell", "a station", True),
    ("The minister added on Monday that taxes would rise.", "added", "add", "on Monday", True),
    # the object kept, with a comma glued to it
    ("Tibetan Buddhism sometimes adds a fourth refuge, in the lama.", "adds", "add",
     "a fourth refuge, in the lama", False),
    # a verb of another sense: nothing was reported
    ("Baird broadcasts via the BBC continued until June 1932.", "continued", "continue",
     "until June 1932", False),
    # a passive: what was written is the subject
    ("Texts on architecture have been written since ancient time.", "written", "write",
     "since ancient time", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "verb", "lemma", "complement", "expected"), SAYS_NOTHING)
def test_says_nothing(
    parse, text: str, verb: str, lemma: str, complement: str, expected: bool
) -> None:
    sent = next(iter(parse(text).sents))
    clause = Clause(subject="", auxiliaries=(), verb=verb, lemma=lemma, tag="VBD",
                    complement=complement)  # fmt: skip
    assert claims_module._says_nothing(sent, clause) is expected


def test_a_report_cut_at_its_quotation_says_nothing(parse) -> None:
    text = 'Blantz added that coeducation "opened up a whole other pool of very bright students."'
    sent = next(iter(parse(text).sents))
    complement = 'that coeducation "opened up a whole other pool of very bright students."'
    clause = Clause(subject="Blantz", auxiliaries=(), verb="added", lemma="add", tag="VBD",
                    complement=complement)  # fmt: skip
    assert claims_module._says_nothing(sent, clause)


# text, a candidate in it -> (question, answer) of an inverted "be": the noun after the verb is
# what the fronted place holds
INVERTED_QUESTIONS = [
    ("Next to the Main Building is the Basilica of the Sacred Heart.", "Basilica",
     ("What is next to the Main Building?", "Basilica of the Sacred Heart")),
    # the parser's subject "the dome" is the preposition's object
    ("Atop the Main Building's gold dome is a golden statue of the Virgin Mary.", "statue",
     ("What is atop the Main Building's gold dome?", "golden statue of the Virgin Mary")),
    ("In the center of the square is a bronze fountain.", "fountain",
     ("What is in the center of the square?", "bronze fountain")),
    ("Among the dead were 300 soldiers of the Third Army.", "300",
     ("How many soldiers were among the dead?", "300")),
    ("Near the old harbour is the Royal Citadel.", "Citadel",
     ("What is near the old harbour?", "Royal Citadel")),
    ("To the west of the city is Devonport, one of the historic quarters.", "Devonport",
     ("What is to the west of the city?", "Devonport")),
    ("Also on Sutton Pool is the National Marine Aquarium.", "Aquarium",
     ("What is also on Sutton Pool?", "National Marine Aquarium")),
    # half a list is no answer
    ("On the shore are ghost crabs, which live in burrows, and the hermit crabs.", "ghost", None),
    # a pronoun in the place points back: who "them" are, the card cannot say
    ("Among them were several bishops of the province.", "bishops", None),
    # no fronted place: no inversion
    ("The Basilica of the Sacred Heart is next to the Main Building.", "Main Building", None),
    # a comma after the place: the noun before the verb is the subject
    ("In the city, the museum is the largest building.", "building", None),
    ("In Turkey and the Ottoman Empire, the oldest technical university is Istanbul Technical "
     "University.", "Istanbul", None),
    # a time, not a place
    ("In 1990 was the first election of the new parliament.", "election", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "candidate", "expected"), INVERTED_QUESTIONS)
def test_inverted_be_is_a_main_clause(parse, text: str, candidate: str, expected) -> None:
    if expected is not None:
        assert is_main_clause(next(parse(text).sents))


@pytest.mark.parametrize(("text", "candidate", "expected"), INVERTED_QUESTIONS)
def test_inverted_be_asks_what_is_there(parse, text: str, candidate: str, expected) -> None:
    doc = parse(text)
    sent = next(doc.sents)
    span = _part(doc, candidate)
    found = wh_question_for(sent, span.start, span.end)
    asked = None
    if found is not None:
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
        question = claim_question(fact)
        asked = (question, answer.text) if question else None
    assert asked == expected
