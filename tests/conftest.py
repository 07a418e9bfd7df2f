"""Shared fixtures: the real reports in source_texts/ and a real site built from them."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source_texts"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def reports():
    """Every report in source_texts/, converted, by primary symbol."""
    from build_tools.sitegen import convert_all, source_files

    return {r.meta.symbol: r for r in convert_all(source_files(SOURCE))}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built by the real command from a copy of the project (so docs/ here is untouched)."""
    work = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "overrides", "source_texts"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
    shutil.copytree(ROOT / "docs" / "guide", work / "docs" / "guide")
    result = subprocess.run(
        [sys.executable, "-m", "build_tools.cli", "build", "--config", str(work / "mkdocs.yml"), "--site", str(work / "site")],
        capture_output=True, text=True, cwd=work,
    )
    assert result.returncode == 0, result.stderr
    return work / "site"


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for every browser test (Playwright's sync API allows one per process)."""
    if not CHROMIUM.exists():
        pytest.skip(f"needs Chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs Playwright for Python")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_directory(folder: Path):
    """Serve a built site on 127.0.0.1 (an ephemeral port) for browser tests; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@functools.cache
def shared_lexicon(rel: str):
    """The Lexicon of a text in ../shared (skips the test when ../shared is absent)."""
    from build_tools.lexicon import Lexicon

    path = SHARED / rel
    if not path.exists():
        pytest.skip(f"shared input {rel} not present")
    return Lexicon.from_text(path.read_text(encoding="utf-8"))
