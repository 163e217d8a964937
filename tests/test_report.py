"""Readers report errors: the link on every page, its issue form, About's section.

The session build names a repository, as the Pages workflow does; one more
build here names none.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import REPOSITORY, ROOT, run_mkdocs
from helpers import LANGUAGES, elements, nav_files, output_path, registry, text
from mkdocs.exceptions import PluginError
from test_hooks import STRINGS, content, head

TEXT = {language: STRINGS[language]["report"] for language in LANGUAGES}
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
PAGES = [(src, language) for language in LANGUAGES for src in nav_files()]
ABOUT = {"en": output_path("about.md", "en"), "id": output_path("about.md", "id")}


def report_links(html: str) -> list[dict[str, str]]:
    """The links inside the page's report paragraph, with their text."""
    found = re.findall(r'<p class="report-problem">(.*?)</p>', html, re.S)
    return [
        dict(link, _text=re.sub(r"<[^>]+>", "", part).strip())
        for part in found
        for link in elements(part, "a")
    ]


def form() -> dict:
    return yaml.safe_load((FORMS / head.REPORT_FORM).read_text(encoding="utf-8"))


def front_matter_title(src: str, language: str) -> str:
    path = ROOT / "docs" / (src if language == "en" else src.replace(".md", f".{language}.md"))
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["title"]


@pytest.mark.parametrize(("src", "language"), PAGES)
def test_every_page_links_to_the_report_form_prefilled(pages, site_url, src, language):
    html = pages[output_path(src, language)]
    links = report_links(html)
    assert len(links) == 1, links
    link = links[0]
    assert link["_text"] == TEXT[language]["link"]
    url = urlsplit(link["href"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPOSITORY}/issues/new"
    query = {name: values[0] for name, values in parse_qs(url.query).items()}
    canonical = site_url + output_path(src, language).removesuffix("index.html")
    assert re.search(rf'<link rel="canonical" href="{re.escape(canonical)}"', html)
    # The page's title, as the browser tab shows it.
    title = TEXT[language]["title"].format(front_matter_title(src, language))
    assert query == {"template": "report.yml", "title": title, "page": canonical}


def test_the_form_has_the_fields_the_link_fills_in_and_asks_for():
    assert (FORMS / head.REPORT_FORM).is_file()
    fields = {field["id"]: field for field in form()["body"] if "id" in field}
    # The link fills in `page`; GitHub prefills a form field from the query by its id.
    assert list(fields) == ["page", "statement", "source-key", "problem", "right-source"]
    assert fields["page"]["type"] == "input"
    required = {name for name, field in fields.items() if field["validations"]["required"]}
    assert required == {"page", "statement", "source-key", "problem"}
    options = fields["source-key"]["attributes"]["options"]
    assert options[:-1] == list(registry()["sources"]) and "unknown" in options[-1]


def test_the_form_speaks_both_languages():
    data = form()
    labels = [data["name"], data["description"]]
    for field in data["body"]:
        attributes = field["attributes"]
        labels += [attributes.get(key) for key in ("label", "description", "value")]
    for label in filter(None, labels):
        assert " / " in label, label


def test_about_points_to_the_link(pages):
    for language, path in ABOUT.items():
        assert TEXT[language]["with"].replace("**", "") in text(pages[path])


def test_a_build_without_repository_has_no_link_and_about_says_so(tmp_path):
    build = run_mkdocs(ROOT, tmp_path / "site", SITE_REPOSITORY="")
    assert build.returncode == 0, build.log
    for path in build.site.rglob("*.html"):
        assert "report-problem" not in path.read_text(encoding="utf-8"), path
    for language, path in ABOUT.items():
        about = text((build.site / path).read_text(encoding="utf-8"))
        assert TEXT[language]["without"] in about
        assert TEXT[language]["with"].replace("**", "") not in about


def test_issue_url_encodes_title_and_page():
    url = head.issue_url("https://github.com/o/r/", "Problem on “A & B”", "https://x.org/a/")
    assert url.startswith("https://github.com/o/r/issues/new?template=report.yml&")
    assert parse_qs(urlsplit(url).query)["title"] == ["Problem on “A & B”"]


@pytest.mark.parametrize("value", ["github.com/o/r", "https://github.com/o", "owner/repo"])
def test_a_repository_that_is_not_an_address_stops_the_build(value):
    with pytest.raises(PluginError, match="SITE_REPOSITORY"):
        content.check_repository(value)


@pytest.mark.parametrize("path", [output_path(src, lang) for src, lang in PAGES] + ["404.html"])
def test_no_page_view_requests_another_origin(page, site_url, path):
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(site_url))
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + path.removesuffix("index.html"))
    page.wait_for_load_state("networkidle")
    assert requested
    assert [url for url in requested if not url.startswith((origin, "data:"))] == []
