"""Definitions: "X is a N that …", "X, a N of …,", "SWP leader X", "X is called Y", "N (ACR)".

Each pattern is a small generator over one sentence yielding `DefinitionFact`s whose `term`
and `definiens` are spans of the source (trimmed of outer punctuation). `find_definitions`
runs them all and keeps one fact per (term, definiens).

Precision matters as much as recall: a definiens must stand alone (no dangling personal
pronoun), a term is never a pronoun or an anaphoric "this theory", and copular sentences that
judge rather than define ("this was a mistake") are dropped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import DefinitionFact, Span
from .text import doc_text, ents_in

PRESENT_COPULAS = frozenset({"is", "are", "'s"})
PAST_COPULAS = frozenset({"was", "were"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# determiners/possessives that make a subject anaphoric ("this theory", "his party")
ANAPHORIC_DETERMINERS = frozenset(
    {"this", "that", "these", "those", "such", "his", "her", "its", "their", "our", "my", "your"}
)
# subjects that name a role in the argument rather than a thing ("the result was a split")
GENERIC_SUBJECTS = frozenset(
    {
        "result", "reason", "problem", "question", "answer", "point", "aim", "goal", "task",
        "thing", "fact", "one", "other", "rest", "first", "second", "last", "latter", "former",
        "majority", "most", "part", "outcome", "consequence", "issue", "difference", "key",
        "effect", "conclusion", "case", "situation", "truth", "view", "idea", "purpose",
        "something", "anything", "everything", "nothing", "all", "some", "many", "both",
        "each", "none", "any", "lot", "way", "same", "example", "response", "reply",
    }
)  # fmt: skip
# attribute nouns that judge rather than classify ("this was a mistake")
EVALUATIVE_NOUNS = frozenset(
    {
        "mistake", "error", "problem", "question", "matter", "fact", "necessity", "pity",
        "shame", "disaster", "success", "failure", "step", "issue", "point", "time", "thing",
        "lot", "case", "reason", "result", "way", "example", "sign", "surprise", "tragedy",
        "victory", "defeat", "blow", "lie", "myth", "nonsense", "crime", "joke", "must",
        "priority", "concern", "factor", "key", "basis", "home", "focus", "favourite",
        "favorite", "reflection", "expression", "indication", "consequence", "source",
        "cause",
    }
)  # fmt: skip
# evaluative nouns that never classify, even "a N is a mistake …"
JUDGING_NOUNS = frozenset(
    {
        "mistake", "error", "pity", "shame", "disaster", "nonsense", "must", "lot", "time",
        "thing", "lie", "myth", "joke", "surprise", "tragedy", "matter", "fact", "home",
        "favourite", "favorite", "success", "failure", "victory", "defeat", "blow",
    }
)  # fmt: skip
# attribute nouns that relate their subject to something else: they define a class ("a member
# of the Christian clergy", "a product used for oral hygiene") but not an individual ("Tom is a
# member of the party") nor with nothing after them ("it was part of it")
RELATIONAL_NOUNS = frozenset({"part", "member", "product"})
APPOSITION_ADVERBS = frozenset({"then", "now", "later", "formerly", "subsequently"})
DISCOURSE_OPENERS = frozenset({"thus", "therefore", "hence", "so", "then", "however", "yet"})
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
# entity labels of amounts: "is 66%" measures, it does not classify
QUANTITY_LABELS = frozenset({"PERCENT", "QUANTITY", "MONEY", "CARDINAL", "DATE", "TIME"})
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "NORP", "GPE", "FAC", "EVENT", "LAW"})
# names a role before them describes ("the French newspaper Le Temps"), unlike "the city Rome"
TITLED_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART"})
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
# words that announce a list rather than a term: "several categories : …"
COUNTING_WORDS = frozenset(
    {"several", "many", "some", "various", "following", "different", "few", "both", "all"}
)
# heads of "the term X" subjects
METALINGUISTIC_NOUNS = frozenset(
    {"term", "word", "concept", "phrase", "expression", "notion", "name"}
)
DANGLING_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "this", "these", "those", "that"}
)
# attribute words that introduce a class without a noun head: "X is any of four wild cats"
QUANTIFIER_ATTRIBUTES = frozenset(
    {"any", "either", "one", "each", "someone", "something", "anyone"}
)
# verbs that classify their subject like a copula: "it represented a specific form of Y"
CLASSIFYING_VERBS = frozenset({"represent", "constitute"})
# heads that make such an object a class: "a form of", "a type of"
CLASS_NOUNS = frozenset(
    {"form", "type", "kind", "variety", "class", "category", "branch", "species", "sort",
     "version", "variant", "subset", "genre", "mode", "method", "means", "theory", "system"}
)  # fmt: skip
# "The purpose of X is to …": the subject says what X is for
PURPOSE_NOUNS = frozenset(
    {"purpose", "aim", "goal", "function", "task", "role", "job", "mission", "objective"}
)
# verbs whose subject is the term and whose "of" object lists its parts: "X consists of Y"
COMPOSITION_VERBS = frozenset({"consist", "compose", "comprise"})
# participles that put a name in brackets: "(now labelled 'permanent revolution')"
BRACKET_NAMING_WORDS = frozenset(
    {"labelled", "labeled", "called", "termed", "dubbed", "named", "known", "referred"}
)
# openers of a sentence-initial adverbial before the subject: "In chemistry, X is …"
OPENER_PREPOSITIONS = frozenset({"in", "within", "for", "among", "on", "at", "from", "to"})
COPULA_WORDS = PRESENT_COPULAS | PAST_COPULAS
# words after a copula that start a definiens in the surface fallback
DEFINIENS_STARTS = frozenset({"a", "an", "the", "any", "one", "either", "someone", "something"})
# subject pronouns that may be resolved to the subject of the sentence before
RESOLVABLE_PRONOUNS = frozenset({"it"})
# clause relations at which a definiens holding a dangling pronoun can be cut short
CLAUSE_DEPS = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "prep", "conj", "appos", "parataxis", "pcomp"}
)
# ordinal or "another" before a term: "the second Predator" is one instance, not the kind
INSTANCE_MODIFIERS = frozenset(
    {"another", "first", "second", "third", "fourth", "fifth", "last", "next", "previous",
     "latter", "former", "one", "example"}
)  # fmt: skip
# nouns that name an aspect of something else: "the basic functionality of X is …" describes X
ASPECT_NOUNS = frozenset(
    {"functionality", "function", "feature", "characteristic", "property", "theme", "subject",
     "topic", "size", "center", "centre", "reminder", "symbol", "conflict", "highlight",
     "attraction", "advantage", "disadvantage", "benefit", "drawback", "origin", "name", "title",
     "strength", "weakness", "focus", "core", "heart", "basis", "hallmark", "version", "member"}
)  # fmt: skip
# separators of an apposition on a common noun: "eutrophication , a process whereby …"
APPOSITION_MARKS = frozenset({",", "—", "–", "--"})
# dependents that restrict a description so that it can define: "a plan for …", "a group that …"
RESTRICTING_DEPS = frozenset({"relcl", "acl", "prep"})
# subjects of "include" that announce examples rather than a class: "Examples include …"
# possessives that speak of everyone: "our ability to …", "one's ancestry"
GENERIC_POSSESSIVES = frozenset({"our", "your", "one", "one's", "one ’s"})
# subject pronouns that can take up a "when" clause: "When …, it is called Y"
CLAUSE_PRONOUNS = frozenset({"it", "this", "they", "that"})
# nouns before a name that say what kind of name it is, not who or what it names
NAME_INTRODUCING_NOUNS = (
    METALINGUISTIC_NOUNS
    | CLASS_NOUNS
    | frozenset({"cognomen", "nickname", "genus", "order", "family", "domain", "millennium",
                 "century", "year", "season", "time"})
)  # fmt: skip
LIST_SUBJECTS = frozenset({"example", "instance", "case", "thing", "item", "factor", "tactic"})
MIN_MEMBERS = 3
TRIM_CHARS = " \t\n,;:—–-\"'“”‘’()[]*_"
MAX_TERM_TOKENS = 10
MAX_DEFINIENS_TOKENS = 40
# dependents that end a noun phrase: clauses, appositions, coordination with other clauses
PHRASE_END_DEPS = frozenset({"relcl", "appos", "acl", "advcl", "parataxis", "punct", "cc", "conj"})


# --------------------------------------------------------------------------- helpers


def _make_span(doc: Doc, start: int, end: int) -> Span | None:
    """A model Span for characters start..end, trimmed of outer punctuation."""
    text = doc_text(doc)[start:end]
    stripped_left = len(text) - len(text.lstrip(TRIM_CHARS))
    start += stripped_left
    text = doc_text(doc)[start:end].rstrip(TRIM_CHARS)
    # keep a closing bracket/quote that has its opening partner inside the phrase
    end = start + len(text)
    for opening, closing in (("(", ")"), ("“", "”"), ('"', '"')):
        if doc_text(doc)[end : end + 1] == closing and text.count(opening) > text.count(closing) - (
            1 if opening == closing else 0
        ):
            end += 1
            text = doc_text(doc)[start:end]
    if not text.strip():
        return None
    return Span(start, end, text)


def _tokens_span(doc: Doc, first: int, last: int) -> Span | None:
    """Model Span covering tokens first..last (inclusive)."""
    if last < first:
        return None
    return _make_span(doc, doc[first].idx, doc[last].idx + len(doc[last].text))


def _sentence_span(sent: SpacySpan) -> Span:
    text = sent.text.rstrip()
    return Span(sent.start_char, sent.start_char + len(text), text)


def _phrase_bounds(head: Token, cut_deps: frozenset[str] = PHRASE_END_DEPS) -> tuple[int, int]:
    """Contiguous token range of the noun phrase headed by `head`, without clauses after it."""
    inside: set[int] = {head.i}
    for child in head.children:
        if child.dep_ in cut_deps and not _is_inner_hyphen(child):
            continue
        inside.update(t.i for t in child.subtree)
    first = last = head.i
    while first - 1 in inside and not _is_break(head.doc[first - 1]):
        first -= 1
    while last + 1 in inside and not _is_break(head.doc[last + 1]):
        last += 1
    # a word the tokenizer split at its hyphen stays whole ("B-tree", "Krag-Jørgensen")
    doc = head.doc
    while first >= 1 and _is_inner_hyphen(doc[first]):
        first -= 1
    while first >= 2 and _is_inner_hyphen(doc[first - 1]) and doc[first - 2].is_alpha:
        first -= 2
    while last + 1 < len(doc) and _is_inner_hyphen(doc[last]):
        last += 1
    while last + 2 < len(doc) and _is_inner_hyphen(doc[last + 1]) and doc[last + 2].is_alpha:
        last += 2
    return first, last


def _is_inner_hyphen(token: Token) -> bool:
    """The hyphen inside a word ("B-tree", "Plug-in"): part of the phrase, not a break."""
    doc = token.doc
    return (
        token.text in {"-", "‐"}
        and 0 < token.i < len(doc) - 1
        and not token.whitespace_
        and not doc[token.i - 1].whitespace_
    )


def _is_break(token: Token) -> bool:
    return (token.is_punct and token.text not in {"-", "'", "’", "&", "."}) or token.is_space


def _subtree_bounds(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i


def _clip_definiens(doc: Doc, first: int, last: int) -> int:
    """Stop a long definiens at its first strong break (";", ":", dash) or length cap."""
    for i in range(first + 1, last + 1):
        if doc[i].text in {";", ":", "—", "–", "--"} or doc[i].is_space:
            return i - 1
    return min(last, first + MAX_DEFINIENS_TOKENS - 1)


def _stands_alone(doc: Doc, first: int, last: int) -> bool:
    """No personal or demonstrative pronoun whose referent lies outside the phrase."""
    for token in doc[first : last + 1]:
        lower = token.lower_
        if lower in DANGLING_PRONOUNS and token.pos_ == "PRON" and token.tag_ != "WDT":
            return False
        if lower in {"this", "these", "those"} and token.dep_ == "det":
            return False
    return True


def _is_anaphoric_subject(head: Token) -> bool:
    if head.pos_ in {"PRON", "DET", "NUM"} or head.tag_ in {"WP", "WDT", "EX", "PRP"}:
        return True
    if head.lemma_.lower() in GENERIC_SUBJECTS and head.pos_ != "PROPN":
        return True
    if _is_instance(head) or _is_aspect(head):
        return True
    return any(
        child.dep_ in {"det", "poss"} and child.lower_ in ANAPHORIC_DETERMINERS
        for child in head.children
    )


def _is_instance(head: Token) -> bool:
    """ "The second Predator", "another method", "one species": one member of a kind, picked
    out by its place in a series (a named "First World War" or "first law of …" is not)."""
    if any(c.dep_ == "det" and c.lower_ == "another" for c in head.children):
        return True
    if any(
        (c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "poss" or c.tag_ == "NNP"
        for c in head.children
    ):
        return False  # "the first law of motion", "Kirchhoff's first rule"
    return any(
        c.i < head.i
        and c.dep_ in {"det", "amod", "nummod", "compound", "nmod", "advmod"}
        and c.lower_ in INSTANCE_MODIFIERS
        and (c.lower_ != "one" or c.i == head.left_edge.i)
        and c.ent_type_ in {"", "ORDINAL", "CARDINAL"}
        for c in head.children
    )


def _is_aspect(head: Token) -> bool:
    """ "The basic functionality of ALCAP", "a typical size of casing": the subject is an aspect
    of another thing, so the sentence describes that thing rather than defining a term."""
    return (
        head.pos_ == "NOUN"
        and head.lemma_.lower() in ASPECT_NOUNS
        and any(
            c.dep_ == "prep" and c.lower_ in {"of", "in", "between", "to", "for"}
            for c in head.children
        )
    )


def _is_person(doc: Doc, first: int, last: int) -> bool:
    return any(
        token.ent_type_ == "PERSON" for token in doc[first : last + 1] if token.pos_ == "PROPN"
    )


def _fact(
    sent: SpacySpan,
    term: tuple[int, int],
    definiens: tuple[int, int],
    pattern: str,
    copula: str = "is",
    is_person: bool | None = None,
    context_start: int | None = None,
) -> DefinitionFact | None:
    """A fact from token ranges; `context_start` widens the sentence to a resolved antecedent."""
    doc = sent.doc
    term_first, term_last = term
    def_first, def_last = definiens
    term_first, term_last = _without_metalinguistic(doc, term_first, term_last, sent.end)
    if term_last - term_first + 1 > MAX_TERM_TOKENS:
        return None
    def_last = _clip_definiens(doc, def_first, def_last)
    def_last = _cut_dangling(doc, def_first, def_last)
    def_last = _cut_circular(doc, term, def_first, def_last)
    if def_last < def_first or not _stands_alone(doc, def_first, def_last):
        return None
    term_span = _tokens_span(doc, term_first, term_last)
    definiens_span = _tokens_span(doc, def_first, def_last)
    if term_span is None or definiens_span is None:
        return None
    if not any(c.isalpha() for c in term_span.text):
        return None
    if not any(t.pos_ in NOUN_POS | {"ADJ"} for t in doc[def_first : def_last + 1]):
        return None
    if term_span.text.lower() == definiens_span.text.lower():
        return None
    if is_person is None:
        is_person = _is_person(doc, term_first, term_last)
    sentence = _sentence_span(sent)
    if context_start is not None and context_start < sentence.start:
        sentence = Span(context_start, sentence.end, doc_text(doc)[context_start : sentence.end])
    return DefinitionFact(
        sentence=sentence,
        term=term_span.text,
        definiens=definiens_span.text,
        copula=copula,
        is_person=is_person,
        pattern=pattern,
    )


def _without_metalinguistic(doc: Doc, first: int, last: int, limit: int) -> tuple[int, int]:
    """ "the term Art" -> "Art"; a bare "the term" followed by the name -> that name."""
    i = first
    while i <= last and doc[i].dep_ == "det":
        i += 1
    if i > last or doc[i].lemma_.lower() not in METALINGUISTIC_NOUNS or not doc[i].is_lower:
        return first, last
    if i < last:
        return i + 1, last
    following = i + 1
    while following < limit and doc[following].is_quote:
        following += 1
    if following < limit and doc[following].pos_ in NOUN_POS | {"X"}:
        name_last = following
        while (
            name_last + 1 < limit
            and doc[name_last + 1].pos_ in NOUN_POS
            and (
                doc[name_last + 1].head.i in {name_last, following}
                or doc[name_last].head.i == name_last + 1
            )
        ):
            name_last += 1
        return following, name_last
    return first, last


def _is_dangling(token: Token) -> bool:
    return (token.lower_ in DANGLING_PRONOUNS and token.pos_ == "PRON" and token.tag_ != "WDT") or (
        token.lower_ in {"this", "these", "those"} and token.dep_ == "det"
    )


def _cut_dangling(doc: Doc, first: int, last: int) -> int:
    """End a definiens before the clause that holds a dangling pronoun ("… after it moves")."""
    for token in doc[first : last + 1]:
        if _is_dangling(token):
            return _cut_before_clause(doc, first, last, token)
    return last


def _cut_before_clause(doc: Doc, first: int, last: int, token: Token) -> int:
    """The last token of the definiens first..last without the clause or phrase holding
    `token`; first - 1 when `token` sits in the definiens' own head phrase."""
    clause = token
    # from the innermost clause outwards: "hadrons that …, which implies that mesons …" is cut
    # before "which implies", not inside it
    while True:
        if clause.dep_ in CLAUSE_DEPS and clause.left_edge.i > first:
            cut = clause.left_edge.i - 1
            # no trailing ",", "and", "that", "meaning" left over
            while cut > first and (
                doc[cut].is_punct
                or doc[cut].pos_ in {"CCONJ", "SCONJ", "ADP"}
                or doc[cut].tag_ == "WDT"
            ):
                cut -= 1
            if doc[cut].pos_ in NOUN_POS | {"ADJ", "NUM"}:
                return cut
        if clause.head.i == clause.i or not first < clause.head.i <= last:
            return first - 1
        clause = clause.head


