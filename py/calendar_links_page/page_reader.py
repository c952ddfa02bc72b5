"""Read the record page into plain snapshots for the core: a record's and a field's attributes
and the field's value. Records and fields are read here only; other shell modules read the
page too, but only for the language where an element stands (languages.py), the containers a
host placed for a panel or a hint, and the markup they drew themselves.

Everything here returns the raw attribute text as the page holds it; deciding what it means
is the core's job (calendar_links.event_draft). The page's elements are read through the
platform's own methods (calendar_links_dom), never their properties, which a form control
named "getAttribute" or "closest" would shadow.
"""

from __future__ import annotations

from typing import Any


from calendar_links_page.interop import dom, js_array, present
from calendar_links import FieldAttributes, RecordAttributes

__all__ = [
    "FIELD_SELECTOR",
    "RECORD_SELECTOR",
    "WATCHED_ATTRIBUTES",
    "field_attributes",
    "attribute",
    "end_field_of",
    "end_snapshot",
    "field_key",
    "field_language",
    "record_attributes",
    "record_of",
]

RECORD_SELECTOR = "[data-calendar-record]"
FIELD_SELECTOR = "[data-calendar-field]"

_RECORD_ATTRIBUTES = {
    "record_id": "data-record-id",
    "record_type": "data-record-type",
    "name": "data-record-name",
    "url": "data-record-url",
    "location": "data-record-location",
    "description": "data-record-description",
    "time_zone": "data-time-zone",
    "duration_minutes": "data-duration-minutes",
    "date_order": "data-date-order",
}
_FIELD_ATTRIBUTES = {
    "field_type": "data-field-type",
    "label": "data-field-label",
    "event_title": "data-event-title",
    "time_zone": "data-time-zone",
    "duration_minutes": "data-duration-minutes",
    "date_order": "data-date-order",
    "repeat": "data-repeat",
    "end_field": "data-end-field",
    "show_as": "data-show-as",
}
# Settings that any element may hold for everything inside it (<html> included); a field
# uses the nearest, its own first. A blank one counts as absent, as everywhere.
_INHERITED = {"data-time-zone", "data-duration-minutes", "data-date-order"}
# Attribute changes that can change a field's buttons or event; the observer watches these.
WATCHED_ATTRIBUTES = sorted(
    {"data-calendar-record", "data-calendar-field", "data-calendar-auto", "data-value", "datetime", "value", "lang"}
    | set(_RECORD_ATTRIBUTES.values())
    | set(_FIELD_ATTRIBUTES.values())
)
# Elements whose live `value` is the field's value (what the person typed); hidden inputs
# that frameworks put beside a widget hold no date.
_VALUE_ELEMENTS = "input, textarea, select"
_VALUE_CONTROLS = "input:not([type=hidden]), textarea, select"


def attribute(element: Any, name: str) -> str | None:
    """An attribute's text, or None when the element doesn't have it."""
    value = present(dom.getAttribute(element, name))
    return None if value is None else str(value)


class _Settings:
    """Attributes read from the page in one call, each under its name in the core's snapshot
    (RecordAttributes, FieldAttributes); one of _INHERITED from the nearest element that holds
    it, the element first (across shadow roots: a component's fields inherit from the page
    around it)."""

    def __init__(self, names: dict[str, str]) -> None:
        self._names = names
        self._page_lists: tuple[Any, Any] | None = None

    def read(self, element: Any) -> dict[str, str | None]:
        if self._page_lists is None:
            # Made on first use, on the page: the snapshot can't hold the page's objects.
            html_names = list(self._names.values())
            self._page_lists = (js_array(html_names), js_array([name in _INHERITED for name in html_names]))
        values = dom.settingsOf(element, *self._page_lists).to_py()
        return {name: None if present(value) is None else str(value) for name, value in zip(self._names, values)}


_RECORD_SETTINGS = _Settings(_RECORD_ATTRIBUTES)
_FIELD_SETTINGS = _Settings(_FIELD_ATTRIBUTES)


def field_language(field: Any) -> str:
    """The language of the page where the field stands (nearest lang), "" when none says."""
    holder = present(dom.closestAcross(field, "[lang]"))
    return "" if holder is None else (attribute(holder, "lang") or "").strip()


def field_key(element: Any) -> str:
    """The field's KEY, as the page wrote it."""
    return attribute(element, "data-calendar-field") or ""


def record_of(field: Any) -> Any:
    """The field's nearest record ancestor (across shadow roots, through their hosts), or None."""
    return present(dom.recordOf(field))


def end_field_of(field: Any) -> Any:
    """The field that the field's data-end-field names in the same record, or None."""
    key = (attribute(field, "data-end-field") or "").strip()
    return present(dom.fieldOfRecord(field, key, FIELD_SELECTOR)) if key else None


def end_snapshot(field: Any) -> FieldAttributes | None:
    """The snapshot of the field where the field's event ends (data-end-field), if the record has it."""
    end = end_field_of(field)
    return None if end is None else field_attributes(end)


def record_attributes(record: Any) -> RecordAttributes:
    """The record element's attributes; an empty record when the field has none."""
    if record is None:
        return RecordAttributes()
    return RecordAttributes(**_RECORD_SETTINGS.read(record))


def field_attributes(field: Any) -> FieldAttributes:
    """The field's attributes and its value as it reads right now (first match wins)."""
    value, source, input_type = _current_value(field)
    time_control = _time_control(field)
    return FieldAttributes(
        key=field_key(field),
        value=value,
        value_source=source,
        input_type=input_type,
        time_value=None if time_control is None else str(time_control.value),
        time_input_type=None if time_control is None else (attribute(time_control, "type") or "text"),
        **_FIELD_SETTINGS.read(field),
    )


def _time_control(field: Any) -> Any:
    """The second of a split field's two controls (the time), else None."""
    # A field element holding a date control and then a time control, as Django's admin
    # renders its default datetime widget (two text inputs): the core joins them.
    if dom.matches(field, _VALUE_ELEMENTS):
        return None
    controls = dom.elementQuerySelectorAll(field, _VALUE_CONTROLS)
    return controls.item(1) if controls.length == 2 else None


def _current_value(field: Any) -> tuple[str, str, str | None]:
    """The value text, where it came from, and the input type when it came from an input."""
    control = field if dom.matches(field, _VALUE_ELEMENTS) else present(dom.querySelector(field, _VALUE_CONTROLS))
    if control is not None:
        return str(control.value), "input", attribute(control, "type") or "text"
    data_value = attribute(field, "data-value")
    if data_value is not None:
        return data_value, "data-value", None
    time_element = (
        field if dom.hasAttribute(field, "datetime") else present(dom.querySelector(field, "time[datetime]"))
    )
    if time_element is not None:
        return attribute(time_element, "datetime") or "", "datetime", None
    return str(dom.textContent(field) or ""), "text", None
