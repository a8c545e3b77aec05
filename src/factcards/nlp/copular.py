"""Copular definitions: "X is a N that …", "A N that … is called …" read off the parse, the
inverted "One kind of N is X", "X is used to …", and a surface reading of "X is a N" for
sentences the parser got wrong.

Copular sentences that judge rather than define ("this was a mistake") are dropped.
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
    EVALUATIVE_NOUNS,
    GENERIC_SUBJECTS,
    INSTANCE_MODIFIERS,
    MAX_TERM_TOKENS,
    METALINGUISTIC_NOUNS,
    NOUN_POS,
    PHRASE_END_DEPS,
    QUANTIFIER_ATTRIBUTES,
    QUANTITY_LABELS,
    RELATIONAL_NOUNS,
    definition_fact,
    doc_first_is_det,
    has_article,
    is_anaphoric_subject,
    is_inner_hyphen,
    is_instance,
    is_nominal,
    is_person_span,
    is_superlative_term,
    mistagged_name,
    phrase_bounds,
    stands_alone,
    strip_determiner,
    subtree_bounds,
)
from .text import tokens_with

PRESENT_COPULAS = frozenset({"is", "are", "'s"})
PAST_COPULAS = frozenset({"was", "were"})
# evaluative nouns that never classify, even "a N is a mistake …"
JUDGING_NOUNS = frozenset(
    {
        "mistake", "error", "pity", "shame", "disaster", "nonsense", "must", "lot", "time",
        "thing", "lie", "myth", "joke", "surprise", "tragedy", "matter", "fact", "home",
        "favourite", "favorite", "success", "failure", "victory", "defeat", "blow",
    }
)  # fmt: skip
# evaluative nouns that name a method when a gerund or an infinitive follows ("a way of …")
METHOD_NOUNS = frozenset({"way", "means"})
DISCOURSE_OPENERS = frozenset({"thus", "therefore", "hence", "so", "then", "however", "yet"})
# adjectives that place a thing in a series or a moment rather than in a class
RANKING_ADJECTIVES = frozenset({"initial", "current", "present", "latest"})
# degree adverbs that judge a quality: "an extremely demanding sport", "a truly great king"
# ("a very fast sailing ship", "a highly reactive gas" still classify)
DEGREE_ADVERBS = frozenset(
    {
        "extremely",
        "quite",
        "rather",
        "incredibly",
        "remarkably",
        "too",
        "so",
        "truly",
        "notoriously",
    }
)
# verbs that classify their subject like a copula: "it represented a specific form of Y"
CLASSIFYING_VERBS = frozenset({"represent", "constitute"})
# "The purpose of X is to …": the subject says what X is for
PURPOSE_NOUNS = frozenset(
    {"purpose", "aim", "goal", "function", "task", "role", "job", "mission", "objective"}
)
# openers of a sentence-initial adverbial before the subject: "In chemistry, X is …"
OPENER_PREPOSITIONS = frozenset(
    {"in", "within", "for", "among", "on", "at", "from", "to", "according"}
)
COPULA_WORDS = PRESENT_COPULAS | PAST_COPULAS
COPULA_OR_CLASSIFYING_LEMMAS = CLASSIFYING_VERBS | {"be"}  # the verbs copular_definitions reads
# words after a copula that start a definiens in the surface fallback
DEFINIENS_STARTS = frozenset({"a", "an", "the", "any", "one", "either", "someone", "something"})
# subject pronouns that may be resolved to the subject of the sentence before
RESOLVABLE_PRONOUNS = frozenset({"it"})


# --------------------------------------------------------------------------- patterns


def copular_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "X is/was a N …": a copula with a nominal subject and a noun attribute; also
    "X, which is a N …", "it represented a form of N" (it resolved) and "The purpose of X is to …".
    """
    if sent.text.rstrip().endswith("?"):
        return
    for verb in tokens_with(sent, "lemma", COPULA_OR_CLASSIFYING_LEMMAS):
        is_copula = verb.lemma_ == "be" and verb.lower_ in COPULA_WORDS
        if not is_copula and verb.lemma_.lower() not in CLASSIFYING_VERBS:
            continue
        if _title_cased_verb(verb):
            continue  # "Love Is A Battlefield Of Wounded Hearts": a title, not a statement
        # the main clause, a coordinated one, or one juxtaposed before it ("X was a …; Y was …")
        if (
            verb.dep_ == "ROOT"
            or verb.dep_ in {"conj", "parataxis"}
            or (verb.dep_ == "ccomp" and verb.head.i > verb.i)
        ):
            fact = _copular_fact(sent, verb) or _purpose_fact(sent, verb)
            if fact is not None:
                yield fact
        elif verb.dep_ == "relcl" and is_copula:
            fact = _relative_copular_fact(sent, verb)
            if fact is not None:
                yield fact


