"""Turn inline citations such as ``[@A]`` or ``[@A; @C-en]`` into markers.

A group of keys becomes one compact superscript marker, ``[A, C-en]``, as
reference works show them: each key is a link to its entry on the Sources
page (``sources.md#source-<key>``) whose accessible name names the source
("Source A: FISIPOL UGM news article"); the stylesheet shows that name on
hover and focus. The space before a marker goes, so it sits on the word.
A key that is not in the registry (data/registry.yml), or an empty citation
such as ``[@]``, is reported with the file and line, which fails a
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

CITATION = re.compile(r"[ \t]*\[@([^\]\n]*)\]")
FENCE = re.compile(r"^\s*(```|~~~)")
PREFIX = {"en": "Source", "id": "Sumber"}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    sources = config.extra["registry"]["sources"]
    language = config.theme.get("language", "en")
    target = posixpath.relpath("sources.md", posixpath.dirname(page.file.src_uri) or ".")
    rendered, problems = render(markdown, sources, language, target)
    offset = front_matter_lines(page.file.content_string, markdown)
    for line, key in problems:
        if key:
            fix = f"use one of {', '.join(sources)} or add it to data/registry.yml"
            log.warning(f"{page.file.src_path}:{line + offset}: unknown source key '{key}'; {fix}")
        else:
            log.warning(
                f"{page.file.src_path}:{line + offset}: empty citation; put source keys "
                "after '@', e.g. [@A] or [@A; @B]"
            )
    return rendered


def render(
    markdown: str, sources: dict, language: str, target: str
) -> tuple[str, list[tuple[int, str]]]:
    """Replace citations line by line; return the text and the (line, key) of
    every unknown key ('' for an empty one)."""
    out, problems, fenced = [], [], False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if FENCE.match(line):
            fenced = not fenced
        if not fenced:
            line = CITATION.sub(
                lambda m, n=number: _marker(m, n, sources, language, target, problems), line
            )
        out.append(line)
    return "\n".join(out), problems


def _marker(match, number, sources, language, target, problems) -> str:
    keys = [part.strip().removeprefix("@").strip() for part in match.group(1).split(";")]
    links = []
    for key in keys:
        if key not in sources:
            problems.append((number, key))
            continue
        label = name(key, sources, language)
        links.append(f'[{key}]({target}#source-{key.lower()}){{ aria-label="{label}" }}')
    if not links:
        return match.group(0)
    comma = '<span aria-hidden="true">, </span>'
    return (
        '<sup class="cite"><span aria-hidden="true">[</span>'
        + comma.join(links)
        + '<span aria-hidden="true">]</span></sup>'
    )


def name(key: str, sources: dict, language: str) -> str:
    """The accessible name of a key's link: "Source A: FISIPOL UGM news article"."""
    label = sources[key]["label"].get(language) or sources[key]["label"]["en"]
    return f"{PREFIX.get(language, PREFIX['en'])} {key}: {label}"


def front_matter_lines(source: str, markdown: str) -> int:
    """Lines above the Markdown body in the file (front matter), for true line numbers."""
    start = source.find(markdown[:80]) if markdown else -1
    return source.count("\n", 0, start) if start > 0 else 0
