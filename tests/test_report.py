"""Readers report errors: the link on every page, its issue form, the e-mail
beside it, About's section.

The session build names a repository and a contact address, as the Pages
workflow does when both are set; one more build here names neither, and the
hooks are called directly for a contact address without a repository.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import CONTACT, REPOSITORY, ROOT, run_mkdocs
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
        dict(elements(anchor)[0], _text=re.sub(r"<[^>]+>", "", label).strip())
        for part in found
        for anchor, label in re.findall(r"(<a\b[^>]*>)(.*?)</a>", part, re.S)
    ]


def form() -> dict:
    return yaml.safe_load((FORMS / head.REPORT_FORM).read_text(encoding="utf-8"))


def front_matter_title(src: str, language: str) -> str:
    path = ROOT / "docs" / (src if language == "en" else src.replace(".md", f".{language}.md"))
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["title"]


@pytest.mark.parametrize(("src", "language"), PAGES)
def test_every_page_links_to_the_report_form_and_the_address_prefilled(
    pages, site_url, src, language
):
    html = pages[output_path(src, language)]
    links = report_links(html)
    assert len(links) == 2, links
    form, mail = links
    assert form["_text"] == TEXT[language]["link"]
    url = urlsplit(form["href"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPOSITORY}/issues/new"
    query = {name: values[0] for name, values in parse_qs(url.query).items()}
    canonical = site_url + output_path(src, language).removesuffix("index.html")
    assert re.search(rf'<link rel="canonical" href="{re.escape(canonical)}"', html)
    # The page's title, as the browser tab shows it.
    title = TEXT[language]["title"].format(front_matter_title(src, language))
    assert query == {"template": "report.yml", "title": title, "page": canonical}
    # Beside it, for readers without a GitHub account.
    assert mail["_text"] == TEXT[language]["mail"].format(address=CONTACT)
    address = urlsplit(mail["href"])
    assert (address.scheme, address.path) == ("mailto", CONTACT)
    assert {name: values[0] for name, values in parse_qs(address.query).items()} == {
        "subject": title,
        "body": TEXT[language]["body"].format(url=canonical),
    }


def test_the_form_has_the_fields_the_link_fills_in_and_asks_for():
    assert (FORMS / head.REPORT_FORM).is_file()
    fields = {field["id"]: field for field in form()["body"] if "id" in field}
    # The link fills in `page`; GitHub prefills a form field from the query by its id.
    assert list(fields) == ["page", "statement", "source-key", "problem", "right-source"]
    assert fields["page"]["type"] == "input"
    required = {name for name, field in fields.items() if field["validations"]["required"]}
    assert required == {"page", "statement", "source-key", "problem"}
    assert "unknown" in fields["source-key"]["attributes"]["options"][-1]


def test_the_forms_source_keys_are_the_registrys():
    """The form's dropdown is a copy of data/registry.yml's keys, kept by this test."""
    fields = {field["id"]: field for field in form()["body"] if "id" in field}
    options = fields["source-key"]["attributes"]["options"][:-1]
    keys = list(registry()["sources"])
    assert options == keys, (
        f".github/ISSUE_TEMPLATE/{head.REPORT_FORM}: the 'source-key' options are {options}, "
        f"but data/registry.yml's sources are {keys}; list the registry's keys there, in its "
        "order, before the last option ('None or unknown')"
    )


def test_the_form_speaks_both_languages():
    data = form()
    labels = [data["name"], data["description"]]
    for field in data["body"]:
        attributes = field["attributes"]
        labels += [attributes.get(key) for key in ("label", "description", "value")]
    for label in filter(None, labels):
        assert " / " in label, label


def test_about_points_to_the_link_and_the_address(pages):
    for language, path in ABOUT.items():
        about = text(pages[path])
        assert TEXT[language]["with"].format(link=TEXT[language]["link"]).replace("**", "") in about
        # (text() puts a space where a tag was, before the link's comma too)
        assert TEXT[language]["with_mail"].format(address=CONTACT) in re.sub(
            r" ([,.])", r"\1", about
        )
        assert f'href="mailto:{CONTACT}"' in pages[path]


def test_a_build_without_repository_or_address_has_no_link_and_about_says_so(tmp_path):
    build = run_mkdocs(ROOT, tmp_path / "site", SITE_REPOSITORY="", SITE_CONTACT="")
    assert build.returncode == 0, build.log
    for path in build.site.rglob("*.html"):
        body = path.read_text(encoding="utf-8").split("</head>", 1)[1]  # not the stylesheet
        assert "report-problem" not in body, path
    for language, path in ABOUT.items():
        about = text((build.site / path).read_text(encoding="utf-8"))
        assert TEXT[language]["without"] in about
        assert (
            TEXT[language]["with"].format(link=TEXT[language]["link"]).replace("**", "")
            not in about
        )


def test_issue_url_encodes_title_and_page():
    url = head.issue_url("https://github.com/o/r/", "Problem on “A & B”", "https://x.org/a/")
    assert url.startswith("https://github.com/o/r/issues/new?template=report.yml&")
    assert parse_qs(urlsplit(url).query)["title"] == ["Problem on “A & B”"]


@pytest.mark.parametrize("value", ["github.com/o/r", "https://github.com/o", "owner/repo"])
def test_a_repository_that_is_not_an_address_stops_the_build(value):
    with pytest.raises(PluginError, match="SITE_REPOSITORY"):
        content.check_repository(value)


@pytest.mark.parametrize(
    "value", ["mailto:a@example.org", "reports", "a@b", "a b@example.org", "<a@example.org>"]
)
def test_a_contact_that_is_not_an_address_stops_the_build(value):
    with pytest.raises(PluginError, match=r"SITE_CONTACT is .*; set it to an e-mail address"):
        content.check_contact(value)


def test_a_contact_address_is_accepted_or_left_unset():
    for value in (None, "", "reports@example.org", "first.last+site@mail.example.ac.id"):
        content.check_contact(value)


def test_without_a_repository_the_address_takes_the_links_place():
    """A build with SITE_CONTACT and no SITE_REPOSITORY: every page's link
    opens an e-mail, and About says so."""
    config = SimpleNamespace(
        extra={"repository": None, "contact": CONTACT},
        theme={"language": "id"},
        config_file_path=str(ROOT / "mkdocs.yml"),
        plugins={},
    )
    page = SimpleNamespace(canonical_url="https://x.org/id/about/", meta={"title": "Tentang"})
    context: dict = {}
    head.report_link(context, page=page, config=config)
    link = context["report_problem"]
    assert link["label"] == TEXT["id"]["link"] and link["mail"] is None
    assert link["url"].startswith(f"mailto:{CONTACT}?subject=")
    about = content.report_text(TEXT["id"], None, CONTACT)
    assert about == TEXT["id"]["mail_only"].format(
        link=TEXT["id"]["link"], address=f"[{CONTACT}](mailto:{CONTACT})"
    )
    assert content.report_text(TEXT["id"], None, None) == TEXT["id"]["without"]


@pytest.mark.parametrize("path", [output_path(src, lang) for src, lang in PAGES] + ["404.html"])
def test_no_page_view_requests_another_origin(page, site_url, path):
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(site_url))
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + path.removesuffix("index.html"))
    page.wait_for_load_state("networkidle")
    assert requested
    assert [url for url in requested if not url.startswith((origin, "data:"))] == []
