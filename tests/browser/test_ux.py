"""End-to-end: what a keyboard, a screen reader, a phone and a reader of another language meet.

Names are read the way assistive technology reads them (Playwright's role and name queries),
positions from the layout (bounding boxes), and axe-core (pinned in package.json) checks
every variant of the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Literal, TypedDict

import pytest
from conftest import (
    ARTIFACTS,
    START_TIMEOUT_MS,
    PageWatch,
    enable_calendars,
    guard_route,
    open_ready,
    set_integrations,
)
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Route, ViewportSize, expect

from catalogs import compiled, read_catalog
from calendar_links_core.providers.registry import PROVIDERS
from calendar_links_core.ui_text import SETTINGS_TITLE, accessible_label, inactive, toggle_label
from calendar_links_core.wording import ENGLISH, Language, catalog_from_mo, english_date, english_month_day, words

ROOT = Path(__file__).resolve().parents[2]
AXE = "node_modules/axe-core/axe.min.js"
GROUPS_SETTLED = """() => {
  const fields = [...document.querySelectorAll('[data-calendar-field]')];
  return fields.length > 0 && fields.every((f) => f.nextElementSibling?.matches('.calendar-links')
    && f.nextElementSibling.dataset.calendarFor === f.dataset.calendarField);
}"""


class ContextOptions(TypedDict, total=False):
    """The options of Browser.new_context these tests vary."""

    viewport: ViewportSize
    has_touch: bool
    is_mobile: bool
    device_scale_factor: float


PHONE: ContextOptions = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
# What the demo's Contract renewal of C-1813 ("31.02.2027") is told, before the page's words.
RENEWAL_PROBLEM = words(
    "{field}: {problem}", field="Contract renewal", problem=words("{shown} is not a real date.", shown='"31.02.2027"')
)


def _language(code: str) -> Language:
    """The page's words in code, from the same catalogs the build compiles."""
    if code == "en":
        return ENGLISH
    catalog = catalog_from_mo(compiled(read_catalog(ROOT / "py" / "calendar_links_core" / "translations" / f"{code}.po")))
    return Language(code, catalog, english_date, english_month_day)


def _group(page: Page, record_id: str, key: str) -> Locator:
    return page.locator(f'[data-record-id="{record_id}"] [data-calendar-for="{key}"]').first


def _in_language(page: Page, lang: str) -> None:
    """Serve the demo page with <html lang=...>, as a host in that language would."""

    def rewrite(route: Route) -> None:
        response = route.fetch()
        body = response.text().replace('<html lang="en"', f'<html lang="{lang}"', 1)
        route.fulfill(response=response, body=body)

    page.route(lambda url: url.endswith("/") or "/#" in url or url.endswith("index.html"), rewrite)


@pytest.fixture
def phone(browser: Browser, watch: PageWatch) -> Iterator[Page]:
    """A phone: touch, a coarse pointer, 390 px wide."""
    context = browser.new_context(**PHONE)
    context.route("**/*", lambda route: guard_route(watch, route))
    enable_calendars(context, {"google": True, "outlook": True})
    page = context.new_page()
    page.set_default_timeout(START_TIMEOUT_MS)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    yield page
    assert watch.page_errors == [] and watch.blocked_requests == []
    context.close()


# --- 1. Names ---------------------------------------------------------------------------


def test_marketplace_switches_are_named_by_their_calendar_and_say_their_state(page: Page, base_url: str) -> None:
    open_ready(page, base_url + "#/marketplace")
    expect(page.get_by_role("switch")).to_have_count(len(PROVIDERS))
    for provider in PROVIDERS:
        name = ENGLISH.text(toggle_label(provider))
        expect(page.get_by_role("switch", name=name, exact=True, checked=False)).to_have_count(1)
    google = page.get_by_role("switch", name="Use Google Calendar", checked=False)
    google.click()
    # Same name, new state; the status is said right under the switch, on screen.
    expect(page.get_by_role("switch", name="Use Google Calendar", checked=True)).to_be_visible()
    status = page.locator('[data-calendar-app="google"] [role=status]')
    expect(status).to_have_text("Google Calendar is on: its button is beside every date.")
    expect(status).to_be_in_viewport()


