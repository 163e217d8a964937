"""Unit tests of the build hooks, called directly on small inputs."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from types import SimpleNamespace

import pytest
import yaml
from helpers import ROOT, registry
from mkdocs.exceptions import PluginError


def hook(name: str):
    """Import overrides/hooks/<name>.py the way MkDocs does: by file path, with
    its folder on sys.path while it loads (for shared.py and references.py)."""
    folder = ROOT / "overrides/hooks"
    spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(folder))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(folder))
    return module


content = hook("content")
head = hook("head")
rewrite = hook("rewrite")
post_build = hook("post_build")
references = hook("references")
shared = hook("shared")

SOURCES = registry()["sources"]
STRINGS = yaml.safe_load((ROOT / "data/strings.yml").read_text(encoding="utf-8"))
MONTHS = {language: STRINGS[language]["months"] for language in STRINGS}


def config_of(language: str) -> SimpleNamespace:
    """What the hooks read of MkDocs' config for one edition."""
    return SimpleNamespace(
        theme={"language": language}, config_file_path=str(ROOT / "mkdocs.yml"), plugins={}
    )


def test_front_matter_needs_title_and_short_description():
    assert content.front_matter_problems({"title": "T", "description": "One sentence."}) == []
    found = content.front_matter_problems({"title": "T"})
    assert len(found) == 1 and "'description'" in found[0]
    found = content.front_matter_problems({"description": "x" * 161})
    assert any("'title'" in f for f in found) and any("161 characters" in f for f in found)


def test_front_matter_that_is_not_yaml_is_reported_with_its_line():
    assert content.yaml_error("---\ntitle: T\ndescription: D\n---\n# T\n") is None
    assert content.yaml_error("# No front matter\n") is None
    error = content.yaml_error("---\ntitle: T\ndescription: Note: a colon\n---\n")
    assert error.startswith("3: front matter is not valid YAML (mapping values")
    error = content.yaml_error('---\ntitle: "T\n---\n')
    assert "quoted scalar from line 2" in error
    assert content.yaml_error("---\n- a list\n---\n").startswith("2: front matter must")


def test_translations_reports_each_missing_twin():
    pages = ["index.md", "index.id.md", "talk/japan.md", "orphan.id.md"]
    assert content.missing_twins(pages, ["id"]) == [
        "orphan.id.md: translation without an original; add orphan.md",
        "talk/japan.md: no 'id' translation; add talk/japan.id.md",
    ]
    assert content.missing_twins(["a.md", "a.id.md"], ["id"]) == []


def cite(markdown: str, language: str = "en", target: str = "sources.md"):
    return content.render_citations(markdown, SOURCES, language, target)


def test_citations_become_one_superscript_marker_that_is_one_link():
    text, problems = cite("Claim [@A; @C-en].", target="../sources.md")
    assert problems == []
    assert text == (
        'Claim<sup class="cite">[\\[A, C-en\\]](../sources.md#source-a '
        '"A: FISIPOL UGM news article; C-en: IIS UGM recap, English edition")'
        "</sup>."
    )


def test_citation_titles_name_the_sources_in_the_edition_s_language():
    assert '"C: IIS UGM recap")' in cite("[@C]")[0]
    assert '"C: Rangkuman IIS UGM")' in cite("[@C]", "id")[0]


def test_citations_report_unknown_and_empty_keys_with_their_line():
    text, problems = cite("Fine [@A].\n\nBad [@Z; @B].\n\nEmpty [@] and [@A; @].\n")
    assert [(line, problem.split(";")[0]) for line, problem in problems] == [
        (3, "unknown source key 'Z'"),
        (5, "empty citation"),
        (5, "empty key in '[@A"),
    ]
    assert "Bad [@Z; @B]." in text, "a citation with an unknown key stays visible"
    assert "Empty [@] and" in text, "an empty citation stays visible"


