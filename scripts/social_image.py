"""Draw the site's social card (1200x630 PNG) from scripts/social-card.svg.

Run it after editing the SVG: `.venv/bin/python scripts/social_image.py`.
It uses Debian's Chromium through Playwright, so nothing is downloaded; the
PNG is committed and served as the Open Graph image of every page.
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "scripts" / "social-card.svg"
TARGET = ROOT / "docs" / "assets" / "images" / "social.png"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=ARGS
        )
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(f"<body style='margin:0'>{SOURCE.read_text(encoding='utf-8')}</body>")
        page.screenshot(path=str(TARGET), clip={"x": 0, "y": 0, "width": 1200, "height": 630})
        browser.close()
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
