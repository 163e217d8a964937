"""Benchmarks that print numbers (never run as tests: timings are noisy).

1. Lighthouse 12.2.3 on every page, mobile and desktop, median of three
   runs, against the built site served with gzip as GitHub Pages serves it.
2. The time of `mkdocs build --strict` for this bilingual site against a
   one-page default Material site made on the fly, alternating the two.
3. With --ab, instead of both: this site against "stock", the same checkout
   built with none of our customisations (hooks, custom_dir, extra_css,
   extra_javascript, validation and the offline plugin removed from
   mkdocs.yml), in interleaved rounds of Lighthouse's mobile performance,
   with per-page medians, ratios and the pages that miss the targets. With
   --against REF the other side is that commit of this site (to judge one
   change). Absolute scores on a shared machine are noise; the ratio of two
   sites measured side by side in one run is the figure. Each round also
   measures, in Chromium with the CPU slowed 4x as Lighthouse's mobile
   preset does, the long tasks of the load and those after the reader's
   first pointer movement (work that a site defers to the first
   interaction shows there, not in Lighthouse's load).

4. With --moments, instead of all: the moments where a phone reader feels
   speed (a load, a touch scroll and a tap, a first search with a cold and
   a warm cache, a tap on a link, the copy buttons), each measured in
   Chromium at 4x CPU on a slow 4G network, as interleaved rounds over
   several sides: this site, stock and, with --against REF (repeatable),
   commits of this site. The method is in scripts/moments.py's docstring.

Run with `./run bench` (it installs Lighthouse with npm on first use).
Options: --runs N, --pages GLOB[,GLOB] ('/' is the home page, 'id/*' the
Indonesian edition), --skip-lighthouse, --skip-build-time;
--ab [--rounds N] [--against GIT_REF] [--save DIR for the JSON reports];
--moments [--rounds N] [--against GIT_REF]... [--save DIR for every run as
JSON lines]; --report FILE.jsonl prints the tables of such a file again.
Examples: ./run bench --ab --rounds 5 --pages 'id/*'
          ./run bench --moments --rounds 3 --against HEAD~1 --save build/moments
"""

from __future__ import annotations

import argparse
import datetime
import fnmatch
import functools
import gzip
import html.parser
import http.server
import importlib.metadata
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
import urllib.parse
from pathlib import Path

import moments
import yaml
from playwright.sync_api import Browser, Playwright, sync_playwright

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
    """A strict build; its log is shown only if it fails (not `--quiet`,
    which would hide the warnings that `--strict` must count)."""
    start = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"mkdocs build failed in {project}:\n{done.stderr}")
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


def lighthouse_report(url: str, categories: list[str], *options: str) -> str:
    """One Lighthouse run in Debian's Chromium; its JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(categories)}",
        *options,
    ]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}
    return subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout


def lighthouse(url: str, desktop: bool) -> dict:
    report = json.loads(
        lighthouse_report(url, list(CATEGORIES), *(["--preset=desktop"] if desktop else []))
    )
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
    pages = site_pages(www / "teacup-5", pattern)
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


def site_pages(site: Path, patterns: str) -> list[str]:
    """Page paths ('' is the home page) that match one of the comma-separated
    globs, each tried with and without a leading slash ('/' is the home page)."""
    found = sorted(
        "" if path.parent == site else f"{path.parent.relative_to(site)}/"
        for path in site.rglob("index.html")
    )
    globs = [glob.strip() for glob in patterns.split(",")]
    return [
        page
        for page in found
        if any(fnmatch.fnmatch(page, g) or fnmatch.fnmatch(f"/{page}", g) for g in globs)
    ]


def stock_config(site_url: str) -> str:
    """mkdocs.yml as a reader who customised nothing would have it: the same
    docs, plugins and extensions, without our hooks, overrides, stylesheet,
    script, validation settings, offline edition and the inputs `mkdocs serve`
    watches for them."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda load, node: load.construct_sequence(node)[-1])
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    for key in ("hooks", "extra_css", "extra_javascript", "validation", "watch"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config["plugins"] = [
        plugin
        for plugin in config["plugins"]
        if not (isinstance(plugin, dict) and "offline" in plugin) and plugin != "offline"
    ]
    config["site_url"] = site_url
    config["docs_dir"] = str(ROOT / "docs")
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def build_stock(scratch: Path, site: Path, site_url: str) -> None:
    """Build stock from the checkout (not strict: unconverted citations and
    the like are what a reader without our hooks would get)."""
    config = scratch / "stock.yml"
    config.write_text(stock_config(site_url), encoding="utf-8")
    subprocess.run(
        [str(BIN / "mkdocs"), "build", "--quiet", "-f", str(config), "--site-dir", str(site)],
        cwd=ROOT,  # snippets' base_path is relative to the working directory
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
        stderr=subprocess.DEVNULL,
    )


METRICS = {  # name: (Lighthouse audit, scale, format)
    "perf": ("", 100, "{:.0f}"),
    "FCP": ("first-contentful-paint", 1, "{:.0f}"),
    "LCP": ("largest-contentful-paint", 1, "{:.0f}"),
    "TBT": ("total-blocking-time", 1, "{:.0f}"),
    # All main-thread work of the load, before and after the first paint:
    # TBT counts only what follows it, so a site that paints earlier shows
    # Material's start-up tasks in TBT that a later-painting site hides.
    "main": ("mainthread-work-breakdown", 1, "{:.0f}"),
    "KB": ("total-byte-weight", 1 / 1000, "{:.1f}"),
}


def mobile_performance(url: str, save: Path | None) -> dict[str, float]:
    """One Lighthouse run: mobile preset, performance only."""
    text = lighthouse_report(url, ["performance"])
    if save is not None:
        save.write_text(text, encoding="utf-8")
    report = json.loads(text)
    values = {}
    for name, (audit, scale, _) in METRICS.items():
        value = (
            report["audits"][audit]["numericValue"]
            if audit
            else report["categories"]["performance"]["score"]
        )
        values[name] = value * scale
    return values


def build_ref(scratch: Path, ref: str, site: Path, site_url: str) -> None:
    """Build a commit of this site, from a clean export of it."""
    project = Path(tempfile.mkdtemp(prefix="ref-", dir=scratch))
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(project)], input=archive.stdout, check=True)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    mkdocs_build(project, site, SITE_URL=site_url)


