"""End-to-end in Firefox ESR and WebKitGTK (Safari's engine), from Debian, over WebDriver.

The rest of the browser tests run in Chromium; these check, in the two other engines, what a
person would notice first: the README's two tags give buttons, started from the snapshot, each
big file downloaded once; the events are exact; a page that rules the start out says so; the
marketplace switch turns a calendar on. Each test serves the project on a port of its own
(`EngineSite`), so the browser's cache and storage start empty, and counts requests there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest

from contract.ics_values import ics_events
from engine_drivers import ENGINES, EnginePage, NetworkCatcher, engine_available, wait_until
from engines import EngineSite

START_TIMEOUT_S = 120
TWO_TAGS = (
    '<script src="/tests/browser/pages/engine-probe.js"></script>'
    '<link rel="stylesheet" href="/static/calendar-links.css">'
    '<script type="module" src="/static/calendar-links.mjs"></script>'
)
RECORD = (
    '<article data-calendar-record data-record-id="D-7" data-record-name="Acme renewal" data-record-type="Deal">'
    '<span data-calendar-field="call" data-field-type="datetime" data-field-label="Kick-off call"'
    ' data-value="2026-12-05T16:00:00Z" data-duration-minutes="45">5 December, 16:00</span>'
    '<span data-calendar-field="close" data-field-type="date" data-field-label="Close date"'
    ' data-value="2026-12-10">10 December</span></article>'
)
CALL_START = datetime(2026, 12, 5, 16, tzinfo=timezone.utc)
CALL_END = CALL_START + timedelta(minutes=45)
# The big files a start from the snapshot downloads (web/calendar-links-files.mjs), and the
# full archives only a start without it needs, by their names without the build's digest.
RESTORE_DOWNLOADS = [
    "/static/vendor/pyodide/snapshot-1.bin",
    "/static/vendor/pyodide/snapshot-2.bin",
    "/static/vendor/pyodide/snapshot-3.bin",
    "/static/vendor/pyodide/interpreter/pyodide.asm.wasm",
    "/static/vendor/pyodide/python_stdlib-lazy.zip",
    "/static/vendor/calendar-links-lazy.zip",
]
FULL_ARCHIVES = ["/static/vendor/pyodide/python_stdlib.zip", "/static/vendor/calendar-links.zip"]
# The content digest the build puts in vendored names (snapshot-1.6f50e8e0c2dc.bin).
BUILD_DIGEST = re.compile(r"\.[0-9a-f]{12}(?=[./]|$)")
STATE = "() => document.documentElement.dataset.calendarLinksState"
ENABLE = "(calendars) => localStorage.setItem('calendar-links:integrations', JSON.stringify(calendars))"
CLICK = "(selector) => { document.querySelector(selector).click(); }"
GROUPS = "() => document.querySelectorAll('.calendar-links button[data-calendar-provider]').length"


def page_html(body: str, head: str = TWO_TAGS) -> str:
    return (
        '<!doctype html><html lang="en" data-calendar-links-state="loading"><head><meta charset="utf-8">'
        f"<title>A record</title>{head}</head><body>{body}</body></html>"
    )


@pytest.fixture(scope="module")
def catcher() -> Iterator[NetworkCatcher]:
    catcher = NetworkCatcher()
    yield catcher
    catcher.close()


@pytest.fixture(scope="module", params=sorted(ENGINES))
def engine(request: pytest.FixtureRequest, catcher: NetworkCatcher) -> Iterator[EnginePage]:
    """One browser per engine for the whole module (Firefox takes about 20 s to start)."""
    if not engine_available(request.param):
        pytest.fail(f"{request.param} is not installed: run `make browser`")
    browser = ENGINES[request.param](catcher.port)
    yield browser
    browser.close()


@pytest.fixture
def site(engine: EnginePage, catcher: NetworkCatcher) -> Iterator[EngineSite]:
    site = EngineSite()
    yield site
    site.close()
    assert catcher.requests == [], "requests tried to leave 127.0.0.1"


def open_page(engine: EnginePage, site: EngineSite, body: str, *, calendars: dict[str, bool] | None = None,
              headers: dict[str, str] | None = None, until: tuple[str, ...] = ("ready",)) -> str:
    """Store the calendars (on a blank page of the same origin), open the record page, and
    wait for one of the states in `until`; the state reached."""
    if calendars is not None:
        engine.goto(site.add_page("/blank.html", "<!doctype html><title>blank</title>"))
        engine.call(ENABLE, calendars)
    engine.goto(site.add_page("/record.html", page_html(body), headers))
    return str(wait_until(lambda: (state := engine.call(STATE)) in until and state, START_TIMEOUT_S, f"state {until}"))


def page_errors(engine: EnginePage) -> list[str]:
    return list(engine.call("() => window.__errors"))


def test_the_readme_embed_starts_from_the_snapshot_and_downloads_each_file_once(
    engine: EnginePage, site: EngineSite
) -> None:
    # WebKit fetched a file again when a `<link rel=preload as=fetch>` had asked for it first.
    open_page(engine, site, RECORD, calendars={"google": True, "outlook": True})
    assert engine.call(GROUPS) == 4
    counts = Counter(BUILD_DIGEST.sub("", path) for path in site.requested)
    # Restored from the snapshot: its parts came, the full archives of a normal start didn't.
    assert [path for path in FULL_ARCHIVES if counts[path]] == []
    assert page_errors(engine) == []
    assert {path: counts[path] for path in RESTORE_DOWNLOADS} == dict.fromkeys(RESTORE_DOWNLOADS, 1)


def test_google_gets_the_exact_dates_and_the_ics_file_reads_back(engine: EnginePage, site: EngineSite) -> None:
    open_page(engine, site, RECORD, calendars={"google": True, "outlook": True})
    engine.call(CLICK, '[data-calendar-for="call"] [data-calendar-provider="google"]')
    engine.call(CLICK, '[data-calendar-for="close"] [data-calendar-provider="outlook"]')
    opened = wait_until(lambda: engine.call("() => window.__opened"), 10, "a tab")
    downloads: list[dict[str, Any]] = wait_until(lambda: engine.call("() => window.__downloads"), 10, "a download")
    assert len(opened) == 1 and len(downloads) == 1

    google = urlsplit(opened[0])
    query = {key: values[0] for key, values in parse_qs(google.query).items()}
    assert (google.hostname, google.path) == ("calendar.google.com", "/calendar/render")
    assert query["dates"] == f"{CALL_START:%Y%m%dT%H%M%SZ}/{CALL_END:%Y%m%dT%H%M%SZ}"
    assert "Kick-off call" in query["text"]

    assert downloads[0]["name"].endswith(".ics")
    events = ics_events(icalendar.Calendar.from_ical(downloads[0]["text"]))
    assert len(events) == 1
    assert events[0].start == date(2026, 12, 10) and events[0].end == date(2026, 12, 11)
    assert "Close date" in str(events[0]["SUMMARY"])
    assert page_errors(engine) == []


def test_a_policy_that_blocks_webassembly_ends_in_the_failed_state(engine: EnginePage, site: EngineSite) -> None:
    # Each engine words the refusal its own way; calendar-links must recognise all of them.
    state = open_page(
        engine, site, RECORD, calendars={"google": True},
        headers={"Content-Security-Policy": "script-src 'self'"}, until=("ready", "failed"),
    )  # fmt: skip
    assert state == "failed"
    notice = engine.call("() => document.querySelector('.calendar-links-failure')?.textContent")
    assert "blocks WebAssembly" in notice


def test_the_marketplace_switch_turns_a_calendar_on(engine: EnginePage, site: EngineSite) -> None:
    open_page(engine, site, RECORD + "<div data-calendar-marketplace></div>")
    assert engine.call(GROUPS) == 0
    engine.call(CLICK, '[data-calendar-app="google"] [data-calendar-toggle]')
    wait_until(lambda: engine.call(GROUPS) == 2, 10, "buttons after the switch")
    toggle = engine.call("() => document.querySelector('[data-calendar-app=\"google\"] [data-calendar-toggle]').getAttribute('aria-checked')")
    assert toggle == "true"
    assert engine.call("() => JSON.parse(localStorage.getItem('calendar-links:integrations'))")["google"] is True
    assert page_errors(engine) == []


IN_FRAME = "(source) => new Function('frame', source)(frames[0])"
# Until the record page arrives the frame holds its initial about:blank, of no origin we can read.
FRAME_STATE = "try { return frame.document.documentElement.dataset.calendarLinksState; } catch { return null; }"


def test_a_sandboxed_frame_s_blocked_tab_and_download_are_never_claimed(engine: EnginePage, site: EngineSite) -> None:
    # The record page in a frame of the same origin that blocks tabs and downloads: its
    # sandbox attribute is readable there, so no download is tried and nothing is claimed.
    engine.goto(site.add_page("/blank.html", "<!doctype html><title>blank</title>"))
    engine.call(ENABLE, {"google": True, "outlook": True})
    # The test server's own policy forbids framing (frame-ancestors 'none'): this one allows it.
    policy = {"Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'"}
    site.add_page("/record.html", page_html(RECORD, head=TWO_TAGS.split("</script>", 1)[1]), policy)
    engine.goto(site.add_page(
        "/product.html",
        '<!doctype html><title>Another product</title>'
        '<iframe sandbox="allow-scripts allow-same-origin" src="/record.html"></iframe>',
    ))  # fmt: skip
    wait_until(lambda: engine.call(IN_FRAME, FRAME_STATE) == "ready", START_TIMEOUT_S, "ready in the frame")
    for provider in ("google", "outlook"):
        engine.call(IN_FRAME, f"frame.document.querySelector('[data-calendar-for=\"close\"] [data-calendar-provider=\"{provider}\"]').click()")
        said = wait_until(
            lambda: engine.call(IN_FRAME, "return frame.document.querySelector('[data-calendar-for=\"close\"] .calendar-links__message')?.textContent"),
            10,
            "the notice",
        )
        assert "This page is inside a frame that blocks" in said and "Downloaded" not in said and "Opened" not in said
        offered = engine.call(IN_FRAME, "return frame.document.querySelector('.calendar-links__copy-text').value")
        if provider == "google":
            assert urlsplit(offered).hostname == "calendar.google.com"
        else:
            (event,) = ics_events(icalendar.Calendar.from_ical(offered))
            assert event.start == date(2026, 12, 10)
    assert engine.call(IN_FRAME, "return frame.localStorage.getItem('calendar-links:added')") is None
    assert engine.call(IN_FRAME, "return frame.document.querySelectorAll('[data-calendar-added]').length") == 0
