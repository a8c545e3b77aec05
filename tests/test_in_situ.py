"""In-situ questions: the sentence in its own word order, its answer replaced by a wh-phrase."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Span as SpacySpan

from conftest import document_from_text
from factcards.nlp import claims as claims_module
from factcards.nlp.claims import find_claims
from factcards.nlp.dates import find_dates
from factcards.nlp.in_situ import _question_end, _question_start, _wh_phrase, in_situ_frame
from factcards.questions import claim_question, contains_words, date_notes, in_situ_question

MAX_IN_SITU_WORDS = 30
NAMED_PRONOUNS = tuple(
    word for pronoun in ("he", "she", "it", "they", "its", "their")
    for word in (pronoun, pronoun.capitalize())
)  # fmt: skip


def last_sentence(parse, text: str) -> SpacySpan:
    return list(parse(text).sents)[-1]


def answer_in(sent: SpacySpan, answer: str) -> SpacySpan:
    """The span of `answer` in the sentence (its first occurrence)."""
    at = sent.start_char + sent.text.index(answer)
    span = sent.doc.char_span(at, at + len(answer))
    assert span is not None, f"{answer!r} is no run of whole tokens"
    return span


def answer_label(sent: SpacySpan, answer: SpacySpan) -> str:
    """The label the extractor ranks the answer with, else its entity type, else a term's."""
    for _, start, end, label in claims_module._ranked_answers(sent, Counter(), set()):
        if (start, end) == (answer.start, answer.end):
            return label
    return answer.root.ent_type_ or claims_module.LONE_WORD_LABEL


def in_situ_for(parse, text: str, answer: str) -> tuple[str | None, str] | None:
    """(question, answer) of the in-situ claim of the last sentence asking for `answer`, as the
    claim extractor's cloze fallback makes it; None when it makes none."""
    sent = last_sentence(parse, text)
    span = answer_in(sent, answer)
    fact = claims_module._in_situ_claim(sent, span, answer_label(sent, span), 1.0)
    return None if fact is None else (in_situ_question(fact), fact.answer.text)


def frame_for(parse, text: str, answer: str) -> object:
    """in_situ_frame of the last sentence for `answer`, asked as the extractor asks it."""
    sent = last_sentence(parse, text)
    span = answer_in(sent, answer)
    noun_wh = claims_module._which_class(span, claims_module._who_or_what(span))
    return in_situ_frame(sent, span, answer_label(sent, span), noun_wh)