# Long tasks (start, duration) and when the pointer first moved; the last
# DOMContentLoaded is when Material's script has set the page up (its own
# listener, on the document, runs before this one on the window).
LONG_TASKS = """
window.__long = [];
new PerformanceObserver(list => {
  for (const task of list.getEntries()) __long.push([task.startTime, task.duration]);
}).observe({ type: "longtask", buffered: true });
addEventListener("pointermove", () => { window.__moved ??= performance.now(); }, true);
addEventListener("DOMContentLoaded", () => { window.__ready = performance.now(); });
"""


def interaction_cost(browser: Browser, url: str) -> dict[str, float]:
    """Blocking time (the part of each long task over 50 ms) at load and after
    the first pointer movement, CPU slowed 4x, on a phone-sized page; and the
    time from that movement until Material's script has set the page up."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    page.add_init_script(LONG_TASKS)
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1000)
    page.mouse.move(200, 400)
    page.wait_for_function("() => 'document$' in window")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    tasks, moved, ready = page.evaluate("[__long, __moved, __ready]")
    context.close()

    def blocking(after: bool) -> float:
        return sum(max(0, length - 50) for start, length in tasks if (start >= moved) == after)

    return {"load": blocking(False), "moved": blocking(True), "ready": max(0, ready - moved)}


def build_sides(scratch: Path, sides: list[str]) -> tuple[list, dict[str, str], dict[str, Path]]:
    """Build and serve each side: "ours" (this checkout), "stock" (the same
    docs with stock Material) or a git ref. Its servers, URLs and sites."""
    servers, urls, sites = [], {}, {}
    for number, side in enumerate(sides):
        server, origin = serve(scratch / f"side{number}")
        servers.append(server)
        urls[side] = f"{origin}/teacup-5/"
        sites[side] = scratch / f"side{number}" / "teacup-5"
        if side == "ours":
            mkdocs_build(ROOT, sites[side], SITE_URL=urls[side])
        elif side == "stock":
            build_stock(scratch, sites[side], urls[side])
        else:
            build_ref(scratch, side, sites[side], urls[side])
        precompress(sites[side].parent)
    return servers, urls, sites


def common_pages(sites: dict[str, Path], pattern: str) -> list[str]:
    """Pages every side has (a commit may have other pages than this checkout)."""
    return sorted(set.intersection(*(set(site_pages(site, pattern)) for site in sites.values())))


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(
        executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROME_FLAGS.split()
    )


def run_ab(rounds: int, pattern: str, against: str | None, save: Path | None) -> None:
    """Interleaved Lighthouse rounds of this site against stock (or a commit)."""
    install_lighthouse()
    scratch = Path(tempfile.mkdtemp(prefix="bench-ab-"))
    other = "stock" if against is None else against
    servers, built, sites = build_sides(scratch, ["ours", other])
    urls = {"ours": built["ours"], "base": built[other]}
    pages = common_pages(sites, pattern)
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
    print(
        f"Lighthouse 12.2.3 mobile performance: this site against {other}, "
        f"{rounds} interleaved rounds over {len(pages)} pages, gzip as GitHub Pages serves it",
        flush=True,
    )
    runs: dict[tuple[str, str], list[dict[str, float]]] = {}
    costs: dict[tuple[str, str], list[dict[str, float]]] = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for number in range(rounds):
            # Alternate which site goes first, so neither always follows the other.
            order = ("ours", "base") if number % 2 == 0 else ("base", "ours")
            for page in pages:
                for side in order:
                    report = None
                    if save is not None:
                        report = save / f"{side}-{page.replace('/', '_') or 'home'}-{number}.json"
                    url = urls[side] + page
                    runs.setdefault((side, page), []).append(mobile_performance(url, report))
                    costs.setdefault((side, page), []).append(interaction_cost(browser, url))
            print(f"  round {number + 1} of {rounds} done", flush=True)
        browser.close()
    for server in servers:
        server.shutdown()
    shutil.rmtree(scratch)
    print_ab(pages, runs, rounds, other)
    print_costs(pages, costs, rounds, other)


def commit(side: str) -> str:
    """What a side was built from."""

    def git(*command: str) -> str:
        done = subprocess.run(
            ["git", "--no-optional-locks", *command], cwd=ROOT, capture_output=True, text=True
        )
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD")
    dirty = (
        " with uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else ""
    )
    if side == "ours":
        return f"this checkout, {head}{dirty}"
    if side == "stock":
        version = importlib.metadata.version("mkdocs-material")
        return f"the docs of this checkout ({head}{dirty}) with stock Material {version}"
    return git("rev-parse", "--short", f"{side}^{{commit}}")


def footer_links(site: Path, url: str) -> dict[str, tuple[str | None, str | None]]:
    """Every page of a site served at url: the pages its footer's previous
    and next links open (None for none, or for a link out of the site)."""

    class Footer(html.parser.HTMLParser):
        def handle_starttag(self, tag: str, attrs: list) -> None:
            attributes = dict(attrs)
            classes = (attributes.get("class") or "").split()
            for kind in ("prev", "next"):
                if tag == "a" and f"md-footer__link--{kind}" in classes:
                    self.found[kind] = attributes.get("href")

    links = {}
    for page in site_pages(site, "*"):
        footer = Footer()
        footer.found = {}
        footer.feed((site / page / "index.html").read_text(encoding="utf-8"))
        ends = []
        for kind in ("prev", "next"):
            href = footer.found.get(kind)
            to = href and urllib.parse.urljoin(url + page, href)
            ends.append(to[len(url) :] if to and to.startswith(url) else None)
        links[page] = (ends[0], ends[1])
    return links


def run_moments(rounds: int, pattern: str, against: list[str], save: Path | None) -> None:
    """Interleaved runs of moments' scenarios on every side (see moments.py)."""
    sides = ["ours", "stock", *dict.fromkeys(against)]
    commits = {side: commit(side) for side in sides}  # before the working tree can change
    scratch = Path(tempfile.mkdtemp(prefix="bench-moments-"))
    servers, urls, sites = build_sides(scratch, sides)
    pages = common_pages(sites, pattern)
    plans = {}
    for side in sides:
        runs = moments.plan(footer_links(sites[side], urls[side]), pages)
        plans[side] = {(run["run"], run["page"]): run for run in runs}
    now = datetime.datetime.now(datetime.UTC)
    meta = {
        "rounds": rounds,
        "pages": pages,
        "sides": sides,
        "commits": commits,
        "started": now.strftime("%Y-%m-%d %H:%M UTC"),
        "chromium": "",
    }
    out = None
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        out = (save / f"moments-{now:%Y%m%d-%H%M%S}.jsonl").open("w")
    records: list[dict] = []
    spent = {(side, page): 0.0 for side in sides for page in pages}
    kinds: dict[str, list[float]] = {}  # each run's wall time, by kind
    began = time.monotonic()
    with sync_playwright() as playwright:
        browser = launch(playwright)
        meta["chromium"] = browser.version
        print_meta(meta)
        if out is not None:
            print(json.dumps(meta), file=out, flush=True)
        for number in range(rounds):
            # Rotate the order of the sides, so none always follows another.
            order = sides[number % len(sides) :] + sides[: number % len(sides)]
            for page in pages:
                for kind in moments.RUNS:
                    for side in order:
                        run = plans[side].get((kind, page))
                        if run is None:
                            continue
                        if not browser.is_connected():
                            browser = launch(playwright)
                        start = time.monotonic()
                        for record in measured(browser, urls[side], side, run):
                            record["round"] = number
                            records.append(record)
                            if out is not None:
                                print(json.dumps(record), file=out, flush=True)
                        took = time.monotonic() - start
                        spent[(side, page)] += took
                        label = run["run"] + (" with search-warm" if run.get("warm") else "")
                        kinds.setdefault(label, []).append(took)
            print(f"  round {number + 1} of {rounds} done", flush=True)
        browser.close()
    if out is not None:
        out.close()
        print(f"Saved every run in {out.name}")
    for server in servers:
        server.shutdown()
    shutil.rmtree(scratch)
    moments.report(records, sides, pages)
    print_spent(spent, kinds, sides, pages, rounds, time.monotonic() - began)


