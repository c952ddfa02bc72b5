"""The layout holds: the core package imports nothing of the page package, the page package
reaches the browser only through its interop module, the typed description of our JavaScript
names exactly what it exports, and no module or shell class grows past its size."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import hashed_names
import import_graph

ROOT = Path(__file__).resolve().parent.parent
STUB = ROOT / "py" / "calendar_links_dom.pyi"
DOM_INDEX = ROOT / "web" / "calendar-links-dom.mjs"


def test_the_core_and_the_page_keep_to_their_sides() -> None:
    assert import_graph.layering_problems() == []


def test_the_layering_check_finds_a_crossing(tmp_path: Path) -> None:
    (tmp_path / "calendar_links_core").mkdir()
    (tmp_path / "calendar_links_core" / "events.py").write_text("from calendar_links_page import clicks\n")
    (tmp_path / "calendar_links_page").mkdir()
    (tmp_path / "calendar_links_page" / "clicks.py").write_text("def f():\n    import js\n")
    (tmp_path / "calendar_links_page" / "interop.py").write_text("import js\nimport calendar_links_dom\n")
    assert import_graph.layering_problems(tmp_path) == [
        "calendar_links_core.events imports calendar_links_page",
        "calendar_links_page.clicks imports js, not through calendar_links_page.interop",
    ]


def test_the_stub_describes_every_export_of_the_dom_module() -> None:
    exported = {
        name.strip()
        for names in re.findall(r"export\s*\{([^}]*)\}\s*from", DOM_INDEX.read_text(encoding="utf-8"))
        for name in names.split(",")
        if name.strip()
    }
    stub = ast.parse(STUB.read_text(encoding="utf-8"))
    described = {node.name for node in stub.body if isinstance(node, ast.FunctionDef)} | {
        node.target.id
        for node in stub.body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and ast.unparse(node.annotation) != "TypeAlias"
    }
    assert described == exported


# Code files of our own (web/ holds the JavaScript and stylesheet sources; static/ is build output), and how long they may grow.
PY_FILES = sorted((ROOT / "py").rglob("*.py"))
JS_FILES = sorted((ROOT / "web").glob("*.mjs"))
CSS_FILES = sorted((ROOT / "web").rglob("*.css"))
MODULE_LINES = 400
DOM_PART_LINES = 300
SHELL_CLASS_LINES = 150


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_grows_past_its_size() -> None:
    assert len(CSS_FILES) > 1
    assert [path.name for path in [*PY_FILES, *JS_FILES, *CSS_FILES] if _lines(path) > MODULE_LINES] == []
    parts = [path for path in JS_FILES if re.search(r"\./" + re.escape(path.name), DOM_INDEX.read_text(encoding="utf-8"))]
    # The DOM helpers' parts, each of one job (the index names them all).
    assert len(parts) >= 8
    assert [path.name for path in parts if _lines(path) > DOM_PART_LINES] == []


def test_the_stylesheet_is_its_parts_each_once() -> None:
    index = (hashed_names.SOURCE / hashed_names.STYLESHEET).read_text(encoding="utf-8")
    imported = hashed_names.STYLESHEET_PART.findall(index)
    parts = [path.relative_to(hashed_names.SOURCE).as_posix() for path in CSS_FILES if path.parent.name == "css"]
    assert sorted(imported) == parts
    # A part's own @import, or one the build didn't recognise, would make a host fetch a source file.
    assert re.search(r"^\s*@import", hashed_names.stylesheet_source(), re.M) is None


def test_no_shell_class_grows_past_its_size() -> None:
    shell = [ROOT / "py" / "calendar_links_app.py", *sorted((ROOT / "py" / "calendar_links_page").glob("*.py"))]
    long_classes = [
        f"{path.name}:{node.name}"
        for path in shell
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.ClassDef) and (node.end_lineno or node.lineno) - node.lineno + 1 > SHELL_CLASS_LINES
    ]
    assert long_classes == []


def test_the_browser_pages_load_every_module_of_the_checks() -> None:
    # tests/browser/core_smoke.toml and restored_checks.html load tests/contract into Pyodide.
    package = {path.stem for path in (ROOT / "tests" / "contract").glob("*.py")}
    smoke = set(re.findall(r'"\.\./contract/(\w+)\.py"', (ROOT / "tests" / "browser" / "core_smoke.toml").read_text(encoding="utf-8")))
    restored_html = (ROOT / "tests" / "browser" / "restored_checks.html").read_text(encoding="utf-8")
    listed = re.search(r"CONTRACT_FILES = \(([^)]*)\)", restored_html)
    assert listed is not None
    restored = set(re.findall(r'"(\w+)"', listed[1]))
    assert smoke == package and restored == package
