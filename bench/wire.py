"""On the wire: the demo as a first and a repeat visit over emulated networks, the bytes of
every file raw and as transferred, and Lighthouse's performance audit.

Network emulation is Chromium's own (CDP Network.emulateNetworkConditions: a latency added
to every request, and a download and upload rate), applied to each page before it
navigates. Each visit runs in a browser with an on-disk profile, so the repeat visit (a new
tab on the same page, as a person coming back) sees the HTTP cache a real browser keeps;
an off-the-record context drops files as big as ours.

Two ways of serving are compared in the same run: as the README asks a production server to
(precompressed .br/.gz siblings, tools/serve.py's default), and as a plain static host that
sends every file as it is on disk (`--plain`).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Playwright

from browser import COLLECT_JS, LOAD_TIMEOUT_MS, PROBE_SCRIPT, READY_MARK, Watch, measure_load, prepare_context
from catalog import APP, APP_EMBED, APP_PRELOAD, BARE_SNAPSHOT, BUILT, RECORD_STANDBY, ROOT, BenchPage
from chromium import CHROMIUM_ARGS, CHROMIUM_PATH
from text import mmm, progress, spread, table

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
VENDOR = ROOT / "static" / "vendor"
PRECOMPRESSED = "precompressed (.zst/.br/.gz)"
# The same server offering no zstd: what a browser without it, or a server without its
# module (nginx), gets. Beside the row above, it shows what zstd costs a first visit in bytes
# and saves a repeat visit in decoding (tools/compress_static.py).
BROTLI = "precompressed (.br/.gz)"
PLAIN = "plain static host"


@dataclass(frozen=True)
class Network:
    """An emulated link: download rate, upload rate (a fifth of it) and round-trip latency."""

    name: str
    megabits_per_second: float
    latency_ms: float

    def conditions(self) -> dict[str, Any]:
        bytes_per_second = self.megabits_per_second * 1_000_000 / 8
        return {
            "offline": False,
            "latency": self.latency_ms,
            "downloadThroughput": bytes_per_second,
            "uploadThroughput": bytes_per_second / 5,
        }


FAST = Network("50 Mbit/s, 20 ms", 50, 20)
SLOW = Network("20 Mbit/s, 40 ms", 20, 40)
# (serving, network, page): the README's embed on both links (the targets are read from it),
# the demo's PyScript tags with and without the preload hints beside it, and a plain host.
WIRE_ROWS = (
    (PRECOMPRESSED, FAST, APP_EMBED),
    (BROTLI, FAST, APP_EMBED),
    (PRECOMPRESSED, SLOW, APP_EMBED),
    (PRECOMPRESSED, FAST, APP),
    (PRECOMPRESSED, FAST, APP_PRELOAD),
    (PLAIN, FAST, APP_EMBED),
    # Pyodide restored from the same snapshot, without the app or a page to read: the floor
    # under the app's repeat visit.
    (PRECOMPRESSED, FAST, BARE_SNAPSHOT),
)
TARGETS = {
    "first visit bytes": (7_000_000, 10_000_000),
    "ready at 50 Mbit/s": (2_000.0, 3_000.0),
    "ready at 20 Mbit/s": (4_000.0, None),
    "repeat visit bytes": (10_000, None),
    # The embed's two files, revalidated; every other file of ours is kept for good.
    "repeat visit requests": (2, None),
    "repeat visit at 50 Mbit/s": (600.0, None),
}


@dataclass
class Visit:
    """One navigation over an emulated network."""

    serving: str
    network: str
    page: str
    kind: str  # "first" or "repeat"
    ready_ms: float
    bytes_transferred: int
    requests: int
    files: list[dict[str, Any]] = field(default_factory=list)


def is_ours(path: str) -> bool:
    """Whether a requested path is one of calendar-links' files rather than the demo page's."""
    return path.startswith("/static/") and not path.startswith(("/static/demo/", "/static/icons/"))


def visit(
    playwright: Playwright, watch: Watch, base_url: str, serving: str, network: Network, bench_page: BenchPage
) -> tuple[Visit, Visit]:
    """A first visit in an empty on-disk profile, then a repeat visit in a new tab of it."""
    with tempfile.TemporaryDirectory(prefix="calendar-links-wire-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True, proxy=watch.proxy()
        )
        try:
            prepare_context(context, watch, PROBE_SCRIPT)
            visits = []
            for kind in ("first", "repeat"):
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", network.conditions())
                page.goto(base_url + bench_page.path.lstrip("/"), wait_until="commit")
                load = measure_load(page, bench_page, kind, settle=True)
                data = page.evaluate(COLLECT_JS, READY_MARK)
                files = [
                    {"name": "(page)", "raw": data["navigation"]["decodedBodySize"], "transferred": data["navigation"]["transferSize"]},
                    *(
                        {"name": resource["name"], "raw": resource["decodedBodySize"], "transferred": resource["transferSize"]}
                        for resource in data["resources"]
                    ),
                ]
                # Requests for calendar-links' files that reached the server (the demo's own files
                # and the page aside): a file kept for good comes from the cache with nothing
                # transferred; a revalidation transfers its 304's headers.
                sent = sum(1 for resource in data["resources"] if resource["transferSize"] > 0 and is_ours(resource["path"]))
                visits.append(Visit(serving, network.name, bench_page.name, kind, load.ready_ms, load.bytes_transferred, sent, files))
                for stale in context.pages:
                    if stale is not page:
                        stale.close()
            return visits[0], visits[1]
        finally:
            context.close()


def standby_visit(playwright: Playwright, watch: Watch, network: Network) -> Visit:
    """A first visit of a record page with no calendar on: what standing by costs."""
    with tempfile.TemporaryDirectory(prefix="calendar-links-wire-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True, proxy=watch.proxy()
        )
        try:
            watch.attach(context)  # no calendar on: prepare_context would turn two on
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", network.conditions())
            page.goto(watch.base_url + RECORD_STANDBY.path.lstrip("/"), wait_until="commit")
            page.wait_for_selector("html[data-calendar-links-state='standby']", state="attached", timeout=LOAD_TIMEOUT_MS)
            standby_ms = page.evaluate("performance.now()")
            page.wait_for_load_state("networkidle", timeout=LOAD_TIMEOUT_MS)
            data = page.evaluate(COLLECT_JS, READY_MARK)
            transferred = data["navigation"]["transferSize"] + sum(r["transferSize"] for r in data["resources"])
            return Visit(PRECOMPRESSED, network.name, RECORD_STANDBY.name, "first", standby_ms, transferred, 1 + len(data["resources"]))
        finally:
            context.close()


def run_wire(playwright: Playwright, watch: Watch, base_urls: dict[str, str], runs: int) -> list[Visit]:
    """Every row of WIRE_ROWS, `runs` times, first and repeat visit; `base_urls` names the
    server of each way of serving."""
    visits = []
    for run in range(runs):
        standby = standby_visit(playwright, watch, FAST)
        visits.append(standby)
        progress(f"run {run + 1}/{runs}  {standby.page}: standing by at {standby.ready_ms:.0f} ms, {standby.bytes_transferred / 1e3:.1f} kB")
        for serving, network, bench_page in WIRE_ROWS:
            first, repeat = visit(playwright, watch, base_urls[serving], serving, network, bench_page)
            visits += [first, repeat]
            progress(
                f"run {run + 1}/{runs}  {bench_page.name[:26]:<26} {serving:<24} {network.name:<17} first {first.ready_ms:6.0f} ms "
                f"{first.bytes_transferred / 1e6:5.2f} MB  repeat {repeat.ready_ms:6.0f} ms {repeat.bytes_transferred / 1e3:6.1f} kB"
            )
    return visits


def lighthouse(url: str, proxy_port: int, *, desktop: bool) -> dict[str, Any]:
    """Lighthouse's performance audit of `url` (its default simulated throttling), in Debian's Chromium."""
    flags = [*CHROMIUM_ARGS, "--headless=new", f"--proxy-server=http://127.0.0.1:{proxy_port}"]
    with tempfile.TemporaryDirectory(prefix="calendar-links-lighthouse-") as folder:
        report = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
            "--only-categories=performance", f"--chrome-flags={' '.join(flags)}",
            *(["--preset=desktop"] if desktop else []),
        ]
        subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM_PATH}, timeout=600)
        result = json.loads(report.read_text())
    audits = result["audits"]
    return {
        "preset": "desktop" if desktop else "mobile",
        "lighthouse": result["lighthouseVersion"],
        "performance": round(result["categories"]["performance"]["score"] * 100),
        **{
            key: audits[key]["numericValue"]
            for key in (
                "first-contentful-paint",
                "largest-contentful-paint",
                "total-blocking-time",
                "speed-index",
                "interactive",
                "total-byte-weight",
            )
        },
        "warnings": result.get("runWarnings", []),
    }


def run_lighthouse(watch: Watch) -> list[dict[str, Any]]:
    proxy_port = urlsplit(watch.base_url).port or 0
    audits = []
    for bench_page in (APP_EMBED, APP, RECORD_STANDBY):
        for desktop in (False, True):
            audit = {"page": bench_page.name, **lighthouse(watch.base_url + bench_page.path.lstrip("/"), proxy_port, desktop=desktop)}
            audits.append(audit)
            progress(
                f"Lighthouse {bench_page.name}, {audit['preset']}: performance {audit['performance']}, "
                f"TBT {audit['total-blocking-time']:.0f} ms"
            )
    return audits


def verdict(value: float | None, key: str) -> str:
    target, must = TARGETS[key]
    if value is None:
        return "—"
    if value <= target:
        return "met"
    return "must met, target not" if must is not None and value <= must else "not met"


def report_wire(visits: list[Visit], audits: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """Section 7: first and repeat visits over emulated networks, bytes per file, Lighthouse."""
    summary: dict[str, Any] = {"rows": {}, "files": {}, "lighthouse": audits}
    rows = []
    for serving, network, bench_page in WIRE_ROWS:
        group = {
            kind: [v for v in visits if (v.serving, v.network, v.page, v.kind) == (serving, network.name, bench_page.name, kind)]
            for kind in ("first", "repeat")
        }
        entry = {
            kind: {
                "ready": spread([v.ready_ms for v in chosen]),
                "bytes": spread([float(v.bytes_transferred) for v in chosen]),
                "requests": spread([float(v.requests) for v in chosen]),
            }
            for kind, chosen in group.items()
        }
        summary["rows"][f"{bench_page.name}, {serving}, {network.name}"] = entry
        rows.append(
            [
                bench_page.name,
                serving,
                network.name,
                mmm(entry["first"]["ready"]),
                f"{entry['first']['bytes']['median'] / 1e6:,.2f} MB",
                f"{entry['first']['requests']['median']:.0f}",
                mmm(entry["repeat"]["ready"]),
                f"{entry['repeat']['bytes']['median'] / 1e3:,.1f} kB",
                f"{entry['repeat']['requests']['median']:.0f}",
            ]
        )

    standbys = [v for v in visits if v.page == RECORD_STANDBY.name]
    summary["standby"] = {
        "standing_by": spread([v.ready_ms for v in standbys]),
        "bytes": spread([float(v.bytes_transferred) for v in standbys]),
    }

    def median(serving: str, network: Network, kind: str, what: str) -> float | None:
        row = summary["rows"].get(f"{APP_EMBED.name}, {serving}, {network.name}")
        return None if row is None else float(row[kind][what]["median"])

    checks = [
        ("first visit bytes", median(PRECOMPRESSED, FAST, "first", "bytes"), "≤ 7 MB (must: ≤ 10 MB)", 1e6, "MB"),
        ("ready at 50 Mbit/s", median(PRECOMPRESSED, FAST, "first", "ready"), "≤ 2.0 s (must: ≤ 3.0 s)", 1e3, "s"),
        ("ready at 20 Mbit/s", median(PRECOMPRESSED, SLOW, "first", "ready"), "≤ 4.0 s", 1e3, "s"),
        ("repeat visit bytes", median(PRECOMPRESSED, FAST, "repeat", "bytes"), "≤ 10 kB", 1e3, "kB"),
        ("repeat visit requests", median(PRECOMPRESSED, FAST, "repeat", "requests"), "≤ 2", 1, ""),
        ("repeat visit at 50 Mbit/s", median(PRECOMPRESSED, FAST, "repeat", "ready"), "≤ 0.6 s", 1e3, "s"),
    ]
    summary["targets"] = {key: {"value": value, "verdict": verdict(value, key)} for key, value, *_ in checks}
    file_rows = file_table(visits, summary)
    lighthouse_rows = [
        [
            audit["page"],
            audit["preset"],
            str(audit["performance"]),
            f"{audit['total-blocking-time']:,.0f} ms",
            f"{audit['first-contentful-paint'] / 1e3:.1f} s",
            f"{audit['largest-contentful-paint'] / 1e3:.1f} s",
            f"{audit['interactive'] / 1e3:.1f} s",
            f"{audit['total-byte-weight'] / 1e6:.2f} MB",
        ]
        for audit in audits
    ]
    text = [
        "7. On the wire: the demo over emulated networks, first visit (empty on-disk profile) and repeat visit",
        "   (a new tab in that profile); ready = ms from navigation start to calendar-links:ready, min / med / max",
        table(
            ["page", "serving", "network", "first: ready", "first: bytes", "our requests", "repeat: ready", "repeat: bytes", "our requests"],
            rows,
        ),
        *[
            f"   {key}: {value / scale:,.2f} {unit} — target {goal}: {verdict(value, key)}" if value is not None else f"   {key}: —"
            for key, value, goal, scale, unit in checks
        ],
        f"   {RECORD_STANDBY.name} (standby), {FAST.name}: standing by at {mmm(summary['standby']['standing_by'])} ms, "
        f"{summary['standby']['bytes']['median'] / 1e3:,.1f} kB in all"
        if standbys
        else "",
        "",
        "7a. Bytes per file of a first visit (bytes; the first run's loads; .gz = the gzip sibling on disk, what a host",
        "    that serves only gzip_static would send)",
        table(["file", "raw", "precompressed", "no zstd", "plain host", ".gz on disk"], file_rows),
        "",
        "7b. Lighthouse (its default simulated throttling; a fresh profile, so no calendar is enabled: the demo pages",
        "    show the marketplace hint and start Python all the same, the record page stands by; served precompressed)",
        table(["page", "preset", "performance", "total blocking time", "FCP", "LCP", "interactive", "bytes"], lighthouse_rows)
        if audits
        else "   not run (--no-lighthouse)",
    ]
    return "\n".join(text), summary


def file_table(visits: list[Visit], summary: dict[str, Any]) -> list[list[str]]:
    """Rows of 7a: every file of the first first-visit of each serving, side by side."""
    firsts = {
        serving: next(
            (v for v in visits if (v.serving, v.network, v.page, v.kind) == (serving, FAST.name, APP_EMBED.name, "first")), None
        )
        for serving in (PRECOMPRESSED, BROTLI, PLAIN)
    }
    by_name: dict[str, dict[str, Any]] = {}
    for serving, first in firsts.items():
        for file in first.files if first else []:
            entry = by_name.setdefault(file["name"], {"raw": file["raw"]})
            entry[serving] = entry.get(serving, 0) + file["transferred"]
    # Built names by source name (tools/hashed_names.py): the file's digest taken out.
    built = {Path(source).name: VENDOR.parent / target for source, target in BUILT.items()}
    for name, entry in by_name.items():
        sibling = built[name].with_name(built[name].name + ".gz") if name in built else None
        entry["gz_on_disk"] = sibling.stat().st_size if sibling is not None and sibling.is_file() else None
    summary["files"] = by_name
    ordered = sorted(by_name.items(), key=lambda item: -(item[1].get(PRECOMPRESSED) or 0))
    rows = [
        [
            name,
            f"{entry['raw']:,}",
            f"{entry.get(PRECOMPRESSED, 0):,}",
            f"{entry.get(BROTLI, 0):,}",
            f"{entry.get(PLAIN, 0):,}",
            "—" if entry["gz_on_disk"] is None else f"{entry['gz_on_disk']:,}",
        ]
        for name, entry in ordered
    ]
    totals = [sum(entry.get(key) or 0 for entry in by_name.values()) for key in ("raw", PRECOMPRESSED, BROTLI, PLAIN)]
    rows.append(["total", *(f"{total:,}" for total in totals), ""])
    return rows
