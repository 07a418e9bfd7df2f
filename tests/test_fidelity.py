"""Fidelity over every text in ../shared: all paragraphs recovered, in order, with no page furniture left."""

from __future__ import annotations

import re

import pytest

from build_tools.fidelity import _convert, markdown_table, score

from conftest import SHARED

# File -> number of numbered paragraphs in its main numbering (read off the texts by hand).
EXPECTED = {
    "seeds/000_2005f4ca479404d5.txt": 79,
    "seeds/003_5ffca3be9944a5bc.txt": 133,
    "corpus/MINUJUSTH_S_2018_241.txt": 66,
    "corpus/MINUNGUA_A_51_695_S_1996_998.txt": 12,
    "corpus/MINUSTAH_S_2006_592.txt": 98,
    "corpus/UNMIK_S_1999_779.txt": 127,
}
# What page furniture looks like if it leaks into text.
FURNITURE = re.compile(r"\b\d{2}-\d{5}\b|\*\d{7,}[A-Z]?\*|l{8,}|\bPage \d+\b|¬|/\.\.\.")
pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="../shared not present")


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def converted(request):
    return request.param, _convert(SHARED / request.param)


def test_every_numbered_paragraph_in_order(converted):
    name, report = converted
    assert [int(p.number) for p in report.paragraphs()] == list(range(1, EXPECTED[name] + 1))


def test_no_page_furniture_in_any_block(converted):
    _, report = converted
    leaks = [(b.id, m.group()) for b in report.blocks() for m in [FURNITURE.search(b.text)] if m]
    assert leaks == []


def test_every_paragraph_ends_a_sentence(converted):
    """A paragraph cut short by a page break, or with a heading glued on, would not."""
    _, report = converted
    open_ends = [p.id for p in report.paragraphs() if not re.search(r"[.!?:;”\")]$", p.text)]
    assert open_ends == []


def test_dropped_lines_are_all_furniture_shaped(converted):
    """Nothing that reads as a sentence was dropped."""
    _, report = converted
    sentences = [d.text for d in report.qa.dropped if len(d.text.split()) > 4]
    assert sentences == []


def test_score_table_covers_every_report():
    scores = [score(_convert(SHARED / name)) for name in sorted(EXPECTED)]
    assert all(s.complete for s in scores)
    table = markdown_table(scores)
    assert table.count("\n") == len(EXPECTED) + 2
    assert "changed by ocr-confusion" in table


def test_the_fidelity_page_shows_the_score_table_the_code_gives():
    """docs/guide/fidelity.md prints the table of `python -m build_tools.fidelity ../shared/seeds
    ../shared/corpus`: a change of the text stage that moves a number must print it anew."""
    from pathlib import Path

    paths = [path for folder in ("seeds", "corpus") for path in sorted((SHARED / folder).glob("*.txt"))]
    scores = [score(_convert(path)) for path in paths]
    page = (Path(__file__).resolve().parents[1] / "docs/guide/fidelity.md").read_text(encoding="utf-8")
    assert markdown_table(scores).strip() in page
