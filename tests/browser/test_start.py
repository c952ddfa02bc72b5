"""End-to-end: how the page starts, with and without the interpreter snapshot."""

from __future__ import annotations

from conftest import PageWatch, open_ready, serve_demo_with_older_snippet, set_integrations
from functools import partial
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Error, Page, Route

# Every part of the snapshot (web/calendar-links-files.mjs), by its digest-named path.
SNAPSHOT = "**/static/vendor/pyodide/snapshot-*.bin"


def test_the_page_starts_without_a_warning_when_the_snapshot_is_there(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url)
    assert [text for text in warnings if "calendar-links" in text] == []
    assert page.locator(".calendar-links button").count() > 0


def test_a_missing_snapshot_falls_back_to_a_normal_start(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    warnings: list[ConsoleMessage] = []
    page.on("console", lambda message: warnings.append(message) if message.type == "warning" else None)
    page.route(SNAPSHOT, lambda route: route.fulfill(status=404, body="missing"))
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url)
    assert page.locator(".calendar-links button").count() > 0
    ours = [message.text for message in warnings if "calendar-links" in message.text]
    assert len(ours) == 1 and "without the snapshot" in ours[0]
    # The browser itself reports the 404; that is the only error, and it is expected here.
    assert all("404" in text for text in watch.console_errors)
    watch.console_errors.clear()


def test_a_snapshot_from_another_build_falls_back_to_a_normal_start(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    page.route(SNAPSHOT, lambda route: route.fulfill(status=200, body=b"\0" * 4096))
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url)
    assert page.locator(".calendar-links button").count() > 0
    assert len([text for text in warnings if "without the snapshot" in text]) == 1


def answer(route: Route, *, status: int, body: bytes) -> None:
    route.fulfill(status=status, body=body)


def note_console_error(errors: list[str], message: ConsoleMessage) -> None:
    if message.type == "error":
        errors.append(message.text)


def note_page_error(errors: list[str], error: Error) -> None:
    errors.append(f"page error: {error}")


def test_a_missing_or_damaged_app_archive_says_so_in_one_line(browser: Browser, base_url: str) -> None:
    for reply, reason in ((404, "could not be loaded"), (200, "are damaged")):
        context = browser.new_context()
        page = context.new_page()
        page.route("**/static/vendor/calendar-links*.zip", partial(answer, status=reply, body=b"not a zip"))
        errors: list[str] = []
        page.on("console", partial(note_console_error, errors))
        page.on("pageerror", partial(note_page_error, errors))
        page.goto(base_url)
        page.wait_for_selector("html[data-calendar-links-state='failed']", state="attached")
        notice = page.locator(".calendar-links-failure")
        assert notice.count() == 1 and reason in (notice.text_content() or "")
        ours = [text for text in errors if text.startswith("calendar-links:")]
        others = [text for text in errors if not text.startswith("calendar-links:")]
        assert len(ours) == 1 and reason in ours[0]
        # Only the browser's own report of the 404 may stand beside it; no traceback, no banner.
        assert all("404" in text for text in others) and len(others) == (1 if reply == 404 else 0)
        assert page.locator(".py-error").count() == 0
        assert page.locator(".startup-note").count() == 0
        context.close()


def test_it_runs_under_a_content_security_policy_without_unsafe_inline(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    context.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.sourceFile));"
    )
    set_integrations(context, google=False, outlook=True)
    response = page.goto(base_url)
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "script-src 'self' 'unsafe-eval'" in policy
    page.wait_for_selector("html[data-calendar-links-state='ready']", state="attached")
    with page.expect_download() as download:
        page.locator("[data-calendar-provider='outlook']").first.click()
    assert download.value.suggested_filename.endswith(".ics")
    assert page.evaluate("window.cspViolations") == []


def test_the_app_starts_once_whoever_starts_it_first(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    # With the older snippet the runtime module starts the app as soon as Python is ready;
    # PyScript then runs the page's own `calendar_links_app.start()`, which must find it
    # running, not start it again.
    serve_demo_with_older_snippet(page, base_url)
    context.add_init_script("addEventListener('py:all-done', () => { window.pyScriptDone = true; });")
    set_integrations(context, google=True, outlook=False)
    open_ready(page, base_url + "#/contacts/C-1815")
    page.wait_for_function("window.pyScriptDone === true")
    marks = page.evaluate("performance.getEntriesByName('calendar-links:start').length")
    assert marks == 1
    fields = page.locator("[data-calendar-field]").count()
    assert page.locator(".calendar-links").count() == fields
    with context.expect_page() as new_tab:
        page.locator("[data-calendar-for='birthday'] [data-calendar-provider='google']").first.click()
    new_tab.value.wait_for_load_state()
    page.wait_for_timeout(300)
    assert len(watch.provider_urls) == 1 and len(context.pages) == 2


def test_snapshot_off_starts_the_normal_way_without_a_warning(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    config = (Path(__file__).resolve().parents[2] / "pyscript.toml").read_text(encoding="utf-8")
    config_off = config.replace('calendar-links-runtime.mjs"', 'calendar-links-runtime.mjs?snapshot=off"')
    assert config_off != config
    serve_demo_with_older_snippet(page, base_url)
    page.route("**/pyscript.toml", partial(answer, status=200, body=config_off.encode()))
    warnings: list[str] = []
    requested: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    page.on("request", lambda request: requested.append(request.url))
    set_integrations(context, google=True, outlook=True)
    open_ready(page, base_url)
    assert page.locator(".calendar-links button").count() > 0
    assert not [url for url in requested if "/snapshot-" in url]
    assert [text for text in warnings if "calendar-links" in text] == []