@pytest.mark.parametrize(
    ("markdown", "problem"),
    [
        ("[A; @F]", "source key 'A' in '[A; @F]' lacks its '@'; write '@A'"),
        ("[@A;@]", "empty key in '[@A;@]'; put a key after each '@' or drop a ';'"),
        ("[@A,@B]", "'@A,@B' in '[@A,@B]' is not one key; separate keys with ';'"),
        ("[@A @B]", "'@A @B' in '[@A @B]' is not one key; separate keys with ';'"),
        ("[@A.]", "'@A.' in '[@A.]' is not a source key; write keys as [@A; @B]"),
        ("Claim [@A and more", "citation '[@A' has no closing ']'; add it"),
    ],
)
def test_malformed_citations_stay_text_and_say_the_fix(markdown, problem):
    text, problems = cite(f"Line one.\n{markdown}\n")
    assert (2, problem) in problems
    assert '<sup class="cite">' not in text


def test_brackets_that_are_not_citations_stay_as_they_are():
    markdown = "Write to [me@example.org], see [@someone](https://example.org), or \\[@A].\n"
    assert cite(markdown) == (markdown, [])


@pytest.mark.parametrize(
    "markdown",
    [
        '<tr><th scope="row" markdown="span">Norms [@A]</th><td>x</td></tr>',
        "| Norms [@A] | Japan |\n| --- | --- |\n| x | y |",
    ],
    ids=["html", "pipe"],
)
def test_a_citation_in_a_table_header_is_refused(markdown):
    assert cite(markdown)[1] == [(1, content.IN_HEADER)]


def test_a_citation_in_a_table_s_cells_or_above_a_rule_is_fine():
    html = '<tr><th scope="row">Norms</th><td markdown="span">x [@A]</td></tr>'
    pipe = "| Norms | Japan |\n| --- | --- |\n| x [@A] | y |"
    assert [cite(markdown)[1] for markdown in (html, pipe, "A heading [@A]\n---\n")] == [[]] * 3


def test_citations_leave_code_alone():
    markdown = "```text\n[@Z]\n```\n"
    assert cite(markdown) == (markdown, [])


def test_front_matter_lines_give_true_line_numbers():
    source = "---\ntitle: T\ndescription: D\n---\n\n# T\n\nBody [@Z]\n"
    body = "# T\n\nBody [@Z]\n"
    assert content.front_matter_lines(source, body) == 5


def test_reference_carries_the_anchor_and_the_link():
    block = references.reference("C-en", registry(), "en", STRINGS["en"])
    assert 'id="source-c-en"' in block
    assert "15 October 2021 (per its URL)" in block
    assert SOURCES["C-en"]["url"] in block
    assert references.reference("Z", registry(), "en", STRINGS["en"]) is None


def test_reference_fields_follow_the_language():
    block = references.reference("A", registry(), "id", STRINGS["id"])
    assert "**Penerbit:** FISIPOL, Universitas Gadjah Mada" in block
    assert "**Bahasa:** Inggris" in block
    assert references.localized({"en": "Department", "id": "Departemen"}, "id") == "Departemen"
    assert references.localized("Universitas Gadjah Mada", "id") == "Universitas Gadjah Mada"


def test_dates_read_naturally_in_both_languages():
    assert references.human_date("2021-09-30", MONTHS["en"]) == "30 September 2021"
    assert references.human_date("2022-07", MONTHS["id"]) == "Juli 2022"
    assert references.apa_date("2021-09-30", "en", MONTHS["en"]) == "2021, September 30"
    assert references.apa_date("2021-09-30", "id", MONTHS["id"]) == "2021, September 30"
    assert (
        references.apa_date("2026-11-27", "en", MONTHS["en"], retrieved=True) == "November 27, 2026"
    )
    assert (
        references.apa_date("2026-11-27", "id", MONTHS["id"], retrieved=True) == "27 November 2026"
    )


EDITIONS = {
    language: references.site(registry(), language, "https://example.org/teacup-5/", path)
    for language, path in (("en", ""), ("id", "id/"))
}
TALK = (
    "Bimantara, A. (2021, September 30). Normative aspects in providing international cyber "
    "security capacity building assistance: Experiences of Japan and South Korea [Aspek "
    "normatif dalam pemberian bantuan peningkatan kapasitas keamanan siber internasional: "
    "Pengalaman Jepang dan Korea Selatan] [Presentation]. Teacup Discussion #5. Institute of "
    "International Studies, Department of International Relations, Universitas Gadjah Mada."
)
PAPER_APA = (
    "Bimantara, A. (2022). The normative enactment of international cybersecurity capacity "
    "building assistance: A comparative analysis on Japanese and South Korean practices. "
    "Global: Jurnal Politik Internasional, 24(1), 109\u2013142. "
    "https://doi.org/10.7454/global.v24i1.684"
)


