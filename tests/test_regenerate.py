"""Regeneration: fresh notes merged into the user's cards file (regenerate.merge_notes).

Each case starts from a first extraction (written to the file, its records kept), lets the
user change the file, then extracts again and checks the merged file and the reported status.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcards.model import Note, SourceRef
from factcards.regenerate import ORPHANED_TAG, NoteRecord, content_key, merge_notes


def note(
    guid: str, front: str = "", back: str = "1953", sentence: str = "", start: int = 0
) -> Note:
    front = front or f"When was {guid} founded?"
    sentence = sentence or f"{guid} was founded in {back}."
    return Note(
        guid=guid,
        kind="date",
        front=front,
        back=back,
        source=SourceRef("seeds/x.md", sentence, start, start + len(sentence), "Intro"),
        tags=["factcards::date"],
    )


def first_build(fresh: list[Note]) -> tuple[list[Note], dict[str, NoteRecord]]:
    merge = merge_notes(None, fresh, {})
    return merge.notes, merge.records


def guids(notes: list[Note]) -> list[str]:
    return [n.guid for n in notes]


def test_first_build_is_all_new() -> None:
    merge = merge_notes(None, [note("a"), note("b")], {})
    assert guids(merge.new) == ["a", "b"] and guids(merge.notes) == ["a", "b"]
    assert set(merge.records) == {"a", "b"}


def test_nothing_changed() -> None:
    file, records = first_build([note("a"), note("b")])
    merge = merge_notes(file, [note("a"), note("b")], records)
    assert merge.notes == file
    assert guids(merge.unchanged) == ["a", "b"]
    assert not (merge.new or merge.updated or merge.orphaned or merge.conflicts)


def test_source_change_updates_an_untouched_note() -> None:
    file, records = first_build([note("a")])
    merge = merge_notes(file, [note("a", back="1954")], records)
    assert merge.notes[0].back == "1954"
    assert guids(merge.updated) == ["a"]


def test_a_moved_sentence_is_not_a_change() -> None:
    """A paragraph inserted above shifts offsets: same GUID, nothing to update."""
    file, records = first_build([note("a", start=10)])
    merge = merge_notes(file, [note("a", start=250)], records)
    assert guids(merge.unchanged) == ["a"]
    assert merge.notes[0].source.start == 250


def test_hand_edit_survives_regeneration() -> None:
    file, records = first_build([note("a"), note("b")])
    file[0] = dataclasses.replace(file[0], front="In which year was a founded?")
    merge = merge_notes(file, [note("a", start=99), note("b")], records)
    assert merge.notes[0].front == "In which year was a founded?"
    assert merge.notes[0].source.start == 99  # positions follow the source
    assert merge.notes[0].conflict is None
    assert guids(merge.edited) == ["a"] and not merge.conflicts


def test_source_change_under_a_hand_edit_is_a_conflict() -> None:
    file, records = first_build([note("a")])
    file[0] = dataclasses.replace(file[0], back="in 1953, in Zurich")
    merge = merge_notes(file, [note("a", back="1954")], records)
    kept = merge.notes[0]
    assert kept.back == "in 1953, in Zurich"  # the user's text is never replaced
    assert kept.conflict == {
        "front": "When was a founded?",
        "back": "1954",
        "sentence": "a was founded in 1954.",
    }
    assert guids(merge.conflicts) == ["a"]
    # the conflict stays reported until the user deletes the entry...
    again = merge_notes(merge.notes, [note("a", back="1954")], merge.records)
    assert guids(again.conflicts) == ["a"] and again.notes[0].back == "in 1953, in Zurich"
    # ...and then the edit is simply kept
    resolved = [dataclasses.replace(again.notes[0], conflict=None)]
    final = merge_notes(resolved, [note("a", back="1954")], again.records)
    assert not final.conflicts and final.notes[0].back == "in 1953, in Zurich"


def test_an_edit_matching_the_new_source_is_no_conflict() -> None:
    file, records = first_build([note("a")])
    file[0] = dataclasses.replace(file[0], back="1954", source=note("a", back="1954").source)
    merge = merge_notes(file, [note("a", back="1954")], records)
    assert guids(merge.unchanged) == ["a"] and not merge.conflicts


def test_suppression_survives_and_follows_updates() -> None:
    file, records = first_build([note("a")])
    file[0] = dataclasses.replace(file[0], suppressed=True)
    merge = merge_notes(file, [note("a", back="1954")], records)
    assert merge.notes[0].suppressed and merge.notes[0].back == "1954"
    assert merge.suppressed == 1 and not merge.edited  # suppressing is not editing


def test_hand_added_note_is_kept_in_place() -> None:
    file, records = first_build([note("a"), note("b")])
    mine = note("mine", front="Who founded the ICFI?", back="Cannon")
    file.insert(1, mine)
    merge = merge_notes(file, [note("a"), note("b")], records)
    assert guids(merge.notes) == ["a", "mine", "b"]
    assert guids(merge.by_hand) == ["mine"] and not merge.orphaned


def test_fact_gone_from_source_is_orphaned_and_tagged() -> None:
    file, records = first_build([note("a"), note("b"), note("c")])
    merge = merge_notes(file, [note("a"), note("c")], records)
    assert guids(merge.notes) == ["a", "b", "c"]
    assert guids(merge.orphaned) == ["b"]
    assert ORPHANED_TAG in merge.notes[1].tags
    # still gone next time: still orphaned, tagged once, not an edit
    again = merge_notes(merge.notes, [note("a"), note("c")], merge.records)
    assert guids(again.orphaned) == ["b"] and again.notes[1].tags.count(ORPHANED_TAG) == 1
    # the fact comes back: the tag goes
    back = merge_notes(again.notes, [note("a"), note("b"), note("c")], again.records)
    assert ORPHANED_TAG not in back.notes[1].tags
    assert guids(back.unchanged) == ["a", "b", "c"] and not back.edited


def claim(guid: str) -> Note:
    return dataclasses.replace(note(guid), kind="claim", tags=["factcards::claim"])


@pytest.mark.parametrize(
    ("kind", "sentence_still_there", "orphaned"),
    [
        ("claim", True, False),  # not chosen this time (an edit elsewhere): kept as it is
        ("claim", False, True),  # its sentence is gone: orphaned
        ("date", True, True),  # a fact the extractor no longer finds is orphaned whatever
    ],
)
def test_a_claim_not_chosen_again_stays_while_its_sentence_does(
    kind: str, sentence_still_there: bool, orphaned: bool
) -> None:
    make = claim if kind == "claim" else note
    file, records = first_build([make("a"), make("b")])
    asked: list[str] = []

    def in_source(sentence: str) -> bool:
        asked.append(sentence)
        return sentence_still_there

    merge = merge_notes(file, [make("a")], records, in_source)
    assert guids(merge.notes) == ["a", "b"]
    assert (guids(merge.orphaned) == ["b"]) is orphaned
    assert (ORPHANED_TAG in merge.notes[1].tags) is orphaned
    if not orphaned:
        assert guids(merge.unchanged) == ["a", "b"] and merge.notes[1] == file[1]
    assert asked == ([file[1].source.sentence] if kind == "claim" else [])


def test_a_note_deleted_from_the_file_stays_deleted() -> None:
    file, records = first_build([note("a"), note("b")])
    merge = merge_notes([file[0]], [note("a"), note("b")], records)
    assert guids(merge.notes) == ["a"] and merge.deleted == 1
    again = merge_notes(merge.notes, [note("a"), note("b")], merge.records)
    assert guids(again.notes) == ["a"] and again.deleted == 1


def test_a_new_fact_is_added_in_document_order() -> None:
    file, records = first_build([note("a"), note("c")])
    merge = merge_notes(file, [note("a"), note("b"), note("c")], records)
    assert guids(merge.notes) == ["a", "b", "c"] and guids(merge.new) == ["b"]


def test_without_records_a_difference_is_kept_as_the_users() -> None:
    """The manifest was lost: a note that differs may be the user's edit, so keep it."""
    file, _ = first_build([note("a")])
    file[0] = dataclasses.replace(file[0], front="My own question?")
    merge = merge_notes(file, [note("a")], {})
    assert merge.notes[0].front == "My own question?"
    assert guids(merge.conflicts) == ["a"]


