"""One search index per language, each searched from its own edition.

mkdocs-static-i18n writes a single index for both languages at the site
root, so an Indonesian reader gets English results mixed in (and downloads
both). After the last language is built, the index is split: English stays
in ``search/``, every other language goes to ``<locale>/search/`` with its
locations made relative to that edition. Pages of that edition get their
``__config`` base pointed at the edition's root, which is where Material
looks for the index. lunr has no Indonesian support, so that index drops
the English stop-word filter.

With the offline plugin, each index is also written as ``search_index.js``.

Events: ``on_post_page``, ``on_post_build``.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    locale = edition(config)
    if locale is None:
        return None
    match = CONFIG.search(output)
    if match is None:
        raise PluginError(f"{page.file.src_path}: no __config block to point search at")
    data = json.loads(match.group(2))
    data["base"] = posixpath.join(data["base"], locale, "")
    return output[: match.start(2)] + json.dumps(data) + output[match.end(2) :]


def edition(config: MkDocsConfig) -> str | None:
    """The locale being built, unless it is the default language."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:
        return None
    return i18n.current_language


# After mkdocs-static-i18n (priority -100) has merged the languages' entries
# and the offline plugin (also -100) has inlined the merged index.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    site = Path(config.site_dir)
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return
    merged = json.loads(index.read_text(encoding="utf-8"))
    others = [lang for lang in i18n.all_languages if lang != i18n.default_language]
    inline = bool(config.extra.get("offline"))
    for locale, data in split(merged, others).items():
        write(site / (locale or "") / "search", data, inline)


def split(merged: dict, locales: list[str]) -> dict[str, dict]:
    """The merged index as one index per language ('' is the default)."""
    parts = {"": [], **{locale: [] for locale in locales}}
    for doc in merged["docs"]:
        locale = next((lc for lc in locales if doc["location"].startswith(f"{lc}/")), "")
        if locale:
            doc = dict(doc, location=doc["location"].removeprefix(f"{locale}/"))
        parts[locale].append(doc)
    result = {}
    for locale, docs in parts.items():
        config = dict(merged["config"])
        if locale:
            config["pipeline"] = []  # English stop words mean nothing in Indonesian
        result[locale] = {"config": config, "docs": docs}
    return result


def write(folder: Path, data: dict, inline: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(text, encoding="utf-8")
    if inline:
        (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
