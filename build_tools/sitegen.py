"""The whole corpus: convert every source text, render every page, write docs/ atomically.

Generated files are listed in docs/.generated.json (the manifest). A build only
replaces or removes files in that list, refuses to overwrite a file it did not
write (a hand-written page), and writes nothing at all unless every report
converted: a failed build leaves docs/ as it was.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError, OutputError, ReportsError
from .models import Report
from .pipeline import convert_file
from .render import SiteContext, render_home, render_report, render_site_qa
from .symbols import url_path

MANIFEST = ".generated.json"
DEFAULT_OFFICIAL_BASE = "https://undocs.org/"


@dataclass(frozen=True)
class CorpusResult:
    reports: tuple[Report, ...]
    files: dict[str, str]


def source_files(source_dir: Path) -> list[Path]:
    if not source_dir.is_dir():
        raise CorpusError("source folder not found", str(source_dir))
    files = sorted(p for p in source_dir.iterdir() if p.suffix == ".txt" and p.is_file())
    if not files:
        raise CorpusError("no .txt reports in the source folder", str(source_dir))
    return files


def convert_all(paths: Iterable[Path]) -> list[Report]:
    """Convert each report; collect every failure so one run reports them all."""
    reports, errors = [], []
    for path in paths:
        try:
            reports.append(convert_file(path))
        except ReportsError as exc:
            errors.append(exc)
    if errors:
        raise errors[0] if len(errors) == 1 else CorpusError(
            f"{len(errors)} reports failed: " + "; ".join(str(e) for e in errors)
        )
    return reports


def published_symbols(reports: list[Report]) -> dict[str, str]:
    """Every symbol in the site (joint symbols too) -> URL path of its report; duplicates are an error."""
    owner: dict[str, Report] = {}
    for report in reports:
        for symbol in report.meta.symbols:
            if symbol in owner and owner[symbol] is not report:
                raise CorpusError(f"{owner[symbol].source} and {report.source} both claim the symbol {symbol}")
            owner[symbol] = report
    return {s: url_path(r.meta.symbol) for s, r in owner.items()}


def render_corpus(reports: list[Report], official_base: str = DEFAULT_OFFICIAL_BASE) -> dict[str, str]:
    site = SiteContext(published=published_symbols(reports), official_base=official_base)
    files: dict[str, str] = {}
    for report in sorted(reports, key=lambda r: r.meta.symbol):
        files.update(render_report(report, site))
    files["index.md"] = render_home(reports)
    files["corpus/qa.md"] = render_site_qa(reports)
    return files


def build_corpus(source_dir: Path, official_base: str = DEFAULT_OFFICIAL_BASE) -> CorpusResult:
    reports = convert_all(source_files(source_dir))
    return CorpusResult(tuple(reports), render_corpus(reports, official_base))


def nav_for(reports: Iterable[Report]) -> list:
    """MkDocs nav: reports by date, each with its sections; hand-written guide pages last."""
    entries = []
    for r in sorted(reports, key=lambda r: (r.meta.date or "", r.meta.symbol)):
        base = url_path(r.meta.symbol)
        pages = [{"Overview": f"{base}index.md"}]
        for s in r.sections:
            label = f"{s.number}. {s.title}" if s.number and not s.key.startswith("annex") else s.title
            # The theme inserts nav labels as HTML, and titles are OCR text.
            pages.append({html.escape(label, quote=False): f"{base}{s.key}/index.md"})
        entries.append({f"{r.meta.symbol}": pages})
    return [{"Home": "index.md"}, {"Reports": entries}, {"Text quality": "corpus/qa.md"}]


# -- writing ---------------------------------------------------------------


def _read_manifest(docs_dir: Path) -> set[str]:
    try:
        return set(json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def _safe_target(docs_dir: Path, rel: str) -> Path:
    target = (docs_dir / rel).resolve()
    root = docs_dir.resolve()
    if root not in target.parents:
        raise OutputError(f"refusing to write outside the docs folder: {rel}", str(docs_dir))
    return target


def write_docs(docs_dir: Path, files: dict[str, str]) -> dict[str, int]:
    """Write generated files (only those that changed), remove stale ones; never touch hand-written files."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    owned = _read_manifest(docs_dir)
    targets = {rel: _safe_target(docs_dir, rel) for rel in files}
    for rel, target in targets.items():
        if target.exists() and rel not in owned:
            raise OutputError(f"{rel} exists and was not generated; refusing to overwrite a hand-written file", str(docs_dir))
    stats = {"written": 0, "unchanged": 0, "removed": 0}
    for rel, content in sorted(files.items()):
        data = content.encode("utf-8")
        target = targets[rel]
        if target.exists() and target.read_bytes() == data:
            stats["unchanged"] += 1
            continue
        _atomic_write(target, data)
        stats["written"] += 1
    for rel in sorted(owned - set(files)):
        stale = _safe_target(docs_dir, rel)
        if stale.is_file():
            stale.unlink()
            stats["removed"] += 1
            _prune_empty_dirs(stale.parent, docs_dir)
    manifest = json.dumps({"files": sorted(files)}, indent=0) + "\n"
    _atomic_write(docs_dir / MANIFEST, manifest.encode("utf-8"))
    return stats


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _prune_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
