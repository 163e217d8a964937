"""The built site in a real browser: Debian's Chromium driven by Playwright."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from helpers import LANGUAGES, material_ready, nav_files, output_path, url_of

PAGES = [output_path(src, lang) for lang in LANGUAGES for src in nav_files()]
SCHEMES = {"light": "default", "dark": "slate"}
# One page for each kind of markup the site has: the home page's opening and
# cards, the comparison table, the Cite page's code blocks, the source
# references, the glossary's notes, the 404 page's forms. The two editions
# share their markup.
KINDS = [
    "index.html",
    "talk/comparison/index.html",
    "cite/index.html",
    "sources/index.html",
    "glossary/index.html",
    "404.html",
]
CSP_PROBE = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


@pytest.fixture
def scheme_page(browser, request):
    """A tab whose system preference selects the light or the dark palette."""
    context = browser.new_context(color_scheme=request.param)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize(
    ("scheme_page", "path"),
    [("light", path) for path in [*KINDS, *(f"id/{kind}" for kind in KINDS[:-1])]]
    + [("dark", path) for path in KINDS],
    indirect=["scheme_page"],
)
def test_axe_finds_no_violation(scheme_page, site_url, path, request):
    """One page of each kind, in both editions in the light palette."""
    scheme = request.node.callspec.params["scheme_page"]
    scheme_page.goto(url_of(site_url, path))
    body = scheme_page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == SCHEMES[scheme]
    material_ready(scheme_page)
    results = Axe().run(scheme_page, options={"resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", ["index.html", "id/talk/comparison/index.html"])
def test_skip_link_is_first_and_moves_focus_to_content(page, site_url, path):
    page.goto(url_of(site_url, path))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "md-skip" in focused
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash")
    target = page.evaluate("document.querySelector(location.hash).tagName")
    assert target in {"H1", "H2"}


def test_every_visible_control_is_reachable_by_tab(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url_of(site_url, "talk/comparison/index.html"))
    page.evaluate(
        """() => {
          const sel = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]";
          let n = 0;
          for (const el of document.querySelectorAll(sel)) el.dataset.k = String(n++);
        }"""
    )
    wanted = set(
        page.evaluate(
            """() => [...document.querySelectorAll("[data-k]")]
              .filter(el => el.tabIndex >= 0 && !el.closest("[hidden]")
                && el.checkVisibility({visibilityProperty: true}) && el.getClientRects().length
                // a radio group is one tab stop: its checked member
                && !(el.type === "radio" && !el.checked))
              .map(el => el.dataset.k)"""
        )
    )
    reached = set()
    for _ in range(len(wanted) + 20):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.dataset.k || ''"))
    assert wanted - reached == set()


def test_reduced_motion_is_respected(browser, site_url):
    context = browser.new_context(reduced_motion="reduce")
    tab = context.new_page()
    tab.goto(url_of(site_url, "index.html"))
    duration = tab.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).transitionDuration"
    )
    context.close()
    assert all(float(part.strip().removesuffix("s")) <= 0.001 for part in duration.split(","))


@pytest.mark.parametrize("path", [page for page in PAGES if page.removeprefix("id/") in KINDS[:2]])
def test_switcher_leads_to_the_twin_page(page, site_url, path):
    page.goto(url_of(site_url, path))
    other = "en" if path.startswith("id/") else "id"
    twin = path.removeprefix("id/") if other == "en" else f"id/{path}"
    page.hover(".md-select")
    page.click(f".md-select__link[hreflang='{other}']")
    page.wait_for_load_state()
    assert page.url.split("#")[0] == url_of(site_url, twin)
    assert page.evaluate("document.documentElement.lang") == other


def search(page, query: str) -> list[str]:
    page.keyboard.press("/")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => a.href)"
    )


def title_word(page) -> str:
    """The longest word of the page's heading: something its edition can find."""
    return max(re.findall(r"[^\W\d_]+", page.locator("article h1").inner_text()), key=len)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_highlights_the_query_on_the_page_it_leads_to(page, site_url, language):
    url = url_of(site_url, output_path("index.md", language))
    page.goto(url)
    word = title_word(page)
    page.goto(f"{url}?h={word}")
    page.wait_for_selector("article mark", timeout=10_000)
    assert word.lower() in page.locator("article mark").first.inner_text().lower()


def test_indonesian_search_finds_indonesian_pages_only(page, site_url):
    page.goto(url_of(site_url, "id/talk/comparison/index.html"))
    results = search(page, "Jepang")
    assert results and all(url.startswith(site_url + "id/") for url in results), results
    assert any("/id/talk/comparison/" in url for url in results)


def test_english_search_finds_english_pages_only(page, site_url):
    page.goto(url_of(site_url, "talk/comparison/index.html"))
    results = search(page, "Japan")
    assert results and not any("/id/" in url for url in results), results
    assert any("/talk/comparison/" in url for url in results)


