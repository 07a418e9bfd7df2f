"""Peak memory of the text stage on large inputs, each converted in a fresh subprocess.

    python benchmarks/memory_large_input.py [--mb 50]

Prints one line per input: its shape, size, outcome (ok / the one-line error), seconds,
and peak RSS from resource.getrusage (ru_maxrss of the child). The budget is 1 GB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUDGET_MB = 1024
HEAD = (
    "A/99/1\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: General\n1 January 2020\n\n"
    "Report of the Secretary-General on a very long report\n\nI. Introduction\n\n"
)
SENTENCE = "The Secretary-General notes that the mission’s “partners” continued their work in the region. "

# Run in the child: convert one file, report outcome and peak RSS (KiB on Linux).
CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from build_tools.errors import ReportsError
from build_tools.pipeline import convert_file
start = time.perf_counter()
try:
    report = convert_file(sys.argv[1])
    outcome = f"ok: {len(report.body)} blocks"
except ReportsError as exc:
    outcome = f"error: {exc}"
print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def write_input(path: Path, shape: str, size: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(HEAD)
        n = 1
        if shape == "one-line-paragraphs":
            while fh.tell() < size:
                fh.write(f"{n}. {SENTENCE * 5}\n\n")
                n += 1
        elif shape == "hard-wrapped":
            body = "\n".join(textwrap.wrap(SENTENCE * 5, 80))
            while fh.tell() < size:
                fh.write(f"{n}.\n{body}\n")
                n += 1
        elif shape == "blank-lines":
            fh.write("1. One paragraph.\n")
            fh.write("\n" * (size - fh.tell()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=50, help="size of each input in MB (default 50)")
    args = ap.parse_args()
    size = args.mb * 1024 * 1024
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for shape in ("one-line-paragraphs", "hard-wrapped", "blank-lines"):
            path = Path(tmp) / "A_99_1.txt"
            write_input(path, shape, size)
            done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(REPO)], capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{shape}: child failed: {done.stderr.strip().splitlines()[-1:]}")
                return 1
            r = json.loads(done.stdout)
            worst = max(worst, r["peak_mb"])
            outcome = r["outcome"].replace(str(path), path.name)
            print(f"{shape:20s} {path.stat().st_size / 1e6:6.1f} MB  {r['seconds']:6.1f} s  peak RSS {r['peak_mb']:7.1f} MB  {outcome}")
    print(f"worst peak RSS {worst:.1f} MB (budget {BUDGET_MB} MB): {'within' if worst < BUDGET_MB else 'OVER'}")
    return 0 if worst < BUDGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
