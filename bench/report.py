"""The printed report and the JSON summary of each section."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from browser import FALLBACK_WARNING, Load, Watch
from catalog import (
    APP,
    APP_EMBED,
    APP_NO_SNAPSHOT,
    APP_PERSISTENT,
    ARCHIVE_FILE,
    BUILT,
    BARE_PYODIDE,
    BARE_SNAPSHOT,
    PLAIN_JS,
    ROOT,
    SNAPSHOT_PARTS,
    START_PAGES,
)
from hashed_names import web_constant
from measure import CLICKS_PER_PAGE, ClickPage
from text import loads_of, median_of, mib, mmm, ms, ms1, ratio, spread, table

RESULTS = ROOT / "bench" / "results"


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
    snapshot_parts = [ROOT / "static" / BUILT[f"vendor/pyodide/{name}"] for name in SNAPSHOT_PARTS]
    archive = ROOT / "static" / BUILT[f"vendor/{ARCHIVE_FILE}"]
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "nproc": nproc,
        "cpu": cpu,
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "chromium": browser_version,
        "python": platform.python_version(),
        "commit": commit or "unknown",
        "snapshot_bytes": sum(part.stat().st_size for part in snapshot_parts),
        "snapshot_built": datetime.fromtimestamp(
            max(part.stat().st_mtime for part in snapshot_parts), timezone.utc
        ).isoformat(timespec="seconds"),
        "archive_sha256": hashlib.sha256(archive.read_bytes()).hexdigest()[:12],
    }


def report_machine(facts: dict[str, Any], options: argparse.Namespace) -> str:
    return "\n".join(
        [
            "calendar-links benchmark",
            f"   date      {facts['date']}",
            f"   machine   nproc {facts['nproc']}, {facts['cpu']}, {facts['memory_gib']} GiB",
            f"   browser   Chromium {facts['chromium']} (/usr/bin/chromium, headless)",
            f"   code      commit {facts['commit']} (working tree as is), snapshot {facts['snapshot_bytes']:,} bytes "
            f"built {facts['snapshot_built']}, archive {facts['archive_sha256']}",
            f"   runs      {options.runs} per start-up page; {options.fields_runs} per many-field page; "
            f"{options.click_pages} click page(s) per calendar; {options.wire_runs} per network row; "
            f"{options.engine_runs} per engine",
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
        "   warm = reload in the same off-the-record context, every runtime file read from its in-memory HTTP cache;",
        "   'app, persistent profile' = the app in a browser with an on-disk profile, its files read from the disk cache.",
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
            "start_to_ready": spread(
                [load.ready_ms - app_start for load in group if (app_start := load.phases["app_start"]) is not None]
            ),
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
        "   pages of more fields than the app gives groups all at once (groups near the view only): the bench",
        "   scrolls to the last record at ready, and values checked is when that field, now near, shows its message;",
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


# The phases the runtime marks (web/calendar-links-timeline.mjs), in order, each as a mark
# MARK_PREFIX + phase.
MARK_PREFIX = "calendar-links:"
TIMELINE_PHASES = tuple(json.loads(web_constant("calendar-links-timeline.mjs", "PHASES")))
TIMELINE_LABELS = {
    "embed": "embed module runs (the page, the module and its imports)",
    "fetched": "snapshot's parts fetched",
    "joined": "parts laid out in one buffer",
    "restored": "Pyodide restored (its .wasm compiled)",
    "mounted": "archive in place, digest checked",
    "start": "app starts",
    "ready": "first pass: buttons drawn (ready)",
}


def phase_durations(times: Mapping[str, float]) -> dict[str, float | None]:
    """Each phase's time (by phase name) from the previous mark there is, or from navigation
    start for the first; None for a phase with no mark."""
    durations: dict[str, float | None] = {}
    previous = 0.0
    for phase in TIMELINE_PHASES:
        current = times.get(phase)
        durations[phase] = None if current is None else current - previous
        previous = previous if current is None else current
    return durations


def report_timeline(loads: Sequence[Load]) -> tuple[str, dict[str, Any]]:
    """Section 1b: the README's embed, each phase of its start as the runtime marks it."""
    summary: dict[str, Any] = {"cold": {}, "warm": {}}
    by_kind = {
        kind: [
            phase_durations({name.removeprefix(MARK_PREFIX): time for name, time in load.marks.items() if name.startswith(MARK_PREFIX)})
            for load in loads_of(loads, APP_EMBED.name, kind)
        ]
        for kind in ("cold", "warm")
    }
    rows = []
    for phase in TIMELINE_PHASES:
        row = [TIMELINE_LABELS.get(phase, phase)]
        for kind in ("cold", "warm"):
            summary[kind][phase] = median_of([durations[phase] for durations in by_kind[kind]])
            row.append(ms(summary[kind][phase]))
        rows.append(row)
    text = [
        f"1b. Start timeline of {APP_EMBED.name} (each phase in ms, from the previous mark; medians of the section 1 loads)",
        table(["phase (mark calendar-links:<phase>)", "cold", "warm"], rows),
        "   the downloads of Pyodide's .wasm and standard library overlap 'fetched' and 'joined'; 'restored' waits for them.",
    ]
    return "\n".join(text), summary


STEP_MARKS = (
    ("steps:pyodide-module-loaded", "pyodide.mjs imported"),
    ("steps:snapshot-downloaded", "snapshot downloaded (its parts in parallel)"),
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

