"""The clause around a verb, as the parts a question is built from (`factcards.model.Clause`).

`clause_for(verb, answer)` reads the dependency parse: subject (nsubj/nsubjpass subtree, a
pronoun resolved to a recent named entity where that is safe), auxiliaries, the verb, and the
complement — the rest of the clause after the verb, minus the answer phrase and the
preposition that carries it ("in 1953", "On August 4, 1914,").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..model import Clause
from ..vocabulary import is_person_noun
from .people import FEMALE_NAMES, MALE_NAMES, gender_of_name
from .people import PERSON_PRONOUNS as PERSON_PRONOUN_GENDERS
from .people import POSSESSIVE_PRONOUNS as POSSESSIVE_GENDERS
from .text import doc_ents

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
AUX_DEPS = frozenset({"aux", "auxpass"})
# children that start a clause of their own: never part of this clause's complement
CLAUSE_DEPS = frozenset({"conj", "cc", "parataxis"})
# clauses a simplified complement leaves out: what the verb says stands without them
ADVERBIAL_CLAUSE_DEPS = frozenset({"advcl"})
# sentence adverbs dropped from the front of a subject or complement
DISCOURSE_WORDS = frozenset(
    {
        "thus",
        "however",
        "moreover",
        "indeed",
        "nonetheless",
        "nevertheless",
        "therefore",
        "furthermore",
        "yet",
        "similarly",
        "likewise",
        "instead",
        "meanwhile",
        "still",
        "also",
        "and",
        "but",
        "so",
        "then",
    }
)
HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "comrade"})
TITLE_WORDS = frozenset({"comrade", "comrades", "citizen"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
THING_PRONOUNS = frozenset({"it", "they", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# the frame of a compared answer: "as early as 1906", "so late as May"
COMPARISON_WORDS = frozenset({"as", "so"})
# a demonstrative that opens a subject ("This move was estimated …") points back to the sentence
# before; in a question standing alone it reads as the definite article ("the move"); as a
# pronoun ("This meant …") it leaves a date cloze nothing to show
DEMONSTRATIVE_WORDS = frozenset({"this", "that", "these", "those"})
# a possessive opening a subject ("Its rivers feed …") stands for the pronoun's referent
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW"})
PLACE_LABELS = frozenset({"GPE", "FAC", "LOC"})
COPULAS_AND_RAISERS = frozenset({"be", "seem", "appear", "happen", "turn", "become", "remain"})
# left children that belong to a noun phrase (others are misparses of what precedes it)
NOUN_PREMODIFIER_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "nmod", "case", "predet", "quantmod"}
)
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES
# "West unveiled his line", "she found herself": words only a person's clause has
BOUND_PERSON_WORDS = frozenset({"his", "her", "himself", "herself"})
# verbs whose subject is a person: a first name tagged a place ("Charlotte") is the person
PERSON_VERBS = frozenset(
    {"say", "tell", "ask", "answer", "reply", "caution", "warn", "advise", "urge", "insist",
     "think", "believe", "feel", "know", "hope", "wish", "want", "fear", "love", "hate",
     "smile", "laugh", "cry", "marry", "write", "read", "decide", "refuse", "promise",
     "admit", "deny", "confess", "complain", "exclaim", "whisper", "remark", "observe"}
)  # fmt: skip
# the gender a pronoun and a word bound to a name share ("m"/"f", as people.py writes them)
PRONOUN_GENDER = PERSON_PRONOUN_GENDERS | POSSESSIVE_GENDERS | {"himself": "m", "herself": "f"}
# clauses that modify a noun: what they hold is not about the clause's own subject
NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})
# tags the tagger gives a finite verb after a subject when it misreads it (see effective_tag)
MISREAD_FINITE_TAGS = frozenset({"VBN", "VB", "NN", "NNS"})
# children only a noun has: a word with one of them is no misread verb ("the raise")
NOUN_ONLY_DEPS = frozenset({"det", "poss", "amod", "compound", "nummod", "case"})
# endings of irregular participles that are never a past ("born", "taken", "shown", "done")
PARTICIPLE_ONLY_ENDINGS = ("en", "wn", "rn", "ne", "un")
# pronouns a plain present ("give", not "gives") agrees with
PLURAL_PRONOUNS = frozenset({"i", "we", "you", "they"})
# the verb of a plural pronoun, made to agree with the singular noun the pronoun stands for
SINGULAR_FORMS = {"have": "has", "are": "is", "were": "was", "do": "does"}
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
# subject pronouns of a reported clause that may be the reporter ("Reporters said they saw …")
BOUND_SUBJECTS = frozenset({"he", "she", "they"})
RESOLVE_WINDOW = 3  # sentences looked back for a pronoun's antecedent
# verbs of holding a view: their subject is a person ("as Whitehead notes", "Kondo considered")
THINKING_VERBS = frozenset(
    {"argue", "consider", "note", "claim", "state", "suppose", "propose", "suggest", "realize",
     "conclude", "contend", "maintain", "assert", "opine", "explain", "describe", "recall"}
)  # fmt: skip
MAX_PERSON_NAME_WORDS = 4  # a person's name as a subject: "Alfred North Whitehead"
TRIM_CHARS = " ,;:—–-\"'“”‘’([]"
# participles of a subjectless adverbial clause ("Raised in Chicago, West …", "…, killing 300")
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
# children that give a participial clause a subject, tense, subordinator or negation of its own
OWN_CLAUSE_DEPS = SUBJECT_DEPS | AUX_DEPS | {"mark", "neg"}
# participles that open a speaker's aside, not an event of the subject ("Compared to …",
# "Assuming …", "Judging by …", "Speaking of …")
DANGLING_PARTICIPLES = frozenset(
    {"accord", "compare", "consider", "assume", "give", "suppose", "concern", "include",
     "regard", "follow", "depend", "speak", "judge", "say", "see", "note"}
)  # fmt: skip
# participles that describe a thing rather than tell what its subject did: after an object
# they say something of it ("a single, featuring Paul McCartney")
DESCRIBING_PARTICIPLES = frozenset(
    {"feature", "contain", "consist", "comprise", "mean", "cover", "depict", "show", "star",
     "describe", "list", "represent", "span", "measure", "carry", "hold", "bear", "house",
     "use", "run", "connect", "link", "serve"}
)  # fmt: skip
# prepositions whose gerund its host's subject does: "before destroying", "by offering"
GERUND_PREPOSITIONS = frozenset({"by", "after", "before", "upon"})
# participles of a state or a reason, not an event ("being meaningless", "having won")
NON_EVENT_LEMMAS = frozenset({"be", "have"})
# a verb's objects and predicate nouns: a participle after one may describe it
OBJECT_DEPS = frozenset({"dobj", "dative", "oprd", "attr"})
# the copula of a passive participle by whether its subject is plural
PARTICIPLE_COPULAS = {False: "was", True: "were"}
# finite auxiliaries whose tense a participle of the clause shares ("was destroyed, leaving …")
TENSE_OF_AUXILIARY = {"was": "VBD", "were": "VBD", "is": "VBZ", "are": "VBP", "did": "VBD",
                      "does": "VBZ", "do": "VBP"}  # fmt: skip
QUOTE_CHARS = "\"'“”‘’"


def clause_for(
    verb: Token, answer: Span | None, end: int | None = None, simple: bool = False
) -> Clause | None:
    """The clause headed by `verb`, with `answer` (and the phrase carrying it) removed.

    With `end`, the complement stops before token `end` (what follows a stranded preposition's
    phrase is left out: "Who was the school excavated by?"). With `simple`, adverbial clauses
    after the verb are left out too ("…, as he accepted …"), as Heilman & Smith simplify.
    """
    if verb.dep_ in AUX_DEPS or not reads_as_verb(verb):
        return None
    answer_phrase = _answer_phrase(verb, answer)
    subject = _subject(verb, answer_phrase)
    if subject is None:
        return None
    subject = _without_sentence_capital(subject, verb.sent)
    auxiliaries = tuple(
        child.text for child in verb.children if child.dep_ in AUX_DEPS and child.i < verb.i
    )
    tag = verb.tag_
    # "a letter written by Slaughter" reads as "a letter was written by Slaughter"; a reduced
    # relative has no subject of its own, so a "held" tagged VBD is a participle too
    if (
        verb.dep_ == "acl"
        and not auxiliaries
        and (tag == "VBN" or (tag == "VBD" and not _subject_children(verb)))
    ):
        auxiliaries = ("were",) if verb.head.tag_ in {"NNS", "NNPS"} else ("was",)
        tag = "VBN"
    elif shares_main_subject(verb):
        tense = _participle_tense(verb)
        if tense is None:
            return None
        auxiliaries, tag = tense
    if verb.dep_ != "acl" and not shares_main_subject(verb):
        tag = effective_tag(verb)
    if _they_for_one(verb):
        # "The Ministry said that they have provided …": the question's subject is the
        # singular body the pronoun stands for, and its verb agrees ("has the Ministry …")
        auxiliaries = (
            tuple(SINGULAR_FORMS.get(a.lower(), a) for a in auxiliaries[:1]) + (auxiliaries[1:])
        )
        tag = "VBZ" if tag == "VBP" else tag
    negated = any(child.dep_ == "neg" for child in verb.children)
    complement = _complement(verb, answer_phrase, end, simple)
    return Clause(
        subject=subject,
        auxiliaries=auxiliaries,
        verb=verb.text,
        lemma=verb.lemma_.lower() if verb.lemma_ else verb.lower_,
        tag=tag,
        complement=complement,
        negated=negated,
    )


# words that only the start of a sentence capitalises ("Classes were taught by …", "Eight
# schools were toppled …"): a plural common noun, a number word, an adjective (a singular
# "noun" may be a name the tagger missed: "Link returns home …")
SENTENCE_CASE_TAGS = frozenset({"NNS", "CD", "JJ", "JJR", "JJS"})


def _without_sentence_capital(subject: str, sentence: Span) -> str:
    """The subject with the capital of its first word lowered when that word opens the sentence
    and is no name: "Who were classes taught by?", not "Who were Classes taught by?"."""
    first = next((t for t in sentence if not t.is_punct and not t.is_space), None)
    if (
        first is None
        or first.tag_ not in SENTENCE_CASE_TAGS
        or first.ent_type_ not in {"", "CARDINAL"}
        or not first.text[:1].isupper()
        or first.text[1:2].isupper()  # "NATO", "UN"
        or subject.split(" ", 1)[0] != first.text
    ):
        return subject
    return first.text[0].lower() + subject[1:]


def is_existential(verb: Token) -> bool:
    """ "There are …": "be" with an expletive "there" for its subject."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "expl" and c.lower_ == "there" for c in verb.children
    )


