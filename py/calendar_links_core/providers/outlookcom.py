"""Outlook.com for personal Microsoft accounts: a new tab, the event filled in (pure)."""

from __future__ import annotations

from typing import Final

from calendar_links_core.providers.base import Provider, fixed_words
from calendar_links_core.providers.outlook_web import compose_action
from calendar_links_core.wording import marked

__all__ = ["OUTLOOK_COM", "OUTLOOK_COM_COMPOSE_URL"]

OUTLOOK_COM_COMPOSE_URL: Final = "https://outlook.live.com/calendar/0/deeplink/compose"


OUTLOOK_COM: Final = Provider(
    key="outlookcom",
    short_name="Outlook.com",
    calendar_name=marked("Outlook.com"),
    summary=marked(
        "Adds an Outlook.com button beside every date on a record. A click opens Outlook.com "
        "in a new tab with the event filled in."
    ),
    destination=marked(
        "Events go to the personal Microsoft account (Outlook.com, Hotmail, Live) signed in "
        "to this browser."
    ),
    hint=fixed_words(
        "Opens Outlook.com in a new tab, in the personal Microsoft account signed in to this "
        "browser. You review and save the event there."
    ),
    notice=fixed_words(
        "Opened in Outlook.com (personal Microsoft account). Save it there; later "
        "changes here don't sync."
    ),
    action=compose_action(OUTLOOK_COM_COMPOSE_URL),
    # The compose link has no parameter for a repeating event.
    repeats=False,
)
