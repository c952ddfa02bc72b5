"""Scenarios and output checks shared by pytest and the in-browser smoke test.

Every scenario (a record, a field and a page, plus what the value means,
stated independently of the parser) runs through every output: the draft,
the Google link with and without an account, the .ics file and both Outlook
on the web links. Checks read each output back (urllib.parse for links,
icalendar for files) and compare with values computed here from the
scenario's own inputs, never with pasted output.

Only the standard library, icalendar and the pure modules are imported, so
Pyodide can run run_all_checks() as it is.
"""

from __future__ import annotations

import re
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar

from calendar_links_core.added_events import (
    MAX_REMEMBERED,
    added_json,
    cancellation_draft,
    field_state,
    next_sequence,
    parse_added,
    with_addition,
    with_cancellation,
)
from calendar_links import (
    ICS_MEDIA_TYPE,
    EventDraft,
    FieldAttributes,
    PageContext,
    Problem,
    RecordAttributes,
    event_draft,
    event_title,
    event_when,
    ics_cancellation,
    ics_document,
    ics_file_name,
    ics_sequence,
)
from calendar_links_core.providers.base import Click, DownloadFile, OpenUrl, Preferences, Provider
from calendar_links_core.providers.google import google_calendar_url
from calendar_links_core.providers.microsoft365 import MICROSOFT_365_COMPOSE_URL
from calendar_links_core.providers.outlook_web import outlook_web_url
from calendar_links_core.providers.outlookcom import OUTLOOK_COM_COMPOSE_URL
from calendar_links_core.providers.registry import PROVIDERS
from calendar_links_core.providers.web_link import MAX_URL_LENGTH
from calendar_links_core.settings import parse_reminder_minutes

__all__ = [
    "CHECKS",
    "READERS",
    "RULE_CHECKS",
    "SCENARIOS",
    "STAMP",
    "Scenario",
    "check_calendar_contract",
    "draft_for",
    "expected_span",
    "expected_uri",
    "run_all_checks",
]

UTC = timezone.utc
STAMP = datetime(2026, 5, 4, 3, 2, 1, tzinfo=UTC)
ACCOUNT = "zoe.mueller@example.com"
PAGE = PageContext(
    page_url="https://crm.example.com/app/records?view=list",
    browser_time_zone="Europe/Berlin",
    browser_date_order="MDY",
)


@dataclass(frozen=True)
class Scenario:
    """A field on a page, and what its value means, written without the parser's help."""

    name: str
    field: FieldAttributes
    start: date | datetime  # a date (all-day) or an aware datetime, in the zone the value is meant in
    zone: str  # the IANA zone the event should carry
    minutes: int = 0  # length of a timed event
    record: RecordAttributes = field(default_factory=RecordAttributes)
    page: PageContext = PAGE
    # data-end-field: the end field, and the last day (included) or the end instant it means.
    end_field: FieldAttributes | None = None
    last: date | datetime | None = None
    yearly: bool = False
    busy: bool | None = None  # None: the default (all-day free, timed busy)
    ctz_known: bool = True  # whether Google Calendar knows the zone's name
    uri: str | None = None  # the record link as a URI, where it is not ASCII already
    reminder: int | None = None  # minutes before the start, written as a VALARM


def _at(zone: str, *parts: int) -> datetime:
    """A wall time in zone with fold=0: the reading the core documents for gaps and overlaps."""
    return datetime(*parts, tzinfo=ZoneInfo(zone))


