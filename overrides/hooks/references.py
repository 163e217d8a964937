"""The registry's works as references and citations, in every format the site offers.

Not a hook: content.py calls it. From data/registry.yml and, for the site
itself, mkdocs.yml and the build's date (``SOURCE_DATE_EPOCH``), ``works``
describes the three citable works (the site, the talk, the paper) in one
form that every formatter reads:

- ``reference``: a source's full reference on the Sources page, anchored
  ``source-<key>`` for the inline citations to link to;
- ``citation``: a copyable APA 7 or BibTeX block on the Cite page;
- ``bibtex`` and ``ris``: the files ``cite/<key>.bib`` and ``.ris``.

Each edition cites in its own language (the Indonesian one names the talk
by its Indonesian title); the labels and month names are the edition's
strings (data/strings.yml).
"""

from __future__ import annotations

import datetime
import os
import re
from urllib.parse import urljoin

# The citation files' folder, beside the Cite page (cite.md -> cite/).
FOLDER = "cite"
WORKS = ("site", "talk", "paper")
STYLES = ("apa", "bibtex")


def known(kind: str, registry: dict) -> list[str]:
    if kind == "source":
        return list(registry["sources"])
    return [f"{what}-{style}" for what in WORKS for style in STYLES]


def localized(value: str | dict, language: str) -> str:
    """A text field: one string for both languages, or a mapping of en and id."""
    return value[language] if isinstance(value, dict) else value


def reference(key: str, registry: dict, language: str, strings: dict) -> str | None:
    """A source's full reference as a Markdown list inside an anchored block."""
    source = registry["sources"].get(key)
    if source is None:
        return None
    t = strings["reference"]
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


def site(name: str, author: str, site_url: str | None, path: str) -> dict:
    """An edition of the site as a work: its name, author, address and date."""
    return {
        "name": name,
        "author": author,
        "url": urljoin(site_url or "", path),
        "date": edition_date().isoformat(),
    }