def test_search_follows_a_query_changed_with_no_key(page, site_url):
    """A paste from the menu, dictation or a phone keyboard's suggestion puts
    text in the box with no key event (CDP's Input.insertText does the same);
    Material alone searches only on a key's release, so it found nothing."""
    page.goto(url_of(site_url, "talk/comparison/index.html"))
    material_ready(page)
    page.keyboard.press("/")
    # Once the index is in, Material searches anew by itself: wait for that.
    page.wait_for_selector(".md-search-result__meta:text('Type to start searching')")
    page.context.new_cdp_session(page).send("Input.insertText", {"text": "Japan"})
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.locator(".md-search-result__item").count() > 0


@pytest.mark.parametrize("path", [*KINDS, "id/index.html", "id/talk/comparison/index.html"])
def test_no_csp_violation_or_console_error_while_reading(page, site_url, path):
    page.add_init_script(CSP_PROBE)
    page.goto(url_of(site_url, path))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__csp") == []
    material_ready(page)
    page.mouse.wheel(0, 600)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__csp") == []
    assert page.errors == []


def test_no_csp_violation_while_searching_and_switching(page, site_url):
    page.add_init_script(CSP_PROBE)
    page.goto(url_of(site_url, "talk/comparison/index.html"))
    search(page, "Korea")
    page.keyboard.press("Escape")
    page.click("form[data-site-palette] label:not([hidden])")
    assert page.evaluate("window.__csp") == []
    page.hover(".md-select")
    page.click(".md-select__link[hreflang='id']")
    page.wait_for_load_state("networkidle")
    search(page, "Jepang")
    assert page.evaluate("window.__csp") == []
    assert page.errors == []