def _title_cased_verb(verb: Token) -> bool:
    """A verb capitalised inside its sentence ("Love Is A Battlefield"): words of a title."""
    # the case first: finding a token's sentence (Token.sent) is the costly test
    return verb.text[:1].isupper() and verb.i != verb.sent.start


def _copular_fact(sent: SpacySpan, verb: Token) -> DefinitionFact | None:
    doc = sent.doc
    lower = verb.lower_
    children = list(verb.children)
    classifying = verb.lemma_.lower() in CLASSIFYING_VERBS
    subjects = [c for c in children if c.dep_ == "nsubj"]
    attributes = [
        c for c in children if c.dep_ == ("dobj" if classifying else "attr") and c.i > verb.i
    ]
    if not attributes and not classifying:
        attributes = _misparsed_attribute(verb)
    if len(subjects) != 1 or not attributes:
        return None
    subject, attribute = subjects[0], attributes[0]
    # a negation or modal before the attribute ("is not a", "may be a"); one misattached
    # inside a long definiens does not count
    if any(
        (c.dep_ in {"neg", "aux", "auxpass"} or c.tag_ == "MD") and c.i < attribute.i
        for c in children
    ):
        return None
    if any(c.i < attribute.i and _denies(c) for c in children):
        return None  # "is in no case the sum total of …", "is never a …": the opposite
    if subject.i > verb.i:
        return None
    context_start: int | None = None
    term: tuple[int, int] | None
    if subject.lower_ in RESOLVABLE_PRONOUNS and subject.tag_ == "PRP":
        antecedent = _antecedent(sent)
        # only "it was a N": a cleft ("it was Cliff Slaughter who …") names no class
        if antecedent is None or not any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in attribute.children
        ):
            return None
        first, last = phrase_bounds(antecedent)
        term = (strip_determiner(doc, first, last), last)
        context_start = doc[antecedent.sent.start].idx
    elif is_instance(subject) and subject.lemma_.lower() in CLASS_NOUNS:
        return _inverted_class_fact(sent, verb, subject, attribute)
    elif not is_nominal(subject) or is_anaphoric_subject(subject):
        return None
    else:
        term = None
    # "Thus X was a …" and "If …, X is …" argue rather than define; a participle after
    # the attribute ("…, studying the Earth") only adds to it
    if any(
        c.dep_ == "mark" or (c.dep_ == "advcl" and (c.i < verb.i or _has_mark(c))) for c in children
    ):
        return None
    if any(c.dep_ == "advmod" and c.lower_ in DISCOURSE_OPENERS for c in children):
        return None
    if not _is_class_attribute(attribute) or _identifies_a_name(subject, attribute):
        return None
    if _grades_or_compares(attribute) or _ranks_in_a_series(attribute):
        return None
    if _is_persons_name(attribute):
        return None  # "the Dodo was Charles Dodgson" says who, not what
    if _ranks_or_roles(subject, attribute):
        return None
    if classifying and not _is_indefinite_class(attribute):
        return None
    if term is None:
        term = phrase_bounds(subject, _subject_cut_deps(subject))
        term = _outside_brackets(doc, term, sent.start) or term
        if not stands_alone(doc, *term) or is_superlative_term(doc, *term):
            return None
        if subject.i - term[0] > 0 and doc_first_is_det(doc, term[0]) and term[1] > term[0]:
            term = (term[0] + 1, term[1])
    definiens = subtree_bounds(attribute)
    copula = "was" if lower in PAST_COPULAS or verb.tag_ == "VBD" else "is"
    return definition_fact(
        sent, term, definiens, "copular", copula=copula, context_start=context_start
    )


