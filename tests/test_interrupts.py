"""A build stopped by SIGTERM (a service manager, `timeout`, a cancelled CI job) or Ctrl-C
leaves nothing behind: no hidden staging or Pagefind folders beside the site, no background
process, the old site as it was, and a one-line message instead of a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hostile.project import REPO, REPORTS, copy_reports, env, make_project, tree_hashes

from build_tools.interrupts import interrupt_on_terminate
from build_tools.sitegen import stage_folder, sweep_dead_stages


def _hidden(folder: Path) -> list[str]:
    """Hidden build folders beside the site (the trash of an old site is deleted by a detached
    process that may still run, so it is not counted)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and "-old-" not in p.name
                  and p.name not in (".cache",))


def _children(pid: int, *named: str) -> list[int]:
    """The child processes of pid; with `named`, those whose command line holds one of the words."""
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    children = [int(x) for x in out.split()]
    return [c for c in children if not named or any(w in _command_line(c) for w in named)]


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:  # ended meanwhile
        return ""


def _gone(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    return not status.exists() or "zombie" in status.read_text()


def _indexing(project: Path) -> bool:
    return any("-pagefind-" in p.name for p in project.iterdir())


def _stop_once_indexing(cmd: list[str], project: Path, sig: signal.Signals, ready=_indexing,
                        **extra_env: str) -> tuple[int, str]:
    """Start a build; once its Pagefind stage folder exists (text stage done, MkDocs building),
    or `ready` says so, send `sig` to the build's own process only, as `kill` or `timeout` does."""
    proc = subprocess.Popen(cmd, cwd=project, env=env(**extra_env), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.monotonic() + 60
    while not ready(project):
        assert proc.poll() is None, f"the build ended before it could be stopped: {proc.communicate()}"
        assert time.monotonic() < deadline, "no Pagefind stage folder appeared"
        time.sleep(0.01)
    # The build's Pagefind and page-writer processes (not the detached deleter of an old site,
    # which may outlive the build by design).
    workers = _children(proc.pid, "pagefind", "site_writer")
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    if sig == signal.SIGKILL:  # a killed build cannot wait for its helpers: the kernel ends them after it
        assert _until(lambda: all(map(_gone, workers)), 10), "a Pagefind or page-writer process outlived the build"
    else:  # a stopped build waits for them
        assert all(map(_gone, workers)), "a Pagefind or page-writer process outlived the build"
    return proc.returncode, err


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("interrupts")
    source = copy_reports(root / "source", "*")
    return make_project(root / "project", source)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_reports_build_stopped_midway_leaves_the_old_site_and_no_debris(project: Path, sig):
    reports = [*REPORTS, "build"]
    if not (project / "site").exists():
        subprocess.run(reports, cwd=project, env=env(), check=True, capture_output=True, timeout=300)
    before = tree_hashes(project / "site")
    code, err = _stop_once_indexing(reports, project, sig)
    assert code == 1
    name = "" if sig == signal.SIGINT else f" by {sig.name}"
    assert err.strip() == f"reports: error: interrupted{name}; {(project / 'site').resolve()} was left as it was"
    assert _hidden(project) == []
    assert tree_hashes(project / "site") == before


def test_mkdocs_build_stopped_by_sigterm_removes_its_pagefind_stage(project: Path):
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q"]
    code, err = _stop_once_indexing(cmd, project, signal.SIGTERM)
    assert code != 0
    assert "Traceback" not in err
    assert _hidden(project) == []


def test_the_next_build_after_an_interruption_succeeds(project: Path):
    """Whatever an interruption left in docs/ is the build's own (see write_docs' claim)."""
    reports = [*REPORTS, "build"]
    _stop_once_indexing(reports, project, signal.SIGTERM)
    done = subprocess.run(reports, cwd=project, env=env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def _until(condition, timeout: float = 30) -> bool:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


def test_the_next_build_sweeps_what_a_killed_build_left(project: Path, tmp_path: Path):
    """SIGKILL (or the out-of-memory killer) leaves no chance to clean up: the stages stay, and
    the next build deletes them, as their build process is gone. Pagefind's input pages are
    inside its stage, not in the system's temporary folder, where nothing would sweep them."""
    reports = [*REPORTS, "build"]
    # A Pagefind that takes its time, so that the kill lands while it runs (the real one indexes
    # six reports in a blink).
    slow = tmp_path / "slow" / "pagefind"
    slow.mkdir(parents=True)
    (slow / "__init__.py").write_text("")
    (slow / "__main__.py").write_text("import time\ntime.sleep(60)\n")
    pagefind: list[int] = []

    def pagefind_running(project: Path) -> bool:  # the build's Pagefind CLI has started
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                args = cmdline.read_bytes().split(b"\0")
            except OSError:  # ended meanwhile
                continue
            if b"pagefind" in args and any(str(project).encode() in a for a in args):
                pagefind.append(int(cmdline.parent.name))
        return bool(pagefind)

    _stop_once_indexing(reports, project, signal.SIGKILL, ready=pagefind_running, TMPDIR=str(tmp_path),
                        PYTHONPATH=os.pathsep.join([str(slow.parent), str(REPO)]))
    assert _until(lambda: all(map(_gone, pagefind)), 10), "Pagefind outlived the killed build"
    left = _hidden(project)
    assert any("-build-" in n for n in left) and any("-pagefind-" in n for n in left)
    assert not any(tmp_path.glob("pagefind-records-*"))
    done = subprocess.run(reports, cwd=project, env=env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _until(lambda: _hidden(project) == []), _hidden(project)


_POOL = textwrap.dedent(
    """
    import time
    from build_tools.parallel import map_reports

    def slow(x):
        time.sleep(60)
        return x

    map_reports(slow, list(range(8)), workers=2)
    """
)


def test_pool_workers_die_with_a_killed_parent():
    """Idle workers of a killed parent used to wait for ever on the pool's pipe."""
    parent = subprocess.Popen([sys.executable, "-c", _POOL], env=env())
    try:
        assert _until(lambda: len(_children(parent.pid)) >= 2), "no workers started"
        workers = _children(parent.pid)
    finally:
        parent.kill()
        parent.wait()
    assert _until(lambda: all(map(_gone, workers)), 10), "pool workers outlived their parent"


def test_sweep_leaves_the_stages_of_running_builds(tmp_path: Path):
    site = tmp_path / "site"
    mine = stage_folder(site, "pagefind")  # this process runs
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(ended.stdout)
    dead = [tmp_path / f".site-build-{dead_pid}-abc_123", tmp_path / f"..site-build-{dead_pid}-abc_123-pagefind-{dead_pid}-x9"]
    others = [tmp_path / f".site-old-{dead_pid}", tmp_path / f".public-build-{dead_pid}-abc", tmp_path / ".git"]
    for folder in dead + others:
        folder.mkdir()
    assert sweep_dead_stages(site) == sorted(dead)
    assert _until(lambda: not any(p.exists() for p in dead))
    assert mine.is_dir() and all(p.is_dir() for p in others)


_CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from build_tools.interrupts import interrupt_on_terminate
    if sys.argv[1] == "own":
        signal.signal(signal.SIGTERM, lambda *a: sys.exit(7))
    interrupt_on_terminate()
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        signal.pause()
    except KeyboardInterrupt as exc:
        print("interrupted", exc)
    """
)


@pytest.mark.parametrize("handler, expected", [("default", (0, "interrupted SIGTERM")), ("own", (7, ""))])
def test_sigterm_becomes_keyboard_interrupt_unless_the_host_handles_it(handler, expected):
    done = subprocess.run([sys.executable, "-c", _CHILD, handler], env=env(), capture_output=True, text=True, timeout=30)
    assert (done.returncode, done.stdout.strip()) == expected


def test_interrupt_on_terminate_is_a_no_op_off_the_main_thread():
    import threading

    before = signal.getsignal(signal.SIGTERM)
    worker = threading.Thread(target=interrupt_on_terminate)
    worker.start()
    worker.join()
    assert signal.getsignal(signal.SIGTERM) is before


def _square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_tethered_pool_workers_run_under_every_start_method(method):
    """Under forkserver (Python 3.14's default on Linux) a worker's parent is the server, not
    the build: the pool's tether must not take that for a dead parent."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from build_tools.tethered import tether

    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(method), initializer=tether) as pool:
        assert list(pool.map(_square, range(4))) == [0, 1, 4, 9]
