"""Import .apkg files into a throwaway Anki collection with the official backend, and look.

Used by test_anki.py and the end-to-end test. The caller closes the collection
(`with closing(import_apkg(...)) as col:`); an open collection holds a lock on its file.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from anki.collection import Collection
from anki.import_export_pb2 import (
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportAnkiPackageUpdateCondition,
)

IF_NEWER = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER
ALWAYS = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS
NEVER = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_NEVER

COLLECTION_FILE = "collection.anki2"


def open_collection(collection_dir: Path) -> Collection:
    """The collection in `collection_dir` (created empty the first time)."""
    collection_dir.mkdir(parents=True, exist_ok=True)
    return Collection(str(collection_dir / COLLECTION_FILE))


def import_into(
    col: Collection,
    path: Path,
    update_notes: int = IF_NEWER,
    update_notetypes: int = IF_NEWER,
) -> None:
    """Import as Anki's import dialog does by default: notes updated when the file's are newer."""
    options = ImportAnkiPackageOptions(
        merge_notetypes=False,
        update_notes=update_notes,
        update_notetypes=update_notetypes,
        with_scheduling=True,
        with_deck_configs=False,
    )
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options))


def import_apkg(path: Path, collection_dir: Path, **options: int) -> Collection:
    """A collection in `collection_dir` with the package imported; the caller closes it."""
    col = open_collection(collection_dir)
    try:
        import_into(col, path, **options)
    except BaseException:
        col.close()
        raise
    return col


class _TextExtractor(HTMLParser):
    """Visible text: tags dropped, entities decoded, <style>/<script> contents skipped."""

    SKIPPED = frozenset({"style", "script"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self._skipping += 1
        elif tag in {"br", "div", "hr", "footer", "p"}:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self._skipping = max(0, self._skipping - 1)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """What a reader sees of `html`, with runs of whitespace collapsed."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def card_ids(col: Collection) -> list[int]:
    return sorted(col.find_cards(""))


def render_card(col: Collection, card_id: int) -> tuple[str, str]:
    """(question HTML, answer HTML) of one card as Anki renders it, without the CSS."""
    output = col.get_card(card_id).render_output(reload=True)
    return output.question_text, output.answer_text


def render_all(col: Collection) -> list[tuple[str, str]]:
    """(question text, answer text) of every card, HTML stripped."""
    rendered = (render_card(col, cid) for cid in card_ids(col))
    return [(html_to_text(question), html_to_text(answer)) for question, answer in rendered]


def empty_card_ids(col: Collection) -> list[int]:
    """Cards Anki's Tools > Empty Cards would offer to delete."""
    report = col.get_empty_cards()
    return sorted(cid for note in report.notes for cid in note.card_ids)


def note_count(col: Collection) -> int:
    return col.note_count()
