"""The registry's works as references and citations, in every format the site offers.

Not a hook: content.py calls it. From data/registry.yml and, for the site
itself, mkdocs.yml's site_url and the build's date (``SOURCE_DATE_EPOCH``),
``works`` describes the three citable works (the site, the talk, the paper)
in one form that every formatter reads:

- ``reference``: a source's full reference on the Sources page, anchored
  ``source-<key>`` for the inline citations to link to;
- ``citation``: a copyable APA 7 or BibTeX block, or the COinS that offers
  the work to a reference manager, on the Cite page;
- ``bibtex``, ``ris`` and ``csl_json``: the files ``cite/<key>.bib``,
  ``.ris`` and ``.json``.

Each file gives each work the type its readers know it by: the site a web
page, the paper a journal article, the talk a presentation (CSL ``speech``,
RIS ``SLIDE``, BibTeX ``@unpublished`` with its event, which pandoc reads
as a speech). Where a reader has no such type (Zotero's and citation-js's
BibTeX readers, citation-js's RIS reader), tests/allowlists/citation.yml
records what it makes of the file instead, with the minimal case.

One work, one record: the talk and the paper have the same record in both
editions (the talk's in the language of ``talk.record``, with the other
title as its translation); each edition of the site is a work of its own,
with its own key. Titles are stored in sentence case, as APA prints them
and as CSL processors expect (pandoc lower-cases nothing outside English).
The APA text is what pandoc's citeproc makes of the BibTeX and CSL-JSON
files, and citeproc-js of every file, with the APA 7 CSL style in the
edition's language (tests/test_cite.py runs both):
its terms and month names are the edition's strings (data/strings.yml).
"""

from __future__ import annotations

import datetime
import html
import json
import os
import re
from urllib.parse import quote, urljoin

# The citation files' folder, beside the Cite page (cite.md -> cite/).
FOLDER = "cite"
WORKS = ("site", "talk", "paper")
STYLES = ("apa", "bibtex", "coins")


def known(kind: str, registry: dict) -> list[str]:
    if kind == "source":
        return list(registry["sources"])
    return [f"{what}-{style}" for what in WORKS for style in STYLES]


def localized(value: str | dict, language: str) -> str:
    """A text field: one string for both languages, or a mapping of en and id."""
    return value[language] if isinstance(value, dict) else value


def source_names(keys: list[str], sources: dict, language: str) -> str:
    """'A: FISIPOL UGM news article; B: ...', each source's label in the edition's language."""
    return "; ".join(f"{key}: {localized(sources[key]['label'], language)}" for key in keys)


def reference(key: str, registry: dict, language: str, strings: dict) -> str | None:
    """A source's full reference as a Markdown list inside an anchored block;
    a title in the other edition's language is marked with its language, and
    so are its words in another (``title_words``)."""
    source = registry["sources"].get(key)
    if source is None:
        return None
    t = strings["reference"]
    rows = []
    if "title" in source:
        title = f'"{source["title"]}"'
        for word, lang in source.get("title_words", {}).items():
            title = title.replace(word, f'<span lang="{lang}">{word}</span>')
        if source["language"] != language:
            title = f'<span lang="{source["language"]}">{title}</span>'
        rows.append((t["title"], title))
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
        rows.append((t["publisher"], localized(source["publisher"], language)))
    rows.append((t["language"], t[source["language"]]))
    if "date" in source:
        date = human_date(str(source["date"]), strings["months"])
        rows.append((t["date"], date if "journal" in source else f"{date} ({t['url_date']})"))
    if "doi" in source:
        rows.append((t["doi"], f"[{source['doi']}]({source['url']})"))
    else:
        rows.append((t["link"], f"[{source['url']}]({source['url']})"))
    items = "\n".join(f"- **{name}:** {value}" for name, value in rows)
    return f'<div class="source-ref" id="source-{key.lower()}" markdown>\n\n{items}\n\n</div>'