def dated(language: str, day: str) -> dict:
    return dict(EDITIONS[language], date=day)


def test_apa_references_in_each_language():
    english = references.works(registry(), "en", dated("en", "2026-11-27"))
    assert references.apa(english["site"], "en", STRINGS["en"]) == (
        "Teacup Discussion #5 reference site contributors. (n.d.). Teacup Discussion #5: A "
        "reference site. Retrieved November 27, 2026, from https://example.org/teacup-5/"
    )
    indonesian = references.works(registry(), "id", dated("id", "2026-11-27"))
    assert references.apa(indonesian["site"], "id", STRINGS["id"]) == (
        "Kontributor situs rujukan Diskusi Cangkir Teh #5. (t.t.). Diskusi Cangkir Teh #5: "
        "Situs rujukan. Diambil 27 November 2026, dari https://example.org/teacup-5/id/"
    )
    # One record of the talk and of the paper, whichever edition cites them.
    for language, works in (("en", english), ("id", indonesian)):
        assert references.apa(works["talk"], language, STRINGS[language]) == TALK
        assert references.apa(works["paper"], language, STRINGS[language]) == PAPER_APA


def test_works_of_the_two_editions_differ_only_in_the_site():
    english = references.works(registry(), "en", EDITIONS["en"])
    indonesian = references.works(registry(), "id", EDITIONS["id"])
    assert english["talk"] == indonesian["talk"] and english["paper"] == indonesian["paper"]
    assert english["site"]["key"] == "teacup5site"
    assert indonesian["site"]["key"] == "teacup5site-id"
    assert indonesian["site"]["title"] == "Diskusi Cangkir Teh #5: Situs rujukan"


def test_citation_shortcodes_give_code_blocks_and_coins():
    works = references.works(registry(), "en", EDITIONS["en"])
    talk = references.citation("talk-apa", works, "en", STRINGS["en"])
    assert talk == f"``` text\n{TALK}\n```"
    paper = references.citation("paper-bibtex", works, "en", STRINGS["en"])
    assert paper.startswith("``` bibtex\n@article{bimantara2022normative,\n")
    assert "  doi     = {10.7454/global.v24i1.684},\n" in paper
    assert "  pages   = {109--142},\n" in paper
    coins = references.citation("site-coins", works, "en", STRINGS["en"])
    assert coins.startswith(
        '<div class="coins"><span class="Z3988" title="url_ver=Z39.88-2004&amp;'
    )
    assert "rft.aucorp=Teacup%20Discussion%20%235%20reference%20site%20contributors" in coins
    assert references.citation("talk-mla", works, "en", STRINGS["en"]) is None
    assert references.citation("book-apa", works, "en", STRINGS["en"]) is None


def test_apa_dates_follow_the_csl_style():
    """The style prints a work's date parts in one order in every language;
    a retrieval date in the locale's long form."""
    assert references.apa_date("2021-10-15", "id", MONTHS["id"]) == "2021, Oktober 15"
    assert references.apa_date("2021-10-15", "en", MONTHS["en"]) == "2021, October 15"
    assert references.apa_date("2026-11-27", "id", MONTHS["id"], retrieved=True) == (
        "27 November 2026"
    )


def test_sentence_case_keeps_proper_nouns_acronyms_and_the_subtitle():
    nouns = ["South Korea", "Japan"]
    title = "Capacity Building (CCB) in Japan: The Case of South Korea and Its Neighbours"
    assert references.sentence_case(title, nouns) == (
        "Capacity building (CCB) in Japan: The case of South Korea and its neighbours"
    )


def test_bibtex_escapes_special_characters_and_protects_proper_nouns():
    assert references.bibtex_escape("R&D 100% #5 $x_1$ {a} ~^\\") == (
        r"R\&D 100\% \#5 \$x\_1\$ \{a\} \textasciitilde{}\^{}\textbackslash{}"
    )
    work = {
        "key": "k",
        "kind": "site",
        "author": "R&D group, Japan",
        "group": True,
        "title": "Japan & South Korea #1: A note on [Jepang]",
        "accessed": "2026-01-02",
        "url": "https://example.org/a%20b#x",
        "language": "en",
        "nouns": ["Japan", "South Korea", "Jepang"],
    }
    entry = references.bibtex(work)
    assert entry.startswith("@online{k,\n")
    assert "author  = {{R\\&D group, Japan}}," in entry
    # Proper nouns and every capitalised word but the first keep their capitals.
    assert "title   = {{Japan} \\& {South Korea} \\#1: {A} note on [{Jepang}]}," in entry
    # URLs are verbatim fields: escaping them would break the link.
    assert "url     = {https://example.org/a%20b#x}," in entry
    assert "urldate = {2026-01-02}," in entry and "langid  = {english}," in entry
    assert "year" not in entry, "the site is cited without a date (n.d.)"


