"""Progress bars for the long steps of a build, on the terminal only (tqdm).

A build of 1,000 reports takes most of a minute; `reports build` shows how far each step is.
The stages take a bar factory, `(description, total, unit) -> bar`, and call `update(n)` and
`close()` on what it returns: `silent` by default (library use, `mkdocs build`), `on_terminal`
from the CLI. tqdm's bars go to stderr and only when it is a terminal, so logs, pipes and the
tests see the same output as before, and no bar can reach a generated file.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Protocol


class Bar(Protocol):
    def update(self, n: int = 1) -> object: ...

    def close(self) -> None: ...


BarFactory = Callable[..., Bar]


class _Silent:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


SILENT = _Silent()  # the bar that shows nothing


def silent(description: str, total: int, unit: str = "report") -> Bar:
    return SILENT


def on_terminal(description: str, total: int, unit: str = "report") -> Bar:
    from tqdm import tqdm  # imported here: only the CLI on a terminal needs it

    return tqdm(total=total, desc=description, unit=unit, file=sys.stderr, disable=None, leave=False,
                dynamic_ncols=True)
