"""Facts -> Notes: questions, answers and clozes, each with its exact source sentence.

Works only from the dataclasses of model.py (a `Clause` carries the syntax a question needs), so
nothing here imports spaCy. One note per fact at most:

- date: "When did/was …?" by subject–auxiliary inversion with do-support, answer the date; a
  cloze of the sentence with the date blanked when there is no usable clause.
- quote: "Who wrote: «…»?", answer the speaker (plus work and year when known).
- definition: "What/Who is/was X?", answer the definiens.
- claim: a cloze of the sentence with the answer span blanked.

Fronts and backs are plain text. GUIDs come from the document name and the fact's anchor, never
from the question's wording, so rewording a question keeps a learner's review history.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Container, Iterable, Iterator
from itertools import pairwise

from .model import (
    KINDS,
    ClaimFact,
    Clause,
    DateFact,
    DefinitionFact,
    Document,
    Fact,
    Note,
    QuoteFact,
    SourceRef,
)
from .vocabulary import MONTH_NAMES

# --------------------------------------------------------------------------- word lists


def _words(text: str) -> frozenset[str]:
    """A word list written as one space-separated string (long lists read better that way)."""
    return frozenset(text.split())


# A subject, speaker or answer made of these alone points elsewhere: not a usable question.
PRONOUNS: frozenset[str] = _words(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves "
    "he him his himself she her hers herself it its itself they them their theirs themselves "
    "this these that those which who whom whose what one ones there here"
)

# Relative pronouns: a subject starting with one is the rest of another clause.
RELATIVE_STARTERS: frozenset[str] = frozenset({"which", "who", "whom", "whose"})

# Function words: an answer made of nothing else teaches nothing.
STOP_WORDS: frozenset[str] = _words(
    "a an the and or but nor so yet if then than as of in on at by for to from with without "
    "into onto upon over under about above below after before since until till through during "
    "between among against within not no yes is are was were be been being am has have had do "
    "does did will would shall should can could may might must all any both each every few many "
    "more most much other some such only own same too very just also there here when where why "
    "how what while because although though"
)

# Words that start a subject in lower case except at the start of a sentence ("The ICFI" ->
# "the ICFI"); any other first word may be a name ("Trotsky", "ICFI") and keeps its capital.
LOWERCASE_STARTERS: frozenset[str] = _words(
    "the a an this that these those its his her their our my your some many most all each "
    "every both such one several few no any another other much either neither"
)

# Where a long complement may be cut: before a preposition or subordinator that opens a
# trailing adjunct ("in a struggle against …"). "of" is left out: "of"-phrases complete nouns.
CUT_BEFORE_WORDS: frozenset[str] = _words(
    "in on at by for from with without into onto upon over under about above below after "
    "before since until through during between among against within across along around "
    "toward towards despite following amid beyond behind via per "
    "which who whom whose where when while because although though whereas unless "
    "as so"
)

# prepositions that open an adjunct: a complement may be cut inside a comma-set-off phrase
# that one of them opens (", in 1877 at Keyham, …"), not inside a clause or participle
ADJUNCT_PREPOSITIONS: frozenset[str] = _words(
    "in on at by for from with without into onto upon over under about above below after "
    "before since until through during between among against within across along around "
    "toward towards despite following amid beyond behind via per"
)

# words that open a clause or aside after a comma: a complement is not cut inside one
ASIDE_OPENERS: frozenset[str] = _words(
    "which who whom whose where when while because although though whereas unless as so "
    "and or but nor both either neither including such he she it they we i you this these"
)
# a participle opening an aside (", founded in …", ", built in 1963"; ", using nature as …")
PARTICIPLE_OPENER = re.compile(r"[a-z]+ed")
PRESENT_PARTICIPLE_OPENER = re.compile(r"[a-z]+ing")
IRREGULAR_PARTICIPLES: frozenset[str] = _words(
    "built made known born given taken seen written held led found put set done sold told "
    "brought bought thought sent shown left kept won begun drawn grown thrown chosen driven"
)

# an aside in round brackets with a space before it (not "U(1)"): a question leaves it out
BRACKETED_ASIDE = re.compile(r"(?<=\s)\([^()]*\)")

# A prefix ending in one of these is not a phrase ("according | to", "the | …").
DANGLING_ENDINGS: frozenset[str] = STOP_WORDS | frozenset(
    {"according", "due", "prior", "rather", "instead", "regardless", "thanks", "owing",
     # participles and adjectives that need their preposition ("countries based | upon …")
     "based", "depending", "compared", "related", "relative", "contrary", "subject",
     "irrespective", "apart", "close", "next", "devoted", "dedicated", "aimed"}
)  # fmt: skip

# Contracted or split auxiliaries as a tokenizer leaves them ("did" + "n't", "wo" + "n't").
AUXILIARY_SPELLINGS: dict[str, str] = {
    "n't": "not",
    "n’t": "not",
    "wo": "will",
    "ca": "can",
    "sha": "shall",
    "'ll": "will",
    "’ll": "will",
    "'ve": "have",
    "’ve": "have",
    "'re": "are",
    "’re": "are",
    "'m": "am",
    "’m": "am",
    "'d": "had",
    "’d": "had",
}

# Do-support: the auxiliary that carries the tense of a bare verb.
DO_SUPPORT: dict[str, str] = {"VBD": "did", "VBZ": "does", "VBP": "do", "VB": "do"}

COPULAS: frozenset[str] = frozenset({"is", "are", "was", "were"})

MONTHS = MONTH_NAMES
SEASONS: dict[str, str] = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
QUARTERS: dict[str, str] = {"Q1": "first", "Q2": "second", "Q3": "third", "Q4": "fourth"}

# Titles that are part of a speaker's name but do not identify the speaker in a quote.
HONORIFICS: frozenset[str] = _words(
    "mr mrs ms miss dr sir lady lord comrade comrades citizen professor prof general "
    "president chairman secretary st saint"
)

# Question and quote lengths (words): long enough to be unambiguous, short enough to read.
# nouns that stand for a stretch of earlier text when bare ("the scheme" = the walk to Meryton
# proposed just before); a word after them ("the scheme of 1830", "the decision to strike")
# says which one
SHELL_NOUNS = (
    "scheme", "plan", "idea", "proposal", "decision", "incident", "affair", "matter", "move",
    "step", "measure", "episode", "situation", "arrangement", "suggestion", "request", "offer",
    "attempt", "effort", "project", "deal", "agreement", "problem", "issue", "question",
    # claims and accounts: "the view", "the criticism" (a rewritten "this criticism")
    "view", "theory", "claim", "argument", "criticism", "description", "notion", "belief",
    "hypothesis", "explanation", "interpretation", "conclusion", "statement", "assertion",
    "event",
    # ways of doing: "the method" (a rewritten "this method") says nothing of whose
    "method", "approach", "strategy", "tactic", "policy", "procedure", "technique",
)  # fmt: skip
BARE_SHELL_NOUN = re.compile(r"\b[Tt]he (?:" + "|".join(SHELL_NOUNS) + r")s?\b")
SHELL_COMPLEMENT_WORDS = frozenset(
    {"of", "to", "that", "for", "on", "about", "with", "between", "in", "at", "by", "from"}
)
# nouns that name nobody in particular: "{{c1::People}} burst into cheering" asks nothing
ANYONE_NOUNS = frozenset({"people", "person", "persons", "someone", "somebody", "everyone"})
# a question ending on its preposition reads only while the preposition stays near its verb
MAX_STRANDED_QUESTION_WORDS = 20
EMPHATIC_DO = frozenset({"do", "does", "did"})
MAX_QUESTION_WORDS = 25  # a complement is cut at a phrase boundary to fit this
MAX_ANY_QUESTION_WORDS = 30  # a question still longer (no safe cut) is dropped
MAX_ANSWER_WORDS = 8  # a claim question's answer; a longer one is a passage, not an answer
MAX_CLOZE_QUOTE_WORDS = 25  # quotes this short also get a "Complete X's words" cloze
MIN_CLOZE_QUOTE_WORDS = 6
MAX_QUOTE_WORDS = 40
QUOTE_WORD_SLACK = 5  # a quote this little over the limit is kept whole
MIN_QUOTE_CUT_WORDS = 20  # never cut a quote shorter than this
MIN_QUOTE_WORDS = 3  # "Who wrote: «revisionism»?" asks nothing
MIN_CLOZE_CONTEXT_WORDS = 2  # content words left around a deletion, so the cloze has a clue

SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
CLAUSE_END = re.compile(r"[,;:–—][\"'”’»)\]]*$|^[–—]$")
# a full stop or comma just inside a closing quote at the end of a question: 'entitled "X."?'
TRAILING_PUNCT_IN_QUOTE = re.compile(r"[.,;:]+([\"'”’»)\]]+)$")
OPENERS = "“«(["
PAIRS: tuple[tuple[str, str], ...] = (("“", "”"), ("«", "»"), ("(", ")"), ("[", "]"))
# a lone participle after a comma ("…, writing") introduces a quotation the clause left out
TRAILING_PARTICIPLE = re.compile(r",\s*\w+ing$")
CLOSERS = "”»)]"
CLOSE_PUNCT = ".,;:!?…\"'”’»)]"
MAX_KEY_PHRASE_WORDS = 4
# prepositions and particles a key phrase never ends on ("happening around" | "us")
PARTICLES: frozenset[str] = frozenset(
    {"across", "along", "around", "away", "back", "down", "off", "out", "up", "onto", "upon"}
)
# a trailing present participle ("review the book, writing") that lost its object
PARTICIPLE_ENDING = re.compile(r"\w+ing$")
# a quoted passage of six or more words (a short one is a title or a term): questions stop
# before it
QUOTED_PASSAGE = re.compile(r"[“\"«‘][^\s”\"»’]+(?:\s+[^\s”\"»’]+){5}")

# A claim question holding one of these points outside itself ("What eliminated it?", "… this
# perspective", "… as follows"): it is not self-contained.
# words that make a date question lean on its sentence ("When did the League raise these
# issues?", "When did Time name him …?")
DATE_CONTEXT_WORDS: frozenset[str] = _words(
    "this these those here former latter above below follows following him them me"
)
UNRESOLVED_WORDS: frozenset[str] = _words(
    "it its they them their theirs he him his she her hers this these those here there "
    "follows following below above former latter we us our i me my you your"
)
PERSONAL_PRONOUNS: frozenset[str] = _words("it its they them their he him his she her")
SPEAKER_PRONOUNS: frozenset[str] = _words("i me my we us our you your")
# the expletive subject of "there are …": a question may keep it ("Where are there …?")
EXPLETIVE_THERE = "there"
# in "Who ended up backing its own government?" the possessive is the asked-for subject's
SUBJECT_POSSESSIVES: frozenset[str] = _words("its their his her")

# the first auxiliary of a present (generic) clause: "A senator is elected …", "A dog can …"
GENERIC_AUXILIARIES: frozenset[str] = _words("is are does do can may must should")
PLURAL_AUXILIARIES: frozenset[str] = _words("are were have do")
# modifiers that relate a thing to another the text named before ("a second problem", "a
# further example"): an indefinite subject with one is no generic one
RELATIONAL_MODIFIERS: frozenset[str] = _words(
    "second third fourth fifth further another other similar related same different "
    "additional next last first latter former following previous new final"
)

# a subject pronoun of a reported clause, bound to the reporter a subject question asks for
BOUND_REPORTED_SUBJECTS: frozenset[str] = _words("he she they")
# words after "those" that say who they are: no pointing back ("those who fled")
DEFINING_AFTER_THOSE: frozenset[str] = _words(
    "who whom whose which of in with without "
    # irregular participles ("those left homeless"); a regular one ends in -ed
    "left made held found built lost born taken given known seen caught hit struck kept sent"
)
# words after "there" that make it the expletive of "there is …", pointing at no place
# ("believe there are other Buddhas", "of which there are some 400")
EXISTENTIAL_AFTER_THERE: frozenset[str] = _words(
    "is are was were be been being exist exists existed remain remains remained seem seems "
    "seemed appear appears appeared will would may might can could must should has have had"
)
# "the following (night)" points at the text around it; "a wide following", "following the
# war" do not
POINTING_FOLLOWING = "following"
# an "it" before one of these and "to"/"that" is the expletive of an extraposed clause ("found
# it difficult to get help", "it is likely that …"): the clause after says what it is
EXTRAPOSED_ADJECTIVES: frozenset[str] = _words(
    "difficult easy hard harder easier possible impossible necessary unnecessary important "
    "likely unlikely clear unclear common uncommon rare usual unusual customary illegal legal "
    "essential vital crucial safe unsafe dangerous useful worthwhile obvious evident apparent "
    "certain uncertain surprising natural fair reasonable appropriate desirable advisable "
    "expensive costly profitable feasible"
)
EXTRAPOSITION_LINKS: frozenset[str] = _words(
    "is was be been being are were becomes became become seems seemed remains remained proved"
)
EXTRAPOSITION_INTENSIFIERS: frozenset[str] = _words(
    "very more most so too quite extremely increasingly less highly particularly"
)
EXTRAPOSED_CLAUSE_OPENERS: frozenset[str] = _words("to that for whether")
# "such diverse fields as ecology", "to such a level that …": "such" that an "as" or "that"
# this few words on completes points nowhere ("such a reshaping" alone points back)
SUCH_COMPLETERS: frozenset[str] = _words("as that")
MAX_SUCH_COMPLETER_DISTANCE = 3

# Agreement with a singular wh-word: "The workers were killed" -> "Who was killed?"
SINGULAR_FORMS: dict[str, str] = {"were": "was", "are": "is", "have": "has", "do": "does"}
# a wh-phrase that counts ("How many delegates") is plural: the verb keeps its plural form
PLURAL_WH = "how many"
# present forms of a bare plural verb for a singular wh-word ("Who divides …?")
IRREGULAR_SINGULARS: dict[str, str] = {"be": "is", "have": "has", "do": "does", "go": "goes"}
SIBILANT_ENDINGS = ("s", "sh", "ch", "x", "z", "o")
LEADING_QUOTE_CHARS = " \"'“‘«(["
# a claim's role "stranded PREP": the question asks for the object of PREP, left at its end
STRANDED_ROLE = "stranded"

BASE91_TABLE = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)

TAG_PREFIX = "factcards::"
SECTION_TAG_PREFIX = "factcards::section::"
MAX_SECTION_TAG_CHARS = 60

# --------------------------------------------------------------------------- text helpers


def clean_whitespace(text: str) -> str:
    """Collapse runs of whitespace (newlines included) into single spaces."""
    return " ".join(text.split())


def normalise(text: str) -> str:
    """NFKC, casefold, punctuation and symbols dropped, whitespace collapsed: for comparing."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.translate(_SEPARATORS).split())


