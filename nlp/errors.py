"""Errors the library raises; only the CLI turns them into exit codes and one-line messages,
and only the API into its JSON error shape.

The library never names a command-line flag: a `QueryError` names the *field* that was
wrong ("period", "entity", "embedder"), and each face maps the field to its own word for it
(the CLI to `--period`, the API to the query parameter, the page to Vietnamese).
"""

from __future__ import annotations


class VnreportError(Exception):
    """Base error: ``str(err)`` is ``"<source>: <cause>; <hint>"`` on one line."""

    code = "error"

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

    def __reduce__(self):
        # every subclass pickles (it crosses to worker processes and Ray) whatever its __init__ takes
        return _rebuild, (type(self), self.__dict__, self.args)


def _rebuild(cls, state: dict, args: tuple) -> "VnreportError":
    err = Exception.__new__(cls)
    err.__dict__.update(state)
    err.args = args
    return err


class InputError(VnreportError):
    """The input cannot be read as a report (missing, empty, undecodable, unsupported);
    `source` is the file."""

    code = "bad_input"


class QueryError(VnreportError):
    """A value given to the library is wrong: `field` names it (a parameter name, not a flag),
    `value` is what was given, `code` says what is wrong for the faces that translate it.

    >>> QueryError("period", "2023Q1", "invalid_period", "is not YYYY, YYYY-MM or YYYY-Qn").one_line()
    "period: '2023Q1' is not YYYY, YYYY-MM or YYYY-Qn"
    """

    def __init__(self, field: str, value: object, code: str, cause: str, hint: str = "") -> None:
        self.field = field
        self.value = value
        self.code = code
        super().__init__(field, f"{value!r} {cause}" if value is not None else cause, hint)


class IndexMissingError(VnreportError):
    """No index (or no such collection) where one was expected; `source` is where we looked."""

    code = "no_index"


class PipelineError(VnreportError):
    """A pipeline stage broke its contract (returned something other than a Report)."""

    code = "pipeline"
