"""Problems as values: why a value, or a field, can't become an event.

A value a person typed never raises: reading it gives an Unreadable (why the value is not a
usable date), and a field that can't become an event gives a Problem (the same reason, naming
the field), a message for the page. Exceptions (errors.py) are for bugs in the calling code.
"""

from __future__ import annotations

from dataclasses import dataclass

from calendar_links_core.errors import InvalidValue
from calendar_links_core.wording import Words

__all__ = ["Problem", "Unreadable"]


@dataclass(frozen=True, slots=True)
class Unreadable:
    """Why a value is not usable: one sentence, starting lower-case, ending with a full stop."""

    reason: Words

    def __post_init__(self) -> None:
        if not self.reason.msgid.strip():
            raise InvalidValue(f"{type(self).__name__} needs a reason.")

    @property
    def message(self) -> str:
        """The reason in English."""
        return str(self.reason)


@dataclass(frozen=True, slots=True)
class Problem(Unreadable):
    """Why a field cannot become an event: a short message for the page, naming the field."""

    field_key: str
