"""End-to-end: conditions real host pages and browsers impose, each on a page of its own.

Dark mode by class, a host's flex row, two fields one above the other, reduced motion, a
held Enter key, `<base href>`. Pages are answered by the test (test_host_faults.py's helpers)
and embed calendar-links with the README's two tags.
"""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest
from conftest import PageWatch
from playwright.sync_api import BrowserContext, Download, Page, expect
from test_host_faults import RECORD, open_host

# The surface colour of a button, light and dark (--calendar-links-surface).
LIGHT_SURFACE = "rgb(255, 255, 255)"
DARK_SURFACE = "rgb(29, 34, 48)"
BUTTON_BACKGROUND = "() => getComputedStyle(document.querySelector('.calendar-links__button')).backgroundColor"


def page_with(body: str, *, html_attributes: str = 'lang="en"', body_attributes: str = "", head: str = "") -> str:
    return (
        f'<!doctype html><html {html_attributes} data-calendar-links-state="loading"><head><meta charset="utf-8">'
        f'<title>A host page</title>{head}<link rel="stylesheet" href="/static/calendar-links.css">'
        '<script type="module" src="/static/calendar-links.mjs"></script></head>'
        f"<body {body_attributes}>{body}</body></html>"
    )


@pytest.mark.parametrize(
    ("html_attributes", "body_attributes", "surface"),
    [
        ('lang="en"', "", LIGHT_SURFACE),
        ('lang="en" class="dark"', "", DARK_SURFACE),  # Tailwind's class strategy, shadcn/ui
        ('lang="en"', 'class="dark"', DARK_SURFACE),
        ('lang="en" data-bs-theme="dark"', "", DARK_SURFACE),  # Bootstrap 5.3
        ('lang="en" data-bs-theme="dark"', 'data-bs-theme="light"', LIGHT_SURFACE),
        ('lang="en" data-theme="dark"', "", DARK_SURFACE),
    ],
)
def test_dark_mode_by_class_or_attribute_darkens_the_buttons(
    context: BrowserContext, page: Page, base_url: str, html_attributes: str, body_attributes: str, surface: str
) -> None:
    html = page_with(RECORD, html_attributes=html_attributes, body_attributes=body_attributes)
    open_host(context, page, base_url + "theme.html", html)
    assert page.evaluate(BUTTON_BACKGROUND) == surface


FLEX_ROW = (
    '<div data-calendar-record data-record-id="R-1" data-record-name="Acme renewal">'
    '<div style="display: flex; gap: 0.5rem; width: 30rem; font: 16px/1.25 sans-serif">'
    '<span id="date" data-calendar-field="due" data-field-type="date" data-value="2026-12-01">'
    "Tuesday, 1 December 2026</span></div></div>"
)

# The lines the date text takes (the flex item itself is stretched to the row's height).
TEXT_LINES = """() => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('#date'));
  return [...new Set([...range.getClientRects()].map((line) => Math.round(line.width)))];
}"""


def test_a_note_of_ours_never_squeezes_the_host_s_date_text_in_a_flex_row(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    open_host(context, page, base_url + "flex.html", page_with(FLEX_ROW))
    before = page.evaluate(TEXT_LINES)
    assert len(before) == 1
    with page.expect_download():
        page.locator("[data-calendar-provider='outlook']").click()
    # The value changes after it was added: the group says so in a note.
    page.evaluate("document.querySelector('#date').setAttribute('data-value', '2026-12-08')")
    expect(page.locator(".calendar-links__note")).not_to_be_empty()
    assert page.evaluate(TEXT_LINES) == before


TWO_FIELDS = (
    '<div data-calendar-record data-record-id="R-1" data-record-name="Acme renewal" style="font: 16px sans-serif">'
    '<p style="margin: 0"><span data-calendar-field="due" data-field-type="date" data-value="2026-12-01">1 Dec</span></p>'
    '<p style="margin: 0"><span data-calendar-field="bad" data-field-type="date" data-value="2026-02-30">30 Feb</span></p>'
    "</div>"
)
# What is painted at the middle of the part of the notice that lies over the next field's
# problem message (the notice lets clicks through, so it takes them for this one look).
PAINTED_OVER_THE_OVERLAP = """() => {
  const notice = document.querySelector('[data-calendar-for="due"] .calendar-links__message');
  const problem = document.querySelector('[data-calendar-for="bad"] .calendar-links__message');
  const a = notice.getBoundingClientRect(), b = problem.getBoundingClientRect();
  const left = Math.max(a.left, b.left), right = Math.min(a.right, b.right);
  const top = Math.max(a.top, b.top), bottom = Math.min(a.bottom, b.bottom);
  if (left >= right || top >= bottom) return 'no overlap';
  notice.style.pointerEvents = 'auto';
  const painted = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
  notice.style.pointerEvents = '';
  return notice.contains(painted) ? 'notice' : painted.className;
}"""


def test_a_click_s_notice_is_never_painted_over_by_the_next_field_s_problem(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    open_host(context, page, base_url + "stacked.html", page_with(TWO_FIELDS))
    expect(page.locator('[data-calendar-for="bad"] .calendar-links__message')).not_to_be_empty()
    with page.expect_download():
        page.locator("[data-calendar-for='due'] [data-calendar-provider='outlook']").click()
    expect(page.locator('[data-calendar-for="due"] .calendar-links__message')).to_contain_text("Downloaded")
    assert page.evaluate(PAINTED_OVER_THE_OVERLAP) == "notice"


KNOB_TRANSITION = """() => getComputedStyle(
  document.querySelector('.calendar-links-app__track'), '::after').transitionDuration"""


@pytest.mark.parametrize(("motion", "duration"), [("no-preference", "0.12s"), ("reduce", "0s")])
def test_reduced_motion_keeps_the_switch_knob_still(
    context: BrowserContext, page: Page, base_url: str, motion: str, duration: str
) -> None:
    page.emulate_media(reduced_motion=motion)  # type: ignore[arg-type]
    open_host(context, page, base_url + "market.html", page_with(RECORD + "<div data-calendar-marketplace></div>"))
    assert page.evaluate(KNOB_TRANSITION) == duration


def test_a_held_enter_key_is_one_tab_and_one_download(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    open_host(context, page, base_url + "held.html", page_with(RECORD))
    downloads: list[Download] = []
    page.on("download", lambda download: downloads.append(download))
    for provider in ("google", "outlook"):
        page.locator(f"[data-calendar-provider='{provider}']").focus()
        # The first keydown, then the keyboard's auto-repeat (repeat=true) while it stays down.
        for _ in range(20):
            page.keyboard.down("Enter")
        page.keyboard.up("Enter")
    page.wait_for_timeout(500)
    assert len(context.pages) == 2 and len(watch.provider_urls) == 1
    assert len(downloads) == 1


BASE_HREF_RECORD = (
    '<div data-calendar-record data-record-id="R-1" data-record-name="Acme renewal" data-record-url="deals/7">'
    '<span data-calendar-field="due" data-field-type="date" data-value="2026-12-01">1 Dec 2026</span></div>'
)


def test_a_relative_record_link_resolves_against_base_href(context: BrowserContext, page: Page, base_url: str) -> None:
    open_host(context, page, base_url + "crm/page.html", page_with(BASE_HREF_RECORD, head='<base href="/app/">'))
    assert page.evaluate("document.baseURI") == base_url + "app/"
    with page.expect_download() as download:
        page.locator("[data-calendar-provider='outlook']").click()
    event = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes()).walk("VEVENT")[0]
    assert str(event["URL"]) == base_url + "app/deals/7"
