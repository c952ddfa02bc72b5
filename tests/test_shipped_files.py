"""What the build ships (static/, after `make static`) holds together on any static pipeline.

Strict pipelines follow every reference a file makes: Django's ManifestStaticFilesStorage
stops at a `sourceMappingURL` or CSS `url()` that names a missing file, and a bundler follows
module imports. So every relative reference in a shipped file must name a shipped file, and
every precompressed sibling must hold exactly the bytes of its file.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import pytest
import zstandard
from hashed_names import COMPRESSED_SUFFIXES

pytestmark = pytest.mark.built

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "static"
VENDOR = STATIC / "vendor"

# Browsers decode zstd only with a window of at most 8 MiB (RFC 9659, section 3).
ZSTD_LARGEST_WINDOW = 8 * 1024 * 1024
# The forms a file uses to name another: source maps, static and dynamic module imports,
# `new URL("…", import.meta.url)`, CSS url(), and an HTML page's src/href.
REFERENCES = {
    (".js", ".mjs"): [
        re.compile(r"sourceMappingURL=(\S+)"),
        re.compile(r"""\bfrom\s*["']([^"']+)["']"""),
        re.compile(r"""\bimport\s*\(\s*["']([^"']+)["']\s*\)"""),
        re.compile(r"""\bimport\s*["']([^"']+)["']"""),
        re.compile(r"""new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)"""),
    ],
    (".css",): [
        re.compile(r"sourceMappingURL=(\S+?)\s*\*/"),
        re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)"""),
    ],
    (".html",): [re.compile(r"""\b(?:src|href)="([^"]+)\"""")],
}


def is_local_file_reference(target: str) -> bool:
    """A path relative to the referring file: not a URL with a scheme, an absolute path, a
    bare module name (node:fs, micropip) or a fragment."""
    if not re.fullmatch(r"[\w./@~+-]+", target):
        return False  # code that a pattern caught by accident in minified JavaScript
    if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith(("/", "#")):
        return False
    return target.startswith(("./", "../")) or "/" not in target and "." in target


def shipped_files() -> list[Path]:
    files = [path for path in STATIC.rglob("*") if path.is_file() and not path.name.endswith(COMPRESSED_SUFFIXES)]
    return [*files, ROOT / "index.html"]


def references(path: Path) -> list[str]:
    """Every local file reference in a shipped file."""
    patterns = next((found for suffixes, found in REFERENCES.items() if path.suffix in suffixes), [])
    text = path.read_text(encoding="utf-8", errors="replace") if patterns else ""
    return [target for pattern in patterns for target in pattern.findall(text) if is_local_file_reference(target)]


def test_the_runtime_is_built() -> None:
    assert (VENDOR / "manifest.json").is_file(), "run `make static` first"


def test_every_reference_in_a_shipped_file_names_a_shipped_file() -> None:
    checked = 0
    missing = []
    for path in shipped_files():
        for target in references(path):
            checked += 1
            resolved = (path.parent / target).resolve()
            # A folder may be named too (Pyodide's indexURL), with its trailing slash.
            if not (resolved.is_file() or target.endswith("/") and resolved.is_dir()):
                missing.append(f"{path.relative_to(ROOT)} -> {target}")
    assert missing == []
    # The PyScript bundle alone imports dozens of its chunks: a checker that found none is broken.
    assert checked > 50


def test_no_shipped_file_names_a_source_map() -> None:
    named = [str(path.relative_to(ROOT)) for path in shipped_files() if path.suffix in (".js", ".mjs", ".css") and b"sourceMappingURL" in path.read_bytes()]
    assert named == []


def decoded(sibling: Path) -> bytes:
    data = sibling.read_bytes()
    if sibling.suffix == ".gz":
        return gzip.decompress(data)
    if sibling.suffix == ".br":
        return bytes(brotli.decompress(data))
    assert zstandard.get_frame_parameters(data).window_size <= ZSTD_LARGEST_WINDOW, sibling.name
    return bytes(zstandard.ZstdDecompressor().decompress(data))


@pytest.mark.parametrize("suffix", COMPRESSED_SUFFIXES)
def test_every_precompressed_sibling_holds_its_file(suffix: str) -> None:
    siblings = sorted(VENDOR.rglob(f"*{suffix}"))
    assert siblings, f"the build wrote no {suffix} siblings"
    for sibling in siblings:
        original = sibling.with_name(sibling.name.removesuffix(suffix))
        assert decoded(sibling) == original.read_bytes(), sibling.name


def test_pyodides_interpreter_module_asks_to_be_compiled_as_it_is_parsed() -> None:
    (interpreter,) = VENDOR.glob("pyodide/interpreter.*/pyodide.asm.mjs")
    assert interpreter.read_bytes().startswith(b"//# allFunctionsCalledOnLoad\n")
