"""The .ics download shared by the calendars that open a file: Outlook and Apple Calendar (pure)."""

from __future__ import annotations

from calendar_links_core.events import ICS_MEDIA_TYPE, EventDraft, ics_document, ics_file_name
from calendar_links_core.providers.base import Click, DownloadFile

__all__ = ["ics_download"]


def ics_download(draft: EventDraft, click: Click) -> DownloadFile:
    """The event as a text/calendar file named after its title, stamped, sequenced and given its reminder by the click."""
    return DownloadFile(
        content=ics_document(draft, click.stamp, click.sequence, click.preferences.reminder_minutes),
        file_name=ics_file_name(draft),
        media_type=ICS_MEDIA_TYPE,
    )