def _inverted_class_fact(
    sent: SpacySpan, verb: Token, subject: Token, attribute: Token
) -> DefinitionFact | None:
    """ "Another type of delusion is somatic delusion": the attribute is the term and the
    subject, without its "another", the class it belongs to."""
    doc = sent.doc
    if attribute.pos_ != "NOUN" or not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in subject.children
    ):
        return None
    if any(c.dep_ == "det" for c in attribute.children):
        return None  # "… is the Borsche synthesis", "… is a bond": an instance, not a term
    first, last = subtree_bounds(subject)
    while first < subject.i and doc[first].lower_ in INSTANCE_MODIFIERS | {"the", "a", "an"}:
        first += 1
    term = phrase_bounds(attribute)
    copula = "was" if verb.lower_ in PAST_COPULAS else "is"
    return definition_fact(sent, term, (first, last), "copular", copula=copula)


def _identifies_a_name(subject: Token, attribute: Token) -> bool:
    """ "A centre of their power is the Esoteric Order of Dagon", "the Lory was Lorina Liddell":
    a common-noun subject identified with a proper name picks out an individual; it does not
    say what the subject is."""
    return (
        attribute.pos_ == "PROPN"
        and subject.pos_ == "NOUN"
        and subject.lemma_.lower() not in METALINGUISTIC_NOUNS
        and not has_article(attribute, {"a", "an"})
        and not any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower for c in attribute.children
        )
    )


def _ranks_or_roles(subject: Token, attribute: Token) -> bool:
    """Copular sentences that list or rank rather than define: "A and B were the champions",
    "Mandeville was one of William's commanders"."""
    chain = [subject]
    for member in chain:
        chain += [c for c in member.children if c.dep_ == "conj"]
    joiners = {c.lower_ for member in chain for c in member.children if c.dep_ == "cc"}
    if len(chain) > 1 and joiners == {"and"}:
        return True
    return subject.ent_type_ == "PERSON" and attribute.lower_ == "one"


def _grades_or_compares(attribute: Token) -> bool:
    """ "an extremely demanding sport", "a more potent electrophile than Y": the attribute grades
    its subject or compares it with another; it does not say what it is. A plain superlative
    ("the largest species of dolphin") still classifies."""
    modifiers = [
        c for c in attribute.children if c.dep_ in {"amod", "advmod"} and c.i < attribute.i
    ]
    # "a smaller version of Y" still classifies: a comparison needs its "than"
    compares = any(t.lower_ == "than" for t in attribute.subtree)
    for modifier in modifiers:
        graded = [g for g in modifier.children if g.dep_ == "advmod"]
        if any(g.lower_ in DEGREE_ADVERBS for g in graded):
            return True
        if compares and (
            modifier.tag_ in {"JJR", "RBR"} or any(g.lower_ in {"more", "less"} for g in graded)
        ):
            return True
    return False


def _compares_before(doc: Doc, first: int, noun: int, end: int) -> bool:
    """The surface form of the comparison in `_grades_or_compares`, for a parse that cannot be
    trusted: "more …" or a comparative before the noun and a "than" after it."""
    words = doc[first:noun]
    compares = any(t.tag_ in {"JJR", "RBR"} or t.lower_ in {"more", "less"} for t in words)
    return compares and any(t.lower_ == "than" for t in doc[noun:end])


def _is_persons_name(attribute: Token) -> bool:
    """ "Charles Dodgson", not "Dante's masterpiece" (a possessive name modifies a noun)."""
    return (
        attribute.ent_type_ == "PERSON"
        and attribute.pos_ == "PROPN"
        and not any(c.dep_ == "case" for c in attribute.children)
    )


