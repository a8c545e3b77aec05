"""Naming definitions: definitor verbs ("X means …", "X refers to …", "X consists of …",
"X is considered a …"), "N called/known as X" and "N (called X)".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import DefinitionFact
from .definiens import (
    ANAPHORIC_DETERMINERS,
    BRACKET_NAMING_WORDS,
    CLASS_NOUNS,
    COUNTING_WORDS,
    EVALUATIVE_NOUNS,
    GENERIC_SUBJECTS,
    INSTANCE_MODIFIERS,
    METALINGUISTIC_NOUNS,
    NOUN_POS,
    PHRASE_END_DEPS,
    QUANTIFIER_ATTRIBUTES,
    QUANTITY_LABELS,
    RESTRICTING_DEPS,
    TRIM_CHARS,
    definition_fact,
    doc_first_is_det,
    gives_itself_away,
    has_article,
    is_anaphoric_subject,
    is_bare_name,
    is_nominal,
    is_superlative_term,
    phrase_bounds,
    strip_determiner,
    subtree_bounds,
)
from .text import tokens_with

# a described thing needs this many content words: "the region known as Condroz" says nothing
MIN_NAMED_WORDS = 2
# the parts of speech that say what a described thing is
DESCRIBING_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})
# named things: a description they are "known as" is a reputation, not a name
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
# verbs that introduce a name for a described thing: "X, known as Y", "X is called Y"
NAMING_VERBS = frozenset({"call", "know", "term", "name", "label", "dub", "refer"})
# verbs whose subject is the term and whose object is its meaning: "X means Y"
MEANING_VERBS = frozenset({"mean", "denote", "signify", "refer"})
# "X is used to describe/mean Y"
USE_FOR_VERBS = frozenset({"describe", "mean", "denote", "refer", "designate", "indicate"})
# modals that give a sense of a word: "Furry may refer to …", "the term can be used to mean …"
SENSE_MODALS = frozenset({"may", "can", "might", "could"})
# verbs that classify their passive subject like a copula: "X is considered a Y", "is seen as"
CONSIDER_VERBS = frozenset({"consider", "regard", "see", "view", "describe", "classify"})
# verbs whose subject is the term and whose "of" object lists its parts: "X consists of Y"
COMPOSITION_VERBS = frozenset({"consist", "compose", "comprise"})
# subjects of "include" that announce examples rather than a class: "Examples include …"
# possessives that speak of everyone: "our ability to …", "one's ancestry"
GENERIC_POSSESSIVES = frozenset({"our", "your", "one", "one's", "one ’s"})
# subject pronouns that can take up a "when" clause: "When …, it is called Y"
CLAUSE_PRONOUNS = frozenset({"it", "this", "they", "that"})
LIST_SUBJECTS = frozenset({"example", "instance", "case", "thing", "item", "factor", "tactic"})
MIN_MEMBERS = 3
VERB_POS = frozenset({"VERB", "AUX"})


def definitor_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "X is called Y", "X, known as Y", "X refers to Y", "X means Y", "defined X as Y"."""
    for verb in tokens_with(sent, "pos", VERB_POS):
        if verb.pos_ not in VERB_POS:
            continue
        lemma = verb.lemma_.lower()
        children = list(verb.children)
        if any(c.dep_ == "neg" for c in children):
            continue
        # "X may refer to Y" names a sense; other verbs under a modal only speculate
        # "we will define X as Y" stipulates a sense too
        if (
            any(c.tag_ == "MD" for c in children)
            and not (
                lemma in MEANING_VERBS | USE_FOR_VERBS | {"use"}
                and all(c.lower_ in SENSE_MODALS for c in children if c.tag_ == "MD")
            )
            and lemma != "define"
        ):
            continue
        subjects = [c for c in children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects and verb.dep_ == "conj":
            # "X contains … and is known as Y": the subject is shared with the first verb
            subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) or (
            verb.dep_ == "acl" and verb.tag_ == "VBN"
        )
        as_objects = [
            grand
            for c in children
            if c.dep_ == "prep" and c.lower_ == "as"
            for grand in c.children
            if grand.dep_ == "pobj"
        ]
        to_objects = [
            grand
            for c in children
            if c.dep_ in {"prep", "dative"} and c.lower_ == "to"
            for grand in c.children
            if grand.dep_ in {"pobj", "pcomp"}
        ]
        # a participle after its noun may be tagged VBD: "a complex called a photosystem"
        participle = verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBD"}
        if lemma in NAMING_VERBS and (passive or participle or _is_naming_participle(verb)):
            # "X is called Y" / "X, known as Y" / "X is referred to as Y": Y is the name
            names = [c for c in children if c.dep_ in {"oprd", "attr", "dobj"}] + as_objects
            fact = _clausal_naming_fact(sent, verb, subjects, names) if names else None
            fact = fact or (_naming_fact(sent, verb, subjects, names) if names else None)
            if fact is not None:
                yield fact
        elif lemma == "say" and passive and subjects:
            # "When someone has two copies of the same allele , they are said to be homozygous"
            names = [
                g
                for c in children
                if c.dep_ == "xcomp" and c.lemma_ == "be"
                for g in c.children
                if g.dep_ in {"acomp", "attr"}
            ]
            fact = _clausal_naming_fact(sent, verb, subjects, names) if names else None
            if fact is not None:
                yield fact
        elif lemma in COMPOSITION_VERBS | {"make"} and subjects and _is_generic_present(verb):
            # "An ecosystem consists of …", "X is composed of …", "X is made up of …"
            if lemma == "make" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in children):
                continue
            if lemma != "consist" and lemma != "comprise" and not passive:
                continue
            parts = _prep_objects(verb, "of") or (
                [c for c in children if c.dep_ == "dobj"] if lemma == "comprise" else []
            )
            subject = subjects[0]
            if not parts or subject.pos_ != "NOUN" or is_anaphoric_subject(subject):
                continue
            first, last = phrase_bounds(subject)
            if doc_first_is_det(sent.doc, first) and last > first:
                first += 1
            fact = definition_fact(sent, (first, last), subtree_bounds(parts[0]), "definitor")
            if fact is not None:
                yield fact
        elif lemma == "include" and not passive and subjects and _is_generic_present(verb):
            # "The lepidosaurs include modern lizards , snakes , and tuataras": a class
            # given by its members (three or more, so that the list is the whole answer)
            fact = _members_fact(sent, verb, subjects[0])
            if fact is not None:
                yield fact
        elif lemma == "use" and not passive and _used_term(verb) is not None:
            # "Economists use the term demand to refer to the amount …"
            fact = _used_term(verb)
            if fact is not None:
                yield fact
        elif lemma in {"use", "coin"} and passive and subjects:
            # "the term Epoch is used to describe a complete pass …", "the term X was coined
            # to describe …"
            purposes = [
                c for c in children if c.dep_ in {"xcomp", "advcl"} and c.lemma_ in USE_FOR_VERBS
            ]
            term = _metalinguistic_term(subjects[0]) or _marked_term(subjects[0])
            named_by = subjects[0].left_edge.i - 1
            if (
                term is None
                and named_by >= sent.start
                and (sent.doc[named_by].lemma_.lower() in METALINGUISTIC_NOUNS)
            ):
                term = phrase_bounds(subjects[0])  # "the term" parsed apart from its name
            # "Predestination may be used to refer to …": a word used for a sense
            used_for_sense = any(
                p.lemma_ in {"refer", "mean", "denote", "designate"} for p in purposes
            )
            subject = subjects[0]
            if (
                term is None
                and used_for_sense
                and is_nominal(subject)
                and not is_anaphoric_subject(subject)
            ):
                term = phrase_bounds(subject)
            if not purposes or term is None:
                continue
            purpose = purposes[0]
            meanings = [c for c in purpose.children if c.dep_ in {"dobj", "ccomp"}]
            meanings += _prep_objects(purpose, "to")
            if not meanings:
                continue
            fact = definition_fact(sent, term, subtree_bounds(meanings[0]), "definitor")
            if fact is not None:
                yield fact
        elif lemma in CONSIDER_VERBS and passive and subjects:
            # "Air is often seen as a universal power", "the Carinatae are considered the …"
            fact = _considered_fact(sent, verb, subjects[0], as_objects)
            if fact is not None:
                yield fact
        elif lemma == "define" and passive and subjects and not as_objects:
            # "the direction of the field is defined to be the direction in which …"
            fact = _considered_fact(sent, verb, subjects[0], as_objects)
            if fact is not None:
                yield fact
        elif lemma == "define" and as_objects:
            if passive and subjects:
                term_head = subjects[0]
            else:
                objects = [c for c in children if c.dep_ == "dobj"]
                if not objects:
                    continue
                term_head = objects[0]
            if term_head.pos_ not in NOUN_POS or is_anaphoric_subject(term_head):
                continue
            fact = definition_fact(
                sent,
                phrase_bounds(term_head),
                subtree_bounds(as_objects[0]),
                "definitor",
                copula="was" if _is_past(verb) else "is",
            )
            if fact is not None:
                yield fact
        elif lemma == "describe" and not passive and subjects and _is_generic_present(verb):
            # "The term Camel describes any of …", "Polymorphism describes multiple states …":
            # a word or a field described in the present tense, not "the book describes …"
            fact = _describing_fact(sent, verb, subjects[0])
            if fact is not None:
                yield fact
        elif (lemma in MEANING_VERBS or lemma == "stand") and not passive and subjects:
            for_objects = _prep_objects(verb, "for")
            meanings = [c for c in children if c.dep_ in {"dobj", "ccomp"}] + to_objects
            # "the closure means that fewer stories can be told" infers; it does not define
            meanings = [
                m
                for m in meanings
                if not (m.dep_ == "ccomp" and any(c.dep_ == "mark" for c in m.children))
                or subjects[0].lemma_.lower() in METALINGUISTIC_NOUNS
            ]
            if lemma == "stand":
                # "UN stands for United Nations"; not "they stood silent for three minutes"
                standing = any(c.dep_ in {"acomp", "attr", "oprd", "advcl"} for c in children)
                meanings = (
                    [] if standing else [o for o in for_objects if o.ent_type_ not in AMOUNTS]
                )
            if not meanings:
                continue
            if lemma == "refer" and (
                not to_objects or any(o.i > to_objects[0].i for o in _prep_objects(verb, "as"))
            ):
                continue  # "papers referred to Calreticulin as …" names; the subject is no term
            # "the term Apocrypha refers to": the parser may make both nouns subjects
            subject = next(
                (s for s in subjects if s.lemma_.lower() in METALINGUISTIC_NOUNS), subjects[0]
            )
            term = _metalinguistic_term(subject)
            named = [s for s in subjects if s.i == subject.i + 1 and s.pos_ in NOUN_POS]
            if term is None and subject.lemma_.lower() in METALINGUISTIC_NOUNS and named:
                term = phrase_bounds(named[0])
            if term is None:
                if subject.pos_ not in NOUN_POS or is_anaphoric_subject(subject):
                    continue
                term = phrase_bounds(subject)
            fact = definition_fact(
                sent,
                term,
                subtree_bounds(meanings[0]),
                "definitor",
                copula="was" if _is_past(verb) else "is",
            )
            if fact is not None:
                yield fact


