"""The event draft and its outputs: page snapshots, the normalised EventDraft, the record
link and UID, and the iCalendar writer. Re-exported by the public face `calendar_links`.

Pure: no browser, no clock, no randomness. The current time, the browser's zone and the
page URL are parameters, so the same input always gives the same output, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Final, TypeGuard
from urllib.parse import quote, urljoin, urlsplit
from zoneinfo import ZoneInfo

from icalendar import STATUS, TRANSP, Alarm, Calendar, Event, Parameters

from calendar_links_core.date_names import DateLanguage
from calendar_links_core.errors import InvalidValue
from calendar_links_core.field_values import (
    DATE_ORDERS,
    DEFAULT_DATE_ORDER,
    Moment,
    Unreadable,
    date_order_named,
    is_machine_value,
    parsed_moment,
    quoted_value,
    wall_time_instant,
    zone_named,
)
from calendar_links_core.settings import DEFAULT_DURATION_MINUTES, MAX_REMINDER_MINUTES, whole_minutes
from calendar_links_core.wording import MonthDay, Words, words

__all__ = [
    "FIELD_TYPES",
    "ICS_MEDIA_TYPE",
    "ICS_PRODID",
    "MAX_DURATION_MINUTES",
    "REPEATS",
    "SEQUENCE_EPOCH",
    "SHOW_AS",
    "UID_DOMAIN",
    "YEARLY_SERIES_FIRST_YEAR",
    "VALUE_SOURCES",
    "EmptyField",
    "EventDraft",
    "FieldAttributes",
    "InvalidValue",
    "PageContext",
    "Problem",
    "RecordAttributes",
    "date_order_from_locale",
    "event_draft",
    "event_title",
    "event_when",
    "event_uid",
    "field_label",
    "label_or_key",
    "ics_cancellation",
    "ics_document",
    "ics_file_name",
    "ics_sequence",
    "record_link",
    "record_uri",
    "recurrence_rule",
    "visible_prefix",
]


def _kept_when_short(function: Callable[[str], str]) -> Callable[[str], str]:
    """function, remembering its results for short arguments: the same labels, names and URLs
    come back for every field of a record and every check of a field. Long texts (a
    description, a hostile page's megabyte) are worked out each time, so the memory stays small."""
    remembered = lru_cache(maxsize=4096)(function)

    def call(text: str) -> str:
        return remembered(text) if len(text) <= 300 else function(text)

    return call


FIELD_TYPES: Final = ("date", "datetime")
VALUE_SOURCES: Final = ("input", "data-value", "datetime", "text")
# data-repeat values, and data-show-as values (RFC 5545 TRANSP: OPAQUE, TRANSPARENT).
REPEATS: Final = ("yearly",)
SHOW_AS: Final = ("busy", "free")

# A yearly series whose stored date is older starts on the same day in this
# year (1972 for 29 February). Every occurrence anyone will look at stays
# the same, and the file avoids the old starts that calendars mishandle:
# Apple writes 1604 for "year unknown", Outlook stores nothing before 1601,
# several clients misplace or drop events before 1970, and Nextcloud's own
# birthday calendar moves such starts to 1970 for that reason. README,
# "Yearly events", gives the sources.
YEARLY_SERIES_FIRST_YEAR: Final = 1970


# A week: longer "events" are projects, and a typo such as 6000 for 60 should
# not quietly block four days.
MAX_DURATION_MINUTES: Final = 10080

ICS_PRODID: Final = "-//calendar-links//calendar-links//EN"
ICS_MEDIA_TYPE: Final = "text/calendar"
UID_DOMAIN: Final = "calendar-links"

# SEQUENCE counts seconds from here: it rises with every later download, and a
# 32-bit signed INTEGER (RFC 5545 section 3.3.8) lasts until 2094.
SEQUENCE_EPOCH: Final = datetime(2026, 1, 1, tzinfo=timezone.utc)
_MAX_SEQUENCE: Final = 2**31 - 1

_WEB_SCHEMES: Final = ("http", "https")


# --- Page snapshots -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecordAttributes:
    """Raw attributes of a field's nearest data-calendar-record element; None when absent."""

    record_id: str | None = None
    record_type: str | None = None
    name: str | None = None
    url: str | None = None
    location: str | None = None
    description: str | None = None
    time_zone: str | None = None
    duration_minutes: str | None = None
    date_order: str | None = None


@dataclass(frozen=True, slots=True)
class FieldAttributes:
    """Raw attributes of a data-calendar-field element and the value read from it at click time."""

    key: str
    field_type: str | None
    value: str
    value_source: str
    label: str | None = None
    event_title: str | None = None
    time_zone: str | None = None
    duration_minutes: str | None = None
    date_order: str | None = None
    input_type: str | None = None
    # A split field (a date control, then a time control): the time control's value and type.
    time_value: str | None = None
    time_input_type: str | None = None
    repeat: str | None = None
    end_field: str | None = None
    show_as: str | None = None

    def __post_init__(self) -> None:
        if self.value_source not in VALUE_SOURCES:
            raise InvalidValue(
                f"value_source {self.value_source!r} is not one of {', '.join(VALUE_SOURCES)}."
            )


@dataclass(frozen=True, slots=True)
class PageContext:
    """What the browser says about the page: its URL, zone, date order and default event length,
    and the words of the language where the field stands (from the browser's locale data)."""

    page_url: str
    browser_time_zone: str
    browser_date_order: str
    default_duration_minutes: int = DEFAULT_DURATION_MINUTES
    date_language: DateLanguage | None = None

    def __post_init__(self) -> None:
        if self.browser_date_order not in DATE_ORDERS:
            raise InvalidValue(
                f"browser_date_order {self.browser_date_order!r} is not one of {', '.join(DATE_ORDERS)}; "
                "date_order_from_locale() gives one."
            )
        minutes = self.default_duration_minutes
        if isinstance(minutes, bool) or not 1 <= minutes <= MAX_DURATION_MINUTES:
            raise InvalidValue(
                f"default_duration_minutes {minutes!r} is not a whole number from 1 to {MAX_DURATION_MINUTES}; "
                "parse_default_duration() gives one."
            )


# --- The event ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventDraft:
    """One event, validated and normalised, ready for every output.

    Text is normalised here, once, for every output: CRLF and lone CR become
    LF; other C0 controls (all but TAB and LF), DEL and C1 controls are
    dropped, because iCalendar TEXT cannot carry them (RFC 5545 section
    3.3.11) and line readers take some C1 and C0 characters (U+0085,
    U+001C-U+001E) for line ends; an unpaired UTF-16 surrogate becomes
    U+FFFD, since UTF-8 cannot encode it. Nothing else changes.

    An all-day event has date start and end; a timed one aware datetimes,
    held in UTC to the whole second (iCalendar and Google carry seconds).
    The end is exclusive and must come after the start. A yearly event is
    all-day and repeats every year from its start. show_as is "busy" or
    "free"; left empty it becomes "free" for all-day events (a birthday or
    a renewal date is a reminder, not a day blocked) and "busy" for timed
    ones, as calendars do for events made by hand.
    """

    uid: str
    title: str
    description: str
    location: str
    record_url: str
    start: date | datetime
    end: date | datetime
    time_zone: str
    yearly: bool = False
    show_as: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", _normalised_text(self.title))
        object.__setattr__(self, "description", _normalised_text(self.description))
        object.__setattr__(self, "location", _normalised_text(self.location))
        if not self.uid or not self.uid.isprintable() or self.uid != self.uid.strip():
            raise InvalidValue(f"uid {self.uid!r} must be non-empty printable text without surrounding spaces.")
        if self.record_url and _web_url(self.record_url) != self.record_url:
            raise InvalidValue(f"record_url {self.record_url!r} must be an absolute http(s) URL or empty.")
        zone = zone_named(self.time_zone)
        if zone is None:
            raise InvalidValue(f"time_zone {self.time_zone!r} is not an IANA zone name such as Europe/Berlin.")
        object.__setattr__(self, "time_zone", zone.key)
        start, end = _checked_span(self.start, self.end)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        if self.yearly and isinstance(start, datetime):
            raise InvalidValue("a yearly event must be all-day (date start and end).")
        show_as = self.show_as or ("busy" if isinstance(start, datetime) else "free")
        if show_as not in SHOW_AS:
            raise InvalidValue(f"show_as {self.show_as!r} is not one of {', '.join(SHOW_AS)}.")
        object.__setattr__(self, "show_as", show_as)

    @property
    def all_day(self) -> bool:
        """Whether this is an all-day event (date start and end) rather than a timed one."""
        return not isinstance(self.start, datetime)


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a field cannot become an event: a short message for the page, naming the field."""

    field_key: str
    reason: Words

    def __post_init__(self) -> None:
        if not self.reason.msgid.strip():
            raise InvalidValue("Problem needs a reason.")

    @property
    def message(self) -> str:
        """The reason in English."""
        return str(self.reason)


@dataclass(frozen=True, slots=True)
class EmptyField(Problem):
    """The field has no value yet (a blank form): its buttons wait, quietly, without an error."""


class _Unusable(Exception):
    """Raised inside event_draft with the part of a Problem message after the label."""

    def __init__(self, reason: Words) -> None:
        super().__init__(reason.msgid)
        self.reason = reason


class _Empty(_Unusable):
    """The field, or one half of a split date and time, has nothing in it yet."""


def field_label(field: FieldAttributes) -> str:
    """The field's human label: data-field-label, else its key."""
    return label_or_key(field.label, field.key)


def label_or_key(label: str | None, key: str) -> str:
    """A raw data-field-label if it says anything, else the field's key."""
    return label if _given(label) else key


def event_draft(
    record: RecordAttributes, field: FieldAttributes, page: PageContext, end_field: FieldAttributes | None = None
) -> EventDraft | Problem:
    """The event for field as the page shows it now (to end_field, the field data-end-field names), or its Problem."""
    # Zone, duration and date order come from the field, else its record,
    # else the page (the shell reads them inherited, as the page contract
    # says). A field with nothing in it yet is an EmptyField. A "date" field
    # gives an all-day event ending the next day (exclusive end); a
    # "datetime" field a timed event lasting the duration. With
    # data-end-field the event runs to that field instead.
    label = _normalised_text(field_label(field))
    try:
        return _draft(record, field, page, label, end_field)
    except _Unusable as unusable:
        reason = unusable.reason
        said = words("{field}: {problem}", field=label, problem=reason) if label.strip() else reason
        return EmptyField(field.key, said) if isinstance(unusable, _Empty) else Problem(field.key, said)


def _draft(
    record: RecordAttributes, field: FieldAttributes, page: PageContext, label: str, end_field: FieldAttributes | None
) -> EventDraft:
    if not field.key.strip():
        raise _Unusable(words("data-calendar-field needs a name (the field's key)."))
    kind = _field_kind(field.field_type)
    yearly = _repeats_yearly(field.repeat, kind)
    show_as = _chosen_show_as(field.show_as)
    zone = _chosen_zone(field, record, page)
    moment = _field_moment(field, record, page)
    shown = quoted_value(field.value)
    try:
        if _given(field.end_field):
            start, end = _span_to_end_field(field.end_field, end_field, record, page, kind, moment, zone, shown)
        elif kind == "date":
            start, end = _all_day_span(moment)
        else:
            start, end = _timed_span(moment, zone, _chosen_duration(field, record, page), shown)
        if yearly:
            start, end = _series_start(start, end)
    except OverflowError:
        raise _Unusable(words("{shown} is too far in the past or future for a calendar.", shown=shown)) from None
    link = record_link(record.url, page.page_url)
    return EventDraft(
        uid=event_uid(record, field, page),
        title=_event_title(record, field, label),
        description=_event_description(record, link),
        location=record.location if _given(record.location) else "",
        record_url=link,
        start=start,
        end=end,
        time_zone=zone.key,
        yearly=yearly,
        show_as=show_as,
    )


def event_title(record: RecordAttributes, field: FieldAttributes) -> str:
    """The title the field's event gets, whatever its value (a cancellation names the event by it)."""
    return _event_title(record, field, _normalised_text(field_label(field)))


def _field_moment(field: FieldAttributes, record: RecordAttributes, page: PageContext) -> Moment:
    order, order_given = _chosen_date_order(field, record, page)
    value, machine = _field_value(field, _field_kind(field.field_type))
    moment = parsed_moment(
        value, machine=machine, date_order=order, language=page.date_language, order_given=order_given
    )
    if isinstance(moment, Unreadable):
        raise _Unusable(moment.reason)
    return moment


def _repeats_yearly(raw: str | None, kind: str) -> bool:
    if not _given(raw):
        return False
    if raw.strip().lower() not in REPEATS:
        raise _Unusable(words('data-repeat {shown} is not supported; the one value is "yearly".', shown=quoted_value(raw)))
    if kind != "date":
        raise _Unusable(words('data-repeat="yearly" works on date fields only (one all-day event every year).'))
    return True


def _chosen_show_as(raw: str | None) -> str:
    if not _given(raw):
        return ""
    show_as = raw.strip().lower()
    if show_as not in SHOW_AS:
        raise _Unusable(words('data-show-as {shown} must be "busy" or "free".', shown=quoted_value(raw)))
    return show_as


def _span_to_end_field(
    end_key: str,
    end_field: FieldAttributes | None,
    record: RecordAttributes,
    page: PageContext,
    kind: str,
    moment: Moment,
    zone: ZoneInfo,
    shown: str,
) -> tuple[date, date] | tuple[datetime, datetime]:
    """From the field's moment to the end field's: a date end is the last day, included; a datetime end an instant."""
    if end_field is None:
        raise _Unusable(
            words("data-end-field names {shown}, which is not a field of this record.", shown=quoted_value(end_key))
        )
    end_label = _normalised_text(field_label(end_field))
    try:
        end_kind = _field_kind(end_field.field_type)
        end_zone = _chosen_zone(end_field, record, page)
        end_moment = _field_moment(end_field, record, page)
    except _Unusable as unusable:
        raise _Unusable(words("its end ({field}): {problem}", field=end_label, problem=unusable.reason)) from None
    if kind == "date":
        first_day, last_day = _calendar_day(moment), _calendar_day(end_moment)
        if last_day < first_day:
            # Dates go out as dates: the page writes them in its own language.
            raise _Unusable(
                words(
                    "it ends on {last} ({field}), before it starts on {first}.",
                    last=last_day,
                    field=end_label,
                    first=first_day,
                )
            )
        return first_day, last_day + timedelta(days=1)
    start = _instant(moment, zone, shown)
    if end_kind == "date" or not isinstance(end_moment, datetime):
        # A last day, included: the event runs to the midnight after it.
        after = _calendar_day(end_moment) + timedelta(days=1)
        end = wall_time_instant(datetime.combine(after, time()), end_zone)
    else:
        end = _instant(end_moment, end_zone, quoted_value(end_field.value))
    if end <= start:
        raise _Unusable(
            words(
                "it ends at {end} ({field}), not after it starts at {start}.",
                end=_local_text(end, end_zone),
                field=end_label,
                start=_local_text(start, zone),
            )
        )
    return start, end


def _local_text(instant: datetime, zone: ZoneInfo) -> str:
    local = instant.astimezone(zone)
    return f"{local.date().isoformat()} {local.hour:02d}:{local.minute:02d} {zone.key}"


def _series_start(start: date, end: date) -> tuple[date, date]:
    """The yearly series' first occurrence: start itself, or its day in YEARLY_SERIES_FIRST_YEAR or later."""
    if start.year >= YEARLY_SERIES_FIRST_YEAR:
        return start, end
    year = YEARLY_SERIES_FIRST_YEAR
    while True:
        try:
            moved = start.replace(year=year)
        except ValueError:  # 29 February waits for a leap year
            year += 1
            continue
        return moved, moved + (end - start)


def _given(raw: str | None) -> TypeGuard[str]:
    # A blank attribute counts as absent: templates often render name="".
    return raw is not None and _normalised_text(raw).strip() != ""


def _field_kind(raw: str | None) -> str:
    kind = (raw or "").strip().lower()
    if kind in FIELD_TYPES:
        return kind
    if raw is None or not raw.strip():
        raise _Unusable(words('data-field-type is missing; it must be "date" or "datetime".'))
    raise _Unusable(words('data-field-type {shown} must be "date" or "datetime".', shown=quoted_value(raw)))


def _chosen_zone(field: FieldAttributes, record: RecordAttributes, page: PageContext) -> ZoneInfo:
    for raw in (field.time_zone, record.time_zone):
        if _given(raw):
            zone = zone_named(raw)
            if zone is None:
                raise _Unusable(words("unknown time zone {shown}.", shown=quoted_value(raw)))
            return zone
    # The browser's zone is not the page author's to fix: junk means UTC.
    return zone_named(page.browser_time_zone) or _utc_zone()


def _utc_zone() -> ZoneInfo:
    zone = zone_named("UTC")
    if zone is None:
        raise RuntimeError("The tzdata package has no UTC zone.")
    return zone


def _field_value(field: FieldAttributes, kind: str) -> tuple[str, bool]:
    """The field's value text and whether it is a machine value; a split date and time as one."""
    if field.time_value is None or kind != "datetime":
        if not field.value.strip():
            raise _Empty(words("no date yet."))
        return field.value, is_machine_value(field.value_source, field.input_type)
    day, clock = field.value.strip(), field.time_value.strip()
    if not day and not clock:
        raise _Empty(words("no date and time yet."))
    if not clock:
        raise _Empty(words("no time yet."))
    if not day:
        raise _Empty(words("no date yet."))
    machine = is_machine_value(field.value_source, field.input_type) and is_machine_value(
        field.value_source, field.time_input_type
    )
    # Two machine values (input type=date and type=time) join as ISO 8601; displayed
    # text (Django's admin: "10.12.2026" and "15:00:00") is read as one text.
    return (f"{day}T{clock}" if machine else f"{day} {clock}"), machine


def _chosen_date_order(field: FieldAttributes, record: RecordAttributes, page: PageContext) -> tuple[str, bool]:
    # The page's data-date-order (given: True), else its language's order, else the browser's.
    for raw in (field.date_order, record.date_order):
        if _given(raw):
            order = date_order_named(raw)
            if order is None:
                raise _Unusable(words("date order {shown} must be MDY, DMY or YMD.", shown=quoted_value(raw)))
            return order, True
    if page.date_language is not None:
        return page.date_language.date_order, False
    return page.browser_date_order, False


def _chosen_duration(field: FieldAttributes, record: RecordAttributes, page: PageContext) -> timedelta:
    for raw in (field.duration_minutes, record.duration_minutes):
        if _given(raw):
            minutes = whole_minutes(raw, 1, MAX_DURATION_MINUTES)
            if minutes is None:
                raise _Unusable(
                    words(
                        "duration {shown} is not a whole number of minutes from 1 to {most}.",
                        shown=quoted_value(raw),
                        most=MAX_DURATION_MINUTES,
                    )
                )
            return timedelta(minutes=minutes)
    return timedelta(minutes=page.default_duration_minutes)


def _calendar_day(moment: Moment) -> date:
    # The date as written, whatever the time and offset after it: CRMs store
    # plain dates as midnight UTC (2026-12-01T00:00:00Z), and reading that
    # instant in a zone west of UTC would give 30 November. The peers
    # (spatie/calendar-links issues 175 and 183, calendar-link,
    # add-to-calendar-button) all keep the written date.
    return moment.date() if isinstance(moment, datetime) else moment


def _all_day_span(moment: Moment) -> tuple[date, date]:
    day = _calendar_day(moment)
    return day, day + timedelta(days=1)


def _instant(moment: Moment, zone: ZoneInfo, shown: str) -> datetime:
    if not isinstance(moment, datetime):
        raise _Unusable(words("{shown} needs a time of day.", shown=shown))
    if moment.tzinfo is None:
        return wall_time_instant(moment, zone)
    return moment.astimezone(timezone.utc)


def _timed_span(moment: Moment, zone: ZoneInfo, duration: timedelta, shown: str) -> tuple[datetime, datetime]:
    start = _instant(moment, zone, shown)
    # Adding in UTC: wall-clock arithmetic would make a 60-minute event that
    # crosses a daylight-saving change last 0 or 120 minutes.
    return start, start + duration


def _event_title(record: RecordAttributes, field: FieldAttributes, label: str) -> str:
    if _given(field.event_title):
        return field.event_title
    if _given(record.name):
        return f"{label}: {record.name}"
    return label


def _event_description(record: RecordAttributes, link: str) -> str:
    lines = []
    if _given(record.name):
        kind = record.record_type
        lines.append(f"{kind}: {record.name}" if _given(kind) else record.name)
    if _given(record.description):
        lines.append(record.description)
    if link:
        lines.append(link)
    return "\n".join(lines)


# --- Record link and UID ------------------------------------------------------

_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# What the WHATWG URL parser trims from both ends: C0 controls and space.
_URL_TRIMMED: Final = "".join(chr(code) for code in range(0x21))
# ASCII that may not appear in a URI (RFC 3986 section 2); a browser
# percent-encodes it when it follows the link, and so do we.
_URI_UNSAFE: Final = re.compile(r'[\x00-\x20"<>\\^`{|}\x7f]')


def record_link(raw: str | None, page_url: str) -> str:
    """The record's absolute http(s) link: data-record-url resolved against the page, else the page, else ""."""
    # The raw attribute is checked the way the WHATWG URL parser reads it:
    # surrounding C0 controls and spaces trimmed, tabs and line breaks removed,
    # backslashes taken for slashes (so "\\host" and "/\\host" are the
    # protocol-relative "//host"). Anything but http: and https: (javascript:,
    # data:, vbscript:, mailto:, in any letter case) is refused, and so is
    # "//host", as the page contract says. A refused or absent link gives the
    # page's own URL; a page that is not on http(s) (file:) gives no link.
    page = _web_url(page_url)
    if raw is None:
        return page
    cleaned = re.sub(r"[\t\n\r]", "", raw.strip(_URL_TRIMMED)).replace("\\", "/")
    if not cleaned or cleaned.startswith("//"):
        return page
    if _SCHEME.match(cleaned):
        return _web_url(cleaned) or page
    if not page:
        return ""
    return _web_url(urljoin(page, cleaned)) or page


@_kept_when_short
def _web_url(url: str) -> str:
    """url with unsafe ASCII percent-encoded if it is an absolute http(s) URL with a host, else ""."""
    try:
        parts = urlsplit(url)
        port_is_valid = parts.port is None or parts.port > 0
    except ValueError:
        return ""
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.hostname or not port_is_valid:
        return ""
    return _URI_UNSAFE.sub(lambda unsafe: quote(unsafe.group()), url)


# RFC 3986 section 2.2 reserved and 2.3 unreserved characters, and "%" for
# escapes already there: everything else is percent-encoded as UTF-8.
_URI_KEPT: Final = ":/?#[]@!$&'()*+,;=-._~%"


def record_uri(link: str) -> str:
    """link as an RFC 3986 URI: the host in punycode (IDNA), every other non-ASCII character percent-encoded as UTF-8."""
    # The iCalendar URL property is a URI (RFC 5545 section 3.3.13); the
    # description keeps the readable link, which calendars show as text.
    if not link or link.isascii():
        return link
    parts = urlsplit(link)
    host = parts.hostname or ""
    try:
        ascii_host = ".".join(
            label.encode("idna").decode("ascii") if not label.isascii() else label for label in host.split(".")
        )
    except UnicodeError:
        # Not a name IDNA 2003 can write (an emoji, a label over 63
        # octets): percent-encoded, as RFC 3986 section 3.2.2 allows.
        ascii_host = quote(host, safe=_URI_KEPT)
    if ":" in host:
        # An IPv6 literal keeps its brackets (RFC 3986 section 3.2.2).
        ascii_host = f"[{host}]"
    userinfo, at, _ = parts.netloc.rpartition("@")
    port = f":{parts.port}" if parts.port is not None else ""
    uri = f"{parts.scheme}://{quote(userinfo, safe=_URI_KEPT)}{at}{ascii_host}{port}"
    uri += quote(parts.path, safe=_URI_KEPT)
    if "?" in link.split("#", 1)[0]:
        uri += f"?{quote(parts.query, safe=_URI_KEPT)}"
    if "#" in link:
        uri += f"#{quote(parts.fragment, safe=_URI_KEPT)}"
    return uri


def event_uid(record: RecordAttributes, field: FieldAttributes, page: PageContext) -> str:
    """The UID shared by every download for this record and field, whatever its date or text."""
    # A hash of the record's origin, its data-record-id (else its absolute
    # link, else the page URL) and the field key. Outlook matches a new
    # download to the event it has by UID and keeps the higher SEQUENCE; a
    # random or content-hashed UID would add a duplicate instead.
    link = record_link(record.url, page.page_url) or page.page_url
    identity = f"id:{record.record_id.strip()}" if _given(record.record_id) else f"url:{link}"
    source = json.dumps([_origin(link), identity, field.key], ensure_ascii=False)
    # 128 bits, as many as a UUID; the UID line stays under the 75-octet fold.
    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def _origin(url: str) -> str:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        # Not a URL a browser would report (a bad port or IPv6 host): the
        # text itself stands in for its origin.
        return url
    default_port = {"http": 80, "https": 443}.get(parts.scheme.lower())
    suffix = "" if port is None or port == default_port else f":{port}"
    return f"{parts.scheme.lower()}://{(parts.hostname or '')}{suffix}"


# --- Text ---------------------------------------------------------------------

_DROPPED_CONTROLS: Final = dict.fromkeys(
    [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)]
)


