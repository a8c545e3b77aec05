"""Appositive definitions: "X, a N of …,", "a N, X," and titles before a name ("SWP leader X",
"the French newspaper *Le Temps*").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import DefinitionFact
from ..vocabulary import is_person_noun
from .definiens import (
    CLASS_NOUNS,
    EVALUATIVE_NOUNS,
    GENERIC_SUBJECTS,
    INSTANCE_MODIFIERS,
    METALINGUISTIC_NOUNS,
    NOUN_POS,
    RELATIONAL_NOUNS,
    RESTRICTING_DEPS,
    definition_fact,
    is_superlative_term,
    strip_determiner,
    term_before,
)
from .text import ents_in, tokens_with

APPOSITION_ADVERBS = frozenset({"then", "now", "later", "formerly", "subsequently"})
# nouns that, before a name, say what the name is ("SWP leader Jack Barnes")
ROLE_TITLES = frozenset(
    {
        "secretary", "president", "chairman", "chairwoman", "chair", "leader", "minister",
        "premier", "general", "director", "editor", "founder", "governor", "senator",
        "commissar", "commander", "secretary-general", "chancellor", "correspondent",
        "theoretician", "historian", "philosopher", "economist", "author", "writer",
    }
)  # fmt: skip
HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "saint",
     "st", "st.", "comrade", "comrades", "citizen", "professor", "prof.", "the"}
)  # fmt: skip
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "NORP", "GPE", "FAC", "EVENT", "LAW"})
# names a role before them describes ("the French newspaper Le Temps"), unlike "the city Rome"
TITLED_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART"})
# separators of an apposition on a common noun: "eutrophication , a process whereby …"
APPOSITION_MARKS = frozenset({",", "—", "–", "--"})
# nouns for an act or a statement: after a clause, "…, a move which …" sums the clause up
# ("Kadima backed a separate state, a move which …"); it does not gloss the noun before it
SUMMATIVE_NOUNS = frozenset(
    {
        "move", "contention", "decision", "step", "gesture", "feat", "achievement", "assertion",
        "allegation", "accusation", "suggestion", "proposal", "sentiment", "development",
        "claim", "view", "argument", "statement", "conclusion", "finding", "belief",
    }
)  # fmt: skip
# "the temple having …", "the other two being …": an absolute clause, not an apposition
# nouns of a tie to another person: "his son X" says nothing without whose
KIN_NOUNS = frozenset(
    {"son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "child",
     "uncle", "aunt", "nephew", "niece", "cousin", "grandson", "granddaughter", "widow",
     "friend", "successor", "predecessor", "heir", "partner", "fiancé", "fiancée"}
)  # fmt: skip
# nouns for a view or a claim: an apposition headed by one sums up a statement
PROPOSITION_NOUNS = frozenset(
    {"perspective", "view", "position", "notion", "idea", "argument", "claim", "assertion",
     "belief", "conclusion", "observation", "assumption", "contention", "opinion", "stance"}
)  # fmt: skip
ABSOLUTE_PARTICIPLES = frozenset({"have", "be"})
# nouns before a name that say what kind of name it is, not who or what it names
NAME_INTRODUCING_NOUNS = (
    METALINGUISTIC_NOUNS
    | CLASS_NOUNS
    | frozenset({"cognomen", "nickname", "genus", "order", "family", "domain", "millennium",
                 "century", "year", "season", "time"})
)  # fmt: skip


def appositive_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "the Workers League, the American section of the ICFI," and "X, a leader of Y,".

    Read from the surface (name, comma, article + noun phrase, closing punctuation) because
    the parser often attaches such an apposition as an object or adverbial.
    """
    doc = sent.doc
    for name in ents_in(sent):
        if name.label_ not in NAME_LABELS or name.start < sent.start or name.end >= sent.end:
            continue
        if not any(t.pos_ == "PROPN" for t in name):
            continue
        # name first: "X, the N of …,"
        if doc[name.end].text == ",":
            description = _description_at(doc, name.end + 1, sent.end)
            if description is not None and _describes_well(doc, name, description, sent.end):
                fact = definition_fact(sent, _name_bounds(name), description, "appositive")
                if fact is not None:
                    yield fact
        # description first: "the N of …, (then) X,"
        before = name.start - 1
        if before > sent.start and doc[before].lower_ in APPOSITION_ADVERBS:
            before -= 1
        if before > sent.start and doc[before].text == "," and _closes(doc, name.end, sent.end):
            description = _description_before(doc, before - 1, sent)
            if description is not None and _describes_well(doc, name, description, sent.end):
                fact = definition_fact(sent, _name_bounds(name), description, "appositive")
                if fact is not None:
                    yield fact


