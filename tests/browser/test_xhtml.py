"""End-to-end: a record page served as XHTML (`application/xhtml+xml`).

Chromium runs no module script in an XML document (it logs "Module scripts in XML documents
are currently not supported", crbug.com/717643), so the README's module tag does nothing
there; a classic script that imports the same module does run, and the app with it. The
README's XHTML snippet is that one line.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from conftest import READY, PageWatch, set_integrations
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Route, expect

from embed_snippets import readme_xhtml_loader

RECORD = (
    '<div data-calendar-record="" data-record-id="R-1" data-record-name="Ada Lovelace">'
    '<span data-calendar-field="due" data-field-type="date" data-value="2026-12-01">1 Dec 2026</span>'
    "</div>"
)


def xhtml_page(head: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="en" data-calendar-links-state="loading"><head>'
        f'<meta charset="utf-8"/><title>An XHTML record page</title>'
        f'<link rel="stylesheet" href="/static/calendar-links.css"/>{head}</head><body>{RECORD}</body></html>'
    )


def serve_xhtml(page: Page, url: str, body: str) -> None:
    def answer(route: Route) -> None:
        route.fulfill(status=200, content_type="application/xhtml+xml", body=body)

    page.route(url, answer)


def test_the_readme_s_classic_loader_starts_the_app_on_an_xhtml_page(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=True)
    serve_xhtml(page, base_url + "record.xhtml", xhtml_page(readme_xhtml_loader()))
    page.goto(base_url + "record.xhtml")
    assert page.evaluate("document.contentType") == "application/xhtml+xml"
    page.wait_for_selector(READY, state="attached")
    google = page.locator('[data-calendar-for="due"] [data-calendar-provider="google"]')
    expect(google).to_have_attribute("aria-label", "Add due to Google Calendar")
    with context.expect_page() as new_tab:
        google.click()
    new_tab.value.wait_for_load_state()
    assert parse_qs(urlsplit(watch.provider_urls[-1]).query)["dates"] == ["20261201/20261202"]
    with page.expect_download():
        page.locator('[data-calendar-for="due"] [data-calendar-provider="outlook"]').click()
    expect(page.locator('[data-calendar-for="due"] .calendar-links__message')).to_contain_text("Downloaded for Outlook")


def test_the_module_tag_alone_does_not_run_on_an_xhtml_page_as_the_readme_says(
    watch: PageWatch, page: Page, base_url: str
) -> None:
    said: list[str] = []
    page.on("console", lambda message: said.append(message.text) if _is_error(message) else None)
    serve_xhtml(
        page, base_url + "module.xhtml", xhtml_page('<script type="module" src="/static/calendar-links.mjs"></script>')
    )
    page.goto(base_url + "module.xhtml")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.dataset.calendarLinksState") == "loading"
    assert any("Module scripts in XML documents are currently not supported" in text for text in said)
    # Chromium's own words, not ours: the page itself logged nothing.
    watch.console_errors.clear()


def _is_error(message: ConsoleMessage) -> bool:
    return message.type == "error"
