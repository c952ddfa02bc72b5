"""Section 9 of `make bench` runs in every engine: one cold and one warm visit of the README's
embed in Chromium, Firefox and WebKit, timed by the page's own marks, bytes counted at the server.

The benchmark's figures themselves are not asserted (speed is read from its report, never
held to a number here); what is held is that the section measures what it says it does, and
what a repeat visit asks for where the engine keeps a cache.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Playwright

# After every other entry: bench/ names its modules plainly (server, browser, text).
sys.path.append(str(Path(__file__).resolve().parents[2] / "bench"))

from catalog import generated_pages  # noqa: E402 - bench/ is not a package
from per_engine import ENGINE_NAMES, PAGE_MARK, report_engines, run_engines  # noqa: E402
from server import bench_server  # noqa: E402

from hashed_names import web_constant  # noqa: E402
from serve import Answer  # noqa: E402

# The big files a start from the snapshot downloads, as the server names them (digests aside).
RUNTIME_FILES = ("snapshot-1.", "snapshot-2.", "snapshot-3.", "pyodide.asm.wasm", "python_stdlib-lazy.", "calendar-links-lazy.")
# WebKitGTK's MiniBrowser runs an automation session without an HTTP cache to keep.
KEEPS_A_CACHE = ("chromium", "firefox")
# Where the browser records no answer status (WebKit), the runtime asks for the .wasm file's
# headers itself, but only for a start still going after this long.
WASM_HEAD_AFTER_MS = int(web_constant("calendar-links-runtime.mjs", "HEAD_AFTER_MS"))


def test_each_engine_visits_the_readme_embed_cold_then_warm(playwright_instance: Playwright) -> None:
    answered: list[Answer] = []
    with bench_server(generated_pages(()), answered=answered) as server:
        loads = run_engines(playwright_instance, f"http://127.0.0.1:{server.server_address[1]}/", answered, runs=1)
    text, summary = report_engines(loads)

    assert [(load.engine, load.kind) for load in loads] == [(name, kind) for name in ENGINE_NAMES for kind in ("cold", "warm")]
    assert all(load.clock == PAGE_MARK and load.ready_ms > 0 for load in loads)
    # Every engine marks every phase of the start, so section 9a has no gap.
    assert [(load.engine, load.kind) for load in loads if None in load.phases.values()] == []
    for cold in (load for load in loads if load.kind == "cold"):
        fetched = [request.rsplit("/", 1)[1] for request in cold.our_requests if request.startswith("GET 200 ")]
        # Counted at the server, whatever the engine reports: every runtime file came, once.
        assert {prefix: sum(name.startswith(prefix) for name in fetched) for prefix in RUNTIME_FILES} == dict.fromkeys(RUNTIME_FILES, 1)
        assert cold.our_bytes < cold.bytes_sent
    # A start over sooner (from navigation start, so sooner still from the runtime's) sends none.
    quick = [load for load in loads if load.ready_ms < WASM_HEAD_AFTER_MS]
    assert [(load.engine, load.kind) for load in quick if any(request.startswith("HEAD ") for request in load.our_requests)] == []
    for warm in (load for load in loads if load.kind == "warm" and load.engine in KEEPS_A_CACHE):
        # A repeat visit revalidates the two files a host page names, and nothing else of ours.
        assert sorted(warm.our_requests) == ["GET 304 /static/calendar-links.css", "GET 304 /static/calendar-links.mjs"]
    assert sorted(summary) == sorted(ENGINE_NAMES)
    assert all(f"{name} {summary[name]['version']}" in text for name in ENGINE_NAMES)
