"""The preview page in a real browser: headless Chromium shows the notes, filters and searches.

Needs Debian's `chromium` (/usr/bin/chromium) and the `playwright` Python package (its own
browser downloads are never used); skipped with the reason when either is missing.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcards.preview import render_preview
from test_preview import CHANGES, sample_review

CHROMIUM = Path(os.environ.get("FACTCARDS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None, reason="playwright is not installed"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    path = tmp_path / "preview.html"
    path.write_text(render_preview(sample_review(), changes=CHANGES), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.set_default_timeout(10_000)
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda r: None if r.url.startswith("file:") else outside.append(r.url))
    page.goto(path.as_uri())
    yield page
    page.close()
    assert errors == [], "the page's script failed"
    assert outside == [], "the page loaded something from elsewhere"


def visible_kinds(page) -> list[str]:  # type: ignore[no-untyped-def]
    notes = page.locator("article.note")
    return [
        notes.nth(i).get_attribute("data-kind")
        for i in range(notes.count())
        if notes.nth(i).is_visible()
    ]


def test_notes_are_visible(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    screenshot = tmp_path / "preview.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
    assert visible_kinds(page) == ["date", "definition", "claim", "date", "quote"]
    # the cards themselves, rendered inside their shadow roots with the deck's CSS
    assert page.get_by_text("Define").first.is_visible()
    prompt = page.locator(".card-side .prompt").first
    assert prompt.is_visible()
    assert "serif" in prompt.evaluate("e => getComputedStyle(e).fontFamily").lower()
    assert page.locator(".card-side .cloze").first.inner_text() == "[...]"
    # hostile document text is shown as text
    hostile = page.locator(".card-side .prompt", has_text="say <script>alert('x')</script>?")
    assert hostile.first.is_visible()
    assert page.locator("#shown-count").inner_text() == "5 of 5 notes"


def test_kind_filter(page) -> None:  # type: ignore[no-untyped-def]
    page.click('.kind-filter[data-kind="quote"]')
    assert visible_kinds(page) == ["quote"]
    assert page.locator('.kind-filter[data-kind="quote"]').get_attribute("aria-pressed") == "true"
    assert not page.locator('.document[data-document="seeds/lecture.md"]').is_visible()
    assert page.locator("#shown-count").inner_text() == "1 of 5 notes"
    page.click('.kind-filter[data-kind="date"]')
    assert visible_kinds(page) == ["date", "date"]
    page.click('.kind-filter[data-kind="all"]')
    assert len(visible_kinds(page)) == 5


def test_search(page) -> None:  # type: ignore[no-untyped-def]
    page.fill("#search", "ICFI")
    assert visible_kinds(page) == ["definition"]
    page.fill("#search", "engels 1879")  # every word, in any order
    assert visible_kinds(page) == ["date", "claim"]
    page.fill("#search", "no such words")
    assert visible_kinds(page) == []
    assert page.locator("#shown-count").inner_text() == "0 of 5 notes"
    page.fill("#search", "")
    assert len(visible_kinds(page)) == 5


def test_change_filter(page) -> None:  # type: ignore[no-untyped-def]
    page.select_option("#change-filter", "updated")
    assert visible_kinds(page) == ["claim"]


def test_timeline(page) -> None:  # type: ignore[no-untyped-def]
    events = page.locator("#timeline-svg .event")
    assert events.count() == 2
    assert page.locator("#timeline-svg .tick-label").count() >= 2
    page.click('.kind-filter[data-kind="quote"]')
    assert page.locator("#timeline-svg .event.dim").count() == 2  # both dates hidden
    events.first.click()
    assert page.evaluate("location.hash") == "#note-1"
    assert page.locator("#note-1").is_visible()
