"""The whole corpus: convert every source text, render every page, write docs/ atomically.

Generated files are listed in docs/.generated.json (the manifest). A build only
replaces or removes files in that list, refuses to overwrite a file it did not
write (a hand-written page), and writes nothing at all unless every report
converted: a failed build leaves docs/ as it was.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import pickle
import posixpath
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from . import site_writer, tethered
from .acronyms import report_abbr_linker
from .cache import BuildCache, page_key, site_digest, source_key
from .crossrefs import build_crossrefs
from .errors import CorpusError, OutputError
from .heap import collector_paused
from .models import Report
from .parallel import combined, map_reports
from .pipeline import convert_file
from .progress import BarFactory, silent
from .reader_pages import report_pages, site_glossary
from .redirects import redirect_pages
from .render import (
    SiteContext,
    combine_linkers,
    render_citations_index,
    render_home,
    render_report,
    render_site_qa,
    title_says_its_number,
)
from .symbols import filename_for, url_path

MANIFEST = ".generated.json"
DEFAULT_OFFICIAL_BASE = "https://undocs.org/"


@dataclass(frozen=True)
class CorpusResult:
    reports: tuple[Report, ...]
    files: dict[str, str]
    stats: dict[str, int] = field(default_factory=dict)  # converted / rendered (cache misses)
    copies: tuple[tuple[str, str], ...] = ()  # (file left out, the file published): see without_copies
    refused: tuple[str, ...] = ()  # with keep_going: the one-line errors of the reports left out


def source_files(source_dir: Path) -> list[Path]:
    if not source_dir.is_dir():
        raise CorpusError("source folder not found", str(source_dir))
    files = sorted(p for p in source_dir.iterdir() if p.suffix == ".txt" and p.is_file())
    if not files:
        raise CorpusError("no .txt reports in the source folder", str(source_dir))
    return files


def convert_all(paths: Iterable[Path], cache: BuildCache | None = None, workers: int | None = None) -> list[Report]:
    """Convert each report on all cores; collect every failure so one run reports them all."""
    return _convert_cached(list(paths), cache, workers)[0]


def _key(path: Path) -> str | None:
    try:
        return source_key(path)
    except OSError:
        return None  # unreadable: convert_file reports it properly


def _convert_cached(paths: list[Path], cache: BuildCache | None, workers: int | None, progress: BarFactory = silent,
                    refused: list | None = None):
    """(reports, cache keys, number converted): only sources whose key is not cached are converted.
    With `refused` (a list), a report that fails goes there (its error) and is left out."""
    keys = [_key(p) for p in paths] if cache else [None] * len(paths)
    reports: list[Report | None] = [cache.reports.get(k) if cache and k else None for k in keys]
    todo = [i for i, r in enumerate(reports) if r is None]
    with closing(progress("converting", len(todo))) as bar:
        converted = map_reports(convert_file, [paths[i] for i in todo], workers=workers, progress=bar, refused=refused)
    for i, report in zip(todo, converted):
        reports[i] = report
        if cache and keys[i] and report is not None:
            cache.reports.put(keys[i], report)
    if refused:
        kept = [i for i, r in enumerate(reports) if r is not None]
        return [reports[i] for i in kept], [keys[i] for i in kept], len(todo)
    return reports, keys, len(todo)


def refuse_qa_warnings(reports: Iterable[Report], source_dir: Path) -> None:
    """Strict mode: what would only be a QA warning stops the build, naming file and line."""
    warned = [(r.source, w) for r in sorted(reports, key=lambda r: r.source) for w in r.qa.warnings]
    if not warned:
        return
    source, warning = warned[0]
    where, _, message = warning.partition(": ")
    line = where.removeprefix("line ")
    location = f"{source_dir / source}:{line}" if line.isdigit() else str(source_dir / source)
    more = f" (and {len(warned) - 1} more warnings)" if len(warned) > 1 else ""
    raise CorpusError(f"{location}: {message if line.isdigit() else warning}{more} [strict]")


def without_copies(reports: list[Report], keys: list, source_dir: Path) -> tuple[list[Report], list, tuple]:
    """The reports less the copies of another: two files claiming one symbol whose bytes are the
    same are one report under two names ("S_2006_592.txt" and "MINUSTAH_S_2006_592.txt"), published
    once, from the file named by the symbol if either is (its sidecars are named so), else the
    first; (copy, kept) pairs are returned for a warning. Different texts claiming one symbol stay
    an error (published_symbols). Files are compared only where a symbol is claimed twice."""
    first: dict[str, int] = {}  # symbol -> index of the report kept
    drop: set[int] = set()
    for i, report in enumerate(reports):
        k = first.setdefault(report.meta.symbol, i)
        if k != i and _same_bytes(source_dir / reports[k].source, source_dir / report.source):
            keep, copy = (i, k) if report.source == filename_for(report.meta.symbol) else (k, i)
            first[report.meta.symbol] = keep
            drop.add(copy)
    if not drop:
        return reports, keys, ()
    copies = tuple((reports[c].source, reports[first[reports[c].meta.symbol]].source) for c in sorted(drop))
    kept = [i for i in range(len(reports)) if i not in drop]
    return [reports[i] for i in kept], [keys[i] for i in kept], copies


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def published_symbols(reports: list[Report]) -> dict[str, str]:
    """Every symbol in the site (joint symbols too) -> URL path of its report; duplicates are an error."""
    owner: dict[str, Report] = {}
    for report in reports:
        for symbol in report.meta.symbols:
            if symbol in owner and owner[symbol] is not report:
                raise CorpusError(f"{owner[symbol].source} and {report.source} both claim the symbol {symbol}")
            owner[symbol] = report
    return {s: url_path(r.meta.symbol) for s, r in owner.items()}


def site_context(
    reports: list[Report], official_base: str = DEFAULT_OFFICIAL_BASE, published: dict[str, str] | None = None
) -> SiteContext:
    """What every report's pages need to know about the corpus: where symbols live (published,
    when the caller has it already), who cites whom."""
    published = published_symbols(reports) if published is None else published
    refs = build_crossrefs(reports, published, official_base)
    return SiteContext(published=published, official_base=official_base, crossrefs=refs)


def render_one(report: Report, site: SiteContext) -> dict[str, str]:
    """Every file of one report: its pages, data.json, glossary, annotations and redirect pages."""
    # Acronyms are per report: the same letters may stand for different names elsewhere.
    report_site = replace(site, linker=combine_linkers(site.linker, report_abbr_linker(report)))
    files = render_report(report, report_site)
    files.update(report_pages(report, report_site))
    files.update(redirect_pages(report))
    return files


def corpus_pages(reports: list[Report], site: SiteContext) -> dict[str, str]:
    """Site-wide pages; folder pages like every generated page (raw-HTML links are computed for corpus/<name>/)."""
    return {
        "index.md": render_home(reports),
        "corpus/qa/index.md": render_site_qa(reports, site.crossrefs),
        "corpus/citations/index.md": render_citations_index(site.crossrefs),
        "corpus/glossary/index.md": site_glossary(reports),
    }


def render_corpus(reports: list[Report], official_base: str = DEFAULT_OFFICIAL_BASE) -> dict[str, str]:
    site = site_context(reports, official_base)
    files: dict[str, str] = {}
    for report in sorted(reports, key=lambda r: r.meta.symbol):
        files.update(render_one(report, site))
    files.update(corpus_pages(reports, site))
    return files


def link_digest(site: SiteContext, report: Report, site_part: str) -> str:
    """What a report's pages depend on beyond the report itself: where published symbols live
    (site_part = site_digest(...), the same for every report, so computed once a build), where its
    citations point, and who cites it. A page is re-rendered only when this changes."""
    refs = site.crossrefs
    outgoing = sorted({(u.link.citation.target, u.link.href or "") for u in refs.uses.get(report.meta.symbol, [])})
    incoming = sorted({(u.report, u.block_id, u.block_page) for u in refs.cited_by(report.meta.symbol)})
    extra = json.dumps([outgoing, incoming], ensure_ascii=False)
    return hashlib.sha256(f"{site_part}\0{extra}".encode()).hexdigest()


def build_corpus(
    source_dir: Path,
    official_base: str = DEFAULT_OFFICIAL_BASE,
    cache_dir: Path | None = None,
    workers: int | None = None,
    on_converted: Callable[[list[Report]], None] | None = None,
    progress: BarFactory = silent,
    keep_going: bool = False,
) -> CorpusResult:
    """The text stage for a folder. With cache_dir, unchanged reports are not converted again, and
    their pages are not rendered again unless their cross-links changed. on_converted(reports) is
    called between conversion and rendering (the site build starts its search index there).
    progress makes a bar for each of the two steps (see progress.py). With keep_going, a report
    the text stage refuses is left out (its error in CorpusResult.refused) instead of stopping
    the build; the others are published, citations of it link to its official address.
    The garbage collector is paused meanwhile (see heap.py)."""
    with collector_paused():
        return _build_corpus(source_dir, official_base, cache_dir, workers, on_converted, progress, keep_going)


def _build_corpus(source_dir, official_base, cache_dir, workers, on_converted, progress, keep_going) -> CorpusResult:
    cache = BuildCache(cache_dir) if cache_dir else None
    refused: list | None = [] if keep_going else None
    reports, keys, converted = _convert_cached(source_files(source_dir), cache, workers, progress, refused)
    if not reports:  # every report refused: nothing to publish
        raise combined(refused or [])
    all_keys = keys  # a copy stays in the cache: it is converted once, not at every build
    reports, keys, copies = without_copies(reports, keys, source_dir)
    # Two reports claiming one symbol stop the build here, before on_converted starts work
    # (the search index) on a corpus that cannot be published.
    published = published_symbols(reports)
    if on_converted is not None:
        on_converted(reports)
    site = site_context(reports, official_base, published)
    site_part = site_digest(site.published, site.official_base) if cache else ""
    pkeys = [page_key(k, link_digest(site, r, site_part)) if cache and k else None for k, r in zip(keys, reports)]
    pages: list[dict | None] = [cache.pages.get(k) if cache and k else None for k in pkeys]
    todo = [i for i, p in enumerate(pages) if p is None]
    for i, rendered in zip(todo, _render_many([reports[i] for i in todo], site, progress)):
        pages[i] = rendered
        if cache and pkeys[i]:
            cache.pages.put(pkeys[i], rendered)
    if cache:
        cache.reports.prune({k for k in all_keys if k})
        cache.pages.prune({k for k in pkeys if k})
    files: dict[str, str] = {}
    for _, rendered in sorted(zip(reports, pages), key=lambda rp: rp[0].meta.symbol):
        files.update(rendered)
    files.update(corpus_pages(reports, site))
    refusals = tuple(str(e) for e in refused or ())
    return CorpusResult(tuple(reports), files, {"converted": converted, "rendered": len(todo)}, copies, refusals)


def _render_many(reports: list[Report], site: SiteContext, progress: BarFactory = silent) -> list[dict[str, str]]:
    """render_one for each, in this process, every failure collected. Not in worker processes:
    the site context and the reports would travel to the workers and ~240 MB of pages back by
    pickle, which made rendering 1,000 reports slower on 2 cores (7.4 s) than here (4.9 s)."""
    with closing(progress("rendering", len(reports))) as bar:
        return map_reports(partial(render_one, site=site), reports, name_of=lambda r: r.source, workers=1,
                           progress=bar)


# Material renders the navigation into every page, so its size multiplies the build time
# (benchmarks/: 100 reports with all sections in the nav spend half the build there).
# Up to NAV_FULL_MAX reports the nav lists every section; above it, reports only (their
# sections are in each report's contents list), by year, in groups of at most NAV_GROUP_MAX.
NAV_FULL_MAX = 50
NAV_GROUP_MAX = 40


def nav_for(reports: Iterable[Report]) -> list:
    """MkDocs nav: reports by date (with their sections while the corpus is small); guide pages last."""
    ordered = sorted(reports, key=lambda r: (r.meta.date or "", r.meta.symbol))
    if len(ordered) <= NAV_FULL_MAX:
        entries = [_nav_report(r) for r in ordered]
    else:
        entries = _nav_grouped(ordered)
    return [
        {"Home": "index.md"},
        {"Reports": entries},
        {"Citations": "corpus/citations/index.md"},
        {"Acronyms": "corpus/glossary/index.md"},
        {"Text quality": "corpus/qa/index.md"},
    ]


def _nav_report(r: Report) -> dict:
    base = url_path(r.meta.symbol)
    pages = [{"Overview": f"{base}index.md"}]
    for s in r.sections:
        label = f"{s.number}. {s.title}" if s.number and not title_says_its_number(s.key, s.title) else s.title
        # The theme inserts nav labels as HTML, and titles are OCR text.
        pages.append({html.escape(label, quote=False): f"{base}{s.key}/index.md"})
    return {f"{r.meta.symbol}": pages}


def _nav_grouped(ordered: list[Report]) -> list:
    """Year -> (chunks of NAV_GROUP_MAX, labelled first – last symbol) -> report index pages."""
    years: dict[str, list[Report]] = {}
    for r in ordered:
        years.setdefault((r.meta.date or "")[:4] or "Undated", []).append(r)
    out = []
    for year, rs in years.items():
        links = [{r.meta.symbol: f"{url_path(r.meta.symbol)}index.md"} for r in rs]
        if len(links) > NAV_GROUP_MAX:
            links = [
                {f"{rs[i].meta.symbol} – {rs[min(i + NAV_GROUP_MAX, len(rs)) - 1].meta.symbol}": links[i : i + NAV_GROUP_MAX]}
                for i in range(0, len(rs), NAV_GROUP_MAX)
            ]
        out.append({year: links})
    return out


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
    # Claim the new files before writing any: a build stopped midway (Ctrl-C, SIGTERM) leaves
    # only files the manifest lists, which the next build replaces or removes. Unclaimed,
    # they would be refused as hand-written.
    listed = owned  # what the manifest on disk lists
    if not owned.issuperset(files):
        listed = owned.union(files)
        _write_manifest(docs_dir, listed)
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
    # Only when it changes: `mkdocs serve` watches docs/, and a manifest rewritten by every
    # build started the next one, for ever, after the first edit.
    if listed != set(files) or not (docs_dir / MANIFEST).is_file():
        _write_manifest(docs_dir, files)
    return stats


def _write_manifest(docs_dir: Path, files: Iterable[str]) -> None:
    manifest = json.dumps({"files": sorted(files)}, indent=0) + "\n"
    _atomic_write(docs_dir / MANIFEST, manifest.encode("utf-8"))


# Generated files the site engine need not see: the static redirect pages (build_tools/redirects.py)
# are finished HTML, about 90 per report. Passed through docs/, MkDocs lists, copies and cleans every
# one of them on each build (99,175 files at 1,000 reports); they go straight into the site instead.
SITE_ONLY_SUFFIX = ".html"


def split_site_only(files: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(files for docs/, finished pages for the built site)."""
    docs = {rel: text for rel, text in files.items() if not rel.endswith(SITE_ONLY_SUFFIX)}
    site = {rel: text for rel, text in files.items() if rel.endswith(SITE_ONLY_SUFFIX)}
    return docs, site


