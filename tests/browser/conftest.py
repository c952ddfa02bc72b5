"""Harness for the end-to-end tests: the project served on 127.0.0.1, Debian's Chromium.

Every test runs in a fresh browser context (an empty profile) behind a guard that aborts any
request not addressed to our server. The calendar providers' pages are the one exception:
they are answered locally with a stub, so a test can read the URL a button opened without
a byte leaving the machine. A test fails if anything tried to leave, if the page logged a
console error or threw, or if PyScript put an error element on the page.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Route, sync_playwright

from chromium import CHROMIUM_ARGS, CHROMIUM_PATH
from embed import with_older_snippet
from serve import make_server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
# Chromium still makes a few connections of its own (autofill, update checks) that no page
# route sees; a proxy on a closed local port refuses them on this machine. Requests to
# 127.0.0.1 bypass proxies, so the page's own traffic is unaffected.
TEST_CHROMIUM_ARGS = [*CHROMIUM_ARGS, "--proxy-server=http://127.0.0.1:9"]
PROVIDER_HOSTS = {"calendar.google.com", "outlook.live.com", "outlook.cloud.microsoft"}
READY = "html[data-calendar-links-state='ready']"
STANDBY = "html[data-calendar-links-state='standby']"
# The bare host page, and how tests build records in it with DOM calls (so every attribute
# holds exactly the text the test chose) and wait until every field has its group.
HOST = "tests/browser/pages/host.html"
BUILD_RECORDS = """(records) => {
  const build = (node) => {
    const element = document.createElement(node.tag || 'div');
    for (const [name, value] of Object.entries(node.attrs || {})) element.setAttribute(name, value);
    if (node.text !== undefined) element.textContent = node.text;
    for (const child of node.children || []) element.append(build(child));
    return element;
  };
  document.getElementById('host').replaceChildren(...records.map(build));
}"""
SETTLED = """() => [...document.querySelectorAll('[data-calendar-field]')].every(
  (field) => field.nextElementSibling && field.nextElementSibling.matches('.calendar-links'))"""
# Pyodide's first start in a fresh profile takes a few seconds on a small machine.
START_TIMEOUT_MS = 60_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/browser carries the `browser` marker: `-m "not browser"` (make
    check) runs the CPython tests alone."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in item.path.resolve().parents:
            item.add_marker(pytest.mark.browser)


@dataclass
class PageWatch:
    """What a page did that a test may assert on, or that fails it."""

    blocked_requests: list[str] = field(default_factory=list)
    provider_urls: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    server = make_server(0, ROOT)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM_PATH, args=TEST_CHROMIUM_ARGS
    )
    yield browser
    browser.close()


def guard_route(watch: PageWatch, route: Route) -> None:
    """Let loopback through, stub the calendar providers, abort everything else."""
    url = route.request.url
    parts = urlsplit(url)
    if parts.hostname == "127.0.0.1" or parts.scheme in {"data", "blob"}:
        route.continue_()
    elif parts.hostname in PROVIDER_HOSTS:
        watch.provider_urls.append(url)
        route.fulfill(status=200, content_type="text/html", body="<title>provider stub</title>")
    else:
        watch.blocked_requests.append(url)
        route.abort()


@pytest.fixture
def watch() -> PageWatch:
    return PageWatch()


@pytest.fixture
def context(browser: Browser, watch: PageWatch) -> Iterator[BrowserContext]:
    context = browser.new_context(accept_downloads=True)
    context.route("**/*", lambda route: guard_route(watch, route))
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext, watch: PageWatch) -> Iterator[Page]:
    page = context.new_page()
    page.set_default_timeout(START_TIMEOUT_MS)
    page.on(
        "console",
        lambda message: watch.console_errors.append(message.text)
        if message.type == "error"
        else None,
    )
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    yield page
    assert watch.blocked_requests == [], "requests tried to leave 127.0.0.1"
    assert watch.page_errors == []
    assert watch.console_errors == []
    if not page.is_closed():
        assert page.locator(".py-error").count() == 0, "PyScript showed an error"


def set_integrations(context: BrowserContext, *, google: bool, outlook: bool) -> None:
    """Enable Google and Outlook before the first load, in the shape older versions stored."""
    enable_calendars(context, {"google": google, "outlook": outlook})


def enable_calendars(context: BrowserContext, integrations: dict[str, bool]) -> None:
    """Store integrations before the first load, as if chosen in the marketplace earlier."""
    context.add_init_script(
        "if (localStorage.getItem('calendar-links:integrations') === null)"
        f" localStorage.setItem('calendar-links:integrations', {json.dumps(json.dumps(integrations))});"
    )


def open_ready(page: Page, url: str) -> None:
    """Navigate and wait for the app's own marker, never a fixed sleep: ready, or standing by
    on a page that doesn't need Python yet (no calendar on, no panel, no hint)."""
    page.goto(url)
    page.wait_for_selector(f"{READY}, {STANDBY}", state="attached")


def serve_demo_with_older_snippet(page: Page, base_url: str) -> None:
    """Answer the demo with the older PyScript snippet in place of its two tags: the
    compatibility tests of pages made for earlier versions."""
    html = with_older_snippet((ROOT / "index.html").read_text(encoding="utf-8"))
    page.route(base_url, lambda route: route.fulfill(status=200, content_type="text/html", body=html))
