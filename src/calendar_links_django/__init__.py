"""calendar-links for Django: add-to-calendar buttons beside the dates of the admin and of
a project's own record pages.

Add "calendar_links_django" to INSTALLED_APPS: every DateField and DateTimeField of every
model registered on an admin site gets its buttons (see docs/django.md for the options, the
per-class mixin and the template tags). The app carries the built runtime as its static
files under "calendar-links/".
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("calendar-links")
except PackageNotFoundError:  # imported from a source tree, not installed
    __version__ = "0+unknown"
