"""In-situ wh-questions: the sentence itself with its answer replaced by a wh-phrase.

"The earthquake killed 69,197 people" -> "The earthquake killed how many people?";
"The attacks of the Germanic peoples led to …" -> "The attacks of which peoples led to …?";
"Railroads have been important in Montana since the 1880s" -> "… since which decade?".

This is the quiz-book form ("The Battle of Hastings was fought in which year?") and the one
Heilman & Smith's fronting cannot reach: an answer inside an infinitive, a gerund or a
participle, or a clause whose subject-auxiliary inversion the parse cannot give. It is asked
where a claim would otherwise be a cloze, so it asks about the very span the cloze would blank.

The sentence is trimmed first: a discourse opener ("Notably,", "In general,") and a clause
joined after the answer ("…; it is included in all bundles") are no part of the question.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import InSitu
from ..questions import possessive
from ..vocabulary import is_person_noun
from .clauses import (
    DEMONSTRATIVE_WORDS,
    DISCOURSE_WORDS,
    FIRST_NAMES,
    PERSON_PRONOUNS,
    PERSON_VERBS,
    PLACE_LABELS,
    RESOLVE_WINDOW,
    SINGULAR_NOUN_TAGS,
    SUBJECT_DEPS,
    THINKING_VERBS,
    agrees,
    is_existential,
    is_expletive_it,
    join_tokens,
    resolve_pronoun,
)
from .people import gender_of_name
from .text import doc_ents

# phrases that open a sentence only to relate it to the one before ("In general, …")
DISCOURSE_PHRASES = frozenset(
    {"of course", "in general", "in fact", "for example", "for instance", "in addition",
     "as a result", "in particular", "in practice", "in turn", "at the same time",
     "on the other hand", "in other words", "by contrast", "in contrast", "above all",
     "after all", "as such", "in short", "in sum", "to be sure", "generally speaking"}
)  # fmt: skip
# sentence adverbs that say how the writer takes the claim, not what it claims ("Notably,")
OPENING_ADVERB_DEPS = frozenset({"advmod", "cc", "discourse", "intj"})
# prepositions whose object, a place, the question asks for as "where"
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "within", "inside", "throughout"})
# prepositions whose object, a time, the question asks for as "when" ("in March 2012")
TIME_PREPOSITIONS = frozenset({"in", "on", "at", "during"})
YEAR_PREPOSITIONS = frozenset({"in", "since", "until", "till", "by", "from", "before", "after"})
TIME_LABELS = frozenset({"DATE", "TIME"})
NUMBER_WORD_LABELS = frozenset({"CARDINAL", "QUANTITY"})
# amounts asked as "what percentage", "how much": the wh-phrase stands for the amount alone
AMOUNT_LABELS = frozenset({"PERCENT", "MONEY"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
CLAUSE_BREAKS = frozenset({";", ":"})
# a full stop inside a sentence: the sentence splitter joined two ("… the earthworm . 1829 .")
FULL_STOP = "."
# a clause that is the object of "ask", "explain", "wonder" …, and the words that make it a
# question ("why", "how", "which", "whether")
EMBEDDED_CLAUSE_DEPS = frozenset({"ccomp", "pcomp", "csubj"})
WH_TAGS = frozenset({"WRB", "WP", "WDT", "WP$"})
YES_NO_MARKS = frozenset({"whether", "if"})
# determiners the wh-phrase takes the place of ("the Fall of …" -> "what"); "any", "each",
# "no" … say something the question would lose
ABSORBED_DETERMINERS = frozenset({"a", "an", "the", "this", "these", "those", "that"})
OBJECT_PRONOUN_DEPS = frozenset({"dobj", "dative", "iobj"})
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
# the last word of a clause that needs what follows it
INCOMPLETE_POS = frozenset({"VERB", "AUX", "ADP", "DET", "CCONJ", "SCONJ"})
# words a whole name does not end on ("The Cardinal Camerlengo of …" cut by the tagger)
CUT_NAME_ENDINGS = frozenset({"of", "the", "and", "for", "in", "to", "a", "an", "at", "on", "by"})
CLOSING_MARKS = frozenset({")", "]", "”", '"', "’"})
QUOTE_PAIRS = frozenset({('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»")})
DASH_MARKS = frozenset({"-", "–", "—"})
QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»"})
# personal pronouns, each read as the subject form that resolve_pronoun understands
PRONOUN_READINGS = {
    "he": "he", "him": "he", "his": "he", "she": "she", "her": "she", "it": "it", "its": "it",
    "they": "they", "them": "they", "their": "they",
}  # fmt: skip
# an opening "it"/"they" ("its"/"their") is named only as the previous sentence's subject, a
# short plain noun phrase: one with a clause, an aside or a pointing word of its own reads badly
THING_READINGS = frozenset({"it", "they"})
MAX_ANTECEDENT_WORDS = 6
ANTECEDENT_EXCLUDED_POS = frozenset({"VERB", "AUX", "PRON", "SCONJ", "CCONJ", "NUM", "ADV"})
# what may follow the antecedent's noun and be left out of its name: an aside or a clause
ANTECEDENT_ASIDE_DEPS = frozenset({"appos", "relcl", "acl", "punct", "parataxis"})
# participles that name the noun they follow ("a program called …", "a river known as …")
NAMING_VERBS = frozenset({"call", "name", "know", "title", "dub", "entitle"})
# a name the tagger gives one of these kinds is a thing or a group, never a person
THING_NAME_LABELS = frozenset(
    {"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}
)
# "a major focus of …": an indefinite phrase names nothing the reader can tell apart
PERSON_WORDS = frozenset({"he", "she", "him", "his", "her", "himself", "herself"})
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "some", "any", "one"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
# wh-words that stand for a whole noun phrase: followed by a verb they read as its subject
BARE_WH = frozenset({"what", "who", "whom"})
# clauses inside the sentence whose subject a bare wh-word cannot be ("a time what stays …")
SUBORDINATE_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "pcomp", "xcomp"})
# a subject that stands for things named before ("both emerged", "each was …")
DISTRIBUTIVE_WORDS = frozenset({"both", "each", "either", "neither"})
# what joins the next item of a list
LIST_DEPS = frozenset({"conj", "cc"})
# a reporter the tagger names: "who" said it, though the noun asks "what"
REPORTER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def in_situ_frame(sent: SpacySpan, answer: SpacySpan, label: str, noun_wh: str) -> InSitu | None:
    """The question around `answer` (a span of `sent`): the words before it, its wh-phrase
    and the words after it; None when no wh-phrase fits or the sentence cannot be trimmed to
    a question that stands alone. `noun_wh` is what a noun phrase answer is asked as ("Who",
    "What", "Which airport"), as the fronted questions ask it."""
    if not any(t.dep_ in SUBJECT_DEPS for t in sent.root.children):
        return None  # "Founded in 1873 and located …": a fragment makes no question
    if _cuts_a_list(sent, answer) or _cuts_a_phrase(answer) or _in_brackets(sent, answer):
        return None
    if answer.root.dep_ == "appos" or _joined_by_a_dash(sent, answer):
        return None  # "Hesburgh, who?", "architects – what?", "dog–what interactions?"
    if answer.root.head.dep_ == "parataxis" or _existential(answer.root):
        return None  # "Gothic architecture, who believed, was …", "There are what, which …"
    if any(t.lower_ in DEMONSTRATIVE_WORDS for t in answer):
        return None  # "the effects of this price variance": which one the text said before
    enclosed = _in_quotation_marks(sent, answer)
    if _quoted(sent, answer) and not enclosed:
        return None
    if _in_embedded_question(sent, answer):
        return None  # "one is forced to ask why what ever evolved"
    replaced = _wh_phrase(answer, label, noun_wh)
    if replaced is None:
        return None
    start, end, wh = replaced
    if _reports_the_clause_before(sent, answer):
        return _reporter_question(sent, answer, start, end, wh)
    if _before_the_subject(sent, answer):
        # "For whom, religion served …?" is no English question; "In 1758, Linnaeus published
        # …" is asked with the phrase moved to the end: "Linnaeus published … in what year?"
        return _opening_phrase_moved(sent, answer, label, noun_wh, replaced)
    if enclosed and (start, end) == (answer.start, answer.end):
        start, end = start - 1, end + 1  # 'known as "the Great Vehicle"' -> "known as what"
    if any(t.head.i in range(answer.start, answer.end) for t in sent.doc[sent.start : start]):
        return None  # "includes the {pope's coat of arms}": a word of the phrase left behind
    first = _question_start(sent, start)
    last = _question_end(sent, end)
    if first is None or last is None:
        return None
    if end < last and sent.doc[end].lower_ == wh.split()[-1]:
        return None  # "was when when he led …"
    last = _without_closing_aside(sent.doc, first, end, last)
    if wh in BARE_WH and _verb_follows(sent, answer, end, last):
        return None  # "the average time what stays in …", "a method that what use …"
    if start == first and _aside_follows(sent.doc, end, last):
        return None  # "Who, C.S.C., Vice President of …, added …?", "In what, the name …?"
    if start == first and wh == "which" and _aside_follows(sent.doc, answer.root.head.i + 1, last):
        return None  # "Which cuisine, steamed vegetables … is common?": an opening phrase
    substitutes = _pronoun_substitutes(sent, first, last, (start, end))
    if substitutes is None:
        return None
    if any(sent.doc[i].lower_ not in PERSON_PRONOUNS for i in substitutes) and not _plain(
        sent, answer, first, end, last
    ):
        return None  # a named "it"/"they" is a guess: it goes only into a clean question
    if wh == "which" and last <= answer.root.head.i:
        return None  # the noun that "which" asks about was cut off with its clause
    before = _text(sent.doc, first, start, substitutes)
    after = _text(sent.doc, end, last, substitutes)
    return InSitu(before=before, wh=wh, after=after)


def _opening_phrase_moved(
    sent: SpacySpan, answer: SpacySpan, label: str, noun_wh: str, replaced: tuple[int, int, str]
) -> InSitu | None:
    """The question for an answer in a phrase that opens the sentence before its subject
    ("In 1758, the taxonomist Linnaeus published …"), with the phrase moved to the end of the
    main clause: "The taxonomist Linnaeus published … in what year?". Only a preposition and a
    date, a place or a person on the main verb are moved; a lone noun there is seldom what the
    sentence is about ("At state level, …")."""
    doc = sent.doc
    start, end, wh = replaced
    root = answer.root
    preposition = root.head
    if root.dep_ != "pobj" or preposition.dep_ != "prep" or preposition.head != sent.root:
        return None
    if preposition.i != answer.start - 1 or root.right_edge.i + 1 != answer.end:
        return None  # the phrase is more than the preposition and the answer
    if not (label in TIME_LABELS or noun_wh == "Who"):
        # "For Whitehead" tagged an organisation: "for what?" would be wrong; a "where" at the
        # end reads as about the last thing named
        return None
    if _question_start(sent, preposition.i) != preposition.i:
        return None  # something else opens the sentence before the phrase
    first = end
    while first < sent.end and doc[first].text in {",", "–", "—"}:
        first += 1
    last = _question_end(sent, first)
    if last is None or last <= first:
        return None
    if doc[last - 1].text in CLOSING_MARKS or any(
        t.i != sent.root.i and t.pos_ in {"VERB", "AUX"} and _has_own_subject(t)
        for t in doc[first:last]
    ):
        # '… proposed that "…" in what year?', "…, and a hall was built in 1883 by what year?":
        # at the end of another clause the phrase would be read as that clause's
        return None
    substitutes = _pronoun_substitutes(sent, first, last, (start, end))
    if substitutes is None:
        return None
    asked = wh if start == preposition.i else f"{preposition.lower_} {wh}"
    return InSitu(before=_text(doc, first, last, substitutes), wh=asked, after="")


def _reports_the_clause_before(sent: SpacySpan, answer: SpacySpan) -> bool:
    """Whether the answer is in the subject of the sentence's verb and that verb reports a clause
    that opens the sentence ("Talks have resumed, {a Justice official} said Thursday")."""
    subjects = [c for c in sent.root.children if c.dep_ in SUBJECT_DEPS]
    return any(
        s.left_edge.i <= answer.start and answer.end <= s.right_edge.i + 1 for s in subjects
    ) and any(c.dep_ == "ccomp" and c.i < answer.start for c in sent.root.children)


def _reporter_question(
    sent: SpacySpan, answer: SpacySpan, start: int, end: int, wh: str
) -> InSitu | None:
    """ "Talks have resumed, a Justice official said Thursday" -> "Who said Thursday that talks
    have resumed?": asked in the report's order ("Talks have resumed, who said?" is no English).
    Only where the answer is the whole subject and the report's verb ends the sentence."""
    doc = sent.doc
    named = wh in BARE_WH or wh.startswith("which ")  # "who", "which company"
    if not named or start != answer.start or answer.root.head.i != sent.root.i:
        return None  # "which official said …": the official is not the answer
    clause = next(c for c in sent.root.children if c.dep_ == "ccomp" and c.i < answer.start)
    first = _question_start(sent, clause.left_edge.i)
    reported_end = clause.right_edge.i + 1
    last = _question_end(sent, end)
    if first is None or last is None or first != clause.left_edge.i:
        return None  # something before the report ("But", "In Miami,") it cannot keep
    if any(not t.is_punct for t in doc[reported_end:start]) or doc[start - 1].text != ",":
        return None
    if any(t.head.i < start and t.i >= end and t.head.i != sent.root.i for t in doc[end:last]):
        return None
    substitutes = _pronoun_substitutes(sent, first, reported_end, (start, end))
    if substitutes is None:
        return None
    reported = _text(doc, first, reported_end, substitutes)
    # the report's own first word keeps its capital only if it is a name ("Talks" -> "talks")
    if doc[first].pos_ != "PROPN" and doc[first].text not in {"I"}:
        reported = reported[:1].lower() + reported[1:]
    label = answer.root.ent_type_
    asked = "who" if label in REPORTER_LABELS or wh in {"who", "whom"} else wh
    return InSitu(before="", wh=asked, after=f"{_text(doc, end, last, {})} that {reported}")


