"""What this browser remembers having added to a calendar, so a field can say so (pure).

Stored in localStorage under ``calendar-links:added`` as JSON: per event UID,
the dates the event got, the last SEQUENCE sent in an .ics file, the calendars
it went to and when. No title, description, location or link is stored: the
UID is a hash, and the dates are what the page shows anyway. The memory is
bounded (the oldest additions go first), and anything unreadable in it is
dropped: corrupt storage is an empty memory, never an error.

With it a field knows whether its event was added before, whether its value
changed since (the next .ics download then updates the same event: same UID,
higher SEQUENCE), and whether a value that was added by .ics has been
cleared (a cancellation can then remove it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from typing import Final, Literal

from calendar_links_core.draft import EventDraft
from calendar_links_core.providers.ics_file import ics_sequence
from calendar_links_core.settings import nested_deeper_than

__all__ = [
    "ADDED_KEY",
    "MAX_REMEMBERED",
    "AddedEvent",
    "FieldState",
    "added_json",
    "cancellation_draft",
    "event_dates",
    "field_state",
    "next_sequence",
    "parse_added",
    "with_addition",
    "with_cancellation",
]

ADDED_KEY: Final = "calendar-links:added"
# A person adds a few events a day; 500 covers months of them and stays
# near 85 kB (measured, two calendars each), far below the 5 MB a browser gives an origin.
MAX_REMEMBERED: Final = 500
# Longer stored text was not written by us: it is dropped unread.
_MAX_STORED_LENGTH: Final = 400_000
_MAX_SEQUENCE: Final = 2**31 - 1
# What we write nests four deep. Deeper text is refused before the JSON
# decoder sees it: in Pyodide a few thousand nested arrays overflow the
# browser's stack (a fatal error) before Python's RecursionError can fire.
_MAX_NESTING: Final = 4
_YEARLY: Final = "yearly"

FieldState = Literal["new", "added", "changed", "cleared"]


@dataclass(frozen=True, slots=True)
class AddedEvent:
    """One remembered event: its UID, its dates (event_dates), the last SEQUENCE sent, where it went and when."""

    uid: str
    dates: str  # "" once a cancellation was downloaded
    sequence: int | None  # None: added by web links only, never by an .ics file
    calendars: tuple[str, ...]  # every calendar it went to with these dates
    at: int  # whole seconds since 1970 (UTC) of the last addition
    linked: tuple[str, ...] = ()  # those it reached through a web link, which can't update it


def event_dates(draft: EventDraft) -> str:
    """The draft's dates as remembered: "20261201/20261202", "20261201T140000Z/20261201T150000Z", "…/yearly"."""
    text = f"{_compact(draft.start)}/{_compact(draft.end)}"
    return f"{text}/{_YEARLY}" if draft.yearly else text


def _compact(moment: date | datetime) -> str:
    day = f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
    if isinstance(moment, datetime):
        return f"{day}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"
    return day


def _moment(text: str) -> date | datetime:
    if len(text) == 8:
        return datetime.strptime(text, "%Y%m%d").date()
    return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)


def parse_added(raw: str | None) -> dict[str, AddedEvent]:
    """The remembered events by UID; absent, corrupt or foreign storage gives an empty memory, a bad entry is skipped."""
    if raw is None or len(raw) > _MAX_STORED_LENGTH or nested_deeper_than(raw, _MAX_NESTING):
        return {}
    try:
        stored = json.loads(raw)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(stored, dict) or not isinstance(stored.get("events"), dict):
        return {}
    events = {}
    for uid, entry in stored["events"].items():
        event = _entry(uid, entry)
        if event is not None:
            events[uid] = event
    return _bounded(events)


def _entry(uid: str, entry: object) -> AddedEvent | None:
    if not isinstance(entry, dict) or not uid or len(uid) > 200:
        return None
    dates, sequence, calendars, at = entry.get("dates"), entry.get("sequence"), entry.get("calendars"), entry.get("at")
    if not isinstance(dates, str) or (dates and _span(dates) is None):
        return None
    if sequence is not None and not _whole(sequence, _MAX_SEQUENCE):
        return None
    linked = entry.get("linked", [])
    if not isinstance(calendars, list) or not isinstance(linked, list) or not (_names(calendars) and _names(linked)):
        return None
    if not isinstance(at, int) or not _whole(at, 2**53):
        return None
    return AddedEvent(uid, dates, sequence, tuple(dict.fromkeys(calendars))[:10], at, tuple(dict.fromkeys(linked))[:10])


