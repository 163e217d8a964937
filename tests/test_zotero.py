"""What Zotero's browser connector saves from each page, by Zotero's own rules.

The connector saves a page with the translator of highest priority that
recognises it (the lowest number): COinS (priority 310) on a page with
COinS spans, the Cite page, which offers its three works; Embedded Metadata
(priority 320) on every other page, which hands the page's meta tags to
Zotero's RDF translator and completes the item from Highwire tags and
fallbacks. The functions below restate, for the fields that make the item
(type, title, creators, date, website or publication title, language), the
rules of:

- zotero/translators at 2814370 (2026-06-26): ``Embedded Metadata.js``
  (``init``, ``addHighwireMetadata``, ``addLowQualityMetadata``),
  ``RDF.js`` (``detectType``, ``importItem``), ``COinS.js``;
- zotero/utilities at 4051881 (2026-08-19): ``openurl.js``
  (``parseContextObject``), ``utilities.js`` (``cleanAuthor``);
- Zotero's item model: a creator type that the item type does not have
  becomes its primary one (an author of a presentation, its presenter).

A tag that would bring in a rule left out here (a Zotero, BibTeX, PRISM or
eprints type, a byline, a Highwire type) fails the test rather than being
ignored.
"""

from __future__ import annotations

import datetime
import html
import re
from urllib.parse import unquote

import pytest
from helpers import elements, nav_files, output_path, registry
from test_cite import edition_date

# Embedded Metadata.js: the prefixes it maps to namespaces (_prefixes).
PREFIXES = {
    "bib", "bibo", "dc", "dcterms", "prism", "foaf", "vcard", "link", "z", "eprint",
    "eprints", "og", "article", "book", "music", "video", "so", "codemeta", "rdf",
}  # fmt: skip
# RDF.js detectType: the properties read before og:type (t.zotero, t.bib,
# t.prism, t.eprints) or beside it (dc:type, schema.org types); none is set here.
TYPE_PROPERTIES = {
    "z:itemType", "z:type", "bib:type", "bibo:type", "rdf:type", "eprints:type",
    "prism:aggregationtype", "prism:genre", "prism:platform", "dc:type", "dcterms:type",
}  # fmt: skip
HIGHWIRE_TYPES = {
    "citation_journal_title": "journalArticle",
    "citation_technical_report_institution": "report",
    "citation_conference_title": "conferencePaper",
    "citation_conference": "conferencePaper",
    "citation_book_title": "bookSection",
    "citation_inbook_title": "bookSection",
    "citation_dissertation_institution": "thesis",
}
TITLE = ["dc:title", "dcterms:title", "eprints:title", "vcard2:fn", "og:title", "so:headline"]
CREATORS = [
    "bib:authors", "so:author", "so:creator", "dc:creator", "dc:creator.PersonalName",
    "dcterms:creator", "eprints:creators_name", "dc:contributor", "dcterms:contributor",
]  # fmt: skip
DATE = [
    "eprints:date", "prism:publicationDate", "og:published_time", "article:published_time",
    "book:release_date", "music:release_date", "video:release_date", "dc:date.issued",
    "dcterms:date.issued", "dcterms:issued", "dc:date", "dcterms:date",
    "dcterms:dateSubmitted", "eprints:datestamp", "so:datePublished",
]  # fmt: skip
PUBLICATION = ["prism:publicationName", "eprints:publication", "eprints:book_title", "dc:source"]
LANGUAGE = ["dc:language", "dcterms:language", "so:inLanguage"]


