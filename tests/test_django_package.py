"""The built wheel as a Django project gets it: what it carries, and collectstatic with
Django's plain and manifest storages and whitenoise's compressed manifest storage.

Runs the example project (examples/django_admin) in the clean Django 5.2 environment of
tests/installed_django.py, with only the installed wheel providing calendar-links.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from bundle import bundle_files, project
from installed_django import ROOT, built_wheel, clean_environment, environment, python_at_least

EXAMPLE = ROOT / "examples" / "django_admin"
STORAGES = {
    "plain": "django.contrib.staticfiles.storage.StaticFilesStorage",
    "manifest": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
    "whitenoise": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# The wheel carries what `make static` built: `make test` runs these, `make check` (no build) not.
pytestmark = pytest.mark.built


def test_the_wheel_carries_the_whole_bundle_under_one_prefix_and_the_license() -> None:
    wheel = built_wheel()
    version = project()["version"]
    assert wheel.name == f"calendar_links-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"calendar_links-{version}.dist-info/METADATA").decode()
    prefix = "calendar_links_django/static/calendar-links/"
    assert {name.removeprefix(prefix) for name in names if name.startswith(prefix)} == {
        path.as_posix() for path in bundle_files(zstd=False)
    }
    assert f"calendar_links-{version}.dist-info/licenses/LICENSE" in names
    assert "License-Expression: MIT" in metadata
    assert "calendar_links_django/locale/de/LC_MESSAGES/django.mo" in names
    # Nothing of the in-browser code lands as a top-level module a host could collide with.
    assert {name.split("/")[0] for name in names} == {"calendar_links_django", f"calendar_links-{version}.dist-info"}


@pytest.mark.parametrize("storage", list(STORAGES))
def test_collectstatic_finds_everything_with_each_storage(tmp_path: Path, storage: str) -> None:
    python = environment("django-5.2.txt", python_at_least(3, 10) or "python3")
    static_root = tmp_path / "static"
    env = clean_environment(
        CRM_DATABASE=str(tmp_path / "crm.sqlite3"), CRM_STATIC_ROOT=str(static_root),
        CRM_STATICFILES_STORAGE=STORAGES[storage],
    )  # fmt: skip
    subprocess.run([python, "manage.py", "collectstatic", "--noinput"], cwd=EXAMPLE, env=env, check=True, capture_output=True)
    collected = static_root / "calendar-links"
    # Every file of the bundle under its own name: the module finds the others from its URL.
    assert [path for path in bundle_files(zstd=False) if not (collected / path).is_file()] == []
    if storage != "plain":
        manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
        for name in ("calendar-links/calendar-links.mjs", "calendar-links/calendar-links.css"):
            assert (static_root / manifest[name]).is_file()
