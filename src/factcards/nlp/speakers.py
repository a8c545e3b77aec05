"""The speaker sieve: explicit attributions first (a reporting verb and its subject next to the
quote, an introducing colon, "according to X"), then inheritance, the narration's subject and
turn-taking; first rule that names someone wins."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from .dialogue import (
    _addressee,
    _by_turns,
    _by_turns_around,
    _fill_exchanges,
    _last_turn,
    _one_speaker_heard,
)
from .people import (
    PARENT_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    SPOUSE_NOUNS,
    SUBJECT_DEPS,
    _add_mention,
    _antecedent,
    _family_name,
    _fuller_name,
    _gender,
    _is_person_word,
    _name_of,
    _named_relative,
    _relation_name,
    _same_person,
)
from .quote_context import (
    DIALOGUE_WINDOW,
    WORD,
    _Context,
    _has_quote_at_start,
    _is_speech,
    _Mention,
    _paragraph_at,
    _Quote,
    _token_at,
    _work_in,
    _year_in,
)
from .text import doc_text

# lemmas of verbs that report speech or writing
REPORTING_VERBS = frozenset(
    {
        "acknowledge", "add", "admit", "affirm", "agree", "announce", "answer", "argue", "ask",
        "assert", "cite", "claim", "comment", "complain", "conclude", "confess", "continue",
        "cry", "declare", "demand", "describe", "emphasise", "emphasize", "exclaim", "explain",
        "insist", "maintain", "mutter", "murmur", "note", "object", "observe", "plead",
        "point", "predict", "proclaim", "protest", "remark", "repeat", "reply", "report",
        "respond", "retort", "rejoin", "say", "shout", "speak", "state", "stress", "suggest",
        "sum", "summarise", "summarize", "tell", "urge", "voice", "warn", "whisper", "write",
        "go", "return", "recall", "thunder", "put", "charge", "counter", "caution", "begin",
    }
)  # fmt: skip
# reporting verbs that only report with their particle ("went on", "pointed out", "summed up")
PARTICLE_VERBS = {"go": "on", "point": "out", "sum": "up", "put": "it", "begin": ""}
# past tenses the regular rule gets wrong
IRREGULAR_PAST = {
    "say": "said", "write": "wrote", "tell": "told", "go": "went", "speak": "spoke",
    "put": "put", "begin": "began", "sum": "summed", "cry": "cried", "reply": "replied",
}  # fmt: skip
# a colon after one of these introduces a quotation even without a reporting verb
INTRO_CUES = frozenset(
    {"following", "follows", "passage", "words", "statement", "wrote", "quote", "thus"}
)
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "ccomp", "pcomp", "prep", "pobj"})
# parts of speech a subject that names someone has
NOMINAL_TAGS = frozenset({"PROPN", "NOUN", "PRON"})
# verbs that keep the last speaker talking ("he continued", "she added", "he went on")
SAME_SPEAKER_VERBS = frozenset({"continue", "add", "go", "repeat", "resume"})


def _attribute_all(context: _Context) -> None:
    # explicit attributions first, so that turns of dialogue count from all of them
    for rules in (
        (_by_frame, _by_intro, _by_inheritance),
        (_by_inheritance, _by_paragraph_subject, _by_turns),
    ):
        for number, quote in enumerate(context.quotes):
            if quote.speaker or quote.blocked:
                continue
            for rule in rules:
                if rule(context, number, quote):
                    break
            if quote.speaker:
                quote.speaker = _fuller_name(context, quote.speaker, quote.open_at)
    for _ in range(3):
        _fill_exchanges(context)
        _read_turns_backwards(context)
        if not _by_speakers_heard(context):
            break


def _read_turns_backwards(context: _Context) -> None:
    """Dialogue read backwards: a turn between two turns of one speaker, or before A, B."""
    for _ in range(3):
        changed = False
        for quote in context.quotes:
            if quote.speaker is None and not quote.blocked and _by_turns_around(context, quote):
                changed = True
        if not changed:
            break


def _by_speakers_heard(context: _Context) -> bool:
    """ "said he" that the narration gives no antecedent for: the one person of that gender
    heard speaking nearby (before or after) who is neither the last turn's speaker nor the one
    this turn addresses. Whether any quote got a speaker."""
    changed = False
    for number, quote in enumerate(context.quotes):
        if not quote.blocked or not quote.blocked_pronoun or quote.speaker:
            continue
        # the attribution read again, now that more turns have speakers ("he continued")
        quote.blocked = False
        if _by_frame(context, number, quote) and quote.speaker:
            quote.via = "heard"
        elif quote.blocked_verb in SAME_SPEAKER_VERBS:
            quote.blocked = True
            continue
        else:
            speaker = _one_speaker_heard(context, quote)
            if speaker is None:
                quote.blocked = True
                continue
            quote.speaker, quote.via, quote.verb = speaker, "heard", "said"
            quote.blocked = False
        changed = True
        for later_number in range(number + 1, len(context.quotes)):
            later = context.quotes[later_number]
            if later.paragraph != quote.paragraph or later.speaker or later.blocked:
                break
            if not _by_inheritance(context, later_number, later):
                break
    return changed


def _by_frame(context: _Context, number: int, quote: _Quote) -> bool:
    """A reporting verb and its subject in the sentence around the quote."""
    if quote.block:
        return False
    after = _frame_after(context, number, quote)
    before = _frame_before(context, number, quote)
    # a trailing attribution right after the quote ("…," said she) binds tightest, unless a
    # new clause starts there (“…,” while Stalin insisted …)
    near_after = []
    for token in after:
        if token.pos_ in ("CCONJ", "SCONJ") or token.dep_ in ("mark", "cc"):
            break
        if not token.is_punct:
            near_after.append(token)
        if len(near_after) == 4:
            break
    for frame, nearest_first, colon_ok in (
        (near_after, near_after, False),
        (before, list(reversed(before)), True),
        (after, after, False),
    ):
        if not frame:
            continue
        ends_in_colon = colon_ok and _ends_with_colon(context, frame, quote.open_at)
        if _attribute_from(context, quote, frame, nearest_first, any_verb=ends_in_colon):
            quote.via = "frame"
            return True
        if quote.blocked:
            return True
    return False


def _by_intro(context: _Context, number: int, quote: _Quote) -> bool:
    """A quote opening its paragraph after a paragraph that ends by introducing it."""
    doc, text = context.doc, doc_text(context.doc)
    paragraph_start = context.paragraphs[quote.paragraph][0]
    if quote.paragraph == 0 or quote.open_at != paragraph_start or quote.continued:
        return False
    previous_start, previous_end = context.paragraphs[quote.paragraph - 1]
    ending = text[previous_start:previous_end].rstrip()
    if not ending.endswith((":", ",")):
        return False
    last = _token_at(context, previous_end - 1)
    if last is None:
        return False
    first, stop = context.sentences[context.sentence_of_token[last.i]]
    frame = [t for t in doc[first:stop] if not t.is_space and context.quote_of_token[t.i] < 0]
    if ending.endswith(",") or quote.block:
        cue = any(t.lower_ in INTRO_CUES for t in frame)
        any_verb = ending.endswith(":") and (cue or not quote.block)
    else:
        any_verb = True
    if _attribute_from(context, quote, frame, list(reversed(frame)), any_verb=any_verb):
        quote.via = "intro"
        quote.frame = (doc[first].idx, previous_end)
        return True
    return False


def _by_inheritance(context: _Context, number: int, quote: _Quote) -> bool:
    """Right after an attributed quote: "…," said Elizabeth. "…" -> both Elizabeth."""
    if number == 0:
        return False
    previous = context.quotes[number - 1]
    if not previous.speaker:
        return False
    text = doc_text(context.doc)
    same_paragraph = previous.paragraph == quote.paragraph
    gap_words = len(WORD.findall(text[previous.close_at : quote.open_at]))
    whole_paragraph = (
        previous.paragraph == quote.paragraph - 1
        and quote.open_at == context.paragraphs[quote.paragraph][0]
        and previous.open_at == context.paragraphs[previous.paragraph][0]
        and previous.via in ("intro", "inherited-extract")
    )
    if quote.continued or whole_paragraph:
        quote.via = "inherited-extract"
    elif same_paragraph and gap_words <= 12:
        quote.via = "inherited"
    else:
        return False
    quote.speaker, quote.verb = previous.speaker, previous.verb
    quote.work, quote.year = previous.work, previous.year
    return True


def _by_paragraph_subject(context: _Context, number: int, quote: _Quote) -> bool:
    """A quote in a paragraph whose narration has one person as subject: 'Jane smiled. "…"'."""
    if quote.block:
        return False
    start = context.paragraphs[quote.paragraph][0]
    # only the narration before the quote: what follows it is often the listener's reaction
    low = bisect.bisect_left(context.mention_keys, start)
    high = bisect.bisect_left(context.mention_keys, quote.open_at)
    names = {m.name for m in context.mentions[low:high] if m.subject and m.name}
    if len(names) != 1:
        return False
    quote.speaker = names.pop()
    quote.via = "paragraph"
    return True


def _attribute_from(
    context: _Context,
    quote: _Quote,
    frame: list[Token],
    nearest_first: list[Token],
    any_verb: bool = False,
) -> bool:
    """Find a speaker in `frame` (tokens outside quotations), nearest to the quote first."""
    in_frame = {t.i for t in frame}
    for token in nearest_first:
        name = _according_to(context, token, in_frame)
        if name:
            _set_speaker(context, quote, name, None, frame)
            return True
    candidates = [t for t in nearest_first if _is_reporting_verb(t)]
    if any_verb:
        candidates += [
            t for t in nearest_first if t.pos_ in ("VERB", "AUX") and t not in candidates
        ]
    for verb in candidates:
        subject = _subject_of(verb, in_frame)
        if subject is None:
            continue
        if subject.pos_ == "NOUN" and not _is_reporting_verb(verb) and not _is_person_word(subject):
            continue  # "the Mahayana sutras started to influence …:" — things say nothing
        addressed = _addressee(context, quote)
        found = (
            _continuing_speaker(context, quote, subject, verb)
            or _name_in_dialogue(context, quote, subject, verb)
            or _relative_name(context, quote, subject)
            or _relative_by_apposition(context, subject)
            or _name_of(context, subject, exclude=addressed)
        )
        if found is not None and not any(ch.isupper() for ch in found[0]):
            found = None  # "her father": a description, not a name
        if found is None:
            if _is_reporting_verb(verb) and _is_person_word(subject):
                # the text says who spoke, in words we cannot turn into a name: better no
                # speaker than a guess
                quote.blocked = True
                quote.blocked_gender = PERSON_PRONOUNS.get(subject.lower_) or PERSON_NOUNS.get(
                    subject.lemma_.lower(), ""
                )
                quote.blocked_pronoun = subject.lower_ in PERSON_PRONOUNS
                quote.blocked_verb = _reporting_lemma(verb) or ""
                quote.addressed = _spoken_to(context, verb, in_frame)
                quote.via = "blocked"
                return False
            continue
        name, mention = found
        _set_speaker(context, quote, name, verb if _is_reporting_verb(verb) else None, frame)
        quote.addressed = _spoken_to(context, verb, in_frame)
        if mention is not None:
            quote.work = quote.work or mention.work
            quote.year = quote.year or mention.year
        gender = PERSON_PRONOUNS.get(subject.lower_, "")
        _add_mention(context, _Mention(subject.idx, name, gender, True, work=quote.work,
                                       year=quote.year))  # fmt: skip
        return True
    return False


def _spoken_to(context: _Context, verb: Token, in_frame: set[int]) -> str | None:
    """The person a reporting verb's "to" phrase addresses: "said Elizabeth to Darcy", "said
    Mr. Bennet to his wife" (Mrs. Bennet)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to" and prep.i in in_frame:
            for target in prep.children:
                if target.dep_ == "pobj" and target.pos_ == "PROPN":
                    found = _name_of(context, target)
                    return found[0] if found else None
                if target.dep_ == "pobj" and target.pos_ == "NOUN":
                    return _relation_name(context, target)  # "said Mr. Bennet to his wife"
    return None


