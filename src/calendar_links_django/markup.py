"""The page contract's attributes for a model instance and its date fields, and their HTML.

Record data is untrusted: every attribute value is escaped here whatever its type, a
SafeString included (Django's flatatt and format_html trust a SafeString as it is).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

__all__ = ["attributes_html", "field_attributes", "field_type", "machine_value", "record_attributes"]


def attributes_html(attributes: Mapping[str, str]) -> SafeString:
    """` name="value"` for each attribute, every value escaped (a SafeString too)."""
    # escape() always escapes, unlike conditional_escape(), which format_html uses.
    return mark_safe("".join(f' {name}="{escape(str(value))}"' for name, value in attributes.items()))


def field_type(db_field: models.Field[Any, Any]) -> str | None:
    """`date` (all-day) or `datetime` (timed) for a model field, None for any other."""
    # DateTimeField is a DateField subclass: ask about it first.
    if isinstance(db_field, models.DateTimeField):
        return "datetime"
    if isinstance(db_field, models.DateField):
        return "date"
    return None


def machine_value(value: date | datetime | None) -> str | None:
    """ISO 8601 for a stored value: a date as it is, an aware datetime with its offset in the
    zone Django shows times in, a naive one as the wall time it is."""
    if value is None:
        return None
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def record_attributes(instance: models.Model, site_name: str = "admin") -> dict[str, str]:
    """The record attributes of a model instance (its type only while it is unsaved)."""
    opts = instance._meta
    attributes = {"data-calendar-record": "", "data-record-type": str(capfirst(opts.verbose_name))}
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


def field_attributes(db_field: models.Field[Any, Any], value: date | datetime | None = None) -> dict[str, str]:
    """The field attributes of a date or datetime model field, with its machine value if any."""
    kind = field_type(db_field)
    if kind is None:
        raise ValueError(f"{db_field.name} is neither a DateField nor a DateTimeField")
    attributes = {
        "data-calendar-field": db_field.name,
        "data-field-type": kind,
        "data-field-label": str(capfirst(db_field.verbose_name)),
    }
    machine = machine_value(value)
    if machine is not None:
        attributes["data-value"] = machine
    return attributes
