"""Veilig Thuis regions: codes, names, slugs and validity by period, from datapackages/regions.

Sources spell region names differently; `resolve` maps a name (official name, a name listed in
regionamen.csv, the slug or the CBS code) to a code, and records which aliases were used so that
unused aliases can be reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import periods

NATIONAL = "NL01"


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
        first, last = periods.span(period)
        if self.geldig_vanaf and first < periods.span(self.geldig_vanaf)[0]:
            return False
        if self.geldig_tot and last > periods.span(self.geldig_tot)[1]:
            return False
        return True


@dataclass
class Regions:
    by_code: dict[str, Region]
    aliases: dict[str, str]  # name in a source -> code
    alias_rows: dict[str, int]  # name in a source -> row in regionamen.csv
    used_aliases: set[str] = field(default_factory=set)
    tiles: dict = field(default_factory=dict)  # code -> regionmap.Tile (schematic map)
    geometries: dict = field(default_factory=dict)  # year -> {code: polygons} (real boundaries, when fetched)

    @classmethod
    def load(cls, package_dir: Path) -> "Regions":
        regios = pd.read_csv(package_dir / "data" / "regios.csv", dtype=str, keep_default_na=False)
        names = pd.read_csv(package_dir / "data" / "regionamen.csv", dtype=str, keep_default_na=False)
        by_code = {r.code: Region(**r._asdict()) for r in regios.drop(columns=[c for c in regios if c not in Region.__annotations__]).itertuples(index=False)}
        aliases = dict(zip(names.naam_in_bron, names.code))
        alias_rows = {n: i + 2 for i, n in enumerate(names.naam_in_bron)}
        tiles = {}
        tile_file = package_dir / "data" / "tegelkaart.csv"
        if tile_file.exists():
            from .regionmap import Tile
            t = pd.read_csv(tile_file, dtype=str, keep_default_na=False)
            tiles = {r.code: Tile(r.code, int(r.kolom), int(r.rij), int(r.breedte), int(r.hoogte), r.kort) for r in t.itertuples(index=False)}
        return cls(by_code, aliases, alias_rows, tiles=tiles)

    def resolve(self, name: str) -> str | None:
        """Code for a region name as a source writes it; None when unknown."""
        if name in self.aliases:
            self.used_aliases.add(name)
            return self.aliases[name] if self.aliases[name] in self.by_code else None
        for region in self.by_code.values():
            if name in (region.code, region.naam, region.slug):
                return region.code
        return None

    def by_slug_or_code(self, key: str) -> Region | None:
        key = (key or "").strip()
        for region in self.by_code.values():
            if key.lower() in (region.slug, region.code.lower()):
                return region
        return None

    def regional(self, period: str | None = None) -> list[Region]:
        """The Veilig Thuis regions (not Nederland), valid in period when given, sorted by name."""
        out = [r for r in self.by_code.values() if r.soort == "veilig-thuis-regio"]
        if period:
            out = [r for r in out if r.valid_in(period)]
        return sorted(out, key=lambda r: r.naam.lower())

    def unused_aliases(self) -> list[str]:
        return sorted(set(self.aliases) - self.used_aliases)
