"""What every pipeline asks of the build, answered in one place.

Not a hook itself: the four hook files import it (MkDocs puts their folder on
``sys.path`` while it loads them).

- **Passes.** mkdocs-static-i18n builds the default language (English), and
  from that build's ``on_post_build`` each other language as an inner build
  of the same config, into ``<locale>/``. Steps that work on the whole site
  run once, at the end of the outer pass (``outer_pass``); steps that work on
  one edition run in every pass (``language``, ``prefix``).
- **Command.** ``mkdocs serve`` rebuilds on every change and serves from
  memory: steps that only pay off on the deployed site skip it (``serving``).
- **Offline edition.** ``./run offline`` builds a copy that works opened from
  disk (``offline``).
- **Policy hashes.** The CSP allows each inline script and style by the
  SHA-256 of its text (``source_hash``): rewrite.py's ``protect`` for the
  page as it leaves that pipeline, post_build.py's ``inline_css`` for the
  stylesheet it writes into every page afterwards.
- **Data.** ``data/registry.yml`` (the sources, the talk, the paper, the
  site itself) and ``data/strings.yml`` (every interface string of both
  languages), read again whenever they change, so ``mkdocs serve`` picks up
  an edit.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

REGISTRY = Path("data/registry.yml")
STRINGS = Path("data/strings.yml")
REQUIRED = {"label", "language", "url"}
SITE_REQUIRED = {"key", "title", "author", "licence"}
_command = {"name": "build"}


def remember_command(command: str) -> None:
    """Called once by content.py's ``on_startup``."""
    _command["name"] = command


def serving() -> bool:
    return _command["name"] == "serve"


def source_hash(text: str) -> str:
    """The CSP source that allows an inline script or style with this text."""
    value = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
    return f"'sha256-{value}'"


def language(config: MkDocsConfig) -> str:
    """The language of the edition being built ('en', 'id')."""
    return config.theme.get("language", "en")


def _i18n(config: MkDocsConfig):
    return config.plugins.get("i18n")


def default_edition(config: MkDocsConfig) -> bool:
    """True in the default language's pass (also before the plugin has set
    its language, in the first pass's early events)."""
    i18n = _i18n(config)
    return i18n is None or i18n.current_language in (None, i18n.default_language)


def prefix(config: MkDocsConfig) -> str:
    """The folder of the edition being built: '' for the default, 'id/'."""
    return "" if default_edition(config) else f"{_i18n(config).current_language}/"


def other_locales(config: MkDocsConfig) -> list[str]:
    i18n = _i18n(config)
    return [] if i18n is None else [x for x in i18n.all_languages if x != i18n.default_language]


def outer_pass(config: MkDocsConfig) -> bool:
    """True once every edition is built: the outer pass's ``on_post_build``,
    after mkdocs-static-i18n's own (priority -100) has run the inner ones."""
    i18n = _i18n(config)
    return i18n is None or not i18n.building


def offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return plugin is not None and bool(plugin.config.enabled)


def root(config: MkDocsConfig) -> Path:
    """The project's folder (where mkdocs.yml is)."""
    return Path(config.config_file_path).parent


def registry(config: MkDocsConfig) -> dict:
    path = root(config) / REGISTRY
    return load_registry(path, _mtime(path))


def all_strings(config: MkDocsConfig) -> dict[str, dict]:
    """The interface strings of every language, by language."""
    path = root(config) / STRINGS
    return _yaml(path, _mtime(path))


def strings(config: MkDocsConfig) -> dict:
    """The interface strings of the edition being built."""
    table = all_strings(config)
    return table.get(language(config), table["en"])


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError as error:
        raise PluginError(f"{path}: cannot read it: {error}") from error


@functools.cache
def _yaml(path: Path, mtime: int) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"{path}: cannot read it: {error}") from error
    if not isinstance(data, dict):
        raise PluginError(f"{path}: expected a mapping of names to values")
    return data


@functools.cache
def load_registry(path: Path, mtime: int = 0) -> dict:
    """Read and check the registry; a malformed one is impossible input."""
    data = _yaml(path, mtime)
    if not isinstance(data.get("sources"), dict):
        raise PluginError(f"{path}: the registry needs a 'sources' mapping of KEY: fields")
    for key, source in data["sources"].items():
        missing = REQUIRED - set(source or {})
        if missing:
            raise PluginError(
                f"{path}: source '{key}' lacks {', '.join(sorted(missing))}; add them"
            )
    if not isinstance(data.get("talk"), dict):
        raise PluginError(f"{path}: the registry needs a 'talk' mapping")
    site = data.get("site")
    missing = SITE_REQUIRED - set(site if isinstance(site, dict) else {})
    if missing:
        raise PluginError(
            f"{path}: the registry's 'site' mapping lacks {', '.join(sorted(missing))}; add them"
        )
    return data
