"""Where a region stands among the regions: its rank and, for counts, its share of the national
total. Computed from the published figures of one table and period; a region without a figure
gets no rank and no share (it is never filled in)."""

from __future__ import annotations

import bisect

from ..model import formatting
from ..model.regions import is_regional


def positions(recs: list[dict], period: str, unit: str) -> dict[str, dict]:
    """Per region code: rang (1 = highest value; equal values share a rank), van (number of
    regions with a figure), aandeel (share of the national total, counts only) and its text.
    Areas are ranked among their own kind: a Veilig Thuis region among the regions, a
    municipality among the municipalities (never mixed)."""
    rows = [r for r in recs if r["periode"] == period and is_regional(r["regio_code"])
            and not r["categorie"] and not r["groep"]]
    nl = next((r for r in recs if r["periode"] == period and r["regio_code"] == "NL01"
               and not r["categorie"] and not r["groep"]), None)
    out: dict[str, dict] = {}
    for kind in sorted({r["regio_code"][:2] for r in rows}):
        out.update(_ranked([r for r in rows if r["regio_code"][:2] == kind], nl, unit))
    return out


def _ranked(rows: list[dict], nl: dict | None, unit: str) -> dict[str, dict]:
    valued = sorted((r for r in rows if r["waarde"] is not None), key=lambda r: -r["waarde"])
    descending = [-o["waarde"] for o in valued]
    out: dict[str, dict] = {}
    for r in rows:
        if r["waarde"] is None:
            out[r["regio_code"]] = {"rang": None, "van": len(valued), "aandeel": None, "aandeel_tekst": ""}
            continue
        rank = 1 + bisect.bisect_left(descending, -r["waarde"])  # regions with a higher value, plus one
        share = None
        if unit == "aantal" and nl and nl["waarde"]:
            share = round(100 * r["waarde"] / nl["waarde"], 1)
        out[r["regio_code"]] = {
            "rang": rank, "van": len(valued), "aandeel": share,
            "aandeel_tekst": formatting.value(share, "procent", decimals=1) if share is not None else "",
        }
    return out


def rank_text(pos: dict | None) -> str:
    if not pos or pos["rang"] is None:
        return ""
    return f"{pos['rang']} van {pos['van']}"