def _names(value: list[object]) -> bool:
    return all(isinstance(name, str) and len(name) <= 40 for name in value)


def _whole(value: object, largest: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= largest


def _span(dates: str) -> tuple[date | datetime, date | datetime, bool] | None:
    parts = dates.split("/")
    if len(parts) not in (2, 3) or (len(parts) == 3 and parts[2] != _YEARLY):
        return None
    try:
        start, end = _moment(parts[0]), _moment(parts[1])
    except ValueError:
        return None
    if isinstance(start, datetime) is not isinstance(end, datetime) or end <= start:
        return None
    return start, end, len(parts) == 3


def _bounded(events: dict[str, AddedEvent]) -> dict[str, AddedEvent]:
    if len(events) <= MAX_REMEMBERED:
        return events
    newest = sorted(events.values(), key=lambda event: event.at, reverse=True)[:MAX_REMEMBERED]
    return {event.uid: event for event in newest}


def added_json(events: dict[str, AddedEvent]) -> str:
    """The JSON text to store: at most MAX_REMEMBERED events, the most recently added."""
    entries = {
        event.uid: {
            "dates": event.dates,
            "sequence": event.sequence,
            "calendars": list(event.calendars),
            "linked": list(event.linked),
            "at": event.at,
        }
        for event in _bounded(events).values()
    }
    return json.dumps({"events": entries}, separators=(",", ":"))


def with_addition(
    events: dict[str, AddedEvent], draft: EventDraft, calendar: str, at: int, sequence: int | None = None
) -> dict[str, AddedEvent]:
    """events after draft went to calendar at second at: by an .ics file with SEQUENCE sequence, or (None) by a web link."""
    previous = events.get(draft.uid)
    dates = event_dates(draft)
    link = (calendar,) if sequence is None else ()
    # Other dates: the calendars that have the old ones are no longer "added".
    same = previous is not None and previous.dates == dates
    calendars = (*previous.calendars, calendar) if same and previous is not None else (calendar,)
    linked = (*previous.linked, *link) if same and previous is not None else link
    if previous is not None and previous.sequence is not None:
        sequence = previous.sequence if sequence is None else max(sequence, previous.sequence)
    added = AddedEvent(draft.uid, dates, sequence, tuple(dict.fromkeys(calendars)), at, tuple(dict.fromkeys(linked)))
    return _bounded({**events, draft.uid: added})


def with_cancellation(events: dict[str, AddedEvent], uid: str, sequence: int, at: int) -> dict[str, AddedEvent]:
    """events after a cancellation with SEQUENCE sequence was downloaded: the dates go, the sequence stays."""
    previous = events.get(uid)
    if previous is None:
        return events
    return {**events, uid: replace(previous, dates="", sequence=sequence, calendars=(), linked=(), at=at)}


def next_sequence(events: dict[str, AddedEvent], uid: str, now: datetime) -> int:
    """The SEQUENCE for the next .ics file of uid: above the last one this browser sent, and never below the clock's."""
    previous = events.get(uid)
    return ics_sequence(now, previous.sequence if previous is not None else None)


def field_state(previous: AddedEvent | None, draft: EventDraft | None, has_value: bool) -> FieldState:
    """What the field shows about the past: "new", "added" (same dates), "changed" (other dates), "cleared"."""
    # "cleared": the value is gone and an .ics file added the event, so a
    # cancellation file can remove it. Events added by web links only can't
    # be removed from here.
    if previous is None or not previous.dates:
        return "new"
    if draft is not None:
        return "added" if previous.dates == event_dates(draft) else "changed"
    if not has_value and previous.sequence is not None:
        return "cleared"
    return "new"


def cancellation_draft(previous: AddedEvent, title: str) -> EventDraft | None:
    """The event to cancel, rebuilt from what was remembered (its UID and dates) and the field's title; None if nothing to cancel."""
    span = _span(previous.dates) if previous.dates else None
    if span is None:
        return None
    start, end, yearly = span
    return EventDraft(
        uid=previous.uid,
        title=title,
        description="",
        location="",
        record_url="",
        start=start,
        end=end,
        time_zone="UTC",
        yearly=yearly,
    )
