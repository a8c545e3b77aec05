"""Key claims: the most central sentences of each stretch of text, as questions or clozes.

Sentences are ranked by centrality.py (TextRank with a length penalty, weighted by the specific
facts a sentence states) and here by whether they make a clean wh-question. Each block keeps
about one claim per `words_per_claim` words (default `WORDS_PER_CLAIM`). For every chosen
sentence the answer is its key entity, number or term, preferring what the main clause asserts.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TypeVar

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import ClaimFact, Clause, Span
from ..questions import (
    REPORTING_LEMMAS,
    SHELL_NOUNS,
    claim_question,
    in_situ_question,
    shown_complement,
)
from ..vocabulary import is_person_noun
from .centrality import (
    CONTENT_POS,
    NUMBER_LABELS,
    blocks,
    content_lemmas,
    sentence_merits,
    vague_number,
    word_count,
)
from .clauses import (
    FIRST_NAMES,
    PARTICIPLE_TAGS,
    PLACE_LABELS,
    SINGULAR_NOUN_TAGS,
    SUBJECT_DEPS,
    acts_as_a_person,
    clause_for,
    effective_tag,
    is_existential,
    join_tokens,
    participle_host,
    reads_as_verb,
    reported_pronoun_agrees,
    resolve_pronoun,
    shares_main_subject,
)
from .in_situ import PLACE_PREPOSITIONS, TIME_LABELS, in_situ_frame, whole_phrase
from .people import gender_of_name
from .text import FINITE_VERB_TAGS, doc_ents, ents_in, noun_chunks_in

_T = TypeVar("_T")
WORDS_PER_CLAIM = 100.0  # default density: about one claim per this many words
QUESTIONS_PER_CLAIM = 1  # default: one note per key sentence (more make a denser drill deck)
MIN_TOKENS = 8  # a shorter sentence is too little context for a cloze …
MIN_QUESTION_TOKENS = 5  # … though it may still make a question ("Marconi invented the radio.")
MAX_WORDS = 40  # words, not punctuation: a longer sentence is a passage, not a card
ANSWER_LABELS = frozenset(
    {"ORG", "PERSON", "NORP", "GPE", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
)
# openers that need the previous sentence to make sense
DANGLING_OPENERS = frozenset(
    {
        "it", "this", "that", "these", "those", "they", "he", "she", "such", "there", "here",
        "but", "and", "or", "so", "yet", "thus", "hence", "then", "also", "both", "which",
        "him", "her", "them", "his", "its", "their", "we", "i", "you", "our", "my",
    }
)  # fmt: skip
# a subject pronoun that may open a claim when it refers back to a name
RESOLVABLE_PRONOUNS = frozenset({"it", "he", "she", "they"})
# openers a question can leave out or rewrite, though a cloze would show them: a connective
# ("But by the 1940s, …"), a demonstrative determiner ("This move was …" -> "the move") and a
# possessive ("Its rivers feed …" -> "Montana's rivers"; the question is dropped unless it
# resolves)
CONNECTIVE_OPENERS = frozenset({"but", "and", "so", "yet", "thus", "hence", "then", "also", "or"})
DETERMINER_OPENERS = frozenset({"this", "these", "those", "its", "their", "his", "her"})
# a sentence longer than MAX_WORDS still makes a question on its main clause (the question is
# cut to its own limit), though not a cloze
MAX_QUESTION_SENTENCE_WORDS = 60
# a longer sentence still makes an in-situ question of the clause that holds its answer (one
# cut at a ";" or before a joined clause, within the question's own limit): a fronted question
# on it took the wrong clause too often
MAX_IN_SITU_SENTENCE_WORDS = 90
# such a sentence leans on its context or buries its point: it is chosen after the plain ones
REWRITTEN_PENALTY = 0.3
# a long sentence whose question stands alone and is short loses less: only the cloze is lost
LONG_SENTENCE_PENALTY = 0.6
SHORT_QUESTION_WORDS = 20
# a cloze showing "they", "he", "we" … is a weaker card than one that stands alone
PRONOUN_CLOZE_PENALTY = 0.5
NAME_LABELS_KEY = "factcards.name_labels"
PERSON_NAMES_KEY = "factcards.person_names"
# a pronoun that only a person is (read as its subject form for resolve_pronoun)
PERSON_PRONOUN_READINGS: dict[str, str] = {
    "he": "he", "him": "he", "his": "he", "himself": "he", "she": "she", "herself": "she",
}  # fmt: skip
# labels of a name that may still be a person's when a "he" or "she" stands for it
# ("West" tagged LOC in a paragraph about Kanye West)
PERSON_MISLABELS = frozenset({"", "LOC", "NORP", "GPE", "ORG", "PRODUCT", "WORK_OF_ART"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "them", "we", "us", "i", "you"})
QUOTE_CHARS = frozenset({'"', "“", "”"})
# what a reporting verb reports: its object, clause or infinitive
REPORTED_DEPS = frozenset({"ccomp", "dobj", "xcomp"})
# reporting verbs with no other sense: used bare, they still leave out what was said
ALWAYS_REPORTING_LEMMAS = frozenset({"say", "tell", "reply", "remark", "declare", "insist"})
CLOSE_PUNCTUATION = ",;:.!?\"'”’»)]"
# a quoted run this short is a title or a term ("white book", “Foundations of Leninism”), not
# a quotation: it may be an answer
MAX_TERM_QUOTE_WORDS = 4
# a sentence whose root carries one of these subordinators is a fragment ("Precisely because …")
SUBORDINATE_DEPS = frozenset({"mark"})
# meta, rhetorical and hedged sentences: about the text or the speaker, not about the subject
META_OPENERS: tuple[str, ...] = (
    "i would like", "i want", "i will", "i shall", "i think", "i believe", "i quote",
    "let me", "let us", "let's", "we will", "we shall", "we now", "we can", "we must",
    "as we", "as i", "it is worth", "it should be", "it must be", "note that", "notice that",
    "consider", "suffice it", "allow me", "in this lecture", "in this article", "in this essay",
    "in this chapter", "in this section", "turning to", "to return to", "to sum up",
    "in conclusion", "in my opinion", "in our opinion", "see ", "perhaps", "maybe",
)  # fmt: skip
HEDGE_WORDS = frozenset(
    {"perhaps", "possibly", "probably", "arguably", "presumably", "seemingly", "maybe"}
)
# words an answer never starts or ends with: it would be part of a longer phrase
EDGE_POS = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "PART", "PRON", "PUNCT", "SPACE", "AUX"})
# prepositions after which a place answers "Where …?"
# prepositions (and "next", "close" of "next to", "close to") that open a locative inversion:
# "Atop the dome is a statue", "Among the dead were …"
LOCATIVE_INVERSION_WORDS = frozenset(
    {"above", "across", "adjacent", "along", "among", "amongst", "around", "at", "atop", "behind",
     "below", "beneath", "beside", "beyond", "close", "in", "inside", "near", "next", "on",
     "opposite", "outside", "to", "under", "underneath", "within"}
)  # fmt: skip
INVERSION_ADVERBS = frozenset({"also", "just", "directly", "immediately", "further"})
# prepositions after which a place answers "Where … to/from?"
DIRECTION_PREPOSITIONS = frozenset({"to", "from", "into", "toward", "towards"})
# prepositions a question may leave at its end ("What did the earthquake occur along?")
STRANDABLE_PREPOSITIONS = frozenset(
    {"in", "on", "at", "to", "from", "with", "by", "for", "into", "onto", "about", "against",
     "among", "between", "through", "under", "over", "toward", "towards", "across", "along",
     "around", "behind", "near", "like", "as", "of", "upon", "within", "throughout", "beyond"}
)  # fmt: skip
# nouns of fixed adverbial phrases ("at the time", "in addition to", "in terms of", "on the
# other hand"): never the thing a question asks for
ADVERBIAL_NOUNS = frozenset(
    {"time", "times", "moment", "point", "period", "addition", "terms", "term", "spite",
     "order", "respect", "regard", "view", "way", "fact", "case", "hand", "part", "end",
     "course", "place", "behalf", "light", "front", "sense", "extent", "degree", "number",
     "turn", "return", "effect"}
)  # fmt: skip
# a verb's second object ("appointed Pusha T | the new president", "gave the museum | a
# painting"): asking for one object leaves the other reading as the answer's role
SECOND_OBJECT_DEPS = frozenset({"dobj", "dative", "oprd"})
# dates and times are asked with "When" by the date notes: "What did it take effect on?" is not
# a subject that denies ("No one had suggested X"): asking "What had no one suggested?" turns
# the claim into its opposite's question; "Not all traditions share …" asked "What shares …?"
# drops the "not"
NEGATIVE_SUBJECT_WORDS = frozenset({"no", "nobody", "nothing", "none", "neither", "noone", "not"})
# a noun completed by a content clause ("the idea that …", "the fact that …"): the noun alone is
# a placeholder, not an answer
CONTENT_CLAUSE_DEPS = frozenset({"acl", "ccomp"})
# endings of a plural name that makes its bearers people: Crusaders, Pabloites, Calvinists
PEOPLE_PLURAL_ENDINGS = ("ers", "ites", "ists", "ians")
# nouns of prepositional idioms when bare: "on record", "at home", "in charge", "at stake"
IDIOM_NOUNS = frozenset(
    {"record", "home", "charge", "touch", "stake", "risk", "power", "office", "trial", "duty",
     "sale", "board", "foot", "hold", "display", "strike", "leave", "loan", "air", "line"}
)  # fmt: skip
# prepositional idioms with "the": "a game was in the works", "prices are on the rise"
THE_IDIOMS = frozenset(
    {("in", "works"), ("on", "rise"), ("on", "way"), ("on", "move"), ("in", "lead"),
     ("in", "dark"), ("on", "horizon"), ("in", "air"), ("on", "wane"), ("in", "running")}
)  # fmt: skip
# an argument of the main verb that may be asked for
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
# a verb or adjective completing the main verb: "were unable to contact X", "wanted to build X"
OPEN_COMPLEMENT_DEPS = frozenset({"xcomp", "acomp"})
# right modifiers kept in an answer phrase ("a monopoly of foreign trade"); a clause, an
# appositive or a parenthesis after the head is dropped
KEPT_RIGHT_DEPS = frozenset({"prep", "pobj", "compound", "nummod", "amod", "npadvmod"})
CLAUSE_MODIFIER_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "appos", "parataxis"})
MAX_QUESTION_ANSWER_TOKENS = 8
# what opens an aside after a noun phrase: the phrase without it is still a whole answer
BRACKETS = (("(", ")"), ("[", "]"))
ASIDE_OPENERS = frozenset({",", "(", "[", "–", "—", ";"})
# clauses below the main one that a question may be asked of (`_embedded_statement`)
EMBEDDED_STATEMENT_DEPS = frozenset({"ccomp", "advcl"})
# punctuation that joins two sentences into one ("…siblings; no fines would apply"); a colon
# introduces what follows, so it is not one
CLAUSE_SEPARATORS = frozenset({";", "–", "—"})
SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON"})
STATEMENT_SUBORDINATORS = frozenset(
    {"while", "as", "because", "since", "after", "before", "when", "although", "though",
     "whereas", "until", "once"}
)  # fmt: skip
PARTICIPIAL = "participial"  # the tier of participial statements (see _claim_for)
DEMONSTRATIVES = frozenset({"this", "these", "those", "that", "such"})
# words that compare with something said before: a card holding them leans on that
# modifiers that say how a noun relates to others or leave it open, not which it is
VAGUE_MODIFIERS = frozenset(
    {"different", "various", "varying", "certain", "related", "similar", "other", "previous",
     "earlier", "later", "further", "additional", "same", "several", "numerous", "respective",
     "particular", "specific", "many", "some", "few", "such"}
)  # fmt: skip
BACK_REFERRING_WORDS = frozenset({"another", "similar", "similarly", "likewise"})
QUESTION_CANDIDATES = 3  # answers tried, best first, for a clean wh-question
QUESTION_MARGIN = 1.0  # ... as long as they score within this of the best answer
MAX_ANSWER_TOKENS = 6
ENTITY_BONUS = 4.0
NUMBER_BONUS = 4.5  # a number is the most testable fact of a sentence
SUBJECT_PENALTY = 0.5
# per clause an answer sits below the main one ("… on the grounds that Germany provided …")
CLAUSE_DEPTH_PENALTY = 1.0
SUBORDINATE_CLAUSE_DEPS = frozenset(
    {"advcl", "relcl", "acl", "ccomp", "csubj", "csubjpass", "pcomp", "parataxis"}
)
BONUS_ROLES = frozenset({"subject", "object", "place"})
QUESTION_BONUS = 1.3  # a sentence that makes a clean wh-question makes the better card
NEAR_DUPLICATE = 0.8  # Jaccard overlap of content lemmas above which two claims are one
FOCUS_WEIGHT = 1.0
TERM_CAP = 3.0
LONE_WORD_SCORE = -5.0  # below any other answer: tried last, and never blanked in a cloze
LONE_WORD_LABEL = "TERM"
# answers tried after the ranked candidates: the head phrase of each argument of a main clause
# (subject, object, attribute, object of a preposition), scored below every ranked one
ARGUMENT_SCORE = LONE_WORD_SCORE - 1.0
# the most that focus weight adds to an answer's score: a lone word stays below this
CLOZE_SCORE_SLACK = FOCUS_WEIGHT


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside double quotation marks (reset at each paragraph), except in
    quoted runs of at most MAX_TERM_QUOTE_WORDS words: those are titles and terms."""
    inside: set[int] = set()
    run: list[int] = []
    open_quote = False

    def close_run() -> None:
        if sum(1 for i in run if not doc[i].is_punct) > MAX_TERM_QUOTE_WORDS:
            inside.update(run)
        run.clear()

    for token in doc:
        if token.is_space and "\n\n" in token.text:
            inside.update(run)  # a quotation left open runs to the end of its paragraph
            run.clear()
            open_quote = False
            continue
        if token.text in QUOTE_CHARS:
            opening = token.text == "“" or (token.text == '"' and not open_quote)
            close_run()
            open_quote = opening
            continue
        if open_quote:
            run.append(token.i)
    inside.update(run)
    return inside