def _set_speaker(
    context: _Context, quote: _Quote, name: str, verb: Token | None, frame: list[Token]
) -> None:
    quote.speaker = name
    quote.verb = _past_tense(verb) if verb is not None else "wrote"
    quote.work = _work_in(context, frame, exclude=name)
    quote.year = _year_in(frame)
    if frame:
        quote.frame = (
            min(quote.frame[0], frame[0].idx) if quote.frame else frame[0].idx,
            max(quote.frame[1], frame[-1].idx + len(frame[-1])) if quote.frame else
            frame[-1].idx + len(frame[-1]),
        )  # fmt: skip


def _according_to(context: _Context, token: Token, in_frame: set[int]) -> str | None:
    """ "according to X", "in the words of X", "X's words"."""
    target: Token | None = None
    if token.lower_ == "according":
        target = next((c for c in token.children if c.lower_ == "to"), None)
        if target is None and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            target = token.nbor()
        target = next((c for c in target.children if c.dep_ == "pobj"), None) if target else None
    elif token.lower_ == "words":
        of = next((c for c in token.children if c.lower_ == "of"), None)
        if of is not None:
            target = next((c for c in of.children if c.dep_ == "pobj"), None)
        else:
            target = next((c for c in token.children if c.dep_ == "poss"), None)
    if target is None or target.i not in in_frame:
        return None
    found = _name_of(context, target)
    return found[0] if found else None


