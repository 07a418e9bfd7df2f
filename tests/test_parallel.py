"""build_tools.parallel: ordered results, every failure collected and named, serial == pooled."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from build_tools import parallel
from build_tools.errors import CorpusError, ReportsError, SourceError
from build_tools.parallel import map_reports, worker_count
from build_tools.pipeline import convert_file

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "source_texts").glob("*.txt"))


def _square_or_fail(x: int) -> int:
    if x % 5 == 3:
        raise SourceError("bad report", f"r{x}.txt", x)
    if x == 7:
        raise ValueError("a bug")
    return x * x


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("n", [0, 1, parallel.MIN_ITEMS_FOR_POOL + 5])
def test_results_in_input_order(workers, n):
    items = [x for x in range(n) if x % 5 != 3 and x != 7]
    assert map_reports(_square_or_fail, items, workers=workers) == [x * x for x in items]


@pytest.mark.parametrize("workers", [1, 2])
def test_all_failures_reported_together_each_naming_its_file(workers):
    items = list(range(20))
    with pytest.raises(CorpusError) as info:
        map_reports(_square_or_fail, items, name_of=lambda x: f"r{x}.txt", workers=workers)
    message = str(info.value)
    assert "\n" not in message  # one line
    assert message.startswith("5 reports failed: ")
    for bad in ("r3.txt:3: bad report", "r8.txt:8: bad report", "r13.txt:13", "r18.txt:18"):
        assert bad in message
    assert "r7.txt: internal error: ValueError: a bug" in message
    assert message.index("r3.txt") < message.index("r7.txt") < message.index("r18.txt")  # input order


def test_single_failure_is_raised_as_is():
    with pytest.raises(SourceError) as info:
        map_reports(_square_or_fail, [1, 3], name_of=lambda x: f"r{x}.txt", workers=1)
    assert str(info.value) == "r3.txt:3: bad report"


def test_errors_survive_the_trip_from_a_worker():
    err = pickle.loads(pickle.dumps(SourceError("msg", "a.txt", 4)))
    assert (type(err), err.path, err.line, str(err)) == (SourceError, "a.txt", 4, "a.txt:4: msg")


@pytest.mark.parametrize(
    "requested, env, expected",
    [(3, "", 3), (None, "1", 1), (None, "4", 4), (None, "x", None), (None, "0", None)],
)
def test_worker_count(monkeypatch, requested, env, expected):
    monkeypatch.setenv("REPORTS_WORKERS", env)
    got = worker_count(requested)
    assert got == expected if expected is not None else got >= 1


def test_pooled_conversion_equals_serial():
    paths = SOURCES * 2  # over the pool threshold
    pooled = map_reports(convert_file, paths, workers=2)
    serial = [convert_file(p) for p in paths]
    assert pooled == serial


def test_bad_report_does_not_stop_the_others(tmp_path):
    good = [tmp_path / p.name for p in SOURCES]
    for src, dst in zip(SOURCES, good):
        dst.write_bytes(src.read_bytes())
    bad = [tmp_path / "S_2099_1.txt", tmp_path / "S_2099_2.txt"]
    bad[0].write_bytes(b"binary\x00data")
    bad[1].write_text("   \n", encoding="utf-8")
    paths = sorted(good + bad) + good  # enough for the pool
    with pytest.raises(ReportsError) as info:
        map_reports(convert_file, paths, workers=2)
    assert "2 reports failed" in str(info.value)
    assert "S_2099_1.txt" in str(info.value) and "S_2099_2.txt" in str(info.value)


@pytest.mark.parametrize("workers", [1, 2])
def test_with_a_refused_list_the_failures_go_there_and_their_results_are_none(workers):
    items = list(range(20))
    refused: list = []
    got = map_reports(_square_or_fail, items, name_of=lambda x: f"r{x}.txt", workers=workers, refused=refused)
    assert got == [None if x % 5 == 3 or x == 7 else x * x for x in items]
    assert [str(e) for e in refused][:2] == ["r3.txt:3: bad report", "r7.txt: internal error: ValueError: a bug"]
    assert len(refused) == 5


def test_keep_going_leaves_the_refused_reports_out_of_the_corpus(tmp_path):
    from build_tools.sitegen import build_corpus

    for src in SOURCES[:2]:
        (tmp_path / src.name).write_bytes(src.read_bytes())
    (tmp_path / "S_2099_1.txt").write_bytes(b"binary\x00data")
    result = build_corpus(tmp_path, keep_going=True, cache_dir=tmp_path / ".cache")
    assert [r.source for r in result.reports] == [p.name for p in SOURCES[:2]]
    assert result.refused == (f"{tmp_path / 'S_2099_1.txt'}: contains NUL bytes: not a text file",)
    assert not any(path.startswith("S/2099") for path in result.files)
    with pytest.raises(SourceError):
        build_corpus(tmp_path)
    (tmp_path / SOURCES[0].name).unlink()
    (tmp_path / SOURCES[1].name).unlink()
    with pytest.raises(SourceError):  # nothing left to publish: the refusal is the error
        build_corpus(tmp_path, keep_going=True)
