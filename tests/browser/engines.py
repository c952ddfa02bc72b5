"""The project served for the Firefox and WebKit tests: a port of its own per test, with pages
a test makes up, counting the paths asked for. The engines themselves are driven by
tools/engine_drivers.py, which the benchmark shares."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

from serve import StaticHandler

ROOT = Path(__file__).resolve().parents[2]


class RecordingHandler(StaticHandler):
    """The project's static server, which also answers the pages a test made up and notes
    every path it is asked for."""

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        site: EngineSite = self.server.site  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0]
        site.requested.append(path)
        page = site.pages.get(path)
        if page is None:
            super().do_GET()
            return
        body, headers = page
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        extra = self.server.site.pages.get(self.path.split("?", 1)[0])  # type: ignore[attr-defined]
        if extra is not None and "Content-Security-Policy" in extra[1]:
            # The page brings its own policy: send only that one (StaticHandler adds ours).
            http.server.SimpleHTTPRequestHandler.end_headers(self)
            return
        super().end_headers()


class EngineSite:
    """The project served on a port of its own (so a browser's cache and storage start empty
    for it), with made-up pages, counting requests per path."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[bytes, dict[str, str]]] = {}
        self.requested: list[str] = []
        handler = functools.partial(RecordingHandler, directory=str(ROOT))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.site = self  # type: ignore[attr-defined]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self._server.server_address[1]}"

    def add_page(self, path: str, html: str, headers: dict[str, str] | None = None) -> str:
        """Serve html at path; its full URL."""
        self.pages[path] = (html.encode(), headers or {})
        return self.origin + path

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
