"""Django, set up once in this process for the app's in-process tests (tests/django_app/).

The host project is host_settings + hostcrm beside this file; the app is imported from src/
(the packaged wheel is tested in a clean virtual environment by tests/browser/). Its .po
files are compiled into a temporary folder, as `make dist` compiles them into the wheel.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import django
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))


def _compiled_locale() -> str:
    locale = Path(tempfile.mkdtemp(prefix="calendar-links-locale-"))
    for po in (ROOT / "src" / "calendar_links_django" / "locale").glob("*/LC_MESSAGES/django.po"):
        target = locale / po.relative_to(po.parents[2])
        target.parent.mkdir(parents=True)
        with po.open("rb") as source, target.with_suffix(".mo").open("wb") as mo:
            write_mo(mo, read_po(source))
    return str(locale)


os.environ["DJANGO_SETTINGS_MODULE"] = "host_settings"
# In one pytest run with the browser tests, Playwright's sync API keeps an event loop running
# in this thread for the rest of the session, and Django then refuses ORM calls as if they came
# from async code. These tests call the ORM synchronously only, so Django's escape hatch is safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
settings.LOCALE_PATHS = [_compiled_locale()]
django.setup()


@pytest.fixture(scope="session", autouse=True)
def database() -> None:
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0)
