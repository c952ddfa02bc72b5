"""The person's settings as this browser keeps them: read from localStorage, saved, announced.

The app and the marketplace both go through here and never through each other: a save
writes the value and tells the page (SETTINGS_CHANGED_EVENT on window), and whoever shows
something reads the settings again. A value the browser refuses to store (full or blocked
storage) still applies on this page until it is reloaded.
"""

from __future__ import annotations


from calendar_links_page.interop import js
from calendar_links_page import browser_actions as browser
from calendar_links_core.settings import SETTINGS_KEYS, Settings, parse_settings

__all__ = ["SETTINGS_CHANGED_EVENT", "current", "save"]

SETTINGS_CHANGED_EVENT = "calendar-links:settings-changed"

# Values the browser refused to store, by key: they win over storage until a reload.
_unsaved: dict[str, str] = {}


def current() -> Settings:
    """The settings now: stored values, with any the browser refused to store on top."""
    return parse_settings({key: _unsaved[key] if key in _unsaved else browser.stored_text(key) for key in SETTINGS_KEYS})


def save(key: str, value: str) -> bool:
    """Store one setting and tell the page; False when the browser refused to store it."""
    saved = browser.store_text(key, value)
    if saved:
        _unsaved.pop(key, None)
    else:
        _unsaved[key] = value
    js.window.dispatchEvent(js.Event.new(SETTINGS_CHANGED_EVENT))
    return saved
