"""The command line: a thin Typer layer over factcards.build.

Errors become one line on stderr in one place (`main`): exit 1 for bad input or output,
2 for usage errors; a traceback only with --debug. spaCy is imported only by the commands
that parse text, so `factcards --help` and `--version` answer at once.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from . import __version__
from .cache import DEFAULT_CACHE_DIR
from .config import (
    DEFAULT_CARDS_DIR,
    DEFAULT_DECKS_DIR,
    DEFAULT_MODEL,
    MAX_QUESTIONS_PER_CLAIM,
    DeckOptions,
    PipelineSpec,
    load_settings,
)
from .errors import FactcardsError
from .model import KINDS, Kind

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .build import DeckReport, DocumentReport, RunReport

ALL_KINDS = ",".join(KINDS)
T = TypeVar("T")

app = typer.Typer(
    name="factcards",
    help=(
        "Offline Anki decks from prose: dates, quotations, definitions and key claims, "
        "every answer a span of the source.\n\n"
        "Typical use: factcards build seeds/ (writes cards/*.jsonl and decks/*.apkg)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

SourcesArg = Annotated[
    list[Path],
    typer.Argument(
        help=(
            "Source documents (.txt, .md, .pdf, .html, .epub); directories expand to the "
            "files in them; - reads standard input."
        ),
        show_default=False,
    ),
]
CardsDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--cards-dir",
        help=f"Where the editable notes (JSON Lines) go. [default: {DEFAULT_CARDS_DIR}]",
        show_default=False,
    ),
]
DecksDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--decks-dir",
        help=f"Where the .apkg decks go. [default: {DEFAULT_DECKS_DIR}]",
        show_default=False,
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help=(f"spaCy pipeline to use: an installed package or a path. [default: {DEFAULT_MODEL}]"),
        show_default=False,
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes for parsing (default: all cores; 1 = in this process).",
        show_default=False,
    ),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Parse every document again instead of reusing cached extractions.",
    ),
]
CacheDirOpt = Annotated[
    Path,
    typer.Option(
        "--cache-dir",
        envvar="FACTCARDS_CACHE_DIR",
        help="Where extractions are cached (by document content, tool and model version).",
    ),
]
KindsOpt = Annotated[
    str | None,
    typer.Option(
        "--kinds",
        help=f"Comma-separated fact kinds to extract. [default: {ALL_KINDS}]",
        show_default=False,
    ),
]
ClaimDensityOpt = Annotated[
    float | None,
    typer.Option(
        "--claim-density",
        min=0.01,
        help="Key-claim notes per 100 words of text. [default: 1]",
        show_default=False,
    ),
]
QuestionsPerClaimOpt = Annotated[
    int | None,
    typer.Option(
        "--questions-per-claim",
        min=1,
        max=MAX_QUESTIONS_PER_CLAIM,
        help=(
            "Up to this many questions on one key-claim sentence, each on a different answer "
            "(a denser drill deck). [default: 1]"
        ),
        show_default=False,
    ),
]
TemplatesOpt = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help=(
            "A folder of card templates (qa-front.html, style.css, ...) replacing the "
            "defaults; see 'factcards templates export'."
        ),
        show_default=False,
    ),
]

# set by the --config option of the root command; None: look for one in the current folder
_config_path: Path | None = None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcards {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help=(
                "Settings file (TOML). Default: ./factcards.toml, else [tool.factcards] in "
                "./pyproject.toml. Command-line options override it."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Offline Anki decks from prose."""
    global _config_path
    _config_path = config


@dataclass(frozen=True, slots=True)
class Options:
    """Every setting a command needs: its options, else the config file's, else the default."""

    cards_dir: Path
    decks_dir: Path
    spec: PipelineSpec
    deck: DeckOptions
    jobs: int | None

    def extraction(self, no_cache: bool, cache_dir: Path) -> dict[str, Any]:
        """The keyword arguments of the library's extract (and of what wraps it)."""
        return {
            "model": self.spec.model,
            "kinds": self.spec.kinds,
            "claim_density": self.spec.claim_density,
            "questions_per_claim": self.spec.questions_per_claim,
            "jobs": self.jobs,
            "cache": not no_cache,
            "cache_dir": cache_dir,
        }