def _deal(**changes: str) -> RecordAttributes:
    attributes = {
        "record_id": "D-1001",
        "record_type": "Deal",
        "name": "ACME renewal",
        "url": "/app/deals/1001",
        "location": "ACME HQ, Room 4",
    }
    attributes.update(changes)
    return RecordAttributes(**attributes)


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        # Django admin's default datetime widget: two text inputs, German input formats.
        "split-date-and-time-text",
        FieldAttributes(
            "next_call", "datetime", "03.12.2026", "input", label="Next call", input_type="text",
            time_value="10:00:00", time_input_type="text",
        ),
        _at("Europe/Berlin", 2026, 12, 3, 10, 0),
        "Europe/Berlin",
        30,
        record=_deal(time_zone="Europe/Berlin"),
    ),
    Scenario(
        "split-date-and-time-inputs",
        FieldAttributes(
            "next_call", "datetime", "2026-11-05", "input", label="Next call", input_type="date",
            time_value="08:30", time_input_type="time",
        ),
        _at("America/New_York", 2026, 11, 5, 8, 30),
        "America/New_York",
        30,
        record=_deal(time_zone="America/New_York"),
    ),
    Scenario(
        # Read-only text as Django's admin prints it in English.
        "framework-text-noon",
        FieldAttributes("lunch", "datetime", "Jan. 20, 2026, noon", "text", label="Lunch"),
        _at("Europe/Berlin", 2026, 1, 20, 12, 0),
        "Europe/Berlin",
        30,
        record=_deal(time_zone="Europe/Berlin"),
    ),
    Scenario(
        "instant-with-z",
        FieldAttributes("kickoff", "datetime", "2026-12-01T15:00:00Z", "data-value", label="Kick-off"),
        datetime(2026, 12, 1, 15, 0, tzinfo=UTC),
        "Europe/Berlin",
        30,
        record=_deal(),
    ),
    Scenario(
        "instant-with-offset",
        FieldAttributes(
            "kickoff", "datetime", "2026-12-01T15:00:00+01:00", "data-value", label="Kick-off",
            time_zone="Asia/Tokyo",
        ),
        datetime(2026, 12, 1, 15, 0, tzinfo=timezone(timedelta(hours=1))),
        "Asia/Tokyo",
        45,
        record=_deal(duration_minutes="45"),
    ),
    Scenario(
        "wall-time-in-record-zone",
        FieldAttributes(
            "call", "datetime", "2026-12-01T15:00", "input", label="Call", duration_minutes="90",
            input_type="datetime-local",
        ),
        _at("America/New_York", 2026, 12, 1, 15, 0),
        "America/New_York",
        90,
        record=_deal(time_zone="America/New_York", duration_minutes="20"),
    ),
    Scenario(
        "all-day-date-input",
        FieldAttributes("renewal", "date", "2026-12-01", "input", label="Renewal date", input_type="date"),
        date(2026, 12, 1),
        "Europe/Berlin",
        record=_deal(),
    ),
    Scenario(
        "field-zone-beats-record-and-browser",
        FieldAttributes(
            "standup", "datetime", "2026-07-01T09:15", "data-value", label="Stand-up", time_zone="Asia/Kolkata"
        ),
        _at("Asia/Kolkata", 2026, 7, 1, 9, 15),
        "Asia/Kolkata",
        30,
        record=_deal(time_zone="America/Los_Angeles"),
        page=PageContext(PAGE.page_url, "Europe/London", "DMY"),
    ),
    Scenario(
        "new-york-gap",
        FieldAttributes("call", "datetime", "2026-03-08T02:30", "data-value", label="Call"),
        _at("America/New_York", 2026, 3, 8, 2, 30),
        "America/New_York",
        30,
        record=_deal(time_zone="America/New_York"),
    ),
    Scenario(
        "new-york-overlap",
        FieldAttributes("call", "datetime", "2026-11-01T01:30", "data-value", label="Call", duration_minutes="60"),
        _at("America/New_York", 2026, 11, 1, 1, 30),
        "America/New_York",
        60,
        record=_deal(time_zone="America/New_York"),
    ),
    Scenario(
        "berlin-gap",
        FieldAttributes(
            "call", "datetime", "2026-03-29T02:30", "data-value", label="Call", time_zone="Europe/Berlin"
        ),
        _at("Europe/Berlin", 2026, 3, 29, 2, 30),
        "Europe/Berlin",
        30,
        record=_deal(time_zone="America/New_York"),
    ),
    Scenario(
        "berlin-overlap",
        FieldAttributes(
            "call", "datetime", "2026-10-25T02:30", "data-value", label="Call", duration_minutes="90"
        ),
        _at("Europe/Berlin", 2026, 10, 25, 2, 30),
        "Europe/Berlin",
        90,
        record=_deal(),
    ),
    Scenario(
        "leap-day-all-day",
        FieldAttributes("due", "date", "2028-02-29", "data-value", label="Due"),
        date(2028, 2, 29),
        "Europe/Berlin",
        record=_deal(),
    ),
    Scenario(
        "leap-day-text-dmy-crossing-midnight",
        FieldAttributes("due", "datetime", "29.02.2028 23:30", "text", label="Due", duration_minutes="60"),
        _at("Europe/Berlin", 2028, 2, 29, 23, 30),
        "Europe/Berlin",
        60,
        record=_deal(date_order="DMY"),
    ),
    Scenario(
        "year-1900-not-a-leap-year",
        FieldAttributes("founded", "date", "1900-02-28", "datetime", label="Founded"),
        date(1900, 2, 28),
        "Europe/Berlin",
        record=_deal(),
    ),
    Scenario(
        "year-2100-into-2101",
        FieldAttributes(
            "expiry", "datetime", "2100-12-31T23:30:00Z", "data-value", label="Expiry", duration_minutes="60"
        ),
        datetime(2100, 12, 31, 23, 30, tzinfo=UTC),
        "Europe/Berlin",
        60,
        record=_deal(),
    ),
    Scenario(
        "no-optional-attributes",
        FieldAttributes("due", "date", "2026-12-01", "data-value"),
        date(2026, 12, 1),
        "Europe/Berlin",
    ),
    Scenario(
        "blank-attributes-count-as-absent",
        FieldAttributes("due", "date", "2026-12-01", "data-value", label="  ", event_title="", time_zone=" "),
        date(2026, 12, 1),
        "Europe/Berlin",
        record=RecordAttributes(name=" ", record_type="Deal", url="", location="", description="\t"),
    ),
    Scenario(
        "event-title-verbatim",
        FieldAttributes(
            "follow_up", "datetime", "2026-12-01T15:00:00Z", "data-value", label="Follow-up",
            event_title="  Call Zoë back, then ship #42  ",
        ),
        datetime(2026, 12, 1, 15, tzinfo=UTC),
        "Europe/Berlin",
        30,
        record=_deal(),
    ),
    Scenario(
        "label-alone-without-record-name",
        FieldAttributes("renewal", "date", "2026-12-01", "data-value", label="Renewal date"),
        date(2026, 12, 1),
        "Europe/Berlin",
        record=RecordAttributes(record_type="Deal", description="Auto-renews unless cancelled.", url="deals/7"),
    ),
    Scenario(
        "displayed-text-mdy",
        FieldAttributes("meeting", "datetime", "Dec 1, 2026 3:00 PM", "text", label="Meeting"),
        _at("America/Chicago", 2026, 12, 1, 15, 0),
        "America/Chicago",
        25,
        record=_deal(),
        page=PageContext(PAGE.page_url, "America/Chicago", "MDY", default_duration_minutes=25),
    ),
    Scenario(
        "displayed-text-slashes-mdy",
        FieldAttributes("renewal", "date", "12/01/2026", "text", label="Renewal date"),
        date(2026, 12, 1),
        "Europe/Berlin",
        record=_deal(),
    ),
    Scenario(
        "displayed-text-field-order-dmy",
        FieldAttributes("meeting", "datetime", "1.12.2026 15:00", "text", label="Meeting", date_order="DMY"),
        _at("Europe/Berlin", 2026, 12, 1, 15, 0),
        "Europe/Berlin",
        30,
        record=_deal(date_order="MDY"),
    ),
    Scenario(
        "date-field-given-an-instant",
        FieldAttributes(
            "renewal", "date", "2026-12-01T23:30:00-05:00", "data-value", label="Renewal date",
            time_zone="Europe/Berlin",
        ),
        # A date field means the date as written, even where the instant is
        # already the next morning (Berlin).
        date(2026, 12, 1),
        "Europe/Berlin",
        record=_deal(),
    ),
    Scenario(
        "rich-text-round-trips",
        FieldAttributes(
            "follow_up", "datetime", "2026-12-01T15:00:00Z", "data-value", label='Follow-up "1st"; a, b\\c'
        ),
        datetime(2026, 12, 1, 15, tzinfo=UTC),
        "Europe/Berlin",
        30,
        record=RecordAttributes(
            record_id="C-7",
            record_type="Contact",
            name="Zoë Müller 😀 שלום e\u0301",
            url="https://crm.example.com/contacts/7?tab=notes&x=a,b;c#top",
            location="Café ;,\\ 12 — 1st floor: <b>left</b>",
            description="<script>alert(1)</script> ; , \\ : \\N \u200f\r\nsecond line\rthird\x07 line\x85!",
        ),
    ),
    Scenario(
        "file-page-has-no-link",
        FieldAttributes("due", "date", "2026-12-01", "data-value", label="Due"),
        date(2026, 12, 1),
        "UTC",
        record=RecordAttributes(record_id="7", name="Offline copy", url="records/7"),
        page=PageContext("file:///C:/crm/demo.html", "Not/A_Zone", "MDY"),
    ),
    Scenario(
        "midnight-utc-date-west-of-utc",
        FieldAttributes("renewal", "date", "2026-12-01T00:00:00Z", "data-value", label="Renewal date"),
        # CRMs store plain dates as midnight UTC: the date as written, in every zone.
        date(2026, 12, 1),
        "America/Los_Angeles",
        record=_deal(time_zone="America/Los_Angeles"),
        reminder=1440,
    ),
    Scenario(
        "birthday-yearly",
        FieldAttributes("birthday", "date", "1990-03-04", "data-value", label="Birthday", repeat="yearly"),
        date(1990, 3, 4),
        "Europe/Berlin",
        record=RecordAttributes(record_id="C-1", record_type="Contact", name="Grace Hopper", url="/contacts/1"),
        yearly=True,
    ),
    Scenario(
        "birthday-yearly-before-1970",
        FieldAttributes("birthday", "date", "1906-12-09", "data-value", label="Birthday", repeat=" Yearly "),
        date(1906, 12, 9),
        "Europe/Berlin",
        record=RecordAttributes(record_id="C-1", record_type="Contact", name="Grace Hopper", url="/contacts/1"),
        yearly=True,
        reminder=0,
    ),
    Scenario(
        "birthday-yearly-29-february",
        FieldAttributes("birthday", "date", "2000-02-29", "input", label="Birthday", repeat="yearly", input_type="date"),
        date(2000, 2, 29),
        "Europe/Berlin",
        record=_deal(),
        yearly=True,
    ),
    Scenario(
        "anniversary-yearly-29-february-before-1970",
        FieldAttributes("founded", "date", "1908-02-29", "data-value", label="Founded", repeat="yearly", show_as="busy"),
        date(1908, 2, 29),
        "Europe/Berlin",
        record=_deal(),
        yearly=True,
        busy=True,
    ),
    Scenario(
        "contract-span-all-day",
        FieldAttributes("start", "date", "2026-12-01", "data-value", label="Contract", end_field="end"),
        date(2026, 12, 1),
        "Europe/Berlin",
        record=_deal(),
        end_field=FieldAttributes("end", "date", "30.11.2027", "text", label="Contract end", date_order="DMY"),
        last=date(2027, 11, 30),
        reminder=10080,
    ),
    Scenario(
        "trip-span-timed-across-zones",
        FieldAttributes(
            "departure", "datetime", "2026-12-01T08:00", "data-value", label="Trip", end_field="return",
            show_as="free",
        ),
        _at("Europe/Berlin", 2026, 12, 1, 8, 0),
        "Europe/Berlin",
        record=_deal(),
        end_field=FieldAttributes(
            "return", "datetime", "2026-12-03T18:30", "data-value", label="Return", time_zone="America/New_York"
        ),
        last=_at("America/New_York", 2026, 12, 3, 18, 30),
        busy=False,
        reminder=60,
    ),
    Scenario(
        "conference-timed-to-a-last-day",
        FieldAttributes("opening", "datetime", "2026-12-01T09:00", "data-value", label="Conference", end_field="closing"),
        _at("Europe/Berlin", 2026, 12, 1, 9, 0),
        "Europe/Berlin",
        record=_deal(),
        end_field=FieldAttributes("closing", "date", "2026-12-03", "data-value", label="Last day"),
        # The last day is included: the event runs to the midnight after it.
        last=_at("Europe/Berlin", 2026, 12, 4, 0, 0),
    ),
    Scenario(
        "zone-google-cannot-read",
        FieldAttributes("call", "datetime", "2026-12-01T09:00", "data-value", label="Call", time_zone="Etc/GMT+5"),
        datetime(2026, 12, 1, 9, 0, tzinfo=timezone(timedelta(hours=-5))),
        "Etc/GMT+5",
        30,
        record=_deal(),
        ctz_known=False,
    ),
    Scenario(
        "abbreviation-zone-google-cannot-read",
        FieldAttributes("call", "datetime", "2026-07-01T09:00", "data-value", label="Call", time_zone="EST"),
        datetime(2026, 7, 1, 9, 0, tzinfo=timezone(timedelta(hours=-5))),
        "EST",
        30,
        record=_deal(),
        ctz_known=False,
    ),
    Scenario(
        "non-ascii-record-url",
        FieldAttributes("renewal", "date", "2026-12-01", "data-value", label="Renewal date", show_as="BUSY"),
        date(2026, 12, 1),
        "Europe/Berlin",
        record=_deal(url="https://bücher.example/kunden/zoë?q=café#über"),
        uri="https://xn--bcher-kva.example/kunden/zo%C3%AB?q=caf%C3%A9#%C3%BCber",
        busy=True,
    ),
)


