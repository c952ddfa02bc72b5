"""End-to-end: the demo record page in Chromium, as a person uses it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import icalendar
from contract.ics_values import ics_events, ics_integer
from conftest import ARTIFACTS, PageWatch, open_ready, set_integrations
from playwright.sync_api import BrowserContext, Locator, Page, ViewportSize, expect

FIELD_GROUPS_SETTLED = """() => {
  const fields = [...document.querySelectorAll('[data-calendar-field]')];
  const groups = document.querySelectorAll('.calendar-links');
  return fields.length > 0 && groups.length === fields.length && fields.every(
    (f) => f.nextElementSibling && f.nextElementSibling.matches('.calendar-links')
      && f.nextElementSibling.dataset.calendarFor === f.dataset.calendarField);
}"""


def button(page: Page, record_id: str, key: str, provider: str) -> Locator:
    record = page.locator(f'[data-record-id="{record_id}"]').first
    return record.locator(
        f':scope [data-calendar-for="{key}"] [data-calendar-provider="{provider}"]'
    ).first


def google_query(context: BrowserContext, watch: PageWatch, page: Page, record_id: str, key: str) -> dict[str, list[str]]:
    """Click a Google button and return the query of the URL the new tab opened."""
    with context.expect_page() as new_tab:
        button(page, record_id, key, "google").click()
    new_tab.value.wait_for_load_state()
    url = watch.provider_urls[-1]
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "calendar.google.com", "/calendar/render")
    return parse_qs(parts.query, keep_blank_values=True)


def downloaded_event(page: Page, record_id: str, key: str) -> tuple[str, icalendar.Event]:
    """Click an Outlook button and return the file name and the parsed VEVENT."""
    with page.expect_download() as download:
        button(page, record_id, key, "outlook").click()
    content = Path(download.value.path()).read_bytes()
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar["METHOD"] == "PUBLISH"
    (event,) = ics_events(calendar)
    return download.value.suggested_filename, event


def test_every_field_gets_one_button_per_enabled_calendar(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url)
    page.wait_for_function(FIELD_GROUPS_SETTLED)
    fields = page.locator("[data-calendar-field]").count()
    assert fields >= 5
    assert page.locator(".calendar-links [data-calendar-provider='google']").count() == fields
    assert page.locator(".calendar-links [data-calendar-provider='outlook']").count() == fields
    label = button(page, "C-1815", "birthday", "google").get_attribute("aria-label")
    assert label == "Add Birthday to Google Calendar"


def test_google_button_opens_the_template_url_with_the_event(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=False)
    open_ready(page, base_url + "#/contacts/C-1815")
    query = google_query(context, watch, page, "C-1815", "birthday")
    assert query["action"] == ["TEMPLATE"]
    # Born 1815: a yearly series, started on the day in 1970 (README, "Yearly events").
    assert query["dates"] == ["19701210/19701211"]
    assert query["recur"] == ["RRULE:FREQ=YEARLY"]
    assert "Birthday" in query["text"][0] and "Ada Lovelace" in query["text"][0]
    assert query["details"][0].endswith(base_url + "#/contacts/C-1815")
    assert "ctz" not in query  # all-day: Google misreads ctz with all-day events on Android


def test_outlook_button_downloads_an_ics_that_parses(page: Page, context: BrowserContext, base_url: str) -> None:
    set_integrations(context, google=False, outlook=True)
    open_ready(page, base_url + "#/deals/D-2041")
    file_name, event = downloaded_event(page, "D-2041", "demo")
    assert file_name.endswith(".ics")
    start = datetime(2026, 12, 5, 16, tzinfo=timezone.utc)
    assert event.DTSTART == start
    assert event.DTEND == start + timedelta(minutes=60)
    assert str(event["URL"]) == base_url + "#/deals/D-2041"
    _, again = downloaded_event(page, "D-2041", "demo")
    assert again["UID"] == event["UID"]
    assert ics_integer(again, "SEQUENCE") >= ics_integer(event, "SEQUENCE")


def test_integrations_start_off_and_apply_live_and_after_reload(page: Page, base_url: str) -> None:
    open_ready(page, base_url)
    assert page.locator(".calendar-links").count() == 0
    page.goto(base_url + "#/marketplace")
    google_card = page.locator('[data-calendar-app="google"]')
    expect(google_card.get_by_role("switch", name="Use Google Calendar")).to_have_attribute("aria-checked", "false")
    expect(google_card).to_contain_text("signed in to this browser")
    google_card.locator("button").click()
    expect(google_card.locator("button")).to_have_attribute("aria-checked", "true")
    page.goto(base_url + "#/contacts/C-1867")
    page.wait_for_function(FIELD_GROUPS_SETTLED)
    assert page.locator("[data-calendar-provider='outlook']").count() == 0
    page.reload()
    page.wait_for_selector("html[data-calendar-links-state='ready']", state="attached")
    page.wait_for_function(FIELD_GROUPS_SETTLED)
    assert page.locator("[data-calendar-provider='google']").count() == page.locator("[data-calendar-field]").count()


def test_a_change_in_another_tab_applies_without_reload(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=False)
    open_ready(page, base_url)
    page.wait_for_function(FIELD_GROUPS_SETTLED)
    other = context.new_page()
    open_ready(other, base_url + "#/marketplace")
    other.locator('[data-calendar-app="outlook"] button').click()
    other.close()
    page.wait_for_function(
        "() => document.querySelectorAll('[data-calendar-provider=outlook]').length"
        " === document.querySelectorAll('[data-calendar-field]').length"
    )


def test_an_edited_input_gives_the_event_its_current_value(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=False)
    open_ready(page, base_url + "#/contacts/C-1815")
    page.fill("#C-1815-follow_up", "2026-12-24T09:45")
    query = google_query(context, watch, page, "C-1815", "follow_up")
    start = datetime(2026, 12, 24, 9, 45, tzinfo=ZoneInfo("Europe/London")).astimezone(timezone.utc)
    end = start + timedelta(minutes=30)
    assert query["dates"] == [f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"]
    assert query["ctz"] == ["Europe/London"]


def test_a_bad_value_shows_its_message_and_makes_nothing(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url + "#/contacts/C-1813")
    renewal = page.locator('[data-record-id="C-1813"] [data-calendar-for="renewal"]')
    expect(renewal.locator(".calendar-links__message")).to_contain_text("Contract renewal")
    for provider in ("google", "outlook"):
        expect(renewal.locator(f"[data-calendar-provider='{provider}']")).to_have_attribute("aria-disabled", "true")
    # The rest of the record still works.
    expect(button(page, "C-1813", "birthday", "google")).not_to_have_attribute("aria-disabled", "true")


def test_an_invalid_edit_is_reported_at_once_and_kept(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url + "#/contacts/C-1900")
    page.fill("#C-1900-renewal", "")
    group = page.locator('[data-record-id="C-1900"] [data-calendar-for="renewal"]')
    expect(group.locator(".calendar-links__message")).to_be_visible()
    expect(group.locator("[data-calendar-provider='google']")).to_have_attribute("aria-disabled", "true")
    page.fill("#C-1900-renewal", "2027-04-01")
    expect(group.locator("[data-calendar-provider='google']")).not_to_have_attribute("aria-disabled", "true")
    expect(group.locator(".calendar-links__message")).to_have_count(0)


def test_fifty_re_renders_leave_one_set_of_buttons_per_field(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url)
    page.evaluate(
        """() => { const ids = ['C-1815', 'C-1813', 'C-1867', 'C-1900'];
        for (let i = 0; i < 50; i++) { location.hash = `#/contacts/${ids[i % 4]}`;
          dispatchEvent(new HashChangeEvent('hashchange')); } }"""
    )
    page.wait_for_function(FIELD_GROUPS_SETTLED)
    assert page.locator(".calendar-links button").count() == 2 * page.locator("[data-calendar-field]").count()


def test_keyboard_only_use(context: BrowserContext, watch: PageWatch, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=False)
    open_ready(page, base_url + "#/deals/D-2041")
    page.wait_for_function(FIELD_GROUPS_SETTLED)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.calendarProvider === 'google'"):
            break
    focused = page.evaluate(
        "[document.activeElement.closest('.calendar-links').dataset.calendarFor,"
        " getComputedStyle(document.activeElement).outlineStyle]"
    )
    assert focused == ["close", "solid"]
    with context.expect_page():
        page.keyboard.press("Enter")
    assert parse_qs(urlsplit(watch.provider_urls[-1]).query)["dates"] == ["20270129/20270130"]


def test_a_nested_activity_links_to_the_activity(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url + "#/contacts/C-1815")
    query = google_query(context, watch, page, "A-301", "due")
    assert query["details"][0].endswith(base_url + "#/activities/A-301")
    assert "Call about the engine order" in query["text"][0]
    _, activity_event = downloaded_event(page, "A-301", "due")
    _, contact_event = downloaded_event(page, "C-1815", "birthday")
    assert str(activity_event["URL"]) == base_url + "#/activities/A-301"
    assert activity_event["UID"] != contact_event["UID"]
    assert activity_event.DTSTART == datetime(2026, 12, 2, 15, tzinfo=timezone.utc)
    assert contact_event.DTSTART == date(1970, 12, 10)
    assert contact_event["RRULE"].to_ical() == b"FREQ=YEARLY"


def test_screenshots_light_dark_and_phone(context: BrowserContext, page: Page, base_url: str) -> None:
    """Keeps pictures of the demo for a person to look at (test-artifacts/)."""
    set_integrations(context, google=True, outlook=True)
    ARTIFACTS.mkdir(exist_ok=True)
    shots: dict[str, tuple[ViewportSize, Literal["light", "dark"], str]] = {
        "light": ({"width": 1280, "height": 900}, "light", "#/contacts/C-1813"),
        "dark": ({"width": 1280, "height": 900}, "dark", "#/contacts/C-1815"),
        "phone": ({"width": 390, "height": 844}, "light", "#/deals/D-2042"),
        "marketplace-dark": ({"width": 1280, "height": 900}, "dark", "#/marketplace"),
    }
    for name, (viewport, scheme, route) in shots.items():
        page.set_viewport_size(viewport)
        page.emulate_media(color_scheme=scheme)
        open_ready(page, base_url + route)
        if route != "#/marketplace":
            page.wait_for_function(FIELD_GROUPS_SETTLED)
        path = ARTIFACTS / f"demo-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000


def test_marketplace_settings_reach_the_event_and_bad_input_is_kept(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=False)
    open_ready(page, base_url + "#/marketplace")
    account = page.locator('[data-calendar-setting="google-account"]')
    status = page.locator(".calendar-links-settings .calendar-links-marketplace__status")
    account.fill("not an address")
    account.press("Tab")
    expect(status).to_contain_text("isn't an email address")
    expect(account).to_have_value("not an address")  # what the person typed stays
    account.fill("ada@analytical-engines.example")
    account.press("Tab")
    expect(status).to_contain_text("ada@analytical-engines.example")
    page.select_option('[data-calendar-setting="duration"]', "60")
    expect(status).to_contain_text("60 minutes")
    page.goto(base_url + "#/deals/D-2042")
    page.wait_for_function(FIELD_GROUPS_SETTLED)
    tooltip = button(page, "D-2042", "demo", "google").get_attribute("title") or ""
    assert "ada@analytical-engines.example" in tooltip
    query = google_query(context, watch, page, "D-2042", "demo")
    assert query["authuser"] == ["ada@analytical-engines.example"]
    start = datetime(2026, 12, 10, 11, tzinfo=ZoneInfo("America/New_York")).astimezone(timezone.utc)
    end = start + timedelta(minutes=60)
    assert query["dates"] == [f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"]
    expect(page.locator('[data-calendar-for="demo"] .calendar-links__message')).to_contain_text(
        "ada@analytical-engines.example"
    )


def test_buttons_stay_hidden_while_the_page_says_it_is_loading(context: BrowserContext, page: Page, base_url: str) -> None:
    # Groups placed before ready are laid out once, at ready, not after every slice.
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url)
    group = page.locator(".calendar-links").first
    expect(group).to_be_visible()
    page.evaluate("document.documentElement.dataset.calendarLinksState = 'loading'")
    expect(group).to_be_hidden()
    page.evaluate("document.documentElement.dataset.calendarLinksState = 'ready'")
    expect(group).to_be_visible()