# text, answer -> (in-situ question, answer): one or more rows per wh-phrase and trimming rule
IN_SITU_QUESTIONS = [
    # a number before a plural noun asks "how many" + the noun
    ("The government decided to build 3,000 new schools in the north.", "3,000",
     ("The government decided to build how many new schools in the north?", "3,000")),
    ("The company began exporting 500 cars a year to Canada.", "500",
     ("The company began exporting how many cars a year to Canada?", "500")),
    # a percentage and a sum of money
    ("The museum hoped to attract 15 percent more visitors by building a new wing.", "15 percent",
     ("The museum hoped to attract what percentage more visitors by building a new wing?",
      "15 percent")),
    ("The city agreed to pay $2 million to the families of the victims.", "$2 million",
     ("The city agreed to pay how much to the families of the victims?", "$2 million")),
    # a modifier answer: its noun stays, the determiner goes with the answer
    ("The emperor tried to stop the raids of the Germanic tribes on the border.", "Germanic",
     ("The emperor tried to stop the raids of which tribes on the border?", "Germanic")),
    # a place after "in" on a verb is "where"; elsewhere "which place"
    ("The band continued to tour in Australia for several years.", "Australia",
     ("The band continued to tour where for several years?", "Australia")),
    ("The king ordered the workers to rebuild the walls of Paris.", "Paris",
     ("The king ordered the workers to rebuild the walls of which place?", "Paris")),
    ("The museum plans to open a new gallery in Boston.", "Boston",
     ("The museum plans to open a new gallery in which place?", "Boston")),
    # a person is "who", after a preposition "whom"
    ("The ministers wanted to invite Winston Churchill to the conference.", "Winston Churchill",
     ("The ministers wanted to invite who to the conference?", "Winston Churchill")),
    ("The young officer hoped to be promoted by President Lincoln during the war.",
     "President Lincoln",
     ("The young officer hoped to be promoted by whom during the war?", "President Lincoln")),
    ("The young officer hoped to receive a medal from General Grant during the war.",
     "General Grant",
     ("The young officer hoped to receive a medal from whom during the war?", "General Grant")),
    # a clause that states, not asks, may hold the answer
    ("The scientists showed that 40 species of birds disappeared from the island.", "40",
     ("The scientists showed that how many species of birds disappeared from the island?", "40")),
    # a discourse opener is no part of the question
    ("Notably, the company continued to make 500 cars a day.", "500",
     ("The company continued to make how many cars a day?", "500")),
    ("In general, the farmers preferred to grow 30 varieties of wheat.", "30",
     ("The farmers preferred to grow how many varieties of wheat?", "30")),
    ("However, the army failed to recruit 6,000 soldiers for the campaign.", "6,000",
     ("The army failed to recruit how many soldiers for the campaign?", "6,000")),
    ("Of course, the band continued to tour in Australia for several years.", "Australia",
     ("The band continued to tour where for several years?", "Australia")),
    # a clause after ";" or a joined clause with its own subject is cut off
    ("The government decided to build 3,000 new schools; most of them were never finished.",
     "3,000", ("The government decided to build how many new schools?", "3,000")),
    ("The company sold 500 cars in Japan; the rest went to Canada.", "Japan",
     ("The company sold 500 cars where?", "Japan")),
    ("The band continued to tour in Australia, and the singer left the group in the spring.",
     "Australia", ("The band continued to tour where?", "Australia")),
    # a joined verb phrase with no subject of its own is the answer's clause: it stays
    ("The band continued to tour in Australia and recorded a new album.", "Australia",
     ("The band continued to tour where and recorded a new album?", "Australia")),
    # an opening "He"/"She" is named
    ("Charles Darwin sailed around the world on a small ship. "
     "He went on to study the finches of the Galapagos Islands.", "Galapagos Islands",
     ("Charles Darwin went on to study the finches of which place?", "Galapagos Islands")),
    ("Marie Curie moved to France as a young woman. She went on to study the chemistry of "
     "radium at the Sorbonne in Paris.", "Paris",
     ("Marie Curie went on to study the chemistry of radium at the Sorbonne in which place?",
      "Paris")),
    # an opening "It"/"They" is named as the previous sentence's subject, a thing or a group
    # agreeing in number; "Its"/"Their" on the subject as its possessive
    ("The Danube Delta lies mostly in Romania. It was declared a protected area by the "
     "government in 1991.", "1991",
     ("The Danube Delta was declared a protected area by the government in what year?", "1991")),
    ("The Danube Delta lies mostly in Romania. It is a vast wetland that shelters 300 species "
     "of birds.", "300",
     ("The Danube Delta is a vast wetland that shelters how many species of birds?", "300")),
    ("The Vikings raided the coasts of England for centuries. They went on to settle in Iceland "
     "and Greenland.", "Iceland and Greenland",
     ("The Vikings went on to settle where?", "Iceland and Greenland")),
    ("The Hanseatic merchants traded across the Baltic Sea. They founded trading posts in "
     "Bergen and Novgorod.", "Bergen and Novgorod",
     ("The Hanseatic merchants founded trading posts in which places?", "Bergen and Novgorod")),
    ("The Suez Canal connects the Mediterranean Sea to the Red Sea. Its construction employed "
     "20,000 workers from Egypt.", "20,000",
     ("The Suez Canal’s construction employed how many workers from Egypt?", "20,000")),
    ("The Hanseatic merchants traded across the Baltic Sea. Their ships carried furs from "
     "Novgorod to London.", "Novgorod",
     ("The Hanseatic merchants’ ships carried furs from what to London?", "Novgorod")),
    # a chain of "It"s opening sentences stands for the subject before the first one
    ("The Danube Delta lies mostly in Romania. It was declared a protected area in 1991. It "
     "attracts 200 species of birds each spring.", "200",
     ("The Danube Delta attracts how many species of birds each spring?", "200")),
    # the subject is named without its aside
    ("The Danube Delta, the second largest river delta in Europe, lies mostly in Romania. It was "
     "declared a protected area by the government in 1991.", "1991",
     ("The Danube Delta was declared a protected area by the government in what year?", "1991")),
    # an object pronoun whose antecedent is in the question stays ("him": the king)
    ("The king ordered the guards to protect him in the palace of Versailles.", "Versailles",
     ("The king ordered the guards to protect him in the palace of what?", "Versailles")),
    # the whole phrase is asked for, not the half of it
    ("The town began to pay its workers $12 a day after the strike.", "$12",
     ("The town began to pay its workers how much after the strike?", "$12 a day")),
    # a person's possessive asks "whose"
    ("The storm badly damaged Charles Darwin's house in Kent.", "Charles Darwin",
     ("The storm badly damaged whose house in Kent?", "Charles Darwin")),
    # a bare plural subject: the class a generic statement is about
    ("Wolves do not have dewclaws on their back legs.", "Wolves",
     ("What do not have dewclaws on their back legs?", "Wolves")),
    # an aside set off by a comma after the wh-phrase would describe the answer: it goes
    ("The expedition finally reached the summit of Mount Kenya, a peak first climbed in 1899.",
     "Mount Kenya",
     ("The expedition finally reached the summit of which mountain?", "Mount Kenya")),
    ("The old treaty gave the islands to the Kingdom of Denmark, which ruled them until 1918.",
     "the Kingdom of Denmark",
     ("The old treaty gave the islands to which place?", "the Kingdom of Denmark")),
    # a full stop inside the sentence (two sentences the splitter joined) ends the question
    ("The new bridge is a long span of steel across the bay . 4120 .", "a long span of steel",
     ("The new bridge is what?", "a long span of steel across the bay")),
    # the subject of a verb that reports the clause before it is asked in the report's order
    ("The factory will close next year, the Ford Motor Company said on Monday.",
     "the Ford Motor Company",
     ("Who said on Monday that the factory will close next year?", "the Ford Motor Company")),
    # a sentence that is one bracketed aside is asked without its brackets
    ("(The second treaty was signed in Vienna by the emperor and his ministers.)", "Vienna",
     ("The second treaty was signed where by the emperor and his ministers?", "Vienna")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "answer", "expected"), IN_SITU_QUESTIONS)