def effective_tag(verb: Token) -> str:
    """The verb's tag, corrected where the tagger read a finite verb of a main clause as a
    participle or an infinitive: with a subject of its own before it and no auxiliary, a "VBN"
    is a past ("The Fighting Irish previously competed in …") and a "VB" after a plural subject
    a present ("Earlier biographies … give different accounts"). An imperative has no subject
    and a bare infinitive ("saw them try") is no main clause, so neither is changed."""
    tag = verb.tag_
    if tag not in MISREAD_FINITE_TAGS or verb.dep_ not in {"ROOT", "conj"}:
        return tag
    if any(child.dep_ in AUX_DEPS | NOUN_ONLY_DEPS for child in verb.children):
        return tag
    if verb.text[:1].isupper() and not verb.is_sent_start:
        return tag  # a capitalised word inside a sentence is a title's ("Give My Head Peace")
    if verb.pos_ == "NOUN" and verb.dep_ != "ROOT":
        return tag
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects:
        return tag
    plural = _plural_subject(subjects[0])
    if tag == "VBN":
        return tag if _passive_participle(verb) else "VBD"
    if tag == "NNS":  # "evolution selects against …": a singular subject's present
        return "VBZ" if not plural and subjects[0].pos_ != "PRON" else tag
    return "VBP" if plural else tag  # "VB", or "NN" for "the roots of Buddhism lie in …"