def common_appositive_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "eutrophication , a process whereby nutrient runoff causes …", "a patrician class , a
    ruling group composed of …": a common noun glossed by an indefinite description that a
    clause or phrase restricts (a bare "his wife , a teacher" says too little)."""
    doc = sent.doc
    for mark in tokens_with(sent, "text", APPOSITION_MARKS):
        if mark.text not in APPOSITION_MARKS or mark.i - 1 <= sent.start:
            continue
        end_of_term = mark.i - 1
        start = mark.i + 1
        # a closing quote on either side of the comma: "“ massive retaliation , ” a plan"
        if doc[end_of_term].is_quote:
            end_of_term -= 1
        if start < sent.end and doc[start].is_quote:
            start += 1
        # "a financial intermediary — that is , an institution that …"
        if [t.lower_ for t in doc[start : start + 3]] == ["that", "is", ","]:
            start += 3
        if start + 1 >= sent.end or doc[start].lower_ not in {"a", "an"}:
            continue
        term = term_before(sent, end_of_term)
        if term is None or doc[term[1]].dep_ == "conj" or _in_list(doc, term[0], sent.start):
            continue
        head = doc[start].head
        if head.i <= start or not _is_description_head(head) or head.tag_ != "NN":
            continue
        if not any(c.dep_ in RESTRICTING_DEPS and c.i > head.i for c in head.children):
            continue
        if head.dep_ in {"nsubj", "nsubjpass"} or _is_list_head(head):
            continue  # "the rat hit the lever , a pellet of food came out"
        if head.lemma_.lower() in SUMMATIVE_NOUNS or _heads_absolute_clause(head):
            continue
        if any(t.lemma_ == head.lemma_ for t in doc[sent.start : term[0]] if t.pos_ == "NOUN"):
            continue  # "an order among possibilities, an order that …" restates "an order"
        if _opens_sentence(doc[term[1]], mark.i):
            continue  # "For instance , an author who …"
        last = min(head.right_edge.i, sent.end - 1)
        fact = definition_fact(sent, term, (start, last), "appositive", is_person=False)
        if fact is not None:
            yield fact


def _is_list_head(head: Token) -> bool:
    """ "an auditorium …, and an education centre": the first item of a list, not a gloss."""
    return any(c.dep_ == "conj" for c in head.children) and any(
        c.text == "," and c.i > head.i for c in head.children
    )


def _opens_sentence(term_head: Token, mark: int) -> bool:
    """The term sits in a phrase that depends on what follows the mark ("In humans , …")."""
    governor = term_head.head
    if governor.pos_ == "ADP":
        governor = governor.head
    return governor.i > mark


def _in_list(doc: Doc, first: int, limit: int) -> bool:
    """The phrase at `first` follows ", " or "and" in a list: "apples , pears , a fruit …"."""
    before = first - 1
    while before >= limit and doc[before].dep_ in {"det", "amod", "compound"}:
        before -= 1
    return before >= limit and (doc[before].text == "," or doc[before].dep_ == "cc")


def _describes_well(doc: Doc, name: SpacySpan, description: tuple[int, int], sent_end: int) -> bool:
    """Whether "Name, description" makes a card a teacher would keep: not an item of a list
    ("St Peter's, an infant school, a village shop"), not a rank or a moment ("the skinniest
    man alive", "the current owner"), not a bare job noun of a person ("Sally S, a
    businesswoman") that says nothing about who the person is."""
    first, last = description
    after = max(last, name.end - 1) + 1
    if (
        after + 1 < sent_end
        and doc[after].text == ","
        and doc[after + 1].lower_ in {"a", "an", "the", "and", "or"}
    ):
        return False
    if first - 1 > 0 and doc[first - 1].text == "," and doc[first - 2].lower_ in {"and", "or"}:
        return False
    if is_superlative_term(doc, first, last) or any(
        t.lower_ in INSTANCE_MODIFIERS | {"current", "present", "new", "latest"}
        or t.ent_type_ == "ORDINAL"
        for t in doc[first : last + 1]
    ):
        return False
    if (
        name.start < first
        and name.root.head.pos_ == "ADP"
        and _opens_sentence(name.root, first - 1)
    ):
        return False  # "…, in the United States, the survey acre": the name is an adverbial
    head = max(
        (t for t in doc[first : last + 1] if t.head.i < first or t.head.i > last or t.head == t),
        key=lambda t: t.i,
        default=doc[last],
    )
    bare = all(c.dep_ in {"det", "amod"} and not c.ent_type_ for c in head.children)
    return not (name.label_ == "PERSON" and doc[first].lower_ in {"a", "an"} and bare)


def _name_bounds(name: SpacySpan) -> tuple[int, int]:
    return name.start, name.end - 1


def _closes(doc: Doc, i: int, sent_end: int) -> bool:
    """An apposition ends at a comma, a dash, a bracket or the end of the sentence."""
    return i >= sent_end or doc[i].text in {",", ";", ".", ")", "—", "–", ":"} or doc[i].is_space


def _is_description_head(head: Token) -> bool:
    return (
        head.pos_ == "NOUN"
        and head.is_lower
        and head.lemma_.lower() not in EVALUATIVE_NOUNS | RELATIONAL_NOUNS | GENERIC_SUBJECTS
        and head.ent_type_ not in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
        and not _sums_up_a_statement(head)
    )


def _sums_up_a_statement(head: Token) -> bool:
    """ "…, a perspective that even Greenspan shared": a noun for a view with nothing of its own
    ("a view of history" names a class) sums up the clause before it, not the noun next to it."""
    return head.lemma_.lower() in PROPOSITION_NOUNS and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in head.children
    )