def test_every_button_on_the_page_has_a_name_of_its_own(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url + "#/contacts/C-1815")
    page.wait_for_function(GROUPS_SETTLED)
    names = page.eval_on_selector_all(".calendar-links button", "(buttons) => buttons.map((b) => b.ariaLabel)")
    assert len(names) == len(set(names)) >= 10, names
    # Two activities show a "Due" field: their buttons name the record as well.
    google = PROVIDERS[0]
    for activity in ("Call about the engine order", "Send the revised quote"):
        name = ENGLISH.isolated(accessible_label(google, "Due", activity))
        expect(page.get_by_role("button", name=name, exact=True)).to_have_count(1)
    expect(page.get_by_role("button", name="Add Birthday to Google Calendar", exact=True)).to_have_count(1)


# --- 2. Inactive, not disabled ----------------------------------------------------------


def test_tab_reaches_a_problem_field_and_enter_says_what_to_do(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url + "#/contacts/C-1813")
    group = _group(page, "C-1813", "renewal")
    inactive_google = group.locator("[data-calendar-provider='google']")
    expect(inactive_google).to_have_attribute("aria-disabled", "true")
    # Not the `disabled` property, which would take it out of the Tab order.
    assert inactive_google.evaluate("(button) => !button.disabled && button.tabIndex === 0")
    said = ENGLISH.text(inactive(RENEWAL_PROBLEM))
    # The problem is the button's description, so a screen reader reads it on arrival.
    expect(inactive_google).to_have_accessible_description(said)
    page.locator("body").focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        if inactive_google.evaluate("(button) => document.activeElement === button"):
            break
    else:
        pytest.fail("Tab never reached the inactive button")
    page.keyboard.press("Enter")
    expect(group.locator(".calendar-links__message")).to_have_text(said)
    assert watch.provider_urls == [] and len(context.pages) == 1


# --- 3. Announcements, and 4. nothing moves ---------------------------------------------


def test_the_live_region_is_there_empty_before_the_first_click(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url + "#/deals/D-2041")
    page.wait_for_function(GROUPS_SETTLED)
    region = page.locator("[role=status].calendar-links-announcer")
    expect(region).to_have_count(1)
    expect(region).to_be_empty()
    # Background checks stay quiet; a click is read out once, through that region.
    with page.expect_download():
        _group(page, "D-2041", "close").locator("[data-calendar-provider='outlook']").click()
    expect(region).to_contain_text("Downloaded for Outlook")
    expect(_group(page, "D-2041", "close").locator(".calendar-links__message")).to_have_text(region.inner_text())


def test_the_clicked_button_stays_put_and_old_notices_clear(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=True, outlook=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    open_ready(page, base_url + "#/deals/D-2041")
    page.wait_for_function(GROUPS_SETTLED)
    close = _group(page, "D-2041", "close")
    outlook = close.locator("[data-calendar-provider='outlook']")
    demo_button = _group(page, "D-2041", "demo").locator("[data-calendar-provider='outlook']")
    before, other_before = outlook.bounding_box(), demo_button.bounding_box()
    with page.expect_download():
        outlook.click()
    notice = close.locator(".calendar-links__message")
    expect(notice).to_contain_text("Downloaded for Outlook")
    assert outlook.bounding_box() == before
    assert demo_button.bounding_box() == other_before
    # The next click elsewhere makes the old notice go, again without moving anything.
    with page.expect_download():
        demo_button.click()
    expect(notice).to_be_empty()
    expect(_group(page, "D-2041", "demo").locator(".calendar-links__message")).to_contain_text("Downloaded for Outlook")
    assert outlook.bounding_box() == before and demo_button.bounding_box() == other_before


def test_on_a_phone_groups_sit_under_their_value_and_stay_there(phone: Page, base_url: str) -> None:
    open_ready(phone, base_url + "#/contacts/C-1815")
    phone.wait_for_function(GROUPS_SETTLED)
    for field in phone.locator("[data-calendar-field]").all():
        group = field.locator("xpath=following-sibling::*[1]")
        field_box, group_box = field.bounding_box(), group.bounding_box()
        assert field_box and group_box and group_box["y"] >= field_box["y"] + field_box["height"] - 1
    birthday = _group(phone, "C-1815", "birthday").locator("[data-calendar-provider='outlook']")
    before = birthday.bounding_box()
    with phone.expect_download():
        birthday.tap()
    expect(_group(phone, "C-1815", "birthday").locator(".calendar-links__message")).not_to_be_empty()
    assert birthday.bounding_box() == before


# --- 5. Touch ---------------------------------------------------------------------------


def test_touch_targets_are_44_px_on_a_phone_and_desktop_rows_keep_their_height(
    phone: Page, context: BrowserContext, page: Page, base_url: str
) -> None:
    open_ready(phone, base_url + "#/contacts/C-1815")
    phone.wait_for_function(GROUPS_SETTLED)
    for button in phone.locator(".calendar-links button").all():
        box = button.bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 44, box
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url + "#/contacts/C-1815")
    page.wait_for_function(GROUPS_SETTLED)
    box = page.locator(".calendar-links button").first.bounding_box()
    assert box and box["height"] < 32, box


