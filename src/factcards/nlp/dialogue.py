"""Dialogue: paragraphs that are turns of speech, who addresses whom ("…, Lizzy?"), and
speakers taking turns (A, B, A; two-person exchanges)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from .people import FEMALE_NAMES, FEMALE_TITLES, MALE_NAMES, MALE_TITLES, _gender, _same_person
from .quote_context import (
    DIALOGUE_WINDOW,
    _Context,
    _has_quote_at_start,
    _is_turn,
    _only_quotes,
    _paragraph_at,
    _Quote,
    _quotes_in,
)
from .text import doc_text

# an exchange fills a turn only this many paragraphs from a turn whose speaker is known: further
# on a third voice may have joined unnoticed (a wrong speaker is worse than none)
EXCHANGE_REACH = 3
_NAME = r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr)\.? |Miss |Lady |Sir )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
VOCATIVE_START = re.compile(
    r"(?:(?:Oh|O|Ah|Well|Nay|Yes|No)[!,]?\s+)?(?:[Mm]y dear |[Dd]ear )?" + _NAME + r"(?:[,!]|$)"
)
VOCATIVE_END = re.compile(r",\s+(?:my dear |dear )?" + _NAME + r"[.!?]*$")
# a name set off by commas inside speech is said to someone: "Did not you think, Mr. Darcy, that"
VOCATIVE_INSIDE = re.compile(
    r"(?:,|^|[.!?]\s)\s*(?:my dear |dear )?" + _NAME + r"(?=,|[.!?;]|\s+--)"
)


def _fill_exchanges(context: _Context) -> None:
    """Two people taking turns: in a run of dialogue paragraphs whose known speakers alternate
    between two people (A, ?, A, B, ?, B), the unknown turns go to whoever speaks at that
    parity. A third speaker starts a new exchange; a turn never goes to the one it addresses,
    nor against the gender its attribution gives ("said she")."""
    turns = [p for p in range(len(context.paragraphs)) if _is_dialogue_turn(context, p)]
    chains: list[list[int]] = []
    for paragraph in turns:
        if chains and chains[-1][-1] == paragraph - 1:
            chains[-1].append(paragraph)
        else:
            chains.append([paragraph])
    for chain in chains:
        for segment in _exchanges(context, chain):
            _fill_exchange(context, segment)


def _is_dialogue_turn(context: _Context, paragraph: int) -> bool:
    said = [q for q in _quotes_in(context, paragraph) if not q.block and not q.title]
    return bool(said) and _is_turn(context, paragraph)


def _turn_of(context: _Context, paragraph: int) -> str | None:
    said = [q.speaker for q in _quotes_in(context, paragraph) if q.speaker and not q.block]
    return said[0] if said else None


def _exchanges(context: _Context, chain: list[int]) -> Iterator[list[tuple[int, str | None]]]:
    """Cut a run of turns where a third person speaks: [(paragraph, speaker or None)]."""
    slots: list[str | None] = [None, None]
    segment: list[tuple[int, str | None]] = []
    for position, paragraph in enumerate(chain):
        speaker = _turn_of(context, paragraph)
        parity = position % 2
        if speaker is not None:
            mine, other = slots[parity], slots[1 - parity]
            fits = (mine is None or _same_person(mine, speaker)) and not (
                other is not None and _same_person(other, speaker)
            )
            if not fits:
                # the turns since the last known one could belong to either exchange
                while segment and segment[-1][1] is None:
                    segment.pop()
                yield segment
                segment, slots = [], [None, None]
            slots[parity] = slots[parity] or speaker
        segment.append((paragraph, speaker))
    yield segment


def _fill_exchange(context: _Context, segment: list[tuple[int, str | None]]) -> None:
    if not segment:
        return
    first = segment[0][0]
    slots: list[str | None] = [None, None]
    # paragraphs whose speaker is known or fixed by a vocative: the reach is counted from them
    known = [paragraph for paragraph, speaker in segment if speaker is not None]
    for paragraph, speaker in segment:
        if speaker is not None:
            slots[(paragraph - first) % 2] = speaker
    if slots[0] is None and slots[1] is None:
        # nobody named yet (a passage starting mid-scene): a turn calling someone by name
        # ("Mr. Bennet, how can you …") makes that one the other party of the exchange
        seeded = _seed_by_vocative(context, segment)
        if seeded is None:
            return
        slots, known = seeded
    for parity in (0, 1):
        if slots[parity] is None:
            # the one a turn of the other party addresses speaks next
            for paragraph, _ in segment:
                if (paragraph - first) % 2 != parity:
                    said = [q for q in _quotes_in(context, paragraph) if not q.block]
                    addressed = _addressee(context, said[0]) if said else None
                    if addressed and not _same_person(addressed, slots[1 - parity] or ""):
                        slots[parity] = addressed
                        break
    for paragraph, speaker in segment:
        candidate = slots[(paragraph - first) % 2]
        if speaker is not None or candidate is None:
            continue
        if min(abs(paragraph - other) for other in known) > EXCHANGE_REACH:
            continue
        for quote in _quotes_in(context, paragraph):
            if quote.block or quote.speaker or quote.title:
                continue
            if quote.blocked and quote.blocked_gender != _gender(context, candidate):
                continue
            if quote.blocked and not quote.blocked_pronoun and _answers(context, quote, candidate):
                continue  # "…, Lizzy" answered by "her mother": the mother is not Lizzy
            if _names_self(context, quote, candidate):
                continue
            quote.speaker, quote.via, quote.verb = candidate, "exchange", "said"
            quote.blocked = False


def _seed_by_vocative(
    context: _Context, segment: list[tuple[int, str | None]]
) -> tuple[list[str | None], list[int]] | None:
    """Slots of a speakerless exchange from the people its turns address: a turn calling X by
    name puts X on the other side (speaking the turns before and after it). Any doubt (one side
    addressing two people, or one person addressed from both sides: a third voice, or a name
    that was no vocative) gives no seed."""
    first = segment[0][0]
    slots: list[str | None] = [None, None]
    anchors: list[int] = []
    for paragraph, _ in segment:
        said = [q for q in _quotes_in(context, paragraph) if not q.block and not q.title]
        addressed = _addressee(context, said[0]) if said else None
        if not addressed:
            continue
        parity = 1 - (paragraph - first) % 2
        mine, other = slots[parity], slots[1 - parity]
        if (mine and not _same_person(mine, addressed)) or (
            other and _same_person(other, addressed)
        ):
            return None
        slots[parity] = mine or addressed
        anchors += [paragraph - 1, paragraph + 1]
    return (slots, anchors) if anchors else None


# a name as the quote may say it: "Mr. Darcy", "Lizzy", "Miss Elizabeth Bennet"
_SPEECH_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr)\.? |Miss |Lady |Sir |Colonel |Captain )"
NAME_IN_SPEECH = re.compile(
    r"\b" + _SPEECH_TITLE + r"?[A-Z][a-z]+(?: (?!" + _SPEECH_TITLE + r")[A-Z][a-z]+)*"
)


def _names_self(context: _Context, quote: _Quote, name: str) -> bool:
    """Whether a quote says `name` (as vocative or in the third person): people rarely name
    themselves, so a turn that does so is someone else's."""
    text = doc_text(context.doc)[quote.start : quote.end]
    return any(_same_person(found, name) for found in NAME_IN_SPEECH.findall(text))


