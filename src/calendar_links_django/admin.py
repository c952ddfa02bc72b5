"""Calendar buttons in the Django admin: beside every date, without touching a ModelAdmin.

With the app installed, every model admin registered on any admin site at start gets them
(add_to_every_site, called by the app's ready()): its class is extended by CalendarLinksMixin,
so the host's own overrides and templates still run, ours around them. The mixin can also be
put in a class's bases by hand (CALENDAR_LINKS_ADMIN = False in settings turns the automatic
part off):

    class ContactAdmin(CalendarLinksMixin, admin.ModelAdmin):
        calendar_fields = ["birthday"]      # only these; () opts the model out

Every override takes and passes on its arguments exactly as it was given them (Django calls
some of these hooks by keyword, and a host's own base may have other signatures); what we
need from them (the request, the object) is read without changing what goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.contrib.admin.sites import AdminSite, all_sites
from django.contrib.admin.utils import display_for_field
from django.db import models
from django.template.loader import get_template, select_template
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst

from .markup import attributes_html, field_attributes, field_type, record_attributes
from .widgets import MarkedWidget, marked

__all__ = ["CalendarLinksMixin", "add_to_every_site", "add_to_site", "with_calendar_links"]

# The name under which a read-only date field is shown: a callable of ours that marks it.
_READ_ONLY_PREFIX = "calendar_links__"
CHANGE_FORM_TEMPLATE = "calendar_links_django/change_form.html"


def _argument(args: tuple[Any, ...], kwargs: dict[str, Any], position: int, name: str) -> Any:
    """An argument of a Django admin hook, whether it came by position or by keyword."""
    return args[position] if len(args) > position else kwargs.get(name)


class CalendarLinksMixin:
    """Marks the model's date and datetime fields for calendar-links on every admin page."""

    # `calendar_fields` on the admin class: None or absent, every DateField and
    # DateTimeField; a list, those; () or [], none (the model opted out). Not defined here, so
    # the host's own class attribute is found even when the mixin comes first.

    def _wanted_fields(self) -> Sequence[str] | None:
        return getattr(self, "calendar_fields", None)

    def _is_calendar_field(self, db_field: Any) -> bool:
        wanted = self._wanted_fields()
        return field_type(db_field) is not None and (wanted is None or db_field.name in wanted)

    def _calendar_field_names(self) -> list[str]:
        return [field.name for field in self.model._meta.fields if self._is_calendar_field(field)]  # type: ignore[attr-defined]

    # Add and change pages: the form's own widgets, marked.

    def formfield_for_dbfield(self, *args: Any, **kwargs: Any) -> Any:
        formfield = super().formfield_for_dbfield(*args, **kwargs)  # type: ignore[misc]
        db_field = _argument(args, kwargs, 0, "db_field")
        if formfield is None or not self._is_calendar_field(db_field):
            return formfield
        widget = marked(formfield.widget, field_attributes(db_field), {})
        if widget is not None:
            formfield.widget = widget
        return formfield

    def get_form(self, *args: Any, **kwargs: Any) -> Any:
        return self._with_records(super().get_form(*args, **kwargs))  # type: ignore[misc]

    def get_formset(self, *args: Any, **kwargs: Any) -> Any:
        formset = super().get_formset(*args, **kwargs)  # type: ignore[misc]
        formset.form = self._with_records(formset.form)
        return formset

    def _with_records(self, form_class: type) -> type:
        if getattr(form_class, "_calendar_links_records", False):
            return form_class
        site_name = self.admin_site.name  # type: ignore[attr-defined]

        def __init__(form: Any, *args: Any, **kwargs: Any) -> None:
            form_class.__init__(form, *args, **kwargs)
            record = record_attributes(form.instance, site_name)
            for field in form.fields.values():
                if isinstance(field.widget, MarkedWidget):
                    field.widget.calendar_record = record

        attributes = {"__init__": __init__, "__module__": form_class.__module__, "_calendar_links_records": True}
        return type(form_class.__name__, (form_class,), attributes)

    # Read-only dates (listed as read-only, or a page the user may only view): shown by a
    # callable of ours that marks Django's text with the instance's machine value.

    def _view_only(self, request: Any, obj: Any) -> bool:
        return obj is not None and not self.has_change_permission(request, obj)  # type: ignore[attr-defined]

    def get_readonly_fields(self, *args: Any, **kwargs: Any) -> Any:
        readonly = list(super().get_readonly_fields(*args, **kwargs))  # type: ignore[misc]
        request, obj = _argument(args, kwargs, 0, "request"), _argument(args, kwargs, 1, "obj")
        dates = self._calendar_field_names()
        shown = dates if self._view_only(request, obj) else [name for name in readonly if name in dates]
        # The field's own name stays too, so the form leaves it out wherever it is listed.
        return readonly + [_READ_ONLY_PREFIX + name for name in shown if _READ_ONLY_PREFIX + name not in readonly]

    def get_fieldsets(self, *args: Any, **kwargs: Any) -> Any:
        fieldsets = super().get_fieldsets(*args, **kwargs)  # type: ignore[misc]
        request, obj = _argument(args, kwargs, 0, "request"), _argument(args, kwargs, 1, "obj")
        marked_names = {
            name.removeprefix(_READ_ONLY_PREFIX)
            for name in self.get_readonly_fields(request, obj)  # type: ignore[attr-defined]
            if isinstance(name, str) and name.startswith(_READ_ONLY_PREFIX)
        }
        if not marked_names:
            return fieldsets
        # Django's default fieldsets list the read-only names after the form's fields, so a
        # renamed field would show twice: the first place wins.
        seen: set[str] = set()

        def renamed(names: Any) -> Any:
            if isinstance(names, (list, tuple)):
                return type(names)(renamed(name) for name in names)
            return _READ_ONLY_PREFIX + names if names in marked_names else names

        result = []
        for title, options in fieldsets:
            fields = []
            for names in options["fields"]:
                names = renamed(names)
                if isinstance(names, str):
                    if names in seen:
                        continue
                    seen.add(names)
                fields.append(names)
            result.append((title, {**options, "fields": fields}))
        return result

    def __getattr__(self, name: str) -> Any:
        # Django looks read-only names up on the admin (admin.utils.lookup_field).
        if name.startswith(_READ_ONLY_PREFIX):
            return self._read_only_date(name.removeprefix(_READ_ONLY_PREFIX))
        host_getattr = getattr(super(), "__getattr__", None)
        if host_getattr is None:
            raise AttributeError(name)
        return host_getattr(name)

    def _read_only_date(self, field_name: str) -> Callable[[models.Model], SafeString | str]:
        db_field = self.model._meta.get_field(field_name)  # type: ignore[attr-defined]
        empty = self.get_empty_value_display()  # type: ignore[attr-defined]
        site_name = self.admin_site.name  # type: ignore[attr-defined]

        def shown(instance: models.Model) -> SafeString | str:
            value = getattr(instance, db_field.name)
            if value is None:
                return empty
            return format_html(
                '<span class="calendar-links-record"{}><span{}>{}</span></span>',
                attributes_html(record_attributes(instance, site_name)),
                attributes_html(field_attributes(db_field, value)),
                display_for_field(value, db_field, empty),
            )

        shown.short_description = capfirst(db_field.verbose_name)  # type: ignore[attr-defined]
        return shown

    # The page: our template extends the one the host's admin would have rendered.

    def render_change_form(self, *args: Any, **kwargs: Any) -> Any:
        response = super().render_change_form(*args, **kwargs)  # type: ignore[misc]
        opted_out = self._wanted_fields() is not None and not self._wanted_fields()
        if opted_out or not isinstance(response, TemplateResponse) or response.template_name == CHANGE_FORM_TEMPLATE:
            return response
        host = response.template_name
        if isinstance(host, str):
            host = get_template(host, using=response.using)
        elif isinstance(host, (list, tuple)):
            host = select_template(host, using=response.using)
        response.context_data = {**(response.context_data or {}), "calendar_links_host_template": host}
        response.template_name = CHANGE_FORM_TEMPLATE
        return response


