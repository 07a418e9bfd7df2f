"""Emptying the old site in the background: same result as MkDocs' own clean, hidden entries kept."""

from __future__ import annotations

from pathlib import Path

from build_tools.sitegen import BackgroundClear


def _tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def test_old_entries_go_hidden_ones_stay_and_the_trash_is_deleted(tmp_path: Path):
    site = tmp_path / "site"
    (site / "A" / "70").mkdir(parents=True)
    (site / "A" / "70" / "index.html").write_text("old")
    (site / "index.html").write_text("old")
    (site / ".git").mkdir()
    (site / ".nojekyll").write_text("")
    clear = BackgroundClear(site)
    assert _tree(site) == [".git", ".nojekyll"]  # at once: the engine may write right away
    (site / "index.html").write_text("new")
    clear.wait()
    assert _tree(site) == [".git", ".nojekyll", "index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no trash left beside it


def test_the_deletion_outlives_nobody_waiting_and_sweeps_old_trash(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    stale = tmp_path / ".site-old-abandoned"  # left by a build that was killed
    (stale / "A").mkdir(parents=True)
    (tmp_path / ".site-pagefind-x").mkdir()  # not trash: left alone
    clear = BackgroundClear(site)
    assert clear._proc is not None and clear._proc.args[0]  # a process of its own, not a thread
    clear.wait()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-pagefind-x", "site"]


def test_missing_or_empty_site_is_nothing_to_do(tmp_path: Path):
    BackgroundClear(tmp_path / "absent").wait()
    (tmp_path / "empty").mkdir()
    clear = BackgroundClear(tmp_path / "empty")
    clear.wait()
    assert clear.trash is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]
