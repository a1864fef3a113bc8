"""Errors the library raises; only the CLI turns them into exit codes and one-line messages."""

from __future__ import annotations


class VnreportError(Exception):
    """Base error: ``str(err)`` is ``"<source>: <cause>; <hint>"`` on one line."""

    def __init__(self, source: str, cause: str, hint: str = "") -> None:
        self.source = str(source)
        self.cause = cause
        self.hint = hint
        super().__init__(self.one_line())

    def one_line(self) -> str:
        msg = f"{self.source}: {self.cause}"
        if self.hint:
            msg += f"; {self.hint}"
        return " ".join(msg.split())


class InputError(VnreportError):
    """The input cannot be read as a report (missing, empty, undecodable, unsupported)."""


class PipelineError(VnreportError):
    """A pipeline stage broke its contract (returned something other than a Report)."""
