// Make Pyodide's memory snapshot with our modules and their dependencies already imported,
// so the page restores a warm interpreter instead of starting Python and importing again.
// Run by tools/build_static.py after the app archive is built; output in static/vendor/.
import { execFileSync } from "node:child_process";
import nodeCrypto from "node:crypto";
import { readFileSync, rmSync, writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";
import { SNAPSHOT_PARTS } from "../web/calendar-links-files.mjs";

const root = new URL("../", import.meta.url);
const vendor = new URL("static/vendor/", root);
const { loadPyodide } = await import(new URL("pyodide/pyodide.mjs", vendor).href);
// The page's DOM helpers: only functions, nothing runs on import, so Node can load them too.
const pageDom = await import(new URL("web/calendar-links-dom.mjs", root).href);

// The same inputs must give the same snapshot, byte for byte: its parts then keep their
// digests, and so their names, from one build to the next, and a browser keeps its copy across
// a deploy that changed nothing in them. Besides the hash seed below, what made builds differ
// is what the interpreter reads from the clock (file times, time.time()) and from the random
// source (a generator's state) while the snapshot is made: both are fixed here. Nothing secret
// is lost: every page restored from one snapshot shares its bytes anyway, Python reads the
// browser's random source anew for each os.urandom(), and the page reseeds `random`.
const BUILD_EPOCH_MS = Date.UTC(2026, 0, 1);
let ticks = 0;
const clock = () => (ticks += 1);
performance.now = clock;
Date.now = () => BUILD_EPOCH_MS + clock();
let state = 0x2545f491;
// xorshift32: any fixed sequence of bytes will do.
const nextRandom = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return state >>> 0;
};
nodeCrypto.randomFillSync = (view) => {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = nextRandom() & 0xff;
  return view;
};
Math.random = () => nextRandom() / 2 ** 32;

const pyodide = await loadPyodide({
  indexURL: fileURLToPath(new URL("pyodide/", vendor)),
  _makeSnapshot: true,
  env: { PYTHONHASHSEED: "0", HOME: "/home/pyodide" },
});
// Files are not part of the snapshot: the page writes the same archive to the same path
// after restoring (ARCHIVE_PATH in web/calendar-links-runtime.mjs), and Python imports
// from it as a zip, so that path is on sys.path here too.
const ARCHIVE_PATH = "/lib/calendar-links.zip";
pyodide.FS.writeFile(ARCHIVE_PATH, new Uint8Array(readFileSync(new URL("calendar-links.zip", vendor))));
pyodide.registerJsModule("calendar_links_dom", pageDom);
// Every module of the app, the shell too: importing touches no page object (`js` is
// Node's global object here, and the snapshot records it as "the global object", which on
// restore is the page's window), so nothing of Node is kept. The random state is reset so
// that builds differ less; the page reseeds it after restoring.
pyodide.runPython(`
import sys
sys.path.insert(0, ${JSON.stringify(ARCHIVE_PATH)})
import calendar_links_app

# Build events once, so that what the libraries do on first use (compiling regular
# expressions, a lazy import, a zone file read) is in the snapshot, not in someone's
# first click.
from datetime import datetime, timezone
from calendar_links import FieldAttributes, PageContext, RecordAttributes, event_draft
from calendar_links_core.providers.base import Click, Preferences
from calendar_links_core.providers.registry import PROVIDERS
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
`);

// After a restore every module above is already in memory: its source is never read again.
// The page gets the standard library and our archive without those files ("-lazy" files,
// holding only what can still be imported later, such as a codec or a zone file;
// tools/lazy_archive.py writes them). They replace the full ones at the same paths here,
// before the snapshot, with the importers' cached tables of contents dropped, so the
// restored interpreter reads the new ones.
const STDLIB_PATH = pyodide.runPython(
  'import sys; next(path for path in sys.path if path.endswith(f"/python{sys.version_info.major}{sys.version_info.minor}.zip"))',
);
const IMPORTED_FROM = `
import sys
[
    module.__spec__.origin.removeprefix(archive_path + "/")
    for module in list(sys.modules.values())
    if getattr(module, "__spec__", None) is not None and (module.__spec__.origin or "").startswith(archive_path + "/")
]
`;
const python = process.argv[2] ?? "python3";
const archives = [
  [STDLIB_PATH, "pyodide/python_stdlib.zip", "pyodide/python_stdlib-lazy.zip"],
  [ARCHIVE_PATH, "calendar-links.zip", "calendar-links-lazy.zip"],
].map(([path, full, lazy]) => ({ path, source: fileURLToPath(new URL(full, vendor)), target: fileURLToPath(new URL(lazy, vendor)) }));
const imported = {};
for (const { path, source } of archives) {
  pyodide.globals.set("archive_path", path);
  const importedProxy = pyodide.runPython(IMPORTED_FROM);
  imported[source] = importedProxy.toJs();
  importedProxy.destroy();
}
process.stdout.write(
  execFileSync(python, [fileURLToPath(new URL("tools/lazy_archive.py", root))], {
    input: JSON.stringify({ archives: archives.map(({ source, target }) => [source, target]), imported }),
    encoding: "utf8",
  }),
);
for (const { path, target } of archives) pyodide.FS.writeFile(path, new Uint8Array(readFileSync(target)));
pyodide.runPython(`
import importlib, sys, zipimport
zipimport._zip_directory_cache.clear()
sys.path_importer_cache.clear()
importlib.invalidate_caches()
`);
pyodide.runPython(`
import hashlib, random, tempfile
with open(${JSON.stringify(ARCHIVE_PATH)}, "rb") as file:
    # Checked by the page after restoring: the archive must be this one.
    calendar_links_archive_sha256 = hashlib.sha256(file.read()).hexdigest()
del file, archive_path
random.seed(0)
tempfile._name_sequence = None
`);
// Memory that malloc holds free keeps what was there before it was freed: about 3 MB of old
// objects, which every visit would download, decode and copy. Zeroed, whole pages of it drop
// out of the sparse snapshot and the rest compresses to almost nothing. Each free chunk below
// the break is taken with malloc (large requests first, so big chunks go whole), zeroed, and
// given back, which leaves the heap as it was; the memory above the break is nobody's.
function zeroFreeMemory(module) {
  module._malloc_trim(0);
  const end = module._sbrk(0);
  const memory = module.HEAPU8.length;
  const taken = [];
  for (let size = 64 * 1024; size >= 16; size /= 2) {
    for (let chunk = module._malloc(size); chunk !== 0; chunk = module._malloc(size)) {
      if (chunk + size > end) {
        module._free(chunk);
        break;
      }
      module.HEAPU8.fill(0, chunk, chunk + size);
      taken.push(chunk);
    }
  }
  for (const chunk of taken) module._free(chunk);
  module.HEAPU8.fill(0, module._sbrk(0));
  if (module.HEAPU8.length !== memory) throw new Error("zeroing the free memory grew the memory");
}
zeroFreeMemory(pyodide._module);