def _ranks_in_a_series(attribute: Token) -> bool:
    """ "the initial field of study", "the 38th part of a pound", "the current president": a
    place in a series or a moment picks one thing out; it does not say what the subject is."""
    return any(
        c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.lower_ in RANKING_ADJECTIVES)
        for c in attribute.children
    )


def _subject_cut_deps(subject: Token) -> frozenset[str]:
    """ "A Trade Exchange or Barter is …": names joined by "or" are one term (other names of
    the same thing); "X and Y are …" stays cut at the coordination."""
    alternatives = any(c.dep_ == "cc" and c.lower_ == "or" for c in subject.subtree)
    return PHRASE_END_DEPS - {"cc", "conj"} if alternatives else PHRASE_END_DEPS


def _outside_brackets(doc: Doc, term: tuple[int, int], limit: int) -> tuple[int, int] | None:
    """ "The Koala ( Phascolarctos cinereus ) is …" parsed with the bracket as the subject: the
    term is the noun phrase before the bracket, not the gloss inside it."""
    first, last = term
    if first - 1 <= limit or doc[first - 1].text != "(":
        return None
    depth = 1
    for token in doc[first : min(len(doc), first + 40)]:
        depth += (token.text == "(") - (token.text == ")")
        if depth == 0:
            break
    if depth != 0 or token.i <= last:
        return None  # the subject runs past the closing bracket
    end = first - 2
    start = end
    while start - 1 >= limit and (
        doc[start - 1].pos_ in NOUN_POS | {"ADJ"} or is_inner_hyphen(doc[start - 1])
    ):
        start -= 1
    if doc[end].pos_ not in NOUN_POS | {"X"}:
        return None
    return start, end


def _singles_out(noun: Token) -> bool:
    """ "the only source of income", "the only ones worth knowing": a noun that picks the
    subject out of others says nothing of what the subject is."""
    return any(c.dep_ == "amod" and c.lower_ == "only" for c in noun.children)


def _pro_form(noun: Token) -> bool:
    """ "the only ones worth knowing": "one(s)" with no "of" phrase stands in for a noun the
    sentence does not name ("one of the oldest cities" names its class)."""
    return noun.lemma_.lower() == "one" and not any(c.lower_ == "of" for c in noun.children)


def _has_mark(token: Token) -> bool:
    return any(c.dep_ == "mark" for c in token.children)


def _is_class_attribute(attribute: Token) -> bool:
    """A noun that classifies ("a theory"), or "any/one of N", "someone who …"."""
    lower = attribute.lower_
    if lower in QUANTIFIER_ATTRIBUTES:
        # "one of four wild cats", "someone who writes software"; not "one of the expressions"
        of_objects = [g for c in attribute.children if c.lower_ == "of" for g in c.children]
        if any(
            g.lemma_.lower() in EVALUATIVE_NOUNS | {"expression", "aspect", "feature"}
            for g in of_objects
        ):
            return False
        return bool(of_objects) or any(c.dep_ == "relcl" for c in attribute.children)
    if attribute.pos_ in {"PRON", "NUM"} or (attribute.pos_ == "ADJ" and not is_nominal(attribute)):
        return False  # "a mammal" mistagged as an adjective still names a class
    if attribute.lemma_.lower() in EVALUATIVE_NOUNS and not _classifies_generic(attribute):
        return False
    if attribute.ent_type_ in QUANTITY_LABELS:
        return False  # "male literacy is 66%", "the duration is 1298 years"
    if attribute.lemma_.lower() in RELATIONAL_NOUNS and not _relates_a_class(attribute):
        return False
    if _singles_out(attribute):
        return False
    return not any(
        c.dep_ == "det" and c.lower_ in {"no", "this", "that", "another", "neither"}
        for c in attribute.children
    )