class _SeparatorTable(dict[int, int | str]):
    """str.translate table: punctuation, symbols, separators and controls -> a space, other
    characters kept; each character's category is looked up once (normalise runs on every
    question, answer and sentence)."""

    def __missing__(self, code: int) -> int | str:
        value = self[code] = " " if unicodedata.category(chr(code))[0] in "PSZC" else code
        return value


_SEPARATORS = _SeparatorTable()


def contains_words(haystack: str, needle: str) -> bool:
    """Whether `needle` is in `haystack` as whole words, ignoring case and punctuation."""
    needle_norm = normalise(needle)
    return bool(needle_norm) and f" {needle_norm} " in f" {normalise(haystack)} "


def is_pronoun(text: str) -> bool:
    words = normalise(text).split()
    return bool(words) and all(w in PRONOUNS or w.endswith("self") for w in words)


def is_trivial_answer(text: str) -> bool:
    """Empty, or nothing but pronouns and function words."""
    words = normalise(text).split()
    return not words or all(w in PRONOUNS or w in STOP_WORDS for w in words)


def names_nobody(text: str) -> bool:
    """A trivial answer, or one of nouns for anyone ("People"): as a claim's answer it asks
    nothing (as a term, "What is a person?" is a fair question)."""
    nobody = PRONOUNS | STOP_WORDS | ANYONE_NOUNS
    return all(word in nobody for word in normalise(text).split())


