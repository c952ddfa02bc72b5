"""Plain snapshots of the page, as the shell reads them: a record's and a field's raw attributes,
and what the browser says about the page. The core decides what they mean (drafting.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from calendar_links_core.date_names import DateLanguage
from calendar_links_core.errors import InvalidValue
from calendar_links_core.field_values import DATE_ORDERS
from calendar_links_core.settings import DEFAULT_DURATION_MINUTES
from calendar_links_core.text import is_given

__all__ = [
    "FIELD_TYPES",
    "MAX_DURATION_MINUTES",
    "VALUE_SOURCES",
    "FieldAttributes",
    "PageContext",
    "RecordAttributes",
    "field_label",
    "label_or_key",
]


FIELD_TYPES: Final = ("date", "datetime")
VALUE_SOURCES: Final = ("input", "data-value", "datetime", "text")

# A week: longer "events" are projects, and a typo such as 6000 for 60 should
# not quietly block four days.
MAX_DURATION_MINUTES: Final = 10080


@dataclass(frozen=True, slots=True)
class RecordAttributes:
    """Raw attributes of a field's nearest data-calendar-record element; None when absent."""

    record_id: str | None = None
    record_type: str | None = None
    name: str | None = None
    url: str | None = None
    location: str | None = None
    description: str | None = None
    time_zone: str | None = None
    duration_minutes: str | None = None
    date_order: str | None = None


@dataclass(frozen=True, slots=True)
class FieldAttributes:
    """Raw attributes of a data-calendar-field element and the value read from it at click time."""

    key: str
    field_type: str | None
    value: str
    value_source: str
    label: str | None = None
    event_title: str | None = None
    time_zone: str | None = None
    duration_minutes: str | None = None
    date_order: str | None = None
    input_type: str | None = None
    # A split field (a date control, then a time control): the time control's value and type.
    time_value: str | None = None
    time_input_type: str | None = None
    repeat: str | None = None
    end_field: str | None = None
    show_as: str | None = None

    def __post_init__(self) -> None:
        if self.value_source not in VALUE_SOURCES:
            raise InvalidValue(
                f"value_source {self.value_source!r} is not one of {', '.join(VALUE_SOURCES)}."
            )


@dataclass(frozen=True, slots=True)
class PageContext:
    """What the browser says about the page: its URL, zone, date order and default event length,
    the words of the language where the field stands (from the browser's locale data), and the
    base URL its relative links resolve against (document.baseURI; "" for the page's URL)."""

    page_url: str
    browser_time_zone: str
    browser_date_order: str
    default_duration_minutes: int = DEFAULT_DURATION_MINUTES
    date_language: DateLanguage | None = None
    base_url: str = ""

    def __post_init__(self) -> None:
        if self.browser_date_order not in DATE_ORDERS:
            raise InvalidValue(
                f"browser_date_order {self.browser_date_order!r} is not one of {', '.join(DATE_ORDERS)}; "
                "date_order_from_locale() gives one."
            )
        minutes = self.default_duration_minutes
        if isinstance(minutes, bool) or not 1 <= minutes <= MAX_DURATION_MINUTES:
            raise InvalidValue(
                f"default_duration_minutes {minutes!r} is not a whole number from 1 to {MAX_DURATION_MINUTES}; "
                "parse_default_duration() gives one."
            )


def field_label(field: FieldAttributes) -> str:
    """The field's human label: data-field-label, else its key."""
    return label_or_key(field.label, field.key)


def label_or_key(label: str | None, key: str) -> str:
    """A raw data-field-label if it says anything, else the field's key."""
    return label if is_given(label) else key
