// The vendored Pyodide started the normal way: the floor for any Pyodide page without a snapshot.
import { loadPyodide } from "../../static/vendor/pyodide/pyodide.mjs";

await loadPyodide();
// The same mark and state the app sets, so every page is measured the same way.
performance.mark("calendar-links:ready");
document.documentElement.setAttribute("data-calendar-links-state", "ready");
