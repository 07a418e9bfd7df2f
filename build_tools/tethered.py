"""A build's helper processes die with it, even when it is killed outright (Linux).

The helpers (the page writer, Pagefind, the conversion workers) outlived a build killed by SIGKILL
or the out-of-memory killer: Pagefind went on indexing into a folder the next build was
deleting, and idle pool workers waited for ever on a pipe that never closed (seen: two workers
still there 35 minutes later). Linux's PR_SET_PDEATHSIG has the kernel kill a process when the
thread that started it ends; it lasts across exec. Elsewhere, nothing changes.

`tether(parent_pid)` sets it up inside a process (the pool's initializer). Run by path, this
file is a launcher that needs nothing but the standard library:

    python tethered.py PARENT_PID CMD...    # tether, then become CMD (exec)
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def tether(parent_pid: int | None = None) -> None:
    """Be killed when our parent ends. With parent_pid, also end at once if the parent (which
    must be that process) ended before the kernel was asked. The pool passes none: under the
    forkserver start method (Python 3.14's default on Linux) a worker's parent is the server,
    which ends with the build."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no usable libc: run untethered
            return
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)


def command(argv: list[str]) -> list[str]:
    """argv, run as a child tethered to this process."""
    return [sys.executable, os.path.abspath(__file__), str(os.getpid()), *argv]


if __name__ == "__main__":
    tether(int(sys.argv[1]))
    os.execvp(sys.argv[2], sys.argv[2:])
