// The interpreter module PyScript loads (`interpreter` in pyscript.toml): Pyodide, restored
// from the memory snapshot that the setup makes (vendor/pyodide/snapshot.bin), with our
// modules and their dependencies already imported. Restoring skips Python's start-up and
// every import, the slowest part of showing the buttons.
//
// The snapshot API is experimental. When the snapshot is missing, unreadable, or was made by
// another Pyodide, this falls back to a normal start: one console warning, and the page
// works as before, only slower.
import { loadPyodide as loadVendoredPyodide, version } from "./vendor/pyodide/pyodide.mjs";

const indexURL = new URL("./vendor/pyodide/", import.meta.url).href;
const snapshotURL = new URL("snapshot.bin", indexURL).href;

async function snapshotBytes() {
  const response = await fetch(snapshotURL);
  if (!response.ok) throw new Error(`${snapshotURL} answered ${response.status}`);
  return response.arrayBuffer();
}

export async function loadPyodide(options = {}) {
  // PyScript derives indexURL from this module's folder; the runtime files live below it.
  const settings = { ...options, indexURL };
  // Fetched while Pyodide loads its own files. A failure surfaces in loadVendoredPyodide,
  // caught below; the empty handler keeps it from also counting as an unhandled rejection.
  const snapshot = snapshotBytes();
  snapshot.catch(() => {});
  try {
    const pyodide = await loadVendoredPyodide({ ...settings, _loadSnapshot: snapshot });
    // Every page restored from one snapshot would otherwise share one random state.
    pyodide.runPython("import random; random.seed()");
    return pyodide;
  } catch (error) {
    console.warn(`calendar-links: starting without the snapshot (${error.message ?? error})`);
    return loadVendoredPyodide(settings);
  }
}

export { version };
