"""The core's checks, run inside the real Pyodide that the page uses (Python 3.14 there)."""

from __future__ import annotations

import json

from language_checks import INTL_DATA
from playwright.sync_api import Page


def test_core_checks_pass_in_pyodide(page: Page, base_url: str) -> None:
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
    module = base_url + "static/calendar-links-dom.mjs"
    for tag, answer in recorded.items():
        live = page.evaluate(f"async (tag) => (await import('{module}')).dateLanguage(tag)", tag)
        assert live == answer, tag
