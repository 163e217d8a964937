"""What a keyboard, screen-reader, print or phone reader meets, in Chromium:
no Tab stop on anything unseen, headings heard without their permalink mark,
the language switch keeping the section, the 404 page in the address's
language and reachable by keyboard, printed sheets that say where they came
from, the phone header's whole name, citations that nothing covers, and citation
markers as a screen reader speaks them."""

from __future__ import annotations

import html
import re
import subprocess

import pytest
from helpers import (
    LANGUAGES,
    ROOT,
    material_ready,
    nav_files,
    output_path,
    registry,
    site_stylesheet,
    url_of,
)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
BUNDLE = re.compile(r"bundle\.\w+\.min\.js")


# Where focus is and whether a reader can see it: the element itself, or
# for Material's visually hidden palette radio, the label that shows it.
FOCUS = """async () => {
  await new Promise(done => setTimeout(done, 20));  // what a focus sets off
  for (const animation of document.getAnimations()) animation.finish();  // fades, slides
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const shown = el.matches(".md-option") ? el.nextElementSibling : el;
  const r = shown.getBoundingClientRect();
  const visible = shown.checkVisibility({opacityProperty: true, visibilityProperty: true})
    && r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth
    && r.bottom > 0 && r.top < innerHeight;
  return [el.outerHTML.slice(0, 90), visible];
}"""


@pytest.mark.parametrize("started", [True, False], ids=["material", "no-material"])
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["index.html", "id/talk/comparison/index.html"])
def test_every_tab_stop_is_something_the_reader_sees(browser, site_url, path, size, started):
    context = browser.new_context(viewport=size, has_touch=size is PHONE)
    tab = context.new_page()
    if not started:
        tab.route(BUNDLE, lambda route: route.abort())
    tab.goto(url_of(site_url, path))
    if started:
        material_ready(tab)
    unseen, stops = [], 0
    for _ in range(200):
        tab.keyboard.press("Tab")
        focus = tab.evaluate(FOCUS)
        if focus is None:
            break
        stops += 1
        if not focus[1]:
            unseen.append(focus[0])
    context.close()
    assert stops > 5 and unseen == [], unseen


# The navigation's nine entries, each marked with its place: its links
# and, where Material shows it instead of the current page's link (below
# 960 px), the entry that opens the page's table of contents.
NAVIGATION = """() => {
  const entries = [...document.querySelectorAll(
    "#__navigation .md-nav__link:is(a, [for='__toc'])")]
    .filter(el => !el.closest(".md-nav--secondary") && el.getClientRects().length);
  entries.forEach((el, i) => el.dataset.entry = i);
  return entries.length;
}"""
MENU = "[aria-controls='__navigation']"
# Whether what has focus is on top where it is drawn, not under a panel.
ON_TOP = """() => {
  const el = document.activeElement;
  const shown = el.matches(".md-option") ? el.nextElementSibling : el;
  const r = shown.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return top !== null && (shown.contains(top) || top.contains(shown));
}"""
MENU_STATE = f"""() => {{
  const button = document.querySelector("{MENU}");
  return {{expanded: button.getAttribute("aria-expanded"), name: button.ariaLabel,
           open: document.getElementById("__drawer").checked,
           focused: document.activeElement === button}};
}}"""


