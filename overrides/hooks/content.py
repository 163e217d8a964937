"""Content: the Markdown of every page, checked and completed before MkDocs renders it.

Steps, in the order they run:

1. ``on_startup``: remember the command (shared.py) and date the build from
   the last commit, so two builds of one commit are byte-identical (MkDocs,
   the sitemap and the citations read ``SOURCE_DATE_EPOCH``).
2. ``on_config``: check the inputs that are not pages: the registry
   (data/registry.yml), the report repository (``extra.repository``) and
   the contact address (``extra.contact``).
3. ``on_files``, after mkdocs-static-i18n has chosen the edition's files:
   every page has its translation (checked once, in the default pass), and
   the edition gets its citation files, ``cite/<key>.bib``, ``.ris`` and
   ``.json`` (references.py).
4. ``on_page_markdown``, page by page (``PAGE_STEPS``): the front matter has
   a title and a short description; the abbreviations of the page's
   language are appended; citations such as ``[@A; @C-en]`` become markers;
   the shortcodes ``<!-- source:KEY -->``, ``<!-- cite:NAME -->``,
   ``<!-- report -->``, ``<!-- publisher -->`` and ``<!-- licence -->``
   become their text.

Bad input is reported as ``file:line: what is wrong; the fix``, a warning
that fails a ``--strict`` build.
"""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
from pathlib import Path, PurePosixPath
from typing import Literal
from urllib.parse import urlparse

import references
import shared
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE

log = get_plugin_logger(__name__)


# 1. The command, and the build's date.


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    shared.remember_command(command)
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, check=False
    )
    if result.returncode == 0 and result.stdout.strip().isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = result.stdout.strip()


# 2. Inputs besides the pages.


def on_config(config: MkDocsConfig) -> None:
    shared.registry(config)
    check_repository(config.extra.get("repository"))
    check_contact(config.extra.get("contact"))


def check_repository(repository: str | None) -> None:
    """``extra.repository`` (SITE_REPOSITORY) is unset or a repository's address."""
    if not repository:
        return
    url = urlparse(repository)
    if url.scheme not in ("http", "https") or len(url.path.strip("/").split("/")) != 2:
        raise PluginError(
            f"SITE_REPOSITORY is '{repository}'; set it to the repository's "
            "address, such as https://github.com/OWNER/REPO, or leave it unset"
        )


EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]+")


def check_contact(contact: str | None) -> None:
    """``extra.contact`` (SITE_CONTACT) is unset or an e-mail address."""
    if contact and not EMAIL.fullmatch(contact):
        raise PluginError(
            f"SITE_CONTACT is '{contact}'; set it to an e-mail address, such as "
            "reports@example.org (without 'mailto:'), or leave it unset"
        )


# 3. The edition's files.


# After mkdocs-static-i18n (priority -100) has chosen this edition's files.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if shared.default_edition(config):
        docs = Path(config.docs_dir)
        pages = [path.relative_to(docs).as_posix() for path in docs.rglob("*.md")]
        for message in missing_twins(pages, shared.other_locales(config)):
            log.warning(message)
    add_citation_files(files, config)
    return files


def missing_twins(pages: list[str], locales: list[str]) -> list[str]:
    """One message per missing translation, naming the file to create.

    mkdocs-static-i18n would silently serve the English page in its place.
    """
    present = set(pages)
    messages = []
    for uri in sorted(present):
        path = PurePosixPath(uri)
        stem = path.name[: -len(".md")]
        base, _, suffix = stem.rpartition(".")
        if base and suffix in locales:
            original = str(path.with_name(f"{base}.md"))
            if original not in present:
                messages.append(f"{uri}: translation without an original; add {original}")
            continue
        for locale in locales:
            twin = str(path.with_name(f"{stem}.{locale}.md"))
            if twin not in present:
                messages.append(f"{uri}: no '{locale}' translation; add {twin}")
    return messages


