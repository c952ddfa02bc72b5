"""End-to-end: what the page remembers of added events, the changed state, cancelling, the notice.

A bare host page with records built by DOM calls; the memory lives in the browser context's
localStorage, so a reload in the same context is the person coming back to the record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import icalendar
from conftest import BUILD_RECORDS, HOST, SETTLED, PageWatch, enable_calendars, open_ready, set_integrations
from contract.ics_values import ics_integer, ics_moment
from playwright.sync_api import BrowserContext, Locator, Page, expect

SET_VALUE = """([key, value]) => {
  const field = document.querySelector(`[data-calendar-field="${key}"]`);
  field.setAttribute('data-value', value);
  field.textContent = value;
}"""


def _records(renewal: str, call: str = "2026-12-01T14:00:00Z") -> list[dict[str, Any]]:
    fields = [
        {"tag": "span", "attrs": {"data-calendar-field": "renewal", "data-field-type": "date",
                                  "data-field-label": "Renewal", "data-value": renewal}, "text": renewal},
        {"tag": "span", "attrs": {"data-calendar-field": "call", "data-field-type": "datetime",
                                  "data-field-label": "Call", "data-value": call, "data-time-zone": "Europe/Berlin"},
         "text": call},
    ]  # fmt: skip
    record = {"data-calendar-record": "", "data-record-id": "D-7", "data-record-name": "ACME renewal"}
    return [{"attrs": record, "children": fields}]


def _open(context: BrowserContext, page: Page, base_url: str, renewal: str = "2026-12-01") -> None:
    open_ready(page, base_url + HOST)
    page.evaluate(BUILD_RECORDS, _records(renewal))
    page.wait_for_function(SETTLED)


def _group(page: Page, key: str) -> Locator:
    return page.locator(f'.calendar-links[data-calendar-for="{key}"]')


def _download(page: Page, key: str, selector: str = '[data-calendar-provider="outlook"]') -> icalendar.Calendar:
    with page.expect_download() as download:
        _group(page, key).locator(selector).click()
    return icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())


def test_a_field_added_before_says_so_after_a_reload(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=True)
    _open(context, page, base_url)
    expect(_group(page, "renewal")).not_to_have_attribute("data-calendar-state", "added")
    _download(page, "renewal")
    expect(_group(page, "renewal")).to_have_attribute("data-calendar-state", "added")
    _open(context, page, base_url)
    expect(_group(page, "renewal")).to_have_attribute("data-calendar-state", "added")
    expect(_group(page, "renewal").locator(".calendar-links__note")).to_have_text("Added to Outlook before.")
    # Only the calendar it went to is marked.
    expect(_group(page, "renewal").locator('[data-calendar-provider="outlook"]')).to_have_attribute("data-calendar-added", "")
    expect(_group(page, "renewal").locator('[data-calendar-provider="google"]')).not_to_have_attribute(
        "data-calendar-added", ""
    )
    # The other field was never added.
    expect(_group(page, "call")).not_to_have_attribute("data-calendar-state", "added")
    stored = page.evaluate("localStorage.getItem('calendar-links:added')")
    assert "ACME" not in stored and "Renewal" not in stored


def test_a_changed_value_says_so_and_the_next_download_updates_the_same_event(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=True)
    _open(context, page, base_url)
    (first,) = _download(page, "renewal").walk("VEVENT")
    # A second download in the same second still rises (the page remembers the last SEQUENCE).
    (again,) = _download(page, "renewal").walk("VEVENT")
    assert again["UID"] == first["UID"] and ics_integer(again, "SEQUENCE") > ics_integer(first, "SEQUENCE")
    page.evaluate(SET_VALUE, ["renewal", "2027-01-15"])
    group = _group(page, "renewal")
    expect(group).to_have_attribute("data-calendar-state", "changed")
    expect(group.locator(".calendar-links__note")).to_contain_text("Changed since you added it to Outlook")
    (moved,) = _download(page, "renewal").walk("VEVENT")
    assert moved["UID"] == first["UID"] and ics_integer(moved, "SEQUENCE") > ics_integer(again, "SEQUENCE")
    assert ics_moment(moved, "DTSTART").isoformat() == "2027-01-15"
    expect(group).to_have_attribute("data-calendar-state", "added")


def test_google_cannot_update_so_the_notice_says_to_remove_the_old_one(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=False)
    _open(context, page, base_url)
    group = _group(page, "call")
    with context.expect_page():
        group.locator('[data-calendar-provider="google"]').click()
    # The notice says the date, the time and the zone the event got.
    expect(group.locator(".calendar-links__message")).to_contain_text(
        "Event at 15:00 Europe/Berlin, Tuesday, December 1, 2026. Opened in Google Calendar"
    )
    page.evaluate(SET_VALUE, ["call", "2026-12-02T09:30:00Z"])
    expect(group.locator(".calendar-links__note")).to_contain_text("remove the old one there")
    with context.expect_page():
        group.locator('[data-calendar-provider="google"]').click()
    message = group.locator(".calendar-links__message")
    expect(message).to_contain_text("Event at 10:30 Europe/Berlin, Wednesday, December 2, 2026. Opened in Google Calendar")
    expect(message).to_contain_text("Google Calendar can't update the event added before: remove the old one there.")
    assert parse_qs(urlsplit(watch.provider_urls[-1]).query)["dates"] == ["20261202T093000Z/20261202T100000Z"]


def test_a_cleared_value_offers_the_cancellation(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=True)
    _open(context, page, base_url)
    (added,) = _download(page, "renewal").walk("VEVENT")
    group = _group(page, "renewal")
    cancel = group.locator('button[data-calendar-action="cancel"]')
    expect(cancel).to_have_count(0)
    page.evaluate(SET_VALUE, ["renewal", ""])
    expect(group).to_have_attribute("data-calendar-state", "cleared")
    expect(cancel).to_be_enabled()
    expect(cancel).to_have_accessible_name("Remove Renewal from your calendar")
    expect(group.locator('[data-calendar-provider="outlook"]')).to_have_attribute("aria-disabled", "true")
    calendar = _download(page, "renewal", 'button[data-calendar-action="cancel"]')
    assert str(calendar["METHOD"]) == "CANCEL"
    (event,) = calendar.walk("VEVENT")
    assert event["UID"] == added["UID"] and str(event["STATUS"]) == "CANCELLED"
    assert ics_integer(event, "SEQUENCE") > ics_integer(added, "SEQUENCE")
    expect(cancel).to_have_count(0)
    expect(group.locator(".calendar-links__message")).to_contain_text("Downloaded the removal")


def test_a_field_added_only_through_google_offers_no_cancellation(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=True)
    _open(context, page, base_url)
    with context.expect_page():
        _group(page, "renewal").locator('[data-calendar-provider="google"]').click()
    page.evaluate(SET_VALUE, ["renewal", ""])
    expect(_group(page, "renewal").locator(".calendar-links__message")).to_contain_text("no date")
    expect(_group(page, "renewal").locator('button[data-calendar-action="cancel"]')).to_have_count(0)


def test_the_reminder_setting_reaches_the_file(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=False, outlook=True)
    context.add_init_script("localStorage.setItem('calendar-links:reminder-minutes', '1440');")
    _open(context, page, base_url)
    (event,) = _download(page, "call").walk("VEVENT")
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and str(alarm["DESCRIPTION"]) == "Call: ACME renewal"
    assert alarm["TRIGGER"].to_ical() == b"-P1D"


def test_corrupt_memory_is_an_empty_memory(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=True)
    context.add_init_script("localStorage.setItem('calendar-links:added', '[[[[[[[[[[[[' + '['.repeat(100000));")
    _open(context, page, base_url)
    expect(_group(page, "renewal")).not_to_have_attribute("data-calendar-state", "added")
    (event,) = _download(page, "renewal").walk("VEVENT")
    assert ics_integer(event, "SEQUENCE") > 0


def test_outlook_on_the_web_says_it_cannot_repeat_instead_of_making_one_event(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    enable_calendars(context, {"microsoft365": True, "apple": True})
    open_ready(page, base_url + HOST)
    birthday = {"tag": "span", "attrs": {"data-calendar-field": "birthday", "data-field-type": "date",
                "data-field-label": "Birthday", "data-value": "1906-12-09", "data-repeat": "yearly"}}  # fmt: skip
    page.evaluate(BUILD_RECORDS, [{"attrs": {"data-calendar-record": "", "data-record-name": "Grace Hopper"},
                                   "children": [birthday]}])  # fmt: skip
    page.wait_for_function(SETTLED)
    group = _group(page, "birthday")
    group.locator('[data-calendar-provider="microsoft365"]').click()
    expect(group.locator(".calendar-links__message")).to_contain_text("can't repeat an event every year")
    assert watch.provider_urls == []
    (event,) = _download(page, "birthday", '[data-calendar-provider="apple"]').walk("VEVENT")
    assert event["RRULE"].to_ical() == b"FREQ=YEARLY" and ics_moment(event, "DTSTART").isoformat() == "1970-12-09"
    assert str(event["SUMMARY"]) == "Birthday: Grace Hopper"
    expect(group.locator(".calendar-links__message")).to_contain_text("Event every year on December 9, all day.")


def test_a_contract_period_runs_to_its_end_field_on_the_demo(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=False, outlook=True)
    open_ready(page, base_url + "#/deals/D-2041")
    # Stored as midnight UTC: the dates as written, whatever the browser's zone; the last day included.
    (event,) = _download(page, "contract_start").walk("VEVENT")
    assert (ics_moment(event, "DTSTART").isoformat(), ics_moment(event, "DTEND").isoformat()) == ("2027-02-01", "2028-02-01")
    assert str(event["TRANSP"]) == "OPAQUE" and str(event["X-MICROSOFT-CDO-BUSYSTATUS"]) == "BUSY"
    message = _group(page, "contract_start").locator(".calendar-links__message")
    expect(message).to_contain_text("Event from Monday, February 1, 2027 to Monday, January 31, 2028, all day.")


def test_the_marketplace_reminder_setting_reaches_the_next_download(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url + "#/marketplace")
    reminder = page.locator('[data-calendar-setting="reminder"]')
    expect(reminder).to_have_value("")
    # Beside the setting: Google's link can't carry a reminder.
    expect(page.locator(".calendar-links-settings")).to_contain_text("Google Calendar's link")
    page.select_option('[data-calendar-setting="reminder"]', "60")
    expect(page.locator(".calendar-links-settings .calendar-links-marketplace__status")).to_contain_text("1 hour before")
    assert page.evaluate("localStorage.getItem('calendar-links:reminder-minutes')") == "60"
    page.goto(base_url + "#/deals/D-2041")
    page.wait_for_function(SETTLED)
    (event,) = _download(page, "demo").walk("VEVENT")
    (alarm,) = event.walk("VALARM")
    assert alarm["TRIGGER"].to_ical() == b"-PT1H"


def test_an_event_added_in_another_tab_shows_here_without_a_reload(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=True)
    _open(context, page, base_url)
    other = context.new_page()
    _open(context, other, base_url)
    _download(other, "renewal")
    expect(_group(page, "renewal")).to_have_attribute("data-calendar-state", "added")
    expect(_group(page, "renewal").locator(".calendar-links__note")).to_have_text("Added to Outlook before.")
    other.close()
