"""The iCalendar writer, and the .ics download shared by the calendars that open a file (Outlook
and Apple Calendar): one VEVENT in a METHOD:PUBLISH calendar, its cancellation, the SEQUENCE
that makes a later download win, and a safe file name.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Final

from icalendar import STATUS, TRANSP, Alarm, Calendar, Event, Parameters

from calendar_links_core.draft import EventDraft, recurrence_rule, utc_whole_seconds
from calendar_links_core.errors import InvalidValue
from calendar_links_core.providers.base import Click, DownloadFile
from calendar_links_core.record_link import record_uri
from calendar_links_core.settings import MAX_REMINDER_MINUTES
from calendar_links_core.text import visible_prefix

__all__ = [
    "ICS_MEDIA_TYPE",
    "ICS_PRODID",
    "SEQUENCE_EPOCH",
    "ics_cancellation",
    "ics_document",
    "ics_download",
    "ics_file_name",
    "ics_sequence",
]


ICS_PRODID: Final = "-//calendar-links//calendar-links//EN"
ICS_MEDIA_TYPE: Final = "text/calendar"

# SEQUENCE counts seconds from here: it rises with every later download, and a
# 32-bit signed INTEGER (RFC 5545 section 3.3.8) lasts until 2094.
SEQUENCE_EPOCH: Final = datetime(2026, 1, 1, tzinfo=timezone.utc)
_MAX_SEQUENCE: Final = 2**31 - 1


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
        stamp=utc_whole_seconds(stamp, "stamp"),
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
    elapsed = utc_whole_seconds(now, "now") - SEQUENCE_EPOCH
    seconds = elapsed.days * 86_400 + elapsed.seconds
    if after is not None:
        seconds = max(seconds, after + 1)
    return min(max(seconds, 0), _MAX_SEQUENCE)


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


def ics_download(draft: EventDraft, click: Click) -> DownloadFile:
    """The event as a text/calendar file named after its title, stamped, sequenced and given its reminder by the click."""
    return DownloadFile(
        content=ics_document(draft, click.stamp, click.sequence, click.preferences.reminder_minutes),
        file_name=ics_file_name(draft),
        media_type=ICS_MEDIA_TYPE,
    )
