"""Write finished files into a site folder; also runs as a process of its own.

sitegen.write_site_files calls write_files in process; sitegen.BackgroundWrite runs this file
as a script (by its path, so it needs nothing from the parent's sys.path), feeding it a pickled
(site folder, [(relative path, bytes)]) on stdin. Standard library only, for the same reason.
The paths are checked by the caller.
"""

from __future__ import annotations

import os
import pickle
import sys


def write_files(site_dir: str, files: list[tuple[str, bytes]]) -> None:
    """Write each file, making its folder first; raises OSError with the file name."""
    made: set[str] = set()
    for rel, data in files:
        target = os.path.join(site_dir, rel)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(target, "wb") as fh:
            fh.write(data)


def main() -> int:
    site_dir, files = pickle.load(sys.stdin.buffer)
    try:
        write_files(site_dir, files)
    except OSError as exc:
        print(f"{exc.filename or site_dir}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
