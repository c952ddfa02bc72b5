"""End-to-end: calendar-links in a real Django admin (examples/django_admin/), installed
as a user installs it.

The built wheel goes into a clean virtual environment with Django 5.2 LTS, and into one with
Django 6.0 (tests/installed_django.py); the example adds nothing but "calendar_links_django"
to INSTALLED_APPS and sends the README's Content-Security-Policy. A session fixture migrates
a fresh SQLite database in a temporary folder, fills it with the example's records
(crm/seed_data.py) and starts Django's runserver on 127.0.0.1. The browser is in New York
with an en-US locale; the admin speaks German (its language cookie) in Berlin time. Every
expected event below is computed from the seed data, and every date in it has a day of 12 or
less, so a date read in the wrong order would be another real date, not an error.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from conftest import READY, ROOT, PageWatch, guard_route, set_integrations
from installed_django import clean_environment, environment, python_at_least, running_server
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

EXAMPLE = ROOT / "examples" / "django_admin"
sys.path.insert(0, str(EXAMPLE))
from crm.seed_data import ADMIN, CONTACTS, DEALS, VIEWER  # noqa: E402

BERLIN = ZoneInfo("Europe/Berlin")
SETTLED = """() => [...document.querySelectorAll('[data-calendar-field]')].every((field) => {
  let next = field.nextElementSibling;
  while (next && next.matches('.datetimeshortcuts')) next = next.nextElementSibling;
  return next && next.matches('.calendar-links');
})"""
# Django release: (requirements file, the oldest Python it runs on).
DJANGO_RELEASES = {"5.2": ("django-5.2.txt", (3, 10)), "6.0": ("django-6.0.txt", (3, 12))}


def example_python(release: str) -> Path:
    """The python of a clean environment with that Django release and the built wheel."""
    requirements, oldest = DJANGO_RELEASES[release]
    python = python_at_least(*oldest)
    if python is None:
        pytest.skip(f"Django {release} needs Python {oldest[0]}.{oldest[1]} or newer; none found")
    return environment(requirements, python)


def manage(python: Path, *arguments: str, env: dict[str, str]) -> None:
    subprocess.run([python, "manage.py", *arguments], cwd=EXAMPLE, env=env, check=True, capture_output=True)


@pytest.fixture(scope="session")
def example_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], str]]:
    """The example's URL on a Django release, its server started on first use."""
    with ExitStack() as servers:
        urls: dict[str, str] = {}

        def url_for(release: str) -> str:
            if release not in urls:
                python = example_python(release)
                database = tmp_path_factory.mktemp(f"crm-{release}") / "crm.sqlite3"
                env = clean_environment(CRM_DATABASE=str(database))
                manage(python, "migrate", "--noinput", env=env)
                manage(python, "seed_crm", env=env)
                urls[release] = servers.enter_context(running_server([python, "manage.py"], EXAMPLE, env, "/admin/login/"))
            return urls[release]

        yield url_for


@pytest.fixture(scope="session")
def django_url(example_sites: Callable[[str], str]) -> str:
    return example_sites("5.2")


@pytest.fixture
def context(browser: Browser, watch: PageWatch) -> Iterator[BrowserContext]:
    context = browser.new_context(accept_downloads=True, timezone_id="America/New_York", locale="en-US")
    context.route("**/*", lambda route: guard_route(watch, route))
    set_integrations(context, google=True, outlook=True)
    yield context
    context.close()


