"""Sharing metadata, structured data, validity and reproducibility of the build."""

from __future__ import annotations

import json
import re
import struct
import subprocess

import pytest
from conftest import ROOT, run_mkdocs
from helpers import elements, nav_files, output_path

PAGES = [output_path(src, lang) for lang in ("en", "id") for src in nav_files()]
OPEN_GRAPH = ["og:title", "og:description", "og:url", "og:image", "og:type", "og:locale"]


def meta(html):
    found = {}
    for tag in elements(html, "meta"):
        key = tag.get("property") or tag.get("name")
        if key:
            found.setdefault(key, []).append(tag.get("content", ""))
    return found


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return {
        node["@type"] if isinstance(node["@type"], str) else node["@type"][0]: node
        for node in json.loads(blocks[0])["@graph"]
    }


@pytest.mark.parametrize("path", PAGES)
def test_every_page_presents_itself_for_sharing(pages, site_url, path):
    html = pages[path]
    tags = meta(html)
    for key in OPEN_GRAPH:
        assert tags.get(key, [""])[0], key
    for key in ("og:url", "og:image"):
        assert tags[key][0].startswith(site_url), key
    canonical = [link["href"] for link in elements(html, "link") if link.get("rel") == "canonical"]
    assert canonical == [tags["og:url"][0]]
    assert tags["og:locale"] == ["id_ID" if path.startswith("id/") else "en_US"]
    home = path in ("index.html", "id/index.html")
    assert tags["og:type"] == ["website" if home else "article"]
    assert tags["og:locale:alternate"] == ["en_US" if path.startswith("id/") else "id_ID"]
    assert tags["twitter:card"] == ["summary_large_image"]
    assert tags["referrer"] == ["strict-origin-when-cross-origin"]


def test_share_preview_of_the_home_page(pages, site):
    tags = meta(pages["index.html"])
    heading = "Norms in cybersecurity capacity building assistance: Japan and South Korea"
    assert tags["og:title"] == [heading]
    title = re.search(r"<title>(.*?)</title>", pages["index.html"]).group(1)
    assert title == f"{heading} - Teacup Discussion #5"
    assert 20 < len(tags["og:description"][0]) <= 160
    image = site / "assets/images/social.png"
    header = image.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1200, 630)
    assert tags["og:image"][0].endswith("assets/images/social.png")


@pytest.mark.parametrize("path", ["index.html", "id/talk/comparison/index.html"])
def test_structured_data_describes_the_talk_and_the_paper(pages, path):
    graph = json_ld(pages[path])
    event = graph["EducationEvent"]
    assert event["startDate"] == "2021-09-30"
    assert event["performer"]["name"] == "Azza Bimantara"
    assert "Institute of International Studies" in event["organizer"]["name"]
    assert event["organizer"]["parentOrganization"]["name"] == "Universitas Gadjah Mada"
    assert event["superEvent"]["@type"] == "EventSeries"
    assert event["name"].startswith("Aspek Normatif" if path.startswith("id/") else "Normative")
    for unknown in ("location", "eventAttendanceMode", "inLanguage", "endDate", "duration"):
        assert unknown not in event, unknown
    paper = graph["ScholarlyArticle"]
    assert paper["identifier"]["value"] == "10.7454/global.v24i1.684"
    assert paper["author"]["name"] == "Azza Bimantara"
    assert graph["WebSite"]["name"]
    crumbs = graph["WebPage"]["breadcrumb"]["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == list(range(1, len(crumbs) + 1))
    assert crumbs[-1]["item"] == graph["WebPage"]["url"]


def test_every_page_is_valid_html(site):
    files = sorted(str(path) for path in site.rglob("*.html"))
    vnu = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(vnu), "--errors-only", "--format", "gnu", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_two_builds_are_byte_identical(tmp_path):
    first = run_mkdocs(ROOT, tmp_path / "one")
    second = run_mkdocs(ROOT, tmp_path / "two")
    assert first.returncode == second.returncode == 0
    one = {p.relative_to(first.site): p.read_bytes() for p in first.site.rglob("*") if p.is_file()}
    two = {
        p.relative_to(second.site): p.read_bytes() for p in second.site.rglob("*") if p.is_file()
    }
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_robots_and_sitemap_are_reachable(site):
    assert (site / "robots.txt").is_file() and (site / "sitemap.xml").is_file()


@pytest.mark.parametrize("path", ["index.html", "id/index.html"])
def test_each_edition_home_is_one_breadcrumb(pages, site_url, path):
    crumbs = json_ld(pages[path])["WebPage"]["breadcrumb"]["itemListElement"]
    assert [crumb["item"] for crumb in crumbs] == [site_url + path.removesuffix("index.html")]
