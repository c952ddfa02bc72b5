"""The record's link and the event's UID: data-record-url checked as a browser reads it and
resolved against the page, written as an RFC 3986 URI for iCalendar, and a UID that stays the
same for a record and field whatever their date or text.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Final
from urllib.parse import quote, urljoin, urlsplit

from calendar_links_core.snapshots import FieldAttributes, PageContext, RecordAttributes
from calendar_links_core.text import is_given, kept_when_short

__all__ = [
    "UID_DOMAIN",
    "event_uid",
    "record_link",
    "record_uri",
    "web_url",
]


UID_DOMAIN: Final = "calendar-links"
_WEB_SCHEMES: Final = ("http", "https")


_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# What the WHATWG URL parser trims from both ends: C0 controls and space.
_URL_TRIMMED: Final = "".join(chr(code) for code in range(0x21))
# ASCII that may not appear in a URI (RFC 3986 section 2); a browser
# percent-encodes it when it follows the link, and so do we.
_URI_UNSAFE: Final = re.compile(r'[\x00-\x20"<>\\^`{|}\x7f]')


def record_link(raw: str | None, page_url: str, base_url: str = "") -> str:
    """The record's absolute http(s) link: data-record-url resolved against the page, else the page, else ""."""
    # Resolved against the page's base URL (base_url, else page_url).
    # The raw attribute is checked the way the WHATWG URL parser reads it:
    # surrounding C0 controls and spaces trimmed, tabs and line breaks removed,
    # backslashes taken for slashes (so "\\host" and "/\\host" are the
    # protocol-relative "//host"). Anything but http: and https: (javascript:,
    # data:, vbscript:, mailto:, in any letter case) is refused, and so is
    # "//host", as the page contract says. A refused or absent link gives the
    # page's own URL; a page that is not on http(s) (file:) gives no link.
    # A relative link resolves as the page's own links do: against document.baseURI, which
    # a <base href> moves away from the page's URL.
    page = web_url(page_url)
    if raw is None:
        return page
    cleaned = re.sub(r"[\t\n\r]", "", raw.strip(_URL_TRIMMED)).replace("\\", "/")
    if not cleaned or cleaned.startswith("//"):
        return page
    if _SCHEME.match(cleaned):
        return web_url(cleaned) or page
    base = web_url(base_url) or page
    if not base:
        return ""
    return web_url(urljoin(base, cleaned)) or page


@kept_when_short
def web_url(url: str) -> str:
    """url with unsafe ASCII percent-encoded if it is an absolute http(s) URL with a host, else ""."""
    try:
        parts = urlsplit(url)
        port_is_valid = parts.port is None or parts.port > 0
    except ValueError:
        return ""
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.hostname or not port_is_valid:
        return ""
    return _URI_UNSAFE.sub(lambda unsafe: quote(unsafe.group()), url)


# RFC 3986 section 2.2 reserved and 2.3 unreserved characters, and "%" for
# escapes already there: everything else is percent-encoded as UTF-8.
_URI_KEPT: Final = ":/?#[]@!$&'()*+,;=-._~%"


def record_uri(link: str) -> str:
    """link as an RFC 3986 URI: the host in punycode (IDNA), every other non-ASCII character percent-encoded as UTF-8."""
    # The iCalendar URL property is a URI (RFC 5545 section 3.3.13); the
    # description keeps the readable link, which calendars show as text.
    if not link or link.isascii():
        return link
    parts = urlsplit(link)
    host = parts.hostname or ""
    try:
        ascii_host = ".".join(
            label.encode("idna").decode("ascii") if not label.isascii() else label for label in host.split(".")
        )
    except UnicodeError:
        # Not a name IDNA 2003 can write (an emoji, a label over 63
        # octets): percent-encoded, as RFC 3986 section 3.2.2 allows.
        ascii_host = quote(host, safe=_URI_KEPT)
    if ":" in host:
        # An IPv6 literal keeps its brackets (RFC 3986 section 3.2.2).
        ascii_host = f"[{host}]"
    userinfo, at, _ = parts.netloc.rpartition("@")
    port = f":{parts.port}" if parts.port is not None else ""
    uri = f"{parts.scheme}://{quote(userinfo, safe=_URI_KEPT)}{at}{ascii_host}{port}"
    uri += quote(parts.path, safe=_URI_KEPT)
    if "?" in link.split("#", 1)[0]:
        uri += f"?{quote(parts.query, safe=_URI_KEPT)}"
    if "#" in link:
        uri += f"#{quote(parts.fragment, safe=_URI_KEPT)}"
    return uri


def event_uid(record: RecordAttributes, field: FieldAttributes, page: PageContext) -> str:
    """The UID shared by every download for this record and field, whatever its date or text."""
    # A hash of the record's origin, its data-record-id (else its absolute
    # link, else the page URL) and the field key. Outlook matches a new
    # download to the event it has by UID and keeps the higher SEQUENCE; a
    # random or content-hashed UID would add a duplicate instead.
    link = record_link(record.url, page.page_url, page.base_url) or page.page_url
    identity = f"id:{record.record_id.strip()}" if is_given(record.record_id) else f"url:{link}"
    source = json.dumps([_origin(link), identity, field.key], ensure_ascii=False)
    # 128 bits, as many as a UUID; the UID line stays under the 75-octet fold.
    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def _origin(url: str) -> str:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        # Not a URL a browser would report (a bad port or IPv6 host): the
        # text itself stands in for its origin.
        return url
    default_port = {"http": 80, "https": 443}.get(parts.scheme.lower())
    suffix = "" if port is None or port == default_port else f":{port}"
    return f"{parts.scheme.lower()}://{(parts.hostname or '')}{suffix}"
