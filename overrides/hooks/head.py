"""Head: what each page tells browsers, search engines, sharing cards and reference managers.

Steps, in the order they run:

1. ``on_config``: the favicon (``theme.favicon``, an SVG of a quarter of a
   kilobyte) travels inside each page as a data: URL, not as a request
   that would share a phone's bandwidth with the stylesheet.
2. ``on_page_context``, page by page (``PAGE_STEPS``), after
   mkdocs-static-i18n (priority 50) has set the page's alternates:
   - the edition's interface strings (data/strings.yml) for the templates;
   - what a printed page says of itself on every sheet: the site, the
     page's address, the edition's date, the talk, the source keys;
   - the alternates (``<link rel="alternate" hreflang>``, which the language
     switcher uses too) become absolute: search engines reject relative
     ones. The offline edition keeps them relative;
   - the "Report a problem with this page" link, when the build knows its
     repository (``extra.repository``): a plain link to the issue form
     ``.github/ISSUE_TEMPLATE/report.yml``, prefilled with the page's title
     and address, so pages make no request to GitHub; beside it, or in its
     place, an e-mail link when the build knows a contact address
     (``extra.contact``);
   - structured data (JSON-LD) and the Open Graph values, from the
     registry: the talk as an ``EducationEvent`` in its series, the
     speaker's 2022 paper as a ``ScholarlyArticle``, the edition's
     ``WebSite``, this ``WebPage`` and its ``BreadcrumbList``. Only what the sources say is
     claimed: the talk's language, venue and attendance mode are unknown.
     The card of each edition is its own ``assets/images/social.png``;
   - the page as reference managers save it: Dublin Core ``DC.*`` tags,
     read by Zotero's Embedded Metadata translator (see ``citation_meta``);
   - the foot of the page: the edition's date and the licence of the text.
3. ``on_template_context``: the same strings and foot for theme templates
   (404.html).

``overrides/main.html`` and ``overrides/partials/copyright.html`` write them
into the page; 404.html also gets the strings of both languages.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path
from urllib.parse import quote, urlencode, urljoin

import references
import shared
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

REPORT_FORM = "report.yml"
# Each edition's card: docs/assets/images/social.png, and social.id.png,
# which mkdocs-static-i18n serves as id/assets/images/social.png.
SOCIAL_CARD = "assets/images/social.png"


# 1. The favicon.


def on_config(config: MkDocsConfig) -> None:
    favicon = config.theme.get("favicon") or ""
    if not favicon.endswith(".svg"):
        return  # already inlined (each edition's pass sees the config again)
    path = Path(config.docs_dir) / favicon
    if not path.is_file():
        raise PluginError(f"mkdocs.yml: theme.favicon {favicon} is not a file in docs/")
    config.theme["favicon"] = data_url(path.read_bytes())


def data_url(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


# 2. Each page's context.


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    for step in PAGE_STEPS:
        step(context, page=page, config=config, nav=nav)
    return context


def interface_strings(context: dict, *, config: MkDocsConfig, **_) -> None:
    """The edition's strings (data/strings.yml), for the templates."""
    context["strings"] = shared.strings(config)


def print_source(context: dict, *, page: Page, config: MkDocsConfig, **_) -> None:
    """What a printed page says on every sheet: where it came from (the site,
    the page's address, the edition's date, the talk: its speaker, title,
    session and date) and its source keys."""
    registry, strings = shared.registry(config), shared.strings(config)
    language, months = shared.language(config), strings["months"]
    talk, text = registry["talk"], strings["print"]
    site = text["from"].format(
        site=references.localized(registry["site"]["title"], language),
        url=page.canonical_url,
        date=references.human_date(references.edition_date().isoformat(), months),
    )
    about = text["talk"].format(
        speaker=talk["speaker"],
        title=" ".join(talk["name"][language].split()),
        series=talk["series"][language],
        session=talk["session"],
        date=references.human_date(str(talk["date"]), months),
    )
    keys = references.source_names(list(registry["sources"]), registry["sources"], language)
    context["print_source"] = {
        "head": css_string(f"{site}\n{about}"),
        "foot": css_string(f"{text['keys']} {keys}."),
    }


