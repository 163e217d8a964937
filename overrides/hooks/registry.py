"""Load the source registry (data/registry.yml) into ``config.extra.registry``.

One concern: the registry is the single place where the sources, the talk and
the paper are described. Other hooks (citations, structured data) and the
templates read it from ``config.extra.registry``; nobody copies its facts.

Events: ``on_config``.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

REGISTRY = Path("data/registry.yml")
REQUIRED = {"label", "language", "url"}


# Run after mkdocs-static-i18n (priority -100), which resets `extra` per language.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["registry"] = load(Path(config.config_file_path).parent / REGISTRY)
    return config


def load(path: Path) -> dict:
    """Read and check the registry; a malformed one is impossible input."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"{path}: cannot read the source registry: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("sources"), dict):
        raise PluginError(f"{path}: the registry needs a 'sources' mapping of KEY: fields")
    for key, source in data["sources"].items():
        missing = REQUIRED - set(source or {})
        if missing:
            raise PluginError(
                f"{path}: source '{key}' lacks {', '.join(sorted(missing))}; add them"
            )
    if not isinstance(data.get("talk"), dict):
        raise PluginError(f"{path}: the registry needs a 'talk' mapping")
    return data
