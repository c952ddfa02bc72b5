// The vendored Pyodide started the normal way: the floor for any Pyodide page without a snapshot.
import { files, loadPyodide } from "./built.mjs";

await loadPyodide({ indexURL: files.pyodideFolderURL, lockFileURL: files.lockFileURL, stdLibURL: files.stdLibURL });
// The same mark and state the app sets, so every page is measured the same way.
performance.mark("calendar-links:ready");
document.documentElement.setAttribute("data-calendar-links-state", "ready");
