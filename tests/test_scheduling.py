"""Tests of scheduling.PassScheduler: every order of page changes and slices, without a browser."""

from __future__ import annotations

import pytest

from errors import InvalidValue
from scheduling import PassScheduler, Phase, SliceEnd, Work


def run_slice(scheduler: PassScheduler, fields: int, budget: int | None = None) -> tuple[list[Work], SliceEnd]:
    """One slice as the shell runs it: list the fields when asked, handle work until the budget runs out."""
    if scheduler.begin_slice():
        scheduler.fields_listed(fields)
    handled = []
    while (work := scheduler.next_work()) is not None:
        scheduler.done(work)
        handled.append(work)
        if budget is not None and len(handled) >= budget:
            break
    return handled, scheduler.end_slice()


def test_a_pass_attaches_in_batches_then_checks_each_field_then_rests() -> None:
    scheduler = PassScheduler(attach_batch=2)
    assert scheduler.request() is True
    handled, end = run_slice(scheduler, fields=5)
    assert [(work.start, work.stop) for work in handled] == [(0, 2), (2, 4), (4, 5)]
    assert {work.phase for work in handled} == {Phase.ATTACH}
    assert end is SliceEnd.READY
    handled, end = run_slice(scheduler, fields=5)
    assert [(work.phase, work.start, work.stop) for work in handled] == [(Phase.CHECK, i, i + 1) for i in range(5)]
    assert end is SliceEnd.IDLE and not scheduler.pending


def test_ready_is_announced_once_and_later_passes_say_attached() -> None:
    scheduler = PassScheduler(attach_batch=10)
    scheduler.request()
    assert run_slice(scheduler, 3)[1] is SliceEnd.READY
    run_slice(scheduler, 3)
    assert scheduler.request() is True
    assert run_slice(scheduler, 3)[1] is SliceEnd.ATTACHED


def test_a_slice_out_of_time_asks_for_more_and_goes_on_where_it_stopped() -> None:
    scheduler = PassScheduler(attach_batch=1)
    scheduler.request()
    handled, end = run_slice(scheduler, fields=4, budget=2)
    assert end is SliceEnd.MORE and [work.stop for work in handled] == [1, 2]
    handled, end = run_slice(scheduler, fields=99)  # not listed again mid-pass
    assert [work.start for work in handled] == [2, 3] and end is SliceEnd.READY


def test_a_change_during_a_pass_schedules_nothing_new_and_starts_the_pass_over() -> None:
    scheduler = PassScheduler(attach_batch=1)
    scheduler.request()
    run_slice(scheduler, fields=4, budget=2)
    assert scheduler.request() is False  # a slice is already coming
    handled, end = run_slice(scheduler, fields=3)
    assert handled[0] == Work(Phase.ATTACH, 0, 1) and end is SliceEnd.READY


def test_a_change_while_values_are_checked_runs_one_more_pass() -> None:
    scheduler = PassScheduler(attach_batch=5)
    scheduler.request()
    run_slice(scheduler, 2)
    run_slice(scheduler, 2, budget=1)
    assert scheduler.request() is False
    # The next slice begins the new pass: buttons first, then every value again.
    handled, end = run_slice(scheduler, 2)
    assert handled == [Work(Phase.ATTACH, 0, 2)] and end is SliceEnd.ATTACHED
    handled, end = run_slice(scheduler, 2)
    assert [work.start for work in handled] == [0, 1] and end is SliceEnd.IDLE


def test_an_empty_page_is_ready_at_once() -> None:
    scheduler = PassScheduler(attach_batch=5)
    scheduler.request()
    assert run_slice(scheduler, 0) == ([], SliceEnd.READY)
    assert run_slice(scheduler, 0) == ([], SliceEnd.IDLE)


def test_a_failed_slice_never_wedges_the_scheduler() -> None:
    scheduler = PassScheduler(attach_batch=5)
    scheduler.request()
    run_slice(scheduler, 10, budget=1)
    scheduler.abandon()
    assert not scheduler.pending
    # The next change of the page starts a whole new pass.
    assert scheduler.request() is True
    handled, end = run_slice(scheduler, 3)
    assert handled[0] == Work(Phase.ATTACH, 0, 3) and end is SliceEnd.READY


def test_attach_batches_must_hold_a_field() -> None:
    with pytest.raises(InvalidValue, match="attach_batch"):
        PassScheduler(attach_batch=0)