def _without_closing_aside(doc: Doc, first: int, end: int, last: int) -> int:
    """The question's end before an aside set off by a comma right after the wh-phrase that
    nothing before it needs ("… inside what, which is defined to be …" -> "… inside what"):
    the aside would describe what the question asks."""
    if end >= last or doc[end].text != ",":
        return last
    if any(end <= t.head.i < last for t in doc[first:end]):
        return last  # "…, what said": the words before belong to a verb after the comma
    tops = [t for t in doc[end:last] if t.head.i < end]  # what the aside hangs on the sentence
    if any(t.dep_ in LIST_DEPS for t in tops) or any(
        c.dep_ in LIST_DEPS and c.i < last for t in tops if _noun_head(t) for c in t.children
    ):
        return last  # "places of worship for what, Bahá'í, Buddhism and Humanism": a list
    return end


def _verb_follows(sent: SpacySpan, answer: SpacySpan, end: int, last: int) -> bool:
    """Whether the bare wh-word is the subject of a clause inside the sentence, its verb or
    "to" right after it: no English ("the average time what stays in …", "a method that what
    use", "for what to link …"). The main clause's subject is asked ("…, what came out?")."""
    if end >= last:
        return False
    following = sent.doc[end]
    if not (following.pos_ in {"VERB", "AUX"} or following.lower_ == "to"):
        return False
    root = answer.root
    return root.dep_ in SUBJECT_DEPS and root.head.dep_ in SUBORDINATE_CLAUSE_DEPS


