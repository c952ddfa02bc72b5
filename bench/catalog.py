"""What the benchmark loads: the fixed bench pages, and the variants of index.html and
many-field pages it generates and serves from memory."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from embed import EMBED_MODULE, with_older_snippet
from hashed_names import manifest, web_constant

ROOT = Path(__file__).resolve().parent.parent
BENCH_PAGES = ROOT / "bench" / "pages"
FIELDS_PER_RECORD = 10
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "python_stdlib-lazy.zip",
    "pyodide-lock.json",
)
# The built files by source name (tools/hashed_names.py): the snapshot's parts and the rest.
BUILT = manifest()
SNAPSHOT_PARTS = tuple(sorted(Path(name).name for name in BUILT if Path(name).name.startswith("snapshot-")))
ARCHIVE_FILE = "calendar-links.zip"
# What a start from the snapshot downloads instead of the full archive (tools/make_snapshot.mjs).
LAZY_ARCHIVE_FILE = "calendar-links-lazy.zip"


# Pages with more fields than this get groups only near the view (web/calendar-links-long-pages.mjs).
WATCHED_FROM = int(web_constant("calendar-links-long-pages.mjs", "WINDOW_FROM"))


@dataclass(frozen=True)
class BenchPage:
    """A page to load: its name in the tables, its path, and what to expect of it."""

    name: str
    path: str
    has_buttons: bool
    checks_values: bool = True  # the app checks every value after ready; plain JavaScript doesn't
    near_view_only: bool = False  # groups (and checks) only for the fields near the view


# The demo as pages made for earlier versions embed it: PyScript's tags (OLDER_SNIPPET).
APP = BenchPage("app", "/bench-app-pyscript.html", has_buttons=True)
APP_NO_SNAPSHOT = BenchPage("app without snapshot", "/bench-app-no-snapshot.html", has_buttons=True)
BARE_PYODIDE = BenchPage("bare Pyodide", "/bench/pages/bare-pyodide.html", has_buttons=False)
BARE_SNAPSHOT = BenchPage("bare snapshot restore", "/bench/pages/bare-snapshot.html", has_buttons=False)
PLAIN_JS = BenchPage("plain JavaScript", "/bench-plain-js.html", has_buttons=True)
APP_PRELOAD = BenchPage("app with preload hints", "/bench-app-preload.html", has_buttons=True)
# The demo as the README embeds calendar-links: the stylesheet and one module, no PyScript tags.
APP_EMBED = BenchPage("app, the README's two tags", "/bench-app-two-tags.html", has_buttons=True)
# A record page with no marketplace panel and no hint, visited with no calendar on: standby.
RECORD_STANDBY = BenchPage("record page, no calendar on", "/bench-record-standby.html", has_buttons=False)
APP_PERSISTENT = BenchPage("app, persistent profile", APP.path, has_buttons=True)
# A page of the bench's origin with nothing on it: where section 9 turns calendars on, and
# where each of its visits starts from.
BLANK_PAGE = "/bench-blank.html"
START_PAGES = (APP, APP_EMBED, APP_PRELOAD, APP_NO_SNAPSHOT, BARE_PYODIDE, BARE_SNAPSHOT, PLAIN_JS)
# The optional hints of the README ("Serving in production") that start the runtime's big
# downloads with the page instead of after PyScript's chain of module imports.
PRELOAD_HINTS = "".join(
    f'\n  <link rel="{rel}" href="static/{BUILT[name]}"{extra}>'
    for rel, name, extra in (
        ("modulepreload", "calendar-links-runtime.mjs", ""),
        *(("preload", f"vendor/pyodide/{part}", ' as="fetch" crossorigin') for part in SNAPSHOT_PARTS),
        ("preload", "vendor/pyodide/pyodide.asm.wasm", ' as="fetch" crossorigin'),
        ("preload", "vendor/pyodide/python_stdlib-lazy.zip", ' as="fetch" crossorigin'),
        ("preload", "vendor/calendar-links-lazy.zip", ' as="fetch" crossorigin'),
        ("modulepreload", "vendor/pyodide/pyodide.mjs", ""),
        ("modulepreload", "vendor/pyodide/pyodide.asm.mjs", ""),
    )
)
HEAP_PAGES = (APP, APP_NO_SNAPSHOT, PLAIN_JS)


def fields_page(count: int, *, plain_js: bool = False) -> BenchPage:
    if plain_js:
        return BenchPage(f"{count:,} fields, plain JavaScript", f"/bench-fields-js-{count}.html", True, checks_values=False)
    return BenchPage(f"{count:,} fields", f"/bench-fields-{count}.html", True, near_view_only=count > WATCHED_FROM)


def embed_tags(index_html: str) -> dict[str, str]:
    """The tags of index.html the variants reuse: the icon and the three calendar-links tags."""
    patterns = {
        "icon": r'<link rel="icon"[^>]*>',
        "stylesheet": r'<link rel="stylesheet" href="static/calendar-links\.css">',
        "core": r'<script type="module" src="static/vendor/pyscript/core\.js"></script>',
        "python": r'<script type="py"[^>]*>.*?</script>',
    }
    tags = {}
    for name, pattern in patterns.items():
        found = re.search(pattern, index_html, re.DOTALL)
        if found is None:
            raise SystemExit(f"index.html no longer has the {name} tag the benchmark reuses ({pattern})")
        tags[name] = found.group(0)
    return tags


def with_preload_hints(index_html: str) -> str:
    """index.html with the preload hints right after its calendar-links tags."""
    python_tag = embed_tags(index_html)["python"]
    return index_html.replace(python_tag, python_tag + PRELOAD_HINTS)


def with_two_tags(index_html: str) -> str:
    """index.html embedding calendar-links as the README does: PyScript's two tags replaced by
    the embed module."""
    tags = embed_tags(index_html)
    return index_html.replace(tags["core"], EMBED_MODULE).replace(tags["python"], "")


def standby_record_html(index_html: str) -> str:
    """A record page with the README's two tags and nothing that needs Python without a calendar."""
    tags = embed_tags(index_html)
    module = EMBED_MODULE
    return (
        '<!doctype html>\n<html lang="en" data-calendar-links-state="loading">\n<head>\n<meta charset="utf-8">\n'
        f'<title>Bench: a record</title>\n{tags["icon"]}\n{tags["stylesheet"]}\n{module}\n</head>\n<body>\n'
        '<article data-calendar-record data-record-id="R-1" data-record-name="Ada Lovelace">\n'
        '<span data-calendar-field="birthday" data-field-type="date" data-value="2026-12-10">10 December 2026</span>\n'
        "</article>\n</body>\n</html>\n"
    )