@pytest.mark.parametrize("width", [1366, 1024, 683, 390])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_navigation_is_reached_by_keyboard_at_every_width(browser, site_url, language, width):
    """Tab reaches all nine entries of the navigation: in the sidebar from
    1220 px, and below it in the drawer that the menu button, named in the
    page's language, opens (Enter) and moves focus into, where the labels of
    Material's panels (the talk's section; below 960 px, the current page's
    table of contents) open them (Enter) and move focus in. Every Tab stop
    is in sight, on top of what it is drawn over.
    Escape closes the drawer and gives focus back to the button."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(url_of(site_url, output_path("talk/comparison.md", language)))
    material_ready(tab)
    assert tab.evaluate(NAVIGATION) == 9
    name = "Navigation" if language == "en" else "Navigasi"
    closed = {"expanded": "false", "name": name, "open": False, "focused": True}
    reached, unseen, opened, panels = set(), [], False, {}
    for _ in range(80):
        tab.keyboard.press("Tab")
        focus = tab.evaluate(FOCUS)
        if focus is None:
            break
        if not (focus[1] and tab.evaluate(ON_TOP)):
            unseen.append(focus[0])
        reached.add(tab.evaluate("document.activeElement.dataset.entry"))
        # A label that opens one of the drawer's panels: a section, or (below
        # 960 px) the page's table of contents. Enter opens it, focus moves in.
        opener = tab.evaluate("document.activeElement.htmlFor")
        if opener and opener.startswith("__") and opener not in panels:
            tab.keyboard.press("Enter")
            panels[opener] = tab.evaluate(
                f"document.activeElement.closest('#{opener} ~ .md-nav') !== null"
            )
        if not opened and tab.evaluate(f"document.activeElement.matches({MENU!r})"):
            assert tab.evaluate(MENU_STATE) == closed
            tab.keyboard.press("Enter")
            opened = True
            assert tab.evaluate(MENU_STATE)["expanded"] == "true"
            assert tab.evaluate("document.activeElement.closest('#__navigation') !== null")
    assert unseen == [], (width, unseen)
    assert reached >= {str(i) for i in range(9)}, (width, reached)
    assert opened == (width < 1220), "the menu button shows where the navigation is a drawer"
    assert all(panels.values()), panels
    assert ("__toc" in panels) == (width < 960), "the page's entry opens its table of contents"
    if opened:
        tab.focus(MENU)
        tab.keyboard.press("Enter")
        for _ in range(3):
            tab.keyboard.press("Tab")
        tab.keyboard.press("Escape")
        assert tab.evaluate(MENU_STATE) == closed
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_menu_button_keeps_materials_taps(browser, site_url, language):
    """On a phone a tap on the menu button opens the drawer, a tap on the
    overlay beside it closes it, and the button says which it is. Without
    Material's script the button works all the same."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    tab = context.new_page()
    tab.route(BUNDLE, lambda route: route.abort())
    tab.goto(url_of(site_url, output_path("sources.md", language)))
    tab.tap(MENU)
    opened = tab.evaluate(MENU_STATE)
    tab.wait_for_timeout(300)  # the drawer slides in
    tab.touchscreen.tap(PHONE["width"] - 20, PHONE["height"] // 2)  # the overlay
    closed = tab.evaluate(MENU_STATE)
    context.close()
    assert opened["open"] and opened["expanded"] == "true", opened
    assert not closed["open"] and closed["expanded"] == "false", closed


# Roles of controls and landmarks in Chromium's accessibility tree (a label
# for a toggle is "LabelText").
CONTROLS = {
    "button", "checkbox", "combobox", "radio", "searchbox", "textbox", "LabelText",
    "banner", "complementary", "contentinfo", "dialog", "form", "main", "navigation",
    "region", "search",
}  # fmt: skip


def accessible_names(tab) -> set[tuple[str, str]]:
    """The role and name of every control and landmark that the page
    exposes, as Chromium's accessibility tree gives them."""
    nodes = tab.context.new_cdp_session(tab).send("Accessibility.getFullAXTree")["nodes"]
    return {
        (node["role"]["value"], node.get("name", {}).get("value", ""))
        for node in nodes
        if not node.get("ignored") and node.get("role", {}).get("value") in CONTROLS
    }


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_indonesian_pages_name_their_controls_and_landmarks_in_indonesian(browser, site_url, size):
    """No control or landmark of an Indonesian page carries its English
    twin's name (Material's Indonesian table leaves "Header" and "Footer";
    data/strings.yml's "material" translates them), and the phone header's
    search button is named in each page's language."""
    context = browser.new_context(viewport=size)
    tab = context.new_page()
    english, found = {}, {}
    for language in LANGUAGES:
        for src in nav_files():
            tab.goto(url_of(site_url, output_path(src, language)))
            material_ready(tab)
            names = accessible_names(tab)
            if language == "en":
                english[src] = names
            else:
                found[src] = sorted(named for named in names & english[src] if named[1])
                searches = {name for role, name in names if role == "LabelText"}
                assert size is DESKTOP or "Cari" in searches, (src, searches)
    context.close()
    assert english["index.md"] and not any(found.values()), found


# The first paragraph of a page's text.
FIRST_PARAGRAPH = re.compile(
    r'<article class="md-content__inner md-typeset">.*?<p\b[^>]*>(.*?)</p>', re.S
)


@pytest.mark.parametrize("client", ["lynx", "w3m"])
def test_a_text_browser_reaches_the_content_first(site, pages, client):
    """Without scripts or styles: the skip link, the site's name and the
    language menu, then the page's title and text, with no search box that
    never initialises and no palette radios; the navigation follows."""
    late = {}
    for path, markup in pages.items():
        paragraph = FIRST_PARAGRAPH.search(markup)
        if paragraph is None:
            continue
        words = " ".join(html.unescape(re.sub(r"<[^>]+>", "", paragraph.group(1))).split()[:4])
        dump = subprocess.run(
            [client, "-dump", str(site / path)], capture_output=True, text=True, check=True
        ).stdout
        lines = [" ".join(line.split()) for line in dump.splitlines() if line.strip()]
        first = next(i for i, line in enumerate(lines) if line.startswith(words))
        if first > 12 or "Initializing search" in dump or "(*)" in dump:
            late[path] = lines[: first + 1]
    assert len(pages) > 18 and late == {}, late


@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_are_heard_without_their_permalink_mark(page, site_url, language):
    """A heading's accessible name is its words; its permalink is out of
    the accessibility tree and the Tab order."""
    page.goto(url_of(site_url, output_path("talk/comparison.md", language)))
    headings = page.get_by_role("heading", level=2)
    names = [headings.nth(i).evaluate("h => h.innerText") for i in range(headings.count())]
    assert names
    for text in names:
        words = text.replace("¶", "").strip()
        assert page.get_by_role("heading", level=2, name=words, exact=True).count() == 1, words
    links = page.locator("article .headerlink")
    assert links.count() and all(
        links.nth(i).get_attribute("aria-hidden") == "true"
        and links.nth(i).get_attribute("tabindex") == "-1"
        for i in range(links.count())
    )


def test_the_language_switch_keeps_the_section(page, site_url):
    page.goto(url_of(site_url, "talk/comparison/index.html") + "#south-korea")
    material_ready(page)
    page.hover(".md-select")
    current = page.locator(".md-select__link[aria-current]")
    assert current.count() == 1 and current.get_attribute("hreflang") == "en"
    page.click(".md-select__link[hreflang='id']")
    page.wait_for_url("**/id/talk/comparison/#south-korea")
    assert page.evaluate("document.documentElement.lang") == "id"
    top = page.evaluate("document.getElementById('south-korea').getBoundingClientRect().top")
    assert 0 <= top < 200, top


@pytest.mark.parametrize(("address", "language"), [("nowhere/", "en"), ("id/tidak-ada/", "id")])
def test_404_speaks_the_addresss_language_and_searches_by_keyboard(
    browser, site, site_url, address, language
):
    context = browser.new_context()
    tab = context.new_page()
    # As GitHub Pages does: the 404 page for any missing address.
    body = (site / "404.html").read_bytes()
    tab.route(
        "**/" + address,
        lambda route: route.fulfill(status=404, body=body, content_type="text/html"),
    )
    tab.goto(site_url + address)
    assert tab.evaluate("document.documentElement.lang") == language
    first = tab.locator(".not-found").first
    assert first.get_attribute("lang") == language
    # By keyboard: Tab reaches the search box; Enter searches the edition.
    for _ in range(60):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"document.activeElement.id === 'q-{language}'"):
            break
    assert tab.evaluate("document.activeElement.id") == f"q-{language}"
    tab.keyboard.type("Korea")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    edition = "" if language == "en" else "id/"
    assert tab.url == f"{site_url}{edition}?q=Korea"
    context.close()