def _has_own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _plain(sent: SpacySpan, answer: SpacySpan, first: int, end: int, last: int) -> bool:
    """Whether the question keeps nothing of the answer's phrase after the wh-phrase, no aside,
    bracket or joined word right after it ("contains what, Granite Peak, …", "are what and in
    the endangered list"), asks in no predicate joined without a verb, and points to no noun
    with "this"/"that" ("for that reason")."""
    doc = sent.doc
    if end < last and (doc[end].text in {",", "(", "["} or doc[end].pos_ == "CCONJ"):
        return False
    if any(
        a.dep_ == "conj" and a.head.i == sent.root.i and a.pos_ not in {"VERB", "AUX"}
        for a in answer.root.ancestors
    ):
        return False  # "Turtles are a protected species and in what?": a verbless predicate
    return not _answer_phrase_follows(doc, answer, end, last) and not any(
        t.dep_ == "det" and t.lower_ in DEMONSTRATIVE_WORDS for t in doc[first:last]
    )


def _answer_phrase_follows(doc: Doc, answer: SpacySpan, end: int, last: int) -> bool:
    """Whether a word the question keeps after the wh-phrase belongs to the answer's phrase (an
    aside, a relative clause or a bracket on it): it would describe what the question asks."""
    inside = range(answer.start, answer.end)
    return any(t.head.i in inside and not t.is_punct for t in doc[end:last])


def _cuts_a_list(sent: SpacySpan, answer: SpacySpan) -> bool:
    """Whether the answer is one item of a list, or a list cut short ("the study of {humans}
    and their societies"): which item, or why not the rest, the question cannot say."""
    inside = range(answer.start, answer.end)
    return any(t.dep_ == "conj" and (t.i in inside) != (t.head.i in inside) for t in sent)


