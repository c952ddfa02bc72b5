"""Fitting an event into a calendar's web link: the length cap, with the record link kept whole (pure).

Every calendar reached through a link (Google Calendar, Outlook on the web) shares this: a
link that opens must stay short, and what has to go is cut visibly and in a fixed order, so
that the one thing a CRM needs in the event, the link back to the record, always survives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Final
from urllib.parse import quote, urlencode

from calendar_links_core.draft import EventDraft
from calendar_links_core.text import visible_prefix

__all__ = ["ELLIPSIS", "MAX_URL_LENGTH", "LinkText", "fitted_url", "iso_moment"]

# Longest web link we hand out, in bytes (the links are ASCII). Google answers
# 414 "URI Too Long" somewhere past a few kilobytes and documents no limit;
# other add-to-calendar tools keep their links under 2,000-3,000 bytes, and
# 2,000 also stays under the oldest browser limit still quoted (2,083).
# Outlook on the web documents nothing either, and a signed-out person is sent
# through Microsoft's sign-in with the whole link in its own query string, so
# it gets the same cap.
MAX_URL_LENGTH: Final = 2000

# Ends every text that was shortened to fit MAX_URL_LENGTH.
ELLIPSIS: Final = "…"


@dataclass(frozen=True, slots=True)
class LinkText:
    """The texts of a web link that may be shortened, and whether the optional source link goes in."""

    title: str
    details: str
    location: str
    with_source: bool = True


Query = Callable[[LinkText], list[tuple[str, str]]]


def iso_moment(moment: date | datetime) -> str:
    """A date as YYYY-MM-DD, or a UTC instant as YYYY-MM-DDTHH:MM:SSZ."""
    if isinstance(moment, datetime):
        return f"{moment.date().isoformat()}T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}Z"
    return moment.isoformat()


def fitted_url(base: str, draft: EventDraft, query: Query) -> str:
    """The link base?query(texts of draft), shortened visibly when longer than MAX_URL_LENGTH."""
    # In turn, until it fits: the optional source link goes; the description
    # is cut and ends with ELLIPSIS, then the record link, whole, on a line of
    # its own; the location is cut (ELLIPSIS); the title is cut (ELLIPSIS).
    # Text is cut before it is percent-encoded, so no escape is ever split,
    # and never inside a visible character. Only a record link or account of
    # well over a kilobyte can keep a link too long; it is then as short as it
    # can get.

    def url(text: LinkText) -> str:
        # "/" stays as it is (RFC 3986 section 3.4 allows it in a query), so
        # dates and paths read as documented; everything else is escaped, and
        # a space is %20, never "+".
        return f"{base}?{urlencode(query(text), safe='/', quote_via=quote)}"

    def fits(text: LinkText) -> bool:
        return len(url(text)) <= MAX_URL_LENGTH

    full = LinkText(draft.title, draft.description, draft.location)
    if fits(full):
        return url(full)
    sourceless = replace(full, with_source=False)
    if fits(sourceless):
        return url(sourceless)
    body, link = _description_parts(draft)
    tail = f"{ELLIPSIS}\n{link}" if link else ELLIPSIS
    cut_details = _longest_fitting(lambda details: replace(sourceless, details=details), body, tail, fits)
    if fits(cut_details):
        return url(cut_details)
    cut_location = _longest_fitting(
        lambda location: replace(cut_details, location=location), draft.location, ELLIPSIS, fits
    )
    if fits(cut_location):
        return url(cut_location)
    return url(_longest_fitting(lambda title: replace(cut_location, title=title), draft.title, ELLIPSIS, fits))


def _description_parts(draft: EventDraft) -> tuple[str, str]:
    """The description without its closing record-link line, and the record link."""
    link = draft.record_url
    if link and draft.description == link:
        return "", link
    if link and draft.description.endswith(f"\n{link}"):
        return draft.description[: -len(link) - 1], link
    return draft.description, link


def _longest_fitting(
    with_text: Callable[[str], LinkText], full: str, tail: str, fits: Callable[[LinkText], bool]
) -> LinkText:
    """with_text of the longest prefix of full, plus tail, that fits; of the empty prefix if none does."""

    def cut(length: int) -> LinkText:
        return with_text(visible_prefix(full, length) + tail)

    # Each kept character adds at least one byte, so no more than
    # MAX_URL_LENGTH of them can fit.
    low, high = 0, min(len(full), MAX_URL_LENGTH)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(cut(middle)):
            low = middle
        else:
            high = middle - 1
    return cut(low)
