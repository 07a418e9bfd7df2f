"""Progress bars: every step tells its bar of all its items, bars are closed, and they show on a
terminal only (`reports build` piped or logged prints what it printed before)."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import termios
from pathlib import Path

import pytest
from hostile.project import REPORTS, SOURCE_TEXTS, copy_reports, env, make_project

from build_tools.parallel import map_reports
from build_tools.sitegen import build_corpus


class Recorder:
    """A bar factory that keeps what each bar was told."""

    def __init__(self):
        self.bars: list[dict] = []

    def __call__(self, description: str, total: int, unit: str = "report"):
        bar = {"description": description, "total": total, "done": 0, "closed": False}
        self.bars.append(bar)
        class _Bar:
            def update(self, n: int = 1) -> None:
                assert not bar["closed"]
                bar["done"] += n

            def close(self) -> None:
                bar["closed"] = True

        return _Bar()


def _square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("workers", [1, 2])
def test_map_reports_tells_its_bar_of_every_item(workers):
    progress = Recorder()
    bar = progress("squares", 50)
    assert map_reports(_square, list(range(50)), workers=workers, progress=bar) == [x * x for x in range(50)]
    assert progress.bars[0]["done"] == 50


def test_build_corpus_shows_converting_then_rendering(tmp_path: Path):
    progress = Recorder()
    result = build_corpus(SOURCE_TEXTS, workers=1, progress=progress)
    n = len(result.reports)
    assert [(b["description"], b["total"], b["done"], b["closed"]) for b in progress.bars] == [
        ("converting", n, n, True),
        ("rendering", n, n, True),
    ]


def test_cached_reports_are_not_counted(tmp_path: Path):
    cache = tmp_path / "cache"
    build_corpus(SOURCE_TEXTS, cache_dir=cache, workers=1)
    progress = Recorder()
    build_corpus(SOURCE_TEXTS, cache_dir=cache, workers=1, progress=progress)
    assert [(b["description"], b["total"], b["done"]) for b in progress.bars] == [("converting", 0, 0), ("rendering", 0, 0)]


def _on_a_terminal(cmd: list[str], cwd: Path) -> str:
    """What `cmd` writes to a 110-column terminal."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of some width, as a user's has (a 0-column one shows nothing)
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 110, 0, 0))
            os.chdir(cwd)
            os.execvpe(cmd[0], cmd, env())
        finally:
            os._exit(127)  # never back into pytest
    out = bytearray()
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # the child ended
            break
        if not data:
            break
        out.extend(data)
    os.waitpid(pid, 0)
    return out.decode("utf-8", "replace")


@pytest.mark.site
def test_reports_build_shows_bars_on_a_terminal_and_none_in_a_pipe(tmp_path: Path):
    project = make_project(tmp_path / "p", copy_reports(tmp_path / "src", "A_62_627*"))
    reports = [*REPORTS, "build"]
    shown = _on_a_terminal(reports, project)
    for step in ("converting", "rendering", "markdown", "templates"):  # each bar shows at its start
        assert f"{step}:   0%|" in shown, (step, shown[-2000:])
    assert shown.rstrip().endswith(f"site written to {(project / 'site').resolve()}")
    piped = subprocess.run(reports, cwd=project, env=env(), capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0
    assert piped.stderr == ""
    assert piped.stdout == f"site written to {(project / 'site').resolve()}\n"


@pytest.mark.site
def test_reports_bundle_shows_bars_on_a_terminal_and_none_in_a_pipe(tmp_path: Path):
    project = make_project(tmp_path / "p", copy_reports(tmp_path / "src", "A_62_627*"))
    bundle = [*REPORTS, "bundle", "-o", "out.zip"]
    shown = _on_a_terminal(bundle, project)
    for step in ("converting", "markdown", "templates", "zipping"):
        assert f"{step}:   0%|" in shown, (step, shown[-2000:])
    piped = subprocess.run(bundle, cwd=project, env=env(), capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0
    assert piped.stderr == ""
    assert piped.stdout.startswith("out.zip: ")
