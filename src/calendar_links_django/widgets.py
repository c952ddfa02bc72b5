"""A form widget marked for calendar-links, whatever widget the form uses for a date.

The widget is the host's own (Django's admin `vDateField` text input, its split date and time,
a project's DateInput subclass): its class is extended, never replaced, so it renders exactly
as before, inside a record element (data-calendar-record with the record's type, name, id and
admin link, and the zone Django shows times in). A single input is the field itself, so the
admin's "Today | calendar" shortcuts stay right after it and the buttons follow them; a split
date and time is wrapped in one field element that calendar-links reads as one value.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from .markup import attributes_html

__all__ = ["MarkedWidget", "marked"]

_marked_classes: dict[type, type] = {}


class MarkedWidget:
    """Renders the widget it extends inside the record element of its form's instance."""

    calendar_field: dict[str, str]
    calendar_record: dict[str, str]
    calendar_split: bool

    def render(self, *args: Any, **kwargs: Any) -> SafeString:
        html = super().render(*args, **kwargs)  # type: ignore[misc]
        record = {**self.calendar_record, "data-time-zone": timezone.get_current_timezone_name()}
        if self.calendar_split:
            html = format_html("<div{}>{}</div>", attributes_html(self.calendar_field), html)
        return format_html('<div class="calendar-links-record"{}>{}</div>', attributes_html(record), html)


def marked(widget: forms.Widget, field: dict[str, str], record: dict[str, str]) -> forms.Widget | None:
    """The same widget marked as the field of a record, or None for a widget that holds no
    date as text (a select, a hidden input): those are left as they are."""
    split = isinstance(widget, forms.SplitDateTimeWidget)
    if not split and not isinstance(widget, (forms.DateInput, forms.DateTimeInput)):
        return None
    if isinstance(widget, forms.HiddenInput):
        return None
    base = type(widget)
    marked_class = _marked_classes.get(base)
    if marked_class is None:
        marked_class = _marked_classes[base] = type(base.__name__, (MarkedWidget, base), {})
    # A shallow copy with its own attrs: the form's widget keeps its state, ours its marks.
    copy = marked_class.__new__(marked_class)
    copy.__dict__.update(widget.__dict__)
    copy.calendar_field, copy.calendar_record, copy.calendar_split = field, record, split
    if not split:
        copy.attrs = {**field, **widget.attrs}
    return copy
