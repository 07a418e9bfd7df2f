"""The engine glue, all of it: an MkDocs plugin that runs the text stage before each build.

on_config   convert source_texts/, write the generated pages into docs/, set the nav,
            and start the Pagefind index in the background (served builds): it needs only
            the reports, so it runs on the second core while MkDocs renders on the first
on_pre_build     move the old site's files aside and delete them in the background (`mkdocs build`)
on_serve    also watch source_texts/, so `mkdocs serve` rebuilds when a report changes
on_post_page     file-system builds (use_directory_urls: false): raw-HTML links "x/" -> "x/index.html"
on_post_build    write the redirect pages straight into site/ (MkDocs never sees them) and the
                 paragraph search index (search-data.js; Pagefind for served builds)

Everything else (cleaning, model, Markdown, JSON) is engine-independent, so moving
to another engine means rewriting this file only.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .bundle import offline_links
from .errors import ReportsError
from .search_index import PagefindJob, build_records, write_search_data_js
from .sitegen import (
    DEFAULT_OFFICIAL_BASE,
    BackgroundClear,
    build_corpus,
    nav_for,
    refuse_qa_warnings,
    split_site_only,
    write_docs,
    write_site_files,
)

log = get_plugin_logger(__name__)


class UNReportsConfig(Config):
    source_dir = c.Type(str, default="source_texts")
    official_base = c.Type(str, default=DEFAULT_OFFICIAL_BASE)
    guide_dir = c.Type(str, default="guide")
    pagefind = c.Type(bool, default=True)  # Pagefind index for served builds (not usable from file://)
    cache_dir = c.Type(str, default=".cache")  # content-hash cache of the text stage; "" turns it off


class UNReportsPlugin(BasePlugin[UNReportsConfig]):
    prebuilt = None  # a CorpusResult the `reports` command already computed
    _clear_early = False  # set by on_startup, which `reports build` does not send
    _clearing: BackgroundClear | None = None
    _pagefind: PagefindJob | None = None

    def _base(self, config) -> Path:
        return Path(config.config_file_path or ".").parent

    def source_path(self, config) -> Path:
        return (self._base(config) / self.config.source_dir).resolve()

    def cache_path(self, config) -> Path | None:
        return self._base(config) / self.config.cache_dir if self.config.cache_dir else None

    def on_startup(self, *, command, dirty):
        # Only a full `mkdocs build` empties the site folder in the background (see on_pre_build).
        self._clear_early = command == "build" and not dirty

    def on_pre_build(self, config):
        """MkDocs empties site/ right after this event; do it first, in the background."""
        if self._clear_early:
            self._clearing = BackgroundClear(Path(config.site_dir))

    def _finish_clearing(self) -> None:
        if self._clearing is not None:
            self._clearing.join()
            self._clearing = None

    def on_config(self, config):
        source = self.source_path(config)
        docs = Path(config.docs_dir)
        try:
            result = self.prebuilt or build_corpus(source, self.config.official_base, cache_dir=self.cache_path(config))
            self.prebuilt = None
            if config.strict:
                refuse_qa_warnings(result.reports, source)
            docs_files, self.site_files = split_site_only(result.files)
            stats = write_docs(docs, docs_files)
        except ReportsError as exc:
            raise PluginError(str(exc)) from None
        log.info(
            "%d reports (%d converted, %d rendered, rest cached): %d files written, %d unchanged, %d removed",
            len(result.reports), result.stats.get("converted", 0), result.stats.get("rendered", 0),
            stats["written"], stats["unchanged"], stats["removed"],
        )
        self.reports = result.reports
        self._start_pagefind(config)
        config.nav = nav_for(result.reports) + self._guide_nav(docs)
        _pin_build_date(result.reports)
        return config

    def _guide_nav(self, docs: Path) -> list:
        guide = docs / self.config.guide_dir
        pages = sorted(p.relative_to(docs).as_posix() for p in guide.glob("*.md")) if guide.is_dir() else []
        return [{"Guide": pages}] if pages else []

    def _start_pagefind(self, config) -> None:
        """Index into a hidden folder beside the site (MkDocs cleans the site folder after this
        event); on_post_build moves it in. Same parent folder, so the move is one rename."""
        self._pagefind = None
        if not (self.config.pagefind and config.use_directory_urls):
            return
        site = Path(config.site_dir).resolve()
        site.parent.mkdir(parents=True, exist_ok=True)
        self._pagefind_stage = Path(tempfile.mkdtemp(prefix=f".{site.name}-pagefind-", dir=site.parent))
        self.records = build_records(self.reports)
        self._pagefind = PagefindJob(self.records, self._pagefind_stage)

    def _finish_pagefind(self, site: Path) -> None:
        job, self._pagefind = self._pagefind, None
        try:
            out = job.wait()
            target = site / out.name
            if target.exists():
                shutil.rmtree(target)
            shutil.move(str(out), str(target))  # a rename on the same file system
        except ReportsError as exc:
            raise PluginError(str(exc)) from None
        finally:
            shutil.rmtree(self._pagefind_stage, ignore_errors=True)

    def on_build_error(self, error):
        self._finish_clearing()
        if self._pagefind is not None:
            self._pagefind.cancel()
            self._pagefind = None
            shutil.rmtree(self._pagefind_stage, ignore_errors=True)

    def on_post_page(self, output, page, config):
        return output if config.use_directory_urls else offline_links(output)

    def on_post_build(self, config):
        site = Path(config.site_dir)
        fix = (lambda text: text) if config.use_directory_urls else offline_links
        try:
            write_site_files(site, {rel: fix(text) for rel, text in self.site_files.items()})
        except ReportsError as exc:
            raise PluginError(str(exc)) from None
        records = self.records if self._pagefind else build_records(self.reports)
        write_search_data_js(records, site)
        if self._pagefind:
            self._finish_pagefind(site)
        log.info("search: %d records indexed", len(records))
        self._finish_clearing()

    def on_serve(self, server, config, builder):
        server.watch(str(self.source_path(config)))
        return server


def _pin_build_date(reports) -> None:
    """Deterministic output: the sitemap's dates come from the newest report, not the clock."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    dates = [r.meta.date for r in reports if r.meta.date]
    newest = max(dates, default="2000-01-01")
    stamp = dt.datetime.fromisoformat(newest).replace(tzinfo=dt.timezone.utc).timestamp()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp))
