"""Figures computed from published figures of one source, for comparisons the source itself does
not print (meldingen per advies, share of cases closed). Only arithmetic on published figures of
the same table, region and period; never an estimate. The result keeps the provenance of its
inputs and says how it was computed.

Disclosure control (statistical confidentiality), the rules every computed figure obeys:
1. Nothing computed reveals a figure the source withheld: a secret (`x`) or missing (`.`) input
   gives a secret or missing result, and `check_no_recovery` refuses any indicator computation
   that fills a cell the source withheld (e.g. a total minus the other regions).
2. A share or ratio computed from a count below DREMPEL is withheld too (`x`): small counts
   make a share unreliable and can point at a few families.
3. A computed count is rounded as the source rounds its counts (`afronding` in maten.csv: 5 for
   Veilig Thuis), so it never shows more precision than the source published.

DREMPEL is the one place to change the threshold; the Verantwoording page prints it."""

from __future__ import annotations

import math

import pandas as pd

from ..model import symbols
from ..model.catalog import Catalog
from ..model.problems import Problem

DREMPEL = 10  # a share or ratio from a count below this is withheld (teken x)
KEYS = ["regio_code", "periode", "categorie", "groep"]


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


def _count(value, symbol: str) -> float:
    """A published count: nil ('–') is zero; any other missing figure stays missing (NaN)."""
    return 0.0 if symbol == "–" else value


def round_as_source(value: float, step: float | None) -> float:
    """Round half up to a multiple of the source's rounding step (5 → 12,5 becomes 15)."""
    if not step or pd.isna(value):
        return value
    return math.floor(value / step + 0.5) * step


def _step(catalog: Catalog, package: str, measure: str) -> float | None:
    measures = catalog.packages[package].measures
    text = measures.loc[measure].afronding if measure in measures.index else ""
    return float(text) if text else None


def _is_count(catalog: Catalog, package: str, measure: str) -> bool:
    measures = catalog.packages[package].measures
    return measure in measures.index and measures.loc[measure].eenheid == "aantal"


def ratio(numerator: pd.DataFrame, catalog: Catalog, package: str, denominator: str, *,
          scale: float = 1, decimals: int = 2, how: str, drempel: int = DREMPEL) -> pd.DataFrame:
    """numerator / denominator (× scale) per resource, region and period. `how` says in words what
    was divided, for the citation ('ontvangen meldingen gedeeld door gestarte adviezen'). A count
    below `drempel` in either gives a withheld result (x)."""
    obs = catalog.packages[package].observations
    den = obs[(obs.maat == denominator) & (obs.categorie == "") & (obs.groep == "")]
    num = numerator[(numerator.categorie == "") & (numerator.groep == "")]
    merged = num.merge(den[["resource", "regio_code", "periode", "waarde_num", "teken"]],
                       on=["resource", "regio_code", "periode"], suffixes=("", "_noemer"))
    rows = []
    for r in merged.itertuples(index=False):
        a, b = _count(r.waarde_num, r.teken), _count(r.waarde_num_noemer, r.teken_noemer)
        ok = not (pd.isna(a) or pd.isna(b) or b == 0)
        small = ok and any(_is_count(catalog, package, m) and v < drempel for m, v in ((r.maat, a), (denominator, b)))
        value = round(a / b * scale, decimals) if ok and not small else math.nan
        row = r._asdict()
        row.update(
            waarde=f"{value:.{decimals}f}" if ok and not small else "",
            waarde_num=value,
            teken="x" if small else _symbol(r.teken, r.teken_noemer, ok),
            kwalificatie="",
            vindplaats=f"berekend uit {r.vindplaats}: {how}",
            noot=(f"Niet berekend: minder dan {drempel} in teller of noemer (geheimhouding)." if small else
                  "Berekend door deze site uit twee gepubliceerde cijfers van dezelfde tabel (aantallen afgerond op 5)." if ok else
                  "Niet berekend: een van beide cijfers ontbreekt of is geheim."),
        )
        rows.append(row)
    out = pd.DataFrame(rows, columns=list(numerator.columns)) if rows else numerator.iloc[0:0]
    return out.drop(columns=[c for c in out.columns if c.endswith("_noemer")], errors="ignore")


def total(first: pd.DataFrame, catalog: Catalog, package: str, others: list[str], *, how: str) -> pd.DataFrame:
    """A count made by adding published counts of the same table, region and period (e.g.
    adviezen + meldingen). Rounded as the source rounds; a withheld part withholds the sum."""
    obs = catalog.packages[package].observations
    base = first[(first.categorie == "") & (first.groep == "")]
    parts = [obs[(obs.maat == m) & (obs.categorie == "") & (obs.groep == "")] for m in others]
    step = max((s for s in (_step(catalog, package, m) for m in [*base.maat.unique(), *others]) if s), default=None)
    rows = []
    for r in base.itertuples(index=False):
        found = [p[(p.resource == r.resource) & (p.regio_code == r.regio_code) & (p.periode == r.periode)] for p in parts]
        cells = [(r.waarde_num, r.teken)] + [(f.waarde_num.iloc[0], f.teken.iloc[0]) if len(f) else (math.nan, ".") for f in found]
        signs = [t for _, t in cells]
        values = [_count(v, t) for v, t in cells]
        ok = not any(pd.isna(v) for v in values)
        value = round_as_source(sum(values), step) if ok else math.nan
        row = r._asdict()
        row.update(waarde=f"{value:.0f}" if ok else "", waarde_num=value,
                   teken="x" if "x" in signs else ("." if not ok else ("**" if "**" in signs else "*" if "*" in signs else "")),
                   kwalificatie="", vindplaats=f"berekend uit {r.vindplaats}: {how}",
                   noot=f"Berekend door deze site: som van gepubliceerde aantallen, afgerond op {step:.0f} zoals de bron." if step else
                   "Berekend door deze site: som van gepubliceerde aantallen.")
        rows.append(row)
    return pd.DataFrame(rows, columns=list(first.columns)) if rows else first.iloc[0:0]


def check_no_recovery(file: str, before: pd.DataFrame, after: pd.DataFrame) -> list[Problem]:
    """Rule 1: a computation may not give a value where its input was withheld (x or .)."""
    withheld = before[before.teken.isin(list(symbols.SUPPRESSED))]
    if withheld.empty or after.empty:
        return []
    shown = after[after.waarde_num.notna()]
    hits = withheld.merge(shown[KEYS], on=KEYS)
    return [Problem(file, None, "compute", "reveals-suppressed",
                    f"de berekening geeft een waarde voor {r.regio_code} {r.periode}"
                    f"{' ' + r.categorie if r.categorie else ''}, terwijl de bron dat cijfer achterhoudt ({r.teken})")
            for r in hits.drop_duplicates(KEYS).itertuples(index=False)]
