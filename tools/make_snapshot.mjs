// Make Pyodide's memory snapshot with our modules and their dependencies already imported,
// so the page restores a warm interpreter instead of starting Python and importing again.
// Run by tools/build_static.py after the app archive is built; output in static/vendor/.
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const vendor = new URL("static/vendor/", root);
const { loadPyodide } = await import(new URL("pyodide/pyodide.mjs", vendor).href);

const pyodide = await loadPyodide({
  indexURL: fileURLToPath(new URL("pyodide/", vendor)),
  _makeSnapshot: true,
  // A fixed hash seed: the same inputs then give the same snapshot, byte for byte.
  env: { PYTHONHASHSEED: "0", HOME: "/home/pyodide" },
});
// Files are not part of the snapshot: the page unpacks the same archive again after restore.
pyodide.unpackArchive(new Uint8Array(readFileSync(new URL("calendar-links.zip", vendor))), "zip");
// Only pure modules: anything touching `js` here would capture Node's globals. The random
// state is reset so that builds differ less; the page reseeds it after restoring.
pyodide.runPython(`
import calendar_links, field_values, settings, ui_text
import random, tempfile
random.seed(0)
tempfile._name_sequence = None
`);
const snapshot = pyodide.makeMemorySnapshot();
const target = fileURLToPath(new URL("pyodide/snapshot.bin", vendor));
writeFileSync(target + ".partial", snapshot);
renameSync(target + ".partial", target);
console.log(`snapshot: ${snapshot.length.toLocaleString("en")} bytes`);
