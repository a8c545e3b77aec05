"""Definitions: "X is a N that …", "X, a N of …,", "SWP leader X", "X is called Y", "N (ACR)".

Each pattern is a small generator over one sentence yielding `DefinitionFact`s whose `term`
and `definiens` are spans of the source (trimmed of outer punctuation). `find_definitions`
runs them all and keeps one fact per (term, definiens).

Precision matters as much as recall: a definiens must stand alone (no dangling personal
pronoun), a term is never a pronoun or an anaphoric "this theory", and copular sentences that
judge rather than define ("this was a mistake") are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import DefinitionFact, Span

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
        "priority", "concern", "factor", "part", "member", "reflection", "expression",
        "indication", "product", "consequence", "source", "cause", "focus", "key", "basis",
    }
)  # fmt: skip
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
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "NORP", "GPE", "FAC", "EVENT", "LAW"})
# names a role before them describes ("the French newspaper Le Temps"), unlike "the city Rome"
TITLED_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART"})
# verbs that introduce a name for a described thing: "X, known as Y", "X is called Y"
NAMING_VERBS = frozenset({"call", "know", "term", "name", "label", "dub", "refer"})
# verbs whose subject is the term and whose object is its meaning: "X means Y"
MEANING_VERBS = frozenset({"mean", "denote", "signify", "refer"})
# heads of "the term X" subjects
METALINGUISTIC_NOUNS = frozenset({"term", "word", "concept", "phrase", "expression", "notion"})
DANGLING_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "this", "these", "those", "that"}
)
TRIM_CHARS = " \t\n,;:—–-\"'“”‘’()[]*_"
MAX_TERM_TOKENS = 10
MAX_DEFINIENS_TOKENS = 40
# dependents that end a noun phrase: clauses, appositions, coordination with other clauses
PHRASE_END_DEPS = frozenset({"relcl", "appos", "acl", "advcl", "parataxis", "punct", "cc", "conj"})


# --------------------------------------------------------------------------- helpers


def _make_span(doc: Doc, start: int, end: int) -> Span | None:
    """A model Span for characters start..end, trimmed of outer punctuation."""
    text = doc.text[start:end]
    stripped_left = len(text) - len(text.lstrip(TRIM_CHARS))
    start += stripped_left
    text = doc.text[start:end].rstrip(TRIM_CHARS)
    # keep a closing bracket/quote that has its opening partner inside the phrase
    end = start + len(text)
    for opening, closing in (("(", ")"), ("“", "”"), ('"', '"')):
        if doc.text[end : end + 1] == closing and text.count(opening) > text.count(closing) - (
            1 if opening == closing else 0
        ):
            end += 1
            text = doc.text[start:end]
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
        if child.dep_ in cut_deps:
            continue
        inside.update(t.i for t in child.subtree)
    first = last = head.i
    while first - 1 in inside and not _is_break(head.doc[first - 1]):
        first -= 1
    while last + 1 in inside and not _is_break(head.doc[last + 1]):
        last += 1
    return first, last


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
    return any(
        child.dep_ in {"det", "poss"} and child.lower_ in ANAPHORIC_DETERMINERS
        for child in head.children
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
) -> DefinitionFact | None:
    doc = sent.doc
    term_first, term_last = term
    def_first, def_last = definiens
    if term_last - term_first + 1 > MAX_TERM_TOKENS:
        return None
    def_last = _clip_definiens(doc, def_first, def_last)
    if not _stands_alone(doc, def_first, def_last):
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
    return DefinitionFact(
        sentence=_sentence_span(sent),
        term=term_span.text,
        definiens=definiens_span.text,
        copula=copula,
        is_person=is_person,
        pattern=pattern,
    )


def _strip_determiner(doc: Doc, first: int, last: int) -> int:
    """Drop a leading article/possessive from a phrase ("the SWP leader" -> "SWP leader")."""
    while first < last and (doc[first].dep_ in {"det", "poss"} or doc[first].tag_ == "PRP$"):
        first += 1
    return first


# --------------------------------------------------------------------------- patterns


def copular_definitions(sent: SpacySpan) -> Iterator[DefinitionFact]:
    """ "X is/was a N …": the root copula with a nominal subject and a noun attribute."""
    if sent.text.rstrip().endswith("?"):
        return
    for verb in sent:
        if verb.lemma_ != "be" or verb.lower_ not in PRESENT_COPULAS | PAST_COPULAS:
            continue
        # the main clause, a coordinated one, or one juxtaposed before it ("X was a …; Y was …")
        if (
            verb.dep_ == "ROOT"
            or verb.dep_ in {"conj", "parataxis"}
            or (verb.dep_ == "ccomp" and verb.head.i > verb.i)
        ):
            fact = _copular_fact(sent, verb)
            if fact is not None:
                yield fact


def _copular_fact(sent: SpacySpan, verb: Token) -> DefinitionFact | None:
    lower = verb.lower_
    children = list(verb.children)
    if any(c.dep_ in {"neg", "aux", "auxpass"} or c.tag_ == "MD" for c in children):
        return None
    subjects = [c for c in children if c.dep_ == "nsubj"]
    attributes = [c for c in children if c.dep_ == "attr" and c.i > verb.i]
    if not attributes:
        attributes = _misparsed_attribute(verb)
    if len(subjects) != 1 or not attributes:
        return None
    subject, attribute = subjects[0], attributes[0]
    if subject.i > verb.i or subject.pos_ not in NOUN_POS or _is_anaphoric_subject(subject):
        return None
    # "Thus X was a …" and "If …, X is …" argue rather than define
    if any(c.dep_ in {"advcl", "mark"} for c in children):
        return None
    if any(c.dep_ == "advmod" and c.lower_ in DISCOURSE_OPENERS for c in children):
        return None
    if attribute.pos_ in {"PRON", "NUM", "ADJ"} or attribute.lemma_.lower() in EVALUATIVE_NOUNS:
        return None
    if any(c.dep_ == "det" and c.lower_ in {"no", "this", "that"} for c in attribute.children):
        return None
    term = _phrase_bounds(subject)
    if not _stands_alone(sent.doc, *term) or any(
        t.tag_ == "JJS" for t in sent.doc[term[0] : term[1] + 1]
    ):
        return None
    if subject.i - term[0] > 0 and doc_first_is_det(sent.doc, term[0]) and term[1] > term[0]:
        term = (term[0] + 1, term[1])
    definiens = _subtree_bounds(attribute)
    copula = "was" if lower in PAST_COPULAS else "is"
    return _fact(sent, term, definiens, "copular", copula=copula)


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
    for name in doc.ents:
        if name.label_ not in NAME_LABELS or name.start < sent.start or name.end >= sent.end:
            continue
        if not any(t.pos_ == "PROPN" for t in name):
            continue
        # name first: "X, the N of …,"
        if doc[name.end].text == ",":
            description = _description_at(doc, name.end + 1, sent.end)
            if description is not None:
                fact = _fact(sent, _name_bounds(name), description, "appositive")
                if fact is not None:
                    yield fact
        # description first: "the N of …, (then) X,"
        before = name.start - 1
        if before > sent.start and doc[before].lower_ in APPOSITION_ADVERBS:
            before -= 1
        if before > sent.start and doc[before].text == "," and _closes(doc, name.end, sent.end):
            description = _description_before(doc, before - 1, sent)
            if description is not None:
                fact = _fact(sent, _name_bounds(name), description, "appositive")
                if fact is not None:
                    yield fact


def _name_bounds(name: SpacySpan) -> tuple[int, int]:
    return name.start, name.end - 1


def _closes(doc: Doc, i: int, sent_end: int) -> bool:
    """An apposition ends at a comma, a dash, a bracket or the end of the sentence."""
    return i >= sent_end or doc[i].text in {",", ";", ".", ")", "—", "–", ":"} or doc[i].is_space


def _is_description_head(head: Token) -> bool:
    return (
        head.pos_ == "NOUN"
        and head.is_lower
        and head.lemma_.lower() not in EVALUATIVE_NOUNS | GENERIC_SUBJECTS
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
    names = [ent for ent in doc.ents if ent.label_ in TITLED_LABELS]
    names += list(doc.spans.get("works", []))
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
        if any(c.dep_ == "neg" or c.tag_ == "MD" for c in children):
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
        if lemma in NAMING_VERBS and passive:
            # "X is called Y" / "X, known as Y" / "X is referred to as Y": Y is the name
            names = [c for c in children if c.dep_ in {"oprd", "attr", "dobj"}] + as_objects
            if verb.dep_ == "acl":
                described = verb.head
            elif subjects:
                described = subjects[0]
            else:
                continue
            if not names or described.pos_ not in NOUN_POS or _is_anaphoric_subject(described):
                continue
            name = names[0]
            if name.pos_ not in NOUN_POS | {"ADJ", "X"}:
                continue
            # "X, known as Y": X without the participle clause; "X is called Y": all of X
            described_bounds = (
                _phrase_bounds(described) if verb.dep_ == "acl" else _subtree_bounds(described)
            )
            fact = _fact(
                sent,
                _phrase_bounds(name),
                described_bounds,
                "definitor",
                copula="was" if _is_past(verb) else "is",
            )
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
        elif lemma in MEANING_VERBS and not passive and subjects:
            meanings = [c for c in children if c.dep_ in {"dobj", "ccomp"}] + to_objects
            if not meanings:
                continue
            if lemma == "refer" and not to_objects:
                continue
            subject = subjects[0]
            term = _metalinguistic_term(subject)
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
    appositive_definitions,
    title_definitions,
    definitor_definitions,
    parenthetical_definitions,
)


def find_definitions(doc: Doc) -> Iterator[DefinitionFact]:
    """Every definition of every sentence, one fact per (term, definiens)."""
    seen: set[tuple[str, str]] = set()
    for sent in doc.sents:
        for pattern in PATTERNS:
            for fact in pattern(sent):
                key = (fact.term.lower(), fact.definiens.lower())
                if key in seen:
                    continue
                seen.add(key)
                yield fact
