"""The README's two tags over HTTP caching, counted at the server (whatever the browser): one
request per runtime file on a first visit, two small revalidations on a repeat visit, and an
offline visit that starts from the browser's cache or says it is offline.

No request route here: Playwright's routing turns the HTTP cache off. The harness's proxy
still refuses anything not addressed to 127.0.0.1.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import set_integrations
from playwright.sync_api import Browser, BrowserContext, expect

from hashed_names import DIGEST_LENGTH
from serve import Answer, StaticHandler, make_server

ROOT = Path(__file__).resolve().parents[2]
PAGE = "tests/browser/pages/two-tags.html"
# The files a page names, which keep their names (tools/hashed_names.py).
EMBED_FILES = {"/static/calendar-links.mjs", "/static/calendar-links.css"}
# What a start from the snapshot downloads besides modules, by source name.
RESTORE_DOWNLOADS = {
    "snapshot-1.bin", "snapshot-2.bin", "snapshot-3.bin", "pyodide.asm.wasm",
    "python_stdlib-lazy.zip", "calendar-links-lazy.zip",
}
DIGEST = re.compile(r"\.[0-9a-f]{%d}(?=\.)" % DIGEST_LENGTH)


def source_name(path: str) -> str:
    """A requested file's name without its digest: `snapshot-1.acb72c4335dd.bin` -> `snapshot-1.bin`."""
    return DIGEST.sub("", path.split("?", 1)[0].rsplit("/", 1)[-1])


class HostPageKept(StaticHandler):
    """The host page kept for a while, as a host's own caching (or service worker) would, so
    that an offline visit gets as far as our files."""

    def cache_control(self, path: str) -> str:
        return "max-age=600" if path == "/" + PAGE else super().cache_control(path)


@pytest.fixture
def answered() -> Iterator[tuple[str, list[Answer]]]:
    """A server of its own that keeps every answer, and its URL."""
    answers: list[Answer] = []
    server: ThreadingHTTPServer = make_server(0, ROOT, answered=answers)
    server.RequestHandlerClass = functools.partial(HostPageKept, directory=str(ROOT))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", answers
    server.shutdown()


@pytest.fixture
def cached_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    set_integrations(context, google=True, outlook=False)
    yield context
    context.close()


def visit(context: BrowserContext, url: str) -> None:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    expect(page.locator("html")).to_have_attribute("data-calendar-links-state", "ready", timeout=60_000)
    expect(page.get_by_role("button", name="Add Birthday to Google Calendar")).to_be_visible()
    # The background revalidations of the embed's two files are answered by then.
    page.wait_for_load_state("networkidle")
    page.close()
    assert errors == []


def test_a_first_visit_fetches_each_runtime_file_once(cached_context: BrowserContext, answered: tuple[str, list[Answer]]) -> None:
    url, answers = answered
    visit(cached_context, url + PAGE)
    runtime = [answer for answer in answers if answer.path.startswith("/static/")]
    counts: dict[str, int] = {}
    for answer in runtime:
        counts[answer.path] = counts.get(answer.path, 0) + 1
    # The runtime's files, each downloaded once (the two embed files are the page's own tags).
    assert {path: count for path, count in counts.items() if count > 1 and path not in EMBED_FILES} == {}
    assert RESTORE_DOWNLOADS <= {source_name(answer.path) for answer in runtime}
    # Every file but the two a page names carries its digest.
    assert {answer.path for answer in runtime if not DIGEST.search(answer.path)} - EMBED_FILES <= {
        path for path in counts if "/interpreter." in path
    }


def test_a_repeat_visit_revalidates_only_the_two_embed_files(cached_context: BrowserContext, answered: tuple[str, list[Answer]]) -> None:
    url, answers = answered
    visit(cached_context, url + PAGE)
    answers.clear()
    visit(cached_context, url + PAGE)
    ours = [answer for answer in answers if answer.path != "/" + PAGE]
    assert sorted((answer.path, answer.status) for answer in ours) == sorted((path, 304) for path in EMBED_FILES)
    assert sum(answer.bytes_sent for answer in ours) <= 10_000


def test_an_offline_visit_starts_from_the_cache(cached_context: BrowserContext, answered: tuple[str, list[Answer]]) -> None:
    url, answers = answered
    visit(cached_context, url + PAGE)
    cached_context.set_offline(True)
    answers.clear()
    visit(cached_context, url + PAGE)
    assert answers == []


def test_an_offline_visit_before_the_files_were_kept_says_so(browser: Browser, answered: tuple[str, list[Answer]]) -> None:
    url, _ = answered
    context = browser.new_context()
    try:
        # A first visit with every calendar off: the page stands by, and only the embed's small
        # files are kept.
        page = context.new_page()
        page.goto(url + PAGE)
        expect(page.locator("html")).to_have_attribute("data-calendar-links-state", "standby")
        context.set_offline(True)
        page.evaluate("""() => {
          localStorage.setItem('calendar-links:integrations', '{"google": true}');
          dispatchEvent(new Event('calendar-links:settings-changed'));
        }""")
        expect(page.locator("html")).to_have_attribute("data-calendar-links-state", "failed")
        expect(page.locator(".calendar-links-failure")).to_contain_text("offline")
        expect(page.locator(".calendar-links-failure")).not_to_contain_text("setup")
    finally:
        context.close()
