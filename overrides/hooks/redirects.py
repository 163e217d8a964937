"""Keep retired addresses working: a page at each one leads to the new place.

``extra.redirects`` in mkdocs.yml maps a retired page (the Markdown file it
was built from) to the page and section that replaced it, e.g.
``talk/japan.md: talk/comparison.md#japan``. In each language's build, the
old address gets a small page in that language that names the new place,
links to it, and sends the browser on at once (a meta refresh, so no script
and no policy are needed); search engines are pointed at the new page and
asked not to index the old one. A target page or section that does not
exist is reported, which fails a ``--strict`` build.

Events: ``on_nav``, ``on_post_build``.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

TEXT = {
    "en": ("Page moved", "This page has moved to"),
    "id": ("Halaman dipindahkan", "Halaman ini telah dipindahkan ke"),
}
_pages: dict[str, Page] = {}


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
    """Remember this language's pages by their English source name (the
    Indonesian twin of talk/comparison.md is talk/comparison.id.md)."""
    locale = prefix(config).rstrip("/")
    _pages.clear()
    _pages.update({page.file.src_uri.replace(f".{locale}.md", ".md"): page for page in nav.pages})
    return None


def on_post_build(*, config: MkDocsConfig) -> None:
    redirects = config.extra.get("redirects") or {}
    language = config.theme.get("language", "en")
    for old, new in redirects.items():
        target, _, anchor = new.partition("#")
        page = _pages.get(target)
        if page is None:
            log.warning(f"mkdocs.yml: extra.redirects sends '{old}' to '{target}', no page in nav")
            continue
        if anchor and anchor not in anchors(page):
            log.warning(
                f"mkdocs.yml: extra.redirects sends '{old}' to '#{anchor}', which "
                f"{page.file.src_uri} lacks; give its heading {{#{anchor}}}"
            )
            continue
        source = prefix(config) + (
            f"{old.removesuffix('.md')}/" if config.use_directory_urls else old[:-3] + ".html"
        )
        path = Path(config.site_dir) / (source + "index.html" if source.endswith("/") else source)
        path.parent.mkdir(parents=True, exist_ok=True)
        folder = source.rstrip("/") if source.endswith("/") else posixpath.dirname(source)
        link = posixpath.relpath(page.url.rstrip("/") or ".", folder or ".")
        link += ("/" if page.url.endswith("/") else "") + (f"#{anchor}" if anchor else "")
        # The site's icon, so the browser does not ask for /favicon.ico (a
        # 404 on a project site) while the stub is on screen.
        icon = config.theme.get("favicon") or ""
        if icon and not icon.startswith("data:"):
            icon = posixpath.relpath(icon, folder or ".")
        path.write_text(render(language, page, link, icon, config), encoding="utf-8")


def anchors(page: Page) -> set[str]:
    found, stack = set(), list(page.toc)
    while stack:
        item = stack.pop()
        found.add(item.id)
        stack.extend(item.children)
    return found


def prefix(config: MkDocsConfig) -> str:
    """The folder of the language being built ('' for the default language)."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:
        return ""
    return f"{i18n.current_language}/"


def render(language: str, page: Page, link: str, icon: str, config: MkDocsConfig) -> str:
    title, moved = TEXT.get(language, TEXT["en"])
    canonical = html.escape(urljoin(config.site_url or "/", page.url), quote=True)
    href = html.escape(link, quote=True)
    name = html.escape(page.title or "", quote=False)
    icon_link = f'<link rel="icon" href="{html.escape(icon, quote=True)}">\n' if icon else ""
    return (
        f'<!doctype html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}: {name}</title>\n"
        f'<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f"{icon_link}"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f"</head>\n<body>\n"
        f'<p>{moved} <a href="{href}">{name}</a>.</p>\n'
        f"</body>\n</html>\n"
    )
