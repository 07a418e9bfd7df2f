"""Compare each block's page with the page the printed furniture implies around its source line.

    PYTHONPATH=$PWD python benchmarks/page_check.py [N]   # N: mismatches listed per report

Oracle (independent of build_tools.furniture): for a line L,
- if the report prints "Page N" headers: the last label at or before L (1 before the first);
- else: the first printed footer after L ("N/M", or a bare number next to a job number or the
  running symbol, in sequence) gives N, minus the page tops (lines equal to the running symbol)
  between L and that footer. After the last footer: last footer + 1 + page tops since.
"""
import re
import sys
from collections import Counter
from pathlib import Path

from build_tools.pipeline import convert_file

ROOT = Path(__file__).resolve().parent.parent
SYMBOL = re.compile(r"^[A-Z]{1,4}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+$")
JOB = re.compile(r"^\d{2}[-\s]\d{5}\b")

def oracle(lines):
    s = [l.strip() for l in lines]
    labels = [(i, int(m.group(1))) for i, t in enumerate(s) if (m := re.match(r"^Page (\d+)$", t))]
    if labels:
        def page(i):
            p = 1
            for j, n in labels:
                if j <= i:
                    p = n
            return p
        return page, [f"labels {len(labels)}"]
    syms = Counter(t for t in s if SYMBOL.match(t))
    running = syms.most_common(1)[0][0] if syms else None
    tops = [i for i, t in enumerate(s) if t == running]
    nonblank = [i for i, t in enumerate(s) if t]
    pos = {i: k for k, i in enumerate(nonblank)}
    feet, last = [], 0
    for i, t in enumerate(s):
        m = re.match(r"^(\d{1,3})\s*/\s*(\d{1,3})$", t)
        if m:
            last = int(m.group(1))
            feet.append((i, last))
            continue
        if re.match(r"^\d{1,3}$", t) and last < int(t) <= last + 2:
            k = pos[i]
            near = [s[nonblank[j]] for j in range(max(0, k - 2), min(len(nonblank), k + 3)) if j != k]
            if any(JOB.match(x) or x == running for x in near):
                last = int(t)
                feet.append((i, last))
    notes = [f"running {running!r}, {len(tops)} tops, {len(feet)} footers"]
    def page(i):
        for j, n in feet:
            if j >= i:
                return n - sum(1 for t in tops if i < t < j)
        j, n = feet[-1] if feet else (-1, 0)
        return n + 1 + sum(1 for t in tops if j < t <= i) if feet else 1 + sum(1 for t in tops if t <= i)
    # consistency: every footer N after footer N-1 with exactly one top between
    for (a, n), (b, m) in zip(feet, feet[1:], strict=False):
        between = sum(1 for t in tops if a < t < b)
        if m - n != between:
            notes.append(f"footers {n}@{a+1} -> {m}@{b+1}: {between} tops between")
    return page, notes

def check(path, verbose=True):
    lines = path.read_text(encoding="utf-8").split("\n")
    page, notes = oracle(lines)
    report = convert_file(path)
    items = [(b.lineno, b.page, b.id) for b in report.summary + report.body if b.lineno] + \
            [(f.lineno, f.page, f"fn-{f.mark}") for f in report.footnotes if f.lineno]
    bad = []
    paged = any(p is not None for _, p, _ in items)
    for lineno, got, ident in items:
        want = page(lineno - 1) if paged else None
        if got != want:
            bad.append((lineno, ident, got, want))
    if verbose:
        print(f"{path.stem}: {len(items)} blocks, {len(bad)} mismatches; " + "; ".join(notes))
        for b in bad[:int(sys.argv[1]) if len(sys.argv) > 1 else 8]:
            print(f"   line {b[0]} {b[1]}: page {b[2]}, printed says {b[3]}")
    return len(bad)


def check_lines(path):
    """Every kept non-blank line, not only block starts: ranges of disagreement."""
    from build_tools.furniture import remove_furniture
    text = path.read_text(encoding="utf-8")
    page, _ = oracle(text.split("\n"))
    d = remove_furniture(text)
    lines = zip(d.texts, d.linenos, d.pages, strict=True)
    bad = [(l, pg, page(l - 1)) for t, l, pg in lines if t and d.paged and pg != page(l - 1)]
    print(f"{path.stem}: {len(bad)} kept lines disagree", [(b[0], b[1], b[2]) for b in bad][:30])
    return len(bad)


if __name__ == "__main__":
    files = sorted((ROOT / "source_texts").glob("*.txt"))
    print("total block mismatches", sum(check(p) for p in files))
    print("total kept-line disagreements", sum(check_lines(p) for p in files))