def escape_cloze(text: str) -> str:
    """Break every "{{", "}}" and "::" of document text so the only cloze markup is ours."""
    text = re.sub(r"\{(?=\{)", "{ ", text)
    text = re.sub(r"\}(?=\})", "} ", text)
    return re.sub(r":(?=:)", ": ", text)


def _escape_cloze_answer(answer: str) -> str:
    # a final "}" or ":" would run into the closing "}}" ("x}}}" / "x:}}")
    answer = escape_cloze(answer)
    return answer + " " if answer.endswith(("}", ":")) else answer


def capitalise_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lowercase_first_word(phrase: str, common_words: Container[str] = frozenset()) -> str:
    """'The ICFI' -> 'the ICFI'; 'Trotsky' and 'ICFI' stay (they may be names).

    A capitalised first word that is in `common_words` (the document writes it in lower case
    elsewhere) is lowered too: it was only capitalised because it started the sentence.
    """
    first, _, rest = phrase.partition(" ")
    title_case = first[:1].isupper() and (len(first) == 1 or not first[1:].isupper())
    lowered = first.lower()
    if title_case and (lowered in LOWERCASE_STARTERS or lowered in common_words):
        return f"{lowered} {rest}".rstrip()
    return phrase


def _starts_sentence(sentence: str, phrase: str) -> bool:
    return bool(phrase) and sentence.lstrip(LEADING_QUOTE_CHARS).startswith(phrase)


def lowercase_words(text: str) -> frozenset[str]:
    """Every word the text writes in lower case: those are common words, not names."""
    return frozenset(re.findall(r"(?<![\w’'])[a-z][a-z’'-]*", text))


def _strip_edges(text: str, chars: str = " ,;:–—-") -> str:
    return text.strip().strip(chars).strip()


def _close_open_quotes(text: str) -> str:
    """Close a quotation or bracket left open at the end ('build "socialism in one country')."""
    if text.count('"') % 2:
        text += '"'
    for opener, closer in PAIRS:
        if text.count(opener) > text.count(closer) and text.rfind(opener) > text.rfind(closer):
            text += closer
    return text


def finish_question(text: str) -> str:
    """Capital first letter, single spaces, exactly one '?' at the end, no dangling commas."""
    text = clean_whitespace(text).rstrip(" ,;:.!?–—-")
    text = TRAILING_PUNCT_IN_QUOTE.sub(r"\1", text)
    text = _close_open_quotes(text)
    text = re.sub(r"\s+([,;:])", r"\1", text)  # "X , Y" -> "X, Y"
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)  # ", ," -> ","
    return capitalise_first(text) + "?"


# --------------------------------------------------------------------------- GUIDs


def _base91(number: int) -> str:
    digits = []
    while number > 0:
        number, digit = divmod(number, len(BASE91_TABLE))
        digits.append(BASE91_TABLE[digit])
    return "".join(reversed(digits)) or BASE91_TABLE[0]


def note_guid(document_name: str, anchor: tuple[str, ...], variant: str = "") -> str:
    """A GUID from the document and the fact's anchor, stable under typo-level rewording.

    Encoded like genanki's `guid_for` (base91 of the first 64 bits of a SHA-256), computed from
    normalised parts so that case, punctuation, spacing and Unicode forms do not matter.
    """
    parts = [document_name.strip(), *(normalise(part) for part in anchor)]
    if variant:
        parts.append(normalise(variant))
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return _base91(int.from_bytes(digest[:8], "big"))


# --------------------------------------------------------------------------- dates


def _auxiliary_words(clause: Clause) -> tuple[list[str], bool]:
    """The clause's auxiliaries spelled out, and whether one of them was a negation."""
    words: list[str] = []
    negated = clause.negated
    auxiliaries = [w for a in clause.auxiliaries for w in clean_whitespace(a).split()]
    for i, raw in enumerate(auxiliaries):
        word = raw.lower()
        if word in {"'s", "’s"}:
            following = auxiliaries[i + 1].lower() if i + 1 < len(auxiliaries) else ""
            has = following == "been" or (clause.tag == "VBN" and not following)
            word = "has" if has else "is"
        word = AUXILIARY_SPELLINGS.get(word, word)
        if word.endswith(("n't", "n’t")):  # "didn't" as one token
            word = AUXILIARY_SPELLINGS.get(word[:-3], word[:-3])
            negated = True
            if word:
                words.append(word)
            continue
        if word == "not":
            negated = True
            continue
        words.append(word)
    return words, negated


def _phrase_cuts(words: list[str]) -> Iterator[int]:
    """Indices i where words[:i] ends a phrase: before a trailing adjunct, after a comma."""
    depth = 0
    straight_quote_open = False
    for i, word in enumerate(words):
        if i > 0 and depth == 0 and not straight_quote_open:
            previous = words[i - 1]
            bare_previous = previous.strip("\"'“”‘’«»()[],;:").lower()
            before_adjunct = word.strip("\"'“”‘’«»(").lower() in CUT_BEFORE_WORDS
            after_comma = bool(CLAUSE_END.search(previous))
            if (before_adjunct or after_comma) and bare_previous not in DANGLING_ENDINGS:
                yield i
        elif i == 0 and word.lower() in CUT_BEFORE_WORDS:
            yield 0  # the whole complement is an adjunct: the question stands without it
        for ch in word:
            if ch in OPENERS:
                depth += 1
            elif ch in CLOSERS:
                depth = max(0, depth - 1)
            elif ch == '"':
                straight_quote_open = not straight_quote_open


def fit_complement(complement: str, budget: int) -> str:
    """Cut trailing adjuncts off `complement` until it fits `budget` words (if it can)."""
    words = complement.split()
    if len(words) <= budget:
        return complement
    cuts = list(_phrase_cuts(words))
    fitting = [i for i in cuts if i <= budget and _keeps_asides_whole(words, i, cuts)]
    if fitting:
        cut = max(fitting)
    elif cuts:
        cut = min(cuts)
    else:
        return complement  # no safe place to cut: long but grammatical beats broken
    return _strip_edges(" ".join(words[:cut]))


