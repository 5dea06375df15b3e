"""Figures computed from published figures of one source, for comparisons the source itself does
not print (meldingen per advies, share of cases closed). Only arithmetic on two published figures
of the same table, region and period; never an estimate. The result keeps the provenance of its
inputs and says how it was computed; a missing or secret input gives a missing result."""

from __future__ import annotations

import math

import pandas as pd

from .datapackages import Catalog


def _symbol(a: str, b: str, value_ok: bool) -> str:
    if "x" in (a, b):
        return "x"
    if not value_ok:
        return "."
    if "**" in (a, b):
        return "**"
    if "*" in (a, b):
        return "*"
    return ""


def ratio(numerator: pd.DataFrame, catalog: Catalog, package: str, denominator: str, *,
          scale: float = 1, decimals: int = 2, how: str) -> pd.DataFrame:
    """numerator / denominator (× scale) per resource, region and period. `how` says in words what
    was divided, for the citation ('ontvangen meldingen gedeeld door gestarte adviezen')."""
    obs = catalog.packages[package].observations
    den = obs[(obs.maat == denominator) & (obs.categorie == "") & (obs.groep == "")]
    num = numerator[(numerator.categorie == "") & (numerator.groep == "")]
    merged = num.merge(den[["resource", "regio_code", "periode", "waarde_num", "teken"]],
                       on=["resource", "regio_code", "periode"], suffixes=("", "_noemer"))
    rows = []
    for r in merged.itertuples(index=False):
        a, b = r.waarde_num, r.waarde_num_noemer
        ok = not (pd.isna(a) or pd.isna(b) or b == 0)
        value = round(a / b * scale, decimals) if ok else math.nan
        row = r._asdict()
        row.update(
            waarde=f"{value:.{decimals}f}" if ok else "",
            waarde_num=value,
            teken=_symbol(r.teken, r.teken_noemer, ok),
            kwalificatie="",
            vindplaats=f"berekend uit {r.vindplaats}: {how}",
            noot="Berekend door deze site uit twee gepubliceerde cijfers van dezelfde tabel (aantallen afgerond op 5).",
        )
        rows.append(row)
    out = pd.DataFrame(rows, columns=list(numerator.columns)) if rows else numerator.iloc[0:0]
    return out.drop(columns=[c for c in out.columns if c.endswith("_noemer")], errors="ignore")