def shares_main_subject(verb: Token) -> bool:
    """A participial adverbial clause with no subject, auxiliary, subordinator or negation of
    its own, on a verb: "Raised in Chicago, West attended …", "The ship sank, killing 300
    people", or a gerund after a preposition of time or means ("Midna returns home before
    destroying the Mirror"). Its subject is its host verb's (see `participle_host`); Heilman &
    Smith ask it as a clause of its own."""
    if verb.tag_ not in PARTICIPLE_TAGS or verb.lemma_.lower() in DANGLING_PARTICIPLES:
        return False
    if verb.text[:1].isupper() and not verb.is_sent_start:
        return False  # a title's ("Sustaining the Common Good")
    if any(c.dep_ in OWN_CLAUSE_DEPS for c in verb.children):
        return False
    if verb.dep_ == "pcomp":
        return _gerund_of_the_subject(verb)
    return verb.dep_ == "advcl" and verb.head.pos_ in {"VERB", "AUX"} and _set_off_participle(verb)


def participle_host(verb: Token) -> Token:
    """The verb whose subject a shared-subject participle has: its head, or for a gerund the
    verb its preposition hangs on."""
    return verb.head.head if verb.dep_ == "pcomp" else verb.head


def _gerund_of_the_subject(gerund: Token) -> bool:
    """ "before destroying the Mirror", "by offering assistance": an active gerund after a
    preposition of time or means on an active event verb, which its subject does. "Without"
    denies; the subject of a passive or a copula ("is possible by following …") is not the doer."""
    preposition = gerund.head
    host = preposition.head
    return (
        gerund.tag_ == "VBG"
        and gerund.lemma_ not in NON_EVENT_LEMMAS
        and preposition.dep_ == "prep"
        and preposition.lower_ in GERUND_PREPOSITIONS
        and host.pos_ == "VERB"
        and host.lemma_ not in COPULAS_AND_RAISERS
        and not any(c.dep_ in {"auxpass", "nsubjpass"} for c in host.children)
    )


def _set_off_participle(verb: Token) -> bool:
    """A participial clause its head's subject surely does: one that opens the sentence before
    a comma ("Raised in Chicago, West …"), or an active one after a comma that follows an event
    ("The ship sank near the coast, killing 300 people"). A past participle after the verb, or
    one right after the verb's object, may say something of that noun instead ("… the Sedition
    Act, enacted in May 1918", "released a single, featuring …"); "being" and "having" give a
    reason, not an event."""
    doc = verb.doc
    sent = verb.sent
    if verb.i < verb.head.i:
        opener = next((t for t in sent if not t.is_punct and not t.is_space), sent[0])
        after = verb.right_edge.i + 1
        return verb.left_edge.i == opener.i and after < len(doc) and doc[after].text == ","
    before = verb.left_edge.i - 1
    if verb.tag_ != "VBG" or verb.lemma_ in NON_EVENT_LEMMAS or verb.head.lemma_ == "be":
        return False
    if before < sent.start or doc[before].text != ",":
        return False
    return not _may_describe_the_object(verb, before)


def _may_describe_the_object(participle: Token, comma: int) -> bool:
    """Whether a participle after `comma` may say something of the noun before it rather than
    of the subject: a participle of description ("…, featuring Paul McCartney") after an
    object, or any after a predicate noun or an appositive ("was called Sutton, meaning …",
    "introduced Ceefax, the first teletext service, starting in 1974")."""
    last = comma - 1
    for child in participle.head.children:
        if child.dep_ not in OBJECT_DEPS or not child.left_edge.i <= last <= child.right_edge.i:
            continue
        if child.dep_ != "dobj" or participle.lemma_.lower() in DESCRIBING_PARTICIPLES:
            return True
        if any(c.dep_ == "appos" for c in child.children):
            return True
    return False


def _head_tense(verb: Token) -> str | None:
    """The tense tag (VBD, VBZ or VBP) of a finite verb: its own, or its first auxiliary's
    ("was destroyed"); None for a perfect, a modal or a verb with no tense."""
    auxiliaries = [c for c in verb.children if c.dep_ in AUX_DEPS and c.i < verb.i]
    if auxiliaries:
        return TENSE_OF_AUXILIARY.get(auxiliaries[0].lower_)
    tag = effective_tag(verb)
    return tag if tag in {"VBD", "VBZ", "VBP"} else None


def _participle_tense(verb: Token) -> tuple[tuple[str, ...], str] | None:
    """(auxiliaries, tag) a shared-subject participle reads with: a passive one as "was" or
    "is" + participle by its head's tense ("Where was West raised?"), an active one in its
    head's tense with do-support ("What did the ship kill?")."""
    host = participle_host(verb)
    tense = _head_tense(host)
    if tense is None:
        return None
    if verb.tag_ == "VBG":
        return (), tense
    # past whatever the head's tense: "Begun as a journal, the magazine is issued …" says
    # what was done to it before
    subjects = _subject_children(host)
    plural = bool(subjects) and _plural_subject(subjects[0])
    return (PARTICIPLE_COPULAS[plural],), "VBN"