def test_in_situ_questions(parse, text: str, answer: str, expected: tuple[str, str]) -> None:
    assert in_situ_for(parse, text, answer) == expected


# text -> (question, answer) of its last sentence's claim: in situ where no fronted one is clean
CLAIM_QUESTIONS = [
    ("The emperor tried to stop the raids of the Germanic tribes on the border.",
     ("The emperor tried to stop the raids of which tribes on the border?", "Germanic")),
    ("The band continued to tour in Australia for several years.",
     ("The band continued to tour where for several years?", "Australia")),
    ("The prize was awarded to the scientist for discovering the structure of DNA.",
     ("The prize was awarded to the scientist for discovering what?", "structure of DNA")),
    ("Charles Darwin sailed around the world on a small ship. "
     "He went on to study the finches of the Galapagos Islands.",
     ("Charles Darwin went on to study the finches of which place?", "Galapagos Islands")),
    # a short sentence makes a question (never a cloze, which would leave too little context)
    ("Guglielmo Marconi invented the radio.", ("Who invented the radio?", "Guglielmo Marconi")),
    ("Casinos in Macau closed down.", ("Casinos in which place closed down?", "Macau")),
    # a fronted question is clean: it wins
    ("The government decided to build 3,000 new schools in the north.",
     ("How many new schools did the government decide to build in the north?", "3,000")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CLAIM_QUESTIONS)
def test_claim_asks_in_situ_where_no_fronted_question_is_clean(
    parse, text: str, expected: tuple[str, str]
) -> None:
    sent = last_sentence(parse, text)
    found = claims_module._claim_for(sent, Counter(), set(), 1.0)
    assert found is not None
    fact = found[0]
    question = claim_question(fact) if fact.wh else in_situ_question(fact)
    assert (question, fact.answer.text) == expected


# text, answer, whether in_situ_frame itself refuses (else a later check does) -> no in-situ
# question asks for that answer
REFUSED = [
    # "which" + noun opening the question, then a comma: the noun phrase was an opening phrase
    ("In West Indian cuisine, steamed vegetables with fresh fish is common.", "West Indian",
     True),
    # a number among a noun's modifiers is no "which": "the deployment of which helicopters"
    ("The minister ordered the deployment of an additional 90 helicopters to the valley.",
     "additional 90", True),
    # a demonstrative that points back outside the question ("that year")
    ("Before the end of that year, the pamphlet would be reissued in a revised edition.",
     "a revised edition", True),
    # the subject of a parenthetical ("Pugin believed"), what "there are" says exists
    ("Gothic architecture, Pugin believed, was the only true Christian form of building.",
     "Pugin", True),
    ("There are several levels of discipline in the order, which suit different members.",
     "several levels of discipline", True),
    # a subject "it" with only the nouns of a participial opener before it
    ("Located on the first floor of the old town hall, it is the first museum to be housed in "
     "a school.", "a school", True),
    # a clause that a colon completes
    ("Other fish recorded close to the shore in shallow waters are: the grouper and the snapper.",
     "shallow waters", True),
    # one item of a list (the extractor asks for the whole list instead)
    ("The company continued to sell its cars in Japan, Europe, and Australia for many years.",
     "Japan", True),
    # half a phrase: "the Duke | of the province that had rebelled"
    ("The rebels hoped to capture the Duke of the province that had rebelled.", "the Duke", True),
    # an aside in brackets
    ("The workers tried to organise a union (the Industrial Workers of the World) in the mines.",
     "Industrial Workers of the World", True),
    # a word quoted is a word mentioned
    ('The critics began to use the word "modern" for the new style of painting.', "modern", True),
    # in a fronted adverbial: "In where, the treaty …?"; a place moved to the end ("…
    # where?") would read as about the last thing named (a person or a date is moved)
    ("In Geneva, the treaty was signed by the delegates of twelve nations.", "Geneva", True),
    # the same in a clause before a ";"
    ("In Buddhism, the monks meditate at dawn; in other schools, the monks pray at night.",
     "Buddhism", True),
    # an appositive: "the founder of the company, who, in his old age?"
    ("The students continued to visit the founder of the company, Henry Ford, in his old age.",
     "Henry Ford", True),
    # joined by a dash: "a Paris–which place route"
    ("The airline tried to open a Paris–London route in 1919.", "London", True),
    # inside a clause that is itself a question: "… to explain why how many species …"
    ("The scientists tried to explain why 40 species of birds disappeared from the island.",
     "40", True),
    ("The scientists asked whether 40 species of birds had disappeared from the island.", "40",
     True),
    # "it", "they" with nothing in the question to stand for
    ("The farmers were poor. They continued to grow rice in Egypt for many years.", "Egypt",
     True),
    # an opening "It"/"They" is not named as a person, an indefinite or plain "the" noun, a
    # subject with a possessor, the source of a report, a subject whose number differs, nor
    # where the sentence before names or says more of another noun the pronoun may be
    ("Charles Darwin wrote a famous book. It was published in London in 1859.", "London", True),
    ("A large storm hit the coast. It destroyed 300 houses in the town of Dover.", "300", True),
    ("The museum opened in the spring. It was visited by 300 people from Boston in its first "
     "week.", "300", True),
    ("The company's new factory opened in March. It produced 500 cars in its first year.", "500",
     True),
    ("The report suggests that the bridge was unsafe. It was closed by the city in 2010.",
     "2010", True),
    ("The Alps stretch across eight countries. It was crossed by Hannibal in 218 BC.",
     "Hannibal", True),
    ("The Danube Delta lies mostly in Romania. They were declared protected areas in 1991.",
     "1991", True),
    ("The council hired a firm called Northern Rail. It built 40 stations along the coast.",
     "40", True),
    ("The Danube Delta is rich in wildlife, which draws many visitors. It was declared a "
     "protected area by the government in 1991.", "1991", True),
    # nor in a question with an aside after the wh-phrase or a "that" pointing back
    ("The Danube Delta lies mostly in Romania. It contains the largest lake in the region, "
     "Lake Razim, and many channels.", "largest lake in the region", True),
    ("The Danube Delta lies mostly in Romania. It was declared a protected area in 1991 for "
     "that reason.", "1991", True),
    ("Sea otters live along the coast of California. They are a protected species and on the "
     "endangered list.", "endangered list", True),
    # "it" cannot be the council that sells it (that would be "itself")
    ("The council tried to sell it to the bank in Boston.", "Boston", True),
    # "her" cannot be Smith, the subject of her own verb
    ("Henry Smith referred her to the hospital in Boston for treatment.", "Boston", True),
    # "this" points to the sentence before
    ("This helped to build the reputation of the museum in Boston.", "Boston", False),
    # "any" says something "what" would lose
    ("The law allowed any Roman citizen to appeal to the emperor.", "Roman citizen", True),
    # a bare wh-word as the subject of a clause inside the sentence: "a plan that what use"
    ("A budget is a plan that families and companies use to control their spending.",
     "families and companies", True),
    ("Each farmer received a share of the land that the Roman legions had conquered.",
     "the Roman legions", True),
    # a subject "both" points to things the text named before
    ("Both were passed by the parliament of Norway in the spring.", "Norway", True),
    ("Like many reforms of the decade, both were passed by the parliament of Norway.", "Norway",
     True),
    # a modifier of the reporter: "…, which official said on Tuesday?"
    ("The talks between the two unions have been renewed, a Labour official said on Tuesday.",
     "Labour", True),
    # a passive "it" with an infinitive of purpose is no expletive: it stands for something
    ("Since 1949, it has been expanded to include Greece and Turkey in 1952.", "1949", True),
    # a lone common noun: "The farmers began to grow what in the valley?" asks for anything
    ("The farmers began to grow rice in the valley.", "rice", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "answer", "frame_refuses"), REFUSED)
def test_no_in_situ_question(parse, text: str, answer: str, frame_refuses: bool) -> None:
    found = in_situ_for(parse, text, answer)
    assert found is None or found[0] is None or found[1] != answer
    if frame_refuses:
        assert frame_for(parse, text, answer) is None
    else:
        assert found is None or found[0] is None


def test_a_percentage_of_something_is_no_percentage_question(parse) -> None:
    # the extractor asks for the whole phrase; "what percentage" cannot stand for all of it
    text = "The council decided to give 20 percent of the land to the church."
    assert in_situ_for(parse, text, "20 percent") is None
    sent = last_sentence(parse, text)
    whole = answer_in(sent, "20 percent of the land")
    assert in_situ_frame(sent, whole, "PERCENT", "What") is None


# text, answer -> the first word of the question (None: the answer leans on a clause before)
QUESTION_STARTS = [
    ("The museum received 2,500 visitors on its first day.", "2,500", "The"),
    ("Notably, the museum received 2,500 visitors on its first day.", "2,500", "the"),
    ("In general, the farmers planted 40 varieties of wheat.", "40", "the"),
    ("However, the army lost 6,000 soldiers during the winter.", "6,000", "the"),
    ("In other words, the army lost 6,000 soldiers during the winter.", "6,000", "the"),
    # an opener that is the answer's own phrase is not trimmed
    ("In Paris, the army lost 6,000 soldiers during the winter.", "6,000", "In"),
    ("The rest went to Canada; the company sold 500 cars in Japan.", "500", None),
]


@pytest.mark.parametrize(("text", "answer", "expected"), QUESTION_STARTS)
def test_question_start(parse, text: str, answer: str, expected: str | None) -> None:
    sent = last_sentence(parse, text)
    first = _question_start(sent, answer_in(sent, answer).start)
    assert (None if first is None else sent.doc[first].text) == expected


# text, answer -> the last word of the question (None: the answer is a joined clause's subject)
QUESTION_ENDS = [
    ("The museum received 2,500 visitors on its first day.", "2,500", "day"),
    ("The company sold 500 cars in Japan; the rest went to Canada.", "500", "Japan"),
    (
        "The band continued to tour in Australia, and the singer left the group in the spring.",
        "Australia",
        "Australia",
    ),
    ("The band toured in Australia and recorded a new album.", "Australia", "album"),
    # a closing bracket stays with its opening one
    ("The band toured in Australia (and New Zealand).", "Australia", ")"),
    (
        "The singer left the band, and Winston Churchill attended the concert.",
        "Winston Churchill",
        None,
    ),
]


@pytest.mark.parametrize(("text", "answer", "expected"), QUESTION_ENDS)
def test_question_end(parse, text: str, answer: str, expected: str | None) -> None:
    sent = last_sentence(parse, text)
    last = _question_end(sent, answer_in(sent, answer).end)
    assert (None if last is None else sent.doc[last - 1].text) == expected


# text, answer, label, what a noun phrase is asked as -> (the words replaced, the wh-phrase)
WH_PHRASES = [
    ("The storm killed 3,000 people in the city.", "3,000", "CARDINAL", "What",
     ("3,000", "how many")),
    ("The road is 10 km long.", "10 km", "QUANTITY", "What", ("10 km", "how many km")),
    ("The price rose by 15 percent in a year.", "15 percent", "PERCENT", "What",
     ("15 percent", "what percentage")),
    ("The bridge cost $45 million to build.", "$45 million", "MONEY", "What",
     ("$45 million", "how much")),
    ("The raids of the Germanic tribes grew worse.", "Germanic", "NORP", "What",
     ("the Germanic", "which")),
    ("The raids of the early Germanic tribes grew worse.", "Germanic", "NORP", "What", None),
    ("Raids of early Germanic tribes grew worse.", "Germanic", "NORP", "What", None),
    ("The king read Shakespeare's plays in the evening.", "Shakespeare", "PERSON", "Who",
     ("Shakespeare's", "whose")),
    # dates: a year, a decade, a day (its preposition goes with it), since a month
    ("The company moved its headquarters to Denver in 1998.", "1998", "DATE", "What",
     ("1998", "what year")),
    ("Railroads have been important in the region since the 1880s.", "the 1880s", "DATE", "What",
     ("the 1880s", "which decade")),
    ("The treaty was signed in Paris on 4 March 1814.", "4 March 1814", "DATE", "What",
     ("4 March 1814", "what date")),
    ("The army left the city in the spring of 1814.", "the spring of 1814", "DATE", "What",
     ("in the spring of 1814", "when")),
    ("The war lasted until March 1814.", "March 1814", "DATE", "What", ("March 1814", "when")),
    # places
    ("The band toured in Australia for years.", "Australia", "GPE", "What",
     ("in Australia", "where")),
    ("The band played the music of Australia.", "Australia", "GPE", "What",
     ("Australia", "which place")),
    ("The band toured in Australia for years.", "Australia", "GPE", "Which country",
     ("Australia", "which country")),
    # people
    ("The council invited Winston Churchill to the conference.", "Winston Churchill", "PERSON",
     "Who", ("Winston Churchill", "who")),
    ("The medal was given by Winston Churchill to the pilot.", "Winston Churchill", "PERSON",
     "Who", ("Winston Churchill", "whom")),
    # a determiner: "the" goes with the answer, "any" makes no question
    ("The army crossed the river at dawn.", "river", "TERM", "What", ("the river", "what")),
    ("The law forbade any country to build warships.", "country", "TERM", "What", None),
    # a number with a decimal point, an ordinal: no wh-phrase
    ("The river rose 2.5 metres in a day.", "2.5 metres", "QUANTITY", "What", None),
    ("The army won its third battle.", "third", "ORDINAL", "What", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "answer", "label", "noun_wh", "expected"), WH_PHRASES)
def test_wh_phrase(
    parse, text: str, answer: str, label: str, noun_wh: str, expected: tuple[str, str] | None
) -> None:
    sent = last_sentence(parse, text)
    found = _wh_phrase(answer_in(sent, answer), label, noun_wh)
    if found is None:
        assert expected is None
    else:
        start, end, wh = found
        assert (sent.doc[start:end].text, wh) == expected


# sentences made of parts the in-situ rules act on (openers, pronouns, numbers, places,
# people, lists, brackets, clauses after ";" or "and"), so that many make an in-situ question
OPENERS = ["", "Notably, ", "However, ", "In general, ", "For Aristotle, "]
SUBJECTS = ["The government", "The band", "He", "She", "They", "It", "This", "Charles Darwin"]
VERB_PHRASES = [
    "decided to build", "continued to tour in", "tried to stop the raids of",
    "hoped to receive a medal from", "agreed to pay", "went on to study the finches of",
    "referred her to", "tried to sell it to",
]  # fmt: skip
OBJECTS = [
    "3,000 new schools", "Australia", "the Germanic tribes", "Winston Churchill", "$2 million",
    "15 percent of the land", "Japan, Europe, and Australia", "the word “modern”",
    "the Paris–London route", "any country", "the 1880s",
]  # fmt: skip
TAILS = [
    "", " for several years", " in the north", "; the rest went to Canada",
    ", and the singer left the group", " (the Industrial Workers of the World)", " in 1998",
    " and recorded a new album",
]  # fmt: skip
LEADS = [
    "", "Marie Curie moved to France as a young woman. ",
    "The Danube Delta lies mostly in Romania. ", "The Vikings raided the coasts of England. ",
]  # fmt: skip
sentences = st.builds(
    lambda lead, opener, subject, verb, obj, tail: (
        f"{lead}{opener}{subject if not opener else subject[0].lower() + subject[1:]} "
        f"{verb} {obj}{tail}."
    ),
    *(st.sampled_from(parts) for parts in (LEADS, OPENERS, SUBJECTS, VERB_PHRASES, OBJECTS, TAILS)),
)


def _from_the_sentence(part: str, sentence: str) -> bool:
    """Whether `part` is a run of the sentence's words, or is one with its opening pronoun
    named (the name stands for one pronoun but may be several words)."""
    part, sentence = " ".join(part.split()), " ".join(sentence.split())
    if part in sentence:
        return True
    words = part.split()
    return any(
        f"{pronoun} {' '.join(words[k:])}".strip() in sentence
        for pronoun in NAMED_PRONOUNS
        for k in range(1, len(words) + 1)
    )


def _check_in_situ_claims(doc) -> int:
    """Check every in-situ claim of the doc; how many there were."""
    count = 0
    for fact in find_claims(doc, 1.0):
        if fact.in_situ is None:
            continue
        question = in_situ_question(fact)
        assert question is not None  # the extractor keeps only frames that make a question
        count += 1
        assert question.endswith("?")
        assert question[0].isupper()
        assert len(question.split()) <= MAX_IN_SITU_WORDS
        frame = fact.in_situ
        assert not contains_words(f"{frame.before} {frame.after}", fact.answer.text)
        for part in (frame.before, frame.after):
            assert _from_the_sentence(part, fact.sentence.text), (part, fact.sentence.text)
    return count


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sentences)
def test_in_situ_questions_are_well_formed(parse, text: str) -> None:
    _check_in_situ_claims(parse(text))


