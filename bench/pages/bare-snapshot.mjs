// The baseline of the start-up target: Pyodide's own module, no PyScript and no app,
// restored from the snapshot the setup made, the dependency archive put in place, and one
// event built with icalendar. A mark after each step (section 6 of the report).
import { files, loadPyodide } from "./built.mjs";

// The path the snapshot expects the archive at (web/calendar-links-runtime.mjs).
const ARCHIVE_PATH = "/lib/calendar-links.zip";

performance.mark("steps:pyodide-module-loaded");
// What the app downloads after a restore: the archive and standard library without the
// modules the snapshot already imported (tools/make_snapshot.mjs).
const archive = files.bytesOf(files.lazyArchiveURL);
// Its parts side by side, joined in order, as the app does.
const snapshot = files.snapshotBytes(() => performance.mark("steps:snapshot-downloaded"));
// The snapshot holds the app's modules, which refer to its DOM helpers; nothing here uses them.
const pyodide = await loadPyodide({
  indexURL: files.pyodideFolderURL,
  lockFileURL: files.lockFileURL,
  stdLibURL: files.lazyStdLibURL,
  _loadSnapshot: snapshot,
  _snapshotDeserializer: () => ({}),
});
performance.mark("steps:restored");
pyodide.FS.writeFile(ARCHIVE_PATH, new Uint8Array(await archive));
performance.mark("steps:archive-in-place");
pyodide.runPython(`
import datetime, icalendar
event = icalendar.Event()
event.add("summary", "Bench")
event.add("dtstart", datetime.date(2026, 12, 1))
calendar = icalendar.Calendar()
calendar.add_component(event)
calendar.to_ical()
`);
performance.mark("steps:event-built");
performance.mark("calendar-links:ready");
document.documentElement.setAttribute("data-calendar-links-state", "ready");
