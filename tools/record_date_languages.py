"""Record what Chromium's Intl says about each tested page language into
tests/data/intl_date_languages.json, the data the core's language tests read in CPython.

Run after a Chromium update that changes locale data
(tests/browser/test_core_in_pyodide.py says when): `.venv/bin/python tools/record_date_languages.py`.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from chromium import CHROMIUM_ARGS, CHROMIUM_PATH
from serve import make_server

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "tests" / "data" / "intl_date_languages.json"
TAGS = ("en-US", "en-GB", "de", "fr", "es", "it", "pt", "nl")


def main() -> None:
    server = make_server(0, ROOT)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    recorded = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + "tests/browser/pages/host.html")
            module = base + "web/calendar-links-dom.mjs"
            for tag in TAGS:
                recorded[tag] = page.evaluate(f"async (tag) => (await import('{module}')).dateLanguage(tag)", tag)
            browser.close()
    finally:
        server.shutdown()
    OUTPUT.write_text(json.dumps(recorded, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
