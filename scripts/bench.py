"""Benchmarks that print numbers (never run as tests: timings are noisy).

1. Lighthouse 12.2.3 on every page, mobile and desktop, median of three
   runs, against the built site served with gzip as GitHub Pages serves it.
2. The time of `mkdocs build --strict` for this bilingual site against a
   one-page default Material site made on the fly, alternating the two.

Run with `./run bench` (it installs Lighthouse with npm on first use).
Options: --runs N, --pages GLOB, --skip-lighthouse, --skip-build-time.
"""

from __future__ import annotations

import argparse
import fnmatch
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LIGHTHOUSE_DIR = ROOT / "build" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


@functools.cache
def gzipped(path: Path, mtime_ns: int) -> bytes:
    """A file compressed once and kept, as a host keeps it."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when asked, with Pages' 10-minute caching."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the trailing slash
            path = path / "index.html"
        gz = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not gz or path.suffix not in COMPRESSIBLE:
            return super().send_head()
        body = gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):
        pass


def precompress(folder: Path) -> None:
    """Compress the site up front: the server must not take CPU from the
    browser while Lighthouse times it (this machine has two cores)."""
    for path in folder.rglob("*"):
        if path.suffix in COMPRESSIBLE and path.is_file():
            gzipped(path, path.stat().st_mtime_ns)


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def mkdocs_build(project: Path, site: Path, **env: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        check=True,
    )
    return time.perf_counter() - start


def install_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            "-E",
            "--prefix",
            str(LIGHTHOUSE_DIR),
            "lighthouse@12.2.3",
        ],
        check=True,
    )


def lighthouse(url: str, desktop: bool) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if desktop:
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    report = json.loads(result.stdout)
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["lcp"] = report["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    failed = [
        audit_id
        for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") == "binary"
    ]
    scores["failed"] = failed
    return scores


def run_lighthouse(runs: int, pattern: str) -> None:
    install_lighthouse()
    www = Path(tempfile.mkdtemp(prefix="bench-"))
    server, origin = serve(www)
    site_url = f"{origin}/teacup-5/"
    mkdocs_build(ROOT, www / "teacup-5", SITE_URL=site_url)
    precompress(www)
    pages = sorted(
        str(p.relative_to(www / "teacup-5").parent) + "/"
        for p in (www / "teacup-5").rglob("index.html")
    )
    pages = [("" if p == "./" else p) for p in pages if fnmatch.fnmatch(p, pattern)]
    print(f"Lighthouse 12.2.3, median of {runs} runs, gzip as GitHub Pages serves it")
    header = f"{'page':32} {'form':7} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'LCP s':>6}"
    print(header)
    print("-" * len(header))
    worst: dict[str, list[float]] = {}
    for page in pages:
        for form, desktop in (("mobile", False), ("desktop", True)):
            results = [lighthouse(site_url + page, desktop) for _ in range(runs)]
            median = {k: statistics.median(r[k] for r in results) for k in (*CATEGORIES, "lcp")}
            for key, value in median.items():
                worst.setdefault(f"{form} {key}", []).append(value)
            failed = sorted({a for r in results for a in r["failed"]})
            print(
                f"{page or '(home)':32} {form:7} {median['performance']:>4.0f} "
                f"{median['accessibility']:>4.0f} {median['best-practices']:>4.0f} "
                f"{median['seo']:>4.0f} {median['lcp']:>6.2f}"
                + (f"  failed: {', '.join(failed)}" if failed else ""),
                flush=True,
            )
    print("\nWorst page per measure:")
    for key, values in worst.items():
        print(f"  {key:24} {max(values) if key.endswith('lcp') else min(values):.2f}")
    server.shutdown()
    shutil.rmtree(www)


def run_build_time(rounds: int) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="bench-build-"))
    baseline = scratch / "baseline"
    (baseline / "docs").mkdir(parents=True)
    (baseline / "mkdocs.yml").write_text("site_name: Baseline\ntheme:\n  name: material\n")
    (baseline / "docs" / "index.md").write_text("# Baseline\n\nOne page.\n")
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(mkdocs_build(ROOT, scratch / "ours"))
        theirs.append(mkdocs_build(baseline, scratch / "theirs"))
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    print(f"\nmkdocs build --strict, {rounds} alternating rounds")
    print(f"  this site (both languages): median {statistics.median(ours):.2f} s")
    print(f"  one-page default Material:  median {statistics.median(theirs):.2f} s")
    print(f"  ratio: median {statistics.median(ratios):.2f}x (target: at most 3x)")
    shutil.rmtree(scratch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", default="*", help="glob of page paths, e.g. 'id/*'")
    parser.add_argument("--rounds", type=int, default=5, help="build-time rounds")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-build-time", action="store_true")
    args = parser.parse_args()
    if not args.skip_lighthouse:
        run_lighthouse(args.runs, args.pages)
    if not args.skip_build_time:
        run_build_time(args.rounds)


if __name__ == "__main__":
    main()
