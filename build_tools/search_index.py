"""The paragraph-level search index: one record per paragraph, sub-item, footnote and report.

Engine-independent: records are built from the Report models only. Two writers use them:

- write_search_data_js: a plain script assigning a global (works from file://, where
  fetch, ES modules and WASM do not), searched in the page by overrides/assets/search.js;
- write_pagefind: the same records grouped into one page per site page for the Pagefind
  CLI, whose chunked index keeps the bytes fetched per query small on the served site.

Record URLs are site paths in directory style ("A/70/357/IV/#para-57"); search.js turns
them into "…/IV/index.html#para-57" when the site is opened from the file system.
See docs/guide/search.md for the measurements behind this design.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from . import tethered
from .errors import OutputError
from .models import Block, Report, annex_name, own_numbering
from .render import footnote_page, page_of_block, section_dir
from .symbols import url_path
from .tables import Rows, table_parts

SEARCH_DATA_JS = "assets/search-data.js"
SEARCH_DATA_GLOBAL = "__UN_REPORTS_SEARCH__"
PAGEFIND_DIR = "pagefind"


@dataclass(frozen=True)
class SearchRecord:
    url: str  # site path + fragment, directory style: "A/70/357/IV/#para-57"
    title: str  # "A/70/357 ¶ 57 — Sequenced mandates"
    text: str  # plain text searched and shown as the excerpt
    report: str  # primary symbol, for filtering and grouping
    kind: str  # "report" | "paragraph" | "item" | "text" | "footnote"
    context: str = ""  # searched with the text: the heading above; for a report its symbols and title
    annex: str | None = None  # a report's Metadata.body_annex: typed "annex, para. 3" citations


def _label(report: Report, block: Block) -> str:
    symbol = report.meta.symbol
    annex = block.annex_label  # "S/2018/241 annex I ¶ 10": not the body's paragraph 10
    if annex is not None:
        symbol += " " + annex_name(annex)
    if own := own_numbering(block):  # "A/73/650 draft resolution II ¶ 1": not the report's paragraph 1
        symbol += " " + own
    if block.type == "paragraph" and block.number:
        prefix = f"{report.meta.summary_heading} ¶" if block.id.startswith("summary-") else "¶"
        return f"{symbol} {prefix} {block.number}"
    if block.type == "item" and block.number:
        return f"{symbol} ¶ {block.cite_number}"
    if place := block.preambular:  # a resolution's preambular paragraph: not its operative ¶ 3
        return f"{symbol} preambular ¶ {place}"
    return report.meta.symbol


def _block_records(report: Report, blocks: Iterable[Block], pages: dict[str, str], context: str) -> list[SearchRecord]:
    """Records for text blocks; each is titled by the nearest heading above it.

    The title's symbol label is not searched (context is the heading only): a search for
    "A/62/627" must find that report and the paragraphs citing it, not every paragraph of it.
    """
    out = []
    heading = context
    for block in blocks:
        if block.type == "heading":
            heading = block.text
            continue
        if not block.text.strip():
            continue
        title = _label(report, block) + (f" — {heading}" if heading else "")
        url = f"{pages[block.id]}#{block.id}"
        out.append(SearchRecord(url, title, _searched_text(block), report.meta.symbol, block.type, heading))
    return out


def _searched_text(block: Block) -> str:
    """The block's text; for a table whose rows the page rebuilds, the same cells row by row
    ("Vanuatu 3 — 3; Yemen 3 — 3"), so a result's excerpt reads as the row it matched, not as
    the text layer's column-by-column order."""
    parts = table_parts(block)
    if not any(isinstance(part, Rows) for part in parts):
        return block.text
    out = []
    for part in parts:
        if isinstance(part, Rows):
            out.append(" ".join((*part.groups, *part.header)))
            out += [" ".join((row.label, *filter(None, [row.mark]), *row.values)) for row in part.rows]
        else:
            out.append(" ".join(part))
    return "; ".join(filter(None, out))


