"""The EventDraft, one event validated and normalised for every output, and the Problem that
stands in for it when a field can't become one; what a draft says in words and its repeat rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Final
from zoneinfo import ZoneInfo

from calendar_links_core.errors import InvalidValue
from calendar_links_core.field_values import zone_named
from calendar_links_core.problems import Problem
from calendar_links_core.record_link import web_url
from calendar_links_core.text import normalised_text
from calendar_links_core.wording import MonthDay, Words, words

__all__ = [
    "REPEATS",
    "SHOW_AS",
    "EmptyField",
    "EventDraft",
    "Problem",
    "checked_span",
    "event_when",
    "recurrence_rule",
    "utc_whole_seconds",
]


# data-repeat values, and data-show-as values (RFC 5545 TRANSP: OPAQUE, TRANSPARENT).
REPEATS: Final = ("yearly",)
SHOW_AS: Final = ("busy", "free")


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
        object.__setattr__(self, "title", normalised_text(self.title))
        object.__setattr__(self, "description", normalised_text(self.description))
        object.__setattr__(self, "location", normalised_text(self.location))
        if not self.uid or not self.uid.isprintable() or self.uid != self.uid.strip():
            raise InvalidValue(f"uid {self.uid!r} must be non-empty printable text without surrounding spaces.")
        if self.record_url and web_url(self.record_url) != self.record_url:
            raise InvalidValue(f"record_url {self.record_url!r} must be an absolute http(s) URL or empty.")
        zone = zone_named(self.time_zone)
        if zone is None:
            raise InvalidValue(f"time_zone {self.time_zone!r} is not an IANA zone name such as Europe/Berlin.")
        object.__setattr__(self, "time_zone", zone.key)
        start, end = checked_span(self.start, self.end)
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
class EmptyField(Problem):
    """The field has no value yet (a blank form): its buttons wait, quietly, without an error."""


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


def utc_whole_seconds(moment: datetime, name: str) -> datetime:
    """An aware moment in UTC to the whole second; InvalidValue naming `name` for a naive one."""
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise InvalidValue(f"{name} must be an aware datetime (with a time zone), not {moment!r}.")
    return moment.astimezone(timezone.utc).replace(microsecond=0)


def checked_span(start: date | datetime, end: date | datetime) -> tuple[date | datetime, date | datetime]:
    """start and end as a draft holds them (both dates, or both UTC datetimes), the end after the start."""
    if isinstance(start, datetime) and isinstance(end, datetime):
        try:
            start, end = utc_whole_seconds(start, "start"), utc_whole_seconds(end, "end")
        except OverflowError:
            raise InvalidValue(f"start {start!r} or end {end!r} falls outside the years 1-9999 in UTC.") from None
    elif isinstance(start, datetime) or isinstance(end, datetime):
        raise InvalidValue("start and end must both be dates (all-day) or both datetimes (timed).")
    if end <= start:
        raise InvalidValue(f"the end ({end}) must come after the start ({start}).")
    return start, end