# --- Expected values, from the scenario's inputs ------------------------------


def _cleaned(text: str) -> str:
    """The documented normalisation, written independently: line ends to LF, other controls dropped."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in unified if ch in "\t\n" or unicodedata.category(ch) != "Cc")


def _present(raw: str | None) -> str | None:
    return raw if raw is not None and _cleaned(raw).strip() else None


def expected_span(scenario: Scenario) -> tuple[date | datetime, date | datetime]:
    """The start and exclusive end the scenario means: UTC instants, or a first day and the day after the last.

    A yearly series stored before 1970 starts on its first day from 1970 on.
    """
    if isinstance(scenario.start, datetime):
        start = scenario.start.astimezone(UTC)
        if isinstance(scenario.last, datetime):
            return start, scenario.last.astimezone(UTC)
        return start, start + timedelta(minutes=scenario.minutes)
    first = scenario.start
    if scenario.yearly and first.year < 1970:
        first = next(day for day in (_valid_day(year, first.month, first.day) for year in range(1970, 1975)) if day)
    last = first if scenario.last is None else scenario.last
    assert isinstance(last, date) and not isinstance(last, datetime)
    return first, last + timedelta(days=1)


def _valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def expected_uri(scenario: Scenario) -> str:
    return scenario.uri if scenario.uri is not None else expected_link(scenario)


def expected_busy(scenario: Scenario) -> bool:
    return scenario.busy if scenario.busy is not None else isinstance(scenario.start, datetime)


def expected_rule(scenario: Scenario) -> str | None:
    if not scenario.yearly:
        return None
    leap_day = (scenario.start.month, scenario.start.day) == (2, 29)
    return "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" if leap_day else "FREQ=YEARLY"


def expected_link(scenario: Scenario) -> str:
    page = scenario.page.page_url
    if urlsplit(page).scheme not in ("http", "https"):
        return ""
    url = _present(scenario.record.url)
    return urljoin(page, url) if url else page


def expected_title(scenario: Scenario) -> str:
    title = _present(scenario.field.event_title)
    if title is not None:
        return _cleaned(title)
    label = _present(scenario.field.label) or scenario.field.key
    name = _present(scenario.record.name)
    return _cleaned(f"{label}: {name}" if name else label)


def expected_description(scenario: Scenario) -> str:
    record = scenario.record
    lines = []
    name = _present(record.name)
    if name:
        kind = _present(record.record_type)
        lines.append(f"{kind}: {name}" if kind else name)
    extra = _present(record.description)
    if extra:
        lines.append(extra)
    if expected_link(scenario):
        lines.append(expected_link(scenario))
    return _cleaned("\n".join(lines))


def expected_location(scenario: Scenario) -> str:
    return _cleaned(_present(scenario.record.location) or "")


def draft_for(scenario: Scenario) -> EventDraft:
    """The scenario's draft; a Problem fails the check."""
    draft = event_draft(scenario.record, scenario.field, scenario.page, scenario.end_field)
    assert isinstance(draft, EventDraft), f"expected an event, got {draft!r}"
    return draft


