"""What a field's button group shows, decided from values: the buttons' state (new, added,
changed, cleared), the note on the field's past and the message on its value (pure).

The shell draws the answer and nothing else. A group just made from the template shows
nothing yet, so for a fresh group only what there is to show is drawn, which saves most calls
into the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from calendar_links_core.added_events import AddedEvent, FieldState, field_state
from calendar_links_core.draft import EmptyField, EventDraft
from calendar_links_core.problems import Problem
from calendar_links_core.providers.base import Provider
from calendar_links_core.providers.registry import calendar_names
from calendar_links_core.ui_text import cancel_label, inactive, state_note
from calendar_links_core.wording import Words

__all__ = ["GroupView", "group_view"]


@dataclass(frozen=True, slots=True)
class GroupView:
    """What to draw on a group: each part only when its draw_ flag is set (else it stays as it is)."""

    state: FieldState
    cancel_label: Words
    calendars: tuple[str, ...]
    draw_state: bool
    note: Words | None
    draw_note: bool
    message: Words | None
    draw_message: bool
    # The message is a quiet note (the field is still empty), not an error.
    waiting: bool


def group_view(
    draft: EventDraft | Problem,
    added: AddedEvent | None,
    has_value: bool,
    label: str,
    fresh: bool,
    offered: Iterable[Provider],
) -> GroupView:
    """What the group of a field with this draft (and past, `added`) shows; fresh: just made, showing nothing."""
    offered = tuple(offered)
    state = field_state(added, draft if isinstance(draft, EventDraft) else None, has_value)
    note = (
        state_note(state, calendar_names(added.calendars, offered), calendar_names(added.linked, offered))
        if added is not None
        else None
    )
    calendars = added.calendars if added is not None else ()
    draw_state = state != "new" or not fresh
    if state == "cleared":
        # A cleared field can't make an event: its calendar buttons stay inactive, and the
        # message says why.
        return GroupView(state, cancel_label(label), calendars, draw_state, None, True, note, True, False)
    problem: Words | None = None
    if isinstance(draft, EmptyField):
        # Empty is no error: a quiet note, the buttons waiting for a value.
        problem = draft.reason
    elif isinstance(draft, Problem):
        problem = inactive(draft.reason)
    return GroupView(
        state,
        cancel_label(label),
        calendars,
        draw_state,
        note,
        note is not None or not fresh,
        problem,
        problem is not None or not fresh,
        isinstance(draft, EmptyField),
    )
