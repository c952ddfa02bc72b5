"""The words calendar-links shows a person that belong to no single calendar (pure).

Each calendar's own words (its name, what a click does, which account receives the event)
live in its module under providers/. Kept apart from the DOM code so every sentence is
tested in CPython.
"""

from __future__ import annotations

from typing import Final

from providers.base import Provider

__all__ = [
    "CANCEL_HINT",
    "CANCEL_NOTICE",
    "CANCEL_TEXT",
    "ENABLED",
    "MENU_TRIGGER_TEXT",
    "OFF",
    "ONE_WAY",
    "UNEXPECTED",
    "REMINDER_NOTE",
    "accessible_label",
    "cancel_label",
    "click_notice",
    "menu_label",
    "not_saved",
    "reminder_choice",
    "reminder_status",
    "state_note",
    "tab_blocked",
    "toggle_status",
]

MENU_TRIGGER_TEXT: Final = "Add to calendar"
ONE_WAY: Final = "One-way: nothing is read back, and later changes here don't update saved events."
UNEXPECTED: Final = "Something went wrong, so no event was made. Reload the page and try again."
ENABLED: Final = "Enabled"
OFF: Final = "Off"
# The button beside a field whose value was cleared after an .ics download added its event.
CANCEL_TEXT: Final = "Remove from calendar"
CANCEL_HINT: Final = "Downloads an .ics file that takes the event added before out of Outlook, Apple Calendar or any calendar app."
CANCEL_NOTICE: Final = "Downloaded the removal. Open the file, and your calendar takes the event out."
REMINDER_NOTE: Final = (
    "Google Calendar's link and Outlook on the web's can't carry a reminder: they use the "
    "default notifications of your calendar."
)


def accessible_label(provider: Provider, field_label: str) -> str:
    """A calendar button's accessible name: the field and the calendar."""
    return f"Add {field_label} to {provider.calendar_name}"


def tab_blocked(calendar_name: str) -> tuple[str, str]:
    """The notice when the browser refused the new tab, and the words of the link that opens it."""
    return f"Your browser blocked the new tab for {calendar_name}.", f"Open {calendar_name}"


def not_saved(storage_blocked: bool) -> str:
    """Why a setting wasn't kept: storage the page may not use, or storage that is full."""
    why = "storage is blocked" if storage_blocked else "its storage for this site is full"
    return f"Couldn't save in this browser ({why}); this applies until you reload."


def menu_label(field_label: str) -> str:
    """The accessible name of the trigger that opens a field's menu of calendars."""
    return f"Add {field_label} to a calendar"


def toggle_status(provider: Provider, enabled: bool) -> str:
    """What the marketplace says after a calendar was switched on or off."""
    return f"{provider.calendar_name} {'enabled' if enabled else 'disabled'}."


def cancel_label(field_label: str) -> str:
    """The cancel button's accessible name."""
    return f"Remove {field_label} from your calendar"


def _names(calendar_names: tuple[str, ...]) -> str:
    if len(calendar_names) <= 1:
        return "".join(calendar_names)
    return f"{', '.join(calendar_names[:-1])} and {calendar_names[-1]}"


def click_notice(notice: str, when: str, stale_links: tuple[str, ...] = ()) -> str:
    """The line after a click: when the event is (date, time and zone), the calendar's own notice, and which calendars keep an old copy."""
    # when comes from calendar_links.event_when, which names the zone the
    # event got: a wrong zone is never silent.
    text = f"Event {when}. {notice}"
    if stale_links:
        text += f" {_names(stale_links)} can't update the event added before: remove the old one there."
    return text


def state_note(state: str, calendar_names: tuple[str, ...], link_names: tuple[str, ...]) -> str:
    """What a field says of its past: added before, changed since, cleared since; "" for a new field."""
    where = f" to {_names(calendar_names)}" if calendar_names else ""
    if state == "added":
        return f"Added{where} before."
    if state == "changed":
        note = f"Changed since you added it{where}: add it again to update it."
        if link_names:
            note += f" {_names(link_names)} can't update it: remove the old one there."
        return note
    if state == "cleared":
        return f"Cleared since you added it{where}."
    return ""


def reminder_choice(minutes: int | None) -> str:
    """How the marketplace names a reminder: "No reminder", "At the start", "15 minutes before", "1 day before"."""
    if minutes is None:
        return "No reminder"
    if minutes == 0:
        return "At the start"
    for unit, size in (("week", 10080), ("day", 1440), ("hour", 60)):
        if minutes % size == 0:
            count = minutes // size
            return f"{count} {unit}{'s' if count > 1 else ''} before"
    return f"{minutes} minutes before"


def reminder_status(minutes: int | None) -> str:
    """What the marketplace says after the reminder setting changed."""
    if minutes is None:
        return "Downloaded events have no reminder."
    return f"Downloaded events now remind you: {reminder_choice(minutes).lower()}."
