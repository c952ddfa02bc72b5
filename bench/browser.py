"""Chromium for the benchmark: contexts behind the refusing proxy, and what one load measured."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, ProxySettings

from chromium import CHROMIUM_ARGS, CHROMIUM_PATH
from catalog import ARCHIVE_FILE, BENCH_PAGES, LAZY_ARCHIVE_FILE, PYODIDE_FILES, SNAPSHOT_PARTS, BenchPage

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
FALLBACK_WARNING = "without the snapshot"


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


COLLECT_JS = r"""(mark) => {
  const ready = performance.getEntriesByName(mark)[0];
  const navigation = performance.getEntriesByType("navigation")[0];
  return {
    ready: ready ? ready.startTime : null,
    marks: performance.getEntriesByType("mark").map((entry) => [entry.name, entry.startTime]),
    probe: window.__benchProbe ?? null,
    navigation: {
      transferSize: navigation.transferSize,
      responseEnd: navigation.responseEnd,
      decodedBodySize: navigation.decodedBodySize,
    },
    resources: performance.getEntriesByType("resource").map((entry) => ({
      // By source name: the build's digest taken out of the file's name (tools/hashed_names.py).
      name: new URL(entry.name).pathname.split("/").pop().replace(/\.[0-9a-f]{12}(?=\.)/, ""),
      path: new URL(entry.name).pathname,
      start: entry.startTime,
      end: entry.responseEnd,
      transferSize: entry.transferSize,
      encodedBodySize: entry.encodedBodySize,
      decodedBodySize: entry.decodedBodySize,
    })),
  };
}"""

# Every field has exactly one group right after it, for itself, with a Google and an Outlook
# button, active unless the group shows a problem (then all inactive: aria-disabled).
# nearOnly: a page watched near the view, where only the fields within a viewport's height of
# the view must have their groups.
CHECK_BUTTONS_JS = """(nearOnly) => {
  const fields = [...document.querySelectorAll("[data-calendar-field]")];
  const problems = [];
  const inactive = (button) => button.getAttribute("aria-disabled") === "true";
  const isNear = (field) => {
    const box = field.getBoundingClientRect();
    return box.bottom > -innerHeight && box.top < 2 * innerHeight;
  };
  let withProblem = 0;
  let near = 0;
  for (const field of fields) {
    const key = field.getAttribute("data-calendar-field");
    const group = field.nextElementSibling;
    const hasGroup = group !== null && group.classList.contains("calendar-links");
    if (nearOnly && !isNear(field) && !hasGroup) continue;
    near += 1;
    if (!hasGroup) { problems.push(`${key}: no button group`); continue; }
    if (group.getAttribute("data-calendar-for") !== key) problems.push(`${key}: group is for another field`);
    const buttons = [...group.querySelectorAll("button[data-calendar-provider]")];
    const providers = buttons.map((button) => button.getAttribute("data-calendar-provider")).join(" ");
    if (providers !== "google outlook") problems.push(`${key}: buttons "${providers}"`);
    if (group.classList.contains("calendar-links--problem")) {
      withProblem += 1;
      if (!buttons.every(inactive)) problems.push(`${key}: a problem, yet a button is active`);
    } else if (buttons.some(inactive)) {
      problems.push(`${key}: a button is inactive without a problem shown`);
    }
  }
  if (!fields.length) problems.push("no fields on the page");
  const groups = document.querySelectorAll(".calendar-links").length;
  if (groups !== near) problems.push(`${groups} button groups for ${near} fields`);
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
        check = page.evaluate(CHECK_BUTTONS_JS, bench_page.near_view_only)
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
        "pyodide_downloaded": last_end((*PYODIDE_FILES, *SNAPSHOT_PARTS)),
        "archive_downloaded": last_end((ARCHIVE_FILE, LAZY_ARCHIVE_FILE)),
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