VOCABULARY = (
    "The band toured in Australia , and he paid $2 million for 3,000 schools ; it "
    "the Germanic tribes of Paris (Winston Churchill) “modern” since the 1880s ."
)
WORDS = st.sampled_from(VOCABULARY.split(" "))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_in_situ_questions_of_any_text_are_well_formed(parse, text: str) -> None:
    _check_in_situ_claims(parse(text))


def test_the_sentence_strategy_makes_in_situ_questions(parse) -> None:
    # the properties above are not checked vacuously: these parts do make in-situ questions
    text = "Notably, the band continued to tour in Australia for several years."
    assert _check_in_situ_claims(parse(text)) == 1


def test_a_short_sentence_without_a_question_makes_no_claim(parse) -> None:
    sent = last_sentence(parse, "The old mill burned down. It was rebuilt soon.")
    found = claims_module._claim_for(sent, Counter(), set(), 1.0)
    assert found is None or claims_module._claim_merit(sent, Counter(), set(), 1.0, 1.0) is None


# text, answer -> the question with the phrase that opened the sentence moved to its end
MOVED_OPENERS = [
    ("For Aristotle, the highest good was a life of contemplation.", "Aristotle",
     "The highest good was a life of contemplation for whom?"),
    ("Since 1973, the town has been supplied with water by a private company.", "1973",
     "The town has been supplied with water by a private company since what year?"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "answer", "question"), MOVED_OPENERS)
