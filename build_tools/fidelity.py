"""Fidelity score: what share of paragraphs each cleaning rule changed, per report.

    python -m build_tools.fidelity ../shared/seeds ../shared/corpus

prints a Markdown table (docs/guide/fidelity.md quotes its output). Numbering
completeness is the first column: every numbered paragraph recovered, in order.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ReportsError, SourceError
from .models import Report
from .pipeline import convert_file
from .sidecars import load_sidecars


@dataclass(frozen=True)
class Score:
    source: str
    symbol: str
    paragraphs: int
    complete: bool  # numbers run 1..n with no gap or repeat
    changed_by_rule: dict[str, float]  # rule -> share of paragraphs it changed
    dropped_by_rule: dict[str, int]
    warnings: int
    suspicious: int


def score(report: Report) -> Score:
    paras = report.paragraphs()
    numbers = [int(p.number) for p in paras]
    touched: dict[str, set[str]] = {}
    para_ids = {p.id for p in paras}
    for c in report.qa.corrections:
        if c.block_id in para_ids:
            touched.setdefault(c.rule, set()).add(c.block_id)
    for e in report.errata:
        if e.block_id in para_ids:
            touched.setdefault("errata", set()).add(e.block_id)
    n = max(len(paras), 1)
    return Score(
        source=report.source,
        symbol=report.meta.symbol,
        paragraphs=len(paras),
        complete=numbers == list(range(1, len(numbers) + 1)),
        changed_by_rule={rule: len(ids) / n for rule, ids in sorted(touched.items())},
        dropped_by_rule=dict(sorted(Counter(d.rule for d in report.qa.dropped).items())),
        warnings=len(report.qa.warnings),
        suspicious=len(report.qa.suspicious),
    )


def markdown_table(scores: list[Score]) -> str:
    rules = sorted({r for s in scores for r in s.changed_by_rule})
    head = ["Report", "Paragraphs", "Numbering complete"] + [f"changed by {r}" for r in rules]
    head += ["furniture lines dropped", "warnings", "suspicious tokens"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for s in scores:
        row = [f"{s.symbol} (`{s.source}`)", str(s.paragraphs), "yes" if s.complete else "**no**"]
        row += [f"{100 * s.changed_by_rule.get(r, 0):.1f}%" for r in rules]
        row += [str(sum(s.dropped_by_rule.values())), str(s.warnings), str(s.suspicious)]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


def _convert(path: Path) -> Report:
    """Convert; a text whose symbol is unknown (no sidecar) is scored as UNKNOWN/<file stem>."""
    sidecars = load_sidecars(path)
    if "symbol" not in sidecars.metadata:
        try:
            return convert_file(path, sidecars)
        except SourceError as exc:
            if "no document symbol" not in exc.message:
                raise
        sidecars = replace(sidecars, metadata={**sidecars.metadata, "symbol": "UNKNOWN/" + path.stem.replace("_", "-")})
    return convert_file(path, sidecars)


def main(argv: list[str] | None = None) -> int:
    folders = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or [Path("source_texts")]
    scores = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            try:
                scores.append(score(_convert(path)))
            except ReportsError as exc:
                print(f"fidelity: error: {exc}", file=sys.stderr)
                return 1
    print(markdown_table(scores), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