def _classifies_generic(attribute: Token) -> bool:
    """ "A felony is a serious crime": a judging noun classifies an indefinite, generic subject
    ("a N is a N …"); after "this", "the plan" or a name it judges. "a special case of Y"
    classifies whatever the subject."""
    if attribute.lemma_.lower() in JUDGING_NOUNS:
        return False
    if _names_a_method(attribute):
        return True
    if any(c.lower_ in {"special", "particular", "limiting"} for c in attribute.children) and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in attribute.children
    ):
        return True
    subjects = [c for c in attribute.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return (
        bool(subjects)
        and has_article(subjects[0], {"a", "an"})
        and has_article(attribute, {"a", "an"})
        and any(c.dep_ in {"prep", "acl", "relcl", "amod", "compound"} for c in attribute.children)
    )


def _names_a_method(attribute: Token) -> bool:
    """ "a way of representing …", "a way to locate …": a method, which classifies (not "the
    best way", which judges)."""
    if attribute.lemma_.lower() not in METHOD_NOUNS or not has_article(attribute, {"a", "an"}):
        return False
    if any(c.dep_ == "amod" for c in attribute.children):
        return False
    for child in attribute.children:
        gerund = any(g.dep_ == "pcomp" or g.tag_ == "VBG" for g in child.children)
        if child.dep_ == "prep" and child.lower_ == "of" and gerund:
            return True
        if child.dep_ in {"acl", "relcl"} and any(g.lower_ == "to" for g in child.children):
            return True
    return False


def _relates_a_class(attribute: Token) -> bool:
    """ "a member of the Christian clergy" with a generic subject, not "Tom is a member"."""
    copula = attribute.head
    subjects = [c for c in copula.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or subjects[0].ent_type_ == "PERSON":
        return False
    # "part of the experience" without an article is a part, not a kind
    if not has_article(attribute, {"a", "an", "any", "the"}) and attribute.lower_ != "any":
        return False
    return any(c.dep_ in {"prep", "acl", "relcl", "amod"} for c in attribute.children)


def _is_indefinite_class(attribute: Token) -> bool:
    """ "a specific form of …": an indefinite class noun, as "represents"/"constitutes" need."""
    return attribute.lemma_.lower() in CLASS_NOUNS and any(
        c.dep_ == "det" and c.lower_ in {"a", "an"} for c in attribute.children
    )


def _antecedent(sent: SpacySpan) -> Token | None:
    """The subject of the sentence before, in the same paragraph, for a subject "it"."""
    doc = sent.doc
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    if any(t.is_space and "\n\n" in t.text for t in doc[previous.end - 1 : sent.start + 1]):
        return None
    root = previous.root
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    if subject.tag_ not in {"NN", "NNP"} or is_anaphoric_subject(subject):
        return None
    return subject


def _relative_copular_fact(sent: SpacySpan, verb: Token) -> DefinitionFact | None:
    """ "the conditioned stimulus (CS), which is a stimulus that …" -> conditioned stimulus."""
    children = list(verb.children)
    if not any(c.dep_ == "nsubj" and c.lower_ in {"which", "who"} for c in children):
        return None
    # only a non-restrictive clause, after a comma, adds a definition to its noun
    doc = sent.doc
    relative = min(c.i for c in children if c.dep_ == "nsubj")
    if relative == 0 or doc[relative - 1].text != ",":
        return None
    if any(c.dep_ in {"neg", "aux"} or c.tag_ == "MD" for c in children):
        return None
    attributes = [c for c in children if c.dep_ == "attr" and c.i > verb.i]
    described = verb.head
    if not attributes or described.pos_ not in NOUN_POS or is_anaphoric_subject(described):
        return None
    if any(c.dep_ == "conj" for c in described.children) or described.dep_ == "conj":
        return None  # "the Kuyani, Wailpi and Pangkala, which are the groups …": all of them
    attribute = attributes[0]
    if not _is_class_attribute(attribute) or attribute.pos_ not in NOUN_POS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in attribute.children) and (
        attribute.tag_ not in {"NNS", "NNPS"}
    ):
        return None
    first, last = phrase_bounds(described)
    first = strip_determiner(sent.doc, first, last)
    if is_superlative_term(sent.doc, first, last):
        return None
    copula = "was" if verb.lower_ in PAST_COPULAS else "is"
    return definition_fact(sent, (first, last), subtree_bounds(attribute), "copular", copula=copula)


def _purpose_fact(sent: SpacySpan, verb: Token) -> DefinitionFact | None:
    """ "The historical purpose of socialism is to develop society …": term = the subject."""
    if verb.lemma_ != "be":
        return None
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ == "nsubj" and c.i < verb.i]
    goals = [
        c
        for c in children
        if c.dep_ == "xcomp" and c.i > verb.i and any(a.lower_ == "to" for a in c.children)
    ]
    if len(subjects) != 1 or not goals or any(c.dep_ == "neg" or c.tag_ == "MD" for c in children):
        return None
    subject = subjects[0]
    if subject.lemma_.lower() not in PURPOSE_NOUNS:
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
        return None
    if any(
        c.dep_ in {"det", "poss"} and c.lower_ in ANAPHORIC_DETERMINERS for c in subject.children
    ):
        return None
    first, last = subtree_bounds(subject)
    first = strip_determiner(sent.doc, first, last)
    goal = goals[0]
    copula = "was" if verb.lower_ in PAST_COPULAS else "is"
    return definition_fact(
        sent, (first, last), (goal.i - 1, goal.right_edge.i), "copular", copula=copula
    )


