"""After a restore from the snapshot, with the trimmed standard library and archive the page
downloads (tools/make_snapshot.mjs), every code path still runs and every module our code or
its dependencies import can still be imported."""

from __future__ import annotations

import ast
import json
import zipfile
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "static" / "vendor"
# The full files, as a normal start without the snapshot uses them.
FULL_ARCHIVES = (VENDOR / "calendar-links.zip", VENDOR / "pyodide" / "python_stdlib.zip")


def module_sources() -> dict[str, str]:
    """Every module of the full archives by name, with the path of its source in its zip."""
    sources: dict[str, str] = {}
    for archive in FULL_ARCHIVES:
        with zipfile.ZipFile(archive) as files:
            for name in files.namelist():
                if name.endswith(".py") and "/" + "tests/" not in "/" + name:
                    module = name.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
                    sources.setdefault(module, f"{archive}::{name}")
    return sources


def read_source(location: str) -> str:
    archive, name = location.split("::")
    with zipfile.ZipFile(archive) as files:
        return files.read(name).decode("utf-8", errors="replace")


def imported_names(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """The absolute names an `import` anywhere in a module's code can ask for (inside
    functions and try blocks too: those are the lazy imports a restore must still serve)."""
    names = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def reachable_modules() -> list[str]:
    """Our modules and everything their imports reach, transitively, among the shipped modules."""
    sources = module_sources()
    source = ROOT / "py"
    ours = sorted(
        ".".join(path.relative_to(source).with_suffix("").parts).removesuffix(".__init__") for path in source.rglob("*.py")
    )
    seen: set[str] = set()
    queue = list(ours)
    while queue:
        module = queue.pop()
        if module in seen or module not in sources:
            continue
        seen.add(module)
        try:
            tree = ast.parse(read_source(sources[module]))
        except SyntaxError:
            continue  # newer syntax than this Python reads; the module itself is still imported
        for name in imported_names(tree, module, sources[module].endswith("__init__.py")):
            parts = name.split(".")
            # A dotted import also imports every package on the way.
            queue.extend(".".join(parts[: index + 1]) for index in range(len(parts)))
    return sorted(seen)


def test_every_code_path_runs_and_every_import_resolves_after_a_restore(page: Page, base_url: str) -> None:
    page.goto(base_url + "tests/browser/restored_checks.html")
    page.wait_for_selector("html[data-core-failures]", state="attached")
    assert json.loads(page.get_attribute("html", "data-core-failures") or "null") == []
    names = reachable_modules()
    assert len(names) > 200, "the import walk found too little to mean anything"
    result = json.loads(page.evaluate("(names) => window.calendarLinksImportEach(JSON.stringify(names))", names))
    failures = result["failures"]
    # What may fail: an import of a module Pyodide doesn't have at all (winreg, _winapi, a C
    # extension it doesn't build), and a module refusing the platform itself (asyncio's
    # Windows modules raise a bare ImportError). A module the full files hold must import;
    # a trimmed file shows as ModuleNotFoundError naming it, or as zipimport's ZipImportError.
    shipped = set(module_sources())
    trimmed = {
        name: failure
        for name, failure in failures.items()
        if not (failure["type"] == "ModuleNotFoundError" and failure["missing"] not in shipped)
        and not (failure["type"] == "ImportError" and failure["missing"] is None)
    }
    assert trimmed == {}
    # Most of what the walk reaches is imported lazily, from the trimmed files, or it proves nothing.
    assert result["newly_imported"] > 100
