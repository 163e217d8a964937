"""What a reader sees, measured in Chromium: the home page's first screen,
citation markers, the reading measure and the comparison figure on a phone."""

from __future__ import annotations

import re

import pytest
from helpers import LANGUAGES, nav_files, output_path, registry

PAGES = [output_path(src, lang) for lang in LANGUAGES for src in nav_files()]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def url_of(site_url: str, path: str) -> str:
    return site_url + path.removesuffix("index.html")


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
    buttons = page.locator(".hero .md-button")
    assert buttons.count() == 3
    hrefs = [buttons.nth(i).get_attribute("href") for i in range(3)]
    assert any("comparison" in h for h in hrefs) and any("cite" in h for h in hrefs)


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
def test_comparison_figure_fits_a_phone_and_reads_without_zoom(page, site_url, language):
    page.set_viewport_size(PHONE)
    page.goto(url_of(site_url, output_path("talk/comparison.md", language)))
    fit = page.evaluate(
        """() => { const f = document.querySelector("figure.flow");
          const r = f.getBoundingClientRect();
          return [f.scrollWidth <= f.clientWidth, r.left >= 0, r.right <= innerWidth]; }"""
    )
    assert fit == [True, True, True]
    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll("figure.flow *")]
          .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
          .map(el => parseFloat(getComputedStyle(el).fontSize)))"""
    )
    assert smallest >= 12, smallest
    # One column on a phone, in reading order: the norms, the argument, the
    # orientations, the shared aim.
    tops = page.evaluate(
        """() => [...document.querySelectorAll(".flow__grid > *")]
          .map(el => el.getBoundingClientRect().top)"""
    )
    assert tops == sorted(set(tops)) and len(tops) == 6


def test_citation_markers_are_small_named_links(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(url_of(site_url, "talk/comparison/index.html"))
    sizes = page.evaluate(
        """() => ["article sup.cite a", "article p"]
          .map(sel => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize))"""
    )
    assert sizes[0] < 0.8 * sizes[1], sizes
    names = page.eval_on_selector_all(
        "article sup.cite a", "links => links.map(a => a.getAttribute('aria-label'))"
    )
    sources = registry()["sources"]
    assert names and all(
        re.fullmatch(rf"Source ({'|'.join(sources)}): .+", name) for name in names
    ), names


def test_a_citation_shows_its_source_on_keyboard_focus(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(url_of(site_url, "talk/capacity-building/index.html"))
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('sup.cite')"):
            break
    focused = page.evaluate(
        """() => { const a = document.activeElement, s = getComputedStyle(a);
          return [a.closest("sup.cite") !== null, a.getAttribute("aria-label"),
            getComputedStyle(a, "::after").content, s.outlineStyle,
            parseFloat(s.outlineWidth)]; }"""
    )
    in_marker, name, shown, outline, width = focused
    assert in_marker, "a citation marker is reachable by Tab"
    assert shown == f'"{name}"', (shown, name)
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
