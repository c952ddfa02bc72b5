"""Section 9: the README's embed in each engine, Debian's Chromium, Firefox ESR and WebKitGTK,
cold and warm, in one run: time to ready, bytes on the wire, and what a repeat visit asks for.

Each run opens every engine with a fresh on-disk profile. A blank page of the bench server's
origin turns both calendars on (localStorage), then the demo with the README's two tags is
visited twice from it: cold, the first visit (empty HTTP cache), and warm, a second visit in
the same profile (a new navigation, not a reload, so each engine uses its cache as on a
person's repeat visit).

Time to ready is the startTime of the app's `calendar-links:ready` performance mark: the
page's own clock, from the start of its navigation. Where an engine gives no such mark, the
driver's clock from the navigation command to the ready state stands in, and the table says so.
Section 9a splits each start into its phases by the runtime's other `calendar-links:<phase>`
marks, as section 1b does for Chromium.

Bytes on the wire are counted at the server (tools/serve.py's `answered`: status line, headers
and body of every answer during a visit), the same way for every engine, whatever the engine
reports of itself; "ours" are calendar-links' files, the rest the demo page and its own files.

Firefox and WebKit are driven by tools/engine_drivers.py, as in the tests; Chromium by
Playwright behind the same small interface. Every engine's proxy is the bench server, which
refuses and counts whatever is not for 127.0.0.1.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Playwright, ProxySettings

from browser import INTEGRATIONS_KEY, LOAD_TIMEOUT_MS
from catalog import APP_EMBED, BLANK_PAGE
from chromium import CHROMIUM_ARGS, CHROMIUM_PATH
from engine_drivers import CALL_WRAPPER, ENGINES, EnginePage, engine_available, wait_until
from serve import Answer
from report import MARK_PREFIX, TIMELINE_LABELS, TIMELINE_PHASES, phase_durations
from text import median_of, ms, progress, table
from wire import is_ours

ENGINE_NAMES = ("chromium", "firefox", "webkit")
PAGE_MARK = "page mark"
DRIVER_CLOCK = "driver clock"
STATE = "() => document.documentElement.dataset.calendarLinksState"
ENABLE = "(key) => localStorage.setItem(key, JSON.stringify({google: true, outlook: true}))"
# The runtime's marks (web/calendar-links-timeline.mjs) by phase name, in ms from navigation start.
PHASE_MARKS = """(prefix) => Object.fromEntries(performance.getEntriesByType("mark")
  .filter((mark) => mark.name.startsWith(prefix)).map((mark) => [mark.name.slice(prefix.length), mark.startTime]))"""
FAILURE = "() => document.querySelector('.calendar-links-failure')?.textContent ?? ''"
# After ready, the server must have answered nothing new for this long before a visit's
# answers are counted: late requests (icons, a background revalidation) belong to it.
QUIET_S = 1.0
SETTLE_TIMEOUT_S = 30.0


class ChromiumPage:
    """Debian's Chromium through Playwright, headless, in a fresh on-disk profile (an
    off-the-record context would keep none of the big files in its HTTP cache)."""

    name = "chromium"

    def __init__(self, playwright: Playwright, proxy_port: int) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="calendar-links-engines-")
        proxy = ProxySettings(server=f"http://127.0.0.1:{proxy_port}", bypass="127.0.0.1")
        self._context = playwright.chromium.launch_persistent_context(
            self._profile.name, executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True, proxy=proxy
        )
        self._page = self._context.pages[0] if self._context.pages else self._context.new_page()
        # The user agent string gives only the major version (156.0.0.0).
        product = self._context.new_cdp_session(self._page).send("Browser.getVersion")["product"]
        self.version = str(product).rpartition("/")[2]

    def goto(self, url: str) -> None:
        self._page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)

    def call(self, source: str, *args: Any) -> Any:
        return json.loads(self._page.evaluate(CALL_WRAPPER.format(source=source), json.dumps(args)))

    def close(self) -> None:
        self._context.close()
        self._profile.cleanup()


@dataclass(frozen=True)
class EngineLoad:
    """One visit of the README's embed in one engine."""

    engine: str
    version: str
    kind: str  # "cold" or "warm"
    ready_ms: float
    clock: str  # PAGE_MARK or DRIVER_CLOCK
    phases: dict[str, float | None]  # each phase of the start, from the previous mark (ms)
    bytes_sent: int  # every answer of the server during the visit
    our_bytes: int  # of that, calendar-links' files
    our_requests: tuple[str, ...]  # "METHOD status path" for each of our files the server answered
    encodings: tuple[str, ...]  # the Content-Encodings our files came with ("" for none)


