"""Whether a click on a calendar button repeats one just carried out (pure).

A person who double-clicks, or a script that fires fifty clicks at once, must get one tab or
one download, not one per click. The browser counts a person's quick clicks (the click
event's `detail`, by the system's double-click setting); clicks a script fires in one go
arrive within one task. A click after that is a new request, even a moment later: two
downloads in one second each get their own, rising SEQUENCE.
"""

from __future__ import annotations

__all__ = ["is_repeat"]


def is_repeat(click_count: int, same_task_as_last: bool) -> bool:
    """True for a person's second and later quick click, or for a click in a task that already made one."""
    return click_count >= 2 or same_task_as_last
