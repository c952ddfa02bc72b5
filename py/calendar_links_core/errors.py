"""The one exception family that calendar-links' pure modules raise.

Catching CalendarLinksError catches every error they raise on purpose; anything else that
escapes them is a bug. A value a person typed never raises: it becomes a Problem (a message
for the page) instead. These exceptions mean the calling code broke a rule.
"""

from __future__ import annotations

__all__ = ["CalendarLinksError", "InvalidValue", "MissingData"]


class CalendarLinksError(Exception):
    """The root of every exception the pure modules raise on purpose."""


class InvalidValue(CalendarLinksError, ValueError):
    """A value object was given values that break its rules (a bug in the caller, not in the page)."""


class MissingData(CalendarLinksError, RuntimeError):
    """Data the core needs did not come with it (the tzdata package's zones): a broken install."""