def surface_copular_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "(In chemistry,) (a) X (…) (, also known as Y,) is a/any/one of …" read from the surface,
    for the sentences whose parse hides the copula's subject (names in brackets, alternate
    names between commas, a list number before the sentence)."""
    doc = sent.doc
    if not tokens_with(sent, "lower", COPULA_WORDS):
        return  # nothing below can read a sentence without a copula
    tokens = [t for t in sent if not t.is_space]
    if len(tokens) < 4 or sent.text.rstrip().endswith("?"):
        return
    i = 0
    # a list number the textbook put before the sentence: "38 . The forest …"
    if tokens[0].like_num and len(tokens) > 2 and tokens[1].text == ".":
        i = 2
    if tokens[i].lower_ in OPENER_PREPOSITIONS:
        comma = next((j for j in range(i + 1, min(i + 9, len(tokens))) if tokens[j].text == ","), 0)
        if not comma:
            return
        i = comma + 1
    indefinite_term = i < len(tokens) and tokens[i].lower_ in {"a", "an"}
    if i < len(tokens) and tokens[i].lower_ in {"a", "an", "the", "another"}:
        if tokens[i].lower_ == "another":
            return
        i += 1
    if i < len(tokens) and tokens[i].lower_ in INSTANCE_MODIFIERS:
        return  # "The second Predator was …", "One species, …, is …"
    term_first = i
    while (
        i < len(tokens)
        and i - term_first < MAX_TERM_TOKENS
        and (
            tokens[i].pos_ in NOUN_POS | {"ADJ", "NUM"}
            or tokens[i].text == "-"
            or mistagged_name(tokens[i])
        )
    ):
        i += 1
    term_last = i - 1
    if term_last < term_first:
        return
    if tokens[term_last].pos_ not in NOUN_POS and not mistagged_name(tokens[term_last]):
        return
    i = _skip_asides(tokens, i)
    if i is None or i + 1 >= len(tokens) or tokens[i].lower_ not in COPULA_WORDS:
        return
    copula = tokens[i]
    if _title_cased_verb(copula):
        return
    i += 1
    while i < len(tokens) and tokens[i].pos_ == "ADV" and tokens[i].lower_ not in {"not", "never"}:
        i += 1
    if i >= len(tokens) or tokens[i].lower_ not in DEFINIENS_STARTS:
        return
    first_noun = next((t for t in tokens[i:] if t.pos_ in NOUN_POS), None)
    if first_noun is None or _judges(first_noun, indefinite_term) or _pro_form(first_noun):
        return
    if _compares_before(doc, tokens[i].i, first_noun.i, sent.end):
        return
    if first_noun.lemma_.lower() in RELATIONAL_NOUNS and is_person_span(
        doc, tokens[term_first].i, tokens[term_last].i
    ):
        return
    head = tokens[term_last]
    if head.lemma_.lower() in GENERIC_SUBJECTS and head.pos_ != "PROPN":
        return
    first, last = tokens[term_first].i, head.i
    if is_superlative_term(doc, first, last):
        return
    end = tokens[-1].i - (1 if tokens[-1].is_punct else 0)
    fact = definition_fact(
        sent,
        (first, last),
        (tokens[i].i, end),
        "copular",
        copula="was" if copula.lower_ in PAST_COPULAS else "is",
    )
    if fact is not None:
        yield fact


def _judges(noun: Token, indefinite_term: bool) -> bool:
    """An evaluative genus ("a mistake", "a case") judges, except after a generic "a N" subject
    when the noun is modified ("a Precedent is a legal case establishing …"), as in
    `_classifies_generic`."""
    lemma = noun.lemma_.lower()
    if lemma not in EVALUATIVE_NOUNS:
        return False
    if lemma in JUDGING_NOUNS or not indefinite_term:
        return True
    return not any(c.dep_ in {"amod", "compound", "acl", "relcl", "prep"} for c in noun.children)


def _skip_asides(tokens: list[Token], i: int) -> int | None:
    """Skip "( … )" groups, ", also known as Y ," / ", or Y ," asides and an alternative name
    ("Circe or Kirke (…), was …") after a term, and a comma left before the copula."""
    asides = 0
    alternative_named = False
    while i < len(tokens) and asides < 4:
        if tokens[i].text == "," and i + 1 < len(tokens) and tokens[i + 1].lower_ in COPULA_WORDS:
            return i + 1
        if tokens[i].lower_ == "or" and not alternative_named:
            alternative_named = True
            j = i + 1
            while j < len(tokens) and j - i <= MAX_TERM_TOKENS and _name_like(tokens[j]):
                j += 1
            if j == i + 1:
                return None
            i = j
        elif tokens[i].text == "(":
            close = next((j for j in range(i + 1, len(tokens)) if tokens[j].text == ")"), None)
            if close is None:
                return None
            i = close + 1
        elif tokens[i].text == ",":
            close = next(
                (j for j in range(i + 1, min(i + 16, len(tokens))) if tokens[j].text == ","), None
            )
            if close is None or close + 1 >= len(tokens):
                return None
            inner = tokens[i + 1 : close]
            # only names: no clause of its own, apart from "known as"/"called"
            # a participle aside ("…, first passed in 1975 ,") is fine; a clause is not
            if any(
                t.pos_ in {"VERB", "AUX"}
                and t.lower_ not in BRACKET_NAMING_WORDS
                and t.tag_ not in {"VBN", "VBG"}
                for t in inner
            ) or any(t.dep_ in {"nsubj", "nsubjpass"} or t.tag_ in {"WDT", "WP"} for t in inner):
                return None
            i = close + 1
        else:
            return i
        asides += 1
    return i


def _name_like(token: Token) -> bool:
    """A word of an alternative name: a noun, a name, or a foreign or unknown word."""
    return token.pos_ in NOUN_POS | {"X", "ADJ"} and token.lower_ not in COPULA_WORDS


def _denies(child: Token) -> bool:
    """An adverbial between copula and attribute that denies it: "never", "in no case", "by no
    means", "in no way"."""
    if child.lower_ in {"never", "hardly", "scarcely"}:
        return True
    return child.dep_ == "prep" and any(t.lower_ == "no" and t.dep_ == "det" for t in child.subtree)


def _misparsed_attribute(verb: Token) -> list[Token]:
    """ "is a trivalent convex polyhedron" with the noun mistagged: the article's head."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and doc[i].dep_ == "advmod" and doc[i].head.i == verb.i:
        i += 1
    if i >= len(doc) or doc[i].lower_ not in {"a", "an", "the"}:
        return []
    head = doc[i].head
    if head.i <= i or head.pos_ in {"VERB", "AUX", "ADJ", "ADP", "PUNCT"} or head.is_punct:
        return []
    if head.head.i != verb.i and head.head.head.i != verb.i:
        return []
    return [head]