def test_bibtex_gives_the_talk_its_full_date_and_event():
    works = references.works(registry(), "id", EDITIONS["id"])
    entry = references.bibtex(works["talk"])
    assert entry.startswith("@unpublished{bimantara2021teacup,\n")
    assert "  month        = sep,\n  day          = {30},\n" in entry
    assert "  eventtitle   = {{Teacup Discussion} \\#5},\n" in entry
    assert "langid" not in entry, "no source says in which language the talk was given"


def test_ris_records_use_crlf_and_the_types_reference_managers_know():
    works = references.works(registry(), "id", EDITIONS["id"])
    records = {name: references.ris(work) for name, work in works.items()}
    assert records["site"].startswith("TY  - ELEC\r\n")
    assert records["talk"].startswith("TY  - SLIDE\r\n")
    assert records["paper"].startswith("TY  - JOUR\r\n")
    assert all(
        r.endswith("ER  - \r\n") and "\n" not in r.replace("\r\n", "") for r in records.values()
    )
    assert "LA  - " in records["site"] and "LA  - " in records["paper"]
    assert "LA  - " not in records["talk"]
    assert "DA  - 2022/07//\r\n" in records["paper"]
    assert "M3  - Presentation\r\n" in records["talk"] and "TT  - " not in records["talk"]
    assert "T2  - Teacup Discussion #5\r\n" in records["talk"]
    assert "PY  - " not in records["site"]
    assert references.ris_date("2021-09-30") == "2021/09/30/"


def test_registry_rejects_a_malformed_file(tmp_path):
    path = tmp_path / "registry.yml"
    path.write_text("sources:\n  A:\n    label: {en: x}\n", encoding="utf-8")
    with pytest.raises(PluginError, match="source 'A' lacks language, url"):
        shared.load_registry(path)
    assert shared.load_registry(ROOT / "data/registry.yml")["talk"]["date"].isoformat() == (
        "2021-09-30"
    )


def test_csp_hashes_every_inline_script_and_nothing_else():
    html = (
        '<script>a()</script><script src="x.js"></script>'
        '<script id="__config" type="application/json">{}</script><script>b()</script>'
    )
    policy = rewrite.policy(html)
    assert shared.source_hash("a()") in policy and shared.source_hash("b()") in policy
    assert policy.count("'sha256-") == 2
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "object-src 'none'" in policy and "img-src 'self' data:" in policy


def test_markup_fixes_invalid_attributes_and_names_the_search_controls():
    html = (
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" autocomplete="off">'
        '<label class="md-nav__link" tabindex="">'
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<label class="md-header__button md-icon" for="__search">\n  <svg viewBox="0 0 24 24">'
        '<a class="headerlink" href="#x" title="Permanent link">'
        '<a href="/en/" hreflang="en" class="md-select__link">'
        '<a href="/id/" hreflang="id" class="md-select__link">'
        '<label for="__drawer"><svg viewBox="0 0 24 24"></svg></label>'
    )
    mended = rewrite.mend_markup(html, config=config_of("id"))
    assert '<input class="md-toggle" type="checkbox" id="__drawer">' in mended
    assert '<input type="text" autocomplete="off">' in mended
    assert 'tabindex=""' not in mended
    assert 'role="dialog" aria-label="Cari">' in mended
    assert (
        '<label class="md-header__button md-icon" for="__search" title="Cari">\n  '
        '<svg role="img" aria-label="Cari" viewBox="0 0 24 24">'
    ) in mended, "the phone's search button is named by its icon"
    assert '<label for="__drawer"><svg aria-hidden="true" viewBox' in mended, "other icons hidden"
    assert (
        '<a class="headerlink" href="#x" title="Tautan permanen" aria-hidden="true" tabindex="-1">'
    ) in mended
    assert 'hreflang="en" class="md-select__link">' in mended
    assert 'hreflang="id" class="md-select__link" aria-current="true">' in mended


