"""What a click on a calendar button does: read the field as it is now, make the event, and carry
out what the calendar asks for (a new tab or a download)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, assert_never

from calendar_links_page.interop import dom
from calendar_links_page import added_store
from calendar_links_page import browser_actions as browser
from calendar_links_page import page_reader as reader
from calendar_links_page import page_render as render
from calendar_links_page import substitutes
from calendar_links_core.added_events import cancellation_draft, event_dates, next_sequence, with_addition, with_cancellation
from calendar_links import (
    ICS_MEDIA_TYPE,
    EmptyField,
    PageContext,
    Problem,
    event_draft,
    event_title,
    event_uid,
    event_when,
    ics_cancellation,
    ics_file_name,
)
from calendar_links_core.providers.base import Action, Click, DownloadFile, OpenUrl, Preferences, Provider
from calendar_links_core.providers.registry import PROVIDERS, calendar_names, provider_named
from calendar_links_core.frames import Substitute, download_substitute, may_download, tab_substitute
from calendar_links_core.ui_text import CALENDAR_GONE, CANCEL_NOTICE, FIELD_GONE, click_notice, inactive, no_repeat

__all__ = ["carry_out", "explained_problem", "on_cancel_click", "on_provider_click"]


def carry_out(action: Action, calendar_name: str) -> Substitute | None:
    """Carry out a calendar's action in the browser; what to offer instead when the browser
    refused it or a frame may have dropped it (None: it happened). An action of no known kind
    fails loudly."""
    match action:
        case OpenUrl(url=url):
            if browser.open_tab(url):
                return None
            return tab_substitute(calendar_name, url, browser.frames(), browser.can_share(url))
        case DownloadFile():
            return _download(action)
        case _:
            assert_never(action)


def _download(file: DownloadFile) -> Substitute | None:
    limits = browser.frames()
    if may_download(limits):
        browser.download_file(file.content, file.file_name, file.media_type)
    return download_substitute(
        file.file_name,
        file.content,
        file.media_type,
        limits,
        lambda text: browser.can_share(text, file.file_name, file.media_type),
    )


def _field_of(group: Any) -> Any:
    """The group's field, or None (after saying so) when it is no longer on the page."""
    field = render.field_before(group)
    key = reader.attribute(group, "data-calendar-for")
    if field is None or not dom.matches(field, reader.FIELD_SELECTOR) or reader.field_key(field) != key:
        render.show_message(group, FIELD_GONE, announce_it=True)
        return None
    return field


def on_provider_click(
    button: Any, group: Any, offered: Sequence[Provider], preferences: Preferences, page: PageContext
) -> None:
    """Make the event for the clicked calendar button from the field's value as it is now."""
    field = _field_of(group)
    if field is None:
        return
    provider = provider_named(reader.attribute(button, "data-calendar-provider") or "", offered)
    if provider is None:
        render.show_message(group, CALENDAR_GONE, announce_it=True)
        return
    draft = event_draft(
        reader.record_attributes(reader.record_of(field)), reader.field_attributes(field), page, reader.end_snapshot(field)
    )
    if isinstance(draft, Problem):
        # An inactive button: say again what is wrong and what to do, and make no event.
        _explain(group, draft)
        return
    if draft.yearly and not provider.repeats:
        render.show_notice(group, no_repeat(provider))
        return
    events = added_store.current()
    before = events.get(draft.uid)
    # Calendars reached by a link keep the old dates: they can't be updated from here.
    stale_links = calendar_names(before.linked, PROVIDERS) if before is not None and before.dates != event_dates(draft) else ()
    stamp = browser.now()
    sequence = next_sequence(events, draft.uid, stamp)
    action = provider.action(draft, Click(preferences, stamp, sequence))
    substitute = carry_out(action, provider.calendar_name)
    if substitute is not None:
        # Never "opened" or "downloaded", nor remembered, when it didn't or may not have
        # happened: the person gets what still works.
        substitutes.show_substitute(group, substitute)
        return
    # Only a file carries the SEQUENCE; a link can't update or cancel what it made.
    sent = sequence if isinstance(action, DownloadFile) else None
    remembered = with_addition(events, draft, provider.key, int(stamp.timestamp()), sent)
    added_store.keep(remembered)
    render.show_state(group, "added", "", remembered[draft.uid].calendars)
    render.show_message(group, None)
    render.show_notice(group, click_notice(provider.notice(preferences), event_when(draft), stale_links))


def explained_problem(group: Any, page: PageContext) -> bool:
    """Before an inactive group's menu opens: say what is wrong with the value, if it still is."""
    field = _field_of(group)
    if field is None:
        return True
    draft = event_draft(
        reader.record_attributes(reader.record_of(field)), reader.field_attributes(field), page, reader.end_snapshot(field)
    )
    if isinstance(draft, Problem):
        _explain(group, draft)
        return True
    render.show_message(group, None)
    return False


def _explain(group: Any, problem: Problem) -> None:
    # An empty field is no error: its note stays quiet in style, though read out on a click.
    if isinstance(problem, EmptyField):
        render.show_message(group, problem.reason, waiting=True, announce_it=True)
    else:
        render.show_message(group, inactive(problem.reason), announce_it=True)


def on_cancel_click(group: Any, page: PageContext) -> None:
    """Download the cancellation of the event this browser added by .ics for the field."""
    field = _field_of(group)
    if field is None:
        return
    record, snapshot = reader.record_attributes(reader.record_of(field)), reader.field_attributes(field)
    uid = event_uid(record, snapshot, page)
    events = added_store.current()
    added = events.get(uid)
    cancelled = cancellation_draft(added, event_title(record, snapshot)) if added is not None else None
    if cancelled is None:
        render.show_state(group, "new", "")
        return
    stamp = browser.now()
    sequence = next_sequence(events, uid, stamp)
    download = DownloadFile(ics_cancellation(cancelled, stamp, sequence), ics_file_name(cancelled), ICS_MEDIA_TYPE)
    substitute = _download(download)
    if substitute is not None:
        # The event stays remembered as added: its cancel button stays for another try.
        substitutes.show_substitute(group, substitute)
        return
    added_store.keep(with_cancellation(events, uid, sequence, int(stamp.timestamp())))
    render.show_state(group, "new", "")
    render.show_notice(group, CANCEL_NOTICE)
