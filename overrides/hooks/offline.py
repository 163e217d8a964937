"""The offline edition: search works when the site is opened from disk.

Material's offline plugin (enabled by OFFLINE=true, see `./run offline`)
would load the iframe-worker shim from a CDN. The shim is vendored from the
npm package instead: listed under ``extra.polyfills`` and copied into the
site from node_modules. ``extra.offline`` tells the other hooks which
edition is being built.

Offline pages carry no ``<link rel="alternate" hreflang>``: they serve no
search engine, and Material would request a sitemap beside each, which a
browser refuses on file:// (a console error). The header's language
switcher stays.

Events: ``on_config``, ``on_post_page``, ``on_post_build``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

SHIM = Path("node_modules/iframe-worker/shim/index.js")
TARGET = "assets/javascripts/iframe-worker-shim.js"
HREFLANG = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return plugin is not None and bool(plugin.config.enabled)


# Before the offline plugin's on_config, which adds the CDN shim when no
# polyfill names iframe-worker.
@event_priority(10)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["offline"] = enabled(config)
    if not config.extra["offline"]:
        return config
    polyfills = config.extra.setdefault("polyfills", [])
    if TARGET not in polyfills:
        polyfills.append(TARGET)
    return config


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    if not config.extra.get("offline"):
        return None
    return HREFLANG.sub("", output)


# After mkdocs-static-i18n (priority -100) has built every language.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if not config.extra.get("offline") or (i18n is not None and i18n.building):
        return
    source = Path(config.config_file_path).parent / SHIM
    if not source.is_file():
        raise PluginError(f"{SHIM} is missing: run 'npm ci' before building the offline edition")
    target = Path(config.site_dir) / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
