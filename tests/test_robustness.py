"""Nothing a document can contain breaks factcards or the user's collection (issue 7).

Each hostile input has a test of the exact behaviour: the notes made, or the one-line error and
the exit code. CLI runs use `-j 1` and a throwaway cache; the library tests share one pipeline.
Two tests on multi-megabyte inputs run the whole pipeline only with FACTCARDS_HUGE=1 (minutes).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anki_helpers import card_ids, html_to_text, import_apkg, render_card
from factcards import cards as cards_io
from factcards.cli import main
from factcards.errors import InputError
from factcards.ingest import decode_text, document_from_string, read_document
from factcards.model import KINDS, Note, SourceRef

PROSE = (
    "# The Fourth International\n\n"
    "The Fourth International was founded in 1938 by Leon Trotsky. "
    "Permanent revolution is the theory that the revolution must continue until the working "
    "class takes power everywhere.\n\n"
    "In 1940, Trotsky was murdered in Mexico. He wrote, “The proletariat must lead the "
    "peasantry.” Stalinism is the bureaucratic degeneration of the workers' state.\n"
)
HUGE = pytest.mark.skipif(
    not os.environ.get("FACTCARDS_HUGE"), reason="minutes of parsing: set FACTCARDS_HUGE=1"
)


def run(args: list[str], tmp_path: Path) -> int:
    """main() with a private cache and no worker processes (for `build`/`extract`)."""
    if args[0] in ("build", "extract"):
        args = [*args, "-j", "1", "--cache-dir", str(tmp_path / "cache")]
    return main(args)


def error_lines(err: str) -> list[str]:
    assert "Traceback" not in err
    return [line for line in err.splitlines() if line.strip()]


# --------------------------------------------------------------------------- library helpers


@pytest.fixture(scope="module")
def pipeline():
    from factcards.nlp.pipeline import load_pipeline

    return load_pipeline()


def notes_of(pipeline, text: str, name: str = "doc.md") -> list[Note]:
    from factcards.nlp.pipeline import extract
    from factcards.questions import build_notes

    document = document_from_string(text, name, markdown=name.endswith(".md"))
    ((document, facts),) = list(extract(pipeline, [document]))
    return build_notes(document, facts)


def assert_well_formed(notes: list[Note], text: str) -> None:
    """What the cards contract promises of every note, and that it survives a JSON round trip."""
    for note in notes:
        assert note.kind in KINDS
        assert note.guid.strip() and note.front.strip(), note
        assert note.back.strip() or note.is_cloze, note
        assert note.source.sentence.strip(), note
        assert 0 <= note.source.start <= note.source.end <= len(text), note
        line = cards_io.note_to_line(note)
        assert "\n" not in line
        assert cards_io.note_from_json(json.loads(line)) == note


def rendered_deck(notes: list[Note], root: Path) -> list[tuple[str, str]]:
    """Package `notes`, import the deck with the real Anki backend, render every card (HTML)."""
    from factcards.anki import write_deck

    deck = root / "deck.apkg"
    count = write_deck(notes, "factcards::test", deck)
    with closing(import_apkg(deck, root / "collection")) as col:
        assert col.note_count() == count
        return [render_card(col, card_id) for card_id in card_ids(col)]


def assert_cards_render(notes: list[Note], root: Path) -> list[tuple[str, str]]:
    rendered = rendered_deck(notes, root)
    for question, answer in rendered:
        assert html_to_text(question).strip(), question
        assert html_to_text(answer).strip(), answer
    return rendered


# --------------------------------------------------------------------------- empty, binary


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty document"),
        (b"  \n\t\n \r\n\r\n   ", "empty document"),
        (b"\xef\xbb\xbf\n\n", "empty document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "not a text file"),
        (bytes(range(1, 32)) * 40, "not a text file"),
        (b"---\ntitle: Only front matter\n---\n\n```\ncode only\n```\n", "empty document"),
    ],
    ids=["empty", "whitespace", "bom-only", "png", "controls", "markup-only"],
)
def test_unusable_file_is_an_input_error_naming_it(
    data: bytes, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read_document(path, "bad.md")
    assert raised.value.path == path
    assert raised.value.message.startswith(message)


def test_bad_files_among_good_ones_are_reported_and_the_rest_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "good.md").write_text(PROSE, encoding="utf-8")
    (sources / "empty.txt").write_bytes(b"")
    (sources / "blank.md").write_bytes(b" \n\n\t\n")
    (sources / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4)
    cards, decks = tmp_path / "cards", tmp_path / "decks"
    code = run(
        ["build", str(sources), "--cards-dir", str(cards), "--decks-dir", str(decks)], tmp_path
    )
    out, err = capsys.readouterr()
    assert code == 1
    assert sorted(error_lines(err)) == sorted(
        [
            f"factcards: error: {sources / 'blank.md'}: empty document",
            f"factcards: error: {sources / 'empty.txt'}: empty document",
            f"factcards: error: {sources / 'image.txt'}: not a text file",
        ]
    )
    assert sorted(p.name for p in cards.glob("*.jsonl")) == ["good.jsonl"]
    assert sorted(p.name for p in decks.glob("*.apkg")) == ["good.apkg"]
    assert len(cards_io.read_cards(cards / "good.jsonl")) >= 3
    assert "good.md" in out


# --------------------------------------------------------------------------- encodings

TEXT = "Léon Trotsky founded the Fourth International in 1938 — “permanently”.\n\nSecond café.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with a BOM
        TEXT.encode("utf-16-le"),  # without one
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
        TEXT.encode("cp1252"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
        TEXT.replace("\n", "\r\n").encode("utf-16"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16",
        "utf16le",
        "utf16be",
        "utf32",
        "cp1252",
        "crlf",
        "cr",
        "u16crlf",
    ],
)
def test_encodings_and_line_endings_give_the_same_clean_text(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    document = read_document(path, "doc.txt")
    assert document.text == TEXT.strip().replace("\n\n", "\n\n")
    # offsets lead back to the same characters of the decoded file
    decoded = decode_text(data)
    for word in ("Léon", "café", "Second", "“permanently”"):
        start = document.text.index(word)
        source = document.offsets.to_source(start)
        assert decoded[source : source + len(word)] == word


def test_a_stray_byte_in_utf8_becomes_a_replacement_character(tmp_path: Path) -> None:
    data = TEXT.encode("utf-8")
    cut = data.index(b"Second")
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:cut] + b"\x81\xff" + data[cut:])
    document = read_document(path, "damaged.txt")
    assert "\ufffd\ufffdSecond café." in document.text
    assert document.text.startswith("Léon Trotsky founded")


def test_latin1_bytes_undefined_in_cp1252_still_decode(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 society was described in 1920.".encode("latin-1") + b"\x81")
    assert read_document(path, "latin.txt").text.startswith("Café society was described")


def test_every_encoding_builds_the_same_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    variants = {
        "utf8.txt": PROSE.encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + PROSE.encode("utf-8"),
        "utf16.txt": PROSE.encode("utf-16"),
        "cp1252.txt": PROSE.encode("cp1252"),
        "crlf.txt": PROSE.replace("\n", "\r\n").encode("utf-8"),
        "cr.txt": PROSE.replace("\n", "\r").encode("utf-8"),
    }
    cards = tmp_path / "cards"
    for name, data in variants.items():
        # one run each: within a run, a later document's repeats of a card are left out
        (sources / name).write_bytes(data)
        assert run(["extract", str(sources / name), "--cards-dir", str(cards)], tmp_path) == 0
    capsys.readouterr()
    made = {
        name: [
            (n.kind, n.front, n.back)
            for n in cards_io.read_cards(cards / f"{Path(name).stem}.jsonl")
        ]
        for name in variants
    }
    assert made["utf8.txt"], "no notes from the reference text"
    for name, notes in made.items():
        assert notes == made["utf8.txt"], name


# --------------------------------------------------------------------------- size


def test_a_5mb_file_without_line_breaks_is_one_paragraph() -> None:
    sentence = "The council met in 1917 and the delegates voted for peace. "
    text = sentence * (5_000_000 // len(sentence))
    started = time.perf_counter()
    document = document_from_string(text, "huge.txt", markdown=False)
    print(f"ingest of {len(text):,} chars: {time.perf_counter() - started:.1f} s")
    assert "\n" not in document.text
    assert document.text == text.strip()
    assert document.offsets.to_source(len(document.text) - 1) == len(text.rstrip()) - 1


def test_100000_tiny_paragraphs_stay_100000_paragraphs() -> None:
    text = "\n\n".join(f"Point {i} holds." for i in range(100_000))
    document = document_from_string(text, "tiny.md")
    paragraphs = document.text.split("\n\n")
    assert len(paragraphs) == 100_000
    assert paragraphs[-1] == "Point 99999 holds."
    assert document.offsets.to_source(document.text.index("Point 99999")) == text.index(
        "Point 99999"
    )


@HUGE
@pytest.mark.parametrize(
    "text",
    [
        "The council met in 1917 and the delegates voted for peace. " * 85_000,
        "\n\n".join(f"Point {i} holds." for i in range(100_000)),
    ],
    ids=["5mb-one-line", "100k-paragraphs"],
)
def test_huge_inputs_through_the_whole_pipeline(pipeline, text: str) -> None:
    started = time.perf_counter()
    notes = notes_of(pipeline, text, "huge.txt")
    print(f"{len(text):,} chars -> {len(notes)} notes in {time.perf_counter() - started:.0f} s")
    assert_well_formed(notes, text)


# --------------------------------------------------------------------------- quotation marks

QUOTE_SOUP = [
    # unbalanced: an extra closing mark, then a good quotation
    'Trotsky wrote that” the revolution is permanent. Lenin said, "We shall build."',
    # nested quotation marks of both kinds
    "Trotsky wrote, “Lenin called it ‘the dictatorship of the proletariat’ in 1917.”",
    'He said, "She told me \'never\' and "always" at once."',
    # a quotation that never closes, running to the end of the document
    "Lenin declared, “All power to the soviets. The war must end.\n\n"
    "The Bolsheviks took power in 1917. Stalin died in 1953.",
    # only marks
    "“ ” ‘ ’ \" ' « » „ “" * 20,
]


@pytest.mark.parametrize("text", QUOTE_SOUP, ids=["unbalanced", "nested", "mixed", "open", "marks"])
def test_quotation_soup_makes_well_formed_notes(pipeline, text: str, tmp_path: Path) -> None:
    notes = notes_of(pipeline, text, "soup.txt")
    assert_well_formed(notes, text)
    for note in notes:
        if note.kind == "quote":
            # a quotation never swallows a paragraph break
            assert "\n\n" not in (note.quote or ""), note
    assert_cards_render(notes, tmp_path)


def test_a_quote_that_never_closes_does_not_take_the_next_paragraph(pipeline) -> None:
    text = QUOTE_SOUP[3]
    notes = notes_of(pipeline, text, "open.txt")
    dates = {note.back for note in notes if note.kind == "date"}
    assert any("1917" in back for back in dates), notes
    for note in notes:
        assert not ("All power" in note.source.sentence and "Bolsheviks" in note.source.sentence)


# --------------------------------------------------------------------------- markdown

MARKDOWN = """---
title: Front Matter Title
date: 2001-02-03
tags: [history, "a: b"]
---

