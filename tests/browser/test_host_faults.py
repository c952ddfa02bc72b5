"""End-to-end: host pages that break things, each reproduced on a page of its own.

Every page embeds calendar-links with the two tags of the README ("Embed on your page"):
the stylesheet and one module script, by absolute path, whatever the page's depth. The pages
are answered by the test itself (page.route), so each holds exactly the markup of its fault.
The harness fails a test on any console error it didn't expect, any page error or stray request.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timezone
from functools import partial
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
from conftest import READY, PageWatch, set_integrations
from contract.ics_values import ics_integer, ics_moment, ics_stamp
from playwright.sync_api import BrowserContext, Download, Page, Route, expect

EMBED = (
    '<link rel="stylesheet" href="/static/calendar-links.css">'
    '<script type="module" src="/static/calendar-links.mjs"></script>'
)
FAILED = "html[data-calendar-links-state='failed']"
# The failed state comes within seconds; a cold start of the runtime in a fresh profile on a
# busy two-core machine takes most of this.
FAILED_TIMEOUT_MS = 30_000
RECORD = (
    '<div data-calendar-record data-record-id="R-1" data-record-name="Ada Lovelace">'
    '<span data-calendar-field="due" data-field-type="date" data-value="2026-12-01">1 Dec 2026</span>'
    "</div>"
)
ADD_FIELDS = """(count) => { for (let index = 0; index < count; index++) {
  const field = document.createElement('span');
  field.setAttribute('data-calendar-field', `later${index}`);
  field.setAttribute('data-field-type', 'date');
  field.setAttribute('data-value', '2027-01-15');
  document.querySelector('[data-record-id="R-1"]').append(field); } }"""
EVERY_FIELD_HAS_BUTTONS = """(keys) => keys.every((key) => {
  const group = document.querySelector(`[data-calendar-for="${key}"]`);
  return group !== null && group.querySelector('button') !== null; })"""
CLICK_GOOGLE = """(key) => document.querySelector(
  `[data-calendar-for="${key}"] [data-calendar-provider="google"]`).click()"""
# Records whether the failed event came, before any of our modules loads.
LISTEN_FOR_FAILED = (
    "window.__failedEvents = [];"
    "addEventListener('calendar-links:failed', (event) => window.__failedEvents.push(event.detail.message));"
)


def host_page(body: str, head: str = "") -> str:
    return (
        '<!doctype html><html lang="en" data-calendar-links-state="loading"><head><meta charset="utf-8">'
        f"<title>A host page</title>{head}{EMBED}</head><body>{body}</body></html>"
    )


def serve(page: Page, url: str, html: str, headers: dict[str, str] | None = None) -> None:
    def answer(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body=html, headers=headers)

    page.route(url, answer)


def open_host(
    context: BrowserContext, page: Page, url: str, html: str, headers: dict[str, str] | None = None
) -> None:
    set_integrations(context, google=True, outlook=True)
    serve(page, url, html, headers)
    page.goto(url)
    page.wait_for_selector(READY, state="attached")


def google_dates(context: BrowserContext, watch: PageWatch, click: Callable[[], None]) -> list[str]:
    with context.expect_page() as new_tab:
        click()
    new_tab.value.wait_for_url(re.compile(r"^https://calendar\.google\.com/"))
    return parse_qs(urlsplit(watch.provider_urls[-1]).query)["dates"]


def open_failing(
    context: BrowserContext, page: Page, url: str, html: str, headers: dict[str, str] | None = None
) -> None:
    """Open a page where calendar-links can't start, noting the failed events it sends."""
    context.add_init_script(LISTEN_FOR_FAILED)
    serve(page, url, html, headers)
    page.goto(url)


def expect_failed(page: Page, reason: str) -> None:
    page.wait_for_selector(FAILED, state="attached", timeout=FAILED_TIMEOUT_MS)
    notice = page.locator(".calendar-links-failure")
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text(reason)
    assert [reason in message for message in page.evaluate("window.__failedEvents")] == [True]


