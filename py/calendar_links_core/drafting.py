"""From page snapshots to an event: event_draft reads a field (and the field its data-end-field
names) with its record and page into an EventDraft, or the Problem to show beside it.

Pure: the current time, the browser's zone and the page URL are parameters, so the same input
always gives the same draft.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Final
from zoneinfo import ZoneInfo

from calendar_links_core.draft import REPEATS, SHOW_AS, EmptyField, EventDraft, Problem
from calendar_links_core.errors import MissingData
from calendar_links_core.field_values import (
    Moment,
    Unreadable,
    date_order_named,
    is_machine_value,
    parsed_moment,
    quoted_value,
    wall_time_instant,
    zone_named,
)
from calendar_links_core.record_link import event_uid, record_link
from calendar_links_core.settings import whole_minutes
from calendar_links_core.snapshots import FIELD_TYPES, MAX_DURATION_MINUTES, FieldAttributes, PageContext, RecordAttributes, field_label
from calendar_links_core.text import is_given, normalised_text
from calendar_links_core.wording import Words, words

__all__ = [
    "YEARLY_SERIES_FIRST_YEAR",
    "event_draft",
    "event_title",
]


# A yearly series whose stored date is older starts on the same day in this
# year (1972 for 29 February). Every occurrence anyone will look at stays
# the same, and the file avoids the old starts that calendars mishandle:
# Apple writes 1604 for "year unknown", Outlook stores nothing before 1601,
# several clients misplace or drop events before 1970, and Nextcloud's own
# birthday calendar moves such starts to 1970 for that reason. README,
# "Yearly events", gives the sources.
YEARLY_SERIES_FIRST_YEAR: Final = 1970

class _Unusable(Exception):
    """Raised inside event_draft with the part of a Problem message after the label."""

    def __init__(self, reason: Words) -> None:
        super().__init__(reason.msgid)
        self.reason = reason


class _Empty(_Unusable):
    """The field, or one half of a split date and time, has nothing in it yet."""


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
    label = normalised_text(field_label(field))
    try:
        return _draft(record, field, page, label, end_field)
    except _Unusable as unusable:
        reason = unusable.reason
        said = words("{field}: {problem}", field=label, problem=reason) if label.strip() else reason
        kind = EmptyField if isinstance(unusable, _Empty) else Problem
        return kind(reason=said, field_key=field.key)


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
        if is_given(field.end_field):
            start, end = _span_to_end_field(field.end_field, end_field, record, page, kind, moment, zone, shown)
        elif kind == "date":
            start, end = _all_day_span(moment)
        else:
            start, end = _timed_span(moment, zone, _chosen_duration(field, record, page), shown)
        if yearly:
            start, end = _series_start(start, end)
    except OverflowError:
        raise _Unusable(words("{shown} is too far in the past or future for a calendar.", shown=shown)) from None
    link = record_link(record.url, page.page_url, page.base_url)
    return EventDraft(
        uid=event_uid(record, field, page),
        title=_event_title(record, field, label),
        description=_event_description(record, link),
        location=record.location if is_given(record.location) else "",
        record_url=link,
        start=start,
        end=end,
        time_zone=zone.key,
        yearly=yearly,
        show_as=show_as,
    )


def event_title(record: RecordAttributes, field: FieldAttributes) -> str:
    """The title the field's event gets, whatever its value (a cancellation names the event by it)."""
    return _event_title(record, field, normalised_text(field_label(field)))


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
    if not is_given(raw):
        return False
    if raw.strip().lower() not in REPEATS:
        raise _Unusable(words('data-repeat {shown} is not supported; the one value is "yearly".', shown=quoted_value(raw)))
    if kind != "date":
        raise _Unusable(words('data-repeat="yearly" works on date fields only (one all-day event every year).'))
    return True


def _chosen_show_as(raw: str | None) -> str:
    if not is_given(raw):
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
    end_label = normalised_text(field_label(end_field))
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


def _field_kind(raw: str | None) -> str:
    kind = (raw or "").strip().lower()
    if kind in FIELD_TYPES:
        return kind
    if raw is None or not raw.strip():
        raise _Unusable(words('data-field-type is missing; it must be "date" or "datetime".'))
    raise _Unusable(words('data-field-type {shown} must be "date" or "datetime".', shown=quoted_value(raw)))


def _chosen_zone(field: FieldAttributes, record: RecordAttributes, page: PageContext) -> ZoneInfo:
    for raw in (field.time_zone, record.time_zone):
        if is_given(raw):
            zone = zone_named(raw)
            if zone is None:
                raise _Unusable(words("unknown time zone {shown}.", shown=quoted_value(raw)))
            return zone
    # The browser's zone is not the page author's to fix: junk means UTC.
    return zone_named(page.browser_time_zone) or _utc_zone()


def _utc_zone() -> ZoneInfo:
    zone = zone_named("UTC")
    if zone is None:
        raise MissingData("The tzdata package has no UTC zone.")
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
        if is_given(raw):
            order = date_order_named(raw)
            if order is None:
                raise _Unusable(words("date order {shown} must be MDY, DMY or YMD.", shown=quoted_value(raw)))
            return order, True
    if page.date_language is not None:
        return page.date_language.date_order, False
    return page.browser_date_order, False


def _chosen_duration(field: FieldAttributes, record: RecordAttributes, page: PageContext) -> timedelta:
    for raw in (field.duration_minutes, record.duration_minutes):
        if is_given(raw):
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
    if is_given(field.event_title):
        return field.event_title
    if is_given(record.name):
        return f"{label}: {record.name}"
    return label


def _event_description(record: RecordAttributes, link: str) -> str:
    lines = []
    if is_given(record.name):
        kind = record.record_type
        lines.append(f"{kind}: {record.name}" if is_given(kind) else record.name)
    if is_given(record.description):
        lines.append(record.description)
    if link:
        lines.append(link)
    return "\n".join(lines)
