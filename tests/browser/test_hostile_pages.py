"""End-to-end: hostile record data and pages that fight back, on a bare host page.

Records are built with DOM calls from the test, so every attribute holds exactly the text the
test chose. The harness fails each test on any console error, page error or stray request.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import icalendar
import vobject
from conftest import BUILD_RECORDS, HOST, SETTLED, PageWatch, open_ready, set_integrations
from playwright.sync_api import BrowserContext, Page, expect

MARKUP = [
    '<img src=x onerror="window.__executed=1">',
    "<script>window.__executed=2</script>",
    '"><svg onload="window.__executed=3">',
]


def record(attrs: dict[str, str], *children: dict[str, Any]) -> dict[str, Any]:
    return {"attrs": {"data-calendar-record": "", **attrs}, "children": list(children)}


def field(key: str, value: str, field_type: str = "date", **attrs: str) -> dict[str, Any]:
    return {
        "tag": "span",
        "attrs": {"data-calendar-field": key, "data-field-type": field_type, "data-value": value, **attrs},
        "text": value,
    }


def open_host(context: BrowserContext, page: Page, base_url: str, records: list[dict[str, Any]]) -> None:
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url + HOST)
    page.evaluate(BUILD_RECORDS, records)
    page.wait_for_function(SETTLED)


def google_query(context: BrowserContext, watch: PageWatch, page: Page, key: str) -> dict[str, list[str]]:
    with context.expect_page() as new_tab:
        page.locator(f'[data-calendar-for="{key}"] [data-calendar-provider="google"]').click()
    new_tab.value.wait_for_load_state()
    return parse_qs(urlsplit(watch.provider_urls[-1]).query)


def ics_bytes(page: Page, key: str) -> bytes:
    with page.expect_download() as download:
        page.locator(f'[data-calendar-for="{key}"] [data-calendar-provider="outlook"]').click()
    return Path(download.value.path()).read_bytes()


def normalised(text: str) -> str:
    """What iCalendar text can carry: the one change the README documents."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        c for c in text if c in "\t\n" or not (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F)
    )