def test_packaging_record_is_carried_over() -> None:
    file, records = first_build([note("a")])
    records["a"].packaged, records["a"].modified = "fp", 1_700_000_000
    merge = merge_notes(file, [note("a", back="1954")], records)
    assert merge.records["a"].packaged == "fp" and merge.records["a"].modified == 1_700_000_000


@pytest.mark.parametrize(
    ("change", "same"),
    [
        ({"source": SourceRef("seeds/x.md", "a was founded in 1953.", 500, 522, "Intro")}, True),
        ({"suppressed": True}, True),
        ({"conflict": {"front": "x"}}, True),
        ({"front": "When was a set up?"}, False),
        ({"tags": []}, False),
        ({"source": SourceRef("seeds/x.md", "a was founded in 1953 .", 0, 23, "Intro")}, False),
    ],
)
def test_content_key_ignores_positions_and_flags(change: dict, same: bool) -> None:
    base = note("a")
    assert (content_key(dataclasses.replace(base, **change)) == content_key(base)) is same


fronts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)


@given(
    st.lists(st.sampled_from("abcdefgh"), unique=True, max_size=8),
    st.lists(st.sampled_from("abcdefgh"), unique=True, max_size=8),
    st.dictionaries(st.sampled_from("abcdefgh"), fronts, max_size=4),
)
def test_merge_never_loses_the_users_text(first: list[str], second: list[str], edits) -> None:
    """Whatever the source does, an edited note's text is still in the file afterwards."""
    file, records = first_build([note(g) for g in first])
    file = [dataclasses.replace(n, front=edits[n.guid]) if n.guid in edits else n for n in file]
    merge = merge_notes(file, [note(g, back="2000") for g in second], records)
    merged = {n.guid: n for n in merge.notes}
    assert len(merged) == len(merge.notes)  # no GUID twice
    for old in file:
        assert old.guid in merged  # nothing the file had is dropped
        if old.guid in edits and edits[old.guid] != note(old.guid, back="2000").front:
            assert merged[old.guid].front == edits[old.guid]
    for guid in second:
        assert guid in merged


