// The interpreter module PyScript loads (`interpreter` in pyscript.toml): Pyodide, restored
// from the memory snapshot that the setup makes (vendor/pyodide/snapshot.bin), with our
// modules and their dependencies already imported, then our archive unpacked beside it.
// Restoring skips Python's start-up and every import, the slowest part of showing buttons,
// and the snapshot and the archive download while Pyodide loads its own files.
//
// The snapshot API is experimental. When the snapshot is missing, unreadable, or was made by
// another Pyodide, this falls back to a normal start: one console warning, and the page
// works as before, only slower. When the app itself can't be loaded (its archive missing or
// broken), the page says so in one line, and so does the console, once.
import { loadPyodide as loadVendoredPyodide, version } from "./vendor/pyodide/pyodide.mjs";

const indexURL = new URL("./vendor/pyodide/", import.meta.url).href;
const snapshotURL = new URL("snapshot.bin", indexURL).href;
const archiveURL = new URL("./vendor/calendar-links.zip", import.meta.url).href;
const FAILURE_HINT = "Reload the page; if it persists, the calendar-links setup needs to be run again.";

async function bytesOf(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.arrayBuffer();
}

// Started at once; a failure surfaces where the bytes are awaited. The empty handler keeps
// it from also counting as an unhandled rejection before then.
function download(url) {
  const bytes = bytesOf(url);
  bytes.catch(() => {});
  return bytes;
}

async function startPyodide(settings, snapshot) {
  try {
    const pyodide = await loadVendoredPyodide({ ...settings, _loadSnapshot: snapshot });
    // Every page restored from one snapshot would otherwise share one random state.
    pyodide.runPython("import random; random.seed()");
    // Pyodide keeps the snapshot's bytes (about 30 MB) after restoring; let them go.
    if (pyodide._api?.config) delete pyodide._api.config._loadSnapshot;
    return pyodide;
  } catch (error) {
    console.warn(`calendar-links: starting without the snapshot (${error.message ?? error})`);
    return loadVendoredPyodide(settings);
  }
}

function reportFailure(reason) {
  const message = `Calendar buttons are unavailable: ${reason}. ${FAILURE_HINT}`;
  console.error(`calendar-links: ${message}`);
  document.documentElement.setAttribute("data-calendar-links-state", "failed");
  const notice = document.createElement("p");
  notice.className = "calendar-links-failure";
  notice.setAttribute("role", "status");
  notice.textContent = message;
  document.body.append(notice);
  dispatchEvent(new CustomEvent("calendar-links:failed", { detail: { message } }));
}

export async function loadPyodide(options = {}) {
  const archive = download(archiveURL);
  // PyScript derives indexURL from this module's folder; the runtime files live below it.
  const pyodide = await startPyodide({ ...options, indexURL }, download(snapshotURL));
  try {
    pyodide.unpackArchive(await archive, "zip");
    pyodide.runPython("import calendar_links_app");
  } catch (error) {
    reportFailure(error instanceof Error && error.message.includes("answered")
      ? "its files could not be loaded"
      : "its files are damaged");
    // Never settle: PyScript then runs nothing, so the page's own script can't fail again
    // with a second, less clear error. The page itself keeps working.
    return new Promise(() => {});
  }
  return pyodide;
}

export { version };
