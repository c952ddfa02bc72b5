"""The App Marketplace panel: one card per calendar on offer with its switch, and the settings
people expect (Google account hint, default event length, reminder).

Rendered into every element with `data-calendar-marketplace`, whenever one appears (a
single-page app may render it long after start) and again if the host replaces its content.
A page without one simply has no panel and keeps whatever was chosen before. The panel holds
no state of its own: it shows settings_store.current() and saves through settings_store.
It is a good guest inside a host's <form>: its controls have no name (nothing of ours is
posted) and Enter in its text field saves the field instead of submitting the form.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final


from calendar_links_page.interop import dom, js, present
from calendar_links_page import browser_actions as browser
from calendar_links_page import settings_store
from calendar_links_page.error_boundary import is_element, listener
from calendar_links_page.languages import language_of, write_sentence
from calendar_links_page.page_reader import attribute
from calendar_links_page.marketplace_panel import PANEL_CLASS, STATUS_CLASS, new_panel, show_settings
from calendar_links_core.providers.base import Provider
from calendar_links_core.providers.registry import provider_named
from calendar_links_core.settings import (
    DEFAULT_DURATION_KEY,
    GOOGLE_ACCOUNT_KEY,
    INTEGRATIONS_KEY,
    REMINDER_MINUTES_KEY,
    integrations_json,
    parse_google_account,
    parse_reminder_minutes,
    toggled,
)
from calendar_links_core.ui_text import (
    account_refused,
    account_saved,
    duration_saved,
    not_saved,
    reminder_status,
    toggle_status,
)
from calendar_links_core.wording import Words

__all__ = ["MARKETPLACE_SELECTOR", "Marketplace"]

MARKETPLACE_SELECTOR: Final = "[data-calendar-marketplace]"


def _not_saved() -> Words:
    return not_saved(browser.storage_blocked())


class Marketplace:
    """Every marketplace panel on the page: rendered when found, kept in step with the settings."""

    def __init__(self, offered: Sequence[Provider]) -> None:
        self.offered = tuple(offered)
        # One listener each for every panel, now and later: delegated from the document, and
        # for "change", which isn't composed, from every open shadow root as well.
        self._listeners = {
            "click": listener(self.on_click),
            "change": listener(self.on_change),
            "keydown": listener(self.on_keydown),
        }
        for event, handler in self._listeners.items():
            dom.listenOnPage(event, handler)
        dom.listenInShadowRoots("change", self._listeners["change"])
        self._on_settings = listener(lambda _event: self.refresh())
        js.window.addEventListener(settings_store.SETTINGS_CHANGED_EVENT, self._on_settings)

    def render_new_panels(self, offered: Sequence[Provider]) -> None:
        """Render every marketplace container that has no panel yet, or one made for other calendars."""
        keys = " ".join(provider.key for provider in offered)
        self.offered = tuple(offered)
        for container in dom.allInPage(MARKETPLACE_SELECTOR):
            panel = present(container.querySelector("." + PANEL_CLASS))
            language = language_of(container)
            made_for = f"{keys} {language.code}"
            if panel is None or attribute(panel, "data-calendar-panel-for") != made_for:
                dom.styleRootAround(container)
                container.replaceChildren(new_panel(self.offered, keys, made_for, language))
                show_settings(container, self.offered, settings_store.current())

    def refresh(self) -> None:
        """Show the current settings in every panel (after a change here or in another tab)."""
        settings = settings_store.current()
        for container in dom.allInPage(MARKETPLACE_SELECTOR):
            if present(container.querySelector("." + PANEL_CLASS)) is not None:
                show_settings(container, self.offered, settings)

    # Handlers -------------------------------------------------------------------------

    def on_click(self, event: Any) -> None:
        """Switch one calendar on or off."""
        target = dom.eventTarget(event)
        toggle = present(dom.closest(target, "[data-calendar-toggle]")) if is_element(target) else None
        if toggle is None or present(toggle.closest(MARKETPLACE_SELECTOR)) is None:
            return
        provider = provider_named(attribute(toggle, "data-calendar-toggle") or "", self.offered)
        if provider is None:
            return
        integrations = toggled(settings_store.current().integrations, provider.key)
        offered_keys = [offered.key for offered in self.offered]
        saved = settings_store.save(INTEGRATIONS_KEY, integrations_json(integrations, offered_keys))
        self._say(toggle, toggle_status(provider, provider.key in integrations) if saved else _not_saved())

    def on_change(self, event: Any) -> None:
        """Save the Google account hint, the default event length or the reminder."""
        target = dom.eventTarget(event)
        if not is_element(target) or present(dom.closest(target, MARKETPLACE_SELECTOR)) is None:
            return
        setting = attribute(target, "data-calendar-setting")
        if setting == "google-account":
            self._save_account(target)
        elif setting == "duration":
            saved = settings_store.save(DEFAULT_DURATION_KEY, str(target.value))
            self._say(target, duration_saved(int(target.value)) if saved else _not_saved())
        elif setting == "reminder":
            minutes = parse_reminder_minutes(str(target.value))
            saved = settings_store.save(REMINDER_MINUTES_KEY, "" if minutes is None else str(minutes))
            self._say(target, reminder_status(minutes) if saved else _not_saved())

    def on_keydown(self, event: Any) -> None:
        """Enter in the account field saves it, and never submits a form around the panel."""
        target = dom.eventTarget(event)
        if event.key != "Enter" or not is_element(target):
            return
        if attribute(target, "data-calendar-setting") == "google-account" and present(
            dom.closest(target, MARKETPLACE_SELECTOR)
        ) is not None:
            event.preventDefault()
            self._save_account(target)

    def _save_account(self, field: Any) -> None:
        typed = str(field.value).strip()
        account = parse_google_account(typed)
        if typed and account is None:
            self._say(field, account_refused(typed))
            return
        saved = settings_store.save(GOOGLE_ACCOUNT_KEY, account or "")
        self._say(field, account_saved(account) if saved else _not_saved())

    def _say(self, inside: Any, said: Words | str) -> None:
        # Said right under the control that was used (its card, or the settings), so it is on
        # screen on a phone too; a live region that was there, empty, from the start.
        part = present(inside.closest(".calendar-links-app, .calendar-links-settings"))
        if part is not None:
            write_sentence(part.querySelector("." + STATUS_CLASS), language_of(part), said)


