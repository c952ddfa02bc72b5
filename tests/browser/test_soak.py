"""A long session: 1,000 record switches with clicks in between, and what is left after it."""

from __future__ import annotations

import json
from typing import Any

from conftest import ARTIFACTS, open_ready, set_integrations
from playwright.sync_api import BrowserContext, Page

RECORDS = ["contacts/C-1815", "contacts/C-1813", "deals/D-2041", "contacts/C-1867", "deals/D-2042", "contacts/C-1900"]
SWITCHES = 1000
CLICK_EVERY = 25
SHOWN_AND_SETTLED = """(id) => {
  const record = document.querySelector(`[data-record-id="${id}"]`);
  const fields = [...document.querySelectorAll('[data-calendar-field]')];
  return record !== null && fields.every((field) => field.nextElementSibling
    && field.nextElementSibling.matches('.calendar-links'))
    && document.querySelectorAll('.calendar-links').length === fields.length;
}"""


def figures(page: Page, context: BrowserContext) -> dict[str, Any]:
    """Button groups and Python objects (from the app), JS heap after a forced collection."""
    page.evaluate("document.documentElement.removeAttribute('data-calendar-links-diagnostics')")
    page.evaluate("dispatchEvent(new Event('calendar-links:diagnostics'))")
    page.wait_for_selector("html[data-calendar-links-diagnostics]", state="attached")
    app = json.loads(page.get_attribute("html", "data-calendar-links-diagnostics") or "{}")
    session = context.new_cdp_session(page)
    session.send("HeapProfiler.collectGarbage")
    heap = session.send("Runtime.getHeapUsage")["usedSize"]
    session.detach()
    return {**app, "jsHeapBytes": heap, "domNodes": page.evaluate("document.getElementsByTagName('*').length")}


def show(page: Page, route: str) -> None:
    page.evaluate("(route) => { location.hash = '#/' + route; }", route)
    page.wait_for_function(SHOWN_AND_SETTLED, arg=route.split("/")[1])


def test_a_thousand_record_switches_leave_nothing_behind(context: BrowserContext, page: Page, base_url: str) -> None:
    set_integrations(context, google=False, outlook=True)
    open_ready(page, base_url + "#/" + RECORDS[0])
    # Warm up once through every record, so first-use caches don't count as growth; with a
    # download from each, so every field the loop downloads from already says it was added
    # (that note is an element, made when there is something to say).
    for route in RECORDS:
        show(page, route)
        with page.expect_download():
            page.locator("[data-calendar-provider='outlook']").first.click()
    show(page, RECORDS[0])
    before = figures(page, context)
    downloads = 0
    for switch in range(1, SWITCHES + 1):
        show(page, RECORDS[switch % len(RECORDS)])
        if switch % CLICK_EVERY == 0:
            with page.expect_download():
                page.locator("[data-calendar-provider='outlook']").first.click()
            downloads += 1
    show(page, RECORDS[0])
    after = figures(page, context)
    ARTIFACTS.mkdir(exist_ok=True)
    report = {"switches": SWITCHES, "downloads": downloads, "before": before, "after": after}
    (ARTIFACTS / "soak.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report))
    assert after["buttonGroups"] == before["buttonGroups"]
    assert after["domNodes"] == before["domNodes"]
    # A leak of one object per switch or per click would add thousands; allow small noise.
    assert after["pythonObjects"] - before["pythonObjects"] < 200
    assert after["jsHeapBytes"] - before["jsHeapBytes"] < 2_000_000
