"""The App Marketplace panel: one card per calendar with its Enable/Disable control, plus the
settings people expect (Google account hint, default event length).

Rendered into any element with `data-calendar-marketplace`; a page without one simply has no
panel and keeps whatever was chosen before.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

import js
from pyodide.ffi import create_proxy

import browser_actions as browser
from page_reader import attribute, present
from settings import (
    DEFAULT_DURATION_KEY,
    GOOGLE_ACCOUNT_KEY,
    INTEGRATIONS_KEY,
    REMINDER_CHOICES,
    REMINDER_MINUTES_KEY,
    integrations_json,
    parse_google_account,
    parse_reminder_minutes,
)
from ui_text import PROVIDERS, Provider, provider_text, reminder_choice

if TYPE_CHECKING:
    from calendar_links_app import CalendarLinks

__all__ = ["MARKETPLACE_SELECTOR", "Marketplace"]

MARKETPLACE_SELECTOR = "[data-calendar-marketplace]"
DURATION_CHOICES = (15, 30, 45, 60, 90, 120)

_DESCRIPTIONS: dict[Provider, tuple[str, str]] = {
    "google": (
        "Adds a Google button beside every date on a record. A click opens Google Calendar "
        "in a new tab with the event filled in, including a link back to the record.",
        "Events go to the Google account signed in to this browser, which may not be the "
        "inbox connected to this CRM. Set an account below to choose one.",
    ),
    "outlook": (
        "Adds an Outlook button beside every date on a record. A click downloads an .ics "
        "file that Outlook opens for you to review and save.",
        "Events go to the Microsoft account Outlook is signed in to on this computer, which "
        "may not be the mailbox connected to this CRM.",
    ),
}
_ONE_WAY = "One-way: nothing is read back, and later changes here don't update saved events."
_NOT_SAVED = "Couldn't save in this browser (storage is blocked); this applies until you reload."


def _element(tag: str, class_name: str = "", text: str = "") -> Any:
    element = js.document.createElement(tag)
    if class_name:
        element.className = class_name
    if text:
        element.textContent = text
    return element


class Marketplace:
    """The panel in one container, kept in step with the app's settings."""

    def __init__(self, container: Any, app: CalendarLinks) -> None:
        self.container = container
        self.app = app
        self._status = _element("p", "calendar-links-marketplace__status")
        self._status.setAttribute("role", "status")
        container.replaceChildren(self._cards(), self._settings(), self._status)
        container.addEventListener("click", create_proxy(app.guard(self.on_click)))
        container.addEventListener("change", create_proxy(app.guard(self.on_change)))
        self.refresh()

    def _cards(self) -> Any:
        cards = _element("div", "calendar-links-marketplace")
        for provider in PROVIDERS:
            what, account = _DESCRIPTIONS[provider]
            card = _element("article", "calendar-links-app")
            card.setAttribute("data-calendar-app", provider)
            header = _element("header", "calendar-links-app__header")
            icon = _element("span", "calendar-links-app__icon")
            icon.setAttribute("aria-hidden", "true")
            title = _element("h2", "calendar-links-app__title", provider_text(provider).calendar_name)
            title.id = f"calendar-links-app-{provider}"
            state = _element("span", "calendar-links-app__state")
            header.append(icon, title, state)
            caveats = _element("ul", "calendar-links-app__caveats")
            caveats.append(_element("li", "", _ONE_WAY), _element("li", "", account))
            toggle = _element("button", "calendar-links-app__toggle")
            toggle.type = "button"
            toggle.setAttribute("data-calendar-toggle", provider)
            toggle.setAttribute("aria-describedby", title.id)
            card.append(header, _element("p", "calendar-links-app__what", what), caveats, toggle)
            cards.append(card)
        return cards

    def _settings(self) -> Any:
        section = _element("section", "calendar-links-settings")
        section.append(_element("h2", "calendar-links-settings__title", "Settings"))

        account_label = _element("label", "calendar-links-settings__field")
        account_label.append(_element("span", "", "Google account for new events (optional)"))
        account = _element("input")
        account.type = "email"
        account.name = "google-account"
        account.placeholder = "you@example.com"
        account.autocomplete = "email"
        account.setAttribute("data-calendar-setting", "google-account")
        account_label.append(
            account,
            _element(
                "small",
                "",
                "Opens Google Calendar in this account when you are signed in to several. "
                "Google doesn't document this, so it is best effort.",
            ),
        )

        duration_label = _element("label", "calendar-links-settings__field")
        duration_label.append(_element("span", "", "Length of timed events without their own"))
        duration = _element("select")
        duration.name = "duration"
        duration.setAttribute("data-calendar-setting", "duration")
        for minutes in DURATION_CHOICES:
            option = _element("option", "", f"{minutes} minutes")
            option.value = str(minutes)
            duration.append(option)
        duration_label.append(duration)

        reminder_label = _element("label", "calendar-links-settings__field")
        reminder_label.append(_element("span", "", "Reminder for downloaded events (.ics)"))
        reminder = _element("select")
        reminder.name = "reminder"
        reminder.setAttribute("data-calendar-setting", "reminder")
        for minutes in REMINDER_CHOICES:
            option = _element("option", "", reminder_choice(minutes))
            option.value = "" if minutes is None else str(minutes)
            reminder.append(option)
        reminder_label.append(
            reminder,
            _element(
                "small",
                "",
                "Google Calendar's link can't carry a reminder: Google uses the default "
                "notifications of your calendar.",
            ),
        )
        section.append(account_label, duration_label, reminder_label)
        return section

    def refresh(self) -> None:
        """Show the app's current settings (after a change here or in another tab)."""
        for provider in PROVIDERS:
            enabled = bool(getattr(self.app.integrations, provider))
            card = self.container.querySelector(f'[data-calendar-app="{provider}"]')
            card.classList.toggle("calendar-links-app--enabled", enabled)
            card.querySelector(".calendar-links-app__state").textContent = "Enabled" if enabled else "Off"
            toggle = card.querySelector("[data-calendar-toggle]")
            toggle.textContent = "Disable" if enabled else "Enable"
            toggle.setAttribute("aria-pressed", "true" if enabled else "false")
        account = self.container.querySelector('[data-calendar-setting="google-account"]')
        # Never overwrite what the person is typing, even if it isn't valid yet.
        if js.document.activeElement != account:
            account.value = self.app.google_account or ""
        duration = self.container.querySelector('[data-calendar-setting="duration"]')
        duration.value = str(self.app.default_duration)
        if duration.value != str(self.app.default_duration):
            # A stored length that isn't one of the choices: offer it as well.
            option = _element("option", "", f"{self.app.default_duration} minutes")
            option.value = str(self.app.default_duration)
            duration.append(option)
            duration.value = option.value
        reminder = self.container.querySelector('[data-calendar-setting="reminder"]')
        minutes = self.app.reminder_minutes
        reminder.value = "" if minutes is None else str(minutes)
        if reminder.value != ("" if minutes is None else str(minutes)):
            # A stored reminder that isn't one of the choices (set by the host page): offer it too.
            option = _element("option", "", reminder_choice(minutes))
            option.value = str(minutes)
            reminder.append(option)
            reminder.value = option.value

    def on_click(self, event: Any) -> None:
        """Enable or disable one calendar."""
        toggle = present(event.target.closest("[data-calendar-toggle]"))
        if toggle is None:
            return
        provider = attribute(toggle, "data-calendar-toggle")
        integrations = replace(
            self.app.integrations, **{provider: not getattr(self.app.integrations, provider)}
        )
        saved = browser.store_text(INTEGRATIONS_KEY, integrations_json(integrations))
        self.app.apply_settings(integrations=integrations)
        name = provider_text(provider).calendar_name
        state = "enabled" if getattr(integrations, provider) else "disabled"
        self._status.textContent = f"{name} {state}." if saved else _NOT_SAVED

    def on_change(self, event: Any) -> None:
        """Save the Google account hint or the default event length."""
        target = event.target
        setting = attribute(target, "data-calendar-setting")
        if setting == "google-account":
            typed = str(target.value).strip()
            account = parse_google_account(typed)
            if typed and account is None:
                self._status.textContent = f'"{typed}" isn\'t an email address, so it wasn\'t saved.'
                return
            saved = browser.store_text(GOOGLE_ACCOUNT_KEY, account or "")
            self.app.apply_settings(google_account=account)
            done = f"New Google events open in {account}." if account else "Google events open in the signed-in account."
            self._status.textContent = done if saved else _NOT_SAVED
        elif setting == "duration":
            saved = browser.store_text(DEFAULT_DURATION_KEY, str(target.value))
            self.app.apply_settings(default_duration=int(target.value))
            self._status.textContent = f"Timed events now last {target.value} minutes." if saved else _NOT_SAVED
        elif setting == "reminder":
            minutes = parse_reminder_minutes(str(target.value))
            saved = browser.store_text(REMINDER_MINUTES_KEY, "" if minutes is None else str(minutes))
            self.app.apply_settings(reminder_minutes=minutes)
            chosen = reminder_choice(minutes)
            done = f"Downloaded events now have a reminder: {chosen.lower()}." if minutes is not None else "Downloaded events have no reminder."
            self._status.textContent = done if saved else _NOT_SAVED
