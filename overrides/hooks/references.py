"""Render full references and copyable citations from the source registry.

Shortcodes in HTML comments, so a plain Markdown viewer shows nothing:

- ``<!-- source:KEY -->`` becomes the full reference of that source, with the
  anchor ``source-<key>`` that inline citations link to;
- ``<!-- cite:NAME -->`` becomes a code block (APA 7 or BibTeX) for the site,
  the talk or the paper, e.g. ``<!-- cite:talk-apa -->``.

An unknown key or name is reported with the file and line.

Events: ``on_page_markdown``.
"""

from __future__ import annotations

import os
import re
import time

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

SHORTCODE = re.compile(r"^<!-- (source|cite):([\w-]+) -->$", re.MULTILINE)

LABELS = {
    "en": {
        "title": "Title",
        "author": "Author",
        "publisher": "Publisher",
        "journal": "Journal",
        "language": "Language",
        "date": "Date",
        "doi": "DOI",
        "link": "Link",
        "en": "English",
        "id": "Indonesian",
        "url_date": "per its URL",
        "article": "Article",
        "pages": "pp.",
    },
    "id": {
        "title": "Judul",
        "author": "Penulis",
        "publisher": "Penerbit",
        "journal": "Jurnal",
        "language": "Bahasa",
        "date": "Tanggal",
        "doi": "DOI",
        "link": "Tautan",
        "en": "Inggris",
        "id": "Indonesia",
        "url_date": "menurut URL-nya",
        "article": "Artikel",
        "pages": "hlm.",
    },
}
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    registry = config.extra["registry"]
    language = config.theme.get("language", "en")

    def replace(match: re.Match) -> str:
        kind, name = match.groups()
        text = (reference if kind == "source" else citation)(name, registry, language, config)
        if text is None:
            source = page.file.content_string
            line = source.count("\n", 0, source.find(match.group(0))) + 1
            log.warning(
                f"{page.file.src_path}:{line}: unknown {kind} '{name}' in "
                f"'{match.group(0)}'; use one of {', '.join(known(kind, registry))}"
            )
            return match.group(0)
        return text

    return SHORTCODE.sub(replace, markdown)


def known(kind: str, registry: dict) -> list[str]:
    if kind == "source":
        return list(registry["sources"])
    return [f"{what}-{style}" for what in ("site", "talk", "paper") for style in ("apa", "bibtex")]


def reference(key: str, registry: dict, language: str, config: MkDocsConfig) -> str | None:
    """A source's full reference as a Markdown list inside an anchored block."""
    source = registry["sources"].get(key)
    if source is None:
        return None
    t = LABELS.get(language, LABELS["en"])
    rows = []
    if "title" in source:
        rows.append((t["title"], f"“{source['title']}”"))
    if "author" in source:
        rows.append((t["author"], source["author"]))
    if "journal" in source:
        journal = (
            f"*{source['journal']}* {source['volume']}({source['issue']}), "
            f"{t['article']} {source['article']}, {t['pages']} {source['pages']}; "
            f"E-ISSN {source['issn']}"
        )
        rows.append((t["journal"], journal))
    if "publisher" in source:
        rows.append((t["publisher"], source["publisher"]))
    rows.append((t["language"], t[source["language"]]))
    if "date" in source:
        date = human_date(str(source["date"]), language)
        rows.append((t["date"], date if "journal" in source else f"{date} ({t['url_date']})"))
    if "doi" in source:
        rows.append((t["doi"], f"[{source['doi']}]({source['url']})"))
    else:
        rows.append((t["link"], f"[{source['url']}]({source['url']})"))
    items = "\n".join(f"- **{name}:** {value}" for name, value in rows)
    return f'<div class="source-ref" id="source-{key.lower()}" markdown>\n\n{items}\n\n</div>'


def human_date(value: str, language: str) -> str:
    """'2021-10-15' -> '15 October 2021'; '2022-07' -> 'July 2022'."""
    parts = [int(p) for p in value.split("-")]
    month = MONTHS.get(language, MONTHS["en"]).split()[parts[1] - 1] if len(parts) > 1 else ""
    return " ".join(str(p) for p in ([parts[2]] if len(parts) > 2 else []) + [month, parts[0]] if p)


def citation(name: str, registry: dict, language: str, config: MkDocsConfig) -> str | None:
    """A copyable APA 7 or BibTeX citation of the site, the talk or the paper."""
    what, _, style = name.rpartition("-")
    talk, paper = registry["talk"], registry["sources"]["D"]
    date = str(talk["date"])
    year, month, day = date.split("-")
    texts = {
        "site-apa": (
            f"{config.site_author}. ({build_year()}). {config.site_name}. {config.site_url}"
        ),
        "site-bibtex": bibtex(
            "misc",
            "teacup5site",
            {
                "author": f"{{{config.site_author}}}",
                "title": bibtex_escape(config.site_name),
                "year": build_year(),
                "url": config.site_url,
            },
        ),
        "talk-apa": (
            f"{talk['speaker_apa']} ({year}, {MONTHS['en'].split()[int(month) - 1]} {int(day)}). "
            f"{talk['apa_title']} [Presentation]. {talk['series']['en']} "
            f"#{talk['session']}, {talk['organizer']}."
        ),
        "talk-bibtex": bibtex(
            "misc",
            f"bimantara{year}teacup",
            {
                "author": paper["author"],
                "title": f"{{{talk['name']['en']}}}",
                "howpublished": (
                    f"{talk['series']['en']} \\#{talk['session']}, {talk['organizer']}"
                ),
                "year": year,
                "month": MONTHS["en"].split()[int(month) - 1][:3].lower(),
                "note": f"Talk given on {int(day)} {MONTHS['en'].split()[int(month) - 1]} {year}",
            },
        ),
        "paper-apa": (
            f"{talk['speaker_apa']} ({paper['year']}). {paper['apa_title']}. {paper['journal']}, "
            f"{paper['volume']}({paper['issue']}), {paper['pages']}. {paper['url']}"
        ),
        "paper-bibtex": bibtex(
            "article",
            f"bimantara{paper['year']}normative",
            {
                "author": paper["author"],
                "title": f"{{{paper['title']}}}",
                "journal": paper["journal"],
                "volume": paper["volume"],
                "number": paper["issue"],
                "pages": str(paper["pages"]).replace("\u2013", "--"),
                "year": paper["year"],
                "doi": paper["doi"],
                "url": paper["url"],
            },
        ),
    }
    if what not in ("site", "talk", "paper") or name not in texts:
        return None
    fence = "bibtex" if style == "bibtex" else "text"
    return f"``` {fence}\n{texts[name]}\n```"


def bibtex(kind: str, key: str, fields: dict) -> str:
    width = max(len(name) for name in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields.items())
    return f"@{kind}{{{key},\n{body}\n}}"


def bibtex_escape(text: str) -> str:
    return text.replace("#", "\\#")


def build_year() -> int:
    """The year of this edition: SOURCE_DATE_EPOCH (set from the commit) or now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.gmtime(int(epoch) if epoch else None).tm_year
