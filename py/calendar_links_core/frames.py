"""What the frames around a page let a click do, and what a group offers when a tab or a
download may not have happened (pure).

A sandboxed `<iframe>` without `allow-popups` refuses new tabs, and `window.open` says so by
returning null. Without `allow-downloads` it drops downloads silently: HTML's "allowed to
download" check ends the download with no event and no error a page can read (Chromium and
Firefox only log to the console; WebKit has the flag since Safari 17). The sandbox attribute
itself is readable only while every frame up to the top page is of the same origin
(`frameElement` is null across origins), so in a cross-origin frame a download is never known
to have happened: it is neither claimed nor remembered, and the person gets what works
whatever the frame allows, the link or the file's text to copy or share.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from calendar_links_core.ui_text import tab_blocked
from calendar_links_core.wording import Words, words

__all__ = [
    "TOP_PAGE",
    "CopyOffer",
    "FrameLimits",
    "Permission",
    "Substitute",
    "copy_status",
    "download_substitute",
    "frame_limits",
    "may_download",
    "tab_substitute",
]

# allowed: known to be; blocked: known not to be; unknown: a frame we can't read might block it.
Permission: TypeAlias = Literal["allowed", "blocked", "unknown"]

_TABS_TOKEN: Final = "allow-popups"
_DOWNLOADS_TOKEN: Final = "allow-downloads"


@dataclass(frozen=True, slots=True)
class FrameLimits:
    """Whether the frames around the page let it open new tabs and save downloads."""

    tabs: Permission
    downloads: Permission


TOP_PAGE: Final = FrameLimits("allowed", "allowed")


def _tokens(sandbox: str) -> frozenset[str]:
    # An unordered set of space-separated tokens, ASCII case-insensitive (HTML's sandbox attribute).
    return frozenset(sandbox.lower().split())


def frame_limits(sandboxes: Sequence[str | None], reaches_top: bool) -> FrameLimits:
    """What the frames allow, from the sandbox attribute of each frame element around the page."""
    # sandboxes run from the page's own frame element outwards (None: it has no sandbox);
    # reaches_top: every one up to the top page was readable.

    def permission(token: str) -> Permission:
        # Sandbox flags are inherited: any frame on the way up that lacks the token blocks it.
        if any(sandbox is not None and token not in _tokens(sandbox) for sandbox in sandboxes):
            return "blocked"
        return "allowed" if reaches_top else "unknown"

    return FrameLimits(permission(_TABS_TOKEN), permission(_DOWNLOADS_TOKEN))


def may_download(limits: FrameLimits) -> bool:
    """Whether to try a download: not where a frame is known to drop it (Chromium would log an error)."""
    return limits.downloads != "blocked"


@dataclass(frozen=True, slots=True)
class CopyOffer:
    """Text the person copies (or shares) to do by hand what the browser couldn't: exactly the
    calendar's link, or exactly the .ics file's text."""

    text: str
    # The accessible name of the read-only field that shows the text, and the copy button's words.
    field_label: Words
    copy_label: Words
    # Offer the browser's share sheet (navigator.share, where the browser has it).
    share: bool
    # For a file: its name and type, shared as a File; "" for a link, shared as a URL.
    file_name: str = ""
    media_type: str = ""


@dataclass(frozen=True, slots=True)
class Substitute:
    """What a group says and offers instead of "opened" or "downloaded"; nothing is remembered as added."""

    said: Words
    # A link that opens url in a new tab (a click of the person's own gets past a pop-up
    # blocker, never past a sandbox); None: no link.
    link_text: Words | None
    url: str
    copy: CopyOffer | None


def tab_substitute(calendar_name: str, url: str, limits: FrameLimits, can_share: bool) -> Substitute:
    """What a group offers when the browser refused the new tab for a calendar's link."""
    calendar = words(calendar_name)
    if limits.tabs == "allowed":
        # No frame in the way: a pop-up blocker, which lets a click on a link through.
        said, link_text = tab_blocked(calendar_name)
        return Substitute(said, link_text, url, None)
    # A click is a user activation that pop-up blockers let through: in a frame that may
    # block tabs, the frame is what refused, and it refuses a link with target=_blank too.
    said = words(
        "This page is inside a frame that blocks new tabs. Copy the link to {calendar} and open it in a new tab.",
        calendar=calendar,
    )
    offer = CopyOffer(url, words("Link to {calendar}", calendar=calendar), words("Copy link"), can_share)
    return Substitute(said, None, url, offer)


def download_substitute(
    file_name: str, content: bytes, media_type: str, limits: FrameLimits, can_share: Callable[[str], bool]
) -> Substitute | None:
    """What a group offers after a download a frame may have dropped; None: known to be allowed."""
    # None: the group reports the download and the browser remembers it. That is every click
    # on a page of its own, so the file's text and the share check (the browser builds a
    # File for it) are made only past this point.
    if limits.downloads == "allowed":
        return None
    text = content.decode()
    if limits.downloads == "blocked":
        said = words(
            "This page is inside a frame that blocks downloads, so \"{file}\" wasn't saved. "
            "Copy the event into a file of that name and open it, or share it.",
            file=file_name,
        )
    else:
        # Nothing tells a page whether its download was dropped: say what to look for.
        said = words(
            "This page is inside a frame that may block downloads. If \"{file}\" didn't appear, "
            "copy the event into a file of that name and open it, or share it.",
            file=file_name,
        )
    offer = CopyOffer(
        text, words("The event as {file}", file=file_name), words("Copy event"), can_share(text), file_name, media_type
    )
    return Substitute(said, None, "", offer)


def copy_status(copied: bool) -> Words:
    """What a copy button says after a click: copied, or the text selected for the person to copy."""
    if copied:
        return words("Copied.")
    # The Clipboard API is refused in a cross-origin frame without clipboard-write: the
    # person's own copy of the selected text always works.
    return words("Selected: press Ctrl+C (Command-C on a Mac) to copy it.")