def no_snapshot_index(index_html: str, config_path: str) -> str:
    """index.html, its PyScript config replaced by one that starts without the snapshot."""
    python_tag = embed_tags(index_html)["python"]
    if 'config="pyscript.toml"' not in python_tag:
        raise SystemExit('index.html\'s <script type="py"> no longer reads config="pyscript.toml"')
    return index_html.replace(python_tag, python_tag.replace('config="pyscript.toml"', f'config="{config_path}"'))


def no_snapshot_config(pyscript_toml: str) -> str:
    """pyscript.toml, its interpreter module asked to start the normal way (`?snapshot=off`)."""
    settings = tomllib.loads(pyscript_toml)
    settings["interpreter"] += "?snapshot=off"
    return "".join(f"{key} = {json.dumps(value)}\n" for key, value in settings.items())


def plain_js_index(index_html: str) -> str:
    """index.html without PyScript, plus a small JS module that adds the same button markup."""
    tags = embed_tags(index_html)
    page = index_html.replace(tags["core"], "").replace(tags["python"], "")
    crm = '<script type="module" src="static/demo/crm.js"></script>'
    if crm not in page:
        raise SystemExit(f"index.html no longer loads the demo CRM with {crm}")
    # After crm.js: module scripts run in document order, so the record is rendered by then.
    return page.replace(crm, crm + '\n  <script type="module" src="bench/pages/plain-buttons.mjs"></script>')


