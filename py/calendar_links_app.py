"""Wire calendar-links into the page: find fields, keep their buttons in step, answer clicks.

The decisions (what an event is, what a setting means) are the core's; this module reads
snapshots through page_reader, renders through page_render and acts through
browser_actions. Every handler runs inside one error boundary, and the page holds a fixed
number of Python proxies however long it lives: one per listener, the observer and the
scheduler, created once at start.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import js
from pyodide.ffi import create_proxy, to_js

import browser_actions as browser
import page_reader as reader
import page_render as render
from calendar_links import (
    ICS_MEDIA_TYPE,
    EmptyField,
    PageContext,
    Problem,
    date_order_from_locale,
    event_draft,
    field_label,
    google_calendar_url,
    ics_document,
    ics_file_name,
    ics_sequence,
)
from marketplace import MARKETPLACE_SELECTOR, Marketplace
from settings import (
    DEFAULT_DURATION_KEY,
    GOOGLE_ACCOUNT_KEY,
    INTEGRATIONS_KEY,
    Integrations,
    enabled_providers,
    parse_default_duration,
    parse_google_account,
    parse_integrations,
)
from date_names import DateLanguage
from ui_text import Provider, click_notice

__all__ = ["DIAGNOSTICS_EVENT", "SETTINGS_CHANGED_EVENT", "start"]

SETTINGS_CHANGED_EVENT = "calendar-links:settings-changed"
DIAGNOSTICS_EVENT = "calendar-links:diagnostics"
DIAGNOSTICS_ATTRIBUTE = "data-calendar-links-diagnostics"
STATE_ATTRIBUTE = "data-calendar-links-state"
_SETTINGS_KEYS = {INTEGRATIONS_KEY, GOOGLE_ACCOUNT_KEY, DEFAULT_DURATION_KEY}
# A pass over the fields yields to the browser after this long, so a page with thousands
# of fields never blocks input for long. Giving fields their buttons gets longer slices:
# the browser renders between slices, and on a page of 10,000 fields each of those frames
# costs tens of milliseconds however little changed, so fewer slices finish much sooner
# (0.5-0.8 s instead of 0.8-1.0 s for 10,000 fields, measured with bench/run.py).
_CHECK_SLICE_SECONDS = 0.04
_ATTACH_SLICE_SECONDS = 0.1
# Fields given their buttons per call into the page (static/calendar-links-dom.mjs): a few
# milliseconds of work, so a slice still ends close to its deadline.
_ATTACH_BATCH = 500


class _Unchanged:
    """Marks a setting that apply_settings leaves as it is (None is a real account value)."""


_UNCHANGED = _Unchanged()
_UNEXPECTED = "Something went wrong, so no event was made. Reload the page and try again."


class CalendarLinks:
    """The running app on one page."""

    def __init__(self) -> None:
        self.integrations = Integrations()
        self.google_account: str | None = None
        self.default_duration = 30
        self.providers = ""
        self.browser_time_zone = browser.browser_time_zone()
        self.browser_date_order = date_order_from_locale(browser.browser_date_parts())
        # The date words of each page language met so far, from the browser's locale data.
        self._languages: dict[str, DateLanguage | None] = {}
        self._fields: Any = None
        self._next_field = 0
        self._pass_pending = False
        self._restart_pass = False
        self._ready = False
        self._checking = False
        self._started = False
        self.marketplaces: list[Marketplace] = []
        self._observer_options = to_js(
            {
                "subtree": True,
                "childList": True,
                "characterData": True,
                "attributes": True,
                "attributeFilter": reader.WATCHED_ATTRIBUTES,
            },
            dict_converter=js.Object.fromEntries,
        )
        # The only proxies this app creates, each once.
        self._guarded_slice = guarded(self._run_slice)
        self._run_slice_proxy = create_proxy(self._guarded_slice)
        self._observer = js.MutationObserver.new(create_proxy(guarded(self.on_page_mutated)))
        self._listeners = {
            "click": create_proxy(guarded(self.on_button_click)),
            "input": create_proxy(guarded(self.on_field_input)),
            "change": create_proxy(guarded(self.on_field_input)),
        }
        self._window_listeners = {
            "storage": create_proxy(guarded(self.on_storage_changed)),
            SETTINGS_CHANGED_EVENT: create_proxy(guarded(self.on_settings_changed)),
            DIAGNOSTICS_EVENT: create_proxy(guarded(self.on_diagnostics_requested)),
        }

    def start(self) -> None:
        """Read the settings, listen, and put buttons beside every field."""
        self.load_settings()
        self.marketplaces = [
            Marketplace(container, self)
            for container in js.document.querySelectorAll(MARKETPLACE_SELECTOR)
        ]
        self._started = True
        for event, listener in self._listeners.items():
            js.document.addEventListener(event, listener)
        for event, listener in self._window_listeners.items():
            js.window.addEventListener(event, listener)
        self._observe()
        # The first slice runs right away: the page is parsed by now, and a slice keeps to
        # its deadline wherever it runs.
        self.schedule_pass(now=True)

    # Settings -----------------------------------------------------------------------

    def load_settings(self) -> None:
        """Read the stored settings; anything unreadable means the default."""
        self.apply_settings(
            integrations=parse_integrations(browser.stored_text(INTEGRATIONS_KEY)),
            google_account=parse_google_account(browser.stored_text(GOOGLE_ACCOUNT_KEY)),
            default_duration=parse_default_duration(browser.stored_text(DEFAULT_DURATION_KEY)),
        )

    def apply_settings(
        self,
        *,
        integrations: Integrations | None = None,
        google_account: str | None | _Unchanged = _UNCHANGED,
        default_duration: int | None = None,
    ) -> None:
        """Use new settings on this page now: buttons follow within a frame."""
        if integrations is not None:
            self.integrations = integrations
            self.providers = enabled_providers(integrations)
        if not isinstance(google_account, _Unchanged):
            self.google_account = google_account
        if default_duration is not None:
            self.default_duration = default_duration
        for marketplace in self.marketplaces:
            marketplace.refresh()
        if self._started:
            self.schedule_pass(revalidate=True)

    def guard(self, handler: Callable[..., None]) -> Callable[..., None]:
        """The app's error boundary, for other parts of the page (the marketplace)."""
        return guarded(handler)

    def on_storage_changed(self, event: Any) -> None:
        """Another tab changed a setting (or cleared storage: key is null then)."""
        key = reader.present(event.key)
        if key is None or key in _SETTINGS_KEYS:
            self.on_settings_changed(event)

    def on_settings_changed(self, _event: Any) -> None:
        """A setting changed: re-read it and bring every field's buttons in line."""
        self.load_settings()

    # Passes over the page -----------------------------------------------------------

    def schedule_pass(self, *, revalidate: bool = False, now: bool = False) -> None:
        """Bring every field in line soon (now: begin at once), in slices; a pass under way
        starts over."""
        if revalidate:
            self._clear_signatures()
        if self._pass_pending:
            self._restart_pass = True
            return
        self._pass_pending = True
        self._fields = None
        if now:
            self._guarded_slice()
        else:
            js.setTimeout(self._run_slice_proxy, 0)

    def _run_slice(self) -> None:
        """One slice of a pass. A pass first gives every field its buttons (then the page is
        ready: every button works, and a click reads and checks the value itself), then
        checks every value so that unreadable ones show their message before anyone clicks."""
        with self._quiet():
            if self._fields is None or self._restart_pass:
                self._restart_pass = False
                render.mark_auto_fields()
                self._fields = js.document.querySelectorAll(reader.FIELD_SELECTOR)
                self._next_field = 0
                self._checking = False
            deadline = time.perf_counter() + (_CHECK_SLICE_SECONDS if self._checking else _ATTACH_SLICE_SECONDS)
            fields, count = self._fields, self._fields.length
            while self._next_field < count:
                if self._checking:
                    self.check_field(fields.item(self._next_field))
                    self._next_field += 1
                else:
                    stop = min(count, self._next_field + _ATTACH_BATCH)
                    render.attach_groups(fields, self._next_field, stop, self.providers, self.google_account)
                    self._next_field = stop
                if time.perf_counter() > deadline:
                    js.setTimeout(self._run_slice_proxy, 0)
                    return
            if not self._checking:
                render.remove_orphan_groups(reader.FIELD_SELECTOR)
                self._announce_ready()
                self._checking, self._next_field = True, 0
                js.setTimeout(self._run_slice_proxy, 0)
                return
        self._fields = None
        self._pass_pending = False
        if self._restart_pass:
            self._restart_pass = False
            self.schedule_pass()

    def _announce_ready(self) -> None:
        if self._ready:
            return
        self._ready = True
        js.document.documentElement.setAttribute(STATE_ATTRIBUTE, "ready")
        # Measured from navigation start by the benchmark (bench/run.py).
        js.performance.mark("calendar-links:ready")
        js.window.dispatchEvent(js.Event.new("calendar-links:ready"))

    def sync_field(self, field: Any) -> None:
        """Bring one field in line at once: its buttons and the state of its value."""
        render.attach_groups(js.Array.of(field), 0, 1, self.providers, self.google_account)
        self.check_field(field)

    def check_field(self, field: Any) -> None:
        """Re-check the field's value when anything it depends on changed since last time."""
        group = render.group_after(field)
        if group is None:
            return
        record = reader.record_attributes(reader.record_of(field))
        snapshot = reader.field_attributes(field)
        page = self._page_context(field)
        language = page.date_language.tag if page.date_language is not None else ""
        signature = repr((record, snapshot, language, self.default_duration, self.google_account))
        previous = getattr(group, "calendarLinksSignature", None)
        if previous == signature:
            return
        group.calendarLinksSignature = signature
        if previous is not None:
            # A group made for other settings or another label: new words on the buttons.
            render.update_texts(group, field_label(snapshot), self.google_account)
        draft = event_draft(record, snapshot, page)
        problem = draft.message if isinstance(draft, Problem) else ""
        if problem or previous is not None or render.shows_state(group):
            render.show_message(group, problem, problem=bool(problem), waiting=isinstance(draft, EmptyField))

    def _clear_signatures(self) -> None:
        # Empty rather than absent: check_field then also renews the buttons' words.
        for group in js.document.querySelectorAll("." + render.GROUP_CLASS):
            group.calendarLinksSignature = ""

    # Handlers -----------------------------------------------------------------------

    def on_page_mutated(self, _records: Any, _observer: Any) -> None:
        """The host page changed records or fields (single-page apps re-render all the time)."""
        self.schedule_pass()

    def on_field_input(self, event: Any) -> None:
        """A person edited a field's input: re-check that field at once."""
        target = event.target
        field = reader.present(target.closest(reader.FIELD_SELECTOR)) if _is_element(target) else None
        if field is not None:
            with self._quiet():
                self.sync_field(field)

    def on_button_click(self, event: Any) -> None:
        """Make the event for the clicked button from the field's value as it is now."""
        target = event.target
        button = (
            reader.present(target.closest("button[data-calendar-provider]")) if _is_element(target) else None
        )
        group = reader.present(button.closest("." + render.GROUP_CLASS)) if button is not None else None
        if group is None:
            return
        with self._quiet():
            field = render.field_before(group)
            key = reader.attribute(group, "data-calendar-for")
            if field is None or not field.matches(reader.FIELD_SELECTOR) or reader.field_key(field) != key:
                render.show_message(group, "This field is no longer on the page.", problem=True)
                return
            draft = event_draft(
                reader.record_attributes(reader.record_of(field)),
                reader.field_attributes(field),
                self._page_context(field),
            )
            if isinstance(draft, Problem):
                render.show_message(group, draft.message, problem=True, waiting=isinstance(draft, EmptyField))
                return
            provider: Provider = button.getAttribute("data-calendar-provider")
            if provider == "google":
                browser.open_tab(google_calendar_url(draft, self.google_account))
            else:
                stamp = browser.now()
                browser.download_file(
                    ics_document(draft, stamp, ics_sequence(stamp)),
                    ics_file_name(draft),
                    ICS_MEDIA_TYPE,
                )
            render.show_message(group, click_notice(provider, self.google_account), problem=False)

    def on_diagnostics_requested(self, _event: Any) -> None:
        """Report figures that show leaks in a long session (read by the soak test)."""
        gc.collect()
        figures = {
            "pythonObjects": len(gc.get_objects()),
            "buttonGroups": js.document.querySelectorAll("." + render.GROUP_CLASS).length,
        }
        js.document.documentElement.setAttribute(DIAGNOSTICS_ATTRIBUTE, json.dumps(figures))

    # Helpers ------------------------------------------------------------------------

    def _page_context(self, field: Any) -> PageContext:
        return PageContext(
            page_url=browser.page_url(),
            browser_time_zone=self.browser_time_zone,
            browser_date_order=self.browser_date_order,
            default_duration_minutes=self.default_duration,
            date_language=self._language(reader.field_language(field)),
        )

    def _language(self, tag: str) -> DateLanguage | None:
        if tag not in self._languages:
            self._languages[tag] = browser.date_language(tag, self.browser_date_order)
        return self._languages[tag]

    def _observe(self) -> None:
        self._observer.observe(js.document.documentElement, self._observer_options)

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        """Make our own changes to the page without hearing them back from the observer."""
        if self._observer.takeRecords().length:
            # The host changed something since the last callback: look at it after this.
            self._restart_pass = True
            if not self._pass_pending:
                self.schedule_pass()
        self._observer.disconnect()
        try:
            yield
        finally:
            self._observe()


