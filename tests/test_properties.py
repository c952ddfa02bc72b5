"""Property tests: any text, any instant in any zone, any stored setting.

Runs are derandomized (the same examples every run, no example database) and
kept to a few dozen examples each (ten in `make check`), so the whole core suite
stays fast and never flaky; raise max_examples locally when hunting.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit
from zoneinfo import ZoneInfo

import recurring_ical_events
import vobject
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from calendar_links import (
    VALUE_SOURCES,
    EventDraft,
    FieldAttributes,
    PageContext,
    Problem,
    RecordAttributes,
    event_draft,
    ics_document,
    ics_file_name,
    ics_sequence,
)
from calendar_links_core.field_values import zone_named
from calendar_links_core.providers.google import google_calendar_url, google_knows_zone
from calendar_links_core.providers.outlook_web import outlook_web_url
from calendar_links_core.providers.outlookcom import OUTLOOK_COM_COMPOSE_URL
from calendar_links_core.providers.registry import PROVIDERS
from calendar_links_core.providers.web_link import ELLIPSIS, MAX_URL_LENGTH
from calendar_links_core.settings import integrations_json, parse_default_duration, parse_google_account, parse_integrations
from contract.ics_values import ics_moment

UTC = timezone.utc
STAMP = datetime(2026, 5, 4, 3, 2, 1, tzinfo=UTC)
LINK = "https://crm.example.com/contacts/42"
PAGE = PageContext("https://crm.example.com/app?view=1", "Europe/Berlin", "MDY")

# Two profiles of the same derandomized settings: "full" (`make test`, and any run that names
# none) and "check", a quarter of the generated examples for `make check`, which sets
# HYPOTHESIS_PROFILE=check. Every @example case runs in both.
settings.register_profile(
    "full", max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("check", settings.get_profile("full"), max_examples=10)
MODERATE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "full"))

# 100 KB of everything iCalendar must escape, fold or keep.
HUGE = ("Zoë <b>&amp;</b> ; , \\ : \\N \r\n😀 e\u0301 שלום \u200f\t" * 2600)[:100_000]


def _tzdata_zone(key: str) -> ZoneInfo:
    """key from the tzdata package itself, whatever the machine's own zone files say."""
    zone = zone_named(key)
    assert zone is not None, key
    return zone


ZONE_KEYS = sorted(resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split())
ZONES = {key: _tzdata_zone(key) for key in ZONE_KEYS}


