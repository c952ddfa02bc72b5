"""End-to-end: pages with more fields than WINDOW_FROM get groups only near the view.

Fields come within a viewport's height of the view and get their group (and their value
checked); they go further away and lose it, unless someone is using it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import HOST, READY, PageWatch, open_ready, set_integrations
from playwright.sync_api import BrowserContext, Page

FIELDS = 1_500
# One field per line, ten to a record; the last field's value can't be read.
BUILD_LONG_PAGE = """(count) => {
  const host = document.getElementById('host');
  for (let start = 0; start < count; start += 10) {
    const record = document.createElement('section');
    record.setAttribute('data-calendar-record', '');
    record.setAttribute('data-record-id', `R${start / 10}`);
    record.setAttribute('data-record-name', `Record ${start / 10}`);
    for (let index = start; index < Math.min(count, start + 10); index += 1) {
      const line = document.createElement('p');
      const field = document.createElement('span');
      field.setAttribute('data-calendar-field', `f${index}`);
      field.setAttribute('data-field-type', 'date');
      field.setAttribute('data-value', index === count - 1 ? 'not a date' : `2027-03-${String(1 + index % 28).padStart(2, '0')}`);
      field.textContent = `Field ${index}`;
      line.append(field);
      record.append(line);
    }
    host.append(record);
  }
}"""
GROUPED = """() => [...document.querySelectorAll('[data-calendar-field]')]
  .map((field, index) => field.nextElementSibling?.matches('.calendar-links') ? index : -1)
  .filter((index) => index >= 0)"""
# Every field within a viewport's height of the view has its group.
NEAR_FIELDS_GROUPED = """() => [...document.querySelectorAll('[data-calendar-field]')].every((field) => {
  const box = field.getBoundingClientRect();
  const near = box.bottom > -innerHeight && box.top < 2 * innerHeight;
  return !near || field.nextElementSibling?.matches('.calendar-links');
})"""


def group_of(page: Page, index: int) -> Any:
    return page.locator(f'[data-calendar-for="f{index}"]')


def scroll_to_field(page: Page, index: int) -> None:
    page.evaluate("(index) => document.querySelector(`[data-calendar-field=\"f${index}\"]`).scrollIntoView()", index)


@pytest.fixture
def long_page(context: BrowserContext, page: Page, base_url: str) -> Page:
    """A long page from the first load: the app's first pass meets every field."""
    set_integrations(context, google=True, outlook=True)
    context.add_init_script(
        f"document.addEventListener('DOMContentLoaded', () => ({BUILD_LONG_PAGE})({FIELDS}));"
    )
    open_ready(page, base_url + HOST)
    page.wait_for_selector(READY, state="attached")
    page.wait_for_function(NEAR_FIELDS_GROUPED)
    return page


def test_a_long_page_is_ready_with_groups_near_the_view_only(long_page: Page) -> None:
    grouped = long_page.evaluate(GROUPED)
    assert grouped[0] == 0
    # A viewport is a few dozen lines: with one above and one below, and whole runs of
    # fields, far fewer than the page's fields have groups.
    assert len(grouped) < 300
    assert FIELDS - 1 not in grouped
    # No loading placeholder on every field of a long page: only the fields near it get buttons.
    assert long_page.get_attribute("html", "data-calendar-links-calendars") is None


def test_fields_get_their_groups_and_checks_as_they_come_near_and_lose_them_far(
    long_page: Page, context: BrowserContext, watch: PageWatch
) -> None:
    scroll_to_field(long_page, FIELDS - 1)
    last = group_of(long_page, FIELDS - 1)
    last.wait_for()
    # Checked on arrival: the unreadable value says so, its buttons inactive.
    long_page.wait_for_function(
        f"""() => document.querySelector('[data-calendar-for="f{FIELDS - 1}"] [data-calendar-provider]')
              ?.getAttribute('aria-disabled') === 'true'"""
    )
    assert last.locator(".calendar-links__message--problem").count() == 1
    # The top of the page is far now: its groups went.
    long_page.wait_for_function(f"() => !({GROUPED})().includes(0)")
    assert len(long_page.evaluate(GROUPED)) < 300
    with context.expect_page() as new_tab:
        group_of(long_page, FIELDS - 2).locator('[data-calendar-provider="google"]').click()
    new_tab.value.wait_for_load_state()
    dates = parse_qs(urlsplit(watch.provider_urls[-1]).query)["dates"]
    assert dates == [f"202703{1 + (FIELDS - 2) % 28:02d}/202703{2 + (FIELDS - 2) % 28:02d}"]


def test_a_group_in_use_stays_when_its_field_goes_far(long_page: Page) -> None:
    group_of(long_page, 1).locator('[data-calendar-provider="google"]').focus()
    group_of(long_page, 2).locator('[data-calendar-provider="outlook"]').click()
    group_of(long_page, 2).locator(".calendar-links__message--notice").wait_for()
    # The click moved focus to group 2; group 1 is no longer in use, group 2 is.
    long_page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    long_page.wait_for_function(f"() => !({GROUPED})().includes(1)")
    assert group_of(long_page, 2).count() == 1
    long_page.evaluate("() => window.scrollTo(0, 0)")
    long_page.wait_for_function(NEAR_FIELDS_GROUPED)
    assert group_of(long_page, 1).count() == 1


def test_a_host_adding_many_fields_at_once_gets_groups_near_the_view(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url + HOST)
    page.evaluate(BUILD_LONG_PAGE, FIELDS)
    page.wait_for_function(NEAR_FIELDS_GROUPED)
    grouped = page.evaluate(GROUPED)
    assert 0 in grouped and len(grouped) < 300
    # Removed again, all at once: nothing of ours stays behind.
    page.evaluate("() => document.getElementById('host').replaceChildren()")
    page.wait_for_function("() => document.querySelectorAll('.calendar-links').length === 0")
    # A short record added next: all of it is near the view, every field gets its group.
    page.evaluate(BUILD_LONG_PAGE, 5)
    page.wait_for_function(f"() => ({GROUPED})().length === 5")


def test_tab_moves_through_groups_made_ahead_of_it(long_page: Page) -> None:
    group_of(long_page, 0).locator('[data-calendar-provider="google"]').focus()
    steps = 200
    # Two buttons a field: far past the groups there were at ready.
    assert steps not in long_page.evaluate(GROUPED)
    for _ in range(2 * steps):
        long_page.keyboard.press("Tab")
    focused = long_page.evaluate(
        "() => [document.activeElement.closest('.calendar-links')?.dataset.calendarFor,"
        " document.activeElement.dataset.calendarProvider]"
    )
    assert focused == [f"f{steps}", "google"]
