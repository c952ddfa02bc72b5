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
from calendar_links_page.languages import language_of
from calendar_links_page.page_reader import attribute
from calendar_links_page.page_render import element
from calendar_links_core.providers.base import Provider
from calendar_links_core.providers.registry import provider_named
from calendar_links_core.settings import (
    DEFAULT_DURATION_KEY,
    GOOGLE_ACCOUNT_KEY,
    INTEGRATIONS_KEY,
    REMINDER_CHOICES,
    REMINDER_MINUTES_KEY,
    Settings,
    integrations_json,
    parse_google_account,
    parse_reminder_minutes,
    toggled,
)
from calendar_links_core.ui_text import (
    ACCOUNT_HELP,
    ACCOUNT_LABEL,
    DURATION_LABEL,
    ENABLED,
    OFF,
    ONE_WAY,
    REMINDER_LABEL,
    REMINDER_NOTE,
    SETTINGS_TITLE,
    account_refused,
    account_saved,
    duration_choice,
    duration_saved,
    not_saved,
    reminder_choice,
    reminder_status,
    toggle_label,
    toggle_status,
)
from calendar_links_core.wording import Language, Words

__all__ = ["MARKETPLACE_SELECTOR", "Marketplace"]

MARKETPLACE_SELECTOR: Final = "[data-calendar-marketplace]"
DURATION_CHOICES: Final = (15, 30, 45, 60, 90, 120)
_PANEL_CLASS: Final = "calendar-links-panel"
_STATUS_CLASS: Final = "calendar-links-marketplace__status"


def _setting(label: str, control: Any, setting: str, note: str = "") -> Any:
    """One setting of the panel: its label, the control (marked with its setting), a note under it."""
    field = element("label", "calendar-links-settings__field")
    control.setAttribute("data-calendar-setting", setting)
    field.append(element("span", "", label), control)
    if note:
        field.append(element("small", "", note))
    return field


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
            panel = present(container.querySelector("." + _PANEL_CLASS))
            language = language_of(container)
            made_for = f"{keys} {language.code}"
            if panel is None or attribute(panel, "data-calendar-panel-for") != made_for:
                dom.styleRootAround(container)
                container.replaceChildren(self._panel(keys, made_for, language))
                self._show(container, settings_store.current())

    def refresh(self) -> None:
        """Show the current settings in every panel (after a change here or in another tab)."""
        settings = settings_store.current()
        for container in dom.allInPage(MARKETPLACE_SELECTOR):
            if present(container.querySelector("." + _PANEL_CLASS)) is not None:
                self._show(container, settings)

    # Building -------------------------------------------------------------------------

    def _panel(self, keys: str, made_for: str, language: Language) -> Any:
        panel = element("div", _PANEL_CLASS)
        panel.setAttribute("data-calendar-providers", keys)
        panel.setAttribute("data-calendar-panel-for", made_for)
        panel.append(self._cards(language), self._settings(language))
        return panel

    def _cards(self, language: Language) -> Any:
        cards = element("div", "calendar-links-marketplace")
        for provider in self.offered:
            card = element("article", "calendar-links-app")
            card.setAttribute("data-calendar-app", provider.key)
            header = element("header", "calendar-links-app__header")
            icon = element("span", "calendar-links-app__icon")
            icon.setAttribute("aria-hidden", "true")
            title = element("h2", "calendar-links-app__title", language.gettext(provider.calendar_name))
            state = element("span", "calendar-links-app__state")
            header.append(icon, title, state)
            caveats = element("ul", "calendar-links-app__caveats")
            caveats.append(
                element("li", "", language.gettext(ONE_WAY)), element("li", "", language.gettext(provider.destination))
            )
            # A switch named by its calendar: the name stays the same, the state is its own
            # (aria-checked), so a screen reader says "Use Google Calendar, switch, on".
            toggle = element("button", "calendar-links-app__toggle")
            toggle.type = "button"
            toggle.setAttribute("role", "switch")
            toggle.setAttribute("data-calendar-toggle", provider.key)
            track = element("span", "calendar-links-app__track")
            track.setAttribute("aria-hidden", "true")
            toggle.append(track, element("span", "", language.text(toggle_label(provider))))
            card.append(
                header,
                element("p", "calendar-links-app__what", language.gettext(provider.summary)),
                caveats,
                toggle,
                _status(),
            )
            cards.append(card)
        return cards

    def _settings(self, language: Language) -> Any:
        section = element("section", "calendar-links-settings")
        section.append(element("h2", "calendar-links-settings__title", language.gettext(SETTINGS_TITLE)))

        account = element("input")
        account.type = "email"
        account.placeholder = "you@example.com"
        account.autocomplete = "email"
        duration = element("select")
        duration.append(*(_duration_option(minutes, language) for minutes in DURATION_CHOICES))
        reminder = element("select")
        reminder.append(*(_reminder_option(choice, language) for choice in REMINDER_CHOICES))
        section.append(
            _setting(language.gettext(ACCOUNT_LABEL), account, "google-account", language.gettext(ACCOUNT_HELP)),
            _setting(language.gettext(DURATION_LABEL), duration, "duration"),
            _setting(language.gettext(REMINDER_LABEL), reminder, "reminder", language.gettext(REMINDER_NOTE)),
            _status(),
        )
        return section

    def _show(self, container: Any, settings: Settings) -> None:
        language = language_of(container)
        for provider in self.offered:
            enabled = provider.key in settings.integrations
            card = present(container.querySelector(f'[data-calendar-app="{provider.key}"]'))
            if card is None:
                continue
            card.classList.toggle("calendar-links-app--enabled", enabled)
            card.querySelector(".calendar-links-app__state").textContent = language.gettext(ENABLED if enabled else OFF)
            card.querySelector("[data-calendar-toggle]").setAttribute("aria-checked", "true" if enabled else "false")
        account = container.querySelector('[data-calendar-setting="google-account"]')
        # Never overwrite what the person is typing, even if it isn't valid yet (in a
        # component too, where the document's focus is the component).
        if present(dom.focusedBeside(account)) != account:
            account.value = settings.google_account or ""
        duration = container.querySelector('[data-calendar-setting="duration"]')
        duration.value = str(settings.default_duration)
        if duration.value != str(settings.default_duration):
            # A stored length that isn't one of the choices: offer it as well.
            option = _duration_option(settings.default_duration, language)
            duration.append(option)
            duration.value = option.value
        reminder = container.querySelector('[data-calendar-setting="reminder"]')
        chosen = "" if settings.reminder_minutes is None else str(settings.reminder_minutes)
        reminder.value = chosen
        if reminder.value != chosen:
            # A stored reminder that isn't one of the choices (the host page set it): offer it too.
            reminder.append(_reminder_option(settings.reminder_minutes, language))
            reminder.value = chosen

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
            part.querySelector("." + _STATUS_CLASS).textContent = language_of(part).text(said)


def _status() -> Any:
    status = element("p", _STATUS_CLASS)
    status.setAttribute("role", "status")
    return status


def _duration_option(minutes: int, language: Language) -> Any:
    option = element("option", "", language.text(duration_choice(minutes)))
    option.value = str(minutes)
    return option


def _reminder_option(minutes: int | None, language: Language) -> Any:
    option = element("option", "", language.text(reminder_choice(minutes)))
    option.value = "" if minutes is None else str(minutes)
    return option
