"""The two template tags that put calendar-links on an admin page (or any other).

{% calendar_links_head %} in the <head>: the stylesheet, PyScript and the app, from
calendar-links' static files (served under "calendar-links/"). {% calendar_links_time_zone %}
gives the zone Django shows times in, for a data-time-zone around the page's records: form
inputs and read-only text hold wall times in that zone, whatever the browser's zone is.
"""

import json

from django import template
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

STATIC_PREFIX = "calendar-links/"


@register.simple_tag
def calendar_links_head() -> SafeString:
    """The stylesheet, PyScript's module and the app's <script type="py">."""
    # PyScript resolves the interpreter path against the page's URL, so it is given as
    # the absolute static URL; the runtime finds its own files beside itself.
    config = {"interpreter": static(STATIC_PREFIX + "calendar-links-runtime.mjs"), "plugins": ["!error"]}
    return format_html(
        '<link rel="stylesheet" href="{}">\n'
        '<script type="module" src="{}"></script>\n'
        '<script type="py" config="{}">import calendar_links_app; calendar_links_app.start()</script>',
        static(STATIC_PREFIX + "calendar-links.css"),
        static(STATIC_PREFIX + "vendor/pyscript/core.js"),
        json.dumps(config),
    )


@register.simple_tag
def calendar_links_time_zone() -> str:
    """The IANA name of the zone Django renders times in for this request."""
    return timezone.get_current_timezone_name()