# --- Checks -------------------------------------------------------------------


def check_draft(scenario: Scenario) -> None:
    draft = draft_for(scenario)
    start, end = expected_span(scenario)
    assert (draft.start, draft.end) == (start, end), f"span {draft.start}..{draft.end} != {start}..{end}"
    assert draft.all_day is not isinstance(scenario.start, datetime)
    assert draft.time_zone == scenario.zone, f"zone {draft.time_zone!r} != {scenario.zone!r}"
    assert draft.title == expected_title(scenario), f"title {draft.title!r}"
    assert draft.description == expected_description(scenario), f"description {draft.description!r}"
    assert draft.location == expected_location(scenario), f"location {draft.location!r}"
    assert draft.record_url == expected_link(scenario), f"record_url {draft.record_url!r}"
    assert re.fullmatch(r"[0-9a-f]{32}@calendar-links", draft.uid), f"uid {draft.uid!r}"
    assert draft.yearly is scenario.yearly
    assert draft.show_as == ("busy" if expected_busy(scenario) else "free"), draft.show_as
    if scenario.yearly:
        # A birthday's title names the person, never a year (that would be wrong every other year).
        assert not re.search(r"\b1[0-9]{3}\b|\b20[0-9]{2}\b", draft.title), draft.title


def _single_values(query: str) -> dict[str, str]:
    parsed = parse_qs(query, keep_blank_values=True, strict_parsing=True, errors="strict")
    for key, values in parsed.items():
        assert len(values) == 1, f"{key} given {len(values)} times"
    return {key: values[0] for key, values in parsed.items()}


