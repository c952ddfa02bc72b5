"""Put calendar-links' own markup on the page: the button group after a field, its menu, its message.

Page text only ever goes in through textContent and attributes, never as HTML, because
labels and values come from the record and may hold markup. A group at rest is three
elements (the group and two buttons, their icons drawn by CSS); its message is made when
there is something to say, and what a person's own click led to is read out by one polite
live region for the whole page. Work over many fields at once
goes through static/calendar-links-dom.mjs, a loop in the page instead of a call per element.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import count
from typing import Any, Final

import calendar_links_dom as dom
import js
from pyodide.ffi import to_js

from calendar_links import label_or_key
from page_reader import present
from providers.base import Preferences, Provider
from ui_text import CANCEL_HINT, CANCEL_TEXT, MENU_TRIGGER_TEXT, accessible_label, menu_label

__all__ = [
    "ANNOUNCER_CLASS",
    "GROUP_CLASS",
    "MENU_FROM",
    "CANCEL_BUTTON_SELECTOR",
    "PROVIDER_BUTTON_SELECTOR",
    "attach_groups",
    "announce",
    "announcer",
    "element",
    "field_before",
    "group_after",
    "providers_attribute",
    "remove_orphan_groups",
    "show_message",
    "marked_problem_or_waiting",
    "show_message_with_link",
    "show_state",
    "update_texts",
]

GROUP_CLASS: Final = "calendar-links"
PROVIDER_BUTTON_SELECTOR: Final = "button[data-calendar-provider]"
CANCEL_BUTTON_SELECTOR: Final = 'button[data-calendar-action="cancel"]'

# From this many calendars on, a group is one trigger and a menu: a row of five buttons
# beside every date would crowd a record page.
MENU_FROM: Final = 3
_MESSAGE_CLASS: Final = "calendar-links__message"
ANNOUNCER_CLASS: Final = "calendar-links-announcer"
_ANNOUNCE_AFTER_MS: Final = 100
_message_ids = count(1)
# One finished group per set of calendars and preferences, cloned for every field: a page
# with thousands of fields then costs a clone and a few attributes per field, not a dozen calls.
_templates: dict[tuple[str, Preferences], Any] = {}


def providers_attribute(providers: Sequence[Provider]) -> str:
    """The data-calendar-providers value of a group: the calendars' keys, space-separated, in order."""
    return " ".join(provider.key for provider in providers)


def element(tag: str, class_name: str = "", text: str = "") -> Any:
    """A new element of ours, its text (page data included) set as text, never as HTML."""
    created = dom.createElement(tag)
    if class_name:
        created.className = class_name
    if text:
        created.textContent = text
    return created


def _labelled_button(class_name: str, text: str) -> Any:
    # The icon is the button's ::before (static/calendar-links.css): no element per icon.
    button = element("button", class_name, text)
    button.type = "button"
    return button


def _provider_button(provider: Provider, preferences: Preferences, in_menu: bool) -> Any:
    button = _labelled_button("calendar-links__button", provider.short_name)
    button.setAttribute("data-calendar-provider", provider.key)
    button.title = provider.hint(preferences)
    if in_menu:
        button.setAttribute("role", "menuitem")
        # Roving focus: the menu moves focus between its items with the arrow keys.
        button.tabIndex = -1
    return button


def _template(providers: Sequence[Provider], preferences: Preferences) -> Any:
    keys = providers_attribute(providers)
    template = _templates.get((keys, preferences))
    if template is not None:
        return template
    template = element("span", GROUP_CLASS)
    template.setAttribute("data-calendar-providers", keys)
    in_menu = len(providers) >= MENU_FROM
    buttons = [_provider_button(provider, preferences, in_menu) for provider in providers]
    if in_menu:
        # The menu-button pattern (WAI-ARIA APG): the trigger says it opens a menu and
        # whether it is open; static/calendar-links-dom.mjs gives each copy its own menu id.
        trigger = _labelled_button("calendar-links__button calendar-links__trigger", MENU_TRIGGER_TEXT)
        trigger.setAttribute("data-calendar-menu", "")
        trigger.setAttribute("aria-haspopup", "menu")
        trigger.setAttribute("aria-expanded", "false")
        menu = element("span", "calendar-links__menu")
        menu.setAttribute("role", "menu")
        menu.hidden = True
        menu.append(*buttons)
        template.append(trigger, menu)
    else:
        template.append(*buttons)
    _templates[(keys, preferences)] = template
    return template


def _button_labels(providers: Sequence[Provider], field_label: str) -> list[str]:
    """Accessible names in document order: the menu trigger's first when there is one."""
    labels = [accessible_label(provider, field_label) for provider in providers]
    return [menu_label(field_label), *labels] if len(providers) >= MENU_FROM else labels


def attach_groups(
    fields: Any, start: int, stop: int, providers: Sequence[Provider], preferences: Preferences
) -> None:
    """Give fields[start:stop] the button group of the enabled calendars, replacing groups made
    for other calendars or keys; no calendars removes them all."""
    keys = providers_attribute(providers)
    wanted = dom.fieldsNeedingGroups(fields, start, stop, keys).to_py()
    if not wanted:
        return
    plan = [
        [index, key, _button_labels(providers, label_or_key(present(label), key))] for index, key, label in wanted
    ]
    dom.placeGroups(fields, _template(providers, preferences), to_js(plan))


def group_after(field: Any) -> Any:
    """The field's button group (after the widgets a framework attached to it), or None."""
    return present(dom.groupAfter(field))


def field_before(group: Any) -> Any:
    """The element a group was placed for, or None."""
    return present(dom.fieldBefore(group))


def remove_orphan_groups(field_selector: str) -> None:
    """Remove the button groups whose field went away or changed its key."""
    dom.removeOrphanGroups(field_selector)