def open_engine(name: str, playwright: Playwright, proxy_port: int) -> EnginePage:
    if name == "chromium":
        return ChromiumPage(playwright, proxy_port)
    if not engine_available(name):
        raise SystemExit(f"{name} is not installed: run `make browser`")
    return ENGINES[name](proxy_port)


def settled_answers(answered: list[Answer], since: int) -> list[Answer]:
    """The server's answers from index `since` on, once it has been quiet for QUIET_S."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    count = len(answered)
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        if len(answered) != count:
            count, quiet_since = len(answered), time.monotonic()
        elif time.monotonic() - quiet_since >= QUIET_S:
            break
    # Proxy-form requests (another host, refused) are counted by the server apart.
    return [answer for answer in answered[since:count] if answer.path.startswith("/")]


def visit(engine: EnginePage, url: str, answered: list[Answer], kind: str) -> EngineLoad:
    """Navigate to url, wait for ready, and read the time and what the server sent."""
    since = len(answered)
    started = time.monotonic()
    engine.goto(url)
    state = wait_until(
        lambda: (reached := engine.call(STATE)) in {"ready", "failed"} and reached, LOAD_TIMEOUT_MS / 1000, f"{engine.name}: ready"
    )
    driver_ms = (time.monotonic() - started) * 1000
    if state != "ready":
        raise RuntimeError(f"{engine.name} ({kind}): state {state!r}: {engine.call(FAILURE)}")
    marks: dict[str, float] = engine.call(PHASE_MARKS, MARK_PREFIX)
    mark = marks.get("ready")
    answers = settled_answers(answered, since)
    ours = [answer for answer in answers if is_ours(answer.path.split("?", 1)[0])]
    return EngineLoad(
        engine=engine.name,
        version=engine.version,
        kind=kind,
        ready_ms=driver_ms if mark is None else float(mark),
        clock=DRIVER_CLOCK if mark is None else PAGE_MARK,
        phases=phase_durations(marks),
        bytes_sent=sum(answer.bytes_sent for answer in answers),
        our_bytes=sum(answer.bytes_sent for answer in ours),
        our_requests=tuple(f"{answer.method} {answer.status} {answer.path.split('?', 1)[0]}" for answer in ours),
        encodings=tuple(sorted({answer.encoding for answer in ours if answer.status == 200 and answer.method == "GET"})),
    )


def cold_and_warm(engine: EnginePage, base_url: str, answered: list[Answer]) -> tuple[EngineLoad, EngineLoad]:
    """Both calendars on from a blank page, then the embed twice, each time from the blank page."""
    blank, embed = base_url + BLANK_PAGE.lstrip("/"), base_url + APP_EMBED.path.lstrip("/")
    engine.goto(blank)
    engine.call(ENABLE, INTEGRATIONS_KEY)
    cold = visit(engine, embed, answered, "cold")
    engine.goto(blank)
    return cold, visit(engine, embed, answered, "warm")


def run_engines(
    playwright: Playwright, base_url: str, answered: list[Answer], runs: int, engines: Sequence[str] = ENGINE_NAMES
) -> list[EngineLoad]:
    """`runs` times, each engine in a new profile: a cold and a warm visit of the README's embed."""
    proxy_port = int(base_url.rstrip("/").rsplit(":", 1)[1])
    loads = []
    for run in range(runs):
        for name in engines:
            engine = open_engine(name, playwright, proxy_port)
            try:
                cold, warm = cold_and_warm(engine, base_url, answered)
            finally:
                engine.close()
            loads += [cold, warm]
            progress(
                f"run {run + 1}/{runs}  {name:<9} cold {cold.ready_ms:6.0f} ms {cold.bytes_sent / 1e6:5.2f} MB  "
                f"warm {warm.ready_ms:6.0f} ms {warm.bytes_sent / 1e3:7.1f} kB, {len(warm.our_requests)} of our files asked for"
            )
    return loads


