"""Count the CPU instructions one text-stage pass executes: a number the machine's speed cannot move.

On the virtual machine the benchmarks run on, wall and CPU times of the same commit move by
up to 12 % from one hour to the next (see reference.py), so a code change worth 1-2 % cannot be
told from the drift by timing, even in interleaved runs. Valgrind's cachegrind counts the
instructions a process executes instead: the same commit, input and hash seed give the same
count to eight digits, whatever else the machine is doing.

It runs text_stage.run_once (convert every report, render the corpus) in two fresh
interpreters under cachegrind, one doing 1 + K passes and one doing 1 pass, and prints
the difference divided by K: the instructions of one warm pass, start-up and imports left out.

Instructions are not time: cache misses and page faults cost time and no instructions (the
per-MB time at N = 1000 is higher than at N = 20 for that reason, at nearly the same count).
Use it to compare two commits, not to state a speed. An edit that runs nothing new still moves
the count by up to ~0.2 % (an unused function added: +1.4 M of 732 M; objects land elsewhere in
memory): a difference below ~0.3 % is no cost or gain.

    python benchmarks/instructions.py                       # the six reports, ~30 s
    python benchmarks/instructions.py --source /tmp/syn20   # any folder of reports

Needs valgrind (Debian package valgrind); runs ~50x slower than the pass itself.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run inside each counted interpreter: warm up (imports, wordfreq's list, compiled patterns)
# with one pass, then `passes` more. The collector is off throughout, as over a real build's
# text stage (heap.collector_paused): a collection between two passes (each pass pauses it,
# and resuming it let one run) traversed every object alive, 0-10 M instructions depending on
# where the allocation counts fell, so an unrelated change could move the count by 1 %.
_PASSES = """
import gc, sys
from pathlib import Path
sys.path[:0] = [{root!r}, {bench!r}]
from text_stage import run_once
from build_tools.sitegen import source_files
files = source_files(Path({source!r}))
gc.disable()
for _ in range(1 + {passes}):
    run_once(files)
"""
_REFS_RE = re.compile(r"I\s+refs:\s+([\d,]+)")


def count(source: Path, passes: int) -> int:
    """Instructions executed by a fresh interpreter running 1 + passes text-stage passes."""
    code = _PASSES.format(root=str(ROOT), bench=str(ROOT / "benchmarks"), source=str(source), passes=passes)
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           os.path.realpath(sys.executable), "-c", code]
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # set and dict layouts follow the hash seed
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    m = _REFS_RE.search(proc.stderr)
    if proc.returncode or not m:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"error: the counted run failed: {last}")
    return int(m.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=ROOT / "source_texts", help="folder of reports")
    ap.add_argument("--passes", type=int, default=2, help="warm passes counted (default 2)")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("error: valgrind not found (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    if not args.source.is_dir():
        print(f"error: {args.source}: not a folder", file=sys.stderr)
        return 2
    from build_tools.sitegen import source_files  # after the checks: a clear error first

    mb = sum(p.stat().st_size for p in source_files(args.source)) / 1e6
    per_pass = (count(args.source, args.passes) - count(args.source, 0)) / args.passes
    print(f"{args.source}: {mb:.3f} MB, {per_pass / 1e6:,.1f} M instructions a pass, "
          f"{per_pass / mb / 1e6:,.0f} M instructions per MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
