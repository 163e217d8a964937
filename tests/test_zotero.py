"""What Zotero saves from each page and imports from each citation file, by
Zotero's own rules.

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
  ``RDF.js`` (``detectType``, ``importItem``), ``COinS.js``; for the
  citation files, ``RIS.js`` (``importTypeMap``, ``fieldMap``,
  ``processTag``, ``applyValue``, ``dateRIStoZotero``, ``completeItem``),
  ``BibTeX.js`` (``bibtex2zoteroTypeMap``, ``fieldMap``, ``inputFieldMap``,
  ``processField``, ``unescapeBibTeX``, ``beginRecord``) and
  ``CSL JSON.js`` (``doImport``);
- zotero/utilities at 4051881 (2026-08-19): ``openurl.js``
  (``parseContextObject``), ``utilities.js`` (``cleanAuthor``),
  ``utilities_item.js`` (``itemFromCSLJSON``), ``date.js`` (``formatDate``);
- zotero/zotero-schema at 5eedf44 (2026-01-20, schema 41): the CSL
  mappings and each item type's fields and creator types (``ITEM_TYPES``);
- Zotero's item model: a creator type that the item type does not have
  becomes its primary one (an author of a presentation, its presenter); a
  base field takes the item type's own name (``type``: ``presentationType``);
  a field the item type does not have is not kept.

A tag that would bring in a rule left out here (a Zotero, BibTeX, PRISM or
eprints type, a byline, a Highwire type, a RIS tag, BibTeX field or CSL
variable not listed) fails the test rather than being ignored. Where a
format has no way to give Zotero the work's type, the reviewed entry of
tests/allowlists/citation.yml says which type it gives, with a minimal case.
"""

from __future__ import annotations

import datetime
import html
import json
import re
from pathlib import Path
from urllib.parse import unquote

import bibtexparser
import pytest
from helpers import LANGUAGES, elements, nav_files, output_path, registry
from test_cite import EXTENSIONS, allowed, allowlist, edition_date, expected, folder, keys

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


# zotero-schema 5eedf44: the fields (base field -> the type's own name) and
# creator types (the primary one first) of the item types the files lead to.
ITEM_TYPES = {
    "presentation": {
        "fields": {
            "title", "abstractNote", "presentationType", "date", "meetingName", "place",
            "series", "sessionTitle", "DOI", "citationKey", "url", "accessDate", "shortTitle",
            "language", "rights", "extra",
        },
        "base": {"type": "presentationType", "publicationTitle": "sessionTitle"},
        "creators": ["presenter", "chair", "organizer", "contributor", "translator"],
    },
    "webpage": {
        "fields": {
            "title", "abstractNote", "websiteTitle", "websiteType", "date", "publisher", "place",
            "DOI", "citationKey", "url", "accessDate", "shortTitle", "language", "rights", "extra",
        },
        "base": {"type": "websiteType", "publicationTitle": "websiteTitle"},
        "creators": ["author", "contributor", "translator"],
    },
    "journalArticle": {
        "fields": {
            "title", "abstractNote", "publicationTitle", "publisher", "place", "date", "volume",
            "issue", "section", "partNumber", "partTitle", "pages", "series", "seriesTitle",
            "seriesText", "journalAbbreviation", "DOI", "citationKey", "url", "accessDate",
            "PMID", "PMCID", "ISSN", "archive", "archiveLocation", "shortTitle", "language",
            "libraryCatalog", "callNumber", "rights", "extra",
        },
        "base": {},
        "creators": ["author", "contributor", "editor", "translator", "reviewedAuthor"],
    },
    "manuscript": {
        "fields": {
            "title", "abstractNote", "manuscriptType", "institution", "place", "date",
            "numPages", "number", "DOI", "citationKey", "url", "accessDate", "archive",
            "archiveLocation", "shortTitle", "language", "libraryCatalog", "callNumber",
            "rights", "extra",
        },
        "base": {"type": "manuscriptType", "publisher": "institution"},
        "creators": ["author", "contributor", "translator"],
    },
}  # fmt: skip
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


