"""benchmarks/synth.py: distinct symbols, same paragraph numbering, cross-citations, deterministic."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from synth import make_corpus, synthetic_symbols  # noqa: E402

from build_tools.pipeline import convert_file  # noqa: E402
from build_tools.sitegen import build_corpus, published_symbols  # noqa: E402


def test_corpus_converts_with_distinct_symbols_and_intact_numbering(tmp_path):
    paths = make_corpus(tmp_path / "c", 14)
    assert len(paths) == 14
    reports = [convert_file(p) for p in paths]
    published = published_symbols(reports)  # raises on a duplicate symbol
    assert len({r.meta.symbol for r in reports}) == 14
    assert all(sym.startswith(("A/90/", "A/91/", "S/2090/", "S/2091/")) for sym in published)
    for r in reports:
        assert r.qa.paragraph_gaps == ()
    result = build_corpus(tmp_path / "c")
    assert len(result.reports) == 14


def test_paragraphs_are_shuffled_and_cite_other_reports(tmp_path):
    paths = make_corpus(tmp_path / "c", 12)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in paths}
    cited = set(re.findall(r"As noted in my report ([AS]/\d+/\d+), para\. \d+", "".join(texts.values())))
    assert cited and cited <= {p.stem.replace("_", "/") for p in paths}
    assert re.search(r"resolution \d{4} \(2090\)", "".join(texts.values()))
    # Reports made from the same real text differ (shuffled bodies).
    assert texts["S_2090_4"].split("\n", 20)[-1] != texts["S_2090_10"].split("\n", 20)[-1]


def test_deterministic(tmp_path):
    a = make_corpus(tmp_path / "a", 7)
    b = make_corpus(tmp_path / "b", 7)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_symbol_mapping_distinct_within_a_report():
    m = synthetic_symbols(("A/70/357", "S/2015/682", "A/70/358"), 4)
    assert m == {"A/70/357": "A/90/5", "S/2015/682": "S/2090/5", "A/70/358": "A/91/5"}
