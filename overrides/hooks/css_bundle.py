"""Join the stylesheets every page links into one file, linked in their place.

Material links main.css and palette.css, and ``extra_css`` adds ours: three
requests that block the first paint. On a phone's connection (and in
Lighthouse's simulation of one) the second and third each open a new
connection, a round trip more than the one stylesheet that follows the page
down the connection it came on. After the last language is built (and
after purge_css.py has pruned Material's two), the stylesheets are joined
in the order the pages link them into ``assets/stylesheets/site.<hash>.css``;
each page links that file where it linked the first and drops the others,
and the joined files leave the site. Comments are left out of the joined
file (ours explain extra.css to its readers, not to browsers: about 1.2 KB
of every first visit, in the stylesheet that blocks the first paint).

Runs for `mkdocs build` only, like purge_css.py.

Events: ``on_startup``, ``on_post_build``.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

LINK = re.compile(r'\n?[ \t]*<link rel="stylesheet" href="([^":]+\.css)">')
CHARSET = '@charset "UTF-8";'
# A comment, or a quoted string (kept whole, so "/*" inside one is no comment).
COMMENT = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|/\*.*?\*/\n?""", re.S)
_command = {"name": "build"}


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _command["name"] = command


# After purge_css.py (priority -200) has pruned Material's stylesheets.
@event_priority(-300)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if _command["name"] == "serve" or (i18n is not None and i18n.building):
        return
    site = Path(config.site_dir)
    root = urlparse(config.site_url or "/").path or "/"
    pages = {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
    }
    # Pages without stylesheets (the redirect stubs) have nothing to relink.
    linked = {
        page: names for page, html in pages.items() if (names := stylesheets(html, page, root))
    }
    first = next(iter(linked.values()), [])
    if len(first) < 2:
        return
    for page, names in linked.items():
        if names != first:
            raise PluginError(
                f"{page} links the stylesheets {names}, other pages {first}: "
                "every page must link the same ones to share one joined file"
            )
    text = join([(site / name).read_text(encoding="utf-8") for name in first])
    bundle = f"assets/stylesheets/site.{hashlib.sha256(text.encode()).hexdigest()[:8]}.css"
    (site / bundle).write_text(text, encoding="utf-8")
    for page in linked:
        (site / page).write_text(relink(pages[page], bundle, page, root), encoding="utf-8")
    for name in first:
        for leftover in (site / name, site / f"{name}.map"):
            leftover.unlink(missing_ok=True)


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


def relink(html: str, bundle: str, page: str, root: str) -> str:
    """The page with its first stylesheet link pointing at the bundle, the others gone."""
    head, body = html.split("</head>", 1)
    first = LINK.search(head)
    if first is None:
        return html
    old = first.group(1)
    new = (
        root + bundle
        if old.startswith("/")
        else posixpath.relpath(bundle, posixpath.dirname(page) or ".")
    )
    link = first.group(0).replace(old, new)
    return head[: first.start()] + link + LINK.sub("", head[first.end() :]) + "</head>" + body
