"""Veilig Thuis regions: codes, names, slugs and validity by period, from datapackages/regions.

Sources spell region names differently; `resolve` maps a name (official name, a name listed in
regionamen.csv, the slug or the CBS code) to a code, and records which aliases were used so that
unused aliases can be reported."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from . import periods

NATIONAL = "NL01"
# Areas below Nederland: the Veilig Thuis regions (VT01, ...) and the municipalities (GM0363, ...),
# read from datapackages/cbs-gebieden-in-nederland when present (build_data.load.municipalities;
# scripts/synthetic.py puts synthetic ones into regios.csv for the benchmark).
VT_KIND, GM_KIND = "veilig-thuis-regio", "gemeente"
REGIONAL_KINDS = (VT_KIND, GM_KIND)
REGIONAL_PREFIXES = ("VT", "GM")


def is_regional(code: str) -> bool:
    """A code of an area below Nederland (a Veilig Thuis region or a municipality)."""
    return code.startswith(REGIONAL_PREFIXES)


def is_municipality(code: str) -> bool:
    return code.startswith("GM")


def name_key(region) -> str:
    """Alphabetical order of area names: "'s-Hertogenbosch" under s, as in CBS's lists."""
    return region.naam.lower().lstrip("'")


def year_of(period: str) -> int:
    """The year whose municipal division a period follows: its last year (a half-year's own year)."""
    return _span(period)[1][0]


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


@dataclass(frozen=True)
class Membership:
    """Which Veilig Thuis region each municipality belongs to, per year (CBS 'Gebieden in
    Nederland <jaar>'): year -> municipality code -> region code ('' when that year's table has
    no Veilig Thuis column). The municipal division changes every year, so nothing is carried
    from one year to another."""
    by_year: dict[int, dict[str, str]] = field(default_factory=dict)

    def years(self) -> list[int]:
        return sorted(self.by_year)

    def latest_year(self) -> int | None:
        return max(self.by_year, default=None)

    def region_of(self, gm_code: str, year: int) -> str | None:
        """The code of the municipality's Veilig Thuis region in year; None when the year or the
        municipality is not in the source, or the source names no region."""
        return self.by_year.get(year, {}).get(gm_code) or None

    def members(self, vt_code: str, year: int) -> list[str]:
        """The codes of the municipalities of a Veilig Thuis region in year, sorted."""
        return sorted(gm for gm, vt in self.by_year.get(year, {}).items() if vt == vt_code)

    def year_for(self, period: str) -> int | None:
        """The year of the division a period follows, or the nearest year the source has
        (latest before it, else the first): a table may run ahead of the division it names."""
        if not self.by_year:
            return None
        year = year_of(period)
        before = [y for y in self.by_year if y <= year]
        return max(before) if before else min(self.by_year)


@dataclass
class Regions:
    by_code: dict[str, Region]
    aliases: dict[str, str]  # name in a source -> code
    alias_rows: dict[str, int]  # name in a source -> row in regionamen.csv
    used_aliases: set[str] = field(default_factory=set)
    tiles: dict = field(default_factory=dict)  # code -> Tile (schematic map)
    geometries: dict = field(default_factory=dict)  # year -> {code: polygons} (real boundaries, when fetched)
    membership: Membership = field(default_factory=Membership)  # municipality -> Veilig Thuis region, per year

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
        return sorted(out, key=name_key)

    def vt_regions(self, period: str | None = None) -> list[Region]:
        """The Veilig Thuis regions only (the map, the ranking, the region index), as regional()."""
        return [r for r in self.regional(period) if r.soort == VT_KIND]

    def municipalities(self, period: str | None = None) -> list[Region]:
        """The municipalities only, as regional()."""
        return [r for r in self.regional(period) if r.soort == GM_KIND]

    def members(self, vt_code: str, year: int) -> list[Region]:
        """The municipalities of a Veilig Thuis region in year, sorted by name."""
        found = [self.by_code[c] for c in self.membership.members(vt_code, year) if c in self.by_code]
        return sorted(found, key=name_key)

    def region_of(self, gm_code: str, year: int) -> Region | None:
        """The Veilig Thuis region of a municipality in year (None when the source does not say)."""
        code = self.membership.region_of(gm_code, year)
        return self.by_code.get(code) if code else None

    def unused_aliases(self) -> list[str]:
        return sorted(set(self.aliases) - self.used_aliases)
