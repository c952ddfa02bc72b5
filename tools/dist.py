"""`make dist`: the release files in dist/, with their sizes and the version.

python: the Django app's wheel and sdist (distribution `calendar-links`, import package
`calendar_links_django`). The app's source (src/) and the bundle (tools/bundle.py's files of
the built static/) are staged under build/python-package/, the bundle as the app's static
files under `calendar-links/` and the app's .po files compiled to .mo, and the wheel and
sdist are built from that stage with the pinned setuptools, so nothing built lands in src/.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bundle import STATIC, bundle_files, project

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
APP = "calendar_links_django"
STAGE = ROOT / "build" / "python-package"
# What the sdist holds besides the app: the build config and the texts the metadata names.
PROJECT_FILES = ("pyproject.toml", "MANIFEST.in", "README.md", "CHANGELOG.md", "LICENSE")
# The app's static files live under this one prefix: {% static 'calendar-links/…' %}.
STATIC_PREFIX = "calendar-links"


def staged_python_package(stage: Path = STAGE) -> Path:
    """A fresh stage: the project files, src/ and the bundle inside the app."""
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    for name in PROJECT_FILES:
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, stage / name)
    app = stage / "src" / APP
    shutil.copytree(ROOT / "src" / APP, app, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "static"))
    for po in app.glob("locale/*/LC_MESSAGES/django.po"):
        with po.open("rb") as source, po.with_suffix(".mo").open("wb") as target:
            write_mo(target, read_po(source))
    files = bundle_files(zstd=False)
    if not any(path.parts[0] == "vendor" for path in files):
        raise SystemExit("static/vendor is missing: run `make static` first")
    for relative in files:
        shipped = app / "static" / STATIC_PREFIX / relative
        shipped.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(STATIC / relative, shipped)
    return stage


def built(stage: Path, outdir: Path, *kinds: str) -> list[Path]:
    """The wheel and/or sdist built from the stage into outdir (their paths)."""
    outdir.mkdir(parents=True, exist_ok=True)
    before = set(outdir.iterdir())
    flags = [f"--{kind}" for kind in kinds]
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", *flags, "--outdir", str(outdir), str(stage)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return sorted(set(outdir.iterdir()) - before)


def python_section(outdir: Path) -> list[Path]:
    """The wheel and the sdist of the Django app, in outdir."""
    version = project()["version"]
    for old in outdir.glob(f"calendar_links-{version}*"):
        old.unlink()
    return built(staged_python_package(), outdir, "sdist", "wheel")


SECTIONS = {"python": python_section}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sections", nargs="*", choices=[*SECTIONS, []], help="default: all")
    arguments = parser.parse_args()
    print(f"calendar-links {project()['version']}")
    for section in arguments.sections or SECTIONS:
        for path in SECTIONS[section](DIST):
            print(f"  {path.relative_to(ROOT)}: {path.stat().st_size / 1e6:.1f} MB ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
