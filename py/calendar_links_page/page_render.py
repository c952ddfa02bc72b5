"""Put calendar-links' own markup on the page: the button group after a field, its menu, its message.

Page text only ever goes in through textContent and attributes, never as HTML, because
labels and values come from the record and may hold markup. A group at rest is three
elements (the group and two buttons, their icons drawn by CSS); its message is made when
there is something to say, and what a person's own click led to is read out by one polite
live region for the whole page. Work over many fields at once
goes through web/calendar-links-dom.mjs, a loop in the page instead of a call per element.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import count
from typing import Any, Final


from calendar_links_page.interop import dom, js, js_array, present
from calendar_links import label_or_key
from calendar_links_page.languages import language_named, language_of, raw_language_of, speak_as, write_sentence
from calendar_links_core.providers.base import Preferences, Provider
from calendar_links_core.ui_text import CANCEL_HINT, CANCEL_TEXT, MENU_TRIGGER_TEXT, accessible_label, menu_label
from calendar_links_core.wording import Language, Words

__all__ = [
    "ANNOUNCER_CLASS",
    "GROUP_CLASS",
    "MESSAGE_CLASS",
    "MENU_FROM",
    "CANCEL_BUTTON_SELECTOR",
    "PROVIDER_BUTTON_SELECTOR",
    "attach_groups",
    "announce",
    "announcer",
    "clear_notices",
    "element",
    "field_before",
    "group_after",
    "providers_attribute",
    "remove_orphan_groups",
    "shared_labels",
    "show_message",
    "show_message_with_link",
    "show_note",
    "show_notice",
    "show_state",
    "update_texts",
]

GROUP_CLASS: Final = "calendar-links"
PROVIDER_BUTTON_SELECTOR: Final = "button[data-calendar-provider]"
CANCEL_BUTTON_SELECTOR: Final = 'button[data-calendar-action="cancel"]'

# From this many calendars on, a group is one trigger and a menu: a row of five buttons
# beside every date would crowd a record page.
MENU_FROM: Final = 3
MESSAGE_CLASS: Final = "calendar-links__message"
ANNOUNCER_CLASS: Final = "calendar-links-announcer"
_ANNOUNCE_AFTER_MS: Final = 100
_NOTE_CLASS: Final = "calendar-links__note"
# A notice after a click clears itself after this long (or at the next click on any group):
# it has been read out once by then, and notices never pile up.
_NOTICE_MILLISECONDS: Final = 10_000
_message_ids = count(1)
# One finished group per set of calendars, preferences and language, cloned for every field:
# a page with thousands of fields then costs a clone and a few attributes per field, not a
# dozen calls.
_templates: dict[tuple[str, Preferences, str], Any] = {}


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
    # The icon is the button's ::before (web/calendar-links.css): no element per icon.
    button = element("button", class_name, text)
    button.type = "button"
    return button


def _provider_button(provider: Provider, preferences: Preferences, in_menu: bool, language: Language) -> Any:
    button = _labelled_button("calendar-links__button", provider.short_name)
    speak_as(button, language)
    button.setAttribute("data-calendar-provider", provider.key)
    button.title = language.text(provider.hint(preferences))
    if in_menu:
        button.setAttribute("role", "menuitem")
        # Roving focus: the menu moves focus between its items with the arrow keys.
        button.tabIndex = -1
    return button


def _template(providers: Sequence[Provider], preferences: Preferences, language: Language) -> Any:
    keys = providers_attribute(providers)
    template = _templates.get((keys, preferences, language.code))
    if template is not None:
        return template
    template = element("span", GROUP_CLASS)
    template.setAttribute("data-calendar-providers", keys)
    in_menu = len(providers) >= MENU_FROM
    buttons = [_provider_button(provider, preferences, in_menu, language) for provider in providers]
    if in_menu:
        # The menu-button pattern (WAI-ARIA APG): the trigger says it opens a menu and
        # whether it is open; web/calendar-links-dom.mjs gives each copy its own menu id.
        trigger = _labelled_button("calendar-links__button calendar-links__trigger", language.text(MENU_TRIGGER_TEXT))
        speak_as(trigger, language)
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
    _templates[(keys, preferences, language.code)] = template
    return template


@lru_cache(maxsize=4096)
def _button_labels(
    providers: tuple[Provider, ...], field_label: str, record_name: str | None, raw_language: str
) -> tuple[str, ...]:
    """Accessible names in document order: the menu trigger's first when there is one."""
    # Cached: a page of thousands of fields repeats a few labels, and a translated sentence
    # costs about 15 microseconds even in CPython (0.3 s for 10,000 fields of two calendars).
    labels = [accessible_label(provider, field_label, record_name) for provider in providers]
    if len(providers) >= MENU_FROM:
        labels = [menu_label(field_label, record_name), *labels]
    language = language_named(raw_language)
    # An aria-label holds no markup: its values (the field's label, the record's name) are
    # isolated by FSI ... PDI instead of a <bdi>.
    return tuple(language.isolated(label) for label in labels)


