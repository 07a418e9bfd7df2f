"""Scale benchmark: text stage and full site build on synthetic corpora of N reports.

For each N it generates a corpus from source_texts/ (benchmarks/synth.py), then measures

  text MB/s (1 core)   build_corpus() in this process with one worker, no cache: source MB / s
  text wall (all)      the same with a worker per core
  build wall (cold)    `mkdocs build` of a temporary project (the real mkdocs.yml with
                       source_dir/docs_dir/site_dir changed, docs/guide/ copied), empty cache
  peak RSS             largest resident set of the mkdocs process and of its pool workers
  incr wall            rebuild after editing one report; incr converted = reports converted
  site MB              size of the built site
  bundle s / MB        `python -m build_tools.bundle` (the offline zip: a file:// build, then the
                       zip) in a child process, once, after the other builds; and the zip's size
  search MB            what the browser fetches for a first query with the site's own engine:
                       Pagefind (pagefind-entry.json, pagefind.js, the wasm, the meta file and the
                       index chunk(s) of the query word; counted in Chromium when Playwright is
                       there, else estimated as those files with the largest chunk); also the
                       size of assets/search-data.js, the inline index used offline (file://)

Timings are repeated (--repeat, default 3; the text stage also until its runs add up to 3 s)
and the median is printed; --once-above N builds the
sites of bigger corpora once (their text stage is still timed --repeat times). The text stage's
once-per-process start-up is paid first and printed apart. A fixed reference workload
(benchmarks/reference.py) is timed before and after, so that runs on other days can be told
apart from changes of the machine's speed. Results go to benchmarks/out/results.json.

    python benchmarks/benchmark.py                      # N = 10, 100, 1000
    python benchmarks/benchmark.py --quick              # N = 10, 100, one run each
    python benchmarks/benchmark.py --sizes 1000 --repeat 1
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from reference import reference_ms_fresh  # noqa: E402
from synth import make_corpus  # noqa: E402

from build_tools.parallel import worker_count  # noqa: E402
from build_tools.sitegen import build_corpus  # noqa: E402

# Runs `mkdocs build` in a child and prints the peak RSS (KiB) of that child and of its own children
# (the process pool), which resource.getrusage only sees from the parent of each.
MKDOCS_RUNNER = """
import resource, sys
from mkdocs.__main__ import cli
try:
    cli.main(args=["build", "-f", sys.argv[1]], standalone_mode=False)
finally:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"RSS {own} {kids}", file=sys.stderr)
"""
# The plugin's summary line: "N reports (X converted, Y rendered, rest cached)".
PLUGIN_STATS = re.compile(r"(\d+) reports \((\d+) converted, (\d+) rendered")
# The word a first query looks up: common in every report, so its index chunk is a real one.
SEARCH_WORD = "peace"


def machine() -> dict:
    mem_kib = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "workers": worker_count(),
        "memory_gib": round(mem_kib / 2**20, 1),
        "python": platform.python_version(),
        # Which build of it: the same version runs the text stage 6-10 % faster when built with
        # PGO and LTO (Debian's /usr/bin/python3) than pyenv's default build (docs: Performance).
        "python_executable": os.path.realpath(sys.executable),
        "platform": platform.platform(),
        "cpu": _cpu_model(),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


# Short timings are run until they add up to this much: a 0.14 s pass (N = 10) timed three times
# gave a median 25 % off the stage's speed in a noisy hour; twenty runs steady it.
MIN_TIMED_SECONDS = 3.0
MAX_RUNS = 50


def _timed(fn, repeat: int, min_seconds: float = 0.0) -> tuple[float, float, float, object, int]:
    """(median wall seconds, best wall seconds, median CPU seconds, the last result, runs) of
    `repeat` runs, or more until they take min_seconds (at most MAX_RUNS); wall and CPU time come
    from the same runs. Earlier results are dropped before the next run: at N = 1000 each holds
    ~700 MB, and keeping them made later runs pay for fresh memory."""
    walls, cpus, result = [], [], None
    while len(walls) < repeat or (sum(walls) < min_seconds and len(walls) < MAX_RUNS):
        result = None
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), min(walls), statistics.median(cpus), result, len(walls)


# -- the temporary project ------------------------------------------------------


def _search_engine(plugins: list) -> str:
    """The engine the site uses: our plugin's Pagefind index (option `pagefind`, on by default)
    or, without it, only the inline search-data.js. Nothing is added to the config."""
    for entry in plugins:
        if isinstance(entry, dict) and "un-reports" in entry:
            return "pagefind" if (entry["un-reports"] or {}).get("pagefind", True) else "search-data.js"
    return "none"


def make_project(work: Path, corpus: Path) -> tuple[Path, str]:
    """work/mkdocs.yml: the real config with the synthetic source and private docs/site folders."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    plugins = config.get("plugins") or []
    for entry in plugins:
        if isinstance(entry, dict) and "un-reports" in entry:
            entry["un-reports"] = dict(entry["un-reports"] or {}, source_dir=str(corpus), cache_dir=".cache")
    engine = _search_engine(plugins)
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    theme = config.get("theme") or {}
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    config["theme"] = theme
    work.mkdir(parents=True, exist_ok=True)
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path, engine


