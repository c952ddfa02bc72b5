"""Start calendar-links on a page and route what happens there to the part that handles it.

The decisions (what an event is, what a setting means, what comes next in a pass) are the
pure modules'. Here: the settings in force, the page's listeners, and which part a click or
a key goes to (field_sync keeps the groups in step, clicks makes events, menus runs the
compact group's menu, marketplace shows the panels). Every handler runs inside the one error
boundary, and the page holds a fixed number of Python proxies however long it lives: one per
listener, created once at start.
"""

from __future__ import annotations

import gc
import json
from typing import Any


from calendar_links_page.interop import dom, js, present
from calendar_links_page import added_store
from calendar_links_page import browser_actions as browser
from calendar_links_page import clicks
from calendar_links_page import hints
from calendar_links_page import menus
from calendar_links_page import page_reader as reader
from calendar_links_page import page_render as render
from calendar_links_page import settings_store
from calendar_links_page import substitutes
from calendar_links import PageContext, date_order_from_locale
from calendar_links_core.click_guard import is_repeat
from calendar_links_core.date_names import DateLanguage
from calendar_links_page.error_boundary import is_element, listener
from calendar_links_page.field_sync import FieldSync
from calendar_links_page.marketplace import Marketplace
from calendar_links_core.providers import registry
from calendar_links_core.providers.base import Preferences, Provider
from calendar_links_core.settings import SETTINGS_KEYS, Settings

__all__ = ["DIAGNOSTICS_EVENT", "start"]

DIAGNOSTICS_EVENT = "calendar-links:diagnostics"
DIAGNOSTICS_ATTRIBUTE = "data-calendar-links-diagnostics"
# The keys that press a focused button: held down, they repeat.
_ACTIVATION_KEYS = ("Enter", " ")


