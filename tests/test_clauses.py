"""clause_for and resolve_pronoun: the parts of a clause a question is built from."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcards.model import Clause
from factcards.nlp.clauses import (
    clause_for,
    effective_tag,
    reported_pronoun_agrees,
    resolve_pronoun,
    shares_main_subject,
)


def token_named(doc, word: str, nth: int = 0):
    matches = [token for token in doc if token.text == word]
    assert len(matches) > nth, f"{word!r} not in {doc.text!r}"
    return matches[nth]


def clause_of(parse, text: str, verb: str, answer: str) -> Clause | None:
    doc = parse(text)
    start = text.index(answer)
    span = doc.char_span(start, start + len(answer), alignment_mode="expand")
    return clause_for(token_named(doc, verb), span)


# text, verb, answer -> subject, auxiliaries, verb, lemma, tag, complement, negated
CLAUSES = [
    ("The ICFI was founded in 1953 in a struggle against Pabloite revisionism.", "founded",
     "1953",
     ("The ICFI", ("was",), "founded", "found", "VBN",
      "in a struggle against Pabloite revisionism", False)),
    ("In 1982, the Workers League initiated a struggle within the committee.", "initiated",
     "1982",
     ("the Workers League", (), "initiated", "initiate", "VBD",
      "a struggle within the committee", False)),
    ("Nonetheless, in 1984, the Workers League again raised these issues.", "raised", "1984",
     ("the Workers League", (), "raised", "raise", "VBD", "these issues", False)),
    ("The party did not recover until 1934.", "recover", "1934",
     ("The party", ("did",), "recover", "recover", "VB", "", True)),
    ("He criticised a letter written by Slaughter in December 1985.", "written",
     "December 1985",
     ("a letter", ("was",), "written", "write", "VBN", "by Slaughter", False)),
    ("Stalin and Bukharin have abandoned the perspective since 1924.", "abandoned", "1924",
     ("Stalin and Bukharin", ("have",), "abandoned", "abandon", "VBN", "the perspective",
      False)),
    ("The delegates met in Moscow in 1921 and adopted the new policy.", "adopted", "1921",
     ("The delegates", (), "adopted", "adopt", "VBD", "the new policy", False)),
    ("The strike spread in the summer of 1917 across the country.", "spread",
     "summer of 1917",
     ("The strike", (), "spread", "spread", "VBD", "across the country", False)),
    ("Diana de Cardenas, 33, was born in Cuba in 1984.", "born", "1984",
     ("Diana de Cardenas", ("was",), "born", "bear", "VBN", "in Cuba", False)),
    ("The crowd honoured Marti, the poet who fought for independence in 1898.", "fought",
     "1898", ("Marti", (), "fought", "fight", "VBD", "for independence", False)),
    ("The party, which was founded in 1903, soon split.", "founded", "1903",
     ("The party", ("was",), "founded", "found", "VBN", "", False)),
    ("The minister was asked about the plan.", "asked", "about the plan",
     ("The minister", ("was",), "asked", "ask", "VBN", "", False)),
    # an adverbial clause the removed object leaves next to the verb goes with it ("What did
    # the League initiate developing a critique?" reads the participle as the object)
    ("In 1982, the League initiated a struggle, developing a critique of the leadership.",
     "initiated", "a struggle",
     ("the League", (), "initiated", "initiate", "VBD", "", False)),
    # a bare definite subject names what an earlier mention named ("the treaty" -> "the Hellgate
    # treaty"); with nothing named before, or a phrase of its own, it stays as written
    ("Stevens negotiated the Hellgate treaty in 1855. The treaty was ratified in 1859.",
     "ratified", "1859", ("the Hellgate treaty", ("was",), "ratified", "ratify", "VBN", "", False)),
    ("The allies signed the Treaty of Versailles in June. The treaty was ratified in 1920.",
     "ratified", "1920",
     ("the Treaty of Versailles", ("was",), "ratified", "ratify", "VBN", "", False)),
    ("The fire began in New York City in May. The city was rebuilt in 1850.", "rebuilt", "1850",
     ("New York City", ("was",), "rebuilt", "rebuild", "VBN", "", False)),
    ("Lenin founded the Bolshevik party in 1903. This party seized power in 1917.", "seized",
     "1917", ("the Bolshevik party", (), "seized", "seize", "VBD", "power", False)),
    ("The chiefs signed a treaty in 1855. The treaty was ratified in 1859.", "ratified", "1859",
     ("The treaty", ("was",), "ratified", "ratify", "VBN", "", False)),
    ("Stevens negotiated the Hellgate treaty in 1855. The second treaty of the year was ratified "
     "in 1859.", "ratified", "1859",
     ("The second treaty of the year", ("was",), "ratified", "ratify", "VBN", "", False)),
    # a past the tagger took for a participle, with a subject and no auxiliary, is a past
    ("The Fighting Irish previously competed in the Horizon League from 1982-83 to 1985-86.",
     "competed", "from 1982-83 to 1985-86",
     ("The Fighting Irish", (), "competed", "compete", "VBD", "in the Horizon League", False)),
    # "as early as" goes with its date; "that" before a noun is a demonstrative like "this"
    ("That economist Nouriel Roubini warned of the crisis as early as September 2006.",
     "warned", "September 2006",
     ("the economist Nouriel Roubini", (), "warned", "warn", "VBD", "of the crisis", False)),
    ("The party was banned as late as 1931 by the state.", "banned", "1931",
     ("The party", ("was",), "banned", "ban", "VBN", "by the state", False)),
    # an object that stays keeps the clause after it
    ("In 1982, the League initiated a struggle, developing a critique of the leadership.",
     "initiated", "1982",
     ("the League", (), "initiated", "initiate", "VBD",
      "a struggle, developing a critique of the leadership", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "verb", "answer", "expected"), CLAUSES)
def test_clause_fields(parse, text: str, verb: str, answer: str, expected: tuple) -> None:
    clause = clause_of(parse, text, verb, answer)
    assert clause is not None
    subject, auxiliaries, verb_text, lemma, tag, complement, negated = expected
    assert clause == Clause(
        subject=subject,
        auxiliaries=auxiliaries,
        verb=verb_text,
        lemma=lemma,
        tag=tag,
        complement=complement,
        negated=negated,
    )


# the answer and the preposition that carries it never stay in the complement
ANSWER_REMOVED = [
    ("The party was banned in March 1921 by the government.", "banned", "March 1921"),
    ("Trotsky wrote the introduction during 1930 while in exile.", "wrote", "1930"),
    ("The congress adopted in early October this year a new program.", "adopted",
     "early October this year"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "verb", "answer"), ANSWER_REMOVED)
def test_answer_is_never_in_the_complement(parse, text: str, verb: str, answer: str) -> None:
    clause = clause_of(parse, text, verb, answer)
    assert clause is not None
    last_word = answer.split()[-1]
    assert last_word not in clause.complement
    assert not clause.complement.startswith(("in ", "during "))


def test_no_clause_for_a_noun_or_an_auxiliary(parse) -> None:
    doc = parse("The party was founded in 1903.")
    assert clause_for(token_named(doc, "party"), None) is None
    assert clause_for(token_named(doc, "was"), None) is None


def test_subject_after_a_stray_closing_quote(parse) -> None:
    text = "They opposed as “Trotskyism” Lenin’s thesis enunciated in April 1917."
    clause = clause_of(parse, text, "enunciated", "April 1917")
    assert clause is not None
    assert "Trotskyism" not in clause.subject
    assert clause.subject.endswith("thesis")


# a subject with a quotation mark the parser split from its pair keeps its words
STRAY_QUOTES = [
    ('Architectural "style" developed in the form of the Classical orders.', "developed",
     "Architectural style"),
    ('They opposed as "Trotskyism" Lenin\'s thesis enunciated in April 1917.', "enunciated",
     "Lenin's thesis"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "verb", "subject"), STRAY_QUOTES)
def test_subject_with_a_stray_quotation_mark(parse, text: str, verb: str, subject: str) -> None:
    clause = clause_for(token_named(parse(text), verb), None)
    assert clause is not None and clause.subject == subject


# text, which pronoun (word, occurrence), verb it is the subject of -> resolved name or None
PRONOUNS = [
    ("Georg von Vollmar was a Bavarian socialist. In 1879, he published an article.",
     ("he", 0), "published", "Georg von Vollmar"),
    ("Rosa Luxemburg opposed the war. She was arrested in 1915.", ("She", 0), "arrested",
     "Rosa Luxemburg"),
    ("The Workers League wrote to the committee. It demanded a discussion.", ("It", 0),
     "demanded", "The Workers League"),
    ("The Federal Bureau of Investigation says it received many reports.", ("it", 0),
     "received", "The Federal Bureau of Investigation"),
    ("Mr. Potach said the numbers fell. This year they jumped sharply.", ("they", 0),
     "jumped", None),
    ("In the spring he left the city for good.", ("he", 0), "left", None),
    ("It is necessary to understand the struggle.", ("It", 0), "is", None),
    # a to-infinitive inside a relative clause on the object does not make "it" expletive
    ("The game is an adventure game. It uses a control system that allows the player to "
     "keep a view of the enemy.", ("It", 0), "uses", "The game"),
    # a country is "it", not "they"
    ("Switzerland has many colleges. They grant degrees.", ("They", 0), "grant", None),
    # a name the tagger calls no person, whose own clause binds "his" to it: "he" is that name
    ("On November 7, 2006, West apologized for the outburst during his performance in Brisbane. "
     "He later spoofed the incident on television.", ("He", 0), "spoofed", "West"),
    # "her" is no "he"
    ("On November 7, 2006, West apologized for the outburst during her performance in Brisbane. "
     "He later spoofed the incident on television.", ("He", 0), "spoofed", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pronoun", "verb", "name"), PRONOUNS)
def test_resolve_pronoun(
    parse, text: str, pronoun: tuple[str, int], verb: str, name: str | None
) -> None:
    doc = parse(text)
    assert resolve_pronoun(token_named(doc, *pronoun), token_named(doc, verb)) == name


CLAUSE_WORDS = [
    "The", "party", "was", "founded", "in", "1953", "he", "she", "it", "Trotsky", "wrote",
    "that", "who", "not", "did", "a", "letter", "written", "by", "Lenin", "’s", "thesis",
    "“", "”", ",", ".", "and", "split", "has", "been", "expelled", "\n\n",
]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(CLAUSE_WORDS), max_size=30),
    answer_at=st.integers(min_value=0, max_value=40),
)
def test_any_verb_gives_a_clause_or_none(parse, words: list[str], answer_at: int) -> None:
    doc = parse(" ".join(words))
    answer = doc[answer_at : answer_at + 1] if answer_at < len(doc) else None
    for token in doc:
        clause = clause_for(token, answer)
        if clause is None:
            continue
        assert clause.verb == token.text
        assert clause.subject
        assert not clause.subject.startswith((" ", ","))


def test_reduced_relative_tagged_past_reads_as_passive(parse) -> None:
    text = "The summer school held in August in Ann Arbor was a success."
    doc = parse(text)
    verb = token_named(doc, "held")
    if verb.dep_ != "acl":
        pytest.skip("the parser did not read 'held' as a reduced relative")
    clause = clause_for(verb, doc.char_span(text.index("August"), text.index("August") + 6))
    assert clause is not None
    assert clause.auxiliaries == ("was",)
    assert clause.tag == "VBN"


# text, verb, answer -> subject: a demonstrative or possessive opening the subject points back
DEFINITE_SUBJECTS = [
    ("The BBC moved to satellite. This move was estimated to save money.", "estimated",
     "money", "the move"),
    ("Montana is a large state. Its rivers feed the Pacific Ocean.", "feed", "Pacific Ocean",
     "Montana’s rivers"),
    # a possessive with no referent keeps the pronoun (the question is then dropped)
    ("Its rivers feed the Pacific Ocean.", "feed", "Pacific Ocean", "Its rivers"),
    # a demonstrative inside the phrase, not on its head, is left alone
    ("The end of this war was a relief to the nation.", "was", "relief", "The end of this war"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "verb", "answer", "subject"), DEFINITE_SUBJECTS)
def test_definite_subject(parse, text: str, verb: str, answer: str, subject: str) -> None:
    clause = clause_of(parse, text, verb, answer)
    assert clause is not None
    assert clause.subject == subject


# text, verb -> complement with and without the adverbial clauses after the verb
SIMPLE_COMPLEMENTS = [
    ("The army left the city after the war ended in 1945.", "left",
     "the city after the war ended in 1945", "the city"),
    ("Her duties began to expand as she accepted new positions.", "began",
     "to expand as she accepted new positions", "to expand"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "verb", "full", "simple"), SIMPLE_COMPLEMENTS)
def test_simple_complement(parse, text: str, verb: str, full: str, simple: str) -> None:
    doc = parse(text)
    whole = clause_for(token_named(doc, verb), None)
    simplified = clause_for(token_named(doc, verb), None, simple=True)
    assert whole is not None and simplified is not None
    assert (whole.complement, simplified.complement) == (full, simple)


SENTENCE_CAPITALS = [
    # a plural noun, a number word or an adjective is capitalised only as the first word
    ("Classes were taught by Mr. Robinson.", "taught", "classes"),
    ("Eight schools were toppled by the flood.", "toppled", "eight schools"),
    # a name, an acronym or a singular noun that may be a name keeps its capital
    ("Link returns home after the battle.", "returns", "Link"),
    ("NATO troops were sent to the border.", "sent", "NATO troops"),
    ("Chinese troops were sent to the border.", "sent", "Chinese troops"),
]


@pytest.mark.parametrize(("text", "verb", "subject"), SENTENCE_CAPITALS)
def test_a_sentence_capital_is_lowered_in_the_subject(
    parse, text: str, verb: str, subject: str
) -> None:
    clause = clause_for(token_named(parse(text), verb), None)
    assert clause is not None
    assert clause.subject == subject


def test_relative_clause_on_an_attribute_takes_the_copula_subject(parse) -> None:
    doc = parse("Feminist anthropology is an approach that seeks to reduce male bias.")
    clause = clause_for(token_named(doc, "seeks"), None)
    assert clause is not None
    # the adjective is capitalised only as the sentence's first word
    assert clause.subject == "feminist anthropology"


# text, verb -> the tag the clause takes: the tagger's participles and infinitives after a
# subject are pasts and presents; a participle with an agent or a participle-only form is not
EFFECTIVE_TAGS = [
    ("Earlier biographies of the prince give different accounts.", "give", "VBP"),
    ("Modern movements in painting promote a return to nature.", "promote", "VBP"),
    ("The delegates of the northern provinces abstained from the vote.", "abstained", "VBD"),
    ("Early settlers of the valley raise cattle on the slopes.", "raise", "VBP"),
    ("Because of this, evolution selects against synnecrosis.", "selects", "VBZ"),
    ("Give me the book.", "Give", "VB"),
    ("They saw the children play in the garden.", "play", "VB"),
    ("The raise in prices of the year.", "raise", "NN"),
]


@pytest.mark.parametrize(("text", "verb", "expected"), EFFECTIVE_TAGS)
def test_effective_tag(parse, text: str, verb: str, expected: str) -> None:
    assert effective_tag(token_named(parse(text), verb)) == expected


def test_clause_of_a_misread_present_takes_do_support_tense(parse) -> None:
    text = "Earlier biographies of the prince give different accounts."
    clause = clause_of(parse, text, "give", "different accounts")
    assert clause is not None
    assert (clause.tag, clause.lemma) == ("VBP", "give")


# text, subject, verb -> can the subject pronouns of what the verb reports be the subject?
REPORTED_PRONOUNS = [
    ("Reporters in the capital said they saw cracks on the walls.", "Reporters", "said", True),
    ("Kanye West announced he would be headlining a tour.", "West", "announced", True),
    ("Mary Bennet said that he would come to the ball.", "Bennet", "said", False),
    ("The reporter said they saw cracks on the walls.", "reporter", "said", False),
]


@pytest.mark.parametrize(("text", "subject", "verb", "expected"), REPORTED_PRONOUNS)
def test_reported_pronoun_agrees(parse, text: str, subject: str, verb: str, expected: bool) -> None:
    doc = parse(text)
    assert reported_pronoun_agrees(token_named(doc, subject), token_named(doc, verb)) is expected


def test_he_is_not_resolved_to_a_woman_of_the_sentence(parse) -> None:
    doc = parse("Mary Bennet said that he would come to the ball.")
    pronoun = token_named(doc, "he")
    assert resolve_pronoun(pronoun, pronoun.head) != "Mary Bennet"


# text, participle -> whether it is a participial clause sharing its head verb's subject
SHARED_SUBJECT_PARTICIPLES = [
    ("Raised in Chicago, West briefly attended art school.", "Raised", True),
    ("The ship sank near the coast in 1912, killing 1,500 passengers.", "killing", True),
    # its own subordinator or subject makes it a clause of its own
    ("While living in Paris, West attended art school.", "living", False),
    # after the verb's object it may describe the object
    ("The BBC introduced Ceefax, the first teletext service, starting in 1974.", "starting",
     False),
    # a speaker's aside, not the subject's act
    ("Compared to other cities, Paris spends more on parks.", "Compared", False),
    # a past participle after the verb may hang on the last noun
    ("Congress passed the Espionage Act, enacted in May 1918.", "enacted", False),
    # a participle that describes the object it follows
    ("The band released a new album, featuring Paul McCartney.", "featuring", False),
    ("The empire took control of Central Tibet, reigning from 1611.", "reigning", True),
    # a gerund after a preposition of time or means, done by an active verb's subject
    ("Midna returns home before destroying the Mirror of Twilight.", "destroying", True),
    ("Foreign nations responded by offering condolences.", "offering", True),
    ("Liberation from samsara is possible by following the path.", "following", False),
    ("The army advanced without crossing the river.", "crossing", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word", "expected"), SHARED_SUBJECT_PARTICIPLES)
def test_shares_main_subject(parse, text: str, word: str, expected: bool) -> None:
    doc = parse(text)
    participle = next(t for t in doc if t.text == word)
    assert shares_main_subject(participle) is expected


def test_shared_subject_participle_clause_reads_in_its_head_tense(parse) -> None:
    doc = parse("Raised in Chicago, the brothers briefly attended art school.")
    clause = clause_for(doc[0], doc[2:3])
    assert clause is not None
    assert (clause.subject, clause.auxiliaries, clause.tag) == ("the brothers", ("were",), "VBN")


# "he"/"she" for a name the tagger may call no person, when the text shows it is one, and a
# pronoun that repeats the one opening the sentence before: text, pronoun, verb -> name or None
SHOWN_PEOPLE = [
    # a thinking verb shows the subject is a person
    ("Many critics doubted the theory. As Hargreaves argued at length, the data were thin. "
     "He later revised the model.", ("He", 0), "revised", "Hargreaves"),
    # a person noun as the predicate ("one of the best-selling artists")
    ("Okafor is one of the best-selling artists of the decade. He has won four awards.",
     ("He", 0), "won", "Okafor"),
    # a chain of "he": the name is more than three sentences back
    ("Whitfield wrote a book on rivers in 1901. The book sold well. Critics praised it. "
     "In 1905 he moved to Leeds. He taught physics there.", ("He", 0), "taught", "Whitfield"),
    # a name of several words the tagger calls an organisation is no person
    ("The council met in May. Imperial College London was a member of the board. "
     "He was elected chairman.", ("He", 0), "elected", None),
    # a name doing nothing a person does is not "he"
    ("Kilimanjaro dominates the plain. He climbed it twice.", ("He", 0), "climbed", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pronoun", "verb", "name"), SHOWN_PEOPLE)
def test_resolve_pronoun_to_a_name_shown_a_person(
    parse, text: str, pronoun: tuple[str, int], verb: str, name: str | None
) -> None:
    doc = parse(text)
    assert resolve_pronoun(token_named(doc, *pronoun), token_named(doc, verb)) == name


# "it is a/an NOUN that …" says what "it" is; a cleft's focus is definite
CLASSIFYING_IT = [
    ("Glaciology is a young science. It is a growing field that overlaps with geology.",
     ("It", 0), "is", "Glaciology"),
    ("The club lost the cup. It was the coach who resigned first.", ("It", 0), "was", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pronoun", "verb", "name"), CLASSIFYING_IT)
def test_it_before_a_classifying_noun_is_no_cleft(
    parse, text: str, pronoun: tuple[str, int], verb: str, name: str | None
) -> None:
    doc = parse(text)
    assert resolve_pronoun(token_named(doc, *pronoun), token_named(doc, verb)) == name