def _eligible(sent: SpacySpan, quoted: set[int]) -> bool:
    words = [t for t in sent if not t.is_space]
    if not words or sent.text.rstrip().endswith("?"):
        return False
    if len(words) < MIN_QUESTION_TOKENS or word_count(sent) > MAX_IN_SITU_SENTENCE_WORDS:
        return False
    first = next((t for t in words if not t.is_punct), None)
    if first is None or (first.lower_ in DANGLING_OPENERS and not _rewritable_opener(sent)):
        return False
    if first.text[:1].islower():
        return False  # a fragment cut off by a page break or a list
    if words[0].text in QUOTE_CHARS:
        return False
    if words[-1].text == ":":
        return False  # "Trotsky wrote as follows:" introduces what comes next
    if not is_main_clause(sent) or is_meta(sent):
        return False
    in_quotes = sum(1 for t in words if t.i in quoted)
    return in_quotes * 2 < len(words)


def _rewritable_opener(sent: SpacySpan) -> bool:
    """Whether a question can stand without what the sentence's first word points back to: a
    resolvable subject pronoun, a connective, or a determiner of a noun."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None:
        return False
    if first.lower_ in CONNECTIVE_OPENERS and first.dep_ in {"cc", "advmod"}:
        return True
    if first.lower_ == "there" and first.dep_ == "expl":
        return True  # "There are 16 institutes …" points to nothing before it
    if first.lower_ in DETERMINER_OPENERS and first.dep_ in {"det", "poss"}:
        return first.head.pos_ in {"NOUN", "PROPN"}
    return _opening_pronoun(sent) is not None


def question_only(sent: SpacySpan) -> bool:
    """A sentence that makes a claim only as a question: a cloze would show a pronoun, a
    connective or a demonstrative with nothing to refer to, or be too long or too short."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if sum(1 for t in sent if not t.is_space) < MIN_TOKENS:
        return True  # "Casinos in Macau closed down.": a cloze of it leaves too little to go on
    return word_count(sent) > MAX_WORDS or first is None or first.lower_ in DANGLING_OPENERS