def show_message(
    group: Any, text: str, *, problem: bool, waiting: bool = False, announce_it: bool = False
) -> None:
    """Show (or with empty text, remove) the group's message; a problem disables the buttons.

    waiting: the field is empty, which is no error: the buttons stay focusable but inactive
    (aria-disabled), and the note is quiet. announce_it: also read it out (what a person's own
    click or edit led to); checks made in the background stay quiet, and are read with the
    buttons they describe.
    """
    message = present(group.querySelector("." + _MESSAGE_CLASS))
    buttons = group.querySelectorAll("button")
    blocked = problem and not waiting
    group.classList.toggle(GROUP_CLASS + "--problem", blocked)
    group.classList.toggle(GROUP_CLASS + "--waiting", waiting)
    for button in buttons:
        # The cancel button is there exactly when the value is gone: neither a problem nor
        # an empty field stops it.
        cancel = bool(button.matches(CANCEL_BUTTON_SELECTOR))
        button.disabled = blocked and not cancel
        if waiting and not cancel:
            button.setAttribute("aria-disabled", "true")
        else:
            button.removeAttribute("aria-disabled")
    if not text:
        if message is not None:
            message.remove()
            for button in buttons:
                button.removeAttribute("aria-describedby")
        return
    if message is None or not _has_own_id(message):
        # A host that copies a row with its buttons (Django's "Add another") copies the
        # message and its id too: the copy gets its own.
        if message is None:
            message = element("span", _MESSAGE_CLASS)
            group.append(message)
        message.id = f"calendar-links-message-{next(_message_ids)}"
        # Screen readers then read the message (a problem, a notice) with the buttons.
        for button in buttons:
            button.setAttribute("aria-describedby", message.id)
    message.textContent = text
    message.classList.toggle(_MESSAGE_CLASS + "--problem", blocked)
    message.classList.toggle(_MESSAGE_CLASS + "--waiting", waiting)
    if announce_it:
        announce(text)


def _has_own_id(element: Any) -> bool:
    holder = present(dom.allOnPage("#" + element.id).item(0)) if element.id else None
    return holder is not None and bool(holder.isSameNode(element))


def marked_problem_or_waiting(group: Any) -> bool:
    """Whether the group shows a problem or waits for a value (copied groups may, unchecked)."""
    classes = group.classList
    return bool(classes.contains(GROUP_CLASS + "--problem") or classes.contains(GROUP_CLASS + "--waiting"))


def announcer() -> Any:
    """The page's one polite live region, empty until something is said: made at start, and
    again should the host have removed it (a new <body>, say)."""
    found = present(dom.allOnPage("." + ANNOUNCER_CLASS).item(0))
    if found is not None:
        return found
    made = element("div", ANNOUNCER_CLASS)
    made.setAttribute("role", "status")
    dom.pageBody().append(made)
    return made


def announce(text: str) -> None:
    """Read text out through the page's live region."""
    region = announcer()
    # Emptied now and filled a moment later: the same words twice in a row are then still a
    # change, and read again. A bound JS function, so no Python proxy waits on the timer.
    region.textContent = ""
    js.setTimeout(js.Reflect.set.bind(js.Reflect, region, "textContent", text), _ANNOUNCE_AFTER_MS)


def show_message_with_link(group: Any, text: str, link_text: str, url: str) -> None:
    """Show a notice that ends with a link opening url in a new tab (a click on it is the
    person's own, which pop-up blockers let through)."""
    show_message(group, text + " ", problem=False, announce_it=True)
    link = element("a", _MESSAGE_CLASS + "-link", link_text)
    link.href = url
    link.target = "_blank"
    link.rel = "noopener noreferrer"
    group.querySelector("." + _MESSAGE_CLASS).append(link)


def show_state(group: Any, state: str, cancel_label: str, added_to: Sequence[str] = ()) -> None:
    """Mark the group with its field's past ("added", "changed", "cleared"; "new" unmarks it) and
    the buttons of the calendars it was added to (keys in added_to, for "added"); a cleared
    field gets the button that downloads the cancellation, named cancel_label."""
    if state == "new":
        group.removeAttribute("data-calendar-state")
    else:
        group.setAttribute("data-calendar-state", state)
    for button in group.querySelectorAll(PROVIDER_BUTTON_SELECTOR):
        added = state == "added" and button.getAttribute("data-calendar-provider") in added_to
        button.toggleAttribute("data-calendar-added", added)
    cancel = present(group.querySelector(CANCEL_BUTTON_SELECTOR))
    if state != "cleared":
        if cancel is not None:
            cancel.remove()
        return
    if cancel is None:
        cancel = element("button", "calendar-links__button calendar-links__button--cancel", CANCEL_TEXT)
        cancel.type = "button"
        cancel.setAttribute("data-calendar-action", "cancel")
        cancel.title = CANCEL_HINT
        # After the calendar buttons (or the menu), before the message.
        group.insertBefore(cancel, group.querySelector("." + _MESSAGE_CLASS))
    cancel.setAttribute("aria-label", cancel_label)
    cancel.disabled = False


def update_texts(group: Any, providers: Sequence[Provider], field_label: str, preferences: Preferences) -> None:
    """Renew the buttons' names and tooltips after the field's label or the preferences changed."""
    buttons = group.querySelectorAll("button:not([data-calendar-action])")
    for button, label in zip(buttons, _button_labels(providers, field_label)):
        button.setAttribute("aria-label", label)
    by_key = {provider.key: provider for provider in providers}
    for button in group.querySelectorAll(PROVIDER_BUTTON_SELECTOR):
        provider = by_key.get(str(button.getAttribute("data-calendar-provider")))
        if provider is not None:
            button.title = provider.hint(preferences)
