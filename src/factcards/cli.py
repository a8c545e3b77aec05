"""The command line: a thin Typer layer over factcards.build.

Errors become one line on stderr in one place (`main`): exit 1 for bad input or output,
2 for usage errors; a traceback only with --debug. spaCy is imported only by the commands
that parse text, so `factcards --help` and `--version` answer at once.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import __version__
from .cache import DEFAULT_CACHE_DIR
from .config import DEFAULT_CARDS_DIR, DEFAULT_DECKS_DIR, DEFAULT_MODEL
from .errors import FactcardsError
from .model import KINDS, Kind

if TYPE_CHECKING:
    from collections.abc import Callable

    from .build import DeckReport, DocumentReport, RunReport

ALL_KINDS = ",".join(KINDS)

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
        help="Source documents (.txt, .md); directories expand to the files in them.",
        show_default=False,
    ),
]
CardsDirOpt = Annotated[
    Path, typer.Option("--cards-dir", help="Where the editable notes (JSON Lines) go.")
]
DecksDirOpt = Annotated[Path, typer.Option("--decks-dir", help="Where the .apkg decks go.")]
ModelOpt = Annotated[
    str,
    typer.Option("--model", "-m", help="spaCy pipeline to use: an installed package or a path."),
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
    str,
    typer.Option(
        "--kinds",
        help=f"Comma-separated fact kinds to extract: {ALL_KINDS}.",
    ),
]


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
) -> None:
    """Offline Anki decks from prose."""


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


def _document_printer(progress: Progress) -> Callable[[DocumentReport], None]:
    def print_document(report: DocumentReport) -> None:
        progress.echo(
            f"{report.document}: {report.total} notes ({_format_counts(report.counts)})"
            f" -> {report.cards_path}"
        )

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
    for failure in report.failures:
        typer.echo(f"factcards: error: {failure}", err=True)
    if report.failures:
        raise typer.Exit(1)


@app.command()
def build(
    sources: SourcesArg,
    cards_dir: CardsDirOpt = DEFAULT_CARDS_DIR,
    decks_dir: DecksDirOpt = DEFAULT_DECKS_DIR,
    model: ModelOpt = DEFAULT_MODEL,
    kinds: KindsOpt = ALL_KINDS,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = DEFAULT_CACHE_DIR,
) -> None:
    """Extract notes from SOURCES into cards/ and package them as decks/*.apkg.

    Unchanged documents come from the cache and unchanged decks are not rewritten, so a
    second build with nothing changed takes a moment.
    """
    from . import build as library

    progress = Progress()
    report = library.build(
        sources,
        cards_dir,
        decks_dir,
        model=model,
        kinds=_parse_kinds(kinds),
        on_document=_document_printer(progress),
        on_deck=_print_deck,
        jobs=jobs,
        cache=not no_cache,
        cache_dir=cache_dir,
        on_progress=progress.update,
    )
    _finish(report)


@app.command()
def extract(
    sources: SourcesArg,
    cards_dir: CardsDirOpt = DEFAULT_CARDS_DIR,
    model: ModelOpt = DEFAULT_MODEL,
    kinds: KindsOpt = ALL_KINDS,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = DEFAULT_CACHE_DIR,
) -> None:
    """Extract notes from SOURCES into cards/*.jsonl (one file per document)."""
    from . import build as library

    progress = Progress()
    report = library.extract(
        sources,
        cards_dir,
        model=model,
        kinds=_parse_kinds(kinds),
        on_document=_document_printer(progress),
        jobs=jobs,
        cache=not no_cache,
        cache_dir=cache_dir,
        on_progress=progress.update,
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
    decks_dir: DecksDirOpt = DEFAULT_DECKS_DIR,
) -> None:
    """Package cards/*.jsonl into decks/*.apkg (one deck per cards file)."""
    from . import build as library

    report = library.package(cards, decks_dir, on_deck=_print_deck)
    _finish(report)


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
