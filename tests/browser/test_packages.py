"""End-to-end: the npm package and the static archive, installed as a new host would.

Each package is built from the current static/ (tools/pack_static.py, as `make dist` does),
put into a fresh folder (a plain static site, or a minimal Vite project built with the Vite
its lock file pins), served on 127.0.0.1 with the README's page; a person turns on Google
Calendar in the panel and gets the record's event.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tarfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import READY, PageWatch
from embed_snippets import readme_embed_page
from bundle import project
from pack_static import npm_tarball, static_archive
from playwright.sync_api import BrowserContext, Page
from serve import make_server

ROOT = Path(__file__).resolve().parents[2]
VITE_HOST = ROOT / "tests" / "browser" / "vite_host"
# The folder the README's page serves the bundle from.
README_FOLDER = "/static/"
# The script docs/npm-package.md gives a Vite project, read from there.
_SCRIPTS = re.search(r'^"scripts": (\{.*\})$', (ROOT / "docs" / "npm-package.md").read_text(encoding="utf-8"), re.M)
assert _SCRIPTS is not None, "docs/npm-package.md gives no scripts"
POSTINSTALL = json.loads(_SCRIPTS[1])["postinstall"]


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    built = tmp_path_factory.mktemp("dist")
    version = project()["version"]
    return {
        "npm": npm_tarball(version, built, staging=tmp_path_factory.mktemp("staging") / "package"),
        "archive": static_archive(version, built),
    }


@pytest.fixture
def serve_folder() -> Iterator[Callable[[Path], str]]:
    servers = []

    def serve(folder: Path) -> str:
        server = make_server(0, folder)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield serve
    for server in servers:
        server.shutdown()


def npm(folder: Path, *args: str) -> None:
    # --offline: the package has no dependencies, and nothing may reach the registry here.
    subprocess.run(["npm", *args, "--offline", "--no-audit", "--no-fund"], cwd=folder, check=True, capture_output=True)


def assert_the_event_arrives(context: BrowserContext, watch: PageWatch, page: Page, url: str) -> None:
    """A new user's first minutes: open the page, turn on Google Calendar, add the date."""
    page.goto(url)
    page.get_by_role("switch", name="Use Google Calendar").click()
    page.wait_for_selector(READY, state="attached")
    with context.expect_page() as new_tab:
        page.locator('[data-calendar-for="close"] [data-calendar-provider="google"]').click()
    new_tab.value.close()
    query = parse_qs(urlsplit(watch.provider_urls[-1]).query)
    assert query["dates"] == ["20260605/20260606"]
    assert "ACME renewal" in query["text"][0]


def test_the_static_archive_in_a_fresh_site(
    packages: dict[str, Path], serve_folder: Callable[[Path], str], context: BrowserContext, watch: PageWatch, page: Page, tmp_path: Path
) -> None:
    with tarfile.open(packages["archive"]) as archive:
        archive.extractall(tmp_path, filter="data")
    [unpacked] = tmp_path.iterdir()
    assert unpacked.name == packages["archive"].name.removesuffix(".tar.gz")
    site = tmp_path / "site"
    site.mkdir()
    unpacked.rename(site / README_FOLDER.strip("/"))
    (site / "index.html").write_text(readme_embed_page(), encoding="utf-8")
    assert {"LICENSE", "THIRD_PARTY_LICENSES"} <= {path.name for path in (site / "static").iterdir()}
    assert_the_event_arrives(context, watch, page, serve_folder(site))


def test_the_npm_package_in_a_fresh_static_site(
    packages: dict[str, Path], serve_folder: Callable[[Path], str], context: BrowserContext, watch: PageWatch, page: Page, tmp_path: Path
) -> None:
    (tmp_path / "package.json").write_text('{"private": true}\n')
    npm(tmp_path, "install", str(packages["npm"]))
    installed = tmp_path / "node_modules" / "calendar-links"
    resolved = subprocess.run(
        ["node", "--input-type=module", "-e", "console.log(import.meta.resolve('calendar-links'))"],
        cwd=tmp_path, check=True, capture_output=True, text=True,
    ).stdout.strip()
    assert resolved == (installed / "static" / "calendar-links.mjs").as_uri()
    assert json.loads((installed / "package.json").read_text())["license"] == "MIT"
    site = tmp_path / "site"
    shutil.copytree(installed / "static", site / README_FOLDER.strip("/"))
    (site / "index.html").write_text(readme_embed_page(), encoding="utf-8")
    assert_the_event_arrives(context, watch, page, serve_folder(site))


def test_the_npm_package_in_a_vite_project(
    packages: dict[str, Path], serve_folder: Callable[[Path], str], context: BrowserContext, watch: PageWatch, page: Page, tmp_path: Path
) -> None:
    project_dir = tmp_path / "crm"
    shutil.copytree(VITE_HOST, project_dir, symlinks=True)
    # The Vite way of the package's README: a postinstall script copies the files into public/
    # at every `npm install` (npm runs it for a plain install, not for `npm install PACKAGE`).
    manifest = json.loads((project_dir / "package.json").read_text())
    manifest["scripts"] = {"postinstall": POSTINSTALL}
    (project_dir / "package.json").write_text(json.dumps(manifest, indent=2))
    (project_dir / "public").mkdir()
    (project_dir / "index.html").write_text(readme_embed_page().replace(README_FOLDER, "/calendar-links/"))
    npm(project_dir, "install", str(packages["npm"]))
    npm(project_dir, "install")
    build = subprocess.run(["node", "node_modules/vite/bin/vite.js", "build"], cwd=project_dir, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    built = project_dir / "dist"
    assert (built / "calendar-links" / "vendor").is_dir()
    assert '<script type="module" src="/calendar-links/calendar-links.mjs">' in (built / "index.html").read_text()
    assert_the_event_arrives(context, watch, page, serve_folder(built))


def vite_build(project_dir: Path, page: str) -> subprocess.CompletedProcess[str]:
    """`vite build` of a copy of the minimal Vite project whose index.html is `page`."""
    shutil.copytree(VITE_HOST, project_dir, symlinks=True)
    (project_dir / "index.html").write_text(page, encoding="utf-8")
    return subprocess.run(["node", "node_modules/vite/bin/vite.js", "build"], cwd=project_dir, capture_output=True, text=True)


def test_vite_stops_at_the_two_tags_unless_told_to_leave_them(tmp_path: Path) -> None:
    """What docs/npm-package.md says of Vite when the files are not in public/."""
    stopped = vite_build(tmp_path / "plain", readme_embed_page())
    assert stopped.returncode != 0 and "Failed to resolve /static/calendar-links.mjs" in stopped.stderr
    marked = readme_embed_page().replace('.css">', '.css" vite-ignore>').replace('.mjs">', '.mjs" vite-ignore>')
    built = vite_build(tmp_path / "marked", marked)
    assert built.returncode == 0, built.stderr
    html = (tmp_path / "marked" / "dist" / "index.html").read_text()
    assert '<link rel="stylesheet" href="/static/calendar-links.css" >' in html
    assert '<script type="module" src="/static/calendar-links.mjs" ></script>' in html