def _opening_pronoun(sent: SpacySpan) -> Token | None:
    """The pronoun that opens the sentence as the subject of its main verb ("It opposed …",
    "He was expelled …") when it refers to a name of the sentences before: the question then
    names it ("What did the ICFI oppose?"); a cloze, which shows the pronoun, is not made."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if (
        first is None
        or first.lower_ not in RESOLVABLE_PRONOUNS
        or first.dep_ not in {"nsubj", "nsubjpass"}
        or first.head.i != sent.root.i
    ):
        return None
    return first if resolve_pronoun(first, sent.root) else None


def is_main_clause(sent: SpacySpan) -> bool:
    """Whether the sentence has a finite main verb with a subject and is not a subordinate
    clause standing alone ("Precisely because capitalism has developed as a world system.")."""
    root = sent.root
    if not reads_as_verb(root):
        return False
    children = list(root.children)
    if any(child.dep_ in SUBORDINATE_DEPS for child in children):
        return False
    if _inverted_be(root) is not None:
        return True  # "Next to the Main Building is the Basilica": the subject follows "be"
    auxiliaries = [child for child in children if child.dep_ in {"aux", "auxpass"}]
    if effective_tag(root) not in FINITE_VERB_TAGS and not any(
        a.tag_ in FINITE_VERB_TAGS for a in auxiliaries
    ):
        return False
    subjects = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
    return any(child.dep_ in subjects for child in children) or any(
        grandchild.dep_ in subjects for a in auxiliaries for grandchild in a.children
    )


def is_meta(sent: SpacySpan) -> bool:
    """About the text or the speaker, rhetorical or hedged: "I would like to quote …",
    "It is worth noting that …", "Perhaps the party …"."""
    text = " ".join(sent.text.lower().split()).lstrip("\"'“‘(")
    if text.startswith(META_OPENERS):
        return True
    return any(t.lower_ in HEDGE_WORDS for t in sent)


def _trim(tokens: SpacySpan) -> SpacySpan:
    """Drop function words and punctuation from both ends ("Chinese revolution as" -> …)."""
    doc = tokens.doc
    start, end = tokens.start, tokens.end

    def is_edge(token) -> bool:
        return token.pos_ in EDGE_POS or token.tag_ == "POS" or token.is_space

    while start < end and is_edge(doc[start]):
        start += 1
    while end > start and is_edge(doc[end - 1]):
        end -= 1
    return SpacySpan(doc, start, end)  # as doc[start:end], without re-checking the bounds


def _whole_phrase(tokens: SpacySpan) -> SpacySpan | None:
    """A candidate that is the tail of a longer noun phrase ("country" of "socialism in one
    country") extended to that phrase; None when the phrase is too long to be an answer."""
    doc = tokens.doc
    root = tokens.root
    if (
        root.dep_ != "pobj"
        or root.head.dep_ != "prep"
        or root.head.head.pos_
        not in {
            "NOUN",
            "PROPN",
        }
    ):
        return tokens
    noun = root.head.head
    if noun.i > tokens.start:
        return tokens
    left = min([noun.i] + [t.i for c in noun.lefts for t in c.subtree])
    phrase = _trim(doc[left : tokens.end])
    if not len(phrase) or len(phrase) > MAX_ANSWER_TOKENS:
        return None if root.head.lower_ != "of" else tokens
    return phrase


# words that join the parts of one name: "University of Engineering & Technology"
NAME_JOINER_RUNS: tuple[tuple[str, ...], ...] = (("of",), ("&",), ("-",), ("of", "the"))
NAME_LABELS = ANSWER_LABELS | NUMBER_LABELS
MAX_NAME_TOKENS = 8  # "University of St Mark & St John": a name is one answer, if a long one
PREMODIFIER_DEPS = frozenset({"compound", "nmod"})
NOT_NAME_POS = frozenset({"ADV", "VERB", "AUX", "PRON", "SCONJ"})
NOT_NAME_PUNCTUATION = frozenset({",", ";", "(", ")"})
# prepositions that join two phrases, never the words of one name ("Linnaeus as Canis")
NOT_NAME_WORDS = frozenset({"as", "than", "like"})
NAME_PREMODIFIER_POS = frozenset({"PROPN", "NOUN", "ADJ", "CCONJ", "PUNCT", "NUM"})


def _entity_around(token: Token) -> tuple[int, int] | None:
    """(first, end) token of the answer-worthy entity that holds `token`, if any."""
    if token.ent_type_ not in NAME_LABELS:
        return None
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _plausible_name(entity: SpacySpan) -> bool:
    """Whether a tagged entity reads as a name: no adverb, verb, pronoun, comma or "as" in it
    (the tagger calls "West briefly" a place, "the Master Sword, Link" one title and "Linnaeus
    as Canis" a person)."""
    return not any(
        t.pos_ in NOT_NAME_POS or t.text in NOT_NAME_PUNCTUATION or t.lower_ in NOT_NAME_WORDS
        for t in entity
    )


def _name_word(token: Token) -> bool:
    """A proper noun, by its part of speech or its tag (the parser may call "Babasaheb" of "Dr.
    Babasaheb Ambedkar" an auxiliary, the tagger still calls it a proper noun)."""
    return token.pos_ == "PROPN" or token.tag_ in {"NNP", "NNPS"}


def _name_step(doc: Doc, edge: int, step: int, sent: SpacySpan) -> int:
    """How many tokens from `edge` (the token just outside a span, going by `step`) belong to
    the same name: a proper noun, or a joiner ("of", "of the", "&", "-") and a proper noun."""

    def at(offset: int) -> Token | None:
        i = edge + step * offset
        return doc[i] if sent.start <= i < sent.end else None

    first = at(0)
    if first is None:
        return 0
    if _name_word(first):
        return 1
    for joiner in NAME_JOINER_RUNS:
        words = list(joiner if step > 0 else reversed(joiner))
        run = [at(k) for k in range(len(words) + 1)]
        if any(t is None for t in run):
            continue
        *joining, name = run
        if [t.lower_ for t in joining if t] == words and name and _name_word(name):
            return len(run)
    return 0


def _name_run(tokens: SpacySpan, sent: SpacySpan) -> tuple[int, int]:
    """The span grown over the proper nouns its edge words are part of ("Lafortune" ->
    "Joseph Lafortune", "University" -> "University of Engineering & Technology")."""
    doc = tokens.doc
    start, end = tokens.start, tokens.end
    if _name_word(doc[start]):
        while grown := _name_step(doc, start - 1, -1, sent):
            start -= grown
    if _name_word(doc[end - 1]):
        while grown := _name_step(doc, end, 1, sent):
            end += grown
    return start, end


def _joined_by_hyphen(word: Token, hyphen: Token) -> bool:
    """Whether `hyphen` is a hyphen written with no space between `word` and the next word."""
    following = hyphen.nbor(1) if hyphen.i + 1 < len(hyphen.doc) else None
    return (
        hyphen.text == "-"
        and not word.whitespace_
        and not hyphen.whitespace_
        and following is not None
        and following.is_alpha
        and word.is_alpha
    )


def _article_kept(fact: ClaimFact, answer: SpacySpan) -> ClaimFact:
    """The question's fact with its answer's "the", when the question still stands with it."""
    with_article = _with_article(answer)
    if with_article is answer:
        return fact
    kept = replace(fact, answer=_span(with_article))
    return kept if claim_question(kept) is not None else fact


def _with_article(answer: SpacySpan) -> SpacySpan:
    """The answer with the "the" its phrase opens with in the source: "the Dzungar Mongols",
    "the Observer" (a question's answer is said whole; a cloze keeps its "the" as a clue)."""
    doc = answer.doc
    before = doc[answer.start - 1] if answer.start > 0 else None
    if before is None or before.lower_ != "the" or not answer.start <= before.head.i < answer.end:
        return answer
    return doc[before.i : answer.end]


def _title_article(token: Token) -> bool:
    """A capitalised "The" inside a sentence: the first word of a title ("his album The Life of
    Pablo"), not an article before a name."""
    return token.text == "The" and not token.is_sent_start


def _cuts_a_name(answer: SpacySpan, sent: SpacySpan) -> bool:
    """Whether the answer holds part of a name but not all of it ("Legend of Zelda" of "The
    Legend of Zelda: Twilight Princess")."""
    core = _trim(answer)
    if any(t.like_num for t in core):
        return False  # "How many tons …?" -> "Five": the unit is asked in the question
    whole = _whole_name(core, sent) if len(core) else None
    if whole is None:
        return True
    first = whole.start + 1 if _title_article(whole[0]) else whole.start
    return first < core.start or whole.end > core.end


def _hyphenated(start: int, end: int, doc: Doc) -> tuple[int, int]:
    """The span grown over words it is hyphenated to ("Hunter" -> "Hunter-gatherers")."""
    while start >= 2 and _joined_by_hyphen(doc[start - 2], doc[start - 1]):
        start -= 2
    while end + 1 < len(doc) and _joined_by_hyphen(doc[end - 1], doc[end]):
        end += 2
    return start, end


def _named_head(start: int, end: int, doc: Doc) -> tuple[int, int]:
    """The span grown to the noun phrase a name premodifies after "the": "the Westminster
    system", "the Sichuan earthquake", "the Devon and Cornwall … offices" name one thing; "a
    BBC technician" is left as it is."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ not in PREMODIFIER_DEPS or head.i < end or head.pos_ != "NOUN":
        return start, end
    first = head.left_edge.i
    if doc[first].lower_ != "the" or first >= start:
        return start, end
    premodifiers = doc[first + 1 : head.i]
    if any(t.pos_ not in NAME_PREMODIFIER_POS for t in premodifiers):
        return start, end
    return first + 1, head.i + 1


def _with_region(start: int, end: int, doc: Doc) -> int:
    """The end grown over the region a place is placed in: "Hui County, Gansu"."""
    place = doc[start:end]
    if end + 1 >= len(doc) or doc[end].text != "," or place.root.ent_type_ not in PLACE_LABELS:
        return end
    region = _entity_around(doc[end + 1])
    if region is None or region[0] != end + 1 or doc[end + 1].ent_type_ != "GPE":
        return end
    if not any(c.dep_ == "appos" and region[0] <= c.i < region[1] for c in place.root.children):
        return end
    if _list_goes_on(region[1], doc):
        return end  # "Great Falls, Lewistown, Cut Bank and Glasgow": a list of places
    return region[1]


def _list_goes_on(end: int, doc: Doc) -> bool:
    """Whether another name follows `end` after a comma or "and"/"or": a list, not a region."""
    i = end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].lower_ in {"and", "or"}:
        i += 1
    return i > end and i < len(doc) and _name_word(doc[i])


def _whole_name(tokens: SpacySpan, sent: SpacySpan) -> SpacySpan | None:
    """The candidate grown to the whole name or number it is part of; None when that whole is
    too long to be an answer (a part of a name is no answer: "University of Engineering &
    {{c1::Technology}}")."""
    doc = tokens.doc
    start, end = tokens.start, tokens.end
    if not any(t.like_num for t in tokens):
        start, end = _hyphenated(start, end, doc)  # "four-eyed" is no number
    for edge in (doc[start], doc[end - 1]):
        entity = _entity_around(edge)
        if entity is not None and _plausible_name(doc[entity[0] : entity[1]]):
            start, end = min(start, entity[0]), max(end, entity[1])
    trimmed = _trim(doc[start:end])
    if not len(trimmed):
        return None
    start, end = _name_run(trimmed, sent)
    person = _entity_around(trimmed[0]) if trimmed[0].ent_type_ == "PERSON" else None
    if person is not None and end <= person[1]:
        # a person's title is no part of the name: "Tibetologist John Powers" -> "John Powers"
        while start < trimmed.start and is_person_noun(doc[start].lower_):
            start += 1
    if doc[start].lower_ == "the" and end - start > 1:
        start += 1
    start, end = _named_head(start, end, doc)
    if start > sent.start and _title_article(doc[start - 1]):
        start -= 1  # "The Life of Pablo", "The Observer": the title's own "The"
    whole = doc[start:end]
    if not (sent.start <= start and end <= sent.end) or len(whole) > MAX_NAME_TOKENS:
        return None
    return whole


def _answer_candidates(sent: SpacySpan) -> Iterator[tuple[int, int, str]]:
    """(first token, end token, label) of entities and noun chunks that could be blanked."""
    for ent in ents_in(sent):
        if ent.label_ == "NORP" and len(ent) == 1 and (ent.root.pos_ == "ADJ" or ent.root.is_lower):
            continue  # "Soviet" in "Soviet workers" is a modifier, not the thing talked about
        if ent.label_ in ANSWER_LABELS or ent.label_ in NUMBER_LABELS:
            start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
            if ent.label_ in NUMBER_LABELS and vague_number(ent.doc[start : ent.end]):
                continue
            yield start, ent.end, ent.label_
    yield from _short_quotes(sent)
    for chunk in noun_chunks_in(sent):
        start = chunk.start
        while start < chunk.end and (
            chunk.doc[start].dep_ in {"det", "poss", "predet"}
            or (chunk.doc[start].is_stop and not _in_name(chunk.doc[start]))
            or chunk.doc[start].is_punct
        ):
            start += 1
        if start < chunk.end:
            yield start, chunk.end, "TERM"


def _short_quotes(sent: SpacySpan) -> Iterator[tuple[int, int, str]]:
    """Quoted runs of at most MAX_TERM_QUOTE_WORDS words: a title or a term the author marks
    (“Foundations of Leninism”, a “white book”), the thing a reader should remember."""
    opened: int | None = None
    for token in sent:
        if token.text not in QUOTE_CHARS:
            continue
        closing = token.text == "”" or (token.text == '"' and opened is not None)
        if closing and opened is not None:
            run = sent.doc[opened + 1 : token.i]
            words = [t for t in run if not t.is_punct]
            if 0 < len(words) <= MAX_TERM_QUOTE_WORDS:
                yield run.start, run.end, "QUOTED"
            opened = None
        else:
            opened = token.i


def _in_name(token: Token) -> bool:
    """A capitalised word inside a name, not at a sentence start: "First" of "the First World
    War", "Second" of "the Second International"."""
    doc = token.doc
    return (
        token.text[:1].isupper()
        and not token.is_sent_start
        and token.i + 1 < len(doc)
        and doc[token.i + 1].pos_ == "PROPN"
    )


def _clause_depth(tokens: SpacySpan, root: Token) -> int:
    """How many clauses below the main clause (headed by `root`) the span sits."""
    depth = 0
    node = tokens.root
    while node.i != root.i and node.head.i != node.i:
        if node.dep_ in SUBORDINATE_CLAUSE_DEPS:
            depth += 1
        node = node.head
    return depth


def _ranked_answers(
    sent: SpacySpan, frequency: Counter[str], quoted: set[int]
) -> list[tuple[float, int, int, str]]:
    """Answer spans (score, first token, end token, label), best first."""
    scored: dict[tuple[int, int], tuple[float, str]] = {}
    quoted_terms = [(start, end) for start, end, _ in _short_quotes(sent)]
    for start, end, label in _answer_candidates(sent):
        tokens = _trim(sent.doc[start:end])
        if not len(tokens):
            continue
        extended = _whole_phrase(tokens) if label == "TERM" else tokens
        if extended is None:
            continue
        tokens = extended
        if len(tokens) > MAX_ANSWER_TOKENS:
            continue
        if any(
            (a, b) != (tokens.start, tokens.end) and a < tokens.end and tokens.start < b
            for a, b in quoted_terms
        ):
            continue  # part of a quoted title or term, or a phrase across its quotation marks
        if any(
            t.pos_ == "PRON"
            or t.ent_type_ in {"DATE", "TIME"}
            or (t.ent_type_ == "ORDINAL" and not _in_name(t))
            for t in tokens
        ):
            continue
        if all(t.is_stop or t.is_punct for t in tokens) or any(t.i in quoted for t in tokens):
            continue
        lemmas = content_lemmas(tokens)
        if label in NUMBER_LABELS:
            score = NUMBER_BONUS
        elif not lemmas:
            continue
        else:
            score = sum(math.log1p(frequency[lemma]) for lemma in lemmas) / math.sqrt(len(lemmas))
            if label != "TERM" or tokens.root.pos_ == "PROPN":
                # a specific name (or a title or term in quotation marks) is the best blank;
                # the text's running topic is too easy
                score = ENTITY_BONUS - 0.3 * score
            elif len(lemmas) == 1 and frequency[lemmas[0]] < 2:
                # a lone word the text never repeats is no key term to blank, but a question
                # may still ask for it when nothing better makes one
                score, label = LONE_WORD_SCORE, LONE_WORD_LABEL
            else:
                score = min(score, TERM_CAP)  # a named entity, when there is one, wins
        # end weight: new information comes late in an English sentence
        score += FOCUS_WEIGHT * (tokens.start - sent.start) / max(1, len(sent))
        if tokens.root.dep_ in {"nsubj", "nsubjpass"} and tokens.root.head == sent.root:
            score -= SUBJECT_PENALTY  # the topic is given; what is said about it is tested
        # what the sentence asserts is its main clause; a subordinate one is background
        score -= CLAUSE_DEPTH_PENALTY * _clause_depth(tokens, sent.root)
        key = (tokens.start, tokens.end)
        if key not in scored or scored[key][0] < score:
            scored[key] = (score, label)
    ranked = sorted(scored.items(), key=lambda item: (-item[1][0], item[0][0]))
    return [(score, start, end, label) for (start, end), (score, label) in ranked]


# --------------------------------------------------------------------------- wh-questions


def _phrase(head) -> SpacySpan:
    """The contiguous span of `head`'s subtree."""
    return head.doc[head.left_edge.i : head.right_edge.i + 1]


def _clean_phrase(phrase: SpacySpan) -> bool:
    """Short, no pronoun or demonstrative ("this revolution"), no clause of its own."""
    return (
        0 < len(phrase) <= MAX_QUESTION_ANSWER_TOKENS
        and not any(t.lower_ in DEMONSTRATIVES for t in phrase)
        and not any(t.pos_ == "PRON" for t in phrase)
        and not any(t.text in QUOTE_CHARS for t in phrase)
        and not any(t.dep_ in {"relcl", "acl", "advcl", "ccomp"} for t in phrase)
    )


def _who_or_what(phrase: SpacySpan) -> str:
    """'Who' for a person: tagged PERSON here, a name the text tags PERSON elsewhere, or a
    common noun for a person ("a U.S. official", "the economist")."""
    root = phrase.root
    if root.ent_type_ == "PERSON":
        return "Who"
    if root.pos_ == "NOUN" and is_person_noun(root.lemma_):
        return "Who"
    if root.pos_ == "PROPN" and not root.ent_type_ and root.lower_ in FIRST_NAMES:
        return "Who"  # "Charlotte could not help …": a first name the tagger missed
    if root.pos_ == "PROPN" and _mostly_a_person(root):
        return "Who"
    if _named_as_a_person(root):
        return "Who"  # "West went onto the stage": the "he" and "his" around say who West is
    if root.ent_type_ == "NORP" and root.tag_ in {"NNS", "NNPS"}:
        return "Who"  # "the Crusaders", "the Mensheviks": people of a group
    if root.tag_ == "NNPS" and root.lower_.endswith(PEOPLE_PLURAL_ENDINGS):
        return "Who"  # "the Crusaders" tagged a product, "the Pabloites" an organisation
    return "What"


def _possessive_of_someone_else(answer: SpacySpan, verb: Token) -> bool:
    """Whether the clause holds a "her" that cannot be the answer's (a man, or a name of no
    known gender from its title or given name) or a "his" that cannot be (a woman): the
    question then names nobody."""
    gender = gender_of_name(answer.text)
    for token in verb.subtree:
        if token.i <= verb.i or token.dep_ != "poss":
            continue
        if token.lower_ == "her" and gender != "f":
            return True
        if token.lower_ == "his" and gender == "f":
            return True
    return False


def _specific(phrase: SpacySpan) -> bool:
    """A name, a number or a phrase of two content words: "The result" asks nothing."""
    content = [t for t in phrase if t.pos_ in CONTENT_POS]
    return any(t.pos_ in {"PROPN", "NUM"} for t in phrase) or len(content) >= 2


def _subject_answer(phrase: SpacySpan) -> bool:
    """A subject that may be asked for: a specific phrase, or a plural class of people
    ("officials pushed parents …" -> "Who pushed parents …?"); a common noun alone ("The
    result", "Examples") is a placeholder."""
    root = phrase.root
    return _specific(phrase) or (root.tag_ == "NNS" and is_person_noun(root.lemma_))


def _main_verbs(sent: SpacySpan, relative: bool = False) -> dict[int, Token]:
    """The sentence's main clauses: its root verb and the verbs conjoined to it ("He was
    expelled … and banished to Alma Ata"), each a clause of its own (Heilman & Smith split
    conjoined clauses)."""
    found: dict[int, Token] = {}
    pending = [sent.root] + [t for t in sent if _joined_sentence(t)]
    while pending:
        verb = pending.pop()
        if not reads_as_verb(verb) or verb.i in found:
            continue
        found[verb.i] = verb
        pending.extend(c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
        pending.extend(c for c in verb.children if _embedded_statement(c))
        if relative:
            # a relative clause on one of the clause's nouns: "the Banská Akadémia, which was
            # founded in 1735" states "the Banská Akadémia was founded in 1735"
            pending.extend(
                t
                for child in verb.children
                if child.dep_ not in {"conj", "advcl", "ccomp"}
                for t in child.subtree
                if _relative_statement(t)
            )
    return found


def _tier_verbs(sent: SpacySpan, relative: bool | str) -> dict[int, Token]:
    """The clauses a tier asks about: the main ones, with relative clauses, and (the
    `PARTICIPIAL` tier) with participial statements too."""
    verbs = _main_verbs(sent, bool(relative))
    if relative == PARTICIPIAL:
        main = _main_verbs(sent)  # a participle shares a main clause's subject, not a relative's
        verbs.update((t.i, t) for t in sent if _participial_statement(t, main))
    return verbs


def _participial_statement(verb: Token, main_verbs: dict[int, Token]) -> bool:
    """A participle that states a fact of its own (Heilman & Smith): a past participle on a
    name or a definite noun, or set off by commas ("The school, founded by Father Sorin in 1842,
    …" states "the school was founded by Father Sorin"), or a participial clause sharing a main
    clause's subject ("Raised in Chicago, West …", "The ship sank, killing 300 people")."""
    if shares_main_subject(verb):
        return participle_host(verb).i in main_verbs and not _names_its_subject(verb)
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if verb.i > 0 and not verb.doc[verb.i - 1].whitespace_:
        return False  # "CRA-covered lenders": half of a compound adjective, not a clause
    if verb.head.dep_ in {"attr", "conj"}:
        # "X is an official appointed by …" says it of X; "A and the rates initiated by …"
        # would ask it of A
        return False
    if any(c.dep_ in SUBJECT_DEPS | {"aux", "auxpass"} for c in verb.children):
        return False
    return _names_its_noun(verb)


def _names_its_subject(participle: Token) -> bool:
    """ "The rupture propagated …, rupturing 300 km": the participle repeats its subject's noun
    ("What did the rupture rupture?" asks nothing)."""
    lemma = participle.lemma_.lower()
    return any(
        t.lemma_.lower() == lemma
        for c in participle_host(participle).children
        if c.dep_ in SUBJECT_DEPS
        for t in c.subtree
    )


def _names_its_noun(verb: Token) -> bool:
    """Whether the noun a modifying clause hangs on is a particular thing: a name, a definite
    specific phrase, the subject of "X is a Y", or one the clause is an aside to (a comma
    before it). A restrictive clause on a vaguer noun ("a letter written by …") only says which
    thing is meant."""
    head = verb.head
    before = verb.left_edge.i - 1
    if before >= 0 and verb.doc[before].text == ",":
        return True
    if head.pos_ == "PROPN" or _copula_subject_of(head) is not None:
        return True
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and _specific(
        _head_phrase(head)
    )


def _copula_subject_of(attribute: Token) -> Token | None:
    """The subject of "X is a Y" for its attribute Y: a relative clause on Y ("Feminist
    anthropology is an approach that seeks to reduce male bias") says it of X."""
    if attribute.dep_ != "attr" or attribute.head.lemma_ != "be":
        return None
    subject = _subject_of(attribute.head)
    return subject if subject is not None and _specific(_head_phrase(subject)) else None


def _relative_statement(verb: Token) -> bool:
    """A finite non-restrictive relative clause whose subject is its relative pronoun
    ("Air Southwest, which operated flights …"), or a restrictive one on a name or a definite
    specific phrase ("the ancient wolf fossils that have been found in Europe"): the noun it
    modifies is that subject. A restrictive one on anything vaguer ("a theory that began from
    …") only says which thing is meant."""
    if verb.dep_ != "relcl" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    head = verb.head
    if head.pos_ not in {"NOUN", "PROPN"}:
        return False
    before = verb.left_edge.i - 1
    non_restrictive = before >= 0 and verb.doc[before].text == ","
    definite = head.pos_ == "PROPN" or (
        any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        and _specific(_head_phrase(head))
    )
    if not (non_restrictive or definite or _copula_subject_of(head) is not None):
        return False
    if not _is_finite(verb):
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"which", "who", "that"}
        for c in verb.children
    )


def _is_finite(verb: Token) -> bool:
    """A verb with a tense of its own or a finite auxiliary: the head of a full clause."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return verb.tag_ in FINITE_VERB_TAGS or any(a.tag_ in FINITE_VERB_TAGS for a in auxiliaries)


# a clause's children that say nothing of their own: with only these it is "Stalin included"
BARE_CLAUSE_DEPS = frozenset(
    {"nsubj", "nsubjpass", "aux", "auxpass", "punct", "cc", "neg", "advmod"}
)
DASHES = frozenset({"–", "—", "--"})


def _joined_sentence(verb: Token) -> bool:
    """A finite clause with its own subject that a semicolon or dash sets apart from the clause
    it hangs on: a sentence of its own, whatever the parser made of it ("Children may be
    registered as replacements; no fines would apply" parses the first clause as a complement
    of "apply", and a clause after a semicolon may hang on a noun before it)."""
    head = verb.head
    if head.i == verb.i or verb.pos_ not in {"VERB", "AUX"} or not _is_finite(verb):
        return False
    # the parser may hang the subject on the auxiliary ("The bridge | was closed …")
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = [c for t in [verb, *auxiliaries] for c in t.children]
    if not any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in SUBJECT_POS for c in words):
        return False
    if not any(c.dep_ not in BARE_CLAUSE_DEPS for c in verb.children):
        return False  # "—Stalin included—": an aside with nothing but its subject
    doc = verb.doc
    before = verb.left_edge.i - 1
    dash_before = (before >= 0 and doc[before].text in DASHES) or any(
        c.text in DASHES and c.i < verb.i for c in verb.children
    )
    if dash_before and any(c.text in DASHES and c.i > verb.i for c in verb.children):
        return False  # between two dashes ("—Stalin included—"): an aside, not a sentence
    low, high = sorted((verb.i, head.i))
    return any(
        t.text in CLAUSE_SEPARATORS and t.head.i in {verb.i, head.i} and low < t.i < high
        for t in doc[low:high]
    )


def _embedded_statement(verb: Token) -> bool:
    """A finite clause with its own noun subject that states a fact of its own: the content of
    a report ("He stated that 200,000 homes had been rebuilt") or a time, reason or contrast
    clause ("…, while Chiang Kai-shek was elected …"). Heilman & Smith ask about these as
    sentences of their own; a condition ("if …") or a question ("whether …") states nothing."""
    if verb.dep_ not in EMBEDDED_STATEMENT_DEPS or verb.pos_ not in {"VERB", "AUX"}:
        return False
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    # "when" is parsed as an adverb of its clause, not a marker
    openers = marks + [c.lower_ for c in verb.lefts if c.dep_ == "advmod"]
    if verb.dep_ == "advcl" and not (openers and openers[0] in STATEMENT_SUBORDINATORS):
        return False
    if verb.dep_ == "ccomp" and marks and marks[0] != "that":
        return False
    if verb.dep_ == "ccomp" and _doubted(verb.head):
        return False  # "It should not be said that …", "He may claim that …": not asserted
    if not _is_finite(verb):
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN", "PRON"}
        for c in verb.children
    )


def _bare_idiom_noun(noun: Token) -> bool:
    """An idiom's noun with no determiner or modifier: "on record", "at home", "in charge"
    ("characterized by dukkha" is no idiom: a bare noun alone is not enough)."""
    return noun.lemma_.lower() in IDIOM_NOUNS and not any(
        c.dep_ in {"det", "poss", "amod", "compound", "nummod", "prep", "relcl", "acl"}
        for c in noun.children
    )


def _idiom_with_the(preposition: Token, noun: Token) -> bool:
    """ "in the works", "on the rise": a preposition, "the" and a noun that make one idiom."""
    return (preposition.lower_, noun.lower_) in THE_IDIOMS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children
    )


def _doubted(verb: Token) -> bool:
    """Whether a reporting verb is negated or hedged by a modal ("should not be said",
    "might claim", "doubted"): what it reports is not the text's claim."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children)


def _head_phrase(node: Token) -> SpacySpan:
    """The noun phrase of `node` simplified: its premodifiers and the modifiers that follow it
    up to the first comma, parenthesis, appositive or clause ("The Juyuan Middle School, where
    …" -> "The Juyuan Middle School")."""
    doc = node.doc
    start = node.left_edge.i
    end = node.i + 1
    for child in node.rights:
        if child.dep_ not in KEPT_RIGHT_DEPS or doc[end : child.i].text.strip():
            break  # a comma or other token between head and child ends the phrase
        if any(t.dep_ in CLAUSE_MODIFIER_DEPS or t.text in "(,;:" for t in child.subtree):
            break
        end = child.right_edge.i + 1
    return doc[start:end]


def _with_of_phrase(phrase: SpacySpan, node: Token) -> SpacySpan | None:
    """The phrase with the "of" phrase that completes its common noun, when the head phrase
    left it out for an aside inside it: "an average size" of "an average size of 45,638
    square metres (491,240 sq ft)" is half an answer; the "of" phrase up to its aside is
    kept ("of 45,638 square metres"). None when the "of" phrase is a list cut short."""
    if node.pos_ != "NOUN" or phrase.end != node.i + 1:
        return phrase
    complement = next((c for c in node.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if complement is None or complement.i != node.i + 1:
        return phrase
    objects = [c for c in complement.children if c.dep_ == "pobj"]
    if not objects:
        return phrase
    object_phrase = _head_phrase(objects[0])
    if object_phrase.start != complement.i + 1:
        return phrase
    if any(c.dep_ == "conj" and c.i >= object_phrase.end for c in objects[0].children):
        return None  # "the mutual influence of Whitehead | and Follett, a pioneer …"
    return node.doc[phrase.start : object_phrase.end]


def _argument(span: SpacySpan, verbs: dict[int, Token]) -> tuple[Token, Token] | None:
    """(the argument of a main clause that holds `span`, that clause's verb).

    The argument is a subject, object or attribute of the verb, or the object of a preposition
    of the verb; it may hang on an open complement ("unable to contact X", "wanted to build X").
    """
    node = span.root
    chain: list[Token] = []
    while node.head.i != node.i and node.head.i not in verbs:
        chain.append(node)
        node = node.head
    if node.head.i == node.i:
        return None
    verb = node.head
    if node.dep_ in ARGUMENT_DEPS:
        return node, verb
    if node.dep_ in {"prep", "agent"}:
        objects = [c for c in node.children if c.dep_ == "pobj"]
        if len(objects) == 1 and span.root.i in {t.i for t in objects[0].subtree}:
            return objects[0], verb
        return None
    if node.dep_ in OPEN_COMPLEMENT_DEPS:
        # the object of a verb or adjective that completes the main one
        for inner in reversed(chain):
            if inner.dep_ in OPEN_COMPLEMENT_DEPS:
                continue
            if inner.dep_ == "dobj":
                return inner, verb
            return None
    return None


def wh_question_for(
    sent: SpacySpan,
    start: int,
    end: int,
    simple: bool = False,
    relative: bool = False,
    verbs: dict[int, Token] | None = None,
) -> tuple[str, str, Clause, SpacySpan] | None:
    """(wh, role, clause, answer) for a clean question whose answer holds doc[start:end].

    The answer grows to the subject, object, attribute or prepositional object it sits in,
    simplified to its head phrase; the clause is the main (or a conjoined main) clause. Roles:
    "subject" (the wh-word replaces the subject), "object" and "place" (fronted with inversion),
    and "stranded PREP" ("What did the earthquake occur along?"). None when the phrase is not
    such an argument, is too long, or holds a pronoun or a clause. With `simple`, the clause
    leaves out adverbial clauses after its verb; with `relative`, relative clauses count as
    clauses of their own. `verbs`: `_main_verbs(sent, relative)` when the caller has them.
    """
    doc = sent.doc
    span = doc[start:end]
    if verbs is None:
        verbs = _main_verbs(sent, relative)
    if not verbs:
        return None
    measured = _duration_question(span, verbs, simple) or _measure_question(span, verbs, simple)
    if measured is not None:
        return measured
    found = _argument(span, verbs)
    if found is None:
        return None
    node, verb = found
    inverted = _inverted_question(span, node, verb)
    if inverted is not None:
        return inverted
    attribute = _attribute_question(span, node, verb, simple)
    if attribute is not None:
        return attribute
    if any(c.dep_ == "case" for c in node.children):
        return None  # a possessor parsed as the head ("Stalin’s “Foundations …”")
    if _denying_subject(verb) or _placeholder_noun(node):
        return None
    if node.dep_ not in {"nsubj", "nsubjpass"} and _bare_subject_of_an_event(verb):
        return None  # "How much did revenue total?": whose revenue, the sentences before say
    phrase = _with_of_phrase(_head_phrase(node), node)
    if phrase is None:
        return None
    if not (phrase.start <= span.start and span.end <= phrase.end):
        return None  # the candidate sits in a clause or appositive dropped from the phrase
    full = _phrase(node)
    number = _number_of(span, node)
    if node.dep_ in {"nsubj", "nsubjpass"}:
        if number is not None:
            wh, answer = number
        elif (
            _clean_phrase(phrase)
            and node.pos_ in {"NOUN", "PROPN"}
            and (_subject_answer(phrase) or _first_mention_subject(phrase, verb))
        ):
            wh, answer = _which_class(phrase, _who_or_what(phrase)), _trim(phrase)
            if wh == "What" and acts_as_a_person(node, verb):
                wh = "Who"
            if wh == "Who" and _possessive_of_someone_else(answer, verb):
                return None  # "Who approached to claim her hand?" -> Darcy: whose hand?
            if not reported_pronoun_agrees(node, verb):
                return None  # "Mary said he would come" -> "Who said he …?": he is not Mary
        else:
            return None
        if verb.lemma_ == "be" and node.pos_ != "PROPN" and _has_attribute(verb):
            return None  # "The result was …" -> "What was …?" asks for a placeholder
        if verb.tag_ == "VBP" and node.tag_ in SINGULAR_NOUN_TAGS and not node.conjuncts:
            return None  # "saw Jynine James try to cope": a bare infinitive, not a present
        clause = clause_for(verb, None, simple=simple)
        return (wh, "subject", clause, answer) if clause is not None else None
    if number is None:
        number = _amount_of(phrase)
    if number is None and not (_clean_phrase(phrase) and node.pos_ in {"NOUN", "PROPN"}):
        return None
    if node.dep_ == "attr" and number is not None and is_existential(verb):
        # "There are 16 universities in Ontario" -> "How many universities in Ontario are
        # there?": the counted phrase, all but its number, is asked for whole
        clause = clause_for(verb, full, simple=simple)
        _, answer = number
        counted = [t for t in full if t.i not in range(answer.start, answer.end)]
        wh = "How many " + join_tokens(counted)
        return (wh, "object", clause, answer) if clause is not None else None
    if node.dep_ == "attr":
        # "X was George Washington" asks "Who was X?"; a common-noun attribute is a definition
        subject = _subject_of(verb)
        if verb.lemma_ != "be" or subject is None or not _specific(_head_phrase(subject)):
            return None
        if number is None and node.pos_ != "PROPN":
            return None
    if _adverbial_noun(node):
        return None  # "at the time", "in addition", "in terms of": no thing to ask for
    wh, answer = (
        number if number is not None else (_which_class(phrase, _who_or_what(phrase)), phrase)
    )
    if not len(answer):
        return None
    if node.dep_ in {"dobj", "attr"}:
        if _has_second_object(verb, node):
            return None  # "Who did West appoint Pusha T?"
        clause = clause_for(verb, full, simple=simple)
        return (wh, "object", clause, answer) if clause is not None else None
    preposition = node.head
    if _negated_preposition(preposition) or node.ent_type_ in TIME_LABELS:
        return None
    if number is None and node.ent_type_ in PLACE_LABELS:
        if preposition.lower_ in PLACE_PREPOSITIONS:
            clause = clause_for(verb, full, simple=simple)
            return ("Where", "place", clause, answer) if clause is not None else None
        if preposition.lower_ in DIRECTION_PREPOSITIONS and preposition.i > verb.i:
            # "Where was he banished to?"
            clause = clause_for(verb, full, end=preposition.i, simple=simple)
            role = f"stranded {preposition.lower_}"
            return ("Where", role, clause, answer) if clause is not None else None
    if preposition.lower_ not in STRANDABLE_PREPOSITIONS or preposition.i < verb.i:
        return None  # a fronted adverbial ("In addition to …,") is background, not an argument
    if number is None and (_bare_idiom_noun(node) or _idiom_with_the(preposition, node)):
        return None  # "on record", "in the works": an idiom, not a thing to ask for
    if any(
        c.dep_ == "prep" and c.lower_ == preposition.lower_ and verb.i < c.i < preposition.i
        for c in verb.children
    ):
        return None  # "lay in the emergence … in a backward country": which "in" is asked?
    # the question ends with the preposition: what follows its phrase is left out
    clause = clause_for(verb, full, end=preposition.i, simple=simple)
    if clause is None:
        return None
    return wh, f"stranded {preposition.lower_}", clause, answer


def _inverted_be(verb: Token) -> tuple[SpacySpan, Token] | None:
    """(the place phrase, the logical subject) of an inverted "be" ("Next to the Main Building
    is the Basilica", "Among the dead were 300 soldiers"): a locative preposition opens the
    sentence, its phrase runs up to the verb, and the noun after the verb is what is there. The
    parser reads "Atop the dome is a statue" with "the dome" as the subject and the preposition
    left with no object: that reading is taken back."""
    if verb.lemma_ != "be" or verb.dep_ != "ROOT":
        return None
    sent = verb.sent
    opener = sent[0]
    if opener.lower_ in INVERSION_ADVERBS and opener.head.i == verb.i and len(sent) > 1:
        opener = sent[1]  # "Also on Sutton Pool is …"
    if opener.lower_ not in LOCATIVE_INVERSION_WORDS or opener.head.i != verb.i:
        return None
    if any(c.dep_ in {"expl", "aux", "auxpass", "neg", "csubj"} for c in verb.children):
        return None
    after = [c for c in verb.rights if c.dep_ in {"attr", "nsubj"} and c.pos_ in {"NOUN", "PROPN"}]
    before = [c for c in verb.lefts if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(after) != 1 or any(c.dep_ == "conj" for c in verb.children):
        return None  # "On the shore are ghost crabs … and the hermit crabs": half a list
    if not before:
        place_end = opener.right_edge.i + 1
        if not any(c.dep_ in {"prep", "pobj"} for c in opener.children):
            return None  # "Here is …", "Now is …": no place phrase
    elif len(before) == 1 and opener.dep_ == "prep" and not list(opener.children):
        # "Atop the dome is …": the preposition's object read as the subject
        if before[0].left_edge.i != opener.i + 1:
            return None
        place_end = before[0].right_edge.i + 1
    else:
        return None
    if place_end != verb.i:
        return None  # "In 1990, the school was …": a comma or more words before the verb
    if any(t.is_punct and t.tag_ != "HYPH" for t in sent.doc[sent.start : verb.i]):
        return None  # "In Turkey, the oldest university is …": the subject misread as an aside
    return sent.doc[sent.start : verb.i], after[0]


def _inverted_question(
    span: SpacySpan, node: Token, verb: Token
) -> tuple[str, str, Clause, SpacySpan] | None:
    """ "Next to the Main Building is the Basilica of the Sacred Heart" -> "What is next to the
    Main Building?": the attribute of an inverted "be" is its logical subject."""
    inverted = _inverted_be(verb)
    if inverted is None or inverted[1].i != node.i:
        return None
    place = inverted[0]
    if any(t.pos_ == "PRON" or t.lower_ in DEMONSTRATIVES for t in place):
        return None  # "Among them were …": who "them" are, the sentences before say
    if any(t.ent_type_ in TIME_LABELS for t in place):
        return None  # "In 1990 was …": a time, not a place
    phrase = _with_of_phrase(_head_phrase(node), node)
    if phrase is None or not (phrase.start <= span.start and span.end <= phrase.end):
        return None
    number = _number_of(span, node)
    if number is not None:
        wh, answer = number
    elif _clean_phrase(phrase):
        wh, answer = _which_class(phrase, _who_or_what(phrase)), _trim(phrase)
    else:
        return None
    if not len(answer):
        return None
    opener, rest = place[0], [*place][1:]
    first = opener.text if opener.pos_ == "PROPN" else opener.lower_
    complement = f"{first} {join_tokens(rest)}"
    clause = Clause(
        subject="", auxiliaries=(), verb=verb.text, lemma="be", tag=verb.tag_, complement=complement
    )
    return wh, "subject", clause, answer


def _has_second_object(verb: Token, node: Token) -> bool:
    """Whether the verb has another nominal object beside `node` (double object, or an object
    and its predicate: "appointed Pusha T the new president")."""
    return any(
        c.i != node.i and c.dep_ in SECOND_OBJECT_DEPS and c.pos_ in {"NOUN", "PROPN", "PRON"}
        for c in verb.children
    )


def _bare_subject_of_an_event(verb: Token) -> bool:
    """Whether a past event's subject is one bare common noun ("Revenue totaled $1 billion",
    "Construction began in May"): which one, only the text around says ("Water boils at 100
    degrees", a general truth in the present, needs nothing)."""
    subject = _subject_of(verb)
    if subject is None or subject.tag_ != "NN" or any(True for _ in subject.children):
        return False
    past = verb.tag_ == "VBD" or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children
    )
    return past


def _denying_subject(verb: Token) -> bool:
    """Whether the verb's subject is "no one", "nothing", "no party" …"""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            words = {t.lower_ for t in child.subtree if t.i <= child.i}
            if words & NEGATIVE_SUBJECT_WORDS:
                return True
    return False


def _placeholder_noun(node: Token) -> bool:
    """Whether the noun is completed by a "that" clause ("the idea that socialism …")."""
    return any(
        child.dep_ in CONTENT_CLAUSE_DEPS
        and any(t.dep_ == "mark" and t.lower_ == "that" for t in child.children)
        for child in node.children
    )


def _adverbial_noun(node: Token) -> bool:
    """The noun of a fixed adverbial phrase ("at the time", "to a considerable degree"); a
    name ("the Middle Way") names a thing."""
    return node.lemma_.lower() in ADVERBIAL_NOUNS and node.pos_ != "PROPN"


def _has_attribute(verb: Token) -> bool:
    return any(c.dep_ == "attr" for c in verb.children)


def _subject_of(verb: Token) -> Token | None:
    """The verb's noun subject (not an expletive or a pronoun)."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ in {"NOUN", "PROPN"}:
            return child
    return None


def _negated_preposition(preposition: Token) -> bool:
    """ "not in Russia, but in Germany": a contrasted place is no answer."""
    return (
        any(c.dep_ in {"neg", "conj", "cc"} for c in preposition.children)
        or any(c.dep_ in {"neg", "preconj"} for c in preposition.lefts)
        or (preposition.i > 0 and preposition.doc[preposition.i - 1].lower_ == "not")
    )


def _whole(answer: SpacySpan) -> bool:
    """Whether the answer is its head's whole phrase, modifiers and clauses included; an aside
    set off by a comma or brackets ("dukkha (suffering)", "the Middle Way, which …") may be
    left out, a restrictive modifier ("the right | to display …") may not."""
    whole = _trim(_phrase(answer.root))
    if (whole.start, whole.end) == (answer.start, answer.end):
        return True
    if not (whole.start <= answer.start and answer.end <= whole.end):
        return False
    doc = answer.doc
    left = _trim(doc[whole.start : answer.start])
    right = doc[answer.end : whole.end]
    return not len(left) and (not len(right) or right[0].text in ASIDE_OPENERS)


def _amount_of(phrase: SpacySpan) -> tuple[str, SpacySpan] | None:
    """("How much", the sum) when the phrase is a sum of money ("£85 million")."""
    money = _trim(phrase)
    if not len(money) or any(t.ent_type_ != "MONEY" for t in money) or vague_number(money):
        return None
    return "How much", money


def _number_of(span: SpacySpan, noun) -> tuple[str, SpacySpan] | None:
    """("How many communists", the number) when the answer is a count of `noun`."""
    numbers = [t for t in span if t.dep_ == "nummod" and t.head.i == noun.i and t.like_num]
    if not numbers or noun.tag_ not in {"NNS", "NNPS"}:
        return None
    number = numbers[0]
    parts = [t for t in number.subtree]
    answer = span.doc[parts[0].i : parts[-1].i + 1]
    modifiers = [t for t in noun.lefts if t.i > number.i and t.dep_ in {"amod", "compound"}]
    words = " ".join([t.text for t in modifiers] + [noun.text])
    return f"How many {words}", answer


def find_claims(
    doc: Doc,
    words_per_claim: float = WORDS_PER_CLAIM,
    questions_per_claim: int = QUESTIONS_PER_CLAIM,
) -> Iterator[ClaimFact]:
    """About one claim per `words_per_claim` words: the best sentences of each block.

    A sentence's merit is its TextRank centrality with a length penalty, times its specific
    facts (names, numbers, dates), times QUESTION_BONUS when it makes a clean wh-question.
    A claim whose sentence nearly repeats an earlier claim's is dropped. A claim that is a
    question is followed by up to `questions_per_claim` - 1 more questions on other answers of
    its sentence.
    """
    if not words_per_claim > 0:
        raise ValueError(f"words_per_claim must be positive, not {words_per_claim!r}")
    if questions_per_claim < 1:
        raise ValueError(f"questions_per_claim must be at least 1, not {questions_per_claim!r}")
    frequency: Counter[str] = Counter(content_lemmas(doc[:]))
    quoted = _quoted_tokens(doc)
    kept_lemmas: list[set[str]] = []
    for block in blocks(doc):
        words = sum(word_count(sent) for sent in block)
        wanted = round(words / words_per_claim)
        if wanted == 0 and len(block) >= 3:
            wanted = 1
        if wanted == 0:
            continue
        chosen: list[ClaimFact] = []
        for _, fact, lemmas in ranked_claims(block, frequency, quoted):
            if len(chosen) >= wanted:
                break
            if any(_jaccard(lemmas, other) >= NEAR_DUPLICATE for other in kept_lemmas):
                continue
            chosen.append(fact)
            kept_lemmas.append(lemmas)
        sentences = {sent.start_char: sent for sent in block}
        for fact in sorted(chosen, key=lambda fact: fact.sentence.start):
            yield fact
            if questions_per_claim > 1 and fact.wh:
                sent = sentences[fact.sentence.start]
                yield from more_questions(sent, frequency, quoted, fact, questions_per_claim - 1)


def ranked_claims(
    block: Sequence[SpacySpan], frequency: Counter[str], quoted: set[int]
) -> Iterator[tuple[float, ClaimFact, set[str]]]:
    """(merit, claim, content lemmas) of the block's eligible sentences, best first.

    Lazily, as the caller keeps only the first few: sentences are tried in order of their
    `_merit_bound` and a claim is yielded once no sentence still untried can outrank it (making
    every sentence's claim was most of the extraction's time). The order is that of sorting all
    of them by (-merit, start).
    """
    lemma_lists = [content_lemmas(sent) for sent in block]
    centrality, merits = sentence_merits(block, lemma_lists)
    untried = sorted(
        (-_merit_bound(merits[index]), sent.start_char, index) for index, sent in enumerate(block)
    )
    ready: list[tuple[float, int, tuple[float, ClaimFact, set[str]]]] = []  # a heap
    for negative_bound, start, index in untried:
        while ready and ready[0][:2] < (negative_bound, start):
            yield heapq.heappop(ready)[2]
        sent = block[index]
        claim = _claim_merit(sent, frequency, quoted, float(centrality[index]), merits[index])
        if claim is not None:
            heapq.heappush(ready, (-claim[0], sent.start_char, (*claim, set(lemma_lists[index]))))
    while ready:
        yield heapq.heappop(ready)[2]


def _merit_bound(merit: float) -> float:
    """The most `_claim_merit` can make of a sentence's merit: QUESTION_BONUS is its only
    factor above 1 (a new bonus must raise this bound, or the ranking goes wrong)."""
    return float(merit * max(1.0, QUESTION_BONUS))


def _claim_merit(
    sent: SpacySpan, frequency: Counter[str], quoted: set[int], centrality: float, merit: float
) -> tuple[float, ClaimFact] | None:
    """(merit, claim) of an eligible sentence that makes a claim, else None."""
    if not _eligible(sent, quoted):
        return None
    found = _claim_for(sent, frequency, quoted, centrality)
    if found is None:
        return None
    fact, on_key_answer = found
    if not fact.wh and fact.in_situ is None and question_only(sent):
        return None  # a cloze would show the pronoun or be too long
    if on_key_answer:
        merit *= QUESTION_BONUS  # a clean question about the sentence's key fact
    if question_only(sent) and _opening_pronoun(sent) is None:
        plain = _long_but_self_contained(sent, fact)
        merit *= LONG_SENTENCE_PENALTY if plain else REWRITTEN_PENALTY
    if not fact.wh and _shows_a_person_pronoun(sent, quoted):
        merit *= PRONOUN_CLOZE_PENALTY  # "Russia, they insisted …": who are "they"?
    return float(merit), fact


def _long_but_self_contained(sent: SpacySpan, fact: ClaimFact) -> bool:
    """Whether a sentence too long for a cloze opens plainly and makes a short question."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None or first.lower_ in DANGLING_OPENERS or fact.clause is None:
        return False
    clause = fact.clause
    subject = 0 if fact.role == "subject" else len(clause.subject.split())
    words = len(fact.wh.split()) + len(clause.auxiliaries) + 1 + subject
    return words + len(clause.complement.split()) <= SHORT_QUESTION_WORDS


def _says_nothing(sent: SpacySpan, clause: Clause) -> bool:
    """A reporting verb ("said", "told") whose question keeps no word of what was said."""
    if clause.lemma.lower() not in REPORTING_LEMMAS:
        return False
    verbs = [t for t in sent if t.text == clause.verb and t.lemma_ == clause.lemma]
    if any(_is_passive(verb) for verb in verbs):
        return False  # "Texts have been written since …": what was written is the subject
    # the words the question shows (a quotation is cut off), without the punctuation glued
    # to them ("refuge," is "refuge")
    shown = shown_complement(clause.complement)
    words = {word.rstrip(CLOSE_PUNCTUATION) for word in shown.split()}
    if any(c.dep_ == "ccomp" and c.text not in words for verb in verbs for c in verb.children):
        return True  # "“I won't cooperate,” Gonzalez told a station": what he told is gone
    if verbs and not any(_reports(sent, verb) for verb in verbs):
        return False  # "Broadcasts continued until 1932": the verb reports nothing here
    return not any(
        c.dep_ in REPORTED_DEPS and c.text in words for verb in verbs for c in verb.children
    )


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _reports(sent: SpacySpan, verb: Token) -> bool:
    """Whether a verb of a reporting lemma is used to report: "say" and its kind always are;
    "continue", "add", "observe" … only with something reported (an object, a clause, a
    quotation in the sentence) or as a parenthetical ("…, officials noted")."""
    return (
        verb.lemma_.lower() in ALWAYS_REPORTING_LEMMAS
        or verb.dep_ == "parataxis"
        or any(c.dep_ in REPORTED_DEPS or c.dep_ == "parataxis" for c in verb.children)
        or any(t.text in QUOTE_CHARS for t in sent)
    )


def _argument_phrases(sent: SpacySpan) -> Iterator[tuple[int, int]]:
    """(first token, end token) of the head phrase of every argument of the sentence's main
    clauses: the things a reader may be asked about when no entity or key term makes a
    question ("What is a central part of anthropology's science?")."""
    seen: set[tuple[int, int]] = set()
    for verb in _main_verbs(sent, relative=True).values():
        for child in verb.children:
            nouns = [child] if child.dep_ in ARGUMENT_DEPS else []
            if child.dep_ in {"prep", "agent"}:
                nouns = [c for c in child.children if c.dep_ == "pobj"]
            for noun in nouns:
                if noun.pos_ not in {"NOUN", "PROPN", "NUM"}:
                    continue
                phrase = _trim(_head_phrase(noun))
                key = (phrase.start, phrase.end)
                if len(phrase) and key not in seen:
                    seen.add(key)
                    yield key


def _shows_a_person_pronoun(sent: SpacySpan, quoted: set[int]) -> bool:
    """Whether the sentence (which a cloze shows whole) holds a personal pronoun outside
    quotations: the card then leans on the sentences before it."""
    return any(
        t.lower_ in PERSONAL_PRONOUNS and t.pos_ == "PRON" and t.i not in quoted for t in sent
    )


def _one_of_a_list(answer: SpacySpan) -> bool:
    """Whether the answer is one item of a list the sentence gives: asked about, the list is
    the answer, and one item of it is only part of that."""
    root = answer.root
    conjuncts = [t for t in root.conjuncts if not (answer.start <= t.i < answer.end)]
    return bool(conjuncts) and root.pos_ in {"NOUN", "PROPN"}


def _whole_list(answer: SpacySpan) -> SpacySpan | None:
    """The coordinated phrase an answer is the first item of, if short enough to be an answer."""
    root = answer.root
    if any(t.i < root.i for t in root.conjuncts):
        return None  # a later item: the list starts before it
    end = max(t.right_edge.i for t in root.conjuncts) + 1
    while end > answer.end and _joins_more(answer.doc[end - 1]):
        end -= 1  # "Cambodia as well as": the list goes on past the answer's end
    whole = _trim(answer.doc[answer.start : end])
    if any(whole.text.count(opener) != whole.text.count(closer) for opener, closer in BRACKETS):
        return None  # "Middle Way (or Middle Path": an aside cut in two
    # the list's commas are no words of the answer: three short items fit
    words = sum(1 for t in whole if not t.is_punct)
    return whole if 0 < words <= MAX_QUESTION_ANSWER_TOKENS else None


def _generic_subject(answer: SpacySpan) -> bool:
    """A bare plural noun as a subject ("Dogs are highly variable in height"): the class a
    generic statement is about, which a question may ask for."""
    root = answer.root
    return (
        len(answer) == 1
        and root.tag_ == "NNS"
        and root.dep_ in {"nsubj", "nsubjpass"}
        and not any(True for _ in root.children)
    )


def _first_item(answer: SpacySpan) -> SpacySpan:
    """The first item of the list an answer is an item of ("Japan" for "Europe" of "Japan,
    Europe, and Australia"): its head and the words before it."""
    first = answer.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.i == answer.root.i:
        return answer
    return answer.doc[first.left_edge.i : first.i + 1]


def _joins_more(token: Token) -> bool:
    """A conjunction ending a list's last item, or a word of one ("as well" of "as well as")."""
    return token.dep_ in {"cc", "punct"} or (token.head.dep_ == "cc" and token.head.i > token.i)


def _mostly_a_person(word: Token) -> bool:
    """Whether the text tags this name a person more often than anything else: the tagger
    wavers ("Whitehead" a PERSON in one sentence, an ORG in the next), the text does not."""
    labels = _name_labels(word.doc).get(word.lower_)
    return labels is not None and labels["PERSON"] > 0 and labels["PERSON"] >= max(labels.values())


def _named_as_a_person(root: Token) -> bool:
    """Whether a name the tagger did not call a person is one that a "he" or "she" of the
    document stands for, or that acts as a person in some clause ("West … his album")."""
    return (
        root.pos_ == "PROPN"
        and root.ent_type_ in PERSON_MISLABELS
        and root.lower_ in _person_names(root.doc)
    )


def _person_names(doc: Doc) -> frozenset[str]:
    """The last words of the names that the document's person pronouns stand for and of the
    subjects that act as persons (made once per Doc)."""
    cached = doc.user_data.get(PERSON_NAMES_KEY)
    if cached is None:
        names: set[str] = set()
        for token in doc:
            reading = PERSON_PRONOUN_READINGS.get(token.lower_)
            if reading is not None:
                name = resolve_pronoun(token, token.head, reading) or _opening_subject_before(token)
                if name and name.split():
                    names.add(name.split()[-1].lower())
            elif token.dep_ in SUBJECT_DEPS and acts_as_a_person(token, token.head):
                names.add(token.lower_)
        cached = frozenset(names)
        doc.user_data[PERSON_NAMES_KEY] = cached
    return cached


def _opening_subject_before(pronoun: Token) -> str | None:
    """The name that the sentence before a sentence-opening "He"/"She" subject is about: its
    main subject, a name ("West went onto the stage … He argued …")."""
    sentence = pronoun.sent
    if pronoun.dep_ not in SUBJECT_DEPS or pronoun.i != sentence.start or sentence.start == 0:
        return None
    previous = pronoun.doc[sentence.start - 1].sent
    subjects = [t for t in previous.root.children if t.dep_ in SUBJECT_DEPS]
    if len(subjects) == 1 and subjects[0].pos_ == "PROPN":
        return subjects[0].text
    return None


def _name_labels(doc: Doc) -> dict[str, Counter[str]]:
    """Each word of the document's entities -> how often each label tags it (made once per Doc:
    asking every entity for every candidate answer made long documents quadratic)."""
    cached = doc.user_data.get(NAME_LABELS_KEY)
    if cached is None:
        cached = {}
        for ent in doc_ents(doc):
            for part in ent.text.lower().split():
                cached.setdefault(part, Counter())[ent.label_] += 1
        doc.user_data[NAME_LABELS_KEY] = cached
    return cached


def _names_a_thing(sent: SpacySpan, text: str) -> bool:
    """Whether `text` (a part of the sentence) holds a noun, a name or a number."""
    words = set(text.split())
    return any(t.pos_ in {"NOUN", "PROPN", "NUM"} and t.text in words for t in sent)


def _jaccard(first: set[str], second: set[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 1.0


def _span(tokens: SpacySpan) -> Span:
    return Span(tokens.start_char, tokens.end_char, tokens.text)


def _argument_candidates(
    sent: SpacySpan, ranked: list[tuple[float, int, int, str]], quoted: set[int]
) -> list[tuple[float, int, int, str]]:
    """The sentence's argument phrases that no ranked answer has already tried, outside quotes."""
    spans = {(start, end) for _, start, end, _ in ranked}
    return [
        (ARGUMENT_SCORE, start, end, LONE_WORD_LABEL)
        for start, end in _argument_phrases(sent)
        if (start, end) not in spans and not any(i in quoted for i in range(start, end))
    ]


def _then(first: list[_T], more: Callable[[], list[_T]]) -> Iterator[_T]:
    """`first`, then `more()` (not called unless the caller gets that far)."""
    yield from first
    yield from more()


def _claim_for(
    sent: SpacySpan, frequency: Counter[str], quoted: set[int], score: float
) -> tuple[ClaimFact, bool] | None:
    """The claim of a sentence, and whether it asks about one of its key answers: a wh-question
    on the best answer that makes a clean one (the top few first, then the rest), else a cloze
    of the best answer."""
    ranked = _ranked_answers(sent, frequency, quoted)
    if not ranked:
        return None
    sentence = _sentence_span(sent)
    key = _key_answers(ranked)
    fronted = word_count(sent) <= MAX_QUESTION_SENTENCE_WORDS
    for fact, item in _clean_questions(sent, ranked, quoted, score) if fronted else ():
        # the bonus goes to a direct question (subject, object, place) on a key answer
        return fact, item in key and fact.role in BONUS_ROLES
    blankable = [item for item in ranked if item[0] > LONE_WORD_SCORE + CLOZE_SCORE_SLACK]
    # a cloze blanks a whole name ("University of Engineering & {{c1::Technology}}" is none)
    wholes = (
        (whole, label)
        for _, start, end, label in blankable
        if (whole := _whole_name(sent.doc[start:end], sent)) is not None
    )
    first = next(wholes, None)
    if first is None:
        return None
    # where no fronted question is clean, the sentence may still ask in its own word order
    # (the answers in the same order: a question on a lesser one beats a cloze; the arguments
    # of its verbs, which the fronted questions try last, made poor ones: "in what? - 1920s")
    for whole, label in itertools.chain([first], wholes):
        asked = _in_situ_claim(sent, whole, label, score)
        if asked is not None:
            return asked, False
    whole, label = first
    return ClaimFact(sentence=sentence, answer=_span(whole), score=score, label=label), False


def _in_situ_claim(
    sent: SpacySpan, answer: SpacySpan, label: str, score: float
) -> ClaimFact | None:
    """The claim asking for `answer` in the sentence's own word order, if it reads well: not
    for a lone common noun ("There were no textbooks used in what?" - the school) nor for the
    subject of "X is Y" (which of the two is asked would be unclear)."""
    if _one_of_a_list(answer):
        # the list is the answer ("in all bundles in Japan, Europe, and Australia"), though
        # not where the answer only modifies a noun ("the Russian and the world revolutions")
        if answer.root.dep_ in {"amod", "compound", "nmod"}:
            return None
        listed = _whole_list(_first_item(answer))
        if listed is None:
            return None
        answer = listed
    else:
        # the phrase is the answer: "the study of the human past through its remains"
        answer = whole_phrase(answer, MAX_QUESTION_ANSWER_TOKENS) or answer
    if label == LONE_WORD_LABEL and not (_specific(answer) or _generic_subject(answer)):
        return None
    root = answer.root
    if root.dep_ in SUBJECT_DEPS and root.head.lemma_ == "be" and _has_attribute(root.head):
        return None
    frame = in_situ_frame(sent, answer, label, _which_class(answer, _who_or_what(answer)))
    if frame is None:
        return None
    fact = ClaimFact(
        sentence=_sentence_span(sent), answer=_span(answer), score=score, label=label, in_situ=frame
    )
    return fact if in_situ_question(fact) is not None else None


def _sentence_span(sent: SpacySpan) -> Span:
    """The sentence as a fact's `sentence`: without trailing whitespace."""
    text = sent.text.rstrip()
    return Span(sent.start_char, sent.start_char + len(text), text)


def _key_answers(ranked: list[tuple[float, int, int, str]]) -> list[tuple[float, int, int, str]]:
    """The top few answers, as long as they score near the best one."""
    best_score = ranked[0][0]
    return [
        item for item in ranked[:QUESTION_CANDIDATES] if item[0] >= best_score - QUESTION_MARGIN
    ]


def _clean_questions(
    sent: SpacySpan, ranked: list[tuple[float, int, int, str]], quoted: set[int], score: float
) -> Iterator[tuple[ClaimFact, tuple[float, int, int, str]]]:
    """(question claim, the ranked answer it came from) for every clean wh-question of the
    sentence, best first: the key answers, then the rest, then the argument phrases; each
    passes every check a claim's question must pass. Lazily: most callers want only one."""
    sentence = _sentence_span(sent)
    key = _key_answers(ranked)
    # the key answers first; a question on a lesser one still beats a cloze (which shows the
    # whole sentence), so the rest are tried after them
    rest = [item for item in ranked if item not in key]
    # the argument phrases come last: found once, and only when no ranked answer makes a question
    arguments = functools.cache(lambda: _argument_candidates(sent, ranked, quoted))
    # the whole clause first; then without its adverbial clauses, which may hold a pronoun or
    # run too long ("What began to expand as he accepted …?")
    # and last, a relative clause's statement ("which was founded in 1735")
    tiers = [(False, False)]
    if any(t.dep_ == "advcl" for t in sent):
        tiers.append((True, False))
    if any(t.dep_ == "relcl" for t in sent):
        tiers.append((False, True))
    # and a participle's statement ("The school, founded by Father Sorin", "Raised in Chicago,")
    if any(t.dep_ in {"acl", "advcl", "pcomp"} and t.tag_ in PARTICIPLE_TAGS for t in sent):
        tiers.append((False, PARTICIPIAL))
    main_verbs: dict[bool | str, dict[int, Token]] = {}  # by tier: the same for every answer
    for simple, relative in tiers:
        if relative not in main_verbs:
            main_verbs[relative] = _tier_verbs(sent, relative)
        for item in _then(key + rest, arguments):
            score_of, start, end, label = item
            found = wh_question_for(sent, start, end, simple, bool(relative), main_verbs[relative])
            if found is None:
                continue
            wh, role, clause, answer = found
            if any(t.i in quoted for t in answer):
                continue
            listed = _one_of_a_list(answer)
            if listed:
                # the list is the answer: "What do its rivers feed?" -> "the Pacific Ocean and
                # Hudson Bay", not "the Pacific Ocean"; too long a list makes no card
                answer = _whole_list(answer)
                if answer is None:
                    continue
            if score_of <= LONE_WORD_SCORE + CLOZE_SCORE_SLACK and not _whole(answer):
                continue  # "the right" of "the right to display …" is half an answer
            if not listed and _cuts_a_name(answer, sent):
                continue  # "Legend of Zelda" of "The Legend of Zelda: Twilight Princess"
            # the question leaves out the whole phrase: its answer is the whole place
            answer = answer.doc[answer.start : _with_region(answer.start, answer.end, answer.doc)]
            fact = ClaimFact(
                sentence=sentence,
                answer=_span(answer),
                score=score,
                label=label,
                wh=wh,
                role=role,
                clause=clause,
            )
            if _clean_question(sent, fact, clause):
                yield _article_kept(fact, answer), item


def _clean_question(sent: SpacySpan, fact: ClaimFact, clause: Clause) -> bool:
    """Whether a question claim says what it asks about and reads well."""
    if (
        fact.role == "subject"
        and len(fact.wh.split()) == 1
        and not _names_a_thing(sent, clause.complement)
    ):
        # "Who listened as little?": nothing says what the question is about ("How many
        # school buildings collapsed?" names it in its wh-phrase)
        return False
    if fact.role != "object" and _says_nothing(sent, clause):
        return False  # "Who said on Cuban television?": what was said is left out
    if _vague_answer(sent, fact):
        return False  # "What did architecture develop along? - different lines"
    return claim_question(fact) is not None  # the question also reads well


def _vague_answer(sent: SpacySpan, fact: ClaimFact) -> bool:
    """Whether the answer is one common noun with only words that relate it to something
    else or leave it open ("different lines", "related fields", "varying weight", "many
    previous ones"): no name, number or describing word says which."""
    answer = sent.doc.char_span(fact.answer.start, fact.answer.end, alignment_mode="expand")
    if answer is None:
        return False
    content = [t for t in answer if not (t.is_stop or t.is_punct or t.is_space)]
    nouns = [t for t in content if t.pos_ == "NOUN"]
    modifiers = [t for t in content if t.pos_ != "NOUN"]
    return (
        len(nouns) == 1 and bool(modifiers) and all(t.lower_ in VAGUE_MODIFIERS for t in modifiers)
    )


def more_questions(
    sent: SpacySpan, frequency: Counter[str], quoted: set[int], first: ClaimFact, count: int
) -> list[ClaimFact]:
    """Up to `count` more clean questions on the sentence of the question claim `first`, each
    on an answer that overlaps neither its answer nor another's (a denser drill deck)."""
    if count < 1 or not first.wh:
        return []
    ranked = _ranked_answers(sent, frequency, quoted)
    if not ranked:
        return []
    taken = [first]
    for fact, _ in _clean_questions(sent, ranked, quoted, first.score):
        if not _worth_another_question(sent, fact):
            continue
        if not any(_same_answer(fact, other) for other in taken):
            taken.append(fact)
            if len(taken) > count:
                break
    return taken[1:]


def _worth_another_question(sent: SpacySpan, fact: ClaimFact) -> bool:
    """Whether a question beside the sentence's first one is worth its card: the first is the
    sentence's best, and a further one must not be a weaker card of the same sentence.

    Not a lone common noun ("What did Pope John XXIII abolish? - the limit", "What did West
    pioneer? - a style" of production dubbed …): which one the sentences around say, or the
    words after it that the answer left out. Not a comparison with what came before ("What do
    another 130,000 people arrive by?", "a similar arrangement").
    """
    answer = sent.doc.char_span(fact.answer.start, fact.answer.end, alignment_mode="expand")
    if answer is None:
        return False
    content = [t for t in answer if not (t.is_stop or t.is_punct or t.is_space)]
    if fact.label not in NUMBER_LABELS and len(content) == 1 and content[0].pos_ == "NOUN":
        return False
    if _cuts_a_quotation(fact.answer.text):
        return False  # "Dog-family\" or the family dog": a quotation cut in two
    question_words = fact.answer.text.lower().split()
    if fact.clause is not None:
        clause = fact.clause
        question_words += f"{clause.subject} {clause.complement}".lower().split()
    return not any(word in BACK_REFERRING_WORDS for word in question_words)


def _cuts_a_quotation(text: str) -> bool:
    """Whether the text opens or closes a quotation it does not also close or open."""
    straight = text.count('"') % 2 == 1
    return straight or text.count("“") != text.count("”")


def _same_answer(fact: ClaimFact, other: ClaimFact) -> bool:
    """Whether two claims ask for overlapping spans or the same words (one card twice)."""
    overlap = fact.answer.start < other.answer.end and other.answer.start < fact.answer.end
    same_words = fact.answer.text.lower().split() == other.answer.text.lower().split()
    return overlap or same_words


# --------------------------------------------------------------------------- more question forms
# Heilman & Smith style forms for answers that are no plain argument: a duration ("lasted 120
# sec" -> "How long did it last?"), a measure ("deeper than 10 km" -> "How deep was it?") and an
# attribute's value ("had a magnitude of 8.0" -> "What was the magnitude of the earthquake?").

# verbs whose amount of time answers "How long"
DURATION_VERBS = frozenset({"last", "span", "continue", "run"})
TIME_UNITS = frozenset(
    {"second", "sec", "minute", "min", "hour", "day", "week", "month", "year", "decade",
     "century", "millennium"}
)  # fmt: skip
# adjectives of a dimension: "300 metres tall" -> "How tall", "deeper than 10 km" -> "How deep"
MEASURE_ADJECTIVES = frozenset(
    {"deep", "long", "high", "tall", "wide", "broad", "thick", "heavy", "old", "far", "hot",
     "cold", "fast"}
)  # fmt: skip
# a determiner of the attribute noun that still makes "the N of X" ("a magnitude", "an area")
ATTRIBUTE_DETERMINERS = frozenset({"a", "an", "the"})
PRESENT_COPULA = {"VBD": "was", "VBZ": "is", "VBP": "is"}


def _has_number(tokens: Iterable[Token]) -> bool:
    return any(t.like_num or t.ent_type_ in NUMBER_LABELS for t in tokens)


def _verb_child_holding(token: Token, verb: Token) -> Token | None:
    """The child of `verb` whose subtree holds `token` (None when `verb` does not govern it)."""
    node = token
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
    return node if node.head.i == verb.i and node.i != verb.i else None


def _duration_question(
    span: SpacySpan, verbs: dict[int, Token], simple: bool
) -> tuple[str, str, Clause, SpacySpan] | None:
    """ "The rupture lasted close to 120 sec" -> ("How long", the rupture last, "close to 120
    sec"): a number of time units after a verb of duration."""
    for verb in verbs.values():
        if verb.lemma_.lower() not in DURATION_VERBS:
            continue
        child = _verb_child_holding(span.root, verb)
        if (
            child is None
            or child.i < verb.i
            or child.dep_ not in {"npadvmod", "dobj", "advmod", "prep"}
        ):
            continue
        if child.dep_ == "prep" and child.lower_ != "for":
            continue
        phrase = _phrase(child)
        units = [
            t for t in phrase if t.lemma_.lower() in TIME_UNITS and t.pos_ in {"NOUN", "PROPN"}
        ]
        if not units or not _has_number(phrase) or vague_number(phrase):
            continue
        if len(phrase) > MAX_QUESTION_ANSWER_TOKENS:
            continue
        clause = clause_for(verb, phrase, simple=simple)
        answer = phrase[1:] if child.dep_ == "prep" else phrase  # "for five years": the time
        return ("How long", "object", clause, _trim(answer)) if clause is not None else None
    return None


def _measure_question(
    span: SpacySpan, verbs: dict[int, Token], simple: bool
) -> tuple[str, str, Clause, SpacySpan] | None:
    """ "The focus was deeper than 10 km" -> ("How deep", the focus was, "deeper than 10 km");
    "The tower is 300 metres tall" -> ("How tall", the tower is, "300 metres")."""
    for verb in verbs.values():
        if verb.lemma_ != "be":
            continue
        child = _verb_child_holding(span.root, verb)
        if child is None or child.i < verb.i:
            continue
        phrase = _phrase(child)
        adjectives = [
            t for t in phrase if t.tag_ in {"JJ", "JJR"} and t.lemma_.lower() in MEASURE_ADJECTIVES
        ]
        if (
            len(adjectives) != 1
            or not _has_number(phrase)
            or len(phrase) > MAX_QUESTION_ANSWER_TOKENS
        ):
            continue
        adjective = adjectives[0]
        if adjective.tag_ == "JJR":
            # the comparison is the answer: "deeper than 10 km"
            than = [t for t in phrase if t.lower_ == "than" and t.i == adjective.i + 1]
            if not than:
                continue
            amount = [t.i for t in phrase if t.i > adjective.i and _has_number([t])]
            if not amount:
                continue
            answer = span.doc[adjective.i : max(amount) + 1]
        else:
            if adjective.i != phrase.end - 1:
                continue  # "300 metres tall": the adjective closes the measure
            answer = span.doc[phrase.start : adjective.i]
        if not (answer.start <= span.start and span.end <= answer.end):
            continue
        measure = span.doc[min(answer.start, adjective.i) : max(answer.end, adjective.i + 1)]
        clause = clause_for(verb, measure, simple=simple)
        wh = f"How {adjective.lemma_.lower()}"
        return (wh, "object", clause, _trim(answer)) if clause is not None else None
    return None


def _attribute_question(
    span: SpacySpan, node: Token, verb: Token, simple: bool
) -> tuple[str, str, Clause, SpacySpan] | None:
    """ "The earthquake had a magnitude of 8.0 Ms" -> "What was the magnitude of the
    earthquake?" with the value as the answer: "have" + an attribute noun + "of" + a number."""
    if node.dep_ != "dobj" or verb.lemma_ != "have" or node.tag_ != "NN":
        return None
    if verb.tag_ not in PRESENT_COPULA or any(
        c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children
    ):
        return None
    of = [c for c in node.children if c.dep_ == "prep" and c.lower_ == "of"]
    values = [c for c in of[0].children if c.dep_ == "pobj"] if len(of) == 1 else []
    if len(values) != 1:
        return None
    value = _before_aside(_phrase(values[0]))
    if not (value.start <= span.start and span.end <= value.end) or not _has_number(value):
        return None
    if len(value) > MAX_QUESTION_ANSWER_TOKENS or vague_number(value):
        return None
    determiners = [c for c in node.lefts if c.dep_ == "det"]
    if any(d.lower_ not in ATTRIBUTE_DETERMINERS for d in determiners):
        return None
    modifiers = [t for t in node.lefts if t.dep_ in {"amod", "compound"}]
    if any(t.i != m.i for m in modifiers for t in m.subtree):
        return None  # a modifier with modifiers of its own ("a very large population")
    clause = clause_for(verb, _phrase(node), simple=simple)
    if clause is None:
        return None
    subject = clause.subject
    if any(bracket in subject for pair in BRACKETS for bracket in pair):
        return None  # "Saint Barthélemy )": an aside cut in half
    first, _, rest = subject.partition(" ")
    if first.lower() in {"a", "an"}:
        return None  # "the population of a town": which town the card does not say
    opener = verb.sent[0]
    if subject.startswith(opener.text) and opener.pos_ != "PROPN" and not opener.ent_type_:
        # "the magnitude of the earthquake", "the risk-weight of lending to …"
        subject = f"{first.lower()} {rest}".strip()
    attribute = node.doc[modifiers[0].i if modifiers else node.i : node.i + 1].text
    question_clause = Clause(
        subject=f"the {attribute} of {subject}",
        auxiliaries=(),
        verb=PRESENT_COPULA[verb.tag_],
        lemma="be",
        tag=verb.tag_,
        # a stray bracket of an aside ("(9.7 sq mi)") is no complement
        complement=clause.complement if any(c.isalnum() for c in clause.complement) else "",
        negated=clause.negated,
    )
    return "What", "object", question_clause, _trim(value)


def _before_aside(phrase: SpacySpan) -> SpacySpan:
    """The phrase up to its first bracket or comma: "25 square kilometres (9.7 sq mi)" -> "25
    square kilometres"."""
    for token in phrase:
        if token.text in ASIDE_OPENERS:
            return phrase.doc[phrase.start : token.i]
    return phrase


# class nouns that head a name ("Chengdu Shuangliu International Airport", "the University of
# Notre Dame", "Lake Geneva"): the question may ask "Which airport …?" instead of "What …?".
# Words that head names of other things ("the United States", "the Soviet Union", "the People's
# Republic") are left out.
CLASS_HEADS = frozenset(
    {"airport", "university", "college", "school", "academy", "institute", "river", "lake",
     "mountain", "island", "ocean", "sea", "bay", "canal", "valley", "desert", "company",
     "corporation", "bank", "agency", "ministry", "party", "church", "cathedral", "abbey",
     "temple", "palace", "castle", "museum", "library", "council", "committee", "commission",
     "army", "hospital", "bridge", "station", "county", "province", "city", "street", "avenue",
     "road", "stadium", "park", "hotel", "theatre", "theater", "tower", "festival", "award",
     "prize", "war", "battle", "treaty", "act", "league", "club", "team", "magazine",
     "newspaper", "journal", "dynasty", "empire", "district", "square", "hall", "foundation",
     "society", "association", "conference"}
)  # fmt: skip
# leading class words of a name ("Lake Geneva", "Mount Everest") and the class each names
LEADING_CLASS_WORDS = {"lake": "lake", "mount": "mountain", "river": "river", "fort": "fort"}
WHICH = "Which"


def _class_of_name(phrase: SpacySpan) -> str | None:
    """The class noun a name says it is: "airport" of "Chengdu Shuangliu International Airport",
    "lake" of "Lake Geneva"; None for a name that names no class or for a common noun."""
    root = phrase.root
    if not root.text[:1].isupper():
        return None  # "the title 'institute of technology'": a term, not a name
    if root.pos_ != "PROPN" or root.conjuncts or any(t.dep_ == "case" for t in phrase):
        return None  # "the Bank of England and the ECB" are two; "Chicago's Divinity School"
    if root.lemma_.lower() in CLASS_HEADS and any(
        t.pos_ == "PROPN" and t.i != root.i for t in phrase
    ):
        return root.lower_
    words = [t for t in phrase if t.dep_ not in {"det"}]
    if len(words) > 1 and words[0].lower_ in LEADING_CLASS_WORDS and words[0].pos_ == "PROPN":
        return LEADING_CLASS_WORDS[words[0].lower_]
    return None


def _which_class(phrase: SpacySpan, wh: str) -> str:
    """ "Which airport" for a name of a class ("Chengdu Shuangliu International Airport");
    otherwise `wh` unchanged."""
    if wh != "What":
        return wh
    kind = _class_of_name(phrase)
    return f"{WHICH} {kind}" if kind else wh


# content words a clause must say of a bare definite subject ("The Internet was extensively used
# for passing information …") for the subject to be the answer of a question of its own
MIN_PREDICATE_CONTENT_WORDS = 3


def _first_mention_subject(phrase: SpacySpan, verb: Token) -> bool:
    """ "The Internet" of "The Internet was extensively used for passing information …": "the"
    and one singular common noun written with a capital, as a thing there is one of is ("the
    Internet", "the Sun", "the Senate"), named for the first time in the text (a noun named
    before points back to it), with a predicate that says something specific. A shell noun
    ("the scheme") or a class noun ("the University") stands for something said before."""
    words = [t for t in phrase if not t.is_punct]
    if len(words) != 2 or words[0].lower_ != "the" or words[1].tag_ != "NN":
        return False
    noun = words[1]
    if not noun.text[:1].isupper():
        return False  # "the developer", "the pair": a lower-case noun points back to a name
    lemma = noun.lemma_.lower()
    if lemma in SHELL_NOUNS or lemma in CLASS_HEADS or lemma in ADVERBIAL_NOUNS:
        return False
    if is_person_noun(lemma) or verb.lemma_ == "be":
        return False
    if any(t.lemma_.lower() == lemma for t in noun.doc[: noun.i]):
        return False  # named before: "the earthquake" is the one the text is about
    said = [
        t
        for t in verb.subtree
        if t.i not in range(phrase.start, phrase.end) and t.pos_ in CONTENT_POS
    ]
    return len(said) >= MIN_PREDICATE_CONTENT_WORDS
