"""Apple Calendar, and any other calendar app that opens .ics files: a download (pure)."""

from __future__ import annotations

from typing import Final

from providers.base import Preferences, Provider
from providers.ics_file import ics_download
from wording import Words, marked, words

__all__ = ["APPLE"]


def _hint(_preferences: Preferences) -> Words:
    return words(
        "Downloads an .ics file for Apple Calendar or any other calendar app; it asks which "
        "calendar to add the event to. You review and save the event there."
    )


def _notice(_preferences: Preferences) -> Words:
    return words("Downloaded for Apple Calendar. Open the file to save it; later changes here don't sync.")


APPLE: Final = Provider(
    key="apple",
    short_name="Apple",
    calendar_name=marked("Apple Calendar"),
    summary=marked(
        "Adds an Apple button beside every date on a record. A click downloads an .ics file "
        "that Apple Calendar, or any other calendar app, opens for you to review and save."
    ),
    destination=marked(
        "Events go to the calendar you pick when the file opens (iCloud, or any account "
        "set up in the calendar app on this device)."
    ),
    hint=_hint,
    notice=_notice,
    action=ics_download,
)
