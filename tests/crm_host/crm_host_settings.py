"""django-crm-admin (a CRM on Django's admin, from PyPI) with calendar-links added exactly as
docs/django.md says: its own settings, plus one INSTALLED_APPS entry.

The rest only places the test: a database file of the test's, and the README's
Content-Security-Policy on every response (Django 6's own CSP middleware).
"""

import os

from django.utils.csp import CSP
from webcrm.settings import *  # noqa: F403 - the CRM's own settings, untouched

INSTALLED_APPS: list[str] = [*INSTALLED_APPS, "calendar_links_django"]  # noqa: F405 - the one line

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["CRM_DATABASE"]}}
MIDDLEWARE: list[str] = ["django.middleware.csp.ContentSecurityPolicyMiddleware", *MIDDLEWARE]  # noqa: F405
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.WASM_UNSAFE_EVAL],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
