"""What a reader sees, measured in Chromium: the home page's first screen,
citation markers, the reading measure and the comparison table on a phone."""

from __future__ import annotations

import re

import pytest
from helpers import LANGUAGES, material_ready, nav_files, output_path, registry, url_of

PAGES = [output_path(src, lang) for lang in LANGUAGES for src in nav_files()]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_first_screen_says_what_who_and_when(page, site_url, language):
    """On a phone, without scrolling: the talk's title, the speaker, the
    date, the organiser and the ways in."""
    talk = registry()["talk"]
    page.set_viewport_size(PHONE)
    page.goto(url_of(site_url, output_path("index.md", language)))
    above = page.evaluate(
        """() => [...document.querySelectorAll(".hero h1, .hero p")]
          .map(el => [el.innerText, el.getBoundingClientRect().bottom])"""
    )
    assert all(bottom <= PHONE["height"] for _, bottom in above), above
    text = " ".join(re.sub(r"\s+", " ", t) for t, _ in above)
    assert " ".join(talk["name"][language].split()) in text
    assert talk["speaker"] in text and talk["moderator"] in text
    assert (
        "Thursday 30 September 2021" if language == "en" else "Kamis, 30 September 2021"
    ) in text
    assert "Institute of International Studies" in text
    assert "Corvinus University of Budapest" in text, "the speaker's affiliation"
    # The bottom line of what he argued, attributed and cited.
    lead = page.locator(".hero__lead")
    assert lead.count() == 1 and lead.locator("sup.cite").count() >= 1
    assert ("speaker argued" if language == "en" else "pembicara berpendapat") in lead.inner_text()
    buttons = page.locator(".hero .md-button")
    assert buttons.count() == 3
    hrefs = [buttons.nth(i).get_attribute("href") for i in range(3)]
    assert [any(part in h for h in hrefs) for part in ("comparison", "sources", "cite")] == [
        True,
        True,
        True,
    ]


def test_home_lines_up_on_a_desktop(page, site_url):
    """The opening box and the cards share both edges."""
    page.set_viewport_size(DESKTOP)
    page.goto(site_url)
    edges = page.evaluate(
        """() => [".hero", ".grid.cards"].map(sel => {
          const r = document.querySelector(sel).getBoundingClientRect();
          return [Math.round(r.left), Math.round(r.right)]; })"""
    )
    assert edges[0] == edges[1], edges


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(page, site_url, path):
    page.set_viewport_size(PHONE)
    page.goto(url_of(site_url, path))
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]"
    )
    assert max(widths[:2]) <= widths[2], widths


@pytest.mark.parametrize("path", PAGES)
def test_no_blank_line_under_a_page_title_on_a_phone(page, site_url, path):
    """The title is as many lines high as its words take (its hidden
    permalink mark once wrapped onto a blank line of its own)."""
    page.set_viewport_size(PHONE)
    page.goto(url_of(site_url, path))
    lines, height = page.evaluate(
        """() => { const title = document.querySelector(".md-content h1");
          const words = document.createRange(); words.selectNodeContents(title.firstChild);
          const tops = new Set([...words.getClientRects()].map(r => Math.round(r.top)));
          const line = parseFloat(getComputedStyle(title).lineHeight);
          return [tops.size, title.getBoundingClientRect().height / line]; }"""
    )
    assert round(height) == lines, (lines, height)


@pytest.mark.parametrize("language", LANGUAGES)
def test_comparison_table_keeps_each_pair_together_on_a_phone(page, site_url, language):
    """Each row holds its point for both countries side by side, with no
    sideways scrolling, in type that reads without zoom."""
    page.set_viewport_size(PHONE)
    page.goto(url_of(site_url, output_path("talk/comparison.md", language)))
    material_ready(page)
    rows, fits, smallest = page.evaluate(
        """() => { const table = document.querySelector(".compare table");
          const wrap = table.closest(".md-typeset__scrollwrap") || table.parentElement;
          const rows = [...table.querySelectorAll("tbody tr")].map(row =>
            [...row.children].map(cell => { const r = cell.getBoundingClientRect();
              return [cell.tagName, Math.round(r.top), r.left >= 0 && r.right <= innerWidth]; }));
          const sizes = [...table.querySelectorAll("th, td")]
            .map(cell => parseFloat(getComputedStyle(cell).fontSize));
          return [rows, wrap.scrollWidth <= wrap.clientWidth + 1, Math.min(...sizes)]; }"""
    )
    assert fits, "the table scrolls sideways"
    assert smallest >= 12, smallest
    assert len(rows) == 4
    for cells in rows:
        assert cells[0][0] == "TH", cells
        assert len({top for _, top, _ in cells}) == 1, cells
        assert all(inside for *_, inside in cells), cells


