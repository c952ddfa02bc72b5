"""End-to-end: right-to-left pages (Arabic, Hebrew), and where a click's notice floats.

Our words are English on these pages (there is no Arabic or Hebrew catalog): they must read
as English, left to right, with the page's own words (a field's label, a value typed into it,
a date the browser writes in the page's language) isolated inside them, while the button
group and its menu mirror with the page. Positions come from the layout (bounding boxes and
text ranges); screenshots go to test-artifacts/rtl-*.png for a person to look at.
"""

from __future__ import annotations

import pytest
from conftest import ARTIFACTS, START_TIMEOUT_MS, PageWatch, enable_calendars, guard_route
from playwright.sync_api import Browser, BrowserContext, Locator, Page, ViewportSize, expect
from test_host_conditions import page_with
from test_host_faults import expect_failed, open_failing, open_host
from test_ux import PHONE, ContextOptions

from calendar_links_core.providers.registry import PROVIDERS

# A contract's record in each language: its name, a renewal date no calendar has, a birthday
# that reads, and the next row's input, which a notice must not cover.
WORDS = {
    "ar": {"record": "عقد أكمي", "renewal": "تجديد العقد", "birthday": "عيد الميلاد", "call": "مكالمة"},
    "he": {"record": "חוזה אקמה", "renewal": "חידוש החוזה", "birthday": "יום הולדת", "call": "שיחה"},
}


def record(code: str) -> str:
    said = WORDS[code]
    rows = (
        f'<p><span data-calendar-field="renewal" data-field-type="date" data-field-label="{said["renewal"]}">31.02.2027</span></p>'
        f'<p><time data-calendar-field="birthday" data-field-type="date" data-field-label="{said["birthday"]}"'
        ' datetime="2026-12-10">10.12.2026</time></p>'
        f'<p><label>{said["call"]} <input data-calendar-field="call" data-field-type="datetime"'
        f' data-field-label="{said["call"]}" value="2026-12-11T15:00"></label></p>'
    )
    return (
        f'<div data-calendar-record data-record-id="R-1" data-record-name="{said["record"]}"'
        f' style="font: 16px/1.5 sans-serif">{rows}</div>'
    )


def record_page(code: str) -> str:
    return page_with(
        record(code), html_attributes=f'lang="{code}" dir="rtl"', head='<meta name="viewport" content="width=device-width"><meta name="color-scheme" content="light dark">'
    )


# Our words' language and direction, the values isolated in them, and where the sentence's
# first value and its final full stop are painted (the stop right after the letter before it).
READ_MESSAGE = """(selector) => {
  const message = document.querySelector(selector);
  const box = message.getBoundingClientRect();
  const style = getComputedStyle(message);
  const text = [...message.childNodes].filter((node) => node.nodeType === 3).at(-1);
  const character = (at) => {
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    return range.getBoundingClientRect();
  };
  const stop = character(text.length - 1), letter = character(text.length - 2);
  const first = message.querySelector('bdi').getBoundingClientRect();
  return {
    lang: message.closest('[lang]').lang, direction: style.direction,
    values: [...message.querySelectorAll('bdi')].map((bdi) => bdi.textContent),
    startsWithValue: message.firstChild.nodeName === 'BDI',
    firstValueAtLeft: first.left - box.left - parseFloat(style.paddingLeft) - parseFloat(style.borderLeftWidth),
    stopAfterLetter: stop.left - letter.right, sameLine: Math.abs(stop.top - letter.top) < 1,
    lastCharacter: text.textContent.at(-1),
    inViewport: box.left >= 0 && box.right <= document.documentElement.clientWidth,
  };
}"""


def _button(page: Page, key: str, provider: str = "outlook") -> Locator:
    return page.locator(f'[data-calendar-for="{key}"] [data-calendar-provider="{provider}"]')


