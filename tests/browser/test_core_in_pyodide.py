"""The core's checks, run inside the real Pyodide that the page uses (Python 3.14 there)."""

from __future__ import annotations

import json
from pathlib import Path

from language_checks import INTL_DATA
from playwright.sync_api import Page

from hashed_names import manifest

ROOT = Path(__file__).resolve().parents[2]


def test_core_checks_pass_in_pyodide(page: Page, base_url: str) -> None:
    # The settings name the app archive by its source name; the build gave it its digest.
    settings = (ROOT / "tests" / "browser" / "core_smoke.toml").read_text(encoding="utf-8")
    archive = "static/" + manifest()["vendor/calendar-links.zip"]
    page.route(
        "**/core_smoke.toml",
        lambda route: route.fulfill(content_type="text/plain", body=settings.replace("static/vendor/calendar-links.zip", archive)),
    )
    page.goto(base_url + "tests/browser/core_smoke.html")
    page.wait_for_selector("html[data-checks-done]", state="attached")
    result = json.loads(page.text_content("#result") or "{}")
    # The smoke test is only worth having if it ran on the browser's Python, not CPython 3.11.
    assert result["python"].startswith("3.14"), result["python"]
    assert result["failures"] == []


def test_the_recorded_locale_data_is_what_the_browser_says(page: Page, base_url: str) -> None:
    # The core's language tests run on tests/data/intl_date_languages.json; it must stay
    # what this browser's Intl answers, or those tests would prove nothing about the page
    # (tools/record_date_languages.py records it again).
    recorded = json.loads(INTL_DATA.read_text(encoding="utf-8"))
    page.goto(base_url + "tests/browser/pages/host.html")
    module = base_url + "web/calendar-links-dom.mjs"
    for tag, answer in recorded.items():
        live = page.evaluate(f"async (tag) => (await import('{module}')).dateLanguage(tag)", tag)
        assert live == answer, tag
