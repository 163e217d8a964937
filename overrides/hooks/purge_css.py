"""Remove the CSS rules that no page uses from Material's stylesheets.

Material's main stylesheet is render-blocking and mostly unused by a site of
this size. After the last language is built, PurgeCSS (npm, pinned in
package.json) keeps only the selectors found in the built HTML, plus the
families purgecss.config.cjs safelists for markup that Material's JavaScript
creates at run time (search results, the copy button and the like; checked
by tests/test_css.py); unused @font-face, @keyframes and custom properties go
too.

Runs for `mkdocs build` only (not `serve`), and only where `npm ci` has
installed PurgeCSS; `./run build` and `./run test` always do. The result is
cached in .cache/purgecss/ under a hash of every input file, so a rebuild
of unchanged pages skips the work.

Events: ``on_startup``, ``on_post_build``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger(__name__)

STYLESHEETS = ("main.*.min.css", "palette.*.min.css")
_command = {"name": "build"}


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _command["name"] = command


# After mkdocs-static-i18n (priority -100) has built every language.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if _command["name"] == "serve" or (i18n is not None and i18n.building):
        return
    root = Path(config.config_file_path).parent
    purgecss = root / "node_modules/.bin/purgecss"
    if not purgecss.exists():
        log.info("CSS left unpruned: PurgeCSS is not installed (run 'npm ci')")
        return
    site = Path(config.site_dir)
    folder = site / "assets" / "stylesheets"
    css = sorted(path for pattern in STYLESHEETS for path in folder.glob(pattern))
    content = sorted(site.rglob("*.html"))
    settings = root / "purgecss.config.cjs"
    # The result depends only on these files: reuse it when none changed.
    cache = root / ".cache" / "purgecss" / digest([settings, *css, *content], site)
    if not cache.is_dir():
        prune(purgecss, settings, css, content, cache)
    for path in css:
        shutil.copyfile(cache / path.name, path)


def prune(purgecss: Path, settings: Path, css: list[Path], content: list[Path], out: Path) -> None:
    folder = css[0].parent
    # Custom properties that another stylesheet reads must survive main.css.
    readers = ":".join(str(path) for path in folder.glob("*.css"))
    staging = out.with_name(out.name + ".tmp")
    result = subprocess.run(
        [
            str(purgecss),
            "--config",
            str(settings),
            "--css",
            *map(str, css),
            "--content",
            *map(str, content),
            "--output",
            str(staging),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PURGECSS_ALSO_USED_BY": readers},
    )
    if result.returncode:
        raise PluginError(f"PurgeCSS failed on {folder}: {result.stderr.strip()}")
    staging.replace(out)


def digest(paths: list[Path], site: Path) -> str:
    """A hash of the files' names (relative to the site) and contents."""
    sha = hashlib.sha256()
    for path in paths:
        name = path.relative_to(site) if path.is_relative_to(site) else Path(path.name)
        sha.update(str(name).encode() + b"\0" + path.read_bytes() + b"\0")
    return sha.hexdigest()[:32]
