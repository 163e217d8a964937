"""Require a ``title`` and a ``description`` in every page's front matter.

The title names the page in the navigation and the browser tab; the
description becomes the meta description and the Open Graph description, so
it must be one plain sentence of at most 160 characters.

Events: ``on_page_markdown``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

MAX_DESCRIPTION = 160


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    for problem in problems(page.meta):
        log.warning(f"{page.file.src_path}: {problem}")
    return None


def problems(meta: dict) -> list[str]:
    """What is wrong with one page's front matter, as instructions to fix it."""
    found = []
    for field in ("title", "description"):
        value = meta.get(field)
        if not isinstance(value, str) or not value.strip():
            found.append(
                f"front matter has no '{field}': add '{field}: ...' between the "
                "'---' lines at the top of the file"
            )
    description = meta.get("description")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        found.append(
            f"description is {len(description)} characters; shorten it to "
            f"{MAX_DESCRIPTION} or fewer"
        )
    return found
