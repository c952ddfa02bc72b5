"""Whether a click on a calendar button repeats one just carried out (pure).

A person who double-clicks, or a page that fires fifty clicks at once, must get one tab or
one download, not one per click; a click after a pause is a new request.
"""

from __future__ import annotations

from typing import Final

__all__ = ["REPEAT_WINDOW_MS", "is_repeat"]

# Long enough for a double or triple click and a slow new tab; short enough that a person
# who means to add the event again doesn't notice.
REPEAT_WINDOW_MS: Final = 1500.0


def is_repeat(last_carried_out_ms: float | None, now_ms: float) -> bool:
    """True when the same button's last click that was carried out is under REPEAT_WINDOW_MS ago."""
    return last_carried_out_ms is not None and 0 <= now_ms - last_carried_out_ms < REPEAT_WINDOW_MS
