"""End-to-end: a CRM page shown inside another product's sandboxed frame.

The outer page stands on another origin (another port of 127.0.0.1) and frames the CRM page
with `sandbox="allow-scripts allow-same-origin"` and at most one of `allow-popups` and
`allow-downloads`. A tab or a download the frame refused, or may have dropped, is never said
or remembered as done; the group offers the exact link or the exact .ics text to copy.
"""

from __future__ import annotations

import socket
from datetime import date
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from conftest import ARTIFACTS, READY, PageWatch, set_integrations
from contract.ics_values import ics_events, ics_moment, ics_text
from playwright.sync_api import BrowserContext, Download, Frame, Page, expect
from test_host_conditions import page_with
from test_host_faults import RECORD

ADDED_KEY = "calendar-links:added"
# The record's one field, as RECORD has it: an all-day event on this date.
DUE = date(2026, 12, 1)
SANDBOX = "allow-scripts allow-same-origin"
# What Chromium logs (as errors) when a sandboxed frame opens a tab or downloads: the page
# can't read these, which is why the group can't know.
SANDBOX_CONSOLE_MARKS = ("allow-popups", "allow-downloads")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def outer_origin() -> str:
    """Another origin for the product that frames the CRM: answered by the test's routes."""
    return f"http://127.0.0.1:{_free_port()}"


def _open_framed(
    context: BrowserContext, page: Page, base_url: str, outer_url: str, sandbox: str, allow: str = "", head: str = ""
) -> Frame:
    set_integrations(context, google=True, outlook=True)
    inner_url = base_url + "framed-crm.html"
    inner = page_with(RECORD, head=head)
    page.route(inner_url, lambda route: route.fulfill(status=200, content_type="text/html", body=inner))
    outer = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another product</title></head>'
        '<body style="margin: 0; font: 16px sans-serif"><h1 style="margin: 0.5rem; font-size: 1rem">Another product</h1>'
        f'<iframe sandbox="{sandbox}" allow="{allow}" src="{inner_url}" '
        'style="display: block; width: 100%; height: 26rem; border: 0"></iframe></body></html>'
    )
    page.route(outer_url, lambda route: route.fulfill(status=200, content_type="text/html", body=outer))
    page.goto(outer_url)
    frame = page.frame(url=inner_url)
    assert frame is not None
    frame.wait_for_selector(READY, state="attached")
    return frame


def _forget_sandbox_console_errors(watch: PageWatch) -> None:
    # Chromium's own word on what the sandbox refused: expected here, and no error of ours.
    watch.console_errors[:] = [
        message for message in watch.console_errors if not any(mark in message for mark in SANDBOX_CONSOLE_MARKS)
    ]


def _assert_nothing_claimed(frame: Frame, provider: str) -> None:
    group = frame.locator('[data-calendar-for="due"]')
    assert group.get_attribute("data-calendar-state") is None
    assert frame.locator(f'[data-calendar-provider="{provider}"][data-calendar-added]').count() == 0
    assert frame.evaluate(f"localStorage.getItem('{ADDED_KEY}')") is None
    said = str(group.text_content())
    assert "Downloaded" not in said and "Opened" not in said and "Added" not in said


def _offered_text(frame: Frame) -> str:
    return str(frame.locator(".calendar-links__copy-text").input_value())


def _assert_the_google_link_is_the_record_s(url: str) -> None:
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "calendar.google.com", "/calendar/render")
    query = parse_qs(parts.query)
    following = date.fromordinal(DUE.toordinal() + 1)
    assert query["dates"] == [f"{DUE:%Y%m%d}/{following:%Y%m%d}"]
    assert "Ada Lovelace" in query["text"][0]


def _assert_the_ics_is_the_record_s(text: str) -> None:
    (event,) = ics_events(icalendar.Calendar.from_ical(text))
    assert ics_moment(event, "DTSTART") == DUE
    assert "Ada Lovelace" in ics_text(event, "SUMMARY")


@pytest.mark.parametrize("sandbox", [SANDBOX, SANDBOX + " allow-downloads"])
def test_a_frame_without_allow_popups_offers_the_link_to_copy(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str, outer_origin: str, sandbox: str
) -> None:
    frame = _open_framed(context, page, base_url, outer_origin + "/product.html", sandbox)
    frame.locator('[data-calendar-provider="google"]').click()
    message = frame.locator('[data-calendar-for="due"] .calendar-links__message')
    expect(message).to_contain_text("This page is inside a frame that blocks new tabs.")
    # No link to click: the frame would refuse its target=_blank as it refused window.open.
    assert message.locator("a").count() == 0
    assert len(context.pages) == 1 and watch.provider_urls == []
    _assert_the_google_link_is_the_record_s(_offered_text(frame))
    _assert_nothing_claimed(frame, "google")
    # The Clipboard API is refused in a cross-origin frame without clipboard-write: the
    # link is selected for the person's own copy.
    frame.locator('button[data-calendar-action="copy"]').click()
    expect(message.locator(".calendar-links__copy-status")).to_contain_text("press Ctrl+C")
    assert frame.evaluate("String(getSelection()) || document.activeElement.value.slice("
                          "document.activeElement.selectionStart, document.activeElement.selectionEnd)") == _offered_text(frame)
    _forget_sandbox_console_errors(watch)