# --- 6. Start-up ------------------------------------------------------------------------

PLACEHOLDERS = """() => [...document.querySelectorAll('[data-calendar-field]')]
  .filter((field) => getComputedStyle(field, '::after').content !== 'none')
  .map((field) => field.tagName)"""


def test_no_placeholder_with_calendars_off_and_none_inside_inputs(context: BrowserContext, page: Page, base_url: str) -> None:
    open_ready(page, base_url + "#/contacts/C-1900")
    page.evaluate("document.documentElement.dataset.calendarLinksState = 'loading'")
    assert page.evaluate(PLACEHOLDERS) == []
    other = context.new_page()
    other.add_init_script("localStorage.setItem('calendar-links:integrations', '{\"google\": true}')")
    open_ready(other, base_url + "#/contacts/C-1900")
    input_box = other.locator("#C-1900-renewal").bounding_box()
    other.evaluate("document.documentElement.dataset.calendarLinksState = 'loading'")
    shown = other.evaluate(PLACEHOLDERS)
    assert shown and "INPUT" not in shown, shown
    loading_box = other.locator("#C-1900-renewal").bounding_box()
    assert input_box and loading_box and loading_box["height"] == input_box["height"]
    other.close()


# --- 7. Findable ------------------------------------------------------------------------


def test_a_host_placed_hint_leads_to_the_marketplace_until_a_calendar_is_on(page: Page, base_url: str) -> None:
    open_ready(page, base_url + "#/contacts/C-1815")
    link = page.get_by_role("link", name="Choose a calendar in the App Marketplace")
    expect(link).to_have_attribute("href", base_url + "#/marketplace")
    link.click()
    page.get_by_role("switch", name="Use Google Calendar").click()
    page.goto(base_url + "#/contacts/C-1815")
    page.wait_for_function(GROUPS_SETTLED)
    expect(page.locator(".calendar-links-hint")).to_have_count(0)


def test_without_the_host_s_container_there_is_no_hint(page: Page, base_url: str) -> None:
    open_ready(page, base_url + "tests/browser/pages/host.html")
    expect(page.locator(".calendar-links-hint")).to_have_count(0)


# --- 9. Languages -----------------------------------------------------------------------


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "it", "pt", "nl", "ja"])
def test_the_page_language_names_buttons_problems_and_the_marketplace(
    context: BrowserContext, page: Page, base_url: str, code: str
) -> None:
    language = _language(code)
    set_integrations(context, google=True, outlook=True)
    _in_language(page, code)
    open_ready(page, base_url + "#/contacts/C-1813")
    page.wait_for_function(GROUPS_SETTLED)
    birthday = language.isolated(accessible_label(PROVIDERS[0], "Birthday"))
    expect(page.get_by_role("button", name=birthday, exact=True)).to_have_count(1)
    expect(_group(page, "C-1813", "renewal").locator(".calendar-links__message")).to_have_text(
        language.text(inactive(RENEWAL_PROBLEM))
    )
    page.goto(base_url + "#/marketplace")
    expect(page.get_by_role("heading", name=language.gettext(SETTINGS_TITLE), exact=True)).to_be_visible()
    expect(page.get_by_role("switch", name=language.text(toggle_label(PROVIDERS[0])), exact=True)).to_be_visible()
    if code != "en":
        assert language.gettext(SETTINGS_TITLE) != SETTINGS_TITLE


