"""Shared fixtures: one strict build of the real site, served over HTTP.

The site is built once per session with `mkdocs build --strict`, under a
sub-path (as GitHub Pages serves a project site), into a temporary folder,
with `site_url` set to the local server that then serves it: canonical and
alternate URLs are absolute, so they must point where the browser is. Like
the Pages workflow, it names a repository, so every page has a report link,
and a contact address, so every page offers an e-mail beside it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).with_name("mkdocs")
SUBPATH = "teacup-5"


@dataclass
class Build:
    """The result of one `mkdocs build` run."""

    returncode: int
    log: str
    site: Path


def run_mkdocs(
    project: Path, site: Path, site_url: str = "https://example.org/teacup-5/", **env: str
) -> Build:
    """Build `project` strictly into `site` and return what happened."""
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


@pytest.fixture(scope="session")
def httpd(tmp_path_factory):
    """A local web server for the folder above the site (the site is at /teacup-5/)."""
    www = tmp_path_factory.mktemp("www")
    handler = functools.partial(QuietHandler, directory=str(www))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.www = www
    server.url = f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


# What the Pages workflow passes as SITE_REPOSITORY: pages link to its issue form;
# and as SITE_CONTACT, when the repository variable is set.
REPOSITORY = "https://github.com/example/teacup-5"
CONTACT = "reports@example.org"


@pytest.fixture(scope="session")
def build(httpd) -> Build:
    return run_mkdocs(
        ROOT,
        httpd.www / SUBPATH,
        site_url=httpd.url,
        SITE_REPOSITORY=REPOSITORY,
        SITE_CONTACT=CONTACT,
    )


@pytest.fixture(scope="session")
def site(build: Build) -> Path:
    if build.returncode:
        pytest.fail(f"mkdocs build --strict failed:\n{build.log}")
    return build.site


@pytest.fixture(scope="session")
def site_url(httpd, site) -> str:
    """The built site's URL, being served."""
    return httpd.url


@pytest.fixture(scope="session")
def pages(site: Path) -> dict[str, str]:
    """Every built HTML page, keyed by its path relative to the site."""
    return {
        str(path.relative_to(site)): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project to break on purpose (bad-input fixtures)."""
    copy = tmp_path / "project"
    for name in ("mkdocs.yml", "docs", "overrides", "includes", "data"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
        else:
            copy.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser).

    Playwright gives every launch a fresh, temporary --user-data-dir.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A tab in a fresh context that records console errors and page errors."""
    context = browser.new_context()
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda m: m.type == "error" and tab.errors.append(m.text))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    yield tab
    context.close()
