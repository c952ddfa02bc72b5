"""Reading the raw value of a calendar field.

At click time a field's value is plain text: either an HTML machine value
(an ``<input type="date">`` or ``datetime-local``, a ``data-value``, a
``<time datetime>``), which is ISO 8601, or the text a person reads on the
page, which python-dateutil reads under a date order (MDY, DMY or YMD).
This module turns that text into a date, a wall time or an instant, or says
in one short sentence why it cannot. It also finds IANA zones by name and
places wall times in them.

Pure: no browser, no clock, no machine time zone. Zones come from the
``tzdata`` package only, so CPython tests and the browser read the same data
whatever ``/usr/share/zoneinfo`` holds (or lacks).
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from importlib import resources
from typing import Final, TypeAlias, cast
from zoneinfo import ZoneInfo

# python-dateutil 4.0.0 ships no type information.
from dateutil import parser as dateutil_parser  # type: ignore[import-untyped]

from calendar_links_core.date_names import DateLanguage, language_parserinfo, without_connecting_words
from calendar_links_core.errors import InvalidValue
from calendar_links_core.problems import Unreadable
from calendar_links_core.wording import words

__all__ = [
    "DATE_ORDERS",
    "DEFAULT_DATE_ORDER",
    "MAX_UTC_OFFSET",
    "Moment",
    "Unreadable",
    "date_order_named",
    "is_machine_value",
    "parsed_moment",
    "quoted_value",
    "wall_time_instant",
    "zone_named",
]

DATE_ORDERS: Final = ("MDY", "DMY", "YMD")

# The order Intl falls back to (en-US) and dateutil's own default
# (dayfirst=False, yearfirst=False).
DEFAULT_DATE_ORDER: Final = "MDY"

# The widest offsets in use are -12:00 (Baker Island) and +14:00 (Kiritimati);
# anything further from UTC is a typo, not a place.
MAX_UTC_OFFSET: Final = timedelta(hours=14)

# HTML input types whose value is a machine value (HTML Living Standard,
# "4.10.5.1 States of the type attribute"), never localised text.
_MACHINE_INPUT_TYPES: Final = frozenset({"date", "datetime-local", "month", "week", "time"})
_MACHINE_SOURCES: Final = frozenset({"data-value", "datetime"})

# Longer displayed text is a paragraph, not a date; dateutil need not read it.
_MAX_TEXT_LENGTH: Final = 100
_MAX_SHOWN_LENGTH: Final = 40

Moment: TypeAlias = date | datetime
"""A date (no time of day), a naive datetime (wall time) or an aware datetime (an instant)."""


def is_machine_value(value_source: str, input_type: str | None) -> bool:
    """Whether a field's value is an ISO 8601 machine value rather than text a person reads."""
    if value_source in _MACHINE_SOURCES:
        return True
    return value_source == "input" and (input_type or "").strip().lower() in _MACHINE_INPUT_TYPES


def date_order_named(raw: str) -> str | None:
    """The date order ("MDY", "DMY" or "YMD") that raw names, ignoring case and spaces, else None."""
    order = raw.strip().upper()
    return order if order in DATE_ORDERS else None


def quoted_value(raw: str) -> str:
    """The raw value in double quotes, short and without control characters, for messages."""
    shown = "".join(ch for ch in " ".join(raw.split()) if ch.isprintable())
    if len(shown) > _MAX_SHOWN_LENGTH:
        shown = shown[: _MAX_SHOWN_LENGTH - 1] + "…"
    return f'"{shown}"'


