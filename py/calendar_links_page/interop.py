"""The one door between the page package and the browser: every Pyodide quirk in one place.

The other modules of calendar_links_page reach the page only through the names here (`dom`,
`js`, `present`, `js_object`, `js_array`, `proxy`); tools/import_graph.py checks that no other
module of the package imports `js`, `pyodide` or `calendar_links_dom`.

- `dom` is web/calendar-links-dom.mjs, described for mypy by py/calendar_links_dom.pyi:
  rows cross as objects with named properties, lists as arrays converted in one call.
- JavaScript's null arrives as `jsnull`, which is not None: `present` turns it into None.
- A dict goes to JavaScript as a plain object (`js_object`), not the Map Pyodide makes by default.
- A Python function handed to JavaScript is a proxy that lives until destroyed (`proxy`): the
  shell makes each one once (error_boundary.listener wraps handlers in the error boundary first).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import calendar_links_dom as dom
import js
from pyodide.ffi import create_proxy, jsnull, to_js

if TYPE_CHECKING:
    from calendar_links_dom import JsArray, JsNull

__all__ = ["JS_NULL", "dom", "js", "js_array", "js_bytes", "js_object", "present", "proxy"]

_T = TypeVar("_T")

# JavaScript's null, for a property the shell must set to it (a new tab's opener).
JS_NULL: Any = jsnull


def present(value: _T | JsNull | None) -> _T | None:
    """A JS value with JavaScript's null turned into None (Pyodide hands it over as jsnull)."""
    return None if value is None or value is jsnull else value  # type: ignore[return-value]


def js_object(value: Mapping[str, Any]) -> Any:
    """A dict (and the dicts inside it) as plain JavaScript objects."""
    return to_js(value, dict_converter=js.Object.fromEntries)


def js_array(values: Sequence[_T]) -> JsArray[_T]:
    """A list as a JavaScript array, its dicts as plain objects (rows with named properties)."""
    return to_js(values, dict_converter=js.Object.fromEntries)  # type: ignore[no-any-return]


def js_bytes(content: bytes) -> Any:
    """bytes as a JavaScript Uint8Array."""
    return to_js(content)


def proxy(function: Callable[..., Any]) -> Any:
    """function made callable from JavaScript, for as long as the page runs."""
    return create_proxy(function)
