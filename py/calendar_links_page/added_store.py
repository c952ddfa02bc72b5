"""What this browser added before, as localStorage keeps it (calendar-links:added).

Read once at start and again when another tab changes it; every addition or cancellation is
written back at once. A browser that refuses to store keeps the memory for this page only.
"""

from __future__ import annotations

from calendar_links_page import browser_actions as browser
from calendar_links_core.added_events import ADDED_KEY, AddedEvent, added_json, parse_added

__all__ = ["ADDED_KEY", "current", "keep", "load"]

_events: dict[str, AddedEvent] = {}


def load() -> None:
    """Read the memory from storage (corrupt or absent: empty)."""
    global _events
    _events = parse_added(browser.stored_text(ADDED_KEY))


def current() -> dict[str, AddedEvent]:
    """The remembered events by UID."""
    return _events


def keep(events: dict[str, AddedEvent]) -> None:
    """Remember events from now on, and store them."""
    global _events
    _events = events
    browser.store_text(ADDED_KEY, added_json(events))