def _used_term(verb: Token) -> DefinitionFact | None:
    """ "use the term X to refer to / to mean / to describe Y" in the active voice."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return None
    term = _metalinguistic_term(objects[0]) or _marked_term(objects[0])
    purposes = [
        c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and c.lemma_ in USE_FOR_VERBS
    ]
    if term is None or not purposes:
        return None
    purpose = purposes[0]
    meanings = [c for c in purpose.children if c.dep_ in {"dobj", "ccomp"}]
    meanings += _prep_objects(purpose, "to")
    if not meanings:
        return None
    return definition_fact(verb.sent, term, subtree_bounds(meanings[0]), "definitor")


def _describing_fact(sent: SpacySpan, verb: Token, subject: Token) -> DefinitionFact | None:
    """ "X describes Y" where X is a term ("the term X") or a bare abstract noun (no article,
    no name of a person, work or organisation that could be describing something)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or objects[0].pos_ not in NOUN_POS | {"PRON"} or verb.dep_ != "ROOT":
        return None
    if _prep_objects(verb, "as"):
        return None  # "X describes Sirmio as a jewel": X is the one describing
    term = _metalinguistic_term(subject) or _marked_term(subject)
    if term is None:
        common = subject.pos_ == "NOUN" or (subject.pos_ == "PROPN" and not subject.ent_type_)
        if not common or subject.tag_ not in {"NN", "NNP"} or is_anaphoric_subject(subject):
            return None
        if any(c.dep_ in {"det", "poss", "compound", "amod"} for c in subject.children):
            return None  # "the book", "his report", "the annual report" describe things
        term = phrase_bounds(subject)
    return definition_fact(sent, term, subtree_bounds(objects[0]), "definitor")


