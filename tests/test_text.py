"""The editorial rules, checked on the built pages: each point told once, one
Indonesian term for each English one, and the promises About makes."""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser

import pytest
import yaml
from helpers import LANGUAGES, ROOT, nav_files, output_path, registry

# Each point of the talk (and each claim the site makes about itself), the
# words that state it in each edition, and the pages whose text (paragraphs,
# list items, definitions and table cells) may state it: the page where a
# reader looks for it first, then any other page allowed to repeat it (the
# home page's bottom line, the glossary's entry naming a ministry). About
# names some of the talk's terms as examples of its rules and is not counted.
KEY_FACTS = {
    "definition of CCB": (
        r"cooperation between states",
        r"kerja sama antarnegara",
        ["talk/capacity-building.md"],
    ),
    "why CCB matters": (
        r"expansion of cyberspace",
        r"ruang siber yang terus meluas",
        ["talk/capacity-building.md"],
    ),
    "CCB as foreign policy": (
        r"form of foreign policy",
        r"bentuk kebijakan luar negeri",
        ["talk/capacity-building.md"],
    ),
    "Japan's ministry": (r"Ministry of Defense", r"Kementerian Pertahanan", ["talk/comparison.md"]),
    "South Korea's ministry": (
        r"Ministry of ICT",
        r"Kementerian TIK",
        ["talk/comparison.md", "glossary.md"],
    ),
    "Japan's orientation": (r"democratic norms", r"norma demokrasi", ["talk/comparison.md"]),
    "South Korea's orientation": (r"developed country", r"negara maju", ["talk/comparison.md"]),
    "norms shape orientation": (
        r"different (orientations|directions)",
        r"orientasi CCB keduanya berbeda|berbeda arah",
        ["talk/comparison.md", "index.md"],
    ),
    "the shared aim": (r"international image", r"citra internasional", ["talk/comparison.md"]),
    "the talk set out his thesis": (
        r"set out his thesis research",
        r"menguraikan penelitian tesis",
        ["talk/thesis.md"],
    ),
    "the thesis's starting problem": (
        r"internet penetration",
        r"penetrasi internet",
        ["talk/thesis.md"],
    ),
    "the guiding question": (r"normative emphasis", r"penekanan normatif", ["talk/thesis.md"]),
    "the approach": (r"international-centric", r"international-centric", ["talk/thesis.md"]),
    "his characterisation, not fact": (
        r"characterisation",
        r"gambaran yang diberikan",
        ["talk/comparison.md"],
    ),
    "a master's graduate of Corvinus": (
        r"master's graduate",
        r"lulusan magister",
        ["index.md", "people.md"],
    ),
    "a UGM alumnus": (r"alumnus", r"alumnus", ["people.md"]),
    "the 2022 article appeared after the talk": (
        r"after the talk",
        r"setelah diskusi",
        ["sources.md"],
    ),
    "the talk's reference gives both titles": (
        r"square brackets",
        r"kurung siku",
        ["cite.md"],
    ),
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


def source_file(src: str, language: str) -> str:
    """The Markdown file a reader's page comes from: docs/x.md or docs/x.id.md."""
    return "docs/" + (src if language == "en" else src.removesuffix(".md") + ".id.md")


def article(html: str) -> str:
    return re.search(r"<article[^>]*>(.*?)</article>", html, re.S).group(1)


def plain(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment))).strip()


def blocks(html: str, tags: str = "p|li|dd|td|th") -> list[str]:
    """The text blocks of a page's article, table cells included, without
    figures and code."""
    body = re.sub(r"<(figure|pre|svg)\b.*?</\1>", " ", article(html), flags=re.S)
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
    english, indonesian, allowed = KEY_FACTS[fact]
    pattern = re.compile(english if language == "en" else indonesian, re.I)
    found = {}
    for src in nav_files():
        if src == "about.md":
            continue
        for _, block in blocks(pages[output_path(src, language)]):
            match = pattern.search(plain(block))
            if match:
                found.setdefault(src, match.group(0))
    home = source_file(allowed[0], language)
    assert found, (
        f'{home}: the point "{fact}" ({pattern.pattern!r}) is stated on no page '
        f"(rule: each point once, where a reader looks for it); state it on {home}, "
        f"or, if it is reworded, update its words in KEY_FACTS in tests/test_text.py"
    )
    extra = [src for src in found if src not in allowed]
    assert not extra, "\n".join(
        f'{source_file(src, language)}: "{found[src]}" ("{fact}") is stated on '
        f"{len(found)} pages, at most {len(allowed)} allowed (rule: each point once); "
        f"keep it on {home}, remove it from {source_file(src, language)}"
        for src in extra
    )


