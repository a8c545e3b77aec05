"""English word tables that several stages read (ingest, nlp, questions); no spaCy here."""

from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Abbreviations as English prose writes them ("Sept. 5"); "may" has none.
MONTH_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "september": ("sep", "sept"),
    "may": (),
}

# lower-case name or abbreviation -> month number
MONTH_NUMBERS: dict[str, int] = {
    spelling: number
    for number, name in enumerate(MONTH_NAMES, start=1)
    for spelling in (
        name.lower(),
        *MONTH_ABBREVIATIONS.get(name.lower(), (name.lower()[:3],)),
    )
}

# Common nouns that name a person by role, rank, trade or kin: a phrase headed by one is asked
# about with "Who" ("Who is Agamemnon?" -> "a hero"; "Who said …?" -> "a U.S. official"), one
# headed by any other common noun with "What" ("What is Phenetics?" -> "an attempt to …").
PERSON_NOUNS = frozenset(
    {
        "actor", "actress", "adviser", "advisor", "agent", "ambassador", "analyst", "ancestor",
        "apostle", "archbishop", "aristocrat", "artist", "assistant", "astronaut", "athlete",
        "attorney", "aunt", "author", "baron", "banker", "bishop", "boy", "boss", "bride",
        "brother", "businessman", "businesswoman", "candidate", "captain", "cardinal", "chairman",
        "chairwoman", "champion", "chancellor", "chef", "chief", "child", "citizen", "cleric",
        "coach", "colonel", "commander", "commissioner", "companion", "composer", "comrade",
        "congressman", "consul", "count", "countess", "cousin", "creator", "critic", "daughter",
        "delegate", "deputy", "designer", "detective", "dictator", "diplomat", "director",
        "disciple", "doctor", "duchess", "duke", "earl", "editor", "emperor", "empress",
        "employee", "engineer", "entrepreneur", "executive", "explorer", "farmer", "father",
        "founder", "friend", "gentleman", "girl", "god", "goddess", "governor", "grandfather",
        "grandmother", "guard", "guardian", "heir", "heiress", "hero", "heroine", "host",
        "husband", "inventor", "investor", "judge", "king", "knight", "laureate", "lawmaker",
        "lawyer", "leader", "lecturer", "legislator", "lieutenant", "lord", "magistrate", "maid",
        "man", "manager", "mathematician", "mayor", "member", "merchant", "minister",
        "missionary", "monarch", "monk", "mother", "nephew", "niece", "nobleman", "novelist",
        "nun", "officer", "official", "owner", "painter", "partner", "pastor", "patriarch",
        "peasant", "person", "philosopher", "photographer", "pilot", "pioneer", "player", "poet",
        "politician", "pope",
        "reporter", "correspondent", "commentator", "presenter", "premier", "president",
        "priest", "prince", "princess", "prisoner",
        "producer", "professor", "prophet", "prosecutor", "publisher", "queen", "rapper", "rebel",
        "reformer", "representative", "researcher", "resident", "revolutionary", "rider",
        "ruler", "saint", "scholar", "secretary", "senator", "sergeant", "servant", "sheriff",
        "singer", "sister", "slave", "soldier", "son", "songwriter", "sovereign", "spokesman",
        "spokesperson", "spokeswoman", "statesman", "student", "successor", "sultan", "surgeon",
        "teacher", "theorist", "trader", "traveller", "traveler", "tsar", "tutor", "uncle",
        "veteran", "victim", "viceroy", "voter", "warrior", "widow", "widower", "wife", "winner",
        "witness", "woman", "worker", "writer",
    }
)  # fmt: skip
# endings of nouns for people ("economist", "historian", "Marxist", "physician")
PERSON_NOUN_SUFFIXES: tuple[str, ...] = ("ist", "ian")
# ... and words with those endings that name no one
NOT_PERSON_NOUNS = frozenset(
    {"playlist", "checklist", "shortlist", "wishlist", "blacklist", "whitelist", "waitlist",
     "median", "meridian", "amphibian", "reptilian", "assist", "persist", "exist"}
)  # fmt: skip


def is_person_noun(lemma: str) -> bool:
    """Whether a common noun (its lower-case lemma) names a person: "official", "economist"."""
    lemma = lemma.lower()
    if lemma in PERSON_NOUNS:
        return True
    return len(lemma) > 5 and lemma.endswith(PERSON_NOUN_SUFFIXES) and lemma not in NOT_PERSON_NOUNS