def shared_labels(fields: Any) -> frozenset[str]:
    """The field labels that more than one field on the page shows (their buttons then name the record)."""
    return frozenset(dom.sharedLabels(fields).to_py())


def _record_name_when_shared(label: str, record_name: str | None, shared: frozenset[str]) -> str | None:
    return record_name if label in shared and record_name and record_name.strip() else None


def attach_groups(
    fields: Any,
    start: int,
    stop: int,
    providers: Sequence[Provider],
    preferences: Preferences,
    shared: frozenset[str] = frozenset(),
) -> None:
    """Give fields[start:stop] the button group of the enabled calendars, replacing groups made
    for other calendars, keys or languages; no calendars removes them all. A field watched
    away from the view (calendar-links-dom.mjs, watchNearView) gets none until it comes near."""
    keys = providers_attribute(providers)
    wanted = dom.fieldsNeedingGroups(fields, start, stop, keys).to_py()
    if not wanted:
        return
    plans: dict[str, list[Any]] = {}
    offered = tuple(providers)
    for row in wanted:
        shown = label_or_key(present(row["label"]), row["key"])
        record_name = present(row["recordName"])
        raw_language = row["lang"]
        names = _button_labels(offered, shown, _record_name_when_shared(shown, record_name, shared), raw_language)
        plans.setdefault(raw_language, []).append({"index": row["index"], "key": row["key"], "labels": names})
    for raw_language, plan in plans.items():
        template = _template(providers, preferences, language_named(raw_language))
        dom.placeGroups(fields, template, js_array(plan))


def group_after(field: Any) -> Any:
    """The field's button group (after the widgets a framework attached to it), or None."""
    return present(dom.groupAfter(field))


def field_before(group: Any) -> Any:
    """The element a group was placed for, or None."""
    return present(dom.fieldBefore(group))


def remove_orphan_groups(field_selector: str) -> None:
    """Remove the button groups whose field went away or changed its key."""
    dom.removeOrphanGroups(field_selector)


def _message(group: Any, buttons: Any) -> Any:
    message = present(group.querySelector("." + MESSAGE_CLASS))
    if message is None or not dom.ownsId(message):
        # A host that copies a row with its buttons (Django's "Add another") copies the
        # message and its id too: the copy gets its own.
        if message is None:
            message = element("span", MESSAGE_CLASS)
            group.append(message)
        message.id = f"calendar-links-message-{next(_message_ids)}"
        # Screen readers then read the message (a problem, a notice) with the buttons.
        for button in buttons:
            button.setAttribute("aria-describedby", message.id)
    return message


def show_message(
    group: Any, problem: Words | str | None, *, waiting: bool = False, announce_it: bool = False
) -> None:
    """Show what is wrong with the field's value and make the buttons inactive; None: all is well again.

    Inactive, not disabled: the buttons stay in the Tab order, describe themselves with the
    message, and a click explains instead of making an event. waiting: the field is empty,
    which is no error: the same inactive buttons, but a quiet note without the error style.
    announce_it: also read it out (what a person's own click or edit led to); checks made in
    the background stay quiet.
    """
    message = present(group.querySelector("." + MESSAGE_CLASS))
    buttons = group.querySelectorAll("button")
    group.classList.toggle(GROUP_CLASS + "--problem", problem is not None and not waiting)
    group.classList.toggle(GROUP_CLASS + "--waiting", problem is not None and waiting)
    for button in buttons:
        # The cancel button is there exactly when the value is gone: a problem never stops it.
        if problem is not None and not button.matches(CANCEL_BUTTON_SELECTOR):
            button.setAttribute("aria-disabled", "true")
        else:
            button.removeAttribute("aria-disabled")
    if problem is None:
        if message is not None and (
            message.classList.contains(MESSAGE_CLASS + "--problem") or message.classList.contains(MESSAGE_CLASS + "--waiting")
        ):
            message.remove()
            for button in buttons:
                button.removeAttribute("aria-describedby")
        return
    message = _message(group, buttons)
    _leave_top_layer(message)
    language = language_of(group)
    text = write_sentence(message, language, problem)
    message.classList.remove(MESSAGE_CLASS + "--notice")
    message.classList.toggle(MESSAGE_CLASS + "--problem", not waiting)
    message.classList.toggle(MESSAGE_CLASS + "--waiting", waiting)
    if announce_it:
        announce(text, language)


