"""The strict build of the real site, checked on its output."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from helpers import LANGUAGES, ROOT, elements, nav_files, output_path, site_stylesheet

# Attributes through which a page loads something (links only navigate).
LOADERS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "embed": "src",
    "object": "data",
    "input": "src",
}


def head_links(html: str, rel: str) -> list[str]:
    """The addresses of the head's <link rel="..."> elements."""
    return [
        link["href"]
        for link in elements(html.split("</head>")[0], "link")
        if link.get("rel") == rel
    ]


def test_strict_build_prints_no_warning(build):
    assert build.returncode == 0, build.log
    assert not [line for line in build.log.splitlines() if "WARNING" in line], build.log


def test_every_nav_entry_is_a_page_in_both_languages(site):
    files = nav_files()
    assert len(files) >= 9
    for language in LANGUAGES:
        for src in files:
            assert (site / output_path(src, language)).is_file(), (src, language)


def _foreign(url: str, site_url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.scheme or parsed.netloc) and not url.startswith((site_url, "data:"))


def test_no_page_loads_anything_from_another_origin(pages, site_url):
    for name, html in pages.items():
        for element in elements(html):
            tag = element["_tag"]
            urls = []
            if tag in LOADERS:
                urls.append(element.get(LOADERS[tag], ""))
                urls += [part.split()[0] for part in element.get("srcset", "").split(",") if part]
            if tag == "link" and element.get("rel") not in ("alternate", "canonical"):
                urls.append(element.get("href", ""))
            foreign = [url for url in urls if _foreign(url, site_url)]
            assert not foreign, f"{name}: <{tag}> loads {foreign}"


def test_no_stylesheet_or_script_reaches_another_origin(site):
    # The stylesheet travels inside the pages (post_build.py's inline_css).
    for path in [*site.rglob("*.html"), *site.rglob("*.js")]:
        content = path.read_text(encoding="utf-8", errors="replace")
        imports = re.findall(r"""(?:@import|url\()\s*["']?(https?://[^"')\s]+)""", content)
        assert not imports, f"{path.name} loads {imports}"


def test_no_source_or_template_file_leaks_into_the_site(site):
    leaked = [
        str(path.relative_to(site))
        for path in site.rglob("*")
        if path.suffix in {".py", ".pyc", ".md", ".yml", ".yaml", ".j2"}
        or path.name in {"main.html", "mkdocs.yml"}
        or "hooks" in path.parts
    ]
    assert not leaked


def test_every_page_declares_its_language(pages):
    for name, html in pages.items():
        lang = re.search(r"<html lang=\"([^\"]+)\"", html)
        assert lang, name
        expected = "id" if name.startswith("id/") else "en"
        if name != "404.html":
            assert lang.group(1) == expected, name


def test_404_page_leads_home_and_to_search(pages):
    html = pages["404.html"]
    hrefs = [a.get("href", "") for a in elements(html, "a")]
    assert any(href.rstrip("/").endswith("teacup-5") or href == "/teacup-5/" for href in hrefs)
    assert any("/id/" in href for href in hrefs), "a way into the Indonesian edition"
    # A search form per edition that works without a script.
    forms = [f.get("action", "") for f in elements(html, "form") if f.get("method") == "get"]
    assert len(forms) == 2 and any(action.endswith("/id/") for action in forms), forms


def test_links_that_open_a_new_tab_carry_noopener(pages):
    for name, html in pages.items():
        for link in elements(html, "a"):
            if link.get("target") == "_blank":
                assert "noopener" in link.get("rel", "").split(), (name, link.get("href"))


def test_every_page_carries_one_stylesheet_that_ends_with_ours(site, pages):
    """overrides/hooks/post_build.py joins Material's stylesheets and ours
    into each page's head (test_browser.py sees the policy allow it)."""
    texts = {site_stylesheet(html) for html in pages.values()}
    assert len(texts) == 1, "every page carries the same stylesheet"
    (text,) = texts
    assert not [name for name, html in pages.items() if head_links(html, "stylesheet")]
    assert not list(site.rglob("*.css"))
    # Ours comes last, as written but for its comments.
    ours = (ROOT / "docs/assets/stylesheets/extra.css").read_text(encoding="utf-8")
    assert "/*" not in text
    assert text.endswith(re.sub(r"/\*.*?\*/\n?", "", ours, flags=re.S).strip() + "\n")


def test_every_page_names_its_icon(pages):
    """Without an icon link a browser asks for /favicon.ico, a 404 on a
    project site (a console error in Lighthouse)."""
    icons = {name: head_links(html, "icon") for name, html in pages.items()}
    assert all(
        len(hrefs) == 1 and hrefs[0].startswith("data:image/svg+xml;base64,")
        for hrefs in icons.values()
    ), {name: hrefs for name, hrefs in icons.items() if len(hrefs) != 1}