@pytest.mark.parametrize("src", nav_files())
def test_the_indonesian_edition_uses_the_term_list(pages, src):
    # Quoted titles and phrases stay in their own language.
    unquoted = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')

    def prose(path: str) -> str:
        return plain(re.sub(r"<(pre|code)\b.*?</\1>", " ", article(pages[path]), flags=re.S))

    english = unquoted.sub(" ", prose(output_path(src))).lower()
    indonesian = prose(output_path(src, "id")).lower()
    missing = [
        f'{source_file(src, "id")}: the English page says "{term["en"]}" but this page '
        f'never says "{term["id"]}" (rule: one Indonesian term for each English one, '
        f"data/terms.yml); use that term"
        for term in TERMS["terms"]
        if term["en"].lower() in english and term["id"].lower() not in indonesian
    ]
    assert not missing, "\n".join(missing)


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
    found = [
        f'{name}: "{a}" (rule: data/terms.yml lists it under `avoid` or `calques`); '
        f"use the term data/terms.yml gives, or reword"
        for name, text in texts.items()
        for a in avoided
        if a in text
    ]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_topics_stay_unmentioned(pages, language):
    pattern = re.compile(UNKNOWN[language], re.I)
    for src in nav_files():
        # Not in the Cite page's BibTeX, whose @online is the site's entry type.
        body = re.sub(r"@online\b", " ", article(pages[output_path(src, language)]))
        text = plain(body)
        found = pattern.search(text)
        assert not found, (
            f'{source_file(src, language)}: "{found and found.group(0)}" (rule: say nothing '
            f"about what no source settles, not even that it is unknown); remove it"
        )


# About: "each paragraph, list item and table row that reports the talk
# carries the keys of the sources that support it". On the Sources page that
# is the 2022 article's summary and the source notes; the entries on A to
# C-en describe the sources themselves.
REPORTING = ["index.md", "people.md", "sources.md"] + [
    src for src in nav_files() if src.startswith("talk/")
]


