"""The measured runs: start-up pages cold and warm, many-field pages, clicks."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass

from playwright.sync_api import Browser, Playwright

from chromium import CHROMIUM_ARGS, CHROMIUM_PATH
from browser import CHECK_BUTTONS_JS, CLICK_PROBE_SCRIPT, COLLECT_JS, LOAD_TIMEOUT_MS, Load, PROBE_SCRIPT, READY_MARK, Watch, frame_split, long_task_summary, measure_load, new_context, open_page, prepare_context, wait_until_settled
from catalog import APP, APP_PERSISTENT, BenchPage, HEAP_PAGES, START_PAGES
from text import ms, progress

CLICKS_PER_PAGE = 10


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
                if bench_page.near_view_only:
                    # Its last field gets its group and its check when it comes near the view.
                    page.evaluate("() => document.querySelector('[data-bench-last-record]').scrollIntoView()")
                if bench_page.checks_values:
                    page.wait_for_function("() => window.__benchProbe.lastFieldChecked !== null", timeout=LOAD_TIMEOUT_MS)
                    load.last_field_checked_ms = page.evaluate("() => window.__benchProbe.lastFieldChecked")
                    if page.evaluate(CHECK_BUTTONS_JS, bench_page.near_view_only)["withProblem"] != 1:
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