def _google_query(scenario: Scenario, account: str | None) -> dict[str, str]:
    url = google_calendar_url(draft_for(scenario), account)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "calendar.google.com", "/calendar/render"), url
    assert len(url) <= MAX_URL_LENGTH, f"{len(url)} bytes"
    # Google shows "+" literally in some fields; spaces must be %20.
    assert "+" not in parts.query and " " not in parts.query, parts.query
    return _single_values(parts.query)


def _google_moment(text: str, all_day: bool) -> date | datetime:
    if all_day:
        return datetime.strptime(text, "%Y%m%d").date()
    return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def check_google_url(scenario: Scenario) -> None:
    query = _google_query(scenario, None)
    all_day = not isinstance(scenario.start, datetime)
    link = expected_link(scenario)
    assert query["action"] == "TEMPLATE"
    assert query["text"] == expected_title(scenario), f"text {query['text']!r}"
    assert query["details"] == expected_description(scenario), f"details {query['details']!r}"
    assert query.get("location", "") == expected_location(scenario), f"location {query.get('location')!r}"
    assert "location" in query or not expected_location(scenario)
    first, _, second = query["dates"].partition("/")
    span = (_google_moment(first, all_day), _google_moment(second, all_day))
    assert span == expected_span(scenario), query["dates"]
    assert len(first) == len(second) == (8 if all_day else 16), query["dates"]
    # ctz misplaces all-day events in Google Calendar for Android, and Google
    # drops a zone it doesn't know.
    expected_ctz = None if all_day or not scenario.ctz_known else scenario.zone
    assert query.get("ctz") == expected_ctz, f"ctz {query.get('ctz')!r}"
    assert query.get("sprop") == (f"website:{link}" if link else None), f"sprop {query.get('sprop')!r}"
    assert "authuser" not in query
    rule = expected_rule(scenario)
    assert query.get("recur") == (f"RRULE:{rule}" if rule else None), f"recur {query.get('recur')!r}"
    busy = expected_busy(scenario)
    assert (query["crm"], query["trp"]) == (("BUSY", "true") if busy else ("AVAILABLE", "false")), query["crm"]


def check_google_url_with_account(scenario: Scenario) -> None:
    with_account = _google_query(scenario, ACCOUNT)
    without = _google_query(scenario, None)
    assert with_account.pop("authuser") == ACCOUNT
    assert with_account == without


def _unfolded_lines(data: bytes) -> list[str]:
    return data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").decode("utf-8").split("\r\n")[:-1]


def _property_name(line: str) -> str:
    match = re.match(r"[A-Z][A-Z0-9-]*(?=[;:])", line)
    assert match is not None, f"not a content line: {line[:40]!r}"
    return match.group()


def check_ics(scenario: Scenario) -> None:
    draft = draft_for(scenario)
    sequence = ics_sequence(STAMP)
    data = ics_document(draft, STAMP, sequence, scenario.reminder)
    all_day = not isinstance(scenario.start, datetime)
    link = expected_link(scenario)

    # RFC 5545 section 3.1: CRLF line ends, lines of at most 75 octets, folds
    # that never split a UTF-8 sequence.
    assert data.endswith(b"\r\n")
    physical = data.split(b"\r\n")[:-1]
    assert all(b"\r" not in line and b"\n" not in line for line in physical), "bare CR or LF"
    for line in physical:
        assert len(line) <= 75, f"{len(line)}-octet line {line[:20]!r}"
        line.decode("utf-8")

    lines = _unfolded_lines(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR", (lines[0], lines[-1])
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VEVENT") == 1
    names = Counter(_property_name(line) for line in lines)
    expected_names = Counter(
        ["BEGIN", "BEGIN", "END", "END", "VERSION", "PRODID", "METHOD"]
        + ["UID", "DTSTAMP", "SEQUENCE", "SUMMARY", "DTSTART", "DTEND", "TRANSP", "X-MICROSOFT-CDO-BUSYSTATUS"]
        + (["DESCRIPTION"] if expected_description(scenario) else [])
        + (["LOCATION"] if expected_location(scenario) else [])
        + (["URL"] if link else [])
        + (["X-MICROSOFT-CDO-ALLDAYEVENT"] if all_day else [])
        + (["RRULE"] if scenario.yearly else [])
        + (["BEGIN", "END", "ACTION", "DESCRIPTION", "TRIGGER"] if scenario.reminder is not None else [])
    )
    assert names == expected_names, f"properties {sorted(names.elements())}"
    start_line = next(line for line in lines if line.startswith("DTSTART"))
    assert start_line.startswith("DTSTART;VALUE=DATE:") if all_day else start_line.endswith("Z"), start_line

    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["PRODID"]).startswith("-//calendar-links//")
    assert not calendar.walk("VTIMEZONE")
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == expected_title(scenario), f"SUMMARY {str(event['SUMMARY'])!r}"
    assert str(event.get("DESCRIPTION", "")) == expected_description(scenario), "DESCRIPTION differs"
    assert str(event.get("LOCATION", "")) == expected_location(scenario), "LOCATION differs"
    # URL is a URI (RFC 5545 section 3.3.13): ASCII only; the description keeps the readable link.
    assert str(event.get("URL", "")) == expected_uri(scenario), f"URL {event.get('URL')!r}"
    assert str(event.get("URL", "")).isascii()
    assert str(event["UID"]) == draft.uid
    assert event["SEQUENCE"] == sequence
    assert event["DTSTAMP"].dt == STAMP
    start, end = expected_span(scenario)
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (start, end), (event["DTSTART"].dt, event["DTEND"].dt)
    assert isinstance(event["DTSTART"].dt, datetime) is not all_day
    if all_day:
        assert str(event["X-MICROSOFT-CDO-ALLDAYEVENT"]) == "TRUE"
    busy = expected_busy(scenario)
    assert str(event["TRANSP"]) == ("OPAQUE" if busy else "TRANSPARENT"), str(event["TRANSP"])
    assert str(event["X-MICROSOFT-CDO-BUSYSTATUS"]) == ("BUSY" if busy else "FREE")
    rule = expected_rule(scenario)
    assert f"RRULE:{rule}" in lines if rule else "RRULE" not in event, "RRULE differs"
    alarms = event.walk("VALARM")
    if scenario.reminder is None:
        assert not alarms
    else:
        (alarm,) = alarms
        assert str(alarm["ACTION"]) == "DISPLAY" and str(alarm["DESCRIPTION"]) == expected_title(scenario)
        assert alarm["TRIGGER"].dt == -timedelta(minutes=scenario.reminder), alarm["TRIGGER"].dt