def reporting_part(src: str, html: str) -> str:
    body = article(html)
    if src == "sources.md":
        body = body[body.rindex("<h2", 0, body.index('id="source-d"')) :]
        # The notes' opening sentence says what the section holds.
        body = re.sub(
            r'(<h2 id="(?:source-notes|catatan-sumber)">.*?</h2>\s*)<p>.*?</p>',
            r"\1",
            body,
            flags=re.S,
        )
    # Navigation, not report: the home page's cards and every page's report
    # link; nor a source's own reference or a box's title.
    return re.sub(
        r'<div class="grid cards">.*?</ul>\s*</div>|<p class="report-problem">.*?</p>'
        r'|<div class="source-ref".*?</div>|<p class="admonition-title">.*?</p>',
        " ",
        body,
        flags=re.S,
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("src", REPORTING)
def test_every_block_reporting_the_talk_carries_keys(pages, src, language):
    body = reporting_part(src, pages[output_path(src, language)])
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
    assert not uncited, "\n".join(
        f'{source_file(src, language)}: "{words[:90]}" carries no source key (rule: each '
        f"statement about the talk is followed by its keys); add [@KEY] after it"
        for words in uncited
    )


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
            assert quote in titles or words <= allowed, (
                f'{source_file(src, language)}: "{quote}" is a quotation of {words} words, '
                f"at most {allowed} allowed (rule: quote only titles and short phrases); "
                f"say it in the site's own words"
            )


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
                    where = f'{source_file(src, language)}: "{phrase}"'
                    assert marker, f"{where} has no source key after it; cite [@{key}]"
                    assert marker.group(1) == key, (
                        f"{where} cites {marker.group(1)} (rule: quoted words cite the "
                        f"edition that carries them); cite [@{key}]"
                    )
                    checked += 1
    assert checked >= 2


@pytest.mark.parametrize("src", nav_files())
def test_both_editions_cite_the_same_sources(pages, src):
    """About: the same sources at the same places."""
    english, indonesian = (groups(pages[output_path(src, lang)]) for lang in LANGUAGES)
    assert english == indonesian, (
        f"{source_file(src, 'id')}: cites {indonesian}, its English twin "
        f"{source_file(src, 'en')} cites {english} (rule: both editions cite the same "
        f"sources at the same places); make the markers match"
    )


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
            where = f'{source_file("glossary.md", language)}: the entry "{plain(term)}"'
            if "site-note" in attrs:
                notes += 1
                assert plain(paragraph).startswith(SITE_NOTE[language]), (
                    f'{where} has a note not opening with "{SITE_NOTE[language]}" (rule: '
                    f"the site's own explanations are marked); open it so"
                )
                assert '<sup class="cite">' not in paragraph, (
                    f"{where} cites a source in the site's own explanation (rule: what a "
                    f"source gives is cited text, not a note); move it out of the note"
                )
            else:
                assert '<sup class="cite">' in paragraph, (
                    f"{where} carries no source key (rule: what a term means in the talk "
                    f"is cited); cite it, or mark it {{ .site-note }}"
                )
    assert notes >= 4
    ccb = next(definition for term, definition in entries if "CCB" in term)
    assert "site-note" not in ccb, "the talk defined CCB: no second definition"


# Article A's full text, which the site may quote but not copy unquoted.
ARTICLE_A = ROOT.parent / "shared" / "sources" / "teacup-5-article-en.txt"
QUOTE = re.compile(r'"([^"]*)"|\u201c([^\u201d]*)\u201d')
MARKER = re.compile(r'<sup class="cite">(.*?)</sup>', re.S)


def article_a() -> str:
    if not ARTICLE_A.is_file():
        pytest.skip(f"article A's text is not at {ARTICLE_A} (../shared/sources/ of the project)")
    return " ".join(ARTICLE_A.read_text(encoding="utf-8").replace("\u2019", "'").split())


def keyed(block: str) -> str:
    """A block's text with each citation marker as a token of its keys: ' {A,B}'."""
    return plain(MARKER.sub(lambda m: " {" + ",".join(keys_of(m.group(1))) + "}", block))


def quotations(src: str, html: str) -> list[tuple[str, list[str] | None]]:
    """Every quotation in a page's running text, with the keys of the first
    marker after it in its block (None when none follows). A source's own
    reference on the Sources page, which gives its title, is not text."""
    body = re.sub(
        r'<div class="source-ref".*?</div>|<(pre|code)\b.*?</\1>', " ", article(html), flags=re.S
    )
    found = []
    leaves = []
    for tag in ("p", "li", "dd", "td", "th"):
        for block in re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", body, re.S):
            # A paragraph inside a list item or a definition is a block of its own.
            leaves.append(block if tag == "p" else re.sub(r"<p\b.*?</p>", " ", block, flags=re.S))
    for block in leaves:
        text = keyed(block)
        for match in QUOTE.finditer(text):
            marker = re.search(r"\{([\w,-]+)\}", text[match.end() :])
            found.append((match.group(1) or match.group(2), marker and marker.group(1).split(",")))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("src", nav_files())
def test_quoted_words_carry_the_key_of_a_source_that_shows_them(pages, src, language):
    """About: quotation marks stand only around words a source shows, and the
    key cited for them is one that carries them. A's text is at hand: words
    cited to A alone must be A's, and A's words must cite A."""
    text_a = article_a()
    for quote, keys in quotations(src, pages[output_path(src, language)]):
        where = f'{source_file(src, language)}: "{quote}"'
        assert keys, f"{where} has no source key after it (rule: quotes cite a source); add one"
        if keys == ["A"]:
            assert quote in text_a, (
                f"{where} is cited to A, whose text does not show these words (rule: a "
                f"cited key carries the words); quote A exactly or cite the source that has them"
            )
        if re.search(rf"(?<!\w){re.escape(quote)}(?!\w)", text_a):
            assert "A" in keys, f"{where} is article A's wording; cite [@A] for it"


def unit_pattern() -> re.Pattern:
    """The fixed terms and names of data/terms.yml, each to count as one word."""
    units = [t["en"] for t in TERMS["terms"] if t.get("fixed")] + TERMS["names"]
    units = sorted((u for u in units if " " in u), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(u) for u in units) + r")\w*", re.I)


def tokens(text: str, units: re.Pattern) -> list[str]:
    text = units.sub(lambda m: " " + m.group(1).lower().replace(" ", "_") + " ", text)
    return re.findall(r"\w+(?:'\w+)?", text.lower().replace("\u2019", "'"))


RUN = 5


