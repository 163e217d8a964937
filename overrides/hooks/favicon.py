"""The favicon travels inside each page as a data: URL, not as a request.

Browsers fetch the favicon while the page's stylesheet and Material's script
are still loading; on a phone's connection (and in Lighthouse's simulation of
one) it takes a share of the bandwidth they need. The SVG that
``theme.favicon`` names is small (a quarter of a kilobyte), so it is inlined
into the icon link instead. The file stays in the site for anyone linking it.

Events: ``on_config``.
"""

from __future__ import annotations

import base64
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    favicon = config.theme.get("favicon") or ""
    if not favicon.endswith(".svg"):
        return config
    path = Path(config.docs_dir) / favicon
    if not path.is_file():
        raise PluginError(f"mkdocs.yml: theme.favicon {favicon} is not a file in docs/")
    config.theme["favicon"] = data_url(path.read_bytes())
    return config


def data_url(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
