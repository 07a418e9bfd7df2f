"""Time the text stage on one core: convert every report in source_texts/ and render the corpus.

Prints cold (first iteration, includes wordfreq/regex warm-up) and warm MB/s. The output is the
guard for speed work: `--save DIR` writes every rendered file plus each report's JSON model,
`--check DIR` compares against such a baseline byte for byte and exits non-zero on any difference.

    PYTHONPATH=$PWD python benchmarks/text_stage.py --save /tmp/baseline
    PYTHONPATH=$PWD python benchmarks/text_stage.py --check /tmp/baseline
    PYTHONPATH=$PWD python benchmarks/text_stage.py --profile 25
    PYTHONPATH=$PWD python benchmarks/text_stage.py --processes 8 --repeat 9   # the number to quote
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from build_tools.heap import collector_paused
from build_tools.pipeline import convert_file
from build_tools.serialize import report_to_dict
from build_tools.sitegen import render_corpus, source_files

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from reference import reference_ms_fresh  # noqa: E402


def run_once(files: list[Path]) -> tuple[float, float, list, dict[str, str]]:
    """One text-stage pass; returns (convert seconds, render seconds, reports, rendered files).
    The garbage collector is paused as sitegen.build_corpus pauses it in a real build."""
    with collector_paused():
        t0 = time.perf_counter()
        reports = [convert_file(p) for p in files]
        t1 = time.perf_counter()
        rendered = render_corpus(reports)
        t2 = time.perf_counter()
    return t1 - t0, t2 - t1, reports, rendered


def snapshot(reports: list, rendered: dict[str, str]) -> dict[str, str]:
    """Everything whose bytes must not change: rendered files plus each report's JSON model."""
    out = {f"pages/{rel}": text for rel, text in rendered.items()}
    for r in reports:
        out[f"models/{r.meta.symbol.replace('/', '_')}.json"] = json.dumps(report_to_dict(r))
    return out


def save(folder: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def check(folder: Path, files: dict[str, str]) -> int:
    """Number of differences against a saved baseline (missing, extra or changed files)."""
    saved = {str(p.relative_to(folder)): p for p in folder.rglob("*") if p.is_file()}
    problems = sorted(set(saved) ^ set(files))
    problems += [rel for rel in sorted(set(saved) & set(files))
                 if saved[rel].read_text(encoding="utf-8") != files[rel]]
    for rel in problems[:20]:
        print(f"DIFFERS: {rel}")
    return len(problems)


def spread(processes: int, repeat: int, source: Path) -> int:
    """The median warm pass of each of N fresh processes, and the median of those. One process
    is not enough: hash seeds and memory layout move a process's times by several per cent."""
    reference = reference_ms_fresh()  # once: each process measuring it would spawn three more
    medians = []
    for _ in range(processes):
        out = subprocess.run([sys.executable, __file__, "--repeat", str(repeat), "--source", str(source), "--no-reference"],
                             capture_output=True, text=True, check=True).stdout
        ms = float(re.search(r"median warm: (\d+(?:\.\d+)?) ms", out).group(1))
        medians.append(ms)
        print(f"process {len(medians)}: median warm {ms:.1f} ms")
    size = sum(p.stat().st_size for p in source_files(source)) / 1e6
    mid = statistics.median(medians)
    print(f"{processes} processes: median {mid:.1f} ms -> {size / mid * 1e3:.2f} MB/s "
          f"(processes from {size / max(medians) * 1e3:.2f} to {size / min(medians) * 1e3:.2f} MB/s); "
          f"reference workload {reference:.1f} ms")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=ROOT / "source_texts")
    ap.add_argument("--repeat", type=int, default=3, help="iterations in one process (first is cold)")
    ap.add_argument("--save", type=Path, help="write a byte-exact baseline to this folder")
    ap.add_argument("--check", type=Path, help="compare output with a baseline folder")
    ap.add_argument("--profile", type=int, metavar="N", help="cProfile one warm pass, print top N")
    ap.add_argument("--no-reference", action="store_true", help="do not time the reference workload (reference.py)")
    ap.add_argument("--processes", type=int, metavar="N",
                    help="run the measurement in N fresh processes one after another and print the spread")
    args = ap.parse_args(argv)
    if args.processes:
        return spread(args.processes, args.repeat, args.source)

    files = source_files(args.source)
    size = sum(p.stat().st_size for p in files)
    print(f"{len(files)} reports, {size / 1e6:.3f} MB")
    warm = []
    for i in range(max(args.repeat, 1)):
        conv, rend, reports, rendered = run_once(files)
        label = "cold" if i == 0 else "warm"
        print(f"{label}: convert {conv * 1e3:.0f} ms, render {rend * 1e3:.0f} ms"
              f" -> {size / 1e6 / (conv + rend):.2f} MB/s")
        if i:
            warm.append(conv + rend)
    if warm:
        best, median = min(warm), statistics.median(warm)
        print(f"best warm: {best * 1e3:.0f} ms -> {size / 1e6 / best:.2f} MB/s")
        print(f"median warm: {median * 1e3:.1f} ms -> {size / 1e6 / median:.2f} MB/s")
    if not args.no_reference:
        print(f"reference workload: {reference_ms_fresh():.1f} ms (the machine's speed: see benchmarks/reference.py)")
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(run_once, files)
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)
    files_out = snapshot(reports, rendered)
    if args.save:
        save(args.save, files_out)
        print(f"saved {len(files_out)} files to {args.save}")
    if args.check:
        bad = check(args.check, files_out)
        print(f"check: {len(files_out)} files, {bad} differ")
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