def parsed_moment(
    raw: str,
    *,
    machine: bool,
    date_order: str,
    language: DateLanguage | None = None,
    order_given: bool = False,
) -> Moment | Unreadable:
    """The date, wall time or instant that raw states, or why it states none."""
    # Displayed text is read with the month and weekday names of language (and English
    # ones); order_given says the date order was written on the page (data-date-order)
    # rather than taken from a language or locale.
    # ISO 8601 first, for every source: 2026-12-01, 2026-12-01T15:00, with
    # seconds and a fraction, with Z or an offset, or in basic form
    # (20261201T1500). Machine values stop there. Displayed text then goes to
    # dateutil under date_order and must give a day, a month and a four-digit
    # year; its time of day is optional.
    text = raw.strip()
    if not text:
        return Unreadable(words("there is no date to read."))
    shown = quoted_value(text)
    iso = _ISO_EXTENDED.fullmatch(text) or _ISO_BASIC.fullmatch(text)
    if iso is not None:
        return _iso_moment(iso, shown)
    if machine:
        return Unreadable(words("{shown} is not a date in the form 2026-12-01 or 2026-12-01T15:00.", shown=shown))
    if len(text) > _MAX_TEXT_LENGTH:
        return _not_a_date(shown)
    order = date_order_named(date_order) or DEFAULT_DATE_ORDER
    if not order_given and _DOTTED_DAY_FIRST.match(text):
        # 10.12.1990 is 10 December wherever dots separate a date with the year last
        # (German, Dutch, Russian, Turkish…); no locale writes month.day.year.
        order = "DMY"
    if language is not None:
        text = without_connecting_words(text, language)
    return _text_moment(text, shown, order, _parser(language))


def zone_named(name: str) -> ZoneInfo | None:
    """The IANA zone called name (any letter case, surrounding spaces ignored), else None."""
    key = _zone_keys().get(name.strip().lower())
    return None if key is None else _zone(key)


def wall_time_instant(wall: datetime, zone: ZoneInfo) -> datetime:
    """The UTC instant at which zone's clocks show the naive wall time (PEP 495 fold=0 in gaps and overlaps)."""
    # One rule for both daylight-saving edge cases, PEP 495's fold=0. A wall
    # time in a gap (02:30 when clocks jump from 02:00 to 03:00) takes the
    # offset in force before the gap, so it lands the gap's length later
    # (03:30 on that day's clocks). A wall time in an overlap (01:30 when
    # clocks fall back from 02:00 to 01:00) is the earlier of its two
    # occurrences.
    if wall.tzinfo is not None:
        raise InvalidValue("wall_time_instant needs a naive datetime.")
    return wall.replace(tzinfo=zone, fold=0).astimezone(timezone.utc)


# --- ISO 8601 -----------------------------------------------------------------

_ISO_EXTENDED: Final = re.compile(
    r"""
    (?P<year>[0-9]{4,})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})
    (?:[Tt\x20]
        (?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})
        (?::(?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]+))?)?
        (?P<offset>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?
    )?
    """,
    re.VERBOSE | re.ASCII,
)

_ISO_BASIC: Final = re.compile(
    r"""
    (?P<year>[0-9]{4})(?P<month>[0-9]{2})(?P<day>[0-9]{2})
    (?:[Tt]
        (?P<hour>[0-9]{2})(?P<minute>[0-9]{2})
        (?:(?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]+))?)?
        (?P<offset>[Zz]|[+-][0-9]{2}(?:[0-9]{2})?)?
    )?
    """,
    re.VERBOSE | re.ASCII,
)


def _iso_moment(match: re.Match[str], shown: str) -> Moment | Unreadable:
    year, month, day = (int(match[part]) for part in ("year", "month", "day"))
    if not 1 <= year <= 9999:
        return Unreadable(words("{shown} has a year outside 1 to 9999.", shown=shown))
    try:
        calendar_date = date(year, month, day)
    except ValueError:
        return _not_a_real_date(shown)
    if match["hour"] is None:
        return calendar_date
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    # ISO 8601-1:2019 dropped 24:00; a leap second (23:59:60) has no datetime.
    if hour > 23 or minute > 59 or second > 59:
        return _not_a_time(shown)
    # Digits past microseconds are dropped: calendars keep whole seconds anyway.
    microsecond = int((match["fraction"] or "").ljust(6, "0")[:6])
    wall = datetime.combine(calendar_date, time(hour, minute, second, microsecond))
    if match["offset"] is None:
        return wall
    zone = _offset_zone(match["offset"])
    if zone is None:
        return Unreadable(words("{shown} has an impossible UTC offset.", shown=shown))
    return wall.replace(tzinfo=zone)


