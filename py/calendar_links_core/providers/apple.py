"""Apple Calendar, and any other calendar app that opens .ics files: a download (pure)."""

from __future__ import annotations

from typing import Final

from calendar_links_core.providers.base import Provider, fixed_words
from calendar_links_core.providers.ics_file import ics_download
from calendar_links_core.wording import marked

__all__ = ["APPLE"]


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
    hint=fixed_words(
        "Downloads an .ics file for Apple Calendar or any other calendar app; it asks which "
        "calendar to add the event to. You review and save the event there."
    ),
    notice=fixed_words(
        "Downloaded for Apple Calendar. Open the file to save it; later changes here "
        "don't sync."
    ),
    action=ics_download,
)
