"""Tests of scheduling.PassScheduler: every order of page changes and slices, without a browser."""

from __future__ import annotations

import re

import pytest

from calendar_links_core.errors import InvalidValue
from calendar_links_core.scheduling import FaultLog, Listing, NearView, PassScheduler, Phase, SliceEnd, Work
from hashed_names import web_constant


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


def test_a_page_watched_near_the_view_is_ready_after_the_first_pass_that_gives_groups() -> None:
    scheduler = PassScheduler(attach_batch=5)
    scheduler.request()
    assert scheduler.begin_slice() is Listing.ALL
    scheduler.fields_listed(8)
    scheduler.defer_ready()
    while (work := scheduler.next_work()) is not None:
        scheduler.done(work)
    # Watched only: the orphans go, but the page is not ready yet.
    assert scheduler.end_slice() is SliceEnd.ATTACHED and not scheduler.ready
    # The checks cover only the fields given groups so far: none.
    scheduler.fields_listed(0)
    assert scheduler.next_work() is None
    assert scheduler.end_slice() is SliceEnd.IDLE
    # Fields came near the view: the pass that gives them their groups makes the page ready.
    assert scheduler.request_changed() is True
    handled, end = run_slice(scheduler, fields=3)
    assert handled == [Work(Phase.ATTACH, 0, 3)] and end is SliceEnd.READY and scheduler.ready


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


def run_faulty_slice(
    scheduler: PassScheduler, fields: int, bad_fields: set[int], bad_phases: set[Phase]
) -> tuple[list[Work], SliceEnd]:
    """A slice where work touching a bad field fails in the bad phases, as a hostile field would."""
    if scheduler.begin_slice():
        scheduler.fields_listed(fields)
    handled = []
    while (work := scheduler.next_work()) is not None:
        if work.phase in bad_phases and bad_fields & set(range(work.start, work.stop)):
            scheduler.failed(work)
        else:
            scheduler.done(work)
            handled.append(work)
    return handled, scheduler.end_slice()


@pytest.mark.parametrize("bad_phases", [{Phase.ATTACH}, {Phase.CHECK}, {Phase.ATTACH, Phase.CHECK}])
def test_a_failing_field_costs_only_its_own_work_and_later_fields_are_still_handled(
    bad_phases: set[Phase],
) -> None:
    scheduler = PassScheduler(attach_batch=4)
    scheduler.request()
    bad = {1, 6}
    handled, end = run_faulty_slice(scheduler, 10, bad, bad_phases)
    attached = {index for work in handled for index in range(work.start, work.stop)}
    expected_attached = set(range(10)) - (bad if Phase.ATTACH in bad_phases else set())
    assert attached == expected_attached and end is SliceEnd.READY
    # Batches without a bad field stay batches: only the failed ones are retried one by one.
    if Phase.ATTACH in bad_phases:
        assert Work(Phase.ATTACH, 8, 10) in handled and Work(Phase.ATTACH, 0, 1) in handled
    handled, end = run_faulty_slice(scheduler, 10, bad, bad_phases)
    checked = [work.start for work in handled]
    assert checked == [i for i in range(10) if Phase.CHECK not in bad_phases or i not in bad]
    assert end is SliceEnd.IDLE and not scheduler.pending
    # Fields added later get a whole new pass, in batches again.
    assert scheduler.request() is True
    handled, end = run_faulty_slice(scheduler, 12, set(), set())
    assert handled[0] == Work(Phase.ATTACH, 0, 4) and end is SliceEnd.ATTACHED


def test_a_fault_at_every_step_of_a_pass_still_lets_the_next_change_run_a_pass() -> None:
    # Fail the shell's slice at each point: after listing, mid-attach, at the end of attaching,
    # mid-check; each time the next change of the page must still schedule and finish a pass.
    for fail_after_steps in range(6):
        scheduler = PassScheduler(attach_batch=2)
        scheduler.request()
        steps = 0
        try:
            while True:
                if scheduler.begin_slice():
                    scheduler.fields_listed(4)
                while (work := scheduler.next_work()) is not None:
                    if steps == fail_after_steps:
                        raise RuntimeError("host page fault")
                    steps += 1
                    scheduler.done(work)
                if scheduler.end_slice() is SliceEnd.IDLE:
                    break
        except RuntimeError:
            scheduler.abandon()
        assert scheduler.request() is True, fail_after_steps
        while run_slice(scheduler, 5)[1] is not SliceEnd.IDLE:
            pass
        assert not scheduler.pending


def test_each_fault_is_reported_once() -> None:
    log = FaultLog()
    assert log.first_time("TypeError: x") is True
    assert log.first_time("TypeError: x") is False
    assert log.first_time("TypeError: y") is True
    for index in range(FaultLog.LIMIT):
        log.first_time(f"noise {index}")
    assert log.first_time("one too many") is False


def listed_slice(scheduler: PassScheduler, fields: dict[Listing, int]) -> tuple[Listing | None, list[Work], SliceEnd]:
    """One slice where the shell lists fields[ALL] or fields[CHANGED] fields when a pass begins."""
    listing = scheduler.begin_slice()
    if listing is not None:
        scheduler.fields_listed(fields[listing])
    handled = []
    while (work := scheduler.next_work()) is not None:
        scheduler.done(work)
        handled.append(work)
    return listing, handled, scheduler.end_slice()


