"""Small helpers: reading built HTML with the standard library only, and
waiting for Material's script in a browser tab."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("en", "id")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def elements(html: str, tag: str | None = None) -> list[dict[str, str]]:
    """The attributes of every start tag named `tag` (all tags when None)."""
    collector = _Collector()
    collector.feed(html)
    return [dict(attrs, _tag=name) for name, attrs in collector.elements if tag in (None, name)]


# A control that a script writes in its place (rewrite.script_writes_controls).
_WRITTEN = re.compile(
    r'<script>document\.currentScript\.insertAdjacentHTML\("beforebegin",(".*?")\)</script>'
)


def site_stylesheet(html: str) -> str:
    """The site's stylesheet, which post_build.py's inline_css writes into
    every page's head (the longest of its inline styles)."""
    return max(re.findall(r"<style>(.*?)</style>", html.split("</head>")[0], re.S), key=len)


def as_parsed(html: str) -> str:
    """The page as a browser with scripts has parsed it: each control that a
    script writes in its place is in the markup."""
    return _WRITTEN.sub(lambda match: json.loads(match.group(1)), html)


def text(html: str) -> str:
    """The visible text of a page's article, with tags stripped and space folded."""
    article = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    body = article.group(1) if article else html
    body = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip()


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving !ENV values as their default."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def mkdocs_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def nav_files(nav=None) -> list[str]:
    """Every Markdown file named in the nav, in order."""
    found = []
    for item in mkdocs_config()["nav"] if nav is None else nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found.extend(nav_files(value) if isinstance(value, list) else [value])
    return found


def output_path(src: str, language: str = "en") -> str:
    """Where a page's HTML lands, relative to the site root (directory URLs)."""
    stem = src.removesuffix(".md")
    path = "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"
    return path if language == "en" else f"{language}/{path}"


def url_of(site_url: str, path: str) -> str:
    """A built page's address, as a reader types it (directory URLs)."""
    return site_url + path.removesuffix("index.html")


def registry() -> dict:
    return yaml.safe_load((ROOT / "data" / "registry.yml").read_text(encoding="utf-8"))


def material_ready(page) -> None:
    """Wait until Material's script has set the page up (its document$ has
    emitted, so its components are mounted)."""
    page.wait_for_function("() => 'document$' in window")
    page.evaluate("() => new Promise(done => document$.subscribe(() => setTimeout(done)))")
