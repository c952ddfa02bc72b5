"""The core's checks, run inside the real Pyodide that the page uses (Python 3.14 there)."""

from __future__ import annotations

import json

from playwright.sync_api import Page


def test_core_checks_pass_in_pyodide(page: Page, base_url: str) -> None:
    page.goto(base_url + "tests/browser/core_smoke.html")
    page.wait_for_selector("html[data-checks-done]", state="attached")
    result = json.loads(page.text_content("#result") or "{}")
    # The smoke test is only worth having if it ran on the browser's Python, not CPython 3.11.
    assert result["python"].startswith("3.14"), result["python"]
    assert result["failures"] == []
