"""The admin's own date widgets, marked for calendar-links (the page contract's attributes).

Each renders Django's widget unchanged inside a record element (data-calendar-record with
the record's type, name, id and admin link), so inline rows are records of their own,
nested in the page's. A date input is the field itself: Django's "Today | calendar"
shortcuts stay right after it and the buttons follow them. The split date and time widget
is wrapped in one field element holding both inputs, which calendar-links reads as one
value.
"""

from django.contrib.admin.widgets import AdminDateWidget, AdminSplitDateTime
from django.forms.utils import flatatt


class CalendarRecordWidget:
    """Holds the record attributes of the form instance it belongs to (set per form)."""

    calendar_record: dict[str, str] = {}

    def record_context(self, context: dict) -> dict:
        context["calendar_record_attrs"] = flatatt({"data-calendar-record": "", **self.calendar_record})
        return context


class CalendarDateWidget(CalendarRecordWidget, AdminDateWidget):
    template_name = "calendar_links/widgets/date.html"

    def __init__(self, key: str, label: str, attrs: dict | None = None) -> None:
        field = {"data-calendar-field": key, "data-field-type": "date", "data-field-label": label}
        super().__init__(attrs={**field, **(attrs or {})})

    def get_context(self, name: str, value: object, attrs: dict | None) -> dict:
        return self.record_context(super().get_context(name, value, attrs))


class CalendarSplitDateTime(CalendarRecordWidget, AdminSplitDateTime):
    template_name = "calendar_links/widgets/split_datetime.html"

    def __init__(self, key: str, label: str, attrs: dict | None = None) -> None:
        super().__init__(attrs)
        self.calendar_field = {"data-calendar-field": key, "data-field-type": "datetime", "data-field-label": label}

    def get_context(self, name: str, value: object, attrs: dict | None) -> dict:
        context = self.record_context(super().get_context(name, value, attrs))
        context["calendar_field_attrs"] = flatatt(self.calendar_field)
        return context
