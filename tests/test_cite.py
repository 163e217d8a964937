"""The citation files on the Cite page, read back with real BibTeX and RIS parsers.

Every field of every entry is checked against its source of truth: the
registry (data/registry.yml) for the talk and the paper, mkdocs.yml and the
date of the commit built for the site itself; in both editions.
"""

from __future__ import annotations

import datetime
import os
import posixpath
import subprocess

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares
from helpers import LANGUAGES, ROOT, elements, mkdocs_config, registry

KEYS = {"site": "teacup5site", "talk": "bimantara2021teacup", "paper": "bimantara2022normative"}
PRESENTATION = {"en": "Presentation", "id": "Presentasi"}


def edition_date() -> str:
    """The date every build of this commit carries (overrides/hooks/content.py)."""
    epoch = (
        os.environ.get("SOURCE_DATE_EPOCH")
        or subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout.strip()
    )
    return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date().isoformat()


def expected(language: str, site_url: str) -> dict[str, dict]:
    """Each work's fields, written out from the sources of truth."""
    config = mkdocs_config()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    overrides = next(lang for lang in i18n["languages"] if lang["locale"] == language)
    talk, paper = registry()["talk"], registry()["sources"]["D"]
    organizer, series = talk["organizer"][language], talk["series"][language]
    meeting = f"{series} #{talk['session']}, {organizer}"
    day = edition_date()
    return {
        "site": {
            "author": overrides.get("site_author", config["site_author"]),
            "title": overrides.get("site_name", config["site_name"]),
            "date": day,
            "accessed": day,
            "url": site_url if language == "en" else f"{site_url}{language}/",
            "language": language,
        },
        "talk": {
            "author": talk["author"],
            "title": " ".join(talk["name"][language].split()),
            "date": talk["date"].isoformat(),
            "genre": PRESENTATION[language],
            "meeting": meeting,
        },
        "paper": {
            "author": paper["author"],
            "title": " ".join(paper["title"].split()),
            "date": paper["date"],
            "journal": paper["journal"],
            "volume": str(paper["volume"]),
            "issue": str(paper["issue"]),
            "pages": paper["pages"].split("\u2013"),
            "issn": paper["issn"],
            "doi": paper["doi"],
            "url": paper["url"],
            "language": paper["language"],
        },
    }


def folder(language: str) -> str:
    return "cite" if language == "en" else f"{language}/cite"


@pytest.mark.parametrize("language", LANGUAGES)
def test_bibtex_files_match_the_registry(site, site_url, language):
    for work, want in expected(language, site_url).items():
        text = (site / folder(language) / f"{KEYS[work]}.bib").read_text(encoding="utf-8")
        library = bibtexparser.parse_string(
            text,
            append_middleware=[
                middlewares.LatexDecodingMiddleware(),
                middlewares.MonthIntMiddleware(True),
            ],
        )
        assert not library.failed_blocks and len(library.entries) == 1, text
        entry = library.entries[0]
        fields = {field.key: field.value for field in entry.fields}
        year, month, *_ = map(int, want["date"].split("-"))
        common = {
            "author": want["author"],
            "title": want["title"],
            "year": str(year),
            "month": month,
        }
        if work == "site":
            assert entry.entry_type == "misc"
            assert fields == {**common, "url": want["url"], "urldate": want["accessed"]}
        if work == "talk":
            assert entry.entry_type == "misc"
            assert fields == {**common, "type": want["genre"], "howpublished": want["meeting"]}
        if work == "paper":
            assert entry.entry_type == "article"
            assert fields == {
                **common,
                "journal": want["journal"],
                "volume": want["volume"],
                "number": want["issue"],
                "pages": "\u2013".join(want["pages"]),
                "issn": want["issn"],
                "doi": want["doi"],
                "url": want["url"],
            }
        assert entry.key == KEYS[work]


def ris_date(value: str) -> str:
    parts = value.split("-")
    return "/".join(parts + [""] * (4 - len(parts)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_ris_files_match_the_registry(site, site_url, language):
    for work, want in expected(language, site_url).items():
        raw = (site / folder(language) / f"{KEYS[work]}.ris").read_bytes()
        assert raw.endswith(b"ER  - \r\n") and b"\n" not in raw.replace(b"\r\n", b"")
        (record,) = rispy.loads(raw.decode("utf-8"))
        common = {
            "authors": [want["author"]],
            "title": want["title"],
            "year": want["date"][:4],
            "date": ris_date(want["date"]),
        }
        if work == "site":
            assert record == {
                "type_of_reference": "ELEC",
                **common,
                "urls": [want["url"]],
                "access_date": ris_date(want["accessed"]),
                "language": want["language"],
            }
        if work == "talk":
            assert record == {
                "type_of_reference": "SLIDE",
                **common,
                "secondary_title": want["meeting"],
                "type_of_work": want["genre"],
            }
        if work == "paper":
            assert record == {
                "type_of_reference": "JOUR",
                **common,
                "secondary_title": want["journal"],
                "volume": want["volume"],
                "number": want["issue"],
                "start_page": want["pages"][0],
                "end_page": want["pages"][1],
                "issn": want["issn"],
                "doi": want["doi"],
                "urls": [want["url"]],
                "language": want["language"],
            }


@pytest.mark.parametrize("language", LANGUAGES)
def test_cite_page_links_every_file_of_its_edition(site, pages, language):
    page = "cite/index.html" if language == "en" else f"{language}/cite/index.html"
    links = [a["href"] for a in elements(pages[page], "a") if "download" in a]
    targets = {posixpath.normpath(posixpath.join(posixpath.dirname(page), href)) for href in links}
    files = {f"{folder(language)}/{key}.{ext}" for key in KEYS.values() for ext in ("bib", "ris")}
    assert len(links) == len(targets) == 6
    assert targets == files
    assert all((site / target).is_file() for target in targets)


def test_citation_files_exist_only_beside_the_cite_pages(site):
    found = {str(p.relative_to(site)) for p in site.rglob("*") if p.suffix in {".bib", ".ris"}}
    assert found == {
        f"{folder(language)}/{key}.{ext}"
        for language in LANGUAGES
        for key in KEYS.values()
        for ext in ("bib", "ris")
    }
