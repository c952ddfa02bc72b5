"""Outlook on the web's compose link, shared by its two hosts: Microsoft 365 and Outlook.com (pure)."""

from __future__ import annotations

from collections.abc import Callable

from calendar_links_core.draft import EventDraft
from calendar_links_core.providers.base import Click, OpenUrl
from calendar_links_core.providers.web_link import LinkText, fitted_url, iso_moment

__all__ = ["compose_action", "outlook_web_url"]


def outlook_web_url(draft: EventDraft, compose_url: str) -> str:
    """An Outlook on the web link that opens the event filled in, on the host of compose_url."""
    # Times are UTC with Z, which every mailbox zone reads the same; all-day
    # dates are YYYY-MM-DD with the exclusive next-day end. Outlook on the web
    # drops the line breaks from body, so each gets a space in front to keep
    # the lines, and the record link, apart.

    def query(text: LinkText) -> list[tuple[str, str]]:
        fields = [
            ("path", "/calendar/action/compose"),
            ("rru", "addevent"),
            ("subject", text.title),
            ("startdt", iso_moment(draft.start)),
            ("enddt", iso_moment(draft.end)),
            ("allday", "true" if draft.all_day else "false"),
            ("body", text.details.replace("\n", " \n")),
        ]
        if text.location:
            fields.append(("location", text.location))
        return fields

    return fitted_url(compose_url, draft, query)


def compose_action(compose_url: str) -> Callable[[EventDraft, Click], OpenUrl]:
    """The action of a calendar on Outlook on the web: open the event's compose link on that host."""
    return lambda draft, _click: OpenUrl(outlook_web_url(draft, compose_url))
