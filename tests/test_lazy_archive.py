"""The archives a restored interpreter downloads keep exactly what can still be imported."""

from __future__ import annotations

import zipfile
from pathlib import Path

from import_graph import module_sources, reachable_modules
from lazy_archive import still_importable, write_lazy_archive

FILES = {
    # Imported by the snapshot; imports `later` inside a function, as libraries do.
    "app.py": "def export():\n    import later\n    from formats import ics\n",
    "later.py": "from . import nothing_here\n",
    "formats/__init__.py": "",
    "formats/ics.py": "import json\n",
    "formats/csv.py": "",  # nothing imports it
    "debugger.py": "import later\n",  # imports something reachable, but nothing imports it
    "zones/__init__.py": "",  # imported, but a package with data: its __init__ stays
    "zones/Berlin": "TZif",
}


def build(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    source = tmp_path / "full.zip"
    with zipfile.ZipFile(source, "w") as archive:
        for name, text in FILES.items():
            archive.writestr(name, text)
    imported = {"app", "zones"}
    keep = still_importable(imported, reachable_modules(imported, module_sources([source])))
    target = tmp_path / "lazy.zip"
    dropped = write_lazy_archive(source, target, keep)
    with zipfile.ZipFile(target) as archive:
        return source, target, sorted(archive.namelist()) + ["dropped:" + name for name in sorted(dropped)]


def test_only_what_can_still_be_imported_stays(tmp_path: Path) -> None:
    _, target, listing = build(tmp_path)
    assert listing == [
        "formats/__init__.py",
        "formats/ics.py",
        "later.py",
        "zones/Berlin",
        "zones/__init__.py",
        "dropped:app.py",
        "dropped:debugger.py",
        "dropped:formats/csv.py",
    ]
    with zipfile.ZipFile(target) as archive:
        assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist())
        assert archive.read("later.py") == FILES["later.py"].encode()


def test_codecs_and_the_runtimes_own_packages_stay_whole() -> None:
    keep = still_importable(imported={"encodings", "pyodide"}, reachable=set())
    assert keep("encodings.cp1252") and keep("pyodide.http") and keep("_pyodide._base")
    assert not keep("encodings") and not keep("pyodide")
    assert not keep("email.mime.text")


def test_imports_are_followed_in_modules_this_python_cannot_read(tmp_path: Path) -> None:
    source = tmp_path / "newer.zip"
    with zipfile.ZipFile(source, "w") as archive:
        # PEP 695 syntax stands in for anything newer than the Python running the build.
        archive.writestr("newer.py", "type Alias = int\n'''\nimport this and that\n'''\ndef run():\n    import helper\n")
        archive.writestr("helper.py", "")
    assert reachable_modules(["newer"], module_sources([source])) == {"newer", "helper"}