def saved(item: dict) -> dict:
    """The item model: base fields under the type's own name, creators of a
    type the item type lacks as its primary one, other fields not kept."""
    kind = ITEM_TYPES[item["itemType"]]
    out = {"itemType": item["itemType"]}
    for field, value in item.items():
        field = kind["base"].get(field, field)
        if field in kind["fields"] or field in ("creators", "notes"):
            out[field] = value
    for creator in out.get("creators", []):
        if creator["creatorType"] not in kind["creators"]:
            creator["creatorType"] = kind["creators"][0]
    return out


# RIS.js: importTypeMap (with exportTypeMap reversed; GEN is a journal
# article, the default) for the types the files carry, and fieldMap for
# their tags: a field per item type, or one for all.
RIS_TYPES = {"SLIDE": "presentation", "ELEC": "webpage", "JOUR": "journalArticle"}
RIS_TYPES_BEFORE = {"GEN": "journalArticle"}
RIS_FIELDS = {
    "AU": "creators/author",
    "TI": "title",
    "T2": {
        "presentation": "meetingName",
        "webpage": "websiteTitle",
        "journalArticle": "publicationTitle",
    },
    "M3": {"presentation": "presentationType", "webpage": "websiteType", "journalArticle": "DOI"},
    "PB": "publisher",
    "DA": "date",
    "PY": "date",
    "UR": "url",
    "Y2": "accessDate",
    "LA": "language",
    "VL": "volume",
    "IS": "issue",
    "SP": "pages",
    "EP": "pages",
    "SN": {"journalArticle": "ISSN", "presentation": "ISBN", "webpage": "ISBN"},
    "DO": "DOI",
}


def ris_date(value: str) -> str:
    """dateRIStoZotero: 'YYYY/MM/DD/' with parts optional, leading zeros
    dropped and an empty part ending the date, as YYYY-MM-DD."""
    parts = re.fullmatch(r"(\d+)(?:/(\d{0,2})(?:/(\d{0,2})(?:[/\s]([^/]*))?)?)?", value)
    assert parts, f"a RIS date this emulation leaves out: {value}"
    kept = []
    for part in parts.groups()[:3]:
        if not part or not part.lstrip("0"):
            break
        kept.append(part.lstrip("0"))
    return "-".join([kept[0].rjust(4, "0"), *(part.rjust(2, "0") for part in kept[1:])])


def ris_item(text: str) -> dict:
    """The item RIS.js makes of a one-record file (a file import: no parent
    translator, so unknown and invalid tags go to a note)."""
    lines = text.split("\r\n")
    assert lines[-1] == "" and lines[-2] == "ER  - ", "one record, CRLF line ends"
    tags = [re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line).groups() for line in lines[:-2]]
    assert tags[0][0] == "TY"
    kind = tags[0][1]
    if kind not in RIS_TYPES and kind not in RIS_TYPES_BEFORE:
        raise AssertionError(f"a RIS type this emulation leaves out: {kind}")
    item: dict = {"itemType": {**RIS_TYPES, **RIS_TYPES_BEFORE}[kind], "creators": []}
    unknown, backup_date = [], None
    for tag, value in tags[1:]:
        if tag not in RIS_FIELDS:
            raise AssertionError(f"a RIS tag this emulation leaves out: {tag}")
        field = RIS_FIELDS[tag]
        field = field if isinstance(field, str) else field[item["itemType"]]
        if tag == "PY":  # a backup, used only without DA
            backup_date = ris_date(value)
            continue
        if tag == "EP":  # the end of the page range SP began
            item["pages"] += f"-{value}"
            continue
        if field == "creators/author":
            family, _, given = value.partition(",")
            creator = {"lastName": family.strip(), "creatorType": "author"}
            creator.update({"firstName": given.strip()} if given.strip() else {"fieldMode": 1})
            item["creators"].append(creator)
            continue
        if field in ("date", "accessDate"):
            value = ris_date(value)
        if tag == "M3" and field == "DOI" and not re.match(r"10\.\d", value):
            field = "unknown"  # M3 as EndNote's DOI, kept only if it is one (cleanDOI)
        if field not in ITEM_TYPES[item["itemType"]]["fields"] and field != "DOI":
            unknown.append(f"{tag}  - {value}")
            continue
        item[field] = value
    if backup_date and "date" not in item:
        item["date"] = backup_date
    if unknown:
        note = "".join(f"{line}<br/>" for line in unknown)
        item["notes"] = [f"The following values have no corresponding Zotero field:<br/>{note}"]
    return saved(item)