def works(registry: dict, language: str, strings: dict, site: dict) -> dict[str, dict]:
    """The three citable works in one form that every formatter reads.

    Names are "Family, Given"; a group author (``group``) is one name. Dates
    are ISO strings; ``nouns`` are the words no style may lower-case.
    """
    talk, paper = registry["talk"], registry["sources"]["D"]
    series = talk["series"]
    nouns = [*registry.get("proper_nouns", []), *series.values()]
    return {
        "site": {
            "key": "teacup5site",
            "kind": "site",
            "author": site["author"],
            "group": True,
            "title": site["name"],
            "date": site["date"],
            # A page that changes needs the day it was read; a static page can
            # only give its own date (the Cite page says to replace it).
            "accessed": site["date"],
            "url": site["url"],
            "language": language,
            "nouns": nouns,
        },
        "talk": {
            "key": "bimantara2021teacup",
            "kind": "talk",
            "author": talk["author"],
            "title": " ".join(talk["name"][language].split()),
            "date": str(talk["date"]),
            "genre": strings["reference"]["presentation"],
            "event": f"{series[language]} #{talk['session']}",
            "organizer": localized(talk["organizer"], language),
            "nouns": nouns,
        },
        "paper": {
            "key": "bimantara2022normative",
            "kind": "paper",
            "author": paper["author"],
            "title": " ".join(paper["title"].split()),
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


def citation(name: str, entries: dict[str, dict], language: str, strings: dict) -> str | None:
    """A copyable APA 7 or BibTeX citation of the site, the talk or the paper."""
    what, _, style = name.rpartition("-")
    if what not in entries or style not in STYLES:
        return None
    if style == "apa":
        return f"``` text\n{apa(entries[what], language, strings)}\n```"
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
    """APA's date of a work ('2021, September 30'; Indonesian '2021, 30 September')
    or of retrieval ('September 30, 2021'; '30 September 2021')."""
    year, month, day = date_parts(value)
    name = months[month - 1]
    if language == "en":
        return f"{name} {day}, {year}" if retrieved else f"{year}, {name} {day}"
    return f"{day} {name} {year}" if retrieved else f"{year}, {day} {name}"


def apa(work: dict, language: str, strings: dict) -> str:
    """An APA 7 reference (without italics, which plain text cannot show)."""
    t, months = strings["reference"], strings["months"]
    author = work["author"] if work.get("group") else initials(work["author"])
    title = sentence_case(work["title"], work["nouns"])
    if work["kind"] == "site":
        read = apa_date(work["accessed"], language, months, retrieved=True)
        retrieved = t["retrieved"].format(date=read, url=work["url"])
        return f"{author}. ({apa_date(work['date'], language, months)}). {title}. {retrieved}"
    if work["kind"] == "talk":
        return (
            f"{author} ({apa_date(work['date'], language, months)}). {title} [{work['genre']}]. "
            f"{work['event']}, {work['organizer']}."
        )
    return (
        f"{author} ({date_parts(work['date'])[0]}). {title}. {work['journal']}, "
        f"{work['volume']}({work['issue']}), {work['pages']}. {work['url']}"
    )


BIBTEX_SPECIAL = re.compile(r"[\\{}#&%$_~^]")
BIBTEX_REPLACEMENT = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\^{}"}
# BibTeX's month macros, whatever the edition's language.
BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def bibtex_escape(text: str) -> str:
    """Text as BibTeX/LaTeX reads it: # & % $ _ { } and the rest escaped."""
    return BIBTEX_SPECIAL.sub(lambda m: BIBTEX_REPLACEMENT.get(m.group(), "\\" + m.group()), text)


def bibtex(work: dict) -> str:
    """A BibTeX entry. Braces keep proper nouns (and a group author) intact;
    URLs and DOIs are verbatim fields, never escaped."""
    nouns = nouns_pattern(work["nouns"])
    title = nouns.sub(r"{\1}", bibtex_escape(work["title"]))
    author = bibtex_escape(work["author"])
    year, month, *_ = date_parts(work["date"])
    fields = {"author": f"{{{author}}}" if work.get("group") else author, "title": title}
    if work["kind"] == "talk":
        fields["type"] = work["genre"]
        fields["howpublished"] = bibtex_escape(f"{work['event']}, {work['organizer']}")
    if work["kind"] == "paper":
        fields["journal"] = bibtex_escape(work["journal"])
    fields["year"] = str(year)
    fields["month"] = BIBTEX_MONTHS[month - 1]
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
    kind = "article" if work["kind"] == "paper" else "misc"
    width = max(map(len, fields))
    lines = [
        # The month is BibTeX's own macro (sep), so styles can name it in any language.
        f"  {name.ljust(width)} = {value if name == 'month' else '{' + value + '}'},"
        for name, value in fields.items()
    ]
    return "\n".join([f"@{kind}{{{work['key']},", *lines, "}"]) + "\n"


# RIS types: the site as a web page, the talk as a presentation (Zotero's
# reading of SLIDE), the paper as a journal article.
RIS_TYPES = {"site": "ELEC", "talk": "SLIDE", "paper": "JOUR"}


def ris_date(value: str) -> str:
    """RIS dates are YYYY/MM/DD/ with empty parts: '2022-07' -> '2022/07//'."""
    parts = [f"{part:02d}" for part in date_parts(value)[1:]]
    return "/".join([value[:4], *parts, *[""] * (3 - len(parts))])


def ris(work: dict) -> str:
    """A RIS record (CRLF line ends, as the format specifies)."""
    tags = [
        ("TY", RIS_TYPES[work["kind"]]),
        ("AU", work["author"]),
        ("TI", work["title"]),
        ("PY", work["date"][:4]),
        ("DA", ris_date(work["date"])),
    ]
    if work["kind"] == "talk":
        # Zotero reads T2 as the meeting's name, M3 as the presentation's type.
        tags += [("T2", f"{work['event']}, {work['organizer']}"), ("M3", work["genre"])]
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
