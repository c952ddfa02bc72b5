"""The core modules stay pure: no browser, no I/O libraries, no clock, no randomness.

Checked on the source (AST), so a forbidden import hidden inside a function
or behind a condition is found too, without importing anything.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE_DIR = Path(__file__).resolve().parent.parent / "py"
# Every module of the core package is pure, whatever its name: a new module is checked as soon
# as its file exists. The public face re-exports the core and is held to the same rules.
PURE_MODULES = (
    "calendar_links.py",
    *sorted(str(path.relative_to(SOURCE_DIR)) for path in (SOURCE_DIR / "calendar_links_core").rglob("*.py")),
)

# Everything the core may import; anything new must be added here on purpose.
ALLOWED_IMPORTS = {
    "__future__", "collections", "dataclasses", "datetime", "functools", "hashlib", "importlib", "json",
    "enum", "re", "typing", "unicodedata", "urllib", "zoneinfo",
    "icalendar", "dateutil", "gettext", "io", "string",
    "calendar_links_core",
}  # fmt: skip
BROWSER_IMPORTS = {"js", "pyscript", "pyodide", "pyodide_js", "micropip", "webbrowser", "browser"}
# Only urllib.parse: urllib.request does I/O.
ALLOWED_SUBMODULES = {"urllib": {"urllib.parse"}, "importlib": {"importlib", "importlib.resources"}}
# time, random, secrets, uuid and os are already outside ALLOWED_IMPORTS; this
# catches the clock reached through datetime (datetime.now(), date.today()).
CLOCK_METHODS = {"now", "today", "utcnow", "fromtimestamp", "utcfromtimestamp"}


def _tree(name: str) -> ast.Module:
    return ast.parse((SOURCE_DIR / name).read_text(encoding="utf-8"), filename=name)


def _imported_modules(tree: ast.Module, with_submodules: bool = False) -> set[str]:
    """The modules a tree imports; with_submodules, also `package.name` for each
    `from package import name`, which is how a package's own modules are imported."""
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            modules.add(node.module or "")
            if with_submodules:
                modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def test_the_checks_see_imports_and_clock_calls_anywhere() -> None:
    hidden = ast.parse("def f():\n    if x:\n        import js\n    from pyodide.ffi import create_proxy\n")
    assert _imported_modules(hidden) == {"js", "pyodide.ffi"}
    assert "now" in _called_methods(ast.parse("def f(d=None):\n    return (d or datetime).now(tz=UTC)\n"))


@pytest.mark.parametrize("name", PURE_MODULES)
def test_no_browser_imports(name: str) -> None:
    tops = {module.split(".")[0] for module in _imported_modules(_tree(name))}
    assert not tops & BROWSER_IMPORTS


@pytest.mark.parametrize("name", PURE_MODULES)
def test_only_allowed_imports(name: str) -> None:
    modules = _imported_modules(_tree(name))
    assert {module.split(".")[0] for module in modules} <= ALLOWED_IMPORTS
    for module in modules:
        top = module.split(".")[0]
        assert top not in ALLOWED_SUBMODULES or module in ALLOWED_SUBMODULES[top], module


@pytest.mark.parametrize("name", PURE_MODULES)
def test_no_clock(name: str) -> None:
    assert not _called_methods(_tree(name)) & CLOCK_METHODS


def _called_methods(tree: ast.Module) -> set[str]:
    return {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }


def test_the_package_says_what_it_is_for() -> None:
    for package in ("calendar_links_core", "calendar_links_page", "calendar_links_core/providers"):
        assert ast.get_docstring(_tree(f"{package}/__init__.py"))


@pytest.mark.parametrize("name", PURE_MODULES)
def test_no_dynamic_code(name: str) -> None:
    names = {node.id for node in ast.walk(_tree(name)) if isinstance(node, ast.Name)}
    assert not names & {"eval", "exec", "__import__", "open", "print", "input"}


@pytest.mark.parametrize("name", [name for name in PURE_MODULES if not name.endswith("__init__.py")])
def test_module_says_what_it_is_for_and_exports_a_curated_list(name: str) -> None:
    tree = _tree(name)
    assert ast.get_docstring(tree)
    exported = next(
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets)
    )
    assert isinstance(exported, ast.List)
    constants = [element.value for element in exported.elts if isinstance(element, ast.Constant)]
    names = [value for value in constants if isinstance(value, str)]
    assert names == constants, "__all__ lists names as strings"
    defined = {
        node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))
    } | {
        target.id
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    } | {
        # A name imported from another pure module may be exported again.
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert names and set(names) <= defined and not any(name.startswith("_") for name in names)
    public_functions = {
        node.name for node in tree.body if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    }
    assert public_functions <= set(names)


@pytest.mark.parametrize("name", PURE_MODULES)
def test_public_functions_have_one_line_docstrings(name: str) -> None:
    tree = _tree(name)
    public_classes = [node for node in tree.body if isinstance(node, ast.ClassDef) and not node.name.startswith("_")]
    functions = [*tree.body, *(node for public_class in public_classes for node in public_class.body)]
    for node in functions:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            docstring = ast.get_docstring(node)
            assert docstring and "\n" not in docstring, node.name


def _module_name(path: Path) -> str:
    relative = path.relative_to(SOURCE_DIR).with_suffix("")
    return ".".join(part for part in relative.parts if part != "__init__")


def _import_graph() -> dict[str, set[str]]:
    """Which of our modules each of our modules imports (py/, packages included)."""
    modules = {_module_name(path): path for path in SOURCE_DIR.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        imported = _imported_modules(ast.parse(path.read_text(encoding="utf-8")), with_submodules=True)
        graph[name] = {module for module in imported if module in modules and module != name}
    return graph


def test_the_import_graph_sees_packages_and_finds_a_cycle() -> None:
    graph = _import_graph()
    assert "calendar_links_core.providers.google" in graph["calendar_links_core.providers.registry"]
    assert "calendar_links_page.browser_actions" in graph["calendar_links_page.settings_store"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of graph as a path that returns to its start, else None."""
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str] | None:
        if name in path:
            return path[path.index(name) :] + [name]
        if name in done:
            return None
        for imported in sorted(graph.get(name, ())):
            found = visit(imported, [*path, name])
            if found:
                return found
        done.add(name)
        return None

    for name in sorted(graph):
        found = visit(name, [])
        if found:
            return found
    return None


def test_no_import_cycle_in_py() -> None:
    assert _cycle(_import_graph()) is None
