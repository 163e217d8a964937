"""The moments where a phone reader feels speed, for `bench.py --moments`.

bench.py builds the sides ("ours", this checkout; "stock", the same docs
with stock Material; and any git ref given with --against), serves each as
GitHub Pages does (gzip, Cache-Control max-age=600), and runs the rounds:
for each round, for each page (every page all sides have, or those --pages
picks), for each kind of run (A, B, then W where a page needs one), every
side once, the order of the sides turned by one place each round. Here is
`plan`, the runs of a round, `measure`, one run, and `report`. A run yields
the figures of several scenarios, each saved and printed under its own
name as when every scenario had a run of its own; a saved record also
names its run ("A /glossary/": the kind and the page opened first).

Every run:

- Debian's Chromium driven by Playwright, in a fresh browser context (an
  empty cache): a 412x823 viewport, is_mobile, has_touch, device scale
  factor 1.75. Through a CDP session on the page,
  `Emulation.setCPUThrottlingRate` 4, then `Network.enable` and
  `Network.emulateNetworkConditions`: latency 150 ms, 1.6 Mbit/s down
  (200,000 bytes/s), 750 kbit/s up (93,750 bytes/s), online. Both belong to
  the page's target and stay for every document it opens.
- An init script (Playwright's add_init_script: it runs in every document
  of the page, before the page's own scripts) records, with buffered
  PerformanceObservers, 'paint' (first contentful paint), the last
  'largest-contentful-paint', every 'longtask', and the Event Timing API's
  'event' entries (durationThreshold 16) and 'first-input' (reported
  whatever its duration). The latency of an interaction is the largest
  `duration` of the entries that share its interactionId (Chromium rounds
  durations to 8 ms); a scenario's figure is its worst interaction from its
  first tap on (taken before the next scenario's first tap), missing if the
  tap was not received. A received tap with no entry (one under 16 ms that
  is not its document's first input: only the link's tap can be that)
  counts as 8 ms. Blocking is the sum, over long tasks, of their part over
  50 ms. Capturing listeners note the first pointerdown or touchstart (a
  tap's time; cleared before each tap) and the first scroll event. Before
  figures are read, the observers' pending records are taken
  (takeRecords), so a long task that started before that moment is
  counted; a document being left does the same and puts its records in
  sessionStorage, for the tap that left it. A MutationObserver runs only
  in the documents where a figure needs one: the Cite pages in run A (the
  copy buttons, until the first input) and the page searched (the first
  result).
- Times are the page's performance.now(): ms from the start of its
  navigation. Every wait has a timeout; a run that fails is recorded as
  missing for the figures it had not got yet, with a one-line warning, and
  the benchmark goes on.

The runs, on page X:

A. load, copy, scroll-tap and link for X, then search-warm for the page Y
   the link opens:
   1. load: open X (to its load event), then 2 s with no input. FCP, LCP
      (read at the end of these 2 s, before any input; Chromium stops LCP
      at the first input anyway) and the blocking of the long tasks that
      start from FCP until the scroll begins.
   2. copy (the Cite pages only), in the same 2 s: the time until the first
      Material copy button is in the DOM (Material 9.8 makes
      `button.md-code__button[data-md-type=copy]`, older ones
      `button.md-clipboard`), noted by a MutationObserver from the
      navigation's start; "never" if none by the end of the 2 s, the first
      input: the limit is 2 s after the load event (it was 10 s from the
      navigation's start when copy had a run of its own).
   3. scroll-tap: at once, scroll down by touch: CDP
      `Input.dispatchTouchEvent`, a touchStart, 16 touchMoves 20 px apart
      16 ms apart, a 150 ms rest (no fling), a touchEnd; the page gets
      pointerdown, touchstart, touchmove, pointercancel and scroll events
      and moves about 300 px. (`Input.synthesizeScrollGesture` with
      gestureSourceType 'touch' gives this headless Chromium a pointerdown
      and a touchstart but never scrolls; mouse.wheel is a wheel, not a
      touch; Playwright's touchscreen can only tap.) A run with no scroll
      event fails. 1 s later, `touchscreen.tap` on a word of an `article p`
      in view, with no link, button or label within 20 px (Chromium moves a
      tap onto a link near it). The tap's latency, and the blocking of the
      long tasks that start from the scroll until 2 s after the tap (its
      pointerdown), read then.
   4. link: at once, scroll the footer's next link (`a.md-footer__link--next`;
      on the last page of an edition, which has none, the previous one)
      into view by script, wait 0.5 s, tap it. The page Y it opens:
      its FCP and LCP (its own observers, read 1.5 s after its load event,
      before any input; its navigation starts at the click), and the tap's
      latency as X recorded it when left.
   5. search-warm, for Y: 1.5 s after Y's load event, the search (below),
      with X's assets in the cache. Only if Y is among the pages measured
      and no other run A of the round does it: a page reached by a next
      link is searched in the run of the page before it, so on the whole
      site Cite comes after Glossary (the run on About, whose link goes
      back to Cite, does no search).
B. search-cold: open X, wait 1.5 s, the search.
W. search-warm, for a page that no run A reaches (on the whole site the two
   home pages, nobody's next; with --pages, any page whose page before it
   is not measured): open the page P whose footer's next link goes to X
   (else the one whose previous link does: for a home page, its next
   page), wait for the network to be idle (no request for 500 ms), tap that
   link as in A.4 (0.5 s after scrolling it into view), and do the search
   1.5 s after X's load event, with P's assets in the cache, as in A.5.

The search: tap the header's search button
(`label.md-header__button[for="__search"]`, or the search box if the
button is hidden), wait up to 3 s for the search box to have the focus
(else tap it), type "Japan" ("Jepang" on pages under id/) with 120 ms
between keys. The time from the tap (its first pointerdown) to the first
search result painted: a MutationObserver on the document notes the first
`.md-search-result__list li` and takes the time in the next
requestAnimationFrame callback; "never" after 15 s. Then 1 s for the keys'
Event Timing entries, and the worst latency over the tap and the keys.

The report: per scenario, a table of pages with every side's median and
each side against stock (x = side / stock for times, + = side - stock for
latencies and blocking; "never" counts as infinite in a median), the range
of these over pages, and the targets each side misses on each page.
"""

