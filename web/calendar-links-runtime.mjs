// The interpreter module PyScript loads (`interpreter` in pyscript.toml): Pyodide, restored
// from the memory snapshot that the setup makes (vendor/pyodide/snapshot-*.bin), with our
// modules and their dependencies already imported; our archive is put back in place, and the
// app starts on the page.
//
// The snapshot API is experimental. When the snapshot is missing, unreadable, or was made by
// another Pyodide, this falls back to a normal start: one console warning, and the page
// works as before, only slower. Whatever else stops the start (a runtime file missing or
// answered with HTML, a Content-Security-Policy without WebAssembly, a broken archive, a page
// that breaks the runtime or the app) ends in the failed state (calendar-links-failure.mjs),
// with the reason, once.
import { loadPyodide as loadVendoredPyodide, version } from "./vendor/pyodide/pyodide.mjs";
import * as pageDom from "./calendar-links-dom.mjs";
import { getAttribute, pageRoot, removeAttribute, setAttribute } from "./calendar-links-platform.mjs";
import { storedCalendarOn, whenNeeded } from "./calendar-links-demand.mjs";
import {
  FilesMissing, archiveURL, bytesOf, lazyArchiveURL, lazyStdLibURL, lockFileURL, pyodideFolderURL,
  snapshotBytes, stdLibURL, wasmURL,
} from "./calendar-links-files.mjs";
import {
  APP_STOPPED, FILES_DAMAGED, FILES_MISSING, NOT_STARTED, OFFLINE, WASM_BLOCKED, reportFailure, startBlocker,
} from "./calendar-links-failure.mjs";
import { markPhase, measurePhasesWhenReady } from "./calendar-links-timeline.mjs";

// Where the archive lives in Pyodide's file system; tools/make_snapshot.mjs puts it on
// sys.path at this same path, so the restored importers find it without unpacking a file.
const ARCHIVE_PATH = "/lib/calendar-links.zip";
// `?snapshot=off` on this module's URL starts Python the normal way, without a warning: for
// comparing the two starts (bench/run.py) and for ruling the snapshot out when debugging.
const useSnapshot = new URL(import.meta.url).searchParams.get("snapshot") !== "off";

// Pyodide waits for ever when its .wasm file is missing or answered with an HTML page, so
// that file's answer is checked beside the start (`starting`), until the start ends. Settles
// only to fail.
function wasmAnswerFails(starting) {
  let startEnded = false;
  const ended = starting.then(
    () => (startEnded = true),
    () => (startEnded = true),
  );
  const timing = globalThis.PerformanceResourceTiming?.prototype ?? {};
  if (!("responseStatus" in timing && "contentType" in timing)) return wasmHeadFails(() => startEnded);
  // The answer to Pyodide's own request, as the browser records it: nothing fetched twice, and
  // no second request beside an early download of the file (calendar-links.mjs).
  return new Promise((_, reject) => {
    const observer = new PerformanceObserver((entries) => {
      for (const entry of entries.getEntriesByName(wasmURL)) {
        if (entry.responseStatus >= 400 || /html/i.test(entry.contentType)) {
          observer.disconnect();
          reject(new FilesMissing(`${wasmURL} answered ${entry.responseStatus} ${entry.contentType}`));
        }
      }
    });
    observer.observe({ type: "resource", buffered: true });
    ended.then(() => observer.disconnect());
  });
}

// Where the browser doesn't record answers (WebKit): a HEAD request, once a start has taken
// long enough to be worth asking about and is still going, so that a quick start, a repeat
// visit above all, sends no request of its own for the file.
export const HEAD_AFTER_MS = 3000;

async function wasmHeadFails(startEnded) {
  await new Promise((resolve) => setTimeout(resolve, HEAD_AFTER_MS));
  if (startEnded()) return new Promise(() => {});
  const response = await fetch(wasmURL, { method: "HEAD" });
  if (!response.ok || /html/i.test(response.headers.get("content-type") ?? "")) {
    throw new FilesMissing(`${wasmURL} answered ${response.status} ${response.headers.get("content-type")}`);
  }
  return new Promise(() => {});
}

// Awaited by Pyodide's loader only once it gets that far: the empty handler keeps an early
// failure (a file missing) from also counting as an unhandled rejection before then.
function awaitedLater(promise) {
  promise.catch(() => {});
  return promise;
}

// Pyodide's loader, told where each of its files is: every name carries its content's digest
// (calendar-links-files.mjs), so none is found by a fixed name beside the loader; only its
// interpreter module and .wasm file keep their names, in a folder that carries the digest.
function loaderOptions(stdLib) {
  return {
    indexURL: pyodideFolderURL,
    stdLibURL: stdLib,
    lockFileContents: awaitedLater(
      fetch(lockFileURL).then((response) => {
        if (!response.ok) throw new FilesMissing(`${lockFileURL} answered ${response.status}`);
        return response.json();
      }),
    ),
  };
}

