"""Benchmark calendar-links in Debian's Chromium: start-up, many fields, clicks, bytes, memory.

Not a test: it prints numbers, and writes them with the raw samples to
bench/results/latest.json. Our machines are small and noisy, so read the ratios between
pages measured in the same run rather than absolute times, and compare runs only on one
machine.

Pages. Every page is served by tools/serve.make_server on a free port of 127.0.0.1. Pages
the benchmark generates (variants of index.html, many-field pages, a PyScript config) are
served from memory at root-level `/bench-…` paths, so their relative URLs resolve exactly as
index.html's do and nothing generated lands in the repository. The fixed bench pages and
the in-page probes live in bench/pages/. Chromium runs headless with the arguments of
tests/browser/conftest.py.

Network guard. Each browser context uses the bench server as its HTTP proxy for everything
but 127.0.0.1; the server refuses every proxied request and counts it, so nothing leaves the
machine. Requests the pages themselves make to other hosts are counted from the browser's
request events. Playwright's request routing (what the tests use) is left out on purpose:
it switches the HTTP cache off, which would make every "warm" load a cold one.

Times are read inside the page, in milliseconds from navigation start:
- ready: startTime of the `calendar-links:ready` performance mark, which the app sets once
  every field has its buttons (the bench pages set the same mark when their work is done);
- cold: a new browser context (empty profile and HTTP cache), one navigation;
- warm: page.reload() in that context once the cold load has settled. These contexts are
  off-the-record: their in-memory HTTP cache keeps neither pyodide.asm.wasm (9.6 MB) nor
  snapshot.bin (31 MB), so a warm load downloads those two again. The "persistent profile" row is the
  app in a browser with an on-disk profile, where a warm load revalidates everything.

Run with `make bench`; BENCH_ARGS="--runs 3" or "--quick" shortens it.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, ProxySettings, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BENCH_PAGES = ROOT / "bench" / "pages"
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT / "tools"))

from chromium import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402 - importable once tools/ is on the path
from serve import StaticHandler, make_server  # noqa: E402

READY_MARK = "calendar-links:ready"
START_MARK = "calendar-links:start"
SETTLED = "html[data-calendar-links-state='ready'], html[data-calendar-links-state='failed']"
# Pyodide's first start in an empty profile takes seconds here; 10,000 fields much longer.
LOAD_TIMEOUT_MS = 180_000
INTEGRATIONS_KEY = "calendar-links:integrations"
# Both calendars on before the first load, as if enabled in the App Marketplace earlier.
# The try: init scripts also run in about:blank, where localStorage refuses access.
INTEGRATIONS_SCRIPT = (
    "try { if (localStorage.getItem('%s') === null)"
    " localStorage.setItem('%s', '{\"google\":true,\"outlook\":true}'); } catch (error) {}"
) % (INTEGRATIONS_KEY, INTEGRATIONS_KEY)
PROBE_SCRIPT = BENCH_PAGES / "probe.js"
CLICK_PROBE_SCRIPT = BENCH_PAGES / "click-probe.js"
FIELDS_PER_RECORD = 10
CLICKS_PER_PAGE = 10
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
SNAPSHOT_FILE = "snapshot.bin"
ARCHIVE_FILE = "calendar-links.zip"
FALLBACK_WARNING = "without the snapshot"


# --- Pages -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchPage:
    """A page to load: its name in the tables, its path, and what to expect of it."""

    name: str
    path: str
    has_buttons: bool
    checks_values: bool = True  # the app checks every value after ready; plain JavaScript doesn't


APP = BenchPage("app", "/", has_buttons=True)
APP_NO_SNAPSHOT = BenchPage("app without snapshot", "/bench-app-no-snapshot.html", has_buttons=True)
BARE_PYODIDE = BenchPage("bare Pyodide", "/bench/pages/bare-pyodide.html", has_buttons=False)
BARE_SNAPSHOT = BenchPage("bare snapshot restore", "/bench/pages/bare-snapshot.html", has_buttons=False)
PLAIN_JS = BenchPage("plain JavaScript", "/bench-plain-js.html", has_buttons=True)
APP_PERSISTENT = BenchPage("app, persistent profile", "/", has_buttons=True)
START_PAGES = (APP, APP_NO_SNAPSHOT, BARE_PYODIDE, BARE_SNAPSHOT, PLAIN_JS)
HEAP_PAGES = (APP, APP_NO_SNAPSHOT, PLAIN_JS)


def fields_page(count: int, *, plain_js: bool = False) -> BenchPage:
    if plain_js:
        return BenchPage(f"{count:,} fields, plain JavaScript", f"/bench-fields-js-{count}.html", True, checks_values=False)
    return BenchPage(f"{count:,} fields", f"/bench-fields-{count}.html", True)


def embed_tags(index_html: str) -> dict[str, str]:
    """The tags of index.html the variants reuse: the icon and the three calendar-links tags."""
    patterns = {
        "icon": r'<link rel="icon"[^>]*>',
        "stylesheet": r'<link rel="stylesheet" href="static/calendar-links\.css">',
        "core": r'<script type="module" src="static/vendor/pyscript/core\.js"></script>',
        "python": r'<script type="py"[^>]*>.*?</script>',
    }
    tags = {}
    for name, pattern in patterns.items():
        found = re.search(pattern, index_html, re.DOTALL)
        if found is None:
            raise SystemExit(f"index.html no longer has the {name} tag the benchmark reuses ({pattern})")
        tags[name] = found.group(0)
    return tags


def no_snapshot_index(index_html: str, config_path: str) -> str:
    """index.html, its PyScript config replaced by one that starts without the snapshot."""
    python_tag = embed_tags(index_html)["python"]
    if 'config="pyscript.toml"' not in python_tag:
        raise SystemExit('index.html\'s <script type="py"> no longer reads config="pyscript.toml"')
    return index_html.replace(python_tag, python_tag.replace('config="pyscript.toml"', f'config="{config_path}"'))


def no_snapshot_config(pyscript_toml: str) -> str:
    """pyscript.toml, its interpreter module asked to start the normal way (`?snapshot=off`)."""
    settings = tomllib.loads(pyscript_toml)
    settings["interpreter"] += "?snapshot=off"
    return "".join(f"{key} = {json.dumps(value)}\n" for key, value in settings.items())


def plain_js_index(index_html: str) -> str:
    """index.html without PyScript, plus a small JS module that adds the same button markup."""
    tags = embed_tags(index_html)
    page = index_html.replace(tags["core"], "").replace(tags["python"], "")
    crm = '<script type="module" src="static/demo/crm.js"></script>'
    if crm not in page:
        raise SystemExit(f"index.html no longer loads the demo CRM with {crm}")
    # After crm.js: module scripts run in document order, so the record is rendered by then.
    return page.replace(crm, crm + '\n  <script type="module" src="bench/pages/plain-buttons.mjs"></script>')


def many_fields_html(count: int, index_html: str, *, plain_js: bool = False) -> str:
    """A page of `count` date fields (data-value) in records of ten, with the real app embedded
    as the README embeds it, or (plain_js) with the plain-JavaScript buttons instead.

    The last field holds an impossible date: values are checked in document order after the
    buttons are in place, so that field's message marks the end of the checks.
    """
    tags = embed_tags(index_html)
    record_count = -(-count // FIELDS_PER_RECORD)
    records = []
    for record in range(record_count):
        fields = []
        for slot in range(min(FIELDS_PER_RECORD, count - record * FIELDS_PER_RECORD)):
            number = record * FIELDS_PER_RECORD + slot
            value = "2027-02-31" if number == count - 1 else f"2026-{1 + number % 12:02d}-{1 + number % 28:02d}"
            fields.append(
                f'<div><dt>Date {slot + 1}</dt><dd><span data-calendar-field="date-{slot + 1}" '
                f'data-field-type="date" data-field-label="Date {slot + 1}" data-value="{value}">'
                f"{value}</span></dd></div>"
            )
        marker = " data-bench-last-record" if record == record_count - 1 else ""
        records.append(
            f'<article data-calendar-record data-record-id="R-{record + 1}" data-record-type="Contact" '
            f'data-record-name="Contact {record + 1}" data-time-zone="Europe/London"{marker}>'
            f"<h2>Contact {record + 1}</h2><dl>{''.join(fields)}</dl></article>"
        )
    scripts = (
        ['<script type="module" src="bench/pages/plain-buttons.mjs"></script>']
        if plain_js
        else [tags["core"], tags["python"]]
    )
    head = "\n".join([tags["icon"], tags["stylesheet"], *scripts])
    return (
        '<!doctype html>\n<html lang="en" data-calendar-links-state="loading">\n<head>\n'
        f'<meta charset="utf-8">\n<title>Bench: {count:,} fields</title>\n{head}\n'
        "</head>\n<body>\n<main>\n" + "\n".join(records) + "\n</main>\n</body>\n</html>\n"
    )


def generated_pages(field_counts: Sequence[int]) -> dict[str, tuple[str, bytes]]:
    """Every page the benchmark serves from memory: path -> (content type, body)."""
    index_html = (ROOT / "index.html").read_text(encoding="utf-8")
    pyscript_toml = (ROOT / "pyscript.toml").read_text(encoding="utf-8")
    html = "text/html; charset=utf-8"
    pages = {
        "/bench-no-snapshot.toml": ("text/plain; charset=utf-8", no_snapshot_config(pyscript_toml).encode()),
        APP_NO_SNAPSHOT.path: (html, no_snapshot_index(index_html, "bench-no-snapshot.toml").encode()),
        PLAIN_JS.path: (html, plain_js_index(index_html).encode()),
    }
    for count in field_counts:
        pages[fields_page(count).path] = (html, many_fields_html(count, index_html).encode())
        pages[fields_page(count, plain_js=True).path] = (html, many_fields_html(count, index_html, plain_js=True).encode())
    return pages


# --- Server ------------------------------------------------------------------------------


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
def bench_server(pages: dict[str, tuple[str, bytes]]) -> Iterator[ThreadingHTTPServer]:
    """tools/serve.make_server on a free port, answering through the bench handler."""
    server = make_server(0, ROOT)
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


# --- Browser -----------------------------------------------------------------------------


@dataclass
class Watch:
    """What pages did besides being measured: requests elsewhere, HTTP errors, console noise."""

    base_url: str
    outside_requests: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def proxy(self) -> ProxySettings:
        """Context proxy settings: everything but 127.0.0.1 goes to the bench server, which refuses it."""
        return ProxySettings(server=self.base_url.rstrip("/"), bypass="127.0.0.1")

    def attach(self, context: BrowserContext) -> None:
        context.on("request", self._on_request)
        context.on("response", self._on_response)
        context.on("page", self.watch_page)
        for page in context.pages:
            self.watch_page(page)

    def watch_page(self, page: Page) -> None:
        page.on("console", lambda message: self._on_console(page, message))
        page.on("pageerror", lambda error: self.page_errors.append(f"{_page_label(page)}: {error}"))

    def _on_request(self, request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname != "127.0.0.1":
            self.outside_requests.append(request.url)

    def _on_response(self, response: Any) -> None:
        if response.status >= 400:
            self.http_errors.append(f"{response.status} {urlsplit(response.url).path}")

    def _on_console(self, page: Page, message: Any) -> None:
        if message.type in {"warning", "error"}:
            self.console.append(f"{_page_label(page)}: {message.type}: {message.text[:300]}")


def _page_label(page: Page) -> str:
    return urlsplit(page.url).path or page.url


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True)


def new_context(browser: Browser, watch: Watch, *scripts: Path) -> BrowserContext:
    """A fresh context (empty profile and cache) with both calendars on and the given init scripts."""
    context = browser.new_context(proxy=watch.proxy())
    prepare_context(context, watch, *scripts)
    return context


def prepare_context(context: BrowserContext, watch: Watch, *scripts: Path) -> None:
    watch.attach(context)
    context.add_init_script(INTEGRATIONS_SCRIPT)
    for script in scripts:
        context.add_init_script(path=str(script))


def open_page(context: BrowserContext, watch: Watch, bench_page: BenchPage) -> Page:
    """Navigate without waiting for the load event: readiness is the page's own marker."""
    page = context.pages[0] if context.pages else context.new_page()
    page.goto(watch.base_url + bench_page.path.lstrip("/"), wait_until="commit")
    return page