def check_ics_is_deterministic(scenario: Scenario) -> None:
    first = ics_document(draft_for(scenario), STAMP, 7)
    assert ics_document(draft_for(scenario), STAMP, 7) == first
    later = ics_document(draft_for(scenario), STAMP + timedelta(hours=1), 8)
    assert later != first
    assert [line for line in _unfolded_lines(later) if not line.startswith(("DTSTAMP", "SEQUENCE"))] == [
        line for line in _unfolded_lines(first) if not line.startswith(("DTSTAMP", "SEQUENCE"))
    ]


def _outlook_moment(text: str, all_day: bool) -> date | datetime:
    if all_day:
        return date.fromisoformat(text)
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def _check_outlook(scenario: Scenario, compose_url: str, host: str) -> None:
    url = outlook_web_url(draft_for(scenario), compose_url)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", host, "/calendar/0/deeplink/compose"), url
    assert len(url) <= MAX_URL_LENGTH and "+" not in parts.query
    query = _single_values(parts.query)
    all_day = not isinstance(scenario.start, datetime)
    assert (query["path"], query["rru"]) == ("/calendar/action/compose", "addevent")
    assert query["subject"] == expected_title(scenario), f"subject {query['subject']!r}"
    # Outlook on the web drops line breaks; the core puts a space before each.
    assert query["body"] == expected_description(scenario).replace("\n", " \n"), f"body {query['body']!r}"
    assert query.get("location", "") == expected_location(scenario)
    assert query["allday"] == ("true" if all_day else "false")
    span = (_outlook_moment(query["startdt"], all_day), _outlook_moment(query["enddt"], all_day))
    assert span == expected_span(scenario), (query["startdt"], query["enddt"])


def check_outlook_com(scenario: Scenario) -> None:
    _check_outlook(scenario, OUTLOOK_COM_COMPOSE_URL, "outlook.live.com")


def check_microsoft_365(scenario: Scenario) -> None:
    # Not outlook.office.com: compose links there fail with AADSTS90015 since May 2026.
    _check_outlook(scenario, MICROSOFT_365_COMPOSE_URL, "outlook.cloud.microsoft")


# --- The contract every calendar keeps -----------------------------------------


@dataclass(frozen=True)
class ReadBack:
    """What a calendar's action carries, read back with a parser of its own kind."""

    title: str
    description: str
    location: str
    span: tuple[date | datetime, date | datetime]


def _read_template_link(action: OpenUrl, all_day: bool) -> ReadBack:
    query = _single_values(urlsplit(action.url).query)
    first, _, second = query["dates"].partition("/")
    span = (_google_moment(first, all_day), _google_moment(second, all_day))
    return ReadBack(query["text"], query["details"], query.get("location", ""), span)


def _read_compose_link(action: OpenUrl, all_day: bool) -> ReadBack:
    query = _single_values(urlsplit(action.url).query)
    span = (_outlook_moment(query["startdt"], all_day), _outlook_moment(query["enddt"], all_day))
    # The line breaks Outlook on the web drops are marked by the space before each.
    return ReadBack(query["subject"], query["body"].replace(" \n", "\n"), query.get("location", ""), span)


def _read_ics(action: DownloadFile, _all_day: bool) -> ReadBack:
    assert action.media_type == ICS_MEDIA_TYPE and action.file_name.endswith(".ics"), action.file_name
    (event,) = Calendar.from_ical(action.content).walk("VEVENT")
    span = (event["DTSTART"].dt, event["DTEND"].dt)
    return ReadBack(str(event["SUMMARY"]), str(event.get("DESCRIPTION", "")), str(event.get("LOCATION", "")), span)


# How to read back each calendar's action. A calendar added to the registry without a reader
# here fails the contract check: it has to show that it keeps the contract.
READERS: dict[str, Callable[[Any, bool], ReadBack]] = {
    "google": _read_template_link,
    "outlook": _read_ics,
    "microsoft365": _read_compose_link,
    "outlookcom": _read_compose_link,
    "apple": _read_ics,
}


def check_calendar_contract(scenario: Scenario, provider: Provider) -> None:
    """One calendar's action for the scenario keeps every calendar's contract."""
    draft = draft_for(scenario)
    all_day = not isinstance(scenario.start, datetime)
    action = provider.action(draft, Click(Preferences(ACCOUNT), STAMP, ics_sequence(STAMP)))
    assert provider.key in READERS, f"no reader for the calendar {provider.key!r}"
    if isinstance(action, OpenUrl):
        parts = urlsplit(action.url)
        assert parts.scheme == "https", action.url
        assert len(action.url) <= MAX_URL_LENGTH, f"{len(action.url)} bytes"
        # Some calendars show "+" literally; spaces must be %20.
        assert "+" not in parts.query and " " not in parts.query, parts.query
    back = READERS[provider.key](action, all_day)
    assert back.title == expected_title(scenario), f"title {back.title!r}"
    # Every scenario fits the length cap whole, so every text round-trips exactly and the
    # record link survives on its own line.
    assert back.description == expected_description(scenario), f"description {back.description!r}"
    assert back.location == expected_location(scenario), f"location {back.location!r}"
    assert back.span == expected_span(scenario), f"span {back.span}"
    link = expected_link(scenario)
    assert not link or back.description.split("\n")[-1] == link