def _keeps_asides_whole(words: list[str], cut: int, cuts: list[int]) -> bool:
    """Whether words[:cut] ends where a phrase set off by a comma ends, or not inside a clause
    or aside that a comma sets off: a cut inside one that a subordinator, relative, pronoun,
    conjunction or participle opens ("…, while the princes were coerced | by Altan", "…, built
    | in 1963") leaves it broken, so the cut at its comma is taken instead. A phrase that a
    preposition opens (", in a struggle | against …"), a list's next item (", master's and PhD
    | that …") or a clause's subject after a fronted adjunct (", the emperor ordered … | in …")
    may be cut inside."""
    if CLAUSE_END.search(words[cut - 1]):
        return True
    # the cuts after a comma outside brackets and quotes open the asides
    starts = [j for j in cuts if 0 < j < cut and CLAUSE_END.search(words[j - 1])]
    if not starts:
        return True
    opener = words[starts[-1]]
    if _bare(opener) in ADJUNCT_PREPOSITIONS or not _opens_aside(opener):
        return True
    previous = words[starts[-2]] if len(starts) > 1 else ""
    closed_aside = _opens_aside(previous) or _bare(previous) in ADJUNCT_PREPOSITIONS
    # "that the sūtras, which are …, developed among …": after an aside between a subject and
    # its verb, a past that looks like a participle is the clause's own verb
    return closed_aside and _past_form(opener)


def _past_form(word: str) -> bool:
    word = _bare(word)
    return word in IRREGULAR_PARTICIPLES or PARTICIPLE_OPENER.fullmatch(word) is not None


def _bare(word: str) -> str:
    return word.strip("\"'“”‘’«»(").lower()


def _opens_aside(word: str) -> bool:
    """Whether a word after a comma opens a clause or aside: a subordinator, relative,
    conjunction, pronoun or participle."""
    word = _bare(word)
    return (
        word in ASIDE_OPENERS
        or _past_form(word)
        or PRESENT_PARTICIPLE_OPENER.fullmatch(word) is not None
    )


def _tidy_complement(complement: str) -> str:
    """Strip a complement's edges, cut it before a quotation or a colon, drop dangling ends.

    A quotation inside a question's complement ("comment: Since the removal of …") is the answer
    material of another card, and what follows a colon introduces it: both go. So does an aside
    in brackets ("Minister of Defence (although there was then no Ministry of Defence)").
    """
    complement = _strip_edges(clean_whitespace(complement), " ,;:.!?–—-")
    complement = clean_whitespace(BRACKETED_ASIDE.sub(" ", complement))
    if (colon := complement.find(":")) >= 0:
        complement = complement[:colon]
    quote = QUOTED_PASSAGE.search(complement)
    if quote is not None:
        complement = complement[: quote.start()]
    words = _strip_edges(TRAILING_PARTICIPLE.sub("", _strip_edges(complement))).split()
    while words and (
        words[-1].lower().strip(",;") in DANGLING_ENDINGS
        or (
            PARTICIPLE_ENDING.search(words[-1].strip(",;"))
            and len(words) > 1
            and words[-2].endswith(",")
        )
    ):
        words.pop()
    return _strip_edges(" ".join(words))


def shown_complement(complement: str) -> str:
    """The part of a clause's complement that a question shows (before any quotation)."""
    return _tidy_complement(complement)


def _valid_subject(subject: str) -> bool:
    first_word = normalise(subject).split()[:1]
    if normalise(subject) == EXPLETIVE_THERE:
        return True  # "Where are there institutes of technology?" refers to nothing
    if _vague_subject(subject):
        return False
    return not (is_pronoun(subject) or not first_word or first_word[0] in RELATIVE_STARTERS)


def _vague_subject(subject: str) -> bool:
    """ "a new index": an indefinite subject with no name in it says which thing only in its
    context ("When was a new index released?" cannot be answered from the card)."""
    words = subject.split()
    return (
        len(words) > 1
        and words[0].lower() in {"a", "an"}
        and not any(word[:1].isupper() or word[:1].isdigit() for word in words[1:])
    )


def _generic_subject(subject: str, clause: Clause) -> bool:
    """ "A senator represents the island in Paris": an indefinite subject of a present-tense
    clause speaks of any one of its kind, so the question stands alone ("What does a senator
    represent in Paris?"); "a student proposed …" meant one student the context knows. A
    subject that relates to another thing ("A second problem", "A further example") does not."""
    words = [word.lower().strip(",;:") for word in subject.split()]
    return (
        _vague_subject(subject)
        and _simple_present(clause)
        and clean_whitespace(clause.lemma).lower() != "be"  # "A notable case is X": which one?
        and not any(word in RELATIONAL_MODIFIERS for word in words)
        and (not _plural_verb(clause) or "of" in words)  # "a number of …" takes a plural verb
    )


def _simple_present(clause: Clause) -> bool:
    """A present (or present modal) clause, no progressive or perfect: "A dog can smell …"."""
    auxiliaries = [w.lower() for a in clause.auxiliaries for w in clean_whitespace(a).split()]
    if auxiliaries:
        return auxiliaries[0] in GENERIC_AUXILIARIES and clause.tag != "VBG"
    return clause.tag in {"VBZ", "VBP"}


def _plural_verb(clause: Clause) -> bool:
    auxiliaries = [w.lower() for a in clause.auxiliaries for w in clean_whitespace(a).split()]
    return auxiliaries[0] in PLURAL_AUXILIARIES if auxiliaries else clause.tag == "VBP"


def wh_question(
    wh: str, clause: Clause | None, common_words: Container[str] = frozenset()
) -> str | None:
    """'<Wh> was the ICFI founded …?' by subject–auxiliary inversion with do-support.

    `wh` asks for a part of the clause other than its subject ("When", "Where", "What",
    "How many delegates"); the clause's complement never holds that part. None when the clause
    makes no question. `common_words` are known common nouns, lowered when they start the subject.
    """
    if clause is None:
        return None
    subject = _strip_edges(clean_whitespace(clause.subject), " ,;:.–—-")
    verb = clean_whitespace(clause.verb).lower()
    if not subject or not verb or " " in verb:
        return None
    if not (_valid_subject(subject) or _generic_subject(subject, clause)):
        return None
    subject = _lowercase_first_word(subject, common_words)
    auxiliaries, negated = _auxiliary_words(clause)
    lemma = clean_whitespace(clause.lemma).lower() or verb
    if auxiliaries:
        head, middle, main = auxiliaries[0], auxiliaries[1:], verb
    elif lemma == "be" or verb in COPULAS:
        head, middle, main = verb, [], ""
    elif clause.tag in DO_SUPPORT:
        head, middle, main = DO_SUPPORT[clause.tag], [], lemma
    elif clause.tag == "VBN":  # reduced passive: "Foundations of Leninism, written in …"
        head, middle, main = "was", [], verb
    else:
        return None
    words = [wh, head, subject]
    if negated:
        words.append("not")
    words.extend(middle)
    if main:
        words.append(main)
    return _with_complement(words, clause.complement)


def _with_complement(words: list[str], raw_complement: str) -> str | None:
    complement = _tidy_complement(raw_complement)
    if complement:
        budget = MAX_QUESTION_WORDS - len(" ".join(words).split())
        complement = _tidy_complement(fit_complement(complement, budget))
        if _ends_on_complementiser(complement):
            return None  # "Who writes that?": what was written was cut off
        if complement:
            words.append(complement)
    question = finish_question(" ".join(words))
    return question if len(question.split()) <= MAX_ANY_QUESTION_WORDS else None


def _ends_on_complementiser(complement: str) -> bool:
    """Whether a cut complement ends on the "that" of a clause it lost ("noted in its judgement
    that"): the question would ask about a report without what it reports."""
    words = complement.split()
    return bool(words) and words[-1].lower() == "that"