def date_parts(value: object) -> list[int]:
    """'2021-09-30' -> [2021, 9, 30]; '2022-07' -> [2022, 7]."""
    return [int(part) for part in str(value).split("-")]


def human_date(value: str, months: list[str]) -> str:
    """'2021-10-15' -> '15 October 2021'; '2022-07' -> 'July 2022'."""
    parts = date_parts(value)
    month = months[parts[1] - 1] if len(parts) > 1 else ""
    return " ".join(str(p) for p in ([parts[2]] if len(parts) > 2 else []) + [month, parts[0]] if p)


def edition_date() -> datetime.date:
    """The date of this edition: SOURCE_DATE_EPOCH (set from the commit) or today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else None
    return (moment or datetime.datetime.now(datetime.UTC)).date()


def site(registry: dict, language: str, site_url: str | None, path: str) -> dict:
    """An edition of the site as a work: its key, title, author, address and date."""
    about = registry["site"]
    return {
        "key": localized(about["key"], language),
        "title": localized(about["title"], language),
        "author": localized(about["author"], language),
        "url": urljoin(site_url or "", path),
        "date": edition_date().isoformat(),
    }


def works(registry: dict, language: str, site: dict) -> dict[str, dict]:
    """The three citable works in one form that every formatter reads.

    Names are "Family, Given"; a group author (``group``) is one name. Dates
    are ISO strings; ``nouns`` are the words no style may lower-case. Titles
    are in sentence case; the talk's ``translation`` is its title in the
    other edition's language.
    """
    talk, paper = registry["talk"], registry["sources"]["D"]
    series, record = talk["series"], talk["record"]
    nouns = [*registry.get("proper_nouns", []), *series.values()]
    other = next(code for code in talk["name"] if code != record)
    return {
        "site": {
            "key": site["key"],
            "kind": "site",
            "author": site["author"],
            "group": True,
            "title": sentence_case(site["title"], nouns),
            # APA dates a work that changes and keeps no archive (n.d.) by the
            # day it was read; a static page can only give its own date (the
            # Cite page says to replace it).
            "accessed": site["date"],
            "url": site["url"],
            "language": language,
            "nouns": nouns,
        },
        "talk": {
            "key": "bimantara2021teacup",
            "kind": "talk",
            "author": talk["author"],
            "title": sentence_case(" ".join(talk["name"][record].split()), nouns),
            "translation": sentence_case(" ".join(talk["name"][other].split()), nouns),
            "date": str(talk["date"]),
            "genre": talk["genre"],
            "event": f"{series[record]} #{talk['session']}",
            "organizer": localized(talk["organizer"], record),
            # No language: no source says in which the talk was given, and
            # reference managers read a record's language as the work's.
            "nouns": nouns,
        },
        "paper": {
            "key": "bimantara2022normative",
            "kind": "paper",
            "author": paper["author"],
            "title": sentence_case(" ".join(paper["title"].split()), nouns),
            "date": str(paper["date"]),
            "journal": paper["journal"],
            "volume": str(paper["volume"]),
            "issue": str(paper["issue"]),
            "pages": str(paper["pages"]),
            "issn": paper["issn"],
            "doi": paper["doi"],
            "url": paper["url"],
            "language": paper["language"],
            "nouns": nouns,
        },
    }


def full_title(work: dict) -> str:
    """The title as APA prints it: a translation follows in square brackets."""
    if "translation" in work:
        return f"{work['title']} [{work['translation']}]"
    return work["title"]


def citation(name: str, entries: dict[str, dict], language: str, strings: dict) -> str | None:
    """A copyable APA 7 or BibTeX citation of the site, the talk or the paper,
    or its COinS for a reference manager to take from the page."""
    what, _, style = name.rpartition("-")
    if what not in entries or style not in STYLES:
        return None
    if style == "apa":
        return f"``` text\n{apa(entries[what], language, strings)}\n```"
    if style == "coins":
        # A block of its own, so Markdown wraps it in no paragraph.
        context = html.escape(coins(entries[what]))
        return f'<div class="coins"><span class="Z3988" title="{context}"></span></div>'
    return f"``` bibtex\n{bibtex(entries[what]).rstrip()}\n```"


def nouns_pattern(nouns: list[str]) -> re.Pattern:
    names = sorted(nouns, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")


def sentence_case(title: str, nouns: list[str]) -> str:
    """APA's sentence case: capitals stay on the first word, the first word
    after a colon, proper nouns and acronyms only."""
    kept = {i for m in nouns_pattern(nouns).finditer(title) for i in range(m.start(), m.end())}

    def word(match: re.Match) -> str:
        start, text = match.start(), match.group()
        first = start == 0 or title[:start].rstrip().endswith(":")
        return text if first or start in kept or not text.istitle() else text.lower()

    return re.sub(r"\S+", word, title)


def initials(name: str) -> str:
    """'Bimantara, Azza' -> 'Bimantara, A.'"""
    family, _, given = name.partition(", ")
    return f"{family}, " + " ".join(f"{part[0]}." for part in given.split())


def apa_date(value: str, language: str, months: list[str], *, retrieved: bool = False) -> str:
    """A date as the APA 7 CSL style prints it: of a work '2021, September 30'
    (its date parts, in the edition's month names); of retrieval in the
    locale's long form, 'September 30, 2021' or '30 September 2021'."""
    year, month, day = date_parts(value)
    name = months[month - 1]
    if not retrieved:
        return f"{year}, {name} {day}"
    return f"{name} {day}, {year}" if language == "en" else f"{day} {name} {year}"


def apa(work: dict, language: str, strings: dict) -> str:
    """An APA 7 reference (without italics, which plain text cannot show)."""
    t, months = strings["reference"], strings["months"]
    author = work["author"] if work.get("group") else initials(work["author"])
    title = full_title(work)
    if work["kind"] == "site":
        read = apa_date(work["accessed"], language, months, retrieved=True)
        retrieved = t["retrieved"].format(date=read, url=work["url"])
        return f"{author}. ({t['no_date']}). {title}. {retrieved}"
    if work["kind"] == "talk":
        return (
            f"{author} ({apa_date(work['date'], language, months)}). {title} [{work['genre']}]. "
            f"{work['event']}. {work['organizer']}."
        )
    return (
        f"{author} ({date_parts(work['date'])[0]}). {title}. {work['journal']}, "
        f"{work['volume']}({work['issue']}), {work['pages']}. {work['url']}"
    )


BIBTEX_SPECIAL = re.compile(r"[\\{}#&%$_~^]")
BIBTEX_REPLACEMENT = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\^{}"}
# BibTeX's month macros, whatever the edition's language.
BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# biblatex's language names for langid (babel's and polyglossia's).
BIBLATEX_LANGUAGES = {"en": "english", "id": "indonesian"}


def bibtex_escape(text: str) -> str:
    """Text as BibTeX/LaTeX reads it: # & % $ _ { } and the rest escaped."""
    return BIBTEX_SPECIAL.sub(lambda m: BIBTEX_REPLACEMENT.get(m.group(), "\\" + m.group()), text)


def bibtex_title(title: str, nouns: list[str]) -> str:
    """A sentence-case title as BibTeX keeps it: braces around the proper
    nouns and around every other capitalised word but the first, so neither
    a BibTeX style nor pandoc's English sentence case lower-cases them."""
    out, position = [], 0
    for match in nouns_pattern(nouns).finditer(title):
        out.append(brace_capitals(title[position : match.start()], position))
        out.append("{" + bibtex_escape(match.group()) + "}")
        position = match.end()
    out.append(brace_capitals(title[position:], position))
    return "".join(out)


def brace_capitals(text: str, offset: int) -> str:
    """Escape ``text`` (found at ``offset`` in the title); brace its capitalised words."""

    def word(match: re.Match) -> str:
        lead, core, trail = re.fullmatch(r"(\W*)(.*?)(\W*)", match.group()).groups()
        if offset + match.start() == 0 or core == core.lower():
            return bibtex_escape(match.group())
        return f"{bibtex_escape(lead)}{{{bibtex_escape(core)}}}{bibtex_escape(trail)}"

    return re.sub(r"\S+", word, text)


def bibtex(work: dict) -> str:
    """A BibTeX entry, in the types and fields both BibTeX and biblatex (and
    pandoc, Zotero, JabRef) read: the site as @online, the talk as a
    presentation (@unpublished with its event), the paper as @article.
    URLs and DOIs are verbatim fields, never escaped."""
    author = bibtex_escape(work["author"])
    fields = {
        "author": f"{{{author}}}" if work.get("group") else author,
        "title": bibtex_title(full_title(work), work["nouns"]),
    }
    if work["kind"] == "talk":
        fields["type"] = bibtex_escape(work["genre"])
        fields["eventtitle"] = bibtex_title(work["event"], work["nouns"])
        fields["organization"] = bibtex_escape(work["organizer"])
    if work["kind"] == "paper":
        fields["journal"] = bibtex_escape(work["journal"])
    if "date" in work:
        year, month, *day = date_parts(work["date"])
        fields["year"] = str(year)
        fields["month"] = BIBTEX_MONTHS[month - 1]
        if day:
            fields["day"] = str(day[0])
    if work["kind"] == "paper":
        fields["volume"] = work["volume"]
        fields["number"] = work["issue"]
        fields["pages"] = work["pages"].replace("\u2013", "--")
        fields["issn"] = work["issn"]
        fields["doi"] = work["doi"]
    if "url" in work:
        fields["url"] = work["url"]
    if "accessed" in work:
        fields["urldate"] = work["accessed"]
    if "language" in work:
        fields["langid"] = BIBLATEX_LANGUAGES[work["language"]]
    kind = {"site": "online", "talk": "unpublished", "paper": "article"}[work["kind"]]
    width = max(map(len, fields))
    lines = [
        # The month is BibTeX's own macro (sep), so styles can name it in any language.
        f"  {name.ljust(width)} = {value if name == 'month' else '{' + value + '}'},"
        for name, value in fields.items()
    ]
    return "\n".join([f"@{kind}{{{work['key']},", *lines, "}"]) + "\n"


# RIS types: the site as a web page, the paper as a journal article, the
# talk as a presentation. RIS has no type for a talk; SLIDE, named for
# slides in the RIS specification, is the type Zotero reads and writes for
# any presentation (RIS.js exportTypeMap), and the record's type of work
# (M3) says Presentation, as the registry's genre does, not slides.
RIS_TYPES = {"site": "ELEC", "talk": "SLIDE", "paper": "JOUR"}


def ris_date(value: str) -> str:
    """RIS dates are YYYY/MM/DD/ with empty parts: '2022-07' -> '2022/07//'."""
    parts = [f"{part:02d}" for part in date_parts(value)[1:]]
    return "/".join([value[:4], *parts, *[""] * (3 - len(parts))])


def ris(work: dict) -> str:
    """A RIS record (CRLF line ends, as the format specifies)."""
    # The title as APA prints it, translation included: RIS's TT is read as
    # the title of a translation (citation-js) or kept in a note (Zotero).
    tags = [("TY", RIS_TYPES[work["kind"]]), ("AU", work["author"]), ("TI", full_title(work))]
    if "date" in work:
        tags += [("PY", work["date"][:4]), ("DA", ris_date(work["date"]))]
    if work["kind"] == "talk":
        # The meeting and the type of presentation where Zotero's RIS
        # translator reads them (T2, M3); the organiser as publisher, which
        # citation-js reads and a Zotero presentation keeps in a note.
        tags += [("T2", work["event"]), ("PB", work["organizer"]), ("M3", work["genre"])]
    if work["kind"] == "paper":
        start, _, end = work["pages"].partition("\u2013")
        tags += [
            ("T2", work["journal"]),
            ("VL", work["volume"]),
            ("IS", work["issue"]),
            ("SP", start),
            ("EP", end),
            ("SN", work["issn"]),
            ("DO", work["doi"]),
        ]
    if "url" in work:
        tags.append(("UR", work["url"]))
    if "accessed" in work:
        tags.append(("Y2", ris_date(work["accessed"])))
    if "language" in work:
        tags.append(("LA", work["language"]))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in [*tags, ("ER", "")])