def check_every_calendar(scenario: Scenario) -> None:
    for provider in PROVIDERS:
        check_calendar_contract(scenario, provider)


def check_file_name(scenario: Scenario) -> None:
    name = ics_file_name(draft_for(scenario))
    assert name.endswith(".ics")
    stem = name[: -len(".ics")]
    # The scenario titles are short, so only the unsafe characters change.
    safe_title = re.sub(r'[<>:"/\\|?*\x00-\x1f]', " ", expected_title(scenario))
    assert stem == " ".join(safe_title.split()).strip(" ."), name


CHECKS: tuple[tuple[str, Callable[[Scenario], None]], ...] = (
    ("draft", check_draft),
    ("google", check_google_url),
    ("google-account", check_google_url_with_account),
    ("ics", check_ics),
    ("ics-deterministic", check_ics_is_deterministic),
    ("outlook-com", check_outlook_com),
    ("microsoft-365", check_microsoft_365),
    ("every-calendar", check_every_calendar),
    ("file-name", check_file_name),
)


# --- Rules that are not about one scenario -------------------------------------

_CONTACT = RecordAttributes(record_id="C-1", record_type="Contact", name="Grace Hopper", url="/contacts/1")


def _problem(field: FieldAttributes, end_field: FieldAttributes | None = None) -> str:
    result = event_draft(_CONTACT, field, PAGE, end_field)
    assert isinstance(result, Problem), f"expected a problem, got {result!r}"
    return result.message


def check_span_problems() -> None:
    start = FieldAttributes("start", "date", "2026-12-01", "data-value", label="Contract", end_field="end")
    before = FieldAttributes("end", "date", "2026-11-30", "data-value", label="Contract end")
    message = _problem(start, before)
    assert message.startswith(
        "Contract: it ends on Monday, 30 November 2026 (Contract end), before it starts on Tuesday, 1 December 2026"
    ), message
    # The same day is a one-day span, not a problem.
    same = event_draft(_CONTACT, start, PAGE, replace_value(before, "2026-12-01"))
    assert isinstance(same, EventDraft) and (same.start, same.end) == (date(2026, 12, 1), date(2026, 12, 2))
    timed = FieldAttributes("out", "datetime", "2026-12-01T10:00", "data-value", label="Trip", end_field="back")
    back = FieldAttributes("back", "datetime", "2026-12-01T10:00", "data-value", label="Return")
    assert "not after it starts at 2026-12-01 10:00 Europe/Berlin" in _problem(timed, back)
    assert 'names "end", which is not a field of this record' in _problem(start, None)
    empty = _problem(start, replace_value(before, ""))
    assert empty.startswith("Contract: its end (Contract end): ") and "no date" in empty, empty


def replace_value(field: FieldAttributes, value: str) -> FieldAttributes:
    return FieldAttributes(field.key, field.field_type, value, field.value_source, label=field.label)


def check_repeat_and_show_as_problems() -> None:
    timed = FieldAttributes("call", "datetime", "2026-12-01T10:00", "data-value", label="Call", repeat="yearly")
    assert "works on date fields only" in _problem(timed)
    weekly = FieldAttributes("due", "date", "2026-12-01", "data-value", label="Due", repeat="weekly")
    assert 'data-repeat "weekly" is not supported' in _problem(weekly)
    tentative = FieldAttributes("due", "date", "2026-12-01", "data-value", label="Due", show_as="tentative")
    assert 'data-show-as "tentative" must be "busy" or "free"' in _problem(tentative)


def check_sequence_rises_within_one_second() -> None:
    first = ics_sequence(STAMP)
    assert ics_sequence(STAMP, first) == first + 1
    assert ics_sequence(STAMP + timedelta(seconds=5), first) == first + 5
    # A clock set back still gives a higher number than the last file.
    assert ics_sequence(STAMP - timedelta(days=1), first) == first + 1
    assert ics_sequence(STAMP, 2**31 - 1) == 2**31 - 1


def _draft_on(day: date, uid: str = "u1@calendar-links") -> EventDraft:
    return EventDraft(uid, "Renewal", "", "", "", day, day + timedelta(days=1), "UTC")


def check_memory_remembers_and_bounds() -> None:
    draft = _draft_on(date(2026, 12, 1))
    sequence = next_sequence({}, draft.uid, STAMP)
    events = with_addition({}, draft, "outlook", 100, sequence)
    stored = added_json(events)
    # Nothing of the event's text is stored: only the UID, dates, sequence, calendars and time.
    assert "Renewal" not in stored
    again = parse_added(stored)
    assert again == events
    assert field_state(again.get(draft.uid), draft, True) == "added"
    moved = _draft_on(date(2026, 12, 2))
    assert field_state(again.get(draft.uid), moved, True) == "changed"
    assert field_state(again.get(draft.uid), None, False) == "cleared"
    assert field_state(None, draft, True) == "new"
    # Two downloads in the same second still rise.
    assert next_sequence(again, draft.uid, STAMP) == sequence + 1
    google_only = with_addition({}, draft, "google", 100)
    assert field_state(google_only[draft.uid], None, False) == "new", "a link can't be cancelled from here"
    many: dict = {}
    for number in range(MAX_REMEMBERED + 20):
        many = with_addition(many, _draft_on(date(2026, 12, 1), f"u{number}@calendar-links"), "outlook", number, 1)
    kept = parse_added(added_json(many))
    assert len(kept) == MAX_REMEMBERED and "u0@calendar-links" not in kept and f"u{MAX_REMEMBERED + 19}@calendar-links" in kept


