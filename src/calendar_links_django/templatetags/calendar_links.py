"""Template tags that put calendar-links on a project's own pages (the admin uses them too).

    {% load calendar_links %}
    {% calendar_links_head %}                           in <head>: the stylesheet and the module
    <article {% calendar_links_record contact %}>       a record: type, name, id, admin link, zone
      {% calendar_links_field contact "birthday" %}     a date, printed, with its machine value
    </article>
    {% calendar_links_marketplace %}                    the panel where people choose calendars
"""

from __future__ import annotations

from typing import Any

from django import template
from django.db import models
from django.templatetags.static import static
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from ..markup import attributes_html, field_attributes, record_attributes

register = template.Library()

STATIC_PREFIX = "calendar-links/"


def _nonce(context: template.Context) -> str | None:
    # django-csp puts the request's nonce on request.csp_nonce; Django 6's own CSP support
    # gives it to templates as csp_nonce.
    request = context.get("request")
    nonce = getattr(request, "csp_nonce", None) if request is not None else None
    return str(nonce) if nonce else (str(context["csp_nonce"]) if context.get("csp_nonce") else None)


@register.simple_tag(takes_context=True)
def calendar_links_head(context: template.Context) -> SafeString:
    """The README's embed: the stylesheet and the one module script, with the page's nonce."""
    nonce = _nonce(context)
    nonce_attribute = attributes_html({"nonce": nonce}) if nonce else ""
    return format_html(
        '<link rel="stylesheet" href="{}"{}>\n<script type="module" src="{}"{}></script>',
        static(STATIC_PREFIX + "calendar-links.css"),
        nonce_attribute,
        static(STATIC_PREFIX + "calendar-links.mjs"),
        nonce_attribute,
    )


@register.simple_tag(takes_context=True)
def calendar_links_record(context: template.Context, instance: models.Model, site_name: str = "admin") -> SafeString:
    """The attributes of a record element for a model instance, and the zone times are shown in."""
    attributes = {**record_attributes(instance, site_name), "data-time-zone": timezone.get_current_timezone_name()}
    return attributes_html(attributes)


@register.simple_tag
def calendar_links_field(instance: models.Model, field_name: str, text: Any = None) -> SafeString:
    """A date or datetime field of the instance as a field element: its printed value (or the
    text given) with its machine value, so the page's date format never decides the event."""
    db_field = instance._meta.get_field(field_name)
    value = getattr(instance, field_name)
    if text is None:
        shown = timezone.template_localtime(value) if value is not None else ""
        text = localize(shown) if shown != "" else ""
    return format_html("<span{}>{}</span>", attributes_html(field_attributes(db_field, value)), text)


@register.inclusion_tag("calendar_links_django/marketplace.html")
def calendar_links_marketplace() -> dict[str, str]:
    """The App Marketplace panel in a closed section, its heading in the page's language."""
    return {"heading": gettext("Calendar buttons"), "language": get_language() or "en"}


@register.simple_tag
def calendar_links_time_zone() -> str:
    """The IANA name of the zone Django renders times in for this request."""
    return timezone.get_current_timezone_name()
