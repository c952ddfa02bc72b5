"""Put calendar-links' own markup on the page: the button group after a field, its message.

Page text only ever goes in through textContent and attributes, never as HTML, because
labels and values come from the record and may hold markup.
"""

from __future__ import annotations

from itertools import count
from typing import Any

import js

from page_reader import attribute, present
from ui_text import Provider, accessible_label, hint, provider_text

__all__ = [
    "GROUP_CLASS",
    "button_group",
    "is_group_for",
    "show_message",
    "update_texts",
]

GROUP_CLASS = "calendar-links"
_MESSAGE_CLASS = "calendar-links__message"
_message_ids = count(1)
# One finished group per set of providers and account, cloned for every field: a page with
# thousands of fields then costs a clone and a few attributes per field, not a dozen calls.
_templates: dict[tuple[str, str | None], Any] = {}


def _element(tag: str, class_name: str) -> Any:
    element = js.document.createElement(tag)
    element.className = class_name
    return element


def _button(provider: Provider, google_account: str | None) -> Any:
    button = _element("button", "calendar-links__button")
    button.type = "button"
    button.setAttribute("data-calendar-provider", provider)
    button.title = hint(provider, google_account)
    icon = _element("span", "calendar-links__icon")
    icon.setAttribute("aria-hidden", "true")
    text = _element("span", "calendar-links__text")
    text.textContent = provider_text(provider).short_name
    button.append(icon, text)
    return button


def _template(providers: str, google_account: str | None) -> Any:
    template = _templates.get((providers, google_account))
    if template is None:
        template = _element("span", GROUP_CLASS)
        template.setAttribute("data-calendar-providers", providers)
        for provider in providers.split():
            template.append(_button(provider, google_account))  # type: ignore[arg-type]
        message = _element("span", _MESSAGE_CLASS)
        # A polite live region: the message is read out when it changes, without stealing focus.
        message.setAttribute("role", "status")
        message.hidden = True
        template.append(message)
        _templates[(providers, google_account)] = template
    return template


def button_group(key: str, providers: str, field_label: str, google_account: str | None) -> Any:
    """A new `<span class="calendar-links">` with one button per enabled provider."""
    group = _template(providers, google_account).cloneNode(True)
    group.setAttribute("data-calendar-for", key)
    button = group.firstElementChild
    for provider in providers.split():
        button.setAttribute("aria-label", accessible_label(provider, field_label))  # type: ignore[arg-type]
        button = button.nextElementSibling
    return group


def is_group_for(element: Any, key: str, providers: str) -> bool:
    """Whether an element is our up-to-date button group for this field."""
    return (
        present(element) is not None
        and element.classList.contains(GROUP_CLASS)
        and attribute(element, "data-calendar-for") == key
        and attribute(element, "data-calendar-providers") == providers
    )


def show_message(group: Any, text: str, *, problem: bool) -> None:
    """Show (or with empty text, hide) the group's message; a problem disables the buttons."""
    message = group.querySelector("." + _MESSAGE_CLASS)
    message.textContent = text
    message.hidden = not text
    message.classList.toggle(_MESSAGE_CLASS + "--problem", problem)
    if text and not message.id:
        # Screen readers then read the message (a problem, a notice) with the buttons.
        message.id = f"calendar-links-message-{next(_message_ids)}"
    for button in group.querySelectorAll("button"):
        button.disabled = problem
        if text:
            button.setAttribute("aria-describedby", message.id)
    group.classList.toggle(GROUP_CLASS + "--problem", problem)


def update_texts(group: Any, field_label: str, google_account: str | None) -> None:
    """Renew the buttons' labels and tooltips after the field's label or the account changed."""
    for button in group.querySelectorAll("button"):
        provider = button.getAttribute("data-calendar-provider")
        button.setAttribute("aria-label", accessible_label(provider, field_label))
        button.title = hint(provider, google_account)
