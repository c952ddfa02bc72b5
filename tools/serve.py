"""Serve the project folder on 127.0.0.1 for the demo, the browser tests and the benchmark.

A static server and nothing more: no route of ours, no network beyond loopback. It prints
the URL it listens on (port 0 picks a free port) and serves until stopped.
"""

from __future__ import annotations

import argparse
import functools
import http.server
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The strictest policy calendar-links runs under (README, "Security and reliability"), sent
# with every page so the demo and every browser test prove it. No 'unsafe-inline' anywhere;
# 'unsafe-eval' because PyScript builds its hook functions from strings, which also covers
# compiling Pyodide's WebAssembly.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with revalidation, so a reload costs only 304s for unchanged files."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".toml": "text/plain; charset=utf-8",
        ".ics": "text/calendar",
    }

    def end_headers(self) -> None:
        # The vendored runtime is rebuilt in place, so browsers must revalidate rather than
        # trust an old copy; Last-Modified makes that a cheap 304.
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        super().end_headers()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        # The kernel sends the file (sendfile) without holding Python's lock, so the 31 MB
        # snapshot doesn't slow down the other files a page asks for at the same moment.
        if outputfile is self.wfile:
            self.wfile.flush()
            self.connection.sendfile(source)
        else:
            super().copyfile(source, outputfile)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        """Keep the terminal quiet; errors still reach log_error."""


def make_server(port: int, directory: Path = ROOT) -> http.server.ThreadingHTTPServer:
    """A server bound to 127.0.0.1 that serves `directory`."""
    handler = functools.partial(StaticHandler, directory=str(directory))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    arguments = parser.parse_args()
    server = make_server(arguments.port)
    print(f"calendar-links demo: http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
