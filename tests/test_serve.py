"""`reports serve`: an edited report shows on the served site, and each rebuild empties the
served folder in the background (the old files go to a trash folder a detached process deletes)."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from hostile.project import REPORTS, copy_reports, env, make_project

REPORT = "A_62_627.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, text: str, timeout: float = 90) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        body = _get(url)
        if body is not None and text in body:
            return True
        time.sleep(0.5)
    return False


def _changes(url: str, before: str | None, timeout: float = 90) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        body = _get(url)
        if body is not None and body != before:
            return True
        time.sleep(0.5)
    return False


def _settles(docs: Path, quiet: float = 8, timeout: float = 60) -> bool:
    """No file in docs/ changes for `quiet` seconds, within `timeout`."""
    def stamp():
        return sorted((str(p), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file())

    end = time.monotonic() + timeout
    last, since = stamp(), time.monotonic()
    while time.monotonic() < end:
        time.sleep(0.5)
        now = stamp()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return True
    return False


@pytest.mark.site
@pytest.mark.parametrize("options", [[], ["--dirty"]])
def test_an_edit_is_served_and_the_old_files_are_cleared_in_the_background(tmp_path: Path, options: list[str]):
    source = copy_reports(tmp_path / "src", "A_62_627*")
    project = make_project(tmp_path / "p", source)
    port = _free_port()
    tmp = tmp_path / "tmp"  # MkDocs serves from a temporary folder: here, to look at it
    tmp.mkdir()
    proc = subprocess.Popen(
        [*REPORTS, "serve", "--dev-addr", f"127.0.0.1:{port}", *options],
        cwd=project, env=env(TMPDIR=str(tmp)), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/A/62/627/data.json"
        assert _wait_for(url, '"symbol"'), "the first build was not served"
        served = [p for p in tmp.iterdir() if p.name.startswith("mkdocs_")]
        assert len(served) == 1
        entry = f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json"
        assert _wait_for(entry, '"languages"'), "no search index"  # --dirty: it comes after the pages
        before = _get(entry)
        text = (source / REPORT).read_text(encoding="utf-8")
        (source / REPORT).write_text(text.replace(" the ", " the zqxmarker ", 1), encoding="utf-8")
        assert _wait_for(url, "zqxmarker"), "the edit was not served"
        assert _changes(entry, before), "the search index was not updated"
        assert _settles(project / "docs")
        assert not [p.name for p in tmp.iterdir() if "-pagefind-" in p.name]  # stages gone
        # The rebuild moved the old files into a hidden trash folder beside the served one
        # (".mkdocs_…-old-…") for a detached process to delete: none is left for long.
        end = time.monotonic() + 30
        while any(p.name.startswith(f".{served[0].name}-old-") for p in tmp.iterdir()) and time.monotonic() < end:
            time.sleep(0.2)
        assert not [p.name for p in tmp.iterdir() if "-old-" in p.name]
        assert (served[0] / "A" / "62" / "627" / "data.json").is_file()
        # And then it rests: a build that rewrote anything in docs/ (the manifest did) started
        # the next build, for ever.
        assert _settles(project / "docs"), "serve kept rebuilding after the edit"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.parametrize(
    "command, dirty, background",
    [("build", False, True), ("serve", False, True), ("gh-deploy", False, True),
     ("build", True, False), ("serve", True, False)],
)
def test_every_build_that_empties_the_site_does_it_in_the_background(command, dirty, background):
    from build_tools.mkdocs_plugin import UNReportsPlugin

    plugin = UNReportsPlugin()
    plugin.on_startup(command=command, dirty=dirty)
    assert plugin._clear_early is background
