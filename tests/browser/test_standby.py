"""End-to-end: a page that doesn't need Python yet downloads nothing big.

Until a calendar is on, or the page shows an App Marketplace panel or a hint, calendar-links
stands by: `<html data-calendar-links-state="standby">`, a `calendar-links:standby` event, and
no request for the interpreter, the snapshot or the archives. It starts by itself as soon as
the page needs it: a calendar turned on in another tab or by the host, or a panel rendered.
"""

from __future__ import annotations

import pytest
from conftest import HOST, READY, STANDBY, enable_calendars
from playwright.sync_api import BrowserContext, Page, expect

TWO_TAGS = (
    '<link rel="stylesheet" href="/static/calendar-links.css">'
    '<script type="module" src="/static/calendar-links.mjs"></script>'
)
RECORD = (
    '<article data-calendar-record data-record-id="R-1" data-record-name="Ada Lovelace">'
    '<span data-calendar-field="birthday" data-field-type="date" data-field-label="Birthday"'
    ' data-value="2026-12-10">10 December</span></article>'
)
RECORD_PAGE = (
    '<!doctype html><html lang="en" data-calendar-links-state="loading"><head><meta charset="utf-8">'
    f"<title>A record</title>{TWO_TAGS}</head><body>{RECORD}</body></html>"
)
# Files only a start downloads: the interpreter, the snapshot, the archives.
START_FILES = ("/pyodide.asm.", "/snapshot-", ".zip")
COUNT_STANDBY_EVENTS = (
    "window.__standbyEvents = 0;"
    "addEventListener('calendar-links:standby', () => { window.__standbyEvents += 1; });"
)
HOST_TURNS_GOOGLE_ON = """() => {
  localStorage.setItem('calendar-links:integrations', '{"google": true}');
  dispatchEvent(new Event('calendar-links:settings-changed'));
}"""
ADD_MARKETPLACE = """() => {
  const panel = document.createElement('div');
  panel.setAttribute('data-calendar-marketplace', '');
  document.body.append(panel);
}"""


def start_requests(page: Page) -> list[str]:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url) if any(part in request.url for part in START_FILES) else None)
    return requested


def open_record_page(page: Page, base_url: str) -> list[str]:
    """The record page (two tags, no panel, no hint), standing by; what it asked for that a start would."""
    page.add_init_script(COUNT_STANDBY_EVENTS)
    requested = start_requests(page)
    page.route(base_url + "record.html", lambda route: route.fulfill(content_type="text/html", body=RECORD_PAGE))
    page.goto(base_url + "record.html")
    page.wait_for_selector(STANDBY, state="attached")
    return requested


def test_a_record_page_with_no_calendar_on_downloads_nothing_big(page: Page, base_url: str) -> None:
    requested = open_record_page(page, base_url)
    page.wait_for_load_state("networkidle")
    assert requested == []
    assert page.evaluate("window.__standbyEvents") == 1
    assert page.locator(".calendar-links").count() == 0


def test_the_older_snippet_stands_by_too(page: Page, base_url: str) -> None:
    requested = start_requests(page)
    page.goto(base_url + HOST)
    page.wait_for_selector(STANDBY, state="attached")
    page.wait_for_load_state("networkidle")
    assert requested == []


def test_a_calendar_turned_on_in_another_tab_starts_it(context: BrowserContext, page: Page, base_url: str) -> None:
    requested = open_record_page(page, base_url)
    other_tab = context.new_page()
    other_tab.goto(base_url + "static/calendar-links.css")
    other_tab.evaluate("localStorage.setItem('calendar-links:integrations', '{\"outlook\": true}')")
    page.wait_for_selector(READY, state="attached")
    expect(page.get_by_role("button", name="Add Birthday to Outlook")).to_be_visible()
    assert requested != []


def test_a_calendar_the_host_turns_on_starts_it(page: Page, base_url: str) -> None:
    open_record_page(page, base_url)
    page.evaluate(HOST_TURNS_GOOGLE_ON)
    page.wait_for_selector(READY, state="attached")
    expect(page.get_by_role("button", name="Add Birthday to Google Calendar")).to_be_visible()


def test_a_marketplace_panel_rendered_later_starts_it(page: Page, base_url: str) -> None:
    open_record_page(page, base_url)
    page.evaluate(ADD_MARKETPLACE)
    page.wait_for_selector(READY, state="attached")
    expect(page.get_by_role("switch", name="Use Google Calendar")).to_be_visible()


@pytest.mark.parametrize("calendars", [{"google": True}, {}])
def test_a_page_that_needs_python_never_stands_by(
    context: BrowserContext, page: Page, base_url: str, calendars: dict[str, bool]
) -> None:
    """With a calendar on (any page), or with the demo's hint (no calendar on), it starts at once."""
    enable_calendars(context, calendars)
    page.add_init_script(COUNT_STANDBY_EVENTS)
    page.goto(base_url)
    page.wait_for_selector(READY, state="attached")
    assert page.evaluate("window.__standbyEvents") == 0
