"""Content-hash cache for the text stage, so a rebuild redoes only what changed.

Two layers, both in .cache/ beside mkdocs.yml (gitignored):

    reports/<key>.pickle   the Report of one source text
                           key = sha256(code version, source bytes, sidecar bytes)
    pages/<key>.pickle     the rendered files of one report ({path: text})
                           key = sha256(report key, site context digest)

The code version hashes every build_tools/*.py and template, so editing the
converter invalidates everything; nothing needs to be cleared by hand. The site
context digest covers what a report's pages know about other reports (the
published symbols their cross-links resolve to, the official base URL), so a
report's pages are rendered again when the reports it may link to change.

Entries are written atomically (temp file + rename); an unreadable entry is a
miss, never an error: the cache can always be deleted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from .sidecars import sidecar_paths

PACKAGE_DIR = Path(__file__).resolve().parent
# Bump to drop every entry written by an older cache layout.
CACHE_FORMAT = b"reports-cache-1"


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the converter's own code and templates: a change to either invalidates the cache."""
    h = hashlib.sha256(CACHE_FORMAT)
    files = sorted(PACKAGE_DIR.glob("*.py")) + sorted((PACKAGE_DIR / "templates").glob("*"))
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def source_key(path: Path) -> str:
    """Cache key of one report: code version + source bytes + the bytes of every sidecar present."""
    h = hashlib.sha256(code_version().encode())
    h.update(path.name.encode() + b"\0" + path.read_bytes())
    for kind, side in sorted(sidecar_paths(path).items()):
        if side.is_file():
            h.update(b"\0" + kind.encode() + b"\0" + side.read_bytes())
    return h.hexdigest()


def site_digest(published: Mapping[str, str], official_base: str) -> str:
    """What rendered pages depend on beyond their own report: where every published symbol lives."""
    h = hashlib.sha256(official_base.encode() + b"\0")
    for symbol, url in sorted(published.items()):
        h.update(b"\0" + symbol.encode() + b"=" + url.encode())
    return h.hexdigest()


def page_key(report_key: str, digest: str) -> str:
    return hashlib.sha256(f"{report_key}\0{digest}".encode()).hexdigest()


class Store:
    """A folder of pickles named by key. get() returns None on any miss or damage."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        try:
            with open(self._path(key), "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None

    def put(self, key: str, value: Any) -> None:
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self, keep: set[str]) -> int:
        """Delete entries not in `keep` (old versions of reports); returns how many."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for f in self.root.glob("*/*.pickle"):
            if f.stem not in keep:
                f.unlink(missing_ok=True)
                removed += 1
        return removed


class BuildCache:
    """The two stores of one project: converted reports and rendered pages."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.reports = Store(self.root / "reports")
        self.pages = Store(self.root / "pages")


__all__ = ["BuildCache", "Store", "code_version", "page_key", "site_digest", "source_key"]
