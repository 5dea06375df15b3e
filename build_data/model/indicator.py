"""An indicator as declared and computed: its declaration's fields and its frames of figures
(`data`, `verandering`), each row carrying its provenance. What pages show of it is made once,
in its view (build_data.compute.view)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import periods


@dataclass(frozen=True)
class Theme:
    slug: str
    titel: str
    beschrijving: str


@dataclass
class Indicator:
    id: str
    thema: Theme
    niveau: str
    titel: str
    eenheid: str
    definitie: str
    tekst: str
    grafieken: list[str]
    pakket: str
    maat: str
    volgorde: int
    file: str
    data: pd.DataFrame = field(repr=False)
    verandering: pd.DataFrame = field(repr=False)
    zie_ook: list[str] = field(default_factory=list)  # related indicators, e.g. a ratio of this count
    catalogus: list[str] = field(default_factory=list)  # entries of the monitor's catalogue it shows (besides koppelingen.csv)

    @property
    def regional(self) -> bool:
        return self.niveau == "regionaal"

    @property
    def periods(self) -> list[str]:
        return sorted(set(self.data.periode), key=periods.sort_key)
