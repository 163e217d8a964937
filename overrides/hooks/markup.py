"""Mend Material's markup where it fails the HTML checker or axe.

Each fix is a small rewrite of the page Material rendered, so no template is
copied to change one attribute:

- ``autocomplete`` on checkbox and radio inputs is invalid HTML;
- ``tabindex=""`` on navigation labels is invalid HTML (no value means the
  label is not focusable, which is what an absent attribute says);
- the search ``role="dialog"`` has no accessible name (axe aria-dialog-name);
- the heading permalinks' title is English on every page (the toc
  extension's setting is shared by both languages).

Events: ``on_post_page``, ``on_post_template``.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

SEARCH = {"en": "Search", "id": "Cari"}
PERMALINK = {"en": "Permanent link", "id": "Tautan permanen"}

TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?) autocomplete="off"'
)
EMPTY_TABINDEX = re.compile(r' tabindex=""')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return mend(output, config.theme.get("language", "en"))


def mend(html: str, language: str) -> str:
    html = TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    html = EMPTY_TABINDEX.sub("", html)
    label = SEARCH.get(language, SEARCH["en"])
    html = html.replace(SEARCH_DIALOG, SEARCH_DIALOG.replace(">", f' aria-label="{label}">'))
    permalink = PERMALINK.get(language, PERMALINK["en"])
    return html.replace(f'title="{PERMALINK["en"]}"', f'title="{permalink}"')


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a theme template, not a page: mend it too."""
    if not template_name.endswith(".html"):
        return output_content
    return mend(output_content, config.theme.get("language", "en"))
