"""Where the passes over a page's fields stand: which phase, which field next, what comes after (pure).

A pass brings every field in line in two phases. First each field gets its button group
(in batches, since the page does that work); then the page is ready, and each value is
checked so that an unreadable one shows its message before anyone clicks. A pass runs in
slices that yield to the browser in between. A page that changes while a pass runs wants
a new pass: the one under way starts over instead of a second one running beside it.

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

from errors import InvalidValue

__all__ = ["FaultLog", "Phase", "PassScheduler", "SliceEnd", "Work"]


class Phase(enum.Enum):
    """The two phases of a pass."""

    ATTACH = "attach"
    CHECK = "check"


class SliceEnd(enum.Enum):
    """What the shell does after a slice."""

    # Schedule the next slice.
    MORE = "more"
    # Every field has its buttons: remove the groups whose field went away, then schedule
    # the next slice (the checks).
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
        self._ready = False
        self._phase = Phase.ATTACH
        self._next = 0
        self._count = 0
        # Fields before this index are handled one at a time: a batch among them failed.
        self._one_by_one_until = 0

    @property
    def pending(self) -> bool:
        """Whether a pass is under way or scheduled (a slice will run)."""
        return self._pending

    def request(self) -> bool:
        """The page changed: a pass is wanted. True when the shell must schedule a slice."""
        self._start_over = True
        if self._pending:
            return False
        self._pending = True
        return True

    def begin_slice(self) -> bool:
        """A slice starts. True when the shell must list the fields again (a new pass)."""
        if not self._start_over:
            return False
        self._start_over = False
        self._phase, self._next, self._count, self._one_by_one_until = Phase.ATTACH, 0, 0, 0
        return True

    def fields_listed(self, count: int) -> None:
        """The shell listed the fields of the new pass: count of them."""
        self._count = count

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
            if not self._ready:
                self._ready = True
                return SliceEnd.READY
            return SliceEnd.ATTACHED
        if self._start_over:
            # The page changed while the checks ran: the next slice begins a new pass.
            return SliceEnd.MORE
        self._pending = False
        return SliceEnd.IDLE

    def abandon(self) -> None:
        """A slice failed: drop the pass, so the next request starts a new one."""
        self._pending = False
        self._start_over = False


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