def csl_name(work: dict) -> dict:
    """The author as a CSL name: a group as one literal name."""
    if work.get("group"):
        return {"literal": work["author"]}
    family, _, given = work["author"].partition(", ")
    return {"family": family, "given": given}


def csl_date(value: str) -> dict:
    return {"date-parts": [date_parts(value)]}


def csl_json(work: dict) -> str:
    """A CSL-JSON file: a list of one CSL item, the form citation processors
    (citeproc-js, pandoc) and Zotero's CSL JSON translator read. The talk
    is a ``speech`` (Zotero: presentation) with its event, its organiser as
    publisher (printed by the APA style) and as organizer (Zotero's
    presentation has an organizer and no publisher)."""
    item = {
        "id": work["key"],
        "type": {"site": "webpage", "talk": "speech", "paper": "article-journal"}[work["kind"]],
        "author": [csl_name(work)],
        "title": full_title(work),
    }
    if work["kind"] == "talk":
        item["genre"] = work["genre"]
        item["event-title"] = work["event"]
        item["publisher"] = work["organizer"]
        item["organizer"] = [{"literal": work["organizer"]}]
    if work["kind"] == "paper":
        item["container-title"] = work["journal"]
        item["volume"] = work["volume"]
        item["issue"] = work["issue"]
        item["page"] = work["pages"]
        item["ISSN"] = work["issn"]
        item["DOI"] = work["doi"]
    if "date" in work:
        item["issued"] = csl_date(work["date"])
    if "url" in work:
        item["URL"] = work["url"]
    if "accessed" in work:
        item["accessed"] = csl_date(work["accessed"])
    if "language" in work:
        item["language"] = work["language"]
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def coins(work: dict) -> str:
    """The work as an OpenURL ContextObject (KEV), the content of a COinS span.

    Keys as Zotero's COinS translator reads them (parseContextObject in
    zotero/utilities' openurl.js): the paper in the journal format; the site
    and the talk in the Dublin Core format, whose ``rft.type`` takes a Zotero
    item type (webpage, presentation); the group author as ``rft.aucorp`` (an
    institution, one name). The site carries no date, as in its BibTeX.
    """
    if work["kind"] == "paper":
        family, _, given = work["author"].partition(", ")
        start, _, end = work["pages"].partition("\u2013")
        pairs = [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
            ("rft_id", f"info:doi/{work['doi']}"),
            ("rft.genre", "article"),
            ("rft.atitle", work["title"]),
            ("rft.jtitle", work["journal"]),
            ("rft.date", work["date"]),
            ("rft.volume", work["volume"]),
            ("rft.issue", work["issue"]),
            ("rft.spage", start),
            ("rft.epage", end),
            ("rft.issn", work["issn"]),
            ("rft.aulast", family),
            ("rft.aufirst", given),
            ("rft.identifier", work["url"]),
        ]
    else:
        kind = "webpage" if work["kind"] == "site" else "presentation"
        pairs = [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"),
            ("rft.type", kind),
            ("rft.title", full_title(work)),
            ("rft.aucorp" if work.get("group") else "rft.creator", work["author"]),
        ]
        if "date" in work:
            pairs.append(("rft.date", work["date"]))
        if "url" in work:
            pairs.append(("rft.identifier", work["url"]))
    if "language" in work:
        pairs.append(("rft.language", work["language"]))
    context = [("url_ver", "Z39.88-2004"), ("ctx_ver", "Z39.88-2004"), *pairs]
    return "&".join(f"{key}={quote(value, safe='')}" for key, value in context)


# The citation files of each work: extension and formatter.
FILES = {"bib": bibtex, "ris": ris, "json": csl_json}