def test_an_opening_phrase_is_moved_to_the_end(
    parse, text: str, answer: str, question: str
) -> None:
    sent = last_sentence(parse, text)
    span = answer_in(sent, answer)
    noun_wh = claims_module._which_class(span, claims_module._who_or_what(span))
    frame = in_situ_frame(sent, span, answer_label(sent, span), noun_wh)
    assert frame is not None
    fact = claims_module.ClaimFact(
        sentence=claims_module._sentence_span(sent),
        answer=claims_module._span(span),
        in_situ=frame,
    )
    assert in_situ_question(fact) == question


# an opening phrase is not moved past another clause, whose phrase it would seem to be
def test_an_opening_phrase_is_not_moved_past_another_clause(parse) -> None:
    sent = last_sentence(
        parse, "In 1880, a science program was established, and a new hall was built in 1883."
    )
    assert in_situ_frame(sent, answer_in(sent, "1880"), "DATE", "What") is None


# text -> the date note's front: a date without a clean fronted question is asked in situ
DATE_IN_SITU = [
    ("The settlers remained in the northern valley until 1891.",
     "The settlers remained in the northern valley until what year?"),
    ("A small garrison guarded the fort until 12 May 1862.",
     "A small garrison guarded the fort until when?"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "front"), DATE_IN_SITU)
