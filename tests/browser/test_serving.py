"""End-to-end: the app is the same whether its files go out precompressed (zstd siblings to
Chromium, as docs/serving.md asks of a production server) or as they are on disk (a plain
static host)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import PageWatch, guard_route, open_ready, set_integrations
from test_caching import RESTORE_DOWNLOADS, source_name
from playwright.sync_api import Browser, Page, Request, Response, expect

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
        encodings[source_name(urlsplit(response.url).path)] = response.headers.get("content-encoding")

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
    assert compressed["encodings"]["snapshot-1.bin"] == "zstd"
    assert compressed["encodings"]["calendar-links-lazy.zip"] == "zstd"
    assert plain["encodings"]["snapshot-1.bin"] is None
    assert len(compressed["events"]) >= 3
    assert compressed["groups"] == plain["groups"]
    assert compressed["events"] == plain["events"]


def files_fetched(page: Page) -> dict[str, int]:
    """How often each file was fetched with GET, by source name, as the page goes on."""
    counts: dict[str, int] = {}

    def count(request: Request) -> None:
        if request.method == "GET":
            name = source_name(urlsplit(request.url).path)
            counts[name] = counts.get(name, 0) + 1

    page.on("request", count)
    return counts


def test_the_embed_module_fetches_each_runtime_file_once(page: Page, base_url: str) -> None:
    """The two tags of the README start the big downloads at once; the runtime and Pyodide
    take those answers, never fetch a file a second time (test_caching.py counts at the server)."""
    page.context.add_init_script("localStorage.setItem('calendar-links:integrations', '{\"google\": true}')")
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    fetched = files_fetched(page)
    page.route(base_url + "two-tags.html", lambda route: route.fulfill(content_type="text/html", body=TWO_TAG_PAGE))
    open_ready(page, base_url + "two-tags.html")
    expect(page.get_by_role("button", name="Add Birthday to Google Calendar")).to_be_visible()
    assert {name: count for name, count in fetched.items() if count > 1} == {}
    assert set(RESTORE_DOWNLOADS) <= set(fetched)
    page.wait_for_timeout(PRELOAD_WARNING_MS)
    assert warnings == []


TWO_TAG_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Two tags</title>
<link rel="stylesheet" href="/static/calendar-links.css">
<script type="module" src="/static/calendar-links.mjs"></script>
</head><body>
<article data-calendar-record data-record-id="R-7" data-record-name="Ada Lovelace">
<span data-calendar-field="birthday" data-field-type="date" data-field-label="Birthday" data-value="2026-12-10">10 December</span>
</article></body></html>"""
# Chromium warns of a preload left unused a few seconds after the page's load event.
PRELOAD_WARNING_MS = 3_500

NONCE = "c2VydmVkLWVsc2V3aGVyZQ"
# A host's strict policy: scripts only by nonce ('strict-dynamic' lets what a trusted script
# imports load), WebAssembly allowed, nothing inline.
NONCE_POLICY = (
    f"script-src 'nonce-{NONCE}' 'strict-dynamic' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'"
)


def test_static_files_on_another_origin_under_a_nonce_policy(browser: Browser, tmp_path: Path) -> None:
    # The host page on one origin, under a strict nonce policy; our files on a second origin
    # (another port) that allows the page's origin by CORS, as a company's static host would.
    page_host = make_server(0, tmp_path, content_security_policy=NONCE_POLICY)
    page_origin = f"http://127.0.0.1:{page_host.server_address[1]}"
    static_host = make_server(0, ROOT, cors_origin=page_origin)
    for server in (page_host, static_host):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    static = f"http://127.0.0.1:{static_host.server_address[1]}/static"
    (tmp_path / "record.html").write_text(
        f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Static files elsewhere</title>
<link rel="stylesheet" href="{static}/calendar-links.css">
<script type="module" nonce="{NONCE}" src="{static}/calendar-links.mjs"></script>
</head><body>
<article data-calendar-record data-record-id="R-7" data-record-name="Ada Lovelace">
<span data-calendar-field="birthday" data-field-type="date" data-field-label="Birthday" data-value="2026-12-10">10 December</span>
</article></body></html>""",
        encoding="utf-8",
    )
    watch = PageWatch()
    context = browser.new_context()
    context.route("**/*", lambda route: guard_route(watch, route))
    set_integrations(context, google=True, outlook=False)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type in ("error", "warning") else None)
    fetched = files_fetched(page)
    try:
        open_ready(page, page_origin + "/record.html")
        # The embed module's early downloads were taken up, under the policy too. The
        # stylesheet is the host's own tag, fetched by the browser's parser, not by our code.
        ours = {name: count for name, count in fetched.items() if name not in {"record.html", "calendar-links.css"}}
        assert {name: count for name, count in ours.items() if count > 1} == {}
        assert "calendar-links.css" in fetched
        assert set(RESTORE_DOWNLOADS) <= set(fetched)
        with context.expect_page() as new_tab:
            page.get_by_role("button", name="Add Birthday to Google Calendar").click()
        new_tab.value.close()
        query = parse_qs(urlsplit(watch.provider_urls[-1]).query)
        assert query["dates"] == ["20261210/20261211"]
        assert errors == [] and watch.blocked_requests == []
    finally:
        context.close()
        for server in (page_host, static_host):
            server.shutdown()