class CalendarLinks:
    """The running app on one page."""

    def __init__(self) -> None:
        self.settings = Settings()
        self.enabled: tuple[Provider, ...] = ()
        self.browser_time_zone = browser.browser_time_zone()
        self.browser_date_order = date_order_from_locale(browser.browser_date_parts())
        # The date words of each page language met so far, from the browser's locale data.
        self._languages: dict[str, DateLanguage | None] = {}
        self.marketplace = Marketplace(registry.PROVIDERS)
        self.sync = FieldSync(self, on_pass_start=self.on_pass_start)
        # The app's own proxies, each made once.
        self._listeners = {
            "click": listener(self.on_click),
            "keydown": listener(self.on_keydown),
            "input": listener(self.on_field_input),
            "change": listener(self.on_field_input),
        }
        self._window_listeners = {
            "storage": listener(self.on_storage_changed),
            settings_store.SETTINGS_CHANGED_EVENT: listener(self.on_settings_changed),
            DIAGNOSTICS_EVENT: listener(self.on_diagnostics_requested),
        }

    def start(self) -> None:
        """Read the settings, listen, and put buttons beside every field."""
        self.load_settings()
        render.announcer()
        for event, handler in self._listeners.items():
            dom.listenOnPage(event, handler)
        # "change" isn't composed: from a field in a shadow root it never reaches the document.
        dom.listenInShadowRoots("change", self._listeners["change"])
        for event, handler in self._window_listeners.items():
            js.window.addEventListener(event, handler)
        self.sync.start()

    # Settings -------------------------------------------------------------------------

    def load_settings(self) -> None:
        """Read the settings and the calendars on offer; anything unreadable means the default."""
        self.settings = settings_store.current()
        self.enabled = registry.providers_named(self.settings.integrations, registry.PROVIDERS)
        added_store.load()

    @property
    def preferences(self) -> Preferences:
        """The settings that change what a calendar does or says."""
        return Preferences(
            google_account=self.settings.google_account, reminder_minutes=self.settings.reminder_minutes
        )

    def on_storage_changed(self, event: Any) -> None:
        """Another tab changed a setting or added an event (or cleared storage: key is null then)."""
        key = present(event.key)
        if key is None or key in SETTINGS_KEYS or key == added_store.ADDED_KEY:
            js.window.dispatchEvent(js.Event.new(settings_store.SETTINGS_CHANGED_EVENT))

    def on_settings_changed(self, _event: Any) -> None:
        """A setting changed: re-read it and bring every field's buttons in line within a frame."""
        self.load_settings()
        self.sync.renew_all()

    # Handlers -------------------------------------------------------------------------

    def on_field_input(self, event: Any) -> None:
        """A person edited a field's input: bring that field in line at once."""
        target = dom.eventTarget(event)
        field = present(dom.closest(target, reader.FIELD_SELECTOR)) if is_element(target) else None
        if field is not None:
            self.sync.sync_field(field)

    def on_click(self, event: Any) -> None:
        """A click on a calendar button, on a menu trigger, or anywhere else (closes open menus)."""
        target = dom.eventTarget(event)
        if not is_element(target):
            return
        menus.close_open_menus(keep=target)
        button = present(dom.closest(target, "button"))
        group = present(button.closest("." + render.GROUP_CLASS)) if button is not None else None
        if button is None or group is None:
            return
        with self.sync.quiet():
            render.clear_notices(keep=button)
            if button.matches(menus.MENU_TRIGGER_SELECTOR):
                inactive = button.getAttribute("aria-disabled") == "true"
                if not inactive or not clicks.explained_problem(group, self.page_context()):
                    menus.toggle_menu(button)
            elif button.matches(render.PROVIDER_BUTTON_SELECTOR):
                menus.close_open_menus()
                # One tab or file however many clicks a person or a script fires at once.
                if is_repeat(int(event.detail or 0), not dom.claimForThisTask(button)):
                    return
                page = self.page_context(render.field_before(group))
                clicks.on_provider_click(button, group, self.enabled, self.preferences, page)
            elif button.matches(render.CANCEL_BUTTON_SELECTOR):
                clicks.on_cancel_click(group, self.page_context())
            elif button.matches(substitutes.COPY_BUTTON_SELECTOR):
                substitutes.on_copy_click(button, group)
            elif button.matches(substitutes.SHARE_BUTTON_SELECTOR):
                substitutes.on_share_click(button, group)

    def on_keydown(self, event: Any) -> None:
        """Keyboard use of a group's menu; a held Enter or Space is one press."""
        target = dom.eventTarget(event)
        if is_element(target) and present(dom.closest(target, "." + render.GROUP_CLASS)) is not None:
            if event.repeat and event.key in _ACTIVATION_KEYS and present(dom.closest(target, "button")) is not None:
                # Each auto-repeat of a held key would become a click of its own (detail 0, a
                # task of its own: no repeat to the click guard): a held key is not a new request.
                event.preventDefault()
                return
            with self.sync.quiet():
                menus.on_menu_keydown(event, target)

    def on_diagnostics_requested(self, _event: Any) -> None:
        """Report figures that show leaks in a long session (read by the soak test)."""
        gc.collect()
        figures = {
            "pythonObjects": len(gc.get_objects()),
            "buttonGroups": len(dom.allInPage("." + render.GROUP_CLASS)),
        }
        dom.setAttribute(dom.pageRoot(), DIAGNOSTICS_ATTRIBUTE, json.dumps(figures))

    def on_pass_start(self) -> None:
        """A pass over the page begins: panels and hints that appeared get their content."""
        self.marketplace.render_new_panels(registry.PROVIDERS)
        hints.render_hints(not self.enabled, browser.page_url(), browser.base_url())

    # Helpers --------------------------------------------------------------------------

    def page_context(self, field: Any = None) -> PageContext:
        """What the core needs to know of this page and browser, and of the language where field stands."""
        return PageContext(
            page_url=browser.page_url(),
            base_url=browser.base_url(),
            browser_time_zone=self.browser_time_zone,
            browser_date_order=self.browser_date_order,
            default_duration_minutes=self.settings.default_duration,
            date_language=None if field is None else self._language(reader.field_language(field)),
        )

    def _language(self, tag: str) -> DateLanguage | None:
        if tag not in self._languages:
            self._languages[tag] = browser.date_language(tag, self.browser_date_order)
        return self._languages[tag]


_running: CalendarLinks | None = None


def start() -> CalendarLinks:
    """Start calendar-links on this page, once: later calls return the app already running."""
    # The runtime module starts it as soon as Python is ready; the page's own
    # `calendar_links_app.start()` then finds it running.
    global _running
    if _running is None:
        # Read by the benchmark (bench/run.py): from here to calendar-links:ready is the
        # app's own work on the page.
        js.performance.mark("calendar-links:start")
        _running = CalendarLinks()
        _running.start()
    return _running