def test_markup_in_every_attribute_stays_text_and_reaches_the_event_exactly(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    hostile = " ".join(MARKUP)
    attrs = {
        name: hostile
        for name in (
            "data-record-id", "data-record-type", "data-record-name", "data-record-url",
            "data-record-location", "data-record-description",
        )
    }
    open_host(context, page, base_url, [record(
        attrs,
        field("due", "2026-12-01", **{"data-field-label": hostile, "data-event-title": hostile}),
        {"tag": "span", "attrs": {"data-calendar-field": "text", "data-field-type": "date",
                                  "data-field-label": hostile}, "text": hostile},
    )])
    query = google_query(context, watch, page, "due")
    event = icalendar.Calendar.from_ical(ics_bytes(page, "due")).walk("VEVENT")[0]
    assert query["text"] == [hostile] and str(event["SUMMARY"]) == hostile
    assert query["location"] == [hostile] and str(event["LOCATION"]) == hostile
    assert hostile in query["details"][0] and hostile in str(event["DESCRIPTION"])
    message = page.locator('[data-calendar-for="text"] .calendar-links__message')
    expect(message).to_contain_text("<img src=x")  # the bad value is quoted as text
    assert page.evaluate("window.__executed") is None
    assert page.locator(".calendar-links img, .calendar-links svg, .calendar-links script").count() == 0
    label = page.locator('[data-calendar-for="due"] [data-calendar-provider="google"]').get_attribute("aria-label")
    # Both fields show the same label, so the name carries the record's name too: text as well.
    assert label == f"Add {hostile} ({hostile}) to Google Calendar"


def test_control_characters_and_a_megabyte_of_text_keep_the_ics_valid(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    tricky = "a\rb\nc\r\nd\x00e\x1bf\x7f ;,\\: " + "ünïcødé✓😀" * 12 + "\u0301\u202eright-to-left"
    huge = (tricky + "\n") * (1_000_000 // (len(tricky) + 1))
    open_host(context, page, base_url, [record(
        {"data-record-name": tricky, "data-record-description": huge, "data-record-location": tricky},
        field("due", "2026-12-01T10:00:00Z", "datetime"),
    )])
    content = ics_bytes(page, "due")
    calendar = icalendar.Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["LOCATION"]) == normalised(tricky)
    assert normalised(huge) in str(event["DESCRIPTION"])
    # Nothing injected: every unfolded line is a property this event is meant to have.
    names = {line.split(":")[0].split(";")[0] for line in content.decode().replace("\r\n ", "").split("\r\n") if line}
    assert names <= {"BEGIN", "END", "VERSION", "PRODID", "METHOD", "UID", "DTSTAMP", "SEQUENCE",
                     "SUMMARY", "DESCRIPTION", "LOCATION", "URL", "DTSTART", "DTEND", "TRANSP",
                     "X-MICROSOFT-CDO-BUSYSTATUS"}
    assert content.count(b"BEGIN:VEVENT") == 1
    second = vobject.readOne(content.decode())
    assert second.vevent.location.value == normalised(tricky)
    assert second.vevent.description.value == str(event["DESCRIPTION"])
    query = google_query(context, watch, page, "due")
    assert len(watch.provider_urls[-1]) <= 2000
    assert query["details"][0].endswith("\n" + base_url + HOST)


def test_dangerous_record_links_are_never_used(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    links = ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
             "vbscript:msgbox(1)", "//elsewhere.example/record/1", "\\\\elsewhere.example\\x"]
    open_host(context, page, base_url, [
        record({"data-record-url": link, "data-record-id": f"R{index}"}, field(f"f{index}", "2026-12-01"))
        for index, link in enumerate(links)
    ])
    for index in range(len(links)):
        event = icalendar.Calendar.from_ical(ics_bytes(page, f"f{index}")).walk("VEVENT")[0]
        assert str(event["URL"]) == base_url + HOST
        assert google_query(context, watch, page, f"f{index}")["details"][0].endswith(base_url + HOST)


def test_bad_dates_and_times_show_a_message_and_make_nothing(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    bad = {
        "impossible": ("2026-02-30", "date", {}),
        "midnight": ("2026-12-01T24:00", "datetime", {}),
        "empty": ("", "date", {}),
        "blank": ("   ", "date", {}),
        "year0": ("0000-01-01", "date", {}),
        "year10000": ("10000-01-01", "date", {}),
        "words": ("next Tuesday-ish", "date", {}),
        "offset": ("2026-12-01T10:00+25:00", "datetime", {}),
        "zone": ("2026-12-01T10:00", "datetime", {"data-time-zone": "Mars/Olympus_Mons"}),
    }
    open_host(context, page, base_url, [record({}, *[
        field(key, value, kind, **{"data-field-label": f"Label {key}", **extra})
        for key, (value, kind, extra) in bad.items()
    ])])
    for key in bad:
        group = page.locator(f'[data-calendar-for="{key}"]')
        expect(group.locator(".calendar-links__message")).to_contain_text(f"Label {key}")
        # Empty is no error, a bad value is: both leave the buttons inactive but focusable.
        expect(group.locator("button[aria-disabled=true]")).to_have_count(2)
    # A click on an inactive button makes nothing, even when sent by a script.
    page.evaluate("document.querySelectorAll('.calendar-links button').forEach((b) => b.click())")
    assert watch.provider_urls == []
    assert len(context.pages) == 1


def test_a_field_removed_between_render_and_click(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    open_host(context, page, base_url, [record({}, field("due", "2026-12-01"))])
    page.evaluate(
        """() => { const group = document.querySelector('[data-calendar-for="due"]');
        group.previousElementSibling.remove();
        group.querySelector('[data-calendar-provider="google"]').click(); }"""
    )
    assert watch.provider_urls == []
    # The orphaned buttons go away with their field.
    page.wait_for_function("() => document.querySelectorAll('.calendar-links').length === 0")


def test_many_fields_duplicate_keys_and_deep_nesting(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    many = record({"data-record-id": "many"}, *[field(f"f{i}", f"2027-01-{1 + i % 28:02d}") for i in range(500)])
    twice = record({"data-record-id": "twice"}, field("dup", "2027-02-01"), field("dup", "2027-02-02"))
    innermost = record({"data-record-id": "depth-60", "data-record-url": "#depth-60"}, field("deep", "2027-03-01"))
    open_host(context, page, base_url, [many, twice, innermost])
    # Wrapped in 59 more records in the page (Playwright can't pass objects nested that deep).
    page.evaluate(
        """(depth) => { let inner = document.querySelector('[data-record-id="depth-60"]');
        for (let level = depth; level > 0; level--) {
          const outer = document.createElement('div');
          outer.setAttribute('data-calendar-record', '');
          outer.setAttribute('data-record-id', `depth-${level}`);
          outer.setAttribute('data-record-url', `#depth-${level}`);
          inner.replaceWith(outer); outer.append(inner); inner = outer; } }""",
        59,
    )
    page.wait_for_function(SETTLED)
    assert page.locator('[data-record-id="depth-1"] [data-record-id="depth-60"] .calendar-links').count() == 1
    assert page.locator('[data-record-id="many"] .calendar-links').count() == 500
    assert page.locator('[data-record-id="twice"] .calendar-links button:enabled').count() == 4
    query = google_query(context, watch, page, "deep")
    assert query["details"][0].endswith(base_url + HOST + "#depth-60")


def test_storage_that_is_corrupt_or_refuses_access_means_the_defaults(
    browser: Any, base_url: str
) -> None:
    faults = {
        "corrupt": "localStorage.setItem('calendar-links:integrations', '{not json');",
        "wrong types": "localStorage.setItem('calendar-links:integrations', '{\"google\": \"yes\", \"outlook\": 1}');",
        "array": "localStorage.setItem('calendar-links:integrations', '[true, true]');",
        # Deep enough to overflow the browser's stack inside Pyodide's JSON decoder.
        "nested": "localStorage.setItem('calendar-links:integrations', '['.repeat(100000));"
                  " localStorage.setItem('calendar-links:added', '{'.repeat(100000));",
        "refused": "Object.defineProperty(window, 'localStorage', {get() {"
                   " throw new DOMException('The operation is insecure.', 'SecurityError'); }});",
    }
    for name, script in faults.items():
        context = browser.new_context()
        context.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())
        context.add_init_script(script)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message, errors=errors: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
        open_ready(page, base_url)
        assert page.locator(".calendar-links").count() == 0, name
        page.goto(base_url + "#/marketplace")
        page.locator('[data-calendar-app="google"] button').click()
        status = page.locator('[data-calendar-app="google"] .calendar-links-marketplace__status')
        if name == "refused":
            expect(status).to_contain_text("Couldn't save")
        page.goto(base_url + "#/contacts")
        page.wait_for_function(SETTLED)
        assert page.locator("[data-calendar-provider='google']").count() > 0, name
        assert errors == [], name
        context.close()