def _site_files(site_dir: Path, files: dict[str, str], fix=None) -> list[tuple[str, bytes]]:
    """(normalised path, UTF-8 bytes of fix(content)) in sorted order; refuses any path that
    leaves the site folder, before anything is written."""
    out = []
    for rel, content in sorted(files.items()):
        norm = posixpath.normpath(rel)
        if norm.startswith(("/", "../")) or norm in (".", ".."):  # lexical: no resolve() per file
            raise OutputError(f"refusing to write outside the site folder: {rel}", str(site_dir))
        out.append((norm, (fix(content) if fix else content).encode("utf-8")))
    return out


def write_site_files(site_dir: Path, files: dict[str, str]) -> int:
    """Write finished pages into a freshly built site, in sorted order; returns the number written.
    Every path is checked before the first write. Plain writes: the engine has just cleaned the
    site folder, and a failed build is not swapped in."""
    checked = _site_files(site_dir, files)
    try:
        site_writer.write_files(str(site_dir), checked)
    except OSError as exc:
        raise OutputError(f"cannot write the site: {exc.strerror or exc}", str(exc.filename or site_dir)) from None
    return len(files)


class BackgroundWrite:
    """write_site_files in a process of its own (build_tools/site_writer.py), started once the
    engine has cleaned the site folder: the ~90,000 redirect pages of 1,000 reports go to disk
    while the engine renders. Not a thread: a thread that writes holds the GIL between its system
    calls, and the engine's own page writes then queued for it (MkDocs' makedirs took 7.6 s at
    N = 1000). Paths are checked before anything starts; join() waits and raises an OutputError
    naming the file that could not be written."""

    def __init__(self, site_dir: Path, files: dict[str, str], fix=None):
        checked = _site_files(site_dir, files, fix)
        self._where = str(site_dir)
        self._proc = subprocess.Popen(
            tethered.command([sys.executable, site_writer.__file__]), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            pickle.dump((str(site_dir), checked), self._proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self._proc.stdin.close()
        except BrokenPipeError:  # the writer died at once; join() reports it
            pass

    def stop(self) -> None:
        """End the writing now (the build failed or was interrupted; its folder is discarded)."""
        self._proc.kill()
        self._proc.wait()
        self._proc.stderr.close()

    def join(self) -> None:
        error = self._proc.stderr.read().decode("utf-8", "replace").strip()
        self._proc.stderr.close()
        if self._proc.wait() != 0:
            where, _, message = (error.splitlines() or [""])[-1].rpartition(": ")
            raise OutputError(f"cannot write the site: {message or 'the writing process stopped'}", where or self._where)


# Run by BackgroundClear in a process of its own: delete the folders named on the command line.
_DELETE_FOLDERS = "import shutil, sys\nfor folder in sys.argv[1:]:\n    shutil.rmtree(folder, ignore_errors=True)"


def trash_folder(site_dir: Path) -> Path:
    """A new hidden folder beside the site for its old files, named so that BackgroundClear
    also sweeps it if a build stops before its deletion ends."""
    return Path(tempfile.mkdtemp(prefix=_trash_prefix(site_dir), dir=site_dir.parent))


def _trash_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}-old-"


def stage_folder(site_dir: Path, kind: str) -> Path:
    """A new hidden folder beside the site for a build's work in progress (kind "build": the
    new site of `reports build`; "pagefind": the index). Named with this process's id, so that
    a later build can tell a stage whose build died without cleaning up (SIGKILL, out of
    memory, power loss) from one a running build still uses (see sweep_dead_stages)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-{kind}-{os.getpid()}-", dir=site_dir.parent))


# A stage_folder name's tail: kind, process id, mkdtemp's random letters. A Pagefind stage of
# `reports build` sits beside its build stage and is named after it ("..site-build-…-pagefind-…").
_STAGE_TAIL_RE = re.compile(r"-(?:build|pagefind)-(\d+)-[a-z0-9_]+\Z")


def sweep_dead_stages(site_dir: Path) -> list[Path]:
    """Delete, in a detached process, the stage folders beside the site whose build process no
    longer runs; returns them. Stages of running builds are left alone."""
    prefixes = (f".{site_dir.name}-", f"..{site_dir.name}-")
    parent = site_dir.parent
    names = sorted(n for n in os.listdir(parent) if n.startswith(prefixes)) if parent.is_dir() else []
    dead = [parent / n for n in names if (m := _STAGE_TAIL_RE.search(n)) and not _running(int(m.group(1)))]
    delete_in_background(dead)
    return dead


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


def delete_in_background(folders: list[Path]) -> subprocess.Popen | None:
    """Delete folders in a detached process that may outlive this one (nothing waits for it)."""
    if not folders:
        return None
    return subprocess.Popen(
        [sys.executable, "-c", _DELETE_FOLDERS, *map(str, folders)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )


class BackgroundClear:
    """Empty a site folder the way MkDocs does (hidden entries such as .git stay), but without
    waiting: the old entries are renamed at once into a hidden trash folder beside the site, and
    a detached process deletes it, with any trash an interrupted build left. 1,000 reports leave
    ~100,000 files in ~90,000 folders; deleting them took 30-45 s in line, and still ~20 s of
    waiting at the end of a rebuild when a thread did it beside the build. wait() is for tests."""

    def __init__(self, site_dir: Path):
        self.trash: Path | None = None
        self._proc: subprocess.Popen | None = None
        entries = sorted(e for e in os.listdir(site_dir) if not e.startswith(".")) if site_dir.is_dir() else []
        stale = sorted(site_dir.parent.glob(_trash_prefix(site_dir) + "*")) if site_dir.parent.is_dir() else []
        if entries:
            try:
                self.trash = trash_folder(site_dir)
                for entry in entries:
                    os.rename(site_dir / entry, self.trash / entry)
            except OSError:  # e.g. a read-only parent: leave what is left for the engine to clean
                pass
        self._proc = delete_in_background(stale + ([self.trash] if self.trash else []))

    def wait(self) -> None:
        if self._proc is not None:
            self._proc.wait()
            self._proc = None


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