def reads_as_verb(token: Token) -> bool:
    """A verb, or a noun the tagger misread that heads the sentence with a subject before it
    ("the roots of Buddhism lie in …", "Early settlers raise cattle")."""
    if token.pos_ in {"VERB", "AUX"}:
        return True
    return token.pos_ == "NOUN" and effective_tag(token) in {"VBP", "VBZ"}


def _passive_participle(verb: Token) -> bool:
    """A participle that is no past: it has an agent ("the Karma Kargyu supported by the king")
    or a form only a participle has ("William Cookworthy born in Kingsbridge", "taken")."""
    if any(child.dep_ == "agent" for child in verb.children):
        return True
    word = verb.lower_
    return word.endswith(PARTICIPLE_ONLY_ENDINGS) and not word.endswith("ed")


def _plural_subject(subject: Token) -> bool:
    """A subject a plain present agrees with: a plural noun, a coordination ("Wang and
    Nyima"), or a plural or first/second person pronoun."""
    if subject.pos_ == "PRON":
        return subject.lower_ in PLURAL_PRONOUNS
    return subject.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subject.children)


# --------------------------------------------------------------------------- answer phrase


def _answer_phrase(verb: Token, answer: Span | None) -> set[int]:
    """Token indices of the answer plus the preposition phrase that only carries it."""
    if answer is None:
        return set()
    removed = {token.i for token in answer}
    # "the" before an answer "summer of 1917" is no use without it
    removed |= {c.i for t in answer for c in t.children if c.dep_ in {"det", "predet"}}
    # a date the parser split in two ("in early October | this year") leaves a preposition
    # whose object is inside the answer: it goes too
    for token in answer:
        head = token.head
        if (
            head.pos_ == "ADP"
            and head.i not in removed
            and token.dep_ == "pobj"
            and all(t.i in removed or t.i == head.i or t.is_punct for t in head.subtree)
        ):
            removed.add(head.i)
    root = answer.root
    # climb through prepositions/adverbial noun heads whose subtree is only the answer
    node = root
    while node.head.i != node.i and node.head.i != verb.i:
        head = node.head
        own = {t.i for t in head.subtree}
        extra = own - removed - {head.i}
        if head.pos_ in {"ADP", "SCONJ"} or head.dep_ in {"prep", "npadvmod"}:
            if all(head.doc[i].is_punct or head.doc[i].dep_ == "advmod" for i in extra):
                removed |= own
                node = head
                continue
            if head.pos_ == "ADP" and node.dep_ == "pobj":
                # "in the summer of 1917 across the country": the preposition goes with its
                # date; what hangs on the date ("across the country") stays
                removed.add(head.i)
            break
        if head.tag_ in {"CD", "NNP"} and head.ent_type_ == "DATE" and not extra:
            removed |= own
            node = head
            continue
        if head.pos_ == "ADV" and all(head.doc[i].lower_ in COMPARISON_WORDS for i in extra):
            removed |= own  # "as early as September 2006" goes whole, not "as early"
            node = head
            continue
        break
    return removed


# --------------------------------------------------------------------------- subject


def _subject(verb: Token, answer_phrase: set[int]) -> str | None:
    holder = verb
    # a coordinated verb without its own subject shares its head's
    while not _subject_children(holder) and holder.dep_ == "conj" and holder.head.i != holder.i:
        holder = holder.head
    children = _subject_children(holder)
    if not children:
        if shares_main_subject(verb):
            # "Raised in Chicago, West …": West
            return _subject(participle_host(verb), answer_phrase)
        return _relative_head_subject(verb) if verb.dep_ in {"acl", "relcl"} else None
    subject_token = children[0]
    if any(c.dep_ == "case" for c in subject_token.children):
        return None  # a possessor parsed as the subject ("Stalin’s “Foundations …” would be")
    if subject_token.dep_ == "expl":
        return subject_token.lower_  # "there", capitalised or not
    if subject_token.lower_ in RELATIVE_PRONOUNS and holder.dep_ == "relcl":
        return _relative_head_subject(holder)
    tokens = [t for t in subject_token.subtree if t.i not in answer_phrase]
    if len(tokens) == len(list(subject_token.subtree)):
        text = phrase_text(subject_token)
    else:
        text = _after_stray_quote(join_tokens(_drop_discourse(tokens)))
    if not text:
        return None
    if subject_token.pos_ == "PRON" and all(
        t.i == subject_token.i or t.tag_ == "PRP" or t.is_punct for t in tokens
    ):
        if subject_token.lower_ in THING_PRONOUNS and subject_token.head == verb.sent.root:
            # the main subject "it"/"they": named only where that is reliable ("It is common
            # for most breeds to …" is no "Irish")
            from .in_situ import main_subject_thing_name  # in_situ builds on this module

            return main_subject_thing_name(subject_token)
        return resolve_pronoun(subject_token, holder) or subject_token.text
    return _definite_subject(subject_token, holder, tokens, text)


