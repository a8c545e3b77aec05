"""English word tables that several stages read (ingest, nlp, questions); no spaCy here."""

from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Abbreviations as English prose writes them ("Sept. 5"); "may" has none.
MONTH_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "september": ("sep", "sept"),
    "may": (),
}

# lower-case name or abbreviation -> month number
MONTH_NUMBERS: dict[str, int] = {
    spelling: number
    for number, name in enumerate(MONTH_NAMES, start=1)
    for spelling in (
        name.lower(),
        *MONTH_ABBREVIATIONS.get(name.lower(), (name.lower()[:3],)),
    )
}
