"""Tests of click_guard: which clicks repeat one just carried out."""

from __future__ import annotations

import pytest

from calendar_links_core.click_guard import is_repeat


@pytest.mark.parametrize(
    ("click_count", "same_task", "repeat"),
    [
        (1, False, False),  # a click
        (0, False, False),  # a keyboard activation, or a script's single click()
        (2, False, True),  # the second click of a double click
        (3, False, True),
        (0, True, True),  # a script's fifty click() calls in one go
        (1, True, True),
    ],
)
def test_repeats(click_count: int, same_task: bool, repeat: bool) -> None:
    assert is_repeat(click_count, same_task) is repeat
