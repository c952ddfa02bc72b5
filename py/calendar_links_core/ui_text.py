"""The words calendar-links shows a person that belong to no single calendar (pure).

Each calendar's own words (its name, what a click does, which account receives the event)
live in its module under providers/. Everything here is a message id (wording.marked) or
Words, in English; the shell shows it in the page's language. Kept apart from the DOM code so
every sentence is tested in CPython, and found by the catalog check (tests/test_translations.py).
"""

from __future__ import annotations

from typing import Final

from calendar_links_core.providers.base import Provider
from calendar_links_core.wording import Words, marked, words

__all__ = [
    "ACCOUNT_HELP",
    "ACCOUNT_LABEL",
    "CALENDAR_GONE",
    "CANCEL_HINT",
    "CANCEL_NOTICE",
    "CANCEL_TEXT",
    "DURATION_LABEL",
    "ENABLED",
    "FIELD_GONE",
    "HINT_LINK",
    "HINT_TEXT",
    "MENU_TRIGGER_TEXT",
    "OFF",
    "ONE_WAY",
    "REMINDER_LABEL",
    "REMINDER_NOTE",
    "SETTINGS_TITLE",
    "SHARE_TEXT",
    "UNEXPECTED",
    "account_refused",
    "account_saved",
    "accessible_label",
    "cancel_label",
    "click_notice",
    "duration_choice",
    "duration_saved",
    "inactive",
    "menu_label",
    "no_repeat",
    "not_saved",
    "reminder_choice",
    "reminder_status",
    "state_note",
    "tab_blocked",
    "toggle_label",
    "toggle_status",
]

MENU_TRIGGER_TEXT: Final = marked("Add to calendar")
ONE_WAY: Final = marked("One-way: nothing is read back, and later changes here don't update saved events.")
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
# The button beside a field whose value was cleared after an .ics download added its event.
CANCEL_TEXT: Final = marked("Remove from calendar")
CANCEL_HINT: Final = marked(
    "Downloads an .ics file that takes the event added before out of Outlook, Apple Calendar or any calendar app."
)
CANCEL_NOTICE: Final = marked("Downloaded the removal. Open the file, and your calendar takes the event out.")
# The button that hands a link or a file to the browser's share sheet (core/frames.py).
SHARE_TEXT: Final = marked("Share")
REMINDER_LABEL: Final = marked("Reminder in downloaded events (.ics)")
REMINDER_NOTE: Final = marked(
    "Google Calendar's link and Outlook on the web's can't carry a reminder: they use the "
    "default notifications of your calendar."
)


def _calendar(provider: Provider) -> Words:
    return words(provider.calendar_name)


def accessible_label(provider: Provider, field_label: str, record_name: str | None = None) -> Words:
    """A calendar button's accessible name: the field, the record when labels repeat, the calendar."""
    if record_name:
        return words(
            "Add {field} ({record}) to {calendar}", field=field_label, record=record_name, calendar=_calendar(provider)
        )
    return words("Add {field} to {calendar}", field=field_label, calendar=_calendar(provider))


def tab_blocked(calendar_name: str) -> tuple[Words, Words]:
    """The notice when the browser refused the new tab, and the words of the link that opens it."""
    calendar = words(calendar_name)
    return (
        words("Your browser blocked the new tab for {calendar}.", calendar=calendar),
        words("Open {calendar}", calendar=calendar),
    )


def not_saved(storage_blocked: bool) -> Words:
    """Why a setting wasn't kept: storage the page may not use, or storage that is full."""
    if storage_blocked:
        return words("Couldn't save in this browser (storage is blocked); this applies until you reload.")
    return words("Couldn't save in this browser (its storage for this site is full); this applies until you reload.")


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


def cancel_label(field_label: str) -> Words:
    """The cancel button's accessible name."""
    return words("Remove {field} from your calendar", field=field_label)


def _names(calendar_names: tuple[str, ...]) -> Words | str:
    # Calendar names are message ids (Provider.calendar_name): each is translated where shown.
    if len(calendar_names) <= 1:
        return words(calendar_names[0]) if calendar_names else ""
    listed = words(calendar_names[0])
    for name in calendar_names[1:-1]:
        listed = words("{first}, {next}", first=listed, next=words(name))
    return words("{first} and {last}", first=listed, last=words(calendar_names[-1]))


def no_repeat(provider: Provider) -> Words:
    """Why a calendar reached by a link refuses a yearly field."""
    return words(
        "{calendar} can't repeat an event every year: use a calendar that opens an .ics file.",
        calendar=_calendar(provider),
    )


def click_notice(notice: Words, when: Words, stale_links: tuple[str, ...] = ()) -> Words:
    """The line after a click: when the event is (date, time and zone), the calendar's own notice, and which calendars keep an old copy."""
    # when comes from calendar_links.event_when, which names the zone the
    # event got: a wrong zone is never silent.
    said = words("Event {when}. {notice}", when=when, notice=notice)
    if stale_links:
        stale = words(
            "{calendars} can't update the event added before: remove the old one there.", calendars=_names(stale_links)
        )
        said = words("{said} {stale}", said=said, stale=stale)
    return said


def state_note(state: str, calendar_names: tuple[str, ...], link_names: tuple[str, ...]) -> Words | None:
    """What a field says of its past: added before, changed since, cleared since; None for a new field."""
    if state == "added":
        if calendar_names:
            return words("Added to {calendars} before.", calendars=_names(calendar_names))
        return words("Added before.")
    if state == "changed":
        if calendar_names:
            note = words(
                "Changed since you added it to {calendars}: add it again to update it.", calendars=_names(calendar_names)
            )
        else:
            note = words("Changed since you added it: add it again to update it.")
        if link_names:
            stale = words("{calendars} can't update it: remove the old one there.", calendars=_names(link_names))
            note = words("{said} {stale}", said=note, stale=stale)
        return note
    if state == "cleared":
        if calendar_names:
            return words("Cleared since you added it to {calendars}.", calendars=_names(calendar_names))
        return words("Cleared since you added it.")
    return None


def reminder_choice(minutes: int | None) -> Words:
    """How the marketplace names a reminder: "No reminder", "At the start", "15 minutes before", "1 day before"."""
    if minutes is None:
        return words("No reminder")
    if minutes == 0:
        return words("At the start")
    for size, one, several in (
        (10080, marked("1 week before"), marked("{count} weeks before")),
        (1440, marked("1 day before"), marked("{count} days before")),
        (60, marked("1 hour before"), marked("{count} hours before")),
    ):
        if minutes % size == 0:
            count = minutes // size
            return words(one) if count == 1 else words(several, count=count)
    return words("{count} minutes before", count=minutes)


def reminder_status(minutes: int | None) -> Words:
    """What the marketplace says after the reminder setting changed."""
    if minutes is None:
        return words("Downloaded events have no reminder.")
    return words("Downloaded events now remind you: {when}.", when=reminder_choice(minutes))