def whole_phrase(answer: SpacySpan, max_tokens: int) -> SpacySpan | None:
    """The answer with the rest of its phrase when it cuts one ("the study of {the human past}
    through its remains"), if that is short and holds no clause or pronoun; else None."""
    doc = answer.doc
    end = answer.root.right_edge.i + 1
    if end <= answer.end or doc[answer.end].is_punct or doc[answer.end].tag_ == "POS":
        return None
    while end > answer.end and doc[end - 1].is_punct:
        end -= 1
    extended = doc[answer.start : end]
    words = [t for t in extended if not t.is_punct]
    if len(words) > max_tokens or any(
        t.pos_ in {"VERB", "AUX", "PRON"} or t.lower_ in DEMONSTRATIVE_WORDS or t.is_punct
        for t in doc[answer.end : end]
    ):
        return None
    return extended


def _cuts_a_phrase(answer: SpacySpan) -> bool:
    """Whether the answer's phrase goes on past it ("the study of the human past | through its
    remains"): the question would ask for half a phrase. An aside set off by a comma or a
    bracket may follow ("the Dujiangyan Irrigation System, an ancient water project")."""
    doc = answer.doc
    phrase_end = answer.root.right_edge.i + 1
    if phrase_end <= answer.end:
        return False
    if phrase_end == answer.end + 1 and doc[answer.end].tag_ == "POS":
        return False  # "West|'s": the possessive is asked as "whose"
    return not doc[answer.end].is_punct


def _text(doc: Doc, start: int, end: int, substitutes: dict[int, str]) -> str:
    """Tokens start..end as written, with some words replaced."""
    return "".join(substitutes.get(t.i, t.text) + t.whitespace_ for t in doc[start:end]).strip()


def _pronoun_substitutes(
    sent: SpacySpan, first: int, last: int, replaced: tuple[int, int]
) -> dict[int, str] | None:
    """Names for the question's personal pronouns that point outside it, or None when one
    cannot be named. A pronoun with an antecedent earlier in the question stays ("West … his
    performance"); the subject pronoun opening the question is named as the fronted questions
    name it ("he" -> "Whitehead"); any other makes no question (resolving pronouns anywhere in
    the sentence named the wrong thing too often to show it as the text's words)."""
    doc = sent.doc
    substitutes: dict[int, str] = {}
    for token in doc[first:last]:
        if token.pos_ == "PRON" and token.lower_ in SPEAKER_PRONOUNS:
            return None  # "we", "you": the writer's or reader's, not the question's
        if token.dep_ == "det" and token.lower_ in DEMONSTRATIVE_WORDS:
            return None  # "Before the end of that year": which year the text said before
        if token.lower_ in DISTRIBUTIVE_WORDS and token.dep_ in SUBJECT_DEPS:
            return None  # "both emerged during …": both of what the text said before
        reading = PRONOUN_READINGS.get(token.lower_)
        if reading is None or token.pos_ != "PRON" or replaced[0] <= token.i < replaced[1]:
            continue
        if token.lower_ == "it" and _expletive(token):
            continue  # "it is possible to …"
        earlier = [t for t in doc[first : token.i] if _noun_head(t)]
        if token.dep_ in SUBJECT_DEPS:
            # a subject: "When modern architecture was first practiced, it was …" names it as
            # an earlier clause's subject; "Located on the first floor of Stanford Hall, it is
            # …" names only what is around it
            earlier = [t for t in earlier if t.dep_ in SUBJECT_DEPS]
        if token.dep_ in OBJECT_PRONOUN_DEPS:
            # "Aboolian referred her to …", "the council tried to sell it": not the verb's own
            # subject (that would be "herself", "itself")
            verbs = _verbs_sharing_subject(token.head)
            earlier = [t for t in earlier if not (t.head.i in verbs and t.dep_ in SUBJECT_DEPS)]
        if any(_may_stand_for(reading, noun) for noun in earlier):
            continue
        name = _opening_subject_name(sent, token, first)
        if not name:
            return None
        substitutes[token.i] = name
    return substitutes


def _expletive(it: Token) -> bool:
    """Whether an "it" stands for nothing ("it is possible to …", "it was Slaughter who …"),
    though not where all that follows it is an infinitive on a noun ("it is the first branch
    to be housed in …": the "it" is the branch)."""
    verb = it.head
    if not is_expletive_it(verb):
        return False
    if any(c.dep_ in {"ccomp", "csubj", "xcomp"} for c in verb.children):
        return True
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False  # "it has been expanded to include …": an infinitive of purpose
    relatives = [
        r for c in verb.children if c.dep_ == "attr" for r in c.children if r.dep_ == "relcl"
    ]
    infinitival = [r for r in relatives if any(a.lower_ == "to" for a in r.children)]
    return not relatives or len(infinitival) < len(relatives)


def _verbs_sharing_subject(verb: Token) -> set[int]:
    """The verb and those above it whose subject is its subject: "tried" in "the council tried
    to sell it" (not "ordered" in "the king ordered the guards to protect him")."""
    found = {verb.i}
    while verb.dep_ == "xcomp" and not any(
        c.dep_ in OBJECT_PRONOUN_DEPS for c in verb.head.children
    ):
        verb = verb.head
        found.add(verb.i)
    return found


