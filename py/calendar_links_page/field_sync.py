"""Keep every field's button group in step with the page, in slices that yield to the browser.

A pass (scheduling.PassScheduler says what one is) gives every field its group, marks the
page ready the first time, then checks each value so that an unreadable one shows its
message before anyone clicks. The observer hears the host page change and asks for a pass;
our own changes to the page are made "quietly", so we never hear them back.

On a very long page (more than WINDOW_FROM fields) a pass watches the fields instead of
giving each a group: calendar-links-dom.mjs says when runs of them come near the view or go
far, and the fields that came near join the next pass like fields the host changed.

A host page can make any step fail (a form control named like a DOM method, a polluted
prototype): the failing field or batch is skipped and reported once, and the pass goes on;
a slice that fails as a whole drops its pass, and the next change of the page starts anew.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol


from calendar_links_page.interop import dom, js, js_object, present
from calendar_links_page import added_store
from calendar_links_page import page_reader as reader
from calendar_links_page import page_render as render
from calendar_links import PageContext, event_draft, event_uid, field_label
from calendar_links_page.error_boundary import listener, report
from calendar_links_core.providers.base import Preferences, Provider
from calendar_links_core.group_view import GroupView, group_view
from calendar_links_core.providers.registry import PROVIDERS
from calendar_links_core.scheduling import Listing, NearView, PassScheduler, Phase, SliceEnd
from calendar_links_core.settings import Settings

__all__ = ["FieldSync", "SyncSettings", "check_field"]

STATE_ATTRIBUTE = "data-calendar-links-state"
# A slice yields to the browser after this long, so a page with thousands of fields never
# blocks input for long, and a host that keeps changing the page still gets its timers and
# frames in between (a 5,000-field storm: bench/scale.py).
_SLICE_SECONDS = 0.02
# Fields given their buttons per call into the page (web/calendar-links-dom.mjs): a few
# milliseconds of work, so a slice still ends close to its deadline.
_ATTACH_BATCH = 100
# A page with more fields than this (or a host adding more at once) gets groups only near the
# view: three elements and a check per field would cost a page of 50,000 fields 150,000
# elements and about half a minute of checks for buttons nobody sees at once. Defined in
# web/calendar-links-long-pages.mjs, its one home: the runtime reads it before Python starts
# (tests/test_scheduling.py holds NearView to the same line).
WINDOW_FROM: int = dom.WINDOW_FROM


class SyncSettings(Protocol):
    """What a pass needs to know of the app's settings."""

    settings: Settings
    enabled: tuple[Provider, ...]

    @property
    def preferences(self) -> Preferences: ...

    def page_context(self, field: Any = None) -> PageContext: ...