def _words(text: str) -> list[str]:
    """Lower-case words without punctuation, as the circularity check of the notes compares."""
    kept = [" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text.casefold()]
    return "".join(kept).split()


def _cut_circular(doc: Doc, term: tuple[int, int], first: int, last: int) -> int:
    """End a definiens before the phrase that repeats the term ("… using a crochet hook"):
    a definition that contains its own term gives its answer away and makes no note."""
    term_words = _words(doc[term[0] : term[1] + 1].text)
    if not term_words:
        return last
    words: list[tuple[str, Token]] = [
        (word, token) for token in doc[first : last + 1] for word in _words(token.text)
    ]
    n = len(term_words)
    for k in range(len(words) - n + 1):
        if [w for w, _ in words[k : k + n]] == term_words:
            return _cut_before_clause(doc, first, last, words[k][1])
    return last


def _is_superlative_term(doc: Doc, first: int, last: int) -> bool:
    """ "The starkest manifestation is …" judges; it does not name a thing."""
    return any(
        t.tag_ in {"JJS", "RBS"}
        or (t.pos_ == "ADJ" and t.lower_.endswith("est") and len(t.text) > 5 and not t.ent_type_)
        for t in doc[first : last + 1]
    )


def _strip_determiner(doc: Doc, first: int, last: int) -> int:
    """Drop a leading article/possessive from a phrase ("the SWP leader" -> "SWP leader")."""
    while first < last and (doc[first].dep_ in {"det", "poss"} or doc[first].tag_ == "PRP$"):
        first += 1
    return first


# --------------------------------------------------------------------------- patterns


def copular_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "X is/was a N …": a copula with a nominal subject and a noun attribute; also
    "X, which is a N …", "it represented a form of N" (it resolved) and "The purpose of X is to …".
    """
    if sent.text.rstrip().endswith("?"):
        return
    for verb in sent:
        is_copula = verb.lemma_ == "be" and verb.lower_ in COPULA_WORDS
        if not is_copula and verb.lemma_.lower() not in CLASSIFYING_VERBS:
            continue
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
        first, last = _phrase_bounds(antecedent)
        term = (_strip_determiner(doc, first, last), last)
        context_start = doc[antecedent.sent.start].idx
    elif _is_instance(subject) and subject.lemma_.lower() in CLASS_NOUNS:
        return _inverted_class_fact(sent, verb, subject, attribute)
    elif not _is_nominal(subject) or _is_anaphoric_subject(subject):
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
    if _ranks_or_roles(subject, attribute):
        return None
    if classifying and not _is_indefinite_class(attribute):
        return None
    if term is None:
        term = _phrase_bounds(subject, _subject_cut_deps(subject))
        term = _outside_brackets(doc, term, sent.start) or term
        if not _stands_alone(doc, *term) or _is_superlative_term(doc, *term):
            return None
        if subject.i - term[0] > 0 and doc_first_is_det(doc, term[0]) and term[1] > term[0]:
            term = (term[0] + 1, term[1])
    definiens = _subtree_bounds(attribute)
    copula = "was" if lower in PAST_COPULAS or verb.tag_ == "VBD" else "is"
    return _fact(sent, term, definiens, "copular", copula=copula, context_start=context_start)


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
    first, last = _subtree_bounds(subject)
    while first < subject.i and doc[first].lower_ in INSTANCE_MODIFIERS | {"the", "a", "an"}:
        first += 1
    term = _phrase_bounds(attribute)
    copula = "was" if verb.lower_ in PAST_COPULAS else "is"
    return _fact(sent, term, (first, last), "copular", copula=copula)


def _identifies_a_name(subject: Token, attribute: Token) -> bool:
    """ "A centre of their power is the Esoteric Order of Dagon", "the Lory was Lorina Liddell":
    a common-noun subject identified with a proper name picks out an individual; it does not
    say what the subject is."""
    return (
        attribute.pos_ == "PROPN"
        and subject.pos_ == "NOUN"
        and subject.lemma_.lower() not in METALINGUISTIC_NOUNS
        and not _has_article(attribute, {"a", "an"})
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
        doc[start - 1].pos_ in NOUN_POS | {"ADJ"} or _is_inner_hyphen(doc[start - 1])
    ):
        start -= 1
    if doc[end].pos_ not in NOUN_POS | {"X"}:
        return None
    return start, end


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
    if attribute.pos_ in {"PRON", "NUM", "ADJ"}:
        return False
    if attribute.lemma_.lower() in EVALUATIVE_NOUNS and not _classifies_generic(attribute):
        return False
    if attribute.ent_type_ in QUANTITY_LABELS:
        return False  # "male literacy is 66%", "the duration is 1298 years"
    if attribute.lemma_.lower() in RELATIONAL_NOUNS and not _relates_a_class(attribute):
        return False
    # "the only source of income" singles out; it does not say what the subject is
    if any(c.dep_ == "amod" and c.lower_ == "only" for c in attribute.children):
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
    if any(c.lower_ in {"special", "particular", "limiting"} for c in attribute.children) and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in attribute.children
    ):
        return True
    subjects = [c for c in attribute.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return (
        bool(subjects)
        and _has_article(subjects[0], {"a", "an"})
        and _has_article(attribute, {"a", "an"})
        and any(c.dep_ in {"prep", "acl", "relcl", "amod", "compound"} for c in attribute.children)
    )


def _has_article(head: Token, articles: set[str]) -> bool:
    return any(c.dep_ == "det" and c.lower_ in articles for c in head.children)


def _is_nominal(token: Token) -> bool:
    """A noun, or a word after "a"/"an" that the tagger took for an adjective ("A Diacritic")."""
    return token.pos_ in NOUN_POS or (
        token.pos_ in {"ADJ", "VERB", "X"} and _has_article(token, {"a", "an"})
    )


def _relates_a_class(attribute: Token) -> bool:
    """ "a member of the Christian clergy" with a generic subject, not "Tom is a member"."""
    copula = attribute.head
    subjects = [c for c in copula.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or subjects[0].ent_type_ == "PERSON":
        return False
    # "part of the experience" without an article is a part, not a kind
    if not _has_article(attribute, {"a", "an", "any", "the"}) and attribute.lower_ != "any":
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
    if subject.tag_ not in {"NN", "NNP"} or _is_anaphoric_subject(subject):
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
    if not attributes or described.pos_ not in NOUN_POS or _is_anaphoric_subject(described):
        return None
    attribute = attributes[0]
    if not _is_class_attribute(attribute) or attribute.pos_ not in NOUN_POS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in attribute.children) and (
        attribute.tag_ not in {"NNS", "NNPS"}
    ):
        return None
    first, last = _phrase_bounds(described)
    first = _strip_determiner(sent.doc, first, last)
    if _is_superlative_term(sent.doc, first, last):
        return None
    copula = "was" if verb.lower_ in PAST_COPULAS else "is"
    return _fact(sent, (first, last), _subtree_bounds(attribute), "copular", copula=copula)


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
    first, last = _subtree_bounds(subject)
    first = _strip_determiner(sent.doc, first, last)
    goal = goals[0]
    copula = "was" if verb.lower_ in PAST_COPULAS else "is"
    return _fact(sent, (first, last), (goal.i - 1, goal.right_edge.i), "copular", copula=copula)


def surface_copular_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "(In chemistry,) (a) X (…) (, also known as Y,) is a/any/one of …" read from the surface,
    for the sentences whose parse hides the copula's subject (names in brackets, alternate
    names between commas, a list number before the sentence)."""
    doc = sent.doc
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
        and (tokens[i].pos_ in NOUN_POS | {"ADJ", "NUM"} or tokens[i].text == "-")
    ):
        i += 1
    term_last = i - 1
    if term_last < term_first or tokens[term_last].pos_ not in NOUN_POS:
        return
    i = _skip_asides(tokens, i)
    if i is None or i + 1 >= len(tokens) or tokens[i].lower_ not in COPULA_WORDS:
        return
    copula = tokens[i]
    i += 1
    while i < len(tokens) and tokens[i].pos_ == "ADV" and tokens[i].lower_ not in {"not", "never"}:
        i += 1
    if i >= len(tokens) or tokens[i].lower_ not in DEFINIENS_STARTS:
        return
    first_noun = next((t for t in tokens[i:] if t.pos_ in NOUN_POS), None)
    if first_noun is None or first_noun.lemma_.lower() in EVALUATIVE_NOUNS:
        return
    if first_noun.lemma_.lower() in RELATIONAL_NOUNS and _is_person(
        doc, tokens[term_first].i, tokens[term_last].i
    ):
        return
    head = tokens[term_last]
    if head.lemma_.lower() in GENERIC_SUBJECTS and head.pos_ != "PROPN":
        return
    first, last = tokens[term_first].i, head.i
    if _is_superlative_term(doc, first, last):
        return
    end = tokens[-1].i - (1 if tokens[-1].is_punct else 0)
    fact = _fact(
        sent,
        (first, last),
        (tokens[i].i, end),
        "copular",
        copula="was" if copula.lower_ in PAST_COPULAS else "is",
    )
    if fact is not None:
        yield fact


