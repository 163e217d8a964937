"""Structured data (JSON-LD) and sharing metadata for every page.

Built from the registry (data/registry.yml), never hand-copied: the talk as
an ``EducationEvent`` in its series, the speaker's 2022 paper as a
``ScholarlyArticle``, the ``WebSite``, this ``WebPage`` and its
``BreadcrumbList``. Only what the sources say is claimed: the talk's
language, venue and attendance mode are unknown, so they are left out.
``overrides/main.html`` writes the result and the Open Graph tags.

Events: ``on_page_context``.
"""

from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

LOCALES = {"en": "en_US", "id": "id_ID"}


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    language = config.theme.get("language", "en")
    # The site root: shared by both editions; the assets live there.
    root = urljoin(page.canonical_url, context["base_url"].rstrip("/") + "/")
    # Each edition has its own home page (index.md, index.id.md); MkDocs
    # counts only the site root's as the homepage.
    start = next((p for p in nav.pages if is_home(p)), None)
    home = start.canonical_url if start else root
    context["is_home"] = is_home(page)
    context["structured_data"] = graph(
        config.extra["registry"], language, page, root, home, config.site_name
    )
    context["og_locale"] = LOCALES.get(language, language)
    context["og_locale_alternates"] = [v for k, v in LOCALES.items() if k != language]
    context["og_image"] = urljoin(root, "assets/images/social.png")
    return context


def is_home(page: Page) -> bool:
    """The home page of an edition: index.md or its twin index.<locale>.md."""
    return page.file.src_uri.split(".")[0] == "index"


def graph(registry: dict, language: str, page: Page, root: str, home: str, site_name: str) -> dict:
    talk, paper = registry["talk"], registry["sources"]["D"]
    event_id, paper_id = f"{root}#talk", f"{root}#paper"
    crumbs = [*reversed(page.ancestors), page] if page.ancestors else [page]
    items = [{"name": site_name, "item": home}]
    items += [
        {"name": crumb.title, **({"item": crumb.canonical_url} if crumb.is_page else {})}
        for crumb in crumbs
        if not (crumb.is_page and is_home(crumb))
    ]
    return {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "WebSite",
                "@id": f"{root}#site",
                "name": site_name,
                "url": root,
                "inLanguage": language,
            },
            {
                "@type": "WebPage",
                "@id": page.canonical_url,
                "url": page.canonical_url,
                "name": page.meta.get("title", page.title),
                "description": page.meta.get("description", ""),
                "inLanguage": language,
                "isPartOf": {"@id": f"{root}#site"},
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
                "name": " ".join(talk["name"][language].split()),
                "startDate": str(talk["date"]),
                "organizer": {
                    "@type": "Organization",
                    "name": "Institute of International Studies (IIS)",
                    "parentOrganization": {
                        "@type": "CollegeOrUniversity",
                        "name": "Universitas Gadjah Mada",
                    },
                },
                "performer": {"@type": "Person", "name": talk["speaker"]},
                "superEvent": {
                    "@type": "EventSeries",
                    "name": talk["series"][language],
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
