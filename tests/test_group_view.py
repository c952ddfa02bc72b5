"""What a field's button group shows (group_view): decided in CPython, drawn by the shell."""

from __future__ import annotations

from datetime import date

from calendar_links import EmptyField, EventDraft, Problem
from calendar_links_core.added_events import AddedEvent, event_dates
from calendar_links_core.group_view import group_view
from calendar_links_core.providers.registry import PROVIDERS
from calendar_links_core.ui_text import cancel_label, inactive
from calendar_links_core.wording import words

DRAFT = EventDraft(
    uid="renewal@calendar-links",
    title="Renewal: Acme",
    description="",
    location="",
    record_url="",
    start=date(2026, 12, 1),
    end=date(2026, 12, 2),
    time_zone="UTC",
)
ADDED = AddedEvent(DRAFT.uid, event_dates(DRAFT), 7, ("google", "outlook"), 0, ("google",))
UNREADABLE = Problem(reason=words("{shown} is not a date.", shown="“soon”"), field_key="renewal")


def test_a_fresh_group_of_a_new_field_with_a_good_value_draws_nothing() -> None:
    view = group_view(DRAFT, None, True, "Renewal", fresh=True, offered=PROVIDERS)
    assert (view.draw_state, view.draw_note, view.draw_message) == (False, False, False)
    assert view.state == "new"


def test_a_group_drawn_before_is_drawn_again_in_full() -> None:
    view = group_view(DRAFT, None, True, "Renewal", fresh=False, offered=PROVIDERS)
    assert (view.draw_state, view.draw_note, view.draw_message) == (True, True, True)
    assert view.note is None and view.message is None
    assert view.cancel_label == cancel_label("Renewal")


def test_an_added_event_names_its_calendars_in_the_note() -> None:
    view = group_view(DRAFT, ADDED, True, "Renewal", fresh=True, offered=PROVIDERS)
    assert view.state == "added" and view.draw_state
    assert view.calendars == ("google", "outlook")
    assert view.note is not None and "Google Calendar" in str(view.note) and view.draw_note
    assert view.message is None and not view.draw_message


def test_a_problem_makes_the_buttons_inactive_and_says_why() -> None:
    view = group_view(UNREADABLE, None, True, "Renewal", fresh=True, offered=PROVIDERS)
    assert view.message == inactive(UNREADABLE.reason) and view.draw_message
    assert not view.waiting


def test_an_empty_field_waits_quietly() -> None:
    empty = EmptyField(reason=words("no date yet."), field_key="renewal")
    view = group_view(empty, None, False, "Renewal", fresh=True, offered=PROVIDERS)
    assert view.message == empty.reason and view.waiting and view.draw_message


def test_a_cleared_field_moves_its_note_into_the_message() -> None:
    empty = EmptyField(reason=words("no date yet."), field_key="renewal")
    view = group_view(empty, ADDED, False, "Renewal", fresh=True, offered=PROVIDERS)
    assert view.state == "cleared"
    assert view.note is None and view.draw_note
    assert view.message is not None and str(view.message).startswith("Cleared since you added it")
    assert view.draw_message and not view.waiting
