"""The monitor's own indicator catalogue (Annex 2 of the final report of the research advisory
committee), read from datapackages/impactmonitor-catalogus: every indicator per theme with its
source, frequency, level and status, and which declared indicators show it. The site is built
from it: planned indicators appear on their theme page and in the overview as 'nog niet
beschikbaar'."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.catalog import Catalog
from ..model.problems import Problem
from .files import read_csv

PACKAGE_DIR = "impactmonitor-catalogus"


@dataclass
class Entry:
    id: str
    thema: str
    omschrijving: str
    bron: str
    frequentie: str
    niveau: str
    status: str
    opmerking: str
    indicatoren: list[str] = field(default_factory=list)

    @property
    def available(self) -> bool:
        return self.status == "beschikbaar"


def load_catalogue(catalog: Catalog, indicator_ids: set[str], theme_slugs: set[str]) -> tuple[list[Entry], list[Problem]]:
    base = catalog.root / "datapackages" / PACKAGE_DIR / "data"
    if not (base / "indicatoren.csv").exists():
        return [], []
    problems = []
    rows = read_csv(base / "indicatoren.csv")
    entries = {}
    for i, r in enumerate(rows.itertuples(index=False), start=2):
        d = r._asdict()
        entry = Entry(**{k: d.get(k, "") for k in Entry.__annotations__ if k != "indicatoren"})
        if entry.thema not in theme_slugs:
            problems.append(Problem(f"datapackages/{PACKAGE_DIR}/data/indicatoren.csv", i, "thema", "invalid-indicator",
                                    f"thema {entry.thema!r} bestaat niet (zie build_data/themes.yml)"))
        entries[entry.id] = entry
    links_file = base / "koppelingen.csv"
    if links_file.exists():
        for i, r in enumerate(read_csv(links_file).itertuples(index=False), start=2):
            where = f"datapackages/{PACKAGE_DIR}/data/koppelingen.csv"
            if r.catalogus_id not in entries:
                problems.append(Problem(where, i, "catalogus_id", "unknown-source", f"catalogusregel {r.catalogus_id!r} bestaat niet"))
            elif r.indicator_id not in indicator_ids:
                problems.append(Problem(where, i, "indicator_id", "unknown-source", f"indicator {r.indicator_id!r} bestaat niet"))
            else:
                entries[r.catalogus_id].indicatoren.append(r.indicator_id)
    return list(entries.values()), problems
