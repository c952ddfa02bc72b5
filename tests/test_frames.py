"""The frames around a page: what they allow, and what a group offers instead of a tab or a
download that was refused or may have been dropped (calendar_links_core.frames)."""

from __future__ import annotations

import pytest

from calendar_links_core.frames import (
    TOP_PAGE,
    FrameLimits,
    copy_status,
    download_substitute,
    frame_limits,
    may_download,
    tab_substitute,
)
from calendar_links_core.providers.google import GOOGLE
from calendar_links_core.wording import ENGLISH

URL = "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Renewal"
ICS = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


def _never_asked(_text: str) -> bool:
    raise AssertionError("a download known to be saved asks no share check")
CROSS_ORIGIN = FrameLimits("unknown", "unknown")


@pytest.mark.parametrize(
    ("sandboxes", "reaches_top", "limits"),
    [
        ((), True, TOP_PAGE),
        ((None,), True, TOP_PAGE),  # a same-origin frame without a sandbox
        (("allow-scripts allow-same-origin",), True, FrameLimits("blocked", "blocked")),
        (("allow-scripts allow-same-origin allow-popups",), True, FrameLimits("allowed", "blocked")),
        (("allow-scripts allow-same-origin allow-downloads",), True, FrameLimits("blocked", "allowed")),
        # Tokens are ASCII case-insensitive, separated by any ASCII whitespace.
        (("ALLOW-POPUPS\tAllow-Downloads allow-scripts",), True, TOP_PAGE),
        # Flags are inherited: a frame further out that lacks the token blocks it.
        ((None, "allow-scripts allow-same-origin allow-popups"), True, FrameLimits("allowed", "blocked")),
        (("allow-popups allow-downloads", "allow-scripts allow-popups"), True, FrameLimits("allowed", "blocked")),
        # A frame of another origin on the way up hides whether it is sandboxed.
        ((), False, CROSS_ORIGIN),
        ((None,), False, CROSS_ORIGIN),
        # ...unless a readable one already blocks it.
        (("allow-scripts allow-same-origin allow-popups",), False, FrameLimits("unknown", "blocked")),
    ],
)
def test_frame_limits_from_the_sandbox_attributes(
    sandboxes: tuple[str | None, ...], reaches_top: bool, limits: FrameLimits
) -> None:
    assert frame_limits(sandboxes, reaches_top) == limits


def test_a_tab_refused_on_a_top_page_offers_the_link_a_pop_up_blocker_lets_through() -> None:
    substitute = tab_substitute(GOOGLE.calendar_name, URL, TOP_PAGE, can_share=False)
    assert substitute.link_text is not None and substitute.url == URL
    assert substitute.copy is None
    assert ENGLISH.text(substitute.said) == "Your browser blocked the new tab for Google Calendar."


@pytest.mark.parametrize("tabs", ["blocked", "unknown"])
def test_a_tab_refused_in_a_frame_offers_the_exact_link_to_copy_and_no_link_to_click(tabs: str) -> None:
    substitute = tab_substitute(GOOGLE.calendar_name, URL, FrameLimits(tabs, "unknown"), can_share=True)  # type: ignore[arg-type]
    # The frame refuses a target=_blank link as it refused window.open.
    assert substitute.link_text is None
    assert substitute.copy is not None and substitute.copy.text == URL
    assert substitute.copy.share and substitute.copy.file_name == ""
    said = ENGLISH.text(substitute.said)
    assert "frame that blocks new tabs" in said and "Google Calendar" in said
    assert ENGLISH.text(substitute.copy.field_label) == "Link to Google Calendar"


def test_a_download_known_to_be_allowed_is_reported_and_remembered() -> None:
    assert may_download(TOP_PAGE)
    assert download_substitute("Renewal.ics", ICS.encode(), "text/calendar", TOP_PAGE, can_share=_never_asked) is None


def test_a_download_a_frame_may_drop_is_tried_but_never_claimed() -> None:
    limits = FrameLimits("allowed", "unknown")
    assert may_download(limits)
    substitute = download_substitute("Renewal.ics", ICS.encode(), "text/calendar", limits, can_share=lambda _text: False)
    assert substitute is not None and substitute.link_text is None
    said = ENGLISH.text(substitute.said)
    assert "may block downloads" in said and 'If "Renewal.ics" didn\'t appear' in said
    assert "Downloaded" not in said
    assert substitute.copy is not None
    assert (substitute.copy.text, substitute.copy.file_name, substitute.copy.media_type) == (ICS, "Renewal.ics", "text/calendar")
    assert not substitute.copy.share


def test_a_download_a_frame_is_known_to_block_is_not_tried() -> None:
    limits = FrameLimits("allowed", "blocked")
    assert not may_download(limits)
    substitute = download_substitute("Renewal.ics", ICS.encode(), "text/calendar", limits, can_share=lambda text: text == ICS)
    assert substitute is not None and substitute.copy is not None and substitute.copy.share
    assert 'frame that blocks downloads, so "Renewal.ics" wasn\'t saved' in ENGLISH.text(substitute.said)


def test_the_copy_button_says_what_happened() -> None:
    assert ENGLISH.text(copy_status(True)) == "Copied."
    assert "Ctrl+C" in ENGLISH.text(copy_status(False))
