"""The words calendar-links shows a person: button labels, hints and click notices (pure).

Kept apart from the DOM code so every sentence is tested in CPython, and so the account
caveat (events go to whichever account this browser is signed in to) is said the same
way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "PROVIDERS",
    "Provider",
    "ProviderText",
    "CANCEL_LABEL",
    "accessible_label",
    "cancel_hint",
    "cancel_notice",
    "click_notice",
    "hint",
    "provider_text",
    "reminder_choice",
    "state_note",
]

Provider = Literal["google", "outlook"]
# Button order on the page.
PROVIDERS: tuple[Provider, ...] = ("google", "outlook")


@dataclass(frozen=True, slots=True)
class ProviderText:
    """The fixed words for one calendar."""

    short_name: str
    calendar_name: str


_TEXTS: dict[Provider, ProviderText] = {
    "google": ProviderText(short_name="Google", calendar_name="Google Calendar"),
    "outlook": ProviderText(short_name="Outlook", calendar_name="Outlook"),
}


def provider_text(provider: Provider) -> ProviderText:
    """The fixed words for a calendar."""
    return _TEXTS[provider]


def accessible_label(provider: Provider, field_label: str) -> str:
    """The button's aria-label: names the field and the calendar."""
    return f"Add {field_label} to {_TEXTS[provider].calendar_name}"


def hint(provider: Provider, google_account: str | None) -> str:
    """The tooltip: what a click does, and which account receives the event."""
    if provider == "google":
        account = (
            f"the Google account {google_account} (set in App Marketplace)"
            if google_account
            else "the Google account signed in to this browser"
        )
        return f"Opens Google Calendar in a new tab, in {account}. You review and save the event there."
    return (
        "Downloads an .ics file to open in Outlook, which adds it to the Microsoft account "
        "Outlook is signed in to. You review and save the event there."
    )


def click_notice(provider: Provider, google_account: str | None, when: str, replaces_link: bool = False) -> str:
    """The line beside the field after a click: when the event is, where it went, that it is one-way (and, replaces_link, that Google keeps the old one)."""
    # "when" comes from calendar_links.event_when: the zone is named, so a
    # wrong zone is never silent.
    if provider == "google":
        where = google_account or "the Google account signed in to this browser"
        notice = f"Added {when}, to Google Calendar ({where}). Save it there; later changes here don't sync."
    else:
        notice = f"Downloaded {when}, for Outlook. Open the file to save it; later changes here don't sync."
    if replaces_link:
        notice += " Google Calendar can't update the event added before: remove the old one there."
    return notice


# The button that downloads a cancellation, beside a field whose value was cleared.
CANCEL_LABEL = "Remove from calendar"


def cancel_hint() -> str:
    """The cancel button's tooltip."""
    return "Downloads an .ics file that removes the event you added before from Outlook or any calendar app."


def cancel_notice() -> str:
    """The line shown after the cancellation was downloaded."""
    return "Downloaded the removal. Open the file: your calendar takes the event out."


def state_note(state: str, calendars: tuple[str, ...]) -> str:
    """What a field says about its past: added before, changed since, or cleared since; "" for a new one."""
    names = " and ".join(_TEXTS[name].calendar_name if name in _TEXTS else name for name in calendars)
    where = f" to {names}" if names else ""
    if state == "added":
        return f"Added{where} before."
    if state == "changed":
        note = f"Changed since you added it{where}: add it again to update it."
        if "google" in calendars:
            note += " Google Calendar can't update it: remove the old one there."
        return note
    if state == "cleared":
        return f"Cleared since you added it{where}. Remove it from your calendar:"
    return ""


def reminder_choice(minutes: int | None) -> str:
    """How the marketplace names a reminder setting."""
    if minutes is None:
        return "No reminder"
    if minutes == 0:
        return "At the start"
    for unit, size in (("week", 10080), ("day", 1440), ("hour", 60)):
        if minutes % size == 0:
            count = minutes // size
            return f"{count} {unit}{'s' if count > 1 else ''} before"
    return f"{minutes} minutes before"