def test_changed_fields_during_a_pass_wait_for_it_and_then_get_a_pass_of_their_own() -> None:
    scheduler = PassScheduler(attach_batch=100)
    scheduler.request()
    counts = {Listing.ALL: 50, Listing.CHANGED: 3}
    assert listed_slice(scheduler, counts)[::2] == (Listing.ALL, SliceEnd.READY)
    assert scheduler.request_changed() is False  # the checks of the full pass still run
    scheduler.begin_slice()  # not a new pass: the checks go on
    assert scheduler.next_work() == Work(Phase.CHECK, 0, 1)
    # Checks of the whole page finish first, then only the changed fields come.
    while (work := scheduler.next_work()) is not None:
        scheduler.done(work)
    assert scheduler.end_slice() is SliceEnd.MORE
    listing, handled, end = listed_slice(scheduler, counts)
    # No orphan search after a pass over changed fields: the shell did that as it heard of removals.
    assert (listing, handled, end) == (Listing.CHANGED, [Work(Phase.ATTACH, 0, 3)], SliceEnd.MORE)
    listing, handled, end = listed_slice(scheduler, counts)
    assert listing is None and [work.start for work in handled] == [0, 1, 2] and end is SliceEnd.IDLE


def test_a_storm_of_changes_is_one_pass_at_a_time_and_new_settings_still_restart() -> None:
    scheduler = PassScheduler(attach_batch=2)
    scheduler.request()
    while listed_slice(scheduler, {Listing.ALL: 4, Listing.CHANGED: 0})[2] is not SliceEnd.IDLE:
        pass
    assert scheduler.request_changed() is True
    assert all(scheduler.request_changed() is False for _ in range(100))
    listing, handled, end = listed_slice(scheduler, {Listing.ALL: 4, Listing.CHANGED: 5})
    assert listing is Listing.CHANGED and end is SliceEnd.MORE
    # New settings mid-pass: the pass starts over, over every field.
    scheduler.request_changed()
    assert scheduler.request() is False
    listing, handled, end = listed_slice(scheduler, {Listing.ALL: 4, Listing.CHANGED: 5})
    assert listing is Listing.ALL and handled[0] == Work(Phase.ATTACH, 0, 2) and end is SliceEnd.ATTACHED
    listing, handled, end = listed_slice(scheduler, {Listing.ALL: 4, Listing.CHANGED: 5})
    assert listing is None and len(handled) == 4 and end is SliceEnd.IDLE


# --- Very long pages: fields watched near the view (NearView) ------------------------------


def test_a_page_past_the_threshold_is_watched_and_its_ready_waits_until_the_page_says_what_is_near() -> None:
    near_view = NearView(watch_from=3)
    assert near_view.begin_pass(Listing.ALL, 3) is False
    assert not near_view.watched
    assert near_view.begin_pass(Listing.ALL, 4) is True
    assert near_view.watched and near_view.afresh
    near_view.seen()
    # Once the page has said which fields are near, later passes don't wait for it.
    assert near_view.begin_pass(Listing.ALL, 4) is False
    assert near_view.watched


def test_a_pass_over_changed_fields_keeps_the_page_watched_and_one_over_all_fields_decides_anew() -> None:
    near_view = NearView(watch_from=3)
    near_view.begin_pass(Listing.ALL, 10)
    # Two fields changed: still a long page, whose new fields join the runs already watched.
    near_view.begin_pass(Listing.CHANGED, 2)
    assert near_view.watched and not near_view.afresh
    # The page is short again.
    near_view.begin_pass(Listing.ALL, 2)
    assert not near_view.watched
    # A host adding more fields at once than the threshold makes the page watched.
    near_view.begin_pass(Listing.CHANGED, 5)
    assert near_view.watched


def test_a_watched_pass_narrows_its_checks_once_and_a_short_page_never() -> None:
    near_view = NearView(watch_from=3)
    near_view.begin_pass(Listing.ALL, 2)
    assert near_view.narrow_checks() is False
    near_view.begin_pass(Listing.ALL, 5)
    assert near_view.narrow_checks() is True
    assert near_view.narrow_checks() is False
    near_view.begin_pass(Listing.CHANGED, 1)
    assert near_view.narrow_checks() is True


def test_near_view_needs_a_threshold_of_a_field_at_least() -> None:
    with pytest.raises(InvalidValue):
        NearView(watch_from=0)


def test_the_runtime_and_the_scheduler_call_the_same_pages_long() -> None:
    # WINDOW_FROM is defined once, in web/calendar-links-long-pages.mjs: the runtime needs it
    # before Python starts (no loading placeholder on a long page) and the shell hands the same
    # value to NearView. Both must also draw the line at the same count.
    window_from = int(web_constant("calendar-links-long-pages.mjs", "WINDOW_FROM"))
    assert re.search(r"\.length > WINDOW_FROM$", web_constant("calendar-links-long-pages.mjs", "isLongPage"))
    near_view = NearView(window_from)
    near_view.begin_pass(Listing.ALL, window_from)
    assert not near_view.watched
    near_view.begin_pass(Listing.ALL, window_from + 1)
    assert near_view.watched