from __future__ import annotations

import json
import math
import statistics
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page

VIEWPORT = {"width": 412, "height": 823}
NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 200_000,
    "uploadThroughput": 93_750,
}
RESULT = ".md-search-result__item, .md-search-result__list li"
COPY = "button.md-clipboard, .md-code__button[data-md-type=copy]"
# Figures per scenario; those in DIFFERENCES compare as side - stock, the
# others as side / stock.
SCENARIOS = {
    "load": ("FCP", "LCP", "blocking"),
    "scroll-tap": ("latency", "blocking"),
    "search-cold": ("result", "latency"),
    "search-warm": ("result", "latency"),
    "link": ("FCP", "LCP", "latency"),
    "copy": ("copy",),
}
DIFFERENCES = ("latency", "blocking")
TITLES = {
    "load": "load with no input: FCP, LCP, blocking after FCP",
    "scroll-tap": "touch scroll then a tap on the text: tap latency, blocking to 2 s after it",
    "search-cold": "search, cold cache: tap to first result painted, worst latency (tap, keys)",
    "search-warm": "search after another page of the edition: the same figures",
    "link": "tap on the footer's next link: the next page's FCP and LCP, the tap's latency",
    "copy": "copy buttons with no input: time until the first is in the DOM",
}
COPY_PAGES = ("cite/", "id/cite/")
RUNS = ("A", "B", "W")  # the kinds of run, in their order for each page
QUIET = 2000  # ms with no input after X's load event in run A
SETTLE = 1500  # ms after the load event before the search's tap (and Y's figures)