@pytest.mark.parametrize("code", ["ar", "he"])
def test_our_english_on_a_right_to_left_page_reads_left_to_right_with_the_values_isolated(
    context: BrowserContext, page: Page, base_url: str, code: str
) -> None:
    said = WORDS[code]
    page.set_viewport_size({"width": 1280, "height": 900})
    open_host(context, page, base_url + f"{code}.html", record_page(code))
    problem = page.locator('[data-calendar-for="renewal"] .calendar-links__message')
    expect(problem).to_contain_text("is not a real date")
    read = page.evaluate(READ_MESSAGE, '[data-calendar-for="renewal"] .calendar-links__message')
    assert (read["lang"], read["direction"]) == ("en", "ltr")
    # "تجديد العقد: "31.02.2027" is not a real date. …": the label first, at the left, the
    # quoted value whole, the full stop right of the word it ends.
    assert read["values"] == [said["renewal"], '"31.02.2027"']
    assert read["startsWithValue"] and abs(read["firstValueAtLeft"]) < 2
    assert read["lastCharacter"] == "." and read["sameLine"] and abs(read["stopAfterLetter"]) < 1
    # The buttons speak English, their label's values isolated by FSI … PDI.
    google = _button(page, "birthday", "google")
    expect(google).to_have_attribute("lang", "en")
    expect(google).to_have_attribute("dir", "ltr")
    expect(google).to_have_attribute("aria-label", f"Add \u2068{said['birthday']}\u2069 to Google Calendar")
    # The group mirrors: it stands at the field's inline end, its left, in the page's direction.
    group = page.locator('[data-calendar-for="birthday"]')
    assert group.evaluate("(group) => getComputedStyle(group).direction") == "rtl"
    field_box, group_box = page.locator("time").bounding_box(), group.bounding_box()
    assert field_box and group_box and group_box["x"] + group_box["width"] <= field_box["x"] + 1
    with page.expect_download():
        _button(page, "birthday").click()
    notice = page.locator('[data-calendar-for="birthday"] .calendar-links__message')
    expect(notice).to_contain_text("Downloaded for Outlook")
    read = page.evaluate(READ_MESSAGE, '[data-calendar-for="birthday"] .calendar-links__message')
    assert (read["lang"], read["direction"]) == ("en", "ltr") and read["inViewport"]
    # The date is the browser's, in the page's language, isolated inside the English sentence.
    written = page.evaluate(
        "(code) => new Intl.DateTimeFormat(code, {dateStyle: 'full', timeZone: 'UTC'}).format(Date.UTC(2026, 11, 10, 12))",
        code,
    )
    assert written in read["values"]
    # Read out once, in English.
    region = page.locator(".calendar-links-announcer")
    expect(region).to_have_attribute("lang", "en")
    expect(region).to_have_text(notice.inner_text())