def _marked_term(head: Token) -> tuple[int, int] | None:
    """ "the term demand" parsed with "term" as a compound of "demand": the words after it."""
    markers = [
        c.i
        for c in head.children
        if c.dep_ == "compound" and c.lemma_.lower() in METALINGUISTIC_NOUNS and c.i < head.i
    ]
    return (max(markers) + 1, phrase_bounds(head)[1]) if markers else None


def _members_fact(sent: SpacySpan, verb: Token, subject: Token) -> DefinitionFact | None:
    """ "X include A , B and C" with X a common noun in the main clause, A, B, C nouns."""
    if verb.dep_ != "ROOT" or subject.pos_ != "NOUN" or is_anaphoric_subject(subject):
        return None
    if subject.lemma_.lower() in LIST_SUBJECTS or any(
        c.lower_ in COUNTING_WORDS | INSTANCE_MODIFIERS | {"other"} for c in subject.children
    ):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or objects[0].pos_ != "NOUN":
        return None
    members = [objects[0]]
    while True:
        nxt = [c for c in members[-1].children if c.dep_ == "conj" and c.pos_ in NOUN_POS]
        if not nxt:
            break
        members.append(nxt[0])
    if len(members) < MIN_MEMBERS:
        return None
    first, last = phrase_bounds(subject)
    if doc_first_is_det(sent.doc, first) and last > first:
        first += 1
    return definition_fact(sent, (first, last), subtree_bounds(objects[0]), "definitor")


