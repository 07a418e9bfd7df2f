"""The project's exceptions. Every message names the file, and the line where one applies,
so the command line can print it as one line and exit non-zero."""

from __future__ import annotations


class ReportsError(Exception):
    """Base class: something in the input cannot be published."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class SourceError(ReportsError):
    """A source text cannot be read or understood."""


class SidecarError(ReportsError):
    """A sidecar file (metadata, errata, notes) is malformed or does not match its report."""


class CorpusError(ReportsError):
    """The set of reports is inconsistent, e.g. two files claim the same symbol."""


class OutputError(ReportsError):
    """Writing the generated pages would clobber something we do not own."""