@_kept_when_short
def _normalised_text(text: str) -> str:
    # Round-tripping through UTF-16 pairs up surrogate halves that arrived
    # separately and replaces the unpaired ones.
    whole = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return whole.replace("\r\n", "\n").replace("\r", "\n").translate(_DROPPED_CONTROLS)


_ZERO_WIDTH_JOINER: Final = "\u200d"


def visible_prefix(text: str, length: int) -> str:
    """At most length characters from the start of text, never splitting what a person sees as one."""
    # The cut moves back past combining marks, joiners, variation selectors,
    # emoji modifiers and tags, and never parts the two letters of a flag.
    end = min(length, len(text))
    while 0 < end < len(text) and _continues_character(text, end):
        end -= 1
    return text[:end]


def _continues_character(text: str, index: int) -> bool:
    following, preceding = text[index], text[index - 1]
    if _is_regional_indicator(following):
        # Flags are pairs of regional indicators: cut only after a whole pair.
        run = 0
        while run < index and _is_regional_indicator(text[index - 1 - run]):
            run += 1
        return run % 2 == 1
    return (
        preceding == _ZERO_WIDTH_JOINER
        or following == _ZERO_WIDTH_JOINER
        or unicodedata.category(following) in ("Mn", "Mc", "Me")
        or "\ufe00" <= following <= "\ufe0f"
        or "\U0001f3fb" <= following <= "\U0001f3ff"
        or "\U000e0020" <= following <= "\U000e007f"
    )


