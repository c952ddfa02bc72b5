"""Give every file the embed loads a name that changes with its content.

A browser may then keep each of them for good (`Cache-Control: immutable`, tools/serve.py and
docs/serving.md), and a repeat visit asks only for the two files a host page names, which
keep their names: `calendar-links.mjs` and `calendar-links.css`. Vite and webpack name their
output the same way.

The sources of our modules and stylesheet live in web/, each standing for the file of the same
name in static/ (the stylesheet put together from its parts in web/css/: `stylesheet_source`).
For each, every quoted relative path in it (an import, a `new URL("./…")`, a CSS `url()`)
that names a runtime file is replaced by the path of that file's digest-named copy in
static/vendor/, dependencies first, so that a module's digest covers those of the
modules it imports. Pyodide's loader finds its .wasm file by a fixed name in its folder, and
its interpreter module names that file too, so the two keep their names in a folder that
carries the digest instead (`pyodide/interpreter.<digest>/`).
Older embeds name `calendar-links-runtime.mjs` in their PyScript settings: that name stays
too, as a module that loads the digest-named runtime.

`static/vendor/manifest.json` maps every file's source name to its digest-named path, for
tools, tests and the benchmark (no page reads it).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "web"
STATIC = ROOT / "static"
VENDOR = STATIC / "vendor"
MANIFEST = VENDOR / "manifest.json"
DIGEST_LENGTH = 12
# A digest-named file or folder, as tools/serve.py and docs/serving.md recognise it.
DIGEST_NAMED = re.compile(r"\.[0-9a-f]{%d}(?=[./]|$)" % DIGEST_LENGTH)
# The files the build and tools/make_snapshot.mjs write under static/vendor/ for a page to load.
VENDOR_FILES = (
    "pyodide/pyodide.mjs",
    "pyodide/pyodide-lock.json",
    "pyodide/python_stdlib.zip",
    "pyodide/python_stdlib-lazy.zip",
    "calendar-links.zip",
    "calendar-links-lazy.zip",
)
SNAPSHOT_PARTS = "pyodide/snapshot-*.bin"
# The interpreter: its module and the WebAssembly it names.
INTERPRETER = ("pyodide/pyodide.asm.mjs", "pyodide/pyodide.asm.wasm")
# The sources written under their own names: what a host page names.
ENTRY_POINTS = ("calendar-links.mjs", "calendar-links.css")
COMPAT_RUNTIME = "calendar-links-runtime.mjs"
STYLESHEET = "calendar-links.css"
# A line of web/calendar-links.css that stands for one part of the stylesheet.
STYLESHEET_PART = re.compile(r'^@import "(css/[\w-]+\.css)";$', re.M)
QUOTED_PATH = re.compile(r"""(["'])(\.\.?/[^"'\s\\]+)\1""")
CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')\s]+)\1\s*\)""")
# The precompressed siblings the build writes beside a file (tools/compress_static.py).
COMPRESSED_SUFFIXES = (".zst", ".br", ".gz")
SIBLING_SUFFIXES = ("", *COMPRESSED_SUFFIXES)


def web_constant(module: str, name: str) -> str:
    """The source text of `export const NAME = …;`, written on one line in web/MODULE: for the
    tools, tests and benchmark that need a value our JavaScript defines."""
    found = re.search(rf"^export const {name} = (.*);$", (SOURCE / module).read_text(encoding="utf-8"), re.M)
    if found is None:
        raise SystemExit(f"web/{module} no longer exports {name} on one line")
    return found[1]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:DIGEST_LENGTH]


def digest_named(path: str, data: bytes) -> str:
    """`folder/name.ext` as `folder/name.<digest>.ext` (the last suffix only: `pyodide.asm.<digest>.mjs`)."""
    stem, dot, suffix = path.rpartition(".")
    return f"{stem}.{digest(data)}{dot}{suffix}"


def relative_path(target: str, folder: str) -> str:
    """A static-relative path as a page names it from a file in `folder` (static-relative)."""
    path = os.path.relpath(target, folder or ".").replace(os.sep, "/")
    return path if path.startswith("../") else "./" + path


def rewritten(text: str, source_folder: str, output_folder: str, manifest: dict[str, str], pattern: re.Pattern[str]) -> str:
    """`text` with every quoted path that names a file of the manifest (seen from
    `source_folder`) naming its digest-named copy (seen from `output_folder`)."""

    def replace(match: re.Match[str]) -> str:
        quote, path = match.group(1), match.group(2)
        target = os.path.normpath(os.path.join(source_folder, path)).replace(os.sep, "/")
        if target not in manifest:
            return match.group(0)
        new_path = relative_path(manifest[target], output_folder)
        return match.group(0).replace(f"{quote}{path}{quote}", f"{quote}{new_path}{quote}")

    return pattern.sub(replace, text)


def stylesheet_source() -> str:
    """web/calendar-links.css with each part's text (web/css/) in place of its @import line:
    one file for a host to load, its rules in the order the index gives."""
    index = (SOURCE / STYLESHEET).read_text(encoding="utf-8")
    return STYLESHEET_PART.sub(lambda match: (SOURCE / match[1]).read_text(encoding="utf-8").rstrip("\n"), index)


def rename_with_siblings(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in SIBLING_SUFFIXES:
        if source.with_name(source.name + suffix).exists():
            source.with_name(source.name + suffix).replace(target.with_name(target.name + suffix))


def remove_earlier_builds() -> None:
    """Digest-named files of earlier builds (static/vendor/pyodide/ is written anew each build)."""
    for path in VENDOR.iterdir():
        if path.is_file() and DIGEST_NAMED.search(path.name):
            path.unlink()
    shutil.rmtree(VENDOR / "icons", ignore_errors=True)


def name_vendor_files(manifest: dict[str, str]) -> None:
    """Rename the vendored runtime's files (with their compressed siblings) by digest."""
    parts = sorted(path.relative_to(VENDOR).as_posix() for path in VENDOR.glob(SNAPSHOT_PARTS))
    for name in [*VENDOR_FILES, *parts]:
        source = VENDOR / name
        target = digest_named(name, source.read_bytes())
        rename_with_siblings(source, VENDOR / target)
        manifest[f"vendor/{name}"] = f"vendor/{target}"
    folder = "pyodide/interpreter." + digest(b"".join((VENDOR / name).read_bytes() for name in INTERPRETER))
    for name in INTERPRETER:
        target = f"{folder}/{Path(name).name}"
        rename_with_siblings(VENDOR / name, VENDOR / target)
        manifest[f"vendor/{name}"] = f"vendor/{target}"


def name_icons(stylesheet: str, manifest: dict[str, str]) -> None:
    """Digest-named copies of the icons the stylesheet names (static/icons/ stays for pages)."""
    for match in CSS_URL.finditer(stylesheet):
        name = os.path.normpath(match.group(2)).replace(os.sep, "/")
        source = STATIC / name
        if name in manifest or not source.is_file():
            continue
        target = "vendor/" + digest_named(name, source.read_bytes())
        (STATIC / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, STATIC / target)
        manifest[name] = target


def module_order(modules: dict[str, str]) -> list[str]:
    """The modules, each after every module it names (a cycle would leave no digest to name)."""
    names_of = {
        name: [
            target
            for target in (os.path.normpath(match.group(2)) for match in QUOTED_PATH.finditer(text))
            if target in modules and target != name
        ]
        for name, text in modules.items()
    }
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            raise SystemExit(f"web/{name} imports itself through other modules: no digest can name it")
        visiting.add(name)
        for target in names_of[name]:
            visit(target)
        visiting.discard(name)
        order.append(name)

    for name in sorted(modules):
        visit(name)
    return order


def write_digest_named_files() -> dict[str, str]:
    """Name every runtime file by digest, write the embed's files under their own names, and
    return the manifest (source name -> digest-named path, both relative to static/)."""
    remove_earlier_builds()
    manifest: dict[str, str] = {}
    name_vendor_files(manifest)
    stylesheet = stylesheet_source()
    name_icons(stylesheet, manifest)
    modules = {path.name: path.read_text(encoding="utf-8") for path in sorted(SOURCE.glob("*.mjs"))}
    for name in module_order(modules):
        if name in ENTRY_POINTS:
            continue
        text = rewritten(modules[name], "", "vendor", manifest, QUOTED_PATH)
        target = "vendor/" + digest_named(name, text.encode())
        (STATIC / target).write_text(text, encoding="utf-8")
        manifest[name] = target
    entry_sources = {name: stylesheet if name == STYLESHEET else (SOURCE / name).read_text(encoding="utf-8") for name in ENTRY_POINTS}
    for name, source in entry_sources.items():
        text = rewritten(source, "", "", manifest, CSS_URL if name == STYLESHEET else QUOTED_PATH)
        (STATIC / name).write_text(text, encoding="utf-8")
    (STATIC / COMPAT_RUNTIME).write_text(compat_runtime(manifest[COMPAT_RUNTIME]), encoding="utf-8")
    MANIFEST.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def compat_runtime(runtime: str) -> str:
    """The module older embeds name in their PyScript settings: the digest-named runtime, with
    this module's own query (`?snapshot=off`) passed on."""
    return (
        "// Written by tools/hashed_names.py: the interpreter module that older embeds name in their\n"
        "// PyScript settings, standing for the runtime module of this build.\n"
        f'const runtimeURL = new URL("./{runtime}", import.meta.url);\n'
        "runtimeURL.search = new URL(import.meta.url).search;\n"
        "export const { loadPyodide, version } = await import(runtimeURL.href);\n"
    )


def manifest() -> dict[str, str]:
    """The built manifest: source name -> digest-named path, relative to static/."""
    return dict(json.loads(MANIFEST.read_text(encoding="utf-8")))