def _answers(context: _Context, quote: _Quote, name: str) -> bool:
    """Whether the turn before `quote` calls `name` by name."""
    last = _last_turn(context, quote.paragraph)
    addressed = _addressee(context, last) if last is not None else None
    return bool(addressed) and _same_person(addressed, name)


def _by_turns(context: _Context, number: int, quote: _Quote) -> bool:
    """Dialogue taking turns: a paragraph that is only a quote, after two quote paragraphs of
    two speakers, is the earlier speaker's (A, B, A)."""
    text = doc_text(context.doc)
    if quote.block or not _only_quotes(context, quote.paragraph) or quote.paragraph < 1:
        return False
    said_before = [
        [q for q in _quotes_in(context, paragraph) if q.speaker]
        if _is_turn(context, paragraph)
        else []
        for paragraph in (quote.paragraph - 1, quote.paragraph - 2)
    ]
    if not said_before[0]:
        return False
    last = said_before[0][-1]
    # the one the last speaker addressed ("…, Lizzy?") answers; else the one before the last
    speaker = _addressee(context, last)
    if not speaker or _same_person(speaker, last.speaker or ""):
        speaker = said_before[1][-1].speaker if said_before[1] else None
    if speaker is None or speaker == last.speaker:
        # no A of (A, B, A) and nobody addressed: guessing the other party proved a coin toss
        return False
    addressed = _addressee(context, quote)
    if not speaker or speaker == last.speaker or not text:
        return False
    if (addressed and _same_person(speaker, addressed)) or _names_self(context, quote, speaker):
        return False  # nobody calls themselves by name
    quote.speaker, quote.via, quote.verb = speaker, "turns", "said"
    return True


def _by_turns_around(context: _Context, quote: _Quote) -> bool:
    """(A, ?, A) -> the other one; (?, A, B) -> B."""
    if quote.block or not _only_quotes(context, quote.paragraph):
        return False
    turns = {offset: _turn_speaker(context, quote.paragraph + offset) for offset in (-1, 1, 2)}
    speaker = None
    if turns[1] and turns[2] and turns[1] != turns[2]:
        speaker = turns[2]
    elif turns[-1] and turns[1] == turns[-1]:
        previous = _quotes_in(context, quote.paragraph - 1)[-1]
        speaker = _addressee(context, previous) or _other_person(context, previous, quote.open_at)
        if speaker == turns[-1]:
            speaker = None
    if not speaker or _names_self(context, quote, speaker):
        return False
    quote.speaker, quote.via, quote.verb = speaker, "turns", "said"
    return True


def _turn_speaker(context: _Context, paragraph: int) -> str | None:
    """The speaker of a paragraph that opens with a quotation, if known."""
    if not 0 <= paragraph < len(context.paragraphs) or not _has_quote_at_start(context, paragraph):
        return None
    said = [q.speaker for q in _quotes_in(context, paragraph) if q.speaker]
    return said[-1] if said else None