def _report_record(report: Report) -> SearchRecord:
    meta = report.meta
    text = " · ".join(x for x in (" ".join(meta.symbols), meta.doc_type, meta.date or "", *meta.agenda) if x)
    title = f"{meta.symbol} — {meta.title or meta.doc_type}"
    context = " ".join(meta.symbols) + " " + meta.title
    return SearchRecord(url_path(meta.symbol), title, text, meta.symbol, "report", context, meta.body_annex)


def _footnote_records(report: Report) -> list[SearchRecord]:
    index = section_dir(report, "")
    out = []
    for fn in report.footnotes:
        where = footnote_page(report, fn) or index
        title = f"{report.meta.symbol} note {fn.mark}"
        out.append(SearchRecord(f"{where}#{fn.id}", title, fn.text, report.meta.symbol, "footnote"))
    return out


def report_records(report: Report) -> list[SearchRecord]:
    pages = page_of_block(report)
    return (
        [_report_record(report)]
        + _block_records(report, report.summary, pages, report.meta.summary_heading)
        + _block_records(report, report.body, pages, "")
        + _footnote_records(report)
    )


def build_records(reports: Iterable[Report]) -> list[SearchRecord]:
    """All records of the corpus, reports in symbol order, blocks in reading order (deterministic)."""
    out: list[SearchRecord] = []
    for report in sorted(reports, key=lambda r: r.meta.symbol):
        out.extend(report_records(report))
    return out


# -- writers ---------------------------------------------------------------