def _frame_before(context: _Context, number: int, quote: _Quote) -> list[Token]:
    """Tokens before the quote in its sentence, after the previous quote of any length."""
    doc = context.doc
    mark = _token_at(context, quote.open_at)
    if mark is None:
        return []
    first = context.sentences[context.sentence_of_token[mark.i]][0]
    paragraph_start = context.paragraphs[quote.paragraph][0]
    tokens = []
    for token in doc[first : mark.i]:
        if token.idx < paragraph_start:
            continue
        owner = context.quote_of_token[token.i]
        if owner >= 0 and owner != number and _is_speech(context, context.quotes[owner]):
            tokens = []  # only what follows the last long quotation
            continue
        if owner < 0 and not token.is_space:
            tokens.append(token)
    return tokens


def _frame_after(context: _Context, number: int, quote: _Quote) -> list[Token]:
    """Tokens after the quote in its sentence (or a lower-case next sentence: '?" said she.')."""
    doc = context.doc
    if not quote.closed or quote.close_at >= len(doc_text(doc)):
        return []
    mark = _token_at(context, quote.close_at - 1)
    if mark is None:
        return []
    paragraph_end = context.paragraphs[quote.paragraph][1]
    sentence = context.sentence_of_token[mark.i]
    stop = context.sentences[sentence][1]
    if stop < len(doc) and stop - mark.i <= 2 and sentence + 1 < len(context.sentences):
        following = doc[stop]
        if following.idx < paragraph_end and following.text[:1].islower():
            stop = context.sentences[sentence + 1][1]
    tokens = []
    for token in doc[mark.i + 1 : stop]:
        if token.idx >= paragraph_end:
            break
        owner = context.quote_of_token[token.i]
        if owner >= 0:
            if owner != number and _is_speech(context, context.quotes[owner]):
                break
            continue
        if not token.is_space:
            tokens.append(token)
    return tokens