def _skip_asides(tokens: list[Token], i: int) -> int | None:
    """Skip "( … )" groups and one ", also known as Y ," / ", or Y ," aside after a term."""
    asides = 0
    while i < len(tokens) and asides < 4:
        if tokens[i].text == "(":
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


def doc_first_is_det(doc: Doc, i: int) -> bool:
    """A leading article that is not part of a name ("The Hague" keeps its article)."""
    token = doc[i]
    return token.dep_ == "det" and token.lower_ in {"a", "an", "the"} and token.ent_iob_ != "B"


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
                fact = _fact(sent, _name_bounds(name), description, "appositive")
                if fact is not None:
                    yield fact
        # description first: "the N of …, (then) X,"
        before = name.start - 1
        if before > sent.start and doc[before].lower_ in APPOSITION_ADVERBS:
            before -= 1
        if before > sent.start and doc[before].text == "," and _closes(doc, name.end, sent.end):
            description = _description_before(doc, before - 1, sent)
            if description is not None and _describes_well(doc, name, description, sent.end):
                fact = _fact(sent, _name_bounds(name), description, "appositive")
                if fact is not None:
                    yield fact


def common_appositive_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "eutrophication , a process whereby nutrient runoff causes …", "a patrician class , a
    ruling group composed of …": a common noun glossed by an indefinite description that a
    clause or phrase restricts (a bare "his wife , a teacher" says too little)."""
    doc = sent.doc
    for mark in sent:
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
        term = _term_before(sent, end_of_term)
        if term is None or doc[term[1]].dep_ == "conj" or _in_list(doc, term[0], sent.start):
            continue
        head = doc[start].head
        if head.i <= start or not _is_description_head(head) or head.tag_ != "NN":
            continue
        if not any(c.dep_ in RESTRICTING_DEPS and c.i > head.i for c in head.children):
            continue
        if head.dep_ in {"nsubj", "nsubjpass"} or _is_list_head(head):
            continue  # "the rat hit the lever , a pellet of food came out"
        if _opens_sentence(doc[term[1]], mark.i):
            continue  # "For instance , an author who …"
        last = min(head.right_edge.i, sent.end - 1)
        fact = _fact(sent, term, (start, last), "appositive", is_person=False)
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
    if _is_superlative_term(doc, first, last) or any(
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
    )


def _description_at(doc: Doc, first: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase "a/the … N (of …)" starting at token `first`, if an apposition ends it."""
    if first >= limit or doc[first].lower_ not in {"a", "an", "the"}:
        return None
    head = doc[first].head
    if head.i <= first or not _is_description_head(head):
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


