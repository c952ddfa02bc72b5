"""The embed as the README shows it, and the tags any page uses to embed calendar-links, so
tests can hold the README, index.html and the packages to one embed."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
EMBED_HEADING = "## Embed on your page"


def readme_embed_page() -> str:
    """The page of the README's "Embed on a page" section: its first HTML code block."""
    section = README.read_text(encoding="utf-8").split(f"\n{EMBED_HEADING}\n", 1)[1]
    found = re.search(r"^```html\n(.*?)^```$", section, re.M | re.S)
    assert found, f"the README's {EMBED_HEADING!r} section has no HTML block"
    return found[1]


def readme_xhtml_loader() -> str:
    """The classic script the README gives for pages served as XHTML: its HTML block that imports."""
    section = README.read_text(encoding="utf-8").split(f"\n{EMBED_HEADING}\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```html\n(.*?)^```$", section, re.M | re.S)
    loaders = [str(block).strip() for block in blocks if "import(" in block]
    assert len(loaders) == 1, f"the README's {EMBED_HEADING!r} section gives no one classic loader"
    return loaders[0]


class EmbedTagParser(HTMLParser):
    """Collects the tags that embed calendar-links: our stylesheet and modules, and the older
    snippet's PyScript module and Python script."""

    def __init__(self, page_url: str) -> None:
        super().__init__()
        self.page_url = page_url
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {name: value or "" for name, value in attrs}
        url = named.get("href" if tag == "link" else "src", "")
        ours = PurePosixPath(urlsplit(url).path).name.startswith("calendar-links") or "/pyscript/" in url
        if tag == "script" and named.get("type") == "py":
            self.tags.append(("script type=py", named.get("config", "")))
        elif url and ours and (tag == "script" or named.get("rel") == "stylesheet"):
            self.tags.append((tag, urljoin(self.page_url, url)))


def embed_tags(html: str, page_url: str) -> list[tuple[str, str]]:
    """The embed tags of a page, each as (tag, URL resolved against the page's URL)."""
    parser = EmbedTagParser(page_url)
    parser.feed(html)
    return parser.tags
