"""The one error boundary around everything the page calls in calendar-links.

An unexpected error is logged as one console line, once per kind however often a host page
repeats it, and the field it concerns (if any) says that no event was made; it never reaches
the page as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeGuard


from calendar_links_page.interop import dom, js, present, proxy
from calendar_links_page import page_render as render
from calendar_links_core.scheduling import FaultLog
from calendar_links_core.ui_text import UNEXPECTED

__all__ = ["guarded", "is_element", "listener", "report"]

_reported = FaultLog()


def report(error: Exception) -> None:
    """Log an unexpected error as one console line, the first time this kind is seen."""
    description = f"{type(error).__name__}: {error}"
    if _reported.first_time(description):
        js.console.error(f"calendar-links: {description}")


def is_element(target: Any) -> TypeGuard[Any]:
    """Whether an event target is an element (text nodes, the document and windows aren't)."""
    return present(target) is not None and bool(dom.isElement(target))


def guarded(handler: Callable[..., None]) -> Callable[..., None]:
    """handler inside the error boundary."""

    def run(*args: Any) -> None:
        try:
            handler(*args)
        except Exception as error:  # noqa: BLE001 - the boundary is meant to catch everything
            report(error)
            target: Any = dom.eventTarget(args[0]) if args else None
            if not is_element(target):
                return
            group = present(dom.closest(target, "." + render.GROUP_CLASS))
            if group is not None:
                render.show_notice(group, UNEXPECTED)

    return run


def listener(handler: Callable[..., None]) -> Any:
    """handler inside the error boundary, made callable from JavaScript (a listener, an observer's
    or a timer's callback): made once per handler, it lives as long as the page."""
    return proxy(guarded(handler))
