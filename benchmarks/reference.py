"""A fixed CPU workload that measures the machine and the interpreter, not this project's code.

On the virtual machine the benchmarks run on, the same code runs several per cent faster or
slower from one hour to the next (the text stage of commit 6e8c8d6 measured 5.39 MB/s one
evening and 4.9-5.05 MB/s three hours later). benchmark.py and text_stage.py print this
reference time (measured in a fresh process) beside their numbers, so that two runs can be compared: when the reference is
8 % slower, the text stage will be too, whatever the code did.

The workload uses the text stage's own kinds of operations (regex scans, str.split, hashing
words into a Counter and a set, lower-casing, joining strings) on a generated text, and
nothing from build_tools: a change to the project cannot move it.

    python benchmarks/reference.py        # prints the reference time in ms
"""

from __future__ import annotations

import os
import random
import re
import statistics
import string
import subprocess
import sys
import time
from collections import Counter

_WORD_RE = re.compile(r"[A-Za-z]+")
_SENTENCE_CAP_RE = re.compile(r"\. +([A-Z][a-z]+)")


def _text(words: int = 120_000, seed: int = 0) -> str:
    """A reproducible text of `words` words from a 3,000-word vocabulary, with sentences."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 11))) for _ in range(3000)]
    out = []
    for i in range(words):
        w = rng.choice(vocab)
        out.append(w.capitalize() + "." if i % 17 == 0 else w)
    return " ".join(out)


def _workload(text: str) -> int:
    chunks = text.split()
    counts = Counter(_WORD_RE.findall(text))
    lowered = {w.lower() for w in counts}
    caps = _SENTENCE_CAP_RE.findall(text)
    odd = set(w for w in chunks if w not in lowered)
    page = "".join(f"<p>{w}</p>" for w in chunks[:40_000])
    return len(chunks) + len(counts) + len(caps) + len(odd) + len(page)


def reference_ms(repeat: int = 7) -> float:
    """Median milliseconds of the workload (~35-40 ms on the 2-core benchmark machine)."""
    text = _text()
    _workload(text)  # warm: compiled patterns, allocator
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        _workload(text)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def reference_ms_fresh(processes: int = 3) -> float:
    """Median of reference_ms() in `processes` fresh interpreters with one hash seed. In a
    process that has built a site, the same workload ran 15-38 % slower (its heap spread over
    ~1.5 GB), and from one fresh process to the next it moved by up to 12 % with the hash seed
    (38.5-39.2 ms with a fixed seed): the reference must see the machine, nothing else."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    times = []
    for _ in range(processes):
        out = subprocess.run([sys.executable, __file__], capture_output=True, text=True, check=True, env=env).stdout
        times.append(float(re.search(r"(\d+(?:\.\d+)?) ms", out).group(1)))
    return statistics.median(times)


if __name__ == "__main__":
    print(f"reference workload: {reference_ms():.1f} ms")
