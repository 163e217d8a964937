"""The pruned stylesheet keeps every rule that markup made at run time needs.

PurgeCSS (overrides/hooks/post_build.py) keeps the selectors found in the
built HTML plus the families that purgecss.config.cjs safelists for what
Material's JavaScript creates as a reader uses the page. This test uses the
pages as a reader would (search with results, the copy button, scrolling,
the palette toggle, the navigation drawer, search on a phone), collects every class and
attribute present, and checks that every selector of Material's stylesheets
that could match that markup is still in the stylesheet the pages carry.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from helpers import site_stylesheet

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
COLLECT = """() => {
  const names = new Set();
  for (const el of document.querySelectorAll("*")) {
    names.add("<" + el.localName);
    for (const c of el.classList) names.add("." + c);
    for (const a of el.getAttributeNames()) {
      names.add("[" + a);
      names.add("[" + a + "=" + el.getAttribute(a));
    }
  }
  return [...names];
}"""
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
ATTRIBUTE = re.compile(r"""\[([\w-]+)(?:(\W?)=["']?([^"'\]]*)["']?)?\]""")


def selectors(css: str) -> set[str]:
    """Every selector of a stylesheet (split at commas outside parentheses)."""
    found = set()
    for prelude in re.findall(r"(?:^|[{}])([^{}@]+)\{", css):
        depth, start = 0, 0
        for i, char in enumerate(prelude + ","):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if char == "," and depth == 0:
                found.add(prelude[start:i].strip())
                start = i + 1
    # Steps of @keyframes are not selectors.
    return {sel for sel in found if not re.fullmatch(r"[\d.]+%|from|to", sel)}


def could_match(selector: str, names: set[str]) -> bool:
    """Every element, class and attribute the selector asks for occurs in the
    markup (inside :not() they may be absent, so those are ignored)."""
    positive = re.sub(r":not\([^()]*\)", "", selector)
    bare = re.sub(r"\[[^\]]*\]|::?[\w-]+(\([^()]*\))?|[.#][\w-]+", " ", positive)
    for element in re.findall(r"[a-z][a-z0-9-]*", bare):
        if "<" + element not in names:
            return False
    for name in CLASS.findall(positive):
        if "." + name not in names:
            return False
    for name, operator, value in ATTRIBUTE.findall(positive):
        wanted = f"[{name}={value}" if value and not operator else f"[{name}"
        if wanted not in names:
            return False
    return True


@pytest.fixture(scope="module")
def runtime_names(browser, site_url) -> set[str]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    names: set[str] = set()
    page.goto(site_url + "talk/comparison/")
    names |= set(page.evaluate(COLLECT))
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -400)
    page.wait_for_timeout(300)
    names |= set(page.evaluate(COLLECT))
    page.keyboard.press("/")
    page.keyboard.type("Japan", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.hover(".md-search-result__item")
    names |= set(page.evaluate(COLLECT))
    page.keyboard.press("Escape")
    page.click("form[data-site-palette] label:not([hidden])")
    names |= set(page.evaluate(COLLECT))
    page.goto(site_url + "cite/")
    page.hover("pre")
    names |= set(page.evaluate(COLLECT))
    page.set_viewport_size({"width": 390, "height": 844})
    page.click(".md-header [aria-controls=__navigation]")
    page.wait_for_timeout(300)
    names |= set(page.evaluate(COLLECT))
    # Search on a phone: Material locks the page behind it after 400 ms.
    page.goto(site_url + "cite/")
    page.click(".md-header__button[for=__search]")
    page.wait_for_timeout(600)
    names |= set(page.evaluate(COLLECT))
    context.close()
    return names


def test_pruning_keeps_the_rules_of_runtime_markup(runtime_names, site):
    material = "".join(path.read_text() for path in sorted(MATERIAL_CSS.glob("*.min.css")))
    html = (site / "index.html").read_text(encoding="utf-8")
    built = selectors(site_stylesheet(html))
    assert len(runtime_names) > 100
    needed = {sel for sel in selectors(material) if could_match(sel, runtime_names)}
    assert len(needed) > 100
    lost = sorted(needed - built)
    assert not lost, f"{len(lost)} selectors Material needs here were pruned: {lost[:20]}"