def date_question(clause: Clause | None, common_words: Container[str] = frozenset()) -> str | None:
    """'When was the ICFI founded …?' from the clause, or None when it makes no question."""
    return wh_question("When", clause, common_words)


def subject_question(wh: str, clause: Clause | None) -> str | None:
    """'Who proposed the creation of a white book?': `wh` replaces the clause's subject.

    The verb agrees with a singular wh-word ("The workers were …" -> "Who was …"); a bare
    plural present ("Workers build …") has no safe singular here and makes no question.
    """
    if clause is None:
        return None
    verb = clean_whitespace(clause.verb)
    if not verb or " " in verb:
        return None
    auxiliaries, negated = _auxiliary_words(clause)
    # "How many cases are reported?": a counted wh-phrase is plural and keeps the plural verb
    agree: dict[str, str] = {} if wh.lower().startswith(PLURAL_WH) else SINGULAR_FORMS
    words = [wh]
    if auxiliaries and auxiliaries[0] in EMPHATIC_DO and not negated:
        return None  # "did Mr. Bennet say" (inverted or emphatic): "Who did say …?" is no English
    if auxiliaries:
        words.append(agree.get(auxiliaries[0], auxiliaries[0]))
        if negated:
            words.append("not")
        words.extend(auxiliaries[1:])
        words.append(verb.lower())
    else:
        lowered = verb.lower()
        if agree and clause.tag == "VBP" and lowered not in agree:
            lowered = third_person_singular(clause.lemma or lowered)
            if lowered is None:
                return None
        words.append(agree.get(lowered, lowered))
        if negated and not _is_copula(clause):
            return None  # "Who not went" has no form without do-support and an auxiliary
        if negated:
            words.append("not")  # "The word was not in use" -> "What was not in use …?"
    return _with_complement(words, clause.complement)


def _is_copula(clause: Clause) -> bool:
    """A form of "be" as the main verb: it takes "not" with no do-support."""
    verb = clean_whitespace(clause.verb).lower()
    return clean_whitespace(clause.lemma).lower() == "be" or verb in COPULAS


def third_person_singular(lemma: str) -> str | None:
    """ "divide" -> "divides", "carry" -> "carries", "teach" -> "teaches": the present form a
    singular wh-word takes ("Who divides …?"); None for a word that is not a plain verb."""
    word = lemma.lower()
    if not word.isalpha():
        return None
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if word.endswith(SIBILANT_ENDINGS):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def readable_date(value: str | None) -> str | None:
    """'1924-02' -> 'February 1924', '1927-04-12' -> '12 April 1927', '1914/1918' -> '1914–1918'."""
    if not value:
        return None
    if "/" in value:
        parts = [readable_date(p) for p in value.split("/", 1)]
        return None if None in parts else "–".join(p for p in parts if p)
    if m := re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value):
        year, month, day = m.groups()
        if month is None:
            return year
        if not 1 <= int(month) <= 12:
            return None
        if day is None:
            return f"{MONTHS[int(month) - 1]} {year}"
        return f"{int(day)} {MONTHS[int(month) - 1]} {year}" if 1 <= int(day) <= 31 else None
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{SEASONS[m.group(2)]} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-(Q[1-4])", value):
        return f"the {QUARTERS[m.group(2)]} quarter of {m.group(1)}"
    if m := re.fullmatch(r"(\d{3})X?", value):
        return f"the {m.group(1)}0s"
    return None


def _says_the_same(written: str, readable: str) -> bool:
    """'April 12, 1927' and '12 April 1927' say the same; 'that year' and '1953' do not."""
    written_words = set(normalise(written.replace("–", " ").replace("-", " ")).split())
    readable_words = set(normalise(readable.replace("–", " ")).split())
    return readable_words <= written_words


def date_answer(fact: DateFact) -> str:
    """The date as written, plus the resolved date when that says more: 'that year (1953)'."""
    written = clean_whitespace(fact.date.text)
    readable = readable_date(fact.value)
    if readable and written and not _says_the_same(written, readable):
        return f"{written} ({readable})"
    return written


# --------------------------------------------------------------------------- clozes


def _span_in_sentence(sentence: str, offset: int, text: str) -> tuple[int, int] | None:
    """Where `text` sits in `sentence`: at `offset` when it matches there, else its first match."""
    if text and offset >= 0 and sentence[offset : offset + len(text)] == text:
        return offset, offset + len(text)
    found = sentence.find(text) if text else -1
    return (found, found + len(text)) if found >= 0 else None


def make_cloze(sentence: str, start: int, end: int) -> str:
    """The sentence with sentence[start:end] as its one deletion {{c1::…}}; never fails."""
    answer = clean_whitespace(sentence[start:end])
    before, after = sentence[:start], sentence[end:]
    marker = "{{c1::" + _escape_cloze_answer(answer) + "}}"
    # a "{" just before the marker or "}" / ":" just after would merge with its braces
    before = escape_cloze(before)
    after = escape_cloze(after)
    if before.endswith("{"):
        before += " "
    if after.startswith(("}", ":")):
        after = " " + after
    return clean_whitespace(before + marker + after)


def cloze_front(sentence: str, start: int, end: int) -> str | None:
    """make_cloze, or None when the deletion is trivial, gives itself away or leaves no clue."""
    answer = clean_whitespace(sentence[start:end])
    before, after = sentence[:start], sentence[end:]
    context = f"{before} … {after}"
    if is_trivial_answer(answer) or contains_words(context, answer):
        return None
    clue_words = [w for w in normalise(context).split() if w not in STOP_WORDS]
    if len(clue_words) < MIN_CLOZE_CONTEXT_WORDS:
        return None
    return make_cloze(sentence, start, end)


# --------------------------------------------------------------------------- quotes


def shorten_quote(quote: str) -> str:
    """Cut a quote over ~40 words at the sentence or clause boundary nearest 40 words, with ' …'."""
    words = clean_whitespace(quote).split()
    if len(words) <= MAX_QUOTE_WORDS + QUOTE_WORD_SLACK:
        return " ".join(words)
    window = range(MIN_QUOTE_CUT_WORDS, MAX_QUOTE_WORDS + QUOTE_WORD_SLACK + 1)

    def nearest(pattern: re.Pattern[str]) -> int | None:
        cuts = [i for i in window if pattern.search(words[i - 1])]
        return min(cuts, key=lambda i: (abs(i - MAX_QUOTE_WORDS), i)) if cuts else None

    cut = nearest(SENTENCE_END) or nearest(CLAUSE_END) or MAX_QUOTE_WORDS
    kept = " ".join(words[:cut])
    if not SENTENCE_END.search(kept):
        kept = _strip_edges(kept)
    return kept + " …"


def quote_answer(speaker: str, work: str | None, year: str | None) -> str:
    """'Trotsky', 'Trotsky, in The Revolution Betrayed (1936)', 'Lenin (1917)'."""
    answer = speaker
    if work:
        answer += f", in {work}"
    if year:
        answer += f" ({year})"
    return answer


def speaker_visible(quote: str, speaker: str) -> bool:
    """Whether the quote names its speaker: the card would show its own answer."""
    words = [w for w in speaker.split() if normalise(w)]
    names = [w for w in words if w[:1].isupper()] or words
    distinctive = {
        normalise(w) for w in names if normalise(w) not in STOP_WORDS | HONORIFICS | PRONOUNS
    }
    quote_words = set(normalise(quote).split())
    return bool(distinctive & quote_words) or contains_words(quote, speaker)


