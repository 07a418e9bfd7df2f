"""Editors' notes: checked against the report, rendered as Markdown with raw HTML escaped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools.annotations import check_notes, note_html
from build_tools.errors import SidecarError
from build_tools.pipeline import convert_file
from build_tools.reader_pages import annotations_page
from build_tools.render import SiteContext, render_report
from build_tools.sidecars import Note

SOURCES = Path(__file__).resolve().parent.parent / "source_texts"


@pytest.mark.parametrize(
    "markdown, expected",
    [
        ("*Panel* and [A/70/95](https://undocs.org/A/70/95)",
         '<p><em>Panel</em> and <a href="https://undocs.org/A/70/95">A/70/95</a></p>'),
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("one\n\ntwo", "<p>one</p>\n<p>two</p>"),
        ("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>"),
    ],
)
def test_note_html(markdown, expected):
    assert note_html(Note("para-1", markdown, 1)) == expected


def test_note_on_a_missing_paragraph_names_file_and_line():
    with pytest.raises(SidecarError) as err:
        check_notes([Note("para-1", "ok", 3), Note("para-999", "gone", 7)], {"para-1"}, "x.notes.yml")
    assert str(err.value).startswith("x.notes.yml:7: ")
    assert "para-999" in str(err.value)


def test_build_fails_on_a_bad_notes_file(tmp_path):
    shutil.copy(SOURCES / "A_51_695.txt", tmp_path / "A_51_695.txt")
    (tmp_path / "A_51_695.notes.yml").write_text("notes:\n  - paragraph: para-1\n    note: fine\n  - paragraph: para-9999\n    note: no\n")
    with pytest.raises(SidecarError, match=r"A_51_695\.notes\.yml:4: "):
        convert_file(tmp_path / "A_51_695.txt")


def test_example_notes_are_shown_beside_their_paragraphs():
    report = convert_file(SOURCES / "A_70_357.txt")
    assert [n.block_id for n in report.notes] == ["para-12", "para-15"]
    page = render_report(report, SiteContext())["A/70/357/III/index.md"]
    note_at = page.index('<aside class="editor-note" id="note-para-12"')
    assert page.index('id="para-12"') < note_at < page.index('id="para-13"')
    listing = annotations_page(report, SiteContext())
    assert 'href="../III/#para-12"' in listing and "para. 15" in listing