def wait_until_settled(page: Page) -> None:
    """Wait for the ready marker (or the app's failure marker), and fail loudly on the latter."""
    page.wait_for_selector(SETTLED, state="attached", timeout=LOAD_TIMEOUT_MS)
    state = page.get_attribute("html", "data-calendar-links-state")
    if state != "ready":
        notice = page.locator(".calendar-links-failure").all_text_contents()
        raise RuntimeError(f"{page.url} did not start: state {state!r} {notice}")


# --- One load ----------------------------------------------------------------------------

COLLECT_JS = """(mark) => {
  const ready = performance.getEntriesByName(mark)[0];
  const navigation = performance.getEntriesByType("navigation")[0];
  return {
    ready: ready ? ready.startTime : null,
    marks: performance.getEntriesByType("mark").map((entry) => [entry.name, entry.startTime]),
    probe: window.__benchProbe ?? null,
    navigation: { transferSize: navigation.transferSize, responseEnd: navigation.responseEnd },
    resources: performance.getEntriesByType("resource").map((entry) => ({
      name: new URL(entry.name).pathname.split("/").pop(),
      start: entry.startTime,
      end: entry.responseEnd,
      transferSize: entry.transferSize,
    })),
  };
}"""

# Every field has exactly one group right after it, for itself, with a Google and an Outlook
# button, enabled unless the group shows a problem (then all disabled).
CHECK_BUTTONS_JS = """() => {
  const fields = [...document.querySelectorAll("[data-calendar-field]")];
  const problems = [];
  let withProblem = 0;
  for (const field of fields) {
    const key = field.getAttribute("data-calendar-field");
    const group = field.nextElementSibling;
    if (!group || !group.classList.contains("calendar-links")) { problems.push(`${key}: no button group`); continue; }
    if (group.getAttribute("data-calendar-for") !== key) problems.push(`${key}: group is for another field`);
    const buttons = [...group.querySelectorAll("button[data-calendar-provider]")];
    const providers = buttons.map((button) => button.getAttribute("data-calendar-provider")).join(" ");
    if (providers !== "google outlook") problems.push(`${key}: buttons "${providers}"`);
    if (group.classList.contains("calendar-links--problem")) {
      withProblem += 1;
      if (!buttons.every((button) => button.disabled)) problems.push(`${key}: a problem, yet a button is enabled`);
    } else if (buttons.some((button) => button.disabled)) {
      problems.push(`${key}: a button is disabled without a problem shown`);
    }
  }
  if (!fields.length) problems.push("no fields on the page");
  const groups = document.querySelectorAll(".calendar-links").length;
  if (groups !== fields.length) problems.push(`${groups} button groups for ${fields.length} fields`);
  return { fields: fields.length, withProblem, problems: problems.slice(0, 5) };
}"""