def test_the_skip_link_comes_before_materials_toggles():
    toggles = (
        '\n    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '\n    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'
        '\n    <label class="md-overlay" for="__drawer"></label>'
    )
    skip = '\n    <div data-md-component="skip">\n<a href="#t" class="md-skip">Skip</a>\n</div>'
    assert rewrite.skip_link_first(f"<body>{toggles}{skip}", name="a.md") == (
        f"<body>{skip}{toggles}"
    )
    with pytest.raises(PluginError, match=r"^a\.md: Material's toggles before the skip link"):
        rewrite.skip_link_first(f"<body>{skip}", name="a.md")


def test_controls_only_a_script_can_work_are_written_by_a_script():
    palette = '<form class="md-header__option" data-site-palette><input type="radio"></form>'
    search = (
        '<div class="md-search" data-md-component="search"><div><form></form></div><p>x</p></div>'
    )
    html = f"<header>{palette}<script>palette()</script>{search}<a>After</a></header>"
    written = rewrite.script_writes_controls(html, name="a.md")
    assert re.sub(r"<script>.*?</script>", "", written) == "<header><a>After</a></header>"
    scripts = re.findall(r'insertAdjacentHTML\("beforebegin",(.*?)\)</script>', written)
    assert [json.loads(s) for s in scripts] == [palette, search]
    assert "</" not in "".join(scripts)
    # The palette's own script still runs after its form is written.
    assert written.index("data-site-palette") < written.index("palette()")
    with pytest.raises(PluginError, match=r"^a\.md: the <div> at offset 0 is never closed"):
        rewrite.script_writes_controls(
            '<div class="md-search" data-md-component="search">', name="a.md"
        )


def test_the_menu_control_becomes_a_named_button_written_by_a_script():
    """Material's label for the drawer can neither take focus nor carry a
    name: a button named in the page's language replaces it, controlling the
    navigation; the label stays for browsers without scripts."""
    label = '<label class="md-header__button md-icon" for="__drawer">\n  <svg></svg>\n</label>'
    nav = '<nav class="md-nav md-nav--primary" aria-label="Navigasi">'
    html = f"<header>{label}</header>{nav}"
    mended = rewrite.button_opens_drawer(html, config=config_of("id"))
    button = (
        '<button class="md-header__button md-icon" type="button" aria-label="Navigasi" '
        'aria-expanded="false" aria-controls="__navigation"><svg></svg></button>'
    )
    assert mended == (
        f"<header><noscript>{label}</noscript>{button}</header>"
        '<nav class="md-nav md-nav--primary" id="__navigation" aria-label="Navigasi">'
    )
    # A text browser, which runs no script, shows no button that does nothing.
    written = rewrite.script_writes_controls(mended, name="a.md")
    assert re.sub(r"<script>.*?</script>", "", written).startswith(
        f"<header><noscript>{label}</noscript></header>"
    )
    scripts = re.findall(r'insertAdjacentHTML\("beforebegin",(.*?)\)</script>', written)
    assert [json.loads(s) for s in scripts] == [button]
    # A page without the navigation keeps Material's label.
    assert rewrite.button_opens_drawer(label, config=config_of("id")) == label


def test_the_content_comes_before_the_sidebars_in_the_source():
    sidebars = '<div class="md-sidebar"><div>nav</div></div><div class="md-sidebar">toc</div>'
    content = '<div class="md-content" data-md-component="content"><div>text</div></div>'
    html = f'<main><div class="md-main__inner md-grid">{sidebars}{content}</div></main>'
    assert rewrite.content_first(html, name="a.md") == (
        f'<main><div class="md-main__inner md-grid">{content}{sidebars}</div></main>'
    )
    assert rewrite.content_first("<main></main>", name="a.md") == "<main></main>"
    with pytest.raises(PluginError, match=r"^a\.md: Material's main column has changed"):
        rewrite.content_first(f'<div class="md-main__inner md-grid">{sidebars}', name="a.md")


