"""Sidecar files: metadata overrides, errata (exactly one match, shown to readers), errors with file:line."""

from __future__ import annotations

import pytest

from build_tools.errors import SidecarError
from build_tools.pipeline import convert_file

TEXT = "S/2099/5\n\nI. Introduction\n\n1. The Fleet met twice.\n\n2. The Fleet met again.\n\nTailored operations\n\n3. Three.\n"


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_metadata_sidecar_overrides_the_masthead(tmp_path):
    src = write(tmp_path, "S_2099_5.txt", TEXT)
    write(tmp_path, "S_2099_5.yml", "title: A better title\nsymbols: [S/2099/5, A/99/5]\ndate: '2099-01-02'\n")
    r = convert_file(src)
    assert (r.meta.title, r.meta.symbols, r.meta.date) == ("A better title", ("S/2099/5", "A/99/5"), "2099-01-02")


def test_erratum_applies_once_and_is_placed_on_its_block(tmp_path):
    src = write(tmp_path, "S_2099_5.txt", TEXT)
    write(tmp_path, "S_2099_5.errata.yml", "- find: \"\\n\\nTailored operations\"\n  replace: \"\\n\\nA. Tailored operations\"\n  note: lost letter\n")
    r = convert_file(src)
    heading = r.block("sec-I-A")
    assert heading is not None and heading.text == "Tailored operations"
    assert [(e.block_id, e.note) for e in r.errata] == [("sec-I-A", "lost letter")]


@pytest.mark.parametrize(
    "errata,message,line",
    [
        ("- find: Fleet met\n  replace: fleet met\n", "exactly once, found 2 times", 1),
        ("errata:\n  - find: nothing like this\n    replace: x\n", "found nowhere", 2),
        ("- find: Three\n  replace: 'x'\n  colour: red\n", "unknown key 'colour'", 1),
        ("- find: Three\n", "lacks replace", 1),
        ("- find: [Three]\n  replace: x\n", "'find' must be str", 1),
        ("- find: Three\n  replace: x\n  - bad\n", "malformed YAML", 3),
        ("just a string\n", "expected a list", 1),
    ],
)
def test_bad_errata_name_file_and_line(tmp_path, errata, message, line):
    src = write(tmp_path, "S_2099_5.txt", TEXT)
    write(tmp_path, "S_2099_5.errata.yml", errata)
    with pytest.raises(SidecarError) as err:
        convert_file(src)
    assert message in str(err.value)
    assert str(err.value).startswith(f"{tmp_path / 'S_2099_5.errata.yml'}:{line}: ")


@pytest.mark.parametrize(
    "meta,message",
    [("colour: red\n", "unknown key 'colour'"), ("symbols: 5\n", "'symbols' must be list"), ("- a\n", "must be a mapping")],
)
def test_bad_metadata_sidecar(tmp_path, meta, message):
    src = write(tmp_path, "S_2099_5.txt", TEXT)
    write(tmp_path, "S_2099_5.yml", meta)
    with pytest.raises(SidecarError, match=message):
        convert_file(src)


def test_sidecar_symbol_that_escapes_the_site_is_refused(tmp_path):
    src = write(tmp_path, "S_2099_5.txt", TEXT)
    write(tmp_path, "S_2099_5.yml", "symbol: ../../etc\n")
    with pytest.raises(Exception, match="not a usable document symbol"):
        convert_file(src)
