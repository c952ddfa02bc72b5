"""Settings of the example CRM: a Django admin in Berlin time, in English and German.

An example to run on 127.0.0.1, not a production configuration. The tests point
CRM_DATABASE at a temporary file.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
# calendar-links' own static folder (stylesheet, runtime, vendored PyScript and Pyodide).
CALENDAR_LINKS_STATIC = BASE_DIR.parent.parent / "static"

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-only-never-use-in-production")
DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "calendar_links_admin",
    "crm",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The admin speaks the visitor's language (cookie, else Accept-Language).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "crm_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("CRM_DATABASE", str(BASE_DIR / "db.sqlite3")),
    }
}

LANGUAGE_CODE = "en-us"
LANGUAGES = [("en", "English"), ("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# calendar-links' files under /static/calendar-links/ (found by the staticfiles finders;
# runserver serves them while DEBUG is on, collectstatic copies them for a web server).
STATICFILES_DIRS = [("calendar-links", CALENDAR_LINKS_STATIC)]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