def test_the_failure_notice_on_a_right_to_left_page_reads_left_to_right(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    # A policy that blocks WebAssembly: the runtime module's English one-liner.
    open_failing(context, page, base_url + "he.html", record_page("he"), {"Content-Security-Policy": "script-src 'self'"})
    expect_failed(page, "blocks WebAssembly")
    notice = page.locator(".calendar-links-failure")
    expect(notice).to_have_attribute("lang", "en")
    assert notice.evaluate("(notice) => getComputedStyle(notice).direction") == "ltr"
    watch.console_errors.clear()


MENU_BOXES = """() => {
  const trigger = document.querySelector('[data-calendar-for="birthday"] [data-calendar-menu]');
  const menu = trigger.nextElementSibling;
  const [g, m] = [trigger.parentElement.getBoundingClientRect(), menu.getBoundingClientRect()];
  return { groupLeft: g.left, groupRight: g.right, menuLeft: m.left, menuRight: m.right,
           width: document.documentElement.clientWidth, itemDirection: getComputedStyle(menu.firstElementChild).direction };
}"""


@pytest.mark.parametrize("code", ["ar", "he"])
def test_the_menu_mirrors_opens_toward_the_inline_end_and_stays_in_the_viewport(
    context: BrowserContext, page: Page, base_url: str, code: str
) -> None:
    enable_calendars(context, {provider.key: True for provider in PROVIDERS})
    page.set_viewport_size({"width": 1280, "height": 900})
    open_host(context, page, base_url + f"{code}.html", record_page(code))
    page.locator('[data-calendar-for="birthday"] [data-calendar-menu]').click()
    boxes = page.evaluate(MENU_BOXES)
    # From the group's right edge (its inline start) leftwards, the page's inline end.
    assert abs(boxes["menuRight"] - boxes["groupRight"]) < 1 and boxes["menuLeft"] >= 0
    assert boxes["itemDirection"] == "ltr"
    page.keyboard.press("Escape")
    # A record against the viewport's left edge leaves no room leftwards: the menu opens the
    # other way, still whole.
    page.evaluate("document.querySelector('time').parentElement.style.cssText = 'position: absolute; left: 0; top: 0; margin: 0'")
    page.locator('[data-calendar-for="birthday"] [data-calendar-menu]').click()
    boxes = page.evaluate(MENU_BOXES)
    assert boxes["groupLeft"] < 50 and boxes["menuRight"] - boxes["menuLeft"] > 100
    assert boxes["menuLeft"] >= 0 and boxes["menuRight"] <= boxes["width"]
    assert abs(boxes["menuLeft"] - boxes["groupLeft"]) < 2


# --- The notice follows its button -----------------------------------------------------------

NOTICE_AND_BUTTON = """() => {
  const button = document.querySelector('[data-calendar-for="birthday"] [data-calendar-provider="outlook"]');
  const notice = document.querySelector('[data-calendar-for="birthday"] .calendar-links__message');
  const call = document.querySelector('[data-calendar-field="call"]');
  const [b, n, c] = [button.getBoundingClientRect(), notice.getBoundingClientRect(), call.getBoundingClientRect()];
  const overlaps = (p, q) => p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
  return { dx: n.left - b.left, dy: n.top - b.top, coversNextInput: overlaps(n, c),
           inViewport: n.left >= 0 && n.right <= document.documentElement.clientWidth };
}"""
TALL = '<div style="height: 150vh"></div>'


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 700}, {"width": 390, "height": 700}])
@pytest.mark.parametrize("scroller", ["page", "box"])
def test_a_click_notice_stays_by_its_button_as_the_page_or_a_box_scrolls_and_leaves_the_next_input_free(
    context: BrowserContext, page: Page, base_url: str, viewport: ViewportSize, scroller: str
) -> None:
    page.set_viewport_size(viewport)
    rows = record("he")
    if scroller == "box":
        body = f'<div id="box" style="height: 400px; overflow: auto; border: 1px solid">{TALL}{rows}{TALL}</div>'
    else:
        body = f"{TALL}{rows}{TALL}"
    open_host(context, page, base_url + "long.html", page_with(body, html_attributes='lang="en"'))
    _button(page, "birthday").scroll_into_view_if_needed()
    with page.expect_download():
        _button(page, "birthday").click()
    expect(page.locator('[data-calendar-for="birthday"] .calendar-links__message')).to_contain_text("Downloaded")
    before = page.evaluate(NOTICE_AND_BUTTON)
    assert not before["coversNextInput"] and before["inViewport"]
    if scroller == "box":
        page.evaluate("document.querySelector('#box').scrollBy(0, 60)")
    else:
        page.mouse.wheel(0, 60)
    page.wait_for_function("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))")
    after = page.evaluate(NOTICE_AND_BUTTON)
    assert abs(after["dx"] - before["dx"]) < 1 and abs(after["dy"] - before["dy"]) < 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"notice-{scroller}-{viewport['width']}.png"))


# --- Pictures --------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["ar", "he"])
def test_screenshots_of_right_to_left_pages_light_dark_and_phone(
    browser: Browser, watch: PageWatch, base_url: str, code: str
) -> None:
    """A problem message, a click's notice and an open menu, for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    for variant in ("light", "dark", "phone"):
        options: ContextOptions = PHONE if variant == "phone" else {"viewport": {"width": 1280, "height": 900}}
        context = browser.new_context(color_scheme="dark" if variant == "dark" else "light", **options)
        context.route("**/*", lambda route: guard_route(watch, route))
        enable_calendars(context, {provider.key: True for provider in PROVIDERS})
        page = context.new_page()
        page.set_default_timeout(START_TIMEOUT_MS)
        try:
            open_host(context, page, base_url + f"{code}.html", record_page(code))
            expect(page.locator('[data-calendar-for="renewal"] .calendar-links__message')).not_to_be_empty()
            page.locator('[data-calendar-for="birthday"] [data-calendar-menu]').click()
            with page.expect_download():
                page.locator('[data-calendar-for="birthday"] [data-calendar-provider="outlook"]').click()
            expect(page.locator('[data-calendar-for="birthday"] .calendar-links__message')).to_contain_text("Downloaded")
            # Opened from the keyboard: a click elsewhere would clear the notice.
            page.locator('[data-calendar-for="call"] [data-calendar-menu]').focus()
            page.keyboard.press("ArrowDown")
            path = ARTIFACTS / f"rtl-{code}-{variant}.png"
            page.screenshot(path=str(path))
        finally:
            context.close()
        assert path.stat().st_size > 10_000
