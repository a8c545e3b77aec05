"""The command line: a thin Typer layer over factcards.build.

Errors become one line on stderr in one place (`main`): exit 1 for bad input or output,
2 for usage errors; a traceback only with --debug. spaCy is imported only by the commands
that parse text, so `factcards --help` and `--version` answer at once.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .config import DEFAULT_CARDS_DIR, DEFAULT_DECKS_DIR, DEFAULT_MODEL
from .errors import FactcardsError
from .model import KINDS, Kind

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


def _print_document(report) -> None:
    typer.echo(
        f"{report.document}: {report.total} notes ({_format_counts(report.counts)})"
        f" -> {report.cards_path}"
    )


def _print_deck(deck) -> None:
    typer.echo(f"{deck.deck_path}: {deck.notes} notes in deck {deck.deck_name!r}")


def _finish(report) -> None:
    if report.documents:
        totals = report.totals()
        typer.echo(
            f"total: {sum(totals.values())} notes from {len(report.documents)} "
            f"document(s) ({_format_counts(totals)})"
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
) -> None:
    """Extract notes from SOURCES into cards/ and package them as decks/*.apkg."""
    from . import build as library

    report = library.build(
        sources,
        cards_dir,
        decks_dir,
        model=model,
        kinds=_parse_kinds(kinds),
        on_document=_print_document,
        on_deck=_print_deck,
    )
    _finish(report)


@app.command()
def extract(
    sources: SourcesArg,
    cards_dir: CardsDirOpt = DEFAULT_CARDS_DIR,
    model: ModelOpt = DEFAULT_MODEL,
    kinds: KindsOpt = ALL_KINDS,
) -> None:
    """Extract notes from SOURCES into cards/*.jsonl (one file per document)."""
    from . import build as library

    report = library.extract(
        sources, cards_dir, model=model, kinds=_parse_kinds(kinds), on_document=_print_document
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
