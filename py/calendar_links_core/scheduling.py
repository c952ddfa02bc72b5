"""Where the passes over a page's fields stand: which phase, which field next, what comes after (pure).

A pass brings every field in line in two phases. First each field gets its button group
(in batches, since the page does that work); then the page is ready, and each value is
checked so that an unreadable one shows its message before anyone clicks. A pass runs in
slices that yield to the browser in between.

A pass covers every field of the page (at start, and when the settings change: a pass under
way then starts over) or only the fields the page changed since the last one: a host page
that adds and removes thousands of fields costs work for those fields only, and a change
during a pass waits for that pass to end instead of restarting it.

Nothing a host page does may stop the passes for good: work that fails is skipped (a batch
of fields is first retried one field at a time, so one hostile field costs only its own
buttons), a slice that fails as a whole drops its pass so the next change starts a new one,
and each kind of failure is reported once.

The shell owns the fields, the clock and the timers; this object only keeps count, so
every order of events can be tried in CPython.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from calendar_links_core.errors import InvalidValue

__all__ = ["FaultLog", "Listing", "NearView", "Phase", "PassScheduler", "SliceEnd", "Work"]


class Phase(enum.Enum):
    """The two phases of a pass."""

    ATTACH = "attach"
    CHECK = "check"


class Listing(enum.Enum):
    """Which fields a new pass covers."""

    ALL = "all"
    CHANGED = "changed"


class SliceEnd(enum.Enum):
    """What the shell does after a slice."""

    # Schedule the next slice.
    MORE = "more"
    # Every field of a pass over all of them has its buttons: remove the groups whose field
    # went away, then schedule the next slice (the checks).
    ATTACHED = "attached"
    # As ATTACHED, for the first time on this page: also announce that the page is ready.
    READY = "ready"
    # The pass is over and nothing else is wanted: schedule nothing.
    IDLE = "idle"


@dataclass(frozen=True, slots=True)
class Work:
    """Fields start to stop-1 of the current list, in one phase."""

    phase: Phase
    start: int
    stop: int


class PassScheduler:
    """The state of the passes over the page's fields; the shell asks it what to do next."""

    def __init__(self, attach_batch: int) -> None:
        if attach_batch < 1:
            raise InvalidValue(f"attach_batch {attach_batch!r} must be at least 1.")
        self._attach_batch = attach_batch
        self._pending = False
        self._start_over = False
        self._changed = False
        self._in_pass = False
        self._listing = Listing.ALL
        self._ready = False
        self._ready_deferred = False
        self._phase = Phase.ATTACH
        self._next = 0
        self._count = 0
        # Fields before this index are handled one at a time: a batch among them failed.
        self._one_by_one_until = 0

    @property
    def pending(self) -> bool:
        """Whether a pass is under way or scheduled (a slice will run)."""
        return self._pending

    @property
    def ready(self) -> bool:
        """Whether the page was announced ready."""
        return self._ready

    def request(self) -> bool:
        """Every field needs a pass (start, new settings). True when the shell must schedule a slice."""
        self._start_over = True
        return self._schedule()

    def request_changed(self) -> bool:
        """Some fields changed: they need a pass. True when the shell must schedule a slice."""
        self._changed = True
        return self._schedule()

    def _schedule(self) -> bool:
        if self._pending:
            return False
        self._pending = True
        return True

    def begin_slice(self) -> Listing | None:
        """A slice starts: which fields the shell must list for a new pass, or None to go on."""
        if self._start_over:
            # Every field, the changed ones among them; a pass under way starts over.
            self._start_over = self._changed = False
            listing = Listing.ALL
        elif self._changed and not self._in_pass:
            self._changed = False
            listing = Listing.CHANGED
        else:
            return None
        self._in_pass, self._listing, self._ready_deferred = True, listing, False
        self._phase, self._next, self._count, self._one_by_one_until = Phase.ATTACH, 0, 0, 0
        return listing

    def fields_listed(self, count: int) -> None:
        """The shell listed count fields for the new pass (again, fewer, as its checks begin)."""
        self._count = count

    def defer_ready(self) -> None:
        """This pass's fields wait to come near the view: ready comes with a later pass."""
        # Which of them get groups isn't known yet, so the page isn't ready when this pass's
        # first phase ends, but when the first phase of a later pass does.
        self._ready_deferred = True

    def next_work(self) -> Work | None:
        """The next fields to handle in this slice, or None when the phase is done."""
        if self._next >= self._count:
            return None
        one_by_one = self._phase is Phase.CHECK or self._next < self._one_by_one_until
        size = 1 if one_by_one else self._attach_batch
        return Work(self._phase, self._next, min(self._count, self._next + size))

    def done(self, work: Work) -> None:
        """The shell handled work."""
        self._next = work.stop

    def failed(self, work: Work) -> None:
        """The shell could not handle work: retry a batch field by field, skip a single field."""
        if work.stop - work.start > 1:
            self._one_by_one_until = work.stop
        else:
            self._next = work.stop

    def end_slice(self) -> SliceEnd:
        """The slice stops (out of time, or out of work): what comes next."""
        if self._next < self._count:
            return SliceEnd.MORE
        if self._phase is Phase.ATTACH:
            self._phase, self._next, self._one_by_one_until = Phase.CHECK, 0, 0
            if not self._ready and not self._ready_deferred:
                self._ready = True
                return SliceEnd.READY
            # After a pass over the changed fields only, no orphaned groups are looked for:
            # the shell removes those as it hears of the removals.
            return SliceEnd.ATTACHED if self._listing is Listing.ALL else SliceEnd.MORE
        self._in_pass = False
        if self._start_over or self._changed:
            # The page changed during the pass: the next slice begins a new one.
            return SliceEnd.MORE
        self._pending = False
        return SliceEnd.IDLE

    def abandon(self) -> None:
        """A slice failed: drop the pass, so the next request starts a new one."""
        self._pending = self._start_over = self._changed = self._in_pass = False