# BibTeX.js: bibtex2zoteroTypeMap, in full (no entry type is a
# presentation), and how processField reads the fields the files carry
# (fieldMap, inputFieldMap, the named branches); langid is in none of them,
# so it is dropped.
BIBTEX_TYPES = {
    "book": "book", "inbook": "bookSection", "incollection": "bookSection",
    "article": "journalArticle", "patent": "patent", "phdthesis": "thesis",
    "unpublished": "manuscript", "inproceedings": "conferencePaper",
    "conference": "conferencePaper", "techreport": "report", "booklet": "book",
    "manual": "book", "mastersthesis": "thesis", "misc": "document", "proceedings": "book",
    "online": "webpage", "electronic": "webpage", "thesis": "thesis", "letter": "letter",
    "movie": "film", "artwork": "artwork", "report": "report", "legislation": "bill",
    "jurisdiction": "case", "audio": "audioRecording", "video": "videoRecording",
    "software": "computerProgram", "inreference": "encyclopediaArticle", "collection": "book",
    "mvbook": "book",
}  # fmt: skip
BIBTEX_FIELDS = {
    "title": "title",
    "type": "type",
    "url": "url",
    "doi": "DOI",
    "issn": "ISSN",
    "volume": "volume",
    "eventtitle": "conferenceName",
    "organization": "publisher",  # a backup publisher, used as none is set
    "journal": "publicationTitle",
    "number": "issue",  # for any type but report, book, bookSection and patent
    "pages": "pages",
    "urldate": "accessDate",
    "langid": None,
}


def unescape_bibtex(value: str) -> str:
    """unescapeBibTeX for what the files hold: braces dropped, a backslash
    before # $ % & ~ _ ^ \\ { } dropped; any other TeX is a rule left out."""
    assert not re.search(r"\\[^#$%&~_^\\{}]", value), f"TeX this emulation leaves out: {value}"
    value = re.sub(r"(?<!\\)[{}]+", "", value)
    return re.sub(r"\\([#$%&~_^\\{}])", r"\1", value)


def bibtex_item(text: str) -> dict:
    """The item BibTeX.js makes of a one-entry file."""
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks and len(library.entries) == 1, text
    entry = library.entries[0]
    if entry.entry_type not in BIBTEX_TYPES:
        raise AssertionError(f"a BibTeX type this emulation leaves out: {entry.entry_type}")
    item: dict = {"itemType": BIBTEX_TYPES[entry.entry_type], "creators": []}
    year = month = day = None
    for field in entry.fields:
        name, raw = field.key.lower(), str(field.value)
        value = unescape_bibtex(raw)
        if name == "author":
            for author in re.split(r"\s+and\s+", raw.strip()):
                if author.startswith("{") and author.endswith("}"):
                    creator = {"lastName": unescape_bibtex(author), "fieldMode": 1}
                else:
                    family, _, given = author.partition(",")
                    assert given, f"a name form this emulation leaves out: {author}"
                    creator = {"firstName": unescape_bibtex(given.strip()), "lastName": family}
                item["creators"].append({**creator, "creatorType": "author"})
        elif name == "year":
            year = value
        elif name == "month":
            month = [m[:3].lower() for m in MONTHS].index(value) + 1
        elif name == "day":
            day = value
        elif name not in BIBTEX_FIELDS:
            raise AssertionError(f"a BibTeX field this emulation leaves out: {name}")
        elif BIBTEX_FIELDS[name]:
            item[BIBTEX_FIELDS[name]] = raw if name == "url" else value
    if "pages" in item:
        item["pages"] = item["pages"].replace("--", "-")
    if year:
        # dateFieldsToDate, then strToISO: year, month and day as ISO.
        item["date"] = "-".join([year, *([f"{month:02d}"] if month else [])])
        item["date"] += f"-{int(day):02d}" if month and day else ""
    return saved(item)