def _opening_subject_name(sent: SpacySpan, pronoun: Token, first: int) -> str | None:
    """What the pronoun opening the question stands for: a subject "he"/"she" ("He was
    expelled …") as resolve_pronoun names it; a subject "it"/"they", or an "its"/"their" on the
    subject ("Its rivers feed …"), only as the previous sentence's subject. The subject must be
    the main verb's, and the verb point forward to no clause an expletive "it" would stand for
    ("It was suggested that …", "It is the task of religion to …")."""
    verb = sent.root
    if pronoun.i != first:
        return None
    if pronoun.dep_ == "poss":
        return _opening_possessor_name(sent, pronoun)
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.head != verb:
        return None
    if pronoun.lower_ in THING_READINGS:
        if pronoun.lower_ == "it" and _points_forward(verb):
            return None
        return _thing_antecedent(sent, pronoun.lower_)
    if pronoun.lower_ not in PERSON_PRONOUNS:
        return None
    name = resolve_pronoun(pronoun, verb)
    if not name or any(t.lower_ == name.lower() for t in sent):
        return None
    if name.split()[-1].lower() in CUT_NAME_ENDINGS:
        return None  # "Cardinal Camerlengo of": a name cut off before its phrase ends
    return name


def main_subject_thing_name(pronoun: Token) -> str | None:
    """What an "it"/"they" subject of its sentence's main verb stands for, named as an opening
    one is here (the previous sentence's subject, where that is reliable); None if not."""
    verb = pronoun.sent.root
    if pronoun.lower_ not in THING_READINGS or pronoun.head != verb:
        return None
    if pronoun.lower_ == "it" and _points_forward(verb):
        return None
    return _thing_antecedent(pronoun.sent, pronoun.lower_)


def _opening_possessor_name(sent: SpacySpan, pronoun: Token) -> str | None:
    """ "Its rivers feed …" after "Montana is …" -> "Montana's"; "their" -> "the Normans'"."""
    subject = pronoun.head
    reading = PRONOUN_READINGS.get(pronoun.lower_)
    if reading not in THING_READINGS or subject.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    if subject.head != sent.root:
        return None
    name = _thing_antecedent(sent, reading)
    if name is None:
        return None
    return possessive(name)


def _thing_antecedent(sent: SpacySpan, reading: str, depth: int = 0) -> str | None:
    """The previous sentence's main subject, if an opening "it"/"they" may stand for it: a noun
    phrase (not a pronoun, not a person) agreeing in number, short, named without its asides
    ("Anthrozoology (also known as …)" -> "Anthrozoology"). Where that subject is the same
    pronoun opening its sentence, what that one stands for ("It has … It applies …")."""
    if sent.start == 0:
        return None
    previous = sent.doc[sent.start - 1].sent
    root = previous.root
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(subjects) != 1 or any(c.dep_ in {"ccomp", "csubj"} for c in root.children):
        return None  # "The evidence of the texts suggests that …": the "it" is the clause's
    subject = subjects[0]
    if subject.lower_ == reading and depth < RESOLVE_WINDOW:
        first = _question_start(previous, previous.end)
        return _thing_antecedent(previous, reading, depth + 1) if first == subject.i else None
    if not _may_be_antecedent(subject, reading) or _names_its_predicate(subject):
        return None
    if _rival_introduced(previous, subject, reading):
        return None
    words = _antecedent_words(subject)
    if (
        not words
        or len(words) > MAX_ANTECEDENT_WORDS
        or any(
            t.is_punct or t.pos_ in ANTECEDENT_EXCLUDED_POS or t.lower_ in DEMONSTRATIVE_WORDS
            for t in words
        )
    ):
        return None
    if words[0].lower_ in INDEFINITE_DETERMINERS or any(t.dep_ == "poss" for t in words):
        return None  # "Notre Dame's graduate program": the "it" may be the possessor
    if len(words) == 2 and words[0].lower_ == "the" and subject.pos_ == "NOUN":
        return None  # "the college": which one, the question would not say either
    name = join_tokens(words)
    if gender_of_name(name) or _may_be_a_person(subject):
        return None
    return name


def _rival_introduced(previous: SpacySpan, subject: Token, reading: str) -> bool:
    """Whether the previous sentence brings in, after its subject and outside what it says the
    subject is, another noun the pronoun may stand for, and names it or says more about it in
    an aside ("CCTV-1 hosted a program called …", "… rich in conch, which has …"): the
    sentence after is most likely about that one."""
    subject_words = {t.i for t in subject.subtree}
    predicates = {t.i for c in previous.root.children if c.dep_ == "attr" for t in c.subtree}
    return any(
        token.i not in subject_words | predicates
        and token.pos_ in {"NOUN", "PROPN"}
        and agrees(reading, token)
        and (_named_here(token) or any(_introduces(clause) for clause in token.children))
        for token in previous
    )


def _named_here(noun: Token) -> bool:
    """Whether the noun is the name a verb of naming gives ("called the Vision for Plymouth")."""
    return noun.dep_ == "oprd" and noun.head.lemma_.lower() in NAMING_VERBS


def _introduces(clause: Token) -> bool:
    """Whether a clause on a noun names it ("called …") or is an aside about it (", which")."""
    if clause.dep_ == "acl":
        return clause.lemma_.lower() in NAMING_VERBS
    if clause.dep_ != "relcl":
        return False
    before = clause.left_edge.i - 1
    return before >= 0 and clause.doc[before].text == ","


def _antecedent_words(subject: Token) -> list[Token]:
    """The subject's phrase up to an aside, a clause or a bracket after its noun ("the Grotto of
    Our Lady of Lourdes, which was built …" -> "the Grotto of Our Lady of Lourdes"); empty when
    something else follows it (a joined noun: the phrase is two things)."""
    words = [t for left in subject.lefts for t in left.subtree]
    words.append(subject)
    for child in subject.rights:
        if child.dep_ in {"prep", "compound"} and not child.is_punct:
            words.extend(child.subtree)
        elif child.dep_ in ANTECEDENT_ASIDE_DEPS:
            break
        else:
            return []
    return sorted(words, key=lambda t: t.i)


