"""Outlook.com for personal Microsoft accounts: a new tab, the event filled in (pure)."""

from __future__ import annotations

from typing import Final

from calendar_links import EventDraft
from providers.base import Click, OpenUrl, Preferences, Provider
from providers.outlook_web import outlook_web_url
from wording import Words, marked, words

__all__ = ["OUTLOOK_COM", "OUTLOOK_COM_COMPOSE_URL"]

OUTLOOK_COM_COMPOSE_URL: Final = "https://outlook.live.com/calendar/0/deeplink/compose"


def _hint(_preferences: Preferences) -> Words:
    return words(
        "Opens Outlook.com in a new tab, in the personal Microsoft account signed in to this "
        "browser. You review and save the event there."
    )


def _notice(_preferences: Preferences) -> Words:
    return words("Opened in Outlook.com (personal Microsoft account). Save it there; later changes here don't sync.")


def _action(draft: EventDraft, _click: Click) -> OpenUrl:
    return OpenUrl(outlook_web_url(draft, OUTLOOK_COM_COMPOSE_URL))


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
    hint=_hint,
    notice=_notice,
    action=_action,
)
