"""Benchmark: calendar-links on very large and very busy host pages, against the same page without it.

Two pages, each measured with the app embedded (the README's two tags) and without it:
- 50,000 fields (5,000 records of 10): time to ready (buttons on every field near the view:
  a page this long gets groups only there), to those fields' values checked (the
  `calendar-links:checked` mark), the longest task until then, the renderer's memory
  (resident set after a garbage collection) and the page's element count; then the longest
  task and the slowest frame while scrolling 30,000 pixels down, 300 a frame; the scroll
  again on the same page with `content-visibility: auto` on its records (what the README
  advises for pages this long: a change near the top then costs no walk over the rest);
- a storm: a host that adds 5,000 fields and removes them again, every 100 ms for 10 s,
  once the page is ready: the event loop's lag (how late a 50 ms timer fires) and the
  longest task over that time.

Targets (issue "Robust on hostile and busy pages"): memory and elements within 1.5x of the
page without us, lag and longest task within 2x. Not a test: it prints numbers.

Section 8 of `make bench` (bench/run.py); alone: `.venv/bin/python bench/scale.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, Route, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from chromium import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402
from serve import make_server  # noqa: E402

EMBED = (
    '<link rel="stylesheet" href="/static/calendar-links.css">'
    '<script type="module" src="/static/calendar-links.mjs"></script>'
)
FIELDS = 50_000
FIELDS_PER_RECORD = 10
STORM_FIELDS = 5_000
STORM_SECONDS = 10
TIMEOUT_MS = 600_000
# Both calendars on, as if enabled in the marketplace; a long-task observer from the start.
INIT_SCRIPT = """
try { localStorage.setItem('calendar-links:integrations', '{"google":true,"outlook":true}'); } catch (error) {}
window.__longTasks = [];
new PerformanceObserver((list) => { for (const entry of list.getEntries())
  window.__longTasks.push({ start: entry.startTime, duration: entry.duration }); })
  .observe({ type: 'longtask', buffered: true });