def _heads_absolute_clause(head: Token) -> bool:
    """ "…, the temple having a massive temenos": a noun with its own participle is a clause."""
    return any(
        c.dep_ in {"acl", "amod"}
        and c.tag_ == "VBG"
        and c.lemma_.lower() in ABSOLUTE_PARTICIPLES
        and c.i == head.i + 1
        for c in head.children
    )


def _description_at(doc: Doc, first: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase "a/the … N (of …)" starting at token `first`, if an apposition ends it."""
    if first >= limit or doc[first].lower_ not in {"a", "an", "the"}:
        return None
    head = doc[first].head
    if head.i <= first or not _is_description_head(head) or _heads_absolute_clause(head):
        return None
    last = head.right_edge.i
    # stop before a comma that ends the apposition inside a longer subtree
    for i in range(head.i + 1, last + 1):
        if doc[i].text in {",", ";", "—", "–", "("}:
            last = i - 1
            break
    if last >= limit or not _closes(doc, last + 1, limit):
        return None
    if any(
        t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "acl"} for t in doc[first : last + 1]
    ):
        return None
    return first, last


def _description_before(doc: Doc, last: int, sent: SpacySpan) -> tuple[int, int] | None:
    """ "the British section" ending at token `last`, before ", (then) Name"."""
    if last <= sent.start or not _is_description_head(doc[last]):
        return None
    head = doc[last]
    # "the highest point in the state, Granite Peak": the name renames the whole phrase, not
    # the object of its last preposition
    while (
        head.dep_ == "pobj"
        and head.head.dep_ == "prep"
        and head.head.head.pos_ == "NOUN"
        and head.head.head.i < head.i
    ):
        head = head.head.head
    first = head.left_edge.i
    if doc[first].lower_ not in {"the", "a", "an"}:
        # the article may hang off an "of" phrase: "the leadership of the British section"
        first = min((c.i for c in head.children if c.dep_ == "det"), default=first)
        if doc[first].lower_ not in {"the", "a", "an"}:
            return None
    # a sentence-opening adverbial ("In the election, the Labour Party won") is no apposition
    opener = doc[sent.start]
    if opener.pos_ in {"ADP", "SCONJ"} and opener.right_edge.i == last:
        return None
    return first, last


def _cut_at_an_apostrophe(name: SpacySpan) -> bool:
    """Whether the name runs on past its end: an apostrophe glued to it, then more words."""
    doc = name.doc
    end = name.end
    return (
        end + 1 < len(doc)
        and doc[end].text in {"'", "’"}
        and not doc[end - 1].whitespace_
        and doc[end + 1].is_alpha
    )


def title_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "SWP leader Jack Barnes", "the French newspaper Le Temps": a role noun before a name."""
    doc = sent.doc
    names = [ent for ent in ents_in(sent) if ent.label_ in TITLED_LABELS]
    names += [work for work in doc.spans.get("works", []) if sent.start < work.start < sent.end]
    for name in names:
        if name.start <= sent.start or name.end > sent.end:
            continue
        if _cut_at_an_apostrophe(name):
            continue  # "Chewin" of "Chewin' the Fat": the tagger cut the title at its apostrophe
        first = name.start
        # the role words: a run of noun-phrase modifiers right before the name
        i = name.start - 1
        while i >= sent.start:
            token = doc[i]
            hyphen = token.text == "-" and not doc[i - 1].whitespace_ if i > 0 else False
            if not hyphen and (
                token.is_punct or token.pos_ not in {"NOUN", "PROPN", "ADJ", "ADV", "NUM"}
            ):
                break
            if token.ent_type_ == "PERSON":
                break
            i -= 1
        run_first = i + 1
        if run_first >= first:
            continue
        role = doc[first - 1]
        # the word right before the name must be a role noun, not an honorific or a name part
        if role.lower_ in HONORIFICS or role.ent_type_ in {"DATE", "CARDINAL", "ORDINAL"}:
            continue
        if not ((role.pos_ in NOUN_POS and role.is_lower) or role.lower_ in ROLE_TITLES):
            continue
        if role.pos_ not in NOUN_POS:
            continue  # "the general Ledger", "north eastern Arabah": an adjective, no role
        # a person's title before anything but a person is an adjective or part of a name
        # ("the general ledger", "the editor Publishing House"); a name cut before its
        # preposition ("Ledger of") is a misread name
        if (role.lower_ in ROLE_TITLES and name.label_ != "PERSON") or name[-1].pos_ == "ADP":
            continue
        # "the old name Matrass", "the new genus Takakia" introduce a name, not a role; a
        # plural role ("German photographers Bernd and Hilla Becher") heads a list of names
        if role.lemma_.lower() in NAME_INTRODUCING_NOUNS or role.tag_ == "NNS":
            continue
        # the name ends the noun phrase: "Bavarian" in "Bavarian social democrat" does not
        if name.root.head.i > name.root.i and name.root.head.pos_ in NOUN_POS:
            continue
        # the name must belong to the role's phrase: one of them heads the other
        name_heads = {t.head.i for t in name} | {t.i for t in name}
        if role.head.i not in name_heads and not any(t.head.i == role.i for t in name):
            continue
        # one bare class noun ("the city Rome", "the lake X") says too little
        content = [t for t in doc[run_first:first] if t.is_alpha and t.dep_ not in {"det", "poss"}]
        if len(content) < 2 and role.lower_ not in ROLE_TITLES:
            continue
        # a lone capitalised title ("President Barack Obama") is part of the name's style
        if len(content) == 1 and not role.is_lower:
            continue
        # a kin or tie to someone a pronoun stands for ("his young son Karma Tenkyong"): whose
        # son the card cannot say
        if role.lemma_.lower() in KIN_NOUNS and any(
            doc[j].dep_ == "poss" and doc[j].pos_ == "PRON" for j in range(run_first - 1, first)
        ):
            continue
        # a possessive before the run ("its ineffable Moscow correspondent") stays out
        run_first = strip_determiner(doc, run_first, first - 1)
        adverbs = [t.i for t in doc[run_first : first - 1] if t.pos_ == "ADV"]
        if adverbs:
            run_first = adverbs[-1] + 1  # "(a view) even former Fed Chair Alan Greenspan"
        label = name.label_ if name.label_ else "WORK_OF_ART"
        fact = definition_fact(
            sent,
            (name.start, name.end - 1),
            (run_first, first - 1),
            "title",
            # "talk show Patrick Kielty Almost Live": the role noun says, whatever the tagger
            is_person=is_person_noun(role.lemma_) if role.pos_ == "NOUN" else label == "PERSON",
        )
        if fact is not None:
            yield fact
