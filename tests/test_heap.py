"""build_tools.heap: the collector is paused only while the text stage runs, and restored on error."""

from __future__ import annotations

import gc
import shutil
from contextlib import nullcontext
from pathlib import Path

import pytest

from build_tools import heap
from build_tools.errors import ReportsError
from build_tools.sitegen import build_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def collector_on():
    gc.enable()
    yield
    heap.release()
    gc.enable()


@pytest.mark.parametrize("enabled_before", [True, False])
@pytest.mark.parametrize("fails", [False, True])
def test_collector_paused_restores_the_previous_state(enabled_before, fails):
    (gc.enable if enabled_before else gc.disable)()
    with pytest.raises(ValueError) if fails else nullcontext():
        with heap.collector_paused():
            assert not gc.isenabled()
            if fails:
                raise ValueError("boom")
    assert gc.isenabled() is enabled_before


def _one_report(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(ROOT / "source_texts" / "A_62_627.txt", src)
    return src


def test_build_corpus_pauses_the_collector_and_restores_it(tmp_path):
    seen = []
    build_corpus(_one_report(tmp_path), on_converted=lambda reports: seen.append(gc.isenabled()))
    assert seen == [False]
    assert gc.isenabled()


def test_a_failing_build_restores_the_collector(tmp_path):
    src = _one_report(tmp_path)
    (src / "A_99_1.txt").write_text("no paragraphs here\n", encoding="utf-8")
    with pytest.raises(ReportsError):
        build_corpus(src)
    assert gc.isenabled()


def test_keep_until_next_build_freezes_what_is_alive_and_release_hands_it_back():
    alive = [[i] for i in range(1000)]  # tracked objects
    heap.keep_until_next_build()
    assert gc.get_freeze_count() >= len(alive)
    heap.release()
    assert gc.get_freeze_count() == 0
