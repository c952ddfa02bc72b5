"""End-to-end: the five calendars, the compact menu, and a calendar added through the registry alone."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import vobject
from contract.ics_values import ics_events
from conftest import PageWatch, enable_calendars, open_ready
from playwright.sync_api import BrowserContext, Locator, Page, expect

CALENDARS = ["google", "outlook", "microsoft365", "outlookcom", "apple"]
HOST = "tests/browser/pages/host.html"
# The demo's "Demo call" on deal D-2041: 16:00 UTC on 5 December 2026, for an hour.
DEMO_START = datetime(2026, 12, 5, 16, tzinfo=timezone.utc)
DEMO_END = DEMO_START + timedelta(hours=1)
CALENDAR_NAMES = {
    "google": "Google Calendar",
    "outlook": "Outlook",
    "microsoft365": "Microsoft 365 (Outlook on the web)",
    "outlookcom": "Outlook.com",
    "apple": "Apple Calendar",
}
# What the notice after a click names: where the event went.
NOTICE_WORDS = {"google": "Google", "outlook": "Outlook", "microsoft365": "work or school",
                "outlookcom": "Outlook.com", "apple": "Apple"}  # fmt: skip
WEB_LINKS = {
    "google": ("calendar.google.com", "/calendar/render"),
    "microsoft365": ("outlook.cloud.microsoft", "/calendar/0/deeplink/compose"),
    "outlookcom": ("outlook.live.com", "/calendar/0/deeplink/compose"),
}


def demo_group(page: Page) -> Locator:
    return page.locator('[data-record-id="D-2041"] [data-calendar-for="demo"]').first


def focused_provider(page: Page) -> str | None:
    provider: str | None = page.evaluate("document.activeElement.getAttribute('data-calendar-provider')")
    return provider


def opened_query(context: BrowserContext, watch: PageWatch, item: Locator) -> tuple[str, str, dict[str, str]]:
    with context.expect_page() as new_tab:
        item.click()
    new_tab.value.close()
    parts = urlsplit(watch.provider_urls[-1])
    query = {key: values[0] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    return parts.netloc, parts.path, query


def test_five_calendars_enabled_in_the_marketplace_each_make_the_event(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    open_ready(page, base_url + "#/marketplace")
    for key in CALENDARS:
        toggle = page.locator(f'[data-calendar-app="{key}"] [data-calendar-toggle]')
        toggle.click()
        expect(toggle).to_have_attribute("aria-checked", "true")
    stored = page.evaluate("JSON.parse(localStorage.getItem('calendar-links:integrations'))")
    assert stored == dict.fromkeys(CALENDARS, True)

    page.goto(base_url + "#/deals/D-2041")
    group = demo_group(page)
    trigger = group.locator("button[data-calendar-menu]")
    expect(trigger).to_have_attribute("aria-label", "Add to calendar: Demo call")
    assert group.get_attribute("data-calendar-providers") == " ".join(CALENDARS)
    for key in CALENDARS:
        trigger.click()
        item = group.get_by_role("menuitem", name=f"Add Demo call to {CALENDAR_NAMES[key]}", exact=True)
        if key in WEB_LINKS:
            host, path, query = opened_query(context, watch, item)
            assert (host, path) == WEB_LINKS[key]
            if key == "google":
                assert query["dates"] == "20261205T160000Z/20261205T170000Z"
                assert "Demo call" in query["text"]
            else:
                assert (query["startdt"], query["enddt"]) == ("2026-12-05T16:00:00Z", "2026-12-05T17:00:00Z")
                assert "Demo call" in query["subject"] and query["allday"] == "false"
        else:
            with page.expect_download() as download:
                item.click()
            content = Path(download.value.path()).read_bytes()
            (event,) = ics_events(icalendar.Calendar.from_ical(content))
            assert (event.DTSTART, event.DTEND) == (DEMO_START, DEMO_END)
            second_reading = vobject.readOne(content.decode("utf-8")).vevent
            assert (second_reading.dtstart.value, second_reading.dtend.value) == (DEMO_START, DEMO_END)
        expect(group.locator(".calendar-links__message")).to_contain_text(NOTICE_WORDS[key])
        expect(group.get_by_role("menu")).to_be_hidden()


def test_one_or_two_calendars_stay_plain_buttons(context: BrowserContext, page: Page, base_url: str) -> None:
    enable_calendars(context, {"microsoft365": True, "apple": True})
    open_ready(page, base_url + "#/deals/D-2041")
    group = demo_group(page)
    expect(group.locator("button")).to_have_count(2)
    assert group.locator("[data-calendar-menu], [role=menu]").count() == 0
    expect(group.get_by_role("button", name="Add Demo call to Apple Calendar")).to_be_visible()


def test_the_menu_works_from_the_keyboard(context: BrowserContext, page: Page, base_url: str) -> None:
    enable_calendars(context, {"outlook": True, "microsoft365": True, "apple": True})
    open_ready(page, base_url + "#/deals/D-2041")
    group = demo_group(page)
    trigger = group.locator("button[data-calendar-menu]")
    menu = group.locator("[role=menu]")
    expect(trigger).to_have_attribute("aria-haspopup", "menu")
    assert trigger.get_attribute("aria-controls") == menu.get_attribute("id")

    trigger.focus()
    page.keyboard.press("Enter")
    expect(trigger).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    assert focused_provider(page) == "outlook"
    page.keyboard.press("ArrowDown")
    assert focused_provider(page) == "microsoft365"
    page.keyboard.press("End")
    assert focused_provider(page) == "apple"
    page.keyboard.press("ArrowDown")  # wraps around
    assert focused_provider(page) == "outlook"
    page.keyboard.press("ArrowUp")
    assert focused_provider(page) == "apple"
    page.keyboard.press("Home")
    assert focused_provider(page) == "outlook"
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(trigger).to_have_attribute("aria-expanded", "false")
    expect(trigger).to_be_focused()

    page.keyboard.press("ArrowUp")  # opens on the last item
    assert focused_provider(page) == "apple"
    page.keyboard.press("Tab")
    expect(menu).to_be_hidden()

    trigger.click()
    expect(menu).to_be_visible()
    page.locator("h1").first.click()  # anywhere else closes it
    expect(menu).to_be_hidden()


def test_a_calendar_added_to_the_registry_alone_appears_everywhere(context: BrowserContext, page: Page, base_url: str) -> None:
    enable_calendars(context, {"fakecal": True})
    open_ready(page, base_url + "tests/browser/pages/fake-calendar.html")
    card = page.locator('[data-calendar-app="fakecal"]')
    expect(card).to_contain_text("Fake Calendar")
    expect(card.locator("[data-calendar-toggle]")).to_have_attribute("aria-checked", "true")
    fake = page.get_by_role("button", name="Add Birthday to Fake Calendar")
    expect(fake).to_be_visible()
    with page.expect_download() as download:
        fake.click()
    assert download.value.suggested_filename == "fake.txt"
    assert Path(download.value.path()).read_text() == "Birthday: Ada Lovelace"


PANEL_IN_A_FORM = """() => {
  const form = document.createElement('form');
  form.id = 'host-form';
  window.__submitted = 0;
  form.addEventListener('submit', (event) => { window.__submitted += 1; event.preventDefault(); });
  const panel = document.createElement('div');
  panel.setAttribute('data-calendar-marketplace', '');
  form.append(panel);
  document.getElementById('host').append(form);
}"""


def test_a_marketplace_rendered_later_inside_a_host_form_is_a_good_guest(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    open_ready(page, base_url + HOST)
    page.evaluate(PANEL_IN_A_FORM)
    account = page.locator('#host-form [data-calendar-setting="google-account"]')
    expect(account).to_be_visible()
    account.fill("ada@example.com")
    account.press("Enter")
    expect(page.locator("#host-form .calendar-links-settings [role=status]")).to_have_text(
        "New Google events open in ada@example.com."
    )
    assert page.evaluate("window.__submitted") == 0
    # Nothing of ours is posted with the host's form.
    assert page.evaluate("[...new FormData(document.getElementById('host-form')).keys()]") == []
    assert page.evaluate("localStorage.getItem('calendar-links:google-account')") == "ada@example.com"
    # The host re-renders the container: the panel comes back, showing the stored settings.
    page.evaluate("document.querySelector('[data-calendar-marketplace]').replaceChildren()")
    expect(account).to_have_value("ada@example.com")
