"""Rules that are not about one scenario: span and repeat problems, the SEQUENCE, the memory of
added events, cancellation, the reminder setting and the notice words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from icalendar import Calendar

from calendar_links_core.added_events import (
    MAX_REMEMBERED,
    AddedEvent,
    added_json,
    cancellation_draft,
    field_state,
    next_sequence,
    parse_added,
    with_addition,
    with_cancellation,
)
from calendar_links import (
    EventDraft,
    FieldAttributes,
    Problem,
    RecordAttributes,
    event_draft,
    event_title,
    event_when,
    ics_cancellation,
    ics_sequence,
)
from calendar_links_core.settings import parse_reminder_minutes
from .scenarios import PAGE, STAMP, UTC
from .ics_values import ics_integer, ics_moment


_CONTACT = RecordAttributes(record_id="C-1", record_type="Contact", name="Grace Hopper", url="/contacts/1")


def _problem(field: FieldAttributes, end_field: FieldAttributes | None = None) -> str:
    result = event_draft(_CONTACT, field, PAGE, end_field)
    assert isinstance(result, Problem), f"expected a problem, got {result!r}"
    return result.message


def check_span_problems() -> None:
    start = FieldAttributes("start", "date", "2026-12-01", "data-value", label="Contract", end_field="end")
    before = FieldAttributes("end", "date", "2026-11-30", "data-value", label="Contract end")
    message = _problem(start, before)
    assert message.startswith(
        "Contract: it ends on Monday, 30 November 2026 (Contract end), before it starts on Tuesday, 1 December 2026"
    ), message
    # The same day is a one-day span, not a problem.
    same = event_draft(_CONTACT, start, PAGE, replace_value(before, "2026-12-01"))
    assert isinstance(same, EventDraft) and (same.start, same.end) == (date(2026, 12, 1), date(2026, 12, 2))
    timed = FieldAttributes("out", "datetime", "2026-12-01T10:00", "data-value", label="Trip", end_field="back")
    back = FieldAttributes("back", "datetime", "2026-12-01T10:00", "data-value", label="Return")
    assert "not after it starts at 2026-12-01 10:00 Europe/Berlin" in _problem(timed, back)
    assert 'names "end", which is not a field of this record' in _problem(start, None)
    empty = _problem(start, replace_value(before, ""))
    assert empty.startswith("Contract: its end (Contract end): ") and "no date" in empty, empty


def replace_value(field: FieldAttributes, value: str) -> FieldAttributes:
    return FieldAttributes(field.key, field.field_type, value, field.value_source, label=field.label)


def check_repeat_and_show_as_problems() -> None:
    timed = FieldAttributes("call", "datetime", "2026-12-01T10:00", "data-value", label="Call", repeat="yearly")
    assert "works on date fields only" in _problem(timed)
    weekly = FieldAttributes("due", "date", "2026-12-01", "data-value", label="Due", repeat="weekly")
    assert 'data-repeat "weekly" is not supported' in _problem(weekly)
    tentative = FieldAttributes("due", "date", "2026-12-01", "data-value", label="Due", show_as="tentative")
    assert 'data-show-as "tentative" must be "busy" or "free"' in _problem(tentative)


def check_sequence_rises_within_one_second() -> None:
    first = ics_sequence(STAMP)
    assert ics_sequence(STAMP, first) == first + 1
    assert ics_sequence(STAMP + timedelta(seconds=5), first) == first + 5
    # A clock set back still gives a higher number than the last file.
    assert ics_sequence(STAMP - timedelta(days=1), first) == first + 1
    assert ics_sequence(STAMP, 2**31 - 1) == 2**31 - 1


def _draft_on(day: date, uid: str = "u1@calendar-links") -> EventDraft:
    return EventDraft(uid, "Renewal", "", "", "", day, day + timedelta(days=1), "UTC")


def check_memory_remembers_and_bounds() -> None:
    draft = _draft_on(date(2026, 12, 1))
    sequence = next_sequence({}, draft.uid, STAMP)
    events = with_addition({}, draft, "outlook", 100, sequence)
    stored = added_json(events)
    # Nothing of the event's text is stored: only the UID, dates, sequence, calendars and time.
    assert "Renewal" not in stored
    again = parse_added(stored)
    assert again == events
    assert field_state(again.get(draft.uid), draft, True) == "added"
    moved = _draft_on(date(2026, 12, 2))
    assert field_state(again.get(draft.uid), moved, True) == "changed"
    assert field_state(again.get(draft.uid), None, False) == "cleared"
    assert field_state(None, draft, True) == "new"
    # Two downloads in the same second still rise.
    assert next_sequence(again, draft.uid, STAMP) == sequence + 1
    google_only = with_addition({}, draft, "google", 100)
    assert field_state(google_only[draft.uid], None, False) == "new", "a link can't be cancelled from here"
    many: dict[str, AddedEvent] = {}
    for number in range(MAX_REMEMBERED + 20):
        many = with_addition(many, _draft_on(date(2026, 12, 1), f"u{number}@calendar-links"), "outlook", number, 1)
    kept = parse_added(added_json(many))
    assert len(kept) == MAX_REMEMBERED and "u0@calendar-links" not in kept and f"u{MAX_REMEMBERED + 19}@calendar-links" in kept


def check_corrupt_memory_is_empty() -> None:
    for raw in (None, "", "{", "[]", '{"events": []}', "[" * 100_000, '{"events": {"u": 1}}', "x" * 500_000):
        assert parse_added(raw) == {}, raw if raw is None else raw[:20]
    bad_entries = (
        '{"events": {"a": {"dates": "2026/1", "sequence": 1, "calendars": [], "at": 1},'
        ' "b": {"dates": "20261201/20261202", "sequence": true, "calendars": [], "at": 1},'
        ' "c": {"dates": "20261202/20261201", "sequence": 1, "calendars": [], "at": 1},'
        ' "d": {"dates": "20261201/20261202", "sequence": 1, "calendars": ["outlook"], "at": 5}}}'
    )
    assert list(parse_added(bad_entries)) == ["d"]


def check_cancellation() -> None:
    draft = _draft_on(date(2026, 12, 1))
    events = with_addition({}, draft, "outlook", 100, 7)
    cancelled = cancellation_draft(events[draft.uid], "Renewal: ACME")
    assert cancelled is not None
    data = ics_cancellation(cancelled, STAMP, next_sequence(events, draft.uid, STAMP))
    calendar = Calendar.from_ical(data)
    assert str(calendar["METHOD"]) == "CANCEL"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == draft.uid and str(event["STATUS"]) == "CANCELLED"
    sequence = ics_integer(event, "SEQUENCE")
    assert sequence > 7 and ics_moment(event, "DTSTART") == date(2026, 12, 1)
    after = with_cancellation(events, draft.uid, sequence, 101)
    assert field_state(after[draft.uid], None, False) == "new"
    assert cancellation_draft(after[draft.uid], "Renewal: ACME") is None
    assert next_sequence(after, draft.uid, STAMP) == sequence + 1


def check_reminder_setting() -> None:
    cases = {None: None, "": None, "15": 15, " 60 ": 60, "0": 0, "40320": 40320, "40321": None, "-5": None,
             "1.5": None, "abc": None, "\u0661\u0665": None}  # fmt: skip
    for raw, minutes in cases.items():
        assert parse_reminder_minutes(raw) == minutes, raw


def check_notice_words() -> None:
    timed = EventDraft("u@x", "Call", "", "", "", datetime(2026, 12, 1, 14, tzinfo=UTC),
                       datetime(2026, 12, 1, 15, tzinfo=UTC), "Europe/Berlin")  # fmt: skip
    assert str(event_when(timed)) == "at 15:00 Europe/Berlin, Tuesday, 1 December 2026", event_when(timed)
    overnight = EventDraft("u@x", "Trip", "", "", "", datetime(2026, 12, 1, 7, tzinfo=UTC),
                           datetime(2026, 12, 3, 17, 30, tzinfo=UTC), "Europe/Berlin")  # fmt: skip
    assert str(event_when(overnight)) == (
        "from 08:00 Europe/Berlin, Tuesday, 1 December 2026, to 18:30, Thursday, 3 December 2026"
    )
    one_day = EventDraft("u@x", "Renewal", "", "", "", date(2026, 12, 1), date(2026, 12, 2), "UTC")
    assert str(event_when(one_day)) == "on Tuesday, 1 December 2026, all day", event_when(one_day)
    span = EventDraft("u@x", "Trip", "", "", "", date(2026, 12, 1), date(2026, 12, 5), "UTC")
    assert str(event_when(span)) == "from Tuesday, 1 December 2026 to Friday, 4 December 2026, all day"
    yearly = EventDraft("u@x", "Birthday", "", "", "", date(2000, 2, 29), date(2000, 3, 1), "UTC", yearly=True)
    assert str(event_when(yearly)) == "every year on 29 February (28 February in other years), all day"
    title = event_title(_CONTACT, FieldAttributes("birthday", "date", "", "data-value", label="Birthday"))
    assert title == "Birthday: Grace Hopper", title


RULE_CHECKS: tuple[tuple[str, Callable[[], None]], ...] = (
    ("span-problems", check_span_problems),
    ("repeat-and-show-as-problems", check_repeat_and_show_as_problems),
    ("sequence-rises-within-one-second", check_sequence_rises_within_one_second),
    ("memory-remembers-and-bounds", check_memory_remembers_and_bounds),
    ("corrupt-memory-is-empty", check_corrupt_memory_is_empty),
    ("cancellation", check_cancellation),
    ("reminder-setting", check_reminder_setting),
    ("notice-words", check_notice_words),
)