def _cleaned(text: str) -> str:
    """The documented normalisation, written independently: line ends to LF, other controls dropped."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in unified if ch in "\t\n" or unicodedata.category(ch) != "Cc")


def _draft(title: str, description: str, location: str, **changes: Any) -> EventDraft:
    values: dict[str, Any] = {
        "uid": "u1@calendar-links",
        "title": title,
        "description": description,
        "location": location,
        "record_url": LINK,
        "start": date(2026, 12, 1),
        "end": date(2026, 12, 2),
        "time_zone": "Europe/Berlin",
    }
    values.update(changes)
    return EventDraft(**values)


def _property_names(data: bytes) -> Counter[str]:
    unfolded = data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").decode("utf-8")
    lines = unfolded.split("\r\n")
    assert lines[-1] == "", "missing final CRLF"
    names: Counter[str] = Counter()
    for line in lines[:-1]:
        match = re.match(r"[A-Z][A-Z0-9-]*(?=[;:])", line)
        assert match is not None, f"not a content line: {line[:40]!r}"
        names[match.group()] += 1
    return names


def _assert_ics_text_round_trips(data: bytes, title: str, description: str, location: str) -> None:
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")
    expected = Counter(
        ["BEGIN", "BEGIN", "END", "END", "VERSION", "PRODID", "METHOD", "UID", "DTSTAMP", "SEQUENCE"]
        + ["SUMMARY", "DTSTART", "DTEND", "URL", "TRANSP", "X-MICROSOFT-CDO-ALLDAYEVENT", "X-MICROSOFT-CDO-BUSYSTATUS"]
        + (["DESCRIPTION"] if description else [])
        + (["LOCATION"] if location else [])
    )
    assert _property_names(data) == expected

    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert str(event.get("DESCRIPTION", "")) == description
    assert str(event.get("LOCATION", "")) == location

    parsed = vobject.readOne(data.decode("utf-8")).vevent
    contents = parsed.contents
    assert parsed.summary.value == title
    assert (contents["description"][0].value if "description" in contents else "") == description
    assert (contents["location"][0].value if "location" in contents else "") == location


@MODERATE
@given(title=st.text(), description=st.text(), location=st.text())
@example(title=HUGE, description=HUGE, location=HUGE)
@example(title="\ufeff\\N", description="END:VEVENT\nBEGIN:VEVENT", location="x\r\nDTSTART:19700101")
def test_any_text_round_trips_through_ics(title: str, description: str, location: str) -> None:
    draft = _draft(title, description, location)
    assert draft.title == _cleaned(title)
    assert (draft.description, draft.location) == (_cleaned(description), _cleaned(location))
    data = ics_document(draft, STAMP, 1)
    _assert_ics_text_round_trips(data, draft.title, draft.description, draft.location)


@MODERATE
@given(name=st.text(), kind=st.text(), notes=st.text(), location=st.text(), title=st.text())
@example(name=HUGE, kind="Contact", notes=HUGE, location=HUGE, title="")
def test_record_text_reaches_the_event_unchanged(
    name: str, kind: str, notes: str, location: str, title: str
) -> None:
    record = RecordAttributes(
        record_type=kind, name=name, description=notes, location=location, url="/contacts/42"
    )
    field = FieldAttributes("due", "date", "2026-12-01", "data-value", label="Due", event_title=title)

    def given_(text: str) -> bool:
        return _cleaned(text).strip() != ""

    draft = event_draft(record, field, PAGE)
    assert isinstance(draft, EventDraft)
    expected_title = title if given_(title) else (f"Due: {name}" if given_(name) else "Due")
    header = ([f"{kind}: {name}" if given_(kind) else name] if given_(name) else [])
    expected_description = "\n".join([*header, *([notes] if given_(notes) else []), LINK])
    assert draft.title == _cleaned(expected_title)
    assert draft.description == _cleaned(expected_description)
    assert draft.location == (_cleaned(location) if given_(location) else "")
    _assert_ics_text_round_trips(ics_document(draft, STAMP, 1), draft.title, draft.description, draft.location)
    assert ics_file_name(draft).endswith(".ics")


LONG_TEXT = st.one_of(st.text(), st.text(min_size=600, max_size=2500))


@MODERATE
@given(
    title=LONG_TEXT,
    description=LONG_TEXT,
    location=LONG_TEXT,
    account=st.sampled_from([None, "zoe@example.com"]),
)
@example(title=HUGE, description=HUGE, location=HUGE, account="zoe@example.com")
# A description that is only the mark a cut leaves, and a place too long to fit.
@example(title="", description=ELLIPSIS, location=HUGE, account=None)
def test_google_text_round_trips_or_is_shortened_visibly(
    title: str, description: str, location: str, account: str | None
) -> None:
    draft = _draft(title, f"{description}\n{LINK}", location)
    url = google_calendar_url(draft, account)
    assert len(url) <= MAX_URL_LENGTH
    parsed = parse_qs(urlsplit(url).query, keep_blank_values=True, errors="strict")
    query = {key: values[0] for key, values in parsed.items()}
    assert query.get("authuser") == account
    texts = (query["text"], query["details"], query.get("location", ""))
    if texts == (draft.title, draft.description, draft.location):
        # sprop goes only when the link would not fit with it.
        sprop = "&" + urlencode({"sprop": f"website:{LINK}"}, safe="/", quote_via=quote)
        assert query.get("sprop") == f"website:{LINK}" or len(url) + len(sprop) > MAX_URL_LENGTH
        return
    # Over the cap: sprop went first, then text was cut, each cut marked, the link kept whole at the end.
    assert "sprop" not in query
    tail = f"{ELLIPSIS}\n{LINK}"
    assert query["details"].endswith(tail) and draft.description.startswith(query["details"][: -len(tail)])
    for shown, full in ((query["text"], draft.title), (query.get("location", ""), draft.location)):
        assert shown == full or (shown.endswith(ELLIPSIS) and full.startswith(shown[:-1]))
    # The description gives way first: the title or the place is cut only once it is down to
    # the link (a description that was only "…" to begin with reads the same cut or not).
    if (query["text"], query.get("location", "")) != (draft.title, draft.location):
        assert query["details"] == tail


# A year's margin at both ends keeps every UTC conversion and a week's length
# inside datetime's range (years 1-9999).
INSTANTS = st.datetimes(
    min_value=datetime(2, 1, 1),
    max_value=datetime(9998, 12, 24),
    timezones=st.sampled_from(list(ZONES.values())),
)


@MODERATE
@given(start=INSTANTS, minutes=st.integers(1, 10080))
def test_any_instant_in_any_zone_round_trips_through_every_output(start: datetime, minutes: int) -> None:
    first = start.astimezone(UTC).replace(microsecond=0)
    last = first + timedelta(minutes=minutes)
    assert isinstance(start.tzinfo, ZoneInfo)
    zone = start.tzinfo.key
    end = start.astimezone(UTC) + timedelta(minutes=minutes)
    draft = _draft("Call", "", "", start=start, end=end, time_zone=zone)
    assert (draft.start, draft.end, draft.time_zone) == (first, last, zone)

    google = parse_qs(urlsplit(google_calendar_url(draft)).query)
    begin, _, finish = google["dates"][0].partition("/")
    assert [datetime.strptime(t, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC) for t in (begin, finish)] == [first, last]
    # Zones Google can't read (Etc/GMT+5, EST, Brazil/Acre) go without ctz; the time stays exact in dates.
    assert google.get("ctz") == ([zone] if google_knows_zone(zone) else None)

    data = ics_document(draft, STAMP, 1)
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert (ics_moment(event, "DTSTART"), ics_moment(event, "DTEND")) == (first, last)
    parsed = vobject.readOne(data.decode("utf-8")).vevent
    assert (parsed.dtstart.value, parsed.dtend.value) == (first, last)

    outlook = parse_qs(urlsplit(outlook_web_url(draft, OUTLOOK_COM_COMPOSE_URL)).query)
    shown = [datetime.strptime(outlook[key][0], "%Y-%m-%dT%H:%M:%SZ") for key in ("startdt", "enddt")]
    assert [moment.replace(tzinfo=UTC) for moment in shown] == [first, last]


@MODERATE
@given(
    wall=st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31)),
    zone=st.sampled_from(ZONE_KEYS),
)
def test_a_wall_time_means_the_zone_instant_with_fold_zero(wall: datetime, zone: str) -> None:
    wall = wall.replace(microsecond=0)
    field = FieldAttributes("call", "datetime", wall.isoformat(), "data-value", time_zone=zone)
    draft = event_draft(RecordAttributes(), field, PAGE)
    assert isinstance(draft, EventDraft)
    assert draft.start == wall.replace(tzinfo=ZONES[zone], fold=0).astimezone(UTC)


TEXT_FORMATS = [
    ("MDY", "%m/%d/%Y %I:%M %p"),
    ("MDY", "%b %d, %Y %H:%M"),
    ("DMY", "%d.%m.%Y %H:%M"),
    ("DMY", "%d/%m/%Y %H:%M"),
    ("YMD", "%Y/%m/%d %H:%M"),
    ("DMY", "%A, %d %B %Y %H:%M"),
]


@MODERATE
@given(
    wall=st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9999, 12, 31)),
    layout=st.sampled_from(TEXT_FORMATS),
)
def test_displayed_text_reads_back_as_the_date_it_shows(wall: datetime, layout: tuple[str, str]) -> None:
    order, pattern = layout
    wall = wall.replace(second=0, microsecond=0)
    field = FieldAttributes("call", "datetime", wall.strftime(pattern), "text", date_order=order, time_zone="UTC")
    draft = event_draft(RecordAttributes(), field, PAGE)
    assert isinstance(draft, EventDraft), draft
    assert draft.start == wall.replace(tzinfo=UTC)


ISO_LIKE = st.from_regex(
    r"\A[0-9]{4,5}-[0-9]{2}-[0-9]{2}"
    r"([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?\Z"
)
# Pieces of displayed dates, so the dateutil path sees near-misses, not just noise.
DATE_PIECES = st.lists(
    st.sampled_from(
        ["Dec", "Tuesday", "1", "01", "12", "31", "2026", "0000", "26", "24", "60", "PM", "a.m.", "GMT", "EST",
         "Z", "+", "-", "+01:00", "/", ".", ",", ":", " ", "T", "at", "1st", "\u202f", "9" * 25, "\u0663", ".5"]
    ),
    max_size=10,
).map("".join)
MAYBE_TEXT = st.one_of(st.none(), st.text(max_size=12))
URL_PIECES = st.lists(
    st.sampled_from(
        ["https:", "javascript:", "//", "/", "\\", "[", "]", "::1", "@", "host.example", ":99999", "?", "#",
         "%zz", " ", "\t", "\x01", "é", "..", "a"]
    ),
    max_size=8,
).map("".join)


@MODERATE
@given(
    value=st.one_of(st.text(), ISO_LIKE, DATE_PIECES),
    field_type=st.sampled_from([None, "date", "datetime", " DateTime ", "time", ""]),
    source=st.sampled_from(VALUE_SOURCES),
    input_type=st.sampled_from([None, "date", "datetime-local", "text", "month"]),
    zone=st.one_of(MAYBE_TEXT, st.sampled_from(["Pacific/Kiritimati", "Etc/GMT-14", "Mars/Base"])),
    duration=st.one_of(MAYBE_TEXT, st.integers(-5, 20000).map(str)),
    order=MAYBE_TEXT,
    label=MAYBE_TEXT,
    record_url=st.one_of(MAYBE_TEXT, URL_PIECES),
    page_url=st.one_of(st.just(PAGE.page_url), st.text(max_size=20), URL_PIECES),
)
def test_event_draft_never_raises(
    value: str, field_type: str | None, source: str, input_type: str | None, zone: str | None,
    duration: str | None, order: str | None, label: str | None, record_url: str | None, page_url: str,
) -> None:
    field = FieldAttributes(
        "due", field_type, value, source, label=label, time_zone=zone, duration_minutes=duration,
        date_order=order, input_type=input_type,
    )
    record = RecordAttributes(time_zone=zone, url=record_url)
    result = event_draft(record, field, PageContext(page_url, "Europe/Berlin", "MDY"))
    assert isinstance(result, (EventDraft, Problem))
    if isinstance(result, Problem):
        assert result.field_key == "due" and result.message.strip()
    else:
        assert result.record_url == "" or result.record_url.lower().startswith(("http://", "https://"))


@MODERATE
@given(
    first=st.datetimes(timezones=st.sampled_from([UTC, ZONES["America/New_York"], ZONES["Asia/Kathmandu"]])),
    step=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40000)),
)
def test_sequence_never_goes_down_and_fits_32_bits(first: datetime, step: timedelta) -> None:
    try:
        later = (first.astimezone(UTC) + step).astimezone(ZONES["Europe/Berlin"])
    except OverflowError:
        later = datetime.max.replace(tzinfo=UTC)
    assert 0 <= ics_sequence(first) <= ics_sequence(later) < 2**31


@MODERATE
@given(raw=st.one_of(st.none(), st.text(), st.from_regex(r'\A\{"(google|outlook)": *(true|false|1|null)\}\Z')))
def test_settings_never_raise(raw: str | None) -> None:
    integrations = parse_integrations(raw)
    assert parse_integrations(integrations_json(integrations, [provider.key for provider in PROVIDERS])) == integrations
    assert 1 <= parse_default_duration(raw) <= 1440
    account = parse_google_account(raw)
    assert account is None or (account == account.strip() and "@" in account)


# --- Yearly series ----------------------------------------------------------------

YEARS_CHECKED = range(2026, 2036)


def _yearly_days(month: int, day: int) -> list[date]:
    """The ten days a yearly event on month/day means from 2026: 29 February falls on 28 February in common years."""
    days = []
    for year in YEARS_CHECKED:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        days.append(date(year, 2, 28) if (month, day) == (2, 29) and not leap else date(year, month, day))
    return days


@MODERATE
@given(day=st.dates(min_value=date(1800, 1, 1), max_value=date(2025, 12, 31)))
@example(day=date(2000, 2, 29))
@example(day=date(1904, 2, 29))
@example(day=date(1969, 12, 31))
@example(day=date(1970, 1, 1))
def test_every_yearly_series_lands_on_its_day_for_ten_years(day: date) -> None:
    field = FieldAttributes("birthday", "date", day.isoformat(), "data-value", label="Birthday", repeat="yearly")
    draft = event_draft(RecordAttributes(name="Ada Lovelace"), field, PAGE)
    assert isinstance(draft, EventDraft), draft
    data = ics_document(draft, STAMP, 1)
    calendar = Calendar.from_ical(data)
    window = (date(YEARS_CHECKED.start, 1, 1), date(YEARS_CHECKED.stop, 1, 1))
    occurrences = recurring_ical_events.of(calendar).between(*window)
    assert [(event["DTSTART"].dt, event["DTEND"].dt - event["DTSTART"].dt) for event in occurrences] == [
        (expected, timedelta(days=1)) for expected in _yearly_days(day.month, day.day)
    ]
    # Google gets the same rule, with the same "RRULE:" prefix as the file's line.
    (rule_line,) = [line for line in data.decode().split("\r\n") if line.startswith("RRULE:")]
    assert parse_qs(urlsplit(google_calendar_url(draft)).query)["recur"] == [rule_line]
