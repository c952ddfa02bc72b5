"""Every event, imported into a real CalDAV server (Radicale), lands exactly in its window.

The suite starts Radicale on 127.0.0.1 with temporary storage and no
authentication, imports each scenario's .ics the way a calendar client does
(an HTTP PUT of the file without its METHOD line: RFC 4791 section 4.1 keeps
METHOD out of stored resources), then asks the server with time-range REPORT
queries (RFC 4791 section 9.9), sent by the caldav client package. The server
does the placing: the queries go out as written and are not filtered here.
"""

from __future__ import annotations

import itertools
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
# From their modules: the package's own names are lazy (PEP 562), untyped to mypy.
from caldav.collection import Calendar as DavCalendar
from caldav.collection import Principal
from caldav.davclient import DAVClient
from icalendar import Calendar, Component

from calendar_links_core.added_events import cancellation_draft, with_addition
from calendar_links import EventDraft, FieldAttributes, event_draft, ics_cancellation, ics_document, ics_sequence
from contract import PAGE, SCENARIOS, STAMP, Scenario, draft_for, expected_span
from contract.ics_values import ics_integer, ics_moment

UTC = timezone.utc
CALDAV = "urn:ietf:params:xml:ns:caldav"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    storage = tmp_path_factory.mktemp("radicale")
    command = [
        sys.executable, "-m", "radicale", "--config", "", "--server-hosts", f"127.0.0.1:{port}",
        "--auth-type", "none", "--rights-type", "authenticated",
        "--storage-filesystem-folder", str(storage), "--logging-level", "warning",
    ]  # fmt: skip
    log = Path(storage, "server.log").open("w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"Radicale did not start: {Path(storage, 'server.log').read_text()}") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


_CALENDAR_NUMBERS = itertools.count(1)


@pytest.fixture(scope="module")
def principal(server_url: str) -> Iterator[Principal]:
    with DAVClient(url=server_url, username="crm", password="unused") as client:
        yield client.principal()


@pytest.fixture
def calendar(principal: Principal) -> DavCalendar:
    """A new, empty calendar on the server for one test."""
    name = f"calendar-{next(_CALENDAR_NUMBERS)}"
    made = principal.make_calendar(name=name, cal_id=name)
    # The synchronous client's principal makes a calendar, not a coroutine.
    assert isinstance(made, DavCalendar)
    return made


def _imported(data: bytes) -> str:
    """The file as a client stores it: without METHOD (RFC 4791 section 4.1)."""
    parsed = Calendar.from_ical(data)
    del parsed["METHOD"]
    stored: bytes = parsed.to_ical()
    return stored.decode("utf-8")


def _client(calendar: DavCalendar) -> DAVClient:
    """The client a calendar was reached through (the principal's, in these tests)."""
    assert isinstance(calendar.client, DAVClient)
    return calendar.client


def _put(calendar: DavCalendar, name: str, data: bytes) -> None:
    response = _client(calendar).put(
        f"{str(calendar.url).rstrip('/')}/{name}.ics", _imported(data), {"Content-Type": "text/calendar; charset=utf-8"}
    )
    assert response.status in (201, 204), (response.status, response.raw)


def _utc_text(moment: date | datetime) -> str:
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return f"{moment.year:04d}{moment.month:02d}{moment.day:02d}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"


def _report(calendar: DavCalendar, start: date | datetime, end: date | datetime, expand: bool = False) -> list[Component]:
    """The VEVENTs the server returns for a time-range query over [start, end)."""
    window = f'start="{_utc_text(start)}" end="{_utc_text(end)}"'
    data = f"<C:calendar-data><C:expand {window}/></C:calendar-data>" if expand else "<C:calendar-data/>"
    query = f"""<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="{CALDAV}">
  <D:prop>{data}</D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range {window}/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"""
    response = _client(calendar).report(str(calendar.url), query, depth=1)
    assert response.status == 207 and response.tree is not None, (response.status, response.raw)
    events: list[Component] = []
    for element in response.tree.iter(f"{{{CALDAV}}}calendar-data"):
        events.extend(Calendar.from_ical(element.text).walk("VEVENT"))
    return events


def _uids(events: list[Component]) -> list[str]:
    return [str(event["UID"]) for event in events]


def _assert_placed(calendar: DavCalendar, uid: str, start: date | datetime, end: date | datetime) -> None:
    """The event overlaps [start, end) and nothing just before or just after it."""
    second = timedelta(seconds=1)
    assert _uids(_report(calendar, start, end)) == [uid]
    first_moment = start if isinstance(start, datetime) else datetime(start.year, start.month, start.day, tzinfo=UTC)
    last_moment = end if isinstance(end, datetime) else datetime(end.year, end.month, end.day, tzinfo=UTC)
    assert _uids(_report(calendar, first_moment, first_moment + second)) == [uid], "not at its first second"
    assert _uids(_report(calendar, last_moment - second, last_moment)) == [uid], "not at its last second"
    assert _uids(_report(calendar, first_moment - timedelta(days=1), first_moment)) == [], "found before its start"
    assert _uids(_report(calendar, last_moment, last_moment + timedelta(days=1))) == [], "found after its end"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_server_places_every_event_in_its_window(calendar: DavCalendar, scenario: Scenario) -> None:
    draft = draft_for(scenario)
    _put(calendar, "event", ics_document(draft, STAMP, ics_sequence(STAMP), scenario.reminder))
    start, end = expected_span(scenario)
    if not scenario.yearly:
        _assert_placed(calendar, draft.uid, start, end)
        return
    # A yearly series: the server expands it, and each of ten years has its one day.
    assert isinstance(start, date) and not isinstance(start, datetime)
    occurrences = _report(calendar, date(2026, 1, 1), date(2036, 1, 1), expand=True)
    days = [ics_moment(event, "DTSTART") for event in occurrences]
    days = [day.date() if isinstance(day, datetime) else day for day in days]
    expected = []
    for year in range(2026, 2036):
        try:
            expected.append(start.replace(year=year))
        except ValueError:  # 29 February in a common year: the last day of February
            expected.append(date(year, 2, 28))
    assert sorted(days) == expected
    _assert_placed(calendar, draft.uid, expected[0], expected[0] + timedelta(days=1))
    for day, following in zip(expected, expected[1:]):
        assert _uids(_report(calendar, day, day + timedelta(days=1))) == [draft.uid], day
        assert _uids(_report(calendar, day + timedelta(days=1), following)) == [], f"found between {day} and {following}"


def _renewal(value: str) -> EventDraft:
    field = FieldAttributes("renewal", "date", value, "data-value", label="Renewal date")
    draft = event_draft(SCENARIOS[0].record, field, PAGE)
    assert isinstance(draft, EventDraft)
    return draft


def test_a_changed_date_replaces_the_event(calendar: DavCalendar) -> None:
    first = _renewal("2026-12-01")
    sequence = ics_sequence(STAMP)
    _put(calendar, "event", ics_document(first, STAMP, sequence))
    moved = _renewal("2027-01-15")
    assert moved.uid == first.uid
    # The same second: the sequence still rises, as the page's memory makes it.
    _put(calendar, "event", ics_document(moved, STAMP, ics_sequence(STAMP, sequence)))
    assert _uids(_report(calendar, date(2026, 12, 1), date(2026, 12, 2))) == []
    (event,) = _report(calendar, date(2027, 1, 15), date(2027, 1, 16))
    assert str(event["UID"]) == first.uid and event["SEQUENCE"] == sequence + 1
    assert _uids(_report(calendar, date(2020, 1, 1), date(2030, 1, 1))) == [first.uid]


def test_a_cancellation_marks_the_event_cancelled(calendar: DavCalendar) -> None:
    added = _renewal("2026-12-01")
    sequence = ics_sequence(STAMP)
    _put(calendar, "event", ics_document(added, STAMP, sequence))
    remembered = with_addition({}, added, "outlook", 1, sequence)[added.uid]
    cancelled = cancellation_draft(remembered, added.title)
    assert cancelled is not None
    later = STAMP + timedelta(minutes=5)
    _put(calendar, "event", ics_cancellation(cancelled, later, ics_sequence(later, sequence)))
    (event,) = _report(calendar, date(2026, 12, 1), date(2026, 12, 2))
    assert str(event["UID"]) == added.uid and str(event["STATUS"]) == "CANCELLED"
    assert ics_integer(event, "SEQUENCE") > sequence


def test_a_cancelled_yearly_series_is_cancelled_in_every_year(calendar: DavCalendar) -> None:
    scenario = next(s for s in SCENARIOS if s.name == "birthday-yearly")
    added = draft_for(scenario)
    _put(calendar, "event", ics_document(added, STAMP, 5))
    remembered = with_addition({}, added, "apple", 1, 5)[added.uid]
    cancelled = cancellation_draft(remembered, added.title)
    assert cancelled is not None and cancelled.yearly
    _put(calendar, "event", ics_cancellation(cancelled, STAMP, 6))
    occurrences = _report(calendar, date(2026, 1, 1), date(2031, 1, 1), expand=True)
    assert len(occurrences) == 5 and {str(event["STATUS"]) for event in occurrences} == {"CANCELLED"}