@dataclass
class Load:
    """One measured navigation."""

    page: str
    kind: str  # "cold" or "warm"
    ready_ms: float
    bytes_transferred: int
    fields: int | None
    fields_with_problem: int | None
    phases: dict[str, float | None]
    long_tasks: dict[str, Any]
    frames_after_app_start: dict[str, float] | None
    marks: dict[str, float]
    heap: dict[str, int] | None = None
    last_field_checked_ms: float | None = None


def measure_load(page: Page, bench_page: BenchPage, kind: str, *, settle: bool = False, cdp: Any = None) -> Load:
    """Read what one load did, once its ready marker is there.

    settle: first wait until the network has been idle for 500 ms, so late requests (the
    buttons' icons) are counted and the page's background work (the value checks) is over
    before anything else happens, such as the next load. With a CDP session, also memory.
    """
    wait_until_settled(page)
    check = {"fields": None, "withProblem": None}
    if bench_page.has_buttons:
        # Right at ready, before anything else runs: every button must already be in place.
        check = page.evaluate(CHECK_BUTTONS_JS)
        if check["problems"]:
            raise RuntimeError(f"{bench_page.name} ({kind}): buttons not as expected: {check['problems']}")
    if settle:
        page.wait_for_load_state("networkidle", timeout=LOAD_TIMEOUT_MS)
    heap = heap_after_gc(cdp) if cdp is not None else None
    data = page.evaluate(COLLECT_JS, READY_MARK)
    if data["ready"] is None:
        raise RuntimeError(f"{bench_page.name} ({kind}): no {READY_MARK} performance mark")
    probe = data["probe"] or {}
    phases = start_phases(data, probe)
    return Load(
        page=bench_page.name,
        kind=kind,
        ready_ms=data["ready"],
        bytes_transferred=data["navigation"]["transferSize"] + sum(r["transferSize"] for r in data["resources"]),
        fields=check["fields"],
        fields_with_problem=check["withProblem"],
        phases=phases,
        long_tasks=long_task_summary(probe, phases["app_start"], data["ready"]),
        frames_after_app_start=frame_split(probe, phases["app_start"], data["ready"]),
        marks={name: start for name, start in data["marks"]},
        heap=heap,
        last_field_checked_ms=probe.get("lastFieldChecked"),
    )


def heap_after_gc(cdp: Any) -> dict[str, int]:
    """V8's heap after a full collection (exact, unlike the bucketed performance.memory).

    backing_stores is V8's backingStorageSize: ArrayBuffer contents. WebAssembly memory is
    not in it (a 64 MiB WebAssembly.Memory adds nothing there), so Pyodide's own memory is
    in neither figure.
    """
    cdp.send("HeapProfiler.collectGarbage")
    usage = cdp.send("Runtime.getHeapUsage")
    return {
        "js_heap_used": int(usage["usedSize"]),
        "js_heap_total": int(usage["totalSize"]),
        "backing_stores": int(usage.get("backingStorageSize", 0)),
    }


