"""Benchmark calendar-links in Debian's Chromium: start-up, many fields, clicks, bytes, memory;
and the README's embed in Chromium, Firefox ESR and WebKitGTK side by side (section 9).

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
  off-the-record: their HTTP cache is in memory, and a warm load reads every runtime file from
  it (none is downloaded again: Resource Timing's transferSize is 0). The "persistent profile" row
  is the app in a browser with an on-disk profile, whose warm load reads them from the disk cache,
  as a person's repeat visit does.

Section 9 (bench/per_engine.py) visits the README's embed cold and warm in each engine and
counts the bytes at the server.

Run with `make bench`; BENCH_ARGS="--runs 3" or "--quick" shortens it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from playwright.sync_api import Playwright, sync_playwright

# tools/ holds how Chromium is started and the static server, shared with the tests.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from browser import Watch, launch
from catalog import APP_PERSISTENT, ROOT, fields_page, generated_pages
from measure import persistent_cold_and_warm, run_clicks, run_many_fields, run_start_pages
from per_engine import report_engines, run_engines
from report import (
    RESULTS,
    machine_facts,
    report_bytes_and_heap,
    report_clicks,
    report_machine,
    report_many_fields,
    report_notes,
    report_phases,
    report_start,
    report_steps,
    report_timeline,
)
from scale import report_scale, run_scale
from serve import Answer
from server import bench_server
from text import progress
from wire import BROTLI, PLAIN, PRECOMPRESSED, report_wire, run_lighthouse, run_wire


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold+warm loads per start-up page (default 5)")
    parser.add_argument("--fields-runs", type=int, default=3, help="cold loads per many-field page (default 3)")
    parser.add_argument("--click-pages", type=int, default=3, help="fresh demo pages per calendar for clicks (default 3)")
    parser.add_argument("--wire-runs", type=int, default=3, help="first+repeat visits per emulated network row (default 3)")
    parser.add_argument("--scale-runs", type=int, default=1, help="runs of the 50,000-field page and the storm (default 1)")
    parser.add_argument("--no-lighthouse", action="store_true", help="leave out the Lighthouse audits")
    parser.add_argument("--engine-runs", type=int, default=3, help="cold+warm visits per engine in section 9 (default 3)")
    parser.add_argument("--wire-only", action="store_true", help="only section 7 (on the wire)")
    parser.add_argument("--engines-only", action="store_true", help="only section 9 (each engine)")
    parser.add_argument(
        "--quick", action="store_true", help="2 runs, 1 of each many-field page up to 1,000, 1 click page, 1 wire run, 1 per engine"
    )
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json", help="JSON results (default bench/results/latest.json)")
    options = parser.parse_args(argv)
    if options.quick:
        options.runs, options.fields_runs, options.click_pages, options.wire_runs, options.engine_runs = min(options.runs, 2), 1, 1, 1, 1
    if min(options.runs, options.fields_runs, options.click_pages, options.wire_runs, options.engine_runs) < 1:
        parser.error("--runs, --fields-runs, --click-pages, --wire-runs and --engine-runs must be at least 1")
    if options.wire_only and options.engines_only:
        parser.error("--wire-only and --engines-only leave nothing to run together")
    counts = (100, 1_000) if options.quick else (100, 1_000, 10_000)
    options.field_pages = [fields_page(count) for count in counts] + [fields_page(count, plain_js=True) for count in counts]
    options.field_counts = counts
    return options


def run_loopback(playwright: Playwright, watch: Watch, options: argparse.Namespace) -> tuple[dict[str, Any], dict[str, Any]]:
    """Sections 1 to 6 and 8, on 127.0.0.1 without emulation: their reports, and the raw measurements."""
    browser = launch(playwright)
    try:
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
        progress("8. large and busy pages")
        large_pages, storms = run_scale(browser, watch.base_url, options.scale_runs)
    finally:
        browser.close()
    sections = {
        "start": report_start(start_loads),
        "start_phases": report_phases(start_loads),
        "start_timeline": report_timeline(start_loads),
        "many_fields": report_many_fields(field_loads),
        "clicks": report_clicks(click_pages),
        "bytes_and_memory": report_bytes_and_heap(start_loads),
        "start_steps": report_steps(start_loads),
        "scale": report_scale(large_pages, storms),
    }
    raw = {
        "loads": [asdict(load) for load in [*start_loads, *field_loads]],
        "clicks": [asdict(page) for page in click_pages],
        "scale": [*(asdict(page) for page in large_pages), *(asdict(storm) for storm in storms)],
    }
    return sections, raw


def main(argv: Sequence[str] | None = None) -> None:
    options = parse_arguments(argv)
    started = time.monotonic()
    pages = generated_pages(options.field_counts)
    answered: list[Answer] = []
    with (
        bench_server(pages, answered=answered) as server,
        bench_server(pages, codings=("br", "gzip")) as brotli_server,
        bench_server(pages, precompressed=False) as plain_server,
        sync_playwright() as playwright,
    ):
        watch = Watch(base_url=f"http://127.0.0.1:{server.server_address[1]}/")
        browser = launch(playwright)
        facts = machine_facts(browser.version)
        browser.close()
        print(report_machine(facts, options), flush=True)
        only_one = options.wire_only or options.engines_only
        sections, raw = ({}, {}) if only_one else run_loopback(playwright, watch, options)
        visits = []
        if not options.engines_only:
            progress("7. on the wire")
            base_urls = {
                PRECOMPRESSED: watch.base_url,
                BROTLI: f"http://127.0.0.1:{brotli_server.server_address[1]}/",
                PLAIN: f"http://127.0.0.1:{plain_server.server_address[1]}/",
            }
            visits = run_wire(playwright, watch, base_urls, options.wire_runs)
            audits = [] if options.no_lighthouse else run_lighthouse(watch)
            sections["wire"] = report_wire(visits, audits)
        engine_loads = []
        if not options.wire_only:
            progress("9. each engine")
            engine_loads = run_engines(playwright, watch.base_url, answered, options.engine_runs)
            sections["engines"] = report_engines(engine_loads)
        notes = report_notes(watch, server, time.monotonic() - started)
    print("\n\n".join(["", *(text for text, _ in sections.values()), notes[0]]), flush=True)
    results = {
        "machine": facts,
        "options": {key: value for key, value in vars(options).items() if key not in {"output", "field_pages"}},
        "summary": {key: summary for key, (_, summary) in sections.items()},
        "notes": notes[1],
        **raw,
        "visits": [asdict(visit) for visit in visits],
        "engine_loads": [asdict(load) for load in engine_loads],
    }
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    shown = options.output.relative_to(ROOT) if options.output.is_relative_to(ROOT) else options.output
    print(f"\nResults written to {shown}")


if __name__ == "__main__":
    main()
