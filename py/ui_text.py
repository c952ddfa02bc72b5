"""The words calendar-links shows a person that belong to no single calendar (pure).

Each calendar's own words (its name, what a click does, which account receives the event)
live in its module under providers/. Everything here is a message id (wording.marked) or
Words, in English; the shell shows it in the page's language. Kept apart from the DOM code so
every sentence is tested in CPython, and found by the catalog check (tests/test_translations.py).
"""

from __future__ import annotations

from typing import Final

from providers.base import Provider
from wording import Words, marked, words

__all__ = [
    "ACCOUNT_HELP",
    "ACCOUNT_LABEL",
    "CALENDAR_GONE",
    "DURATION_LABEL",
    "ENABLED",
    "FIELD_GONE",
    "HINT_LINK",
    "HINT_TEXT",
    "MENU_TRIGGER_TEXT",
    "NOT_SAVED",
    "OFF",
    "ONE_WAY",
    "SETTINGS_TITLE",
    "UNEXPECTED",
    "account_refused",
    "account_saved",
    "accessible_label",
    "duration_choice",
    "duration_saved",
    "inactive",
    "menu_label",
    "toggle_label",
    "toggle_status",
]

MENU_TRIGGER_TEXT: Final = marked("Add to calendar")
ONE_WAY: Final = marked("One-way: nothing is read back, and later changes here don't update saved events.")
NOT_SAVED: Final = marked("Couldn't save in this browser (storage is blocked); this applies until you reload.")
UNEXPECTED: Final = marked("Something went wrong, so no event was made. Reload the page and try again.")
FIELD_GONE: Final = marked("This field is no longer on the page.")
CALENDAR_GONE: Final = marked("This calendar is no longer enabled.")
ENABLED: Final = marked("Enabled")
OFF: Final = marked("Off")
SETTINGS_TITLE: Final = marked("Settings")
ACCOUNT_LABEL: Final = marked("Google account for new events (optional)")
ACCOUNT_HELP: Final = marked(
    "Opens Google Calendar in this account when you are signed in to several. "
    "Google doesn't document this, so it is best effort."
)
DURATION_LABEL: Final = marked("Length of timed events without their own")
# The optional line on a record page while no calendar is enabled (data-calendar-hint).
HINT_TEXT: Final = marked("Dates on this page can go straight to your calendar.")
HINT_LINK: Final = marked("Choose a calendar in the App Marketplace")


def _calendar(provider: Provider) -> Words:
    return words(provider.calendar_name)


def accessible_label(provider: Provider, field_label: str, record_name: str | None = None) -> Words:
    """A calendar button's accessible name: the field, the record when labels repeat, the calendar."""
    if record_name:
        return words(
            "Add {field} ({record}) to {calendar}", field=field_label, record=record_name, calendar=_calendar(provider)
        )
    return words("Add {field} to {calendar}", field=field_label, calendar=_calendar(provider))


def menu_label(field_label: str, record_name: str | None = None) -> Words:
    """The accessible name of the trigger that opens a field's menu of calendars."""
    # It starts with the trigger's visible text, so a person who says what they see (voice
    # control) names it too (WCAG 2.5.3, label in name).
    field = words("{field} ({record})", field=field_label, record=record_name) if record_name else field_label
    # TRANSLATORS: {action} is the trigger's own text ("Add to calendar"), {field} a field's label.
    return words("{action}: {field}", action=words(MENU_TRIGGER_TEXT), field=field)


def inactive(problem: Words) -> Words:
    """What an inactive group says: what is wrong with the value, and what to do about it."""
    return words("{problem} Correct it in the record to add it to a calendar.", problem=problem)


def toggle_label(provider: Provider) -> Words:
    """The fixed name of a calendar's switch in the marketplace; its state is the switch's own."""
    return words("Use {calendar}", calendar=_calendar(provider))


def toggle_status(provider: Provider, enabled: bool) -> Words:
    """What the marketplace says after a calendar was switched on or off."""
    if enabled:
        return words("{calendar} is on: its button is beside every date.", calendar=_calendar(provider))
    return words("{calendar} is off: its buttons are gone.", calendar=_calendar(provider))


def duration_choice(minutes: int) -> Words:
    """One choice of event length."""
    return words("{minutes} minutes", minutes=minutes)


def duration_saved(minutes: int) -> Words:
    """What the marketplace says after the default length changed."""
    return words("Timed events now last {minutes} minutes.", minutes=minutes)


def account_refused(typed: str) -> Words:
    """What the marketplace says when the account field holds no email address."""
    return words('"{typed}" isn\'t an email address, so it wasn\'t saved.', typed=typed)


def account_saved(account: str | None) -> Words:
    """What the marketplace says after the Google account was set or cleared."""
    if account:
        return words("New Google events open in {account}.", account=account)
    return words("Google events open in the signed-in account.")