def start_phases(data: dict[str, Any], probe: dict[str, Any]) -> dict[str, float | None]:
    """Milestones of a start in ms from navigation start (None where a page has no such step)."""
    resources = data["resources"]

    def first_start(names: Sequence[str]) -> float | None:
        starts = [r["start"] for r in resources if r["name"] in names]
        return min(starts) if starts else None

    def last_end(names: Sequence[str]) -> float | None:
        ends = [r["end"] for r in resources if r["name"] in names]
        return max(ends) if ends else None

    wasm = [w for w in probe.get("wasm", []) if w.get("url") == "pyodide.asm.wasm" and w.get("end")]
    return {
        "interpreter_requested": first_start(("calendar-links-runtime.mjs", "pyodide.mjs")),
        "pyodide_downloaded": last_end((*PYODIDE_FILES, SNAPSHOT_FILE)),
        "archive_downloaded": last_end((ARCHIVE_FILE,)),
        "wasm_instantiated": wasm[0]["end"] if wasm else None,
        "py_ready": probe.get("pyReady"),
        "app_start": dict(data["marks"]).get(START_MARK),
        "first_group": probe.get("firstGroup"),
        "ready": data["ready"],
    }


def long_task_summary(probe: dict[str, Any], app_start: float | None, ready: float) -> dict[str, Any]:
    """The longest main-thread tasks (the Long Tasks API reports those of 50 ms and more).

    - longest: over the whole load;
    - after_app_start: the longest starting after the app's calendar-links:start mark, when
      Python is ready and the app begins its work on the page;
    - after_first_group: the longest starting after the first button group appeared;
    - after_ready: the longest starting after the ready mark (the background value checks).
    Each carries the entry point of its animation frame's longest script, if any.
    """
    tasks = probe.get("longTasks", [])
    frames = probe.get("frames", [])

    def longest(after: float | None) -> dict[str, Any] | None:
        if after is None:
            return None
        chosen = [task for task in tasks if task["start"] >= after]
        if not chosen:
            return {"duration": 0.0, "start": None, "entry": None}
        task = max(chosen, key=lambda item: item["duration"])
        return {"duration": task["duration"], "start": task["start"], "entry": frame_entry(frames, task)}

    return {
        "count": len(tasks),
        "total": sum(task["duration"] for task in tasks),
        "tasks": [[round(task["start"]), task["duration"]] for task in tasks],
        "longest": longest(0.0),
        "after_app_start": longest(app_start),
        "after_first_group": longest(probe.get("firstGroup")),
        "after_ready": longest(ready),
    }


def frame_entry(frames: list[dict[str, Any]], task: dict[str, Any]) -> str | None:
    """'invoker (source file)' of the longest script in the animation frame holding a task."""
    end = task["start"] + task["duration"]
    for frame in frames:
        if frame["start"] - 1 <= task["start"] and end <= frame["start"] + frame["duration"] + 1:
            scripts = sorted(frame["scripts"], key=lambda script: script["duration"], reverse=True)
            if scripts:
                return f"{scripts[0]['invoker']} ({scripts[0]['source'] or 'no source'})"
            return "no attributed script (e.g. a WebAssembly promise continuation, or rendering)"
    return None


def frame_split(probe: dict[str, Any], start: float | None, end: float) -> dict[str, float] | None:
    """Script versus rendering time in the long animation frames (>= 50 ms) from start to end."""
    if start is None:
        return None
    frames = [frame for frame in probe.get("frames", []) if start <= frame["start"] < end]
    return {
        "frames": len(frames),
        "total": sum(frame["duration"] for frame in frames),
        "script": sum(script["duration"] for frame in frames for script in frame["scripts"]),
        "style_layout": sum(
            frame["start"] + frame["duration"] - frame["styleAndLayoutStart"]
            for frame in frames
            if frame.get("styleAndLayoutStart")
        ),
    }


# --- Measurements ------------------------------------------------------------------------


def cold_and_warm(browser: Browser, watch: Watch, bench_page: BenchPage, *, heap: bool) -> tuple[Load, Load]:
    """A cold load in a fresh context, then a reload in the same context."""
    context = new_context(browser, watch, PROBE_SCRIPT)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page) if heap else None
        page.goto(watch.base_url + bench_page.path.lstrip("/"), wait_until="commit")
        cold = measure_load(page, bench_page, "cold", settle=True, cdp=cdp)
        page.reload(wait_until="commit")
        warm = measure_load(page, bench_page, "warm", settle=True)
        return cold, warm
    finally:
        context.close()


def persistent_cold_and_warm(playwright: Playwright, watch: Watch) -> tuple[Load, Load]:
    """The app cold, then warm, in a browser of its own with an on-disk profile and cache."""
    with tempfile.TemporaryDirectory(prefix="calendar-links-bench-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True, proxy=watch.proxy()
        )
        try:
            prepare_context(context, watch, PROBE_SCRIPT)
            page = open_page(context, watch, APP_PERSISTENT)
            cold = measure_load(page, APP_PERSISTENT, "cold", settle=True)
            page.reload(wait_until="commit")
            warm = measure_load(page, APP_PERSISTENT, "warm", settle=True)
            return cold, warm
        finally:
            context.close()


def run_start_pages(browser: Browser, watch: Watch, runs: int) -> list[Load]:
    """Section 1: each page cold and warm, `runs` times, in rotating order so drift hits all alike."""
    loads = []
    for run in range(runs):
        shift = run % len(START_PAGES)
        for bench_page in START_PAGES[shift:] + START_PAGES[:shift]:
            cold, warm = cold_and_warm(browser, watch, bench_page, heap=bench_page in HEAP_PAGES)
            loads += [cold, warm]
            progress(f"run {run + 1}/{runs}  {bench_page.name:<22} cold {cold.ready_ms:6.0f} ms  warm {warm.ready_ms:6.0f} ms")
    return loads


