"""Page rewrite: every page as Material rendered it, mended in one written order.

``on_post_page`` (pages) and ``on_post_template`` (theme templates such as
404.html) run the steps of ``STEPS`` in turn, each a small rewrite of the
HTML, so no template is copied to change one attribute:

1. ``mend_markup``: what fails the HTML checker or axe: ``autocomplete`` on
   checkbox and radio inputs and ``tabindex=""`` on navigation labels are
   invalid HTML; the search dialog and the phone header's search button get
   a name (the button's icon, as a label needs content); Material's other
   icons are hidden from screen readers, as the controls around them carry
   the names; the heading permalinks are kept out of the headings' names and
   the Tab order, with a title in the page's language; the language menu
   marks the current language.
2. ``skip_link_first``: the skip link moves before Material's two toggles,
   so that a text browser, which shows them as "[ ] [ ]", starts with it.
3. ``button_opens_drawer``: Material's menu control, a label for the
   drawer's checkbox that neither the keyboard nor a screen reader can use,
   becomes a named button (partials/drawer.html works it); the label stays
   for browsers without scripts.
4. ``script_writes_controls``: the controls only a script can work (the
   search, the palette toggle, the menu button) are written by an inline
   script in their place, so text browsers do not show them.
5. ``content_first``: the content moves before the navigation and the
   table of contents, so text browsers and screen readers reach it first
   (extra.css keeps the navigation on the left).
6. ``point_search``: pages of another edition than the default point
   Material's ``__config`` base at their edition's root, where post_build.py
   writes that edition's search index.
7. ``drop_hreflang``: offline pages carry no ``<link rel="alternate"
   hreflang>``: they serve no search engine, and Material would fetch a
   sitemap beside each, which a browser refuses on file://. The header's
   language switcher stays.
8. ``protect``, **last**: a strict Content-Security-Policy in a ``<meta>``
   tag right after the charset (GitHub Pages cannot send headers). Scripts
   run only from the site itself and the page's inline scripts, allowed by
   the SHA-256 hashes of those scripts *as the page leaves this function*
   (inline styles likewise):
   a step after it that changed an inline script would break the page (the
   scripts written by step 4 are hashed with the rest). The one later
   change is post_build.py's ``inline_css``, which adds the hash of the
   stylesheet it writes into the page. ``on_config`` sets
   ``extra.scope`` to the site's path so Material's inline scripts, and their
   hashes, are the same on every page. The offline edition carries no policy
   (browsers treat 'self' on file: URLs inconsistently, and its search shim
   writes a script into an iframe); ``mkdocs serve`` allows inline scripts
   without hashes, since the live-reload script it adds differs each time.
"""

from __future__ import annotations

import json
import posixpath
import re
from urllib.parse import urlparse

import shared
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> None:
    config.extra["scope"] = urlparse(config.site_url or "/").path or "/"


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return rewrite(output, name=page.file.src_path, page=page, config=config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    return rewrite(output_content, name=template_name, page=None, config=config)


def rewrite(html: str, *, name: str, page: Page | None, config: MkDocsConfig) -> str:
    """The page through every step, in order; ``page`` is None for a template."""
    for step in STEPS:
        html = step(html, name=name, page=page, config=config)
    return html


TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?) autocomplete="off"'
)
EMPTY_TABINDEX = re.compile(r' tabindex=""')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
# The phone header's search button, a label for the search's toggle.
SEARCH_BUTTON = '<label class="md-header__button md-icon" for="__search">'
SEARCH_ICON = re.compile(re.escape(SEARCH_BUTTON) + r"(\s*)<svg ")
# Material's icons, drawn inside controls that carry their own names.
ICON = re.compile(r"<svg (?![^>]*\baria-)")


# A heading's permalink, as the toc extension writes it.
PERMALINK = re.compile(r'<a class="headerlink" (href="#[^"]*") title="Permanent link">')
LANGUAGE_LINK = re.compile(r'(<a href="[^"]*" hreflang="([\w-]+)" class="md-select__link")>')