def _is_regional_indicator(character: str) -> bool:
    return "\U0001f1e6" <= character <= "\U0001f1ff"


# --- What the event got, in words -------------------------------------------

def event_when(draft: EventDraft) -> Words:
    """When the event is, for the notice: "at 15:00 Europe/Berlin, Tuesday, 1 December 2026", "on …, all day", …"""
    # The zone is named, so the notice says the zone the event really got;
    # dates go out as dates, written by the page in its own language.
    if draft.yearly:
        day = MonthDay(draft.start.month, draft.start.day)
        if (day.month, day.day) == (2, 29):
            return words("every year on {day} (28 February in other years), all day", day=day)
        return words("every year on {day}, all day", day=day)
    if isinstance(draft.start, datetime) and isinstance(draft.end, datetime):
        zone = ZoneInfo(draft.time_zone) if draft.time_zone != "UTC" else timezone.utc
        start, end = draft.start.astimezone(zone), draft.end.astimezone(zone)
        starts = f"{start.hour:02d}:{start.minute:02d}"
        if end - start > timedelta(days=1) or (end.date() != start.date() and end.time() != time()):
            return words(
                "from {start} {zone}, {start_day}, to {end}, {end_day}",
                start=starts,
                zone=draft.time_zone,
                start_day=start.date(),
                end=f"{end.hour:02d}:{end.minute:02d}",
                end_day=end.date(),
            )
        return words("at {time} {zone}, {day}", time=starts, zone=draft.time_zone, day=start.date())
    last_day = draft.end - timedelta(days=1)
    if last_day == draft.start:
        return words("on {day}, all day", day=draft.start)
    return words("from {first} to {last}, all day", first=draft.start, last=last_day)


