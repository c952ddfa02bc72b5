// Write precompressed siblings (FILE.br, FILE.gz) of the vendored runtime's files, for
// servers that send them as they are when the browser accepts them: tools/serve.py, nginx's
// gzip_static and brotli_static, Caddy's `precompressed`. Run by tools/build_static.py with
// the files as arguments.
//
// Brotli at its highest quality takes about 40 s for the 19 MB snapshot, so each result is
// kept in build/compressed/ under the digest of its input: an unchanged file costs nothing
// the next time. Node's own zlib does both formats, so no package is needed; the
// compressions run on its thread pool, side by side.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import zlib from "node:zlib";

const cache = new URL("../build/compressed/", import.meta.url);
// A sibling is written only when it saves at least this much; already compressed files
// (the full standard library is deflated) are sent as they are.
const WORTH_IT = 0.9;
const FORMATS = {
  br: (bytes) =>
    promisify(zlib.brotliCompress)(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        // The largest window browsers accept (RFC 7932: 16 MiB), so that repeats far apart
        // in the snapshot are found too.
        [zlib.constants.BROTLI_PARAM_LGWIN]: zlib.constants.BROTLI_MAX_WINDOW_BITS,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  gz: (bytes) => promisify(zlib.gzip)(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
};

function writeAtomically(path, bytes) {
  writeFileSync(path + ".partial", bytes);
  renameSync(path + ".partial", path);
}

async function compressed(bytes, format) {
  const digest = createHash("sha256").update(bytes).digest("hex");
  const cached = new URL(`${digest}.${format}`, cache);
  used.add(`${digest}.${format}`);
  if (existsSync(cached)) return readFileSync(cached);
  const result = await FORMATS[format](bytes);
  writeAtomically(cached.pathname, result);
  return result;
}

const used = new Set();
mkdirSync(cache, { recursive: true });
await Promise.all(
  process.argv.slice(2).flatMap((file) => {
    const bytes = readFileSync(file);
    return Object.keys(FORMATS).map(async (format) => {
      const sibling = `${file}.${format}`;
      const result = await compressed(bytes, format);
      if (result.length <= bytes.length * WORTH_IT) writeAtomically(sibling, result);
      else rmSync(sibling, { force: true });
    });
  }),
);
// Results of files that changed since are of no further use.
for (const name of readdirSync(cache)) if (!used.has(name)) rmSync(new URL(name, cache));
