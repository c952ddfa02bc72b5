"""Google Calendar: a new tab on Google's event-template link, every detail filled in (pure)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

from calendar_links_core.draft import EventDraft, recurrence_rule
from calendar_links_core.providers.base import Click, OpenUrl, Preferences, Provider
from calendar_links_core.providers.web_link import LinkText, fitted_url
from calendar_links_core.wording import Words, marked, words

__all__ = ["GOOGLE", "GOOGLE_CALENDAR_URL", "google_calendar_url", "google_knows_zone"]

GOOGLE_CALENDAR_URL: Final = "https://calendar.google.com/calendar/render"


def google_calendar_url(draft: EventDraft, account: str | None = None) -> str:
    """A Google Calendar template link that opens the event filled in, ready to save."""
    # dates are UTC (…Z), or plain dates with the exclusive next-day end for
    # all-day events, so nothing depends on ctz, which Google ignores when it
    # cannot resolve it. ctz (the zone to show the event in) is left off
    # all-day events: it shifts them in Google Calendar for Android
    # (spatie/calendar-links PR 198). authuser picks the account when several
    # are signed in (undocumented, best effort); sprop names the record as the
    # event's source; recur carries a yearly rule with its "RRULE:" prefix.
    # Links over MAX_URL_LENGTH are shortened by fitted_url.

    def query(text: LinkText) -> list[tuple[str, str]]:
        fields = [
            ("action", "TEMPLATE"),
            ("text", text.title),
            ("dates", f"{_compact_moment(draft.start)}/{_compact_moment(draft.end)}"),
            ("details", text.details),
        ]
        if text.location:
            fields.append(("location", text.location))
        if not draft.all_day and google_knows_zone(draft.time_zone):
            fields.append(("ctz", draft.time_zone))
        rule = recurrence_rule(draft)
        if rule:
            fields.append(("recur", f"RRULE:{rule}"))
        # crm is Google's Busy/Free choice, trp the RFC 5545 transparency;
        # Google reads trp on timed events only and crm on both
        # (add-event-to-calendar-docs, services/google.md).
        busy = draft.show_as == "busy"
        fields += [("crm", "BUSY" if busy else "AVAILABLE"), ("trp", "true" if busy else "false")]
        if text.with_source and draft.record_url:
            fields.append(("sprop", f"website:{draft.record_url}"))
        if account:
            fields.append(("authuser", account))
        return fields

    return fitted_url(GOOGLE_CALENDAR_URL, draft, query)


# The areas of the IANA database whose zones are places (Area/Location).
# Google Calendar lists places only: it drops a ctz it does not know
# (Etc/GMT+5, EST, EST5EDT, Factory, the old US/... and Canada/... links)
# and shows the event in the viewer's zone instead. UTC it knows.
_PLACE_AREAS: Final = frozenset(
    {"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}
)


def google_knows_zone(zone: str) -> bool:
    """Whether Google Calendar's ctz takes this IANA zone name: a place (Area/Location) or UTC."""
    area, slash, _ = zone.partition("/")
    return zone == "UTC" or (slash == "/" and area in _PLACE_AREAS)


def _compact_moment(moment: date | datetime) -> str:
    # Formatted by hand: strftime("%Y") leaves years before 1000 unpadded on
    # some C libraries.
    day = f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
    if isinstance(moment, datetime):
        return f"{day}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"
    return day


def _hint(preferences: Preferences) -> Words:
    if preferences.google_account:
        return words(
            "Opens Google Calendar in a new tab, in the Google account {account} (set in App Marketplace). "
            "You review and save the event there.",
            account=preferences.google_account,
        )
    return words(
        "Opens Google Calendar in a new tab, in the Google account signed in to this browser. "
        "You review and save the event there."
    )


def _notice(preferences: Preferences) -> Words:
    if preferences.google_account:
        return words(
            "Opened in Google Calendar ({account}). Save it there; later changes here don't sync.",
            account=preferences.google_account,
        )
    return words(
        "Opened in Google Calendar (the Google account signed in to this browser). "
        "Save it there; later changes here don't sync."
    )


def _action(draft: EventDraft, click: Click) -> OpenUrl:
    return OpenUrl(google_calendar_url(draft, click.preferences.google_account))


GOOGLE: Final = Provider(
    key="google",
    short_name="Google",
    calendar_name=marked("Google Calendar"),
    summary=marked(
        "Adds a Google button beside every date on a record. A click opens Google Calendar "
        "in a new tab with the event filled in, including a link back to the record."
    ),
    destination=marked(
        "Events go to the Google account signed in to this browser, which may not be the "
        "inbox connected to this CRM. Set an account below to choose one."
    ),
    hint=_hint,
    notice=_notice,
    action=_action,
)
