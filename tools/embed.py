"""How a page embeds calendar-links: the two tags of the README, and the older PyScript snippet
that pages made for earlier versions still use (docs/page-contract.md), as index.html (at the
project's root, beside static/) writes them."""

from __future__ import annotations

EMBED_MODULE = '<script type="module" src="static/calendar-links.mjs"></script>'
OLDER_SNIPPET = """<script type="module" src="static/vendor/pyscript/core.js"></script>
  <script type="py" config="pyscript.toml">import calendar_links_app; calendar_links_app.start()</script>"""


def with_older_snippet(index_html: str) -> str:
    """index.html embedding calendar-links through PyScript instead of the embed module."""
    if EMBED_MODULE not in index_html:
        raise ValueError(f"index.html no longer embeds calendar-links with {EMBED_MODULE}")
    return index_html.replace(EMBED_MODULE, OLDER_SNIPPET)