def clean_author(author: str, creator_type: str, use_comma: bool) -> dict:
    """utilities.js cleanAuthor: "Family, Given" with a comma; without, the
    last word is the family name and the rest the given names."""
    author = re.sub(r"^[\s\u00a0.,/\[\]:]+", "", author)
    author = re.sub(r"[\s\u00a0.,/\[\]:]+$", "", author)
    author = re.sub(r"[\s\u00a0]+", " ", author, count=1)
    first = None
    if use_comma:
        parts = re.split(r"[,،] ?", author)
        last, first = (parts[0], parts[1]) if len(parts) > 1 else (author, None)
    else:
        space = len(author)
        while True:
            space = author.rfind(" ", 0, space)
            last, first = author[space + 1 :], author[:space] if space >= 0 else ""
            if (last[:1].isalpha()) or space <= 0:
                break
    if first:
        names = re.split(r"(?:[\s.]+|(?=-))", first.strip(" ."))
        first = " ".join(
            n + ("." if re.fullmatch(r"-?[A-Z\u0400-\u042f]", n) else "") for n in names
        )
    return {"firstName": first or "", "lastName": last, "creatorType": creator_type}


def head_meta(page: str) -> list[tuple[str, str]]:
    """Every <meta> with a name (or property) and a content, in document order."""
    found = []
    for tag in elements(page, "meta"):
        name = tag.get("name") or tag.get("property")
        if name and tag.get("content"):
            found.append((name, tag["content"]))
    return found


def embedded_metadata(page: str) -> dict:
    """The item Embedded Metadata makes of a page."""
    rdf: dict[str, list[str]] = {}
    highwire: dict[str, list[str]] = {}
    generator_type = None
    for name, value in head_meta(page):
        for tag in name.split():
            parts = re.split(r"[.:_]", tag)
            prefix, length = None, 0
            if len(parts) > 2:
                prefix, length = parts[1].lower(), len(parts[0]) + len(parts[1]) + 1
            if not prefix or prefix not in PREFIXES:
                prefix, length = parts[0].lower(), len(parts[0])
            if prefix in PREFIXES:
                prop = tag[length + 1 :]
                rdf.setdefault(f"{prefix}:{prop[:1].lower()}{prop[1:]}", []).append(value)
            elif tag.lower() == "generator":
                if any(word in value.lower() for word in ("blogger", "wordpress", "wooframework")):
                    generator_type = "blogPost"
            else:
                short = tag[tag.rfind("citation_") :] if "citation_" in tag else tag[-1:]
                highwire.setdefault(short, []).append(value)
    assert not TYPE_PROPERTIES & rdf.keys(), "a type rule this emulation leaves out"
    heuristic = "blogPost" if re.search(r'id="wp-block-library|yoast-schema-graph', page) else None
    hw_type = next((HIGHWIRE_TYPES[t] for t in highwire if t in HIGHWIRE_TYPES), None)
    hw_guess = None
    if "citation_title" in highwire or "citation_series_title" in highwire:
        hw_guess = "journalArticle"
    if "citation_isbn" in highwire:
        hw_guess = "book"
    assert rdf, "without RDF statements Embedded Metadata would offer no item"

    def first(names: list[str]) -> str | None:
        return next((rdf[n][0] for n in names if n in rdf), None)

    # RDF.js detectType: t.og, then the default (Highwire guess, generator,
    # WordPress, or a web page since there are RDF statements), then og's guess.
    og_type = first(["og:type"])
    t_og = {"website": "webpage", "book": "book", "music.song": "audioRecording"}.get(og_type or "")
    if (og_type or "").startswith("video."):
        t_og = "videoRecording"
    # og:type "article" is only a guess (journalArticle), ranked after the
    # default, which a page with RDF statements always has: so it never decides.
    default = hw_guess or generator_type or heuristic or "webpage"
    item_type = hw_type or t_og or default
    # RDF.js importItem, then Embedded Metadata's Highwire pass, then its fallbacks.
    title = first(TITLE)
    if "citation_title" in highwire:
        title = highwire["citation_title"][0]
    named = next((rdf[n] for n in CREATORS if n in rdf), [])
    creators = [clean_author(c, "author", "," in c) for c in named]
    authors = highwire.get("citation_author") or highwire.get("citation_authors")
    if authors:
        creators = [clean_author(a, "author", "," in a) for a in authors]
    publication = first(PUBLICATION)
    if not publication and item_type in ("blogPost", "webpage", "newspaperArticle"):
        publication = first(["og:site_name"])
    if "citation_journal_title" in highwire:
        publication = highwire["citation_journal_title"][0]
    date = first(DATE)
    for name in ("citation_publication_date", "citation_cover_date", "citation_date"):
        date = highwire[name][0] if name in highwire else date
    language = first(LANGUAGE)
    if "citation_language" in highwire:
        language = highwire["citation_language"][0]
    if not title:
        title = html.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))
    if publication:
        title = re.sub(
            r"\s*[-\u2013\u2014=_:|~#]\s*" + re.escape(publication) + r"\s*$", "", title, flags=re.I
        )
    if not creators:
        named = [
            tag.get("content", "")
            for tag in elements(page, "meta")
            if tag.get("name", "").lower() == "author"
        ]
        creators = [clean_author(a, "author", False) for a in dict.fromkeys(named) if a.strip()]
    if not creators:
        assert not [a for a in ("article:author", "video:director", "music:musician") if a in rdf]
        assert not re.search(r'class="[^"]*(byline|vcard)|rel="author"', page, re.I), "byline rule"
    if not date:
        stamp = re.search(r'<time[^>]*\bdatetime="([^"]+)"', page)
        date = stamp.group(1) if stamp else None
    if not language:
        language = re.search(r'<html lang="([^"]+)"', page).group(1)
    return {
        "itemType": item_type,
        "title": " ".join(title.split()),
        "creators": creators,
        "date": date,
        "publicationTitle": publication,
        "language": language,
        "url": first(["og:url"]),
    }