# --------------------------------------------------------------------------- definitions


def _definition_term(term: str) -> str:
    term = _strip_edges(clean_whitespace(term), " ,;:.!?–—-")
    if len(term) >= 2 and term[0] in "\"'“‘«" and term[-1] in "\"'”’»":
        term = term[1:-1].strip()
    return term


# --------------------------------------------------------------------------- notes


def source_ref(document: Document, fact: Fact) -> SourceRef:
    """The fact's sentence as in the clean text, with its offsets in the source file."""
    sentence = fact.sentence
    start = document.offsets.to_source(sentence.start)
    # the last character's offset + 1: an `end` on a segment boundary would map past the gap
    end = (
        document.offsets.to_source(sentence.end - 1) + 1 if sentence.end > sentence.start else start
    )
    return SourceRef(
        document=document.name,
        sentence=sentence.text,
        start=start,
        end=end,
        section=fact.section,
        page=document.page_at(sentence.start),
    )


def note_tags(fact: Fact) -> list[str]:
    tags = [TAG_PREFIX + fact.kind]
    if fact.section and (section := clean_whitespace(fact.section)):
        slug = section.replace("::", ":").replace(" ", "_")[:MAX_SECTION_TAG_CHARS].strip("_:")
        if slug:
            tags.append(SECTION_TAG_PREFIX + slug)
    return tags


def _note(
    document: Document, fact: Fact, front: str, back: str, variant: str = "", **fields: str | None
) -> Note:
    return Note(
        guid=note_guid(document.name, fact.anchor(), variant),
        kind=fact.kind,
        front=front,
        back=back,
        source=source_ref(document, fact),
        tags=note_tags(fact),
        **fields,
    )


def _leans_on_context(question: str) -> bool:
    """A date question that needs its sentence: a demonstrative ("these issues") or an object
    pronoun ("name him"); a pronoun for its own subject ("the government announced that it
    would …", "Trotsky published his book") is resolved by the question itself; a bare shell
    noun ("When was the agreement signed?") stands for what the text said before."""
    words = normalise(question).split()
    return any(word in DATE_CONTEXT_WORDS for word in words) or _bare_shell_noun(question)


def date_notes(
    document: Document, fact: DateFact, common_words: Container[str] = frozenset()
) -> Iterator[Note]:
    """'When did/was …?' with the date as the answer, else a cloze of the date's sentence."""
    written = clean_whitespace(fact.date.text)
    if not normalise(written):
        return
    answer = date_answer(fact)
    readable = readable_date(fact.value)
    fields: dict[str, str | None] = {"date": written, "date_value": fact.value}
    clause = fact.clause
    subject_common = (
        common_words
        if clause is not None and _starts_sentence(fact.sentence.text, clause.subject)
        else frozenset()
    )
    question = date_question(clause, subject_common)
    shown = [written] + ([readable] if readable else [])
    if question and _leans_on_context(question):
        question = None  # "When did Time name him …?": the cloze shows whom the text means
    if question and not any(contains_words(question, a) for a in shown):
        yield _note(document, fact, escape_cloze(question), answer, **fields)
        return
    question = in_situ_question(fact)
    if question and not any(contains_words(question, a) for a in shown):
        yield _note(document, fact, escape_cloze(question), answer, **fields)
        return
    # no question to ask: blank the date in its sentence instead
    sentence = fact.sentence.text
    where = _span_in_sentence(sentence, fact.date.start - fact.sentence.start, fact.date.text)
    if where is None:
        return
    context = f"{sentence[: where[0]]} … {sentence[where[1] :]}"
    sentence, where = _with_referent(sentence, where, fact.referent)
    front = cloze_front(sentence, *where)
    if front and not (readable and contains_words(context, readable)):
        back = readable if answer != written and readable else ""
        yield _note(document, fact, front, back, variant="cloze", **fields)


def _with_referent(
    sentence: str, where: tuple[int, int], referent: str | None
) -> tuple[str, tuple[int, int]]:
    """Show whom an opening pronoun means, as an editor would: "He [West] later spoofed …"."""
    first_word = re.match(r"\s*\S+", sentence)
    if not referent or first_word is None or first_word.end() > where[0]:
        return sentence, where
    insertion = f" [{referent}]"
    at = first_word.end()
    shown = sentence[:at] + insertion + sentence[at:]
    return shown, (where[0] + len(insertion), where[1] + len(insertion))


def quote_notes(document: Document, fact: QuoteFact) -> Iterator[Note]:
    """'Who wrote: «…»?' with the speaker (work, year) as the answer."""
    quote = clean_whitespace(fact.quote.text)
    speaker = _strip_edges(clean_whitespace(fact.speaker), " ,;:.–—-")
    if len(quote.split()) < MIN_QUOTE_WORDS or is_trivial_answer(speaker):
        return
    if speaker_visible(quote, speaker):
        return
    verb = clean_whitespace(fact.verb).lower() or "wrote"
    work = clean_whitespace(fact.work) if fact.work else ""
    year = clean_whitespace(fact.year) if fact.year else ""
    front = escape_cloze(f"Who {verb}: «{shorten_quote(quote)}»?")
    back = quote_answer(speaker, work or None, year or None)
    fields: dict[str, str | None] = {
        "speaker": speaker,
        "quote": quote,
        "work": work or None,
        "year": year or None,
    }
    yield _note(document, fact, front, back, **fields)
    cloze = quote_cloze(speaker, quote, _key_in_quote(fact, quote))
    if cloze:
        yield _note(document, fact, cloze, back, variant="cloze", **fields)


def key_phrase(quote: str) -> tuple[int, int] | None:
    """Where the quote's key phrase is: its last run of 1-4 content words, which the rest of
    the quote does not repeat (English puts new information last)."""
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    run_end = 0
    for match in re.finditer(r"\S+", quote):
        word = match.group()
        bare = normalise(word)
        is_content = (
            bool(bare) and " " not in bare and bare not in STOP_WORDS | PRONOUNS | PARTICLES
        )
        if is_content and run_start is not None and not CLAUSE_END.search(quote[run_end - 1]):
            run_end = match.start() + len(word.rstrip(CLOSE_PUNCT))
        elif is_content:
            run_start = match.start() + (len(word) - len(word.lstrip(LEADING_QUOTE_CHARS)))
            run_end = match.start() + len(word.rstrip(CLOSE_PUNCT))
        if not is_content or CLAUSE_END.search(word) or SENTENCE_END.search(word):
            if run_start is not None and run_end > run_start:
                runs.append((run_start, run_end))
            run_start = None
    if run_start is not None and run_end > run_start:
        runs.append((run_start, run_end))
    for start, end in reversed(runs):
        words = quote[start:end].split()
        if len(words) > MAX_KEY_PHRASE_WORDS:
            start = end - len(" ".join(words[-MAX_KEY_PHRASE_WORDS:]))
        phrase = quote[start:end]
        if not contains_words(f"{quote[:start]} … {quote[end:]}", phrase):
            return start, end
    return None


def possessive(name: str) -> str:
    return name + ("’" if name.endswith("s") else "’s")


def _key_in_quote(fact: QuoteFact, quote: str) -> tuple[int, int] | None:
    """Where the extractor's key phrase is in the quote as shown (whitespace cleaned)."""
    if fact.key is None:
        return None
    before = clean_whitespace(fact.quote.text[: fact.key.start - fact.quote.start] + "|")
    start = len(before) - 1
    end = start + len(clean_whitespace(fact.key.text))
    return (start, end) if quote[start:end] == clean_whitespace(fact.key.text) else None


