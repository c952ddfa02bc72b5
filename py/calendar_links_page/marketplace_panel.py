"""The App Marketplace panel as it is built and drawn: one card per calendar on offer with its
switch, and the settings (Google account hint, default event length, reminder) showing the
current values. The panel's handlers are in marketplace.py.

Its controls have no name (nothing of ours is posted with a host's <form>), and every text is
put in as text, never as HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from calendar_links_page.interop import dom, present
from calendar_links_page.languages import language_of, speak_as
from calendar_links_page.page_render import element
from calendar_links_core.providers.base import Provider
from calendar_links_core.settings import REMINDER_CHOICES, Settings
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
    duration_choice,
    reminder_choice,
    toggle_label,
)
from calendar_links_core.wording import Language

__all__ = ["PANEL_CLASS", "STATUS_CLASS", "new_panel", "show_settings"]

PANEL_CLASS: Final = "calendar-links-panel"
STATUS_CLASS: Final = "calendar-links-marketplace__status"
DURATION_CHOICES: Final = (15, 30, 45, 60, 90, 120)


def new_panel(offered: Sequence[Provider], keys: str, made_for: str, language: Language) -> Any:
    """A new panel for the calendars offered (keys), in language: the cards, then the settings."""
    panel = element("div", PANEL_CLASS)
    speak_as(panel, language)
    panel.setAttribute("data-calendar-providers", keys)
    panel.setAttribute("data-calendar-panel-for", made_for)
    panel.append(_cards(offered, language), _settings(language))
    return panel

def _cards(offered: Sequence[Provider], language: Language) -> Any:
    cards = element("div", "calendar-links-marketplace")
    for provider in offered:
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

def _settings(language: Language) -> Any:
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


def show_settings(container: Any, offered: Sequence[Provider], settings: Settings) -> None:
    """Show settings in a container's panel: each calendar's switch, the account, length and reminder."""
    language = language_of(container)
    for provider in offered:
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


def _setting(label: str, control: Any, setting: str, note: str = "") -> Any:
    """One setting of the panel: its label, the control (marked with its setting), a note under it."""
    field = element("label", "calendar-links-settings__field")
    control.setAttribute("data-calendar-setting", setting)
    field.append(element("span", "", label), control)
    if note:
        field.append(element("small", "", note))
    return field


def _status() -> Any:
    status = element("p", STATUS_CLASS)
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
