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
from ..model.formatting import QUALIFIERS
from ..model.frames import tuples
from ..model.indicator import Indicator
from ..model.symbols import SYMBOLS
from . import revisions

# The columns of the downloads data/<id>.csv, each with its Table Schema type and what it holds
# (published as data/downloads.schema.json, explained on the Data page, checked by a test).
FIELDS = [
    ("indicator", "string", "De indicator (zijn id, ook de naam van het bestand)."),
    ("regio_code", "string", "Code van het gebied: NL01 Nederland, VTnn een Veilig Thuis-regio, GMnnnn een gemeente (CBS)."),
    ("regio_naam", "string", "Naam van het gebied."),
    ("periode", "string", "Periode, genormaliseerd: 2019-H2 (halfjaar), 2022 (jaar) of 2021-2022 (schooljaar)."),
    ("periode_label", "string", "Periode zoals de bron haar schrijft, met het teken van het cijfer: '2e halfjaar 2019*'."),
    ("groep", "string", "Groep van de categorie (bijvoorbeeld een leeftijdsgroep), leeg als er geen is."),
    ("groep_naam", "string", "Naam van de groep."),
    ("categorie", "string", "Categorie (bijvoorbeeld een soort melder), leeg voor het totaal."),
    ("categorie_naam", "string", "Naam van de categorie."),
    ("kwalificatie", "string", "Hoe de bron het cijfer kwalificeert ('ongeveer', 'ruim', …), leeg als ze dat niet doet."),
    ("waarde", "number", "Het cijfer, zoals de bron het publiceert (punt als decimaalteken). Leeg als de bron geen cijfer geeft: zie teken."),
    ("teken", "string", "CBS-teken: leeg = definitief, * voorlopig, ** nader voorlopig, . onbekend/onvoldoende betrouwbaar/geheim, x geheim, – nihil, blank kan niet voorkomen."),
    ("eenheid", "string", "Eenheid van de waarde: aantal, procent, …"),
    ("n", "integer", "Aantal waarnemingen waarop een percentage rust, als de bron het noemt."),
    ("bron", "string", "De publicatie of StatLine-tabel waar het cijfer staat."),
    ("vindplaats", "string", "Waar in die bron: tabel, figuur, paragraaf of StatLine-tabelnummer."),
    ("noot", "string", "Toelichting bij het cijfer (van de bron of van deze site)."),
    ("herzien", "string", "Eerder gepubliceerde waarden van hetzelfde cijfer, nieuwste eerst: 'waarde (bron, vindplaats) | …'."),
]
CSV_FIELDS = [name for name, _, _ in FIELDS]
SCHEMA_PATH = "data/downloads.schema.json"


def download_schema() -> dict:
    """The Table Schema (https://specs.frictionlessdata.io/table-schema/) of every data/<id>.csv:
    column types, the CBS symbols and qualifiers as enums, and what is required."""
    constraints = {"indicator": {"required": True}, "regio_code": {"required": True, "pattern": "^(NL01|VT\\d{2}|GM\\d{4})$"},
                   "periode": {"required": True, "pattern": "^(19|20)\\d\\d(-H[12]|-(19|20)\\d\\d)?$"},  # periods.PATTERN
                   "teken": {"enum": [c for c in SYMBOLS if c]}, "kwalificatie": {"enum": list(QUALIFIERS)},
                   "n": {"minimum": 0}}
    return {"$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
            "title": "Downloads van de Impactmonitor aanpak huiselijk geweld en kindermishandeling",
            "description": "Eén rij per gebied, periode en categorie. Een lege cel is een ontbrekende waarde; "
                           "het CBS-teken in 'teken' zegt waarom een waarde ontbreekt.",
            "fields": [{"name": name, "type": kind, "description": text, **({"constraints": constraints[name]} if name in constraints else {})}
                       for name, kind, text in FIELDS],
            "missingValues": [""]}


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


def _csv_rows(view, period: str | None):
    fixed = {"indicator": view.id, "eenheid": view.eenheid}
    for rec in (view.records if period is None else [r for r in view.records if r["periode"] == period]):
        row = {**rec, **fixed, "waarde": "" if rec["waarde"] is None else rec["waarde"],
               "n": "" if rec["n"] is None else rec["n"], "herzien": revisions.as_text(rec.get("herzien"))}
        yield [row[f] for f in CSV_FIELDS]


def indicator_csv(view, period: str | None = None) -> bytes:
    """data/<id>.csv: one row per record (a compute.view.View); with `period` those of one period."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    w.writerows(_csv_rows(view, period))
    return buf.getvalue().encode("utf-8")


def indicator_csv_excel(view) -> bytes:
    """data/<id>-excel.csv: the same rows for Excel with Dutch settings, which reads a CSV by the
    system's list separator and decimal sign: ';' between fields, a decimal comma, a byte order
    mark so that it reads UTF-8 ('–', 'ë'), and CRLF line ends. Only `waarde` is a number."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(CSV_FIELDS)
    at = CSV_FIELDS.index("waarde")
    for row in _csv_rows(view, None):
        if row[at] != "":
            row[at] = str(row[at]).replace(".", ",")
        w.writerow(row)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
