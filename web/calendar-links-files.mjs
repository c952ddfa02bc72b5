// Where the runtime's files are, found from this module's own URL (the page's path doesn't
// matter), and the one download of each big file that a start shares. No imports, so the
// embed module can start the downloads before anything else has loaded.
//
// Every path here is a file's name in the source tree; the build gives each copy of this
// module the file's content-hashed name (tools/hashed_names.py), which a browser keeps for
// good. Pyodide finds its .wasm file by a fixed name in its folder, so that folder carries the
// digest instead.
const here = import.meta.url;

export const wasmURL = new URL("./vendor/pyodide/pyodide.asm.wasm", here).href;
export const pyodideFolderURL = new URL(".", wasmURL).href;
export const lockFileURL = new URL("./vendor/pyodide/pyodide-lock.json", here).href;
export const stdLibURL = new URL("./vendor/pyodide/python_stdlib.zip", here).href;
export const archiveURL = new URL("./vendor/calendar-links.zip", here).href;
// After a restore every module the app uses is in memory: the page then needs only what can
// still be imported later, the "-lazy" standard library and archive (tools/make_snapshot.mjs).
export const lazyArchiveURL = new URL("./vendor/calendar-links-lazy.zip", here).href;
export const lazyStdLibURL = new URL("./vendor/pyodide/python_stdlib-lazy.zip", here).href;

// The memory snapshot travels in parts, fetched side by side and joined on the page
// (tools/make_snapshot.mjs writes them): one request for the whole of it would arrive last,
// on links and in browsers that share their rate among requests.
export const SNAPSHOT_PARTS = [
  "./vendor/pyodide/snapshot-1.bin",
  "./vendor/pyodide/snapshot-2.bin",
  "./vendor/pyodide/snapshot-3.bin",
];
const snapshotPartURLs = SNAPSHOT_PARTS.map((path) => new URL(path, here).href);

// A runtime file missing, or answered with an error.
export class FilesMissing extends Error {}

// One download per file and page, whoever asks first (the embed module, as soon as it knows
// the page needs Python; else the runtime). A `<link rel=preload>` would not do: WebKit never
// matches it to the later fetch() and downloads the file twice.
const downloads = new Map();

export function bytesOf(url) {
  if (!downloads.has(url)) {
    const bytes = fetch(url).then((response) => {
      if (!response.ok) throw new FilesMissing(`${url} answered ${response.status}`);
      return response.arrayBuffer();
    });
    // A failure surfaces where the bytes are awaited; this keeps it from also counting as an
    // unhandled rejection before then.
    bytes.catch(() => {});
    downloads.set(url, bytes);
  }
  return downloads.get(url);
}

// The whole snapshot: its parts fetched side by side, joined; `fetched` runs in between.
export async function snapshotBytes(fetched = () => {}) {
  const parts = await Promise.all(snapshotPartURLs.map(bytesOf));
  fetched();
  const whole = new Uint8Array(parts.reduce((length, part) => length + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(new Uint8Array(part), offset);
    offset += part.byteLength;
  }
  return whole;
}

// What a start from the snapshot downloads itself, besides modules; Pyodide's loader fetches
// its .wasm file and standard library on its own, once.
export function startRestoreDownloads() {
  for (const url of [...snapshotPartURLs, lazyArchiveURL]) bytesOf(url);
}