def coins_items(page: str) -> list[dict]:
    """The items COinS.js makes of a page's spans (openurl.js parseContextObject)."""
    items = []
    for span in re.findall(r'<span class="Z3988" title="([^"]*)"', page):
        parts = html.unescape(span).split("&")
        item: dict = {"creators": []}
        for part in parts:
            if part.startswith("rft_val_fmt="):
                fmt = unquote(part[12:])
                item["itemType"] = {
                    "info:ofi/fmt:kev:mtx:journal": "journalArticle",
                    "info:ofi/fmt:kev:mtx:dc": "webpage",
                }[fmt]
                break
        complex_authors = []
        for part in parts:
            key, _, value = part.partition("=")
            value = unquote(re.sub(r"\+|%2[bB]", " ", value))
            if not value or key in ("url_ver", "ctx_ver", "rft_val_fmt", "rft.genre"):
                continue
            if key == "rft_id" and value.startswith("info:doi"):
                item["DOI"] = value[9:]
            elif key == "rft.atitle" and item["itemType"] == "journalArticle":
                item["title"] = value
            elif key == "rft.jtitle" and item["itemType"] == "journalArticle":
                item["publicationTitle"] = value
            elif key == "rft.title":
                item["title"] = value
            elif key == "rft.type":
                item["itemType"] = value
            elif key in ("rft.date", "rft.volume", "rft.issue", "rft.language"):
                item[key[4:]] = value
            elif key == "rft.issn":
                item["ISSN"] = value
            elif key == "rft.spage":
                item["pages"] = value
            elif key == "rft.epage":
                item["pages"] += f"-{value}"
            elif key in ("rft.au", "rft.creator"):
                item["creators"].append(clean_author(value, "author", "," in value))
            elif key == "rft.aucorp":
                complex_authors.append({"lastName": value, "fieldMode": 1, "creatorType": "author"})
            elif key == "rft.aulast":
                complex_authors.append({"lastName": value, "creatorType": "author"})
            elif key == "rft.aufirst":
                complex_authors[-1]["firstName"] = value
            elif key == "rft.identifier" and value.startswith(("http://", "https://")):
                item["url"] = value
            else:
                raise AssertionError(f"a ContextObject key this emulation leaves out: {key}")
        item["creators"] += complex_authors
        if item["itemType"] == "presentation":
            for creator in item["creators"]:
                creator["creatorType"] = "presenter"
        items.append(item)
    return items


PAGES = [(src, language) for language in ("en", "id") for src in nav_files()]


