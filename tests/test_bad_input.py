"""Broken input fails the build with a message that names the file and the fix.

One table: each row breaks a copy of the project in one way and names the
message the build must print. The rows that the build reports as warnings
all go into one copy, built once (a strict build reports every warning,
then fails); the rows that stop the build at once get a build each.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_mkdocs


def append(path: Path, text: str) -> int:
    """Append one line after a blank line; return its line number in the file."""
    line = len(path.read_text(encoding="utf-8").splitlines()) + 2
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
    return line


def replace(path: Path, old: str, new: str) -> int:
    """Replace text; return the line number where it was."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def line_of(path: Path, text: str) -> int:
    """The line where `text` first starts in the file."""
    content = path.read_text(encoding="utf-8")
    return content[: content.index(text)].count("\n") + 1


def drop_field(path: Path, field: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith(f"{field}:")))
    return 0


def field_line(path: Path, field: str, value: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, 1) if text.startswith(f"{field}:"))
    lines[line - 1] = f"{field}: {value}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return line


# (what is broken, how, the message; {line} is the line the breakage returned)
WARNINGS = [
    (
        "a link to no page",
        lambda p: append(p / "docs/people.md", "See [nothing](nowhere.md)."),
        "people.md' contains a link 'nowhere.md'",
    ),
    (
        "a link to no section",
        lambda p: append(p / "docs/about.md", "See [the notes](sources.md#no-such-section)."),
        "about.md' contains a link 'sources.md#no-such-section'",
    ),
    (
        "no description",
        lambda p: drop_field(p / "docs/glossary.md", "description"),
        "glossary.md: front matter has no 'description': add 'description: ...'",
    ),
    (
        "no title",
        lambda p: drop_field(p / "docs/cite.id.md", "title"),
        "cite.id.md: front matter has no 'title'",
    ),
    (
        "front matter that is not YAML",
        lambda p: field_line(p / "docs/sources.md", "description", "Terms: what they mean"),
        "sources.md:{line}: front matter is not valid YAML (mapping values",
    ),
    (
        "an unknown source key",
        lambda p: append(p / "docs/talk/comparison.md", "A claim [@A; @Q]."),
        "talk/comparison.md:{line}: unknown source key 'Q'; use one of A, B, C, C-en, D",
    ),
    (
        "an empty citation",
        lambda p: append(p / "docs/people.id.md", "Klaim [@]."),
        "people.id.md:{line}: empty citation; put source keys after '@'",
    ),
    (
        "a source key without its '@'",
        lambda p: append(p / "docs/talk/thesis.md", "A claim [A; @B]."),
        "talk/thesis.md:{line}: source key 'A' in '[A; @B]' lacks its '@'; write '@A'",
    ),
    (
        "an empty key after a ';'",
        lambda p: append(p / "docs/people.md", "A claim [@A;@]."),
        "people.md:{line}: empty key in '[@A;@]'; put a key after each '@' or drop a ';'",
    ),
    (
        "keys separated by a comma",
        lambda p: append(p / "docs/glossary.id.md", "Klaim [@A,@B]."),
        "glossary.id.md:{line}: '@A,@B' in '[@A,@B]' is not one key; separate keys with ';'",
    ),
    (
        "a citation without its ']'",
        lambda p: append(p / "docs/about.md", "A claim [@A and the rest."),
        "about.md:{line}: citation '[@A' has no closing ']'; add it",
    ),
    (
        "a citation in a table header",
        lambda p: append(p / "docs/sources.id.md", "| Peran [@A] | Nama |\n| --- | --- |"),
        "sources.id.md:{line}: a citation in a table header makes the header's name include "
        "the marker; move it into the row's cells",
    ),
    (
        "an unquoted ' #' in front matter",
        lambda p: replace(
            p / "docs/people.md", "title: Speaker and moderator", "title: Speakers at Teacup #5"
        ),
        "people.md:{line}: ' #' starts a YAML comment",
    ),
    (
        "a page without its translation",
        lambda p: (p / "docs/talk/thesis.id.md").unlink(),
        "talk/thesis.md: no 'id' translation; add talk/thesis.id.md",
    ),
    (
        "an unknown shortcode",
        lambda p: append(p / "docs/cite.md", "<!-- cite:talk-mla -->"),
        "cite.md:{line}: unknown cite 'talk-mla'",
    ),
]
FATAL = [
    (
        "an unknown mkdocs.yml option",
        lambda p: append(p / "mkdocs.yml", "colour_scheme: dark"),
        "Unrecognised configuration name: colour_scheme",
    ),
    (
        "a missing favicon",
        lambda p: (p / "docs/assets/images/favicon.svg").unlink(),
        "theme.favicon assets/images/favicon.svg is not a file in docs/",
    ),
    (
        "a source without its fields",
        lambda p: (
            replace(p / "data/registry.yml", "    language: id\n", "")
            and line_of(p / "data/registry.yml", "  B:\n")
        ),
        "registry.yml:{line}: source 'B' lacks language; add them",
    ),
    (
        "a registry without the site's citation",
        lambda p: replace(p / "data/registry.yml", "\nsite:\n", "\nsite_moved:\n"),
        "registry.yml:1: the registry's 'site' mapping lacks author, key, licence, title; add them",
    ),
    (
        "a label without its Indonesian text",
        lambda p: (
            replace(p / "data/registry.yml", "      id: Artikel berita FISIPOL UGM\n", "")
            and line_of(p / "data/registry.yml", "    label:\n")
        ),
        "registry.yml:{line}: 'sources.A.label' is a text in both languages but has no id text; "
        "add id: ...",
    ),
    (
        "a language named, not coded",
        lambda p: replace(p / "data/registry.yml", "    language: en\n", "    language: English\n"),
        "registry.yml:{line}: 'sources.A.language' is 'English'; write a language code: en or id",
    ),
    (
        "a talk cited to no source",
        lambda p: replace(p / "data/registry.yml", "  sources: [A, B]\n", "  sources: [A, Z]\n"),
        "registry.yml:{line}: the talk's source 'Z' is not under 'sources'; use one of A, B,",
    ),
    (
        "a contact that is not an e-mail address",
        lambda p: replace(
            p / "mkdocs.yml", "contact: !ENV [SITE_CONTACT, null]", "contact: mailto:reports"
        ),
        "SITE_CONTACT is 'mailto:reports'; set it to an e-mail address",
    ),
]


def failed_build(project: Path, tmp_path: Path) -> str:
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode != 0, "the build must fail"
    return result.log


def test_every_warning_names_the_file_and_the_fix(project, tmp_path):
    expected = {}
    for what, breakage, message in WARNINGS:
        expected[what] = message.format(line=breakage(project))
    log = failed_build(project, tmp_path)
    missing = {what: message for what, message in expected.items() if message not in log}
    assert missing == {}, log
    assert "sources.md: front matter has no" not in log, "one error, one message"


@pytest.mark.parametrize(("what", "breakage", "message"), FATAL, ids=[row[0] for row in FATAL])
def test_input_that_stops_the_build_says_why(project, tmp_path, what, breakage, message):
    message = message.format(line=breakage(project))
    log = failed_build(project, tmp_path)
    assert message in log, f"{what}: the build must say {message!r}; it said:\n{log}"
    assert "Traceback" not in log, f"{what}: a traceback instead of a message:\n{log}"
