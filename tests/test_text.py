"""The editorial rules, checked on the built pages: each point told once, one
Indonesian term for each English one, and the promises About makes."""

from __future__ import annotations

import html as html_lib
import re

import pytest
import yaml
from helpers import LANGUAGES, ROOT, nav_files, output_path, registry

# Each key fact of the talk, the words that state it in each edition, and on
# how many pages per language running text may state it: its own page, the
# home page's summary or takeaways, and (for the definition) the glossary.
# Tables and the comparison figure show what the text says and do not count.
KEY_FACTS = {
    "definition of CCB": (r"cooperation between states", r"kerja sama antarnegara", 3),
    "why CCB matters": (r"expansion of cyberspace", r"ruang siber yang terus meluas", 2),
    "CCB as foreign policy": (r"form of foreign policy", r"bentuk kebijakan luar negeri", 2),
    "Japan's ministry": (r"Ministry of Defense", r"Kementerian Pertahanan", 2),
    "South Korea's ministry": (r"Ministry of ICT", r"Kementerian TIK", 2),
    "Japan's orientation": (r"democratic norms", r"norma demokrasi", 2),
    "South Korea's orientation": (r"developed country", r"negara maju", 2),
    "norms shape orientation": (
        r"different orientations",
        r"orientasi (CCB kedua negara berbeda|yang berbeda)",
        2,
    ),
    "the shared aim": (r"international image", r"citra internasional", 2),
    "the talk set out his thesis": (
        r"set out the research of",
        r"menguraikan penelitian (untuk )?tesis",
        2,
    ),
    "his characterisation, not fact": (r"characterisation", r"penggambaran pembicara", 1),
}
# Topics no source settles (format, length, attendance, Q&A, recording,
# slides): the site says nothing about them, not even that they are unknown.
UNKNOWN = {
    "en": r"\b(recording|recorded|slides|transcript|attendance|attendees|audience|online|"
    r"in person|hybrid|question-and-answer|Q&A|minutes long)\b",
    "id": r"\b(rekaman|salindia|transkrip|peserta|hadirin|daring|luring|tatap muka|"
    r"tanya jawab)\b",
}
SITE_NOTE = {"en": "This site's explanation:", "id": "Penjelasan situs ini:"}
TERMS = yaml.safe_load((ROOT / "data" / "terms.yml").read_text(encoding="utf-8"))


def article(html: str) -> str:
    return re.search(r"<article[^>]*>(.*?)</article>", html, re.S).group(1)


def plain(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment))).strip()


def blocks(html: str, tags: str = "p|li|dd") -> list[str]:
    """The running-text blocks of a page's article, without tables, figures
    and code (whose cells restate the text)."""
    body = re.sub(r"<(table|figure|pre|svg)\b.*?</\1>", " ", article(html), flags=re.S)
    return re.findall(rf"<({tags})\b[^>]*>(.*?)</\1>", body, re.S)


def keys_of(marker: str) -> list[str]:
    """The keys a citation marker shows: '<a ...>[A, C-en]</a>' -> ['A', 'C-en']."""
    return plain(marker).strip("[]").split(", ")


