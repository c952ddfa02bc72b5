"""The protocol every calendar module follows, and the actions a click can lead to (pure).

A calendar is a `Provider`: its key, the words people see, which account receives the event,
and `action`, which turns one event into what the browser must do: open a URL in a new tab
(`OpenUrl`) or save a file (`DownloadFile`). The shell carries out an action without knowing
which calendar asked for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Final, TypeAlias

from calendar_links_core.draft import EventDraft
from calendar_links_core.errors import InvalidValue
from calendar_links_core.wording import Words, words

__all__ = ["Action", "Click", "DownloadFile", "OpenUrl", "Preferences", "Provider", "fixed_words"]

# Lower-case letters and digits: a key is a JSON name in the stored integrations, a
# data-calendar-provider value and part of an icon's file name.
_KEY: Final = re.compile(r"[a-z][a-z0-9]*", re.ASCII)


@dataclass(frozen=True, slots=True)
class Preferences:
    """The person's settings that change what a calendar does or says."""

    google_account: str | None = None
    # Whole minutes before the start for the VALARM of an .ics file; None: no reminder.
    reminder_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class Click:
    """What a click adds to the event besides the field: the settings and the moment."""

    preferences: Preferences
    stamp: datetime
    sequence: int


@dataclass(frozen=True, slots=True)
class OpenUrl:
    """Open url in a new tab, synchronously inside the click (pop-up blockers allow nothing else)."""

    url: str


@dataclass(frozen=True, slots=True)
class DownloadFile:
    """Save content as a file called file_name."""

    content: bytes
    file_name: str
    media_type: str


Action: TypeAlias = OpenUrl | DownloadFile


@dataclass(frozen=True, slots=True)
class Provider:
    """One calendar: what it is called, where its events land, and what a click does."""

    key: str
    # On the button, next to the icon.
    short_name: str
    # In sentences and accessible names: "Add Birthday to Google Calendar".
    calendar_name: str
    # The marketplace card: what enabling it adds, and where the events land.
    summary: str
    destination: str
    # Words, so the shell shows them in the page's language; the other texts are message
    # ids (wording.marked) that it translates the same way.
    hint: Callable[[Preferences], Words]
    notice: Callable[[Preferences], Words]
    action: Callable[[EventDraft, Click], Action]
    # Whether the calendar's action carries a yearly rule (data-repeat="yearly"); one that
    # can't would make a single event on the series' first day instead.
    repeats: bool = True

    def __post_init__(self) -> None:
        if _KEY.fullmatch(self.key) is None:
            raise InvalidValue(f"provider key {self.key!r} must be lower-case letters and digits.")
        for name in ("short_name", "calendar_name", "summary", "destination"):
            if not getattr(self, name).strip():
                raise InvalidValue(f"provider {self.key!r} needs a {name}.")


def fixed_words(msgid: str) -> Callable[[Preferences], Words]:
    """Words for a hint or notice that no setting changes (a marker for the catalogs, like words)."""
    return lambda _preferences: words(msgid)
