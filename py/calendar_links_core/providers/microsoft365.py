"""Outlook on the web for work and school accounts (Microsoft 365): a new tab, the event filled in (pure)."""

from __future__ import annotations

from typing import Final

from calendar_links_core.providers.base import Provider, fixed_words
from calendar_links_core.providers.outlook_web import compose_action
from calendar_links_core.wording import marked

__all__ = ["MICROSOFT_365", "MICROSOFT_365_COMPOSE_URL"]

# Microsoft moved Outlook on the web for work accounts to outlook.cloud.microsoft; compose
# links on outlook.office.com fail since May 2026 with "AADSTS90015: Requested query string
# is too long" (spatie/calendar-links issue 215).
MICROSOFT_365_COMPOSE_URL: Final = "https://outlook.cloud.microsoft/calendar/0/deeplink/compose"


MICROSOFT_365: Final = Provider(
    key="microsoft365",
    short_name="Microsoft 365",
    # The button shows "Microsoft 365": its accessible name must contain that text as written
    # (WCAG 2.5.3), which "(Microsoft 365)" in parentheses fails in axe-core.
    calendar_name=marked("Microsoft 365 (Outlook on the web)"),
    summary=marked(
        "Adds a Microsoft 365 button beside every date on a record. A click opens Outlook on "
        "the web in a new tab with the event filled in: no file to download and open."
    ),
    destination=marked(
        "Events go to the work or school account signed in to Outlook on the web in this "
        "browser, which may not be the mailbox connected to this CRM."
    ),
    hint=fixed_words(
        "Opens Outlook on the web in a new tab, in the work or school account signed in to "
        "this browser. You review and save the event there."
    ),
    notice=fixed_words(
        "Opened in Outlook on the web (work or school account). Save it there; later "
        "changes here don't sync."
    ),
    action=compose_action(MICROSOFT_365_COMPOSE_URL),
    # The compose link has no parameter for a repeating event.
    repeats=False,
)
