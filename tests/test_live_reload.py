"""`mkdocs serve` rebuilds and reloads the open page when any input changes.

A copy of the project is served on a free port; the test opens a page in
Chromium, edits one input file and waits for the page to reload by itself
and show the change (MkDocs' live-reload script, which the CSP must let run).
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

import pytest
from conftest import MKDOCS

# (file, text to replace, replacement, selector that then matches on the home page)
CHANGES = {
    "data": (
        "data/registry.yml",
        "en: FISIPOL UGM news article\n",
        "en: Probe label\n",
        "sup.cite a[title^='A: Probe label']",
    ),
    "includes": (
        "includes/abbreviations.md",
        "*[CCB]: cybersecurity capacity building\n",
        "*[CCB]: probe expansion\n",
        "abbr[title='probe expansion']",
    ),
    "overrides": (
        "overrides/main.html",
        '<meta name="referrer"',
        '<meta name="live-reload-probe" content="1">\n  <meta name="referrer"',
        "meta[name=live-reload-probe]",
    ),
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(project, tmp_path):
    """`mkdocs serve` of the project copy; yields its URL, always stops it."""
    url = f"http://127.0.0.1:{free_port()}/"
    with open(tmp_path / "serve.log", "w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [str(MKDOCS), "serve", "--strict", "--dev-addr", url[7:-1]],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                assert server.poll() is None, (tmp_path / "serve.log").read_text()
                assert time.monotonic() < deadline, "mkdocs serve did not start in 120 s"
                try:
                    urllib.request.urlopen(url, timeout=5).close()
                    break
                except OSError:
                    time.sleep(0.5)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


@pytest.mark.parametrize("folder", list(CHANGES))
def test_the_open_page_reloads_when_an_input_changes(served, project, page, folder):
    name, old, new, changed = CHANGES[folder]
    page.goto(served)
    assert page.locator(changed).count() == 0
    path = project / name
    source = path.read_text(encoding="utf-8")
    assert old in source
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    # No reload from here: the page's own live-reload script must fetch the new build.
    page.wait_for_selector(changed, state="attached", timeout=60_000)
    assert page.errors == []
