"""End-to-end: the app is the same whether its files go out precompressed (brotli siblings,
as the README asks of a production server) or as they are on disk (a plain static host)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import PageWatch, guard_route, open_ready, set_integrations
from playwright.sync_api import Browser, Page, Response

from serve import make_server

ROOT = Path(__file__).resolve().parents[2]
GROUPS_JS = """() => [...document.querySelectorAll('.calendar-links')].map((group) => ({
  for: group.dataset.calendarFor,
  buttons: [...group.querySelectorAll('button')].map((button) => [
    button.dataset.calendarProvider, button.getAttribute('aria-label'), button.disabled]),
  text: group.textContent,
}))"""
# The two lines of an .ics that come from the clock at the moment of the click.
CLOCK_LINES = ("DTSTAMP:", "SEQUENCE:")


@pytest.fixture(scope="module")
def server() -> Iterator[ThreadingHTTPServer]:
    """A server of its own, switched between the two ways of serving: one origin for both, so
    that record links and event UIDs (derived from the origin) can be compared as they are."""
    server = make_server(0, ROOT)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def app_as_served(browser: Browser, url: str) -> dict[str, Any]:
    """The demo's button groups, and the event every enabled button makes, and how the
    snapshot was encoded on the wire."""
    watch = PageWatch()
    context = browser.new_context(accept_downloads=True)
    context.route("**/*", lambda route: guard_route(watch, route))
    set_integrations(context, google=True, outlook=True)
    page: Page = context.new_page()
    encodings: dict[str, str | None] = {}

    def on_response(response: Response) -> None:
        encodings[urlsplit(response.url).path.rsplit("/", 1)[-1]] = response.headers.get("content-encoding")

    page.on("response", on_response)
    open_ready(page, url)
    groups = page.evaluate(GROUPS_JS)
    events = []
    for index, group in enumerate(groups):
        buttons = page.locator(".calendar-links").nth(index)
        if group["buttons"][0][2]:
            continue  # a field whose value is refused: nothing to click
        with context.expect_page() as new_tab:
            buttons.locator("[data-calendar-provider='google']").click()
        new_tab.value.close()
        with page.expect_download() as download:
            buttons.locator("[data-calendar-provider='outlook']").click()
        ics = Path(download.value.path()).read_text(encoding="utf-8")
        events.append(
            {
                "google": watch.provider_urls[-1],
                "ics": [line for line in ics.splitlines() if not line.startswith(CLOCK_LINES)],
                "file": download.value.suggested_filename,
            }
        )
    context.close()
    assert watch.blocked_requests == []
    return {"groups": groups, "events": events, "encodings": encodings}


def test_compressed_and_plain_serving_give_the_same_app(browser: Browser, server: ThreadingHTTPServer) -> None:
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    compressed = app_as_served(browser, url)
    server.precompressed = False  # type: ignore[attr-defined]
    plain = app_as_served(browser, url)
    # It really was served both ways.
    assert compressed["encodings"]["snapshot.bin"] == "br"
    assert compressed["encodings"]["calendar-links-lazy.zip"] == "br"
    assert plain["encodings"]["snapshot.bin"] is None
    assert len(compressed["events"]) >= 3
    assert compressed["groups"] == plain["groups"]
    assert compressed["events"] == plain["events"]