def heading(page: str) -> str:
    h1 = re.search(r"<h1\b[^>]*>(.*?)</h1>", page, re.S).group(1)
    h1 = re.sub(r'<a class="headerlink".*?</a>', "", h1)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", h1)).split())


@pytest.mark.parametrize(("src", "language"), PAGES)
def test_saving_a_page_makes_a_web_page_of_this_site(pages, site_url, src, language):
    """Embedded Metadata: a Web Page titled as the page's heading, by the
    site's group author (one family name, not split), dated by the edition,
    in the edition's language, on the website named as the site's citation
    names it."""
    path = output_path(src, language)
    item = embedded_metadata(pages[path])
    author = registry()["site"]["author"][language]
    assert item == {
        "itemType": "webpage",
        "title": heading(pages[path]),
        "creators": [{"firstName": "", "lastName": author, "creatorType": "author"}],
        "date": edition_date(),
        "publicationTitle": registry()["site"]["title"][language],
        "language": language,
        "url": site_url + path.removesuffix("index.html"),
    }


def test_the_home_page_is_saved_under_the_talks_title(pages):
    for path, language in (("index.html", "en"), ("id/index.html", "id")):
        talk = " ".join(registry()["talk"]["name"][language].split())
        assert embedded_metadata(pages[path])["title"] == talk


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_cite_page_offers_its_three_works(pages, site_url, language):
    """COinS: the connector lists the site (this edition), the talk and the
    paper; Zotero saves each as its item type, the site's group author as
    one name."""
    data = registry()
    talk, paper, site = data["talk"], data["sources"]["D"], data["site"]
    page = pages[output_path("cite.md", language)]
    site_item, talk_item, paper_item = coins_items(page)
    assert site_item == {
        "itemType": "webpage",
        "title": site["title"][language],
        "creators": [
            {"lastName": site["author"][language], "fieldMode": 1, "creatorType": "author"}
        ],
        "url": site_url + ("" if language == "en" else f"{language}/"),
        "language": language,
    }
    record, other = talk["record"], "id" if talk["record"] == "en" else "en"
    assert talk_item["itemType"] == "presentation"
    assert talk_item["creators"] == [
        {"firstName": "Azza", "lastName": "Bimantara", "creatorType": "presenter"}
    ]
    assert talk_item["date"] == talk["date"].isoformat()
    assert "language" not in talk_item, "no source says in which language the talk was given"
    assert (
        talk_item["title"].lower()
        == (
            f"{' '.join(talk['name'][record].split())} [{' '.join(talk['name'][other].split())}]"
        ).lower()
    )
    assert paper_item == {
        "itemType": "journalArticle",
        "DOI": paper["doi"],
        "title": paper_item["title"],
        "publicationTitle": paper["journal"],
        "date": paper["date"],
        "volume": str(paper["volume"]),
        "issue": str(paper["issue"]),
        "pages": paper["pages"].replace("\u2013", "-"),
        "ISSN": paper["issn"],
        "creators": [{"lastName": "Bimantara", "firstName": "Azza", "creatorType": "author"}],
        "url": paper["url"],
        "language": paper["language"],
    }
    assert paper_item["title"].lower() == " ".join(paper["title"].split()).lower()


def test_only_the_cite_pages_carry_coins(pages):
    carrying = {name for name, page in pages.items() if 'class="Z3988"' in page}
    assert carrying == {"cite/index.html", "id/cite/index.html"}


def test_clean_author_splits_as_zotero_does():
    assert clean_author("Bimantara, Azza", "author", True) == {
        "firstName": "Azza",
        "lastName": "Bimantara",
        "creatorType": "author",
    }
    # Why the pages give their group author as "Name," (a family name alone).
    group = "Teacup Discussion #5 reference site contributors"
    assert clean_author(group, "author", False) == {
        "firstName": "Teacup Discussion #5 reference site",
        "lastName": "contributors",
        "creatorType": "author",
    }
    assert clean_author(group + ",", "author", True) == {
        "firstName": "",
        "lastName": group,
        "creatorType": "author",
    }
    assert datetime.date.fromisoformat(edition_date())