def many_fields_html(count: int, index_html: str, *, plain_js: bool = False) -> str:
    """A page of `count` date fields (data-value) in records of ten, with the real app embedded
    as the README embeds it, or (plain_js) with the plain-JavaScript buttons instead.

    The last field holds an impossible date: values are checked in document order after the
    buttons are in place, so that field's message marks the end of the checks.
    """
    tags = embed_tags(index_html)
    record_count = -(-count // FIELDS_PER_RECORD)
    records = []
    for record in range(record_count):
        fields = []
        for slot in range(min(FIELDS_PER_RECORD, count - record * FIELDS_PER_RECORD)):
            number = record * FIELDS_PER_RECORD + slot
            value = "2027-02-31" if number == count - 1 else f"2026-{1 + number % 12:02d}-{1 + number % 28:02d}"
            fields.append(
                f'<div><dt>Date {slot + 1}</dt><dd><span data-calendar-field="date-{slot + 1}" '
                f'data-field-type="date" data-field-label="Date {slot + 1}" data-value="{value}">'
                f"{value}</span></dd></div>"
            )
        marker = " data-bench-last-record" if record == record_count - 1 else ""
        records.append(
            f'<article data-calendar-record data-record-id="R-{record + 1}" data-record-type="Contact" '
            f'data-record-name="Contact {record + 1}" data-time-zone="Europe/London"{marker}>'
            f"<h2>Contact {record + 1}</h2><dl>{''.join(fields)}</dl></article>"
        )
    scripts = (
        ['<script type="module" src="bench/pages/plain-buttons.mjs"></script>']
        if plain_js
        else [tags["core"], tags["python"]]
    )
    head = "\n".join([tags["icon"], tags["stylesheet"], *scripts])
    return (
        '<!doctype html>\n<html lang="en" data-calendar-links-state="loading">\n<head>\n'
        f'<meta charset="utf-8">\n<title>Bench: {count:,} fields</title>\n{head}\n'
        "</head>\n<body>\n<main>\n" + "\n".join(records) + "\n</main>\n</body>\n</html>\n"
    )


def generated_pages(field_counts: Sequence[int]) -> dict[str, tuple[str, bytes]]:
    """Every page the benchmark serves from memory: path -> (content type, body)."""
    # index.html embeds calendar-links with the README's two tags; "app" and the variants that
    # change PyScript's start are the demo as pages of earlier versions embed it.
    index_html = with_older_snippet((ROOT / "index.html").read_text(encoding="utf-8"))
    pyscript_toml = (ROOT / "pyscript.toml").read_text(encoding="utf-8")
    html = "text/html; charset=utf-8"
    pages = {
        "/bench-no-snapshot.toml": ("text/plain; charset=utf-8", no_snapshot_config(pyscript_toml).encode()),
        APP.path: (html, index_html.encode()),
        APP_NO_SNAPSHOT.path: (html, no_snapshot_index(index_html, "bench-no-snapshot.toml").encode()),
        PLAIN_JS.path: (html, plain_js_index(index_html).encode()),
        APP_PRELOAD.path: (html, with_preload_hints(index_html).encode()),
        APP_EMBED.path: (html, with_two_tags(index_html).encode()),
        RECORD_STANDBY.path: (html, standby_record_html(index_html).encode()),
        BLANK_PAGE: (html, b'<!doctype html><html lang="en"><meta charset="utf-8"><title>Bench: blank</title></html>'),
    }
    for count in field_counts:
        pages[fields_page(count).path] = (html, many_fields_html(count, index_html).encode())
        pages[fields_page(count, plain_js=True).path] = (html, many_fields_html(count, index_html, plain_js=True).encode())
    return pages

