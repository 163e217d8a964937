"""Material's script starts when a reader first interacts with a page.

Material's script (``assets/javascripts/bundle.*.min.js``, 35 KB gzipped)
sets up search, the table of contents that follows the reader, the header's
title, copy buttons and the like. Loaded with every page, it is over half of
a first visit's bytes and, on a phone, a long task of a few hundred
milliseconds just after the first paint, whether or not the reader ever
uses any of it.

Every page here keeps Material's tag, but as a data block that the browser
neither fetches nor runs (``<script type="text/plain" id="__bundle"
data-src="...">``). The inline loader after it
(``overrides/partials/javascripts/bundle.html``) starts the script at the
reader's first key press, click or tap, mouse movement, wheel turn or scroll
(at once on a page opened at a section or from search), answers Material's
keyboard shortcuts until it runs, and hands it the page as Material expects
it (see the loader's comments).

The offline edition is left as Material makes it: opened from disk, there is
no network to save and a reader's first interaction would wait for nothing.

Events: ``on_post_page``, ``on_post_template``.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
LOADER = 'getElementById("__bundle")'


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    return None if config.extra.get("offline") else defer(output, page.file.src_uri)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """404.html loads Material's script too."""
    if config.extra.get("offline") or not template_name.endswith(".html"):
        return output_content
    return defer(output_content, template_name)


def defer(html: str, name: str) -> str:
    """The page with Material's script tag turned into the loader's data block."""
    if LOADER not in html:
        return html
    tags = BUNDLE.findall(html)
    if len(tags) != 1:
        raise PluginError(
            f"{name}: expected Material's script tag once, found {len(tags)}. If a "
            "Material update changed the tag in base.html, update BUNDLE in "
            "overrides/hooks/bundle_lazy.py to match it."
        )
    (src,) = tags
    return BUNDLE.sub(
        f'<script type="text/plain" id="__bundle" data-src="{src}"></script>', html, count=1
    )
