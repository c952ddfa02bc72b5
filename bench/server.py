"""The bench server: tools/serve.py's handler, the generated pages, and a proxy that refuses
every request for another host."""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from urllib.parse import urlsplit

from serve import CODINGS, Answer, StaticHandler, make_server
from catalog import ROOT


class BenchHandler(StaticHandler):
    """The project's static handler, plus the generated pages, plus a proxy that refuses all.

    Generated pages carry an ETag, so a reload revalidates them like the files on disk. A
    request in proxy form (an absolute URL, or CONNECT) is the browser trying to reach
    another host: it is counted and refused, never forwarded.
    """

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if self.command == "CONNECT" or not self.path.startswith("/"):
            target = f"https://{self.path}" if self.command == "CONNECT" else self.path
            self.server.refused_requests.append(target)  # type: ignore[attr-defined]
            self.send_error(403, "calendar-links bench: only 127.0.0.1 is reachable")
            return False
        return True

    def do_GET(self) -> None:
        if not self._send_generated(head_only=False):
            super().do_GET()

    def do_HEAD(self) -> None:
        if not self._send_generated(head_only=True):
            super().do_HEAD()

    def _send_generated(self, *, head_only: bool) -> bool:
        page = self.server.generated_pages.get(urlsplit(self.path).path)  # type: ignore[attr-defined]
        if page is None:
            return False
        content_type, body = page
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return True
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        if not head_only:
            self.wfile.write(body)
        return True


@contextmanager
def bench_server(
    pages: dict[str, tuple[str, bytes]],
    *,
    precompressed: bool = True,
    codings: tuple[str, ...] = CODINGS,
    answered: list[Answer] | None = None,
) -> Iterator[ThreadingHTTPServer]:
    """tools/serve.make_server on a free port, answering through the bench handler; with
    precompressed=False every file goes out as it is on disk, as from a plain static host, and
    else only the siblings of the given codings; each answer appended to `answered` when a list
    is given."""
    server = make_server(0, ROOT, precompressed=precompressed, codings=codings, answered=answered)
    server.RequestHandlerClass = functools.partial(BenchHandler, directory=str(ROOT))
    server.generated_pages = pages  # type: ignore[attr-defined]
    server.refused_requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()