@pytest.mark.parametrize("provider", ["google", "outlook"])
def test_the_copy_button_copies_the_exact_link_or_file_where_the_frame_allows_the_clipboard(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str, outer_origin: str, provider: str
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    frame = _open_framed(
        context, page, base_url, outer_origin + "/product.html", SANDBOX, allow="clipboard-read; clipboard-write"
    )
    frame.locator(f'[data-calendar-provider="{provider}"]').click()
    frame.locator('button[data-calendar-action="copy"]').click()
    expect(frame.locator(".calendar-links__copy-status")).to_have_text("Copied.")
    copied = str(frame.evaluate("navigator.clipboard.readText()"))
    if provider == "google":
        assert copied == _offered_text(frame)
        _assert_the_google_link_is_the_record_s(copied)
    else:
        # The file's own text, its lines ending in CRLF as RFC 5545 has them (the field
        # shows them with LF, as every textarea does).
        assert copied.replace("\r\n", "\n") == _offered_text(frame) and copied.endswith("END:VCALENDAR\r\n")
        _assert_the_ics_is_the_record_s(copied)
    _forget_sandbox_console_errors(watch)


@pytest.mark.parametrize("sandbox", [SANDBOX, SANDBOX + " allow-popups", SANDBOX + " allow-downloads"])
def test_a_download_the_frame_may_drop_is_never_claimed_nor_remembered(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str, outer_origin: str, sandbox: str
) -> None:
    frame = _open_framed(context, page, base_url, outer_origin + "/product.html", sandbox)
    downloads: list[Download] = []
    page.on("download", lambda download: downloads.append(download))
    frame.locator('[data-calendar-provider="outlook"]').click()
    message = frame.locator('[data-calendar-for="due"] .calendar-links__message')
    expect(message).to_contain_text("This page is inside a frame that may block downloads.")
    _assert_the_ics_is_the_record_s(_offered_text(frame))
    _assert_nothing_claimed(frame, "outlook")
    page.wait_for_timeout(500)
    # The browser saved it only where the frame allows downloads: the page can't tell which.
    assert len(downloads) == (1 if "allow-downloads" in sandbox else 0)
    page.reload()
    reloaded = page.frame(url=base_url + "framed-crm.html")
    assert reloaded is not None
    reloaded.wait_for_selector(READY, state="attached")
    _assert_nothing_claimed(reloaded, "outlook")
    assert reloaded.locator(".calendar-links__note").count() == 0
    _forget_sandbox_console_errors(watch)


# A share sheet, as phones have (Chromium on Linux has none): it keeps what it was given.
FAKE_SHARE_SHEET = """
navigator.canShare = () => true;
navigator.share = async (data) => { window.sharedFile = data.files[0]; };
"""
SHARED_FILE = "(async () => [sharedFile.name, sharedFile.type, await sharedFile.text()])()"


def test_the_share_button_hands_over_the_exact_file(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str, outer_origin: str
) -> None:
    # Where a browser has a share sheet, a cross-origin frame needs allow="web-share" for it.
    context.add_init_script(FAKE_SHARE_SHEET)
    frame = _open_framed(context, page, base_url, outer_origin + "/product.html", SANDBOX, allow="web-share")
    frame.locator('[data-calendar-provider="outlook"]').click()
    share = frame.locator('button[data-calendar-action="share"]')
    share.click()
    frame.wait_for_function("window.sharedFile !== undefined")
    name, media_type, text = frame.evaluate(SHARED_FILE)
    assert (name, media_type) == (share.get_attribute("data-calendar-file"), "text/calendar")
    assert name.endswith(".ics") and text.replace("\r\n", "\n") == _offered_text(frame)
    _assert_the_ics_is_the_record_s(text)
    _forget_sandbox_console_errors(watch)


def test_a_frame_with_allow_popups_opens_the_tab_and_says_so(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str, outer_origin: str
) -> None:
    frame = _open_framed(context, page, base_url, outer_origin + "/product.html", SANDBOX + " allow-popups")
    with context.expect_page():
        frame.locator('[data-calendar-provider="google"]').click()
    expect(frame.locator('[data-calendar-for="due"] .calendar-links__message')).to_contain_text("Opened in Google Calendar")
    assert frame.locator('[data-calendar-provider="google"][data-calendar-added]').count() == 1


def test_a_same_origin_sandboxed_frame_is_read_and_no_download_is_tried(
    context: BrowserContext, watch: PageWatch, page: Page, base_url: str
) -> None:
    # The frame element is readable from a frame of the same origin: the group knows.
    frame = _open_framed(context, page, base_url, base_url + "product.html", SANDBOX)
    frame.locator('[data-calendar-provider="outlook"]').click()
    expect(frame.locator(".calendar-links__message")).to_contain_text(
        "This page is inside a frame that blocks downloads, so"
    )
    _assert_the_ics_is_the_record_s(_offered_text(frame))
    _assert_nothing_claimed(frame, "outlook")
    # Not tried, so Chromium logged nothing.
    assert watch.console_errors == []


SCHEMES = "light dark"


@pytest.mark.parametrize(
    ("name", "width", "scheme", "provider"),
    [
        ("light", 1000, "light", "outlook"),
        ("dark", 1000, "dark", "outlook"),
        ("phone", 390, "light", "outlook"),
        ("phone-link", 390, "dark", "google"),
    ],
)
def test_screenshots_of_what_a_sandboxed_frame_offers(
    context: BrowserContext,
    watch: PageWatch,
    page: Page,
    base_url: str,
    outer_origin: str,
    name: str,
    width: int,
    scheme: str,
    provider: str,
) -> None:
    page.set_viewport_size({"width": width, "height": 760})
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    head = f'<meta name="color-scheme" content="{SCHEMES}"><style>body {{ font: 16px sans-serif }}</style>'
    frame = _open_framed(context, page, base_url, outer_origin + "/product.html", SANDBOX, head=head)
    frame.locator(f'[data-calendar-provider="{provider}"]').click()
    expect(frame.locator(".calendar-links__copy-text")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"sandboxed-frame-{name}.png")
    # The offer lies inside the view, whatever its width.
    box = frame.locator(".calendar-links__message").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    _forget_sandbox_console_errors(watch)
