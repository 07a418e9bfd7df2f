"""The engine glue, all of it: an MkDocs plugin that runs the text stage before each build.

on_config   convert source_texts/, write the generated pages into docs/, set the nav,
            start the Pagefind index in the background (served builds) as soon as the
            reports are converted: it needs only them, so it runs on the second core while
            the pages are rendered and MkDocs builds on the first;
            and add the Markdown extension that stashes raw HTML blocks (see below)
on_pre_build     move the old site's files aside for a detached process to delete (`mkdocs build`,
                 each rebuild of `mkdocs serve`)
on_files         (the site folder is clean now) start writing the redirect pages straight into
                 site/ from a separate process; MkDocs never sees them
on_serve    also watch source_texts/, so `mkdocs serve` rebuilds when a report changes
on_page_content, on_post_page   advance the progress bars `reports build` shows on a terminal;
                 on_post_page also, for file-system builds (use_directory_urls: false), rewrites
                 raw-HTML links "x/" -> "x/index.html"
on_post_build    wait for the redirect pages; write the paragraph search index (search-data.js;
                 Pagefind for served builds, which `serve --dirty` does not wait for: the new
                 index replaces the old one when it is done)
on_build_error, on_shutdown   stop the redirect writer and Pagefind, remove Pagefind's stage
                 folder (on_shutdown also comes after Ctrl-C or SIGTERM, see interrupts.py)

Everything else (cleaning, model, Markdown, JSON) is engine-independent, so moving
to another engine means rewriting this file only.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import threading
from functools import partial
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from . import heap
from .bundle import offline_links
from .errors import ReportsError
from .interrupts import interrupt_on_terminate
from .progress import SILENT, Bar, BarFactory, silent
from .search_index import PagefindJob, build_records, write_search_data_js
from .sitegen import (
    DEFAULT_OFFICIAL_BASE,
    BackgroundClear,
    BackgroundWrite,
    build_corpus,
    nav_for,
    refuse_qa_warnings,
    split_site_only,
    stage_folder,
    sweep_dead_stages,
    write_docs,
)

log = get_plugin_logger(__name__)


class UNReportsConfig(Config):
    source_dir = c.Type(str, default="source_texts")
    official_base = c.Type(str, default=DEFAULT_OFFICIAL_BASE)
    guide_dir = c.Type(str, default="guide")
    pagefind = c.Type(bool, default=True)  # Pagefind index for served builds (not usable from file://)
    cache_dir = c.Type(str, default=".cache")  # content-hash cache of the text stage; "" turns it off
    keep_going = c.Type(bool, default=False)  # a refused report is left out (a warning), not the build stopped


class UNReportsPlugin(BasePlugin[UNReportsConfig]):
    prebuilt = None  # a CorpusResult the `reports` command already computed
    progress: BarFactory = staticmethod(silent)  # `reports build` sets bars for a terminal (progress.py)
    _bar: Bar = SILENT
    _bar_step = ""
    _pages = 0
    _clear_early = False  # set by on_startup, which `reports build` does not send
    _pagefind: PagefindJob | None = None
    _pagefind_stage: Path | None = None
    # Set by on_startup: `serve --dirty` keeps the site folder, and with it the Pagefind index,
    # between builds, so its builds need not wait for a new index (see _finish_pagefind_later).
    _keeps_index = False
    _indexed = None  # the records of the index in the site or being made (a dirty serve reuses it)
    records = None  # this build's search records
    _late_index: tuple[PagefindJob, threading.Thread] | None = None  # a served build's index, unfinished
    _writing: BackgroundWrite | None = None

    def _base(self, config) -> Path:
        return Path(config.config_file_path or ".").parent

    def source_path(self, config) -> Path:
        return (self._base(config) / self.config.source_dir).resolve()

    def cache_path(self, config) -> Path | None:
        return self._base(config) / self.config.cache_dir if self.config.cache_dir else None

    def on_startup(self, *, command, dirty):
        # Every build that MkDocs starts by emptying the site folder does it in the background
        # (see on_pre_build): `mkdocs build`, and each rebuild of `mkdocs serve` (its folder is a
        # temporary one, emptied in line before every rebuild: at 1,000 reports an edit took 84 s
        # to show). Not dirty builds, which keep the old files.
        self._clear_early = not dirty
        self._keeps_index = command == "serve" and dirty
        interrupt_on_terminate()  # SIGTERM stops `mkdocs build`/`serve` as Ctrl-C does, with cleanup

    def on_pre_build(self, config):
        """MkDocs empties site/ right after this event; do it first, in the background."""
        if self._clear_early:
            BackgroundClear(Path(config.site_dir))  # a detached process deletes the old files

    def on_config(self, config):
        heap.release()  # the previous build's objects (mkdocs serve) are collectable again
        source = self.source_path(config)
        docs = Path(config.docs_dir)
        self._pagefind = None
        self.records = None
        from_cli = self.prebuilt is not None  # the `reports` command names refused reports itself
        try:
            if from_cli:  # `reports build` ran the text stage already
                result = self.prebuilt
                self._start_pagefind(config, result.reports)
            else:  # Pagefind needs only the reports: it starts once they are converted, before rendering
                result = build_corpus(source, self.config.official_base, cache_dir=self.cache_path(config),
                                      on_converted=partial(self._start_pagefind, config), progress=self.progress,
                                      keep_going=self.config.keep_going)
            self.prebuilt = None
            if config.strict:
                refuse_qa_warnings(result.reports, source)
            docs_files, self.site_files = split_site_only(result.files)
            stats = write_docs(docs, docs_files)
        except ReportsError as exc:
            self._cancel_pagefind()
            raise PluginError(str(exc)) from None
        if not from_cli:
            for message in result.refused:
                log.warning("%s (refused: the site is built without it)", message)
        for copy, kept in result.copies:
            log.warning("%s is a copy of %s (the same bytes, symbol %s): published once", copy, kept,
                        next(r.meta.symbol for r in result.reports if r.source == kept))
        log.info(
            "%d reports (%d converted, %d rendered, rest cached): %d files written, %d unchanged, %d removed",
            len(result.reports), result.stats.get("converted", 0), result.stats.get("rendered", 0),
            stats["written"], stats["unchanged"], stats["removed"],
        )
        self.reports = result.reports
        config.nav = nav_for(result.reports) + self._guide_nav(docs)
        config.markdown_extensions.append(StashRawBlocks())
        _pin_build_date(result.reports)
        # The reports live until the build ends: later collections need not scan them again.
        heap.keep_until_next_build()
        return config

    def _guide_nav(self, docs: Path) -> list:
        guide = docs / self.config.guide_dir
        pages = sorted(p.relative_to(docs).as_posix() for p in guide.glob("*.md")) if guide.is_dir() else []
        return [{"Guide": pages}] if pages else []

    def _start_pagefind(self, config, reports) -> None:
        """Index into a hidden folder beside the site (MkDocs cleans the site folder after
        on_config); on_post_build moves it in. Same parent folder, so the move is one rename."""
        if not (self.config.pagefind and config.use_directory_urls):
            return
        self.records = build_records(reports)
        if self._keeps_index and self.records == self._indexed:
            return  # a dirty rebuild with the same records: the index in the site (or coming) is this one
        self._cancel_late_index()  # a newer one is made now
        site = Path(config.site_dir).resolve()
        sweep_dead_stages(site)
        self._pagefind_stage = stage_folder(site, "pagefind")
        self._pagefind = PagefindJob(self.records, self._pagefind_stage, scratch=self._pagefind_stage)
        self._pagefind.start()
        self._indexed = self.records

    def _cancel_pagefind(self) -> None:
        """Stop the job and delete its stage, wherever a Ctrl-C or an error stopped them."""
        job, self._pagefind = self._pagefind, None
        if job is not None:
            job.cancel()
            self._indexed = None
        if self._pagefind_stage is not None:
            shutil.rmtree(self._pagefind_stage, ignore_errors=True)
            self._pagefind_stage = None

    def _finish_pagefind(self, site: Path) -> None:
        job, stage = self._pagefind, self._pagefind_stage
        self._pagefind = self._pagefind_stage = None
        try:
            _move_index_in(job.wait(), site)
        except ReportsError as exc:
            raise PluginError(str(exc)) from None
        finally:
            shutil.rmtree(stage, ignore_errors=True)

    def _finish_pagefind_later(self, site: Path) -> None:
        """A `serve --dirty` build shows its pages without waiting for the index (at 1,000
        reports an edit showed after 24.5 s instead of 33.9 s). The new index replaces the old
        one when it is done (the edit's follow-up build, started by the pages it wrote to docs/,
        has the same records and keeps it: 42.7 s); until then the old one answers, or search.js
        falls back to search-data.js."""
        job, stage = self._pagefind, self._pagefind_stage
        self._pagefind = self._pagefind_stage = None

        def finish() -> None:
            try:
                out = job.wait()
                if not job.cancelled:
                    _move_index_in(out, site)
            except (ReportsError, OSError) as exc:
                self._indexed = None  # the next build makes it again
                log.warning("search index not updated: %s", exc)
            finally:
                shutil.rmtree(stage, ignore_errors=True)

        thread = threading.Thread(target=finish, name="pagefind-finish", daemon=True)
        self._late_index = (job, thread)
        thread.start()

    def _cancel_late_index(self) -> None:
        late, self._late_index = self._late_index, None
        if late is not None:
            job, thread = late
            job.cancel()
            thread.join()
            self._indexed = None  # the site keeps an older index, or none

    def on_files(self, files, config):
        fix = None if config.use_directory_urls else offline_links
        try:
            self._writing = BackgroundWrite(Path(config.site_dir), self.site_files, fix)
        except ReportsError as exc:
            raise PluginError(str(exc)) from None
        self._pages = len(files.documentation_pages())
        self._next_bar("markdown")
        return files

    def _next_bar(self, step: str) -> None:
        """MkDocs converts every page's Markdown, then renders every page's template: a bar each."""
        self._bar.close()
        self._bar, self._bar_step = (self.progress(step, self._pages, "page"), step) if step else (SILENT, "")

    def on_page_content(self, html, page, config, files):
        self._bar.update(1)
        return html

    def _finish_writing(self) -> None:
        writing, self._writing = self._writing, None
        if writing is not None:
            writing.join()

    def on_build_error(self, error):
        self._abort()

    def on_shutdown(self):
        # Sent after the last build, also when Ctrl-C or SIGTERM stopped one (MkDocs sends no
        # build_error for a KeyboardInterrupt): nothing may go on writing beside the site.
        self._abort()

    def _abort(self) -> None:
        """Stop the background writer and Pagefind, and remove Pagefind's stage folder."""
        self._next_bar("")
        self._cancel_late_index()
        writing, self._writing = self._writing, None
        if writing is not None:
            writing.stop()
        self._cancel_pagefind()

    def on_post_page(self, output, page, config):
        if self._bar_step != "templates":
            self._next_bar("templates")
        self._bar.update(1)
        return output if config.use_directory_urls else offline_links(output)

    def on_post_build(self, config):
        self._next_bar("")
        site = Path(config.site_dir)
        try:
            self._finish_writing()
        except ReportsError as exc:
            raise PluginError(str(exc)) from None
        records = self.records if self.records is not None else build_records(self.reports)
        write_search_data_js(records, site)
        if self._pagefind and self._keeps_index:
            self._finish_pagefind_later(site)
        elif self._pagefind:
            self._finish_pagefind(site)
        log.info("search: %d records indexed", len(records))

    def on_serve(self, server, config, builder):
        server.watch(str(self.source_path(config)))
        return server


