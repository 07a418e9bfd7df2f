"""Run one function over many reports on every core, collecting every failure.

map_reports(func, items, name_of) runs func(item) in a process pool and returns
the results in input order (deterministic output does not depend on which worker
finished first). A failing item does not stop the others: all failures come back
together in one CorpusError, one line per file, sorted like the input; or, when the
caller passes a `refused` list, they go there and the failed items' results are None
(`reports build --keep-going` publishes the others).

Small batches run in this process: starting workers costs more than it saves.
REPORTS_WORKERS=1 forces serial runs (profiling, measuring one core).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from .errors import CorpusError, ReportsError
from .progress import SILENT, Bar
from .tethered import tether

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool is slower than a loop (worker start-up is ~0.1 s).
MIN_ITEMS_FOR_POOL = 8


def worker_count(requested: int | None = None) -> int:
    """Workers to use: the argument, else $REPORTS_WORKERS, else the CPUs this process may run on."""
    if requested:
        return max(1, requested)
    env = os.environ.get("REPORTS_WORKERS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _guarded(func: Callable[[T], R], item: T, name: str) -> tuple[R | None, ReportsError | None]:
    """func(item), with any failure turned into a ReportsError naming the file (picklable, no traceback)."""
    try:
        return func(item), None
    except ReportsError as exc:
        return None, exc
    except Exception as exc:  # a bug on one report must not hide the results of the others
        return None, ReportsError(f"internal error: {type(exc).__name__}: {exc}", name)


def _run_chunk(func: Callable[[T], R], chunk: list[tuple[T, str]]) -> list[tuple[R | None, ReportsError | None]]:
    return [_guarded(func, item, name) for item, name in chunk]


def _run_each(func, pairs, progress: Bar):
    """_run_chunk in this process, telling `progress` of each item done."""
    out = []
    for item, name in pairs:
        out.append(_guarded(func, item, name))
        progress.update(1)
    return out


def map_reports(
    func: Callable[[T], R],
    items: Sequence[T],
    name_of: Callable[[T], str] = str,
    workers: int | None = None,
    progress: Bar | None = None,
    refused: list[ReportsError] | None = None,
) -> list[R]:
    """[func(item) for item in items], in parallel; raises one CorpusError listing every failure
    (with `refused`, appends them to it instead, their results None). `progress` (see
    progress.py) is told how many items are done as they finish."""
    pairs = [(item, name_of(item)) for item in items]
    n = worker_count(workers)
    if n == 1 or len(pairs) < MIN_ITEMS_FOR_POOL:
        outcomes = _run_each(func, pairs, progress or SILENT)
    else:
        outcomes = _pooled(func, pairs, n, progress or SILENT)
    errors = [err for _, err in outcomes if err is not None]
    if errors and refused is None:
        raise combined(errors)
    if errors:
        refused += errors
    return [result for result, _ in outcomes]  # type: ignore[misc]


def _pooled(func, pairs, n, progress):
    # A few chunks per worker: balances uneven report sizes without paying per-item IPC.
    size = max(1, len(pairs) // (n * 4))
    chunks = [pairs[i : i + size] for i in range(0, len(pairs), size)]
    with ProcessPoolExecutor(max_workers=n, initializer=tether) as pool:  # workers die with a killed build
        futures = [pool.submit(_run_chunk, func, chunk) for chunk in chunks]
        try:
            outcomes = []
            for future, chunk in zip(futures, chunks):  # in order: the output must not depend on timing
                outcomes += future.result()
                progress.update(len(chunk))
            return outcomes
        except BaseException:  # Ctrl-C or SIGTERM: wait for the running chunks only, not the queue
            pool.shutdown(cancel_futures=True)
            raise


def combined(errors: list[ReportsError]) -> ReportsError:
    """One error for them all: the only one, or a CorpusError listing each."""
    if len(errors) == 1:
        return errors[0]
    return CorpusError(f"{len(errors)} reports failed: " + "; ".join(str(e) for e in errors))


__all__ = ["combined", "map_reports", "worker_count", "MIN_ITEMS_FOR_POOL"]