def test_a_date_is_asked_in_situ(parse, text: str, front: str) -> None:
    document = document_from_text(text)
    facts = list(find_dates(parse(text)))
    fronts = [note.front for fact in facts for note in date_notes(document, fact)]
    assert front in fronts


def test_a_year_that_modifies_a_noun_is_not_asked_in_situ(parse) -> None:
    sent = last_sentence(parse, "A 2015 study estimated the number of dogs in the region.")
    span = answer_in(sent, "2015")
    assert in_situ_frame(sent, span, "DATE", "What") is None


# a fronted question names a main-subject "It"/"They" as an in-situ one does: text -> a
# question of its last sentence
FRONTED_NAMED = [
    ("The Vikings raided the coasts of England. They founded trading posts in Dublin.",
     "Where did the Vikings found trading posts?"),
]  # fmt: skip
# text, a wrong name -> no question of the last sentence names it: not a place named in a
# sentence whose subject does not agree, not the source of a report, not a name's modifier
FRONTED_NOT_NAMED = [
    ("Many scholars in India studied the old texts. It was challenged by new groups of "
     "wandering monks.", "India"),
    ("The report suggests that the bridge was unsafe. It was closed by the city council in "
     "2010.", "report"),
    ("The scientists at Oxford measured the comet. It was seen again by astronomers in 1986.",
     "Oxford"),
]  # fmt: skip


