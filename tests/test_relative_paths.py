"""render.relative's string-prefix fast path answers as the segment comparison it replaced."""

from __future__ import annotations

import posixpath
import random

from build_tools.render import _plain_path, _relpath, relative


def _segment_relpath(path: str, start: str) -> str:
    """The segment comparison _relpath used for every path before the fast path."""
    if ".." in path or ".." in start:
        return posixpath.relpath(path, start)
    to_parts = [p for p in path.split("/") if p and p != "."]
    from_parts = [p for p in start.split("/") if p and p != "."]
    common = 0
    for a, b in zip(to_parts, from_parts, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


# Segments that share prefixes ("A" and "A.b", "III" and "IV"), so that string prefixes
# which are not folder prefixes get tried.
SEGMENTS = ["A", "70", "357", "III", "II", "IV", "para-12", "data.json", "qa", "S", "A.b"]


def _random_path(rng: random.Random, folder: bool) -> str:
    path = "/".join(rng.choice(SEGMENTS) for _ in range(rng.randint(0, 5)))
    return path + "/" if folder and path else path


def test_fast_path_matches_segment_comparison():
    rng = random.Random(7)
    fast = 0
    for _ in range(20000):
        start = _random_path(rng, folder=True) or "."
        path = _random_path(rng, folder=rng.random() < 0.5)
        if path:
            assert _relpath(path, start) == _segment_relpath(path, start), (path, start)
            fast += _plain_path(path)
    assert fast > 10000  # most of them took the fast path


def test_paths_that_are_not_plain_take_the_old_road():
    for path, start in [("A//70/", "A/"), ("./A/", "A/70/"), ("A/../S/", "A/"), ("/A/", "A/"), ("A/.x/", "A/"),
                        ("A/70", "A/70/"), ("A/70/357/", "A/70"), ("A", "A/B/C/"), ("A/70/", "A//")]:
        assert _relpath(path, start) == _segment_relpath(path, start), (path, start)


def test_relative_examples():
    assert relative("A/70/357/III/", "A/70/357/IV/#x") == "../IV/#x"
    assert relative("A/70/357/", "A/70/357/data.json") == "data.json"
    assert relative("A/70/357/para-12/", "A/70/357/III/#para-12") == "../III/#para-12"
    assert relative("", "A/70/") == "A/70/"
    assert relative("A/70/357/III/", "A/70/357/III/") == "./"
    assert relative("A/70/357/III/", "A/70/357/III/#para-12") == "./#para-12"
    assert relative("S/2015/682/", "A/70/357/") == "../../../A/70/357/"