def test_search_index_splits_by_language():
    merged = {
        "config": {"lang": ["en"], "pipeline": ["stopWordFilter"]},
        "docs": [
            {"location": "", "title": "Home"},
            {"location": "id/", "title": "Beranda"},
            {"location": "id/talk/japan/#x", "title": "Jepang"},
        ],
    }
    parts = post_build.split(merged, ["id"])
    assert [d["location"] for d in parts[""]["docs"]] == [""]
    assert [d["location"] for d in parts["id"]["docs"]] == ["", "talk/japan/#x"]
    assert parts["id"]["config"]["pipeline"] == []
    assert parts[""]["config"]["pipeline"] == ["stopWordFilter"]
    json.dumps(parts)


def test_inline_css_refuses_pages_that_link_different_stylesheets(tmp_path):
    (tmp_path / "a.css").write_text("a{}")
    (tmp_path / "b.css").write_text("b{}")
    both = '<head><link rel="stylesheet" href="a.css"><link rel="stylesheet" href="b.css"></head>'
    (tmp_path / "index.html").write_text(both)
    (tmp_path / "other.html").write_text(both.replace("b.css", "a.css"))
    config = SimpleNamespace(site_url="https://x.org/")
    with pytest.raises(PluginError, match=r"other\.html links the stylesheets"):
        post_build.inline_css(tmp_path, config)


def test_css_join_drops_comments_but_not_strings_that_look_like_them():
    css = '/* a\n rule */\n.q::before{content:"/* kept */"}\n.r{s:t} /* after */\n'
    assert post_build.uncomment(css) == '.q::before{content:"/* kept */"}\n.r{s:t} '


def test_inline_css_puts_the_stylesheets_in_each_page_and_allows_them(tmp_path):
    folder = tmp_path / "assets/stylesheets"
    folder.mkdir(parents=True)
    (folder / "main.1.min.css").write_text('@charset "UTF-8";a{b:c}/*# sourceMappingURL=x */')
    (folder / "extra.css").write_text("/* ours */\nd{e:f}\n")
    policy = '<meta http-equiv="Content-Security-Policy" content="style-src {}; x y">'
    head = (
        "<head>\n  {policy}"
        '\n  <link rel="stylesheet" href="../assets/stylesheets/main.1.min.css">'
        '\n  <link rel="icon" href="../favicon.svg">'
        '\n  <link rel="stylesheet" href="../assets/stylesheets/extra.css">\n</head>'
        '<body><link rel="stylesheet" href="../elsewhere.css"></body>'
    )
    names = ["assets/stylesheets/main.1.min.css", "assets/stylesheets/extra.css"]
    assert post_build.stylesheets(head, "about/index.html", "/t/") == names
    root = head.format(policy="").replace('href="../', 'href="/t/')
    assert post_build.stylesheets(root, "404.html", "/t/") == names
    (tmp_path / "about").mkdir()
    (tmp_path / "about/index.html").write_text(head.format(policy=policy.format("'self'")))
    # 404.html links from the site's root path; an offline page has no policy.
    (tmp_path / "404.html").write_text(root)
    post_build.inline_css(tmp_path, SimpleNamespace(site_url="https://x.org/t/"))
    text = '@charset "UTF-8";\na{b:c}\nd{e:f}\n'
    allowed = policy.format(f"'self' {shared.source_hash(text)}")
    assert (tmp_path / "about/index.html").read_text() == (
        f"<head>\n  {allowed}\n  <style>{text}</style>"
        '\n  <link rel="icon" href="../favicon.svg">\n</head>'
        '<body><link rel="stylesheet" href="../elsewhere.css"></body>'
    )
    assert f"<head>\n  \n  <style>{text}</style>" in (tmp_path / "404.html").read_text()
    assert not folder.exists()
    outside = '<link rel="stylesheet" href="/other/a.css">'
    with pytest.raises(PluginError, match=r"404\.html: stylesheet /other/"):
        post_build.stylesheets(outside, "404.html", "/t/")


def test_inline_css_refuses_a_stylesheet_that_would_end_the_style_element(tmp_path):
    (tmp_path / "a.css").write_text('a::after{content:"</style>"}')
    (tmp_path / "index.html").write_text('<head><link rel="stylesheet" href="a.css"></head>')
    with pytest.raises(PluginError, match=r"a\.css: '</style' would end"):
        post_build.inline_css(tmp_path, SimpleNamespace(site_url="https://x.org/"))