def _definite_subject(head: Token, verb: Token, tokens: list[Token], text: str) -> str:
    """ "This move" -> "the move"; "Its rivers" -> "Montana's rivers" when "its" resolves.

    Only the determiner or possessor of the subject's own head, first in the phrase, is
    replaced: one deeper inside ("the end of this war") has no referent to name.
    """
    first = next((t for t in tokens if not t.is_punct and t.lower_ not in DISCOURSE_WORDS), None)
    if first is None or first.head.i != head.i or first.i >= head.i:
        return text
    words = text.split(" ", 1)
    if len(words) < 2 or words[0].lower() != first.lower_:
        return text
    if first.dep_ == "det" and first.lower_ == "the" and (named := _named_antecedent(head)):
        return named  # "The treaty was ratified" after "the Hellgate treaty": name it
    if first.dep_ == "det" and first.lower_ in DEMONSTRATIVE_WORDS:
        return _named_antecedent(head) or f"the {words[1]}"
    if first.dep_ == "poss" and first.lower_ in POSSESSIVE_PRONOUNS:
        name = resolve_pronoun(first, verb, POSSESSIVE_PRONOUNS[first.lower_])
        if name:
            return f"{name}’s {words[1]}" if not name.endswith("s") else f"{name}’ {words[1]}"
    return text


def _named_antecedent(head: Token) -> str | None:
    """The named phrase a bare definite subject ("the treaty", "this party") points back to: the
    last earlier mention, in a short window, of the same noun with a name on it ("the Hellgate
    treaty", "the Treaty of Paris", "the Bolshevik party"). None when the subject says more than
    its noun (a modifier or a phrase after it makes it specific already) or nothing names it."""
    if head.pos_ != "NOUN" or any(
        c.dep_ not in {"det", "amod"} or c.pos_ == "PROPN" for c in head.children
    ):
        return None
    doc = head.doc
    start = _window_start(head)
    for token in reversed(doc[start : head.sent.start]):
        if token.lemma_.lower() != head.lemma_.lower() or _plural(token) != _plural(head):
            continue
        if token.ent_type_ and token.ent_iob_ != "O":
            ent = next((e for e in doc_ents(doc) if e.start <= token.i < e.end), None)
            if ent is not None and ent.label_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL"}:
                return _definite(join_tokens(ent), ent.label_)
        names = [
            c
            for c in token.children
            if c.dep_ in {"compound", "amod", "nmod"} and c.pos_ == "PROPN"
        ]
        if names:
            first = min(names, key=lambda t: t.left_edge.i).left_edge
            return _definite(join_tokens(token.doc[first.i : token.i + 1]))
        return None  # the last mention names nothing: that one is the referent
    return None


def _definite(text: str, label: str = "") -> str:
    """ "Hellgate treaty" -> "the Hellgate treaty"; a place or person named whole stays bare
    ("the city" -> "New York City")."""
    if label in {"PERSON", "GPE"} or text.lower().startswith("the "):
        return text
    return f"the {text}"


def _plural(token: Token) -> bool:
    return token.tag_ in {"NNS", "NNPS"}


def _subject_children(verb: Token) -> list[Token]:
    """Subjects of `verb`; the small model sometimes hangs them on an auxiliary instead."""
    found = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    if not found:
        for aux in verb.children:
            if aux.dep_ in AUX_DEPS:
                found.extend(c for c in aux.children if c.dep_ in SUBJECT_DEPS)
    return found


