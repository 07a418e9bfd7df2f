"""Every block's page is the page the printed furniture puts it on, in all six reports.

The oracle reads the printed numbers independently of build_tools.furniture: for a line L,
- if the report prints "Page N" headers: the last label at or before L (1 before the first);
- else: the first printed footer after L ("N/M", or a bare number next to a job number or the
  running symbol, in sequence) gives N, minus the page tops (lines equal to the running symbol)
  between L and that footer. After the last footer: last footer + 1 + page tops since.
Before the page counting followed the printed numbers, 78 blocks of A/70/357, S/2006/592 and
S/2018/241 were a page off.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from build_tools.pipeline import convert_file

from conftest import SOURCE

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


@pytest.mark.parametrize("path", sorted(SOURCE.glob("*.txt")), ids=lambda p: p.stem)
def test_block_pages_follow_the_printed_numbers(path):
    page, notes = oracle(path.read_text(encoding="utf-8").split("\n"))
    report = convert_file(path)
    items = [(b.lineno, b.page, b.id) for b in report.summary + report.body if b.lineno]
    items += [(f.lineno, f.page, f"fn-{f.mark}") for f in report.footnotes if f.lineno]
    paged = any(p is not None for _, p, _ in items)
    wrong = [(lineno, ident, got, page(lineno - 1)) for lineno, got, ident in items if paged and got != page(lineno - 1)]
    assert not wrong, notes