# WATCHES maps a document's path to the CSS selectors to watch in it; the
# time each first matches is recorded, in the next animation frame (to be
# painted in it) when its flag is true.
INIT = """
(() => {
  const WATCH = (%s)[location.pathname] || {};
  const m = (window.__m = { paint: {}, lcp: null, long: [], events: [], down: null,
    scroll: null, found: {} });
  const observers = [];
  const observe = (type, take, options = {}) => {
    const observer = new PerformanceObserver((list) => list.getEntries().forEach(take));
    try { observer.observe({ type, buffered: true, ...options }); } catch { return; }
    observers.push([observer, take]);
  };
  observe("paint", (e) => { m.paint[e.name] = e.startTime; });
  observe("largest-contentful-paint", (e) => { m.lcp = e.startTime; });
  observe("longtask", (e) => m.long.push([e.startTime, e.duration]));
  const event = (e) => m.events.push([e.entryType, e.name, e.startTime, e.duration,
    e.interactionId || 0]);
  observe("event", event, { durationThreshold: 16 });
  observe("first-input", event);
  const flush = (window.__flush = () => {
    for (const [observer, take] of observers) observer.takeRecords().forEach(take);
  });
  window.__unwatch = () => {};
  const down = () => { m.down ??= performance.now(); };
  addEventListener("pointerdown", down, true);
  addEventListener("touchstart", down, { capture: true, passive: true });
  addEventListener("scroll", () => { m.scroll ??= performance.now(); },
    { capture: true, passive: true });
  addEventListener("pagehide", () => {
    flush();
    sessionStorage.setItem("__m", JSON.stringify(m));
  });
  const names = Object.keys(WATCH);
  if (!names.length) return;
  const seen = new MutationObserver(() => {
    for (const name of names) {
      const [selector, frame] = WATCH[name];
      if (name in m.found || !document.querySelector(selector)) continue;
      m.found[name] = frame ? null : performance.now();
      if (frame) requestAnimationFrame(() => { m.found[name] = performance.now(); });
    }
    if (names.every((name) => name in m.found)) seen.disconnect();
  });
  seen.observe(document, { childList: true, subtree: true });
  window.__unwatch = () => seen.disconnect();
})();
"""


def scenarios_for(page: str) -> list[str]:
    return [s for s in SCENARIOS if s != "copy" or page in COPY_PAGES]


def plan(links: dict[str, tuple[str | None, str | None]], pages: list[str]) -> list[dict]:
    """One side's runs of a round, from its footers: links maps every page
    of the site to the pages its previous and next links open. A run is
    {"run": "A", "page": X, "link": "next" or "prev", "to": Y, "warm":
    whether it searches Y}, {"run": "B", "page": X} or {"run": "W", "page":
    X, "from": P, "link": the class of P's link to X}."""
    target = {
        page: ("next", after) if after is not None else ("prev", before)
        for page, (before, after) in links.items()
    }
    warmed: dict[str, str] = {}  # Y: the page whose run A searches it
    for kind in ("next", "prev"):  # a next link first
        for page in pages:
            link, to = target.get(page, (None, None))
            if link == kind and to in pages:
                warmed.setdefault(to, page)
    runs = []
    for page in pages:
        link, to = target.get(page, (None, None))
        runs.append({"run": "A", "page": page, "link": link, "to": to})
        runs[-1]["warm"] = to is not None and warmed.get(to) == page
        runs.append({"run": "B", "page": page})
        if page not in warmed:
            via = [(p, "next") for p, (_, after) in links.items() if after == page]
            via += [(p, "prev") for p, (before, _) in links.items() if before == page]
            source, kind = via[0] if via else (None, None)
            runs.append({"run": "W", "page": page, "from": source, "link": kind})
    return runs


def expected(run: dict) -> list[tuple[str, str]]:
    """The (page, scenario) figures a run is for, in the order it gets them."""
    page = run["page"]
    if run["run"] == "B":
        return [(page, "search-cold")]
    if run["run"] == "W":
        return [(page, "search-warm")]
    got = [(page, s) for s in ("load", "copy", "scroll-tap", "link") if s in scenarios_for(page)]
    return got + ([(run["to"], "search-warm")] if run["warm"] else [])


def word(page: str) -> str:
    return "Jepang" if page.startswith("id/") else "Japan"


