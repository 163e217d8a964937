"""Absolute URLs in the head, a sitemap beside every alternate, robots.txt.

- Material writes ``<link rel="alternate" hreflang>`` with relative URLs,
  which search engines and Lighthouse's hreflang audit reject: the alternates
  that mkdocs-static-i18n sets for each page are made absolute (the language
  switcher uses them too). The offline edition keeps them relative.
- Material's "stay on page" script fetches ``sitemap.xml`` beside every
  alternate link, i.e. in every page's folder, and parses it on the main
  thread while the page loads. So that no request returns 404, each page's
  folder gets a sitemap of that page alone (its entry in the site's sitemap,
  with its alternates): all that script can use there, at a tenth of the
  parsing.
- ``robots.txt`` names the sitemap.

Events: ``on_page_context``, ``on_post_build``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


# After mkdocs-static-i18n (priority 50) has set this page's alternates.
def on_page_context(
    context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict | None:
    # mkdocs-static-i18n sets it as an attribute, which Jinja reads first.
    alternates = getattr(config.extra, "alternate", None)
    if not alternates or config.extra.get("offline"):
        return None
    for alternate in alternates:
        alternate["link"] = urljoin(config.site_url, alternate["link"])
    return None


NAMESPACES = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
ET.register_namespace("", NAMESPACES["sm"])
ET.register_namespace("xhtml", NAMESPACES["xhtml"])


# After mkdocs-static-i18n (priority -100) has built every language.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # an inner, per-language build: wait for the outer one
    site = Path(config.site_dir)
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return
    entries = {
        url.findtext("sm:loc", namespaces=NAMESPACES): url
        for url in ET.parse(sitemap).getroot().findall("sm:url", NAMESPACES)
    }
    for page in site.rglob("index.html"):
        if page.parent == site:
            continue
        location = urljoin(config.site_url or "/", f"{page.parent.relative_to(site).as_posix()}/")
        # A page the sitemap does not list (a redirect stub) has no alternates to look up.
        if location in entries:
            write_sitemap(page.parent / "sitemap.xml", [entries[location]])
    (site / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(config.site_url or '/', 'sitemap.xml')}\n",
        encoding="utf-8",
    )


def write_sitemap(path: Path, entries: list[ET.Element]) -> None:
    """A sitemap of the given `<url>` entries."""
    urlset = ET.Element(f"{{{NAMESPACES['sm']}}}urlset")
    urlset.extend(entries)
    ET.indent(urlset, space="    ")
    ET.ElementTree(urlset).write(path, encoding="UTF-8", xml_declaration=True)
