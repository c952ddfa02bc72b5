"""What calendar-links asks of the browser: open a tab, download a file, read and write storage,
and the facts the core needs about this browser (zone, date order, clock, page URL)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any


from calendar_links_page.interop import JS_NULL, dom, js, js_bytes, js_object, present
from calendar_links_core.date_names import DateLanguage, date_language_from_intl
from calendar_links_core.frames import FrameLimits, frame_limits

__all__ = [
    "browser_date_parts",
    "can_share",
    "copy_offer",
    "frames",
    "offer_text",
    "date_language",
    "browser_time_zone",
    "download_file",
    "now",
    "open_tab",
    "page_url",
    "share_offer",
    "base_url",
    "stored_text",
    "store_text",
    "storage_blocked",
]

# Revoking the object URL in the same task can cancel the download in some browsers.
_REVOKE_AFTER_MS = 10_000


def open_tab(url: str) -> bool:
    """Open a URL in a new tab; False when the browser refused it (a pop-up blocker, a sandbox).

    Must run synchronously inside the click, or pop-up blockers object.
    """
    # With "noopener" (or "noreferrer") window.open returns null even when the tab opens, so
    # a blocked tab couldn't be told apart: the tab opens without it, then forgets its opener
    # (no handle back to the CRM page). The browser's default referrer policy sends the
    # calendar at most this page's origin, never the record's path.
    try:
        tab = present(js.window.open(url, "_blank"))
    except Exception:  # noqa: BLE001 - Firefox throws in a frame without allow-popups, where others give null
        return False
    if tab is None:
        return False
    tab.opener = JS_NULL
    return True


def download_file(content: bytes, file_name: str, media_type: str) -> None:
    """Save bytes as a file through a Blob and a temporary link."""
    blob = js.Blob.new(
        js.Array.of(js_bytes(content)), js_object({"type": media_type})
    )
    url = js.URL.createObjectURL(blob)
    link = dom.createElement("a")
    link.href = url
    link.download = file_name
    link.hidden = True
    dom.pageBody().append(link)
    link.click()
    link.remove()
    # A bound JS function, so no Python proxy is left waiting on the timer.
    js.setTimeout(js.URL.revokeObjectURL.bind(js.URL, url), _REVOKE_AFTER_MS)


def frames() -> FrameLimits:
    """What the frames around the page allow: new tabs, downloads (read at each click: a host
    may move its frame)."""
    found = dom.frameSandboxes().to_py()
    return frame_limits([present(sandbox) for sandbox in found["sandboxes"]], bool(found["reachesTop"]))


def can_share(text: str, file_name: str = "", media_type: str = "") -> bool:
    """Whether the browser's share sheet takes this text here: a file (file_name) or a link."""
    return bool(dom.canShare(text, file_name, media_type))


def offer_text(offer: Any, text: str) -> None:
    """Show text in an offer's field and keep it exactly (a textarea would turn CRLF into LF)."""
    dom.offerText(offer, text)


def copy_offer(button: Any, copied_text: str, selected_text: str) -> None:
    """Copy the text offered beside button, saying copied_text; where the clipboard is refused,
    select it for the person to copy, saying selected_text."""
    dom.copyOffer(button, copied_text, selected_text)


def share_offer(button: Any, file_name: str, media_type: str, selected_text: str) -> None:
    """Hand the text offered beside button to the share sheet (a File when file_name is given)."""
    dom.shareOffer(button, file_name, media_type, selected_text)


def stored_text(key: str) -> str | None:
    """A localStorage value, or None when absent or when storage refuses access (private modes)."""
    try:
        value = js.localStorage.getItem(key)
    except Exception:  # noqa: BLE001 - any refusal means "no stored value"
        return None
    value = present(value)
    return None if value is None else str(value)


def store_text(key: str, value: str) -> bool:
    """Write a localStorage value; False when storage refuses (full, or blocked)."""
    try:
        js.localStorage.setItem(key, value)
    except Exception:  # noqa: BLE001 - the caller tells the person it wasn't saved
        return False
    return True


def storage_blocked() -> bool:
    """Whether the page may not use localStorage at all (rather than finding it full)."""
    try:
        js.localStorage.getItem("calendar-links:integrations")
    except Exception:  # noqa: BLE001 - any refusal means blocked
        return True
    return False


def browser_time_zone() -> str:
    """The IANA zone the browser runs in."""
    return str(js.Intl.DateTimeFormat.new().resolvedOptions().timeZone or "UTC")


def browser_date_parts() -> list[str]:
    """The types of the parts of the browser locale's short date, in their order (the core's
    date_order_from_locale reads the order from them)."""
    parts = js.Intl.DateTimeFormat.new().formatToParts(js.Date.new(2026, 11, 1))
    return [str(part.type) for part in parts]


def date_language(tag: str, fallback_order: str) -> DateLanguage | None:
    """The date words of a page language from the browser's locale data ("" for the browser's own)."""
    # An object converted in one call, not JSON text: the host may have replaced JSON.
    found = present(dom.dateLanguage(tag))
    answer = found.to_py() if found is not None else None
    return date_language_from_intl(answer, fallback_order) if isinstance(answer, dict) else None


def page_url() -> str:
    """The address of the page, the default link back to the record."""
    return str(js.location.href)


def base_url() -> str:
    """The URL the page's relative links resolve against (a <base href> moves it)."""
    return str(js.document.baseURI)


def now() -> datetime:
    """The current instant, from the browser's clock."""
    return datetime.now(timezone.utc)