def _is_naming_participle(verb: Token) -> bool:
    """ "regular payments, called premiums": a participle after a noun and a comma that the
    parser attached to the main verb."""
    doc = verb.doc
    before = verb.i - 1
    while before >= 0 and (
        doc[before].is_space or (doc[before].pos_ == "ADV" and doc[before].head.i == verb.i)
    ):
        before -= 1
    return (
        verb.tag_ in {"VBN", "VBD"}
        and verb.dep_ in {"conj", "advcl", "acl", "ccomp", "xcomp"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in verb.children)
        and before >= 1
        and doc[before].text == ","
        and doc[before - 1].pos_ in NOUN_POS
    )


def _naming_fact(
    sent: SpacySpan, verb: Token, subjects: list[Token], names: list[Token]
) -> DefinitionFact | None:
    """The fact of "X is called Y", "X, known as Y", "a process called Y", "these soils are
    called loams" (demonstrative dropped when the rest still describes), "payments, called Y"."""
    doc = sent.doc
    participle = verb.dep_ == "acl" or _is_naming_participle(verb)
    if verb.dep_ == "acl":
        described = verb.head
    elif participle:
        before = verb.i - 1
        while before > sent.start and doc[before].pos_ == "ADV":
            before -= 1  # "…, sometimes referred to as …"
        described = doc[before - 1] if doc[before].text == "," else doc[before]
        while described.dep_ in {"compound", "amod"} and described.head.i > described.i:
            described = described.head
        # "a state of readiness, called …": the participle names the whole "N of N"
        if described.dep_ == "pobj" and described.head.lower_ == "of":
            owner = described.head.head
            if owner.pos_ == "NOUN" and owner.i < described.i:
                described = owner
    elif verb.dep_ == "relcl" and subjects and subjects[0].tag_ in {"WDT", "WP"}:
        described = verb.head  # "a state of readiness, which is called …"
    elif subjects:
        described = subjects[0]
    else:
        return None
    name = names[0]
    unknown_word = name.pos_ == "ADV" and name.dep_ == "oprd" and name.is_alpha
    if (name.pos_ not in NOUN_POS | {"ADJ", "X"} and not (unknown_word and not name.is_stop)) or (
        not is_nominal(described)
    ):
        return None
    if name.i < verb.i or any(c.dep_ == "poss" for c in name.children):
        return None  # "called Ashi's brother" describes; it does not name
    # "X, known as Y": X without the participle clause; "X is called Y": all of X
    first, last = phrase_bounds(described) if participle else subtree_bounds(described)
    last = min(last, verb.i - 1)
    if verb.dep_ == "relcl":
        last = min(last, verb.left_edge.i - 1)  # "a state of readiness , which is called …"
    first = _described_start(doc, described, first, last)
    if first is None:
        return None
    if _names_an_individual(doc, described, name, verb):
        return None
    term = phrase_bounds(name)
    # "African Dutch" for "Afrikaans" is another name, and "the region" for "Condroz" says
    # nothing: neither is a definition
    if is_bare_name(doc, first, last) or _says_too_little(doc, described, first, last):
        return None
    if gives_itself_away(doc, term, (first, last)):
        return None
    if _known_by_a_description(described, name):
        return None
    return definition_fact(
        sent,
        term,
        (first, last),
        "definitor",
        copula="was" if _is_past(verb) else "is",
    )