def add_citation_files(files: Files, config: MkDocsConfig) -> None:
    """The three works as ``cite/<key>.bib``, ``.ris`` and ``.json`` (CSL-JSON),
    beside the edition's Cite page."""
    home = files.get_file_from_path("index.md")
    folder = posixpath.dirname(home.dest_uri) if home else ""
    registry = shared.registry(config)
    works = references.works(registry, shared.language(config), site(config, files))
    for work in works.values():
        for extension, render in references.FILES.items():
            file = File.generated(
                config,
                f"{references.FOLDER}/{work['key']}.{extension}",
                content=render(work).encode(),
            )
            # Linked as cite/<key>.bib from either Cite page; written into this edition.
            file.dest_uri = posixpath.join(folder, file.src_uri)
            files.append(file)


def site(config: MkDocsConfig, files: Files) -> dict:
    """This edition of the site as a work: its key, title, author, address and date."""
    home = files.get_file_from_path("index.md")
    path = home.url.removesuffix("index.html") if home else ""
    registry, language = shared.registry(config), shared.language(config)
    return references.site(registry, language, config.site_url, path)


# 4. Each page's Markdown.


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    for step in PAGE_STEPS:
        markdown = step(markdown, page=page, config=config, files=files)
    return markdown


def check_front_matter(markdown: str, *, page: Page, **_) -> str:
    """A ``title`` and a ``description`` of at most 160 characters.

    The title names the page in the navigation and the browser tab; the
    description becomes the meta and Open Graph description. Front matter
    that is not valid YAML is reported with the line of the error: MkDocs
    drops it silently, which would otherwise read as "no title". So is an
    unquoted value with " #" in it, which YAML cuts short there.
    """
    error = yaml_error(page.file.content_string)
    if error:
        log.warning(f"{page.file.src_path}:{error}")
        return markdown
    for problem in front_matter_problems(page.meta):
        log.warning(f"{page.file.src_path}: {problem}")
    return markdown


MAX_DESCRIPTION = 160
# A plain (unquoted) scalar that a " #" comment cuts short.
CUT_SHORT = re.compile(r"""^[\w-]+:[ \t]+(?!["'|>])[^#\n]*[ \t]#""")


def front_matter_problems(meta: dict) -> list[str]:
    """What is wrong with one page's front matter, as instructions to fix it."""
    found = []
    for field in ("title", "description"):
        value = meta.get(field)
        if not isinstance(value, str) or not value.strip():
            found.append(
                f"front matter has no '{field}': add '{field}: ...' between the "
                "'---' lines at the top of the file"
            )
    description = meta.get("description")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        found.append(
            f"description is {len(description)} characters; shorten it to "
            f"{MAX_DESCRIPTION} or fewer"
        )
    return found


def yaml_error(source: str) -> str | None:
    """'LINE: what is wrong' when a file's front matter is not a YAML mapping."""
    block = YAML_RE.match(source)
    if not block:
        return None
    try:
        data = yaml.safe_load(block.group(1))
    except yaml.YAMLError as error:
        # The block starts on the file's second line; marks count from 0.
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "cannot be read"
        context = getattr(error, "context_mark", None)
        if context and error.context:
            problem += f", {error.context} from line {context.line + 2}"
        return (
            f"{mark.line + 2 if mark else 2}: front matter is not valid YAML ({problem}); "
            "fix it there, e.g. put a value that contains ': ' or starts with a "
            "quote or a bracket in double quotes"
        )
    if not isinstance(data, dict):
        return "2: front matter must be 'key: value' lines, such as 'title: ...'"
    for number, line in enumerate(block.group(1).splitlines(), start=2):
        if CUT_SHORT.match(line):
            return (
                f"{number}: ' #' starts a YAML comment, so this value ends before it; "
                "put the value in double quotes"
            )
    return None


def append_abbreviations(markdown: str, *, config: MkDocsConfig, **_) -> str:
    """``includes/abbreviations.md`` (English) or ``abbreviations.<locale>.md``,
    through pymdownx.snippets (a missing file fails the build); the ``abbr``
    extension then turns every use into a tooltip."""
    return markdown + "\n\n" + snippet_line(shared.language(config))


def snippet_line(language: str) -> str:
    name = "abbreviations.md" if language == "en" else f"abbreviations.{language}.md"
    return f'--8<-- "{name}"\n'


