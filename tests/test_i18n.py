"""The Indonesian edition: twins, alternates, sitemap, language of the text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from helpers import ROOT, as_parsed, elements, nav_files, output_path, text

DOCS = ROOT / "docs"
ENGLISH = {"the", "and", "of", "is", "was", "to", "in", "that", "with", "for", "his", "he"}
INDONESIAN = {"yang", "dan", "di", "dari", "untuk", "dengan", "ini", "itu", "dalam", "pada"}


def test_every_page_has_its_twin():
    for path in DOCS.rglob("*.md"):
        if path.name.endswith(".id.md"):
            assert path.with_name(path.name.replace(".id.md", ".md")).is_file(), path
        else:
            assert path.with_name(path.name.replace(".md", ".id.md")).is_file(), path
    assert (ROOT / "includes/abbreviations.id.md").is_file()


def alternates(html):
    return {
        link["hreflang"]: link["href"]
        for link in elements(html, "link")
        if link.get("rel") == "alternate" and "hreflang" in link
    }


@pytest.mark.parametrize("src", nav_files())
def test_hreflang_links_are_absolute_and_reciprocal(pages, site_url, src):
    english, indonesian = (pages[output_path(src, lang)] for lang in ("en", "id"))
    expected = {
        "en": site_url + output_path(src).removesuffix("index.html"),
        "id": site_url + output_path(src, "id").removesuffix("index.html"),
    }
    expected["x-default"] = expected["en"]
    assert alternates(english) == expected
    assert alternates(indonesian) == expected


def test_sitemap_lists_both_editions_with_alternates(site, site_url):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    locations = {url.find("s:loc", ns).text for url in root.findall("s:url", ns)}
    for src in nav_files():
        for lang in ("en", "id"):
            assert site_url + output_path(src, lang).removesuffix("index.html") in locations
    for url in root.findall("s:url", ns):
        assert {link.get("hreflang") for link in url.findall("x:link", ns)} == {"en", "id"}
    assert (site / "robots.txt").read_text().endswith(f"Sitemap: {site_url}sitemap.xml\n")


def test_a_sitemap_of_the_page_alone_stands_beside_every_alternate(site, site_url):
    """Material fetches and parses these while the page loads: one entry each."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for page in site.rglob("index.html"):
        if page.parent == site:
            continue  # the site's own sitemap
        root = ET.parse(page.parent / "sitemap.xml").getroot()
        folder = page.parent.relative_to(site).as_posix()
        assert [url.find("s:loc", ns).text for url in root.findall("s:url", ns)] == [
            f"{site_url}{folder}/"
        ]
        assert len(root.findall("s:url/x:link", ns)) == 2, page


def prose_blocks(html):
    article = re.search(r"<article[^>]*>(.*?)</article>", html, re.S).group(1)
    article = re.sub(r"<(svg|pre|code|script)\b.*?</\1>", " ", article, flags=re.S)
    for block in re.findall(r"<(p|li|dd|td|th|h[1-6]|figcaption)\b[^>]*>(.*?)</\1>", article, re.S):
        plain = re.sub(r"<[^>]+>", " ", block[1])
        # Quoted titles and wording are allowed to stay in their language.
        plain = re.sub(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"|\u2018[^\u2019]*\u2019", " ", plain)
        plain = re.sub(r"https?://\S+", " ", plain)
        yield plain


@pytest.mark.parametrize("src", nav_files())
def test_no_english_paragraph_is_left_on_an_indonesian_page(pages, src):
    for block in prose_blocks(pages[output_path(src, "id")]):
        words = re.findall(r"[a-z]+", block.lower())
        english = sum(word in ENGLISH for word in words)
        indonesian = sum(word in INDONESIAN for word in words)
        assert english < 3 or indonesian > english, block


def test_indonesian_interface_and_labels(pages):
    html = as_parsed(pages["id/index.html"])
    assert '<html lang="id"' in html
    assert "Diskusi Cangkir Teh #5" in html
    assert 'title="Beralih ke mode gelap"' in html
    assert 'aria-label="Mode gelap"' in html and 'aria-label="Mode terang"' in html
    assert 'aria-label="Navigasi" aria-expanded="false"' in html
    assert 'aria-label="Kepala halaman"' in html and 'aria-label="Kaki halaman"' in html
    assert 'aria-label="Cari"' in html
    assert ">Paparan<" in html or "Paparan" in html


def test_indonesian_abbreviations_expand_in_indonesian(pages):
    html = pages["id/talk/capacity-building/index.html"]
    assert '<abbr title="peningkatan kapasitas keamanan siber' in html
    assert text(html)
