"""Outlook (desktop and Mac): an .ics download that Outlook opens for review (pure)."""

from __future__ import annotations

from typing import Final

from calendar_links_core.providers.base import Provider, fixed_words
from calendar_links_core.providers.ics_file import ics_download
from calendar_links_core.wording import marked

__all__ = ["OUTLOOK"]


OUTLOOK: Final = Provider(
    key="outlook",
    short_name="Outlook",
    calendar_name=marked("Outlook"),
    summary=marked(
        "Adds an Outlook button beside every date on a record. A click downloads an .ics "
        "file that Outlook opens for you to review and save."
    ),
    destination=marked(
        "Events go to the Microsoft account Outlook is signed in to on this computer, which "
        "may not be the mailbox connected to this CRM."
    ),
    hint=fixed_words(
        "Downloads an .ics file to open in Outlook, which adds it to the Microsoft account "
        "Outlook is signed in to. You review and save the event there."
    ),
    notice=fixed_words(
        "Downloaded for Outlook. Open the file to save it; later changes here don't "
        "sync."
    ),
    action=ics_download,
)