class NearView:
    """Whether a very long page's fields are watched near the view instead of all given groups.

    A pass over more than watch_from fields (or a page watched since, on a pass over its
    changed fields) watches them: the page says which runs of fields come near the view or go
    far, and only those near get groups and checks. A pass over all fields decides anew.
    """

    def __init__(self, watch_from: int) -> None:
        if watch_from < 1:
            raise InvalidValue(f"watch_from {watch_from!r} must be at least 1.")
        self._watch_from = watch_from
        # On the page until a pass over all its fields finds it short again; on this pass.
        self._page_watched = self._watched = False
        # Whether the page has said which watched fields are near the view.
        self._seen = False
        # Whether this pass's checks were narrowed to the fields with groups.
        self._narrowed = False
        self._afresh = False

    @property
    def watched(self) -> bool:
        """Whether this pass watches its fields near the view."""
        return self._watched

    @property
    def afresh(self) -> bool:
        """Whether this pass makes the runs of watched fields anew (it covers all of them, in order)."""
        return self._afresh

    def begin_pass(self, listing: Listing, count: int) -> bool:
        """A pass listed count fields: True when its ready must wait (PassScheduler.defer_ready)."""
        kept = self._page_watched and listing is Listing.CHANGED
        self._page_watched = kept or count > self._watch_from
        self._watched, self._narrowed = self._page_watched, False
        self._afresh = listing is Listing.ALL
        return self._watched and not self._seen

    def seen(self) -> None:
        """The page said which watched fields are near the view."""
        self._seen = True

    def narrow_checks(self) -> bool:
        """The checks begin: True once per watched pass, when only the fields with groups are to be listed."""
        if not self._watched or self._narrowed:
            return False
        self._narrowed = True
        return True


class FaultLog:
    """Which failures were reported already: a fault that repeats on every pass is told once."""

    # Past this many different faults the page is reporting noise; the rest stay quiet.
    LIMIT = 50

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def first_time(self, description: str) -> bool:
        """True the first time this description is seen (and while fewer than LIMIT were)."""
        if description in self._seen or len(self._seen) >= self.LIMIT:
            return False
        self._seen.add(description)
        return True
