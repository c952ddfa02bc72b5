"""Assemble the vendored runtime under static/vendor/ from the pinned packages.

Inputs: node_modules/ (after `npm ci`: PyScript and Pyodide) and the wheels named in
requirements/runtime.txt (downloaded by pip with their hashes checked). Output:
static/vendor/pyscript/, static/vendor/pyodide/ (with the snapshot's parts and the standard library
the restored interpreter still needs, python_stdlib-lazy.zip, made by tools/make_snapshot.mjs),
static/vendor/calendar-links.zip, the archive Python imports from (the dependencies, our py/,
and py/calendar_links_core/translations/*.po compiled to .mo by tools/catalogs.py), and calendar-links-lazy.zip,
the same without what the snapshot already imported. Then every file the embed loads gets its
content-hashed name, and our modules and stylesheet (web/) are written with those names in
them (tools/hashed_names.py). Every file gets precompressed .zst, .br and .gz siblings
(tools/compress_static.py) where they pay.
Nothing here reaches the network except pip, and only for wheels not downloaded yet.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from packaging.requirements import Requirement

from bundle import project
from catalogs import compiled_catalogs
from compress_static import compress_files
from hashed_names import COMPRESSED_SUFFIXES, ENTRY_POINTS, COMPAT_RUNTIME, STATIC, write_digest_named_files
from third_party_licenses import cpython_notice, document, npm_notice, wheel_notice

ROOT = Path(__file__).resolve().parent.parent
VENDOR = STATIC / "vendor"
WHEELS = ROOT / "build" / "wheels"
RUNTIME_REQUIREMENTS = ROOT / "requirements" / "runtime.txt"
APP_ARCHIVE = VENDOR / "calendar-links.zip"
# Which release a bundle is, for support: the version of pyproject.toml, its one home.
VERSION_FILE = VENDOR / "calendar-links-version.json"

# The files of the npm package `pyodide` that a page loads; the rest is Node tooling.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# A fixed timestamp makes the archive byte-identical from one build to the next.
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
# Source map comments name .map files that aren't shipped (they are as big as the code and
# only serve debugging); a reference to a missing file stops strict static pipelines such
# as Django's ManifestStaticFilesStorage, so the comments go.
SOURCE_MAP_COMMENT = re.compile(rb"\n?(//# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^\n]*?\*/)[ \t]*(?=\n|$)")
TEXT_SUFFIXES = (".js", ".mjs", ".css")
# V8's compile hint (Chromium 136 and later; other engines see a comment): every function of
# Pyodide's interpreter module is compiled while the module is parsed, off the main thread,
# instead of each on its first call in the middle of the restore. A repeat visit's main
# thread did about 40 ms less compiling (bench/README.md).
EAGER_COMPILE_HINT = b"//# allFunctionsCalledOnLoad\n"
EAGERLY_COMPILED = ("pyodide.asm.mjs",)


def pyodide_marker_environment() -> dict[str, str]:
    """The environment markers of Pyodide's Python, read from the vendored lock file."""
    lock = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())
    full_version = lock["info"]["python"]
    return {
        "python_version": ".".join(full_version.split(".")[:2]),
        "python_full_version": full_version,
        "sys_platform": "emscripten",
        "platform_system": "Emscripten",
        "platform_machine": "wasm32",
        "os_name": "posix",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
    }


def browser_requirements() -> list[Requirement]:
    """The runtime requirements whose markers hold in Pyodide."""
    logical_lines = RUNTIME_REQUIREMENTS.read_text().replace("\\\n", " ").splitlines()
    requirements = []
    environment = pyodide_marker_environment()
    for line in logical_lines:
        spec = line.split("#", 1)[0].split("--hash", 1)[0].strip()
        if not spec:
            continue
        requirement = Requirement(spec)
        if requirement.marker is None or requirement.marker.evaluate(environment):
            requirements.append(requirement)
    return requirements


def download_wheels() -> None:
    """Fetch every pinned wheel once; pip checks each against its hash."""
    WHEELS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
            "--require-hashes", "--no-deps", "--only-binary=:all:",
            "--dest", str(WHEELS), "--requirement", str(RUNTIME_REQUIREMENTS),
        ],
        check=True,
    )


def wheel_for(requirement: Requirement) -> Path:
    """The downloaded wheel that satisfies a pinned requirement."""
    version = next(iter(requirement.specifier)).version
    prefix = requirement.name.replace("-", "_").lower() + "-" + version + "-"
    matches = [path for path in WHEELS.glob("*.whl") if path.name.lower().startswith(prefix)]
    if len(matches) != 1:
        raise SystemExit(f"expected one wheel for {requirement}, found {matches}")
    return matches[0]


def archive_entries() -> dict[str, bytes]:
    """Every file of the app archive by its path: the wheels' contents, every module under py/, and
    the translations compiled to gettext catalogs."""
    entries: dict[str, bytes] = {}
    for requirement in browser_requirements():
        with zipfile.ZipFile(wheel_for(requirement)) as wheel:
            for info in wheel.infolist():
                # Byte-compiled files, the dist-info RECORD and a package's own tests
                # (icalendar ships 344 files of them) aren't needed to import.
                if info.is_dir() or info.filename.endswith((".pyc", "/RECORD")) or "/tests/" in info.filename:
                    continue
                entries[info.filename] = wheel.read(info)
    source = ROOT / "py"
    for module in sorted(source.rglob("*.py")):
        entries[module.relative_to(source).as_posix()] = module.read_bytes()
    entries.update(compiled_catalogs())
    return entries


