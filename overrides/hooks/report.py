"""Readers report errors: a link at the end of every page, and About's section.

- Every page ends with "Report a problem with this page" (in the page's
  language): a link that opens a new issue in the site's GitHub repository
  through the issue form ``.github/ISSUE_TEMPLATE/report.yml``, prefilled with
  the page's title and canonical address. overrides/main.html places it.
- ``<!-- report -->`` (About page) becomes the instructions for reporting:
  pointing to that link, or, in a build that does not know its repository,
  how to report without one.

The repository is ``extra.repository``, which the Pages workflow sets
(SITE_REPOSITORY) from the repository it runs in, so a fork reports to
itself. Without it no page carries the link. Pages make no request to
GitHub: the link is a plain link.

Events: ``on_config``, ``on_page_markdown``, ``on_page_context``.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlparse

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

FORM = "report.yml"
SHORTCODE = re.compile(r"^<!-- report -->$", re.MULTILINE)
TEXT = {
    "en": {
        "link": "Report a problem with this page",
        "title": "Problem on “{}”",
        "with": (
            "If you find a mistake, or a statement that its cited source does not "
            "support, use the link **Report a problem with this page** at the end of "
            "that page. It opens a form in the site's GitHub repository with the "
            "page's address filled in, and asks for the statement, its source key, "
            "what is wrong and, if you know it, the right source. You need a GitHub "
            "account."
        ),
        "without": (
            "This copy of the site was built without the address of its "
            "repository, so its pages carry no report link. If you find a "
            "mistake, or a statement that its cited source does not support, tell "
            "whoever published this copy, naming the page, the statement and the "
            "source key concerned."
        ),
    },
    "id": {
        "link": "Laporkan masalah pada halaman ini",
        "title": "Masalah pada “{}”",
        "with": (
            "Apabila Anda menemukan kesalahan, atau pernyataan yang tidak didukung "
            "oleh sumber yang dirujuknya, gunakan tautan **Laporkan masalah pada "
            "halaman ini** di akhir halaman tersebut. Tautan itu membuka formulir di "
            "repositori GitHub situs ini dengan alamat halaman yang sudah terisi. "
            "Formulir tersebut menanyakan pernyataan yang bermasalah, kunci "
            "sumbernya, letak kesalahannya, dan, bila Anda mengetahuinya, sumber "
            "yang benar. Anda memerlukan akun GitHub."
        ),
        "without": (
            "Salinan situs ini dibangun tanpa alamat repositorinya sehingga "
            "halaman-halamannya tidak memuat tautan pelaporan. Apabila Anda "
            "menemukan kesalahan, atau pernyataan yang tidak didukung oleh sumber "
            "yang dirujuknya, sampaikan kepada pihak yang menerbitkan salinan ini "
            "dengan menyebutkan halaman, pernyataan, dan kunci sumber yang "
            "bersangkutan."
        ),
    },
}


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    repository = config.extra.get("repository")
    if not repository:
        return None
    url = urlparse(repository)
    if url.scheme not in ("http", "https") or len(url.path.strip("/").split("/")) != 2:
        raise PluginError(
            f"SITE_REPOSITORY is '{repository}'; set it to the repository's "
            "address, such as https://github.com/OWNER/REPO, or leave it unset"
        )
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    text = texts(config)
    instructions = text["with"] if config.extra.get("repository") else text["without"]
    return SHORTCODE.sub(lambda _: instructions, markdown)


def on_page_context(
    context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict | None:
    repository = config.extra.get("repository")
    if not repository or not page.canonical_url:
        return None
    text = texts(config)
    # The front matter's title, as in the browser tab (the nav may shorten it).
    title = text["title"].format(page.meta.get("title") or page.title)
    context["report_problem"] = {
        "label": text["link"],
        "url": issue_url(repository, title, page.canonical_url),
    }
    return context


def texts(config: MkDocsConfig) -> dict[str, str]:
    return TEXT.get(config.theme.get("language", "en"), TEXT["en"])


def issue_url(repository: str, title: str, page_url: str) -> str:
    """A new issue through the report form, with its title and page field filled in."""
    query = urlencode({"template": FORM, "title": title, "page": page_url})
    return f"{repository.rstrip('/')}/issues/new?{query}"
