"""What a click on a calendar button does: read the field as it is now, make the event, and carry
out what the calendar asks for (a new tab or a download)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any, assert_never

import browser_actions as browser
import calendar_links_dom as dom
import page_reader as reader
import page_render as render
from calendar_links import PageContext, Problem, event_draft, ics_sequence
from providers.base import Action, Click, DownloadFile, OpenUrl, Preferences, Provider
from providers.registry import provider_named
from click_guard import is_repeat
from ui_text import tab_blocked

__all__ = ["on_provider_click", "perform"]


def perform(action: Action) -> bool:
    """Carry out a calendar's action in the browser: False when the browser refused it (a blocked
    tab); an action of no known kind fails loudly."""
    match action:
        case OpenUrl(url=url):
            return browser.open_tab(url)
        case DownloadFile(content=content, file_name=file_name, media_type=media_type):
            browser.download_file(content, file_name, media_type)
            return True
        case _:
            assert_never(action)


def _last_click(button: Any) -> tuple[str, float] | None:
    """The event the button last made, and when (kept on the button itself)."""
    at = getattr(button, "calendarLinksLastAt", None)
    return None if at is None else (str(button.calendarLinksLastEvent), float(at))


def on_provider_click(
    button: Any, group: Any, offered: Sequence[Provider], preferences: Preferences, page: PageContext
) -> None:
    """Make the event for the clicked calendar button from the field's value as it is now."""
    field = reader.present(group.previousElementSibling)
    key = reader.attribute(group, "data-calendar-for")
    if field is None or not dom.matches(field, reader.FIELD_SELECTOR) or reader.field_key(field) != key:
        render.show_message(group, "This field is no longer on the page.", problem=True, announce_it=True)
        return
    provider = provider_named(reader.attribute(button, "data-calendar-provider") or "", offered)
    if provider is None:
        render.show_message(group, "This calendar is no longer enabled.", problem=True, announce_it=True)
        return
    draft = event_draft(reader.record_attributes(reader.record_of(field)), reader.field_attributes(field), page)
    if isinstance(draft, Problem):
        render.show_message(group, draft.message, problem=True, announce_it=True)
        return
    # The same event from the same button a moment ago: one tab or file, however many clicks.
    event, now_ms = hashlib.sha256(repr(draft).encode()).hexdigest(), browser.monotonic_ms()
    if is_repeat(_last_click(button), event, now_ms):
        return
    button.calendarLinksLastEvent, button.calendarLinksLastAt = event, now_ms
    stamp = browser.now()
    action = provider.action(draft, Click(preferences, stamp, ics_sequence(stamp)))
    if perform(action):
        render.show_message(group, provider.notice(preferences), problem=False, announce_it=True)
    elif isinstance(action, OpenUrl):
        # Never "opened" when nothing opened: the person gets the link to open it themselves.
        notice, link_text = tab_blocked(provider.calendar_name)
        render.show_message_with_link(group, notice, link_text, action.url)
