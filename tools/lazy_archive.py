"""Write the archives a restored interpreter downloads: the standard library and ours, each
without the modules the snapshot already imported and without those nothing can import.

After a restore from the memory snapshot (tools/make_snapshot.mjs) the imported modules are
in memory, and Python reads from the archives only what is imported later (a module a
library imports inside a function, a codec) and data files (zone files). Which modules can
still be imported is read from the source (tools/import_graph.py): those the imported
modules' imports reach, transitively. The rest (test runners, debuggers, mail and web
servers the app never names) stays out.

Run by make_snapshot.mjs with a JSON object on standard input: `archives`, a list of
[SOURCE, TARGET] paths, and `imported`, the paths inside each SOURCE of the modules the
snapshot imported, by SOURCE.

The entries are stored, not deflated: zipimport then reads them without inflating, and the
server's brotli or gzip compresses the whole file better than deflate does file by file.
"""

from __future__ import annotations

import json
import sys
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from import_graph import module_name, module_sources, reachable_modules

# Packages kept whole: codecs are looked up by name (`"…".encode("idna")`), and Pyodide's own
# packages are the runtime's API, whose submodules a page may import.
KEPT_WHOLE = ("encodings", "pyodide", "_pyodide")
# Imported by the interpreter itself, not by an import statement: time.strptime's module,
# and the one ctypes lays out structures with.
IMPORTED_BY_NAME = ("_strptime", "ctypes._layout")


def packages_with_data(names: Iterable[str]) -> set[str]:
    """The folders (with their trailing slash) that hold a file other than Python source."""
    return {name.rpartition("/")[0] + "/" for name in names if not name.endswith((".py", "/"))}


def write_lazy_archive(source: Path, target: Path, keep: Callable[[str], bool]) -> list[str]:
    """Copy `source` to `target` with only the modules `keep` names and every other file;
    returns the module files left out.

    A package's __init__.py stays where the package holds data files: reading them
    (importlib.resources, as zoneinfo reads tzdata's zone files) asks the zip importer
    whether the package is one, and it answers from that file.
    """
    with zipfile.ZipFile(source) as archive:
        data_packages = {folder + "__init__.py" for folder in packages_with_data(archive.namelist())}
    dropped = []
    partial = target.with_suffix(".partial")
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as lazy:
        for info in archive.infolist():
            name = info.filename
            if name.endswith(".py") and name not in data_packages and not keep(module_name(name)):
                dropped.append(name)
                continue
            data = archive.read(info)
            info.compress_type = zipfile.ZIP_STORED
            lazy.writestr(info, data)
    partial.replace(target)
    return dropped


def still_importable(imported: set[str], reachable: set[str]) -> Callable[[str], bool]:
    """Whether a module can still be imported after the restore and isn't in memory already."""

    def keep(module: str) -> bool:
        if module in imported:
            return False
        return module in reachable or module.split(".")[0] in KEPT_WHOLE

    return keep


def main() -> None:
    request = json.load(sys.stdin)
    archives = [(Path(source), Path(target)) for source, target in request["archives"]]
    imported = {module_name(path) for paths in request["imported"].values() for path in paths}
    sources = module_sources(source for source, _ in archives)
    # What the packages kept whole import must stay too (encodings.idna needs stringprep).
    kept_whole = [module for module in sources if module.split(".")[0] in KEPT_WHOLE]
    reachable = reachable_modules([*imported, *IMPORTED_BY_NAME, *kept_whole], sources)
    keep = still_importable(imported, reachable)
    for source, target in archives:
        dropped = write_lazy_archive(source, target, keep)
        print(f"{target.name}: {len(dropped)} modules left out (imported already, or unreachable), {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
