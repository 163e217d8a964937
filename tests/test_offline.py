"""The offline edition works opened from disk (file://), search included."""

from __future__ import annotations

import pytest
from conftest import ROOT, run_mkdocs


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    build = run_mkdocs(ROOT, tmp_path_factory.mktemp("offline") / "site", OFFLINE="true")
    assert build.returncode == 0, build.log
    return build.site


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("index.html", "Japan", "talk/comparison.html"),
        ("id/talk/comparison.html", "Jepang", "id/talk/comparison.html"),
    ],
)
def test_offline_pages_render_and_search_from_disk(browser, offline_site, path, query, expected):
    context = browser.new_context()
    page = context.new_page()
    errors, requests = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto((offline_site / path).as_uri())
    assert page.locator("article h1").inner_text()
    page.keyboard.press("/")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    results = page.eval_on_selector_all(".md-search-result__item > a", "a => a.map(x => x.href)")
    context.close()
    assert any(url.split("?")[0].endswith(expected) for url in results), results
    if path.startswith("id/"):
        assert all("/id/" in url for url in results), results
    assert [url for url in requests if not url.startswith(("file:", "data:", "about:"))] == []
    assert errors == []