def mend_markup(html: str, *, config: MkDocsConfig, **_) -> str:
    strings, language = shared.strings(config), shared.language(config)
    html = TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    html = EMPTY_TABINDEX.sub("", html)
    html = html.replace(
        SEARCH_DIALOG, SEARCH_DIALOG.replace(">", f' aria-label="{strings["search"]}">')
    )
    search = strings["search"]
    html = SEARCH_ICON.sub(
        rf'{SEARCH_BUTTON[:-1]} title="{search}">\1<svg role="img" aria-label="{search}" ', html
    )
    html = ICON.sub('<svg aria-hidden="true" ', html)
    # The "¶" stays for the pointer; screen readers hear the heading alone,
    # and Tab skips it (the table of contents links every section).
    html = PERMALINK.sub(
        rf'<a class="headerlink" \1 title="{strings["permalink"]}" aria-hidden="true" '
        'tabindex="-1">',
        html,
    )
    # The language menu marks the edition being read.
    return LANGUAGE_LINK.sub(
        lambda m: m.group(1) + (' aria-current="true">' if m.group(2) == language else ">"),
        html,
    )


CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def point_search(html: str, *, name: str, config: MkDocsConfig, **_) -> str:
    if shared.default_edition(config):
        return html
    match = CONFIG.search(html)
    if match is None:
        raise PluginError(f"{name}: no __config block to point search at")
    data = json.loads(match.group(2))
    data["base"] = posixpath.join(data["base"], shared.prefix(config))
    return html[: match.start(2)] + json.dumps(data) + html[match.end(2) :]


# Material's page opens with two toggles and an overlay, then the skip link.
TOGGLES = re.compile(
    r'(\s*<input class="md-toggle" data-md-toggle="drawer"[^>]*>\s*'
    r'<input class="md-toggle" data-md-toggle="search"[^>]*>\s*'
    r'<label class="md-overlay" for="__drawer"></label>)'
    r'(\s*<div data-md-component="skip">.*?</div>)',
    re.S,
)


def skip_link_first(html: str, *, name: str, **_) -> str:
    """The skip link is the first thing a text browser shows, before the
    toggles that only work with CSS (they stay before the header and the
    content, whose styles follow them)."""
    if '<div data-md-component="skip">' not in html:
        return html
    moved, count = TOGGLES.subn(r"\2\1", html, count=1)
    if count != 1:
        raise PluginError(
            f"{name}: Material's toggles before the skip link have changed; update "
            "TOGGLES in overrides/hooks/rewrite.py"
        )
    return moved


# Material's menu control in the header, and the navigation it opens.
DRAWER_LABEL = re.compile(
    r'<label class="md-header__button md-icon" for="__drawer">(.*?)</label>', re.S
)
NAVIGATION = '<nav class="md-nav md-nav--primary"'
DRAWER_BUTTON = (
    '<button class="md-header__button md-icon" type="button" aria-label="{name}" '
    'aria-expanded="false" aria-controls="__navigation">{icon}</button>'
)


def button_opens_drawer(html: str, *, config: MkDocsConfig, **_) -> str:
    """The menu control is a button named in the page's language, which
    controls the navigation (given an id for it); partials/drawer.html makes
    it open and close Material's drawer. Material's label stays inside
    <noscript>, for browsers that run no script (its CSS works the drawer)."""
    match = DRAWER_LABEL.search(html)
    if match is None or NAVIGATION not in html:
        return html
    name = shared.strings(config)["navigation"]
    button = DRAWER_BUTTON.format(name=name, icon=match.group(1).strip())
    label = f"<noscript>{match.group()}</noscript>"
    html = html[: match.start()] + label + button + html[match.end() :]
    return html.replace(NAVIGATION, f'{NAVIGATION} id="__navigation"', 1)