def _move_index_in(out: Path, site: Path) -> None:
    """Put the finished index folder into the site, replacing the old one by two moves (renames:
    the stage is beside the site, on its file system, unless the site folder is a mount point),
    so that a served site is without an index only between them. The old one goes into the
    stage, which its owner deletes."""
    target = site / out.name
    if target.exists():
        shutil.move(str(target), str(out.with_name(out.name + "-old")))
    shutil.move(str(out), str(target))


# A raw HTML block as render.py writes it: a line starting with a block-level tag, and the line
# where that element closes ending with its end tag. The text inside is escaped, so every "<"
# in it is markup and counting one tag's start and end tags finds the element's end.
_RAW_BLOCK_TAGS = ("p", "div", "table", "ul", "ol", "dl", "nav", "header", "section", "aside")
_BLOCK_START = re.compile(rf"<({'|'.join(_RAW_BLOCK_TAGS)})[\s>]")
_TAG_EDGES = {tag: re.compile(rf"<(/?){tag}[\s>]") for tag in _RAW_BLOCK_TAGS}
_ID_ATTR = re.compile(r'\sid="([^"]*)"')


def raw_block_end(lines: list[str], start: int, tag: str) -> int | None:
    """The line where the element opened at the start of lines[start] closes, if it closes
    exactly at the end of that line (anything after it is left to html_block); else None."""
    depth = 0
    for j in range(start, len(lines)):
        line = lines[j]
        for m in _TAG_EDGES[tag].finditer(line):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                return j if m.end() == len(line) else None
    return None


