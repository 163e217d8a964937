"""Post-build: the whole site, once every edition is built, finished in one written order.

``on_post_build`` runs after mkdocs-static-i18n (priority -100) has built
the other editions and merged their search entries, and after Material's
offline plugin (also -100) has inlined the merged index. It runs the steps
of ``STEPS`` in turn, once, at the end of the outer pass:

1. ``split_search``: one search index per edition. mkdocs-static-i18n
   writes one for both languages at the root, so an Indonesian reader
   would get English results (and download both). English stays in
   ``search/``, every other edition's documents go to ``<locale>/search/``
   (rewrite.py points its pages there); lunr has no Indonesian support, so
   that index drops the English stop-word filter. Offline, each index is
   also written as ``search_index.js``.
2. ``folder_sitemaps``: Material's language switcher fetches
   ``sitemap.xml`` beside every alternate link, that is in every page's
   folder: each gets a sitemap of its page alone (its entry in the site's
   sitemap, with its alternates), so no request returns 404 and the parse
   is a tenth of the whole.
3. ``purge_css`` (``mkdocs build`` only): PurgeCSS (npm, package.json)
   drops the rules of Material's stylesheets that no page uses, keeping
   those that purgecss.config.cjs safelists for markup Material's script
   creates (tests/test_css.py checks them). Cached in .cache/purgecss/
   under a hash of every input.
4. ``inline_css`` (``mkdocs build`` only), **after the purge**: Material's
   two stylesheets and ours, joined without comments, go into every page
   as one ``<style>`` where the first link was, and the files are removed.
   On a phone's first view this saves the round trip that a linked
   stylesheet costs before the first paint; a followed link's largest
   paint comes no later for carrying it (BENCHMARKS.md). This is the one step after
   rewrite.py's CSP that changes a page: it adds the stylesheet's hash to
   the page's ``style-src`` itself.
5. ``copy_offline_shim`` (offline edition only): the iframe-worker shim
   that lets search run from file://, vendored from npm instead of the CDN
   Material's offline plugin names (``on_config`` swaps the address).

``on_config`` also keeps 404.html to the default edition: one page serves
both (GitHub Pages serves it for every missing path).
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlparse

import shared
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger(__name__)

SHIM = Path("node_modules/iframe-worker/shim/index.js")
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"


def on_config(config: MkDocsConfig) -> None:
    if not shared.default_edition(config):
        config.theme.static_templates.discard("404.html")
    if shared.offline(config):
        # Material's offline plugin (priority 0, before hooks) has named the CDN's shim.
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = [
            SHIM_TARGET if "iframe-worker" in url else url for url in polyfills
        ]


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not shared.outer_pass(config):
        return
    site = Path(config.site_dir)
    for step in STEPS:
        step(site, config)


# 1. One search index per edition.


def split_search(site: Path, config: MkDocsConfig) -> None:
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return
    merged = json.loads(index.read_text(encoding="utf-8"))
    inline = shared.offline(config)
    for locale, data in split(merged, shared.other_locales(config)).items():
        write_index(site / (locale or "") / "search", data, inline)


def split(merged: dict, locales: list[str]) -> dict[str, dict]:
    """The merged index as one index per language ('' is the default)."""
    parts = {"": [], **{locale: [] for locale in locales}}
    for doc in merged["docs"]:
        locale = next((lc for lc in locales if doc["location"].startswith(f"{lc}/")), "")
        if locale:
            doc = dict(doc, location=doc["location"].removeprefix(f"{locale}/"))
        parts[locale].append(doc)
    result = {}
    for locale, docs in parts.items():
        settings = dict(merged["config"])
        if locale:
            settings["pipeline"] = []  # English stop words mean nothing in Indonesian
        result[locale] = {"config": settings, "docs": docs}
    return result


def write_index(folder: Path, data: dict, inline: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(text, encoding="utf-8")
    if inline:
        (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")


# 2. A sitemap in every page's folder.

NAMESPACES = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
ET.register_namespace("", NAMESPACES["sm"])
ET.register_namespace("xhtml", NAMESPACES["xhtml"])


def folder_sitemaps(site: Path, config: MkDocsConfig) -> None:
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
        if location in entries:
            write_sitemap(page.parent / "sitemap.xml", [entries[location]])


def write_sitemap(path: Path, entries: list[ET.Element]) -> None:
    """A sitemap of the given `<url>` entries."""
    urlset = ET.Element(f"{{{NAMESPACES['sm']}}}urlset")
    urlset.extend(entries)
    ET.indent(urlset, space="    ")
    ET.ElementTree(urlset).write(path, encoding="UTF-8", xml_declaration=True)


# 3. Material's stylesheets without the rules no page uses.

MATERIAL_CSS = ("main.*.min.css", "palette.*.min.css")


def purge_css(site: Path, config: MkDocsConfig) -> None:
    if shared.serving():
        return
    root = shared.root(config)
    purgecss = root / "node_modules/.bin/purgecss"
    if not purgecss.exists():
        log.info("CSS left unpruned: PurgeCSS is not installed (run 'npm ci')")
        return
    folder = site / "assets" / "stylesheets"
    css = sorted(path for pattern in MATERIAL_CSS for path in folder.glob(pattern))
    content = sorted(site.rglob("*.html"))
    settings = root / "purgecss.config.cjs"
    # The result depends only on these files: reuse it when none changed.
    cache = root / ".cache" / "purgecss" / digest([settings, *css, *content], site)
    if not cache.is_dir():
        prune(purgecss, settings, css, content, cache)
    for path in css:
        shutil.copyfile(cache / path.name, path)


def prune(purgecss: Path, settings: Path, css: list[Path], content: list[Path], out: Path) -> None:
    folder = css[0].parent
    # Custom properties that another stylesheet reads must survive main.css.
    readers = ":".join(str(path) for path in folder.glob("*.css"))
    staging = out.with_name(out.name + ".tmp")
    result = subprocess.run(
        [
            str(purgecss),
            "--config",
            str(settings),
            "--css",
            *map(str, css),
            "--content",
            *map(str, content),
            "--output",
            str(staging),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PURGECSS_ALSO_USED_BY": readers},
    )
    if result.returncode:
        raise PluginError(f"PurgeCSS failed on {folder}: {result.stderr.strip()}")
    staging.replace(out)


def digest(paths: list[Path], site: Path) -> str:
    """A hash of the files' names (relative to the site) and contents."""
    sha = hashlib.sha256()
    for path in paths:
        name = path.relative_to(site) if path.is_relative_to(site) else Path(path.name)
        sha.update(str(name).encode() + b"\0" + path.read_bytes() + b"\0")
    return sha.hexdigest()[:32]