def _relative_head_subject(verb: Token) -> str | None:
    """For "the thesis advanced by ..." / "a party which held ...": the noun phrase modified."""
    head = verb.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "the revolutionary and poet who fought": the first conjunct
    if head.dep_ == "appos" and head.head.pos_ == "PROPN":
        # "Marti, the revolutionary who fought ...": the name, not its description
        return phrase_text(head.head)
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        # "Feminist anthropology is an approach that seeks …": what is that approach
        subjects = [c for c in head.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects and subjects[0].pos_ in {"NOUN", "PROPN"}:
            return phrase_text(subjects[0])
    nominal = head.pos_ == "ADJ" and any(c.dep_ == "det" for c in head.children)
    if head.pos_ not in {"NOUN", "PROPN"} and not nominal:
        return None
    tokens = [
        t for child in head.lefts if child.dep_ in NOUN_PREMODIFIER_DEPS for t in child.subtree
    ]
    tokens.append(head)
    for child in head.rights:
        if child.i >= verb.i or child.dep_ not in {"prep", "compound", "appos"}:
            break
        tokens.extend(child.subtree)
    return _after_stray_quote(join_tokens(_drop_discourse(tokens))) or None


def _after_stray_quote(text: str) -> str:
    """ "Trotskyism” Lenin’s thesis" -> "Lenin’s thesis": a closing quote with no opening one
    means the parser glued the end of a quotation onto the phrase."""
    close = text.find("”")
    if close != -1 and "“" not in text[:close]:
        return text[close + 1 :].strip(TRIM_CHARS.replace("(", ""))
    if text.count('"') % 2 == 1:
        at = text.index('"')
        if at + 1 < len(text) and not text[at + 1].isspace() and (at == 0 or text[at - 1] == " "):
            # an opening quote whose closing one the parser hung elsewhere ('Architectural
            # "style'): the words are the subject's, only the mark goes
            return (text[:at] + text[at + 1 :]).strip(TRIM_CHARS.replace("(", ""))
        return text[at + 1 :].strip(TRIM_CHARS.replace("(", ""))
    return text


def resolve_pronoun(pronoun: Token, verb: Token, word: str | None = None) -> str | None:
    """The last compatible named entity (or subject) before `pronoun`, in a short window.

    `word` reads the pronoun as another form ("it" for a possessive "its")."""
    word = word or pronoun.lower_
    if word == "it" and pronoun.lower_ == "it" and is_expletive_it(verb):
        return None
    if word not in PERSON_PRONOUNS | THING_PRONOUNS:
        return None
    doc = pronoun.doc
    # "The FBI says it received ...": the subject of the clause that reports this one
    governing = _governing_subject(pronoun)
    if governing is not None and pronoun.i in {t.i for t in governing.subtree}:
        governing = None  # "Its rivers feed …": the phrase holding the possessive itself
    if governing is not None and agrees(word, governing):
        return phrase_text(governing)
    window_start = _window_start(pronoun)
    if word in PERSON_PRONOUNS:
        return _person_in_window(pronoun, word) or _chained_pronoun(pronoun, word)
    # it/they: the previous sentence's non-pronoun subject, else a group-like entity
    previous = _previous_sentence_subject(pronoun, word)
    if previous is not None:
        return previous
    for ent in reversed(doc_ents(doc)):
        if ent.start < window_start or ent.end > pronoun.i:
            continue
        if ent.label_ in GROUP_LABELS:
            if word == "they" and ent.label_ in PLACE_LABELS and ent.root.tag_ != "NNPS":
                continue  # "Switzerland … They grant degrees": a country is an "it"
            return _clean_name(ent)
    return None  # a chain of "it"s drifts: what "it" meant two sentences back may not hold


def _chained_pronoun(pronoun: Token, word: str, depth: int = 0) -> str | None:
    """What the same "he"/"she" opening the sentence before stands for: "Whitehead … In 1916 he
    cautioned … He opined …" -> both "he" are Whitehead, though the name is out of the window."""
    sentence = pronoun.sent
    if sentence.start == 0 or depth >= RESOLVE_WINDOW:
        return None
    previous = pronoun.doc[sentence.start - 1].sent
    for child in previous.root.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ == word:
            return _person_in_window(child, word) or _chained_pronoun(child, word, depth + 1)
    return None


def _person_in_window(pronoun: Token, word: str) -> str | None:
    """The person a "he"/"she" stands for among the names in its window, if any."""
    doc = pronoun.doc
    window_start = _window_start(pronoun)
    gender = PRONOUN_GENDER.get(word, "")
    return (
        last_person(doc, window_start, pronoun.i, gender)
        or _person_by_clause(doc, window_start, pronoun)
        or _name_shown_a_person(doc, window_start, pronoun, gender)
    )


def _name_shown_a_person(doc: Doc, start: int, pronoun: Token, gender: str) -> str | None:
    """The last singular name subject before `pronoun` (from token `start`) that the tagger did
    not call a person but the text shows is one: the same name is tagged a person elsewhere, it
    thinks or says something ("as Whitehead notes"), or it is called a person ("West is one of
    the best-selling artists"). The name must not say the other gender."""
    person_names = {_clean_name(e) for e in doc_ents(doc) if e.label_ == "PERSON"}
    for token in reversed(doc[start : pronoun.i]):
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.pos_ != "PROPN":
            continue
        if token.tag_ != "NNP" or token.conjuncts:
            continue
        name = phrase_text(token)
        if not name or len(name.split()) > MAX_PERSON_NAME_WORDS:
            continue
        if gender_of_name(name) not in {"", gender} or _named_as_a_group(token):
            continue
        if name in person_names or _acts_as_a_person(token, token.head):
            return name
    return None


def _named_as_a_group(token: Token) -> bool:
    """Whether `token` is in a name of several words the tagger calls something other than a
    person ("Imperial College London"): a one-word surname it mislabels ("Whitehead") is not."""
    return any(
        ent.label_ != "PERSON" and len(ent) > 1 and ent.start <= token.i < ent.end
        for ent in doc_ents(token.doc)
    )


def _acts_as_a_person(subject: Token, verb: Token) -> bool:
    """Whether the clause of `verb` shows its subject a person: a verb of thinking or saying, or
    a person noun as its predicate ("West is one of the best-selling artists")."""
    if verb.lemma_.lower() in PERSON_VERBS | THINKING_VERBS:
        return True
    if verb.dep_ != "ROOT":
        return False  # "…, of which Imperial College London was a member": not a statement
    for child in verb.children:
        if child.dep_ != "attr":
            continue
        predicate = child
        if child.lower_ == "one":  # "one of the best-selling artists"
            predicate = next(
                (g for c in child.children if c.dep_ == "prep" for g in c.children), child
            )
        if predicate.pos_ == "NOUN" and is_person_noun(predicate.lemma_):
            return True
    return False


def _they_for_one(verb: Token) -> bool:
    """Whether the verb's subject is a "they" that stands for the singular noun subject of the
    clause reporting it ("The Sichuan Ministry of Civil Affairs said that they have …")."""
    subjects = [c for c in _subject_children(verb) if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or subjects[0].lower_ != "they":
        return False
    governing = _governing_subject(subjects[0])
    return (
        governing is not None
        and agrees("they", governing)
        and governing.tag_ in SINGULAR_NOUN_TAGS
        and not governing.conjuncts
    )


def reported_pronoun_agrees(subject: Token, verb: Token) -> bool:
    """For "X said they saw …" asked as "Who said they saw …?": whether each subject pronoun of a
    clause the verb reports can stand for X (its number and, for a person, its gender); a
    question whose pronoun is someone else's ("Mary said he …" -> "Who said he …?") is none."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        for pronoun in clause.children:
            if pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.lower_ not in BOUND_SUBJECTS:
                continue
            if not _bound_to(pronoun.lower_, subject):
                return False
    return True


def _bound_to(pronoun: str, subject: Token) -> bool:
    """Whether "they", "he" or "she" agrees with the subject noun `subject`."""
    plural = subject.tag_ in {"NNS", "NNPS"} or bool(subject.conjuncts)
    if pronoun == "they":
        return plural or subject.ent_type_ in {"ORG", "NORP"}
    if plural or not _names_a_person(subject):
        return False
    gender = gender_of_name(phrase_text(subject))
    return gender in {"", PRONOUN_GENDER[pronoun]}


def _names_a_person(subject: Token) -> bool:
    """A person's name, or a noun for a person ("the spokesman")."""
    return subject.ent_type_ == "PERSON" or (
        subject.pos_ == "NOUN" and is_person_noun(subject.lemma_)
    )


def _governing_subject(pronoun: Token) -> Token | None:
    """The nearest noun subject of a verb above the pronoun's own in the same sentence."""
    for ancestor in pronoun.head.ancestors:
        if ancestor.pos_ not in {"VERB", "AUX"}:
            continue
        for child in ancestor.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ in {"NOUN", "PROPN"}:
                return child
    return None


def agrees(pronoun_word: str, noun: Token) -> bool:
    """Can `noun` be what the pronoun stands for (person, number)?"""
    is_person = noun.ent_type_ == "PERSON" or (
        noun.pos_ == "PROPN" and noun.i > 0 and noun.doc[noun.i - 1].lower_ in HONORIFICS
    )
    if pronoun_word in PERSON_PRONOUNS:
        # "Mary Bennet said that he …": a name of the other gender is not the referent
        gender = gender_of_name(phrase_text(noun)) if is_person else ""
        return is_person and gender in {"", PRONOUN_GENDER.get(pronoun_word, "")}
    if pronoun_word == "it":
        return not is_person and noun.tag_ in {"NN", "NNP"}
    return noun.tag_ in {"NNS", "NNPS"} or noun.ent_type_ in {"ORG", "NORP"}


def phrase_text(head: Token) -> str:
    """The noun phrase of `head` without an appositive ("Diana de Cardenas, 33," -> name)."""
    dropped: set[int] = set()
    if head.pos_ == "PROPN":
        for child in head.children:
            if child.dep_ == "appos":
                span = list(child.subtree)
                dropped |= {t.i for t in span}
                for edge in (span[0].i - 1, span[-1].i + 1):
                    if 0 <= edge < len(head.doc) and head.doc[edge].is_punct:
                        dropped.add(edge)
    tokens = [t for t in head.subtree if t.i not in dropped]
    return _after_stray_quote(join_tokens(_drop_discourse(tokens)))


def last_person(doc: Doc, start: int, end: int, gender: str = "") -> str | None:
    """The most recent PERSON in doc[start:end], preferring one that is a subject or possessor;
    with `gender` ("m"/"f"), none whose given name or title says the other one."""
    people = [
        e
        for e in doc_ents(doc)
        if e.label_ == "PERSON"
        and e.start >= start
        and e.end <= end
        and gender_of_name(e.text) in {"", gender or gender_of_name(e.text)}
    ]
    for ent in reversed(people):
        if ent.root.dep_ in {"nsubj", "nsubjpass", "poss"} or (
            ent.root.dep_ == "pobj" and ent.root.head.lower_ == "by"
        ):
            return _clean_name(ent)
    return _clean_name(people[-1]) if people else None


def acts_as_a_person(subject: Token, verb: Token) -> bool:
    """Whether a name the tagger did not call a person shows itself one in its clause: "his",
    "her" or "himself" bound to it ("West unveiled his clothing line"), or a first name as the
    subject of a verb only people do ("Charlotte could not help cautioning her")."""
    if subject.pos_ != "PROPN" or subject.tag_ == "NNPS":
        return False
    if _bound_person_word(verb) is not None:
        return True
    verbs = {verb.lemma_.lower()} | {
        c.lemma_.lower() for c in verb.children if c.dep_ in {"xcomp", "ccomp"}
    }
    return subject.lower_ in FIRST_NAMES and bool(verbs & PERSON_VERBS)


def _bound_person_word(verb: Token) -> str | None:
    """The first "his", "her" (possessive) or "himself"/"herself" after the verb in its clause,
    unless someone else is named before it (then it may be theirs)."""
    for token in verb.subtree:
        if token.i <= verb.i:
            continue
        if token.pos_ == "PROPN" or token.ent_type_ == "PERSON":
            return None
        if token.lower_ in BOUND_PERSON_WORDS and (token.dep_ == "poss" or token.lower_ != "her"):
            return token.lower_
    return None


def _person_by_clause(doc: Doc, start: int, pronoun: Token) -> str | None:
    """The last name before `pronoun` (from token `start`) that the tagger did not call a person
    but whose own clause binds a pronoun of the same gender to it: "West apologized during his
    performance. He later spoofed …" -> West."""
    wanted = PRONOUN_GENDER.get(pronoun.lower_)
    for token in reversed(doc[start : pronoun.i]):
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.pos_ != "PROPN":
            continue
        verb = token.head
        bound = _bound_person_word(verb) if verb.pos_ in {"VERB", "AUX"} else None
        if bound is not None and PRONOUN_GENDER.get(bound) == wanted:
            return phrase_text(token)
    return None


def is_expletive_it(verb: Token) -> bool:
    """ "it fell to X to prosecute", "it is necessary to", "it was Slaughter who": no referent."""
    if verb.lemma_ in COPULAS_AND_RAISERS and any(
        child.dep_ in {"ccomp", "csubj"} for child in verb.children
    ):
        return True
    for child in verb.children:
        if (
            child.dep_ in {"attr", "acomp"}
            and any(c.dep_ in {"relcl", "xcomp", "ccomp"} for c in child.children)
            and not _classifying_attribute(child)
        ):
            return True
    direct = {child.i for child in verb.children if child.dep_ == "xcomp"}
    # a to-infinitive that is not the verb's own complement ("decided to strike") points forward;
    # one inside a clause on a noun ("uses a system that allows the player to keep …") does not
    return any(
        token.lower_ == "to"
        and token.dep_ == "aux"
        and token.head.tag_ == "VB"
        and token.head.i not in direct
        and token.i > verb.i
        and not _inside_noun_clause(token.head, verb)
        for token in verb.subtree
    )


def _classifying_attribute(attribute: Token) -> bool:
    """ "It is a burgeoning field that overlaps with …": an indefinite noun with a relative clause
    says what the "it" before is, where a cleft's focus is definite ("It was Slaughter who …")."""
    return (
        attribute.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in attribute.children)
        and any(c.dep_ == "relcl" for c in attribute.children)
    )


def _inside_noun_clause(token: Token, verb: Token) -> bool:
    """Whether `token` sits in a clause modifying a noun below `verb` (a relative clause or a
    participle phrase)."""
    node = token
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in NOUN_CLAUSE_DEPS:
            return True
        node = node.head
    return False


def _window_start(token: Token) -> int:
    sentence = token.sent
    start = sentence.start
    doc = token.doc
    for _ in range(RESOLVE_WINDOW):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def _previous_sentence_subject(pronoun: Token, word: str) -> str | None:
    sentence = pronoun.sent
    if sentence.start == 0:
        return None
    previous = pronoun.doc[sentence.start - 1].sent
    root = previous.root
    for child in root.children:
        if (
            child.dep_ in {"nsubj", "nsubjpass"}
            and child.pos_ in {"PROPN", "NOUN"}
            and agrees(word, child)
        ):
            text = phrase_text(child)
            if len(text.split()) <= 8:
                return text or None
    return None


def _clean_name(ent: Span) -> str:
    tokens = [t for t in ent if not t.is_punct and t.tag_ != "POS"]
    if tokens and tokens[0].lower_ == "the" and ent.label_ == "PERSON":
        tokens = tokens[1:]
    return join_tokens(tokens)


# --------------------------------------------------------------------------- complement


def _complement(
    verb: Token, answer_phrase: set[int], end: int | None = None, simple: bool = False
) -> str:
    excluded = set(answer_phrase)
    if end is not None:
        excluded |= {t.i for t in verb.subtree if t.i >= end}
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS or child.dep_ in SUBJECT_DEPS or child.dep_ in AUX_DEPS:
            excluded |= {t.i for t in child.subtree}
        elif child.dep_ == "neg" or (child.dep_ == "punct" and child.i < verb.i):
            excluded.add(child.i)
        elif child.i < verb.i and (
            child.dep_ in {"advmod", "advcl", "prep", "npadvmod", "mark", "intj"}
            or child.lower_ in DISCOURSE_WORDS
        ):
            # fronted adverbials are not part of what the verb says
            excluded |= {t.i for t in child.subtree}
    if simple:
        for token in verb.subtree:
            if token.i > verb.i and token.dep_ in ADVERBIAL_CLAUSE_DEPS:
                excluded |= {t.i for t in token.subtree}
    tokens = [t for t in verb.subtree if t.i > verb.i and t.i not in excluded]
    tokens = _without_orphaned_clause(verb, tokens, answer_phrase)
    if verb.dep_ in {"acl", "relcl"}:
        tokens = [t for t in tokens if t.i > verb.i]
    return _tidy(tokens)


def _without_orphaned_clause(
    verb: Token, tokens: list[Token], answer_phrase: set[int]
) -> list[Token]:
    """Drop an adverbial clause that the removed answer leaves right after the verb: "initiated
    a struggle, developing a critique" asked as "What did they initiate developing a critique?"
    reads the participle as the object."""
    if not answer_phrase or min(answer_phrase) < verb.i:
        return tokens
    words = [t for t in tokens if not t.is_punct]
    if not words or words[0].i < max(answer_phrase):
        return tokens
    clause = next(
        (
            c
            for c in verb.children
            if c.dep_ in ADVERBIAL_CLAUSE_DEPS and c.left_edge.i <= words[0].i <= c.i
        ),
        None,
    )
    if clause is None:
        return tokens
    dropped = {t.i for t in clause.subtree}
    return [t for t in tokens if t.i not in dropped]


def _tidy(tokens: list[Token]) -> str:
    """Join tokens, drop empty comma pairs and trailing punctuation."""
    pieces: list[Token] = []
    for token in tokens:
        if token.text == "," and (not pieces or pieces[-1].text in {",", ";", ":"}):
            continue
        pieces.append(token)
    text = join_tokens(pieces)
    text = text.strip(TRIM_CHARS.replace("(", "")).rstrip(".!?;:").strip(TRIM_CHARS)
    return text


def _drop_discourse(tokens: list[Token]) -> list[Token]:
    """Drop leading "Thus,", "However," and a title before a name ("Comrade North")."""
    start = 0
    while start < len(tokens) and (
        tokens[start].is_punct
        or tokens[start].lower_ in DISCOURSE_WORDS
        or (
            tokens[start].lower_ in TITLE_WORDS
            and start + 1 < len(tokens)
            and tokens[start + 1].pos_ == "PROPN"
        )
    ):
        start += 1
    return tokens[start:]


def join_tokens(tokens: Iterable[Token]) -> str:
    """Rebuild text from tokens with their own spacing, skipping gaps where tokens were dropped."""
    out: list[str] = []
    previous: Token | None = None
    for token in tokens:
        if previous is not None:
            if token.i == previous.i + 1:
                out.append(previous.whitespace_)
            elif not token.is_punct or token.text in '(“"‘':
                out.append(" ")
        out.append(token.text)
        previous = token
    return " ".join("".join(out).split()).strip(TRIM_CHARS.replace("(", "")).strip()