# Pages with every kind of inline script: the palette's and the language
# menu's everywhere, the accessibility mends beside a table or code blocks.
@pytest.mark.parametrize("path", ["index.html", "talk/comparison/index.html", "cite/index.html"])
def test_inline_scripts_never_force_a_layout(browser, site_url, path):
    """The accessibility mends (overrides/partials/a11y.html) read sizes only
    where a ResizeObserver reports them. Chromium's trace names the script
    behind every forced style or layout computation; none may be the page's
    own inline scripts, at load or on resize."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    browser.start_tracing(
        page=tab, categories=["devtools.timeline", "disabled-by-default-devtools.timeline.stack"]
    )
    url = url_of(site_url, path)
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    material_ready(tab)
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.wait_for_timeout(200)
    events = json.loads(browser.stop_tracing())["traceEvents"]
    context.close()
    # The top frame is the code that asked for the computation.
    forced = [
        (event["name"], frame["lineNumber"], frame["columnNumber"])
        for event in events
        if event.get("name") in ("Layout", "UpdateLayoutTree")
        for frame in (event.get("args", {}).get("beginData", {}).get("stackTrace") or [])[:1]
        if frame.get("url") == url
    ]
    assert forced == []


def test_accessibility_mends_come_inline_and_only_where_needed(pages):
    """Code blocks and tables get them; other pages no script at all."""
    for name, html in pages.items():
        article = html.split("<article", 1)[-1]
        needed = any(markup in article for markup in ("<pre", "<table"))
        body = html.split("</head>", 1)[1]  # the head carries the stylesheet
        assert ("md-code__nav" in body) == needed, name
        assert "a11y" not in body, name


def test_print_layout_keeps_the_text_and_drops_the_chrome(page, site_url):
    page.goto(url_of(site_url, "sources/index.html"))
    page.emulate_media(media="print")
    # Search and the palette toggle sit inside the header; a report link
    # cannot be followed on paper.
    hidden = page.evaluate(
        """() => [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                  ".report-problem"]
          .map(sel => [sel, [...document.querySelectorAll(sel)]
            .every(el => getComputedStyle(el).display === "none")])"""
    )
    assert all(ok for _, ok in hidden), hidden
    assert page.locator(".report-problem").count() == 1
    outbound = page.evaluate(
        """() => [...document.querySelectorAll("article a[href^='http']")]
          .map(a => [a.href, getComputedStyle(a, "::after").content])"""
    )
    assert outbound
    for href, after in outbound:
        assert href in after, (href, after)
    page.goto(url_of(site_url, "talk/comparison/index.html"))
    page.emulate_media(media="print")
    breaks = page.evaluate(
        """() => getComputedStyle(document.querySelector("article .compare tr")).breakInside"""
    )
    assert breaks == "avoid"
    marker = page.evaluate(
        """() => { const s = getComputedStyle(document.querySelector("article sup.cite"));
          return [s.display, s.verticalAlign, document.querySelector("article sup.cite")
            .textContent.trim()]; }"""
    )
    assert marker[0] != "none" and marker[1] == "baseline", marker
    assert marker[2].startswith("[") and marker[2].endswith("]"), "bracketed keys in print"


PALETTE = """() => ({
  scheme: document.body.dataset.mdColorScheme,
  root: document.documentElement.style.colorScheme,
  toggle: [...document.querySelectorAll("[data-site-palette] label")]
    .filter(label => !label.hidden).map(label => label.title),
})"""


@pytest.mark.parametrize("scheme_page", list(SCHEMES), indirect=True)
def test_palette_follows_the_system_before_materials_script_runs(scheme_page, site_url, request):
    """The inline script (partials/javascripts/palette.html) sets the scheme
    as the header is parsed: with Material's script withheld, a reader whose
    system is dark still gets the dark page, and one toggle to leave it."""
    scheme = request.node.callspec.params["scheme_page"]
    scheme_page.route(re.compile(r"bundle\.\w+\.min\.js"), lambda route: route.abort())
    scheme_page.goto(site_url)
    state = scheme_page.evaluate(PALETTE)
    assert state["scheme"] == SCHEMES[scheme]
    assert state["root"] == scheme
    assert state["toggle"] == [
        "Switch to light mode" if scheme == "dark" else "Switch to dark mode"
    ]


def test_palette_toggle_switches_remembers_and_colours_the_browser(page, site_url):
    page.emulate_media(color_scheme="light")
    page.goto(url_of(site_url, "id/talk/comparison/index.html"))
    page.wait_for_selector("meta[name=theme-color]", state="attached")
    # Material's palette component (which rewrites a color-scheme <meta>
    # tag, restyling the whole page, at every load) is not mounted.
    assert page.locator("meta[name=color-scheme]").count() == 0
    header = "getComputedStyle(document.querySelector('.md-header')).backgroundColor"
    assert page.get_attribute("meta[name=theme-color]", "content") == page.evaluate(header)
    page.click("form[data-site-palette] label:not([hidden])")
    assert page.evaluate(PALETTE)["scheme"] == "slate"
    assert page.get_attribute("meta[name=theme-color]", "content") == page.evaluate(header)
    # The choice outlives the page and the system's preference.
    page.goto(url_of(site_url, "index.html"))
    page.emulate_media(color_scheme="light")
    assert page.evaluate(PALETTE) == {
        "scheme": "slate",
        "root": "dark",
        "toggle": ["Switch to light mode"],
    }
    # By keyboard, as on Material's toggle: Enter on the focused option.
    page.focus("form[data-site-palette] input:checked")
    page.keyboard.press("Enter")
    assert page.evaluate(PALETTE)["scheme"] == "default"
    assert page.errors == []


def test_palette_follows_a_change_of_system_until_the_reader_chooses(page, site_url):
    def scheme_becomes(scheme: str) -> None:  # media change events are asynchronous
        page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=scheme)

    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    page.emulate_media(color_scheme="dark")
    scheme_becomes("slate")
    page.emulate_media(color_scheme="light")
    scheme_becomes("default")
    page.click("form[data-site-palette] label:not([hidden])")
    page.emulate_media(color_scheme="dark")
    page.emulate_media(color_scheme="light")
    page.wait_for_timeout(200)
    assert page.evaluate(PALETTE)["scheme"] == "slate"


def test_palette_works_when_storage_is_refused(page, site_url):
    """With cookies blocked, localStorage throws: the scheme still follows
    the system and the toggle still switches, for the page at hand."""
    page.add_init_script(
        "for (const name of ['getItem', 'setItem'])"
        " Storage.prototype[name] = () => { throw new DOMException('refused', 'SecurityError'); };"
    )
    page.emulate_media(color_scheme="dark")
    page.goto(url_of(site_url, "about/index.html"))
    assert page.evaluate(PALETTE)["scheme"] == "slate"
    page.click("form[data-site-palette] label:not([hidden])")
    assert page.evaluate(PALETTE)["scheme"] == "default"


# Each scheme's radio name, and the title of the button that switches to it.
TOGGLE = {
    "en": {
        "light": ("Light mode", "Switch to light mode"),
        "dark": ("Dark mode", "Switch to dark mode"),
    },
    "id": {
        "light": ("Mode terang", "Beralih ke mode terang"),
        "dark": ("Mode gelap", "Beralih ke mode gelap"),
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scheme_page", list(SCHEMES), indirect=True)
def test_the_palette_toggle_says_what_is_true(scheme_page, site_url, request, language):
    """A screen reader hears the scheme shown, checked ("Dark mode, checked"),
    never the other scheme's action; the visible button's title still says
    what a click does. Both in the page's language."""
    scheme = request.node.callspec.params["scheme_page"]
    other = "dark" if scheme == "light" else "light"
    scheme_page.goto(url_of(site_url, output_path("about.md", language)))
    checked = scheme_page.get_by_role("radio", checked=True)
    assert checked.count() == 1
    assert checked.evaluate("el => el.ariaLabel") == TOGGLE[language][scheme][0]
    unchecked = scheme_page.get_by_role("radio", name=TOGGLE[language][other][0], checked=False)
    assert unchecked.count() == 1
    title = scheme_page.get_attribute("form[data-site-palette] label:not([hidden])", "title")
    assert title == TOGGLE[language][other][1]
