"""The one error boundary around everything the page calls in calendar-links.

An unexpected error is logged once, as one console line, and the field it concerns (if any)
says that no event was made; it never reaches the page as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import js

import page_render as render
from page_reader import present
from ui_text import UNEXPECTED

__all__ = ["guarded", "is_element"]


def is_element(target: Any) -> bool:
    """Whether an event target is an element (text nodes, the document and windows aren't)."""
    return present(target) is not None and getattr(target, "nodeType", None) == 1


def guarded(handler: Callable[..., None]) -> Callable[..., None]:
    """handler inside the error boundary."""

    def run(*args: Any) -> None:
        try:
            handler(*args)
        except Exception as error:  # noqa: BLE001 - the boundary is meant to catch everything
            js.console.error(f"calendar-links: {type(error).__name__}: {error}")
            target: Any = getattr(args[0], "target", None) if args else None
            if not is_element(target):
                return
            group = present(target.closest("." + render.GROUP_CLASS))
            if group is not None:
                render.show_message(group, UNEXPECTED, problem=False)

    return run
