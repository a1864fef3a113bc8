"""The vnreport version, in a leaf module so that anything may import it without the package face."""

import hashlib
from functools import lru_cache
from pathlib import Path

__version__ = "0.1.0"


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """A short hash of the package's Python sources that shape what a build stores (everything
    but the command line, the web API and the static files). An index entry made by other code
    (an upgrade, a rule changed in a checkout) is extracted again: unchanged text alone does
    not make an unchanged report. Computed once per process."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative.split("/")[0] in ("cli", "static") or relative == "api.py":
            continue
        digest.update(b"\0" + relative.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
