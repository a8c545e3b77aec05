"""Shared helpers of the definition patterns: spans, phrase bounds, term and definiens checks.

A term is never a pronoun or an anaphoric "this theory"; a definiens must stand alone (no
dangling personal pronoun) and is trimmed of outer punctuation, clauses and circular tails.
Every pattern module imports from here; this module imports none of them.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import DefinitionFact, Span
from ..vocabulary import is_person_noun
from .people import PERSON_NOUNS, gender_of_name
from .text import FINITE_VERB_TAGS, doc_text

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
# attribute nouns that relate their subject to something else: they define a class ("a member
# of the Christian clergy", "a product used for oral hygiene") but not an individual ("Tom is a
# member of the party") nor with nothing after them ("it was part of it")
RELATIONAL_NOUNS = frozenset({"part", "member", "product"})
# entity labels of amounts: "is 66%" measures, it does not classify
QUANTITY_LABELS = frozenset({"PERCENT", "QUANTITY", "MONEY", "CARDINAL", "DATE", "TIME"})
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
# heads that make such an object a class: "a form of", "a type of"
CLASS_NOUNS = frozenset(
    {"form", "type", "kind", "variety", "class", "category", "branch", "species", "sort",
     "version", "variant", "subset", "genre", "mode", "method", "means", "theory", "system"}
)  # fmt: skip
# participles that put a name in brackets: "(now labelled 'permanent revolution')"
BRACKET_NAMING_WORDS = frozenset(
    {"labelled", "labeled", "called", "termed", "dubbed", "named", "known", "referred"}
)
# clause relations at which a definiens holding a dangling pronoun can be cut short
CLAUSE_DEPS = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "prep", "conj", "appos", "parataxis", "pcomp"}
)
# ordinal or "another" before a term: "the second Predator" is one instance, not the kind
INSTANCE_MODIFIERS = frozenset(
    {"another", "first", "second", "third", "fourth", "fifth", "last", "next", "previous",
     "latter", "former", "one", "example", "notable", "famous", "prominent", "noteworthy"}
)  # fmt: skip
# nouns that name an aspect of something else: "the basic functionality of X is …" describes X
ASPECT_NOUNS = frozenset(
    {"functionality", "function", "feature", "characteristic", "property", "theme", "subject",
     "topic", "size", "center", "centre", "reminder", "symbol", "conflict", "highlight",
     "attraction", "advantage", "disadvantage", "benefit", "drawback", "origin", "name", "title",
     "strength", "weakness", "focus", "core", "heart", "basis", "hallmark", "version", "member"}
)  # fmt: skip
# dependents that restrict a description so that it can define: "a plan for …", "a group that …"
RESTRICTING_DEPS = frozenset({"relcl", "acl", "prep"})
TRIM_CHARS = " \t\n,;:—–-\"'“”‘’()[]*_"
MAX_TERM_TOKENS = 10
# quantifiers that make "such" point back to something named before: "any such screen"
ANAPHORIC_QUANTIFIERS = frozenset({"any", "all", "every", "each", "no", "one"})
# a word and its derivative share at least this long a beginning ("cell-o", "cell-ist")
MIN_STEM_CHARS = 4
MAX_DEFINIENS_TOKENS = 40
# an encyclopedia's reference marks at the end of a phrase ("[page needed]", "[12]", "[note 3]"),
# with the full stop before them
CITATION_TAIL = re.compile(r"\.?(?:\s*\[[^\[\]\n]{1,40}\]?)+\s*$")
# tags of "who", "whom", "which", "whose": a term holding one was cut inside its clause
RELATIVE_PRONOUN_TAGS = frozenset({"WDT", "WP", "WP$"})
# verbs that report a view: what their clause says is the holder's claim ("argued that …")
OPINION_VERBS = frozenset(
    {"argue", "claim", "believe", "think", "suggest", "contend", "assert", "maintain",
     "insist", "propose", "hypothesize", "hypothesise", "speculate", "feel", "doubt"}
)  # fmt: skip
# dependents that end a noun phrase: clauses, appositions, coordination with other clauses
PHRASE_END_DEPS = frozenset({"relcl", "appos", "acl", "advcl", "parataxis", "punct", "cc", "conj"})


# --------------------------------------------------------------------------- helpers


# parts of speech a tagger gives a capitalised name it does not know, and the capitalised words
# with those parts of speech that are no names
MISTAGGED_NAME_POS = frozenset({"ADV", "ADP", "VERB", "X", "INTJ", "SCONJ", "ADJ"})
NOT_NAMES = frozenset(
    {"here", "there", "now", "then", "so", "thus", "also", "however", "still", "only", "even",
     "in", "on", "at", "for", "with", "by", "from", "as", "of", "if", "when", "while", "because",
     "although", "yes", "no", "oh", "perhaps", "today", "what", "where", "why", "how"}
)  # fmt: skip


def make_span(doc: Doc, start: int, end: int) -> Span | None:
    """A model Span for characters start..end, trimmed of outer punctuation."""
    text = doc_text(doc)[start:end]
    if citation := CITATION_TAIL.search(text):  # "… rebirth.[page needed]", "… [12]"
        end = start + citation.start()
        text = text[: citation.start()]
    stripped_left = len(text) - len(text.lstrip(TRIM_CHARS))
    start += stripped_left
    text = doc_text(doc)[start:end].rstrip(TRIM_CHARS)
    # keep a closing bracket/quote that has its opening partner inside the phrase
    end = start + len(text)
    full = doc_text(doc)
    extended = True
    while extended:  # '(a "feud")': the quote, then the bracket
        extended = False
        for opening, closing in (("(", ")"), ("[", "]"), ("“", "”"), ('"', '"')):
            # tokenised text puts a space before it: "maen ( stone )"
            after = end + len(full[end : end + 3]) - len(full[end : end + 3].lstrip(" "))
            if full[after : after + 1] != closing:
                continue
            if opening == closing:
                unclosed = text.count(opening) % 2 == 1
            else:
                unclosed = text.count(opening) > text.count(closing)
            if unclosed:
                end = after + 1
                text = full[start:end]
                extended = True
    if not text.strip():
        return None
    return Span(start, end, text)


def tokens_span(doc: Doc, first: int, last: int) -> Span | None:
    """Model Span covering tokens first..last (inclusive)."""
    if last < first:
        return None
    return make_span(doc, doc[first].idx, doc[last].idx + len(doc[last].text))


def sentence_span(sent: SpacySpan) -> Span:
    text = sent.text.rstrip()
    return Span(sent.start_char, sent.start_char + len(text), text)


def phrase_bounds(head: Token, cut_deps: frozenset[str] = PHRASE_END_DEPS) -> tuple[int, int]:
    """Contiguous token range of the noun phrase headed by `head`, without clauses after it."""
    inside: set[int] = {head.i}
    for child in head.children:
        if child.dep_ in cut_deps and not is_inner_hyphen(child):
            continue
        inside.update(t.i for t in child.subtree)
    first = last = head.i
    while first - 1 in inside and not is_break(head.doc[first - 1]):
        first -= 1
    while last + 1 in inside and not is_break(head.doc[last + 1]):
        last += 1
    # a word the tokenizer split at its hyphen stays whole ("B-tree", "Krag-Jørgensen")
    doc = head.doc
    while first >= 1 and is_inner_hyphen(doc[first]):
        first -= 1
    while first >= 2 and is_inner_hyphen(doc[first - 1]) and doc[first - 2].is_alpha:
        first -= 2
    while last + 1 < len(doc) and is_inner_hyphen(doc[last]):
        last += 1
    while last + 2 < len(doc) and is_inner_hyphen(doc[last + 1]) and doc[last + 2].is_alpha:
        last += 2
    return first, last


def is_inner_hyphen(token: Token) -> bool:
    """The hyphen inside a word ("B-tree", "Plug-in"): part of the phrase, not a break."""
    doc = token.doc
    return (
        token.text in {"-", "‐"}
        and 0 < token.i < len(doc) - 1
        and not token.whitespace_
        and not doc[token.i - 1].whitespace_
    )


def is_break(token: Token) -> bool:
    return (token.is_punct and token.text not in {"-", "'", "’", "&", "."}) or token.is_space


def subtree_bounds(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i


def clip_definiens(doc: Doc, first: int, last: int) -> int:
    """Stop a long definiens at its first strong break (";", ":", dash) or length cap."""
    for i in range(first + 1, last + 1):
        if doc[i].text in {";", ":", "—", "–", "--"} or doc[i].is_space:
            return i - 1
    return min(last, first + MAX_DEFINIENS_TOKENS - 1)


def _gender_clash(doc: Doc, term: tuple[int, int], definiens: tuple[int, int]) -> bool:
    """Whether a term with a gendered title or given name ("Queen Aerope", "Mary Smith") is
    defined by a noun of the other gender ("the brother of …", "his wife")."""
    named = gender_of_name(doc[term[0] : term[1] + 1].text)
    head = _single_head(doc, *definiens)
    if not named or head is None:
        return False
    described = PERSON_NOUNS.get(head.lemma_.lower(), "")
    return bool(described) and described != named


def _plural_term(doc: Doc, first: int, last: int) -> bool:
    """A term headed by a plural common noun ("polytechnics"); plural-tagged names ("the United
    Nations", "the Netherlands") are one thing each."""
    head = _single_head(doc, first, last)
    # the tagger calls "dolmen" plural: an "-s" the lemma drops is the safer sign
    return (
        head is not None
        and head.tag_ == "NNS"
        and head.lower_.endswith("s")
        and head.lemma_.lower() != head.lower_
    )


def _single_head(doc: Doc, first: int, last: int) -> Token | None:
    """The one token of doc[first..last] whose head lies outside it, if only one does."""
    heads = [t for t in doc[first : last + 1] if not (first <= t.head.i <= last) or t.head == t]
    return heads[0] if len(heads) == 1 else None


def _only_the_terms_words(doc: Doc, term: tuple[int, int], definiens: tuple[int, int]) -> bool:
    """Whether every content word of the definiens is a word of the term."""
    term_words = {t.lemma_.lower() for t in doc[term[0] : term[1] + 1] if t.is_alpha}
    content = [
        t.lemma_.lower()
        for t in doc[definiens[0] : definiens[1] + 1]
        if t.is_alpha and not t.is_stop
    ]
    return bool(content) and set(content) <= term_words


def _verb_cut_from_its_object(doc: Doc, last: int) -> bool:
    """Whether the definiens ends on a verb whose object the parse hung elsewhere: a noun phrase
    follows, with no punctuation between, that is not the verb's own."""
    if doc[last].pos_ not in {"VERB", "AUX"} or last + 1 >= len(doc):
        return False
    following = doc[last + 1]
    if doc[last].lemma_ == "be":
        return False
    if doc[last] in following.ancestors:
        return False  # the definiens was only shortened: what follows is still its own
    nominal = {"NOUN", "PROPN", "NUM"}
    # "have bodily union": a modifier tagged an adverb still belongs to the noun after it
    return following.pos_ in nominal | {"ADJ", "DET"} or (
        following.head.i > last and following.head.pos_ in nominal
    )


def through_contact_clause(doc: Doc, last: int) -> int:
    """The definiens's last token, extended over a relative clause without its "that"
    ("the amount of some good or service | consumers are willing … to purchase"): a finite
    verb right after the closing noun, with no comma or "and" between, that the parse hung on
    the sentence's main verb instead. What it says restricts the noun, so it is kept."""
    if doc[last].pos_ not in NOUN_POS or last + 1 >= len(doc):
        return last
    verb = doc[last + 1]
    if verb.tag_ not in FINITE_VERB_TAGS or verb.dep_ != "conj" or verb.left_edge.i != verb.i:
        return last
    end = verb.right_edge.i
    while end > verb.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return end


def _reported_opinion(doc: Doc, first: int, last: int) -> bool:
    """Whether the term is the subject of a clause someone argues, believes or claims."""
    inside = range(first, last + 1)
    root = next((doc[i] for i in inside if doc[i].head.i not in inside), None)
    if root is None or root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = root.head
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in OPINION_VERBS


def _ends_inside_a_word(doc: Doc, last: int) -> bool:
    """Whether token `last` runs on, without a space, into a hyphen ("non-…")."""
    if last + 1 >= len(doc) or doc[last].whitespace_:
        return False
    return doc[last + 1].text == "-" and doc[last].is_alpha


def _bare_metalinguistic(doc: Doc, first: int, last: int) -> bool:
    """ "The term he coined was …": the term is not named, only the word "term" (but "Phrase is a
    unit of language" defines the word itself)."""
    content = [t for t in doc[first : last + 1] if t.dep_ != "det"]
    return (
        len(content) == 1
        and content[0].is_lower
        and content[0].lemma_.lower() in METALINGUISTIC_NOUNS
    )


OPENING_BRACKETS = {"(": ")", "[": "]"}
CLOSING_BRACKETS = {")": "(", "]": "["}


def close_brackets(doc: Doc, first: int, last: int) -> int | None:
    """The definiens's last token once a bracket it opens but does not close is cut off with
    what follows it ("… the Celtic cist ( chest ) and maen ( stone" -> "… and maen"); None when
    it closes a bracket or quotation it never opened (it began inside one)."""
    open_at: list[int] = []
    quotes = 0
    for token in doc[first : last + 1]:
        if token.text in OPENING_BRACKETS:
            open_at.append(token.i)
        elif token.text in CLOSING_BRACKETS:
            if not open_at:
                return None
            open_at.pop()
        elif token.text in {'"', "“", "”"}:
            quotes += 1
            if token.text == "”" and quotes % 2 == 1:
                return None
            if token.text == '"' and quotes == 1 and token.i > first and _closes(token):
                return None
    if open_at:
        last = open_at[0] - 1
        while last >= first and (doc[last].is_punct or doc[last].is_space):
            last -= 1
    return last


def _closes(quote: Token) -> bool:
    """A straight quote right after a word ('prehension"'): it closes a quotation."""
    previous = quote.doc[quote.i - 1]
    return not previous.whitespace_ and not previous.is_punct


def stands_alone(doc: Doc, first: int, last: int) -> bool:
    """No personal or demonstrative pronoun whose referent lies outside the phrase."""
    for token in doc[first : last + 1]:
        lower = token.lower_
        if lower in DANGLING_PRONOUNS and token.pos_ == "PRON" and token.tag_ != "WDT":
            return False
        if lower in {"this", "these", "those"} and token.dep_ == "det":
            return False
        # "any such screen", "such a device" point back; "other such", "such as …" do not
        if lower == "such" and _points_back(doc, token.i, first, last):
            return False
    return True


def _points_back(doc: Doc, i: int, first: int, last: int) -> bool:
    before = doc[i - 1].lower_ if i > first else ""
    after = doc[i + 1].lower_ if i < last else ""
    return before in ANAPHORIC_QUANTIFIERS or after in {"a", "an"}


def is_anaphoric_subject(head: Token) -> bool:
    if head.pos_ in {"PRON", "DET", "NUM"} or head.tag_ in {"WP", "WDT", "EX", "PRP"}:
        return True
    if head.lemma_.lower() in GENERIC_SUBJECTS and head.pos_ != "PROPN":
        return True
    if is_instance(head) or is_aspect(head):
        return True
    return any(
        child.dep_ in {"det", "poss"} and child.lower_ in ANAPHORIC_DETERMINERS
        for child in head.children
    )


def is_instance(head: Token) -> bool:
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


def is_aspect(head: Token) -> bool:
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


def is_person_span(doc: Doc, first: int, last: int) -> bool:
    return any(
        token.ent_type_ == "PERSON" for token in doc[first : last + 1] if token.pos_ == "PROPN"
    )


def defines_a_person(doc: Doc, term: tuple[int, int], definiens: tuple[int, int]) -> bool:
    """Whether the term names a person: the definiens's head noun says so ("a hero", "the
    economist") or denies it ("an attempt to classify …", "a talk show"), whatever the entity
    tagger thinks of the term; without a common-noun head, the tagger decides."""
    term_root = doc[term[0] : term[1] + 1].root
    if term_root.pos_ == "NOUN" and (term_root.is_lower or has_article(term_root, {"a", "an"})):
        return False  # a class, even of people: "What is a chemist?"
    head = doc[definiens[0] : definiens[1] + 1].root
    if head.pos_ == "NOUN" or (head.pos_ == "PROPN" and has_article(head, {"a", "an"})):
        # "a medieval Church": a capitalised class noun is still a class noun
        return is_person_noun(head.lemma_)
    if head.pos_ not in NOUN_POS:
        return False  # "general", "north eastern": no genus that could make it a person
    return is_person_span(doc, *term) and not _names_a_thing(head)


def _names_a_thing(head: Token) -> bool:
    """A definiens headed by a name the tagger knows is no person ("the Big Breakfast" as a
    WORK_OF_ART, "Europe" as a place): it cannot make its term a person."""
    return head.ent_type_ in THING_LABELS


# entity labels of definiens heads that are things, never people
THING_LABELS = frozenset(
    {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
)


def cut_inside_phrase(doc: Doc, last: int) -> bool:
    """The definiens's last token modifies a word after it ("direct descendants of the",
    "Europe's longest running free"): a misparse cut the phrase short."""
    token = doc[last]
    if token.pos_ in {"DET", "ADP", "CCONJ", "SCONJ", "PART"} and token.dep_ != "prt":
        return True
    return token.head.i > last and token.dep_ in {"det", "amod", "compound", "poss", "nummod"}


PLURAL_COPULAS = {"is": "are", "was": "were"}


def definition_fact(
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
    term_first, term_last = without_metalinguistic(doc, term_first, term_last, sent.end)
    if term_last - term_first + 1 > MAX_TERM_TOKENS:
        return None
    if _bare_metalinguistic(doc, term_first, term_last):
        return None
    if any(doc[i].tag_ in RELATIVE_PRONOUN_TAGS for i in range(term_first, term_last + 1)):
        return None  # "The person of whom I speak, is …": the term is cut inside its clause
    if doc[def_first].is_digit and pattern == "copular":
        return None  # "The degree … are 4 years full-time program": a length, not a class
    if _reported_opinion(doc, term_first, term_last):
        return None  # "Whitehead argued that reality consists of …": his claim, not a definition
    def_last = clip_definiens(doc, def_first, through_contact_clause(doc, def_last))
    balanced = close_brackets(doc, def_first, def_last)
    if balanced is None:
        return None
    def_last = balanced
    if _ends_inside_a_word(doc, def_last):
        return None  # "composed of non" of "non-developmental": a misparse cut the word
    def_last = cut_dangling(doc, def_first, def_last)
    def_last = cut_circular(doc, term, def_first, def_last)
    if def_last < def_first or not stands_alone(doc, def_first, def_last):
        return None
    if _verb_cut_from_its_object(doc, def_last):
        return None  # "symbiosis in which the organisms have" (| "bodily union"): a misparse
    if pattern != "title":  # a title's role words modify the name after them by design
        while def_last > def_first and (cut_inside_phrase(doc, def_last) or doc[def_last].is_punct):
            def_last -= 1  # "direct descendants of the" -> "direct descendants"
    term_span = tokens_span(doc, term_first, term_last)
    definiens_span = tokens_span(doc, def_first, def_last)
    if term_span is None or definiens_span is None:
        return None
    if not any(c.isalpha() for c in term_span.text):
        return None
    if not any(t.pos_ in NOUN_POS | {"ADJ"} for t in doc[def_first : def_last + 1]):
        return None
    if term_span.text.lower() == definiens_span.text.lower():
        return None
    if _only_the_terms_words(doc, (term_first, term_last), (def_first, def_last)):
        return None  # "disjunctive symbiosis" is "symbiosis": a cut definiens says nothing
    if _gender_clash(doc, (term_first, term_last), (def_first, def_last)):
        return None  # "Queen Aerope, the brother of Menelaus": the phrase is someone else's
    if is_person is None:
        is_person = defines_a_person(doc, (term_first, term_last), (def_first, def_last))
    if _plural_term(doc, term_first, term_last):
        copula = PLURAL_COPULAS.get(copula, copula)  # "What are New Zealand polytechnics?"
    sentence = sentence_span(sent)
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


def without_metalinguistic(doc: Doc, first: int, last: int, limit: int) -> tuple[int, int]:
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


def is_dangling(token: Token) -> bool:
    return (token.lower_ in DANGLING_PRONOUNS and token.pos_ == "PRON" and token.tag_ != "WDT") or (
        token.lower_ in {"this", "these", "those"} and token.dep_ == "det"
    )


def cut_dangling(doc: Doc, first: int, last: int) -> int:
    """End a definiens before the clause that holds a dangling pronoun ("… after it moves")."""
    for token in doc[first : last + 1]:
        if is_dangling(token):
            return cut_before_clause(doc, first, last, token)
    return last


def cut_before_clause(doc: Doc, first: int, last: int, token: Token) -> int:
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


def word_list(text: str) -> list[str]:
    """Lower-case words without punctuation, as the circularity check of the notes compares."""
    kept = [" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text.casefold()]
    return "".join(kept).split()


def cut_circular(doc: Doc, term: tuple[int, int], first: int, last: int) -> int:
    """End a definiens before the phrase that repeats the term ("… using a crochet hook"):
    a definition that contains its own term gives its answer away and makes no note."""
    term_words = word_list(doc[term[0] : term[1] + 1].text)
    if not term_words:
        return last
    words: list[tuple[str, Token]] = [
        (word, token) for token in doc[first : last + 1] for word in word_list(token.text)
    ]
    n = len(term_words)
    for k in range(len(words) - n + 1):
        if [w for w, _ in words[k : k + n]] == term_words:
            return cut_before_clause(doc, first, last, words[k][1])
    return last


def is_superlative_term(doc: Doc, first: int, last: int) -> bool:
    """ "The starkest manifestation is …" judges; it does not name a thing."""
    return any(
        t.tag_ in {"JJS", "RBS"}
        or (t.pos_ == "ADJ" and t.lower_.endswith("est") and len(t.text) > 5 and not t.ent_type_)
        for t in doc[first : last + 1]
    )


def gives_itself_away(doc: Doc, term: tuple[int, int], definiens: tuple[int, int]) -> bool:
    """ "A person who plays a cello is called a cellist": a one-word term built on a word of
    its definiens (or the other way round) shows the answer on the reverse card."""
    term_words = [t.lower_ for t in doc[term[0] : term[1] + 1] if t.is_alpha and not t.is_stop]
    definiens_words = [
        t.lower_ for t in doc[definiens[0] : definiens[1] + 1] if t.is_alpha and not t.is_stop
    ]
    # a longer term repeating its class ("informal polls are called straw polls") still asks
    # something: only a one-word term derived from the definiens gives itself away
    return len(term_words) == 1 and any(
        _shares_stem(term_words[0], other) for other in definiens_words
    )


def _shares_stem(word: str, other: str) -> bool:
    """The shorter word whole (or but for its last letter) begins the longer one."""
    shorter = min(word, other, key=len)
    shared = next(
        (i for i, (a, b) in enumerate(zip(word, other, strict=False)) if a != b), len(shorter)
    )
    return shared >= MIN_STEM_CHARS and len(shorter) - shared <= 1


def is_bare_name(doc: Doc, first: int, last: int) -> bool:
    """ "Afrikaans", "The Danish Knabstrup Association": only a proper name, no common word
    saying what the thing is."""
    words = [t for t in doc[first : last + 1] if t.is_alpha and t.pos_ not in {"DET", "PRON"}]
    return bool(words) and all(t.pos_ == "PROPN" and not t.is_lower for t in words)


def strip_determiner(doc: Doc, first: int, last: int) -> int:
    """Drop a leading article/possessive from a phrase ("the SWP leader" -> "SWP leader")."""
    while first < last and (doc[first].dep_ in {"det", "poss"} or doc[first].tag_ == "PRP$"):
        first += 1
    return first


def has_article(head: Token, articles: set[str]) -> bool:
    return any(c.dep_ == "det" and c.lower_ in articles for c in head.children)


def is_nominal(token: Token) -> bool:
    """A noun, or a word after "a"/"an" that the tagger took for an adjective ("A Diacritic")."""
    return token.pos_ in NOUN_POS or (
        token.pos_ in {"ADJ", "VERB", "X"} and has_article(token, {"a", "an"})
    )


def mistagged_name(token: Token) -> bool:
    """A capitalised word the tagger took for an adverb, a preposition or an adjective ("Java is
    a board game", "Per is a first name", "CRYPTOGRAPHY is the science of …"): before a
    copula, it is a name."""
    return (
        token.pos_ in MISTAGGED_NAME_POS
        and token.is_alpha
        and token.text[:1].isupper()
        and token.lower_ not in NOT_NAMES
    )


def doc_first_is_det(doc: Doc, i: int) -> bool:
    """A leading article that is not part of a name ("The Hague" keeps its article)."""
    token = doc[i]
    return token.dep_ == "det" and token.lower_ in {"a", "an", "the"} and token.ent_iob_ != "B"


def term_before(sent: SpacySpan, i: int, list_intro: bool = False) -> tuple[int, int] | None:
    """The short common-noun phrase that ends at token i, for a gloss after it."""
    doc = sent.doc
    head = doc[i]
    if head.pos_ != "NOUN" or not head.is_lower or is_anaphoric_subject(head):
        return None
    first = i
    while (
        first - 1 >= sent.start
        and doc[first - 1].head.i == head.i
        and doc[first - 1].dep_ in {"compound", "amod", "det", "nmod", "nummod"}
    ) or (first - 1 >= sent.start and is_inner_hyphen(doc[first - 1])):
        first -= 1
    first = strip_determiner(doc, first, i)
    if i - first + 1 > 5 or doc[first].lower_ in {"this", "these", "those", "such"}:
        return None
    if list_intro and any(t.like_num or t.lower_ in COUNTING_WORDS for t in doc[first : i + 1]):
        return None  # "several categories : …" announces a list
    return first, i