# what "stand for" does not mean: "stood silent for three minutes", "stands for a year"
AMOUNTS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY"})
# nouns that classify nothing: "a single construct called X" says only that X is something
VAGUE_NOUNS = frozenset({"construct", "entity", "thing", "object", "item", "element", "whole"})
MAX_VAGUE_WORDS = 2


def _says_too_little(doc: Doc, described: Token, first: int, last: int) -> bool:
    """ "the region known as Condroz", "land": one word, with no article or "the", points at
    something without saying what it is ("a process called schizocoely" still classifies)."""
    words = [t for t in doc[first : last + 1] if t.is_alpha and t.pos_ in DESCRIBING_POS]
    if described.lemma_.lower() in VAGUE_NOUNS and len(words) <= MAX_VAGUE_WORDS:
        return True  # "a single construct called the spacetime continuum": of what?
    if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in described.children):
        return False
    return len(words) < MIN_NAMED_WORDS


def _known_by_a_description(described: Token, name: Token) -> bool:
    """ "Kozkowola is known as the place of death of …": a named place, person or body known
    for something; the description is no name of it."""
    return (
        described.ent_type_ in NAMED_LABELS
        and name.pos_ == "NOUN"
        and name.is_lower
        and any(c.dep_ == "det" and c.lower_ == "the" for c in name.children)
        and any(c.dep_ == "prep" for c in name.children)
    )


def _clausal_naming_fact(
    sent: SpacySpan, verb: Token, subjects: list[Token], names: list[Token]
) -> DefinitionFact | None:
    """A name given to what a clause describes: "Some people are born deaf , which is known as
    congenital deafness", "When torpor occurs in summer , it is called estivation", "The
    reverse , when a woman is married to two men , is called polyandry". The clause (without
    its "when") is the definiens."""
    doc = sent.doc
    if not subjects:
        return None
    subject = subjects[0]
    name = names[0]
    if name.i < verb.i or name.pos_ not in NOUN_POS | {"ADJ"} or name.is_stop:
        return None
    clause: tuple[int, int] | None = None
    antecedent = verb.head
    if antecedent.dep_ == "npadvmod" or antecedent.ent_type_ in {"DATE", "TIME"}:
        antecedent = antecedent.head  # "… fly south every winter , which is known as …"
    if (
        verb.dep_ in {"relcl", "advcl"}
        and subject.lower_ == "which"
        and antecedent.pos_ in {"VERB", "AUX"}
        and subject.i - 1 > sent.start
        and doc[subject.i - 1].text == ","
    ):
        # "which" takes up the whole clause before the comma
        first = antecedent.left_edge.i
        while first < subject.i and (doc[first].like_num or doc[first].is_punct):
            first += 1  # a list number before the sentence
        clause = (first, subject.i - 2)
    elif subject.lower_ in CLAUSE_PRONOUNS or (
        subject.lemma_.lower() in GENERIC_SUBJECTS | {"reverse", "opposite"}
        and subject.pos_ == "NOUN"
    ):
        # "When …, it is called Y" / "The reverse , when …, is called Y"
        whens = [
            c
            for head in (verb, subject)
            for c in head.children
            if c.dep_ in {"advcl", "relcl"}
            and c.i < verb.i
            and any(m.dep_ in {"mark", "advmod"} and m.lower_ in {"when", "if"} for m in c.children)
        ]
        if whens:
            when = whens[0]
            mark = min(m.i for m in when.children if m.lower_ in {"when", "if"})
            clause = (mark + 1, when.right_edge.i)
        else:
            clause = _opening_condition(sent, subject)
    if clause is None or clause[1] - clause[0] < 2:
        return None
    term = phrase_bounds(name, PHRASE_END_DEPS | {"prep"})
    return definition_fact(sent, term, clause, "definitor", is_person=False)


