"""Append the abbreviations of the page's language to every page.

``includes/abbreviations.md`` holds the English expansions and
``includes/abbreviations.<locale>.md`` the others. pymdownx.snippets resolves
the appended line (with ``check_paths``, a missing file fails the build), and
the ``abbr`` extension turns every use into a tooltip.

Events: ``on_page_markdown``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return markdown + "\n\n" + snippet_line(config.theme.get("language", "en"))


def snippet_line(language: str) -> str:
    name = "abbreviations.md" if language == "en" else f"abbreviations.{language}.md"
    return f'--8<-- "{name}"\n'
