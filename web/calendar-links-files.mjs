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

// The snapshot is stored sparse: about 14 of its 31 MB are pages of zeros, which every visit
// would otherwise read back from the HTTP cache, decode and copy again. Its parts, taken in
// order, are one stream (tools/make_snapshot.mjs writes it) of little-endian 32-bit numbers:
//   the snapshot's length, the number of runs, then each run's offset and length;
// and then each run's bytes, in the same order. What no run covers is zeros, as a new buffer is.
class SnapshotDamaged extends Error {}

// Fills one target after another with the parts' bytes, in order, across the parts' ends.
function partsReader(parts) {
  let part = 0;
  let offset = 0;
  return {
    copyInto(target) {
      let written = 0;
      while (written < target.length) {
        if (part === parts.length) throw new SnapshotDamaged("the snapshot's parts end early");
        const taken = Math.min(parts[part].length - offset, target.length - written);
        target.set(parts[part].subarray(offset, offset + taken), written);
        written += taken;
        offset += taken;
        if (offset === parts[part].length) {
          part += 1;
          offset = 0;
        }
      }
    },
    atEnd: () => part === parts.length,
  };
}

function numbersFrom(reader, count) {
  const bytes = new Uint8Array(4 * count);
  reader.copyInto(bytes);
  const view = new DataView(bytes.buffer);
  return Array.from({ length: count }, (_, index) => view.getUint32(4 * index, true));
}

// The snapshot in one buffer, laid out from its sparse parts.
function laidOut(parts) {
  const reader = partsReader(parts);
  const [length, runs] = numbersFrom(reader, 2);
  const table = numbersFrom(reader, 2 * runs);
  const whole = new Uint8Array(length);
  for (let run = 0; run < runs; run += 1) {
    const [start, size] = [table[2 * run], table[2 * run + 1]];
    if (start + size > length) throw new SnapshotDamaged("a run of the snapshot lies outside it");
    reader.copyInto(whole.subarray(start, start + size));
  }
  if (!reader.atEnd()) throw new SnapshotDamaged("the snapshot's parts hold more than its runs");
  return whole;
}

// The whole snapshot: its parts fetched side by side, then laid out; `fetched` runs in between.
export async function snapshotBytes(fetched = () => {}) {
  const parts = await Promise.all(snapshotPartURLs.map(bytesOf));
  fetched();
  return laidOut(parts.map((part) => new Uint8Array(part)));
}

// What a start from the snapshot downloads itself, besides modules; Pyodide's loader fetches
// its .wasm file and standard library on its own, once.
export function startRestoreDownloads() {
  for (const url of [...snapshotPartURLs, lazyArchiveURL]) bytesOf(url);
}
