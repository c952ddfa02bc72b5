"""django-crm-admin (a CRM on Django's admin, from PyPI) with calendar-links added exactly as
docs/django.md says: its own settings, plus one INSTALLED_APPS entry.

The rest only places the test: a database file of the test's, and the README's
Content-Security-Policy on every response.
"""

import os

from webcrm.settings import *  # noqa: F403 - the CRM's own settings, untouched

INSTALLED_APPS = [*INSTALLED_APPS, "calendar_links_django"]  # noqa: F405 - the one line

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["CRM_DATABASE"]}}
MIDDLEWARE = ["csp_header.ContentSecurityPolicyMiddleware", *MIDDLEWARE]  # noqa: F405
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
