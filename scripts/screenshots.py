"""Screenshots of the built site for looking at what readers see.

Builds the site (strictly) into a temporary folder, serves it, and saves
full-page PNGs of the chosen pages in both languages, on a phone (390x844)
and a desktop (1366x900), in the light and the dark palette, under
build/shots/<label>/. Debian's Chromium, driven by Playwright.

Run with `./run shots [--label before] [--pages 'talk/*'] [--fold]`.
`--fold` saves only the first screen instead of the whole page.
"""

from __future__ import annotations

import argparse
import fnmatch
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the tests' browser settings)

VIEWPORTS = {"phone": (390, 844), "desktop": (1366, 900)}
SCHEMES = ("light", "dark")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="now")
    parser.add_argument("--pages", default="*", help="glob of page paths, e.g. 'talk/*'")
    parser.add_argument("--fold", action="store_true", help="first screen only")
    args = parser.parse_args()

    www = Path(tempfile.mkdtemp(prefix="shots-"))
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(www))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site_url = f"http://127.0.0.1:{server.server_address[1]}/"
    subprocess.run(
        [str(Path(sys.executable).with_name("mkdocs")), "build", "--strict", "-d", str(www)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url},
        check=True,
        capture_output=True,
    )
    pages = sorted(
        str(p.parent.relative_to(www)) + "/"
        for p in www.rglob("index.html")
        if not str(p.parent.relative_to(www)).startswith("id")
    )
    pages = [p.removeprefix("./") for p in pages]
    pages = [p for p in pages if fnmatch.fnmatch(p or "home", args.pages)]
    out = ROOT / "build" / "shots" / args.label
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for (form, (width, height)), scheme in ((v, s) for v in VIEWPORTS.items() for s in SCHEMES):
            context = browser.new_context(
                viewport={"width": width, "height": height}, color_scheme=scheme
            )
            tab = context.new_page()
            for page in pages:
                for prefix in ("", "id/"):
                    tab.goto(site_url + prefix + page)
                    tab.wait_for_load_state("networkidle")
                    name = (prefix.replace("/", "-") + (page.strip("/") or "home")).replace(
                        "/", "-"
                    )
                    tab.screenshot(
                        path=out / f"{name}.{form}.{scheme}.png", full_page=not args.fold
                    )
            context.close()
        browser.close()
    server.shutdown()
    print(f"Saved {len(list(out.glob('*.png')))} screenshots in {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
