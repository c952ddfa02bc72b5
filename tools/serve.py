"""Serve the project folder on 127.0.0.1 for the demo, the browser tests and the benchmark.

A static server and nothing more: no route of ours, no network beyond loopback. It prints
the URL it listens on (port 0 picks a free port) and serves until stopped.

It serves the way docs/serving.md asks a production server to (Caddy's `precompressed`,
nginx's gzip_static, brotli_static and zstd_static): when the browser accepts zstd, brotli or
gzip and the build wrote FILE.zst, FILE.br or FILE.gz beside FILE, that sibling goes out as it is, with
`Content-Encoding` and `Vary: Accept-Encoding`. `--plain` serves every file as it is on disk,
as a static host that knows nothing of compression would.
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import http.server
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hashed_names import DIGEST_LENGTH

ROOT = Path(__file__).resolve().parent.parent
# The strictest policy calendar-links runs under (README, "Security and reliability"), sent
# with every page so the demo and every browser test prove it. No 'unsafe-inline' anywhere;
# 'unsafe-eval' because PyScript builds its hook functions from strings, which also covers
# compiling Pyodide's WebAssembly.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

# Precompressed siblings in order of preference: zstd first, for the repeat visits it decodes
# faster from the browser's cache (tools/compress_static.py), then the smallest.
ENCODINGS = (("zstd", ".zst"), ("br", ".br"), ("gzip", ".gz"))
CODINGS = tuple(coding for coding, _ in ENCODINGS)
# Files whose name (or folder's name) carries a digest of their content never change: a new
# build has new names (tools/hashed_names.py), so a browser keeps these without asking again.
# PyScript names its chunks the same way (core-C9KDLldu.js).
CONTENT_HASHED = re.compile(
    r"/static/vendor/(.*\.[0-9a-f]{%d}[./][^?]*|pyscript/[^/]+-[A-Za-z0-9_-]{8}\.js)$" % DIGEST_LENGTH
)
IMMUTABLE = "public, max-age=31536000, immutable"
# The two files a host page names keep their names, so a browser asks again at each visit (a
# small 304), in the background (stale-while-revalidate): the visit doesn't wait for the
# answer, and an offline visit starts from the copy it kept. A new build then takes effect
# from the visit after the one that saw it.
EMBED_FILES = re.compile(r"/static/calendar-links\.(mjs|css)$")
REVALIDATED_IN_BACKGROUND = "max-age=0, stale-while-revalidate=31536000"


@dataclass(frozen=True)
class Answer:
    """One answer the server gave, for tests and the benchmark to count requests and bytes at
    the server, whatever the browser."""

    method: str
    path: str
    status: int
    bytes_sent: int  # the status line, headers and body
    encoding: str = ""  # the Content-Encoding sent (a precompressed sibling), or none


def cache_control(path: str) -> str:
    """How long a browser may keep the file at `path` without asking again."""
    if CONTENT_HASHED.search(path):
        return IMMUTABLE
    return REVALIDATED_IN_BACKGROUND if EMBED_FILES.search(path) else "no-cache"


def accepted_encodings(header: str) -> set[str]:
    """The codings an Accept-Encoding header allows (RFC 9110, section 12.5.3: q=0 refuses)."""
    accepted = set()
    for item in header.split(","):
        coding, _, parameters = item.strip().partition(";")
        quality = parameters.strip().removeprefix("q=").strip() if parameters.strip().startswith("q=") else "1"
        try:
            refused = float(quality) == 0
        except ValueError:
            refused = True
        if coding and not refused:
            accepted.add(coding.strip().lower())
    return accepted


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with revalidation, so a reload costs only 304s for unchanged files, and
    precompressed siblings where the browser accepts them."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".toml": "text/plain; charset=utf-8",
        ".ics": "text/calendar",
    }

    # Set per request by send_head when the file has precompressed siblings.
    varies_by_encoding = False
    status = 0
    body_length = 0
    content_encoding = ""

    def cache_control(self, path: str) -> str:
        """The Cache-Control header for the file at `path`."""
        return cache_control(path)

    def send_response(self, code: int, message: str | None = None) -> None:
        # One handler answers every request of a kept-alive connection: start each answer afresh.
        self.status, self.content_encoding = code, ""
        super().send_response(code, message)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            self.body_length = int(value)
        elif keyword.lower() == "content-encoding":
            self.content_encoding = value
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        # Anything else may change in place, so browsers revalidate it rather than trust an old
        # copy; Last-Modified makes that a cheap 304.
        self.send_header("Cache-Control", self.cache_control(self.path.split("?", 1)[0]))
        if self.varies_by_encoding:
            # Caches must not hand a brotli body to a browser that asked for identity.
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Security-Policy", getattr(self.server, "content_security_policy", CONTENT_SECURITY_POLICY))
        cors_origin = getattr(self.server, "cors_origin", None)
        if cors_origin:
            # Pages on another origin load our module scripts, the runtime's files and the
            # icons in CORS mode: the browser hands them over only with this header. Its value
            # is the same whatever the request's Origin, so the answer doesn't vary by Origin.
            self.send_header("Access-Control-Allow-Origin", cors_origin)
        answered = getattr(self.server, "answered", None)
        if answered is not None:
            headers = sum(len(line) for line in getattr(self, "_headers_buffer", [])) + 2
            body = 0 if self.command == "HEAD" or self.status == 304 else self.body_length
            answered.append(Answer(self.command, self.path, self.status, headers + body, self.content_encoding))
        super().end_headers()

    def send_head(self) -> Any:
        path = self.translate_path(self.path)
        # A sibling older than its file is left over from an earlier build: never serve it.
        offered = getattr(self.server, "codings", CODINGS)
        siblings = [
            (coding, path + suffix)
            for coding, suffix in ENCODINGS
            if coding in offered and os.path.isfile(path + suffix) and os.path.getmtime(path + suffix) >= os.path.getmtime(path)
        ]
        if not getattr(self.server, "precompressed", True) or not siblings or not os.path.isfile(path):
            return super().send_head()
        self.varies_by_encoding = True
        accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
        chosen = next(((coding, sibling) for coding, sibling in siblings if coding in accepted), None)
        if chosen is None:
            return super().send_head()
        coding, sibling = chosen
        file = open(sibling, "rb")  # noqa: SIM115 - the caller copies and closes it
        try:
            status = os.fstat(file.fileno())
            if self._not_modified_since(status.st_mtime):
                self.send_response(304)
                self.end_headers()
                file.close()
                return None
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", coding)
            self.send_header("Content-Length", str(status.st_size))
            self.send_header("Last-Modified", self.date_time_string(status.st_mtime))
            self.end_headers()
            return file
        except BaseException:
            file.close()
            raise

    def _not_modified_since(self, modified: float) -> bool:
        """Whether If-Modified-Since covers a file changed at `modified` (seconds since the epoch)."""
        header = self.headers.get("If-Modified-Since")
        if header is None or "If-None-Match" in self.headers:
            return False
        try:
            since = email.utils.parsedate_to_datetime(header).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return int(modified) <= since

    def copyfile(self, source: Any, outputfile: Any) -> None:
        # The kernel sends the file (sendfile) without holding Python's lock, so the 19 MB
        # snapshot doesn't slow down the other files a page asks for at the same moment.
        if outputfile is self.wfile:
            self.wfile.flush()
            self.connection.sendfile(source)
        else:
            super().copyfile(source, outputfile)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        """Keep the terminal quiet; errors still reach log_error."""


def make_server(
    port: int,
    directory: Path = ROOT,
    *,
    precompressed: bool = True,
    codings: tuple[str, ...] = CODINGS,
    cors_origin: str | None = None,
    content_security_policy: str = CONTENT_SECURITY_POLICY,
    answered: list[Answer] | None = None,
) -> http.server.ThreadingHTTPServer:
    """A server bound to 127.0.0.1 that serves `directory`, with precompressed siblings (of the
    given codings) unless told not to, to pages of cors_origin (or "*") as well when one is given, and with the
    given Content-Security-Policy on every response; each answer is appended to `answered`
    when a list is given."""
    handler = functools.partial(StaticHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.precompressed = precompressed  # type: ignore[attr-defined]
    server.codings = codings  # type: ignore[attr-defined]
    server.cors_origin = cors_origin  # type: ignore[attr-defined]
    server.content_security_policy = content_security_policy  # type: ignore[attr-defined]
    server.answered = answered  # type: ignore[attr-defined]
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--plain", action="store_true", help="ignore precompressed siblings, as a plain static host would")
    parser.add_argument("--cors", metavar="ORIGIN", help="also serve pages of ORIGIN (or *), as a static host on another origin")
    arguments = parser.parse_args()
    server = make_server(arguments.port, precompressed=not arguments.plain, cors_origin=arguments.cors)
    print(f"calendar-links demo: http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