def log_in(context: BrowserContext, page: Page, url: str, user: tuple[str, str], language: str) -> None:
    context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    page.goto(url + "/admin/login/")
    page.fill("#id_username", user[0])
    page.fill("#id_password", user[1])
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def open_admin(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and "script-src 'self' 'wasm-unsafe-eval'" in response.headers["content-security-policy"]
    page.wait_for_selector(READY, state="attached")
    page.wait_for_function(SETTLED)


def google_dates(context: BrowserContext, watch: PageWatch, button: Locator) -> str:
    with context.expect_page() as new_tab:
        button.click()
    new_tab.value.wait_for_load_state()
    new_tab.value.close()
    return parse_qs(urlsplit(watch.provider_urls[-1]).query)["dates"][0]


def google_button(page: Page, key: str, record_id: str) -> Locator:
    return page.locator(
        f'[data-record-id="{record_id}"] .calendar-links[data-calendar-for="{key}"] [data-calendar-provider="google"]'
    )


def all_day(day: date) -> str:
    return f"{day:%Y%m%d}/{day + timedelta(days=1):%Y%m%d}"


def timed(wall: datetime, minutes: int = 30) -> str:
    start = wall.replace(tzinfo=BERLIN).astimezone(timezone.utc)
    return f"{start:%Y%m%dT%H%M%SZ}/{start + timedelta(minutes=minutes):%Y%m%dT%H%M%SZ}"


def expected_events() -> list[tuple[str, str, str, str]]:
    """(admin page, record id, field key, Google dates) for every date in the seed data."""
    events = []
    for number, (_name, _email, birthday, next_call) in enumerate(CONTACTS, start=1):
        page, record = f"/admin/crm/contact/{number}/change/", f"crm.contact:{number}"
        events += [(page, record, "birthday", all_day(birthday)), (page, record, "next_call", timed(next_call))]
    activity = 0
    for number, (_title, _contact, close_date, activities) in enumerate(DEALS, start=1):
        page = f"/admin/crm/deal/{number}/change/"
        events.append((page, f"crm.deal:{number}", "close_date", all_day(close_date)))
        for _subject, due in activities:
            activity += 1
            events.append((page, f"crm.activity:{activity}", "due", timed(due)))
    return events


@pytest.mark.parametrize("release", list(DJANGO_RELEASES))
@pytest.mark.parametrize("user", [ADMIN, VIEWER], ids=["change-form", "read-only"])
def test_a_german_admin_gives_every_seeded_date_right_in_a_new_york_browser(
    context: BrowserContext,
    watch: PageWatch,
    page: Page,
    example_sites: Callable[[str], str],
    user: tuple[str, str],
    release: str,
) -> None:
    # No configuration but the INSTALLED_APPS line: every date right, on dates that read as
    # other real dates in the wrong order.
    django_url = example_sites(release)
    log_in(context, page, django_url, user, "de")
    events = expected_events()
    wrong = []
    for admin_page in dict.fromkeys(page_url for page_url, *_ in events):
        open_admin(page, django_url + admin_page)
        for page_url, record, key, dates in events:
            if page_url == admin_page:
                got = google_dates(context, watch, google_button(page, key, record))
                if got != dates:
                    wrong.append((record, key, got, dates))
    assert wrong == [], f"{len(wrong)} of {len(events)} events wrong"


def test_english_read_only_text_is_read_as_django_prints_it(
    context: BrowserContext, watch: PageWatch, page: Page, django_url: str
) -> None:
    log_in(context, page, django_url, VIEWER, "en")
    open_admin(page, django_url + "/admin/crm/deal/1/change/")
    shown = page.locator('[data-calendar-field="due"]').all_text_contents()
    assert shown == [
        "Feb. 3, 2026, 9:30 a.m.", "Jan. 2, 2026, noon", "Nov. 5, 2026, 3 p.m.", "April 1, 2026, midnight"
    ]  # fmt: skip
    for number, (_subject, due) in enumerate(DEALS[0][3], start=1):
        assert google_dates(context, watch, google_button(page, "due", f"crm.activity:{number}")) == timed(due)


def test_a_date_picked_in_djangos_calendar_popup_is_read(
    context: BrowserContext, watch: PageWatch, page: Page, django_url: str
) -> None:
    log_in(context, page, django_url, ADMIN, "de")
    open_admin(page, django_url + "/admin/crm/contact/1/change/")
    birthday = page.locator("#id_birthday")
    # The shortcuts stay with their input; our buttons come after them.
    assert birthday.evaluate("(input) => input.nextElementSibling.className") == "datetimeshortcuts"
    assert birthday.evaluate("(input) => input.nextElementSibling.nextElementSibling.className") == "calendar-links"
    page.locator("#calendarlink0").click()
    page.locator("#calendarbox0 td").get_by_text("3", exact=True).click()
    expect(birthday).to_have_value("03.12.1815")
    assert google_dates(context, watch, google_button(page, "birthday", "crm.contact:1")) == all_day(date(1815, 12, 3))
    # The split widget, edited in both halves.
    page.fill("#id_next_call_0", "05.11.2026")
    page.fill("#id_next_call_1", "07:45:00")
    assert google_dates(context, watch, google_button(page, "next_call", "crm.contact:1")) == timed(
        datetime(2026, 11, 5, 7, 45)
    )


def test_the_add_page_is_quiet_and_follows_the_admin_theme(context: BrowserContext, page: Page, django_url: str) -> None:
    log_in(context, page, django_url, ADMIN, "de")
    open_admin(page, django_url + "/admin/crm/deal/add/")
    groups = page.locator(".calendar-links:visible")
    expect(groups.first).to_be_visible()
    assert page.locator(".calendar-links--problem").count() == 0
    assert page.locator(".calendar-links__message--problem").count() == 0
    for button in page.locator(".calendar-links:visible [data-calendar-provider]").all():
        expect(button).to_have_attribute("aria-disabled", "true")
    close = page.locator('.calendar-links[data-calendar-for="close_date"]')
    expect(close.locator(".calendar-links__message")).to_have_text("Close date: noch kein Datum.")
    # Django's theme switch sets <html data-theme>; our colours follow it, not the system.
    page.emulate_media(color_scheme="light")
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    button = close.locator("button").first
    assert button.evaluate("(b) => getComputedStyle(b).colorScheme") == "dark"
    page.screenshot(path=str(ROOT / "test-artifacts" / "django-admin-add-dark.png"), full_page=True)


def test_an_inline_row_added_after_load_gets_working_buttons(
    context: BrowserContext, watch: PageWatch, page: Page, django_url: str
) -> None:
    log_in(context, page, django_url, ADMIN, "de")
    open_admin(page, django_url + "/admin/crm/deal/2/change/")
    page.locator(".add-row a").click()
    row = page.locator("#activities-2")
    group = row.locator(".calendar-links")
    expect(group).to_have_count(1)
    expect(group.locator(".calendar-links__message")).to_have_text("Due: noch kein Datum und keine Uhrzeit.")
    page.fill("#id_activities-2-due_0", "04.02.2026")
    page.fill("#id_activities-2-due_1", "11:00:00")
    google = group.locator('[data-calendar-provider="google"]')
    expect(google).not_to_have_attribute("aria-disabled", "true")
    assert google_dates(context, watch, google) == timed(datetime(2026, 2, 4, 11, 0))


def test_a_new_user_enables_google_in_the_panel_inside_djangos_form(
    browser: Browser, watch: PageWatch, django_url: str
) -> None:
    # Nothing stored yet: every calendar is off until enabled in the panel below the fields.
    context = browser.new_context(timezone_id="America/New_York", locale="en-US")
    context.route("**/*", lambda route: guard_route(watch, route))
    page = context.new_page()
    page.on("console", lambda message: watch.console_errors.append(message.text) if message.type == "error" else None)
    try:
        log_in(context, page, django_url, ADMIN, "de")
        page.goto(django_url + "/admin/crm/contact/2/change/")
        page.wait_for_selector(READY, state="attached")
        assert page.locator(".calendar-links").count() == 0
        page.locator("summary", has_text="Kalender-Schaltflächen").click()  # in the admin's language
        page.locator('[data-calendar-app="google"] button').click()
        expect(page.locator('.calendar-links[data-calendar-for="birthday"] [data-calendar-provider="google"]')).to_be_visible()
        # Enter in the panel's account field saves the account, not Django's form.
        account = page.locator('[data-calendar-setting="google-account"]')
        account.fill("grace@example.com")
        account.press("Enter")
        expect(page.locator(".calendar-links-settings [role=status]")).to_contain_text("grace@example.com")
        assert urlsplit(page.url).path == "/admin/crm/contact/2/change/"
        assert page.locator(".messagelist").count() == 0  # Django says nothing was saved
        google = page.locator('.calendar-links[data-calendar-for="birthday"] [data-calendar-provider="google"]')
        with context.expect_page() as new_tab:
            google.click()
        new_tab.value.wait_for_load_state()
        query = parse_qs(urlsplit(watch.provider_urls[-1]).query)
        assert query["authuser"] == ["grace@example.com"]
        assert query["dates"] == [all_day(CONTACTS[1][2])]
        assert watch.console_errors == []
    finally:
        context.close()


NOTICE_SEEN_WHOLE = """(notice) => {
  // Every point of the notice's box is the notice itself (or its text), not clipped away by
  // an ancestor's overflow nor covered: checked on a grid, corners included. The notice lets
  // clicks through (pointer-events: none), which hit-testing honours: off while we probe.
  const box = notice.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  notice.style.pointerEvents = 'auto';
  try {
  for (const fx of [0.02, 0.25, 0.5, 0.75, 0.98]) {
    for (const fy of [0.05, 0.5, 0.95]) {
      const hit = document.elementFromPoint(box.left + fx * box.width, box.top + fy * box.height);
      if (!hit || !notice.contains(hit)) return false;
    }
  }
  } finally {
    notice.style.pointerEvents = '';
  }
  return true;
}"""


def test_the_notice_after_a_click_stays_whole_in_the_admins_clipping_form_rows(
    context: BrowserContext, watch: PageWatch, page: Page, django_url: str
) -> None:
    # The admin's .form-row has overflow: hidden, which cut 30-92 % of the notice off.
    log_in(context, page, django_url, ADMIN, "de")
    open_admin(page, django_url + "/admin/crm/contact/1/change/")
    row = page.locator(".form-row.field-birthday")
    assert row.evaluate("(row) => getComputedStyle(row).overflow") == "hidden"
    group = page.locator('.calendar-links[data-calendar-for="birthday"]')
    before = group.bounding_box()
    google_dates(context, watch, google_button(page, "birthday", "crm.contact:1"))
    notice = group.locator(".calendar-links__message--notice")
    expect(notice).not_to_be_empty()
    assert notice.evaluate(NOTICE_SEEN_WHOLE)
    assert group.bounding_box() == before  # nothing moved
    # Said once, through the page's one live region; the notice itself is no second one.
    expect(page.locator(".calendar-links-announcer")).to_have_text(notice.text_content() or "")
    assert notice.get_attribute("role") is None and notice.get_attribute("aria-live") is None
