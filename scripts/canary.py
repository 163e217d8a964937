"""Build the site with MkDocs and with ProperDocs and compare the two, file by file.

ProperDocs, a maintained fork of MkDocs 1.x, is the site's exit path if MkDocs
stops working (README, Maintenance). This canary shows a break before that
path is needed: both builds use the same commit, site URL and theme and
plugin pins, and the HTML pages may differ only in the generator tag, which
names the generator. Exits 1 on any other difference.

Run by `./run canary` (which installs requirements-canary.txt into
.venv-canary) and by CI.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')


def build(command: str, site: Path) -> None:
    subprocess.run(
        [str(BIN / command), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )


def differences(one: Path, two: Path) -> list[str]:
    """Every file that differs between two sites, apart from the generator tag."""
    paths = [path.relative_to(site) for site in (one, two) for path in site.rglob("*")]
    names = sorted({name for name in paths if (one / name).is_file() or (two / name).is_file()})
    found = []
    for name in names:
        if not (one / name).is_file() or not (two / name).is_file():
            found.append(f"{name}: built by only one of them")
            continue
        a, b = (one / name).read_bytes(), (two / name).read_bytes()
        if name.suffix == ".html":
            a, b = (GENERATOR.sub("", html.decode()).encode() for html in (a, b))
        if a != b:
            diff = difflib.unified_diff(
                a.decode(errors="replace").splitlines(),
                b.decode(errors="replace").splitlines(),
                lineterm="",
                n=0,
            )
            found.append(f"{name}:\n" + "\n".join(list(diff)[2:12]))
    return found


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        mkdocs, properdocs = Path(tmp, "mkdocs"), Path(tmp, "properdocs")
        build("mkdocs", mkdocs)
        build("properdocs", properdocs)
        index = (properdocs / "index.html").read_text(encoding="utf-8")
        if "ProperDocs" not in GENERATOR.search(index).group(1):
            print("canary: the second build's generator tag does not name ProperDocs")
            return 1
        found = differences(mkdocs, properdocs)
        files = [path for path in mkdocs.rglob("*") if path.is_file()]
        pages = [path for path in files if path.suffix == ".html"]
        print(
            f"canary: {len(files)} files compared, {len(pages)} of them HTML pages; "
            f"{len(found)} differ apart from the generator tag"
        )
        for difference in found:
            print(difference)
        return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