def _reset(work: Path) -> None:
    for name in ("docs", "site", ".cache"):
        shutil.rmtree(work / name, ignore_errors=True)
    shutil.copytree(ROOT / "docs" / "guide", work / "docs" / "guide")


def _child_env() -> dict[str, str]:
    """The environment of a measured child process: this checkout first on its import path."""
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def run_mkdocs(config: Path) -> dict:
    env = _child_env()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", MKDOCS_RUNNER, str(config)], capture_output=True, text=True, env=env, cwd=config.parent
    )
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build failed ({config}):\n{proc.stderr[-3000:]}")
    rss = re.search(r"RSS (\d+) (\d+)", proc.stderr)
    stats = PLUGIN_STATS.search(proc.stderr)
    return {
        "wall_s": wall,
        "cpu_s": cpu,  # user + system of mkdocs and its workers: robust to other load on the machine
        "rss_main_mb": int(rss.group(1)) / 1024 if rss else None,
        "rss_workers_mb": int(rss.group(2)) / 1024 if rss else None,
        "converted": int(stats.group(2)) if stats else None,
        "rendered": int(stats.group(3)) if stats else None,
    }


def _dir_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def search_payload(site: Path) -> dict:
    """Bytes a first query costs: Pagefind's files for one word, and the offline search-data.js
    (with the seconds its queries take in Chromium: the first one loads the index)."""
    out: dict = {"file": None, "bytes": None, "gzip_bytes": None, "method": None}
    inline = site / "assets" / "search-data.js"
    if inline.is_file():
        data = inline.read_bytes()
        out["search_data_js_bytes"], out["search_data_js_gzip_bytes"] = len(data), len(gzip.compress(data, 6))
        times = _inline_query_times(site)
        if times:
            out["inline_query_s"] = [round(t, 3) for t in times]
    pagefind = site / "pagefind"
    if not (pagefind / "pagefind-entry.json").is_file():
        return out
    out["file"] = "pagefind/"
    out["pagefind_dir_bytes"] = _dir_bytes(pagefind)
    measured = _pagefind_fetched(site, SEARCH_WORD)
    if measured is not None:
        out["method"] = f"Chromium, query {SEARCH_WORD!r}"
        out["requests"], out["bytes"], out["gzip_bytes"] = measured
        return out
    # No browser: the files a one-word query always loads, plus the largest index chunk.
    # Pagefind's .pf_* files are gzipped already; only the JS and JSON gain from transport gzip.
    fixed = [pagefind / "pagefind-entry.json", pagefind / "pagefind.js"]
    fixed += sorted(pagefind.glob("wasm.*.pagefind")) + sorted(pagefind.glob("*.pf_meta"))
    chunks = sorted(pagefind.glob("index/*.pf_index"), key=lambda p: p.stat().st_size)
    files = [p for p in fixed if p.is_file()] + chunks[-1:]
    blobs = [p.read_bytes() for p in files]
    out["method"] = "estimate: entry + pagefind.js + wasm + meta + largest index chunk"
    out["requests"] = len(blobs)
    out["bytes"] = sum(map(len, blobs))
    out["gzip_bytes"] = sum(min(len(b), len(gzip.compress(b, 6))) for b in blobs)
    return out


# Queries asked one after another of the inline (file://) index: the first pays for loading it.
INLINE_QUERIES = [SEARCH_WORD, "security council", "1325 (2000)", "mandat"]


def _inline_query_times(site: Path) -> list[float] | None:
    """Seconds per query of INLINE_QUERIES with the offline index, in Chromium; None without it."""
    return _in_browser("offline query times", "inline_query_seconds", site, INLINE_QUERIES)


def _pagefind_fetched(site: Path, word: str) -> tuple[int, int, int] | None:
    """(requests, bytes, gzip bytes) Chromium fetches from pagefind/ for one query and its
    first results, or None without Playwright/Chromium (search_payload then estimates)."""
    return _in_browser("search payload", "fetched_bytes", site, word)