def check_corrupt_memory_is_empty() -> None:
    for raw in (None, "", "{", "[]", '{"events": []}', "[" * 100_000, '{"events": {"u": 1}}', "x" * 500_000):
        assert parse_added(raw) == {}, raw if raw is None else raw[:20]
    bad_entries = (
        '{"events": {"a": {"dates": "2026/1", "sequence": 1, "calendars": [], "at": 1},'
        ' "b": {"dates": "20261201/20261202", "sequence": true, "calendars": [], "at": 1},'
        ' "c": {"dates": "20261202/20261201", "sequence": 1, "calendars": [], "at": 1},'
        ' "d": {"dates": "20261201/20261202", "sequence": 1, "calendars": ["outlook"], "at": 5}}}'
    )
    assert list(parse_added(bad_entries)) == ["d"]


def check_cancellation() -> None:
    draft = _draft_on(date(2026, 12, 1))
    events = with_addition({}, draft, "outlook", 100, 7)
    cancelled = cancellation_draft(events[draft.uid], "Renewal: ACME")
    assert cancelled is not None
    data = ics_cancellation(cancelled, STAMP, next_sequence(events, draft.uid, STAMP))
    calendar = Calendar.from_ical(data)
    assert str(calendar["METHOD"]) == "CANCEL"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == draft.uid and str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] > 7 and event["DTSTART"].dt == date(2026, 12, 1)
    after = with_cancellation(events, draft.uid, event["SEQUENCE"], 101)
    assert field_state(after[draft.uid], None, False) == "new"
    assert cancellation_draft(after[draft.uid], "Renewal: ACME") is None
    assert next_sequence(after, draft.uid, STAMP) == event["SEQUENCE"] + 1


def check_reminder_setting() -> None:
    cases = {None: None, "": None, "15": 15, " 60 ": 60, "0": 0, "40320": 40320, "40321": None, "-5": None,
             "1.5": None, "abc": None, "\u0661\u0665": None}  # fmt: skip
    for raw, minutes in cases.items():
        assert parse_reminder_minutes(raw) == minutes, raw


def check_notice_words() -> None:
    timed = EventDraft("u@x", "Call", "", "", "", datetime(2026, 12, 1, 14, tzinfo=UTC),
                       datetime(2026, 12, 1, 15, tzinfo=UTC), "Europe/Berlin")  # fmt: skip
    assert str(event_when(timed)) == "at 15:00 Europe/Berlin, Tuesday, 1 December 2026", event_when(timed)
    overnight = EventDraft("u@x", "Trip", "", "", "", datetime(2026, 12, 1, 7, tzinfo=UTC),
                           datetime(2026, 12, 3, 17, 30, tzinfo=UTC), "Europe/Berlin")  # fmt: skip
    assert str(event_when(overnight)) == (
        "from 08:00 Europe/Berlin, Tuesday, 1 December 2026, to 18:30, Thursday, 3 December 2026"
    )
    one_day = EventDraft("u@x", "Renewal", "", "", "", date(2026, 12, 1), date(2026, 12, 2), "UTC")
    assert str(event_when(one_day)) == "on Tuesday, 1 December 2026, all day", event_when(one_day)
    span = EventDraft("u@x", "Trip", "", "", "", date(2026, 12, 1), date(2026, 12, 5), "UTC")
    assert str(event_when(span)) == "from Tuesday, 1 December 2026 to Friday, 4 December 2026, all day"
    yearly = EventDraft("u@x", "Birthday", "", "", "", date(2000, 2, 29), date(2000, 3, 1), "UTC", yearly=True)
    assert str(event_when(yearly)) == "every year on 29 February (28 February in other years), all day"
    title = event_title(_CONTACT, FieldAttributes("birthday", "date", "", "data-value", label="Birthday"))
    assert title == "Birthday: Grace Hopper", title


RULE_CHECKS: tuple[tuple[str, Callable[[], None]], ...] = (
    ("span-problems", check_span_problems),
    ("repeat-and-show-as-problems", check_repeat_and_show_as_problems),
    ("sequence-rises-within-one-second", check_sequence_rises_within_one_second),
    ("memory-remembers-and-bounds", check_memory_remembers_and_bounds),
    ("corrupt-memory-is-empty", check_corrupt_memory_is_empty),
    ("cancellation", check_cancellation),
    ("reminder-setting", check_reminder_setting),
    ("notice-words", check_notice_words),
)


def run_all_checks() -> list[str]:
    """Every check against every scenario, then every rule check; one line per failure, empty when all pass."""
    failures = []
    for scenario in SCENARIOS:
        for check_name, check in CHECKS:
            try:
                check(scenario)
            except AssertionError as failure:
                failures.append(f"{scenario.name} / {check_name}: {failure}")
            except Exception:  # the smoke test must report every check, not stop at the first crash
                failures.append(f"{scenario.name} / {check_name}: {traceback.format_exc(limit=3)}")
    for rule_name, rule_check in RULE_CHECKS:
        try:
            rule_check()
        except AssertionError as failure:
            failures.append(f"{rule_name}: {failure}")
        except Exception:
            failures.append(f"{rule_name}: {traceback.format_exc(limit=3)}")
    return failures
