"""After a restore from the snapshot, with the trimmed standard library and archive the page
downloads (tools/make_snapshot.mjs), every code path still runs and every module our code or
its dependencies import can still be imported."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import set_integrations
from playwright.sync_api import BrowserContext, Page

from hashed_names import manifest
from import_graph import module_name, module_sources, reachable_modules

ROOT = Path(__file__).resolve().parents[2]


def full_archives() -> tuple[Path, ...]:
    """The full files, as a normal start without the snapshot uses them, by their content-hashed
    names (tools/hashed_names.py): read when a test runs, so collecting needs no build."""
    return tuple(ROOT / "static" / manifest()[name] for name in ("vendor/calendar-links.zip", "vendor/pyodide/python_stdlib.zip"))


def reachable_from_ours() -> list[str]:
    """Our modules and everything their imports reach, transitively, among the shipped modules."""
    source = ROOT / "py"
    ours = [module_name(str(path.relative_to(source))) for path in source.rglob("*.py")]
    return sorted(reachable_modules(ours, module_sources(full_archives())))


def test_every_code_path_runs_and_every_import_resolves_after_a_restore(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    # A calendar on, as where the app runs: a page without one stands by, Python not started.
    set_integrations(context, google=True, outlook=False)
    page.goto(base_url + "tests/browser/restored_checks.html")
    page.wait_for_selector("html[data-core-failures]", state="attached")
    assert json.loads(page.get_attribute("html", "data-core-failures") or "null") == []
    names = reachable_from_ours()
    assert len(names) > 200, "the import walk found too little to mean anything"
    result = json.loads(page.evaluate("(names) => window.calendarLinksImportEach(JSON.stringify(names))", names))
    failures = result["failures"]
    # What may fail: an import of a module Pyodide doesn't have at all (winreg, _winapi, a C
    # extension it doesn't build), and a module refusing the platform itself (asyncio's
    # Windows modules raise a bare ImportError). A module the full files hold must import;
    # a trimmed file shows as ModuleNotFoundError naming it, or as zipimport's ZipImportError.
    shipped = set(module_sources(full_archives()))
    trimmed = {
        name: failure
        for name, failure in failures.items()
        if not (failure["type"] == "ModuleNotFoundError" and failure["missing"] not in shipped)
        and not (failure["type"] == "ImportError" and failure["missing"] is None)
    }
    assert trimmed == {}
    # Most of what the walk reaches is imported lazily, from the trimmed files, or it proves nothing.
    assert result["newly_imported"] > 100