def measure(browser: Browser, origin: str, run: dict, done: dict) -> None:
    """One run (see plan): done[(page, scenario)] gets each scenario's
    figures as soon as the run has them (a time that never came is
    "never"); an exception leaves the others out."""
    page = run["page"]
    result = {"result": [RESULT, True]}
    if run["run"] == "A":
        watches = {page: {"copy": [COPY, False]}} if page in COPY_PAGES else {}
        if run["warm"]:
            watches[run["to"]] = result
    else:
        watches = {page: result}
    paths = {urlsplit(origin + p).path: watch for p, watch in watches.items()}
    context = browser.new_context(
        viewport=VIEWPORT, is_mobile=True, has_touch=True, device_scale_factor=1.75
    )
    try:
        context.set_default_timeout(15_000)
        context.set_default_navigation_timeout(30_000)
        tab = context.new_page()
        tab.add_init_script(INIT % json.dumps(paths))
        cdp = context.new_cdp_session(tab)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        if run["run"] == "B":
            tab.goto(origin + page, wait_until="load")
            tab.wait_for_timeout(SETTLE)
            done[(page, "search-cold")] = search(tab, word(page))
        elif run["run"] == "W":
            if run["from"] is None:
                raise RuntimeError("no page's footer links to it")
            tab.goto(origin + run["from"], wait_until="networkidle")
            link(tab, origin, run["link"], page)
            done[(page, "search-warm")] = search(tab, word(page))
        else:
            tab.goto(origin + page, wait_until="load")
            tab.wait_for_timeout(QUIET)
            m, start = tab.evaluate("__unwatch(), __flush(), [__m, performance.now()]")
            fcp = m["paint"]["first-contentful-paint"]
            done[(page, "load")] = {
                "FCP": fcp,
                "LCP": m["lcp"],
                "blocking": blocking(m, fcp, start),
            }
            if page in COPY_PAGES:
                done[(page, "copy")] = {"copy": m["found"].get("copy", "never")}
            done[(page, "scroll-tap")] = scroll_tap(tab, cdp, start)
            if run["link"] is None:
                raise RuntimeError("the footer has no link")
            done[(page, "link")] = link(tab, origin, run["link"], run["to"])
            if run["warm"]:
                done[(run["to"], "search-warm")] = search(tab, word(run["to"]))
    finally:
        context.close()


def blocking(m: dict, start: float, end: float) -> float:
    return sum(max(0, length - 50) for begin, length in m["long"] if start <= begin < end)


def latency(m: dict, since: float) -> float | None:
    """The worst interaction from `since` on; None if the tap that began at
    `since` was not received, 8 if it was but no entry was recorded."""
    worst: dict[float, float] = {}
    for kind, _, start, duration, interaction in m["events"]:
        if start >= since and (interaction or kind == "first-input"):
            key = interaction or start
            worst[key] = max(worst.get(key, 0), duration)
    if m["down"] is None or m["down"] < since:
        return None
    return max(worst.values(), default=8)


def tap(tab: Page, box: dict | None) -> float:
    """Tap the middle of a box; the page's time just before."""
    if box is None:
        raise RuntimeError("nothing to tap")
    mark = tab.evaluate("__m.down = null, performance.now()")
    tab.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    return mark


# A word of an article paragraph in view, with no link, button or label
# within 20 px of it (Chromium moves a tap to a link near it), and not under
# the header: its box.
TEXT_POINT = """() => {
  const top = document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
  const live = "a, button, label, input, summary, [tabindex], [onclick]";
  const near = (x, y) => [[0, 0], [-20, 0], [20, 0], [0, -20], [0, 20]].some(([dx, dy]) =>
    document.elementFromPoint(x + dx, y + dy)?.closest(live));
  for (const p of document.querySelectorAll("article p")) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (text.parentElement.closest(live)) continue;
      for (const word of text.data.matchAll(/\\p{L}{4,}/gu)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        const box = range.getBoundingClientRect();
        const x = box.x + box.width / 2, y = box.y + box.height / 2;
        if (y < top + 30 || y > innerHeight - 30 || near(x, y)) continue;
        return { x: box.x, y: box.y, width: box.width, height: box.height };
      }
    }
  }
  return null;
}"""


