"""Fail the build when a page lacks its translation.

mkdocs-static-i18n would silently serve the English page in its place (or
drop it). Every ``page.md`` must have a ``page.<locale>.md`` twin for each
other language, and every twin must have its ``page.md``.

It also keeps the one 404 page, which serves both languages, from being
overwritten by the other languages' builds.

Events: ``on_files`` (before the i18n plugin filters the files), ``on_config``.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files

log = get_plugin_logger(__name__)


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language != i18n.default_language:
        return None  # check once per build, in the default language's pass
    others = [lang for lang in i18n.all_languages if lang != i18n.default_language]
    pages = [file.src_uri for file in files if file.src_uri.endswith(".md")]
    for message in missing(pages, others):
        log.warning(message)
    return None


def missing(pages: list[str], locales: list[str]) -> list[str]:
    """One message per missing twin, naming the file to create."""
    present = set(pages)
    messages = []
    for uri in sorted(present):
        path = PurePosixPath(uri)
        stem = path.name[: -len(".md")]
        base, _, suffix = stem.rpartition(".")
        if base and suffix in locales:
            original = str(path.with_name(f"{base}.md"))
            if original not in present:
                messages.append(f"{uri}: translation without an original; add {original}")
            continue
        for locale in locales:
            twin = str(path.with_name(f"{stem}.{locale}.md"))
            if twin not in present:
                messages.append(f"{uri}: no '{locale}' translation; add {twin}")
    return messages


# After mkdocs-static-i18n (priority -100) has set up the language's pass.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Only the default language writes 404.html: one page serves both."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:
        return None
    config.theme.static_templates.discard("404.html")
    return config
