// Make Pyodide's memory snapshot with our modules and their dependencies already imported,
// so the page restores a warm interpreter instead of starting Python and importing again.
// Run by tools/build_static.py after the app archive is built; output in static/vendor/.
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const vendor = new URL("static/vendor/", root);
const { loadPyodide } = await import(new URL("pyodide/pyodide.mjs", vendor).href);
// The page's DOM helpers: only functions, nothing runs on import, so Node can load them too.
const pageDom = await import(new URL("static/calendar-links-dom.mjs", root).href);

const pyodide = await loadPyodide({
  indexURL: fileURLToPath(new URL("pyodide/", vendor)),
  _makeSnapshot: true,
  // A fixed hash seed: the same inputs then give the same snapshot, byte for byte.
  env: { PYTHONHASHSEED: "0", HOME: "/home/pyodide" },
});
// Files are not part of the snapshot: the page writes the same archive to the same path
// after restoring (ARCHIVE_PATH in static/calendar-links-runtime.mjs), and Python imports
// from it as a zip, so that path is on sys.path here too.
const ARCHIVE_PATH = "/lib/calendar-links.zip";
pyodide.FS.writeFile(ARCHIVE_PATH, new Uint8Array(readFileSync(new URL("calendar-links.zip", vendor))));
pyodide.registerJsModule("calendar_links_dom", pageDom);
// Every module of the app, the shell too: importing touches no page object (`js` is
// Node's global object here, and the snapshot records it as "the global object", which on
// restore is the page's window), so nothing of Node is kept. The random state is reset so
// that builds differ less; the page reseeds it after restoring.
pyodide.runPython(`
import hashlib, sys
sys.path.insert(0, ${JSON.stringify(ARCHIVE_PATH)})
with open(${JSON.stringify(ARCHIVE_PATH)}, "rb") as file:
    # Checked by the page after restoring: the archive must be this one.
    calendar_links_archive_sha256 = hashlib.sha256(file.read()).hexdigest()
del file
import calendar_links_app

# Build events once, so that what the libraries do on first use (compiling regular
# expressions, a lazy import, a zone file read) is in the snapshot, not in someone's
# first click.
from datetime import datetime, timezone
from calendar_links import FieldAttributes, PageContext, RecordAttributes, event_draft
from providers.base import Click, Preferences
from providers.registry import PROVIDERS
record = RecordAttributes(record_id="R-1", name="Snapshot", url="https://example.com/r/1", time_zone="Europe/London")
page = PageContext(page_url="https://example.com/", browser_time_zone="UTC", browser_date_order="DMY")
for field in (
    FieldAttributes(key="day", field_type="date", value="2026-12-01", value_source="data-value"),
    FieldAttributes(key="meeting", field_type="datetime", value="1 Dec 2026 15:30", value_source="text"),
):
    draft = event_draft(record, field, page)
    for provider in PROVIDERS:
        provider.action(draft, Click(Preferences(), datetime(2026, 1, 1, tzinfo=timezone.utc), 1))
del record, page, field, draft, provider, datetime, timezone, FieldAttributes, PageContext, RecordAttributes
del event_draft, Click, Preferences, PROVIDERS
import random, tempfile
random.seed(0)
tempfile._name_sequence = None
`);
// The one page object Python holds a reference to besides the global object: the DOM
// helpers' module, which the page hands back by this name (_snapshotDeserializer there).
const snapshot = pyodide.makeMemorySnapshot({
  serializer(object) {
    if (object === pageDom) return "calendar_links_dom";
    throw new Error("the snapshot would keep a JavaScript object the page can't give back");
  },
});
const target = fileURLToPath(new URL("pyodide/snapshot.bin", vendor));
writeFileSync(target + ".partial", snapshot);
renameSync(target + ".partial", target);
console.log(`snapshot: ${snapshot.length.toLocaleString("en")} bytes`);