def run_many_fields(browser: Browser, watch: Watch, runs: int, pages: Sequence[BenchPage]) -> list[Load]:
    """Section 2: cold loads of the generated pages, until the last field's value is checked too."""
    loads = []
    for run in range(runs):
        for bench_page in pages:
            count = int(bench_page.path.rsplit("-", 1)[1].split(".")[0])
            context = new_context(browser, watch, PROBE_SCRIPT)
            try:
                page = open_page(context, watch, bench_page)
                load = measure_load(page, bench_page, "cold")
                if load.fields != count:
                    raise RuntimeError(f"{bench_page.name}: {load.fields} fields on the page")
                if bench_page.checks_values:
                    page.wait_for_function("() => window.__benchProbe.lastFieldChecked !== null", timeout=LOAD_TIMEOUT_MS)
                    load.last_field_checked_ms = page.evaluate("() => window.__benchProbe.lastFieldChecked")
                    if page.evaluate(CHECK_BUTTONS_JS)["withProblem"] != 1:
                        raise RuntimeError(f"{bench_page.name}: expected exactly one field with a problem")
                else:
                    # Nothing runs after ready; wait as long as the app's checks would take anyway.
                    page.wait_for_timeout(500)
                # Long tasks of the background checks are in by now: read them again.
                data = page.evaluate(COLLECT_JS, READY_MARK)
                load.long_tasks = long_task_summary(data["probe"], load.phases["app_start"], load.ready_ms)
                load.frames_after_app_start = frame_split(data["probe"], load.phases["app_start"], load.ready_ms)
                loads.append(load)
            finally:
                context.close()
            progress(
                f"run {run + 1}/{runs}  {bench_page.name:<30} ready {load.ready_ms:6.0f} ms  "
                f"checked {ms(load.last_field_checked_ms):>6} ms"
            )
    return loads


@dataclass
class ClickPage:
    """The clicks on one freshly loaded demo page."""

    provider: str
    from_input_ms: list[float]  # click event.timeStamp -> window.open / download click()
    from_listener_ms: list[float]  # the window's capture-phase listener -> the same call
    to_next_paint_ms: list[float | None]  # Event Timing duration; None when under 16 ms


CLICKS_JS = "() => window.__benchClicks"
# Two frames on, the Event Timing entry of the last click has been delivered.
AFTER_NEXT_PAINT_JS = (
    "() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))))"
)


def run_clicks(browser: Browser, watch: Watch, provider: str) -> ClickPage:
    """Section 3: load the demo, and as soon as it is ready click the first field's button 10 times."""
    calls = "opens" if provider == "google" else "downloads"
    context = new_context(browser, watch, CLICK_PROBE_SCRIPT)
    try:
        page = open_page(context, watch, APP)
        wait_until_settled(page)
        button = page.locator(f"[data-calendar-field] + .calendar-links [data-calendar-provider='{provider}']").first
        for done in range(1, CLICKS_PER_PAGE + 1):
            button.click()
            page.wait_for_function(
                f"(count) => window.__benchClicks.{calls}.length >= count", arg=done, timeout=LOAD_TIMEOUT_MS
            )
        page.evaluate(AFTER_NEXT_PAINT_JS)
        record = page.evaluate(CLICKS_JS)
    finally:
        context.close()
    if len(record["clicks"]) != CLICKS_PER_PAGE or len(record[calls]) != CLICKS_PER_PAGE:
        raise RuntimeError(f"{provider}: {len(record['clicks'])} clicks, {len(record[calls])} calls")
    paints: list[float | None] = []
    for click in record["clicks"]:
        # An Event Timing entry starts at its event's timeStamp.
        timing = [entry for entry in record["eventTimings"] if abs(entry["start"] - click["timeStamp"]) < 1]
        paints.append(timing[0]["duration"] if timing else None)
    pairs = list(zip(record["clicks"], record[calls]))
    return ClickPage(
        provider=provider,
        from_input_ms=[call - click["timeStamp"] for click, call in pairs],
        from_listener_ms=[call - click["seen"] for click, call in pairs],
        to_next_paint_ms=paints,
    )


# --- Formatting --------------------------------------------------------------------------


def progress(message: str) -> None:
    """Progress goes to stderr, so stdout holds only the report."""
    print(f"  · {message}", file=sys.stderr, flush=True)


def spread(values: Sequence[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values), "n": len(values)}