def groups(html: str) -> list[list[str]]:
    """The keys of every citation marker on a page, in order."""
    return [
        keys_of(marker)
        for marker in re.findall(r'<sup class="cite">(.*?)</sup>', article(html), re.S)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fact", list(KEY_FACTS))
def test_each_key_fact_is_told_on_few_pages(pages, fact, language):
    english, indonesian, limit = KEY_FACTS[fact]
    pattern = re.compile(english if language == "en" else indonesian, re.I)
    stating = [
        src
        for src in nav_files()
        if any(pattern.search(plain(b)) for _, b in blocks(pages[output_path(src, language)]))
    ]
    assert 1 <= len(stating) <= limit, stating


@pytest.mark.parametrize("src", nav_files())
def test_the_indonesian_edition_uses_the_term_list(pages, src):
    # Quoted titles and phrases stay in their own language.
    unquoted = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')

    def prose(path: str) -> str:
        return plain(re.sub(r"<(pre|code)\b.*?</\1>", " ", article(pages[path]), flags=re.S))

    english = unquoted.sub(" ", prose(output_path(src))).lower()
    indonesian = prose(output_path(src, "id")).lower()
    missing = [
        (term["en"], term["id"])
        for term in TERMS["terms"]
        if term["en"].lower() in english and term["id"].lower() not in indonesian
    ]
    assert not missing


def test_no_avoided_wording_in_the_indonesian_edition(pages):
    """Pages, interface strings (the whole built page) and the registry."""
    avoided = [a.lower() for term in TERMS["terms"] for a in term.get("avoid", [])]
    avoided += [c.lower() for c in TERMS["calques"]]
    # Tags become separators, so words of two elements never join up.
    texts = {
        name: html_lib.unescape(re.sub(r"<[^>]+>", " | ", html)).lower()
        for name, html in pages.items()
        if name.startswith("id/")
    }
    values: list[str] = []

    def collect(node):
        if isinstance(node, dict):
            for key, value in node.items():
                (values.append(value) if key == "id" and isinstance(value, str) else None)
                collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    collect(registry())
    texts["data/registry.yml"] = " ".join(values).lower()
    found = [(name, a) for name, text in texts.items() for a in avoided if a in text]
    assert not found


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_topics_stay_unmentioned(pages, language):
    pattern = re.compile(UNKNOWN[language], re.I)
    for src in nav_files():
        # Not in the Cite page's BibTeX, whose @online is the site's entry type.
        body = re.sub(r"@online\b", " ", article(pages[output_path(src, language)]))
        text = plain(body)
        assert not pattern.search(text), (src, pattern.search(text).group(0))


# About: "each paragraph, list item and table row that reports the talk
# carries the keys of the sources that support it".
REPORTING = ["index.md", "people.md"] + [src for src in nav_files() if src.startswith("talk/")]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("src", REPORTING)
def test_every_block_reporting_the_talk_carries_keys(pages, src, language):
    html = pages[output_path(src, language)]
    # Navigation, not report: the home page's cards and every page's report link.
    body = re.sub(
        r'<div class="grid cards">.*?</ul>\s*</div>|<p class="report-problem">.*?</p>',
        " ",
        article(html),
        flags=re.S,
    )
    uncited = [
        plain(block)
        for _, block in blocks(f"<article>{body}</article>", "p|li")
        if '<sup class="cite">' not in block and "md-button" not in block
    ]
    rows = re.findall(r"<tbody>.*?</tbody>", body, re.S)
    uncited += [
        plain(row)
        for table in rows
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
        if '<sup class="cite">' not in row
    ]
    figures = re.findall(r"<figcaption>(.*?)</figcaption>", body, re.S)
    uncited += [plain(f) for f in figures if '<sup class="cite">' not in f]
    assert not uncited


@pytest.mark.parametrize("language", LANGUAGES)
def test_quotations_are_titles_or_short_phrases(pages, language):
    """About: the site quotes only titles and short phrases, in quotation marks."""
    data = registry()
    titles = {
        " ".join(t.split())
        for t in [*data["talk"]["name"].values(), data["sources"]["D"]["title"]]
        + [s.get("title", "") for s in data["sources"].values()]
    }
    for src in nav_files():
        html = pages[output_path(src, language)]
        body = re.sub(r"<(pre|code)\b.*?</\1>", " ", article(html), flags=re.S)
        for quote in re.findall(r"[\u201c\"]([^\u201d\"<>]+)[\u201d\"]", plain(body)):
            words = len(quote.split())
            # The Sources page's notes quote the sources' variant titles.
            allowed = 20 if src == "sources.md" else 6
            assert quote in titles or words <= allowed, (src, quote)


@pytest.mark.parametrize("language", LANGUAGES)
def test_quoted_words_cite_the_edition_that_carries_them(pages, language):
    """English wording from the news article cites A, Indonesian wording B."""
    talk = registry()["talk"]
    wording = {
        "Talk and Think about IR": "A",
        "Berbincang dan Berpikir tentang HI": "B",
        " ".join(talk["name"]["en"].split()): "A",
        " ".join(talk["name"]["id"].split()): "B",
    }
    checked = 0
    for src in nav_files():
        for _, block in blocks(pages[output_path(src, language)]):
            # Each marker becomes a token of its keys, then the tags go.
            text = plain(
                re.sub(
                    r'<sup class="cite">(.*?)</sup>',
                    lambda m: " {" + ",".join(keys_of(m.group(1))) + "}",
                    block,
                    flags=re.S,
                )
            )
            for phrase, key in wording.items():
                for match in re.finditer(re.escape(f'"{phrase}"'), text):
                    marker = re.search(r"\{([\w,-]+)\}", text[match.end() :])
                    assert marker, (src, phrase)
                    assert marker.group(1) == key, (src, phrase, marker.group(1))
                    checked += 1
    assert checked >= 2


@pytest.mark.parametrize("src", nav_files())
def test_both_editions_cite_the_same_sources(pages, src):
    """About: the same sources at the same places."""
    assert groups(pages[output_path(src)]) == groups(pages[output_path(src, "id")])


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_marks_the_sites_own_explanations(pages, language):
    """About: general explanations are marked as the site's own, carry no key,
    and never redefine a term the talk defined (CCB)."""
    html = article(pages[output_path("glossary.md", language)])
    entries = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", html, re.S)
    assert len(entries) >= 8
    notes = 0
    for term, definition in entries:
        paragraphs = re.findall(r"<p([^>]*)>(.*?)</p>", definition, re.S) or [("", definition)]
        for attrs, paragraph in paragraphs:
            if "site-note" in attrs:
                notes += 1
                assert plain(paragraph).startswith(SITE_NOTE[language]), (term, paragraph)
                assert '<sup class="cite">' not in paragraph, term
            else:
                assert '<sup class="cite">' in paragraph, term
    assert notes >= 4
    ccb = next(definition for term, definition in entries if "CCB" in term)
    assert "site-note" not in ccb, "the talk defined CCB: no second definition"
