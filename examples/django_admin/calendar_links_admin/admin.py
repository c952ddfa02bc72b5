"""CalendarLinksMixin: calendar buttons beside the dates of a ModelAdmin or an inline.

    class ContactAdmin(CalendarLinksMixin, admin.ModelAdmin): ...
    class ActivityInline(CalendarLinksMixin, admin.TabularInline): ...

Every DateField gets a button group for an all-day event, every DateTimeField one for a
timed event, on the add and change pages (Django's own widgets, marked with the page
contract's attributes) and on the view-only page (Django's read-only text, marked the
same way). calendar_fields names the fields to mark when not all of them should be.
"""

from collections.abc import Callable, Sequence
from typing import Any

from django.contrib.admin.utils import display_for_field
from django.contrib.admin.widgets import AdminDateWidget, AdminSplitDateTime
from django.db import models
from django.forms.utils import flatatt
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst

from .widgets import CalendarDateWidget, CalendarRecordWidget, CalendarSplitDateTime

__all__ = ["CalendarLinksMixin", "record_attributes"]

# The name under which a view-only page shows a marked date field.
_READ_ONLY_PREFIX = "calendar_links__"


def _field_type(db_field: models.Field) -> str | None:
    # DateTimeField is a DateField subclass: ask about it first.
    if isinstance(db_field, models.DateTimeField):
        return "datetime"
    if isinstance(db_field, models.DateField):
        return "date"
    return None


def record_attributes(instance: models.Model, site_name: str = "admin") -> dict[str, str]:
    """The page contract's record attributes for a model instance (type only while unsaved)."""
    opts = instance._meta
    attributes = {"data-record-type": str(capfirst(opts.verbose_name))}
    if instance.pk is None:
        return attributes
    attributes["data-record-id"] = f"{opts.label_lower}:{instance.pk}"
    attributes["data-record-name"] = str(instance)
    try:
        attributes["data-record-url"] = reverse(
            f"{site_name}:{opts.app_label}_{opts.model_name}_change", args=[instance.pk]
        )
    except NoReverseMatch:
        pass  # not registered on its own (an inline's model): the page's URL links back
    return attributes


class CalendarLinksMixin:
    """Marks the model's date and datetime fields for calendar-links on every admin page."""

    change_form_template = "calendar_links/change_form.html"
    calendar_fields: Sequence[str] | None = None

    def _is_calendar_field(self, db_field: models.Field) -> bool:
        wanted = self.calendar_fields
        return _field_type(db_field) is not None and (wanted is None or db_field.name in wanted)

    # Add and change pages: the admin's widgets, marked.

    def formfield_for_dbfield(self, db_field: models.Field, request: Any, **kwargs: Any) -> Any:
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)  # type: ignore[misc]
        if formfield is None or not self._is_calendar_field(db_field):
            return formfield
        key, label = db_field.name, str(capfirst(db_field.verbose_name))
        # Only the admin's own widgets: a widget of the project's choosing is left alone.
        if isinstance(formfield.widget, AdminSplitDateTime):
            formfield.widget = CalendarSplitDateTime(key, label, formfield.widget.attrs)
        elif isinstance(formfield.widget, AdminDateWidget):
            formfield.widget = CalendarDateWidget(key, label, formfield.widget.attrs)
        return formfield

    def get_form(self, request: Any, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change, **kwargs)  # type: ignore[misc]
        return self._with_records(form)

    def get_formset(self, request: Any, obj: Any = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)  # type: ignore[misc]
        formset.form = self._with_records(formset.form)
        return formset

    def _with_records(self, form_class: type) -> type:
        site_name = self.admin_site.name  # type: ignore[attr-defined]

        def __init__(form: Any, *args: Any, **kwargs: Any) -> None:
            form_class.__init__(form, *args, **kwargs)
            record = record_attributes(form.instance, site_name)
            for field in form.fields.values():
                if isinstance(field.widget, CalendarRecordWidget):
                    field.widget.calendar_record = record

        return type(form_class.__name__, (form_class,), {"__init__": __init__})

    # View-only pages: Django's read-only text, marked.

    def _view_only(self, request: Any, obj: Any) -> bool:
        return obj is not None and not self.has_change_permission(request, obj)  # type: ignore[attr-defined]

    def get_fieldsets(self, request: Any, obj: Any = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)  # type: ignore[misc]
        if not self._view_only(request, obj):
            return fieldsets
        # Django's default fieldsets list the read-only names after the form's fields, so
        # a renamed field would show twice: the first place wins.
        seen: set[str] = set()
        renamed = []
        for title, options in fieldsets:
            fields = []
            for names in options["fields"]:
                names = self._read_only_names(names)
                if isinstance(names, str):
                    if names in seen:
                        continue
                    seen.add(names)
                fields.append(names)
            renamed.append((title, {**options, "fields": fields}))
        return renamed

    def get_readonly_fields(self, request: Any, obj: Any = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))  # type: ignore[misc]
        if self._view_only(request, obj):
            readonly += [
                _READ_ONLY_PREFIX + field.name for field in self.model._meta.fields if self._is_calendar_field(field)  # type: ignore[attr-defined]
            ]
        return readonly

    def _read_only_names(self, names: Any) -> Any:
        if isinstance(names, (list, tuple)):
            return type(names)(self._read_only_names(name) for name in names)
        try:
            db_field = self.model._meta.get_field(names)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - not a model field (a method or a property)
            return names
        return _READ_ONLY_PREFIX + names if self._is_calendar_field(db_field) else names

    def __getattr__(self, name: str) -> Callable[[models.Model], SafeString | str]:
        # Django looks read-only names up on the admin (admin.utils.lookup_field).
        if not name.startswith(_READ_ONLY_PREFIX):
            raise AttributeError(name)
        db_field = self.model._meta.get_field(name.removeprefix(_READ_ONLY_PREFIX))  # type: ignore[attr-defined]
        empty = self.get_empty_value_display()  # type: ignore[attr-defined]
        site_name = self.admin_site.name  # type: ignore[attr-defined]

        def shown(instance: models.Model) -> SafeString | str:
            value = getattr(instance, db_field.name)
            if value is None:
                return empty
            field = {
                "data-calendar-field": db_field.name,
                "data-field-type": _field_type(db_field),
                "data-field-label": str(capfirst(db_field.verbose_name)),
            }
            return format_html(
                '<span class="calendar-links-record" data-calendar-record{}><span{}>{}</span></span>',
                flatatt(record_attributes(instance, site_name)),
                flatatt(field),
                display_for_field(value, db_field, empty),
            )

        shown.short_description = capfirst(db_field.verbose_name)  # type: ignore[attr-defined]
        return shown