def _is_element(target: Any) -> bool:
    """Whether an event target is an element (text nodes, the document and windows aren't)."""
    return reader.present(target) is not None and getattr(target, "nodeType", None) == 1


def guarded(handler: Callable[..., None]) -> Callable[..., None]:
    """The error boundary: an unexpected error is logged once and never reaches the page as a traceback."""

    def run(*args: Any) -> None:
        try:
            handler(*args)
        except Exception as error:  # noqa: BLE001 - the boundary is meant to catch everything
            js.console.error(f"calendar-links: {type(error).__name__}: {error}")
            event = args[0] if args else None
            target = getattr(event, "target", None)
            group = reader.present(target.closest("." + render.GROUP_CLASS)) if _is_element(target) else None
            if group is not None:
                render.show_message(group, _UNEXPECTED, problem=False)

    return run


_running: CalendarLinks | None = None


def start() -> CalendarLinks:
    """Start calendar-links on this page, once: later calls return the app already running.

    The runtime module starts it as soon as Python is ready; the page's own
    `calendar_links_app.start()` then finds it running.
    """
    global _running
    if _running is None:
        # Read by the benchmark (bench/run.py): from here to calendar-links:ready is the
        # app's own work on the page.
        js.performance.mark("calendar-links:start")
        _running = CalendarLinks()
        _running.start()
    return _running