def quote_cloze(speaker: str, quote: str, where: tuple[int, int] | None = None) -> str | None:
    """'Complete Trotsky’s words: «… {{c1::permanent revolution}} …»' for a short quote; `where`
    is the key phrase the parse found, else the words alone point to one."""
    if not MIN_CLOZE_QUOTE_WORDS <= len(quote.split()) <= MAX_CLOZE_QUOTE_WORDS:
        return None
    where = where or key_phrase(quote)
    if where is None:
        return None
    deletion = cloze_front(quote, *where)
    if deletion is None:
        return None
    return f"Complete {escape_cloze(possessive(speaker))} words: «{deletion}»"


def definition_notes(
    document: Document, fact: DefinitionFact, common_words: Container[str] = frozenset()
) -> Iterator[Note]:
    """'What is X?' / 'Who was X?' with the definiens as the answer (one note: the Anki
    Definition note type makes the reverse card)."""
    term = _definition_term(fact.term)
    definiens = _strip_edges(clean_whitespace(fact.definiens), " ,;:.–—-")
    if is_trivial_answer(term) or is_trivial_answer(definiens):
        return
    # circular: the term inside its own definition gives the reverse card away
    if contains_words(definiens, term) or contains_words(term, definiens):
        return
    copula = fact.copula.lower() if fact.copula.lower() in COPULAS else "is"
    wh_word = "Who" if fact.is_person else "What"
    term_common = common_words if _starts_sentence(fact.sentence.text, term) else frozenset()
    question = finish_question(f"{wh_word} {copula} {_lowercase_first_word(term, term_common)}")
    yield _note(document, fact, escape_cloze(question), definiens, term=term)


MIN_QUESTION_CONTENT_WORDS = 2  # besides the wh-word: a question must say what it is about
# verbs whose object is what was said: without it, "Who said …?" asks about nothing
REPORTING_LEMMAS: frozenset[str] = _words(
    "say tell add reply answer ask explain note report state declare remark write comment "
    "continue respond observe announce insist"
)


def claim_question(fact: ClaimFact, common_words: Container[str] = frozenset()) -> str | None:
    """The wh-question whose answer is the claim's span, when the extractor found a clean one.

    The extractor hands over (as `wh`, `role` and `clause` on the fact) the wh-phrase, whether
    it replaces the subject ("Who proposed …?") or is fronted with inversion ("What did Trotsky
    propose …?", "Where was …?"), and the clause without the answer.
    """
    clause, wh, role = fact.clause, fact.wh, fact.role
    answer = clean_whitespace(fact.answer.text)
    if clause is None or not wh or len(answer.split()) > MAX_ANSWER_WORDS:
        return None
    if is_trivial_answer(answer):
        return None
    if role == "subject":
        question = subject_question(wh, clause)
    elif _vague_subject(clause.subject) and not _in_sentence(fact.sentence.text, clause.subject):
        return None  # "an example of competition" put for an "it": too loose an antecedent
    else:
        starts = _starts_sentence(fact.sentence.text, clause.subject)
        question = wh_question(wh, clause, common_words if starts else frozenset())
        if question is not None and role.startswith(STRANDED_ROLE):
            # the preposition whose object is asked for ends the question
            preposition = role[len(STRANDED_ROLE) :].strip()
            question = finish_question(f"{question[:-1]} {preposition}")
            if len(question.split()) > MAX_STRANDED_QUESTION_WORDS:
                return None  # "What is Plymouth represented by … (20 words) … as?" loses its verb
    if question is None or contains_words(question, answer):
        return None
    if broken_pairs(question):
        return None  # 'needs" in Afghanistan" under?': the clause cut through a quotation
    unresolved = UNRESOLVED_WORDS - (SUBJECT_POSSESSIVES if role == "subject" else frozenset())
    if wh == "Who":
        unresolved = unresolved | {"its"}  # "Who longed to explore its windings?": not the person's
    if normalise(clause.subject) == EXPLETIVE_THERE:
        unresolved = unresolved - {EXPLETIVE_THERE}
    words = normalise(question).split()
    pointing = [word for word in _pointing_words(words) if word in unresolved]
    if role == "subject" and pointing and pointing[0] == _reported_subject_pronoun(clause):
        pointing = pointing[1:]  # "Who said they saw cracks …?": "they" is the answer
    if pointing:
        return None
    if _bare_shell_noun(question):
        return None  # "Who opposed the scheme?": which scheme the sentences before say
    if "her" in words and _object_her(question):
        return None  # "Who could not help cautioning her, in a whisper, …?": which her?
    if _pointing_such(words):
        return None  # "such a reshaping" points back as "this" does; "such as" lists
    if len([word for word in words[1:] if word not in STOP_WORDS]) < MIN_QUESTION_CONTENT_WORDS:
        return None  # "Who said?": too little to know what is asked
    complement = [w for w in normalise(clause.complement).split() if w not in STOP_WORDS]
    if role == "subject" and clause.lemma.lower() in REPORTING_LEMMAS and len(complement) < 2:
        return None  # "Who said Monday?": what was said is the real content, left outside
    return question


# a citation mark of the source ("[1]", "[note 2]", "[citation needed]"): no part of a question
CITATION_MARK = re.compile(r"\[(?:\d+|[a-z]|[a-z]+ \d+|citation needed|clarification needed)\]")


def in_situ_question(fact: ClaimFact | DateFact) -> str | None:
    """The question in the sentence's own word order ("The earthquake killed how many
    people?"), when the extractor framed one and it stands alone: no pronoun or "this" that
    points outside it, the answer not visible in it, at most MAX_ANY_QUESTION_WORDS words."""
    frame = fact.in_situ
    if frame is None:
        return None
    answer = clean_whitespace(fact.date.text if isinstance(fact, DateFact) else fact.answer.text)
    if len(answer.split()) > MAX_ANSWER_WORDS or is_trivial_answer(answer):
        return None
    marker = "\0"  # where the wh-phrase goes, so that an aside around it is seen whole
    before, _, after = _drop_asides(f"{frame.before} {marker} {frame.after}").partition(marker)
    question = finish_question(f"{before} {frame.wh} {after}")
    words = normalise(question).split()
    if len(question.split()) > MAX_ANY_QUESTION_WORDS:
        return None
    if contains_words(f"{before} {after}", answer) or broken_pairs(question):
        return None
    # its personal pronouns the extractor resolved or found an antecedent for in the question
    unresolved = UNRESOLVED_WORDS - PERSONAL_PRONOUNS - SPEAKER_PRONOUNS
    if any(word in unresolved for word in _pointing_words(words)) or _pointing_such(words):
        return None
    if _bare_shell_noun(question):
        return None
    content = [word for word in normalise(f"{before} {after}").split() if word not in STOP_WORDS]
    if len(content) < MIN_QUESTION_CONTENT_WORDS:
        return None
    return question


def _drop_asides(text: str) -> str:
    """The text without citation marks and bracketed asides."""
    return clean_whitespace(BRACKETED_ASIDE.sub("", CITATION_MARK.sub("", text)))


def broken_pairs(text: str) -> bool:
    """Whether the text closes a quotation or bracket it never opened or leaves one open: a
    straight quote after a space or an opening bracket opens, any other closes; curly quotes
    and brackets must pair ("What do they have )?" kept a bracket of a cut aside)."""
    if any(text.count(opener) != text.count(closer) for opener, closer in PAIRS):
        return True
    open_quote = False
    for i, char in enumerate(text):
        if char != '"':
            continue
        opening = i == 0 or text[i - 1].isspace() or text[i - 1] in OPENERS
        if opening == open_quote:
            return True  # an opening quote inside a quotation, or a closing one outside
        open_quote = opening
    return open_quote


