"""Tests of click_guard: which clicks repeat one just carried out."""

from __future__ import annotations

from click_guard import REPEAT_WINDOW_MS, is_repeat


def test_the_first_click_is_never_a_repeat() -> None:
    assert is_repeat(None, "event", 0.0) is False


def test_the_same_event_within_the_window_is_a_repeat_and_after_it_is_not() -> None:
    assert is_repeat(("event", 1000.0), "event", 1000.0) is True
    assert is_repeat(("event", 1000.0), "event", 1000.0 + REPEAT_WINDOW_MS - 1) is True
    assert is_repeat(("event", 1000.0), "event", 1000.0 + REPEAT_WINDOW_MS) is False


def test_a_changed_event_is_a_new_request_at_once() -> None:
    assert is_repeat(("event on 1 Dec", 1000.0), "event on 2 Dec", 1001.0) is False


def test_a_clock_that_went_back_is_no_repeat() -> None:
    # performance.now() never goes back on one page, but a button kept across documents could.
    assert is_repeat(("event", 5000.0), "event", 10.0) is False
