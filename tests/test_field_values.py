"""Tests of field_values: ISO machine values, displayed text, zones and wall times."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from calendar_links_core.wording import words
from calendar_links_core.field_values import (
    Unreadable,
    date_order_named,
    is_machine_value,
    parsed_moment,
    quoted_value,
    wall_time_instant,
    zone_named,
)

UTC = timezone.utc


def _offset(hours: int, minutes: int = 0) -> timezone:
    return timezone(timedelta(hours=hours, minutes=minutes))


ISO_VALUES = [
    ("2026-12-01", date(2026, 12, 1)),
    ("  2026-12-01\n", date(2026, 12, 1)),
    ("2026-12-01T15:00", datetime(2026, 12, 1, 15, 0)),
    ("2026-12-01 15:00", datetime(2026, 12, 1, 15, 0)),
    ("2026-12-01T15:00:30", datetime(2026, 12, 1, 15, 0, 30)),
    ("2026-12-01T15:00:30.5", datetime(2026, 12, 1, 15, 0, 30, 500000)),
    ("2026-12-01T15:00:30,123456789", datetime(2026, 12, 1, 15, 0, 30, 123456)),
    ("2026-12-01T15:00:00Z", datetime(2026, 12, 1, 15, 0, tzinfo=UTC)),
    ("2026-12-01t15:00z", datetime(2026, 12, 1, 15, 0, tzinfo=UTC)),
    ("2026-12-01T15:00:00+01:00", datetime(2026, 12, 1, 15, 0, tzinfo=_offset(1))),
    ("2026-12-01T15:00+0530", datetime(2026, 12, 1, 15, 0, tzinfo=_offset(5, 30))),
    ("2026-12-01T15:00-03", datetime(2026, 12, 1, 15, 0, tzinfo=_offset(-3))),
    ("2026-12-01T15:00-00:00", datetime(2026, 12, 1, 15, 0, tzinfo=UTC)),
    ("2026-12-01T15:00+14:00", datetime(2026, 12, 1, 15, 0, tzinfo=_offset(14))),
    ("2026-12-01T15:00-12:00", datetime(2026, 12, 1, 15, 0, tzinfo=_offset(-12))),
    ("20261201", date(2026, 12, 1)),
    ("20261201T1500Z", datetime(2026, 12, 1, 15, 0, tzinfo=UTC)),
    ("0001-01-01", date(1, 1, 1)),
    ("9999-12-31T23:59:59", datetime(9999, 12, 31, 23, 59, 59)),
]


@pytest.mark.parametrize(("raw", "meaning"), ISO_VALUES)
@pytest.mark.parametrize("machine", [True, False], ids=["machine", "text"])
@pytest.mark.parametrize("order", ["MDY", "DMY", "YMD"])
def test_iso_values_mean_the_same_in_every_source_and_order(
    raw: str, meaning: date | datetime, machine: bool, order: str
) -> None:
    moment = parsed_moment(raw, machine=machine, date_order=order)
    assert moment == meaning and type(moment) is type(meaning)
    if isinstance(meaning, datetime):
        assert isinstance(moment, datetime) and moment.utcoffset() == meaning.utcoffset()


ISO_REJECTED = [
    ("2026-13-01", "is not a real date"),
    ("2026-02-29", "is not a real date"),
    ("2026-04-31T10:00", "is not a real date"),
    ("2026-12-01T24:00", "is not a real time of day"),
    ("2026-12-01T23:59:60", "is not a real time of day"),
    ("2026-12-01T23:60", "is not a real time of day"),
    ("2026-12-01T15:00+14:01", "impossible UTC offset"),
    ("2026-12-01T15:00+25:00", "impossible UTC offset"),
    ("2026-12-01T15:00-05:60", "impossible UTC offset"),
    ("0000-01-01", "year outside 1 to 9999"),
    ("10000-01-01", "year outside 1 to 9999"),
    ("2026-12", "not a date in the form"),
    ("2026-W49-2", "not a date in the form"),
    ("15:00", "not a date in the form"),
    ("2026-12-01T15", "not a date in the form"),
    ("2026-12-01T15:00:00Z junk", "not a date in the form"),
    ("Dec 1, 2026", "not a date in the form"),
    ("", "there is no date to read"),
    (" \u00a0\t", "there is no date to read"),
]


@pytest.mark.parametrize(("raw", "words"), ISO_REJECTED)
def test_machine_values_must_be_real_iso_dates(raw: str, words: str) -> None:
    reading = parsed_moment(raw, machine=True, date_order="MDY")
    assert isinstance(reading, Unreadable) and words in reading.message, reading
    assert reading.message.endswith(".")


TEXTS = [
    ("MDY", "Dec 1, 2026 3:00 PM", datetime(2026, 12, 1, 15, 0)),
    ("MDY", "Dec 1, 2026, 3:00:00\u202fPM", datetime(2026, 12, 1, 15, 0)),  # Chrome's toLocaleString
    ("MDY", "12/01/2026", date(2026, 12, 1)),
    ("DMY", "12/01/2026", date(2026, 1, 12)),
    ("YMD", "2026/12/01", date(2026, 12, 1)),
    ("DMY", "2026/12/01", date(2026, 12, 1)),  # no locale writes year-day-month
    ("DMY", "2026.12.01 15:00", datetime(2026, 12, 1, 15, 0)),
    ("DMY", "1.12.2026 15:00", datetime(2026, 12, 1, 15, 0)),
    ("DMY", "01.12.2026, 15:00", datetime(2026, 12, 1, 15, 0)),
    ("MDY", "1st of December 2026 at 3pm", datetime(2026, 12, 1, 15, 0)),
    ("MDY", "Tuesday, December 1, 2026", date(2026, 12, 1)),
    ("MDY", "1 December 2026 15h30", datetime(2026, 12, 1, 15, 30)),
    ("MDY", "Dec 1 2026 3:00 a.m.", datetime(2026, 12, 1, 3, 0)),
    ("MDY", "Dec 1 2026 15:00 UTC", datetime(2026, 12, 1, 15, 0, tzinfo=UTC)),
    ("MDY", "Dec 1 2026 15:00 +0530", datetime(2026, 12, 1, 15, 0, tzinfo=_offset(5, 30))),
    # JavaScript's Date#toString: GMT+0100 is one hour east of UTC.
    ("MDY", "Tue Dec 01 2026 15:00:00 GMT+0100", datetime(2026, 12, 1, 15, 0, tzinfo=_offset(1))),
    ("MDY", "Dec 1 2026 15:00 UTC-3", datetime(2026, 12, 1, 15, 0, tzinfo=_offset(-3))),
    ("DMY", "2026-12-01", date(2026, 12, 1)),  # ISO first: dateutil's dayfirst would say 12 January
    ("DMY", "20261201", date(2026, 12, 1)),
    ("DMY", "29.02.2028", date(2028, 2, 29)),
    ("MDY", "02/28/1900", date(1900, 2, 28)),
    ("MDY", "12/31/2100 11:59 PM", datetime(2100, 12, 31, 23, 59)),
]


@pytest.mark.parametrize(("order", "raw", "meaning"), TEXTS)
def test_displayed_text_is_read_under_the_date_order(order: str, raw: str, meaning: date | datetime) -> None:
    moment = parsed_moment(raw, machine=False, date_order=order)
    assert moment == meaning and type(moment) is type(meaning)
    if isinstance(meaning, datetime):
        assert isinstance(moment, datetime) and moment.utcoffset() == meaning.utcoffset()


TEXT_REJECTED = [
    ("Dec 2026", "needs a day, a month and a year"),
    ("December 1", "needs a day, a month and a year"),
    ("December 1 3pm", "needs a day, a month and a year"),
    ("3pm", "needs a day, a month and a year"),
    ("Monday", "needs a day, a month and a year"),
    ("2026", "needs a day, a month and a year"),
    ("12/01", "needs a day, a month and a year"),
    ("12/01/26", "needs a four-digit year"),
    ("Dec 1, 26", "needs a four-digit year"),
    ("banana", "is not a date"),
    ("Today is Dec 1 2026", "is not a date"),
    ("Dec 1, 2026 teatime", "is not a date"),
    ("Dez 1 2026", "is not a date"),
    ("99999999999999999999", "is not a date"),
    ("1:12026202699999999999999999999", "is not a date"),  # decimal.InvalidOperation inside dateutil
    ("1 Dec 2026 " + "x" * 100, "is not a date"),
    ("Dec 1 2026 3pm EST", '"EST", which is ambiguous'),
    ("1 Dec 2026 15:00 CET", '"CET", which is ambiguous'),
    ("Dec 1 2026 3:00 PM EST-0500", '"EST", which is ambiguous'),
    ("Dec 1 2026 15:00 +25:00", "impossible UTC offset"),
    ("31/02/2026", "is not a real date"),
    ("02/29/2026", "is not a real date"),
    ("Dec 1 2026 24:00", "is not a real time of day"),
    ("Dec 1 2026 23:61", "is not a real time of day"),
    ("Dec 1 2026 15:00 PM", "is not a date"),
    ("Monday, December 1, 2026", "has the wrong weekday: the date is Tuesday, 1 December 2026"),
]


@pytest.mark.parametrize(("raw", "words"), TEXT_REJECTED)
def test_displayed_text_that_is_not_a_whole_real_date_is_unreadable(raw: str, words: str) -> None:
    order = "DMY" if raw == "31/02/2026" else "MDY"
    reading = parsed_moment(raw, machine=False, date_order=order)
    assert isinstance(reading, Unreadable) and words in reading.message, reading


def test_an_unknown_date_order_reads_as_mdy() -> None:
    assert parsed_moment("12/01/2026", machine=False, date_order="junk") == date(2026, 12, 1)


@pytest.mark.parametrize(
    ("source", "input_type", "machine"),
    [
        ("data-value", None, True),
        ("datetime", None, True),
        ("input", "date", True),
        ("input", "datetime-local", True),
        ("input", " Month ", True),
        ("input", "text", False),
        ("input", None, False),
        ("text", None, False),
        ("text", "date", False),
    ],
)
def test_is_machine_value(source: str, input_type: str | None, machine: bool) -> None:
    assert is_machine_value(source, input_type) is machine


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        (" america/new_york ", "America/New_York"),
        ("UTC", "UTC"),
        ("Etc/GMT+5", "Etc/GMT+5"),
        ("US/Eastern", "US/Eastern"),
        ("America/Ciudad_Juarez", "America/Ciudad_Juarez"),
        ("localtime", None),
        ("posixrules", None),
        ("right/UTC", None),
        ("../../etc/passwd", None),
        ("/usr/share/zoneinfo/UTC", None),
        ("Europe/", None),
        ("", None),
        ("CEST", None),
        ("+01:00", None),
        ("Mars/Olympus_Mons", None),
    ],
)
def test_zone_named_knows_exactly_the_tzdata_zones(name: str, key: str | None) -> None:
    zone = zone_named(name)
    assert (zone.key if zone is not None else None) == key


def test_zone_named_gives_working_zones() -> None:
    zone = zone_named("America/New_York")
    assert zone is not None
    winter, summer = datetime(2026, 1, 15, 12, tzinfo=zone), datetime(2026, 7, 15, 12, tzinfo=zone)
    assert (winter.utcoffset(), summer.utcoffset()) == (timedelta(hours=-5), timedelta(hours=-4))


@pytest.mark.parametrize(
    ("zone_name", "wall", "after_change"),
    [
        ("America/New_York", datetime(2026, 3, 8, 2, 30), timedelta(hours=1)),
        ("Europe/Berlin", datetime(2026, 3, 29, 2, 30), timedelta(hours=1)),
        ("Australia/Lord_Howe", datetime(2026, 10, 4, 2, 15), timedelta(minutes=30)),
    ],
)
def test_a_wall_time_in_a_gap_moves_forward_by_the_gap(
    zone_name: str, wall: datetime, after_change: timedelta
) -> None:
    zone = zone_named(zone_name)
    assert zone is not None
    instant = wall_time_instant(wall, zone)
    assert instant.tzinfo is UTC
    assert instant.astimezone(zone).replace(tzinfo=None) == wall + after_change
    assert instant == wall.replace(tzinfo=ZoneInfo(zone_name)).astimezone(UTC)


@pytest.mark.parametrize(
    ("zone_name", "wall"),
    [("America/New_York", datetime(2026, 11, 1, 1, 30)), ("Europe/Berlin", datetime(2026, 10, 25, 2, 30))],
)
def test_a_wall_time_in_an_overlap_is_the_earlier_occurrence(zone_name: str, wall: datetime) -> None:
    zone = zone_named(zone_name)
    assert zone is not None
    instant = wall_time_instant(wall.replace(fold=1), zone)
    later = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    assert later - instant == timedelta(hours=1)
    assert instant.astimezone(zone).replace(tzinfo=None, fold=0) == wall


def test_wall_time_instant_needs_a_naive_datetime() -> None:
    zone = zone_named("UTC")
    assert zone is not None
    with pytest.raises(ValueError, match="naive"):
        wall_time_instant(datetime(2026, 1, 1, tzinfo=UTC), zone)


def test_quoted_value_is_short_and_printable() -> None:
    assert quoted_value(" 2026-12-01 ") == '"2026-12-01"'
    assert quoted_value("a\tb\n\x07c") == '"a b c"'
    long = quoted_value("9" * 100)
    assert len(long) == 42 and long.endswith('…"')


@pytest.mark.parametrize(
    ("raw", "order"), [("MDY", "MDY"), (" dmy ", "DMY"), ("Ymd", "YMD"), ("YDM", None), ("", None)]
)
def test_date_order_named(raw: str, order: str | None) -> None:
    assert date_order_named(raw) == order


def test_unreadable_needs_a_reason() -> None:
    with pytest.raises(ValueError):
        Unreadable(words(" "))


def test_fraction_digits_past_microseconds_are_dropped() -> None:
    reading = parsed_moment("2026-12-01T00:00:00.9999999", machine=True, date_order="MDY")
    assert isinstance(reading, datetime) and reading.time() == time(0, 0, 0, 999999)