def scroll_tap(tab: Page, cdp, start: float) -> dict:
    """The scroll, which begins at page time `start`, and the tap 1 s after it."""
    touch(cdp, "touchStart", 600)
    for step in range(1, 17):  # 320 px, of which the touch slop takes some
        touch(cdp, "touchMove", 600 - 20 * step)
        tab.wait_for_timeout(16)
    tab.wait_for_timeout(150)  # the finger stops before it lifts: no fling
    touch(cdp, "touchEnd", None)
    tab.wait_for_timeout(1000)
    if tab.evaluate("__m.scroll") is None:
        raise RuntimeError("the touch scroll fired no scroll event")
    mark = tap(tab, tab.evaluate(TEXT_POINT))
    # 2 s after the tap (at once if it was not received), in page time.
    tab.wait_for_function("() => performance.now() >= (__m.down ?? 0) + 2000")
    m, scrolled = tab.evaluate("__flush(), [__m, scrollY]")
    if m["down"] is None:
        raise RuntimeError("the tap on the text was not received")
    return {
        "latency": latency(m, mark),
        "blocking": blocking(m, start, m["down"] + 2000),
        "scrolled": scrolled,
    }


def touch(cdp, kind: str, y: int | None) -> None:
    points = [] if y is None else [{"x": 206, "y": y}]
    cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


def search(tab: Page, word: str) -> dict:
    """On a page loaded SETTLE ms ago (no input yet): the search's figures."""
    button = tab.locator('label.md-header__button[for="__search"]')
    if not button.is_visible():
        button = tab.locator(".md-search__input")
    mark = tap(tab, button.bounding_box())
    focused = "() => document.activeElement?.matches('.md-search__input')"
    try:
        tab.wait_for_function(focused, timeout=3000)
    except Exception:  # a second tap, on the box; the first still times the result
        tab.locator(".md-search__input").tap(timeout=3000)
        tab.wait_for_function(focused, timeout=3000)
    tab.keyboard.type(word, delay=120)
    tab.wait_for_function(
        "() => __m.found.result != null || performance.now() > __m.down + 15000", timeout=20_000
    )
    tab.wait_for_timeout(1000)  # for the keys' Event Timing entries
    m = tab.evaluate("__flush(), __m")
    if m["down"] is None:
        raise RuntimeError("the tap on the search button was not received")
    found = m["found"].get("result")
    return {
        "result": "never" if found is None else found - m["down"],
        "latency": latency(m, mark),
    }


def link(tab: Page, origin: str, kind: str, to: str) -> dict:
    """Tap the footer's link of this class (next or prev), which must open
    the page `to`; its figures, SETTLE ms after the load event of `to`."""
    target = tab.locator(f"a.md-footer__link--{kind}")
    href = target.evaluate("a => a.href")
    if href != origin + to:
        raise RuntimeError(f"the footer's {kind} link opens {href}, not /{to}")
    target.evaluate("a => a.scrollIntoView({ block: 'center', behavior: 'instant' })")
    tab.wait_for_timeout(500)
    with tab.expect_navigation(wait_until="load", timeout=30_000):
        mark = tap(tab, target.bounding_box())
    tab.wait_for_timeout(SETTLE)
    if tab.url != href:
        raise RuntimeError(f"the tap opened {tab.url}, not {href}")
    m, left = tab.evaluate("__flush(), [__m, JSON.parse(sessionStorage.getItem('__m'))]")
    return {
        "FCP": m["paint"]["first-contentful-paint"],
        "LCP": m["lcp"],
        "latency": left and latency(left, mark),
    }


def medians(records: list[dict]) -> dict[tuple, float | None]:
    """(side, page, scenario, figure): the median over runs, math.inf for a
    time that never came; failed runs and unrecorded figures left out."""
    values: dict[tuple, list[float]] = {}
    for r in records:
        for name, value in (r.get("figures") or {}).items():
            key = (r["side"], r["page"], r["scenario"], name)
            values.setdefault(key, [])
            if value is not None:
                values[key].append(math.inf if value == "never" else value)
    return {k: statistics.median(v) if v else None for k, v in values.items()}


def compare(name: str, side: float | None, stock: float | None) -> float | None:
    if side is None or stock is None or (math.isinf(stock) and name not in DIFFERENCES):
        return None
    if name in DIFFERENCES:
        return side - stock
    return None if math.isinf(side) or not stock else side / stock


