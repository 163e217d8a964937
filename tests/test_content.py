"""The content: facts on the right pages, citations, front matter, the comparison table."""

from __future__ import annotations

import html as html_lib
import re

import pytest
import yaml
from helpers import ROOT, elements, nav_files, output_path, text

DOCS = ROOT / "docs"
TALK_PAGES = [src for src in nav_files() if src.startswith("talk/")]

FACTS = {
    ("index.md", "en"): [
        "Azza Bimantara",
        "Nabilah Nur Abiyanti",
        "Thursday 30 September 2021",
        "Normative Aspects in Providing International Cyber Security Capacity Building "
        "Assistance: Experiences of Japan and South Korea",
        "Institute of International Studies",
        # As article A writes it; the glossary spells it out in its own note.
        "UGM",
        "Teacup Discussion #5",
    ],
    ("index.md", "id"): [
        "Azza Bimantara",
        "Nabilah Nur Abiyanti",
        "Kamis, 30 September 2021",
        "Aspek Normatif dalam Pemberian Bantuan Peningkatan Kapasitas Keamanan Siber "
        "Internasional: Pengalaman Jepang dan Korea Selatan",
        "Diskusi Cangkir Teh #5",
    ],
    ("glossary.md", "en"): ["Talk and Think about IR", "Berbincang dan Berpikir tentang HI"],
    ("glossary.md", "id"): ["Talk and Think about IR", "Berbincang dan Berpikir tentang HI"],
    ("talk/capacity-building.md", "en"): [
        "donor countries",
        "recipient countries",
        "foreign policy",
    ],
    ("talk/capacity-building.md", "id"): ["negara donor", "negara penerima", "kerangka normatif"],
    ("talk/comparison.md", "en"): [
        "Ministry of Defense",
        "Ministry of ICT",
        "democratic norms and human rights",
        "economic and business actors",
        "developed country",
        "international image",
    ],
    ("talk/comparison.md", "id"): [
        "Kementerian Pertahanan",
        "Kementerian TIK",
        "norma demokrasi dan hak asasi manusia",
        "aktor ekonomi dan bisnis",
        "negara maju",
        "citra internasional",
    ],
    ("talk/thesis.md", "en"): [
        "The Normative Enactment of International Cybersecurity Capacity Building Assistance",
        "state-centric",
        "low internet penetration",
    ],
    ("talk/thesis.md", "id"): [
        "The Normative Enactment of International Cybersecurity Capacity Building Assistance",
        "state-centric",
        "penetrasi internet yang rendah",
    ],
    ("people.md", "en"): [
        "Azza Bimantara",
        "Corvinus University of Budapest",
        "Nabilah Nur Abiyanti",
    ],
    ("people.md", "id"): [
        "Azza Bimantara",
        "Corvinus University of Budapest",
        "Nabilah Nur Abiyanti",
    ],
    ("sources.md", "en"): ["10.7454/global.v24i1.684", "Published after the talk"],
    ("sources.md", "id"): ["10.7454/global.v24i1.684"],
}


def page_text(pages, src, language):
    return text(pages[output_path(src, language)])


@pytest.mark.parametrize(("src", "language"), list(FACTS))
def test_key_facts_are_on_their_pages(pages, src, language):
    content = page_text(pages, src, language)
    missing = [fact for fact in FACTS[src, language] if fact not in content]
    file = "docs/" + (src if language == "en" else src.removesuffix(".md") + ".id.md")
    assert not missing, "\n".join(
        f'{file}: "{fact}" is missing (rule: each key fact is on the page where a reader '
        f"looks for it); state it there, or update FACTS in tests/test_content.py"
        for fact in missing
    )


def test_errors_in_the_sources_appear_only_in_the_source_notes(pages):
    for name, html in pages.items():
        content = text(html)
        if name.endswith("sources/index.html"):
            assert "CBB" in content and "30/08" in content
            continue
        assert "CBB" not in content and "30/08" not in content, name
        assert "30 August" not in content and "30 Agustus" not in content, name


