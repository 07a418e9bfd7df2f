"""Memoisation for pure functions of one Report (or any object that takes weak references).

Render asks the same questions about a report many times (which page shows each block,
which acronyms it defines) from different modules. Reports are frozen, so the answer is
computed once per report object and forgotten when the report is.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def per_object(fn: Callable[[T], R]) -> Callable[[T], R]:
    """Cache fn(obj) by object identity, not equality: hashing a Report hashes every block.
    Callers must not mutate the result (it is shared)."""
    cache: dict[int, tuple[weakref.ref, R]] = {}

    @functools.wraps(fn)
    def wrapper(obj: T) -> R:
        key = id(obj)
        hit = cache.get(key)
        if hit is not None and hit[0]() is obj:
            return hit[1]
        result = fn(obj)
        # The callback runs when obj dies, before its id can be reused.
        cache[key] = (weakref.ref(obj, lambda _, key=key: cache.pop(key, None)), result)
        return result

    wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
    return wrapper
