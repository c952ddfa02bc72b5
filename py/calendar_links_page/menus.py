"""The compact group's menu: one trigger that opens the calendars as a menu (WAI-ARIA menu button).

Enter, Space or a click on the trigger opens the menu with focus on its first item (Arrow
Up: the last). In the menu, Arrow Down/Up move with wrap-around, Home/End go to the ends,
Escape closes it and returns focus to the trigger, Tab closes it and moves on. A click
elsewhere closes it. At most one menu is open on the page.

The menu opens from the trigger toward the inline end (rightwards, leftwards on a
right-to-left page, by the stylesheet's logical properties); where the viewport has no room
on that side, it opens toward the inline start instead.
"""

from __future__ import annotations

from typing import Any, Final

from calendar_links_page.interop import dom, present


__all__ = ["MENU_TRIGGER_SELECTOR", "close_open_menus", "on_menu_keydown", "toggle_menu"]

MENU_TRIGGER_SELECTOR: Final = "button[data-calendar-menu]"
_OPEN_TRIGGER: Final = MENU_TRIGGER_SELECTOR + "[aria-expanded='true']"
_TOWARD_START: Final = "calendar-links__menu--toward-start"


def _menu_of(trigger: Any) -> Any:
    return trigger.nextElementSibling


def _items(menu: Any) -> list[Any]:
    return [item for item in menu.querySelectorAll("[role=menuitem]") if not item.disabled]


def _open(trigger: Any, focus_last: bool = False) -> None:
    close_open_menus()
    trigger.setAttribute("aria-expanded", "true")
    menu = _menu_of(trigger)
    menu.classList.remove(_TOWARD_START)
    menu.hidden = False
    box = menu.getBoundingClientRect()
    if box.left < 0 or box.right > dom.pageRoot().clientWidth:
        menu.classList.add(_TOWARD_START)
    items = _items(menu)
    if items:
        items[-1 if focus_last else 0].focus()


def _close(trigger: Any, return_focus: bool) -> None:
    trigger.setAttribute("aria-expanded", "false")
    _menu_of(trigger).hidden = True
    if return_focus:
        trigger.focus()


def close_open_menus(keep: Any = None) -> None:
    """Close every open menu on the page except the one keep is in."""
    for trigger in dom.allInPage(_OPEN_TRIGGER):
        group = trigger.parentElement
        if keep is None or not group.contains(keep):
            _close(trigger, return_focus=False)


def toggle_menu(trigger: Any) -> None:
    """A click on the trigger: open its menu, or close it when it is open."""
    if trigger.getAttribute("aria-expanded") == "true":
        _close(trigger, return_focus=True)
    else:
        _open(trigger)


def on_menu_keydown(event: Any, target: Any) -> None:
    """Keyboard use of a trigger or of an open menu; other keys and elements are left alone."""
    key = str(event.key)
    if target.matches(MENU_TRIGGER_SELECTOR):
        if key in ("ArrowDown", "ArrowUp"):
            event.preventDefault()
            _open(target, focus_last=key == "ArrowUp")
        return
    menu = present(target.closest("[role=menu]"))
    if menu is None:
        return
    trigger = menu.previousElementSibling
    items = _items(menu)
    if key == "Escape":
        event.preventDefault()
        _close(trigger, return_focus=True)
    elif key == "Tab":
        # Focus moves on from the trigger's place in the page, as the pattern asks.
        _close(trigger, return_focus=False)
    elif key in ("ArrowDown", "ArrowUp", "Home", "End") and items:
        event.preventDefault()
        position = next((index for index, item in enumerate(items) if item == target), 0)
        step = {"ArrowDown": position + 1, "ArrowUp": position - 1, "Home": 0, "End": len(items) - 1}[key]
        items[step % len(items)].focus()