def _ends_with_colon(context: _Context, frame: list[Token], open_at: int) -> bool:
    between = doc_text(context.doc)[frame[-1].idx : open_at].strip()
    return between.endswith(":") or frame[-1].text == ":"


def _reporting_lemma(token: Token) -> str | None:
    """The lemma of a reporting verb, also for a participle the tagger took for a noun
    (", writing, “…”")."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" or token.tag_.startswith("VB"):
        return lemma if lemma in REPORTING_VERBS else None
    lower = token.lower_
    if lower.endswith("ing") and token.dep_ in CLIMB_DEPS:
        stem = lower[:-3]
        for guess in (stem, stem + "e", stem[:-1]):
            if guess in REPORTING_VERBS:
                return guess
    return None


def _is_reporting_verb(token: Token) -> bool:
    lemma = _reporting_lemma(token)
    if lemma is None:
        return False
    particle = PARTICLE_VERBS.get(lemma)
    if particle is None:
        return True
    if not particle:
        # "she began" reports only with no object: "began to …" / "began the work" do not
        return not any(c.dep_ in ("xcomp", "dobj", "ccomp") for c in token.children)
    return any(c.lower_ == particle for c in token.children)


def _subject_of(verb: Token, in_frame: set[int]) -> Token | None:
    """The verb's subject in the frame, climbing from participles ("…, writing, “…”")."""
    current = verb
    for _ in range(3):
        subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.pos_ not in NOMINAL_TAGS:
            # "said Elizabeth drily" parsed with the adverb as subject and the name as its
            # compound: the name is the subject (else try the words next to the verb)
            subject = next((c for c in subject.children if c.pos_ == "PROPN"), None)
            if subject is None:
                break
        if subject is not None:
            if subject.i in in_frame:
                return subject
            break
        if current.dep_ == "relcl" and current.head.i in in_frame:
            return current.head
        if current.dep_ not in CLIMB_DEPS or current.head is current:
            break
        current = current.head
    # inverted or misparsed: "said Elizabeth", "cried she", "Elizabeth replied"
    doc = verb.doc
    # "cried his wife", "said her father": a relation right after the verb
    if verb.i + 2 < len(doc) and verb.i + 2 in in_frame:
        owner, noun = doc[verb.i + 1], doc[verb.i + 2]
        if owner.lower_ in POSSESSIVE_PRONOUNS and noun.pos_ == "NOUN":
            return noun
    for i in (verb.i + 1, verb.i - 1):
        if 0 <= i < len(doc) and i in in_frame:
            token = doc[i]
            if token.pos_ == "PROPN" or token.lower_ in PERSON_PRONOUNS:
                return token
    return None