# Controls that work only with a script: Material's search (its toggle, its
# button and its dialog), the palette toggle (partials/palette.html) and the
# menu button (button_opens_drawer).
SCRIPTED = (
    '<input class="md-toggle" data-md-toggle="search"',
    '<label class="md-header__button md-icon" for="__search"',
    '<div class="md-search" data-md-component="search"',
    '<form class="md-header__option" data-site-palette>',
    '<button class="md-header__button md-icon" type="button" aria-label=',
)
WRITE = '<script>document.currentScript.insertAdjacentHTML("beforebegin",{})</script>'


def script_writes_controls(html: str, *, name: str, **_) -> str:
    """Each control that only a script can work is written by a script in
    its place, as the page is parsed: browsers with scripts build the same
    page before anything runs on it, and text browsers, which run none, no
    longer show a search box that never initialises or radios that do
    nothing. (Without scripts, Material's CSS hides the search, and the
    palette's labels stay hidden, so graphical readers lose nothing.)"""
    for start in SCRIPTED:
        at = html.find(start)
        if at < 0:
            continue
        end = element_end(html, at, name=name)
        markup = json.dumps(html[at:end], ensure_ascii=False).replace("</", "<\\/")
        html = html[:at] + WRITE.format(markup) + html[end:]
    return html


TAG = re.compile(r"<(\w+)")


def element_end(html: str, start: int, *, name: str) -> int:
    """Where the element opening at ``start`` ends, past its closing tag
    (its start tag's end, for a void element such as <input>)."""
    tag = TAG.match(html, start).group(1)
    opened = html.index(">", start) + 1
    if tag in ("input", "img", "link", "meta"):
        return opened
    depth = 1
    for match in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(html, opened):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    raise PluginError(f"{name}: the <{tag}> at offset {start} is never closed")


MAIN_INNER = '<div class="md-main__inner md-grid">'
CONTENT = '<div class="md-content" data-md-component="content">'


def content_first(html: str, *, name: str, **_) -> str:
    """The content comes before the navigation and the table of contents in
    the page's source, so a text browser or a screen reader reaches it
    first; extra.css keeps the navigation on the left."""
    inner = html.find(MAIN_INNER)
    if inner < 0:
        return html
    inner += len(MAIN_INNER)
    content = html.find(CONTENT, inner)
    if content < 0:
        raise PluginError(
            f"{name}: Material's main column has changed; update CONTENT in "
            "overrides/hooks/rewrite.py"
        )
    end = element_end(html, content, name=name)
    return html[:inner] + html[content:end] + html[inner:content] + html[end:]


HREFLANG = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_hreflang(html: str, *, page: Page | None, config: MkDocsConfig, **_) -> str:
    if page is None or not shared.offline(config):
        return html
    return HREFLANG.sub("", html)


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
INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)


def protect(html: str, *, name: str, config: MkDocsConfig, **_) -> str:
    if shared.offline(config):
        return html
    if CHARSET not in html:
        raise PluginError(f"{name}: no {CHARSET} to place the CSP after")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(CHARSET, f"{CHARSET}\n    {meta}", 1)


def policy(html: str) -> str:
    """The policy for one page, with a hash for each of its inline scripts
    and styles (the print margins' text, partials/print.html)."""
    styles = sorted({shared.source_hash(style) for style in INLINE_STYLE.findall(html)})
    if shared.serving():
        return policy_with(["'unsafe-inline'"], styles)
    return policy_with(
        sorted({shared.source_hash(script) for script in INLINE.findall(html)}), styles
    )


def policy_with(scripts: list[str], styles: list[str] = ()) -> str:
    """The policy, with these sources allowed to run scripts, and these to
    style the page, besides 'self'."""
    directives = dict(
        POLICY,
        **{
            "script-src": " ".join([POLICY["script-src"], *scripts]),
            "style-src": " ".join([POLICY["style-src"], *styles]),
        },
    )
    return "; ".join(f"{name} {value}" for name, value in directives.items())


STEPS = (
    mend_markup,
    skip_link_first,
    button_opens_drawer,
    script_writes_controls,
    content_first,
    point_search,
    drop_hreflang,
    protect,
)