def _points_forward(verb: Token) -> bool:
    """Whether an "it" subject of `verb` may be an expletive pointing to a clause after it:
    "It was suggested that …", "It is to avoid confusion that …", "It is the task of religion
    to …" (a forward infinitive anywhere after a "be"; naming an "it" wrongly is worse than
    asking nothing)."""
    if is_expletive_it(verb) or any(c.dep_ in {"ccomp", "csubj"} for c in verb.children):
        return True
    if verb.lemma_ != "be":
        return False
    return any(t.lower_ == "to" and t.dep_ == "aux" for t in verb.subtree if t.i > verb.i)


def _may_be_a_person(noun: Token) -> bool:
    """Whether a name the tagger calls no person may be one: its word is part of a name tagged
    a person anywhere ("West" of "Kanye West"), it says or thinks something ("Whitehead
    describes …"), or its sentence speaks of a person ("West began to persuade his mother …")."""
    if noun.pos_ != "PROPN":
        return False
    if noun.head.lemma_.lower() in PERSON_VERBS | THINKING_VERBS:
        return True
    if noun.lower_ in FIRST_NAMES:
        return True
    if any(ent.label_ == "PERSON" and noun.text in ent.text.split() for ent in doc_ents(noun.doc)):
        return True
    return any(t.lower_ in PERSON_WORDS for t in noun.sent)


def _names_its_predicate(subject: Token) -> bool:
    """Whether the subject is a common noun that a name after "be" says what it is ("Further
    west is Smeaton's Tower", "The largest city is Billings"): the "it" after is the name's."""
    verb = subject.head
    return (
        subject.pos_ == "NOUN"
        and verb.lemma_ == "be"
        and any(c.dep_ == "attr" and c.pos_ == "PROPN" for c in verb.children)
    )


def _may_be_antecedent(noun: Token, reading: str) -> bool:
    """Whether an "it"/"they" may stand for `noun`: a noun, not a person, of the pronoun's
    number (a name the tagger gives no kind may be a person's)."""
    if noun.pos_ not in {"NOUN", "PROPN"} or not agrees(reading, noun):
        return False
    if noun.ent_type_ == "PERSON":
        return False
    if reading == "it" and noun.pos_ == "NOUN" and is_person_noun(noun.lemma_):
        return False  # "the king … It": not him ("they" may be people: "the merchants")
    if noun.ent_type_ and noun.ent_type_ not in THING_NAME_LABELS:
        return False  # a date, a number, a person
    if reading == "they":
        return noun.tag_ in PLURAL_NOUN_TAGS
    return noun.tag_ in SINGULAR_NOUN_TAGS and not noun.conjuncts


def _existential(noun: Token) -> bool:
    """Whether the noun is what "there is"/"there are" says exists."""
    return noun.dep_ in {"attr", "nsubj"} and is_existential(noun.head)


def _joined_by_a_dash(sent: SpacySpan, answer: SpacySpan) -> bool:
    """Whether a dash or hyphen joins the answer to the word before it ("dog–human")."""
    if answer.start <= sent.start:
        return False
    before = sent.doc[answer.start - 1]
    return before.text in DASH_MARKS and not before.whitespace_


def _in_quotation_marks(sent: SpacySpan, answer: SpacySpan) -> bool:
    """Whether the answer is the whole of a quotation ('known as "the Great Vehicle"')."""
    doc = sent.doc
    if answer.start <= sent.start or answer.end >= sent.end:
        return False
    opening, closing = doc[answer.start - 1].text, doc[answer.end].text
    return (opening, closing) in QUOTE_PAIRS


def _quoted(sent: SpacySpan, answer: SpacySpan) -> bool:
    """Whether a quotation mark opens or closes right at the answer ('references to "east"'):
    a word quoted is a word mentioned, not a fact."""
    doc = sent.doc
    edges = [doc[answer.start - 1]] if answer.start > sent.start else []
    edges += [doc[answer.end]] if answer.end < sent.end else []
    return any(t.text in QUOTE_MARKS for t in edges)


def _before_the_subject(sent: SpacySpan, answer: SpacySpan) -> bool:
    """Whether the answer stands in what opens its clause before the clause's subject ("For
    Whitehead, religion served …", "Whilst the presence of grass causes …, the grass suffers"):
    "For whom, religion served …?" is no English question."""
    clause = _clause_root(sent, answer)
    subjects = [t for t in clause.children if t.dep_ in SUBJECT_DEPS]
    return any(answer.end <= subject.left_edge.i for subject in subjects)


def _clause_root(sent: SpacySpan, answer: SpacySpan) -> Token:
    """The verb of the answer's clause: the sentence's root, or where a ";" follows the answer
    and the root stands after it (the parser hangs the clause before a ";" on the one after),
    the answer's highest head before the ";"."""
    doc = sent.doc
    # a ":" mostly opens a list or an aside ("(from Sanskrit: …)"), not a clause of its own
    breaks = [t.i for t in doc[answer.end : sent.end] if t.text == ";"]
    if not breaks or sent.root.i < breaks[0] or _in_brackets(sent, doc[breaks[0] : breaks[0] + 1]):
        return sent.root
    node = answer.root
    while node.head.i != node.i and node.head.i < breaks[0]:
        node = node.head
    return node


def _in_embedded_question(sent: SpacySpan, answer: SpacySpan) -> bool:
    """Whether the answer stands in a clause that is itself a question ("to ask why complex
    organisms evolved", "wondered whether 500 men …"): a wh-phrase cannot go inside one."""
    for clause in answer.root.ancestors:
        if clause.i == sent.root.i:
            return False
        if clause.dep_ in EMBEDDED_CLAUSE_DEPS and any(
            c.i < answer.start and (c.tag_ in WH_TAGS or c.lower_ in YES_NO_MARKS)
            for c in clause.children
        ):
            return True
    return False


def _aside_follows(doc: Doc, end: int, last: int) -> bool:
    """Whether a comma or bracket follows the wh-phrase that opens the question."""
    return end < last and doc[end].text in {",", "(", "–", "—"}


