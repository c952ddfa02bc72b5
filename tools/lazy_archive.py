"""Write a zip archive without the source files of the modules a snapshot already imported.

After a restore from the memory snapshot (tools/make_snapshot.mjs) those modules are in
memory, and Python reads from the archive only what is imported later (a codec, a module
that a library imports inside a function) and data files (zone files). Run by
make_snapshot.mjs: `python lazy_archive.py SOURCE TARGET`, with the paths of the imported
modules' files inside SOURCE (one a line) on standard input.

The entries are stored, not deflated: zipimport then reads them without inflating, and the
server's brotli or gzip compresses the whole file better than deflate does file by file.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path


def packages_with_data(names: Iterable[str]) -> set[str]:
    """The folders (with their trailing slash) that hold a file other than Python source."""
    return {name.rpartition("/")[0] + "/" for name in names if not name.endswith((".py", "/"))}


def write_lazy_archive(source: Path, target: Path, imported: Iterable[str]) -> list[str]:
    """Copy `source` to `target` without the entries named in `imported`; returns what was left out.

    A package's __init__.py stays where the package holds data files: reading them
    (importlib.resources, as zoneinfo reads tzdata's zone files) asks the zip importer
    whether the package is one, and it answers from that file.
    """
    with zipfile.ZipFile(source) as archive:
        keep = {folder + "__init__.py" for folder in packages_with_data(archive.namelist())}
    left_out = set(imported) - keep
    dropped = []
    partial = target.with_suffix(".partial")
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as lazy:
        for info in archive.infolist():
            if info.filename in left_out:
                dropped.append(info.filename)
                continue
            data = archive.read(info)
            info.compress_type = zipfile.ZIP_STORED
            lazy.writestr(info, data)
    partial.replace(target)
    return dropped


def main() -> None:
    source, target = (Path(argument) for argument in sys.argv[1:3])
    imported = [line for line in sys.stdin.read().splitlines() if line]
    dropped = write_lazy_archive(source, target, imported)
    print(f"{target.name}: {len(dropped)} imported modules left out, {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