def test_citation_markers_are_small_links(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(url_of(site_url, "talk/comparison/index.html"))
    sizes = page.evaluate(
        """() => ["article sup.cite a", "article p"]
          .map(sel => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize))"""
    )
    assert sizes[0] < 0.8 * sizes[1], sizes
    links = page.eval_on_selector_all(
        "article sup.cite", "sups => sups.map(s => s.querySelectorAll('a').length)"
    )
    assert links and set(links) == {1}, "one link per marker"


def marker_names(page) -> list[tuple[str, str, str]]:
    """(visible text, accessible name, description) of each marker link,
    as Chromium's accessibility tree gives them to assistive technology."""
    cdp = page.context.new_cdp_session(page)
    document = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    found = cdp.send("DOM.querySelectorAll", {"nodeId": document, "selector": "sup.cite a"})
    names = []
    for node in found["nodeIds"]:
        html = cdp.send("DOM.getOuterHTML", {"nodeId": node})["outerHTML"]
        (ax,) = cdp.send(
            "Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False}
        )["nodes"]
        visible = re.sub(r"<[^>]+>", "", html)
        names.append((visible, ax["name"]["value"], ax.get("description", {}).get("value", "")))
    return names


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_marker_s_name_is_its_text_and_its_description_names_the_sources(
    page, site_url, language
):
    """WCAG 2.5.3, label in name: a voice-control user says what a marker
    shows, "click A, B"; the name starts with its bracket, so a screen
    reader never runs the word before it into the keys. The description
    (the link's title) names the sources in the edition's language."""
    sources = registry()["sources"]
    keys = "|".join(re.escape(key) for key in sources)
    checked = 0
    for src in nav_files():
        page.goto(url_of(site_url, output_path(src, language)))
        for visible, name, description in marker_names(page):
            checked += 1
            assert re.fullmatch(rf"\[(?:{keys})(?:, (?:{keys}))*\]", visible), (src, visible)
            assert name == visible, (src, visible, name, "the name must be the visible text")
            cited = visible.strip("[]").split(", ")
            labels = [f"{key}: {sources[key]['label'][language]}" for key in cited]
            assert description == "; ".join(labels), (src, visible, description)
    assert checked >= 20, checked


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_marker_widens_a_narrow_screen_or_pops_anything_up(page, site_url, language):
    """WCAG 1.4.10 and 1.4.13: at 320 px, focusing or hovering any marker
    shows nothing of the page's own (the browser's title tooltip is its own,
    outside the page) and the page stays as wide as the screen."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(url_of(site_url, output_path("talk/comparison.md", language)))
    material_ready(page)
    markers = page.locator("article sup.cite a")
    assert markers.count() >= 5, "the comparison page has its table's and its prose's markers"
    for index in range(markers.count()):
        marker = markers.nth(index)
        for act in (marker.focus, marker.hover):
            act()
            state = marker.evaluate(
                """a => [document.documentElement.scrollWidth,
                  ...["::before", "::after"].map(p => getComputedStyle(a, p).content)]"""
            )
            assert state[0] <= 320, (index, act.__name__, state)
            assert set(state[1:]) <= {"none", "normal"}, (index, act.__name__, state)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_citation_markers_are_comfortable_to_tap(page, site_url, size):
    """WCAG 2.2, 2.5.8: each marker is a target of at least 24 by 24 px."""
    page.set_viewport_size(size)
    page.goto(url_of(site_url, "index.html"))
    boxes = page.evaluate(
        """() => [...document.querySelectorAll("article sup.cite a")].map(a => {
          const r = a.getBoundingClientRect(); return [r.width, r.height]; })"""
    )
    assert boxes and all(w >= 24 and h >= 24 for w, h in boxes), boxes


def test_a_citation_is_reached_by_tab_and_shows_its_focus(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(url_of(site_url, "talk/capacity-building/index.html"))
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('sup.cite')"):
            break
    focused = page.evaluate(
        """() => { const a = document.activeElement, s = getComputedStyle(a);
          return [a.closest("sup.cite") !== null, a.title, s.outlineStyle,
            parseFloat(s.outlineWidth)]; }"""
    )
    in_marker, names, outline, width = focused
    assert in_marker, "a citation marker is reachable by Tab"
    assert names.startswith("A: FISIPOL UGM news article"), names
    assert outline != "none" and width >= 2, (outline, width)


@pytest.mark.parametrize("language", LANGUAGES)
def test_running_text_keeps_a_comfortable_measure(page, site_url, language):
    """About 60 to 75 characters a line on a wide screen."""
    page.set_viewport_size(DESKTOP)
    measures = []
    for src in nav_files():
        page.goto(url_of(site_url, output_path(src, language)))
        measures += page.evaluate(
            """() => [...document.querySelectorAll("article.md-typeset > p")]
              .filter(p => p.innerText.length > 300)
              .map(p => { const text = p.innerText, probe = document.createElement("span");
                probe.style.whiteSpace = "nowrap"; probe.textContent = text; p.append(probe);
                const perChar = probe.getBoundingClientRect().width / text.length;
                probe.remove(); return p.clientWidth / perChar; })"""
        )
    assert measures
    assert all(55 <= m <= 80 for m in measures), [round(m) for m in measures]
