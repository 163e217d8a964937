"""Turn inline citations such as ``[@A]`` or ``[@A; @C-en]`` into links.

Each key links to its entry on the Sources page (``sources.md#source-<key>``)
with the source's label as a tooltip. A key that is not in the registry
(data/registry.yml) is reported with the file and line, which fails a
``--strict`` build. Fenced code is left alone.

Events: ``on_page_markdown``.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

CITATION = re.compile(r"\[(@[^\]\n]+)\]")
FENCE = re.compile(r"^\s*(```|~~~)")
PREFIX = {"en": "Source", "id": "Sumber"}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    sources = config.extra["registry"]["sources"]
    language = config.theme.get("language", "en")
    target = posixpath.relpath("sources.md", posixpath.dirname(page.file.src_uri) or ".")
    rendered, unknown = render(markdown, sources, language, target)
    offset = front_matter_lines(page.file.content_string, markdown)
    for line, key in unknown:
        log.warning(
            f"{page.file.src_path}:{line + offset}: unknown source key '{key}'; "
            f"use one of {', '.join(sources)} or add it to data/registry.yml"
        )
    return rendered


def render(
    markdown: str, sources: dict, language: str, target: str
) -> tuple[str, list[tuple[int, str]]]:
    """Replace citations line by line; return the text and (line, key) of unknown keys."""
    out, unknown, fenced = [], [], False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if FENCE.match(line):
            fenced = not fenced
        if not fenced:
            line = CITATION.sub(
                lambda m, n=number: _links(m, n, sources, language, target, unknown), line
            )
        out.append(line)
    return "\n".join(out), unknown


def _links(match, number, sources, language, target, unknown) -> str:
    keys = [part.strip().removeprefix("@") for part in match.group(1).split(";")]
    links = []
    for key in keys:
        if key not in sources:
            unknown.append((number, key))
            continue
        label = sources[key]["label"].get(language) or sources[key]["label"]["en"]
        title = f"{PREFIX.get(language, PREFIX['en'])} {key}: {label}"
        links.append(f'[{key}]({target}#source-{key.lower()} "{title}"){{ .cite }}')
    return "\\[" + ", ".join(links) + "\\]" if links else match.group(0)


def front_matter_lines(source: str, markdown: str) -> int:
    """Lines above the Markdown body in the file (front matter), for true line numbers."""
    start = source.find(markdown[:80]) if markdown else -1
    return source.count("\n", 0, start) if start > 0 else 0
