"""The monitor's own indicator catalogue (Annex 2 of the final report of the research advisory
committee), read from datapackages/impactmonitor-catalogus: every indicator per theme with its
source, frequency, level and status, and which declared indicators show it. The site is built
from it: planned indicators appear on their theme page and in the overview as 'nog niet
beschikbaar'.

An entry's status on the site comes from the figures actually present: it is available when an
indicator with figures shows it (koppelingen.csv, or `catalogus:` in the indicator's declaration,
e.g. an indicator that exists only when the StatLine package provides its figures). The `status`
column is what the annex said in 2021; it only tells an entry without figures whose source
exists ('nog niet op deze site') from one that is planned ('nog niet beschikbaar')."""

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
    indicatoren: list[str] = field(default_factory=list)  # declared indicators that show it
    met_cijfers: list[str] = field(default_factory=list)  # those of them with figures on this site

    @property
    def available(self) -> bool:
        """The annex names an existing source (its typed status)."""
        return self.status == "beschikbaar"

    @property
    def on_site(self) -> bool:
        """Shown on this site: an indicator with figures shows it."""
        return bool(self.met_cijfers)

    @property
    def site_status(self) -> str:
        return "beschikbaar" if self.on_site else "nog niet op deze site" if self.available else "nog niet beschikbaar"


def load_catalogue(catalog: Catalog, indicator_ids: set[str], theme_slugs: set[str],
                   links: dict[str, list[str]] | None = None, with_figures: set[str] | None = None) -> tuple[list[Entry], list[Problem]]:
    """The entries with the indicators that show them; `links` (declaration file -> its indicator
    and entries, from the indicators built) adds to koppelingen.csv, `with_figures` are the
    indicators with figures (None: every declared indicator)."""
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
    for file, (indicator_id, ids) in (links or {}).items():
        for entry_id in ids:
            if entry_id not in entries:
                problems.append(Problem(file, None, "catalogus", "unknown-source", f"catalogusregel {entry_id!r} bestaat niet"))
            elif indicator_id not in entries[entry_id].indicatoren:
                entries[entry_id].indicatoren.append(indicator_id)
    for entry in entries.values():
        entry.met_cijfers = [i for i in entry.indicatoren if with_figures is None or i in with_figures]
    return list(entries.values()), problems