def measured(browser: Browser, url: str, side: str, run: dict) -> list[dict]:
    """A run's records, one per figure it is for; those it had not got when
    it failed have figures None and why, in a line of warning."""
    done: dict[tuple[str, str], dict] = {}
    error = None
    try:
        moments.measure(browser, url, run, done)
    except Exception as failure:
        lines = str(failure).strip().splitlines()
        error = f"{type(failure).__name__}: {lines[0] if lines else ''}"
    label = f"{run['run']} /{run.get('from') or run['page']}"
    records = []
    for page, scenario in moments.expected(run):
        record = {"side": side, "page": page, "scenario": scenario, "run": label}
        if (page, scenario) in done:
            record["figures"] = done[(page, scenario)]
        else:
            record |= {"figures": None, "error": error or "not measured"}
        records.append(record)
    if error is not None:
        print(f"  warning: {side}, run {label}: {error}", flush=True)
    return records


def print_spent(
    spent: dict, kinds: dict, sides: list[str], pages: list[str], rounds: int, wall: float
) -> None:
    """The wall time of the runs of each page and side (A, B and any W), per
    round, and of each kind of run."""
    print(f"\nWall time per round, s (runs A, B and any W of the page), {'/'.join(sides)}:")
    width = max(len(page) for page in pages) + 1
    for page in pages:
        cells = "/".join(f"{spent[(side, page)] / rounds:.1f}" for side in sides)
        print(f"  {'/' + page:{width}}  {cells}")
    mean = sum(spent.values()) / rounds / len(spent)
    print(f"  mean per page and side {mean:.1f} s; all the runs {wall / 60:.1f} min")
    runs = [f"{kind} {statistics.mean(t):.1f} s ({len(t)})" for kind, t in sorted(kinds.items())]
    print(f"  mean per run: {', '.join(runs)}")