def _last_sentence_questions(parse, text: str) -> list[str]:
    doc = parse(text)
    last = list(doc.sents)[-1]
    facts = [f for f in find_claims(doc, 1.0) if f.sentence.start >= last.start_char]
    questions = [claim_question(f) if f.wh else in_situ_question(f) for f in facts]
    return [q for q in questions if q]


@pytest.mark.parametrize(("text", "expected"), FRONTED_NAMED)
def test_fronted_question_names_an_opening_it_or_they(parse, text: str, expected: str) -> None:
    assert expected in _last_sentence_questions(parse, text)


@pytest.mark.parametrize(("text", "wrong"), FRONTED_NOT_NAMED)
def test_fronted_question_does_not_guess_an_it_or_they(parse, text: str, wrong: str) -> None:
    assert not any(wrong in question for question in _last_sentence_questions(parse, text))


LONG_SENTENCE = (
    "The new harbour of the town was opened by Queen Victoria in a grand ceremony; the old quay, "
    "which the merchants of the town had used for centuries and which had long been too shallow "
    "for the larger ships that came from the colonies, was later turned into a broad promenade "
    "lined with trees, benches and lamps for the people of the surrounding villages."
)


def test_a_sentence_too_long_for_a_fronted_question_is_asked_in_situ(parse) -> None:
    # over MAX_QUESTION_SENTENCE_WORDS: no fronted question, but the clause before the ";"
    # makes an in-situ one
    sent = last_sentence(parse, LONG_SENTENCE)
    assert claims_module.word_count(sent) > claims_module.MAX_QUESTION_SENTENCE_WORDS
    found = claims_module._claim_for(sent, Counter(), set(), 1.0)
    assert found is not None
    fact = found[0]
    assert not fact.wh
    question = in_situ_question(fact)
    assert question is not None and ";" not in question and "promenade" not in question


def test_an_opening_he_named_with_a_cut_name_makes_no_question(parse) -> None:
    # the name the pronoun stands for must be whole: "Cardinal Camerlengo of" is not
    from factcards.nlp.in_situ import CUT_NAME_ENDINGS

    assert {"of", "the"} <= CUT_NAME_ENDINGS
    text = (
        "The Cardinal Camerlengo of the Holy Roman Church has functions that are limited to a "
        "period of vacancy. He is to collect information about the finances of the Holy See "
        "and present the results to the College of Cardinals."
    )
    sent = last_sentence(parse, text)
    frame = in_situ_frame(sent, answer_in(sent, "College of Cardinals"), "ORG", "Which college")
    assert frame is None or (not frame.before.endswith(" of") and " of is " not in frame.before)
