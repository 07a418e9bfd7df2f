"""The public spot checks in ../shared/spotchecks/seeds.json, run against the reports as published."""

from __future__ import annotations

import json
import re

import pytest

from build_tools.pipeline import convert_file, convert_text
from build_tools.sourcefile import read_source

from conftest import SHARED, SOURCE

SPOT = json.loads((SHARED / "spotchecks" / "seeds.json").read_text(encoding="utf-8")) if SHARED.exists() else {"reports": []}
CHECKS = {r["symbol"]: r for r in SPOT["reports"]}
pytestmark = pytest.mark.skipif(not CHECKS, reason="../shared/spotchecks not present")


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def heading(b) -> str:
    return f"{b.number}. {b.text}" if b.number else b.text


@pytest.mark.parametrize("symbol", sorted(CHECKS))
def test_metadata(reports, symbol):
    spec, r = CHECKS[symbol], reports[symbol]
    assert r.meta.date == spec["date"]
    assert r.meta.title == spec["title"]
    assert list(r.meta.symbols) == [symbol] + spec.get("also", [])


@pytest.mark.parametrize("symbol", sorted(CHECKS))
def test_paragraphs_are_all_there_in_order(reports, symbol):
    numbers = [int(b.number) for b in reports[symbol].paragraphs()]
    assert numbers == list(range(1, CHECKS[symbol]["paragraphs"] + 1))


@pytest.mark.parametrize("symbol", sorted(CHECKS))
def test_top_level_sections(reports, symbol):
    got = [heading(b) for b in reports[symbol].body if b.type == "heading" and b.level == 1]
    assert got == CHECKS[symbol]["top_level_sections"]


@pytest.mark.parametrize("symbol", sorted(CHECKS))
def test_contains(reports, symbol):
    r = reports[symbol]
    for number, snippets in CHECKS[symbol].get("contains", {}).items():
        text = plain(r.block(f"para-{number}").text)
        for snippet in snippets:
            assert snippet in text, (number, snippet)


@pytest.mark.parametrize("symbol", sorted(CHECKS))
def test_absent_everywhere(reports, symbol):
    r = reports[symbol]
    everything = " ".join([b.text for b in r.blocks()] + [f.text for f in r.footnotes] + [r.meta.title])
    for junk in CHECKS[symbol].get("absent_everywhere", []):
        assert junk not in everything, junk


def test_lettered_sections_in_text_and_restored_letters():
    spec = CHECKS["A/70/357"]
    report = convert_file(SOURCE / "A_70_357.txt")
    got = [heading(b) for b in report.body if b.type == "heading" and b.level == 2]
    for expected in spec["lettered_sections_in_text"]:
        assert expected in got
    # The errata sidecar restores the letters OCR lost, and says so.
    assert [e.note for e in report.errata] == ["The OCR lost the section letter C.", "The OCR lost the section letter F."]
    assert report.qa.section_gaps == ()


def test_without_errata_the_letter_gap_is_flagged():
    text = read_source(SHARED / CHECKS["A/70/357"]["source"])
    report = convert_text(text, "A_70_357.txt")
    assert report.qa.section_gaps == ("IV.C", "IV.F")


def test_subheadings_and_subitems_of_a_62_627(reports):
    spec, r = CHECKS["A/62/627"], reports["A/62/627"]
    subheads = [b.text for b in r.body if b.type == "heading" and b.level == 3]
    assert subheads == spec["subheadings"]
    for para, letters in spec["subitems"].items():
        assert [b.number for b in r.body if b.parent == f"para-{para}"] == letters
    assert r.summary and r.summary[0].id == "summary-1"


@pytest.mark.parametrize("symbol", sorted(CHECKS))
def test_footnotes(reports, symbol):
    r = reports[symbol]
    by_mark = {f.mark: f for f in r.footnotes}
    for spec in CHECKS[symbol]["footnotes"]:
        fn = by_mark[spec["mark"]]
        if "text" in spec:
            assert fn.text == spec["text"]
        if "referenced_from_paragraphs" in spec:
            assert list(fn.referenced_from) == [f"para-{n}" for n in spec["referenced_from_paragraphs"]]
        if "agenda" in spec.get("referenced_from", ""):
            assert fn.referenced_from == ("agenda",)
