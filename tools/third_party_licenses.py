"""THIRD_PARTY_LICENSES: everything the bundle redistributes, each with its own licence text.

Read from the pinned packages themselves: a wheel's METADATA (`License-Expression`, else
`License`) and the licence files it lists (`License-File`, under `.dist-info/licenses/`); an
npm package's `license` field and the licence files at its root. Pyodide's npm package names its
licence but carries no copy, and neither it nor its `python_stdlib.zip` carries CPython's: for
those two the text is SPDX's, from the pinned npm package `spdx-license-list`. A shipped package
with neither a licence file nor a licence SPDX knows stops the build (`MissingLicence`).
"""

from __future__ import annotations

import email.parser
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
SPDX_LICENCES = NODE_MODULES / "spdx-license-list" / "licenses"
# Names npm and PyPI packages give their licence files (npm always packs these).
LICENCE_FILE_PREFIXES = ("license", "licence", "copying", "notice")
# CPython's licence as its LICENSE file lays it out (PSF, BeOpen, CNRI, CWI): SPDX's
# Python-2.0.1. Pyodide builds CPython into pyodide.asm.wasm and ships its standard library.
CPYTHON_LICENCE = "Python-2.0.1"
RULE = "=" * 78


class MissingLicence(Exception):
    """A shipped package carries no licence text, and its licence names none SPDX knows."""


@dataclass(frozen=True)
class Notice:
    """One redistributed package: what it is, its licence, and the texts that say so."""

    name: str
    version: str
    licence: str
    shipped_as: str
    texts: tuple[tuple[str, str], ...]  # (where the text comes from, the text)


def spdx_text(identifier: str, package: str) -> tuple[str, str]:
    """SPDX's text of a licence, for a package that names it but carries no copy."""
    path = SPDX_LICENCES / f"{identifier}.json"
    if not path.is_file():
        raise MissingLicence(f"{package} carries no licence text and its licence {identifier!r} is no SPDX identifier")
    return (f"SPDX text of {identifier} ({package} carries no copy)", json.loads(path.read_text())["licenseText"])


def wheel_notice(wheel: Path, shipped_as: str) -> Notice:
    """The notice of a wheel, from its METADATA and the licence files it lists."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata_name = next(name for name in names if name.endswith(".dist-info/METADATA"))
        metadata = email.parser.BytesParser().parsebytes(archive.read(metadata_name))
        dist_info = PurePosixPath(metadata_name).parent
        listed = [str(dist_info / "licenses" / file) for file in metadata.get_all("License-File") or []]
        # Older wheels keep their licence files directly in .dist-info and list none.
        found = listed or [
            name for name in names
            if PurePosixPath(name).parent == dist_info and name.rsplit("/", 1)[-1].lower().startswith(LICENCE_FILE_PREFIXES)
        ]
        texts = tuple((name, archive.read(name).decode("utf-8")) for name in found if name in names)
    name, version = metadata["Name"], metadata["Version"]
    licence = metadata.get("License-Expression") or metadata.get("License") or ""
    if not texts:
        raise MissingLicence(f"the wheel {wheel.name} carries no licence text (METADATA says {licence!r})")
    return Notice(name, version, licence, shipped_as, texts)


def npm_notice(package: Path, shipped_as: str, *, also: tuple[Path, ...] = ()) -> Notice:
    """The notice of an npm package, from package.json and its licence files (plus `also`, the
    licences of code it bundles); SPDX's text when it carries none."""
    manifest = json.loads((package / "package.json").read_text())
    files = sorted(path for path in package.iterdir() if path.is_file() and path.name.lower().startswith(LICENCE_FILE_PREFIXES))
    texts = tuple((f"{manifest['name']}/{path.relative_to(package)}", path.read_text()) for path in [*files, *also])
    if not files:
        texts = (spdx_text(manifest["license"], manifest["name"]), *texts)
    return Notice(manifest["name"], manifest["version"], manifest["license"], shipped_as, texts)


def cpython_notice() -> Notice:
    """CPython, built into Pyodide's interpreter and shipped as its standard library."""
    version = json.loads((NODE_MODULES / "pyodide" / "pyodide-lock.json").read_text())["info"]["python"]
    texts = (spdx_text(CPYTHON_LICENCE, "Pyodide's build of CPython"),)
    return Notice("CPython", version, CPYTHON_LICENCE, "vendor/pyodide/ (the interpreter and python_stdlib*.zip)", texts)


def document(notices: list[Notice]) -> str:
    """The THIRD_PARTY_LICENSES file: a list of the packages, then each one's licence texts."""
    lines = [
        "Third-party software in this bundle",
        "",
        "calendar-links itself is under the MIT licence (LICENSE, beside this file).",
        "The bundle also redistributes the following, each under its own licence:",
        "",
        *(f"- {notice.name} {notice.version} ({notice.licence}), in {notice.shipped_as}" for notice in notices),
    ]
    for notice in notices:
        lines += ["", RULE, f"{notice.name} {notice.version}", f"License: {notice.licence}", f"Shipped in: {notice.shipped_as}", RULE]
        for source, text in notice.texts:
            lines += ["", f"--- {source} ---", "", text.strip()]
    return "\n".join(lines) + "\n"
