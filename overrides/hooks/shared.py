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


LANGUAGES = ("en", "id")
TALK_REQUIRED = {"name", "date", "speaker", "organizer", "sources", "record"}


@functools.cache
def load_registry(path: Path, mtime: int = 0) -> dict:
    """Read and check the registry; a malformed one is impossible input.

    Every problem is reported at once, each as ``file:line: what; fix``.
    """
    data = _yaml(path, mtime)
    lines = _key_lines(path)
    problems = registry_problems(data)
    if problems:
        raise PluginError(
            "\n".join(f"{path}:{lines.get(where, 1)}: {what}" for where, what in problems)
        )
    return data


def registry_problems(data: dict) -> list[tuple[tuple, str]]:
    """The registry's schema: (where, what is wrong and the fix) for each break.

    ``where`` is the path of keys to the field, for its line number.
    """
    sources, talk, site = data.get("sources"), data.get("talk"), data.get("site")
    if not isinstance(sources, dict):
        return [((), "the registry needs a 'sources' mapping of KEY: fields; add it")]
    problems = []
    for key, source in sources.items():
        missing = REQUIRED - set(source if isinstance(source, dict) else {})
        if missing:
            problems.append(
                (("sources", key), f"source '{key}' lacks {', '.join(sorted(missing))}; add them")
            )
    if not isinstance(talk, dict):
        problems.append(((), "the registry needs a 'talk' mapping; add it"))
    else:
        missing = TALK_REQUIRED - set(talk)
        if missing:
            problems.append((("talk",), f"'talk' lacks {', '.join(sorted(missing))}; add them"))
        for key in talk.get("sources") or []:
            if key not in sources:
                problems.append(
                    (
                        ("talk", "sources"),
                        f"the talk's source '{key}' is not under 'sources'; "
                        f"use one of {', '.join(sources)}",
                    )
                )
    missing = SITE_REQUIRED - set(site if isinstance(site, dict) else {})
    if missing:
        problems.append(
            (
                ("site",),
                f"the registry's 'site' mapping lacks {', '.join(sorted(missing))}; add them",
            )
        )
    return problems + field_problems(data, ())


def field_problems(value: object, where: tuple) -> list[tuple[tuple, str]]:
    """Fields anywhere in the registry: a text in both languages has both,
    a language is an edition's code, an address is a web address."""
    if isinstance(value, list):
        return [p for n, item in enumerate(value) for p in field_problems(item, (*where, n))]
    if not isinstance(value, dict):
        return []
    name = ".".join(str(part) for part in where)
    if set(value) & set(LANGUAGES) and not isinstance(value.get("en"), dict):
        absent = [
            code
            for code in LANGUAGES
            if not isinstance(value.get(code), str) or not value[code].strip()
        ]
        if absent:
            return [
                (
                    where,
                    f"'{name}' is a text in both languages but has no {', '.join(absent)} "
                    f"text; add {absent[0]}: ...",
                )
            ]
        return []
    problems = []
    for key, field in value.items():
        here = (*where, key)
        if key in ("language", "record") and field not in LANGUAGES:
            problems.append(
                (
                    here,
                    f"'{name}.{key}' is {field!r}; write a language code: {' or '.join(LANGUAGES)}",
                )
            )
        elif key == "url" and not (
            isinstance(field, str) and field.startswith(("https://", "http://"))
        ):
            problems.append((here, f"'{name}.url' is {field!r}; write a web address (https://...)"))
        else:
            problems += field_problems(field, here)
    return problems


def _key_lines(path: Path) -> dict[tuple, int]:
    """The line of every key in a YAML file (already read without error), by
    its path of keys."""
    lines: dict[tuple, int] = {}

    def walk(node: yaml.Node, where: tuple) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                lines[(*where, key.value)] = key.start_mark.line + 1
                walk(value, (*where, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for n, item in enumerate(node.value):
                lines[(*where, n)] = item.start_mark.line + 1
                walk(item, (*where, n))

    walk(yaml.compose(path.read_text(encoding="utf-8")), ())
    return lines