def title_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "SWP leader Jack Barnes", "the French newspaper Le Temps": a role noun before a name."""
    doc = sent.doc
    names = [ent for ent in ents_in(sent) if ent.label_ in TITLED_LABELS]
    names += [work for work in doc.spans.get("works", []) if sent.start < work.start < sent.end]
    for name in names:
        if name.start <= sent.start or name.end > sent.end:
            continue
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
        # a possessive before the run ("its ineffable Moscow correspondent") stays out
        run_first = _strip_determiner(doc, run_first, first - 1)
        label = name.label_ if name.label_ else "WORK_OF_ART"
        fact = _fact(
            sent,
            (name.start, name.end - 1),
            (run_first, first - 1),
            "title",
            is_person=label == "PERSON",
        )
        if fact is not None:
            yield fact


def definitor_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "X is called Y", "X, known as Y", "X refers to Y", "X means Y", "defined X as Y"."""
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"}:
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
            if not parts or subject.pos_ != "NOUN" or _is_anaphoric_subject(subject):
                continue
            first, last = _phrase_bounds(subject)
            if doc_first_is_det(sent.doc, first) and last > first:
                first += 1
            fact = _fact(sent, (first, last), _subtree_bounds(parts[0]), "definitor")
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
                term = _phrase_bounds(subjects[0])  # "the term" parsed apart from its name
            # "Predestination may be used to refer to …": a word used for a sense
            used_for_sense = any(
                p.lemma_ in {"refer", "mean", "denote", "designate"} for p in purposes
            )
            subject = subjects[0]
            if (
                term is None
                and used_for_sense
                and _is_nominal(subject)
                and not _is_anaphoric_subject(subject)
            ):
                term = _phrase_bounds(subject)
            if not purposes or term is None:
                continue
            purpose = purposes[0]
            meanings = [c for c in purpose.children if c.dep_ in {"dobj", "ccomp"}]
            meanings += _prep_objects(purpose, "to")
            if not meanings:
                continue
            fact = _fact(sent, term, _subtree_bounds(meanings[0]), "definitor")
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
            if term_head.pos_ not in NOUN_POS or _is_anaphoric_subject(term_head):
                continue
            fact = _fact(
                sent,
                _phrase_bounds(term_head),
                _subtree_bounds(as_objects[0]),
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
                meanings = for_objects
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
                term = _phrase_bounds(named[0])
            if term is None:
                if subject.pos_ not in NOUN_POS or _is_anaphoric_subject(subject):
                    continue
                term = _phrase_bounds(subject)
            fact = _fact(
                sent,
                term,
                _subtree_bounds(meanings[0]),
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
    return _fact(verb.sent, term, _subtree_bounds(meanings[0]), "definitor")


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
        if not common or subject.tag_ not in {"NN", "NNP"} or _is_anaphoric_subject(subject):
            return None
        if any(c.dep_ in {"det", "poss", "compound", "amod"} for c in subject.children):
            return None  # "the book", "his report", "the annual report" describe things
        term = _phrase_bounds(subject)
    return _fact(sent, term, _subtree_bounds(objects[0]), "definitor")


def _marked_term(head: Token) -> tuple[int, int] | None:
    """ "the term demand" parsed with "term" as a compound of "demand": the words after it."""
    markers = [
        c.i
        for c in head.children
        if c.dep_ == "compound" and c.lemma_.lower() in METALINGUISTIC_NOUNS and c.i < head.i
    ]
    return (max(markers) + 1, _phrase_bounds(head)[1]) if markers else None


def _members_fact(sent: SpacySpan, verb: Token, subject: Token) -> DefinitionFact | None:
    """ "X include A , B and C" with X a common noun in the main clause, A, B, C nouns."""
    if verb.dep_ != "ROOT" or subject.pos_ != "NOUN" or _is_anaphoric_subject(subject):
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
    first, last = _phrase_bounds(subject)
    if doc_first_is_det(sent.doc, first) and last > first:
        first += 1
    return _fact(sent, (first, last), _subtree_bounds(objects[0]), "definitor")


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
    elif verb.dep_ == "relcl" and subjects and subjects[0].tag_ in {"WDT", "WP"}:
        described = verb.head  # "a state of readiness, which is called …"
    elif subjects:
        described = subjects[0]
    else:
        return None
    name = names[0]
    unknown_word = name.pos_ == "ADV" and name.dep_ == "oprd" and name.is_alpha
    if (name.pos_ not in NOUN_POS | {"ADJ", "X"} and not (unknown_word and not name.is_stop)) or (
        not _is_nominal(described)
    ):
        return None
    if name.i < verb.i or any(c.dep_ == "poss" for c in name.children):
        return None  # "called Ashi's brother" describes; it does not name
    # "X, known as Y": X without the participle clause; "X is called Y": all of X
    first, last = _phrase_bounds(described) if participle else _subtree_bounds(described)
    last = min(last, verb.i - 1)
    if verb.dep_ == "relcl":
        last = min(last, verb.left_edge.i - 1)  # "a state of readiness , which is called …"
    first = _described_start(doc, described, first, last)
    if first is None:
        return None
    if _names_an_individual(doc, described, name, verb):
        return None
    return _fact(
        sent,
        _phrase_bounds(name),
        (first, last),
        "definitor",
        copula="was" if _is_past(verb) else "is",
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
    term = _phrase_bounds(name, PHRASE_END_DEPS | {"prep"})
    return _fact(sent, term, clause, "definitor", is_person=False)


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
    if not proper or described.pos_ != "NOUN" or described.tag_ != "NN":
        return False
    if described.lemma_.lower() in CLASS_NOUNS | METALINGUISTIC_NOUNS:
        return False
    if name.pos_ != "PROPN" and not name.ent_type_:
        return False
    singled_out = _has_article(described, {"a", "an", "the"}) or any(
        c.lower_ == "one" for c in described.children
    )
    if verb.lemma_.lower() == "know":
        # "the region now known as Condroz"; not "the struggle between them for … became
        # known as the Cold War", whose description says what the name stands for
        bare = not any(c.dep_ in RESTRICTING_DEPS for c in described.children)
        return singled_out and _has_article(described, {"the"}) and bare
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
    if not attributes or not _is_nominal(subject) or _is_anaphoric_subject(subject):
        return None
    attribute = attributes[0]
    if attribute.pos_ not in NOUN_POS or attribute.lemma_.lower() in EVALUATIVE_NOUNS:
        return None
    if attribute.lemma_.lower() in QUANTIFIER_ATTRIBUTES or attribute.ent_type_ in QUANTITY_LABELS:
        return None
    if attribute.pos_ == "PROPN" and not _has_article(attribute, {"a", "an", "the"}):
        return None  # "is seen as Napoleon": a comparison, not a class
    first, last = _phrase_bounds(subject)
    first = _strip_determiner(doc, first, last)
    if _is_superlative_term(doc, first, last):
        return None
    return _fact(
        sent,
        (first, last),
        _subtree_bounds(attribute),
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
        return _subtree_bounds(named[0])
    first = after[0].i
    last = first
    while last + 1 <= subject.right_edge.i and doc[last + 1].dep_ not in {"prep", "relcl"}:
        last += 1
    return first, last


def _is_past(verb: Token) -> bool:
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    tags = [a.tag_ for a in auxiliaries] or [verb.tag_]
    return "VBD" in tags


def parenthetical_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "the International Committee of the Fourth International (ICFI)" -> ICFI."""
    doc = sent.doc
    for open_paren in sent:
        if open_paren.text != "(" or open_paren.i + 2 >= sent.end:
            continue
        acronym = doc[open_paren.i + 1]
        if doc[open_paren.i + 2].text != ")" or not _looks_like_acronym(acronym.text):
            continue
        before = open_paren.i - 1
        if before < sent.start or doc[before].pos_ not in NOUN_POS:
            continue
        first = _expansion_start(doc, before, sent.start, acronym.text)
        if first is None:
            continue
        fact = _fact(
            sent, (acronym.i, acronym.i), (first, before), "parenthetical", is_person=False
        )
        if fact is not None:
            yield fact


def bracket_naming_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "the program of internationalism (now labelled “permanent revolution”)" -> the name in
    the brackets is the term, the noun phrase before them its definiens."""
    doc = sent.doc
    for open_paren in sent:
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
        if first < sent.start or _is_anaphoric_subject(described):
            continue
        fact = _fact(
            sent,
            (name[0].i, name[-1].i),
            (first, open_paren.i - 1),
            "parenthetical",
            is_person=False,
        )
        if fact is not None:
            yield fact


def gloss_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "the coleoptile : the covering of the shoot tip" (a colon glosses a term) and
    "multiple possible variations , or alleles" (", or" gives another name)."""
    doc = sent.doc
    for mark in sent:
        if mark.text == ":" and mark.i > sent.start:
            fact = _colon_fact(sent, mark)
        elif mark.lower_ == "or" and mark.i - 2 >= sent.start and doc[mark.i - 1].text == ",":
            fact = _or_fact(sent, mark)
        else:
            continue
        if fact is not None:
            yield fact


def _term_before(sent: SpacySpan, i: int, list_intro: bool = False) -> tuple[int, int] | None:
    """The short common-noun phrase that ends at token i, for a gloss after it."""
    doc = sent.doc
    head = doc[i]
    if head.pos_ != "NOUN" or not head.is_lower or _is_anaphoric_subject(head):
        return None
    first = i
    while (
        first - 1 >= sent.start
        and doc[first - 1].head.i == head.i
        and doc[first - 1].dep_ in {"compound", "amod", "det", "nmod", "nummod"}
    ) or (first - 1 >= sent.start and _is_inner_hyphen(doc[first - 1])):
        first -= 1
    first = _strip_determiner(doc, first, i)
    if i - first + 1 > 5 or doc[first].lower_ in {"this", "these", "those", "such"}:
        return None
    if list_intro and any(t.like_num or t.lower_ in COUNTING_WORDS for t in doc[first : i + 1]):
        return None  # "several categories : …" announces a list
    return first, i


def _gloss_after(sent: SpacySpan, first: int) -> tuple[int, int] | None:
    """A noun phrase (not a list, not a clause) starting at token `first`."""
    doc = sent.doc
    end = sent.end
    while end > first and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if first >= end:
        return None
    heads = [t for t in doc[first:end] if not (first <= t.head.i < end) or t.head.i == t.i]
    if len(heads) != 1 and not (heads and heads[0].i == first):
        return None
    head = heads[0]
    if head.pos_ != "NOUN" or head.lemma_.lower() in EVALUATIVE_NOUNS:
        return None
    if any(c.dep_ == "conj" for c in head.children) and not any(
        c.dep_ in {"prep", "acl", "relcl"} for c in head.children
    ):
        return None  # "two kinds : trial courts , appellate courts , …" lists, not glosses
    if doc[first].like_num or doc[first].pos_ in {"VERB", "AUX", "PRON", "ADP", "SCONJ"}:
        return None
    return first, min(head.right_edge.i, end - 1)


def _colon_fact(sent: SpacySpan, colon: Token) -> DefinitionFact | None:
    if _inside_brackets(sent, colon.i):
        return None  # "( plural : octahedra )", "( symbol : G )" label a form; no gloss
    term = _term_before(sent, colon.i - 1, list_intro=True)
    if term is None:
        return None
    gloss = _gloss_after(sent, colon.i + 1)
    if gloss is None:
        return None
    return _fact(sent, term, gloss, "appositive", is_person=False)


def _inside_brackets(sent: SpacySpan, i: int) -> bool:
    depth = 0
    for token in sent.doc[sent.start : i]:
        depth += token.text == "("
        depth -= token.text == ")" and depth > 0
    return depth > 0


def _or_fact(sent: SpacySpan, mark: Token) -> DefinitionFact | None:
    """ "X , or Y ," where Y is another name: the shorter phrase is the term."""
    doc = sent.doc
    left = _term_before(sent, mark.i - 2)
    if left is None or doc[left[1]].dep_ in {"conj", "pobj"}:
        return None  # "A , B , or C": a list
    right_end = mark.i + 1
    while right_end < sent.end and not doc[right_end].is_punct and right_end - mark.i <= 6:
        right_end += 1
    if right_end - mark.i > 6 or (
        right_end < sent.end and doc[right_end].text not in {",", ")", "."}
    ):
        return None
    right = (mark.i + 1, right_end - 1)
    if right[1] < right[0] or any(
        t.pos_ not in {"DET", "ADJ", "NOUN", "PART"} and t.text not in {"-", "’s", "'s"}
        for t in doc[right[0] : right[1] + 1]
    ):
        return None
    if doc[right[1]].pos_ != "NOUN":
        return None
    right = (_strip_determiner(doc, right[0], right[1]), right[1])
    if right[1] - right[0] < left[1] - left[0]:
        return _fact(sent, right, left, "appositive", is_person=False)
    return _fact(sent, left, right, "appositive", is_person=False)


def _looks_like_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 10 and sum(c.isupper() for c in letters) >= 2 and text[0].isupper()


def _expansion_start(doc: Doc, last: int, limit: int, acronym: str) -> int | None:
    """Where the long form of `acronym` begins: its capitals spell the acronym's start."""
    initials = acronym.replace(".", "").replace("-", "").upper()
    capitals: list[int] = []
    i = last
    while i >= limit and i >= last - 3 * len(initials) - 4:
        token = doc[i]
        if token.is_punct and token.text not in {"-", "&"}:
            break
        if token.text[:1].isupper() and token.is_alpha:
            capitals.append(i)
            spelled = "".join(doc[j].text[0].upper() for j in reversed(capitals))
            if spelled == initials:
                # include the article before the long form ("the International Committee")
                if i - 1 >= limit and doc[i - 1].lower_ in {"the", "a", "an"}:
                    return i - 1
                return i
        i -= 1
    # looser: the first letters must match and every acronym letter must be an initial
    if capitals:
        first = capitals[-1]
        spelled = "".join(doc[j].text[0].upper() for j in reversed(capitals))
        if spelled[0] == initials[0] and _subsequence(initials, spelled):
            if first - 1 >= limit and doc[first - 1].lower_ in {"the", "a", "an"}:
                return first - 1
            return first
    return None


def _subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(char in remaining for char in short)


PATTERNS: tuple[Callable[[SpacySpan], Iterable[DefinitionFact]], ...] = (
    copular_definitions,
    bracket_naming_definitions,
    appositive_definitions,
    common_appositive_definitions,
    title_definitions,
    definitor_definitions,
    parenthetical_definitions,
    gloss_definitions,
)


def find_definitions(doc: Doc) -> Iterator[DefinitionFact]:
    """Every definition of every sentence, one fact per (term, definiens)."""
    seen: set[tuple[str, str]] = set()
    for sent in doc.sents:
        found_copular = False
        for pattern in (*PATTERNS, surface_copular_definitions):
            # the surface reading only stands in for a copular parse that found nothing
            if pattern is surface_copular_definitions and found_copular:
                continue
            for fact in pattern(sent):
                found_copular = found_copular or fact.pattern == "copular"
                key = (fact.term.lower(), fact.definiens.lower())
                if key in seen:
                    continue
                seen.add(key)
                yield fact
