"""End-to-end: the README's page under the strictest headers a host may send with its pages:
cross-origin isolation (COOP and COEP) and Trusted Types enforced with no policy at all.
docs/serving.md promises both work with the two tags."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import READY, enable_calendars
from embed_snippets import readme_embed_page
from playwright.sync_api import BrowserContext, Page, Route

ROOT = Path(__file__).resolve().parents[2]
PAGE = "/readme-page.html"
HEADERS = {
    "cross-origin isolation": {"Cross-Origin-Embedder-Policy": "require-corp", "Cross-Origin-Opener-Policy": "same-origin"},
    # No Trusted Types policy may be created, so any string reaching a script sink would throw.
    "Trusted Types": {
        "Content-Security-Policy": "require-trusted-types-for 'script'; trusted-types 'none'; script-src 'self' 'wasm-unsafe-eval'"
    },
}


@pytest.mark.parametrize("policy", HEADERS)
def test_the_readme_page_gets_its_buttons_under(policy: str, context: BrowserContext, page: Page, base_url: str) -> None:
    def answer(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", headers=HEADERS[policy], body=readme_embed_page())

    # The README's page names the bundle at /static/, where the test server has it.
    page.route(base_url.rstrip("/") + PAGE, answer)
    enable_calendars(context, {"google": True})
    page.goto(base_url.rstrip("/") + PAGE)
    page.wait_for_selector(READY, state="attached")
    assert page.locator('[data-calendar-for="close"] [data-calendar-provider="google"]').count() == 1
    if policy == "cross-origin isolation":
        assert page.evaluate("crossOriginIsolated")