def _offset_zone(text: str) -> timezone | None:
    if text in ("Z", "z"):
        return timezone.utc
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    offset = timedelta(hours=hours, minutes=minutes)
    if minutes > 59 or offset > MAX_UTC_OFFSET:
        return None
    # RFC 3339 section 4.3: -00:00 is UTC with no preferred local offset.
    return timezone(-offset if text[0] == "-" else offset)


# --- Displayed text -----------------------------------------------------------


class _TwoDigitYear(Exception):
    """dateutil would complete a two-digit year from the current clock."""


class _ZoneAbbreviation(Exception):
    """A zone given by abbreviation, such as EST or CET."""


class _OffsetTooLarge(Exception):
    """A UTC offset beyond MAX_UTC_OFFSET."""


# dateutil's parserinfo is untyped; subclassing it is the documented way to
# change what the parser accepts.
class _StrictYears(dateutil_parser.parserinfo):  # type: ignore[misc]
    """Refuses two-digit years, which dateutil would place within 50 years of today's clock."""

    def convertyear(self, year: int, century_specified: bool = False) -> int:
        if year < 100 and not century_specified:
            raise _TwoDigitYear
        return year


_PARSER: Final = dateutil_parser.parser(_StrictYears())


@functools.lru_cache(maxsize=16)
def _parser(language: DateLanguage | None) -> dateutil_parser.parser:
    if language is None:
        return _PARSER
    return dateutil_parser.parser(language_parserinfo(language, _StrictYears))


_DOTTED_DAY_FIRST: Final = re.compile(r"\s*[0-9]{1,2}\.\s*[0-9]{1,2}\.\s*[0-9]{4}(?![0-9])", re.ASCII)

# How Django (its "P" format) and other server frameworks print the hours people say in
# words: "Jan. 20, 2026, noon", "midnight". "12 noon" is written too.
_NOON: Final = re.compile(r"\b(?:12\s*)?noon\b", re.IGNORECASE)
_MIDNIGHT: Final = re.compile(r"\b(?:12\s*)?midnight\b", re.IGNORECASE)

# dateutil fills every part the text leaves out from a default datetime.
# Reading the text against two defaults that differ in every date part and in
# the hour shows which parts the text really gave.
_FIRST_DEFAULT: Final = datetime(2000, 1, 1, 0, 0)
_SECOND_DEFAULT: Final = datetime(2001, 2, 2, 1, 0)

# People and JavaScript's Date#toString write "GMT+0100" for one hour east of
# UTC; dateutil reads it POSIX-style as one hour west. Dropping the GMT/UTC
# before a signed offset leaves the plain offset, which dateutil reads right.
_UTC_BEFORE_OFFSET: Final = re.compile(r"\b(?:GMT|UTC)(?=\s*[+-][0-9])", re.IGNORECASE)

# No locale writes year-day-month, yet dateutil with dayfirst=True reads
# "2026/12/01" as 12 January.
_LEADING_YEAR: Final = re.compile(r"[0-9]{4}", re.ASCII)

_WORD: Final = re.compile(r"[^\W\d_]+")


def _not_a_date(shown: str) -> Unreadable:
    return Unreadable(words("{shown} is not a date.", shown=shown))


def _not_a_real_date(shown: str) -> Unreadable:
    return Unreadable(words("{shown} is not a real date.", shown=shown))


def _not_a_time(shown: str) -> Unreadable:
    return Unreadable(words("{shown} is not a real time of day.", shown=shown))