def print_meta(meta: dict) -> None:
    print(
        f"Moments of a phone reader: rounds {meta['rounds']} (interleaved), "
        f"pages {len(meta['pages'])}, sides {len(meta['sides'])}, started {meta['started']};\n  "
        f"Chromium {meta['chromium']}, CPU 4x slower, 150 ms, 1.6 Mbit/s down, 750 kbit/s up"
    )
    for side, built in meta["commits"].items():
        print(f"  {side}: {built}")


def print_saved(path: Path) -> None:
    """Print the tables of a file that --moments --save wrote."""
    meta, *records = (json.loads(line) for line in path.read_text().splitlines() if line.strip())
    print_meta(meta)
    moments.report(records, meta["sides"], meta["pages"])


def print_ab(pages: list[str], runs: dict, rounds: int, other: str) -> None:
    """Per-page medians (ours/other), ratios, and the pages that miss a target."""
    print(f"\nMedians of {rounds} rounds, ours/{other}; x = ours / {other}; TBT +: ours - {other}")
    header = (
        f"{'page':26} {'perf':>7} {'FCP ms':>11} {'LCP ms':>11} {'LCP x':>6} "
        f"{'TBT ms':>9} {'TBT +':>6} {'main ms':>11} {'main x':>6} {'KB':>11} {'KB x':>5}"
    )
    print(header)
    print("-" * len(header))
    misses: list[str] = []
    ratios: dict[str, list[float]] = {"FCP": [], "LCP": [], "main": [], "KB": []}
    for page in pages:
        ours = {k: statistics.median(r[k] for r in runs["ours", page]) for k in METRICS}
        base = {k: statistics.median(r[k] for r in runs["base", page]) for k in METRICS}
        for key in ratios:
            ratios[key].append(ours[key] / base[key])
        pair = {
            k: "/".join(fmt.format(v[k]) for v in (ours, base)) for k, (*_, fmt) in METRICS.items()
        }
        extra_tbt = ours["TBT"] - base["TBT"]
        print(
            f"{'/' + page:26} {pair['perf']:>7} {pair['FCP']:>11} {pair['LCP']:>11} "
            f"{ours['LCP'] / base['LCP']:>6.2f} {pair['TBT']:>9} {extra_tbt:>+6.0f} "
            f"{pair['main']:>11} {ours['main'] / base['main']:>6.2f} "
            f"{pair['KB']:>11} {ours['KB'] / base['KB']:>5.2f}"
        )
        missed = [
            name
            for name, ok in (
                (f"TBT > {other} + 10 ms", extra_tbt <= 10),
                (f"LCP > 0.9x {other}", ours["LCP"] <= 0.9 * base["LCP"]),
                (f"perf < {other}", ours["perf"] >= base["perf"]),
            )
            if not ok
        ]
        if missed:
            misses.append(f"  /{page}: {'; '.join(missed)}")
    print(
        "\nRatios over pages: "
        + ", ".join(f"{k} {min(v):.2f}x to {max(v):.2f}x" for k, v in ratios.items())
    )
    print(
        f"Targets (TBT at most {other} + 10 ms, LCP at most 0.9x {other}, perf at least {other}):"
    )
    print("\n".join(misses) if misses else "  every page meets them")


