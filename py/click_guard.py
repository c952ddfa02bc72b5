"""Whether a click on a calendar button repeats one just carried out (pure).

A person who double-clicks, or a page that fires fifty clicks at once, must get one tab or
one download, not one per click. A click after a pause, or for an event that changed in
between (the date was edited), is a new request.
"""

from __future__ import annotations

from typing import Final

__all__ = ["REPEAT_WINDOW_MS", "is_repeat"]

# Long enough for a double or triple click and a slow new tab; short enough that a person
# who means to add the event again doesn't notice.
REPEAT_WINDOW_MS: Final = 1500.0


def is_repeat(last: tuple[str, float] | None, event: str, now_ms: float) -> bool:
    """True when the button's last click carried out, (event, at ms), made this event under REPEAT_WINDOW_MS ago."""
    if last is None:
        return False
    last_event, last_ms = last
    return last_event == event and 0 <= now_ms - last_ms < REPEAT_WINDOW_MS
