"""End-to-end: django-crm-admin, a real CRM from PyPI built on Django's admin (its own admin
sites, ModelAdmin bases, templates and two-digit-year date formats), with calendar-links
installed as docs/django.md says and nothing of the CRM changed (tests/crm_host/).

Its pinned wheels (requirements/django-crm.txt, with hashes) and our built wheel go into a
clean Python 3.12 environment; its own `setupdata` command and tests/crm_host/seed_crm_host.py
fill a database (kept under build/ between runs). Every record page of both its admin sites
must answer 200 and mark every date it shows; on its own site (the CRM's user interface) every
such date must give the event of the value in the database, under the README's CSP, with the
CRM's own template blocks still there.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import READY, ROOT, START_TIMEOUT_MS, PageWatch, guard_route, set_integrations
from installed_django import BUILD, clean_environment, environment, python_at_least, running_server
from playwright.sync_api import Browser

HOST = ROOT / "tests" / "crm_host"
REQUIREMENTS = "django-crm.txt"
# The CRM's own login page, under its settings' SECRET_CRM_PREFIX and SECRET_LOGIN_PREFIX.
LOGIN = "/en/123/789-login/"
CRM_SITE = "site"  # the name of the CRM's own AdminSite
CSP_SCRIPTS = "script-src 'self' 'wasm-unsafe-eval'"  # the README's policy for scripts
SETTLED = """() => [...document.querySelectorAll('[data-calendar-field]')].every((field) => {
  let next = field.nextElementSibling;
  while (next && next.matches('.datetimeshortcuts')) next = next.nextElementSibling;
  return next && next.matches('.calendar-links');
})"""


@dataclass(frozen=True)
class Crm:
    url: str
    pages: list[dict[str, Any]]


def _seeded_database(python: Path, env: dict[str, str], target: Path) -> None:
    # The CRM's setupdata (migrations and fixtures) takes a minute: its result is kept, by the
    # hash of the pins and of our seed script.
    key = hashlib.sha256(
        (ROOT / "requirements" / REQUIREMENTS).read_bytes() + (HOST / "seed_crm_host.py").read_bytes()
    ).hexdigest()[:12]
    cached = BUILD / "test-crm" / f"crm-{key}.sqlite3"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        building = {**env, "CRM_DATABASE": str(cached.with_suffix(".partial"))}
        for command in (["-m", "django", "setupdata"], ["seed_crm_host.py"]):
            subprocess.run([python, *command], cwd=HOST, env=building, check=True, capture_output=True)
        cached.with_suffix(".partial").rename(cached)
    shutil.copyfile(cached, target)


@pytest.fixture(scope="session")
def crm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crm]:
    interpreter = python_at_least(3, 12, below=(3, 13))
    if interpreter is None:
        pytest.skip("django-crm-admin's pinned wheels are for Python 3.12; none found")
    python = environment(REQUIREMENTS, interpreter, no_deps=True)
    database = tmp_path_factory.mktemp("third-party-crm") / "crm.sqlite3"
    env = clean_environment(DJANGO_SETTINGS_MODULE="crm_host_settings", CRM_DATABASE=str(database))
    _seeded_database(python, env, database)
    listing = subprocess.run([python, "record_pages.py"], cwd=HOST, env=env, check=True, capture_output=True, text=True)
    with running_server([python, "-m", "django"], HOST, env, LOGIN) as url:
        yield Crm(url, json.loads(listing.stdout.splitlines()[-1]))


def test_every_record_page_of_both_admin_sites_answers_200_and_marks_every_date(crm: Crm) -> None:
    assert len(crm.pages) >= 30
    assert [page["url"] for page in crm.pages if page["status"] != 200] == []
    unmarked = [(page["url"], name) for page in crm.pages for name in page["fields"] if name not in page["marked"]]
    assert unmarked == []
    assert sum(len(page["fields"]) for page in crm.pages) >= 60


def expected_dates(field: dict[str, str]) -> str:
    """Google's `dates` for the stored value: all-day for a date, 30 minutes from the instant."""
    if field["type"] == "date":
        day = date.fromisoformat(field["value"])
        return f"{day:%Y%m%d}/{day + timedelta(days=1):%Y%m%d}"
    start = datetime.fromisoformat(field["value"]).astimezone(timezone.utc)
    return f"{start:%Y%m%dT%H%M%SZ}/{start + timedelta(minutes=30):%Y%m%dT%H%M%SZ}"


def test_every_date_of_the_crms_own_pages_gives_the_event_in_its_database(browser: Browser, crm: Crm) -> None:
    watch = PageWatch()
    context = browser.new_context(timezone_id="America/New_York", locale="en-US")
    context.route("**/*", lambda route: guard_route(watch, route))
    set_integrations(context, google=True, outlook=False)
    page = context.new_page()
    page.set_default_timeout(START_TIMEOUT_MS)
    page.on("console", lambda message: watch.console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    try:
        page.goto(crm.url + LOGIN)
        page.fill("#id_username", "calendar-admin")
        page.fill("#id_password", "calendar-links-crm")
        page.click("input[type=submit]")
        page.wait_for_load_state()
        wrong, checked = [], 0
        for record_page in [page for page in crm.pages if page["site"] == CRM_SITE and page["fields"]]:
            response = page.goto(crm.url + record_page["url"])
            assert response is not None and response.status == 200
            assert CSP_SCRIPTS in response.headers["content-security-policy"]
            page.wait_for_selector(READY, state="attached")
            page.wait_for_function(SETTLED)
            # The CRM's own object tools (its change_form_object_tools templates) still render.
            assert page.locator("ul.object-tools li").count() > 0, record_page["url"]
            # Open the fieldsets the CRM shows collapsed (<details>), as a person would.
            page.evaluate("document.querySelectorAll('details').forEach((details) => { details.open = true; })")
            for name, field in record_page["fields"].items():
                # The record's own field comes first, before any inline row's field of that name.
                button = page.locator(f'.calendar-links[data-calendar-for="{name}"] [data-calendar-provider="google"]').first
                if not button.is_visible():
                    wrong.append((record_page["url"], name, "no visible button", expected_dates(field)))
                    continue
                with context.expect_page() as new_tab:
                    button.click()
                new_tab.value.close()
                got = parse_qs(urlsplit(watch.provider_urls[-1]).query)["dates"][0]
                checked += 1
                if got != expected_dates(field):
                    wrong.append((record_page["url"], name, got, expected_dates(field)))
        assert wrong == [], f"{len(wrong)} of {checked} events wrong"
        assert checked >= 25
        # Ours stays quiet under the README's policy (the CRM's own inline styles and its
        # font CDN are its business: refused, and reported, without us).
        assert [error for error in watch.console_errors if "calendar-links" in error] == []
        assert [url for url in watch.blocked_requests if "calendar-links" in url] == []
        assert watch.page_errors == []
    finally:
        context.close()
