"""find_dates: which date expressions become facts, their values and the clause around them."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcards.model import DateFact
from factcards.nlp.dates import find_dates


def facts_of(parse, text: str, date: str | None = None) -> list[DateFact]:
    return list(find_dates(parse(text, date=date)))


def fact_for(facts: list[DateFact], date_text: str) -> DateFact:
    found = [fact for fact in facts if fact.date.text == date_text]
    assert found, f"no fact for {date_text!r}; got {[f.date.text for f in facts]}"
    return found[0]


# text, document date, date as written, value, clause subject (None: no clause), clause lemma
EXPLICIT_DATES = [
    ("The ICFI was founded in 1953 in a struggle against revisionism.", None,
     "1953", "1953", "The ICFI", "found"),
    ("Chiang Kai-shek ordered the massacre of workers in Shanghai on April 12, 1927.", None,
     "April 12, 1927", "1927-04-12", "Chiang Kai-shek", "order"),
    ("On August 4, 1914, the social democrats voted for the war credits.", None,
     "August 4, 1914", "1914-08-04", "the social democrats", "vote"),
    ("The congress opened on 3 March 1918 in Moscow.", None,
     "3 March 1918", "1918-03-03", "The congress", "open"),
    ("In November 1927, Trotsky was expelled from the party.", None,
     "November 1927", "1927-11", "Trotsky", "expel"),
    ("The strike spread in the summer of 1917 across the country.", None,
     "the summer of 1917", "1917-SU", "The strike", "spread"),
    ("The meeting was held August 14 to August 20, 2005 in Ann Arbor.", None,
     "August 14 to August 20, 2005", "2005-08-14/2005-08-20", "The meeting", "hold"),
    ("The party grew quickly between 1905 and 1917.", None,
     "between 1905 and 1917", "1905/1917", "The party", "grow"),
    ("The first Russian revolution of 1905-07 was defeated by the autocracy.", None,
     "1905-07", "1905/1907", None, None),
    ("The imperialist war of 1914-1918 destroyed the old order.", None,
     "1914-1918", "1914/1918", None, None),
    ("The party grew rapidly in the 1920s.", None,
     "the 1920s", "192X", "The party", "grow"),
    ("In the latter half of the 1920s Trotsky fought the bureaucracy.", None,
     "the latter half of the 1920s", "192X", "Trotsky", "fight"),
    ("The company reported record profits in the third quarter of 1989.", None,
     "the third quarter of 1989", "1989-Q3", "The company", "report"),
    ("Unemployment rose sharply in the mid-1990s across Europe.", None,
     "the mid-1990s", "199X", "Unemployment", "rise"),
    ("The war of 1914–18 ended the old order.", None, "1914–18", "1914/1918", None, None),
    ("Writing in 1930, Trotsky described the revolution as a defeat.", None,
     "1930", "1930", "Trotsky", "describe"),
    ("The report was published on 1998-01-08 by the ministry.", None,
     "1998-01-08", "1998-01-08", "The report", "publish"),
    ("Lenin did not return until April 1917.", None, "April 1917", "1917-04", None, None),
    ("Kopp had been arrested in several states since 1990.", None, "1990", "1990", None, None),
    ("The party had not recovered by 1934.", None, "1934", "1934", None, None),
    # a range of seasons is one expression, ending in the last season's second year; a past
    # the tagger took for a participle ("competed", no auxiliary) stays active
    ("The Fighting Irish previously competed in the Horizon League from 1982-83 to 1985-86.",
     None, "from 1982-83 to 1985-86", "1982/1986", "The Fighting Irish", "compete"),
    ("The club played in the second division from 1920 to 1931.", None,
     "from 1920 to 1931", "1920/1931", "The club", "play"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "document_date", "date_text", "value", "subject", "lemma"), EXPLICIT_DATES
)
def test_explicit_dates(
    parse,
    text: str,
    document_date: str | None,
    date_text: str,
    value: str,
    subject: str | None,
    lemma: str | None,
) -> None:
    fact = fact_for(facts_of(parse, text, document_date), date_text)
    assert fact.value == value
    if subject is None:
        assert fact.clause is None
    else:
        assert fact.clause is not None
        assert (fact.clause.subject, fact.clause.lemma) == (subject, lemma)


# text, document date, date as written, resolved value
RELATIVE_DATES = [
    ("This year marks the twentieth anniversary of the split.", "2005-09-27",
     "This year", "2005"),
    ("The ministry approved the plan in October this year.", "1998-12-03",
     "October this year", "1998-10"),
    ("Sales of the company fell sharply last year.", "1998-12-03", "last year", "1997"),
    ("Lenin died in 1924. His pamphlet, written in February of that year, was widely read.",
     None, "February of that year", "1924-02"),
    ("The New York Times published a report in June 1931. The French newspaper Le Temps "
     "commented two years later on the same report.", None, "two years later", "1933"),
    ("The treaty was signed in 1919.\n\nThe following year, the party held a congress.",
     None, "The following year", "1920"),
    ("The school opened in 1920. Two years after, it closed its doors.", None,
     "Two years after", "1922"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "document_date", "date_text", "value"), RELATIVE_DATES)
def test_relative_dates_are_resolved(
    parse, text: str, document_date: str | None, date_text: str, value: str
) -> None:
    assert fact_for(facts_of(parse, text, document_date), date_text).value == value


# text, document date: no date fact at all
NO_DATES = [
    ("Today the party is strong and united.", None),
    ("Several months later, the leadership changed its line.", None),
    ("This year the party held its congress in the capital.", None),  # no document date
    ("Two years later, the leaders signed the agreement.", None),  # no year to count from
    ("The factory employed 1,500 workers in the city.", None),
    ("About 2000 people attended the rally in the square.", None),
    ("The fund lost 1500 dollars in the crash.", None),
    ("The argument is developed further on page 1917 of the volume.", None),
    ("The minutes (pages 1917-1920) say nothing about the vote.", None),
    ("The decade ended with a new crisis in the movement.", None),
    ("Bill Van Auken\n27 September 2005\n\nThe lecture follows.", None),
    # a fragment with no finite verb asserts nothing (a list item, a caption, a cut sentence)
    ("Division I, primarily competing in the conference since the 2013–14 school year.", None),
    ("Bonds due Nov. 17, 1992, priced at 101 to yield 5.75% less fees.", None),
    # an opening "This" subject: the cloze would lean on what the sentences before said
    ("This meant that a third of the lending was frozen and stayed frozen into June 2009.", None),
    ("That was in 1917, before the war.", None),
    ("It became KRNV on January 22, 1990.", None),  # what "it" is, no sentence before says
    ("They moved to Paris in 1921.", None),
]  # fmt: skip
# a sentence headed by a verb, or with a finite one, asserts its date
DATED_SENTENCES = [
    "In 1999, the company was sold to investors.",
    "Founded in 1842, the school moved to the city in 1873.",
    "This year, in June 2009, the bank was frozen.",  # "This" is a determiner here
    "Those like Stalin who denounced Trotsky in 1924 were wrong.",  # "those" says who
    "It was in 1921 that the party split.",  # an "it" that points forward
]


@pytest.mark.parametrize("text", DATED_SENTENCES)
def test_sentences_headed_by_a_verb_keep_their_dates(parse, text: str) -> None:
    assert facts_of(parse, text, "1989-11-02")


@pytest.mark.parametrize(("text", "document_date"), NO_DATES)
def test_vague_and_numeric_expressions_are_skipped(
    parse, text: str, document_date: str | None
) -> None:
    assert [fact.date.text for fact in facts_of(parse, text, document_date)] == []


def test_years_inside_titles_of_works_are_skipped(parse) -> None:
    text = "Trotsky's book 1905 was reissued in 1922."
    start = text.index("1905")
    doc = parse(text, works=[(start, start + 4)])
    assert [fact.date.text for fact in find_dates(doc)] == ["1922"]


def test_relative_date_too_far_from_its_anchor_is_dropped(parse) -> None:
    filler = "\n\n".join("The discussion continued among the members." for _ in range(6))
    text = f"The treaty was signed in 1919.\n\n{filler}\n\nTwo years later, the party split."
    assert [fact.date.text for fact in facts_of(parse, text)] == ["1919"]


# text, date as written, resolved clause subject (pronouns name someone or drop the clause)
PRONOUN_SUBJECTS = [
    ("Georg von Vollmar was a Bavarian socialist. In 1879, he published an article on the "
     "isolated socialist state.", "1879", "Georg von Vollmar"),
    ("He was born in 1879 in a small village.", "1879", None),
    ("We met the delegation in 1985 in London.", "1985", None),
    ("In 1963, it fell to the British section to wage the fight.", "1963", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "date_text", "subject"), PRONOUN_SUBJECTS)
def test_pronoun_subjects(parse, text: str, date_text: str, subject: str | None) -> None:
    fact = fact_for(facts_of(parse, text), date_text)
    assert (fact.clause.subject if fact.clause else None) == subject


# a copula states a condition, not an event: the date is kept, the clause is not
COPULAS = [
    ("In 1917 Russia was a backward country.", "1917"),
    ("By 1930 the bureaucracy was firmly in control of the state.", "1930"),
]


@pytest.mark.parametrize(("text", "date_text"), COPULAS)
def test_copula_gives_no_clause(parse, text: str, date_text: str) -> None:
    assert fact_for(facts_of(parse, text), date_text).clause is None


# text, date as written, event noun phrase for a noun-headed date
EVENTS = [
    ("Before Lenin's death in 1924, no one had suggested the idea.", "1924", "Lenin's death"),
    ("The 1905 revolution shook the empire.", "1905", "The revolution"),
    ("Trotsky's 1928 critique of the draft program became famous.", "1928", "Trotsky's critique"),
    ("The revolutionary crisis of 1923 ended in defeat.", "1923", "The revolutionary crisis"),
]


@pytest.mark.parametrize(("text", "date_text", "event"), EVENTS)
def test_events_of_noun_headed_dates(parse, text: str, date_text: str, event: str) -> None:
    fact = fact_for(facts_of(parse, text), date_text)
    assert fact.event is not None and fact.event.startswith(event)


def test_clause_complement_never_holds_the_date(parse) -> None:
    text = "The strike spread in the summer of 1917 across the country."
    fact = fact_for(facts_of(parse, text), "the summer of 1917")
    assert fact.clause is not None
    assert fact.clause.complement == "across the country"


def test_one_fact_per_expression_with_the_sentence(parse) -> None:
    text = (
        "The party was founded in 1903. It split in 1912 over the question of the "
        "liquidators, and in 1917 it took power."
    )
    facts = facts_of(parse, text)
    assert [fact.date.text for fact in facts] == ["1903", "1912", "1917"]
    assert facts[0].sentence.text == "The party was founded in 1903."
    assert facts[1].sentence.start == facts[2].sentence.start


# ------------------------------------------------------------------ property

DATE_WORDS = [
    "in", "on", "1917", "1905-07", "April", "12,", "1927", "the", "summer", "of", "that",
    "year", "two", "years", "later", "this", "last", "1920s", "he", "was", "founded",
    "Trotsky", "published", "page", "1,500", "between", "and", ".", ",", "\n\n", "“", "”",
]  # fmt: skip
texts = st.one_of(
    st.lists(st.sampled_from(DATE_WORDS), max_size=40).map(" ".join),
    st.text(alphabet=string.printable + "–—“”’é", max_size=200),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, document_date=st.sampled_from([None, "2005-09-27"]))
def test_any_text_gives_well_formed_facts(parse, text: str, document_date: str | None) -> None:
    doc = parse(text, date=document_date)
    for fact in find_dates(doc):
        assert fact.sentence.start <= fact.date.start < fact.date.end <= fact.sentence.end
        assert doc.text[fact.date.start : fact.date.end] == fact.date.text
        assert doc.text[fact.sentence.start : fact.sentence.end] == fact.sentence.text
        assert fact.value
        if fact.clause is not None and fact.sentence.text.count(fact.date.text) == 1:
            assert fact.date.text not in fact.clause.complement


@given(
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 10)), max_size=30),
    st.integers(0, 220),
    st.integers(1, 15),
)
def test_overlap_by_bisection_agrees_with_checking_every_span(
    raw: list[tuple[int, int]], start: int, length: int
) -> None:
    from factcards.nlp.dates import _overlaps_any

    spans: list[tuple[int, int]] = []  # in order and disjoint, as date_matches keeps them
    for begin, size in sorted(raw):
        if not spans or begin >= spans[-1][1]:
            spans.append((begin, begin + size))
    end = start + length
    expected = any(s < end and start < e for s, e in spans)
    assert _overlaps_any(spans, [s for s, _ in spans], start, end) is expected


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # an author-year citation dates a publication, not an event of the sentence
        ("Demographic transition theory ( Caldwell and Caldwell 2006 ) suggests a model.", []),
        ("The wilt spreads under stress (Jarvis, 1992; Owen-Going et al., 2005).", []),
        # a year in brackets after an event is still its date
        ("The Review of Politics was founded by Gurian (1939) in Indiana.", ["1939"]),
        ("The war (1914-1918) destroyed the old empires.", ["1914-1918"]),
    ],
)
def test_citation_years_are_no_dates(parse, text: str, dates: list[str]) -> None:
    assert [fact.date.text for fact in find_dates(parse(text))] == dates


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        # "as she did in 1917" stands for a verb said elsewhere: no "When did she do?"
        ("In 1941, as she did in 1917, Jeannette Rankin voted against the war.", 1),
        # a verb inside a quoted title is no event of a reference line
        ("Adam Liptak , “ Supreme Court Delivers Tacit Win , ” New York Times , 6 October , 2014 .",
         0),
    ],
)  # fmt: skip
def test_dates_of_ellipses_and_references(parse, text: str, questions: int) -> None:
    facts = list(find_dates(parse(text)))
    assert sum(1 for fact in facts if fact.clause is not None) <= questions
    assert all(fact.clause is None or fact.clause.lemma != "do" for fact in facts)
    if questions == 0:
        assert facts == []


def test_a_date_cloze_knows_whom_its_opening_pronoun_means(parse) -> None:
    text = (
        "On November 7, 2006, Kanye West apologized for the outburst in Brisbane. "
        "He later spoofed the incident on the season premiere of Saturday Night Live in "
        "September 2007."
    )
    [fact] = [f for f in find_dates(parse(text)) if f.date.text == "September 2007"]
    assert fact.clause is None and fact.referent == "Kanye West"


def test_an_offset_from_a_named_event_is_not_counted_from_the_date(parse) -> None:
    # "two years after Yonten Gyatso died" is 1616, not 1618 + 2: it is never guessed
    text = "In 1618, only two years after Yonten Gyatso died, the two schools went to war."
    assert [fact.date.text for fact in find_dates(parse(text))] == ["1618"]
