"""Stop on SIGTERM or SIGHUP the way Ctrl-C stops: by KeyboardInterrupt, so cleanup runs.

Python's default for those signals ends the process at once, skipping every `finally`. A build
stopped by a service manager, `timeout`, a cancelled CI job or a closed terminal then left its
hidden staging folders beside the site, its Pagefind stage and background writer running,
for every later build to step around. As KeyboardInterrupt they take the Ctrl-C path instead.
"""

from __future__ import annotations

import signal
import threading

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def interrupt_on_terminate() -> None:
    """Turn SIGTERM and SIGHUP into KeyboardInterrupt in this process. Only from the main
    thread (Python's rule), and only where the signal still has its default action: a host
    program (a test runner, an embedding app) that set its own handler keeps it."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in STOP_SIGNALS:
        if signal.getsignal(sig) is signal.SIG_DFL:
            signal.signal(sig, _raise_interrupt)


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)