# --- Repeats -----------------------------------------------------------------


def recurrence_rule(draft: EventDraft) -> str:
    """The RFC 5545 RRULE value of a yearly draft ("" for a one-off): FREQ=YEARLY, and the last day of February for 29 February."""
    # RFC 5545 section 3.3.10 skips an occurrence whose date does not exist,
    # so a plain yearly rule from 29 February fires once in four years;
    # BYMONTHDAY=-1 lands on 28 February in the other years.
    if not draft.yearly:
        return ""
    if (draft.start.month, draft.start.day) == (2, 29):
        return "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
    return "FREQ=YEARLY"



# --- iCalendar ----------------------------------------------------------------

_TEXT_ESCAPES: Final = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})


class _IcsText:
    """An iCalendar TEXT value escaped in one pass (RFC 5545 section 3.3.11).

    icalendar 7.3.2 escapes TEXT by first turning a literal backslash-N into
    a line break, and decodes each value's bytes as UTF-8 with signature,
    which drops a leading U+FEFF. Handing icalendar finished text instead
    keeps every character; folding and line ends stay icalendar's.
    """

    __slots__ = ("params", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.params = Parameters()

    def to_ical(self) -> str:
        return self.text.translate(_TEXT_ESCAPES)


class _IcsVerbatim:
    """A value written exactly as given: only for values this module spells itself, never page text."""

    __slots__ = ("params", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.params = Parameters()

    def to_ical(self) -> str:
        return self.text


def ics_document(draft: EventDraft, stamp: datetime, sequence: int, reminder_minutes: int | None = None) -> bytes:
    """The .ics file for draft: one VEVENT (with a VALARM reminder_minutes before, if given) in a METHOD:PUBLISH VCALENDAR."""
    # PUBLISH makes it a plain event to save; REQUEST would turn it into a
    # meeting invitation. Equal arguments give equal bytes.
    #
    # Timed events are written in UTC (…Z) with no VTIMEZONE. A TZID without
    # its VTIMEZONE imports an hour off in Outlook, and the VTIMEZONE that
    # icalendar 7.3.2 generates (Calendar.add_missing_timezones, through
    # Timezone.from_tzinfo) lists each transition as an RDATE on
    # DAYLIGHT/STANDARD blocks, never an RRULE, and covers only 1970-2038
    # unless told otherwise: the RDATE form is the one some Outlook versions
    # misread. Calendars still show the time in the reader's own zone.
    #
    # All-day events use VALUE=DATE with the day after the last as the
    # exclusive end, and X-MICROSOFT-CDO-ALLDAYEVENT:TRUE for Outlook.
    # Busy or free is TRANSP (RFC 5545 section 3.8.2.7) and, for Outlook,
    # which reads its own property first, X-MICROSOFT-CDO-BUSYSTATUS.
    event = _ics_event(draft, stamp, sequence)
    if draft.description:
        event["DESCRIPTION"] = _IcsText(draft.description)
    if draft.location:
        event["LOCATION"] = _IcsText(draft.location)
    if reminder_minutes is not None:
        event.add_component(_reminder(draft, reminder_minutes))
    return _calendar_bytes("PUBLISH", event)


def ics_cancellation(draft: EventDraft, stamp: datetime, sequence: int) -> bytes:
    """The .ics file that removes draft's event: METHOD:CANCEL, its UID, STATUS:CANCELLED, SEQUENCE sequence."""
    # RFC 5546 section 3.2.5: a CANCEL of the whole event carries its UID and
    # a SEQUENCE above the last one sent; without a RECURRENCE-ID it cancels
    # every occurrence of a series. The dates and the rule stay so a client
    # that stores the cancelled event (a CalDAV server) keeps it in place.
    event = _ics_event(draft, stamp, sequence)
    event["STATUS"] = STATUS.CANCELLED
    return _calendar_bytes("CANCEL", event)


def _ics_event(draft: EventDraft, stamp: datetime, sequence: int) -> Event:
    if isinstance(sequence, bool) or not 0 <= sequence <= _MAX_SEQUENCE:
        raise InvalidValue(f"sequence {sequence!r} must be a whole number from 0 to {_MAX_SEQUENCE}.")
    busy = draft.show_as == "busy"
    event = Event.new(
        uid=draft.uid,
        stamp=_utc_whole_seconds(stamp, "stamp"),
        sequence=sequence,
        start=draft.start,
        end=draft.end,
        url=record_uri(draft.record_url) or None,
        transparency=TRANSP.OPAQUE if busy else TRANSP.TRANSPARENT,
    )
    event["SUMMARY"] = _IcsText(draft.title)
    rule = recurrence_rule(draft)
    if rule:
        # Written as recurrence_rule spells it (icalendar would reorder the parts).
        event["RRULE"] = _IcsVerbatim(rule)
    if draft.all_day:
        event.add("X-MICROSOFT-CDO-ALLDAYEVENT", "TRUE")
    event.add("X-MICROSOFT-CDO-BUSYSTATUS", "BUSY" if busy else "FREE")
    return event


def _reminder(draft: EventDraft, minutes: int) -> Alarm:
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= MAX_REMINDER_MINUTES:
        raise InvalidValue(f"reminder_minutes {minutes!r} must be a whole number from 0 to {MAX_REMINDER_MINUTES}.")
    # RFC 5545 section 3.6.6: a DISPLAY alarm needs ACTION, TRIGGER and
    # DESCRIPTION (the text shown); the trigger is relative to the start.
    alarm = Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm["DESCRIPTION"] = _IcsText(draft.title)
    # "-PT0M" for "at the start", as Nextcloud writes it; whole minutes keep
    # every trigger in one form (RFC 5545 section 3.3.6 allows any count).
    alarm["TRIGGER"] = _IcsVerbatim(f"-PT{minutes}M")
    return alarm


def _calendar_bytes(method: str, event: Event) -> bytes:
    # Not Calendar.new(): it adds an RFC 7986 UID made from a random UUID,
    # which would make every download differ.
    calendar = Calendar()
    calendar.prodid = ICS_PRODID
    calendar.version = "2.0"
    calendar.method = method
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def ics_sequence(now: datetime, after: int | None = None) -> int:
    """The SEQUENCE for a download at now: whole seconds since SEQUENCE_EPOCH, and above after (the last one sent), within 0..2**31-1."""
    # It never goes down as time advances, so each new download of the same
    # UID replaces the last one in Outlook instead of being ignored as older.
    # Two downloads within one second, or after the clock was set back, get
    # after + 1: the later file must still win.
    elapsed = _utc_whole_seconds(now, "now") - SEQUENCE_EPOCH
    seconds = elapsed.days * 86_400 + elapsed.seconds
    if after is not None:
        seconds = max(seconds, after + 1)
    return min(max(seconds, 0), _MAX_SEQUENCE)


def _utc_whole_seconds(moment: datetime, name: str) -> datetime:
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise InvalidValue(f"{name} must be an aware datetime (with a time zone), not {moment!r}.")
    return moment.astimezone(timezone.utc).replace(microsecond=0)


def _checked_span(start: date | datetime, end: date | datetime) -> tuple[date | datetime, date | datetime]:
    if isinstance(start, datetime) and isinstance(end, datetime):
        try:
            start, end = _utc_whole_seconds(start, "start"), _utc_whole_seconds(end, "end")
        except OverflowError:
            raise InvalidValue(f"start {start!r} or end {end!r} falls outside the years 1-9999 in UTC.") from None
    elif isinstance(start, datetime) or isinstance(end, datetime):
        raise InvalidValue("start and end must both be dates (all-day) or both datetimes (timed).")
    if end <= start:
        raise InvalidValue(f"the end ({end}) must come after the start ({start}).")
    return start, end


# Characters no file system (Windows, macOS, Linux) or download dialog takes
# in a file name, plus the bidirectional controls that can make
# "invoice\u202efdp.ics" look like a PDF.
_FILE_NAME_UNSAFE: Final = re.compile(
    '[<>:"/\\\\|?*\\x00-\\x1f\\x7f-\\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]'
)
_WINDOWS_RESERVED: Final = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
)
_MAX_FILE_STEM: Final = 80


def ics_file_name(draft: EventDraft) -> str:
    """A safe download name from the title: "Title.ics", at most 80 characters before ".ics", else "event.ics"."""
    stem = " ".join(_FILE_NAME_UNSAFE.sub(" ", draft.title).split()).strip(" .")
    stem = visible_prefix(stem, _MAX_FILE_STEM).strip(" .")
    # Windows reserves these device names whatever the extension (CON.ics).
    if stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        stem = f"_{stem}"
    return f"{stem or 'event'}.ics"


def date_order_from_locale(parts: Sequence[str]) -> str:
    """The locale's date order from Intl formatToParts part types: ["month", "literal", "day", …] -> "MDY"."""
    # Anything that is not MDY, DMY or YMD gives MDY: the order Intl itself
    # falls back to (en-US), and dateutil's default.
    letters = {"year": "Y", "month": "M", "day": "D"}
    order = "".join(letters[part] for part in parts if part in letters)
    return order if order in DATE_ORDERS else DEFAULT_DATE_ORDER