# A bracketed group, not a link's text, that is a citation if one of its
# ';'-separated parts starts with '@': "[@A]", "[@A; @C-en]", and the typos
# "[A; @F]", "[@A;@]", "[@A,@B]". An escaped "\[" is literal text.
BRACKETED = re.compile(r"[ \t]*(?<!\\)\[([^\[\]\n]*)\](?![(\[])")
ANY_BRACKETS = re.compile(r"\[[^\[\]\n]*\]")
UNCLOSED = re.compile(r"(?<!\\)\[[ \t]*@[^\]\s]*")
KEY = re.compile(r"@([\w-]+)")
FENCE = re.compile(r"^\s*(```|~~~)")
# Text inside a table header: an HTML <th> (the comparison table's row and
# column headers), or the first row of a pipe table, the one above |---|.
HEADER_CELL = re.compile(r"<th\b[^>]*>.*?</th>", re.S | re.I)
DELIMITER_ROW = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?[ \t]*)?$")
IN_HEADER = (
    "a citation in a table header makes the header's name include the marker; "
    "move it into the row's cells"
)


def mark_citations(markdown: str, *, page: Page, config: MkDocsConfig, **_) -> str:
    """``[@A]`` or ``[@A; @C-en]`` becomes one superscript marker, ``[A, C-en]``.

    The marker is one link, to the first key's entry on the Sources page
    (``sources.md#source-<key>``), which lists every source: one Tab stop
    and one tap target per claim. Its name is its text, "[A, C-en]": a
    voice command says what the eye sees, and the bracket parts it from
    the word before it; its description (the ``title``) names the sources,
    "A: FISIPOL UGM news article; C-en: ...". Nothing pops up but the
    browser's own tooltip. The space before a marker goes, so it sits on
    the word. Fenced code is left alone. A malformed citation stays as
    text; every problem, a citation in a table header too, is a warning.
    """
    sources = shared.registry(config)["sources"]
    target = posixpath.relpath("sources.md", posixpath.dirname(page.file.src_uri) or ".")
    rendered, problems = render_citations(markdown, sources, shared.language(config), target)
    offset = front_matter_lines(page.file.content_string, markdown)
    for line, problem in problems:
        log.warning(f"{page.file.src_path}:{line + offset}: {problem}")
    return rendered


def render_citations(
    markdown: str, sources: dict, language: str, target: str
) -> tuple[str, list[tuple[int, str]]]:
    """Replace citations line by line; return the text and every problem as
    (line, 'what is wrong; the fix')."""
    out, problems, fenced, start = [], [], False, 0
    headers = [match.span() for match in HEADER_CELL.finditer(markdown)]
    lines = markdown.split("\n")

    def marker(match: re.Match, number: int, header: bool) -> str:
        keys, wrong = citation_keys(match.group(1), sources)
        if keys is None:
            return match.group(0)
        problems.extend((number, problem) for problem in wrong)
        if wrong:
            return match.group(0)
        if header or any(a <= start + match.start() < b for a, b in headers):
            problems.append((number, IN_HEADER))
        names = references.source_names(keys, sources, language)
        return (
            f'<sup class="cite">[\\[{", ".join(keys)}\\]]({target}#source-{keys[0].lower()}'
            f' "{names}")</sup>'
        )

    for number, line in enumerate(lines, start=1):
        if FENCE.match(line):
            fenced = not fenced
        if not fenced:
            header = "|" in line and DELIMITER_ROW.match(next_line(lines, number)) is not None
            unclosed = UNCLOSED.search(ANY_BRACKETS.sub("", line))
            if unclosed:
                problems.append(
                    (number, f"citation '{unclosed.group(0).strip()}' has no closing ']'; add it")
                )
            line = BRACKETED.sub(lambda m, n=number, h=header: marker(m, n, h), line)
        out.append(line)
        start += len(lines[number - 1]) + 1
    return "\n".join(out), problems


def next_line(lines: list[str], number: int) -> str:
    """The line after line ``number`` (counted from 1), or ''."""
    return lines[number] if number < len(lines) else ""


