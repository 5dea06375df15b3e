"""Veilig Thuis regions: codes, names, slugs and validity by period, from datapackages/regions.

Sources spell region names differently; `resolve` maps a name (official name, a name listed in
regionamen.csv, the slug or the CBS code) to a code, and records which aliases were used so that
unused aliases can be reported."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from . import periods

NATIONAL = "NL01"
# Areas below Nederland: the Veilig Thuis regions (VT01, ...); municipalities (GM0001, ...) are
# only used by the synthetic data of the benchmark (scripts/synthetic.py) for now.
REGIONAL_KINDS = ("veilig-thuis-regio", "gemeente")
REGIONAL_PREFIXES = ("VT", "GM")


def is_regional(code: str) -> bool:
    """A code of an area below Nederland (a Veilig Thuis region or a municipality)."""
    return code.startswith(REGIONAL_PREFIXES)


@functools.lru_cache(maxsize=4096)
def _span(period: str):
    return periods.span(period)  # asked for every row of every package: a handful of distinct periods


@dataclass(frozen=True)
class Tile:
    """A region's place on the schematic tile map (datapackages/regions/data/tegelkaart.csv)."""
    code: str
    kolom: int
    rij: int
    breedte: int
    hoogte: int
    kort: str


@dataclass(frozen=True)
class Region:
    code: str
    naam: str
    slug: str
    soort: str
    geldig_vanaf: str
    geldig_tot: str
    opgevolgd_door: str

    def valid_in(self, period: str) -> bool:
        # Valid when the region exists in every half-year the period covers.
        first, last = _span(period)
        if self.geldig_vanaf and first < _span(self.geldig_vanaf)[0]:
            return False
        if self.geldig_tot and last > _span(self.geldig_tot)[1]:
            return False
        return True


@dataclass
class Regions:
    by_code: dict[str, Region]
    aliases: dict[str, str]  # name in a source -> code
    alias_rows: dict[str, int]  # name in a source -> row in regionamen.csv
    used_aliases: set[str] = field(default_factory=set)
    tiles: dict = field(default_factory=dict)  # code -> Tile (schematic map)
    geometries: dict = field(default_factory=dict)  # year -> {code: polygons} (real boundaries, when fetched)
    membership: dict = field(default_factory=dict)  # year -> {GMxxxx: VTxx} (cbs-gebieden-in-nederland, when present)

    def resolve(self, name: str) -> str | None:
        """Code for a region name as a source writes it; None when unknown."""
        if name in self.aliases:
            self.used_aliases.add(name)
            return self.aliases[name] if self.aliases[name] in self.by_code else None
        return self._names().get(name)

    def _names(self) -> dict[str, str]:
        """Code, name and slug -> code (the first region that has it), made once: resolve is
        asked for every row of every package."""
        cached = self.__dict__.get("_names_index")
        if cached is None or cached[0] != len(self.by_code):
            index: dict[str, str] = {}
            for region in self.by_code.values():
                for key in (region.code, region.naam, region.slug):
                    index.setdefault(key, region.code)
            cached = self.__dict__["_names_index"] = (len(self.by_code), index)
        return cached[1]

    def by_slug_or_code(self, key: str) -> Region | None:
        key = (key or "").strip()
        for region in self.by_code.values():
            if key.lower() in (region.slug, region.code.lower()):
                return region
        return None

    def regional(self, period: str | None = None) -> list[Region]:
        """The Veilig Thuis regions (and municipalities, if any; not Nederland), valid in period when
        given, sorted by name."""
        out = [r for r in self.by_code.values() if r.soort in REGIONAL_KINDS]
        if period:
            out = [r for r in out if r.valid_in(period)]
        return sorted(out, key=lambda r: r.naam.lower())

    def unused_aliases(self) -> list[str]:
        return sorted(set(self.aliases) - self.used_aliases)