@pytest.mark.parametrize("src", nav_files())
def test_wording_taken_from_article_a_is_quoted(pages, src):
    """About: the site writes in its own words. A run of five or more words
    found in article A is either quoted, a title used as a heading, or made
    of the talk's own terms and names (data/terms.yml: `fixed`, `names`)."""
    units = unit_pattern()
    source = tokens(article_a(), units)
    runs = {tuple(source[i : i + RUN]) for i in range(len(source) - RUN + 1)}
    data = registry()
    titles = {
        " ".join(t.split()).lower()
        for t in [data["talk"]["name"]["en"]]
        + [s.get("title", "") for s in data["sources"].values()]
    }
    body = re.sub(
        r"<(pre|code|script|style|svg)\b.*?</\1>|<a class=\"headerlink\".*?</a>",
        " ",
        article(pages[output_path(src)]),
        flags=re.S,
    )
    body = MARKER.sub(" | ", body)
    copied = []
    for tag, block in re.findall(r"<(p|li|dd|dt|td|th|h[1-6])\b[^>]*>(.*?)</\1>", body, re.S):
        text = re.sub(r"https?://\S+", " | ", plain(block))  # an address's words are its own
        if tag.startswith("h") and text.lower() in titles:
            continue
        for part in QUOTE.sub(" | ", text).split("|"):
            words = tokens(part, units)
            copied += [
                " ".join(words[i : i + RUN])
                for i in range(len(words) - RUN + 1)
                if tuple(words[i : i + RUN]) in runs
            ]
    assert not copied, "\n".join(
        f'{source_file(src, "en")}: "{run}" is {RUN} words in a row from article A '
        f"(rule: write in the site's own words); reword it, or quote it with its key"
        for run in copied
    )


ATTRIBUTION = {
    "en": r"\b(he|his|him|the speaker|speaker's|Azza Bimantara|Bimantara's)\b",
    "id": r"\b(ia|pembicara|menurutnya|paparannya|uraiannya|penelitiannya|pendekatannya|"
    r"Azza Bimantara)\b",
}
TALK_KEYS = {"A", "B", "C", "C-en"}


def table_name(html: str, table: str) -> str:
    """A table's accessible name: its caption, or the text of the element its
    aria-labelledby names (a heading's permalink mark is hidden, so left out)."""
    caption = re.search(r"<caption\b[^>]*>(.*?)</caption>", table, re.S)
    if caption:
        return plain(caption.group(1))
    labelled = re.match(r'<table\b[^>]*aria-labelledby="([^"]+)"', table)
    if not labelled:
        return ""
    label = re.search(
        rf'<(\w+)[^>]* id="{re.escape(labelled.group(1))}"[^>]*>(.*?)</\1>', html, re.S
    )
    return plain(re.sub(r'<a class="headerlink".*?</a>', "", label.group(2))) if label else ""


def unattributed_blocks(html: str, pattern: re.Pattern) -> list[str]:
    """The paragraphs, list items and table rows reporting the talk (a key
    A to C-en) that do not name him; a table row counts as named when the
    table's accessible name names him, since a reader (or a screen reader's
    table navigation) meets the row under that name."""
    found = []
    for _, block in blocks(html, "p|li"):
        reports = any(TALK_KEYS & set(keys_of(m)) for m in MARKER.findall(block))
        if reports and not pattern.search(plain(block)):
            found.append(plain(block))
    for table in re.findall(r"<table\b.*?</table>", article(html), re.S):
        if pattern.search(table_name(html, table)):
            continue
        for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", table, re.S):
            reports = any(TALK_KEYS & set(keys_of(m)) for m in MARKER.findall(row))
            if reports and not pattern.search(plain(row)):
                found.append(plain(row))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_speakers_claims_are_attributed_to_him(pages, language):
    """About: every paragraph and table row of the talk's pages, and the home
    page's bottom line, that reports what the talk said names him as the one
    who said it (a table through its accessible name, or row by row)."""
    pattern = re.compile(ATTRIBUTION[language], re.I)
    unattributed = []
    for src in [src for src in nav_files() if src.startswith("talk/")] + ["index.md"]:
        html = pages[output_path(src, language)]
        if src == "index.md":
            lead = re.search(r'<p class="hero__lead">.*?</p>', html, re.S).group(0)
            html = f"<article>{lead}</article>"
        unattributed += [(src, words) for words in unattributed_blocks(html, pattern)]
    assert not unattributed, "\n".join(
        f'{source_file(src, language)}: "{words[:90]}" reports the talk without naming '
        f'the speaker (rule: attribute his claims to him); add "he said", "in his '
        f'account" or the like, or, for a table, name him in its caption or heading'
        for src, words in unattributed
    )


