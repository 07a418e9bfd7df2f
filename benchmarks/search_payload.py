"""Search payload: index bytes, bytes fetched for a first query, build time added.

Compares the two search indexes built from the same paragraph records
(build_tools/search_index.py): Pagefind (chunked, fetched per query) and
search-data.js (the whole index in one script, for file://). `--scale N` repeats the
corpus N times (distinct URLs, same text) to see how each grows.

    PYTHONPATH=. python benchmarks/search_payload.py [--scale 1 20] [--browser]
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import gzip
import http.server
import json
import shutil
import tempfile
import threading
import time
from pathlib import Path

from build_tools.search_index import build_records, search_data_js, write_pagefind
from build_tools.sitegen import build_corpus

QUERIES = ["mandates", "considered advice that it needs", "1325 (2000)"]
SEARCH_JS = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "search.js"


def scaled(records, n):
    if n == 1:
        return records
    return [dataclasses.replace(r, url=f"copy{i}/{r.url}") for i in range(n) for r in records]


def dir_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def _bench_page(site: Path, body: str, timeout_ms: int):
    """A fresh Chromium page on bench.html (the site's search.js, then `body`, a script that sets
    the title to "done" when finished), served from the site on 127.0.0.1; yields the page once
    the title says done, with `page.responses` holding every response. Cleans up after itself."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    script = site / "assets" / "search.js"
    if not script.is_file():  # a bare index from write_pagefind; a built site has its own copy
        script.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SEARCH_JS, script)
    (site / "bench.html").write_text('<!doctype html><script src="assets/search.js"></script>' + body)
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            page = b.new_page()
            page.responses = []
            page.on("response", lambda r: page.responses.append(r))  # a bound builtin is refused
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/bench.html")
            page.wait_for_function("document.title === 'done'", timeout=timeout_ms)
            yield page
            b.close()
    finally:
        server.shutdown()
        (site / "bench.html").unlink(missing_ok=True)


def fetched_bytes(site: Path, query: str) -> tuple[int, int, int]:
    """(requests, raw bytes, gzip-on-the-wire estimate) from pagefind/ for one query on a fresh
    page, searched by the site's own search.js (which decides how many result pages it reads)."""
    body = (f"<script type=module>await UNReportsSearch.search({query!r}, \"pagefind\");"
            "document.title = 'done';</script>")
    with _bench_page(site, body, 30_000) as page:
        page.wait_for_load_state("networkidle")
        sizes = [r.body() for r in page.responses if "/pagefind/" in r.url]
    return len(sizes), sum(map(len, sizes)), sum(len(gzip.compress(s)) for s in sizes)


def inline_query_seconds(site: Path, queries: list[str]) -> list[float]:
    """Seconds each query takes with the inline index (search-data.js, what file:// uses), asked
    one after another in one fresh page by the site's own search.js: the first includes loading
    and normalising the whole index (a query typed at once), the others are what typing costs."""
    body = (
        f"<script>(async () => {{ const times = []; for (const q of {json.dumps(queries)}) {{"
        'const t = performance.now(); await UNReportsSearch.search(q, "inline");'
        "times.push((performance.now() - t) / 1000); }"
        "window.__times = times; document.title = 'done'; })();</script>"
    )
    with _bench_page(site, body, 120_000) as page:
        return page.evaluate("window.__times")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, nargs="*", default=[1, 20])
    ap.add_argument("--browser", action="store_true", help="also measure bytes fetched per query (Chromium)")
    args = ap.parse_args()
    base = build_records(build_corpus(Path("source_texts")).reports)
    for n in args.scale:
        records = scaled(base, n)
        t = time.perf_counter()
        js = search_data_js(records).encode()
        t_js = time.perf_counter() - t
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp)
            t = time.perf_counter()
            write_pagefind(records, site)
            t_pf = time.perf_counter() - t
            pf = site / "pagefind"
            print(f"scale x{n}: {len(records)} records")
            print(f"  search-data.js  {len(js):>10,} B  gzip {len(gzip.compress(js)):>9,} B  write {t_js:.2f} s"
                  "  (all of it fetched by the first query)")
            print(f"  pagefind/       {dir_bytes(pf):>10,} B  ({len(list(pf.rglob('*')))} files)  index {t_pf:.2f} s")
            if args.browser:
                for q in QUERIES:
                    reqs, raw, wire = fetched_bytes(site, q)
                    print(f"    first query {q!r:36} {reqs:3} requests  {raw:>9,} B  (~{wire:,} B gzip)")


if __name__ == "__main__":
    main()
