"""A strict Content-Security-Policy in a ``<meta>`` tag on every page.

GitHub Pages cannot send headers, so the policy travels in the page, before
the first script. Scripts run only from the site itself plus the page's
inline scripts (Material's, and our accessibility mends where a page needs
them), allowed by their SHA-256 hashes, computed here from the page as
built: no 'unsafe-inline', no 'unsafe-eval'. ``extra.scope`` is
set to the site's path so Material's inline scripts are the same everywhere.

The offline edition (opened from file://) carries no policy: browsers treat
'self' on file: URLs inconsistently, and its search shim writes a script
into an iframe. Under ``mkdocs serve`` inline scripts are allowed without
hashes: the live-reload script that MkDocs adds to every response differs
each time, so no hash could allow it, and the preview would never reload.

Events: ``on_startup``, ``on_config``, ``on_post_page``, ``on_post_template``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Literal
from urllib.parse import urlparse

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
CHARSET = '<meta charset="utf-8">'
# Inline scripts that execute: no src, and no data type such as application/json.
INLINE = re.compile(r"<script(?![^>]*\b(?:src|type)=)[^>]*>(.*?)</script>", re.S)
_serving = {"live_reload": False}


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _serving["live_reload"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["scope"] = urlparse(config.site_url or "/").path or "/"
    return config


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return protect(output, page.file.src_path, config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Theme templates such as 404.html get the policy too."""
    if not template_name.endswith(".html"):
        return output_content
    return protect(output_content, template_name, config)


def protect(html: str, name: str, config: MkDocsConfig) -> str:
    """Insert the policy right after the charset declaration."""
    if config.extra.get("offline"):
        return html
    if CHARSET not in html:
        raise PluginError(f"{name}: no {CHARSET} to place the CSP after")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(CHARSET, f"{CHARSET}\n    {meta}", 1)


def policy(html: str) -> str:
    """The policy for one page, with a hash for each of its inline scripts."""
    if _serving["live_reload"]:
        return policy_with(["'unsafe-inline'"])
    return policy_with(sorted({digest(script) for script in INLINE.findall(html)}))


def policy_with(scripts: list[str]) -> str:
    """The policy, with these sources allowed to run scripts besides 'self'."""
    directives = dict(POLICY, **{"script-src": " ".join([POLICY["script-src"], *scripts])})
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def digest(script: str) -> str:
    value = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return f"'sha256-{value}'"
