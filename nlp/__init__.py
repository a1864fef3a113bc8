"""vnreport: Vietnamese government reports as searchable, structured knowledge.

>>> from nlp import load_report
>>> report = load_report("corpus/742-BC-SKHDT-2023-03.txt")  # doctest: +SKIP
>>> report.number, report.date  # doctest: +SKIP
('742/BC-SKHĐT', '2023-03-28')
"""

from __future__ import annotations

from nlp.version import __version__

__all__ = ["load_report", "read_report", "Index", "__version__"]


def __getattr__(name: str):
    # Keep `import nlp` cheap: the pipeline (and underthesea behind it) loads on first use.
    if name in ("load_report", "read_report"):
        from nlp import pipeline

        return getattr(pipeline, name)
    if name == "Index":
        from nlp.index.search import Index

        return Index
    raise AttributeError(f"module 'nlp' has no attribute {name!r}")