def _in_browser(what: str, name: str, *args):
    """benchmarks/search_payload.<name>(*args), which drives Chromium; None without Chromium or
    Playwright, or when the browser fails: a broken browser must not lose the other numbers."""
    if not Path("/usr/bin/chromium").exists():
        return None
    try:
        import search_payload

        return getattr(search_payload, name)(*args)
    except Exception as exc:  # noqa: BLE001 - see above
        print(f"{what}: browser measurement failed ({exc})", file=sys.stderr)
        return None


def run_bundle(config: Path) -> dict:
    """`python -m build_tools.bundle` for the project: wall seconds and the zip's size."""
    env = _child_env()
    out = config.parent / "bundle.zip"
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "build_tools.bundle", "-f", str(config), "-o", str(out)],
                          capture_output=True, text=True, env=env, cwd=config.parent)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"bundle failed ({config}):\n{proc.stderr[-3000:]}")
    return {"wall_s": wall, "mb": out.stat().st_size / 1e6}


def touch_one_report(corpus: Path) -> Path:
    """Edit one report the way an editor would: change the words of one paragraph."""
    target = sorted(corpus.glob("*.txt"))[len(list(corpus.glob("*.txt"))) // 2]
    text = target.read_text(encoding="utf-8")
    text = re.sub(r"\bthe\b", "the the", text, count=1)  # one word in the first sentence that has one
    target.write_text(text, encoding="utf-8")
    return target


# -- one size ------------------------------------------------------------------


def bench_size(n: int, repeat: int, work_root: Path, text_repeat: int | None = None) -> dict:
    """Measure one corpus size: the text stage `text_repeat` times (default `repeat`), the site
    builds `repeat` times."""
    text_repeat = text_repeat or repeat
    corpus = work_root / f"corpus-{n}"
    paths = make_corpus(corpus, n)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    pages = None

    t1, best1, cpu1, res1, text_runs = _timed(lambda: build_corpus(corpus, workers=1), text_repeat, MIN_TIMED_SECONDS)
    pages = sum(1 for f in res1.files if f.endswith(".md"))
    del res1
    tall, _, _, _, _ = _timed(lambda: build_corpus(corpus), text_repeat, MIN_TIMED_SECONDS)

    work = work_root / f"site-{n}"
    config, engine = make_project(work, corpus)
    cold = []
    for _ in range(repeat):
        _reset(work)
        cold.append(run_mkdocs(config))
    warm = run_mkdocs(config)  # nothing changed: everything from the cache
    touched = touch_one_report(corpus)
    incr = run_mkdocs(config)
    site = work / "site"
    offline = run_bundle(config)
    med = lambda key: statistics.median(r[key] for r in cold)  # noqa: E731
    return {
        "n": n,
        "source_mb": round(mb, 2),
        "markdown_pages": pages,
        "text_1core_s": round(t1, 3),
        "text_mb_per_s_1core": round(mb / t1, 2),
        "text_mb_per_s_1core_best": round(mb / best1, 2),
        "text_mb_per_s_1core_cpu": round(mb / cpu1, 2),  # by CPU time: what the code does, not the machine's load
        "text_all_cores_s": round(tall, 3),
        "build_cold_s": round(med("wall_s"), 2),
        "build_cold_runs_s": [round(r["wall_s"], 2) for r in cold],
        "build_cold_cpu_s": round(med("cpu_s"), 2),
        "build_incremental_cpu_s": round(incr["cpu_s"], 2),
        "build_nochange_s": round(warm["wall_s"], 2),
        "build_incremental_s": round(incr["wall_s"], 2),
        "incremental_converted": incr["converted"],
        "incremental_rendered": incr["rendered"],
        "incremental_edited": touched.name,
        "peak_rss_main_mb": round(max(r["rss_main_mb"] or 0 for r in cold), 1),
        "peak_rss_workers_mb": round(max(r["rss_workers_mb"] or 0 for r in cold), 1),
        "site_mb": round(_dir_bytes(site) / 1e6, 1),
        "bundle_s": round(offline["wall_s"], 2),
        "bundle_mb": round(offline["mb"], 1),
        "html_files": sum(1 for _ in site.rglob("*.html")),
        "search_engine": engine,
        "search": search_payload(site),
        "repeat": repeat,
        "text_repeat": text_repeat,
        "text_runs": text_runs,
    }


def print_table(rows: list[dict]) -> None:
    head = (
        "| N | source MB | pages | text MB/s (1 core, wall / CPU) | text s (1 core) | text s (all cores) | build s (cold) "
        "| build CPU s (cold) | build s (no change) | build s (1 edited) | converted | peak RSS MB (main/workers) | site MB "
        "| bundle s (zip MB) | search MB, first query (gzip) |"
    )
    print(head)
    print("|" + "|".join("---" for _ in range(head.count("|") - 1)) + "|")
    for r in rows:
        s = r["search"]
        search = f"{s['bytes'] / 1e6:.3f} ({s['gzip_bytes'] / 1e6:.3f})" if s["bytes"] else "n/a"
        if s.get("search_data_js_bytes"):
            search += f"; offline js {s['search_data_js_bytes'] / 1e6:.2f} ({s['search_data_js_gzip_bytes'] / 1e6:.2f})"
        if s.get("inline_query_s"):
            first, *rest = s["inline_query_s"]
            search += f", offline query {first * 1e3:.0f} ms first, {max(rest, default=first) * 1e3:.0f} ms after"
        print(
            f"| {r['n']} | {r['source_mb']} | {r['markdown_pages']} | {r['text_mb_per_s_1core']} / {r['text_mb_per_s_1core_cpu']} | {r['text_1core_s']} "
            f"| {r['text_all_cores_s']} | {r['build_cold_s']} | {r['build_cold_cpu_s']} | {r['build_nochange_s']} | {r['build_incremental_s']} "
            f"| {r['incremental_converted']}/{r['n']} | {r['peak_rss_main_mb']}/{r['peak_rss_workers_mb']} "
            f"| {r['site_mb']} | {r.get('bundle_s', '-')} ({r.get('bundle_mb', '-')}) | {search} |"
        )


def growth(rows: list[dict], key: str = "build_cold_s") -> float | None:
    by_n = {r["n"]: r[key] for r in rows}
    if 100 in by_n and 1000 in by_n and by_n[100] > 0:
        return math.log(by_n[1000] / by_n[100]) / math.log(10)
    return None


def warm_up() -> float:
    """Pay the text stage's once-per-process costs before measuring (wordfreq's English list,
    compiled patterns, template loading; ~0.2-0.3 s) by converting the real reports once, so
    "text MB/s" is the stage's throughput at every N, not at small N mostly its start-up.
    Returns the seconds it took."""
    t = time.perf_counter()
    build_corpus(ROOT / "source_texts", workers=1)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,100,1000", help="comma-separated corpus sizes (default 10,100,1000)")
    ap.add_argument("--repeat", type=int, default=3, help="timings per measurement; the median is reported")
    ap.add_argument("--once-above", type=int, default=None,
                    help="site builds of corpora larger than this run once (the text stage still runs --repeat times)")
    ap.add_argument("--quick", action="store_true", help="N = 10, 100, one run each")
    ap.add_argument("--work", type=Path, default=OUT / "work", help="where corpora and sites are built")
    ap.add_argument("--keep", action="store_true", help="keep the generated corpora and sites")
    args = ap.parse_args(argv)
    sizes = [10, 100] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    repeat = 1 if args.quick else args.repeat

    startup = warm_up()
    print(f"process start-up of the text stage (not in the MB/s): {startup:.2f} s", file=sys.stderr, flush=True)
    before = reference_ms_fresh()  # the machine's speed, before and after (see reference.py)
    rows = []
    for n in sizes:
        r = repeat if args.once_above is None or n <= args.once_above else 1
        print(f"N={n}: measuring (text stage {repeat} run{'s' if repeat > 1 else ''}, site build {r})...",
              file=sys.stderr, flush=True)
        rows.append(bench_size(n, r, args.work, text_repeat=repeat))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    if not args.keep:
        shutil.rmtree(args.work, ignore_errors=True)

    after = reference_ms_fresh()
    result = {"machine": machine(), "text_startup_s": round(startup, 3), "rows": rows, "growth_exponent_build": growth(rows),
              "growth_exponent_text": growth(rows, "text_all_cores_s"),
              "reference_workload_ms": [round(before, 1), round(after, 1)]}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    m = result["machine"]
    print(f"machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory_gib']} GiB, Python {m['python']} "
          f"({m['python_executable']}); "
          f"reference workload {before:.1f} ms before, {after:.1f} ms after (benchmarks/reference.py)")
    print_table(rows)
    if result["growth_exponent_build"] is not None:
        print(f"growth exponent of cold build time, N=100 -> 1000: {result['growth_exponent_build']:.2f}")
    cpu = growth(rows, "build_cold_cpu_s")
    if cpu is not None:
        print(f"growth exponent of cold build CPU time, N=100 -> 1000: {cpu:.2f}")
    result["growth_exponent_build_cpu"] = cpu
    (OUT / "results.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"search engine measured: {rows[0]['search_engine'] if rows else '-'}")
    print(f"results: {OUT / 'results.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
