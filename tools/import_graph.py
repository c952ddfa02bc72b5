"""Which modules Python code can import, read from the source: every `import` anywhere in a
module (inside functions and try blocks too, where libraries import lazily), followed
transitively. Used to trim what a restored interpreter downloads (tools/lazy_archive.py) and
to check that nothing it can still import was trimmed (tests/browser/test_restored_imports.py).

Run as a script, it checks the layout of py/ (tests/test_layout.py runs the same check): the
core package imports nothing of the page package, and in the page package only the interop
module imports the browser (`js`, `pyodide`, our JavaScript `calendar_links_dom`).
"""

from __future__ import annotations

import ast
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "py"
CORE = "calendar_links_core"
PAGE = "calendar_links_page"
# The one module of the page package that imports the browser's modules.
INTEROP = f"{PAGE}.interop"
BROWSER_MODULES = frozenset({"js", "pyodide", "pyodide_js", "pyscript", "calendar_links_dom"})


def module_name(path: str) -> str:
    """`email/mime/text.py` -> `email.mime.text`; `json/__init__.py` -> `json`."""
    return path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def module_sources(archives: Iterable[Path]) -> dict[str, tuple[Path, str]]:
    """Every module of the archives by name, with its archive and the path of its source there;
    the first archive wins where two hold one module."""
    sources: dict[str, tuple[Path, str]] = {}
    for archive in archives:
        with zipfile.ZipFile(archive) as files:
            for name in files.namelist():
                if name.endswith(".py") and "/" + "tests/" not in "/" + name:
                    sources.setdefault(module_name(name), (archive, name))
    return sources


def imported_names(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """The absolute names an `import` anywhere in a module's code can ask for."""
    names: set[str] = set()
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


# An import statement on a line of its own, with a parenthesized list over several lines.
IMPORT_STATEMENT = re.compile(
    r"^[ \t]*(?:import[ \t]+[\w., \t]+|from[ \t]+[\w.]+[ \t]+import[ \t]+(?:\([^)]*\)|[\w., \t*]+))[ \t]*(?:#.*)?$",
    re.MULTILINE,
)


def import_statements(text: str) -> ast.Module:
    """The import statements of a module, each read on its own: an older Python reads them
    where it can't read the rest. A line of prose that only looks like one (in a docstring)
    is skipped, or at worst keeps a module more."""
    statements = []
    for found in IMPORT_STATEMENT.finditer(text):
        try:
            statements += ast.parse(" ".join(found.group(0).split())).body
        except SyntaxError:
            continue
    return ast.Module(body=statements, type_ignores=[])


def reachable_modules(roots: Iterable[str], sources: dict[str, tuple[Path, str]]) -> set[str]:
    """The roots and every module their imports reach, transitively, among `sources`."""
    seen: set[str] = set()
    queue = list(roots)
    opened: dict[Path, zipfile.ZipFile] = {}
    while queue:
        module = queue.pop()
        if module in seen or module not in sources:
            continue
        seen.add(module)
        archive, path = sources[module]
        files = opened.setdefault(archive, zipfile.ZipFile(archive))
        text = files.read(path).decode("utf-8", errors="replace")
        is_package = path.endswith("__init__.py")
        try:
            names = imported_names(ast.parse(text), module, is_package)
        except SyntaxError:
            # Newer syntax than this Python reads (the archive's Python may be newer).
            names = imported_names(import_statements(text), module, is_package)
        for name in names:
            parts = name.split(".")
            # A dotted import also imports every package on the way.
            queue.extend(".".join(parts[: index + 1]) for index in range(len(parts)))
    for files in opened.values():
        files.close()
    return seen


def package_imports(source: Path = SOURCE) -> dict[str, set[str]]:
    """Each module under source (`calendar_links_page.clicks`), with the absolute names it imports."""
    found = {}
    for path in sorted(source.rglob("*.py")):
        relative = path.relative_to(source).as_posix()
        module = module_name(relative)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
        found[module] = imported_names(tree, module, relative.endswith("__init__.py"))
    return found


def layering_problems(source: Path = SOURCE) -> list[str]:
    """What breaks the layout: a core module importing the page package (or the browser), a page
    module other than the interop module importing the browser."""
    problems = []
    for module, names in package_imports(source).items():
        tops = {name.split(".")[0] for name in names}
        if module.startswith(CORE + ".") or module == CORE:
            problems += [f"{module} imports {top}" for top in sorted(tops & ({PAGE, "calendar_links_app"} | BROWSER_MODULES))]
        elif module.startswith(PAGE + ".") and module != INTEROP:
            problems += [f"{module} imports {top}, not through {INTEROP}" for top in sorted(tops & BROWSER_MODULES)]
    return problems


def main() -> int:
    modules = package_imports()
    problems = layering_problems()
    for problem in problems:
        print(problem)
    core = sum(1 for module in modules if module.startswith(CORE))
    page = sum(1 for module in modules if module.startswith(PAGE))
    print(
        f"{core} modules in {CORE} (pure: nothing of {PAGE}, no browser), {page} in {PAGE} "
        f"(the browser through {INTEROP} only): {len(problems)} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
