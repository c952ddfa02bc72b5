"""Licences: ours is MIT everywhere it is stated, and the bundle carries the licence text of
everything it redistributes (THIRD_PARTY_LICENSES, written by tools/build_static.py)."""

from __future__ import annotations

import json
import re
import tomllib
import zipfile
from pathlib import Path

import pytest

from build_static import browser_requirements
from third_party_licenses import MissingLicence, npm_notice, wheel_notice

# What the build wrote into static/ is what these read.
pytestmark = pytest.mark.built

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "static"
# Code the bundle redistributes that no requirements/runtime.txt line names: the npm packages
# build_static.py vendors, and the CPython inside Pyodide.
VENDORED = ("pyodide", "@pyscript/core", "CPython")


def licence_sections(document: str) -> dict[str, str]:
    """Each package's part of THIRD_PARTY_LICENSES by its name."""
    parts = re.split(r"^={78}\n(\S+) \S+\nLicense: .*\nShipped in: .*\n={78}\n", document, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_project_is_mit_licensed_in_every_place_that_says_so() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    package = json.loads((ROOT / "package.json").read_text())
    assert pyproject["license"] == package["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License\n")
    assert (STATIC / "LICENSE").read_text() == (ROOT / "LICENSE").read_text(), "run `make static`"


def test_every_redistributed_package_has_its_licence_text_in_the_bundle() -> None:
    sections = licence_sections((STATIC / "THIRD_PARTY_LICENSES").read_text())
    shipped = [requirement.name for requirement in browser_requirements()] + list(VENDORED)
    assert sorted(sections) == sorted(shipped)
    for name, section in sections.items():
        texts = re.split(r"^--- .* ---$", section, flags=re.M)[1:]
        # The shortest licence shipped (BSD-2-Clause) is about 1,300 characters.
        assert texts and all(len(text.strip()) > 500 for text in texts), name


def wheel(path: Path, metadata: str, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("example-1.0.dist-info/METADATA", metadata)
        for name, text in files.items():
            archive.writestr(name, text)
    return path


def test_a_wheel_without_licence_text_stops_the_build(tmp_path: Path) -> None:
    bare = wheel(tmp_path / "example-1.0-py3-none-any.whl", "Name: example\nVersion: 1.0\nLicense-Expression: MIT\n", {})
    with pytest.raises(MissingLicence, match="example-1.0-py3-none-any.whl"):
        wheel_notice(bare, "vendor/calendar-links.zip")


def test_a_wheel_gives_the_licence_files_its_metadata_lists(tmp_path: Path) -> None:
    metadata = "Name: example\nVersion: 1.0\nLicense-Expression: MIT\nLicense-File: LICENSE\n"
    listed = wheel(tmp_path / "example.whl", metadata, {"example-1.0.dist-info/licenses/LICENSE": "Permission is hereby granted"})
    notice = wheel_notice(listed, "vendor/calendar-links.zip")
    assert (notice.name, notice.version, notice.licence) == ("example", "1.0", "MIT")
    assert notice.texts == (("example-1.0.dist-info/licenses/LICENSE", "Permission is hereby granted"),)


def test_an_npm_package_without_a_copy_gets_spdx_text_of_the_licence_it_names(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text(json.dumps({"name": "example", "version": "1.0.0", "license": "MPL-2.0"}))
    [(source, text)] = npm_notice(tmp_path, "vendor/example/").texts
    assert "MPL-2.0" in source and text.startswith("Mozilla Public License Version 2.0")


def test_an_npm_package_without_a_copy_or_a_known_licence_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text(json.dumps({"name": "example", "version": "1.0.0", "license": "SEE LICENSE IN EULA"}))
    with pytest.raises(MissingLicence, match="example"):
        npm_notice(tmp_path, "vendor/example/")