def show_notice(group: Any, notice: Words | str) -> str:
    """Say, once, what a click did (read out through the page's live region); the notice floats
    by the buttons, so nothing moves, and clears itself after a while. Returns the text shown."""
    message = _message(group, group.querySelectorAll("button"))
    message.classList.remove(MESSAGE_CLASS + "--problem", MESSAGE_CLASS + "--waiting", MESSAGE_CLASS + "--with-link")
    message.classList.add(MESSAGE_CLASS + "--notice")
    language = language_of(group)
    text = write_sentence(message, language, notice)
    _float_in_top_layer(group, message)
    announce(text, language)
    dom.clearNoticeLater(message, text, _NOTICE_MILLISECONDS)
    return text


def _float_in_top_layer(group: Any, message: Any) -> None:
    """Show the notice in the top layer beside or near the group, following it as the page
    scrolls (web/calendar-links-notices.mjs): an ancestor with `overflow: hidden` or `clip`
    (the admin's form rows, cards, table cells) can't cut it off there. A browser without
    popovers keeps it positioned in the page, as before."""
    dom.floatNotice(group, message)


def _leave_top_layer(message: Any) -> None:
    """A problem stays in the row, beside its inactive buttons: out of the top layer."""
    if message.hasAttribute("popover"):
        if message.matches(":popover-open"):
            message.hidePopover()
        message.removeAttribute("popover")


def clear_notices(keep: Any = None) -> None:
    """Clear every group's notice but keep's: a new click makes the old notices stale."""
    dom.clearNotices(keep)


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


def announce(text: str, language: Language) -> None:
    """Read text out through the page's live region, in the voice of the language it is written in."""
    region = announcer()
    speak_as(region, language)
    # Emptied now and filled a moment later: the same words twice in a row are then still a
    # change, and read again. A bound JS function, so no Python proxy waits on the timer.
    region.textContent = ""
    js.setTimeout(js.Reflect.set.bind(js.Reflect, region, "textContent", text), _ANNOUNCE_AFTER_MS)


def show_message_with_link(group: Any, said: Words, link_text: Words | str, url: str) -> None:
    """Show a notice that ends with a link opening url in a new tab (a click on it is the
    person's own, which pop-up blockers let through)."""
    show_notice(group, said)
    link = element("a", MESSAGE_CLASS + "-link", language_of(group).text(link_text))
    link.href = url
    link.target = "_blank"
    link.rel = "noopener noreferrer"
    message = group.querySelector("." + MESSAGE_CLASS)
    message.append(" ", link)
    # Clickable, and kept until the next click anywhere: the timer clears only the text it set.
    message.classList.add(MESSAGE_CLASS + "--with-link")


def show_note(group: Any, note: Words | None) -> None:
    """Show (or with None, remove) the field's lasting note: added before, changed since."""
    # Its own element, in the row: the message region is for problems and notices, which
    # come and go.
    current = present(group.querySelector("." + _NOTE_CLASS))
    if note is None:
        if current is not None:
            current.remove()
        return
    if current is None:
        current = element("span", _NOTE_CLASS)
        group.insertBefore(current, group.querySelector("." + MESSAGE_CLASS))
    write_sentence(current, language_of(group), note)


def show_state(group: Any, state: str, cancel_label: Words | str, added_to: Sequence[str] = ()) -> None:
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
    language = language_of(group)
    if cancel is None:
        cancel = element("button", "calendar-links__button calendar-links__button--cancel", language.gettext(CANCEL_TEXT))
        cancel.type = "button"
        speak_as(cancel, language)
        cancel.setAttribute("data-calendar-action", "cancel")
        cancel.title = language.gettext(CANCEL_HINT)
        # After the calendar buttons (or the menu), before the message.
        group.insertBefore(cancel, group.querySelector("." + MESSAGE_CLASS))
    cancel.setAttribute("aria-label", language.isolated(cancel_label))
    cancel.removeAttribute("aria-disabled")


def update_texts(
    group: Any,
    providers: Sequence[Provider],
    field_label: str,
    preferences: Preferences,
    record_name: str | None,
    shared: frozenset[str],
) -> None:
    """Renew the buttons' names and tooltips after the field's label, the record, the labels on the
    page or the preferences changed."""
    raw_language = raw_language_of(group)
    language = language_named(raw_language)
    names = _button_labels(
        tuple(providers), field_label, _record_name_when_shared(field_label, record_name, shared), raw_language
    )
    for button, label in zip(group.querySelectorAll("button:not([data-calendar-action])"), names):
        button.setAttribute("aria-label", label)
    by_key = {provider.key: provider for provider in providers}
    for button in group.querySelectorAll(PROVIDER_BUTTON_SELECTOR):
        provider = by_key.get(str(button.getAttribute("data-calendar-provider")))
        if provider is not None:
            button.title = language.text(provider.hint(preferences))
