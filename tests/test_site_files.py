"""Redirect pages bypass the site engine: kept out of docs/, written straight into the built site."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.errors import OutputError
from build_tools.sitegen import BackgroundWrite, split_site_only, write_site_files


def test_split_keeps_markdown_and_data_for_the_engine():
    files = {"A/1/1/index.md": "m", "A/1/1/data.json": "{}", "A/1/1/para-1/index.html": "<p>r</p>"}
    docs, site = split_site_only(files)
    assert docs == {"A/1/1/index.md": "m", "A/1/1/data.json": "{}"}
    assert site == {"A/1/1/para-1/index.html": "<p>r</p>"}


def test_write_site_files_writes_bytes(tmp_path: Path):
    assert write_site_files(tmp_path, {"A/1/1/para-1/index.html": "é<p>"}) == 1
    assert (tmp_path / "A/1/1/para-1/index.html").read_bytes() == "é<p>".encode()


@pytest.mark.parametrize("rel", ["../x.html", "/etc/x.html", "A/../../x.html", ".."])
def test_write_site_files_refuses_paths_outside_the_site(tmp_path: Path, rel: str):
    with pytest.raises(OutputError, match="outside the site folder"):
        write_site_files(tmp_path / "site", {rel: "x"})


def test_a_bad_path_stops_the_write_before_the_first_file(tmp_path: Path):
    with pytest.raises(OutputError, match="outside the site folder"):
        write_site_files(tmp_path, {"A/1/para-1/index.html": "x", "Z/../../x.html": "y"})
    assert not list(tmp_path.iterdir())


def test_background_write_writes_fixed_pages_and_checks_paths_up_front(tmp_path: Path):
    BackgroundWrite(tmp_path, {"A/1/para-1/index.html": "<a href='../'>"}, fix=str.upper).join()
    assert (tmp_path / "A/1/para-1/index.html").read_text() == "<A HREF='../'>"
    with pytest.raises(OutputError, match="outside the site folder"):
        BackgroundWrite(tmp_path / "other", {"../x.html": "x"})
    assert not (tmp_path / "other").exists()


def test_background_write_reports_a_file_system_error_on_join(tmp_path: Path):
    (tmp_path / "A").write_text("a file where a folder must go")
    writing = BackgroundWrite(tmp_path, {"A/1/index.html": "x"})
    with pytest.raises(OutputError, match="cannot write the site") as err:
        writing.join()
    assert "A/1" in str(err.value)


def test_built_site_has_redirects_that_docs_does_not(built_site: Path):
    assert (built_site / "A/70/357/para-12/index.html").is_file()
    assert (built_site / "S/2015/682/index.html").is_file()
    assert not list((built_site.parent / "docs").rglob("*.html")), "redirect pages stay out of docs/"
    assert (built_site / "pagefind/pagefind-entry.json").is_file()
    assert not list(built_site.parent.glob(".*-pagefind-*")), "the Pagefind staging folder is removed"