def _in_brackets(sent: SpacySpan, answer: SpacySpan) -> bool:
    """Whether the answer stands inside brackets ("labor (RTL)"): an aside is no question."""
    # a sentence that is an aside as a whole ("(The Ms 6.1 earthquake … was not part of …)")
    start = sent.start + 1 if _bracketed_sentence(sent) else sent.start
    before = sent.doc[start : answer.start].text
    return before.count("(") > before.count(")") or before.count("[") > before.count("]")


def _bracketed_sentence(sent: SpacySpan) -> bool:
    """Whether the sentence opens with a round bracket that only its end closes."""
    words = [t for t in sent if not t.is_space]
    if not words or words[0].text != "(":
        return False
    text = sent.text.rstrip().rstrip(".!")
    return text.endswith(")") and text.count("(") == text.count(")")


def _may_stand_for(reading: str, noun: Token) -> bool:
    """Whether a pronoun read as `reading` may stand for `noun`, a noun before it in the
    question: as clauses.agrees says, and for "he"/"she" also a name that is a subject ("West
    apologized … during his performance": the tagger often misses that "West" is a person)
    or a noun for a person ("his mother …, where she was teaching")."""
    if agrees(reading, noun):
        return True
    if reading not in PERSON_PRONOUNS:
        return False
    if noun.pos_ == "PROPN" and noun.dep_ in SUBJECT_DEPS:
        return True
    return noun.pos_ == "NOUN" and is_person_noun(noun.lemma_)


def _noun_head(token: Token) -> bool:
    """A noun that heads its phrase (not the "Montana" of "Montana cities")."""
    return token.pos_ in {"NOUN", "PROPN"} and token.dep_ not in {"compound", "poss"}


def _wh_phrase(answer: SpacySpan, label: str, noun_wh: str) -> tuple[int, int, str] | None:
    """(first token, end token, wh-phrase): what of the sentence the wh-phrase replaces."""
    doc = answer.doc
    root = answer.root
    head = root.head
    outside_head = not (answer.start <= head.i < answer.end) and head.i != root.i
    if label in TIME_LABELS and outside_head and head.pos_ in {"NOUN", "PROPN", "NUM"}:
        return None  # "their 2006 peak", "a 2015 study": "their what year peak" is no English
    if outside_head and root.dep_ == "nummod" and head.tag_ in {"NNS", "NNPS"}:
        if not any(t.like_num for t in answer):
            return None
        return answer.start, answer.end, "how many"  # "killed 69,197 people"
    if outside_head and root.dep_ == "poss":
        if noun_wh != "Who":
            return None  # "on Beijing's roads": "whose roads" asks for a person
        end = answer.end + 1 if answer.end < len(doc) and doc[answer.end].tag_ == "POS" else None
        return (answer.start, end, "whose") if end is not None else None
    if outside_head and root.dep_ in MODIFIER_DEPS and head.pos_ in {"NOUN", "PROPN"}:
        if head.i < answer.end or any(t.like_num for t in answer):
            return None  # "an additional 90 helicopters" is no "which helicopters"
        # "the Germanic peoples" -> "which peoples": the determiner goes with the answer
        determiners = [t for t in head.lefts if t.dep_ in {"det", "poss"} and t.i < answer.start]
        start = determiners[0].i if determiners else answer.start
        if any(t.i < answer.start and t.dep_ != "det" for t in head.lefts):
            return None  # "(the) early Germanic peoples": the rest of the modifiers stay put
        return start, answer.end, "which"
    start = answer.start
    if start > 0 and doc[start - 1].dep_ == "det" and doc[start - 1].head.i == root.i:
        if doc[start - 1].lower_ not in ABSORBED_DETERMINERS:
            return None  # "any country" is no "what"
        start -= 1  # "the Fall of the Western Roman Empire" is asked as "what", not "the what"
    if any(t.i < start for t in root.lefts):
        return None  # "one panda", "its philosophical meaning": "one what", "its what"
    answer = doc[start : answer.end]
    preposition = head if root.dep_ == "pobj" and head.dep_ in {"prep", "agent"} else None
    if label in TIME_LABELS or _a_year(answer):
        return _when(answer, preposition)
    if label in AMOUNT_LABELS and any(t.pos_ == "ADP" and t.ent_type_ != label for t in answer):
        return None  # "40 percent {of the budget}": "what percentage" would drop what it is of
    if label == "PERCENT":
        return answer.start, answer.end, "what percentage"
    if label == "MONEY":
        return answer.start, answer.end, "how much"
    if label in NUMBER_WORD_LABELS or (root.like_num and len(answer) == 1):
        return _how_many(answer)
    if label == "ORDINAL":
        return None
    place = root.ent_type_ in PLACE_LABELS
    if (
        place
        and preposition is not None
        and preposition.lower_ in PLACE_PREPOSITIONS
        and preposition.i == answer.start - 1
        and preposition.head.pos_ in {"VERB", "AUX"}
        and noun_wh == "What"
    ):
        return preposition.i, answer.end, "where"  # "in Great Falls"
    if place and noun_wh == "What":
        # "in what" would ask for anything; a list is more than one place
        places = "which places" if any(t.dep_ == "conj" for t in answer) else "which place"
        return answer.start, answer.end, places
    wh = noun_wh.lower() if noun_wh in {"What", "Who"} else noun_wh[0].lower() + noun_wh[1:]
    if wh == "who" and preposition is not None and preposition.i == answer.start - 1:
        wh = "whom"  # "from whom", "by whom"
    return answer.start, answer.end, wh