def _opening_condition(sent: SpacySpan, subject: Token) -> tuple[int, int] | None:
    """ "When …, it is called Y" read from the surface (the parser often hangs the "when"
    clause elsewhere): the words between the opening "When"/"If" and the comma before "it"."""
    doc = sent.doc
    first = sent.start
    while first < subject.i and (doc[first].like_num or doc[first].is_punct):
        first += 1
    if doc[first].lower_ not in {"when", "if"} or subject.i - 1 <= first:
        return None
    if doc[subject.i - 1].text != ",":
        return None
    return first + 1, subject.i - 2


def _described_start(doc: Doc, described: Token, first: int, last: int) -> int | None:
    """Where the described phrase starts, or None when it is only a pronoun or an anaphor.

    "This movement of electrons from one element to another" keeps its content without the
    demonstrative; "this", "it", "these soils" and a bare "the result" say nothing alone."""
    if described.pos_ == "PRON" or described.tag_ in {"PRP", "WP", "WDT", "EX"}:
        return None
    demonstrative = doc[first].lower_ in {"this", "these", "that", "those", "such"}
    if demonstrative:
        first += 1
    content = [t for t in doc[first : last + 1] if t.is_alpha and t.pos_ not in {"DET", "ADP"}]
    if demonstrative or described.lemma_.lower() in GENERIC_SUBJECTS:
        return first if len(content) >= 3 else None
    possessives = [c for c in described.children if c.dep_ == "poss"]
    if any(c.lower_ in GENERIC_POSSESSIVES for c in possessives):
        # "our ability to perceive …": the generic "our" of a textbook, when the rest describes
        generic = len(content) >= 2 and doc[first].lower_ in GENERIC_POSSESSIVES
        return first + 1 if generic else None
    if any(c.lower_ in ANAPHORIC_DETERMINERS for c in possessives):
        return None
    return first


def _names_an_individual(doc: Doc, described: Token, name: Token, verb: Token) -> bool:
    """ "a pig named Pigasus", "a Russian director named Theodore Komisarjevsky", "the merged
    company was known as LogicaCMG": a proper name given to one individual thing introduces
    it; "a process called schizocoely" names a kind."""
    proper = name.text[:1].isupper() and name.i > verb.i
    # "a medieval Church called St Peter's": a capitalised common noun is still the class
    if not proper or described.pos_ not in NOUN_POS or described.tag_ not in {"NN", "NNP"}:
        return False
    if described.pos_ == "PROPN" and not has_article(described, {"a", "an"}):
        return False
    if described.lemma_.lower() in CLASS_NOUNS | METALINGUISTIC_NOUNS:
        return False
    if name.pos_ != "PROPN" and not name.ent_type_:
        return False
    owner = described.head if described.dep_ == "pobj" and described.head.lower_ == "of" else None
    singled_out = (
        has_article(described, {"a", "an", "the"})
        or any(c.lower_ == "one" for c in described.children)
        # "an ancient city of Buddhist culture named 'Bharhut'"
        or (owner is not None and has_article(owner.head, {"a", "an"}))
    )
    if verb.lemma_.lower() == "know":
        # "the region now known as Condroz"; not "the struggle between them for … became
        # known as the Cold War", whose description says what the name stands for
        bare = not any(c.dep_ in RESTRICTING_DEPS for c in described.children)
        return singled_out and has_article(described, {"the"}) and bare
    return singled_out