def _continuing_speaker(
    context: _Context, quote: _Quote, subject: Token, verb: Token
) -> tuple[str, _Mention | None] | None:
    """ "he continued", "she added", "he went on": the last one heard, if of that gender."""
    gender = PERSON_PRONOUNS.get(subject.lower_)
    if gender is None or _reporting_lemma(verb) not in SAME_SPEAKER_VERBS:
        return None
    if not _is_reporting_verb(verb):
        return None
    window = context.paragraphs[max(0, quote.paragraph - DIALOGUE_WINDOW)][0]
    for earlier in reversed(context.quotes):
        if earlier.open_at >= quote.open_at or earlier.block:
            continue
        if not earlier.speaker:
            if earlier.paragraph == quote.paragraph and _is_speech(context, earlier):
                return None  # "she added" continues this turn, whose speaker is not known yet
            continue
        if earlier.open_at < window:
            break
        if _gender(context, earlier.speaker) not in ("", gender):
            break
        if _subject_between(context, earlier, subject, gender):
            break  # "Mrs. X was profuse in thanks. “…,” she added": the narration's subject
        return earlier.speaker, None
    return None


def _subject_between(context: _Context, earlier: _Quote, pronoun: Token, gender: str) -> bool:
    """Whether the narration between an earlier quote (with its attribution) and `pronoun` has
    someone else of that gender as its latest subject, and never the earlier speaker (who would
    still be in view)."""
    after = max(earlier.close_at, earlier.frame[1] if earlier.frame else 0)
    low = bisect.bisect_right(context.mention_keys, after)
    high = bisect.bisect_left(context.mention_keys, pronoun.idx)
    latest: _Mention | None = None
    for mention in context.mentions[low:high]:
        if not mention.subject or mention.sentence < 0:
            continue  # a speaker found by attribution (sentence -1) is not narration
        token = context.doc[_token_index(context, mention.at)]
        if token.lower_ in PERSON_PRONOUNS or context.quote_of_token[token.i] >= 0:
            continue  # a pronoun chained to someone: only names count
        if (mention.gender or _gender(context, mention.name)) not in ("", gender):
            continue
        if mention.name and _same_person(mention.name, earlier.speaker or ""):
            return False
        latest = mention
    # "The housekeeper came forward. “…,” she added": a nameless subject may be the speaker
    return latest is not None and bool(latest.name)


def _token_index(context: _Context, offset: int) -> int:
    return max(0, bisect.bisect_right(context.token_starts, offset) - 1)


