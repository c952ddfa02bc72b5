"""Write precompressed siblings (FILE.zst, FILE.br, FILE.gz) of the runtime's files, for servers
that send them as they are when the browser accepts them: tools/serve.py, Caddy's
`precompressed`, nginx's gzip_static and brotli_static (and zstd_static, with its module).

zstd is there for the decoding: a browser decodes a file as it arrives, and again at every
visit that reads it back from its HTTP cache, which keeps it encoded; zstd decodes several
times faster than brotli, and first and repeat visits alike were ready sooner with it
(bench/README.md, "zstd or brotli"). Brotli stays for browsers without zstd: its files are
the smaller download.

Brotli at its highest quality takes about 40 s for the snapshot, and zstd's level 19 about
15 s, so each result is kept in build/compressed/ under the digest of its input: an unchanged
file costs nothing the next time. The three libraries leave Python's lock while they
compress, so the files are compressed side by side.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli
import zstandard

from hashed_names import COMPRESSED_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "compressed"
# A sibling is written only when it saves at least this much; already compressed files
# (the full standard library is deflated) are sent as they are.
WORTH_IT = 0.9
# Browsers decode zstd only with a window of at most 8 MiB (RFC 9659, section 3).
ZSTD_WINDOW_LOG = 23
# The largest window browsers accept for brotli (RFC 7932: 16 MiB), so that repeats far apart
# in the snapshot are found too.
BROTLI_WINDOW_LOG = 24


def zstd(data: bytes) -> bytes:
    """Level 19, its window cut to what browsers accept where the level would take more."""
    level_window = zstandard.ZstdCompressionParameters.from_level(19, source_size=len(data)).window_log
    parameters = zstandard.ZstdCompressionParameters.from_level(
        19, source_size=len(data), window_log=min(level_window, ZSTD_WINDOW_LOG)
    )
    return zstandard.ZstdCompressor(compression_params=parameters).compress(data)


# How each sibling is made, by its suffix.
COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    ".zst": zstd,
    ".br": lambda data: brotli.compress(data, quality=11, lgwin=BROTLI_WINDOW_LOG),
    ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
}


def write_atomically(path: Path, data: bytes) -> None:
    # A name of this thread's own: two files of the same content share their cache entry.
    partial = path.with_name(f"{path.name}.{threading.get_ident()}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)


def compressed(data: bytes, digest: str, suffix: str) -> tuple[str, bytes]:
    """The file's bytes (of that SHA-256 digest) in one format, from the cache when they were
    made before; and the cache entry's name."""
    name = digest + suffix
    cached = CACHE / name
    if cached.is_file():
        return name, cached.read_bytes()
    result = COMPRESSORS[suffix](data)
    write_atomically(cached, result)
    return name, result


def write_siblings(file: Path) -> list[str]:
    """Each format's sibling of `file` where it pays (any other one removed); the cache entries used."""
    data = file.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    used = []
    for suffix in COMPRESSED_SUFFIXES:
        name, result = compressed(data, digest, suffix)
        used.append(name)
        sibling = file.with_name(file.name + suffix)
        if len(result) <= len(data) * WORTH_IT:
            write_atomically(sibling, result)
        else:
            sibling.unlink(missing_ok=True)
    return used


def compress_files(files: list[Path]) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    # Biggest first, so that the snapshot's parts don't start last.
    ordered = sorted(files, key=lambda path: path.stat().st_size, reverse=True)
    with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        used = {name for names in pool.map(write_siblings, ordered) for name in names}
    # Results for files that changed since are of no further use.
    for stale in CACHE.iterdir():
        if stale.name not in used:
            stale.unlink()