def _text_moment(text: str, shown: str, order: str, parser: dateutil_parser.parser) -> Moment | Unreadable:
    prepared = _MIDNIGHT.sub("00:00", _NOON.sub("12:00", _UTC_BEFORE_OFFSET.sub("", text)))
    if _LEADING_YEAR.match(prepared) or order == "YMD":
        dayfirst, yearfirst = False, True
    else:
        dayfirst, yearfirst = order == "DMY", False
    try:
        first = _dateutil_reading(parser, prepared, _FIRST_DEFAULT, dayfirst, yearfirst)
        second = _dateutil_reading(parser, prepared, _SECOND_DEFAULT, dayfirst, yearfirst)
    except _TwoDigitYear:
        return Unreadable(words("{shown} needs a four-digit year.", shown=shown))
    except _ZoneAbbreviation as abbreviation:
        return Unreadable(
            words(
                '{shown} gives the time zone as "{abbreviation}", which is ambiguous; '
                "use an offset such as +01:00.",
                shown=shown,
                abbreviation=str(abbreviation),
            )
        )
    except _OffsetTooLarge:
        return Unreadable(words("{shown} has an impossible UTC offset.", shown=shown))
    except dateutil_parser.ParserError as error:
        return _parser_complaint(error, shown)
    except (ValueError, ArithmeticError):
        # OverflowError for huge numbers; decimal.InvalidOperation from
        # dateutil's seconds arithmetic on long digit runs ("1:12026...9").
        return _not_a_date(shown)
    if first.date() != second.date():
        return Unreadable(words("{shown} needs a day, a month and a year.", shown=shown))
    weekday_problem = _weekday_mismatch(parser, text, first.date(), shown)
    if weekday_problem is not None:
        return weekday_problem
    if first.hour != second.hour:
        return first.date()
    return first


def _dateutil_reading(
    parser: dateutil_parser.parser, text: str, default: datetime, dayfirst: bool, yearfirst: bool
) -> datetime:
    # A callable tzinfos sees every zone the text names; without it dateutil
    # maps names that match the machine's own zone to tzlocal(), which would
    # make the result depend on where the code runs.
    reading = parser.parse(
        text,
        default=default,
        dayfirst=dayfirst,
        yearfirst=yearfirst,
        fuzzy=False,
        tzinfos=_text_zone,
    )
    return cast(datetime, reading)


def _text_zone(name: str | None, offset: int | None) -> tzinfo | None:
    if name is not None and name.upper() not in ("UTC", "GMT", "Z"):
        raise _ZoneAbbreviation(name)
    if offset is None:
        return None if name is None else timezone.utc
    span = timedelta(seconds=offset)
    if abs(span) > MAX_UTC_OFFSET:
        raise _OffsetTooLarge
    return timezone(span)


def _parser_complaint(error: Exception, shown: str) -> Unreadable:
    # dateutil raises ParserError "from" the ValueError of datetime() when the
    # text has a clear shape but names a day or time that does not exist.
    cause = error.__cause__
    if not isinstance(cause, ValueError):
        return _not_a_date(shown)
    if any(part in str(cause) for part in ("hour", "minute", "second")):
        return _not_a_time(shown)
    return _not_a_real_date(shown)


def _weekday_mismatch(parser: dateutil_parser.parser, text: str, day: date, shown: str) -> Unreadable | None:
    # dateutil ignores a weekday once it has the day; a mismatch means the
    # text contradicts itself, and either half may be the mistake.
    names = parser.info
    for word in _WORD.findall(text):
        weekday = names.weekday(word)
        if weekday is not None and weekday != day.weekday():
            # The day goes out as a date, so the page writes it in its own
            # language, weekday included.
            return Unreadable(words("{shown} has the wrong weekday: the date is {day}.", shown=shown, day=day))
    return None


# --- Zones --------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _zone_keys() -> dict[str, str]:
    # tzdata lists its keys in the "zones" file; letter case never tells two
    # IANA names apart (tz-link "Theory": names must differ by more than case).
    listing = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return {key.lower(): key for key in listing.split()}


@functools.lru_cache(maxsize=64)
def _zone(key: str) -> ZoneInfo:
    entry = resources.files("tzdata").joinpath("zoneinfo")
    for part in key.split("/"):
        entry = entry.joinpath(part)
    with entry.open("rb") as data:
        return ZoneInfo.from_file(data, key=key)