def write_archive(entries: dict[str, bytes]) -> None:
    """Write the app archive deterministically (sorted names, fixed times)."""
    APP_ARCHIVE.parent.mkdir(parents=True, exist_ok=True)
    partial = APP_ARCHIVE.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name])
    partial.replace(APP_ARCHIVE)


def without_source_maps(code: bytes) -> bytes:
    """JavaScript or CSS without its source map comments."""
    return SOURCE_MAP_COMMENT.sub(b"", code)


def trimmed_lock_file(lock: bytes) -> bytes:
    """Pyodide's lock file without its package list: the page loads no Pyodide package, so
    only the interpreter's own facts (ABI, Python version) are read, and 119 kB become 0.2."""
    info = json.loads(lock)["info"]
    return json.dumps({"info": info, "packages": {}}, indent=1).encode() + b"\n"


def copy_tree_files(source: Path, target: Path, names: list[str]) -> None:
    """Copy the named files from source to target, replacing what was there."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in names:
        if name.endswith(TEXT_SUFFIXES):
            text = without_source_maps((source / name).read_bytes())
            (target / name).write_bytes(EAGER_COMPILE_HINT + text if name in EAGERLY_COMPILED else text)
        elif name == "pyodide-lock.json":
            (target / name).write_bytes(trimmed_lock_file((source / name).read_bytes()))
        else:
            shutil.copy2(source / name, target / name)


def watch_embeds(entry: Path, embeds: str) -> None:
    """Have PyScript's entry module import web/calendar-links-embeds.mjs (as built: `embeds`,
    relative to static/) first: where PyScript refuses a page (two snippets with different
    settings) nothing else of ours would run."""
    entry.write_bytes(f'import "../../{embeds}";\n'.encode() + entry.read_bytes())


def write_version_file() -> None:
    """static/vendor/calendar-links-version.json: the bundle says which release it is."""
    text = json.dumps({"name": "calendar-links", "version": project()["version"]}) + "\n"
    if not VERSION_FILE.is_file() or VERSION_FILE.read_text() != text:
        VERSION_FILE.write_text(text)


def write_licences() -> None:
    """Our LICENSE and THIRD_PARTY_LICENSES at the top of the bundle, so every package of it
    (the wheel, the npm package, the static archive) carries both."""
    modules = ROOT / "node_modules"
    pyscript = modules / "@pyscript" / "core"
    notices = [
        *(wheel_notice(wheel_for(requirement), "vendor/calendar-links*.zip") for requirement in browser_requirements()),
        npm_notice(modules / "pyodide", "vendor/pyodide/"),
        cpython_notice(),
        # PyScript's chunks bundle CodeMirror, xterm.js and a TOML parser; it ships their licences.
        npm_notice(pyscript, "vendor/pyscript/", also=tuple(sorted((pyscript / "src" / "3rd-party-licenses").iterdir()))),
    ]
    (STATIC / "THIRD_PARTY_LICENSES").write_text(document(notices), encoding="utf-8")
    shutil.copyfile(ROOT / "LICENSE", STATIC / "LICENSE")


def compress_vendor_files() -> None:
    """Write the precompressed siblings of every vendored file and of the embed's own files."""
    files = [path for path in VENDOR.rglob("*") if path.is_file() and not path.name.endswith((*COMPRESSED_SUFFIXES, ".partial"))]
    compress_files([*files, *(STATIC / name for name in (*ENTRY_POINTS, COMPAT_RUNTIME))])


def main() -> None:
    modules = ROOT / "node_modules"
    if not (modules / "pyodide").is_dir() or not (modules / "@pyscript" / "core").is_dir():
        raise SystemExit("node_modules is missing PyScript or Pyodide: run `npm ci` first")
    download_wheels()
    copy_tree_files(modules / "pyodide", VENDOR / "pyodide", list(PYODIDE_FILES))
    pyscript_dist = modules / "@pyscript" / "core" / "dist"
    copy_tree_files(
        pyscript_dist,
        VENDOR / "pyscript",
        sorted(path.name for path in pyscript_dist.iterdir() if not path.name.endswith(".map")),
    )
    write_archive(archive_entries())
    write_version_file()
    write_licences()
    # The snapshot script hands the trimming of archives to tools/lazy_archive.py, in this Python.
    subprocess.run(["node", str(ROOT / "tools" / "make_snapshot.mjs"), sys.executable], check=True)
    manifest = write_digest_named_files()
    watch_embeds(VENDOR / "pyscript" / "core.js", manifest["calendar-links-embeds.mjs"])
    compress_vendor_files()
    archive = STATIC / manifest["vendor/calendar-links.zip"]
    print(f"static/vendor built: {archive.stat().st_size:,} bytes of app archive ({archive.name})")


if __name__ == "__main__":
    main()