class FieldSync:
    """The passes over the page's fields, and the observer that asks for them."""

    def __init__(self, app: SyncSettings, on_pass_start: Callable[[], None]) -> None:
        self.app = app
        self.on_pass_start = on_pass_start
        self.scheduler = PassScheduler(_ATTACH_BATCH)
        self._fields: Any = None
        # The labels more than one field on the page shows, as of the last pass's start.
        self._shared: frozenset[str] = frozenset()
        self._checked_once = False
        # On a very long page, whether its fields are watched near the view (pure state).
        self.near_view = NearView(WINDOW_FROM)
        self._observer_options = js_object(
            {"subtree": True, "childList": True, "characterData": True, "attributes": True,
             "attributeFilter": reader.WATCHED_ATTRIBUTES}
        )  # fmt: skip
        # Three proxies, each made once: the slice runner, the observer's callback, and the
        # callback for shadow roots that components attach.
        self._run_slice_proxy = listener(self._run_slice)
        self._observer = js.MutationObserver.new(listener(self.on_page_mutated))
        dom.listenForShadowRoots(listener(self.on_shadow_roots_attached))
        dom.listenForWindowChanges(listener(self.on_window_changed))

    def start(self) -> None:
        """Observe the page and run the first slice right away (the page is parsed by now)."""
        dom.findShadowRoots(reader.FIELD_SELECTOR)
        # The document itself, not its <html>: a page that replaces <html> is still followed;
        # and every open shadow root on the page.
        dom.observePage(self._observer, self._observer_options)
        if self.scheduler.request():
            self._run_slice()

    def schedule_pass(self) -> None:
        """Bring every field in line soon, in slices; a pass under way starts over."""
        if self.scheduler.request():
            js.setTimeout(self._run_slice_proxy, 0)

    def renew_all(self) -> None:
        """Settings changed: every group gets new words and its value checked again."""
        # Empty rather than absent: check_field then also renews the buttons' words.
        for group in dom.allInPage("." + render.GROUP_CLASS):
            dom.noteGroupSignature(group, "")
        self.schedule_pass()

    def on_page_mutated(self, records: Any, _observer: Any) -> None:
        """The host page changed records or fields (single-page apps re-render all the time)."""
        with self.quiet():
            self._note(records)

    def on_shadow_roots_attached(self) -> None:
        """Components attached open shadow roots: follow them as the document is followed."""
        with self.quiet():
            dom.takeInNewRoots(reader.FIELD_SELECTOR)
        if self.scheduler.request_changed():
            js.setTimeout(self._run_slice_proxy, 0)

    def on_window_changed(self) -> None:
        """Watched fields came near the view (they get groups) or went far (theirs go)."""
        self.near_view.seen()
        with self.quiet():
            dom.takeWindowChanges()
        if self.scheduler.request_changed():
            js.setTimeout(self._run_slice_proxy, 0)

    def _note(self, records: Any) -> None:
        """Note which fields the records touch (removing groups their fields left), and ask for a pass."""
        dom.noteMutations(records, reader.FIELD_SELECTOR)
        if self.scheduler.request_changed():
            js.setTimeout(self._run_slice_proxy, 0)

    def sync_field(self, field: Any) -> None:
        """Bring one field in line at once: its group and the state of its value."""
        with self.quiet():
            render.attach_groups(js.Array.of(field), 0, 1, self.app.enabled, self.app.preferences, self._shared)
            check_field(field, self.app, self._shared)

    def _run_slice(self) -> None:
        try:
            with self.quiet():
                end = self._slice_work()
                if end in (SliceEnd.ATTACHED, SliceEnd.READY):
                    render.remove_orphan_groups(reader.FIELD_SELECTOR)
            if end is SliceEnd.READY:
                _announce_ready()
        except Exception as error:  # noqa: BLE001 - never wedge, whatever the page did
            # The next change of the page starts a new pass.
            self.scheduler.abandon()
            report(error)
            return
        if end is not SliceEnd.IDLE:
            js.setTimeout(self._run_slice_proxy, 0)
        elif not self._checked_once and self.scheduler.ready:
            # Every value on the page checked for the first time, those near the view on a page
            # watched near the view (bench/scale.py).
            self._checked_once = True
            js.performance.mark("calendar-links:checked")

    def _slice_work(self) -> SliceEnd:
        listing = self.scheduler.begin_slice()
        if listing is not None:
            # Before the changed fields are taken: a field marked now, or in a component that
            # came onto the page, is one of them.
            dom.takeInNewRoots(reader.FIELD_SELECTOR)
            dom.markAutoFields(reader.FIELD_SELECTOR)
            changed = dom.takeChangedFields(reader.FIELD_SELECTOR)
            self._fields = dom.allFields(reader.FIELD_SELECTOR) if listing is Listing.ALL else changed
            self.scheduler.fields_listed(self._fields.length)
            if self.near_view.begin_pass(listing, self._fields.length):
                self.scheduler.defer_ready()
            self._shared = render.shared_labels(self._fields)
            self.on_pass_start()
        started = time.perf_counter()
        enabled, preferences = self.app.enabled, self.app.preferences
        while (work := self.scheduler.next_work()) is not None:
            if work.phase is Phase.CHECK and self.near_view.narrow_checks():
                # Only the fields near the view have groups, and values to check.
                self._fields = dom.withGroups(self._fields)
                self.scheduler.fields_listed(self._fields.length)
                continue
            try:
                if work.phase is Phase.ATTACH:
                    if self.near_view.watched:
                        dom.watchNearView(self._fields, work.start, work.stop, self.near_view.afresh)
                    render.attach_groups(self._fields, work.start, work.stop, enabled, preferences, self._shared)
                else:
                    for index in range(work.start, work.stop):
                        check_field(self._fields[index], self.app, self._shared)
            except Exception as error:  # noqa: BLE001 - one hostile field costs only its own buttons
                self.scheduler.failed(work)
                report(error)
            else:
                self.scheduler.done(work)
            if time.perf_counter() - started > _SLICE_SECONDS:
                break
        return self.scheduler.end_slice()

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Make our own changes to the page without hearing them back from the observer."""
        # Taken before disconnecting, which would drop them.
        records = self._observer.takeRecords()
        self._observer.disconnect()
        if records.length:
            # The host changed something since the last callback: look at it after this.
            self._note(records)
        try:
            yield
        finally:
            dom.observePage(self._observer, self._observer_options)


def check_field(field: Any, app: SyncSettings, shared_labels: frozenset[str]) -> None:
    """Re-check the field's value (and redraw its group) when anything it depends on changed since last time."""
    group = render.group_after(field)
    if group is None:
        return
    record = reader.record_attributes(reader.record_of(field))
    snapshot = reader.field_attributes(field)
    end = reader.end_snapshot(field)
    page = app.page_context(field)
    language = page.date_language.tag if page.date_language is not None else ""
    events = added_store.current()
    # The UID is a hash: with nothing remembered (most pages), no need to make it.
    added = events.get(event_uid(record, snapshot, page)) if events else None
    shared = field_label(snapshot) in shared_labels
    signature = repr((record, snapshot, end, language, app.settings, added, shared))
    previous = present(dom.groupSignature(group))
    if previous == signature:
        return
    # A group just made from the template (not one a host copied) shows nothing yet: only
    # what there is to show is written, which saves most calls into the page.
    fresh = previous is None and bool(dom.isFreshGroup(group))
    dom.noteGroupSignature(group, signature)
    label = field_label(snapshot)
    if previous is not None:
        # A group made for other settings, another label or record, or before another
        # field took the same label: new words on the buttons.
        render.update_texts(group, app.enabled, label, app.preferences, record.name, shared_labels)
    draft = event_draft(record, snapshot, page, end)
    _draw_group(group, group_view(draft, added, bool(snapshot.value.strip()), label, fresh, PROVIDERS))


def _draw_group(group: Any, view: GroupView) -> None:
    """Draw what core.group_view decided a group shows: its state, its note and its message."""
    if view.draw_state:
        render.show_state(group, view.state, view.cancel_label, view.calendars)
    if view.draw_note:
        render.show_note(group, view.note)
    if view.draw_message:
        render.show_message(group, view.message, waiting=view.waiting)


def _announce_ready() -> None:
    dom.setAttribute(dom.pageRoot(), STATE_ATTRIBUTE, "ready")
    # Measured from navigation start by the benchmark (bench/run.py).
    js.performance.mark("calendar-links:ready")
    js.window.dispatchEvent(js.Event.new("calendar-links:ready"))