def kilobytes(value: float | None) -> str:
    return "—" if value is None else f"{value / 1e3:,.1f} kB"


def report_engines(loads: Sequence[EngineLoad]) -> tuple[str, dict[str, Any]]:
    """Section 9's table: per engine, medians of the cold and warm visits."""
    summary: dict[str, Any] = {}
    rows = []
    for name in dict.fromkeys(load.engine for load in loads):
        cold = [load for load in loads if load.engine == name and load.kind == "cold"]
        warm = [load for load in loads if load.engine == name and load.kind == "warm"]
        clocks = sorted({load.clock for load in [*cold, *warm]})
        # What a repeat visit asked of calendar-links' files, by status (the last run's); a GET
        # goes without saying.
        statuses = [request.rsplit(" ", 1)[0].removeprefix("GET ") for request in warm[-1].our_requests]
        asked = ", ".join(f"{statuses.count(status)}× {status}" for status in sorted(set(statuses))) or "none"
        entry: dict[str, Any] = {
            "version": cold[-1].version,
            "clock": clocks,
            "runs": len(cold),
            "cold_ready_ms": median_of([load.ready_ms for load in cold]),
            "warm_ready_ms": median_of([load.ready_ms for load in warm]),
            "cold_bytes": median_of([load.bytes_sent for load in cold]),
            "warm_bytes": median_of([load.bytes_sent for load in warm]),
            "cold_our_requests": median_of([len(load.our_requests) for load in cold]),
            "warm_our_requests": warm[-1].our_requests,
            "sent_as": sorted({encoding or "identity" for load in cold for encoding in load.encodings}),
        }
        summary[name] = entry
        rows.append([
            f"{name} {entry['version']}",
            " / ".join(clocks),
            ", ".join(entry["sent_as"]),
            ms(entry["cold_ready_ms"]),
            ms(entry["warm_ready_ms"]),
            f"{entry['cold_bytes'] / 1e6:,.2f} MB",
            kilobytes(entry["warm_bytes"]),
            ms(entry["cold_our_requests"]),
            f"{len(statuses)} ({asked})",
        ])
    runs = max((entry["runs"] for entry in summary.values()), default=0)
    # Where each start went, phase by phase, as the runtime marks it (as section 1b does for Chromium).
    columns = [(name, kind) for name in summary for kind in ("cold", "warm")]
    phase_rows = []
    for phase in TIMELINE_PHASES:
        row = [TIMELINE_LABELS.get(phase, phase)]
        for name, kind in columns:
            median = median_of([load.phases.get(phase) for load in loads if load.engine == name and load.kind == kind])
            summary[name].setdefault(f"{kind}_phases", {})[phase] = median
            row.append(ms(median))
        phase_rows.append(row)
    text = "\n".join([
        f"9. The README's embed in each engine (the demo with the two tags, served precompressed on 127.0.0.1; medians of {runs} run{'s' if runs != 1 else ''})",
        "   ready: ms from navigation start; bytes: every answer of the server during the visit; warm: a second visit in the same profile",
        table(
            ["engine", "ready read from", "our files sent as", "cold ready", "warm ready", "cold bytes", "warm bytes", "cold: our requests", "warm: our requests"],
            rows,
        ),
        "",
        "9a. Their start timeline (each phase in ms, from the previous mark; medians)",
        table(["phase (mark calendar-links:<phase>)", *(f"{name} {kind}" for name, kind in columns)], phase_rows),
    ])
    return text, summary
