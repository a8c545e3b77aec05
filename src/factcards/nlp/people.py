"""People in the narration: names, titles, genders, who is the same person, and whom a
"he"/"she" stands for (the most salient person of that gender: a recent subject first)."""

from __future__ import annotations

import bisect
import functools
import re

from spacy.attrs import DEP
from spacy.tokens import Doc, Token

from .given_names import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES
from .quote_context import (
    DIALOGUE_WINDOW,
    _Context,
    _has_quote_at_start,
    _Mention,
    _paragraph_at,
    _work_at,
    _work_in,
    _year_in,
)
from .text import doc_ents

SUBJECT_REACH = 1
HONORIFICS = frozenset({"comrade", "comrades", "citizen", "the"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "miss", "lady", "madame", "mme", "ms", "ms.", "queen"})
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "colonel", "captain"})
# titles without their full stop, with the gender they give
TITLE_GENDERS = {t.rstrip("."): "f" for t in FEMALE_TITLES} | {
    t.rstrip("."): "m" for t in MALE_TITLES
}
# common English pet names and short forms of given names
NICKNAMES = {
    "lizzy": "elizabeth", "lizzie": "elizabeth", "eliza": "elizabeth", "liz": "elizabeth",
    "beth": "elizabeth", "betsy": "elizabeth", "bess": "elizabeth", "kitty": "catherine",
    "kate": "catherine", "katie": "catherine", "jenny": "jane", "jack": "john", "johnny": "john",
    "bill": "william", "will": "william", "billy": "william", "bob": "robert", "rob": "robert",
    "dick": "richard", "tom": "thomas", "tommy": "thomas", "ned": "edward", "ted": "edward",
    "harry": "henry", "hal": "henry", "jim": "james", "jem": "james", "charlie": "charles",
    "molly": "mary", "polly": "mary", "peggy": "margaret", "meg": "margaret", "nancy": "ann",
    "fanny": "frances", "sally": "sarah", "patty": "martha", "nelly": "eleanor",
    "fred": "frederick",
}  # fmt: skip
PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
# given names of the period novels and history texts factcards reads, and common English ones
# (given_names), so that "he continued" never resolves to "Mary"
FEMALE_NAMES = frozenset(
    {
        "agnes", "alice", "amelia", "ann", "anna", "anne", "barbara", "betty", "caroline",
        "catherine", "charlotte", "clara", "dorothy", "eleanor", "elinor", "eliza", "elizabeth",
        "ellen", "emily", "emma", "fanny", "frances", "georgiana", "hannah", "harriet", "helen",
        "isabella", "jane", "jennifer", "jessica", "julia", "kate", "kitty", "laura", "linda",
        "lizzy", "louisa", "lucy", "lydia", "margaret", "maria", "marianne", "martha", "mary",
        "nancy", "patricia", "rosa", "ruth", "sarah", "sophia", "susan", "virginia",
    }
) | FEMALE_GIVEN_NAMES  # fmt: skip
MALE_NAMES = frozenset(
    {
        "albert", "alexander", "andrew", "arthur", "charles", "christopher", "daniel", "david",
        "edmund", "edward", "frederick", "fitzwilliam", "george", "henry", "hugh", "jack",
        "james", "john", "joseph", "karl", "leon", "michael", "nicholas", "paul", "peter",
        "philip", "richard", "robert", "thomas", "vladimir", "walter", "william",
    }
) | MALE_GIVEN_NAMES  # fmt: skip
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "GPE"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# women's titles a bare name after which still means her ("Lady Catherine", "Mrs. Long")
SURNAME_GENDER_TITLES = frozenset({"lady", "queen", "mrs", "mrs.", "madame", "mme"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
POSSESSIVE_PRONOUNS = {"his": "m", "her": "f"}
# common nouns for people: a subject like "the housekeeper" speaks, and is the "she" after it
PERSON_NOUNS = {
    "aunt": "f", "boy": "m", "brother": "m", "child": "", "cousin": "", "daughter": "f",
    "father": "m", "friend": "", "gentleman": "m", "girl": "f", "housekeeper": "f",
    "husband": "m", "lady": "f", "ladyship": "f", "maid": "f", "man": "m", "mother": "f",
    "niece": "f", "nephew": "m", "servant": "", "sister": "f", "son": "m", "stranger": "",
    "uncle": "m", "wife": "f", "woman": "f", "officer": "m", "companion": "", "visitor": "",
}  # fmt: skip
# kin named by a relation to someone titled: "said his wife" -> Mrs. X when "his" is Mr. X
SPOUSE_NOUNS = {"wife": "f", "husband": "m", "lady": "f"}
PARENT_NOUNS = {"father": "m", "mother": "f"}
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# a bare name after one of these is a place ("at Rosings", "in Meryton"), whatever the tagger
# says; "at" only where no one looks, smiles or points at a person
PLACE_PREPOSITIONS = frozenset({"at", "in", "near", "within", "towards"})
AT_PERSON_VERBS = frozenset(
    {"look", "glance", "smile", "laugh", "stare", "gaze", "point", "wink", "nod", "shout",
     "frown", "sneer", "wave", "aim", "hint", "throw", "peep", "colour", "blush", "start"}
)  # fmt: skip


def _is_person_word(token: Token) -> bool:
    """ "she" (unresolved), "her aunt", "the housekeeper": a person we cannot name."""
    if token.lower_ in PERSON_PRONOUNS:
        return True
    if token.pos_ != "NOUN":
        return False
    possessed = any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in token.children)
    return possessed or token.lemma_.lower() in PERSON_NOUNS


def _name_of(
    context: _Context, token: Token, exclude: str | None = None
) -> tuple[str, _Mention | None] | None:
    """The name a subject stands for: itself, its entity, or what a pronoun refers to (never
    `exclude`, the one the quote addresses)."""
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        mention = _resolve_pronoun(context, token, exclude)
        return (mention.name, mention) if mention else None
    if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return _name_of(context, token.head.head)
    if token.pos_ == "PRON":
        return None
    doc = token.doc
    titled = token.lower_ in FEMALE_TITLES | MALE_TITLES and token.i + 1 < len(doc)
    if titled and doc[token.i + 1].text[:1].isupper():
        return _name_of(context, doc[token.i + 1])  # "cried Mrs. Bennet": not just "Mrs."
    work = _work_at(context, token)
    if work:
        return work, None
    entity = _entity_of(token)
    if entity is not None and (token.pos_ == "PROPN" or entity.label_ in NAME_LABELS):
        return _clean_name(_with_title(context, entity)), None
    if token.pos_ == "PROPN":
        return _clean_name(_compound_chain(token)), None
    if token.pos_ == "NOUN" and token.text[:1].isupper() and _named_before(context, token):
        return token.text, None  # a name the tagger missed at a sentence start ("Duranty went on")
    if token.pos_ == "NOUN":
        # "the French newspaper Le Temps", "the resolution of the Comintern", "Trotsky's letter"
        for child in token.children:
            if child.dep_ in ("appos", "poss", "compound") and (
                child.pos_ == "PROPN" or _work_at(context, child)
            ):
                return _name_of(context, child)
            if child.dep_ == "prep" and child.lower_ in ("of", "by"):
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and grandchild.pos_ == "PROPN":
                        return _name_of(context, grandchild)
    return None


def _with_title(context: _Context, entity) -> list[Token]:  # entity: a spaCy Span
    """The entity's tokens outside titles of works, with a "Mr."/"Mrs." the NER left out."""
    tokens = [t for t in entity if not _work_at(context, t)]
    doc = entity.doc
    if tokens and entity.start > 0 and doc[entity.start - 1].lower_ in FEMALE_TITLES | MALE_TITLES:
        tokens.insert(0, doc[entity.start - 1])
    return tokens


def _named_before(context: _Context, token: Token) -> bool:
    index = bisect.bisect_left(context.mention_keys, token.idx)
    return any(token.text in m.name.split() for m in context.mentions[:index])


def _entity_of(token: Token):  # -> spacy Span | None
    if not token.ent_type_:
        return None
    for entity in doc_ents(token.doc):
        if entity.start <= token.i < entity.end:
            return entity
    return None


def _compound_chain(token: Token) -> list[Token]:
    parts = [c for c in token.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
    return [*parts, token]


def _clean_name(tokens: list[Token]) -> str:
    while tokens and (tokens[0].lower_ in HONORIFICS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    name = "".join(t.text_with_ws for t in tokens).strip()
    return re.sub(r"\s+", " ", re.sub(r"['’]s$", "", name))


def _collect_mentions(context: _Context) -> None:
    """People named outside quotations and titles: candidates for he/she."""
    doc = context.doc
    person_words = {t.text for e in doc_ents(doc) if e.label_ == "PERSON" for t in e}
    person_words |= {w.lower() for w in person_words}
    places = _place_words(doc)
    for entity in doc_ents(doc):
        if entity.label_ != "PERSON" or context.quote_of_token[entity.start] >= 0:
            continue
        if len(entity) == 1 and entity.text in places:
            continue
        if _work_at(context, entity[0]):
            continue
        name = _clean_name(_with_title(context, entity))
        if name and name.isupper():
            name = _small_capitals(doc, name)
        if name and not name.isupper():
            root = entity.root
            _add_mention(context, _mention(context, root, name))
    # only nominal subjects can be mentions: look at those tokens alone
    deps = doc.to_array(DEP).tolist()
    subject_ids = {doc.vocab.strings[label] for label in SUBJECT_DEPS}
    for i in (i for i, dep in enumerate(deps) if dep in subject_ids):
        token = doc[i]
        if (
            token.pos_ == "PROPN"
            and token.dep_ in SUBJECT_DEPS
            and (not token.ent_type_ or _mislabelled_person(token))
            and context.quote_of_token[token.i] < 0
            and not _work_at(context, token)
        ):
            name = _clean_name(_compound_chain(token))
            if name.isupper():
                name = _small_capitals(doc, name)
            if gender_of_name(name) or name in person_words or token.lower_ in person_words:
                # not "Meryton was…" nor a capitalised "Astonishment": a place is no "he"
                _add_mention(context, _mention(context, token, name))
        elif (
            token.pos_ == "NOUN"
            and token.dep_ in SUBJECT_DEPS
            and context.quote_of_token[token.i] < 0
            and PERSON_NOUNS.get(token.lemma_.lower())
            and any(
                c.dep_ == "det" or (c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS)
                for c in token.children
            )
        ):
            # "The housekeeper came forward … she added": a person without a name, so that the
            # "she" after it is not pinned on the last woman named
            gender = PERSON_NOUNS.get(token.lemma_.lower(), "")
            _add_mention(context, _Mention(token.idx, "", gender, True,
                                           context.sentence_of_token[token.i],
                                           relation=token.i))  # fmt: skip
    _learn_genders(context)
    _chain_pronouns(context, [i for i, dep in enumerate(deps) if dep in subject_ids])


def _mislabelled_person(token: Token) -> bool:
    """ "Lydia declared …" tagged as an organisation: a common given name as subject is a person
    (not when tagged as a place: "Charlotte" may be the city)."""
    return token.ent_type_ not in PLACE_LABELS and bool(gender_of_name(token.text))


def _small_capitals(doc: Doc, name: str) -> str:
    """ "MR. BENNET was among the earliest …" (a chapter's first words in capitals): the name as
    the text writes it elsewhere, else left in capitals (an acronym, a heading)."""
    written = re.sub(r"\b(\w)(\w*)", lambda m: m.group(1) + m.group(2).lower(), name)
    return written if written != name and written in doc.text else name


def _place_words(doc: Doc) -> set[str]:
    """Bare capitalised names the text puts after a place preposition: "at Rosings"."""
    places: set[str] = set()
    for token in doc:
        if token.dep_ != "pobj" or token.pos_ != "PROPN" or not token.is_title:
            continue
        prep = token.head
        if prep.lower_ not in PLACE_PREPOSITIONS or prep.i != token.i - 1:
            continue  # "at Mr. Darcy", "at the Bennets'": a person or a household
        if prep.lower_ == "at" and prep.head.lemma_.lower() in AT_PERSON_VERBS:
            continue
        places.add(token.text)
    return places


def _chain_pronouns(context: _Context, subjects: list[int]) -> None:
    """A "she" that is the subject of narration keeps the one it stands for in view: in "Jane
    smiled. She looked at Lydia, and … said she", the second "she" is Jane again, the subject
    the story follows, not Lydia, the last woman named."""
    doc = context.doc
    for i in subjects:
        token = doc[i]
        gender = PERSON_PRONOUNS.get(token.lower_)
        if gender is None or context.quote_of_token[i] >= 0:
            continue
        paragraph = max(0, _paragraph_at(context, token.idx))
        if _has_quote_at_start(context, paragraph):
            continue  # "said she" in dialogue: attribution resolves it, by turns
        window = context.paragraphs[max(0, paragraph - 1)][0]
        mention = _antecedent(context, token.idx, window, gender)
        if mention is not None:
            _add_mention(context, _Mention(token.idx, mention.name, gender, True,
                                           context.sentence_of_token[i]))  # fmt: skip


def _learn_genders(context: _Context) -> None:
    """ "Mr. Wickham" makes "Wickham" a he, unless "Mrs. Wickham" is named too. "Miss Bingley"
    (or "Jane Bennet") does not make "Bingley" a she: a family name alone is a man's."""
    seen: dict[str, set[str]] = {}
    for mention in context.mentions:
        words = mention.name.split()
        if mention.gender and len(words) > 1:
            seen.setdefault(mention.name, set()).add(mention.gender)
            if mention.gender == "m" or words[0].lower() in SURNAME_GENDER_TITLES:
                seen.setdefault(" ".join(words[1:]), set()).add(mention.gender)
    for name, genders in seen.items():
        if len(genders) == 1:
            context.genders.setdefault(name, genders.pop())


def _mention(context: _Context, token: Token, name: str) -> _Mention:
    gender = gender_of_name(name)
    return _Mention(token.idx, name, gender, token.dep_ in SUBJECT_DEPS,
                    context.sentence_of_token[token.i])  # fmt: skip


def gender_of_name(name: str) -> str:
    """ "m"/"f" from a title ("Mrs. Long") or a common given name ("Mary"), else ""."""
    words = name.lower().split()
    if not words:
        return ""
    if words[0] in FEMALE_TITLES or words[0] in FEMALE_NAMES:
        return "f"
    if words[0] in MALE_TITLES or words[0] in MALE_NAMES:
        return "m"
    return ""


def _add_mention(context: _Context, mention: _Mention) -> None:
    if mention.gender and mention.name not in context.genders:
        context.genders[mention.name] = mention.gender
    index = bisect.bisect_right(context.mention_keys, mention.at)
    context.mention_keys.insert(index, mention.at)
    context.mentions.insert(index, mention)


def _family_name(context: _Context, name: str, married: bool) -> str | None:
    """The family name of a person: "Mr. Bennet" -> "Bennet"; "Bingley" when the text says
    "Mr. Bingley"; "Elizabeth" -> "Bennet" when the text says "Elizabeth Bennet" (only so). For
    a parent of someone known by a given name only, the one married couple the text names
    ("Mr. Bennet" and "Mrs. Bennet")."""
    words = name.split()
    titles = FEMALE_TITLES | MALE_TITLES
    if len(words) > 1:
        if words[0].lower() in titles or not married:
            return " ".join(words[1:]) if words[0].lower() in titles else words[-1]
        return None
    titled = _titled_names(context)
    if name in titled:
        return name
    if married:
        return None
    families = {m.name.split()[-1] for m in context.mentions
                if m.name.startswith(name + " ") and m.name.split()[-1] in titled}  # fmt: skip
    if len(families) == 1:
        return families.pop()
    couples = [family for family, genders in titled.items() if len(genders) == 2]
    return couples[0] if len(couples) == 1 else None


def _titled_names(context: _Context) -> dict[str, set[str]]:
    """Family names the text gives a title ("Mr. Bennet", "Mrs. Bennet"), with their genders."""
    if context.titled is None:
        context.titled = {}
        for mention in context.mentions:
            words = mention.name.split()
            gender = gender_of_name(mention.name)
            if len(words) == 2 and words[0].lower() in FEMALE_TITLES | MALE_TITLES and gender:
                if words[0].lower().rstrip(".") in ("miss", "lady", "sir"):
                    gender = ""  # "Miss Bennet" is a daughter, "Sir William" a given name
                if gender:
                    context.titled.setdefault(words[1], set()).add(gender)
    return context.titled


def _gender(context: _Context, name: str) -> str:
    return context.genders.get(name) or gender_of_name(name)


def _resolve_pronoun(
    context: _Context, pronoun: Token, exclude: str | None = None
) -> _Mention | None:
    """The person most recently named before `pronoun` in its paragraph or the one before.

    Within the nearest sentence that names someone, a subject wins over other mentions.
    """
    gender = PERSON_PRONOUNS[pronoun.lower_]
    paragraph = max(0, _paragraph_at(context, pronoun.idx))
    best = _antecedent(
        context, pronoun.idx, context.paragraphs[max(0, paragraph - 1)][0], gender, exclude
    )
    if best is None and _has_quote_at_start(context, paragraph):
        # in dialogue the speakers were named further back
        window = context.paragraphs[max(0, paragraph - DIALOGUE_WINDOW)][0]
        best = _antecedent(context, pronoun.idx, window, gender, exclude)
    if best is not None and best.sentence >= 0 and (best.work is None or best.year is None):
        first, stop = context.sentences[best.sentence]
        frame = [t for t in context.doc[first:stop] if context.quote_of_token[t.i] < 0]
        best.work = best.work or _work_in(context, frame, exclude=best.name)
        best.year = best.year or _year_in(frame)
    return best


def _antecedent(
    context: _Context, before: int, window_start: int, gender: str, exclude: str | None = None
) -> _Mention | None:
    index = bisect.bisect_left(context.mention_keys, before)
    best: _Mention | None = None
    for mention in reversed(context.mentions[:index]):
        if mention.at < window_start:
            break
        if mention.relation >= 0 and not mention.name:
            # "Her father was walking about. “…,” said he": her father, if the text names him
            name = _relation_name(context, context.doc[mention.relation])
            if not name:
                continue  # a relation we cannot name: no better than no mention
            mention.name, mention.relation = name, -1
        if exclude and _same_person(mention.name, exclude):
            continue
        known = mention.gender or context.genders.get(mention.name, "")
        if known and known != gender:
            continue
        if best is None:
            best = mention
            if mention.subject or mention.sentence < 0:
                break
            continue
        if mention.sentence < best.sentence - SUBJECT_REACH:
            break
        if mention.subject:
            # a subject a sentence or two back is a likelier antecedent than a mere mention
            best = mention
            break
    return best if best is not None and best.name else None


def _relation_name(context: _Context, noun: Token) -> str | None:
    """ "her aunt" -> the aunt named by apposition before; "her father" -> "Mr. X" and "his wife"
    -> "Mrs. X" when "her"/"his" is someone of the titled family X."""
    named = _named_relative(context, noun)
    if named:
        return named
    lemma = noun.lemma_.lower()
    if lemma not in SPOUSE_NOUNS and lemma not in PARENT_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in POSSESSIVE_PRONOUNS:
        return None
    if lemma == "lady" and owner.lower_ != "his":
        return None
    paragraph = max(0, _paragraph_at(context, noun.idx))
    window = context.paragraphs[max(0, paragraph - DIALOGUE_WINDOW)][0]
    mention = _antecedent(context, owner.idx, window, POSSESSIVE_PRONOUNS[owner.lower_])
    if mention is None:
        return None
    family = _family_name(context, mention.name, married=lemma in SPOUSE_NOUNS)
    title = "Mr." if (SPOUSE_NOUNS.get(lemma) or PARENT_NOUNS.get(lemma)) == "m" else "Mrs."
    return f"{title} {family}" if family else None


def _named_relative(context: _Context, subject: Token) -> str | None:
    """ "said her aunt" -> "Mrs. Gardiner" when the text said "Mrs. Gardiner, her aunt" (or "her
    aunt, Mrs. Gardiner", "his sister Georgiana") before, and named no other "her aunt"."""
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in POSSESSIVE_PRONOUNS:
        return None
    noun, gender = subject.lemma_.lower(), POSSESSIVE_PRONOUNS[owner.lower_]
    names: list[str] = []
    for at, relation, owner_gender, name in _relatives(context):
        if at >= subject.idx:
            break
        same_relation = relation == noun and owner_gender == gender
        if same_relation and not any(_same_person(name, other) for other in names):
            names.append(name)
    return names[0] if len(names) == 1 else None


def _relatives(context: _Context) -> list[tuple[int, str, str, str]]:
    """Relations the narration spells out by apposition, in text order."""
    if context.relatives is None:
        context.relatives = []
        for token in context.doc:
            if token.dep_ != "appos" or context.quote_of_token[token.i] >= 0:
                continue
            for noun, name in ((token, token.head), (token.head, token)):
                if noun.pos_ != "NOUN" or name.pos_ != "PROPN":
                    continue
                if noun.lemma_.lower() not in PERSON_NOUNS:
                    continue
                owner = next((c for c in noun.children if c.dep_ == "poss"), None)
                if owner is None or owner.lower_ not in POSSESSIVE_PRONOUNS:
                    continue
                found = _name_of(context, name)
                relation_gender = PERSON_NOUNS[noun.lemma_.lower()]
                if relation_gender and _gender(context, found[0] if found else "") not in (
                    "",
                    relation_gender,
                ):
                    continue  # "Mr. X, her sister" is a misparse
                if found and found[0][:1].isupper():
                    owner_gender = POSSESSIVE_PRONOUNS[owner.lower_]
                    relation = (noun.idx, noun.lemma_.lower(), owner_gender, found[0])
                    context.relatives.append(relation)
    return context.relatives


def _same_person(name: str, other: str) -> bool:
    """ "Darcy", "Mr. Darcy" and "Fitzwilliam Darcy" are one person, so are "Elizabeth", "Lizzy",
    "Miss Eliza" and "Elizabeth Bennet"; "Mr. Bennet" and "Mrs. Bennet" are not, nor are
    "Mr. Bennet" and "Jane Bennet"."""
    if name == other:
        return True
    (title, given, family), (other_title, other_given, other_family) = (
        _name_parts(name),
        _name_parts(other),
    )
    if title and other_title and title != other_title:
        return False
    if family and other_family and family != other_family:
        return False
    if given and other_given:
        return given == other_given
    if not (family and other_family):
        # "Elizabeth" / "Elizabeth Bennet", "Darcy" / "Darcy": one word of the other's name
        one_word, other_word = given or family, other_given or other_family
        return bool(one_word and other_word) and (
            one_word in (other_given, other_family) or other_word in (given, family)
        )
    if not (given or other_given) or not (title or other_title):
        return True  # "Mr. Darcy" / "Darcy", "Leon Trotsky" / "Trotsky"
    # the same family, one titled and one by given name: only when the genders agree
    gender = TITLE_GENDERS.get(title or other_title, "")
    return bool(gender) and gender == _given_name_gender(given or other_given)


@functools.lru_cache(maxsize=4096)
def _name_parts(name: str) -> tuple[str, str, str]:
    """(title, given name (nicknames made formal), family name) of a person's name, in lower case.
    A single word without title is taken as given name when it is a common one."""
    words = [w.lower() for w in name.replace(".", "").split()]
    title = words.pop(0) if len(words) > 1 and words[0] in TITLE_GENDERS else ""
    if not words:
        return title, "", ""
    if len(words) == 1:
        word = NICKNAMES.get(words[0], words[0])
        if not title and word in FEMALE_NAMES | MALE_NAMES:
            return title, word, ""
        if title in ("miss", "sir", "lady") and word in FEMALE_NAMES | MALE_NAMES:
            return title, word, ""  # "Miss Eliza", "Sir William": a given name
        return title, "", word
    return title, NICKNAMES.get(words[0], words[0]), words[-1]


def _given_name_gender(given: str) -> str:
    return "f" if given in FEMALE_NAMES else "m" if given in MALE_NAMES else ""


def _fuller_name(context: _Context, name: str, before: int) -> str:
    """ "Trotsky" -> "Leon Trotsky" when the text named him so earlier, and only so."""
    if " " in name:
        return name
    fuller = {
        m.name
        for m in context.mentions
        if m.at < before
        and m.name.endswith(" " + name)
        and m.name
        and m.name.split()[0].lower() not in FEMALE_TITLES | MALE_TITLES
    }
    return fuller.pop() if len(fuller) == 1 else name