def _options(
    *,
    cards_dir: Path | None = None,
    decks_dir: Path | None = None,
    model: str | None = None,
    kinds: str | None = None,
    claim_density: float | None = None,
    questions_per_claim: int | None = None,
    templates: Path | None = None,
    jobs: int | None = None,
) -> Options:
    settings = load_settings(_config_path)
    deck_defaults = DeckOptions()

    def pick(value: T | None, setting: T | None, default: T) -> T:
        if value is not None:
            return value
        return setting if setting is not None else default

    return Options(
        cards_dir=pick(cards_dir, settings.cards_dir, DEFAULT_CARDS_DIR),
        decks_dir=pick(decks_dir, settings.decks_dir, DEFAULT_DECKS_DIR),
        spec=PipelineSpec(
            model=pick(model, settings.model, DEFAULT_MODEL),
            kinds=_parse_kinds(kinds) if kinds is not None else settings.kinds or KINDS,
            claim_density=pick(claim_density, settings.claim_density, None),
            questions_per_claim=pick(questions_per_claim, settings.questions_per_claim, None),
        ),
        deck=DeckOptions(
            templates=pick(templates, settings.templates, None),
            deck_prefix=pick(None, settings.deck_prefix, deck_defaults.deck_prefix),
            deck_name=pick(None, settings.deck_name, deck_defaults.deck_name),
            tags=pick(None, settings.tags, deck_defaults.tags),
        ),
        jobs=pick(jobs, settings.jobs, None),
    )


def _parse_kinds(value: str) -> tuple[Kind, ...]:
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise typer.BadParameter(
            f"unknown kind {', '.join(unknown) or '(none)'}; choose from {', '.join(KINDS)}",
            param_hint="--kinds",
        )
    return kinds  # type: ignore[return-value]


def _format_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {counts.get(kind, 0)}" for kind in KINDS)


class Progress:
    """One self-erasing line on stderr, only when stderr is a terminal (quiet otherwise)."""

    def __init__(self) -> None:
        self.active = sys.stderr.isatty()
        self.shown = False

    def update(self, done: int, total: int) -> None:
        if not self.active or total < 2:
            return
        width = 30
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r[{bar}] {done}/{total} documents")
        sys.stderr.flush()
        self.shown = done < total
        if not self.shown:
            self.clear()

    def clear(self) -> None:
        if self.active:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()

    def echo(self, line: str) -> None:
        """Print a line on stdout without mixing it into the progress line."""
        if self.shown:
            self.clear()
        typer.echo(line)


MAX_LISTED = 10  # orphaned notes and conflicts listed by name per document; the rest counted


