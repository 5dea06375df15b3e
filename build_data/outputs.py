"""Indicator outputs: tidy records (one per region, period and category) that carry their
provenance, as JSON for the site and CSV for downloads."""

from __future__ import annotations

import csv
import io
import json
import math

from . import formatting, periods, revisions
from .datapackages import Catalog
from .indicators import Indicator

CSV_FIELDS = ["indicator", "regio_code", "regio_naam", "periode", "periode_label", "groep", "groep_naam", "categorie",
              "categorie_naam", "kwalificatie", "waarde", "teken", "eenheid", "n", "bron", "vindplaats", "noot", "herzien"]


def _num(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value) if float(value).is_integer() else float(value)


def records(ind: Indicator, catalog: Catalog, frame=None) -> list[dict]:
    """The records of the indicator's figures (frame None, made once per indicator and shared:
    callers never change them) or of another frame of it."""
    if frame is None:
        cache = ind.__dict__.setdefault("_records", {})
        if id(catalog) not in cache:
            cache[id(catalog)] = _records(ind, catalog, None)
        return cache[id(catalog)]
    return _records(ind, catalog, frame)


def _records(ind: Indicator, catalog: Catalog, frame) -> list[dict]:
    own = frame is None  # the indicator's own figures carry its unit (also when computed)
    frame = ind.data if frame is None else frame
    package = catalog.packages[ind.pakket]
    cat_names = {(r.maat, r.categorie): r.naam for r in package.categories.itertuples(index=False)}
    order = {key: i for i, key in enumerate(cat_names)}  # categories in the order the package lists them
    out = []
    for r in frame.itertuples(index=False):
        region = catalog.regions.by_code[r.regio_code]
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
            "waarde_tekst": formatting.value(value, ind.eenheid if own else package.measures.loc[r.maat].eenheid, r.teken,
                                             len(r.waarde.partition(".")[2]), r.kwalificatie),
            "kwalificatie": r.kwalificatie,
            "n": int(r.n) if r.n else None,
            "noot": r.noot,
            "bron": r.bron_titel,
            "vindplaats": r.vindplaats,
            "_maat": r.maat,
        })
        if getattr(r, "herzien", None):  # earlier publications of a revised figure (build_data.revisions)
            out[-1]["herzien"] = list(r.herzien)
    out.sort(key=lambda d: (d["regio_code"] != "NL01", d["regio_naam"], periods.sort_key(d["periode"]),
                            order.get((d["_maat"], d["groep"]), -1), order.get((d["_maat"], d["categorie"]), -1)))
    for d in out:
        del d["_maat"]
    return out


def indicator_json(ind: Indicator, catalog: Catalog) -> dict:
    return {
        "id": ind.id,
        "titel": ind.titel,
        "thema": {"slug": ind.thema.slug, "titel": ind.thema.titel},
        "niveau": ind.niveau,
        "eenheid": ind.eenheid,
        "definitie": ind.definitie,
        "tekst": ind.tekst,
        "bronnen": ind.sources(catalog),
        "perioden": ind.periods,
        "waarnemingen": records(ind, catalog),
        "verandering": records(ind, catalog, ind.verandering),
    }


def to_json_bytes(obj) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def indicator_csv(ind: Indicator, catalog: Catalog) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, CSV_FIELDS, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for rec in records(ind, catalog):
        w.writerow({**rec, "indicator": ind.id, "eenheid": ind.eenheid,
                    "waarde": "" if rec["waarde"] is None else rec["waarde"],
                    "n": "" if rec["n"] is None else rec["n"],
                    "bron": rec["bron"], "herzien": revisions.as_text(rec.get("herzien"))})
    return buf.getvalue().encode("utf-8")