// The one page object Python holds a reference to besides the global object: the DOM
// helpers' module, which the page hands back by this name (_snapshotDeserializer there).
const snapshot = pyodide.makeMemorySnapshot({
  serializer(object) {
    if (object === pageDom) return "calendar_links_dom";
    throw new Error("the snapshot would keep a JavaScript object the page can't give back");
  },
});
// Paths relative to static/, as web/calendar-links-files.mjs names them.
function writeStaticFile(path, bytes) {
  const target = fileURLToPath(new URL(path, new URL("static/", root)));
  writeFileSync(target + ".partial", bytes);
  renameSync(target + ".partial", target);
}

// The snapshot as the page reads it (web/calendar-links-files.mjs): its length, its runs of
// pages that hold anything but zeros (offset and length of each), then those runs' bytes. About
// 14 of its 31 MB are whole pages of zeros (memory Python freed or never used), which brotli
// sends for almost nothing but every visit would read back from the cache and copy again.
const PAGE = 4096;

function isZeros(bytes) {
  const words = new BigUint64Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 8));
  return words.every((word) => word === 0n) && bytes.subarray(words.length * 8).every((byte) => byte === 0);
}

function sparse(bytes) {
  const runs = [];
  for (let start = 0; start < bytes.length; start += PAGE) {
    if (isZeros(bytes.subarray(start, start + PAGE))) continue;
    const end = Math.min(start + PAGE, bytes.length);
    const last = runs.at(-1);
    if (last && last[0] + last[1] === start) last[1] = end - last[0];
    else runs.push([start, end - start]);
  }
  const header = new Uint32Array([bytes.length, runs.length, ...runs.flat()]);
  const data = runs.reduce((sum, [, length]) => sum + length, 0);
  const stream = new Uint8Array(header.byteLength + data);
  const view = new DataView(stream.buffer);
  header.forEach((number, index) => view.setUint32(4 * index, number, true));
  let offset = header.byteLength;
  for (const [start, length] of runs) {
    stream.set(bytes.subarray(start, start + length), offset);
    offset += length;
  }
  return { stream, runs: runs.length };
}

// Where to cut the stream so that its parts cost about the same on the wire: some of it
// compresses far better than the rest, so equal byte counts would leave one part holding most
// of the cost. A quick deflate of each block stands in for the brotli size.
function cutPoints(bytes, parts, block = 1 << 20) {
  const costs = [];
  for (let start = 0; start < bytes.length; start += block) {
    costs.push(deflateRawSync(bytes.subarray(start, start + block), { level: 1 }).length);
  }
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  const cuts = [];
  let sum = 0;
  costs.forEach((cost, index) => {
    sum += cost;
    if (cuts.length < parts - 1 && sum >= (total * (cuts.length + 1)) / parts) cuts.push((index + 1) * block);
  });
  return [0, ...cuts, bytes.length];
}
const { stream, runs } = sparse(snapshot);
const cuts = cutPoints(stream, SNAPSHOT_PARTS.length);
SNAPSHOT_PARTS.forEach((path, index) => writeStaticFile(path, stream.subarray(cuts[index], cuts[index + 1])));
// The single file of earlier builds, and its compressed siblings.
for (const suffix of ["", ".br", ".gz"]) rmSync(fileURLToPath(new URL(`pyodide/snapshot.bin${suffix}`, vendor)), { force: true });
console.log(
  `snapshot: ${snapshot.length.toLocaleString("en")} bytes, ${stream.length.toLocaleString("en")} stored ` +
    `(${runs} runs without the pages of zeros) in ${SNAPSHOT_PARTS.length} parts`,
);
