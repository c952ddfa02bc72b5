"""The README and docs/ hold together: every relative link resolves (a file, and a heading
where it names one), every page is reachable from the README, the README stays short and
starts with its two commands, and the embed it shows is the one index.html uses."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from embed_snippets import embed_tags, readme_embed_page

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "bench" / "README.md"]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
CODE = re.compile(r"^```.*?^```$|`[^`\n]*`", re.M | re.S)
# Pages that embed calendar-links, each with the URL it is served at. The Django tag's output is
# held to the same embed in tests/django_app/test_template_tags.py.
EMBEDDING_PAGES = {"index.html": (ROOT / "index.html", "http://crm.example/")}


def links(page: Path) -> list[str]:
    """The link targets of a Markdown page, outside code."""
    return LINK.findall(CODE.sub("", page.read_text(encoding="utf-8")))


def anchor(heading: str) -> str:
    """The anchor a Markdown renderer gives a heading (GitHub's rule)."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = CODE.sub("", page.read_text(encoding="utf-8"))
    return {anchor(heading) for heading in re.findall(r"^#+ (.+)$", text, re.M)}


def relative_targets(page: Path) -> list[tuple[str, Path, str]]:
    """(link as written, the file it names, the anchor or "") for each relative link."""
    found = []
    for target in links(page):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):
            continue  # https:, mailto:
        path, _, fragment = target.partition("#")
        found.append((target, (page.parent / unquote(path)).resolve() if path else page, fragment))
    return found


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda page: str(page.relative_to(ROOT)))
def test_every_relative_link_resolves(page: Path) -> None:
    broken = [
        target
        for target, path, fragment in relative_targets(page)
        if not path.exists() or fragment and path.suffix == ".md" and fragment not in anchors(path)
    ]
    assert broken == []


def test_every_page_of_the_docs_is_reachable_from_the_readme() -> None:
    reached, queue = {README}, [README]
    while queue:
        for _, path, _ in relative_targets(queue.pop()):
            if path.suffix == ".md" and path.exists() and path not in reached:
                reached.add(path)
                queue.append(path)
    assert sorted(set(DOCS) - reached) == []


def test_the_readme_is_short_and_starts_with_its_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 200
    found = re.search(r"^```\w*\n(.*?)^```$", text, re.M | re.S)
    assert found is not None, "the README has no code block"
    first_block = found[1]
    assert [line.split("#")[0].strip() for line in first_block.splitlines()] == ["make demo", "make test"]


def test_the_readme_page_is_short() -> None:
    assert len(readme_embed_page().splitlines()) <= 15


@pytest.mark.parametrize("name", EMBEDDING_PAGES)
def test_every_page_embeds_calendar_links_as_the_readme_does(name: str) -> None:
    path, url = EMBEDDING_PAGES[name]
    # The README's page is served from anywhere on a site with the bundle at /static/.
    expected = embed_tags(readme_embed_page(), "http://crm.example/contacts/42")
    assert [tag for tag, _ in expected] == ["link", "script"]
    assert embed_tags(path.read_text(encoding="utf-8"), url) == expected