def _brief(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _change_lines(report: DocumentReport) -> list[str]:
    """What regeneration did to the document's cards file, for the build's output."""
    merge = report.changes
    if merge is None:
        return []
    parts = [
        f"{len(merge.new)} new",
        f"{len(merge.updated)} updated",
        f"{len(merge.unchanged)} unchanged",
        f"{len(merge.orphaned)} orphaned",
    ]
    kept = [
        (len(merge.edited), "edited by you"),
        (len(merge.by_hand), "added by you"),
        (merge.suppressed, "suppressed"),
        (merge.deleted, "deleted by you"),
    ]
    parts += [f"{count} {what}" for count, what in kept if count]
    lines = ["  changes: " + ", ".join(parts)]
    for note in merge.orphaned[:MAX_LISTED]:
        lines.append(f"  orphaned: {_brief(note.front)} [{note.guid}]")
    if len(merge.orphaned) > MAX_LISTED:
        lines.append(f"  ... and {len(merge.orphaned) - MAX_LISTED} more orphaned")
    if merge.orphaned:
        lines.append(
            "  (orphaned: the fact left the source; tagged factcards::orphaned in the deck, "
            "so you can find and delete them in Anki)"
        )
    for note in merge.conflicts[:MAX_LISTED]:
        lines.append(
            f"  conflict: {_brief(note.front)} [{note.guid}]: the source changed under your "
            f'edit; the new version is under "conflict" in {report.cards_path} '
            "(delete that entry to resolve)"
        )
    if len(merge.conflicts) > MAX_LISTED:
        lines.append(f"  ... and {len(merge.conflicts) - MAX_LISTED} more conflicts")
    return lines


def _document_printer(progress: Progress) -> Callable[[DocumentReport], None]:
    def print_document(report: DocumentReport) -> None:
        progress.echo(
            f"{report.document}: {report.total} notes ({_format_counts(report.counts)})"
            f" -> {report.cards_path}"
        )
        for line in _change_lines(report):
            progress.echo(line)

    return print_document


def _print_deck(deck: DeckReport) -> None:
    suffix = " (unchanged)" if deck.unchanged else ""
    typer.echo(f"{deck.deck_path}: {deck.notes} notes in deck {deck.deck_name!r}{suffix}")


def _finish(report: RunReport) -> None:
    if report.documents:
        totals = report.totals()
        speed = []
        if report.parsed_words and report.seconds > 0:
            speed.append(f"{report.parsed_words / report.seconds:,.0f} words/s")
        if report.cached:
            speed.append(f"{report.cached} cached")
        typer.echo(
            f"total: {sum(totals.values())} notes from {len(report.documents)} "
            f"document(s) ({_format_counts(totals)}); {report.words:,} words in "
            f"{report.seconds:.1f} s" + "".join(", " + part for part in speed)
        )
    _report_failures(report.failures)


def _report_failures(failures: Sequence[FactcardsError]) -> None:
    """One line on stderr per failure; any failure makes the exit code 1."""
    for failure in failures:
        typer.echo(f"factcards: error: {failure}", err=True)
    if failures:
        raise typer.Exit(1)


@app.command()
def build(
    sources: SourcesArg,
    cards_dir: CardsDirOpt = None,
    decks_dir: DecksDirOpt = None,
    model: ModelOpt = None,
    kinds: KindsOpt = None,
    claim_density: ClaimDensityOpt = None,
    questions_per_claim: QuestionsPerClaimOpt = None,
    templates: TemplatesOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = DEFAULT_CACHE_DIR,
) -> None:
    """Extract notes from SOURCES into cards/ and package them as decks/*.apkg.

    Your edits in cards/ are kept: hand-edited notes keep your text, "suppressed": true
    leaves a note out of the deck, notes you add stay. Each document's line says what
    changed since the last build; notes whose fact left the source are tagged
    factcards::orphaned in the deck. Unchanged documents come from the cache and unchanged
    decks are not rewritten, so a second build with nothing changed takes a moment.
    """
    from . import build as library

    options = _options(
        cards_dir=cards_dir,
        decks_dir=decks_dir,
        model=model,
        kinds=kinds,
        claim_density=claim_density,
        questions_per_claim=questions_per_claim,
        templates=templates,
        jobs=jobs,
    )
    progress = Progress()
    report = library.build(
        sources,
        options.cards_dir,
        options.decks_dir,
        on_document=_document_printer(progress),
        on_deck=_print_deck,
        on_progress=progress.update,
        options=options.deck,
        **options.extraction(no_cache, cache_dir),
    )
    _finish(report)


@app.command()
def extract(
    sources: SourcesArg,
    cards_dir: CardsDirOpt = None,
    model: ModelOpt = None,
    kinds: KindsOpt = None,
    claim_density: ClaimDensityOpt = None,
    questions_per_claim: QuestionsPerClaimOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = DEFAULT_CACHE_DIR,
) -> None:
    """Extract notes from SOURCES into cards/*.jsonl (one file per document), keeping your
    edits there (see 'build')."""
    from . import build as library

    options = _options(
        cards_dir=cards_dir,
        model=model,
        kinds=kinds,
        claim_density=claim_density,
        questions_per_claim=questions_per_claim,
        jobs=jobs,
    )
    progress = Progress()
    report = library.extract(
        sources,
        options.cards_dir,
        on_document=_document_printer(progress),
        on_progress=progress.update,
        **options.extraction(no_cache, cache_dir),
    )
    _finish(report)


@app.command()
def package(
    cards: Annotated[
        list[Path],
        typer.Argument(
            help="Cards files (.jsonl); directories expand to the files in them.",
            show_default=False,
        ),
    ],
    decks_dir: DecksDirOpt = None,
    templates: TemplatesOpt = None,
) -> None:
    """Package cards/*.jsonl into decks/*.apkg (one deck per cards file)."""
    from . import build as library

    options = _options(decks_dir=decks_dir, templates=templates)
    report = library.package(cards, options.decks_dir, on_deck=_print_deck, options=options.deck)
    _finish(report)


templates_app = typer.Typer(
    help="The card templates: export the defaults to edit, then build with --templates DIR.",
    no_args_is_help=True,
)
app.add_typer(templates_app, name="templates")


@templates_app.command("export")
def templates_export(
    directory: Annotated[
        Path, typer.Argument(help="Folder to write the templates into.", show_default=False)
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace template files already in the folder.")
    ] = False,
) -> None:
    """Write the default note types' HTML and CSS into DIRECTORY as files to edit.

    Fields each template may use: qa-* Question, Answer, Extra, Source, Document, Section;
    definition-* Term, Definition, Source, Document, Section; cloze-* Text, Back Extra, Source,
    Document, Section. Build with --templates DIRECTORY (or templates = "..." in the config);
    a template naming an unknown field, or a front showing no field, is refused before any
    deck is written.
    """
    from .anki.templates import export_templates

    for path in export_templates(directory, overwrite=force):
        typer.echo(str(path))


# --------------------------------------------------------------------------- preview and stats

OutputOpt = Annotated[Path, typer.Option("--output", "-o", help="Where to write the page.")]


@app.command()
def preview(
    sources: SourcesArg,
    output: OutputOpt = Path("preview.html"),
    cards_dir: CardsDirOpt = None,
    templates: TemplatesOpt = None,
    model: ModelOpt = None,
    kinds: KindsOpt = None,
    claim_density: ClaimDensityOpt = None,
    questions_per_claim: QuestionsPerClaimOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = DEFAULT_CACHE_DIR,
) -> None:
    """Write one HTML page showing every note as Anki will render it, to review before import.

    Notes are grouped by document and kind, each with its source sentence in context; the page
    also shows what the last build in --cards-dir changed and a timeline of the dates. Nothing
    is written into --cards-dir.
    """
    from .build import load_deck_templates
    from .cards import atomic_writer
    from .preview import render_preview
    from .review import gather, read_changes

    options = _options(
        cards_dir=cards_dir,
        model=model,
        kinds=kinds,
        claim_density=claim_density,
        questions_per_claim=questions_per_claim,
        templates=templates,
        jobs=jobs,
    )
    card_templates = load_deck_templates(options.deck)  # a bad template fails before parsing
    review = gather(
        sources,
        options.cards_dir,
        deck_options=options.deck,
        **options.extraction(no_cache, cache_dir),
    )
    page = render_preview(
        review.documents,
        templates=card_templates,
        changes=read_changes(options.cards_dir),
        extra_tags=options.deck.tags,
    )
    with atomic_writer(output) as out:
        out.write(page)
    notes = sum(
        1 for document in review.documents for note in document.notes if not note.suppressed
    )
    typer.echo(f"{output}: {notes} notes from {len(review.documents)} document(s)")
    _report_failures(review.failures)


@app.command()
def stats(
    sources: SourcesArg,
    cards_dir: CardsDirOpt = None,
    model: ModelOpt = None,
    kinds: KindsOpt = None,
    claim_density: ClaimDensityOpt = None,
    questions_per_claim: QuestionsPerClaimOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = DEFAULT_CACHE_DIR,
) -> None:
    """Notes per kind and document, words, coverage (paragraphs that yielded a note) and the
    paragraphs that yielded none; with what the last build in --cards-dir changed."""
    from .review import gather, read_changes
    from .stats import compute_stats, format_stats

    options = _options(
        cards_dir=cards_dir,
        model=model,
        kinds=kinds,
        claim_density=claim_density,
        questions_per_claim=questions_per_claim,
        jobs=jobs,
    )
    review = gather(sources, options.cards_dir, **options.extraction(no_cache, cache_dir))
    typer.echo(format_stats(compute_stats(review.documents), read_changes(options.cards_dir)))
    _report_failures(review.failures)


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point: every error becomes one line and an exit code."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        result = app(args=args, prog_name="factcards", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.TyperException as exc:  # usage errors (typer's vendored click exceptions)
        show = getattr(exc, "show", None)
        if show:
            show()
        else:
            typer.echo(f"factcards: error: {exc}", err=True)
        return getattr(exc, "exit_code", 2)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("factcards: interrupted", err=True)
        return 130
    except FactcardsError as exc:
        if debug:
            raise
        typer.echo(f"factcards: error: {exc}", err=True)
        return exc.exit_code
    except Exception as exc:  # a bug: say so in one line unless debugging
        if debug:
            raise
        typer.echo(
            f"factcards: internal error: {type(exc).__name__}: {exc} "
            "(run with --debug for details)",
            err=True,
        )
        return 3
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