def citation_keys(inner: str, sources: dict) -> tuple[list[str] | None, list[str]]:
    """The keys of a bracketed group and what is wrong with it; (None, [])
    when it is not a citation at all."""
    parts = [part.strip() for part in inner.split(";")]
    if not any(part.startswith("@") for part in parts):
        return None, []
    written = f"[{inner}]"
    if all(part in ("", "@") for part in parts):
        return [], ["empty citation; put source keys after '@', e.g. [@A] or [@A; @B]"]
    keys, wrong = [], []
    for part in parts:
        key = KEY.fullmatch(part)
        if part in ("", "@"):
            wrong.append(f"empty key in '{written}'; put a key after each '@' or drop a ';'")
        elif part.count("@") > 1:
            wrong.append(f"'{part}' in '{written}' is not one key; separate keys with ';'")
        elif not part.startswith("@"):
            wrong.append(f"source key '{part}' in '{written}' lacks its '@'; write '@{part}'")
        elif not key:
            wrong.append(f"'{part}' in '{written}' is not a source key; write keys as [@A; @B]")
        elif key.group(1) not in sources:
            wrong.append(
                f"unknown source key '{key.group(1)}'; use one of {', '.join(sources)} "
                "or add it to data/registry.yml"
            )
        else:
            keys.append(key.group(1))
    return keys, wrong


def front_matter_lines(source: str, markdown: str) -> int:
    """Lines above the Markdown body in the file (front matter), for true line numbers."""
    start = source.find(markdown[:80]) if markdown else -1
    return source.count("\n", 0, start) if start > 0 else 0


SHORTCODE = re.compile(
    r"^<!-- (?:(source|cite):([\w-]+)|(report|publisher|licence)) -->$", re.MULTILINE
)


def expand_shortcodes(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """``<!-- source:KEY -->`` (Sources: a source's full reference),
    ``<!-- cite:NAME -->`` (Cite: an APA 7 or BibTeX block citing the site,
    the talk or the paper, or its COinS, e.g. ``cite:talk-apa``), and for
    About: ``<!-- report -->`` (how to report a problem, by the report form
    and the contact address the build knows), ``<!-- publisher -->`` (the
    name the contributors are cited under, and their repository when the
    build knows it) and ``<!-- licence -->`` (the licence of the text)."""
    registry, strings = shared.registry(config), shared.strings(config)
    language = shared.language(config)

    def replace(match: re.Match) -> str:
        kind, name, about = match.groups()
        if about:
            return about_text(about, registry, language, strings, config.extra)
        if kind == "source":
            text = references.reference(name, registry, language, strings)
        else:
            works = references.works(registry, language, site(config, files))
            text = references.citation(name, works, language, strings)
        if text is None:
            source = page.file.content_string
            line = source.count("\n", 0, source.find(match.group(0))) + 1
            known = references.known(kind, registry)
            log.warning(
                f"{page.file.src_path}:{line}: unknown {kind} '{name}' in "
                f"'{match.group(0)}'; use one of {', '.join(known)}"
            )
            return match.group(0)
        return text

    return SHORTCODE.sub(replace, markdown)


def about_text(name: str, registry: dict, language: str, strings: dict, extra: dict) -> str:
    """About's texts that depend on the build: ``report``, ``publisher``, ``licence``."""
    about = strings["about"]
    if name == "report":
        return report_text(strings["report"], extra.get("repository"), extra.get("contact"))
    if name == "publisher":
        text = about["publisher"].format(
            author=references.localized(registry["site"]["author"], language)
        )
        repository = extra.get("repository")
        return text + (" " + about["repository"].format(url=repository) if repository else "")
    licence = registry["site"]["licence"]
    return about["licence"].format(
        title=references.localized(licence["title"], language),
        name=licence["name"],
        url=licence["url"],
    )


def report_text(text: dict, repository: str | None, contact: str | None) -> str:
    """How to report a problem: the report form (a GitHub account), an e-mail
    address for readers without one, both, or neither."""
    mail = f"[{contact}](mailto:{contact})" if contact else ""
    if repository and contact:
        return text["with"].format(link=text["link"]) + " " + text["with_mail"].format(address=mail)
    if repository:
        return text["with"].format(link=text["link"])
    if contact:
        return text["mail_only"].format(link=text["link"], address=mail)
    return text["without"]


PAGE_STEPS = (check_front_matter, append_abbreviations, mark_citations, expand_shortcodes)