def _when(answer: SpacySpan, preposition: Token | None) -> tuple[int, int, str] | None:
    """ "in 1880" -> "in what year", "since the 1880s" -> "since which decade", "on 1 July
    2007" -> "when"."""
    words = [t for t in answer if not t.is_punct]
    if not words:
        return None
    last = words[-1]
    year = len(words) == 1 and last.like_num and len(last.text) == 4
    decade = last.text.endswith("s") and last.text[:-1].isdigit() and len(last.text) == 5
    if year or (len(words) == 2 and words[0].lower_ == "the" and decade):
        return answer.start, answer.end, "what year" if year else "which decade"
    if words[0].lower_ == "the" and last.lower_ in {"century", "centuries"}:
        return answer.start, answer.end, "which century"  # "in the 17th century"
    if preposition is not None and preposition.i == answer.start - 1:
        if preposition.lower_ == "on" and any(t.like_num for t in words):
            return answer.start, answer.end, "what date"  # "on 12 May 2008"
        if preposition.lower_ in TIME_PREPOSITIONS:
            return preposition.i, answer.end, "when"
        return answer.start, answer.end, "when"  # "since when", "until when"
    if answer.root.dep_ == "npadvmod" and answer.root.head.pos_ in {"VERB", "AUX"}:
        return answer.start, answer.end, "when"  # "released a single December 31, 2014"
    return None


def _a_year(answer: SpacySpan) -> bool:
    """A lone four-digit number after a preposition of time ("ratified in 1859"), which the
    tagger may call a cardinal: a year, not a count."""
    words = [t for t in answer if not t.is_punct]
    if len(words) != 1 or not words[0].text.isdigit() or len(words[0].text) != 4:
        return False
    head = words[0].head
    return words[0].dep_ == "pobj" and head.lower_ in YEAR_PREPOSITIONS


def _how_many(answer: SpacySpan) -> tuple[int, int, str] | None:
    """ "3,577" -> "how many"; "10 km" -> "how many km"; a number with a decimal point or a
    word for an amount ("half") asks "what"."""
    numbers = [t for t in answer if t.like_num]
    if not numbers:
        return None
    number = numbers[-1]
    if "." in number.text:
        return None
    rest = answer.doc[number.i + 1 : answer.end]
    if any(t.pos_ not in {"NOUN", "PROPN"} for t in rest):
        return None
    if rest and not rest[-1].tag_.endswith("S") and not rest[-1].text.isalpha():
        return None
    unit = f" {rest.text}" if len(rest) else ""
    return answer.start, answer.end, f"how many{unit}"


def _question_start(sent: SpacySpan, answer_start: int) -> int | None:
    """The first token of the question: the sentence's, past a discourse opener."""
    if any(_breaks_off(sent, t) for t in sent.doc[sent.start : answer_start]):
        return None  # the answer's clause leans on the one before the ";"
    first = sent.start
    while first < answer_start:
        token = sent.doc[first]
        if token.is_punct or token.is_space:
            first += 1
            continue
        phrase_end = _discourse_phrase_end(sent, first)
        if phrase_end is None or phrase_end > answer_start:
            break
        first = phrase_end
    return first


def _breaks_off(sent: SpacySpan, token: Token) -> bool:
    """Whether the token ends a clause on which what follows cannot lean: a ";", ":" or a full
    stop inside the sentence (not the one before a closing quotation mark)."""
    if token.text in CLAUSE_BREAKS:
        return True
    if token.text != FULL_STOP:
        return False
    following = sent.doc[token.i + 1] if token.i + 1 < sent.end else None
    return following is not None and following.text not in CLOSING_MARKS


def _discourse_phrase_end(sent: SpacySpan, first: int) -> int | None:
    """The end of a discourse opener at token `first` ("However", "Notably,", "In general,"),
    past its comma; None when the sentence opens with no such thing."""
    doc = sent.doc
    token = doc[first]
    if token.lower_ in DISCOURSE_WORDS:
        end = first + 1
    elif (
        token.pos_ == "ADV"
        and token.dep_ in OPENING_ADVERB_DEPS
        and first + 1 < sent.end
        and doc[first + 1].text == ","
    ):
        end = first + 1  # "Notably,", "Typically,"
    else:
        for length in (2, 3, 4):
            words = " ".join(t.lower_ for t in doc[first : min(first + length, sent.end)])
            if words in DISCOURSE_PHRASES:
                end = first + length
                break
        else:
            return None
    if end < sent.end and doc[end].text == ",":
        end += 1
    return end


def _question_end(sent: SpacySpan, answer_end: int) -> int | None:
    """The end token of the question: the sentence's without its final punctuation, cut
    before a clause that follows the answer on its own (after a ";" or a conjoined clause
    with its own subject)."""
    doc = sent.doc
    end = sent.end
    bracketed = _bracketed_sentence(sent)
    while end > answer_end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text in CLOSING_MARKS and not (bracketed and doc[end - 1].text == ")"):
            break
        if bracketed and doc[end - 1].text == ")":
            bracketed = False  # the one bracket that closes the sentence's opening one
        end -= 1
    for token in doc[answer_end:end]:
        if token.text == FULL_STOP and _breaks_off(sent, token):
            return token.i  # "The membrane is what . 3673": the rest is another sentence
        if token.text in CLAUSE_BREAKS:
            if token.i > 0 and doc[token.i - 1].pos_ in INCOMPLETE_POS:
                return None  # "… are: X, Y and Z": what follows the colon completes the clause
            return token.i
        if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"} and token.head.i < answer_end:
            if token.left_edge.i < answer_end:
                return None  # the answer is the joined clause's own subject: it cannot go
            if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children):
                return _before_conjunction(doc, token, answer_end)
    return end


def _before_conjunction(doc, verb: Token, answer_end: int) -> int:
    """The end of the clause before a conjoined one: before its "and" and the comma."""
    start = verb.left_edge.i
    for child in verb.head.children:
        if child.dep_ == "cc" and answer_end <= child.i < start:
            start = child.i
    while start > answer_end and (doc[start - 1].is_punct or doc[start - 1].dep_ == "cc"):
        start -= 1
    return start