class _StashRawBlocks(Preprocessor):
    """Python-Markdown (html_block) and MkDocs (mkdocs_raw_html, which collects ids for anchor
    validation) each run a pure-Python HTML parser over every page; on report pages, which are
    mostly raw HTML, that was about half of the Markdown time. The blocks are stashed here
    first, so both parsers see only placeholders; their ids are handed to MkDocs' anchor list by
    _GiveIds. A block this step is unsure of is left to html_block. The site's HTML is
    byte-identical with and without this step (tests/test_stash_raw_blocks.py)."""

    def __init__(self, md: Markdown):
        super().__init__(md)
        self.ids: set[str] = set()  # of the page last run
        self.stopped_at: int | None = None  # the line where html_block took over, if any

    def run(self, lines: list[str]) -> list[str]:
        self.ids = set()
        self.stopped_at = None
        out: list[str] = []
        # Consecutive blocks (blank lines between them at most) share one stash entry, joined
        # the way they would come out one by one ("\n" between them): a page then has a few
        # placeholders instead of one per paragraph for every later Markdown step to walk.
        group: list[str] = []
        slot = 0  # where the group's placeholder goes: at its first block, before blank lines

        def flush() -> None:
            if group:
                out[slot] = self.md.htmlStash.store("\n".join(group))
                group.clear()

        block_start = True  # html_block starts a raw block after a blank line or a closed one
        i, last = 0, len(lines) - 1
        while i <= last:
            line = lines[i]
            if not (block_start and line.startswith("<")):
                if line.strip():
                    flush()
                out.append(line)
                block_start = not line.strip()
                i += 1
                continue
            start = _BLOCK_START.match(line)
            end = raw_block_end(lines, i, start.group(1)) if start and "markdown=" not in line.replace('markdown="0"', "") else None
            if end is None:
                # Raw HTML of another shape: html_block decides where it ends, and any block
                # after it could lie inside it, so the rest of the page is left to html_block.
                flush()
                self.stopped_at = i
                return out + lines[i:]
            block = "\n".join(lines[i : end + 1])
            self.ids.update(html.unescape(v) for v in _ID_ATTR.findall(block))
            # html_block keeps the line break when a blank line follows the element
            tail = "\n" if end + 2 <= last and not lines[end + 1].strip(" ") else ""
            if not group:
                slot = len(out)
                out += ["", ""]  # the placeholder and a blank line after it
            group.append(block + tail)
            i = end + 1
        flush()
        return out


class _GiveIds(Preprocessor):
    """Runs after mkdocs_raw_html: adds the stashed paragraphs' ids to the page's anchors."""

    def __init__(self, md: Markdown, stash: _StashRawBlocks):
        super().__init__(md)
        self.stash = stash

    def run(self, lines: list[str]) -> list[str]:
        if "mkdocs_raw_html" in self.md.preprocessors:
            raw = self.md.preprocessors["mkdocs_raw_html"]
            raw.present_anchor_ids = set(getattr(raw, "present_anchor_ids", ())) | self.stash.ids
        return lines


class StashRawBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        stash = _StashRawBlocks(md)
        # After fenced_code (25), so a code example is never taken for a block; before mkdocs_raw_html (21).
        md.preprocessors.register(stash, "un_reports_stash_raw_blocks", 24)
        md.preprocessors.register(_GiveIds(md, stash), "un_reports_paragraph_ids", 20.5)  # after it


def _pin_build_date(reports) -> None:
    """Deterministic output: the sitemap's dates come from the newest report, not the clock."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    dates = [r.meta.date for r in reports if r.meta.date]
    newest = max(dates, default="2000-01-01")
    stamp = dt.datetime.fromisoformat(newest).replace(tzinfo=dt.UTC).timestamp()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp))