def test_an_edited_sentence_keeps_its_note_even_when_the_anchor_changes() -> None:
    """A corrected year gives the fact a new anchor; the note is still updated in place."""
    file, records = first_build([note("a", back="1935", sentence="The congress met in 1935.")])
    corrected = note("a2", back="1936", sentence="The congress met in 1936.")
    merge = merge_notes(file, [corrected], records)
    assert guids(merge.notes) == ["a"] and guids(merge.updated) == ["a"]
    assert merge.notes[0].back == "1936" and not merge.orphaned and not merge.new


@pytest.mark.parametrize(
    ("old_sentence", "new_sentence", "same_note"),
    [
        ("The congress met in 1935 in Paris.", "The congress met in 1935 in Pariss.", True),
        ("The congress met in 1935 in Paris.", "The congres met in 1935, in Paris.", True),
        ("The congress met in 1935 in Paris.", "Lenin died in January 1924 in Gorki.", False),
    ],
)
def test_reconciling_needs_a_nearly_identical_sentence(
    old_sentence: str, new_sentence: str, same_note: bool
) -> None:
    file, records = first_build([note("old", back="1935", sentence=old_sentence)])
    merge = merge_notes(file, [note("new", back="1935", sentence=new_sentence)], records)
    assert (guids(merge.updated) == ["old"]) is same_note
    assert (guids(merge.orphaned) == ["old"]) is not same_note


def test_reconciling_never_crosses_kinds() -> None:
    file, records = first_build([note("old", sentence="The congress met in 1935.")])
    claim = dataclasses.replace(note("new", sentence="The congress met in 1935!"), kind="claim")
    merge = merge_notes(file, [claim], records)
    assert guids(merge.new) == ["new"] and guids(merge.orphaned) == ["old"]


def test_a_reconciled_note_remembers_its_new_guid() -> None:
    """The next build maps the fact's new GUID through the record, without comparing again."""
    file, records = first_build([note("a", back="1935", sentence="The congress met in 1935.")])
    corrected = note("a2", back="1936", sentence="The congress met in 1936.")
    merge = merge_notes(file, [corrected], records)
    assert merge.records["a"].alias == "a2"
    # even if the sentence moved on further, the alias still ties the two together
    reworded = note("a2", back="1936", sentence="Delegates gathered for the congress in 1936.")
    again = merge_notes(merge.notes, [reworded], merge.records)
    assert guids(again.notes) == ["a"] and guids(again.updated) == ["a"]