def median_of(values: Sequence[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return statistics.median(present) if present else None


def ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def ms1(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}"


def ratio(value: float | None, base: float | None) -> str:
    return "—" if value is None or not base else f"{value / base:,.2f}x"


def mib(value: float | None) -> str:
    return "—" if value is None else f"{value / 1_048_576:,.2f} MiB"


def mmm(summary: dict[str, float]) -> str:
    return f"{ms(summary['min'])} / {ms(summary['median'])} / {ms(summary['max'])}"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table: the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        padded = [str(cell).ljust(width) if i == 0 else str(cell).rjust(width) for i, (cell, width) in enumerate(zip(cells, widths))]
        return "   " + "  ".join(padded).rstrip()

    return "\n".join([line(headers), line(["-" * width for width in widths]), *[line(row) for row in rows]])


def loads_of(loads: Sequence[Load], page: str, kind: str) -> list[Load]:
    return [load for load in loads if load.page == page and load.kind == kind]


# --- Report ------------------------------------------------------------------------------


def machine_facts(browser_version: str) -> dict[str, Any]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    # Read-only: which commit the measured code comes from.
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    snapshot = ROOT / "static" / "vendor" / "pyodide" / SNAPSHOT_FILE
    archive = ROOT / "static" / "vendor" / ARCHIVE_FILE
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "nproc": nproc,
        "cpu": cpu,
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "chromium": browser_version,
        "python": platform.python_version(),
        "commit": commit or "unknown",
        "snapshot_bytes": snapshot.stat().st_size,
        "snapshot_built": datetime.fromtimestamp(snapshot.stat().st_mtime, timezone.utc).isoformat(timespec="seconds"),
        "archive_sha256": hashlib.sha256(archive.read_bytes()).hexdigest()[:12],
    }


def report_machine(facts: dict[str, Any], options: argparse.Namespace) -> str:
    return "\n".join(
        [
            "calendar-links benchmark",
            f"   date      {facts['date']}",
            f"   machine   nproc {facts['nproc']}, {facts['cpu']}, {facts['memory_gib']} GiB",
            f"   browser   Chromium {facts['chromium']} (/usr/bin/chromium, headless)",
            f"   code      commit {facts['commit']} (working tree as is), snapshot.bin {facts['snapshot_bytes']:,} bytes "
            f"built {facts['snapshot_built']}, archive {facts['archive_sha256']}",
            f"   runs      {options.runs} per start-up page; {options.fields_runs} per many-field page; "
            f"{options.click_pages} click page(s) per calendar",
        ]
    )


def report_start(loads: Sequence[Load]) -> tuple[str, dict[str, Any]]:
    """Section 1: time to ready, with ratios of medians."""
    summary: dict[str, Any] = {}
    for name in [*(page.name for page in START_PAGES), APP_PERSISTENT.name]:
        cold = [load.ready_ms for load in loads_of(loads, name, "cold")]
        warm = [load.ready_ms for load in loads_of(loads, name, "warm")]
        if cold and warm:
            summary[name] = {"cold": spread(cold), "warm": spread(warm)}

    def median(name: str, kind: str) -> float | None:
        value = summary.get(name, {}).get(kind, {}).get("median")
        return None if value is None else float(value)

    rows = [
        [
            name,
            mmm(summary[name]["cold"]),
            mmm(summary[name]["warm"]),
            ratio(median(name, "cold"), median(PLAIN_JS.name, "cold")),
            ratio(median(name, "warm"), median(PLAIN_JS.name, "warm")),
            ratio(median(name, "cold"), median(BARE_PYODIDE.name, "cold")),
            ratio(median(name, "warm"), median(BARE_PYODIDE.name, "warm")),
        ]
        for name in summary
    ]
    targets = {kind: (median(APP.name, kind) or 0) / (median(BARE_SNAPSHOT.name, kind) or 1) for kind in ("cold", "warm")}
    summary["app_vs_bare_snapshot"] = targets
    text = [
        "1. Time to clickable buttons (ms from navigation start to the calendar-links:ready mark; ratios of medians)",
        table(
            ["page", "cold min / med / max", "warm min / med / max", "cold ÷ JS", "warm ÷ JS", "cold ÷ Pyodide", "warm ÷ Pyodide"],
            rows,
        ),
        f"   app ÷ bare snapshot restore: cold {targets['cold']:.2f}x, warm {targets['warm']:.2f}x "
        f"(target: within 1.15x: {'met' if max(targets.values()) <= 1.15 else 'not met'})",
        "   warm = reload in the same off-the-record context, which re-downloads pyodide.asm.wasm and snapshot.bin;",
        "   'app, persistent profile' = the app in a browser with an on-disk profile (a warm load revalidates everything).",
    ]
    return "\n".join(text), summary


PHASE_LABELS = (
    ("interpreter_requested", "PyScript requests the interpreter module"),
    ("archive_downloaded", "app archive downloaded"),
    ("pyodide_downloaded", "Pyodide files (and snapshot) downloaded"),
    ("wasm_instantiated", "pyodide.asm.wasm compiled + instantiated"),
    ("app_start", "calendar-links:start (Python ready, the app begins)"),
    ("py_ready", "py:ready (PyScript about to run the page's script)"),
    ("first_group", "first button group in the page"),
    ("ready", "calendar-links:ready"),
)


def report_phases(loads: Sequence[Load]) -> tuple[str, dict[str, Any]]:
    """Section 1a: the app's milestones and long tasks, medians over the loads of section 1."""
    columns = [(page.name, kind) for page in (APP, APP_NO_SNAPSHOT) for kind in ("cold", "warm")]
    summary: dict[str, Any] = {f"{name} {kind}": {} for name, kind in columns}
    rows = []
    for key, label in PHASE_LABELS:
        row = [label]
        for name, kind in columns:
            value = median_of([load.phases[key] for load in loads_of(loads, name, kind)])
            summary[f"{name} {kind}"][key] = value
            row.append(ms(value))
        rows.append(row)
    rows.append([""] * (len(columns) + 1))
    for key, label in (
        ("longest", "longest task"),
        ("after_app_start", "longest task starting after app start"),
        ("after_first_group", "longest task starting after 1st group"),
    ):
        row = [label]
        for name, kind in columns:
            value = median_of([load.long_tasks[key]["duration"] for load in loads_of(loads, name, kind) if load.long_tasks[key]])
            summary[f"{name} {kind}"][f"long_task_{key}"] = value
            row.append(ms(value))
        rows.append(row)
    row = ["sum of long tasks"]
    for name, kind in columns:
        value = median_of([load.long_tasks["total"] for load in loads_of(loads, name, kind)])
        summary[f"{name} {kind}"]["long_task_total"] = value
        row.append(ms(value))
    rows.append(row)
    entries = []
    for name, kind in columns[:2]:
        for load in loads_of(loads, name, kind)[:1]:
            for key in ("longest", "after_app_start"):
                pick = load.long_tasks[key]
                if pick and pick["start"] is not None:
                    entries.append(
                        f"     {name} {kind}, {'longest' if key == 'longest' else 'after app start'}: "
                        f"{ms(pick['duration'])} ms from {ms(pick['start'])} ms, entered through {pick['entry']}"
                    )
    short = {APP.name: "app", APP_NO_SNAPSHOT.name: "no snapshot"}
    headers = ["milestone (median ms from navigation start)", *[f"{short[n]} {k}" for n, k in columns]]
    text = [
        "1a. Where the app's start goes (same loads as section 1, medians)",
        table(headers, rows),
        "   Entry points of the long tasks in the first run (long-animation-frame script attribution):",
        *entries,
    ]
    return "\n".join(text), summary


def report_many_fields(loads: Sequence[Load]) -> tuple[str, dict[str, Any]]:
    """Section 2: time to ready and long tasks on big pages."""
    summary: dict[str, Any] = {}
    rows = []
    for name in dict.fromkeys(load.page for load in loads):
        group = [load for load in loads if load.page == name]
        ready = spread([load.ready_ms for load in group])
        picks = {
            key: median_of([load.long_tasks[key]["duration"] for load in group if load.long_tasks[key]])
            for key in ("longest", "after_app_start", "after_first_group", "after_ready")
        }
        splits = [load.frames_after_app_start for load in group if load.frames_after_app_start]
        split = {key: median_of([s[key] for s in splits]) for key in ("script", "style_layout", "total")}
        entry: dict[str, Any] = {
            "ready": ready,
            "app_start_median": median_of([load.phases["app_start"] for load in group]),
            "start_to_ready": spread([load.ready_ms - load.phases["app_start"] for load in group]),
            "values_checked_median": median_of([load.last_field_checked_ms for load in group]),
            "long_tasks_median": picks,
            "frames_start_to_ready_median": split,
        }
        summary[name] = entry
        rows.append(
            [
                name,
                mmm(ready),
                ms(entry["app_start_median"]),
                mmm(entry["start_to_ready"]),
                ms(entry["values_checked_median"]),
                ms(picks["longest"]),
                ms(picks["after_app_start"]),
                ms(picks["after_first_group"]),
                ms(picks["after_ready"]),
                f"{ms(split['script'])} / {ms(split['style_layout'])}",
            ]
        )
    text = [
        "2. Many fields: the app with the snapshot, cold loads (ms; long tasks: median of each run's longest)",
        table(
            [
                "page",
                "ready min / med / max",
                "app start",
                "start→ready min / med / max",
                "values checked",
                "longest task",
                "after start",
                "after 1st group",
                "after ready",
                "start→ready script / style+layout",
            ],
            rows,
        ),
        "   values checked = when the last field's impossible date shows its message (the check pass is through);",
        "   'after …' = the longest task that starts after that moment; 0 = none of 50 ms or more;",
        "   app start = the calendar-links:start mark (plain JavaScript: its script starts); start→ready = the work on the fields;",
        "   script / style+layout = sums over the long animation frames (>= 50 ms) between app start and ready;",
    ]
    return "\n".join(text), summary


def report_clicks(pages: Sequence[ClickPage]) -> tuple[str, dict[str, Any]]:
    """Section 3: click to window.open / download."""
    summary: dict[str, Any] = {}
    rows = []
    for provider, call in (("google", "window.open"), ("outlook", "download click()")):
        chosen = [page for page in pages if page.provider == provider]
        if not chosen:
            continue
        from_input = [value for page in chosen for value in page.from_input_ms]
        from_listener = [value for page in chosen for value in page.from_listener_ms]
        paints = [value for page in chosen for value in page.to_next_paint_ms]
        entry: dict[str, Any] = {
            "first_from_input": [page.from_input_ms[0] for page in chosen],
            "first_from_listener": [page.from_listener_ms[0] for page in chosen],
            "from_input": spread(from_input),
            "from_listener": spread(from_listener),
            "to_next_paint": paints,
        }
        summary[provider] = entry
        rows.append(
            [
                f"{provider} -> {call}",
                ms1(median_of(entry["first_from_input"])),
                ms1(median_of(entry["first_from_listener"])),
                ms1(entry["from_input"]["median"]),
                ms1(entry["from_listener"]["median"]),
                ms1(entry["from_input"]["max"]),
                f"{ms(median_of(paints))} ({sum(value is None for value in paints)} of {len(paints)} under 16)",
            ]
        )
    pages_per = len(pages) // 2
    text = [
        f"3. Click latency on the demo, clicking as soon as it is ready ({pages_per} fresh page(s) per calendar, "
        f"{CLICKS_PER_PAGE} clicks each, ms)",
        table(["click", "1st from input", "1st from listener", "median from input", "median from listener", "max", "to next paint"], rows),
        "   from input = call - click event.timeStamp (input created); from listener = call - window capture listener;",
        "   1st = the first click on each page (median over pages); median/max over all clicks;",
        "   to next paint = Event Timing duration, median (Chromium reports only 16 ms and up, in 8 ms steps).",
    ]
    return "\n".join(text), summary


def report_bytes_and_heap(loads: Sequence[Load]) -> tuple[str, dict[str, Any]]:
    """Section 4: bytes on the wire and memory, from the loads of section 1."""
    summary: dict[str, Any] = {}
    rows = []
    for name in (APP.name, APP_NO_SNAPSHOT.name, PLAIN_JS.name, BARE_PYODIDE.name, BARE_SNAPSHOT.name, APP_PERSISTENT.name):
        cold, warm = loads_of(loads, name, "cold"), loads_of(loads, name, "warm")
        if not cold:
            continue
        heaps = [load.heap for load in cold if load.heap]
        entry = {
            "cold_bytes": median_of([load.bytes_transferred for load in cold]),
            "warm_bytes": median_of([load.bytes_transferred for load in warm]),
            "js_heap_used": median_of([heap["js_heap_used"] for heap in heaps]),
            "backing_stores": median_of([heap["backing_stores"] for heap in heaps]),
        }
        summary[name] = entry
        rows.append([name, mib(entry["cold_bytes"]), mib(entry["warm_bytes"]), mib(entry["js_heap_used"]), mib(entry["backing_stores"])])
    text = [
        "4. Bytes transferred and memory (medians of the section 1 loads)",
        table(["page", "cold load", "warm reload", "JS heap after GC", "ArrayBuffer contents"], rows),
        "   bytes = Resource Timing transferSize of every resource + the navigation entry (headers included);",
        "   read once the network had been idle for 500 ms after ready (so the buttons' icons count too);",
        "   memory = CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage: usedSize and backingStorageSize",
        "   (ArrayBuffers; WebAssembly memory, i.e. Pyodide's own heap, is counted in neither).",
    ]
    return "\n".join(text), summary


STEP_MARKS = (
    ("steps:pyodide-module-loaded", "pyodide.mjs imported"),
    ("steps:snapshot-downloaded", "snapshot.bin downloaded (in parallel)"),
    ("steps:restored", "loadPyodide({_loadSnapshot}) resolved"),
    ("steps:archive-in-place", "archive written to the file system"),
    ("steps:event-built", "one icalendar event built"),
)


def report_steps(loads: Sequence[Load]) -> tuple[str, dict[str, Any]]:
    """Section 6: the bare snapshot restore of section 1, step by step."""
    summary: dict[str, Any] = {"cold": {}, "warm": {}}
    rows = []
    previous = {"cold": 0.0, "warm": 0.0}
    for mark, label in STEP_MARKS:
        row = [label]
        for kind in ("cold", "warm"):
            value = median_of([load.marks.get(mark) for load in loads_of(loads, BARE_SNAPSHOT.name, kind)])
            summary[kind][mark] = value
            sequential = mark != "steps:snapshot-downloaded"
            row += [ms(value), ms(value - previous[kind]) if value is not None and sequential else ""]
            if value is not None and sequential:
                previous[kind] = value
        rows.append(row)
    wasm = {kind: median_of([load.phases["wasm_instantiated"] for load in loads_of(loads, BARE_SNAPSHOT.name, kind)]) for kind in ("cold", "warm")}
    summary["wasm_instantiated"] = wasm
    text = [
        "6. Bare snapshot restore step by step (bench/pages/bare-snapshot.mjs, a mark after each step; "
        "same loads as section 1, medians, ms)",
        table(["step", "cold at", "cold step", "warm at", "warm step"], rows),
        f"   pyodide.asm.wasm compiled + instantiated at {ms(wasm['cold'])} cold, {ms(wasm['warm'])} warm "
        "(inside the restore step).",
    ]
    return "\n".join(text), summary


def report_notes(watch: Watch, server: ThreadingHTTPServer, elapsed: float) -> tuple[str, dict[str, Any]]:
    refused = list(server.refused_requests)  # type: ignore[attr-defined]
    browser_own = [url for url in refused if not any(url.startswith(request.split("?")[0]) for request in watch.outside_requests)]
    hosts = sorted({urlsplit(url).hostname or url for url in refused})
    console = list(dict.fromkeys(watch.console))
    fallbacks = [line for line in console if FALLBACK_WARNING in line]
    lines = [
        "Notes",
        f"   page requests to anything but 127.0.0.1: {len(watch.outside_requests)}"
        + (f" {sorted(set(watch.outside_requests))[:10]}" if watch.outside_requests else ""),
        f"   connections refused at the bench proxy: {len(refused)}, {len(browser_own)} of them Chromium's own"
        + (f" (hosts: {', '.join(hosts)})" if hosts else ""),
        f"   snapshot fallbacks: {len(fallbacks)}",
        f"   HTTP errors: {len(watch.http_errors)}" + (f" {sorted(set(watch.http_errors))[:10]}" if watch.http_errors else ""),
        f"   console warnings/errors: {len(watch.console)}",
        *[f"     {line}" for line in console[:10]],
        f"   page errors: {len(watch.page_errors)}",
        *[f"     {line}" for line in list(dict.fromkeys(watch.page_errors))[:10]],
        f"   total run time: {elapsed:,.0f} s",
    ]
    return "\n".join(lines), {
        "outside_requests": watch.outside_requests,
        "refused_at_proxy": refused,
        "http_errors": watch.http_errors,
        "console": watch.console,
        "page_errors": watch.page_errors,
        "elapsed_seconds": elapsed,
    }


# --- Main --------------------------------------------------------------------------------


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold+warm loads per start-up page (default 5)")
    parser.add_argument("--fields-runs", type=int, default=3, help="cold loads per many-field page (default 3)")
    parser.add_argument("--click-pages", type=int, default=3, help="fresh demo pages per calendar for clicks (default 3)")
    parser.add_argument("--quick", action="store_true", help="2 runs, 1 of each many-field page up to 1,000, 1 click page")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json", help="JSON results (default bench/results/latest.json)")
    options = parser.parse_args(argv)
    if options.quick:
        options.runs, options.fields_runs, options.click_pages = min(options.runs, 2), 1, 1
    if min(options.runs, options.fields_runs, options.click_pages) < 1:
        parser.error("--runs, --fields-runs and --click-pages must be at least 1")
    counts = (100, 1_000) if options.quick else (100, 1_000, 10_000)
    options.field_pages = [fields_page(count) for count in counts] + [fields_page(count, plain_js=True) for count in counts]
    options.field_counts = counts
    return options


def main(argv: Sequence[str] | None = None) -> None:
    options = parse_arguments(argv)
    started = time.monotonic()
    results: dict[str, Any] = {}
    with bench_server(generated_pages(options.field_counts)) as server, sync_playwright() as playwright:
        watch = Watch(base_url=f"http://127.0.0.1:{server.server_address[1]}/")
        browser = launch(playwright)
        try:
            facts = machine_facts(browser.version)
            print(report_machine(facts, options), flush=True)
            progress("1. time to clickable buttons")
            start_loads = run_start_pages(browser, watch, options.runs)
            progress("1. the app in a persistent profile")
            for run in range(options.runs):
                cold, warm = persistent_cold_and_warm(playwright, watch)
                start_loads += [cold, warm]
                progress(f"run {run + 1}/{options.runs}  {APP_PERSISTENT.name:<22} cold {cold.ready_ms:6.0f} ms  warm {warm.ready_ms:6.0f} ms")
            progress("2. many fields")
            field_loads = run_many_fields(browser, watch, options.fields_runs, options.field_pages)
            progress("3. click latency")
            click_pages = [
                run_clicks(browser, watch, provider) for _ in range(options.click_pages) for provider in ("google", "outlook")
            ]
        finally:
            browser.close()
        sections = {
            "start": report_start(start_loads),
            "start_phases": report_phases(start_loads),
            "many_fields": report_many_fields(field_loads),
            "clicks": report_clicks(click_pages),
            "bytes_and_memory": report_bytes_and_heap(start_loads),
            "start_steps": report_steps(start_loads),
        }
        notes = report_notes(watch, server, time.monotonic() - started)
    print("\n\n".join(["", *(text for text, _ in sections.values()), notes[0]]), flush=True)
    results = {
        "machine": facts,
        "options": {key: value for key, value in vars(options).items() if key not in {"output", "field_pages"}},
        "summary": {key: summary for key, (_, summary) in sections.items()},
        "notes": notes[1],
        "loads": [asdict(load) for load in [*start_loads, *field_loads]],
        "clicks": [asdict(page) for page in click_pages],
    }
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    shown = options.output.relative_to(ROOT) if options.output.is_relative_to(ROOT) else options.output
    print(f"\nResults written to {shown}")


if __name__ == "__main__":
    main()
