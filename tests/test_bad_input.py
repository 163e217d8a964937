"""Broken input fails the build with a message that names the file and the fix.

Each test breaks a copy of the project in one way and runs the strict build.
"""

from __future__ import annotations

from conftest import run_mkdocs


def build(project, tmp_path):
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode != 0, "the build must fail"
    return result.log


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def append_line(path, text):
    """Append one line after a blank line; return its line number in the file."""
    line = len(path.read_text(encoding="utf-8").splitlines()) + 2
    append(path, f"\n{text}\n")
    return line


def test_broken_internal_link(project, tmp_path):
    append(project / "docs/people.md", "\nSee [nothing](nowhere.md).\n")
    log = build(project, tmp_path)
    assert "people.md" in log and "'nowhere.md'" in log


def test_broken_anchor(project, tmp_path):
    append(project / "docs/about.md", "\nSee [the notes](sources.md#no-such-section).\n")
    log = build(project, tmp_path)
    assert "about.md" in log and "no-such-section" in log


def drop_field(page, field):
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    page.write_text("".join(line for line in lines if not line.startswith(f"{field}:")))


def test_page_without_description(project, tmp_path):
    drop_field(project / "docs/glossary.md", "description")
    log = build(project, tmp_path)
    assert "glossary.md: front matter has no 'description': add 'description: ...'" in log


def test_page_without_title(project, tmp_path):
    drop_field(project / "docs/cite.id.md", "title")
    log = build(project, tmp_path)
    assert "cite.id.md: front matter has no 'title'" in log


def test_front_matter_that_is_not_yaml(project, tmp_path):
    page = project / "docs/glossary.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("description:"))
    lines[line - 1] = "description: Terms: what they mean here\n"
    page.write_text("".join(lines), encoding="utf-8")
    log = build(project, tmp_path)
    assert f"glossary.md:{line}: front matter is not valid YAML (mapping values" in log
    assert "glossary.md: front matter has no" not in log


def test_unknown_source_key(project, tmp_path):
    line = append_line(project / "docs/talk/comparison.md", "A claim [@A; @Q].")
    log = build(project, tmp_path)
    assert f"talk/comparison.md:{line}: unknown source key 'Q'; use one of A, B, C, C-en, D" in log


def test_unquoted_hash_in_front_matter(project, tmp_path):
    replace(
        project / "docs/people.md", "title: Speaker and moderator", "title: Speakers at Teacup #5"
    )
    log = build(project, tmp_path)
    assert "people.md:2: ' #' starts a YAML comment" in log and "double quotes" in log


def test_empty_citation(project, tmp_path):
    line = append_line(project / "docs/people.md", "A claim [@].")
    log = build(project, tmp_path)
    assert f"people.md:{line}: empty citation; put source keys after '@'" in log


def test_page_missing_its_translation(project, tmp_path):
    (project / "docs/talk/thesis.id.md").unlink()
    log = build(project, tmp_path)
    assert "talk/thesis.md: no 'id' translation; add talk/thesis.id.md" in log


def test_unknown_mkdocs_option(project, tmp_path):
    append(project / "mkdocs.yml", "\ncolour_scheme: dark\n")
    log = build(project, tmp_path)
    assert "colour_scheme" in log and "Unrecognised configuration name" in log


def test_unknown_shortcode(project, tmp_path):
    line = append_line(project / "docs/cite.md", "<!-- cite:talk-mla -->")
    log = build(project, tmp_path)
    assert f"cite.md:{line}: unknown cite 'talk-mla'" in log


def test_missing_favicon(project, tmp_path):
    (project / "docs/assets/images/favicon.svg").unlink()
    log = build(project, tmp_path)
    assert "theme.favicon assets/images/favicon.svg is not a file in docs/" in log