def _considered_fact(
    sent: SpacySpan, verb: Token, subject: Token, as_objects: list[Token]
) -> DefinitionFact | None:
    """ "X is considered (to be) a Y", "X is seen as a Y", "X is defined to be Y"."""
    doc = sent.doc
    attributes = [c for c in verb.children if c.dep_ in {"oprd", "attr"} and c.i > verb.i]
    for clause in verb.children:
        # "is considered to be a Y": the attribute of the infinitive
        if clause.dep_ == "xcomp" and clause.lemma_ == "be":
            attributes += [c for c in clause.children if c.dep_ in {"attr", "acomp"}]
    attributes += as_objects
    if not attributes or not is_nominal(subject) or is_anaphoric_subject(subject):
        return None
    attribute = attributes[0]
    if attribute.pos_ not in NOUN_POS or attribute.lemma_.lower() in EVALUATIVE_NOUNS:
        return None
    if attribute.lemma_.lower() in QUANTIFIER_ATTRIBUTES or attribute.ent_type_ in QUANTITY_LABELS:
        return None
    if attribute.pos_ == "PROPN" and not has_article(attribute, {"a", "an", "the"}):
        return None  # "is seen as Napoleon": a comparison, not a class
    first, last = phrase_bounds(subject)
    first = strip_determiner(doc, first, last)
    if is_superlative_term(doc, first, last):
        return None
    return definition_fact(
        sent,
        (first, last),
        subtree_bounds(attribute),
        "definitor",
        copula="was" if _is_past(verb) else "is",
    )


def _prep_objects(verb: Token, preposition: str) -> list[Token]:
    return [
        grand
        for c in verb.children
        if c.dep_ in {"prep", "dative"} and c.lower_ == preposition
        for grand in c.children
        if grand.dep_ in {"pobj", "pcomp"}
    ]


def _is_generic_present(verb: Token) -> bool:
    """Present tense: textbooks state what things are made of; stories say what they were."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return any(t.tag_ in {"VBZ", "VBP"} for t in [verb, *auxiliaries])


def _metalinguistic_term(subject: Token) -> tuple[int, int] | None:
    """ "The term X" -> X (the apposed or compound name after a word like "term")."""
    if subject.lemma_.lower() not in METALINGUISTIC_NOUNS:
        return None
    doc = subject.doc
    after = [t for t in subject.subtree if t.i > subject.i and not t.is_punct]
    if not after:
        return None
    named = [c for c in subject.children if c.dep_ in {"appos", "compound", "npadvmod", "nmod"}]
    if named and named[0].i > subject.i:
        return subtree_bounds(named[0])
    first = after[0].i
    last = first
    while last + 1 <= subject.right_edge.i and doc[last + 1].dep_ not in {"prep", "relcl"}:
        last += 1
    return first, last


def _is_past(verb: Token) -> bool:
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    tags = [a.tag_ for a in auxiliaries] or [verb.tag_]
    return "VBD" in tags


def bracket_naming_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "the program of internationalism (now labelled “permanent revolution”)" -> the name in
    the brackets is the term, the noun phrase before them its definiens."""
    doc = sent.doc
    for open_paren in tokens_with(sent, "text", ("(",)):
        if open_paren.text != "(" or open_paren.i <= sent.start:
            continue
        close = next((t.i for t in doc[open_paren.i : sent.end] if t.text == ")"), None)
        if close is None:
            continue
        inner = [t for t in doc[open_paren.i + 1 : close] if not t.is_space]
        while inner and inner[0].pos_ == "ADV":
            inner = inner[1:]
        if not inner or inner[0].lower_ not in BRACKET_NAMING_WORDS:
            continue
        name = inner[1:]
        while name and name[0].lower_ in {"as", "to"}:
            name = name[1:]
        name = [t for t in name if not (t.is_punct and t.text in TRIM_CHARS)] or []
        if not name or len(name) > 6 or not any(t.is_alpha for t in name):
            continue
        described = doc[open_paren.i - 1]
        if described.pos_ not in NOUN_POS:
            continue
        # "the program of internationalism": climb from the object to the noun it modifies
        while described.dep_ == "pobj" and described.head.head.pos_ in NOUN_POS:
            described = described.head.head
        first = described.left_edge.i
        if first < sent.start or is_anaphoric_subject(described):
            continue
        fact = definition_fact(
            sent,
            (name[0].i, name[-1].i),
            (first, open_paren.i - 1),
            "parenthetical",
            is_person=False,
        )
        if fact is not None:
            yield fact