# 4. The stylesheets, joined, in every page.

LINK = re.compile(r'\n?[ \t]*<link rel="stylesheet" href="([^":]+\.css)">')
CHARSET = '@charset "UTF-8";'
# A comment, or a quoted string (kept whole, so "/*" inside one is no comment).
COMMENT = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|/\*.*?\*/\n?""", re.S)
STYLE_SRC = "style-src 'self'"


def inline_css(site: Path, config: MkDocsConfig) -> None:
    if shared.serving():
        return
    root = urlparse(config.site_url or "/").path or "/"
    pages = {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
    }
    linked = {
        page: names for page, html in pages.items() if (names := stylesheets(html, page, root))
    }
    first = next(iter(linked.values()), [])
    if not first:
        return
    for page, names in linked.items():
        if names != first:
            raise PluginError(
                f"{page} links the stylesheets {names}, other pages {first}: "
                "every page must link the same ones to carry the same inline stylesheet"
            )
    parts = {name: (site / name).read_text(encoding="utf-8") for name in first}
    for name, part in parts.items():
        if "</style" in part.lower():
            raise PluginError(
                f"{name}: '</style' would end the page's inline stylesheet early; "
                "write it as '<\\/style'"
            )
    text = join(list(parts.values()))
    for page in linked:
        (site / page).write_text(inline(pages[page], text), encoding="utf-8")
    for name in first:
        for leftover in (site / name, site / f"{name}.map"):
            leftover.unlink(missing_ok=True)
    folder = (site / first[0]).parent
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


def stylesheets(html: str, page: str, root: str) -> list[str]:
    """The site's stylesheets that a page's head links, as paths from the site root.

    Pages link them relative to themselves; 404.html from the site's root path.
    """
    head = html.split("</head>", 1)[0]
    folder = posixpath.dirname(page)
    names = []
    for href in LINK.findall(head):
        if href.startswith("/"):
            if not href.startswith(root):
                raise PluginError(f"{page}: stylesheet {href} lies outside the site ({root})")
            names.append(href.removeprefix(root))
        else:
            names.append(posixpath.normpath(posixpath.join(folder, href)))
    return names


def join(parts: list[str]) -> str:
    """Stylesheets as one: a single leading @charset, no comments (source-map
    comments included)."""
    bodies = [uncomment(part).strip().removeprefix(CHARSET).strip() for part in parts]
    charset = CHARSET + "\n" if any(part.lstrip().startswith(CHARSET) for part in parts) else ""
    return charset + "\n".join(bodies) + "\n"


def uncomment(css: str) -> str:
    """The stylesheet without its comments; strings stay as they are."""
    return COMMENT.sub(lambda match: match.group(1) or "", css)


def inline(html: str, text: str) -> str:
    """The page with the stylesheet's text where its first stylesheet link
    was, the other links gone, and its policy (if it has one) allowing it."""
    head, body = html.split("</head>", 1)
    first = LINK.search(head)
    if first is None:
        return html
    indent = first.group(0)[: first.group(0).index("<")]
    style = f"{indent}<style>{text}</style>"
    head = head[: first.start()] + style + LINK.sub("", head[first.end() :])
    if STYLE_SRC in head:
        head = head.replace(STYLE_SRC, f"{STYLE_SRC} {shared.source_hash(text)}", 1)
    elif "Content-Security-Policy" in head:
        raise PluginError(f'the page\'s policy has no "{STYLE_SRC}" to allow the stylesheet in')
    return head + "</head>" + body


# 5. The offline edition's search shim.


def copy_offline_shim(site: Path, config: MkDocsConfig) -> None:
    if not shared.offline(config):
        return
    source = shared.root(config) / SHIM
    if not source.is_file():
        raise PluginError(f"{SHIM} is missing: run 'npm ci' before building the offline edition")
    target = site / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


STEPS = (split_search, folder_sitemaps, purge_css, inline_css, copy_offline_shim)
