"""The scenarios every output runs through: a record, a field and a page, and what the value
means, stated independently of the parser.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo


from calendar_links import (
    FieldAttributes,
    PageContext,
    RecordAttributes,
)


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
    # dataclasses.field in full: the field above is named `field`.
    record: RecordAttributes = dataclasses.field(default_factory=RecordAttributes)
    page: PageContext = PAGE
    # data-end-field: the end field, and the last day (included) or the end instant it means.
    end_field: FieldAttributes | None = None
    last: date | datetime | None = None
    yearly: bool = False
    busy: bool | None = None  # None: the default (all-day free, timed busy)
    ctz_known: bool = True  # whether Google Calendar knows the zone's name
    uri: str | None = None  # the record link as a URI, where it is not ASCII already
    reminder: int | None = None  # minutes before the start, written as a VALARM


def _at(zone: str, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A wall time in zone with fold=0: the reading the core documents for gaps and overlaps."""
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))


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
