"""End-to-end: a server-rendered German CRM page in a browser set to New York and en-US.

The page sets one page-wide zone and duration on <html>, and nothing else: the page's
language, inheritance, split date and time widgets, automatic fields, empty fields and a
framework's attached widgets must still give the right date and time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from conftest import PageWatch, guard_route, open_ready, set_integrations
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

HOST = "tests/browser/pages/host_forms.html"
SETTLED = """() => [...document.querySelectorAll('[data-calendar-field]')].every((field) => {
  let next = field.nextElementSibling;
  while (next && next.matches('.datetimeshortcuts')) next = next.nextElementSibling;
  return next && next.matches('.calendar-links');
})"""


@pytest.fixture
def context(browser: Browser, watch: PageWatch) -> Iterator[BrowserContext]:
    # The browser's own zone and locale differ from the page's: neither may leak into an event.
    context = browser.new_context(accept_downloads=True, timezone_id="America/New_York", locale="en-US")
    context.route("**/*", lambda route: guard_route(watch, route))
    yield context
    context.close()


def open_host(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url + HOST)
    page.wait_for_function(SETTLED)


def group(page: Page, key: str) -> Locator:
    return page.locator(f'.calendar-links[data-calendar-for="{key}"]')


def google_dates(context: BrowserContext, watch: PageWatch, page: Page, key: str) -> str:
    with context.expect_page() as new_tab:
        group(page, key).locator('[data-calendar-provider="google"]').click()
    new_tab.value.wait_for_load_state()
    new_tab.value.close()
    return parse_qs(urlsplit(watch.provider_urls[-1]).query)["dates"][0]


def timed(zone: str, minutes: int, year: int, month: int, day: int, hour: int, minute: int) -> str:
    start = datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)
    return f"{start:%Y%m%dT%H%M%SZ}/{start + timedelta(minutes=minutes):%Y%m%dT%H%M%SZ}"


def all_day(day: date) -> str:
    return f"{day:%Y%m%d}/{day + timedelta(days=1):%Y%m%d}"


# key -> what the event must be: the page's zone (inherited), its language, its duration.
EXPECTED = {
    "birthday": all_day(date(1990, 12, 10)),
    "last_call": timed("Europe/Berlin", 45, 2026, 3, 3, 9, 15),
    "next_call": timed("Europe/Berlin", 45, 2026, 12, 3, 10, 0),
    "meeting": timed("Europe/Berlin", 45, 2026, 11, 5, 8, 30),
    "due": timed("Europe/Berlin", 45, 2026, 12, 1, 15, 0),
    # Tokyo from a wrapper around both records; 90 minutes from the field.
    "visit": timed("Asia/Tokyo", 90, 2026, 5, 4, 11, 0),
    # Automatic fields, and an explicit one beside them.
    "close": all_day(date(2026, 6, 5)),
    "kickoff": timed("Europe/Berlin", 45, 2026, 6, 7, 9, 0),
    "review": timed("Europe/Berlin", 45, 2026, 6, 8, 14, 0),
    "signed": all_day(date(2026, 6, 11)),
}


def test_no_configuration_but_one_zone_gives_every_right_date_and_time(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    open_host(context, page, base_url)
    for key, dates in EXPECTED.items():
        assert google_dates(context, watch, page, key) == dates, key


def test_automatic_fields_follow_the_contract(context: BrowserContext, page: Page, base_url: str) -> None:
    open_host(context, page, base_url)
    labels = {
        key: group(page, key).locator('[data-calendar-provider="google"]').get_attribute("aria-label")
        for key in ("close", "kickoff", "review")
    }
    assert labels == {
        "close": "Add Close date to Google Calendar",
        "kickoff": "Add Kick-off to Google Calendar",
        "review": "Add Review to Google Calendar",
    }
    # An input with neither name nor id has no KEY: no buttons.
    assert page.locator("section .calendar-links").count() == 4
    # The nested record didn't ask for automatic fields.
    assert page.locator('[data-record-id="deal-4-note"] .calendar-links').count() == 0
    # The record stops asking: its automatic fields go, the explicit one stays.
    page.locator('[data-record-id="deal-4"]').evaluate("(record) => record.removeAttribute('data-calendar-auto')")
    expect(page.locator("section .calendar-links")).to_have_count(1)
    expect(group(page, "signed")).to_have_count(1)


def test_an_empty_field_waits_quietly_and_a_click_does_nothing(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    open_host(context, page, base_url)
    waiting = group(page, "follow_up")
    note = waiting.locator(".calendar-links__message")
    expect(note).to_have_text("Wiedervorlage: noch kein Datum.")
    expect(waiting).not_to_have_class("calendar-links calendar-links--problem")
    assert "calendar-links__message--problem" not in (note.get_attribute("class") or "")
    # The quiet colour (--calendar-links-muted), not the problem's.
    assert note.evaluate("(note) => getComputedStyle(note).color") == "rgb(91, 98, 117)"
    google = waiting.locator('[data-calendar-provider="google"]')
    expect(google).to_have_attribute("aria-disabled", "true")
    # A person can still press them (they stay in the tab order); nothing happens.
    google.click(force=True)
    waiting.locator('[data-calendar-provider="outlook"]').click(force=True)
    page.wait_for_timeout(300)
    assert watch.provider_urls == []
    assert len(context.pages) == 1
    # Typing a date makes the buttons work, with nothing else to do.
    page.fill("#follow_up", "24.12.2026")
    expect(google).not_to_have_attribute("aria-disabled", "true")
    assert google_dates(context, watch, page, "follow_up") == all_day(date(2026, 12, 24))


def test_groups_never_split_an_input_from_its_attached_shortcuts(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    open_host(context, page, base_url)
    follow_up = page.locator("#follow_up")
    assert follow_up.evaluate("(input) => input.nextElementSibling.className") == "datetimeshortcuts"
    # Django attaches its shortcuts on window load, right after the input: after our group was placed.
    page.locator("#contact input[name=next_call_0]").evaluate(
        """(input) => {
          input.dataset.calendarField = 'call_date';
          input.dataset.fieldType = 'date';
        }"""
    )
    page.wait_for_function(SETTLED)
    page.locator("#contact input[name=next_call_0]").evaluate(
        """(input) => {
          const shortcuts = document.createElement('span');
          shortcuts.className = 'datetimeshortcuts';
          shortcuts.textContent = ' Today | Calendar';
          input.parentNode.insertBefore(shortcuts, input.nextSibling);
        }"""
    )
    page.wait_for_timeout(300)
    assert group(page, "call_date").count() == 1
    assert page.locator("#contact input[name=next_call_0]").evaluate(
        "(input) => input.nextElementSibling.className + ' ' + input.nextElementSibling.nextElementSibling.className"
    ) == "datetimeshortcuts calendar-links"
    assert google_dates(context, watch, page, "call_date") == all_day(date(2026, 12, 3))


@pytest.mark.parametrize(
    ("theme", "text_colour"),
    [
        ("dark", "rgb(230, 232, 239)"),
        ("light", "rgb(31, 36, 48)"),
        # This page declares no color-scheme and no theme: it is light, and so are we.
        (None, "rgb(31, 36, 48)"),
    ],
)
def test_colours_follow_the_hosts_theme_switch(
    context: BrowserContext, page: Page, base_url: str, theme: str | None, text_colour: str
) -> None:
    page.emulate_media(color_scheme="light" if theme == "dark" else "dark")
    open_host(context, page, base_url)
    if theme is not None:
        page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
    colour = group(page, "birthday").locator("button").first.evaluate("(button) => getComputedStyle(button).color")
    assert colour == text_colour