def test_the_same_two_tags_work_on_a_page_at_any_depth(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    for path in ("record.html", "crm/contacts/1/edit/record.html"):
        open_host(context, page, base_url + path, host_page(RECORD))
        dates = google_dates(context, watch, lambda: page.locator('[data-calendar-provider="google"]').click())
        assert dates == ["20261201/20261202"], path


def test_form_controls_named_like_dom_methods_neither_stop_nor_mislead_the_app(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    # Forms let their controls shadow the form's own properties: record.closest is an input here.
    shadowing = "".join(
        f'<input name="{name}" type="hidden">'
        for name in ("closest", "getAttribute", "hasAttribute", "matches", "querySelector", "parentElement",
                     "nodeType", "textContent", "after", "nextElementSibling")
    )  # fmt: skip
    body = (
        f'<form data-calendar-record data-record-id="R-1" data-record-name="Ada Lovelace">{shadowing}'
        '<span data-calendar-field="due" data-field-type="date" data-value="2026-12-01">1 Dec 2026</span>'
        f'<form data-calendar-field="call" data-field-type="date">{shadowing}</form>'
        "</form>"
        # A field that is itself a form, its value in a control named "after".
        f'<form data-calendar-field="meeting" data-field-type="date"><input name="after" value="2026-12-03">{shadowing}</form>'
        # A same-origin frame is a page of its own: its fields are not followed (README).
        '<iframe srcdoc="<span data-calendar-field=inframe data-field-type=date data-value=2026-12-04>x</span>"></iframe>'
    )
    open_host(context, page, base_url + "forms.html", host_page(body))
    page.wait_for_function(EVERY_FIELD_HAS_BUTTONS, arg=["due", "meeting"])
    # Clicked by script: Playwright's own selector engine trips over these forms too.
    for key, expected in (("due", ["20261201/20261202"]), ("meeting", ["20261203/20261204"])):
        click = partial(page.evaluate, CLICK_GOOGLE, key)
        assert google_dates(context, watch, click) == expected, key
    page.evaluate(ADD_FIELDS, 3)
    page.wait_for_function(EVERY_FIELD_HAS_BUTTONS, arg=["later0", "later1", "later2"])
    frame = page.frame_locator("iframe")
    expect(frame.locator("[data-calendar-field]")).to_have_count(1)
    assert frame.locator(".calendar-links").count() == 0


def test_a_document_clobbered_by_named_forms_still_gets_working_buttons(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    # <form name="X"> makes document.X that form, for any X.
    clobbering = "".join(
        f'<form name="{name}"></form>' for name in ("documentElement", "body", "querySelectorAll", "addEventListener", "createTreeWalker")
    )
    open_host(context, page, base_url + "clobbered.html", host_page(clobbering + RECORD))
    assert page.evaluate("document.documentElement.tagName") == "FORM"
    dates = google_dates(context, watch, lambda: page.locator('[data-calendar-provider="google"]').click())
    assert dates == ["20261201/20261202"]
    page.evaluate(ADD_FIELDS, 2)
    page.wait_for_function(EVERY_FIELD_HAS_BUTTONS, arg=["due", "later0", "later1"])


def test_a_document_whose_createelement_is_hidden_fails_visibly_with_its_reason(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    open_failing(context, page, base_url + "clobbered.html", host_page('<form name="createElement"></form>' + RECORD))
    expect_failed(page, 'named "createElement"')
    watch.console_errors.clear()


def test_json_and_array_as_a_host_library_changed_them(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    # Prototype.js gave arrays a toJSON; other pages revive dates in JSON.parse, or replace it.
    context.add_init_script(
        "Array.prototype.toJSON = function () { return 'an array'; };"
        "const parse = JSON.parse;"
        "JSON.parse = (text) => parse(text, (key, value) =>"
        "  typeof value === 'string' && /^\\d{4}-\\d\\d-\\d\\d/.test(value) ? new Date(value) : value);"
    )
    body = RECORD.replace(
        "</div>",
        '<span data-calendar-field="2026-12-24" data-field-type="date" data-value="2026-12-24">24 Dec</span></div>',
    )
    open_host(context, page, base_url + "json.html", host_page(body))
    page.wait_for_function(EVERY_FIELD_HAS_BUTTONS, arg=["due", "2026-12-24"])
    page.evaluate("JSON.parse = () => null")
    page.evaluate(ADD_FIELDS, 2)
    page.wait_for_function(EVERY_FIELD_HAS_BUTTONS, arg=["later0", "later1"])
    dates = google_dates(
        context, watch, lambda: page.locator('[data-calendar-for="2026-12-24"] [data-calendar-provider="google"]').click()
    )
    assert dates == ["20261224/20261225"]


def test_json_parse_replaced_before_the_start_changes_nothing(context: BrowserContext, page: Page, base_url: str) -> None:
    # Replaced before any module of ours loads: whether the page stands by or starts is
    # decided without it, and so is everything after.
    context.add_init_script("JSON.parse = () => null;")
    open_host(context, page, base_url + "json-first.html", host_page(RECORD))
    page.wait_for_function(EVERY_FIELD_HAS_BUTTONS, arg=["due"])


def test_a_field_that_fails_costs_only_its_own_buttons_and_is_reported_once(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    # <html> as a field: nothing can be put after it (attaching fails). A control whose value
    # throws when read (checking fails).
    html = host_page(
        RECORD.replace("</div>", "".join(
            f'<span data-calendar-field="f{index}" data-field-type="date" data-value="2027-02-{index + 1:02d}">x</span>'
            for index in range(8)
        ) + '<span data-calendar-field="bad" data-field-type="date" data-value="2027-02-30">30 Feb</span>'
            '<span data-calendar-field="throws" data-field-type="date"><input id="throwing"></span></div>'),
        head="<script>Object.defineProperty(HTMLInputElement.prototype, 'value', {get() {"
        " if (this.id === 'throwing') throw new Error('host fault'); return this.getAttribute('value') ?? ''; }});"
        "</script>",
    ).replace("<html ", '<html data-calendar-field="root" data-field-type="date" data-value="2026-01-01" ', 1)
    open_host(context, page, base_url + "faults.html", html)
    keys = ["due", *[f"f{index}" for index in range(8)], "bad", "throws"]
    page.wait_for_function(EVERY_FIELD_HAS_BUTTONS, arg=keys)
    # Checks went on past the field that threw: the impossible date after it says so.
    expect(page.locator('[data-calendar-for="bad"] .calendar-links__message')).to_contain_text("30")
    # More passes meet the same faults, and say nothing new.
    page.evaluate(ADD_FIELDS, 4)
    page.wait_for_function(EVERY_FIELD_HAS_BUTTONS, arg=[f"later{index}" for index in range(4)])
    ours = [text for text in watch.console_errors if text.startswith("calendar-links:")]
    assert len(ours) == 2 and len(set(ours)) == 2, ours
    assert any("host fault" in text for text in ours)
    assert len(ours) == len(watch.console_errors)
    watch.console_errors.clear()


def test_a_replaced_html_element_is_still_followed(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    open_host(context, page, base_url + "replaced.html", host_page(RECORD))
    page.evaluate(
        """() => { const html = document.createElement('html');
        html.innerHTML = '<head></head><body><div data-calendar-record data-record-id="R-2">'
          + '<span data-calendar-field="renewal" data-field-type="date" data-value="2027-03-01">1 Mar</span></div></body>';
        document.replaceChild(html, document.documentElement); }"""
    )
    page.wait_for_function(EVERY_FIELD_HAS_BUTTONS, arg=["renewal"])


def test_a_blocked_tab_is_never_called_opened_and_the_notice_holds_the_link(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    context.add_init_script("window.open = () => null;")
    open_host(context, page, base_url + "blocked.html", host_page(RECORD))
    page.locator('[data-calendar-provider="google"]').click()
    message = page.locator('[data-calendar-for="due"] .calendar-links__message')
    expect(message).to_contain_text("blocked")
    expect(message).not_to_contain_text("Opened")
    link = message.locator("a")
    assert link.get_attribute("target") == "_blank"
    dates = google_dates(context, watch, link.click)
    assert dates == ["20261201/20261202"]


def test_fifty_rapid_clicks_or_a_double_click_make_one_tab_and_one_download(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    downloads: list[Download] = []
    page.on("download", lambda download: downloads.append(download))
    body = RECORD.replace(
        "</div>", '<span data-calendar-field="next" data-field-type="date" data-value="2027-01-02">2 Jan</span></div>'
    )
    open_host(context, page, base_url + "rapid.html", host_page(body))
    click_fifty = """(provider) => { const button = document.querySelector(
      `[data-calendar-for="due"] [data-calendar-provider="${provider}"]`);
      for (let click = 0; click < 50; click++) button.click(); }"""
    # Its one tab first, so that the next one waited for is the double click's.
    google_dates(context, watch, partial(page.evaluate, click_fifty, "google"))
    # Then a double click elsewhere: by the time its tab exists, any extra tab would too.
    google_dates(context, watch, page.locator('[data-calendar-for="next"] [data-calendar-provider="google"]').dblclick)
    assert len(context.pages) == 3
    page.evaluate(click_fifty, "outlook")
    with page.expect_download():
        page.locator('[data-calendar-for="next"] [data-calendar-provider="outlook"]').dblclick()
    # A click after those is a new request.
    with page.expect_download():
        page.locator('[data-calendar-for="next"] [data-calendar-provider="outlook"]').click()
    assert len(downloads) == 3


def test_a_polluted_object_prototype_fails_visibly_with_its_reason(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    context.add_init_script("Object.prototype.google = true;")
    # With a calendar on, so that the page would need Python: a start it rules out downloads nothing big.
    set_integrations(context, google=True, outlook=False)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_failing(context, page, base_url + "polluted.html", host_page(RECORD))
    expect_failed(page, 'added "google" to every object')
    expect(page.locator("[data-calendar-field]")).to_have_text("1 Dec 2026")
    assert [url for url in requested if "/snapshot-" in url or url.endswith(".zip")] == []
    assert [text for text in watch.console_errors if "calendar-links" not in text] == []
    watch.console_errors.clear()


def test_runtime_files_missing_or_served_as_html_fail_visibly(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    # With a calendar on: a page without one stands by and fetches none of these files.
    set_integrations(context, google=True, outlook=False)
    page.route("**/static/vendor/pyodide/pyodide.*.mjs", lambda route: route.fulfill(status=404, body="not found"))
    open_failing(context, page, base_url + "missing.html", host_page(RECORD))
    expect_failed(page, "could not be loaded")
    page.unroute("**/static/vendor/pyodide/pyodide.*.mjs")
    # A server that answers every unknown path with its own HTML page.
    page.route(
        "**/static/vendor/pyodide/interpreter.*/pyodide.asm.wasm",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<!doctype html><p>Home</p>"),
    )
    page.goto(base_url + "missing.html")
    expect_failed(page, "could not be loaded")
    watch.console_errors.clear()


def test_a_content_security_policy_that_blocks_webassembly_fails_visibly(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    open_failing(context, page, base_url + "csp.html", host_page(RECORD), {"Content-Security-Policy": "script-src 'self'"})
    expect_failed(page, "blocks WebAssembly")
    watch.console_errors.clear()


def test_full_storage_is_called_full_not_blocked(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    open_host(context, page, base_url + "full.html", host_page(RECORD + "<div data-calendar-marketplace></div>"))
    page.evaluate(
        """() => { let index = 0;  // to the last byte: blocks of shrinking size
        for (const size of [262144, 4096, 64, 1]) {
          try { for (;; index++) localStorage.setItem(`host-cache-${index}`, 'x'.repeat(size)); } catch {} } }"""
    )
    page.locator('[data-calendar-app="apple"] button').click()
    # The line under the switch that was used.
    status = page.locator('[data-calendar-app="apple"] .calendar-links-marketplace__status')
    expect(status).to_contain_text("full")
    expect(status).not_to_contain_text("blocked")


def test_a_group_at_rest_is_three_elements_and_one_live_region_speaks_for_the_page(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    body = RECORD.replace(
        "</div>", '<span data-calendar-field="bad" data-field-type="date" data-value="2026-02-30">30 Feb</span></div>'
    )
    open_host(context, page, base_url + "light.html", host_page(body))
    group = page.locator('[data-calendar-for="due"]')
    assert group.evaluate("(group) => 1 + group.querySelectorAll('*').length") == 3
    # A problem found in the background is read with the buttons, not announced.
    bad = page.locator('[data-calendar-for="bad"] [data-calendar-provider="google"]')
    expect(bad).to_have_accessible_description(re.compile("30"))
    live = page.get_by_role("status")
    expect(live).to_have_count(1)
    expect(live).to_have_text("")
    # What a click led to is announced, and read with the buttons afterwards.
    google_dates(context, watch, lambda: group.locator('[data-calendar-provider="google"]').click())
    notice = group.locator(".calendar-links__message")
    expect(notice).to_contain_text("Google")
    expect(live).to_have_text(notice.text_content() or "")
    expect(group.locator('[data-calendar-provider="outlook"]')).to_have_accessible_description(notice.text_content() or "")


def test_two_downloads_within_a_second_rise_in_sequence_with_truthful_stamps(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    body = (
        '<div data-calendar-record data-record-id="R-1" data-record-name="Ada Lovelace">'
        '<label data-calendar-field="due" data-field-type="date">Due <input type="date" value="2026-12-01"></label></div>'
    )
    open_host(context, page, base_url + "sequence.html", host_page(body))
    events = []
    for value in ("2026-12-01", "2026-12-02"):
        page.locator("input").fill(value)
        before = datetime.now(timezone.utc).replace(microsecond=0)
        with page.expect_download() as download:
            page.locator('[data-calendar-provider="outlook"]').click()
        (event,) = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes()).walk("VEVENT")
        assert before <= ics_stamp(event) <= datetime.now(timezone.utc), value
        events.append(event)
    first, second = events
    assert second["UID"] == first["UID"]
    assert ics_integer(second, "SEQUENCE") > ics_integer(first, "SEQUENCE")
    assert ics_moment(second, "DTSTART") == date(2026, 12, 2)


def test_the_two_tags_need_only_wasm_unsafe_eval_in_a_strict_policy(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    policy = (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none';"
        " form-action 'none'; frame-ancestors 'none'"
    )
    open_host(context, page, base_url + "strict.html", host_page(RECORD), {"Content-Security-Policy": policy})
    dates = google_dates(context, watch, lambda: page.locator('[data-calendar-provider="google"]').click())
    assert dates == ["20261201/20261202"]


# The older embed snippet: PyScript's tags, with our interpreter module.
OLDER_SNIPPET = (
    '<script type="module" src="/static/vendor/pyscript/core.js"></script>'
    "<script type=\"py\" config='{config}'>import calendar_links_app; calendar_links_app.start()</script>"
)
SNIPPET_CONFIGS = (
    '{"interpreter": "/static/calendar-links-runtime.mjs", "plugins": ["!error"]}',
    '{"interpreter": "/static/calendar-links-runtime.mjs"}',
)
CONFLICTING_SNIPPETS = "".join(OLDER_SNIPPET.format(config=config) for config in SNIPPET_CONFIGS)


def test_two_older_snippets_with_different_settings_fail_visibly_with_their_reason(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    set_integrations(context, google=True, outlook=True)
    html = (
        '<!doctype html><html lang="en" data-calendar-links-state="loading"><head><meta charset="utf-8">'
        f"<title>Two snippets</title>{CONFLICTING_SNIPPETS}</head><body>{RECORD}</body></html>"
    )
    open_failing(context, page, base_url + "two-snippets.html", html)
    expect_failed(page, "snippets with different settings")
    expect(page.locator("[data-calendar-field]")).to_have_text("1 Dec 2026")
    # PyScript's own banner and console lines are there too; ours is the one the host can act on.
    watch.console_errors.clear()
    page.close()


def test_the_two_tags_beside_conflicting_snippets_still_give_buttons(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    context.add_init_script(LISTEN_FOR_FAILED)
    open_host(context, page, base_url + "mixed.html", host_page(RECORD, head=CONFLICTING_SNIPPETS))
    page.wait_for_function(EVERY_FIELD_HAS_BUTTONS, arg=["due"])
    assert page.evaluate("window.__failedEvents") == []
    watch.console_errors.clear()
    page.close()