# The Founding

The Fourth International was founded in 1938 by Leon Trotsky.[^1]

| Year | Event |
|------|:-----:|
| 1938 | TABLECELL founding |

```python
def secret():
    return "CODEWORD"
```

<div class="note">
<p>An HTML block sentence was written in 1940.</p>
</div>

Inline code `<img src=x>` shows a tag.

[^1]: FOOTNOTE text about the founding.
"""


def test_markdown_markup_does_not_reach_the_text() -> None:
    document = document_from_string(MARKDOWN, "doc.md")
    assert document.date == "2001-02-03"
    assert document.title == "The Founding"
    assert document.text == (
        "The Fourth International was founded in 1938 by Leon Trotsky.\n\n"
        "An HTML block sentence was written in 1940.\n\n"
        "Inline code <img src=x> shows a tag."
    )
    assert [s.title for s in document.sections] == ["The Founding"]


def test_markdown_makes_notes_only_from_prose(pipeline, tmp_path: Path) -> None:
    notes = notes_of(pipeline, MARKDOWN, "doc.md")
    assert_well_formed(notes, MARKDOWN)
    assert notes
    for note in notes:
        for junk in ("TABLECELL", "CODEWORD", "FOOTNOTE", "[^1]", "title:", "|"):
            assert junk not in note.front + note.back + note.source.sentence, (junk, note)
        assert MARKDOWN[note.source.start : note.source.end].startswith(note.source.sentence[:20])
    assert_cards_render(notes, tmp_path)


# --------------------------------------------------------------------------- other scripts


@pytest.mark.parametrize(
    "text",
    [
        "Лев Троцкий основал Четвёртый интернационал в 1938 году. Он писал: «Революция "
        "перманентна».\n\nСталин умер в 1953 году.",
        "托洛茨基于1938年创立了第四国际。他写道：“革命是不断的。”\n\n斯大林于1953年去世。",
        "أسس تروتسكي الأممية الرابعة عام 1938.\n\nتوفي ستالين عام 1953.",
        "😀 🚩 ✊🏽 \u200d\u200b\ufeff 𝔗𝔯𝔬𝔱𝔰𝔨𝔶 wrote in 1938.",
    ],
    ids=["russian", "chinese", "arabic", "emoji"],
)
def test_other_scripts_make_well_formed_notes_or_none(pipeline, text: str, tmp_path: Path) -> None:
    notes = notes_of(pipeline, text, "foreign.txt")
    assert_well_formed(notes, text)
    if notes:
        assert_cards_render(notes, tmp_path)


# --------------------------------------------------------------------------- paths


def test_a_directory_with_no_supported_files(tmp_path: Path, capsys) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "notes.docx").write_bytes(b"PK\x03\x04")
    (sources / ".hidden.md").write_text(PROSE)
    (sources / "sub.md").mkdir()
    assert run(["build", str(sources), "--cards-dir", str(tmp_path / "c")], tmp_path) == 1
    assert error_lines(capsys.readouterr().err) == [
        f"factcards: error: {sources}: no .txt, .md, .pdf, .html or .epub files"
    ]
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize(
    ("command", "name", "message"),
    [
        ("build", "missing.md", "no such file or directory"),
        (
            "extract",
            "notes.docx",
            "unsupported file type '.docx': expected .txt, .md, .pdf, .html or .epub",
        ),
        ("extract", "notes.pdf", "not a PDF file"),
        ("package", "missing.jsonl", "no such file or directory"),
        ("package", "folder.jsonl", "no *.jsonl cards files in this directory"),
        ("package", "empty-folder", "no *.jsonl cards files in this directory"),
    ],
)
def test_bad_paths_are_one_line_errors(
    command: str, name: str, message: str, tmp_path: Path, capsys
) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "folder.jsonl").mkdir()
    (tmp_path / "empty-folder").mkdir()
    path = tmp_path / name
    code = run(
        [
            command,
            str(path),
            "--cards-dir" if command != "package" else "--decks-dir",
            str(tmp_path / "out"),
        ],
        tmp_path,
    )
    assert code == 1
    assert error_lines(capsys.readouterr().err) == [f"factcards: error: {path}: {message}"]
    assert not (tmp_path / "out").exists()


def test_a_directory_given_as_a_document_is_an_input_error(tmp_path: Path) -> None:
    folder = tmp_path / "chapter.md"
    folder.mkdir()
    with pytest.raises(InputError) as raised:
        read_document(folder, "chapter.md")
    assert str(raised.value) == f"{folder}: is a directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_reported(tmp_path: Path, capsys) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "good.md").write_text(PROSE)
    locked = sources / "locked.md"
    locked.write_text(PROSE)
    locked.chmod(0)
    try:
        code = run(["extract", str(sources), "--cards-dir", str(tmp_path / "cards")], tmp_path)
    finally:
        locked.chmod(0o644)
    assert code == 1
    assert error_lines(capsys.readouterr().err) == [
        f"factcards: error: {locked}: cannot read: Permission denied"
    ]
    assert (tmp_path / "cards" / "good.jsonl").exists()


# --------------------------------------------------------------------------- outputs


def _good_cards(cards: Path) -> None:
    note = Note(
        guid="g1",
        kind="claim",
        front="The {{c1::Fourth International}} was founded in 1938.",
        back="",
        source=SourceRef("doc.md", "The Fourth International was founded in 1938.", 0, 46),
    )
    cards_io.write_cards([note], cards / "good.jsonl")


def test_an_unwritable_cards_dir_is_an_output_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "doc.md").write_text(PROSE)
    blocker = tmp_path / "cards"
    blocker.write_text("I am a file")
    code = run(["extract", str(tmp_path / "doc.md"), "--cards-dir", str(blocker)], tmp_path)
    assert code == 1
    lines = error_lines(capsys.readouterr().err)
    assert len(lines) == 1 and lines[0].startswith(f"factcards: error: {blocker}"), lines
    assert blocker.read_text() == "I am a file"


def test_an_unwritable_decks_dir_is_an_output_error(tmp_path: Path, capsys) -> None:
    cards = tmp_path / "cards"
    _good_cards(cards)
    blocker = tmp_path / "decks"
    blocker.write_text("I am a file")
    assert main(["package", str(cards), "--decks-dir", str(blocker)]) == 1
    lines = error_lines(capsys.readouterr().err)
    assert len(lines) == 1 and lines[0].startswith(f"factcards: error: {blocker}"), lines
    assert blocker.read_text() == "I am a file"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"guid": "x", "kind": "claim", "front": "F"', "line 2: Expecting ',' delimiter"),
        (
            '{"guid": "x", "kind": "fact", "front": "F", "back": "", "source": {"document": "d"}}',
            "line 2: unknown kind 'fact'",
        ),
        ('["not", "an", "object"]', "line 2: a note must be a JSON object"),
        (
            '{"guid": "x", "kind": "claim", "front": "F", "back": ""}',
            "line 2: missing field 'source'",
        ),
        ("\x00\x01garbage", "line 2: Expecting value"),
    ],
    ids=["truncated", "kind", "array", "missing", "garbage"],
)
def test_a_broken_cards_line_names_file_and_line_and_the_rest_is_packaged(
    line: str, message: str, tmp_path: Path, capsys
) -> None:
    cards, decks = tmp_path / "cards", tmp_path / "decks"
    _good_cards(cards)
    good_line = (cards / "good.jsonl").read_text(encoding="utf-8")
    (cards / "broken.jsonl").write_text(good_line + line + "\n" + good_line, encoding="utf-8")
    assert main(["package", str(cards), "--decks-dir", str(decks)]) == 1
    out, err = capsys.readouterr()
    lines = error_lines(err)
    assert len(lines) == 1
    assert lines[0].startswith(f"factcards: error: {cards / 'broken.jsonl'}: {message}"), lines
    assert sorted(p.name for p in decks.glob("*.apkg")) == ["good.apkg"]
    assert "good.apkg" in out


def test_a_cards_file_that_is_not_utf8(tmp_path: Path, capsys) -> None:
    cards, decks = tmp_path / "cards", tmp_path / "decks"
    _good_cards(cards)
    (cards / "latin.jsonl").write_bytes(b'{"front": "caf\xe9"}\n')
    assert main(["package", str(cards), "--decks-dir", str(decks)]) == 1
    assert error_lines(capsys.readouterr().err) == [
        f"factcards: error: {cards / 'latin.jsonl'}: cards file is not UTF-8"
    ]
    assert (decks / "good.apkg").exists()


# --------------------------------------------------------------------------- interrupted writes


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "cards.jsonl"
    target.write_text("previous\n")
    with pytest.raises(RuntimeError), cards_io.atomic_writer(target) as out:
        out.write("half of the new content")
        raise RuntimeError("disk on fire")
    assert target.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cards.jsonl"]


def test_a_write_killed_mid_way_never_replaces_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "cards.jsonl"
    target.write_text("previous\n")
    code = (
        "import os, signal, sys\n"
        "from factcards.cards import atomic_writer\n"
        "with atomic_writer(sys.argv[1]) as out:\n"
        "    out.write('half of the new content')\n"
        "    out.flush()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    assert target.read_text() == "previous\n"
    # a SIGKILL cannot clean up: what remains is a hidden temporary, never the output
    leftovers = [p.name for p in tmp_path.iterdir() if p != target]
    assert all(n.startswith(".cards.jsonl.") and n.endswith(".tmp") for n in leftovers), leftovers


def _snapshot(*folders: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(p.parents[1])): p.read_bytes()
        for folder in folders
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".tmp")
    }


@pytest.mark.parametrize("delay", [1.5, 4.0])
def test_a_build_killed_mid_way_leaves_the_previous_outputs(delay: float, tmp_path: Path) -> None:
    source = tmp_path / "lecture.md"
    source.write_text(PROSE, encoding="utf-8")
    cards, decks = tmp_path / "cards", tmp_path / "decks"
    args = [
        "build",
        str(source),
        "--cards-dir",
        str(cards),
        "--decks-dir",
        str(decks),
        "-j",
        "1",
        "--cache-dir",
        str(tmp_path / "cache"),
    ]
    assert main(args) == 0
    before = _snapshot(cards, decks)
    assert "cards/lecture.jsonl" in before and "decks/lecture.apkg" in before
    # a longer version of the document: the rebuild rewrites both outputs
    source.write_text((PROSE + "\n") * 300, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcards.cli", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(delay)
        finished = proc.poll() is not None
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    if finished:
        pytest.skip(f"the build finished within {delay} s: nothing was interrupted")
    assert _snapshot(cards, decks) == before
    for folder in (cards, decks):
        for leftover in folder.glob("*.tmp"):
            assert leftover.name.startswith("."), leftover


# --------------------------------------------------------------------------- safety

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{{Front}}",
    "{{c1::x}}",
    "[sound:x.mp3]",
    "{{#Source}}",
    "&lt;b&gt;",
]


def _assert_inert(rendered: list[tuple[str, str]]) -> str:
    """No element a document smuggled in; returns all the visible text."""
    visible = []
    for question, answer in rendered:
        for html in (question, answer):
            lowered = html.lower()
            assert "<script" not in lowered, html
            assert "<img" not in lowered, html
            assert "[sound:" not in html, html  # Anki would turn it into a play button
            visible.append(html_to_text(html))
    return "\n".join(visible)


def test_hostile_strings_in_every_field_stay_literal_text(tmp_path: Path) -> None:
    notes = []
    for number, hostile in enumerate(HOSTILE):
        sentence = f"The attack {hostile} was described in 1999."
        source = SourceRef(f"doc{hostile}.md", sentence, 0, len(sentence), section=hostile)
        notes += [
            Note(
                guid=f"q{number}",
                kind="date",
                front=f"When was the attack {hostile} described?",
                back=f"1999 {hostile}",
                source=source,
                tags=[hostile],
                date=hostile,
            ),
            Note(
                guid=f"c{number}",
                kind="claim",
                front=f"The attack {{{{c1::{hostile}}}}} was described in 1999.",
                back=hostile,
                source=source,
            ),
            Note(
                guid=f"d{number}",
                kind="definition",
                front=f"What is {hostile}?",
                back=f"an attack {hostile}",
                source=source,
                term=hostile,
            ),
            Note(
                guid=f"s{number}",
                kind="quote",
                front=f"Who wrote “{hostile}”?",
                back=f"Mallory {hostile}",
                source=source,
                speaker="Mallory",
                quote=hostile,
            ),
        ]
    rendered = assert_cards_render(notes, tmp_path)
    assert len(rendered) == col_cards(notes)  # no extra cloze card from {{c1::x}} in the text
    visible = _assert_inert(rendered)
    for hostile in HOSTILE:
        assert hostile in visible, hostile


def test_hostile_document_reaches_the_cards_as_literal_text(tmp_path: Path, capsys) -> None:
    lines = [
        f"The exploit `{hostile}` was published in {1990 + i}." for i, hostile in enumerate(HOSTILE)
    ]
    text = (
        "# Exploits\n\n"
        + "\n\n".join(lines)
        + "\n\nThe payload <script>alert(1)</script> is a script.\n"
    )
    source = tmp_path / "exploits.md"
    source.write_text(text, encoding="utf-8")
    cards, decks = tmp_path / "cards", tmp_path / "decks"
    code = run(
        ["build", str(source), "--cards-dir", str(cards), "--decks-dir", str(decks)], tmp_path
    )
    assert code == 0, capsys.readouterr().err
    notes = cards_io.read_cards(cards / "exploits.jsonl")
    assert notes
    with closing(import_apkg(decks / "exploits.apkg", tmp_path / "collection")) as col:
        assert col.note_count() == len({n.guid for n in notes})
        assert not col.get_empty_cards().notes
        rendered = [render_card(col, card_id) for card_id in card_ids(col)]
    assert len(rendered) == col_cards(notes)
    visible = _assert_inert(rendered)
    for hostile in HOSTILE:
        in_notes = any(hostile in n.source.sentence for n in notes)
        assert in_notes == (hostile in visible), hostile
    assert "<script>alert(1)</script>" in visible


def col_cards(notes: list[Note]) -> int:
    """Cards Anki should make: one per note, two for a definition (both directions), none for
    a note with nothing to ask; never an extra cloze from text that looks like one."""
    from factcards.anki.fields import anki_fields

    per_type = {"qa": 1, "cloze": 1, "definition": 2}
    guids: dict[str, int] = {}
    for note in notes:
        fields = anki_fields(note)
        if fields is not None:
            guids.setdefault(note.guid, per_type[fields.note_type])
    return sum(guids.values())


# --------------------------------------------------------------------------- property

WORDS = st.sampled_from(
    (
        *str.split("Trotsky Lenin wrote said founded the revolution is was in 1917 1938 party"),
        *str.split("a of International 𝔗 Лев 托洛茨基 \u200b \t", " "),
        *str.split("“ ” ‘ ’ \" ' « » ( ) — , . ; : ? ! * _ ** # > - | ` ``` [x](y) \\ & &amp;"),
        *str.split("<b> </b> <script> {{c1:: }} {{Front}} [sound:x]"),
    )
)
SOUP = st.lists(
    st.one_of(WORDS, st.sampled_from([" ", " ", " ", "\n", "\n\n", "\r\n"]), st.text(max_size=8)),
    max_size=80,
).map("".join)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.one_of(SOUP, st.text(max_size=300)), markdown=st.booleans())
def test_arbitrary_text_never_breaks_extraction_or_packaging(
    pipeline, tmp_path_factory: pytest.TempPathFactory, text: str, markdown: bool
) -> None:
    name = "soup.md" if markdown else "soup.txt"
    try:
        notes = notes_of(pipeline, text, name)
    except InputError as exc:  # an empty or binary-looking document: said in one line
        assert exc.message in ("not a text file", "empty document") or exc.message.startswith(
            "empty document"
        )
        return
    assert_well_formed(notes, text)
    if notes:
        root = tmp_path_factory.mktemp("soup")
        rendered = assert_cards_render(notes, root)
        assert len(rendered) == col_cards(notes)


def test_a_later_build_removes_what_a_killed_one_left(tmp_path: Path) -> None:
    source = tmp_path / "lecture.md"
    source.write_text(PROSE, encoding="utf-8")
    cards, decks = tmp_path / "cards", tmp_path / "decks"
    cards.mkdir()
    decks.mkdir()
    old = time.time() - 3600
    stale = [cards / ".lecture.jsonl.x1.tmp", decks / ".lecture.apkg.x2.tmp"]
    fresh = cards / ".lecture.jsonl.x3.tmp"  # maybe another build writing right now: kept
    for path in [*stale, fresh]:
        path.write_text("half written")
    for path in stale:
        os.utime(path, (old, old))
    args = ["build", str(source), "--cards-dir", str(cards), "--decks-dir", str(decks)]
    assert run(args, tmp_path) == 0
    assert not any(path.exists() for path in stale)
    assert fresh.exists()