def _addressee(context: _Context, quote: _Quote) -> str | None:
    """A name the quote calls out: "Lizzy, I …", "…, my dear Jane", "Did not you think, Mr. Darcy,
    that …". Only a person the text has named, a titled name or a common given name counts, so
    that "Indeed, …" is no vocative. In a turn of dialogue the other parts of the turn count too
    ("“My dear Mr. Bennet,” said his lady, “have you heard …”")."""
    if quote.addressed:
        return quote.addressed
    found = _vocative(context, quote)
    if found or not _has_quote_at_start(context, quote.paragraph):
        return found
    for other in _quotes_in(context, quote.paragraph):
        if other is not quote and not other.block:  # "Come, Lane," looks like a title
            found = other.addressed or _vocative(context, other)
            if found:
                return found
    return None


def _vocative(context: _Context, quote: _Quote) -> str | None:
    text = doc_text(context.doc)[quote.start : quote.end]
    known: list[str] | None = None  # built on the first candidate: most quotes have none
    for pattern in (VOCATIVE_START, VOCATIVE_END, VOCATIVE_INSIDE):
        for match in pattern.finditer(text):
            if pattern is VOCATIVE_START and match.start() > 0:
                break
            name = match.group("name")
            words = name.lower().split()
            if words[-1].rstrip(".") in {t.rstrip(".") for t in FEMALE_TITLES | MALE_TITLES}:
                continue
            if known is None:
                index = bisect.bisect_left(context.mention_keys, quote.start)
                # the most recent first: "Miss Bennet" is the one just named, not an aunt's
                known = list(dict.fromkeys(m.name for m in reversed(context.mentions[:index])))
            found = next((k for k in known if _same_person(k, name)), None)
            if found:
                return found
            if len(words) > 1 and words[0] in FEMALE_TITLES | MALE_TITLES:
                return name  # "…, Mr. Bingley?" names a person even before the narration does
            if words[0] in FEMALE_NAMES or words[0] in MALE_NAMES:
                return name
    return None


def _other_person(
    context: _Context,
    last: _Quote | None,
    before: int,
    addressed: str | None = None,
    speakers_only: bool = False,
) -> str | None:
    """The person named or heard most recently before `before` (within a few paragraphs) who
    is neither the last speaker nor the one addressed: the other party of a dialogue."""
    paragraph = _paragraph_at(context, before)
    window = context.paragraphs[max(0, paragraph - DIALOGUE_WINDOW)][0]
    index = bisect.bisect_left(context.mention_keys, before)
    candidates = [
        (m.at, m.name)
        for m in context.mentions[:index]
        if m.at >= window and m.name and not speakers_only
    ]
    candidates += [
        (q.open_at, q.speaker)
        for q in context.quotes
        if q.speaker and window <= q.open_at < before and q.via not in ("nearest", "")
    ]
    excluded = [name for name in (last.speaker if last else None, addressed) if name]
    for _, name in sorted(candidates, reverse=True):
        if not any(_same_person(name, other) for other in excluded):
            return name
    return None


def _last_turn(context: _Context, paragraph: int) -> _Quote | None:
    """The last quote of the paragraph before, if that paragraph is a turn of dialogue."""
    if paragraph < 1 or not _is_turn(context, paragraph - 1):
        return None
    said = [q for q in _quotes_in(context, paragraph - 1) if not q.block]
    return said[-1] if said else None


def _one_speaker_heard(context: _Context, quote: _Quote) -> str | None:
    """The one person of the quote's attributed gender ("said she") heard speaking in the few
    paragraphs before, leaving out the one it addresses and, in a turn of dialogue, the
    speakers of the turns just before and after (turns alternate)."""
    gender = quote.blocked_gender
    if not gender:
        return None
    low = quote.paragraph - DIALOGUE_WINDOW
    heard = [
        q for q in context.quotes if q.speaker and low <= q.paragraph and q.open_at < quote.open_at
    ]
    excluded = [name for name in (_addressee(context, quote),) if name]
    if _has_quote_at_start(context, quote.paragraph):
        excluded += [
            name
            for name in (
                _turn_speaker(context, quote.paragraph - 1),
                _turn_speaker(context, quote.paragraph + 1),
            )
            if name
        ]
    # people of that gender the narration names as subject just before count too: "Lydia
    # declared herself satisfied. “…,” she added" is not about the last woman heard
    since = context.paragraphs[max(0, quote.paragraph - 1)][0]
    low_mention = bisect.bisect_left(context.mention_keys, since)
    high_mention = bisect.bisect_left(context.mention_keys, quote.open_at)
    named = [m.name for m in context.mentions[low_mention:high_mention] if m.subject and m.name]
    people: list[str] = []
    for name in [q.speaker or "" for q in heard] + named:
        if _gender(context, name) != gender or any(_same_person(name, x) for x in excluded):
            continue
        if not any(_same_person(name, known) for known in people):
            people.append(name)
    return people[0] if len(people) == 1 else None
