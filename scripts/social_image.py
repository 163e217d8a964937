"""Draw the site's pictures in its own colours: each edition's social card,
the favicon and the home-screen icon.

Run it after editing a template or the palette:
`.venv/bin/python scripts/social_image.py`. It reads the palette from
docs/assets/stylesheets/extra.css (the primary colour, its dark shade and
the accent) and fills it into the SVG templates beside this script:

- social-card.svg, social-card.id.svg: docs/assets/images/social.png and
  social.id.png (1200x630), each edition's Open Graph image
  (mkdocs-static-i18n serves social.id.png as id/assets/images/social.png);
- favicon.svg: docs/assets/images/favicon.svg (inlined into every page by
  overrides/hooks/head.py) and, square, apple-touch-icon.png (180x180).

It uses Debian's Chromium through Playwright, so nothing is downloaded; the
files it writes are committed, and tests/test_metadata.py checks their size
and colours against extra.css.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "scripts"
IMAGES = ROOT / "docs" / "assets" / "images"
STYLESHEET = ROOT / "docs" / "assets" / "stylesheets" / "extra.css"
# (template, target, width, height, extra placeholders)
PICTURES = [
    ("social-card.svg", "social.png", 1200, 630, {}),
    ("social-card.id.svg", "social.id.png", 1200, 630, {}),
    # iOS rounds the corners of a home-screen icon itself: the square is full.
    ("favicon.svg", "apple-touch-icon.png", 180, 180, {"radius": "0"}),
]
FAVICON = ("favicon.svg", "favicon.svg", {"radius": "6"})
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def palette(css: str) -> dict[str, str]:
    """The light scheme's primary colour, its dark shade and the accent, from extra.css."""

    def value(selector: str, name: str) -> str:
        block = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
        found = block and re.search(rf"{re.escape(name)}:\s*(#[0-9a-fA-F]{{6}})\s*;", block[1])
        if not found:
            raise SystemExit(f"{STYLESHEET.name}: no {name} in {selector}")
        return found[1].lower()

    return {
        "primary": value('[data-md-color-primary="custom"]', "--md-primary-fg-color"),
        "primary_dark": value('[data-md-color-primary="custom"]', "--md-primary-fg-color--dark"),
        "accent": value('[data-md-color-accent="custom"]', "--md-accent-fg-color"),
    }


def fill(template: str, values: dict[str, str]) -> str:
    """The template with each {name} replaced by its value."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    if re.search(r"\{[a-z_]+\}", template):
        raise SystemExit(f"unfilled placeholder in {template[:60]}...")
    return template


def sized(svg: str, width: int, height: int) -> str:
    """The SVG with its root element's width and height set."""
    root = re.search(r"<svg\b[^>]*>", svg)[0]
    bare = re.sub(r'\s(?:width|height)="[^"]*"', "", root)
    return svg.replace(root, bare.replace("<svg", f'<svg width="{width}" height="{height}"', 1), 1)


def main() -> None:
    colours = palette(STYLESHEET.read_text(encoding="utf-8"))
    source, target, extra = FAVICON
    svg = fill((HERE / source).read_text(encoding="utf-8"), {**colours, **extra})
    (IMAGES / target).write_text(svg, encoding="utf-8")
    print(f"wrote {(IMAGES / target).relative_to(ROOT)} ({len(svg)} bytes)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=ARGS
        )
        for source, target, width, height, extra in PICTURES:
            svg = fill((HERE / source).read_text(encoding="utf-8"), {**colours, **extra})
            # Drawn at the picture's size, whatever the template's viewBox.
            svg = sized(svg, width, height)
            page = browser.new_page(viewport={"width": width, "height": height})
            page.set_content(f"<body style='margin:0'>{svg}</body>")
            path = IMAGES / target
            page.screenshot(path=str(path), clip={"x": 0, "y": 0, "width": width, "height": height})
            page.close()
            print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
        browser.close()


if __name__ == "__main__":
    main()
