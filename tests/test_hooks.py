"""Unit tests of the build hooks, called directly on small inputs."""

from __future__ import annotations

import importlib.util
import json
from types import SimpleNamespace

import pytest
from helpers import ROOT, registry
from mkdocs.exceptions import PluginError


def hook(name: str):
    """Import overrides/hooks/<name>.py the way MkDocs does: by file path."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "overrides/hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


front_matter = hook("front_matter")
translations = hook("translations")
citations = hook("citations")
references = hook("references")
registry_hook = hook("registry")
csp = hook("csp")
markup = hook("markup")
search_split = hook("search_split")
abbreviations = hook("abbreviations")
css_bundle = hook("css_bundle")
search_lazy = hook("search_lazy")
favicon = hook("favicon")

SOURCES = registry()["sources"]


def test_front_matter_needs_title_and_short_description():
    assert front_matter.problems({"title": "T", "description": "One sentence."}) == []
    found = front_matter.problems({"title": "T"})
    assert len(found) == 1 and "'description'" in found[0]
    found = front_matter.problems({"description": "x" * 161})
    assert any("'title'" in f for f in found) and any("161 characters" in f for f in found)


def test_translations_reports_each_missing_twin():
    pages = ["index.md", "index.id.md", "talk/japan.md", "orphan.id.md"]
    assert translations.missing(pages, ["id"]) == [
        "orphan.id.md: translation without an original; add orphan.md",
        "talk/japan.md: no 'id' translation; add talk/japan.id.md",
    ]
    assert translations.missing(["a.md", "a.id.md"], ["id"]) == []


def test_citations_become_links_to_the_sources_page():
    text, unknown = citations.render("Claim [@A; @C-en].", SOURCES, "en", "../sources.md")
    assert unknown == []
    assert "[A](../sources.md#source-a " in text and "[C-en](../sources.md#source-c-en " in text
    assert text.startswith("Claim \\[") and text.endswith("\\].")


def test_citations_report_unknown_keys_with_their_line():
    markdown = "Fine [@A].\n\nBad [@Z; @B].\n"
    text, unknown = citations.render(markdown, SOURCES, "en", "sources.md")
    assert unknown == [(3, "Z")]
    assert "[B](sources.md#source-b" in text


def test_citations_leave_code_alone():
    markdown = "```text\n[@Z]\n```\n"
    assert citations.render(markdown, SOURCES, "en", "sources.md") == (markdown, [])


def test_citation_tooltips_follow_the_language():
    text, _ = citations.render("[@C]", SOURCES, "id", "sources.md")
    assert '"Sumber C: Rangkuman IIS UGM"' in text


def test_front_matter_lines_give_true_line_numbers():
    source = "---\ntitle: T\ndescription: D\n---\n\n# T\n\nBody [@Z]\n"
    body = "# T\n\nBody [@Z]\n"
    assert citations.front_matter_lines(source, body) == 5


def test_reference_carries_the_anchor_and_the_link():
    block = references.reference("C-en", registry(), "en", config=None)
    assert 'id="source-c-en"' in block
    assert "15 October 2021 (per its URL)" in block
    assert SOURCES["C-en"]["url"] in block
    assert references.reference("Z", registry(), "en", config=None) is None


def test_dates_read_naturally_in_both_languages():
    assert references.human_date("2021-09-30", "en") == "30 September 2021"
    assert references.human_date("2022-07", "id") == "Juli 2022"


class FakeConfig:
    site_author = "Team"
    site_name = "Teacup Discussion #5"
    site_url = "https://example.org/teacup-5/"


def test_citations_of_talk_and_paper(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    talk = references.citation("talk-apa", registry(), "en", FakeConfig)
    assert "Bimantara, A. (2021, September 30). Normative aspects" in talk
    paper = references.citation("paper-bibtex", registry(), "en", FakeConfig)
    assert "doi     = {10.7454/global.v24i1.684}" in paper
    assert "pages   = {109--142}" in paper
    site = references.citation("site-bibtex", registry(), "en", FakeConfig)
    assert "year   = {2023}" in site and "Teacup Discussion \\#5" in site
    assert references.citation("talk-mla", registry(), "en", FakeConfig) is None


def test_registry_rejects_a_malformed_file(tmp_path):
    path = tmp_path / "registry.yml"
    path.write_text("sources:\n  A:\n    label: {en: x}\n", encoding="utf-8")
    with pytest.raises(PluginError, match="source 'A' lacks language, url"):
        registry_hook.load(path)
    assert registry_hook.load(ROOT / "data/registry.yml")["talk"]["date"].isoformat() == (
        "2021-09-30"
    )


def test_csp_hashes_every_inline_script_and_nothing_else():
    html = (
        '<script>a()</script><script src="x.js"></script>'
        '<script id="__config" type="application/json">{}</script><script>b()</script>'
    )
    policy = csp.policy(html)
    assert csp.digest("a()") in policy and csp.digest("b()") in policy
    assert policy.count("'sha256-") == 2
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "object-src 'none'" in policy and "img-src 'self' data:" in policy


def test_markup_fixes_invalid_attributes_and_names_the_search_dialog():
    html = (
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" autocomplete="off">'
        '<label class="md-nav__link" tabindex="">'
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<a class="headerlink" href="#x" title="Permanent link">'
    )
    mended = markup.mend(html, "id")
    assert '<input class="md-toggle" type="checkbox" id="__drawer">' in mended
    assert '<input type="text" autocomplete="off">' in mended
    assert 'tabindex=""' not in mended
    assert 'role="dialog" aria-label="Cari">' in mended
    assert 'title="Tautan permanen"' in mended


def test_search_index_splits_by_language():
    merged = {
        "config": {"lang": ["en"], "pipeline": ["stopWordFilter"]},
        "docs": [
            {"location": "", "title": "Home"},
            {"location": "id/", "title": "Beranda"},
            {"location": "id/talk/japan/#x", "title": "Jepang"},
        ],
    }
    parts = search_split.split(merged, ["id"])
    assert [d["location"] for d in parts[""]["docs"]] == [""]
    assert [d["location"] for d in parts["id"]["docs"]] == ["", "talk/japan/#x"]
    assert parts["id"]["config"]["pipeline"] == []
    assert parts[""]["config"]["pipeline"] == ["stopWordFilter"]
    json.dumps(parts)


def test_search_stand_in_sits_beside_materials_worker_and_finds_the_edition_index():
    worker = "assets/javascripts/workers/search.1a2b.min.js"
    assert search_lazy.stand_in(worker, ".") == (
        "assets/javascripts/workers/search-lazy.js"
        "?worker=search.1a2b.min.js&index=../../../search/search_index.full.json"
    )
    deep = search_lazy.stand_in(f"../../../{worker}", "../../../id/")
    assert deep.endswith(
        "?worker=search.1a2b.min.js&index=../../../id/search/search_index.full.json"
    )
    assert search_lazy.stand_in(f"/t/{worker}", "/t/").startswith(
        "/t/assets/javascripts/workers/search-lazy.js?"
    )
    config = json.dumps({"base": ".", "search": worker})
    html = f'<script id="__config" type="application/json">{config}</script>'
    assert "search-lazy.js?worker=" in search_lazy.relink(html)


def test_favicon_becomes_a_data_url():
    assert favicon.data_url(b"<svg/>") == "data:image/svg+xml;base64,PHN2Zy8+"


def test_css_bundle_refuses_pages_that_link_different_stylesheets(tmp_path):
    (tmp_path / "a.css").write_text("a{}")
    (tmp_path / "b.css").write_text("b{}")
    both = '<head><link rel="stylesheet" href="a.css"><link rel="stylesheet" href="b.css"></head>'
    (tmp_path / "index.html").write_text(both)
    (tmp_path / "other.html").write_text(both.replace("b.css", "a.css"))
    config = SimpleNamespace(plugins={}, site_dir=str(tmp_path), site_url="https://x.org/")
    with pytest.raises(PluginError, match=r"other\.html links the stylesheets"):
        css_bundle.on_post_build(config=config)


def test_abbreviations_follow_the_page_language():
    assert abbreviations.snippet_line("en") == '--8<-- "abbreviations.md"\n'
    assert abbreviations.snippet_line("id") == '--8<-- "abbreviations.id.md"\n'


def test_css_bundle_joins_stylesheets_in_their_order():
    joined = css_bundle.join(
        [
            '@charset "UTF-8";a{b:c}\n/*# sourceMappingURL=main.min.css.map*/',
            '@charset "UTF-8";d{e:f}',
            "/* ours */\n.x{y:z}\n",
        ]
    )
    assert joined == '@charset "UTF-8";\na{b:c}\nd{e:f}\n/* ours */\n.x{y:z}\n'


def test_css_bundle_relinks_each_page_to_the_one_stylesheet():
    head = (
        '<head>\n  <link rel="stylesheet" href="../assets/stylesheets/main.1.min.css">'
        '\n  <link rel="icon" href="../favicon.svg">'
        '\n  <link rel="stylesheet" href="../assets/stylesheets/extra.css">\n</head>'
        '<body><link rel="stylesheet" href="../elsewhere.css"></body>'
    )
    names = ["assets/stylesheets/main.1.min.css", "assets/stylesheets/extra.css"]
    assert css_bundle.stylesheets(head, "about/index.html", "/t/") == names
    relinked = css_bundle.relink(head, "assets/stylesheets/site.ab.css", "about/index.html", "/t/")
    assert relinked == (
        '<head>\n  <link rel="stylesheet" href="../assets/stylesheets/site.ab.css">'
        '\n  <link rel="icon" href="../favicon.svg">\n</head>'
        '<body><link rel="stylesheet" href="../elsewhere.css"></body>'
    )
    # 404.html links from the site's root path.
    root = head.replace('href="../', 'href="/t/')
    assert css_bundle.stylesheets(root, "404.html", "/t/") == names
    assert 'href="/t/assets/stylesheets/site.ab.css"' in css_bundle.relink(
        root, "assets/stylesheets/site.ab.css", "404.html", "/t/"
    )
    with pytest.raises(PluginError, match=r"404\.html: stylesheet /other/"):
        css_bundle.stylesheets(root.replace("/t/", "/other/"), "404.html", "/t/")
