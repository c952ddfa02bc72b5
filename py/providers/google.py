"""Google Calendar: a new tab on Google's event-template link, every detail filled in (pure)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

from calendar_links import EventDraft
from providers.base import Click, OpenUrl, Preferences, Provider
from providers.web_link import LinkText, fitted_url

__all__ = ["GOOGLE", "GOOGLE_CALENDAR_URL", "google_calendar_url"]

GOOGLE_CALENDAR_URL: Final = "https://calendar.google.com/calendar/render"


def google_calendar_url(draft: EventDraft, account: str | None = None) -> str:
    """A Google Calendar template link that opens the event filled in, ready to save."""
    # dates are UTC (…Z), or plain dates with the exclusive next-day end for
    # all-day events, so nothing depends on ctz, which Google ignores when it
    # cannot resolve it. ctz (the zone to show the event in) is left off
    # all-day events: it shifts them in Google Calendar for Android
    # (spatie/calendar-links PR 198). authuser picks the account when several
    # are signed in (undocumented, best effort); sprop names the record as the
    # event's source. Links over MAX_URL_LENGTH are shortened by fitted_url.

    def query(text: LinkText) -> list[tuple[str, str]]:
        fields = [
            ("action", "TEMPLATE"),
            ("text", text.title),
            ("dates", f"{_compact_moment(draft.start)}/{_compact_moment(draft.end)}"),
            ("details", text.details),
        ]
        if text.location:
            fields.append(("location", text.location))
        if not draft.all_day:
            fields.append(("ctz", draft.time_zone))
        if text.with_source and draft.record_url:
            fields.append(("sprop", f"website:{draft.record_url}"))
        if account:
            fields.append(("authuser", account))
        return fields

    return fitted_url(GOOGLE_CALENDAR_URL, draft, query)


def _compact_moment(moment: date | datetime) -> str:
    # Formatted by hand: strftime("%Y") leaves years before 1000 unpadded on
    # some C libraries.
    day = f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
    if isinstance(moment, datetime):
        return f"{day}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"
    return day


def _hint(preferences: Preferences) -> str:
    account = (
        f"the Google account {preferences.google_account} (set in App Marketplace)"
        if preferences.google_account
        else "the Google account signed in to this browser"
    )
    return f"Opens Google Calendar in a new tab, in {account}. You review and save the event there."


def _notice(preferences: Preferences) -> str:
    where = preferences.google_account or "the Google account signed in to this browser"
    return f"Opened in Google Calendar ({where}). Save it there; later changes here don't sync."


def _action(draft: EventDraft, click: Click) -> OpenUrl:
    return OpenUrl(google_calendar_url(draft, click.preferences.google_account))


GOOGLE: Final = Provider(
    key="google",
    short_name="Google",
    calendar_name="Google Calendar",
    summary=(
        "Adds a Google button beside every date on a record. A click opens Google Calendar "
        "in a new tab with the event filled in, including a link back to the record."
    ),
    destination=(
        "Events go to the Google account signed in to this browser, which may not be the "
        "inbox connected to this CRM. Set an account below to choose one."
    ),
    hint=_hint,
    notice=_notice,
    action=_action,
)
