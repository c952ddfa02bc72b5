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
    "accessible_label",
    "click_notice",
    "hint",
    "provider_text",
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


def click_notice(provider: Provider, google_account: str | None) -> str:
    """One line shown beside the field after a click: where the event went, and that it is one-way."""
    if provider == "google":
        where = google_account or "the Google account signed in to this browser"
        return f"Opened in Google Calendar ({where}). Save it there; later changes here don't sync."
    return "Downloaded for Outlook. Open the file to save it; later changes here don't sync."
