"""The layout holds: the core package imports nothing of the page package, the page package
reaches the browser only through its interop module, the typed description of our JavaScript
names exactly what it exports, and no module or shell class grows past its size."""

from __future__ import annotations

import ast
import re
from pathlib import Path

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
