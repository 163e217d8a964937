"""Sharing metadata, structured data, validity and reproducibility of the build."""

from __future__ import annotations

import json
import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_mkdocs
from helpers import elements, nav_files, output_path, registry
from test_cite import edition_date
from test_instruments import assert_explained

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


def front_matter(path: str) -> dict:
    return yaml.safe_load((ROOT / "docs" / path).read_text(encoding="utf-8").split("---")[1])


@pytest.mark.parametrize("language", ["en", "id"])
def test_share_preview_of_the_home_page(pages, language):
    """The home page's card carries the talk's title (its heading), not the
    tab's shorter title; its picture is the edition's own."""
    path = "index.html" if language == "en" else "id/index.html"
    tags = meta(pages[path])
    talk = " ".join(registry()["talk"]["name"][language].split())
    assert tags["og:title"] == [talk]
    source = "index.md" if language == "en" else "index.id.md"
    site_name = "Teacup Discussion #5" if language == "en" else "Diskusi Cangkir Teh #5"
    title = re.search(r"<title>(.*?)</title>", pages[path]).group(1)
    assert title == f"{front_matter(source)['title']} - {site_name}"
    assert 20 < len(tags["og:description"][0]) <= 160
    assert tags["og:site_name"] == [registry()["site"]["title"][language]]


@pytest.mark.parametrize("path", PAGES)
def test_every_card_names_the_page_and_the_site(pages, path):
    """Shared alone, "Japan and South Korea" says nothing: the card's title
    is followed by the site's name (the home page's is the talk's title)."""
    if path in ("index.html", "id/index.html"):
        return
    language = "id" if path.startswith("id/") else "en"
    src = next(s for s in nav_files() if output_path(s, language) == path)
    source = src if language == "en" else src.replace(".md", f".{language}.md")
    site_name = "Teacup Discussion #5" if language == "en" else "Diskusi Cangkir Teh #5"
    assert meta(pages[path])["og:title"] == [f"{front_matter(source)['title']} — {site_name}"]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def png_pixel(data: bytes, x: int, y: int) -> str:
    """The colour of one pixel of an 8-bit RGB or RGBA PNG, as '#rrggbb'."""
    width, _ = png_size(data)
    depth, colour = data[24], data[25]
    assert depth == 8 and colour in (2, 6), (depth, colour)
    channels = 3 if colour == 2 else 4
    chunks, position = b"", 8
    while position < len(data):
        (length,), kind = (
            struct.unpack(">I", data[position : position + 4]),
            data[position + 4 : position + 8],
        )
        if kind == b"IDAT":
            chunks += data[position + 8 : position + 8 + length]
        position += 12 + length
    raw, stride = zlib.decompress(chunks), width * channels
    rows, previous = [], bytearray(stride)
    for row in range(y + 1):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (
                    line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)
                ) & 255
        rows.append(line)
        previous = line
    pixel = rows[y][x * channels : x * channels + 3]
    return "#" + pixel.hex()


def palette() -> dict[str, str]:
    """The colours the pictures take from the site's stylesheet."""
    css = (ROOT / "docs/assets/stylesheets/extra.css").read_text(encoding="utf-8")
    primary = re.search(r'\[data-md-color-primary="custom"\]\s*\{([^}]*)\}', css).group(1)
    accent = re.search(r'\[data-md-color-accent="custom"\]\s*\{([^}]*)\}', css).group(1)
    return {
        "primary": re.search(r"--md-primary-fg-color:\s*(#\w+);", primary).group(1).lower(),
        "dark": re.search(r"--md-primary-fg-color--dark:\s*(#\w+);", primary).group(1).lower(),
        "accent": re.search(r"--md-accent-fg-color:\s*(#\w+);", accent).group(1).lower(),
    }


@pytest.mark.parametrize("language", ["en", "id"])
def test_each_edition_shares_its_own_card_in_the_sites_colours(pages, site, site_url, language):
    prefix = "" if language == "en" else f"{language}/"
    tags = meta(pages[f"{prefix}index.html"])
    assert tags["og:image"] == [f"{site_url}{prefix}assets/images/social.png"]
    alt = " ".join(
        yaml.safe_load((ROOT / "data/strings.yml").read_text())[language]["og_image_alt"].split()
    )
    assert tags["og:image:alt"] == [alt]
    card = (site / prefix / "assets/images/social.png").read_bytes()
    assert png_size(card) == (1200, 630)
    colours = palette()
    # The background, the accent rule above the band, the band at the foot.
    assert png_pixel(card, 10, 10) == colours["primary"]
    assert png_pixel(card, 10, 545) == colours["accent"]
    assert png_pixel(card, 10, 620) == colours["dark"]
    other = (site / ("id/" if language == "en" else "") / "assets/images/social.png").read_bytes()
    assert card != other, "the editions' cards differ"


def test_the_icons_are_in_the_sites_colour(pages, site):
    colours = palette()
    favicon = (ROOT / "docs/assets/images/favicon.svg").read_text(encoding="utf-8")
    assert f'fill="{colours["primary"]}"' in favicon
    icon = (site / "assets/images/apple-touch-icon.png").read_bytes()
    assert png_size(icon) == (180, 180) and png_pixel(icon, 2, 2) == colours["primary"]
    for name, html in pages.items():
        links = [
            link["href"] for link in elements(html, "link") if link.get("rel") == "apple-touch-icon"
        ]
        assert len(links) == 1, name
        target = (site / name).parent / links[0] if not links[0].startswith("/") else None
        if target is not None:
            assert target.resolve() == (site / "assets/images/apple-touch-icon.png").resolve(), name