def _name_in_dialogue(
    context: _Context, quote: _Quote, subject: Token, verb: Token
) -> tuple[str, _Mention | None] | None:
    """ "he replied" in a turn of dialogue: the one the last turn addressed, else the last person
    of that gender named who did not speak the last turn (a new paragraph is a new speaker)."""
    gender = PERSON_PRONOUNS.get(subject.lower_)
    relation = gender is None and _is_person_word(subject)
    if relation:
        # "cried her husband" answering "…, Mr. Bennet": the one addressed, if a man
        gender = PERSON_NOUNS.get(subject.lemma_.lower()) or None
    if gender is None or quote.block or not _has_quote_at_start(context, quote.paragraph):
        return None
    if _reporting_lemma(verb) in SAME_SPEAKER_VERBS and _opens_paragraph(context, quote):
        return None  # "he continued" opening a paragraph: the last one heard goes on
    last = _last_turn(context, quote.paragraph)
    if last is None:
        return None
    addressed = _addressee(context, last)
    addressed_gender = _gender(context, addressed) if addressed else ""
    if relation and not _possessor_may_be(context, subject, last.speaker):
        # "said her mother" after a man's "…, Lizzy": she is Lizzy's mother, not Lizzy
        return None
    if (
        addressed
        and addressed != last.speaker
        and addressed_gender in ("", gender)
        and (not relation or addressed_gender == gender)
    ):
        return addressed, None
    if relation:
        return None
    paragraph = _paragraph_at(context, subject.idx)
    window = context.paragraphs[max(0, paragraph - DIALOGUE_WINDOW)][0]
    mention = _antecedent(context, subject.idx, window, gender, exclude=last.speaker)
    return (mention.name, mention) if mention else None


def _opens_paragraph(context: _Context, quote: _Quote) -> bool:
    """Whether no speech comes before the quote in its paragraph."""
    return not any(
        other.open_at < quote.open_at and _is_speech(context, other)
        for other in context.by_paragraph.get(quote.paragraph, [])
    )


def _possessor_may_be(context: _Context, subject: Token, name: str | None) -> bool:
    """ "her husband" answering a woman: "her" may be that woman (unknown gender: may be)."""
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in POSSESSIVE_PRONOUNS or not name:
        return True
    return _gender(context, name) in ("", POSSESSIVE_PRONOUNS[owner.lower_])


def _relative_name(
    context: _Context, quote: _Quote, subject: Token
) -> tuple[str, _Mention | None] | None:
    """ "cried his wife" -> "Mrs. Bennet" when "his" is Mr. Bennet (the one she addresses, else
    the last man named); "said her father" -> "Mr. Bennet" when "her" is a (Miss) Bennet (the
    one he addresses, else the last woman named).
    Only the titled family name is given: a relation to someone without one stays unknown."""
    noun = subject.lower_
    if noun not in SPOUSE_NOUNS and noun not in PARENT_NOUNS:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in POSSESSIVE_PRONOUNS:
        return None
    gender = POSSESSIVE_PRONOUNS[owner.lower_]
    owner_name = None
    # the one a wife or a mother speaks to is likeliest the "his"/"her": "“Another time,
    # Lizzy,” said her mother"
    addressed = _addressee(context, quote)
    if addressed and _gender(context, addressed) == gender:
        owner_name = addressed
    else:
        paragraph = _paragraph_at(context, subject.idx)
        window = context.paragraphs[max(0, paragraph - DIALOGUE_WINDOW)][0]
        mention = _antecedent(context, subject.idx, window, gender)
        owner_name = mention.name if mention else None
    if not owner_name:
        return None
    title = "Mr." if (SPOUSE_NOUNS.get(noun) or PARENT_NOUNS.get(noun)) == "m" else "Mrs."
    if noun == "lady" and gender != "m":
        return None
    family = _family_name(context, owner_name, married=noun in SPOUSE_NOUNS)
    return (f"{title} {family}", None) if family else None


def _relative_by_apposition(
    context: _Context, subject: Token
) -> tuple[str, _Mention | None] | None:
    name = _named_relative(context, subject) if subject.pos_ == "NOUN" else None
    return (name, None) if name else None


def _past_tense(verb: Token) -> str:
    lemma = _reporting_lemma(verb) or verb.lemma_.lower()
    if verb.tag_ == "VBD":
        word = verb.lower_
    elif lemma in IRREGULAR_PAST:
        word = IRREGULAR_PAST[lemma]
    elif lemma.endswith("e"):
        word = lemma + "d"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        word = lemma[:-1] + "ied"
    else:
        word = lemma + "ed"
    particle = PARTICLE_VERBS.get(lemma)
    return f"{word} {particle}" if particle else word
