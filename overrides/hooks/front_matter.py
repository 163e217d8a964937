"""Require a ``title`` and a ``description`` in every page's front matter.

The title names the page in the navigation and the browser tab; the
description becomes the meta description and the Open Graph description, so
it must be one plain sentence of at most 160 characters.

Front matter that is not valid YAML is reported with the line of the YAML
error: MkDocs drops it silently, which would otherwise read as "no title".
So is an unquoted value with " #" in it ("Teacup Discussion #5"), which YAML
quietly cuts short there, taking the rest for a comment.

Events: ``on_page_markdown``.
"""

from __future__ import annotations

import re

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE

log = get_plugin_logger(__name__)

MAX_DESCRIPTION = 160
# A plain (unquoted) scalar that a " #" comment cuts short.
CUT_SHORT = re.compile(r"""^[\w-]+:[ \t]+(?!["'|>])[^#\n]*[ \t]#""")


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    error = yaml_error(page.file.content_string)
    if error:
        log.warning(f"{page.file.src_path}:{error}")
        return None
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


def yaml_error(source: str) -> str | None:
    """'LINE: what is wrong' when a file's front matter is not a YAML mapping."""
    block = YAML_RE.match(source)
    if not block:
        return None
    try:
        data = yaml.safe_load(block.group(1))
    except yaml.YAMLError as error:
        # The block starts on the file's second line; marks count from 0.
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "cannot be read"
        context = getattr(error, "context_mark", None)
        if context and error.context:
            problem += f", {error.context} from line {context.line + 2}"
        return (
            f"{mark.line + 2 if mark else 2}: front matter is not valid YAML ({problem}); "
            "fix it there, e.g. put a value that contains ': ' or starts with a "
            "quote or a bracket in double quotes"
        )
    if not isinstance(data, dict):
        return "2: front matter must be 'key: value' lines, such as 'title: ...'"
    for number, line in enumerate(block.group(1).splitlines(), start=2):
        if CUT_SHORT.match(line):
            return (
                f"{number}: ' #' starts a YAML comment, so this value ends before it; "
                "put the value in double quotes"
            )
    return None
