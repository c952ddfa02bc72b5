"""Draw what a group offers when a tab or a download may not have happened (the core's
Substitute): the notice saying what blocked it, and the link, or the text to copy or share.

The text to copy stands in a visible read-only field, so it can be selected and copied by hand
where the Clipboard API is refused (a cross-origin frame without clipboard-write).
"""

from __future__ import annotations

from typing import Any, Final

from calendar_links_page import browser_actions as browser
from calendar_links_page import page_reader as reader
from calendar_links_page import page_render as render
from calendar_links_page.languages import language_of
from calendar_links_core.frames import CopyOffer, Substitute, copy_status
from calendar_links_core.ui_text import SHARE_TEXT

__all__ = ["COPY_BUTTON_SELECTOR", "SHARE_BUTTON_SELECTOR", "on_copy_click", "on_share_click", "show_substitute"]

COPY_BUTTON_SELECTOR: Final = 'button[data-calendar-action="copy"]'
SHARE_BUTTON_SELECTOR: Final = 'button[data-calendar-action="share"]'
_OFFER_CLASS: Final = "calendar-links__copy"
# A link fits on one line; an .ics file shows a few of its lines, the rest scrolls.
_FILE_ROWS: Final = 6


def show_substitute(group: Any, substitute: Substitute) -> None:
    """Say what blocked the tab or the download, and offer what still works."""
    if substitute.link_text is not None:
        render.show_message_with_link(group, substitute.said, substitute.link_text, substitute.url)
        return
    render.show_notice(group, substitute.said)
    if substitute.copy is None:
        return
    message = group.querySelector("." + render.MESSAGE_CLASS)
    message.append(_offer(group, substitute.copy))
    # There to be used, and kept until the next click on a calendar button: the timer clears
    # only the text it set.
    message.classList.add(render.MESSAGE_CLASS + "--with-link", render.MESSAGE_CLASS + "--substitute")


def _offer(group: Any, offer: CopyOffer) -> Any:
    language = language_of(group)
    box = render.element("span", _OFFER_CLASS)
    if offer.file_name:
        field = render.element("textarea", "calendar-links__copy-text")
        field.rows = _FILE_ROWS
    else:
        field = render.element("input", "calendar-links__copy-text")
        field.type = "text"
    field.readOnly = True
    field.spellcheck = False
    field.setAttribute("aria-label", language.text(offer.field_label))
    box.append(field, _action_button("copy", language.text(offer.copy_label)))
    if offer.share:
        share = _action_button("share", language.gettext(SHARE_TEXT))
        if offer.file_name:
            share.setAttribute("data-calendar-file", offer.file_name)
            share.setAttribute("data-calendar-media-type", offer.media_type)
        box.append(share)
    status = render.element("span", "calendar-links__copy-status")
    status.setAttribute("role", "status")
    box.append(status)
    browser.offer_text(box, offer.text)
    return box


def _action_button(action: str, label: str) -> Any:
    button = render.element("button", "calendar-links__button calendar-links__copy-button", label)
    button.type = "button"
    button.setAttribute("data-calendar-action", action)
    return button


def on_copy_click(button: Any, group: Any) -> None:
    """Copy the offered text, or select it for the person to copy where the clipboard is refused."""
    language = language_of(group)
    browser.copy_offer(button, language.text(copy_status(True)), language.text(copy_status(False)))


def on_share_click(button: Any, group: Any) -> None:
    """Hand the offered text to the browser's share sheet: a file as a File, a link as a URL."""
    file_name = reader.attribute(button, "data-calendar-file") or ""
    media_type = reader.attribute(button, "data-calendar-media-type") or ""
    browser.share_offer(button, file_name, media_type, language_of(group).text(copy_status(False)))
