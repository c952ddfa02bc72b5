"""The bundle every package ships: the built `static/` folder without the demo's own files, and
the release it is.

One definition for the Python wheel, the npm package and the plain static archive, so the three
always carry the same files under the same relative names, and the same version.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "static"
PYPROJECT = ROOT / "pyproject.toml"
# Files only the demo page (index.html) uses: no host page needs them.
DEMO_ONLY = ("demo",)
# Django's static serving and whitenoise send .br and .gz siblings at most, never .zst ones
# (whitenoise would even compress them again in collectstatic): the Python package goes
# without them.
ZSTD_SUFFIX = ".zst"


def project() -> dict[str, str]:
    """The texts of pyproject.toml's [project] table (their one home) that the packages and the
    bundle repeat: version, description, licence."""
    table = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    return {key: str(table[key]) for key in ("version", "description", "license")}


def bundle_files(static: Path = STATIC, *, zstd: bool = True) -> list[Path]:
    """Every file of the bundle, relative to `static`, in a stable order; without the .zst
    siblings when `zstd` is false."""
    return sorted(
        path.relative_to(static)
        for path in static.rglob("*")
        if path.is_file()
        and path.relative_to(static).parts[0] not in DEMO_ONLY
        and (zstd or path.suffix != ZSTD_SUFFIX)
    )
