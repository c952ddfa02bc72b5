"""The hint a host may place on its pages (`data-calendar-hint`): while no calendar is enabled, a
line that leads to the App Marketplace; nothing once one is.
"""

from __future__ import annotations

from typing import Final

from calendar_links_page.interop import dom, present
from calendar_links import record_link
from calendar_links_page.languages import language_of, speak_as
from calendar_links_page.page_reader import attribute
from calendar_links_page.page_render import element
from calendar_links_core.ui_text import HINT_LINK, HINT_TEXT

__all__ = ["HINT_SELECTOR", "render_hints"]

HINT_SELECTOR: Final = "[data-calendar-hint]"
_HINT_CLASS: Final = "calendar-links-hint"


def render_hints(show: bool, page_url: str, base_url: str) -> None:
    """Fill every host-placed [data-calendar-hint] with a line that leads to the marketplace while
    no calendar is enabled; empty them once one is."""
    for container in dom.allInPage(HINT_SELECTOR):
        current = present(container.querySelector("." + _HINT_CLASS))
        if not show:
            if current is not None:
                container.replaceChildren()
            continue
        language = language_of(container)
        # The host's link, where only http(s) is followed (the record link's rule).
        target = record_link(attribute(container, "data-calendar-hint"), page_url, base_url)
        made_for = f"{language.code} {target}"
        if current is not None and current.getAttribute("data-calendar-hint-for") == made_for:
            continue
        hint = element("p", _HINT_CLASS)
        speak_as(hint, language)
        hint.setAttribute("data-calendar-hint-for", made_for)
        icon = element("span", "calendar-links-hint__icon")
        icon.setAttribute("aria-hidden", "true")
        link = element("a", "", language.text(HINT_LINK))
        link.href = target
        hint.append(icon, element("span", "", language.text(HINT_TEXT) + " "), link)
        dom.styleRootAround(container)
        container.replaceChildren(hint)