def print_costs(pages: list[str], costs: dict, rounds: int, other: str) -> None:
    """Per-page medians of interaction_cost, ours/other."""
    print(
        f"\nBlocking time in Chromium, CPU slowed 4x (medians of {rounds} rounds, "
        f"ours/{other}, ms): at load; after the first pointer movement; and from "
        "that movement until Material's script has set the page up (ours)"
    )
    header = f"{'page':26} {'load':>11} {'moved':>11} {'total':>11} {'ready':>6}"
    print(header)
    print("-" * len(header))
    for page in pages:
        ours, base = (
            {k: statistics.median(c[k] for c in costs[side, page]) for k in ("load", "moved")}
            for side in ("ours", "base")
        )
        total = [
            statistics.median(c["load"] + c["moved"] for c in costs[side, page])
            for side in ("ours", "base")
        ]
        ready = statistics.median(c["ready"] for c in costs["ours", page])
        print(
            f"{'/' + page:26} {ours['load']:>5.0f}/{base['load']:<5.0f} "
            f"{ours['moved']:>5.0f}/{base['moved']:<5.0f} {total[0]:>5.0f}/{total[1]:<5.0f} "
            f"{ready:>6.0f}"
        )


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
    parser.add_argument(
        "--pages", default="*", help="comma-separated globs of page paths, e.g. 'id/*' or '/,/id/'"
    )
    parser.add_argument("--rounds", type=int, default=5, help="build-time, A/B or moments rounds")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-build-time", action="store_true")
    parser.add_argument("--ab", action="store_true", help="only the A/B comparison with stock")
    parser.add_argument(
        "--moments", action="store_true", help="only the moments of a phone reader (moments.py)"
    )
    parser.add_argument(
        "--against",
        metavar="GIT_REF",
        action="append",
        default=[],
        help="with --ab: compare with this commit, not stock; with --moments: one more side "
        "(may be repeated)",
    )
    parser.add_argument(
        "--save",
        type=Path,
        metavar="DIR",
        help="with --ab: keep every Lighthouse report here; with --moments: "
        "every run, as JSON lines",
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE.jsonl",
        help="print the tables of a --moments --save file",
    )
    args = parser.parse_args()
    if args.report:
        print_saved(args.report)
        return
    if args.moments:
        if {"ours", "stock"} & set(args.against):
            parser.error("'ours' and 'stock' name sides already: give the commit another way")
        run_moments(args.rounds, args.pages, args.against, args.save)
        return
    if args.ab:
        if len(args.against) > 1:
            parser.error("--ab compares with one side: give --against once")
        run_ab(args.rounds, args.pages, (args.against or [None])[0], args.save)
        return
    if not args.skip_lighthouse:
        run_lighthouse(args.runs, args.pages)
    if not args.skip_build_time:
        run_build_time(args.rounds)


if __name__ == "__main__":
    main()
