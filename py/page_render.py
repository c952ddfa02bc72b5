"""Put calendar-links' own markup on the page: the button group after a field, its message.

Page text only ever goes in through textContent and attributes, never as HTML, because
labels and values come from the record and may hold markup. Work over many fields at once
goes through static/calendar-links-dom.mjs, a loop in the page instead of a call per element.
"""

from __future__ import annotations

import json
from itertools import count
from typing import Any

import calendar_links_dom as dom
import js

from calendar_links import label_or_key
from page_reader import present
from ui_text import Provider, accessible_label, hint, provider_text

__all__ = [
    "GROUP_CLASS",
    "attach_groups",
    "field_before",
    "group_after",
    "mark_auto_fields",
    "remove_orphan_groups",
    "show_message",
    "shows_state",
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


def attach_groups(fields: Any, start: int, stop: int, providers: str, google_account: str | None) -> None:
    """Give fields[start:stop] the button group of the enabled calendars (providers, space
    separated), replacing groups made for other calendars or keys; "" removes them all."""
    wanted = json.loads(dom.fieldsNeedingGroups(fields, start, stop, providers))
    if not wanted:
        return
    names: list[Provider] = providers.split()  # type: ignore[assignment]
    plan = [
        [index, key, [accessible_label(provider, label_or_key(label, key)) for provider in names]]
        for index, key, label in wanted
    ]
    dom.placeGroups(fields, _template(providers, google_account), json.dumps(plan))


def group_after(field: Any) -> Any:
    """The field's button group (after the widgets a framework attached to it), or None."""
    return present(dom.groupAfter(field))


def field_before(group: Any) -> Any:
    """The element a group was placed for, or None."""
    return present(dom.fieldBefore(group))


def mark_auto_fields() -> None:
    """Make the inputs and times of records marked data-calendar-auto into fields."""
    dom.markAutoFields()


def remove_orphan_groups(field_selector: str) -> None:
    """Remove the button groups whose field went away or changed its key."""
    dom.removeOrphanGroups(field_selector)


def show_message(group: Any, text: str, *, problem: bool, waiting: bool = False) -> None:
    """Show (or with empty text, hide) the group's message; a problem disables the buttons.

    waiting: the field is empty, which is no error: the buttons stay focusable but inactive
    (aria-disabled), and the note is quiet."""
    message = group.querySelector("." + _MESSAGE_CLASS)
    message.textContent = text
    message.hidden = not text
    message.classList.toggle(_MESSAGE_CLASS + "--problem", problem and not waiting)
    message.classList.toggle(_MESSAGE_CLASS + "--waiting", waiting)
    if text and not _has_own_id(message):
        # Screen readers then read the message (a problem, a notice) with the buttons. A
        # host that copies a row with its buttons (Django's "Add another") copies the id
        # too: the copy gets its own.
        message.id = f"calendar-links-message-{next(_message_ids)}"
    for button in group.querySelectorAll("button"):
        button.disabled = problem and not waiting
        if waiting:
            button.setAttribute("aria-disabled", "true")
        else:
            button.removeAttribute("aria-disabled")
        if text:
            button.setAttribute("aria-describedby", message.id)
    group.classList.toggle(GROUP_CLASS + "--problem", problem and not waiting)
    group.classList.toggle(GROUP_CLASS + "--waiting", waiting)


def _has_own_id(element: Any) -> bool:
    holder = present(js.document.getElementById(element.id)) if element.id else None
    return holder is not None and bool(holder.isSameNode(element))


def shows_state(group: Any) -> bool:
    """Whether the group shows a problem or waits for a value (copied groups may, unchecked)."""
    return bool(group.classList.length > 1)


def update_texts(group: Any, field_label: str, google_account: str | None) -> None:
    """Renew the buttons' labels and tooltips after the field's label or the account changed."""
    for button in group.querySelectorAll("button"):
        provider = button.getAttribute("data-calendar-provider")
        button.setAttribute("aria-label", accessible_label(provider, field_label))
        button.title = hint(provider, google_account)