class _AutomaticCalendarLinks(CalendarLinksMixin):
    """The mixin as the app adds it: a page's inlines get it too."""

    def get_inline_instances(self, *args: Any, **kwargs: Any) -> Any:
        inlines = super().get_inline_instances(*args, **kwargs)  # type: ignore[misc]
        for inline in inlines:
            with_calendar_links(inline)
        return inlines


_extended_classes: dict[type, type] = {}


def with_calendar_links(model_admin: Any) -> Any:
    """The model admin (or inline) itself, its class extended by the mixin unless it has it."""
    base = type(model_admin)
    if isinstance(model_admin, CalendarLinksMixin):
        return model_admin
    extended = _extended_classes.get(base)
    if extended is None:
        attributes = {"__module__": base.__module__, "__qualname__": base.__qualname__}
        extended = _extended_classes[base] = type(base.__name__, (_AutomaticCalendarLinks, base), attributes)
    model_admin.__class__ = extended
    return model_admin


def add_to_site(site: AdminSite) -> None:
    """Calendar buttons on every model admin registered on the site so far."""
    for model_admin in site._registry.values():
        with_calendar_links(model_admin)


def add_to_every_site() -> None:
    """Calendar buttons on every admin site's model admins (the app does this at start)."""
    for site in all_sites:
        add_to_site(site)