def markdown_body(path):
    return path.read_text(encoding="utf-8").split("---", 2)[2]


@pytest.mark.parametrize("src", TALK_PAGES)
@pytest.mark.parametrize("suffix", [".md", ".id.md"])
def test_every_section_of_a_talk_page_cites_a_source(src, suffix):
    body = markdown_body(DOCS / src.replace(".md", suffix))
    sections = re.split(r"^## ", body, flags=re.M)[1:]
    assert sections
    uncited = [s.splitlines()[0] for s in sections if not re.search(r"\[@[\w-]+", s)]
    assert not uncited, "\n".join(
        f'docs/{src.replace(".md", suffix)}: the section "{heading}" cites no source (rule: '
        f"every section of a talk page reports the talk with its keys); add [@KEY]"
        for heading in uncited
    )


def test_citations_link_to_entries_that_exist(pages):
    for language, prefix in (("en", ""), ("id", "id/")):
        sources = pages[f"{prefix}sources/index.html"]
        anchors = {el.get("id") for el in elements(sources)}
        for key in ("a", "b", "c", "c-en", "d"):
            assert f"source-{key}" in anchors, (language, key)
        for name, html in pages.items():
            if not name.startswith(prefix) or (language == "en" and name.startswith("id/")):
                continue
            for marker in re.findall(r'<sup class="cite">(.*?)</sup>', html, re.S):
                for link in elements(marker, "a"):
                    href = link["href"]
                    assert re.search(r"^(\.\./)*(sources/|\./)#source-(a|b|c|c-en|d)$", href), name