def search_data_js(records: list[SearchRecord]) -> str:
    """A script that assigns the index to a global: loadable with <script src> from file://.

    Rows are [url, title, text, kind, context], a report's with its body's annex after them when
    it is a report annexed to a letter ("" or "I"). Every "<" is written as \\u003c so OCR text
    can never close the script element; U+2028/9 are escaped for old JavaScript parsers.
    """
    rows = [[r.url, r.title, r.text, r.kind, r.context] + ([r.annex] if r.annex is not None else []) for r in records]
    data = json.dumps({"version": 1, "fields": ["url", "title", "text", "kind", "context"], "rows": rows},
                      ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{SEARCH_DATA_GLOBAL}={data};\n"


def write_search_data_js(records: list[SearchRecord], site_dir: Path) -> Path:
    target = site_dir / SEARCH_DATA_JS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(search_data_js(records), encoding="utf-8")
    return target


def pagefind_pages(records: list[SearchRecord]) -> list[str]:
    """The records as Pagefind input: one throwaway HTML page per site page they land on.

    Pagefind ranks pages. One page per record (92,337 at 1,000 reports) cost 63 s and 5.5 GB;
    one per site page (6,827) 21 s and 2.7 GB. search.js still ranks records: each record's
    text starts at an empty element carrying its fragment id (Pagefind lists every id with
    its word position in the page), and the meta "records" gives, in page order, each
    record's [fragment, title, kind, context, length of its text in UTF-16 units, order], so the
    text can be cut out of the page's content exactly, and its place in `records` (the order of
    search-data.js, which breaks ties the same way in both backends). A page's own record (a
    report's, whose url has no fragment) comes first, before any id.
    """
    groups: dict[str, list[tuple[int, SearchRecord]]] = {}
    for order, record in enumerate(records):
        groups.setdefault(record.url.partition("#")[0], []).append((order, record))
    return [_pagefind_page(url, group) for url, group in groups.items()]


def _pagefind_page(url: str, records: list[tuple[int, SearchRecord]]) -> str:
    e = html.escape
    body, rows = [], []
    shown_context = None
    for n, (order, record) in enumerate(sorted(records, key=lambda r: "#" in r[1].url)):  # stable sort
        fragment = record.url.partition("#")[2]
        if fragment:
            body.append(f'<span id="{e(fragment)}"></span>')
        elif n:
            raise ValueError(f"two search records for page {url} have no fragment")
        text = " ".join(record.text.split())  # Pagefind's content is single-spaced
        body.append(f"<p>{e(text)}</p>")
        # The heading is searched with its records; written once per run of records, after the
        # text (where the length in `rows` cuts it off again).
        if record.context and record.context != shown_context:
            body.append(f"<h3>{e(record.context)}</h3>")
            shown_context = record.context
        rows.append([fragment, record.title, record.kind, record.context, len(text.encode("utf-16-le")) // 2, order])
    meta = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title></title></head>'
        "<body data-pagefind-body>"
        f'<span data-pagefind-meta="target[data-v]" data-v="{e(url)}"></span>'
        f'<span data-pagefind-meta="records[data-v]" data-v="{e(meta)}"></span>'
        + "".join(body)
        + "</body></html>\n"
    )


def write_pagefind(records: list[SearchRecord], site_dir: Path) -> Path:
    """Index the records with the Pagefind CLI into site/pagefind/ (see pagefind_pages).
    The CLI over written pages is used because the Python API's add_custom_record took
    ~0.1 s per record (56 s for 554)."""
    return PagefindJob(records, site_dir).start().wait()


class PagefindJob:
    """write_pagefind in the background: the index depends only on the records, so a site build
    starts it early and waits for it at the end. Pagefind then runs on the second core while the
    engine renders pages on the first (1,000 reports: about 7,000 pages, 20 s of Pagefind).

    A thread writes the pages and waits for the CLI (both mostly system calls, little GIL
    time). start() starts it: apart from the constructor, so that the caller holds the job
    before its thread exists (a Ctrl-C inside Thread.start() must not leave an unreachable
    thread writing). wait() returns the output folder or raises OutputError; cancel() stops it,
    at any point."""

    def __init__(self, records: list[SearchRecord], site_dir: Path, scratch: Path | None = None):
        self.out = (site_dir / PAGEFIND_DIR).resolve()
        self._records = records
        # Where the pages for the CLI go (~7,000 files at 1,000 reports): the system's temporary
        # folder, or the caller's stage folder, so that a sweep of a killed build finds them too.
        self._scratch = scratch
        self._proc: subprocess.Popen | None = None
        self._cancelled = False
        self._lock = threading.Lock()  # cancel() and the start of the CLI: one or the other first
        self._error: str | None = None
        self._thread = threading.Thread(target=self._run, name="pagefind", daemon=True)

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def start(self) -> PagefindJob:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            # ignore_cleanup_errors: a cancelled build may delete the scratch folder first
            with tempfile.TemporaryDirectory(prefix="pagefind-records-", dir=self._scratch,
                                             ignore_cleanup_errors=True) as tmp:
                for n, page in enumerate(pagefind_pages(self._records)):
                    if self._cancelled:
                        return
                    Path(tmp, f"{n:06d}.html").write_text(page, encoding="utf-8")
                cmd = tethered.command([sys.executable, "-m", "pagefind", "--site", tmp, "--output-path",
                                        str(self.out), "--force-language", "en", "--quiet"])
                with self._lock:
                    if self._cancelled:
                        return
                    self._proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                stdout, stderr = self._proc.communicate()
            if self._proc.returncode != 0 and not self._cancelled:
                self._error = ((stderr or stdout).strip().splitlines() or ["no output"])[-1]
        except Exception as exc:  # noqa: BLE001 - reported by wait() as one line, never as a thread's traceback
            self._error = str(exc) or type(exc).__name__

    def wait(self) -> Path:
        self._thread.join()
        if self._error is not None:
            raise OutputError(f"pagefind failed: {self._error}", str(self.out))
        return self.out

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.kill()
        if self._thread.is_alive():
            self._thread.join()


def records_as_dicts(records: list[SearchRecord]) -> list[dict]:
    return [asdict(r) for r in records]
