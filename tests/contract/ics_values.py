"""The values of an .ics file's properties, typed, for the checks that read files back.

icalendar types a property looked up by name (`event["SEQUENCE"]`) as the union of every
value type it has, so a check comparing two of them would be type-checked against addresses
and booleans too. Each function here reads one kind of property and checks that it is that
kind, so a file holding something else fails the check where it is read.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from icalendar import Calendar, Component, Event


def ics_events(calendar: Calendar) -> list[Event]:
    """The calendar's VEVENT components."""
    events = calendar.walk("VEVENT")
    assert all(isinstance(event, Event) for event in events), events
    return [event for event in events if isinstance(event, Event)]


def ics_moment(component: Component, name: str) -> date | datetime:
    """A date-time property (DTSTART, DTEND, DTSTAMP): a date when all-day, else a datetime."""
    value = component.decoded(name)
    assert isinstance(value, date), (name, value)
    return value


def ics_stamp(component: Component) -> datetime:
    """DTSTAMP, always a date-time in UTC (RFC 5545 section 3.8.7.2)."""
    value = component.decoded("DTSTAMP")
    assert isinstance(value, datetime), value
    return value


def ics_duration(component: Component, name: str) -> timedelta:
    """A duration property, such as an alarm's relative TRIGGER."""
    value = component.decoded(name)
    assert isinstance(value, timedelta), (name, value)
    return value


def ics_integer(component: Component, name: str) -> int:
    """An integer property, such as SEQUENCE."""
    value = component[name]
    assert isinstance(value, int), (name, value)
    return int(value)


def ics_text(component: Component, name: str) -> str:
    """A text property, such as UID."""
    value = component[name]
    assert isinstance(value, str), (name, value)
    return str(value)