// Resolves to the interpreter and whether it was restored from the snapshot.
async function startPyodide(snapshot) {
  if (snapshot === null) return { pyodide: await loadVendoredPyodide(loaderOptions(stdLibURL)), restored: false };
  // Pyodide awaits the bytes only after loading its own module: a download that fails before
  // then is handled by the catch below, not reported as an unhandled rejection meanwhile.
  const joined = awaitedLater(
    snapshot.then((bytes) => {
      markPhase("joined");
      return bytes;
    }),
  );
  try {
    const pyodide = await loadVendoredPyodide({
      ...loaderOptions(lazyStdLibURL),
      _loadSnapshot: joined,
      // The snapshot refers to the DOM helpers by this name (tools/make_snapshot.mjs).
      _snapshotDeserializer: (name) => {
        if (name !== "calendar_links_dom") throw new Error(`the snapshot refers to an unknown ${name}`);
        return pageDom;
      },
    });
    // Every page restored from one snapshot would otherwise share one random state.
    pyodide.runPython("import random; random.seed()");
    // Pyodide keeps the snapshot's bytes (about 30 MB) after restoring; let them go.
    if (pyodide._api?.config) delete pyodide._api.config._loadSnapshot;
    return { pyodide, restored: true };
  } catch (error) {
    if (navigator.onLine === false) throw error;
    console.warn(`calendar-links: starting without the snapshot (${error.message ?? error})`);
    return { pyodide: await loadVendoredPyodide(loaderOptions(stdLibURL)), restored: false };
  }
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

// Why Pyodide could not start: its files, the page's policy, or anything else.
function startReason(error) {
  const text = String(error?.message ?? error);
  if (/Content.Security.Policy|wasm-unsafe-eval|Refused to compile/i.test(text)) return WASM_BLOCKED;
  if (/fetch|404|MIME|magic word|expected magic|Failed to load|network/i.test(text)) return FILES_MISSING;
  return NOT_STARTED;
}

// Python imports straight from the zip (zipimport): one file written instead of hundreds
// unpacked. After a restore every module is already imported, so a damaged archive, or
// one from another build, would only show later (a time zone missing, say): its digest
// must be the one the snapshot recorded (tools/make_snapshot.mjs), or the app doesn't start.
const MOUNT = `
import sys
archive = ${JSON.stringify(ARCHIVE_PATH)}
if archive not in sys.path:
    sys.path.insert(0, archive)
if "calendar_links_archive_sha256" in globals():
    import hashlib
    with open(archive, "rb") as file:
        if hashlib.sha256(file.read()).hexdigest() != calendar_links_archive_sha256:
            raise ImportError("the archive is not the one the snapshot was made with")
del archive
import calendar_links_app
`;
// A separate step, so that an error there (the host page broke something) isn't taken for
// a damaged archive.
const START_APP = "calendar_links_app.start()";

// Never settles: PyScript then runs nothing, so the page's own script can't fail again with a
// second, less clear error. The page itself keeps working.
function failed(reason) {
  // Whatever failed to load while the browser is offline failed for that reason, not the setup's.
  reportFailure(reason !== WASM_BLOCKED && navigator.onLine === false ? OFFLINE : reason);
  return new Promise(() => {});
}

const STATE = "data-calendar-links-state";

// Until the page needs Python (calendar-links-demand.mjs) it stands by: nothing downloaded,
// <html data-calendar-links-state="standby">, and a calendar-links:standby event. Then the
// state the host page gave comes back, and the start goes on.
async function standBy() {
  const hostState = getAttribute(pageRoot(), STATE);
  let waited = false;
  await whenNeeded(() => {
    waited = true;
    setAttribute(pageRoot(), STATE, "standby");
    dispatchEvent(new Event("calendar-links:standby"));
  });
  if (!waited) return;
  if (hostState === null) removeAttribute(pageRoot(), STATE);
  else setAttribute(pageRoot(), STATE, hostState);
}

async function start() {
  measurePhasesWhenReady();
  const blocker = startBlocker();
  if (blocker !== null) return failed(blocker);
  await standBy();
  // The loading placeholder (calendar-links.css) is only for pages that will get buttons, and
  // not for long pages: a placeholder on each of 50,000 fields cost 1.4 s of the start and
  // 47 MB of memory that stayed taken (bench/scale.py), and only those near the view get buttons.
  if (storedCalendarOn() && !pageDom.isLongPage()) setAttribute(pageRoot(), "data-calendar-links-calendars", "");
  const firstArchive = bytesOf(useSnapshot ? lazyArchiveURL : archiveURL);
  let pyodide, restored;
  try {
    const starting = startPyodide(useSnapshot ? snapshotBytes(() => markPhase("fetched")) : null);
    ({ pyodide, restored } = await Promise.race([starting, wasmAnswerFails(starting)]));
  } catch (error) {
    if (error instanceof FilesMissing) return failed(FILES_MISSING);
    if (navigator.onLine !== false) console.error(error);
    return failed(startReason(error));
  }
  markPhase("restored");
  // A normal start imports everything, so it needs the whole archive.
  const archive = restored || !useSnapshot ? firstArchive : bytesOf(archiveURL);
  // Each step in a task of its own, so that the page can answer input in between.
  await nextTask();
  try {
    pyodide.registerJsModule("calendar_links_dom", pageDom);
    pyodide.FS.writeFile(ARCHIVE_PATH, new Uint8Array(await archive));
    pyodide.runPython(MOUNT);
    markPhase("mounted");
  } catch (error) {
    return failed(error instanceof FilesMissing ? FILES_MISSING : FILES_DAMAGED);
  }
  await nextTask();
  try {
    pyodide.runPython(START_APP);
  } catch (error) {
    console.error(error);
    return failed(APP_STOPPED);
  }
  return pyodide;
}

const started = start();

// What PyScript calls. Its settings name only where Pyodide lives (ours, already known) and
// where print() and errors go, which apply from here on.
export async function loadPyodide({ stdout, stderr } = {}) {
  const pyodide = await started;
  if (stdout) pyodide.setStdout({ batched: stdout });
  if (stderr) pyodide.setStderr({ batched: stderr });
  return pyodide;
}

export { version };
