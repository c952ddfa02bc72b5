// Where the runtime's files are, found from this module's own URL (the page's path doesn't
// matter), and which of them a start from the snapshot downloads. No imports, so the embed
// module can name them to the browser before anything else has loaded.
const here = import.meta.url;

export const pyodideFolderURL = new URL("./vendor/pyodide/", here).href;
export const wasmURL = new URL("pyodide.asm.wasm", pyodideFolderURL).href;
export const archiveURL = new URL("./vendor/calendar-links.zip", here).href;
// After a restore every module the app uses is in memory: the page then needs only what can
// still be imported later, the "-lazy" standard library and archive (tools/make_snapshot.mjs).
export const lazyArchiveURL = new URL("./vendor/calendar-links-lazy.zip", here).href;
export const lazyStdLibURL = new URL("python_stdlib-lazy.zip", pyodideFolderURL).href;

// The memory snapshot travels in parts, fetched side by side and joined on the page
// (tools/make_snapshot.mjs writes them): one request for the whole of it would arrive last,
// on links and in browsers that share their rate among requests.
export const SNAPSHOT_PARTS = ["snapshot-1.bin", "snapshot-2.bin", "snapshot-3.bin"];
export const snapshotPartURLs = SNAPSHOT_PARTS.map((name) => new URL(name, pyodideFolderURL).href);

// The whole snapshot: its parts fetched side by side by `bytesOf` (URL to ArrayBuffer), joined.
export async function snapshotBytes(bytesOf) {
  const parts = await Promise.all(snapshotPartURLs.map(bytesOf));
  const whole = new Uint8Array(parts.reduce((length, part) => length + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(new Uint8Array(part), offset);
    offset += part.byteLength;
  }
  return whole;
}

// What a start from the snapshot fetches (besides small modules): the big downloads.
export const RESTORE_DOWNLOADS = [...snapshotPartURLs, wasmURL, lazyStdLibURL, lazyArchiveURL];
// The shell's DOM helpers, one module per job; calendar-links-dom.mjs gathers them for Python.
export const DOM_MODULES = [
  "./calendar-links-dom.mjs",
  "./calendar-links-platform.mjs",
  "./calendar-links-changed-fields.mjs",
  "./calendar-links-shadow-roots.mjs",
  "./calendar-links-records.mjs",
  "./calendar-links-groups.mjs",
  "./calendar-links-long-pages.mjs",
  "./calendar-links-placing.mjs",
  "./calendar-links-page-changes.mjs",
  "./calendar-links-locale.mjs",
];
// The modules it loads: ours, then Pyodide's loader and its interpreter.
export const RESTORE_MODULES = [
  "./calendar-links-failure.mjs",
  "./calendar-links-runtime.mjs",
  ...DOM_MODULES,
  "./vendor/pyodide/pyodide.mjs",
  "./vendor/pyodide/pyodide.asm.mjs",
].map((path) => new URL(path, here).href);
