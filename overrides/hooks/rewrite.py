"""Page rewrite: every page as Material rendered it, mended in one written order.

``on_post_page`` (pages) and ``on_post_template`` (theme templates such as
404.html) run the steps of ``STEPS`` in turn, each a small rewrite of the
HTML, so no template is copied to change one attribute:

1. ``mend_markup``: what fails the HTML checker or axe: ``autocomplete`` on
   checkbox and radio inputs and ``tabindex=""`` on navigation labels are
   invalid HTML; the search dialog gets a name; the heading permalinks'
   title is in the page's language (the toc extension's setting is shared).
2. ``point_search``: pages of another edition than the default point
   Material's ``__config`` base at their edition's root, where post_build.py
   writes that edition's search index.
3. ``drop_hreflang``: offline pages carry no ``<link rel="alternate"
   hreflang>``: they serve no search engine, and Material would fetch a
   sitemap beside each, which a browser refuses on file://. The header's
   language switcher stays.
4. ``protect``, **last**: a strict Content-Security-Policy in a ``<meta>``
   tag right after the charset (GitHub Pages cannot send headers). Scripts
   run only from the site itself and the page's inline scripts, allowed by
   the SHA-256 hashes of those scripts *as the page leaves this function*:
   a step after it that changed an inline script would break the page. (The
   steps before it change only attributes and data blocks such as
   ``__config``, which are not executed and not hashed.) ``on_config`` sets
   ``extra.scope`` to the site's path so Material's inline scripts, and their
   hashes, are the same on every page. The offline edition carries no policy
   (browsers treat 'self' on file: URLs inconsistently, and its search shim
   writes a script into an iframe); ``mkdocs serve`` allows inline scripts
   without hashes, since the live-reload script it adds differs each time.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
import re
from urllib.parse import urlparse

import shared
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> None:
    config.extra["scope"] = urlparse(config.site_url or "/").path or "/"


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return rewrite(output, name=page.file.src_path, page=page, config=config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    return rewrite(output_content, name=template_name, page=None, config=config)


def rewrite(html: str, *, name: str, page: Page | None, config: MkDocsConfig) -> str:
    """The page through every step, in order; ``page`` is None for a template."""
    for step in STEPS:
        html = step(html, name=name, page=page, config=config)
    return html


TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?) autocomplete="off"'
)
EMPTY_TABINDEX = re.compile(r' tabindex=""')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
# What the toc extension writes, in every language.
PERMALINK_TITLE = 'title="Permanent link"'


def mend_markup(html: str, *, config: MkDocsConfig, **_) -> str:
    strings = shared.strings(config)
    html = TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    html = EMPTY_TABINDEX.sub("", html)
    html = html.replace(
        SEARCH_DIALOG, SEARCH_DIALOG.replace(">", f' aria-label="{strings["search"]}">')
    )
    return html.replace(PERMALINK_TITLE, f'title="{strings["permalink"]}"')


CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def point_search(html: str, *, name: str, config: MkDocsConfig, **_) -> str:
    if shared.default_edition(config):
        return html
    match = CONFIG.search(html)
    if match is None:
        raise PluginError(f"{name}: no __config block to point search at")
    data = json.loads(match.group(2))
    data["base"] = posixpath.join(data["base"], shared.prefix(config))
    return html[: match.start(2)] + json.dumps(data) + html[match.end(2) :]


HREFLANG = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_hreflang(html: str, *, page: Page | None, config: MkDocsConfig, **_) -> str:
    if page is None or not shared.offline(config):
        return html
    return HREFLANG.sub("", html)


POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
CHARSET = '<meta charset="utf-8">'
# Inline scripts that execute: no src, and no data type such as application/json.
INLINE = re.compile(r"<script(?![^>]*\b(?:src|type)=)[^>]*>(.*?)</script>", re.S)


def protect(html: str, *, name: str, config: MkDocsConfig, **_) -> str:
    if shared.offline(config):
        return html
    if CHARSET not in html:
        raise PluginError(f"{name}: no {CHARSET} to place the CSP after")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(CHARSET, f"{CHARSET}\n    {meta}", 1)


def policy(html: str) -> str:
    """The policy for one page, with a hash for each of its inline scripts."""
    if shared.serving():
        return policy_with(["'unsafe-inline'"])
    return policy_with(sorted({digest(script) for script in INLINE.findall(html)}))


def policy_with(scripts: list[str]) -> str:
    """The policy, with these sources allowed to run scripts besides 'self'."""
    directives = dict(POLICY, **{"script-src": " ".join([POLICY["script-src"], *scripts])})
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def digest(script: str) -> str:
    value = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return f"'sha256-{value}'"


STEPS = (mend_markup, point_search, drop_hreflang, protect)