def test_a_date_inside_a_message_is_written_for_the_page_language(page: Page, base_url: str, context: BrowserContext) -> None:
    set_integrations(context, google=True, outlook=False)
    open_ready(page, base_url + "tests/browser/pages/host.html")
    page.evaluate(
        """() => { document.documentElement.lang = 'de';
        const record = document.createElement('div');
        record.dataset.calendarRecord = '';
        document.getElementById('host').append(record);
        const field = document.createElement('span');
        field.dataset.calendarField = 'weekday'; field.dataset.fieldType = 'date';
        field.dataset.fieldLabel = 'Termin'; field.dataset.dateOrder = 'MDY';
        field.textContent = 'Monday, December 1, 2026';
        record.append(field); }"""
    )
    message = page.locator('[data-calendar-for="weekday"] .calendar-links__message')
    expect(message).to_contain_text("Das Datum ist Dienstag, 1. Dezember 2026.")


# --- axe-core and pictures --------------------------------------------------------------

AXE_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}"""


@pytest.mark.parametrize("variant", ["light", "dark", "phone"])
@pytest.mark.parametrize("calendars", ["on", "off"])
def test_axe_finds_no_violation(browser: Browser, watch: PageWatch, base_url: str, variant: str, calendars: str) -> None:
    options: ContextOptions = PHONE if variant == "phone" else {"viewport": {"width": 1280, "height": 900}}
    context = browser.new_context(color_scheme="dark" if variant == "dark" else "light", **options)
    context.route("**/*", lambda route: guard_route(watch, route))
    if calendars == "on":
        enable_calendars(context, {provider.key: True for provider in PROVIDERS[:2]})
    page = context.new_page()
    page.set_default_timeout(START_TIMEOUT_MS)
    try:
        for route in ("#/contacts/C-1813", "#/activities/A-301", "#/marketplace"):
            open_ready(page, base_url + route)
            if calendars == "on" and route != "#/marketplace":
                page.wait_for_function(GROUPS_SETTLED)
            page.add_script_tag(url=base_url + AXE)
            assert page.evaluate(AXE_RUN) == [], route
    finally:
        context.close()


def test_axe_finds_no_violation_in_the_compact_menu(context: BrowserContext, page: Page, base_url: str) -> None:
    enable_calendars(context, {provider.key: True for provider in PROVIDERS})
    open_ready(page, base_url + "#/contacts/C-1815")
    page.wait_for_function(GROUPS_SETTLED)
    page.locator("[data-calendar-menu]").first.click()
    page.add_script_tag(url=base_url + AXE)
    assert page.evaluate(AXE_RUN) == []


def test_screenshots_of_light_dark_phone_german_and_japanese(browser: Browser, watch: PageWatch, base_url: str) -> None:
    """Pictures for a person to look at (test-artifacts/ux-*.png)."""
    ARTIFACTS.mkdir(exist_ok=True)
    shots: dict[str, tuple[ContextOptions, Literal["light", "dark"], str, str]] = {
        "light": ({"viewport": {"width": 1280, "height": 900}}, "light", "en", "#/contacts/C-1813"),
        "dark": ({"viewport": {"width": 1280, "height": 900}}, "dark", "en", "#/contacts/C-1815"),
        "phone": (PHONE, "light", "en", "#/contacts/C-1815"),
        "german": ({"viewport": {"width": 1280, "height": 900}}, "light", "de", "#/contacts/C-1813"),
        "japanese": ({"viewport": {"width": 1280, "height": 900}}, "light", "ja", "#/contacts/C-1813"),
        "marketplace-japanese": ({"viewport": {"width": 1280, "height": 900}}, "dark", "ja", "#/marketplace"),
        "hint-german": ({"viewport": {"width": 1280, "height": 900}}, "light", "de", "#/deals/D-2041"),
    }
    for name, (options, scheme, code, route) in shots.items():
        context = browser.new_context(color_scheme=scheme, **options)
        context.route("**/*", lambda request: guard_route(watch, request))
        if not name.startswith("hint"):
            enable_calendars(context, {"google": True, "outlook": True})
        page = context.new_page()
        page.set_default_timeout(START_TIMEOUT_MS)
        _in_language(page, code)
        open_ready(page, base_url + route)
        if name.startswith("hint"):
            expect(page.locator(".calendar-links-hint")).to_be_visible()
        elif route != "#/marketplace":
            page.wait_for_function(GROUPS_SETTLED)
            with page.expect_download():
                page.locator("[data-calendar-provider='outlook']").first.click()
        path = ARTIFACTS / f"ux-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        context.close()
        assert path.stat().st_size > 10_000
