"""Search fetches its documents when a reader first searches, not with every page.

As every page loads, Material fetches the edition's ``search_index.json``
and starts its search worker, which builds the index: about 20 KB of a first
visit and main-thread work, for a feature that most page views never use.
Material reads the worker's URL from the page's ``__config``; every page
names ``assets/javascripts/workers/search-lazy.js`` there instead (in docs/,
with the real worker and the edition's full index as URL parameters). It
stands in for Material's worker until the first query, then loads it and
hands over (see its comments). After the indexes are split by language
(search_split.py), each edition's whole index moves to
``search_index.full.json``, and ``search_index.json`` keeps only the
configuration, which Material's search highlighting reads.

The offline edition is left as Material makes it: opened from disk,
Material sets its worker up only when search is opened.

Events: ``on_post_page``, ``on_post_template``, ``on_post_build``.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlencode

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
WORKER = "search-lazy.js"
FULL = "search_index.full.json"


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    return None if config.extra.get("offline") else relink(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """404.html searches too."""
    if config.extra.get("offline") or not template_name.endswith(".html"):
        return output_content
    return relink(output_content)


def relink(html: str) -> str:
    """The page with its search worker replaced by the stand-in."""
    match = CONFIG.search(html)
    if match is None:
        return html
    data = json.loads(match.group(2))
    data["search"] = stand_in(data["search"], data["base"])
    return html[: match.start(2)] + json.dumps(data) + html[match.end(2) :]


def stand_in(worker: str, base: str) -> str:
    """The stand-in's URL, beside Material's worker (both relative to the page
    or both from the site's root); its parameters are relative to itself."""
    folder, name = posixpath.split(worker)
    index = posixpath.relpath(posixpath.join(base, "search", FULL), folder)
    return f"{folder}/{WORKER}?{urlencode({'worker': name, 'index': index}, safe='/')}"


# After search_split.py (priority -200) has written each edition's index.
@event_priority(-250)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return
    site = Path(config.site_dir)
    if config.extra.get("offline"):
        (site / "assets" / "javascripts" / "workers" / WORKER).unlink(missing_ok=True)
        return
    for index in site.rglob("search/search_index.json"):
        text = index.read_text(encoding="utf-8")
        index.with_name(FULL).write_text(text, encoding="utf-8")
        configuration = {"config": json.loads(text)["config"], "docs": []}
        index.write_text(json.dumps(configuration, separators=(",", ":")), encoding="utf-8")