def css_string(text: str) -> str:
    """Text as the inside of a double-quoted CSS string (a line break is \\A)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")


def absolute_alternates(context: dict, *, config: MkDocsConfig, **_) -> None:
    # mkdocs-static-i18n sets them as an attribute of extra, which Jinja reads first.
    alternates = getattr(config.extra, "alternate", None)
    if not alternates or shared.offline(config):
        return
    for alternate in alternates:
        alternate["link"] = urljoin(config.site_url, alternate["link"])


def report_link(context: dict, *, page: Page, config: MkDocsConfig, **_) -> None:
    """The report form's link and, when the build has a contact address, an
    e-mail link beside it (or alone, without a repository)."""
    repository, contact = config.extra.get("repository"), config.extra.get("contact")
    if not (repository or contact) or not page.canonical_url:
        return
    text = shared.strings(config)["report"]
    # The front matter's title, as in the browser tab (the nav may shorten it).
    title = text["title"].format(page.meta.get("title") or page.title)
    mail = mail_url(contact, title, text["body"].format(url=page.canonical_url)) if contact else ""
    context["report_problem"] = {
        "label": text["link"],
        "url": issue_url(repository, title, page.canonical_url) if repository else mail,
        "mail": {"url": mail, "joiner": text["or"], "label": text["mail"].format(address=contact)}
        if repository and contact
        else None,
    }


def issue_url(repository: str, title: str, page_url: str) -> str:
    """A new issue through the report form, with its title and page field filled in."""
    query = urlencode({"template": REPORT_FORM, "title": title, "page": page_url})
    return f"{repository.rstrip('/')}/issues/new?{query}"


def mail_url(address: str, subject: str, body: str) -> str:
    """A mailto: URL (RFC 6068) with its subject and body filled in."""
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def sharing(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> None:
    """Open Graph values and structured data: the card carries the talk's
    context (the home page's title is the talk's; every other page's title is
    followed by the site's name), in the edition's language and picture."""
    language, registry = shared.language(config), shared.registry(config)
    strings = shared.strings(config)
    # The site root: shared by both editions; the assets live there.
    root = urljoin(page.canonical_url, context["base_url"].rstrip("/") + "/")
    # Each edition has its own home page (index.md, index.id.md); MkDocs
    # counts only the site root's as the homepage.
    start = next((p for p in nav.pages if is_home(p)), None)
    home = start.canonical_url if start else root
    site_title = references.localized(registry["site"]["title"], language)
    context["is_home"] = is_home(page)
    context["site_title"] = site_title
    context["structured_data"] = graph(
        registry, language, page, root, home, config.site_name, editions(root, config)
    )
    if is_home(page):
        context["og_title"] = " ".join(registry["talk"]["name"][language].split())
    else:
        page_title = page.meta.get("title") or page.title
        context["og_title"] = strings["og_title"].format(page=page_title, site=config.site_name)
    locales = {code: table["og_locale"] for code, table in shared.all_strings(config).items()}
    context["og_locale"] = locales[language]
    context["og_locale_alternates"] = [v for k, v in locales.items() if k != language]
    context["og_image"] = urljoin(home, SOCIAL_CARD)
    context["og_image_alt"] = " ".join(strings["og_image_alt"].split())


def is_home(page: Page) -> bool:
    """The home page of an edition: index.md or its twin index.<locale>.md."""
    return page.file.src_uri.split(".")[0] == "index"


def citation_meta(context: dict, *, page: Page, config: MkDocsConfig, **_) -> None:
    """The page as a reference manager saves it: Dublin Core tags.

    Zotero's Embedded Metadata translator makes a Web Page of them (no
    ``citation_*`` tag: Zotero takes ``citation_title`` for a journal
    article, and Google Scholar's Highwire tags describe scholarly papers):
    its title is the page's heading, its date this edition's, its language
    the edition's; og:site_name gives the website's title. The creator is
    the site's group author in the "Family, Given" form with no given name:
    Zotero splits a name without a comma into given and family names
    ("... reference site" and "contributors"), and a page without a creator
    would have Zotero read one from any element whose class contains
    "byline". tests/test_zotero.py applies the translator's rules to every
    page.
    """
    site = shared.registry(config)["site"]
    language = shared.language(config)
    context["dublin_core"] = {
        "DC.title": heading(page),
        "DC.creator": references.localized(site["author"], language) + ",",
        "DC.date": references.edition_date().isoformat(),
        "DC.language": language,
        "DC.rights": f"{site['licence']['name']}, {site['licence']['url']}",
    }


def heading(page: Page) -> str:
    """The page's first-level heading as plain text (its title if it has none)."""
    first = next((item for item in page.toc if item.level == 1), None)
    if first is None:
        return page.meta.get("title") or page.title
    return html.unescape(re.sub(r"<[^>]+>", "", first.title)).strip()


def foot(context: dict, *, config: MkDocsConfig, **_) -> None:
    """The foot of the page: the edition's date and the licence of the text."""
    strings = shared.strings(config)
    licence = shared.registry(config)["site"]["licence"]
    day = references.edition_date().isoformat()
    context["edition"] = {
        "label": strings["edition"],
        "iso": day,
        "date": references.human_date(day, strings["months"]),
        "licence": {"label": strings["licence"], "name": licence["name"], "url": licence["url"]},
    }


def editions(root: str, config: MkDocsConfig) -> dict:
    """How this edition's WebSite relates to the others: the default edition,
    at the site root, is the work the others (under /<code>/) translate."""
    if not shared.default_edition(config):
        return {"translationOfWork": {"@id": f"{root}#site"}}
    translations = [
        {"@id": f"{urljoin(root, code + '/')}#site"} for code in shared.other_locales(config)
    ]
    return {"workTranslation": translations} if translations else {}


def first_page(crumb: Page | Section) -> Page | None:
    """A page, or a section's first page (a section has no page of its own)."""
    if crumb.is_page:
        return crumb
    return next(filter(None, map(first_page, crumb.children)), None)


def graph(
    registry: dict,
    language: str,
    page: Page,
    root: str,
    home: str,
    site_name: str,
    related: dict,
) -> dict:
    """The page's structured data. Each edition of the site is a WebSite of
    its own (its home, name and language), ``related`` to the others as
    ``editions`` says; the talk and the paper are one
    node each, with one identifier and the same properties in both editions:
    the talk named as its record names it (data/registry.yml, ``record``),
    its name in the other language as ``alternateName``. Every breadcrumb
    but the page's own links a page: a section, its first page."""
    talk, paper = registry["talk"], registry["sources"]["D"]
    record = talk["record"]
    other = next(code for code in talk["name"] if code != record)
    event_id, paper_id, site_id = f"{root}#talk", f"{root}#paper", f"{home}#site"
    crumbs = [*reversed(page.ancestors), page] if page.ancestors else [page]
    items = [{"name": site_name, "item": home}]
    items += [
        {"name": crumb.title, "item": first_page(crumb).canonical_url}
        for crumb in crumbs
        if not (crumb.is_page and is_home(crumb))
    ]
    return {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "WebSite",
                "@id": site_id,
                "name": references.localized(registry["site"]["title"], language),
                "alternateName": site_name,
                "url": home,
                "inLanguage": language,
                "license": registry["site"]["licence"]["url"],
                **related,
            },
            {
                "@type": "WebPage",
                "@id": page.canonical_url,
                "url": page.canonical_url,
                "name": page.meta.get("title", page.title),
                "description": page.meta.get("description", ""),
                "inLanguage": language,
                "isPartOf": {"@id": site_id},
                "about": {"@id": event_id},
                "breadcrumb": {
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {"@type": "ListItem", "position": n, **item}
                        for n, item in enumerate(items, start=1)
                    ],
                },
            },
            {
                "@type": "EducationEvent",
                "@id": event_id,
                "name": " ".join(talk["name"][record].split()),
                "alternateName": " ".join(talk["name"][other].split()),
                "startDate": str(talk["date"]),
                "organizer": {
                    "@type": "Organization",
                    "name": talk["host"]["institute"],
                    "parentOrganization": {
                        "@type": "CollegeOrUniversity",
                        "name": talk["host"]["university"],
                    },
                },
                "performer": {"@type": "Person", "name": talk["speaker"]},
                "superEvent": {
                    "@type": "EventSeries",
                    "name": talk["series"][record],
                    "alternateName": talk["series"][other],
                },
            },
            {
                "@type": "ScholarlyArticle",
                "@id": paper_id,
                "headline": " ".join(paper["title"].split()),
                "author": {"@type": "Person", "name": talk["speaker"]},
                "datePublished": str(paper["date"]),
                "inLanguage": paper["language"],
                "pagination": str(paper["pages"]).replace("\u2013", "-"),
                "identifier": {
                    "@type": "PropertyValue",
                    "propertyID": "DOI",
                    "value": paper["doi"],
                },
                "sameAs": paper["url"],
                "isAccessibleForFree": True,
                "isPartOf": {
                    "@type": "PublicationIssue",
                    "issueNumber": str(paper["issue"]),
                    "isPartOf": {
                        "@type": ["PublicationVolume", "Periodical"],
                        "volumeNumber": str(paper["volume"]),
                        "name": paper["journal"],
                        "issn": paper["issn"],
                    },
                },
            },
        ],
    }


PAGE_STEPS = (
    interface_strings,
    print_source,
    absolute_alternates,
    report_link,
    sharing,
    citation_meta,
    foot,
)


# 3. Theme templates (404.html): the same foot as every page, and the
# strings of both languages, since one 404 page serves both.


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    interface_strings(context, config=config)
    foot(context, config=config)
    if template_name == "404.html":
        context["not_found"] = {
            language: strings["not_found"]
            for language, strings in shared.all_strings(config).items()
        }
    return context
