"""The bundle every package ships: the built `static/` folder without the demo's own files.

One definition for the Python wheel, the npm package and the plain static archive, so the three
always carry the same files under the same relative names.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "static"
# Files only the demo page (index.html) uses: no host page needs them.
DEMO_ONLY = ("demo",)


def bundle_files(static: Path = STATIC) -> list[Path]:
    """Every file of the bundle, relative to `static`, in a stable order."""
    return sorted(
        path.relative_to(static)
        for path in static.rglob("*")
        if path.is_file() and path.relative_to(static).parts[0] not in DEMO_ONLY
    )