def csl_date(parts: list[int]) -> str:
    """itemFromCSLJSON: a date is written by formatDate, 'September 30, 2021'."""
    year, month, day = [*parts, None, None][:3]
    if month is None:
        return str(year)
    return f"{MONTHS[month - 1]} {day}, {year}" if day else f"{MONTHS[month - 1]} {year}"


# The schema's CSL mappings (csl.types, csl.fields.text and date, csl.names)
# for the variables the files carry; a text variable maps to the first of
# its fields the item type has.
CSL_TYPES = {"speech": "presentation", "webpage": "webpage", "article-journal": "journalArticle"}
CSL_TEXT = {
    "title": ["title"],
    "genre": ["type", "programmingLanguage"],
    "event-title": ["meetingName", "conferenceName"],
    "publisher": ["publisher"],
    "container-title": ["publicationTitle", "reporter", "code"],
    "volume": ["volume", "codeNumber"],
    "issue": ["issue", "priorityNumbers"],
    "page": ["pages"],
    "ISSN": ["ISSN"],
    "DOI": ["DOI"],
    "URL": ["url"],
    "language": ["language"],
}
CSL_NAMES = {"author": "author", "organizer": "organizer"}


def csl_item(text: str) -> dict:
    """The item CSL JSON.js makes of a one-item file (itemFromCSLJSON)."""
    (csl,) = json.loads(text)
    if csl["type"] not in CSL_TYPES:
        raise AssertionError(f"a CSL type this emulation leaves out: {csl['type']}")
    item: dict = {"itemType": CSL_TYPES[csl["type"]], "creators": []}
    kind = ITEM_TYPES[item["itemType"]]
    for variable, value in csl.items():
        if variable in ("id", "type"):
            continue
        if variable in CSL_TEXT:
            fields = [kind["base"].get(f, f) for f in CSL_TEXT[variable]]
            field = next((f for f in fields if f in kind["fields"]), None)
            if field:
                item[field] = value
        elif variable in ("issued", "accessed"):
            parts = value["date-parts"][0]
            if variable == "accessed":
                item["accessDate"] = "-".join([str(parts[0]), *(f"{p:02d}" for p in parts[1:])])
            else:
                item["date"] = csl_date(parts)
        elif variable in CSL_NAMES:
            creator_type = CSL_NAMES[variable]
            if creator_type not in kind["creators"]:
                creator_type = kind["creators"][0]
            for name in value:
                if "literal" in name:
                    creator = {"lastName": name["literal"], "fieldMode": 1}
                else:
                    creator = {"lastName": name["family"], "firstName": name["given"]}
                item["creators"].append({**creator, "creatorType": creator_type})
        else:
            raise AssertionError(f"a CSL variable this emulation leaves out: {variable}")
    return saved(item)


IMPORTERS = {"ris": ris_item, "bib": bibtex_item, "json": csl_item}