def show(value: float | None, name: str = "", against: bool = False) -> str:
    if value is None:
        return "-"
    if math.isinf(value):
        return "never"
    if against:
        return f"{value:+.0f}" if name in DIFFERENCES else f"{value:.2f}"
    return f"{value:.0f}"


def report(records: list[dict], sides: list[str], pages: list[str]) -> None:
    """Per scenario, a table of pages; the range of ratios; the targets."""
    median = medians(records)
    others = [s for s in sides if s != "stock"]
    for scenario, names in SCENARIOS.items():
        rows = [p for p in pages if scenario in scenarios_for(p)]
        if not rows:
            continue
        print(f"\n{scenario}: {TITLES[scenario]}")
        counts = [
            sum(r["side"] == s and r["page"] == p and r["scenario"] == scenario for r in records)
            for s in sides
            for p in rows
        ]
        print(
            f"  medians in ms of {min(counts)} to {max(counts)} runs per page and side,"
            f" {'/'.join(sides)}; against stock, {'/'.join(others)}"
        )
        header = ["page"]
        for name in names:
            header += [f"{name} ms", "+" if name in DIFFERENCES else "x"]
        table = [header]
        spans: dict[tuple[str, str], list[float]] = {}
        for page in rows:
            row = ["/" + page]
            for name in names:
                values = {s: median.get((s, page, scenario, name)) for s in sides}
                against = {s: compare(name, values[s], values.get("stock")) for s in others}
                row.append("/".join(show(values[s]) for s in sides))
                row.append("/".join(show(against[s], name, True) for s in others))
                for side, value in against.items():
                    if value is not None:
                        spans.setdefault((name, side), []).append(value)
            table.append(row)
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        for number, row in enumerate(table):
            cells = [
                c.rjust(w) if i else c.ljust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            ]
            print("  " + "  ".join(cells))
            if number == 0:
                print("  " + "  ".join("-" * w for w in widths))
        for name in names:
            ranges = [
                f"{side} {show(min(v), name, True)} to {show(max(v), name, True)}"
                for (figure, side), v in spans.items()
                if figure == name
            ]
            if ranges:
                sign = "+" if name in DIFFERENCES else "x"
                print(f"  over pages, {name} {sign}: {', '.join(ranges)}")
    print(
        "\nTargets, for every side but stock and every page: first search result at most"
        " 1.0x stock (cold and warm);\n  interaction latency at most stock + 16 ms in every"
        " scenario; blocking from the scroll to 2 s after the tap\n  at most stock + 10 ms;"
        " LCP with no touch at most 0.9x stock; copy buttons present with no input:"
    )
    misses = [
        f"  {side} /{page}: {miss}"
        for side in others
        for page in pages
        for miss in check(median, side, page)
    ]
    print("\n".join(misses) if misses else "  every page meets them")


def check(median: dict, side: str, page: str) -> list[str]:
    """The targets one side misses on one page."""
    targets = [("search-cold", "result", 1.0), ("search-warm", "result", 1.0)]
    targets += [(s, "latency", 16) for s in ("scroll-tap", "search-cold", "search-warm", "link")]
    targets += [("scroll-tap", "blocking", 10), ("load", "LCP", 0.9)]
    misses = []
    for scenario, name, limit in targets:
        ours = median.get((side, page, scenario, name))
        stock = median.get(("stock", page, scenario, name))
        against = compare(name, ours, stock)
        if ours is None or stock is None:
            if (side, page, scenario, name) in median or ("stock", page, scenario, name) in median:
                misses.append(f"{scenario} {name}: not measured")
        elif math.isinf(ours) and not math.isinf(stock):
            misses.append(f"{scenario} {name}: never (stock {show(stock)} ms)")
        elif against is not None and against > limit:
            unit = f"{against:+.0f} ms" if name in DIFFERENCES else f"{against:.2f}x stock"
            misses.append(f"{scenario} {name}: {unit} (limit {limit})")
    if page in COPY_PAGES:
        copy = median.get((side, page, "copy", "copy"))
        if copy is None or math.isinf(copy):
            misses.append("copy buttons: " + ("not measured" if copy is None else "never"))
    return misses
