"""A synthetic corpus of N reports made from the real ones in source_texts/, for benchmarks.

Each synthetic report is a real source text with:
- its own symbols: the real symbols are replaced everywhere in the text (masthead,
  running headers) by A/90/<i>, S/2090/<i>, ... so every report is distinct;
- its numbered paragraphs shuffled: the numbers stay in order, the bodies (with their
  sub-items, footnotes and page furniture) are permuted, so the text stage sees the
  same layout as in the real report but different text on each page;
- cross-citations: some paragraphs open with "(As noted in my report A/90/17,
  para. 4.)" citing another synthetic report, or "(See Security Council resolution
  2417 (2090).)", so the linker has real work to do.

Sidecars are copied (metadata with the new symbol; errata unchanged, their
"find" strings sit in headings, which do not move). Same N and seed -> same files.

    python benchmarks/synth.py OUT_DIR N [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_tools.pipeline import convert_file  # noqa: E402
from build_tools.sidecars import sidecar_paths  # noqa: E402
from build_tools.sourcefile import read_source  # noqa: E402
from build_tools.symbols import filename_for  # noqa: E402

REAL_SOURCES = ROOT / "source_texts"
# The number that opens a paragraph's first line: "12. text" or "12." alone.
PARA_PREFIX = re.compile(r"^\s*(\d{1,4})\.\s*")
# Share of paragraphs that get a cross-citation to another report / a resolution.
CITE_REPORT_RATE = 0.08
CITE_RESOLUTION_RATE = 0.04


@dataclass(frozen=True)
class Template:
    """A real report, cut into what the generator moves around."""

    path: Path
    symbols: tuple[str, ...]
    lines: tuple[str, ...]
    # Numbered paragraphs as (first line index, end line index), sub-items included.
    paras: tuple[tuple[int, int], ...]


@cache
def templates(source_dir: Path = REAL_SOURCES) -> tuple[Template, ...]:
    out = []
    for path in sorted(source_dir.glob("*.txt")):
        report = convert_file(path)
        lines = read_source(path).split("\n")
        starts = [(b.lineno - 1, b.type) for b in report.body if b.lineno]
        spans = []
        for n, (start, kind) in enumerate(starts):
            if kind != "paragraph" or not PARA_PREFIX.match(lines[start]):
                continue
            end = next((s for s, k in starts[n + 1 :] if k != "item"), None)
            spans.append((start, end if end is not None else _body_end(lines, start)))
        out.append(Template(path, report.meta.symbols, tuple(lines), tuple(spans)))
    return tuple(out)


def _body_end(lines: list[str], start: int) -> int:
    """The last paragraph ends at the first blank-line-separated run of underscores (end rule), or the end."""
    for i in range(start + 1, len(lines)):
        if lines[i].strip().startswith("____"):
            return i
    return len(lines)


def synthetic_symbols(real: tuple[str, ...], i: int) -> dict[str, str]:
    """Real symbol -> synthetic one, distinct for every i: A/90/<i+1>, S/2090/<i+1>, A/91/<i+1> ..."""
    mapping, used = {}, set()
    for sym in real:
        organ = sym.split("/")[0]
        session = 90 if organ == "A" else 2090
        new = f"{organ}/{session}/{i + 1}"
        while new in used:
            session += 1
            new = f"{organ}/{session}/{i + 1}"
        used.add(new)
        mapping[sym] = new
    return mapping


def _replace_symbols(text: str, mapping: dict[str, str]) -> str:
    # Longest first, and not inside a longer symbol ("A/70/357" in "A/70/3571").
    for old in sorted(mapping, key=len, reverse=True):
        text = re.sub(re.escape(old) + r"(?![\w/])", mapping[old], text)
    return text


def _citation(rng: random.Random, i: int, n: int, primary: list[str], para_counts: list[int]) -> str:
    if n > 1 and rng.random() < CITE_REPORT_RATE / (CITE_REPORT_RATE + CITE_RESOLUTION_RATE):
        j = rng.randrange(n - 1)
        j = j + 1 if j >= i else j  # another report
        para = rng.randint(1, max(1, para_counts[j]))
        return f"(As noted in my report {primary[j]}, para. {para}.) "
    return f"(See Security Council resolution {2400 + rng.randrange(600)} (2090).) "


def make_text(t: Template, i: int, n: int, rng: random.Random, primary: list[str], para_counts: list[int]) -> str:
    lines = list(t.lines)
    bodies = []
    for start, end in t.paras:
        chunk = lines[start:end]
        chunk[0] = PARA_PREFIX.sub("", chunk[0], count=1)
        while chunk and not chunk[0].strip():  # "12." alone on its line
            chunk.pop(0)
        while chunk and not chunk[-1].strip():
            chunk.pop()
        bodies.append(chunk or [""])  # inner blank lines stay: segmentation reads them
    order = list(range(len(bodies)))
    rng.shuffle(order)
    out: list[str] = []
    pos = 0
    for (start, end), src in zip(t.paras, order):
        out.extend(lines[pos:start])
        number = PARA_PREFIX.match(lines[start]).group(1)
        body = list(bodies[src])
        cite = ""
        if rng.random() < CITE_REPORT_RATE + CITE_RESOLUTION_RATE:
            cite = _citation(rng, i, n, primary, para_counts)
        out.append(f"{number}. {cite}{body[0]}")
        out.extend(body[1:])
        out.append("")
        pos = end
    out.extend(lines[pos:])
    return _replace_symbols("\n".join(out), synthetic_symbols(t.symbols, i))


def make_corpus(out_dir: Path, n: int, seed: int = 0, source_dir: Path = REAL_SOURCES) -> list[Path]:
    """Write n synthetic reports (+ sidecars) into out_dir, which is emptied first."""
    tpls = templates(source_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    picks = [tpls[i % len(tpls)] for i in range(n)]
    primary = [synthetic_symbols(t.symbols, i)[t.symbols[0]] for i, t in enumerate(picks)]
    para_counts = [len(t.paras) for t in picks]
    paths = []
    for i, t in enumerate(picks):
        rng = random.Random(f"{seed}:{i}")
        mapping = synthetic_symbols(t.symbols, i)
        target = out_dir / filename_for(primary[i])
        target.write_text(make_text(t, i, n, rng, primary, para_counts), encoding="utf-8")
        _copy_sidecars(t.path, target, mapping)
        paths.append(target)
    return paths


def _copy_sidecars(real: Path, target: Path, mapping: dict[str, str]) -> None:
    new_paths = sidecar_paths(target)
    for kind, side in sidecar_paths(real).items():
        if side.is_file():
            new_paths[kind].write_text(_replace_symbols(side.read_text(encoding="utf-8"), mapping), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    paths = make_corpus(args.out_dir, args.n, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} reports, {size / 1e6:.1f} MB in {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
