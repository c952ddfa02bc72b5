"""The bundle as an npm package and as a plain archive, into dist/ (`make dist`).

Both hold exactly `bundle.bundle_files()` (the built static/ without the demo's files, with
LICENSE and THIRD_PARTY_LICENSES), so every host gets the same files under the same relative
names. The version is the one in pyproject.toml, the only place it is written. The npm
package's manifest is generated into a staging folder under build/: the repository's own
package.json only pins what the build and the tests install.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

from bundle import STATIC, bundle_files, project

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
STAGING = ROOT / "build" / "npm-package"
# The package's README: where to put the files, the two tags, bundlers.
PACKAGE_README = ROOT / "docs" / "npm-package.md"
NPM_NAME = "calendar-links"
# Every file in both packages gets this time, so a rebuild of the same bundle gives the same bytes.
FIXED_MTIME = 1_767_225_600  # 2026-01-01T00:00:00Z


def package_manifest(version: str) -> dict[str, object]:
    """package.json of the npm package: the bundle under static/, the embed module exported."""
    about = project()
    return {
        "name": NPM_NAME,
        "version": version,
        "description": about["description"],
        "license": about["license"],
        # Not for bundling: the files find each other by URL at run time, so a host serves
        # static/ as it is. The exports let tools and scripts find the two embed files.
        "exports": {
            ".": "./static/calendar-links.mjs",
            "./calendar-links.mjs": "./static/calendar-links.mjs",
            "./calendar-links.css": "./static/calendar-links.css",
            "./static/*": "./static/*",
            "./package.json": "./package.json",
        },
        "files": ["static/"],
        "sideEffects": True,
    }


def stage_npm_package(version: str, staging: Path) -> None:
    """Fill a fresh folder with the package as npm will pack it."""
    if staging.exists():
        shutil.rmtree(staging)
    (staging / "static").mkdir(parents=True)
    for name in bundle_files():
        target = staging / "static" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(STATIC / name, target)
    (staging / "package.json").write_text(json.dumps(package_manifest(version), indent=2) + "\n", encoding="utf-8")
    shutil.copyfile(PACKAGE_README, staging / "README.md")
    shutil.copyfile(ROOT / "LICENSE", staging / "LICENSE")


def npm_tarball(version: str, destination: Path, staging: Path = STAGING) -> Path:
    """`npm pack` of the staged package into `destination`."""
    stage_npm_package(version, staging)
    result = subprocess.run(
        ["npm", "pack", "--json", "--pack-destination", str(destination)],
        cwd=staging, check=True, capture_output=True, text=True,
    )
    packed: list[dict[str, str]] = json.loads(result.stdout)
    return destination / packed[0]["filename"]


def static_archive(version: str, destination: Path) -> Path:
    """calendar-links-static-VERSION.tar.gz in `destination`: the bundle in one folder of that name."""
    folder = f"calendar-links-static-{version}"
    path = destination / f"{folder}.tar.gz"

    def normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.mtime, info.uid, info.gid, info.uname, info.gname = FIXED_MTIME, 0, 0, "", ""
        info.mode = 0o755 if info.isdir() else 0o644
        return info

    # Already-compressed files make most of the bundle: level 6 packs as small as 9, faster.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as zipped:
        with tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as archive:
            for name in bundle_files():
                archive.add(STATIC / name, arcname=f"{folder}/{name.as_posix()}", filter=normalised)
    return path


def main() -> None:
    if not (STATIC / "vendor").is_dir():
        raise SystemExit("static/vendor is missing: run `make static` first")
    version = project()["version"]
    DIST.mkdir(exist_ok=True)
    built = [npm_tarball(version, DIST), static_archive(version, DIST)]
    print(f"calendar-links {version}")
    for path in built:
        print(f"  {path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