def test_every_page_has_a_title_and_a_short_description():
    for path in sorted(DOCS.rglob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        assert isinstance(meta.get("title"), str) and meta["title"], path
        assert isinstance(meta.get("description"), str), path
        assert len(meta["description"]) <= 160, path


def test_meta_description_comes_from_front_matter(pages):
    html = pages["talk/comparison/index.html"]
    description = [m for m in elements(html, "meta") if m.get("name") == "description"]
    meta = yaml.safe_load(
        (DOCS / "talk/comparison.md").read_text(encoding="utf-8").split("---", 2)[1]
    )
    assert description[0]["content"] == meta["description"]


@pytest.mark.parametrize("language", ["en", "id"])
def test_comparison_is_a_table_named_for_the_speaker_and_cited_row_by_row(pages, language):
    """The table's accessible name is its section's heading, which names the
    speaker; each row's cells carry its keys, and no header cell carries a
    marker (a screen reader names a row or column by its header)."""
    where = "docs/talk/" + ("comparison.md" if language == "en" else "comparison.id.md")
    html = pages[output_path("talk/comparison.md", language)]
    table = re.search(r'<table aria-labelledby="([^"]+)">(.*?)</table>', html, re.S)
    assert table, f'{where}: the comparison is a <table aria-labelledby="…"> named by a heading'
    heading, body = table.groups()
    name = re.search(rf'<h2 id="{heading}">(.*?)<a class="headerlink"', html, re.S)
    assert name and "Azza Bimantara" in name.group(1), (
        f"{where}: the table's name ({name and name.group(1)!r}) does not name the speaker "
        f"(rule: attribute his claims to him); name him in the heading before the table"
    )
    columns = [text(cell) for cell in re.findall(r'<th [^>]*scope="col"[^>]*>.*?</th>', body, re.S)]
    assert columns == (
        ["Japan", "South Korea"] if language == "en" else ["Jepang", "Korea Selatan"]
    ), f"{where}: the columns are the two countries, got {columns}"
    headers = re.findall(r"<th\b[^>]*>(.*?)</th>", body, re.S)
    marked = [text(h) for h in headers if '<sup class="cite">' in h]
    assert not marked, (
        f"{where}: a source marker in the header cells {marked} (rule: a header names its "
        f"row or column and nothing else); move the marker into the row's last cell"
    )
    rows = re.findall(r"<tbody>.*?</tbody>", body, re.S)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", rows, re.S)
    uncited = [text(row) for row in rows if '<sup class="cite">' not in row]
    assert len(rows) == 4 and not uncited, (
        f"{where}: {len(rows)} rows, uncited {uncited} (rule: each row carries its keys); "
        f"put [@KEY] at the end of the row's last cell"
    )


def test_tables_have_header_cells(pages):
    """Any table the pages gain must name its columns."""
    for name, html in pages.items():
        for table in re.findall(r"<table>.*?</table>", html, re.S):
            assert "<thead>" in table and "<th" in table, name


def test_images_have_alt_text(pages):
    for name, html in pages.items():
        for image in elements(html, "img"):
            assert "alt" in image, name


def code_blocks(html: str) -> str:
    blocks = re.findall(r"<code\b[^>]*>(.*?)</code>", html, re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", "\n".join(blocks)))


@pytest.mark.parametrize(("prefix", "site_key"), [("", "teacup5site"), ("id/", "teacup5site-id")])
def test_cite_page_offers_apa_and_bibtex_for_site_talk_and_paper(pages, prefix, site_key):
    content = code_blocks(pages[f"{prefix}cite/index.html"])
    assert f"@online{{{site_key}" in content
    assert "@unpublished{bimantara2021teacup" in content
    assert "@article{bimantara2022normative" in content
    assert "Bimantara, A. (2021, September 30). Normative aspects in providing" in content
    assert "https://doi.org/10.7454/global.v24i1.684" in content


def test_both_cite_pages_give_the_talk_one_reference_with_both_titles(pages):
    """One record of the talk: its English title as in A, the Indonesian one
    as in B in square brackets, in both editions."""
    talk = yaml.safe_load((ROOT / "data/registry.yml").read_text(encoding="utf-8"))["talk"]
    english, indonesian = (" ".join(talk["name"][code].split()) for code in ("en", "id"))
    references = []
    for prefix in ("", "id/"):
        content = code_blocks(pages[f"{prefix}cite/index.html"])
        talk_line = next(
            line for line in content.splitlines() if line.startswith("Bimantara, A. (2021")
        )
        assert f"{english} [{indonesian}] [Presentation]".lower() in talk_line.lower()
        references.append(talk_line)
    assert references[0] == references[1]


# Where the pages state how many sources the site has: a copy of
# data/registry.yml's count, kept by the test below (file, the words, with
# the number word as the group). "Four public sources report on the talk"
# counts another set and is not listed.
NUMBER_WORDS = {
    "en": ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "id": ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"],
}
SOURCE_COUNTS = [
    ("docs/index.md", r"The (\w+) public sources behind this site"),
    ("docs/index.id.md", r"(\w+) sumber publik yang menjadi dasar situs ini"),
    ("docs/sources.md", r"The (\w+) public sources behind this site"),
    ("docs/sources.id.md", r"(\w+) sumber publik yang menjadi dasar situs ini"),
    ("docs/about.md", r"comes from its (\w+) public sources"),
    ("docs/about.id.md", r"berasal dari ke(\w+) sumber publiknya"),
]


@pytest.mark.parametrize(("path", "words"), SOURCE_COUNTS, ids=[p for p, _ in SOURCE_COUNTS])
def test_every_count_of_sources_is_the_registrys(path, words):
    count = len(yaml.safe_load((ROOT / "data/registry.yml").read_text(encoding="utf-8"))["sources"])
    language = "id" if path.endswith(".id.md") else "en"
    found = re.search(words, (ROOT / path).read_text(encoding="utf-8"), re.I)
    assert found, (
        f"{path}: no longer says {words!r}; update SOURCE_COUNTS in tests/test_content.py to "
        "the words that now state how many sources the site has"
    )
    want = NUMBER_WORDS[language][count]
    assert found.group(1).lower() == want, (
        f"{path}: says {found.group(0)!r}, but data/registry.yml lists {count} sources "
        f"(rule: copies of the registry agree with it); write {want!r}"
    )
