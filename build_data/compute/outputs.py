"""Indicator outputs: tidy records (one per region, period and category) that carry their
provenance, as JSON for the site and CSV for downloads."""

from __future__ import annotations

import csv
import functools
import io
import json
import math

from ..model import formatting, periods
from ..model.catalog import Catalog
from ..model.frames import tuples
from ..model.indicator import Indicator
from . import revisions

CSV_FIELDS = ["indicator", "regio_code", "regio_naam", "periode", "periode_label", "groep", "groep_naam", "categorie",
              "categorie_naam", "kwalificatie", "waarde", "teken", "eenheid", "n", "bron", "vindplaats", "noot", "herzien"]


def _num(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value) if float(value).is_integer() else float(value)


def records(ind: Indicator, catalog: Catalog, frame=None) -> list[dict]:
    """The records of the indicator's figures (frame None) or of another frame of it (its change
    figures). Made once per indicator, in its view (build_data.compute.view)."""
    own = frame is None  # the indicator's own figures carry its unit (also when computed)
    frame = ind.data if frame is None else frame
    package = catalog.packages[ind.pakket]
    cat_names = {(r.maat, r.categorie): r.naam for r in package.categories.itertuples(index=False)}
    order = {key: i for i, key in enumerate(cat_names)}  # categories in the order the package lists them
    units = dict(zip(package.measures.index, package.measures.eenheid)) if not own else {}
    regions = catalog.regions.by_code
    out = []
    for r in tuples(frame):
        region = regions[r.regio_code]
        value = _num(r.waarde_num)
        out.append({
            "regio_code": region.code,
            "regio_naam": region.naam,
            "regio_slug": region.slug,
            "periode": r.periode,
            "periode_label": periods.label(r.periode, r.teken),
            "categorie": r.categorie,
            "categorie_naam": cat_names.get((r.maat, r.categorie), ""),
            "groep": r.groep,
            "groep_naam": cat_names.get((r.maat, r.groep), ""),
            "waarde": value,
            "teken": r.teken,
            # As many decimals as the source printed: '0,0 %' stays '0,0 %'.
            "waarde_tekst": formatting.value(value, ind.eenheid if own else units[r.maat], r.teken,
                                             len(r.waarde.partition(".")[2]), r.kwalificatie),
            "kwalificatie": r.kwalificatie,
            "n": int(r.n) if r.n else None,
            "noot": r.noot,
            "bron": r.bron_titel,
            "vindplaats": r.vindplaats,
            "_maat": r.maat,
        })
        if getattr(r, "herzien", None):  # earlier publications of a revised figure (build_data.compute.revisions)
            out[-1]["herzien"] = list(r.herzien)
    out.sort(key=lambda d: (d["regio_code"] != "NL01", d["regio_naam"], periods.sort_key(d["periode"]),
                            order.get((d["_maat"], d["groep"]), -1), order.get((d["_maat"], d["categorie"]), -1)))
    for d in out:
        del d["_maat"]
    return out


def indicator_json(view, period: str | None = None) -> dict:
    """data/<id>.json: the indicator's declaration, sources and records (a compute.view.View); with
    `period`, data/<id>-<period>.json: the records of that period (the period a page shows)."""
    ind = view.ind
    return {
        "id": ind.id,
        "titel": ind.titel,
        "thema": {"slug": ind.thema.slug, "titel": ind.thema.titel},
        "niveau": ind.niveau,
        "eenheid": ind.eenheid,
        "definitie": ind.definitie,
        "tekst": ind.tekst,
        "bronnen": view.sources,
        "perioden": ind.periods if period is None else [period],
        "waarnemingen": view.records if period is None else [r for r in view.records if r["periode"] == period],
        "verandering": view.change if period is None else [r for r in view.change if r["periode"] == period],
    }


def to_json_bytes(obj: dict) -> bytes:
    """An indicator's JSON: one top-level key per line and one record per line (readable and
    diffable, and written by json's C encoder: indenting every field was the slowest step of a
    large build)."""
    dump = functools.partial(json.dumps, ensure_ascii=False)
    lines = []
    for key, value in obj.items():
        if isinstance(value, list) and value and all(isinstance(x, dict) for x in value):
            text = "[\n  " + ",\n  ".join(dump(x) for x in value) + "\n ]"
        else:
            text = dump(value)
        lines.append(f" {dump(key)}: {text}")
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8")


def indicator_csv(view, period: str | None = None) -> bytes:
    """data/<id>.csv: one row per record (a compute.view.View); with `period` those of one period."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    fixed = {"indicator": view.id, "eenheid": view.eenheid}
    for rec in (view.records if period is None else [r for r in view.records if r["periode"] == period]):
        row = {**rec, **fixed, "waarde": "" if rec["waarde"] is None else rec["waarde"],
               "n": "" if rec["n"] is None else rec["n"], "herzien": revisions.as_text(rec.get("herzien"))}
        w.writerow([row[f] for f in CSV_FIELDS])
    return buf.getvalue().encode("utf-8")
