// A diagnostic copy of the steps static/calendar-links-runtime.mjs takes, with a mark after
// each, to see which one costs what. It must follow the runtime: if the runtime changes its
// steps, change these too. Its total should stay close to the "bare snapshot restore" page,
// which runs the real module.
import { loadPyodide } from "../../static/vendor/pyodide/pyodide.mjs";

const indexURL = new URL("../../static/vendor/pyodide/", import.meta.url).href;
const archiveURL = new URL("../../static/vendor/calendar-links.zip", import.meta.url).href;
const bytes = (url) => fetch(url).then((response) => response.arrayBuffer());

performance.mark("steps:pyodide-module-loaded");
const archive = bytes(archiveURL);
const snapshot = bytes(new URL("snapshot.bin", indexURL).href);
snapshot.then(() => performance.mark("steps:snapshot-downloaded"));
const pyodide = await loadPyodide({ indexURL, _loadSnapshot: snapshot });
performance.mark("steps:restored");
pyodide.runPython("import random; random.seed()");
performance.mark("steps:reseeded");
pyodide.unpackArchive(await archive, "zip");
performance.mark("steps:archive-unpacked");
pyodide.runPython("import calendar_links_app");
performance.mark("steps:app-imported");
performance.mark("calendar-links:ready");
document.documentElement.setAttribute("data-calendar-links-state", "ready");