def test_the_attribution_check_reads_tables():
    """A table whose name does not name him fails row by row; one whose
    heading does passes."""
    pattern = re.compile(ATTRIBUTION["en"], re.I)
    row = (
        '<tr><th scope="row">Who manages it</th>'
        '<td>The Ministry of Defense<sup class="cite"><a>[A, B]</a></sup></td></tr>'
    )
    bare = f'<article><h2 id="g">At a glance</h2><table aria-labelledby="g">{row}</table></article>'
    named = bare.replace("At a glance", "Azza Bimantara's comparison")
    assert unattributed_blocks(bare, pattern) == ["Who manages itThe Ministry of Defense[A, B]"]
    assert unattributed_blocks(named, pattern) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_2022_article_stays_apart_from_the_talk(pages, language):
    """About: the summary of the talk does not draw on D. On the talk's pages
    D is cited only in the last section, which points to it; the home page
    does not cite it."""
    assert not any("D" in keys for keys in groups(pages[output_path("index.md", language)])), (
        f"{source_file('index.md', language)}: cites D (rule: the 2022 article stays apart "
        f"from the talk); remove it from the home page"
    )
    for src in [src for src in nav_files() if src.startswith("talk/")]:
        sections = re.split(r"<h2\b", article(pages[output_path(src, language)]))
        for section in sections[:-1]:
            assert not any("D" in keys_of(m) for m in MARKER.findall(section)), (
                f"{source_file(src, language)}: cites D before its last section (rule: the "
                f"talk's summary does not draw on the 2022 article); cite D only in the "
                f"last section, which points to it"
            )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sites_own_explanations_are_only_in_the_glossary(pages, language):
    """Sources: the only explanations of terms the site adds, besides the
    abbreviations' full forms, are the glossary's marked notes."""
    for src in nav_files():
        html = article(pages[output_path(src, language)])
        found = "site-note" in html or SITE_NOTE[language] in plain(html)
        assert found == (src == "glossary.md"), f"{source_file(src, language)}: " + (
            "the site's own explanation outside the glossary (rule: only the "
            "glossary adds explanations); move it to the glossary"
            if found
            else "the glossary lost its marked explanations; restore them"
        )


@pytest.mark.parametrize("src", nav_files())
def test_both_editions_quote_the_same_words(pages, src):
    """About: a title or phrase quoted in running text keeps its language and
    its source in both editions."""
    english, indonesian = (quotations(src, pages[output_path(src, lang)]) for lang in LANGUAGES)
    assert english == indonesian, (
        f"{source_file(src, 'id')}: quotes {[q for q, _ in indonesian]}, its English twin "
        f"{[q for q, _ in english]} (rule: a quoted title or phrase keeps its language and "
        f"source in both editions); quote the same words with the same keys"
    )


VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _LanguageRuns(HTMLParser):
    """The text of a fragment as runs of (language, text): each run's
    language is that of its nearest element with a lang attribute. Code
    and scripts are left out."""

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = [("", language, False)]
        self.runs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        _, language, skipped = self.stack[-1]
        skip = skipped or tag in {"pre", "code", "script", "style", "svg"}
        self.stack.append((tag, attrs.get("lang") or language, skip))

    def handle_endtag(self, tag):
        names = [name for name, _, _ in self.stack]
        if tag in names[1:]:
            del self.stack[len(names) - 1 - names[::-1].index(tag) :]

    def handle_data(self, data):
        _, language, skipped = self.stack[-1]
        if skipped:
            return
        if self.runs and self.runs[-1][0] == language:
            self.runs[-1] = (language, self.runs[-1][1] + data)
        else:
            self.runs.append((language, data))


def unmarked_terms(html: str, language: str) -> list[str]:
    """The terms of data/terms.yml in the other language that a page's
    article shows outside an element marked with that language."""
    other = "en" if language == "id" else "id"
    parser = _LanguageRuns(language)
    parser.feed(article(html))
    text = " | ".join(" ".join(t.split()) for lang, t in parser.runs if lang != other)
    return [
        term[other]
        for term in TERMS["terms"]
        if term["en"].lower() != term["id"].lower()
        and re.search(rf"(?<!\w){re.escape(term[other])}", text, re.I)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("src", nav_files())
def test_terms_in_the_other_language_carry_lang(pages, src, language):
    """#34: an English term of data/terms.yml left in English in the
    Indonesian text (and an Indonesian one in the English text) is inside an
    element with lang="en" (lang="id"), so a screen reader speaks it in its
    own language."""
    found = unmarked_terms(pages[output_path(src, language)], language)
    other = "en" if language == "id" else "id"
    assert not found, "\n".join(
        f'{source_file(src, language)}: "{term}" is not marked lang="{other}" (rule: words '
        f"in the other language carry lang); write *{term}*{{lang={other}}} or "
        f'<span lang="{other}">{term}</span>'
        for term in found
    )


def test_the_lang_check_sees_unmarked_terms():
    marked = '<article><p>bantuan (<em lang="en">capacity building assistance</em>)</p></article>'
    bare = marked.replace(' lang="en"', "")
    assert unmarked_terms(marked, "id") == []
    assert unmarked_terms(bare, "id") == ["capacity building assistance"]