def imported_items(want: dict, work: str) -> dict[str, dict]:
    """The item each file should give, per extension, from the sources of truth."""
    title = want["title"] + (f" [{want['translation']}]" if "translation" in want else "")
    if work == "site":
        group = {"lastName": want["author"], "fieldMode": 1, "creatorType": "author"}
        base = {
            "itemType": "webpage",
            "creators": [group],
            "title": title,
            "url": want["url"],
            "accessDate": want["accessed"],
        }
        return {
            "ris": {**base, "language": want["language"]},
            "bib": base,  # langid: BibTeX.js reads no language from it
            "json": {**base, "language": want["language"]},
        }
    family, _, given = want["author"].partition(", ")
    person = {"lastName": family, "firstName": given}
    if work == "talk":
        year, month, day = map(int, want["date"].split("-"))
        presenter = {**person, "creatorType": "presenter"}
        talk = {"itemType": "presentation", "title": title, "presentationType": want["genre"]}
        note = f"PB  - {want['organizer']}<br/>"
        return {
            "ris": {
                **talk,
                "creators": [presenter],
                "date": want["date"],
                "meetingName": want["event"],
                "notes": [f"The following values have no corresponding Zotero field:<br/>{note}"],
            },
            "bib": {
                "itemType": "manuscript",
                "creators": [{**person, "creatorType": "author"}],
                "title": title,
                "manuscriptType": want["genre"],
                "institution": want["organizer"],
                "date": want["date"],
            },
            "json": {
                **talk,
                "creators": [
                    presenter,
                    {"lastName": want["organizer"], "fieldMode": 1, "creatorType": "organizer"},
                ],
                "date": f"{MONTHS[month - 1]} {day}, {year}",
                "meetingName": want["event"],
            },
        }
    year, month = map(int, want["date"].split("-"))
    paper = {
        "itemType": "journalArticle",
        "creators": [{**person, "creatorType": "author"}],
        "title": title,
        "publicationTitle": want["journal"],
        "volume": want["volume"],
        "issue": want["issue"],
        "ISSN": want["issn"],
        "DOI": want["doi"],
        "url": want["url"],
    }
    return {
        "ris": {
            **paper,
            "date": want["date"],
            "pages": "-".join(want["pages"]),
            "language": want["language"],
        },
        "bib": {**paper, "date": want["date"], "pages": "-".join(want["pages"])},
        "json": {
            **paper,
            "date": f"{MONTHS[month - 1]} {year}",
            "pages": "\u2013".join(want["pages"]),
            "language": want["language"],
        },
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_zotero_imports_each_citation_file_as_its_work(site, site_url, language):
    """RIS.js, BibTeX.js and CSL JSON.js on every file of the edition: the
    site a web page, the paper a journal article, the talk a presentation
    (its presenter, full date, meeting and type), except where the reviewed
    allowlist says the format has no such type for Zotero (the BibTeX talk,
    a manuscript)."""
    for work, want in expected(language, site_url).items():
        items = imported_items(want, work)
        for extension in EXTENSIONS:
            path = site / folder(language) / f"{keys(language)[work]}.{extension}"
            item = IMPORTERS[extension](path.read_bytes().decode("utf-8"))
            assert item == items[extension], path.name
            entry = allowed("Zotero", path.name)
            kinds = {"site": "webpage", "talk": "presentation", "paper": "journalArticle"}
            assert item["itemType"] == (entry["reads"] if entry else kinds[work]), path.name


def test_zotero_allowlist_entries_hold_on_their_minimal_case():
    """Each reviewed Zotero difference is real: its minimal case, read by
    the restated translator, gives the item type the entry records."""
    entries = [e for e in allowlist() if e["reader"] == "Zotero"]
    assert entries
    for entry in entries:
        read = IMPORTERS[Path(entry["files"][0]).suffix[1:]]
        assert read(entry["case"])["itemType"] == entry["reads"] == entry["gives"]


def test_no_bibtex_type_is_a_presentation_to_zotero():
    """Why the BibTeX talk is allowlisted: BibTeX.js imports no entry type
    as a presentation."""
    assert "presentation" not in BIBTEX_TYPES.values()