@pytest.mark.parametrize("path", ["index.html", "id/talk/comparison/index.html"])
def test_structured_data_describes_the_talk_and_the_paper(pages, path):
    graph = json_ld(pages[path])
    event = graph["EducationEvent"]
    assert event["startDate"] == "2021-09-30"
    assert event["performer"]["name"] == "Azza Bimantara"
    assert "Institute of International Studies" in event["organizer"]["name"]
    assert event["organizer"]["parentOrganization"]["name"] == "Universitas Gadjah Mada"
    assert event["superEvent"]["@type"] == "EventSeries"
    # One event, named in both editions as its record names it (English, as A).
    assert event["name"].startswith("Normative")
    assert event["alternateName"].startswith("Aspek Normatif")
    for unknown in ("location", "eventAttendanceMode", "inLanguage", "endDate", "duration"):
        assert unknown not in event, unknown
    paper = graph["ScholarlyArticle"]
    assert paper["identifier"]["value"] == "10.7454/global.v24i1.684"
    assert paper["author"]["name"] == "Azza Bimantara"
    assert graph["WebSite"]["name"]
    crumbs = graph["WebPage"]["breadcrumb"]["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == list(range(1, len(crumbs) + 1))
    assert crumbs[-1]["item"] == graph["WebPage"]["url"]


def graph_nodes(html: str) -> list[dict]:
    """Every node of a page's JSON-LD, nested nodes included."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    found, todo = [], [json.loads(block) for block in blocks]
    while todo:
        value = todo.pop()
        if isinstance(value, list):
            todo.extend(value)
        elif isinstance(value, dict):
            found.append(value)
            todo.extend(value.values())
    return found


def test_one_identifier_names_one_thing_in_both_editions(pages):
    """Every @id that carries properties carries the same ones on every page
    of both editions: each edition's WebSite is a node of its own, the talk
    and the paper one node each (a bare {"@id": ...} is a reference)."""
    seen: dict[str, dict[str, list[str]]] = {}
    for name, html in pages.items():
        for node in graph_nodes(html):
            if "@id" in node and len(node) > 1:
                text = json.dumps(node, sort_keys=True, ensure_ascii=False)
                seen.setdefault(node["@id"], {}).setdefault(text, []).append(name)
    assert seen, "no JSON-LD node with an @id"
    clashes = {key: list(values.values()) for key, values in seen.items() if len(values) > 1}
    assert not clashes, (
        f"one @id, different things (pages per variant): {clashes}; give each thing its own "
        "@id, or the same properties wherever the id is used (overrides/hooks/head.py graph)"
    )
    websites = {
        node["inLanguage"]: node
        for html in pages.values()
        for node in graph_nodes(html)
        if node.get("@type") == "WebSite"
    }
    english, indonesian = websites.pop("en"), websites.pop("id")
    assert not websites and english["@id"] != indonesian["@id"]
    # The Indonesian edition translates the English one, and says so both ways.
    assert english["workTranslation"] == [{"@id": indonesian["@id"]}]
    assert indonesian["translationOfWork"] == {"@id": english["@id"]}


def test_every_breadcrumb_links_a_page_but_the_last(pages, site_url):
    """Google's breadcrumb rule: each ListItem but the last has an item URL;
    here each is a built page of the same edition (a section, its first page),
    positions run from 1, and the last is the page itself."""
    for name, html in pages.items():
        lists = [node for node in graph_nodes(html) if node.get("@type") == "BreadcrumbList"]
        if not lists:
            continue
        (crumbs,) = [node["itemListElement"] for node in lists]
        assert [crumb["position"] for crumb in crumbs] == list(range(1, len(crumbs) + 1)), name
        for crumb in crumbs:
            assert crumb.get("item", "").startswith(site_url), f"{name}: {crumb}"
            target = crumb["item"].removeprefix(site_url) + "index.html"
            assert target in pages, f"{name}: {crumb['name']} links {crumb['item']}, no page"
            assert target.startswith("id/") == name.startswith("id/"), f"{name}: {crumb}"
        assert crumbs[-1]["item"] == site_url + name.removesuffix("index.html"), name


def test_every_page_is_valid_html(site):
    files = sorted(str(path) for path in site.rglob("*.html"))
    vnu = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(vnu), "--errors-only", "--format", "gnu", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
    findings = []
    for line in errors:
        found = re.match(r'"file:(.+?)":[\d.-]+: (?:error|fatal): (.*)$', line)
        page = Path(found.group(1)).relative_to(site).as_posix() if found else "*"
        findings.append({"rule": found.group(2) if found else line, "page": page, "text": line})
    assert_explained("vnu", findings)


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


def test_every_page_shows_its_edition_and_the_licence(pages):
    """The foot of every page (overrides/partials/copyright.html): the date
    of this edition, in the page's language, and the licence of the text."""
    strings = yaml.safe_load((ROOT / "data/strings.yml").read_text(encoding="utf-8"))
    licence = registry()["site"]["licence"]
    day = edition_date()
    for name, html in pages.items():
        language = "id" if name.startswith("id/") else "en"
        line = re.search(r'<div class="md-copyright__edition">(.*?)</div>', html, re.S)
        assert line, name
        year, month, date = map(int, day.split("-"))
        shown = f"{date} {strings[language]['months'][month - 1]} {year}"
        assert f'{strings[language]["edition"]} <time datetime="{day}">{shown}</time>' in line[1]
        assert f'<a href="{licence["url"]}" rel="license">{licence["name"]}</a>' in line[1]