def test_404_gives_no_keyboard_hint_on_a_touch_screen(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    tab = context.new_page()
    tab.goto(site_url + "404.html")
    assert tab.locator(".not-found__hint").first.is_hidden()
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_phone_header_shows_the_whole_site_name(browser, site_url, language):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    tab = context.new_page()
    tab.goto(url_of(site_url, output_path("people.md", language)))
    name = tab.locator(".md-header__topic:first-child .md-ellipsis")
    assert "#5" in name.inner_text()
    clipped = name.evaluate("el => el.scrollWidth > el.clientWidth + 1")
    inside = name.evaluate("el => el.getBoundingClientRect().bottom <= 48")
    context.close()
    assert not clipped and inside


@pytest.mark.parametrize("width", [320, 340])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_name_fits_the_header_of_a_small_phone(browser, site_url, language, width):
    """At 320 px the name wrapped to three lines and its first was cut off
    above the header: at most two lines, all inside the header."""
    context = browser.new_context(
        viewport={"width": width, "height": 640}, has_touch=True, is_mobile=True
    )
    tab = context.new_page()
    tab.goto(url_of(site_url, output_path("people.md", language)))
    box = tab.evaluate(
        """() => {
          const name = document.querySelector(".md-header__topic:first-child .md-ellipsis");
          const r = name.getBoundingClientRect();
          const header = document.querySelector(".md-header").getBoundingClientRect();
          return {lines: Math.round(r.height / parseFloat(getComputedStyle(name).lineHeight)),
                  inside: r.top >= header.top && r.bottom <= header.bottom,
                  clipped: name.scrollWidth > name.clientWidth + 1};
        }"""
    )
    context.close()
    assert box == {"lines": box["lines"], "inside": True, "clipped": False}, box
    assert box["lines"] <= 2, box


@pytest.mark.parametrize(
    "size", [{"width": 320, "height": 640}, PHONE, DESKTOP], ids=["320", "phone", "desktop"]
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_source_is_landed_on_with_its_heading_in_sight(browser, site_url, language, size):
    """A citation marker leads to sources/#source-a, the source's reference
    block: its heading, just above it, is in sight below the sticky header."""
    context = browser.new_context(viewport=size)
    tab = context.new_page()
    url = url_of(site_url, output_path("sources.md", language))
    tab.goto(url)
    keys = tab.evaluate("[...document.querySelectorAll('.source-ref[id]')].map(el => el.id)")
    hidden = {}
    for key in keys:
        tab.goto(f"{url}#{key}")
        top = tab.evaluate(
            """key => {
              const heading = document.getElementById(key).previousElementSibling;
              const header = document.querySelector(".md-header").getBoundingClientRect();
              return heading.tagName === "H2"
                && heading.getBoundingClientRect().top - header.bottom;
            }""",
            key,
        )
        if top is False or top < 0:
            hidden[key] = top
    context.close()
    assert len(keys) >= 5 and hidden == {}, hidden


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_nothing_covers_a_citation_to_copy(browser, site_url, size):
    context = browser.new_context(viewport=size)
    tab = context.new_page()
    tab.goto(url_of(site_url, "cite/index.html"))
    material_ready(tab)
    overlaps = tab.evaluate(
        """() => [...document.querySelectorAll("article pre")].map(pre => {
          const nav = pre.querySelector(".md-code__nav").getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(pre.querySelector("code"));
          return [...range.getClientRects()].some(r => r.width > 0
            && r.left < nav.right && r.right > nav.left
            && r.top < nav.bottom && r.bottom > nav.top);
        })"""
    )
    context.close()
    assert overlaps and not any(overlaps), overlaps


# Guidepup's virtual screen reader (npm, pinned), loaded into the page as a
# module from node_modules: it speaks what a screen reader would, from the
# accessibility tree, so it hears names and descriptions as Chromium gives them.
SCREEN_READER = ROOT / "node_modules/@guidepup/virtual-screen-reader/lib/esm/index.browser.js"
SPEAK = """async steps => {
  const reader = window.screenReader;
  await reader.start({ container: document.querySelector("article") });
  for (let i = 0; i < steps; i++) await reader.next();
  const phrases = await reader.spokenPhraseLog();
  await reader.stop();
  return phrases;
}"""


def spoken(browser, url: str) -> list[str]:
    """What the virtual screen reader says, moving through the page's article."""
    context = browser.new_context(bypass_csp=True)  # to load the reader, a test tool
    tab = context.new_page()
    module = url_of(url, "__virtual-screen-reader.js")
    tab.route(module, lambda route: route.fulfill(path=SCREEN_READER))
    tab.goto(url)
    tab.add_script_tag(
        content=f'import {{ virtual }} from "{module}"; window.screenReader = virtual;',
        type="module",
    )
    tab.wait_for_function("!!window.screenReader")
    phrases = tab.evaluate(SPEAK, 400)
    context.close()
    return phrases


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_screen_reader_hears_each_marker_apart_and_no_header_with_one(
    browser, site_url, language
):
    """Each marker is heard as a link named by what it shows, "[A, B]",
    bracketed apart from the word before it, and described by its sources'
    names; no row or column header carries a marker into the name of every
    cell below or beside it (the build refuses a citation in a header)."""
    sources = registry()["sources"]
    phrases = spoken(browser, url_of(site_url, output_path("talk/comparison.md", language)))
    headers = [p for p in phrases if p.startswith(("rowheader, ", "columnheader, "))]
    assert len(headers) >= 6 and not any("[" in header for header in headers), headers
    links = [p for p in phrases if p.startswith("link, [")]
    assert len(links) >= 10, phrases
    for link in links:
        keys, names = re.fullmatch(r"link, \[([^\]]+)\], (.+)", link).groups()
        labels = [f"{key}: {sources[key]['label'][language]}" for key in keys.split(", ")]
        assert names == "; ".join(labels), link
    glued = [p for p in phrases if re.search(r"\w(?:Sources?|Sumber) ", p)]
    assert not glued, glued


def printed(page, tmp_path) -> list[str]:
    """The text of each A4 sheet of the page, as Chromium prints it to PDF."""
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [re.sub(r"\s+", " ", sheet) for sheet in text.split("\f") if sheet.strip()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_printed_sheet_says_where_it_came_from(page, site_url, tmp_path, language):
    """Each sheet carries the site, the page's address, the edition and what
    the source keys stand for."""
    url = url_of(site_url, output_path("sources.md", language))
    page.goto(url)
    sheets = printed(page, tmp_path)
    assert len(sheets) >= 2, "the test needs a page that spans sheets"
    talk = registry()["talk"]
    keys = "Source keys:" if language == "en" else "Kunci sumber:"
    for number, sheet in enumerate(sheets, start=1):
        assert url in sheet, (number, sheet[:300])
        assert talk["series"][language] in sheet and keys in sheet, number
        assert " ".join(talk["name"][language].split())[:40] in sheet, number


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_printed_comparison_starts_its_table_on_the_first_sheet(
    page, site_url, tmp_path, language
):
    page.goto(url_of(site_url, output_path("talk/comparison.md", language)))
    first = printed(page, tmp_path)[0]
    country = "South Korea" if language == "en" else "Korea Selatan"
    assert first.count(country) >= 3, "the table's header and rows are on sheet 1"


def test_every_page_prints_where_it_came_from_and_its_keys(pages):
    """The print margins' text is the page's own, allowed by the policy's hash."""
    for language in LANGUAGES:
        for src in nav_files():
            head = pages[output_path(src, language)].split("</head>")[0]
            html = pages[output_path(src, language)]
            styles = re.findall(r"<style>(.*?)</style>", head, re.S)
            styles.remove(site_stylesheet(html))
            assert len(styles) == 1 and "@top-left" in styles[0] and "@bottom-left" in styles[0]
            policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', head)
            assert "style-src 'self' 'sha256-" in policy.group(1), (language, src)
