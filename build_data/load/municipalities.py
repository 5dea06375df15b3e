"""Municipalities as regions, from datapackages/cbs-gebieden-in-nederland (written by the StatLine
fetcher from CBS 'Gebieden in Nederland <jaar>'), when that package is present.

Every municipality becomes a Region of soort `gemeente` (code GMxxxx, its newest name, a slug from
the name; `<name>-gemeente` when the slug is taken by another region), valid from the first year's
H1 to the last year's H2 it is listed; Regions.membership holds per year its Veilig Thuis region."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

from ..model.regions import Region, Regions

PACKAGE = "cbs-gebieden-in-nederland"


def slugify(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")


def add_municipalities(regions: Regions, datapackages: Path) -> None:
    path = datapackages / PACKAGE / "data" / "gemeenten.csv"
    if not path.is_file():
        return
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    if not {"jaar", "gemeente", "naam", "veilig_thuis_regio"} <= set(df.columns):
        return  # the package's own validation reports the columns
    taken = {r.slug for r in regions.by_code.values()}
    for code, rows in sorted(df[df.gemeente.str.match(r"^GM\d{4}$")].groupby("gemeente")):
        years = sorted(int(y) for y in rows.jaar if y.isdigit())
        if not years or code in regions.by_code:
            continue
        naam = rows.sort_values("jaar").naam.iloc[-1]
        slug = slugify(naam)
        if slug in taken:
            slug = f"{slug}-gemeente"
        taken.add(slug)
        regions.by_code[code] = Region(code, naam, slug, "gemeente", f"{years[0]}-H1", f"{years[-1]}-H2", "")
        for y, vt in zip(rows.jaar, rows.veilig_thuis_regio):
            if y.isdigit() and vt:
                regions.membership.setdefault(int(y), {})[code] = vt