"""
STORM_SCRIPT = """async ({ fields, seconds }) => {
  const host = document.getElementById('storm');
  let lag = 0, adding = true, cycles = 0;
  const started = performance.now(), tasksBefore = window.__longTasks.length;
  let expected = performance.now() + 50;
  const sampler = setInterval(() => {
    const now = performance.now(); lag = Math.max(lag, now - expected); expected = now + 50; }, 50);
  await new Promise((done) => {
    const cycle = () => {
      if (performance.now() - started > seconds * 1000) return done();
      if (adding) {
        const record = document.createElement('div');
        record.setAttribute('data-calendar-record', '');
        record.setAttribute('data-record-name', `Storm ${cycles}`);
        for (let index = 0; index < fields; index++) {
          const field = document.createElement('span');
          field.setAttribute('data-calendar-field', `f${index}`);
          field.setAttribute('data-field-type', 'date');
          field.setAttribute('data-value', `2027-01-${String(1 + index % 28).padStart(2, '0')}`);
          field.textContent = 'date';
          record.append(field);
        }
        host.append(record);
      } else {
        host.replaceChildren();
      }
      adding = !adding; cycles += 1;
      setTimeout(cycle, 100);
    };
    cycle();
  });
  clearInterval(sampler);
  await new Promise((done) => setTimeout(done, 500));
  const tasks = window.__longTasks.slice(tasksBefore);
  return { lag, longest: Math.max(0, ...tasks.map((task) => task.duration)), cycles };
}"""


SCROLL_SCRIPT = """async () => {
  const tasksBefore = window.__longTasks.length;
  let slowest = 0, last = performance.now();
  for (let frame = 0; frame < 100; frame++) {
    window.scrollBy(0, 300);
    await new Promise((done) => requestAnimationFrame(done));
    const now = performance.now();
    slowest = Math.max(slowest, now - last);
    last = now;
  }
  await new Promise((done) => setTimeout(done, 500));
  const tasks = window.__longTasks.slice(tasksBefore);
  return { longest: Math.max(0, ...tasks.map((task) => task.duration)), slowest };
}"""


# The README's advice for very long pages: records off screen skip layout and paint.
CONTAINED_RECORDS = "<style>section { content-visibility: auto; contain-intrinsic-size: auto 20rem; }</style>"


@dataclass(frozen=True)
class LargePage:
    with_app: bool
    contained: bool
    ready_ms: float | None
    checked_ms: float | None
    longest_task_ms: float
    renderer_mb: float
    elements: int
    scroll_longest_task_ms: float
    scroll_slowest_frame_ms: float


@dataclass(frozen=True)
class Storm:
    with_app: bool
    lag_ms: float
    longest_task_ms: float
    cycles: int


def large_page_html(with_app: bool, contained: bool = False) -> str:
    records = []
    for record in range(FIELDS // FIELDS_PER_RECORD):
        fields = "".join(
            f'<li><span data-calendar-field="f{index}" data-field-type="date" '
            f'data-value="2027-{1 + index:02d}-{1 + record % 28:02d}">{1 + record % 28} {index + 1}</span></li>'
            for index in range(FIELDS_PER_RECORD)
        )
        records.append(f'<section data-calendar-record data-record-id="R{record}" data-record-name="Record {record}"><ul>{fields}</ul></section>')
    return page_html("".join(records), with_app, CONTAINED_RECORDS if contained else "")


def page_html(body: str, with_app: bool, style: str = "") -> str:
    state = ' data-calendar-links-state="loading"' if with_app else ""
    return (
        f'<!doctype html><html lang="en"{state}><head><meta charset="utf-8"><title>bench</title>{style}'
        f"{EMBED if with_app else ''}</head><body>{body}<div id=\"storm\"></div></body></html>"
    )


def renderer_megabytes(browser: Browser) -> float:
    """The largest renderer's resident set: the page's, with one page open."""
    session = browser.new_browser_cdp_session()
    processes = session.send("SystemInfo.getProcessInfo")["processInfo"]
    session.detach()
    sizes = []
    for process in processes:
        if process["type"] != "renderer":
            continue
        status = Path(f"/proc/{process['id']}/status")
        if status.exists():
            for line in status.read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
    return max(sizes, default=0.0)


@contextmanager
def served_page(browser: Browser, base_url: str, html: str) -> Iterator[Page]:
    context = browser.new_context()
    context.route("**/*", lambda route: _guard(route, base_url, html))
    context.add_init_script(INIT_SCRIPT)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        yield page
    finally:
        context.close()


def _guard(route: Route, base_url: str, html: str) -> None:
    if route.request.url == base_url + "bench-scale.html":
        route.fulfill(status=200, content_type="text/html", body=html)
    elif route.request.url.startswith(base_url):
        route.continue_()
    else:
        route.abort()


def settle(page: Page, with_app: bool) -> None:
    if with_app:
        page.wait_for_function("() => performance.getEntriesByName('calendar-links:checked').length > 0", polling=500)
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def mark(page: Page, name: str) -> float | None:
    time = page.evaluate(f"() => performance.getEntriesByName('{name}')[0]?.startTime ?? null")
    return None if time is None else float(time)


def measure_large_page(browser: Browser, base_url: str, with_app: bool, contained: bool = False) -> LargePage:
    with served_page(browser, base_url, large_page_html(with_app, contained)) as page:
        page.goto(base_url + "bench-scale.html")
        settle(page, with_app)
        longest = page.evaluate("() => Math.max(0, ...window.__longTasks.map((task) => task.duration))")
        session = page.context.new_cdp_session(page)
        session.send("HeapProfiler.collectGarbage")
        memory = renderer_megabytes(browser)
        elements = page.evaluate("() => document.getElementsByTagName('*').length")
        scroll = page.evaluate(SCROLL_SCRIPT)
        return LargePage(
            with_app,
            contained,
            mark(page, "calendar-links:ready"),
            mark(page, "calendar-links:checked"),
            longest,
            memory,
            elements,
            scroll["longest"],
            scroll["slowest"],
        )


def measure_storm(browser: Browser, base_url: str, with_app: bool) -> Storm:
    with served_page(browser, base_url, page_html("", with_app)) as page:
        page.goto(base_url + "bench-scale.html")
        if with_app:
            page.wait_for_selector("html[data-calendar-links-state='ready']", state="attached")
        settle(page, with_app)
        result: dict[str, Any] = page.evaluate(STORM_SCRIPT, {"fields": STORM_FIELDS, "seconds": STORM_SECONDS})
        return Storm(with_app, result["lag"], result["longest"], result["cycles"])


def run_scale(browser: Browser, base_url: str, runs: int) -> tuple[list[LargePage], list[Storm]]:
    """Every measurement, runs times each, with and without the app."""
    large = [
        measure_large_page(browser, base_url, with_app, contained)
        for _ in range(runs)
        for contained in (False, True)
        for with_app in (False, True)
    ]
    storms = [measure_storm(browser, base_url, with_app) for _ in range(runs) for with_app in (False, True)]
    return large, storms


def _median(values: Sequence[float | None]) -> float:
    present = [value for value in values if value is not None]
    return statistics.median(present) if present else float("nan")


def report_scale(large: Sequence[LargePage], storms: Sequence[Storm]) -> tuple[str, dict[str, Any]]:
    """The figures as text (medians with and without the app, and their ratio), and as a summary."""
    lines = [f"8. Large and busy pages (medians of {len(storms) // 2} run(s))", ""]
    summary: dict[str, Any] = {}
    contained = [p for p in large if p.contained]
    large = [p for p in large if not p.contained]
    rows: list[tuple[str, Sequence[float | None], Sequence[float | None] | None]] = [
        ("50,000 fields: ready (ms)", [p.ready_ms for p in large if p.with_app], None),
        ("50,000 fields: values near the view checked (ms)", [p.checked_ms for p in large if p.with_app], None),
        ("50,000 fields: longest task (ms)", *_pair(large, "longest_task_ms")),
        ("50,000 fields: renderer memory (MB)", *_pair(large, "renderer_mb")),
        ("50,000 fields: elements", *_pair(large, "elements")),
        ("50,000 fields, scrolling: longest task (ms)", *_pair(large, "scroll_longest_task_ms")),
        ("50,000 fields, scrolling: slowest frame (ms)", *_pair(large, "scroll_slowest_frame_ms")),
        ("records content-visibility: auto: ready (ms)", [p.ready_ms for p in contained if p.with_app], None),
        ("records content-visibility: auto: longest task (ms)", *_pair(contained, "longest_task_ms")),
        ("records content-visibility: auto, scrolling: longest task (ms)", *_pair(contained, "scroll_longest_task_ms")),
        ("records content-visibility: auto, scrolling: slowest frame (ms)", *_pair(contained, "scroll_slowest_frame_ms")),
        ("5,000-field storm: event-loop lag (ms)", *_pair(storms, "lag_ms")),
        ("5,000-field storm: longest task (ms)", *_pair(storms, "longest_task_ms")),
    ]
    lines.append(f"{'':64}{'with us':>12}{'without':>12}{'ratio':>8}")
    for name, with_us, without in rows:
        ours = _median(with_us)
        if without is None:
            lines.append(f"{name:64}{ours:>12,.0f}")
            summary[name] = {"with": ours}
        else:
            theirs = _median(without)
            ratio = ours / theirs if theirs else float("nan")
            lines.append(f"{name:64}{ours:>12,.0f}{theirs:>12,.0f}{ratio:>8.2f}")
            summary[name] = {"with": ours, "without": theirs, "ratio": ratio}
    return "\n".join(lines), summary


def _pair(measured: Sequence[Any], attribute: str) -> tuple[list[float], list[float]]:
    return (
        [getattr(item, attribute) for item in measured if item.with_app],
        [getattr(item, attribute) for item in measured if not item.with_app],
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="runs of each page, with and without us (default 2)")
    options = parser.parse_args(argv)
    server = make_server(0, ROOT)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
            try:
                print(report_scale(*run_scale(browser, base_url, options.runs))[0])
            finally:
                browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
