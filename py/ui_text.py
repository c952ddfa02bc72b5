"""The words calendar-links shows a person that belong to no single calendar (pure).

Each calendar's own words (its name, what a click does, which account receives the event)
live in its module under providers/. Kept apart from the DOM code so every sentence is
tested in CPython.
"""

from __future__ import annotations

from typing import Final

from providers.base import Provider

__all__ = [
    "ENABLED",
    "MENU_TRIGGER_TEXT",
    "OFF",
    "ONE_WAY",
    "UNEXPECTED",
    "accessible_label",
    "tab_blocked",
    "menu_label",
    "not_saved",
    "toggle_status",
]

MENU_TRIGGER_TEXT: Final = "Add to calendar"
ONE_WAY: Final = "One-way: nothing is read back, and later changes here don't update saved events."
UNEXPECTED: Final = "Something went wrong, so no event was made. Reload the page and try again."
ENABLED: Final = "Enabled"
OFF: Final = "Off"


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