def _in_sentence(sentence: str, phrase: str) -> bool:
    return clean_whitespace(phrase).lower() in clean_whitespace(sentence).lower()


def _pointing_words(words: list[str]) -> list[str]:
    """The words of a question that may point outside it: all but a "those" that a phrase
    after it defines ("for those left homeless", "those who fled", "those of the north"), an
    expletive "there" or "it", and a "following" that is no "the following"."""
    return [word for i, word in enumerate(words) if not _points_nowhere(words, i)]


def _points_nowhere(words: list[str], i: int) -> bool:
    """Whether words[i], a word that may point outside the question, here does not."""
    word = words[i]
    previous = words[i - 1] if i > 0 else ""
    following = words[i + 1] if i + 1 < len(words) else ""
    if word == "those":
        return _defines_those(following)
    if word == EXPLETIVE_THERE:
        return following in EXISTENTIAL_AFTER_THERE
    if word == POINTING_FOLLOWING:
        return previous != "the"
    if word == "it":
        return _extraposition_it(words[i + 1 :])
    return False


def _extraposition_it(after: list[str]) -> bool:
    """Whether the words after an "it" make it an expletive: ["is", "very", "difficult", "to",
    …] (the clause after the adjective is what "it" stands for)."""
    rest = after[1:] if after[:1] and after[0] in EXTRAPOSITION_LINKS else after
    if rest[:1] and rest[0] in EXTRAPOSITION_INTENSIFIERS:
        rest = rest[1:]
    return (
        len(rest) >= 2 and rest[0] in EXTRAPOSED_ADJECTIVES and rest[1] in EXTRAPOSED_CLAUSE_OPENERS
    )


def _pointing_such(words: list[str]) -> bool:
    """Whether a "such" points back ("such a reshaping"), with no "as" or "that" just after
    it to complete it ("such diverse fields as ecology", "to such a level that …")."""
    for i, word in enumerate(words):
        if word != "such":
            continue
        window = range(i + 1, min(i + 1 + MAX_SUCH_COMPLETER_DISTANCE, len(words)))
        if not any(_completes_such(words, j) for j in window):
            return True
    return False


def _completes_such(words: list[str], j: int) -> bool:
    """Whether words[j] completes a "such" before it: an "as" or "that" that opens no
    comparison ("such crisis as early as 2006" compares; "such fields as ecology" lists)."""
    after_next = words[j + 2] if j + 2 < len(words) else ""
    return words[j] in SUCH_COMPLETERS and not (words[j] == "as" and after_next == "as")


def _defines_those(following: str) -> bool:
    return following in DEFINING_AFTER_THOSE or (
        following.endswith("ed") and not following.endswith("eed")
    )


def _reported_subject_pronoun(clause: Clause) -> str | None:
    """The subject pronoun that opens what a reporting verb reports ("said (that) they saw …"):
    in a question asking for the reporter it stands for the answer (the extractor has checked
    that they agree)."""
    if clause.lemma.lower() not in REPORTING_LEMMAS:
        return None
    words = normalise(clause.complement).split()
    if words[:1] == ["that"]:
        words = words[1:]
    return words[0] if words and words[0] in BOUND_REPORTED_SUBJECTS else None


def _bare_shell_noun(question: str) -> bool:
    """Whether the question holds "the" + a shell noun with nothing after it to say which one
    ("the scheme", "the incident", "the decision"): such a noun stands for something said
    before, and the question cannot be answered without it."""
    for match in BARE_SHELL_NOUN.finditer(question):
        following = question[match.end() :].lstrip()
        next_word = re.match(r"\w+", following)
        if next_word is None or next_word.group().lower() not in SHELL_COMPLEMENT_WORDS:
            return True
    return False


def _object_her(question: str) -> bool:
    """ "her" as an object ("cautioning her, in a whisper"), not a possessive ("her book"): what
    follows it is punctuation, the end, or a function word."""
    words = re.findall(r"\w+|[^\w\s]", question.lower())
    for word, following in pairwise([*words, "?"]):
        if word == "her" and (not following[0].isalpha() or following in STOP_WORDS):
            return True
    return False


def claim_notes(
    document: Document, fact: ClaimFact, common_words: Container[str] = frozenset()
) -> Iterator[Note]:
    """A wh-question with the answer span as its answer, else a cloze of the sentence."""
    if names_nobody(fact.answer.text):
        return
    question = claim_question(fact, common_words) or in_situ_question(fact)
    if question:
        answer = _strip_edges(clean_whitespace(fact.answer.text), " ,;:.!?–—-")
        yield _note(document, fact, escape_cloze(question), answer, variant="question")
        return
    sentence = fact.sentence.text
    where = _span_in_sentence(sentence, fact.answer.start - fact.sentence.start, fact.answer.text)
    front = cloze_front(sentence, *where) if where else None
    if front:
        yield _note(document, fact, front, "")


def notes_for(
    document: Document, fact: Fact, common_words: Container[str] = frozenset()
) -> Iterator[Note]:
    """The note (at most one) that a fact makes."""
    if isinstance(fact, DateFact):
        yield from date_notes(document, fact, common_words)
    elif isinstance(fact, QuoteFact):
        yield from quote_notes(document, fact)
    elif isinstance(fact, DefinitionFact):
        yield from definition_notes(document, fact, common_words)
    elif isinstance(fact, ClaimFact):
        yield from claim_notes(document, fact, common_words)


def _document_position(fact: Fact) -> tuple[int, int, int]:
    """Sentence position, then kind order (date, quote, definition, claim), then the span (the
    sort is stable: claims of one sentence keep their order)."""
    inner = fact.sentence
    if isinstance(fact, DateFact):
        inner = fact.date
    elif isinstance(fact, QuoteFact):
        inner = fact.quote
    elif isinstance(fact, ClaimFact):
        # a sentence's questions stay in the extractor's order, its best one first
        return fact.sentence.start, KINDS.index(fact.kind), fact.sentence.start
    kind_order = KINDS.index(fact.kind) if fact.kind in KINDS else len(KINDS)
    return fact.sentence.start, kind_order, inner.start


def _name_key(text: str) -> str:
    """A name for comparing, without its article: "The Observer" and "Observer" are one."""
    words = normalise(text).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


def build_notes(document: Document, facts: Iterable[Fact]) -> list[Note]:
    """Notes for `facts` in document order, without rejected or duplicate ones.

    Duplicates: a GUID already made (the same fact found twice), or the same kind and front
    (the first one in document order is kept), and a claim whose answer is the term a
    definition of the same sentence defines.
    """
    common_words = lowercase_words(document.text)
    notes: list[Note] = []
    seen_guids: set[str] = set()
    seen_fronts: set[tuple[str, str]] = set()
    facts = list(facts)
    defined = {
        (fact.sentence.start, _name_key(fact.term))
        for fact in facts
        if isinstance(fact, DefinitionFact)
    }
    for fact in sorted(facts, key=_document_position):
        if (
            isinstance(fact, ClaimFact)
            and (fact.sentence.start, _name_key(fact.answer.text)) in defined
        ):
            continue  # the definition's reverse card ("Which term: …?") asks this already
        for note in notes_for(document, fact, common_words):
            front_key = (note.kind, normalise(note.front))
            if note.guid in seen_guids or front_key in seen_fronts:
                continue
            seen_guids.add(note.guid)
            seen_fronts.add(front_key)
            notes.append(note)
    return notes
