#!/usr/bin/env python3
"""Fetch the CBS StatLine tables behind the Veilig Thuis indicators through the CBS OData v3 API
and write them as the data package datapackages/cbs-statline-veilig-thuis/ (one resource per
table, e.g. data/statline_84847ned.csv), with a citation (table title, StatLine address, date
of the table's last change on StatLine, retrieval date, CC BY 4.0).

    python scripts/fetch_statline.py                               (every table in TABLES below)
    python scripts/fetch_statline.py --table 84847NED --dry-run    (fetch and check, write nothing)
    python scripts/fetch_statline.py --retrieved 2027-04-30        (fixed retrieval date)

Kept as published: region codes (the OData keys are space-padded: 'VT01    ' -> VT01), period
keys (2020HJ01 -> 2020-H1, 2020JJ00 -> 2020), the period status (Voorlopig -> *, Nader voorlopig
-> **, Definitief -> empty) and missing values (null -> '.', never 0). StatLine measures named in
MEASURES get the package's measure name; every other measure keeps its StatLine key
(<table>.<Key>); all are declared in data/maten.csv, nothing is left out.

Safe: every table is downloaded and converted in memory, then checked as a whole (row count
against TableInfos, every combination of region, period and category present, no page failing,
no nextLink loop, every region of every period there) and validated with the project's own
validation (build_data.site.build.check_inputs) on a temporary copy of datapackages/. One problem and
nothing is written: the problems are printed as one table and the exit code is 1. Only then the
files are swapped in atomically. The same responses and --retrieved give the same bytes.

Needs network access to opendata.cbs.nl (not available on the build machines of this project:
tests/test_statline.py runs this script on OData responses the tests make)."""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import re
import shutil
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from build_data.load.packages import read_regions  # noqa: E402
from build_data.model import periods  # noqa: E402
from build_data.model.problems import Problem, format_table  # noqa: E402
from build_data.model.regions import NATIONAL, Regions  # noqa: E402
from build_data.site.write import write_atomic  # noqa: E402

API = "https://opendata.cbs.nl/ODataApi/odata"
STATLINE = "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{table}/table"
PACKAGE = "cbs-statline-veilig-thuis"
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
           "path": "https://creativecommons.org/licenses/by/4.0/deed.nl"}

# The tables of Beleidsinformatie Veilig Thuis on StatLine (see ../shared/stack-notes.md).
# `afronding`: CBS rounds every count of this statistic to a multiple of 5 (Beleidsinformatie
# Veilig Thuis, 'Aantallen zijn afgerond op vijftallen'); validation then refuses a count that is not.
# 82975NED (jeugdbeschermingstrajecten) belongs to Beleidsinformatie Jeugd, another statistic with
# another package (cbs-beleidsinformatie-jeugd), and is not fetched here.
TABLES: dict[str, dict] = {
    "84847NED": {"afronding": 5},  # kerncijfers Veilig Thuis, regio
    "84848NED": {"afronding": 5},  # rol/functie, organisatie, duur geweld, Veilig Thuis-regio
    "84849NED": {"afronding": 5},  # rol/functie, organisatie, duur geweld, regio
    "84850NED": {"afronding": 5},  # aard geweld
    "84851NED": {"afronding": 5},  # aard geweld
    "84852NED": {"afronding": 5},  # veiligheidsbeoordeling en -taxatie
    "84853NED": {"afronding": 5},  # uitkomsten onderzoeken
    "84854NED": {"afronding": 5},  # overdracht
    "84855NED": {"afronding": 5},  # overdracht
    "85361NED": {"afronding": 5},  # eerdere betrokkenheid
}

# StatLine measure -> the package's measure name, per table. An entry matches the measure's Key
# (exact, e.g. 'GestarteAdviezen_1') or its title (case and spacing ignored). The titles below
# are the column heads of the CBS table 'Kerncijfers per Veilig Thuis-regio'; after a first run,
# data/maten.csv lists every StatLine key (column statline_key): pin a measure by its key here.
# A measure that matches no entry keeps its StatLine key as <table>.<Key>.
MEASURES: dict[str, dict[str, str]] = {
    "84847NED": {
        "Gestarte adviezen": "gestarte_adviezen",
        "Ontvangen meldingen": "ontvangen_meldingen",
        "Actieve casussen": "casussen_actief",
        "Actieve diensten onderzoek": "diensten_onderzoek_actief",
        "Actieve diensten Voorwaarden en Vervolg": "diensten_vv_actief",
        "Overdrachten": "overdrachten",
    },
}

STATUS = {"Definitief": "", "Voorlopig": "*", "Nader voorlopig": "**"}
UNITS = {"aantal": "aantal", "%": "procent", "procent": "procent"}
PERIOD = re.compile(r"^(?P<year>\d{4})(?P<kind>JJ|HJ)(?P<n>\d\d)$")
# Region codes of divisions this project does not show: left out, and counted in the report.
OTHER_DIVISIONS = {"GM": "gemeenten", "PV": "provincies", "LD": "landsdelen", "CR": "COROP-gebieden",
                   "WK": "wijken", "BU": "buurten", "JZ": "jeugdzorgregio's", "GG": "GGD-regio's",
                   "RE": "regionale eenheden (politie)", "VR": "veiligheidsregio's", "AM": "arbeidsmarktregio's"}
DIMENSION_TYPES = ("Dimension", "GeoDimension", "GeoDetail", "TimeDimension")
MAX_PAGES = 1000

# Its problem kinds (statline-download, statline-mapping) are in build_data/model/problems.py with the others.


class FetchFailed(Exception):
    """A table could not be downloaded completely; carries the problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(format_table(problems))


def fetch(url: str) -> bytes:
    """The body of one GET request (swapped out in the tests)."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()


def entity_url(api: str, table: str, entity: str, **query) -> str:
    params = {"$format": "json", **{f"${k}": v for k, v in query.items()}}
    return f"{api.rstrip('/')}/{table}/{entity}?" + urllib.parse.urlencode(params, safe="$")


def _get_json(url: str, where: str) -> dict:
    try:
        doc = json.loads(fetch(url).decode("utf-8"))
    except (OSError, ValueError) as exc:  # no network, HTTP error, not JSON
        raise FetchFailed([Problem(where, None, None, "statline-download", f"{url}: {exc}")]) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
        raise FetchFailed([Problem(where, None, "value", "statline-download", f"{url}: geen OData-antwoord (geen lijst 'value')")])
    return doc


def read_all(api: str, table: str, entity: str, expected: int | None = None) -> tuple[list[dict], int]:
    """Every row of an entity set: follows odata.nextLink; when the server stops without one
    before `expected` rows, asks on with $skip. Returns (rows, pages)."""
    where = f"StatLine {table}/{entity}"
    rows: list[dict] = []
    url, seen, pages = entity_url(api, table, entity), set(), 0
    while url:
        if url in seen or pages >= MAX_PAGES:
            raise FetchFailed([Problem(where, len(rows) or None, "odata.nextLink", "statline-download",
                                       f"de volgende pagina verwijst terug naar een eerdere ({url}): de download loopt rond")])
        seen.add(url)
        page = _get_json(url, where)
        pages += 1
        rows += page["value"]
        href = page.get("odata.nextLink")
        if href:
            url = urllib.parse.urljoin(url, href)
        elif expected is not None and page["value"] and len(rows) < expected:
            url = entity_url(api, table, entity, skip=len(rows))  # client-side paging
        else:
            url = None
    return rows, pages


def _text(value) -> str:
    return " ".join(str(value or "").split())


def _norm(title: str) -> str:
    return _text(title).casefold()


def period_key(key: str) -> str | None:
    """'2020HJ01' -> '2020-H1', '2020JJ00' -> '2020'; None for any other kind (quarters, months)."""
    m = PERIOD.match(key)
    if not m:
        return None
    if m["kind"] == "JJ":
        return m["year"] if m["n"] == "00" else None
    return f"{m['year']}-H{int(m['n'])}" if m["n"] in ("01", "02") else None


def _number_text(value, decimals: int) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(value)
    if decimals <= 0:
        if float(value) != int(value):
            return repr(float(value))  # more precise than declared: kept as sent
        return str(int(value))
    return f"{float(value):.{decimals}f}"


def convert(table: str, api: str, regions: Regions) -> dict:
    """Download one table and turn it into rows of the package format. Raises FetchFailed with
    every problem found (nothing is half-converted)."""
    info_rows, _ = read_all(api, table, "TableInfos")
    if len(info_rows) != 1:
        raise FetchFailed([Problem(f"StatLine {table}/TableInfos", None, None, "statline-download",
                                   f"{len(info_rows)} rijen in TableInfos, verwacht 1")])
    info = info_rows[0]
    props, _ = read_all(api, table, "DataProperties")
    found: list[Problem] = []
    where = f"StatLine {table}/DataProperties"

    groups = {p.get("ID"): p for p in props if p.get("Type") == "TopicGroup"}
    dims = [p for p in props if p.get("Type") in DIMENSION_TYPES]
    geo = [p for p in dims if p.get("Type") in ("GeoDimension", "GeoDetail")]
    time = [p for p in dims if p.get("Type") == "TimeDimension"]
    other = [p for p in dims if p.get("Type") == "Dimension"]
    if len(time) != 1:
        found.append(Problem(where, None, "Type", "statline-mapping", f"{len(time)} tijddimensies, verwacht 1"))
    if len(geo) > 1:
        found.append(Problem(where, None, "Type", "statline-mapping", f"{len(geo)} regiodimensies, verwacht hooguit 1"))
    if len(other) > 2:
        found.append(Problem(where, None, "Type", "statline-mapping",
                             f"{len(other)} andere dimensies ({', '.join(p['Key'] for p in other)}); het pakket kent er hooguit twee (categorie, groep)"))
    if found:
        raise FetchFailed(found)

    mapping = {(_norm(k) if k not in {p.get("Key") for p in props} else k): v for k, v in MEASURES.get(table, {}).items()}
    measures = []
    for i, p in enumerate(props):
        if p.get("Type") != "Topic":
            continue
        key, title = p.get("Key", ""), _text(p.get("Title"))
        path, parent = [], groups.get(p.get("ParentID"))
        while parent is not None and len(path) < 10:
            path.insert(0, _text(parent.get("Title")))
            parent = groups.get(parent.get("ParentID"))
        full = ": ".join(path + [title])
        maat = mapping.get(key) or mapping.get(_norm(full)) or mapping.get(_norm(title)) or f"{table}.{key}"
        unit = UNITS.get(_text(p.get("Unit")).casefold())
        if unit is None:
            found.append(Problem(where, i + 1, "Unit", "statline-mapping", f"maat {key}: eenheid {p.get('Unit')!r} is onbekend"))
        try:
            decimals = int(p.get("Decimals") or 0)
        except (TypeError, ValueError):
            decimals = 0
            found.append(Problem(where, i + 1, "Decimals", "statline-mapping", f"maat {key}: Decimals {p.get('Decimals')!r} is geen getal"))
        measures.append({"key": key, "maat": maat, "naam": full, "eenheid": unit or "",
                         "afronding": str(TABLES.get(table, {}).get("afronding", "")) if unit == "aantal" else "",
                         "definitie": _text(p.get("Description")) or full, "decimals": decimals})
    if not measures:
        found.append(Problem(where, None, "Type", "statline-mapping", "de tabel heeft geen onderwerpen (Topic)"))
    names = [m["maat"] for m in measures]
    for m in measures:
        if names.count(m["maat"]) > 1:
            found.append(Problem(where, None, "Key", "statline-mapping", f"maat {m['maat']!r} komt uit meer dan één StatLine-onderwerp ({m['key']})"))

    # Dimension tables: their keys (space-padded) and titles, in StatLine's order.
    dim_values: dict[str, list[dict]] = {}
    for d in dims:
        values, _ = read_all(api, table, d["Key"])
        dim_values[d["Key"]] = values
    tkey = time[0]["Key"]
    period_of, status_of = {}, {}
    for i, v in enumerate(dim_values[tkey], start=1):
        key = _text(v.get("Key"))
        period = period_key(key)
        if period is None:
            found.append(Problem(f"StatLine {table}/{tkey}", i, "Key", "statline-mapping",
                                 f"periode {key!r} is geen halfjaar (2020HJ01) of jaar (2020JJ00)"))
        status = _text(v.get("Status"))
        if status not in STATUS:
            found.append(Problem(f"StatLine {table}/{tkey}", i, "Status", "statline-mapping",
                                 f"status {v.get('Status')!r} van periode {key} is niet Definitief, Voorlopig of Nader voorlopig"))
        period_of[key], status_of[key] = period, STATUS.get(status, "")
    halves = sorted({periods.sort_key(p) for p in period_of.values() if p and periods.is_half_year(p)})
    for (y0, h0), (y1, h1) in zip(halves, halves[1:]):
        if (y1, h1) != ((y0, 2) if h0 == 1 else (y0 + 1, 1)):
            found.append(Problem(f"StatLine {table}/{tkey}", None, "Key", "statline-download",
                                 f"halfjaren ontbreken tussen {y0}-H{h0} en {y1}-H{h1}"))

    gkey = geo[0]["Key"] if geo else None
    region_of, skipped_division = {}, {}
    for i, v in enumerate(dim_values.get(gkey, []), start=1):
        code = _text(v.get("Key"))
        if code in regions.by_code:
            region_of[code] = code
        elif code[:2] in OTHER_DIVISIONS:
            skipped_division[code[:2]] = skipped_division.get(code[:2], 0) + 1
        else:
            found.append(Problem(f"StatLine {table}/{gkey}", i, "Key", "unknown-region",
                                 f"regiocode {code!r} ({_text(v.get('Title'))}) staat niet in datapackages/regions/data/regios.csv"))
    if gkey is None:
        region_of[""] = NATIONAL  # a table without a region dimension describes Nederland
    categories = {d["Key"]: [(_text(v.get("Key")), _text(v.get("Title"))) for v in dim_values[d["Key"]]] for d in other}
    if found:
        raise FetchFailed(found)

    # The data: every page, then checked for completeness before anything is converted.
    expected, counted_by = info.get("RecordCount"), "TableInfos (RecordCount)"
    if not isinstance(expected, int):
        counted_by = "TypedDataSet/$count"
        try:
            expected = int(fetch(f"{api.rstrip('/')}/{table}/TypedDataSet/$count").decode("ascii").strip())
        except (OSError, ValueError) as exc:
            raise FetchFailed([Problem(f"StatLine {table}/TableInfos", None, "RecordCount", "statline-download",
                                       f"geen RecordCount en geen $count: het aantal rijen is onbekend ({exc})")]) from exc
    data, pages = read_all(api, table, "TypedDataSet", expected)
    where = f"StatLine {table}/TypedDataSet"
    if len(data) != expected:
        found.append(Problem(where, None, None, "statline-download",
                             f"{len(data)} rijen ontvangen, volgens {counted_by} heeft de tabel er {expected}"))
    dim_keys = [d["Key"] for d in dims]
    seen: dict[tuple, int] = {}
    for i, row in enumerate(data, start=1):
        combo = tuple(_text(row.get(k)) for k in dim_keys)
        if combo in seen:
            found.append(Problem(where, i, None, "statline-download", f"rij {i} herhaalt rij {seen[combo]} ({', '.join(combo)})"))
        seen.setdefault(combo, i)
    wanted = 1
    for k in dim_keys:
        wanted *= len(dim_values[k])
    product = _product(dim_keys, dim_values)
    for combo, i in seen.items():
        if combo not in product:
            found.append(Problem(where, i, None, "statline-download",
                                 f"rij {i} ({', '.join(combo)}) noemt een code die niet in de dimensietabellen staat"))
    missing = wanted - len(set(seen) & product)
    if missing:
        example = next(c for c in _iter_product(dim_keys, dim_values) if c not in seen)
        found.append(Problem(where, None, None, "statline-download",
                             f"{missing} van de {wanted} combinaties van {', '.join(dim_keys)} ontbreken, bijvoorbeeld {', '.join(example)}"))
    # Every region of every period must be there: Nederland always, all Veilig Thuis regions of
    # the period when the table has Veilig Thuis regions at all.
    regional = any(c.startswith("VT") for c in region_of)
    for key, period in sorted(period_of.items()):
        need = {NATIONAL} | ({r.code for r in regions.regional(period)} if regional else set())
        absent = sorted(need - set(region_of.values()))
        if absent:
            found.append(Problem(f"StatLine {table}/{gkey or 'RegioS'}", None, "Key", "statline-download",
                                 f"periode {key}: regio's {', '.join(absent)} ontbreken in de tabel"))
    if found:
        raise FetchFailed(found)

    # Convert: one row per region, period, measure (and category); sorted for stable bytes.
    period_order = {k: i for i, k in enumerate(sorted(period_of, key=lambda k: periods.sort_key(period_of[k])))}
    region_order = {c: i for i, c in enumerate(sorted(region_of, key=lambda c: (c != NATIONAL, c)))}
    cat_order = {k: {c: i for i, (c, _) in enumerate(v)} for k, v in categories.items()}
    other_keys = [d["Key"] for d in other]
    out, dropped = [], 0
    for i, row in enumerate(data, start=1):
        rkey = _text(row.get(gkey)) if gkey else ""
        if rkey not in region_of:
            continue  # another division (counted above)
        pkey = _text(row.get(tkey))
        code, period = region_of[rkey], period_of[pkey]
        cats = [_text(row.get(k)) for k in other_keys]
        values = [row.get(m["key"]) for m in measures]
        if not regions.by_code[code].valid_in(period) and all(v is None for v in values):
            dropped += len(measures)  # StatLine's full cube: a region that did not exist yet / any more
            continue
        for j, (m, value) in enumerate(zip(measures, values)):
            if value is None:
                waarde, teken = "", "."
            else:
                try:
                    waarde, teken = _number_text(value, m["decimals"]), status_of[pkey]
                except ValueError:
                    found.append(Problem(where, i, m["key"], "statline-download", f"waarde {value!r} is geen getal"))
                    continue
            sort = (period_order[pkey], region_order[rkey], j, *[cat_order[k][c] for k, c in zip(other_keys, cats)])
            out.append((sort, [code, period, m["maat"], cats[0] if cats else "", cats[1] if len(cats) > 1 else "", waarde, teken]))
    if found:
        raise FetchFailed(found)
    out.sort(key=lambda r: r[0])
    return {"table": table, "info": info, "measures": measures, "categories": categories,
            "rows": [r for _, r in out], "received": len(data), "pages": pages,
            "skipped_division": skipped_division, "dropped": dropped}


def _iter_product(keys, values):
    combos = [()]
    for k in keys:
        combos = [c + (_text(v.get("Key")),) for c in combos for v in values[k]]
    return combos


def _product(keys, values) -> set:
    return set(_iter_product(keys, values))


# --- writing the package -------------------------------------------------------------------

MATEN_FIELDS = ["maat", "naam", "eenheid", "afronding", "definitie", "tabel", "statline_key"]
CATEGORY_FIELDS = ["maat", "categorie", "naam", "tabel", "dimensie"]
DATA_FIELDS = ["regio", "periode", "maat", "categorie", "groep", "waarde", "teken"]


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _read_rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def resource_name(table: str) -> str:
    return f"statline_{table.lower()}"


def source_name(table: str) -> str:
    return f"statline-{table.lower()}"


def _date(value) -> str:
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", str(value or ""))
    return m.group(1) if m else ""


def _source(t: dict, retrieved: str) -> dict:
    info, table = t["info"], t["table"]
    src = {"name": source_name(table),
           "title": f"CBS, StatLine-tabel {table}: {_text(info.get('Title')) or table}",
           "publisher": "Centraal Bureau voor de Statistiek",
           "path": STATLINE.format(table=table)}
    if _date(info.get("Modified")):
        src["published"] = _date(info.get("Modified"))  # the table's last change on StatLine
    src["retrieved"] = retrieved
    src["licenses"] = [{"name": LICENCE["name"]}]
    return src


def _resource(t: dict) -> dict:
    info, table = t["info"], t["table"]
    res = {"name": resource_name(table),
           "title": f"{_text(info.get('Title')) or table} (StatLine-tabel {table})",
           "path": f"data/{resource_name(table)}.csv",
           "bron": source_name(table),
           "vindplaats": f"StatLine-tabel {table}"}
    if _text(info.get("ShortDescription")):
        res["description"] = _text(info.get("ShortDescription"))
    dims = list(t["categories"])
    res["schema"] = {
        "primaryKey": ["regio", "periode", "maat", "categorie", "groep"],
        "fields": [
            {"name": "regio", "type": "string", "constraints": {"required": True}, "description": "CBS-regiocode (NL01, VT01 ...)"},
            {"name": "periode", "type": "string", "constraints": {"required": True}},
            {"name": "maat", "type": "string", "constraints": {"required": True}},
            {"name": "categorie", "type": "string", **({"description": f"StatLine-dimensie {dims[0]}"} if dims else {})},
            {"name": "groep", "type": "string", **({"description": f"StatLine-dimensie {dims[1]}"} if len(dims) > 1 else {})},
            {"name": "waarde", "type": "number"},
            {"name": "teken", "type": "string", "description": "CBS-teken: leeg (definitief), * voorlopig, ** nader voorlopig, . onbekend"},
        ]}
    return res


def package_files(package_dir: Path, tables: list[dict], retrieved: str) -> dict[Path, bytes]:
    """Every file of the package after this fetch: the fetched tables replace their own rows,
    resources and sources; tables fetched earlier stay as they are."""
    fetched = {t["table"] for t in tables}
    old_desc = {}
    if (package_dir / "datapackage.yaml").is_file():
        old_desc = yaml.safe_load((package_dir / "datapackage.yaml").read_text(encoding="utf-8")) or {}
    sources = {s["name"]: s for s in old_desc.get("sources") or [] if isinstance(s, dict) and s.get("name")}
    resources = {r["name"]: r for r in old_desc.get("resources") or [] if isinstance(r, dict) and r.get("name", "").startswith("statline_")}
    maten = [r for r in _read_rows(package_dir / "data" / "maten.csv") if r.get("tabel") not in fetched]
    cats = [r for r in _read_rows(package_dir / "data" / "categorieen.csv") if r.get("tabel") not in fetched]
    files: dict[Path, bytes] = {}
    for t in tables:
        table = t["table"]
        sources[source_name(table)] = _source(t, retrieved)
        resources[resource_name(table)] = _resource(t)
        for m in t["measures"]:
            maten.append({"maat": m["maat"], "naam": m["naam"], "eenheid": m["eenheid"], "afronding": m["afronding"],
                          "definitie": m["definitie"], "tabel": table, "statline_key": m["key"]})
            for dim, values in t["categories"].items():
                cats += [{"maat": m["maat"], "categorie": code, "naam": title, "tabel": table, "dimensie": dim} for code, title in values]
        files[package_dir / "data" / f"{resource_name(table)}.csv"] = csv_bytes(DATA_FIELDS, t["rows"])
    order = sorted({r.get("tabel", "") for r in maten})
    maten.sort(key=lambda r: order.index(r.get("tabel", "")))  # stable: StatLine's order within a table
    cats.sort(key=lambda r: order.index(r.get("tabel", "")) if r.get("tabel", "") in order else len(order))
    # one row per (maat, categorie): a code in both dimensions of a table is the same category
    unique: dict[tuple, dict] = {}
    for r in cats:
        unique.setdefault((r["maat"], r["categorie"]), r)
    files[package_dir / "data" / "maten.csv"] = csv_bytes(MATEN_FIELDS, [[r.get(f, "") for f in MATEN_FIELDS] for r in maten])
    files[package_dir / "data" / "categorieen.csv"] = csv_bytes(CATEGORY_FIELDS, [[r.get(f, "") for f in CATEGORY_FIELDS] for r in unique.values()])
    descriptor = {
        "name": PACKAGE,
        "title": "Beleidsinformatie Veilig Thuis (StatLine)",
        "description": ("Adviezen, meldingen, casussen, diensten en overdrachten bij Veilig Thuis, landelijk en per "
                        "Veilig Thuis-regio, zoals het CBS ze op StatLine publiceert (de bijgewerkte cijfers; de "
                        "publicaties zelf staan in cbs-beleidsinformatie-veilig-thuis)."),
        "publisher": "Centraal Bureau voor de Statistiek (CBS)",
        "frequency": "halfjaarlijks",
        "methode": ("Het CBS stelt de Beleidsinformatie Veilig Thuis halfjaarlijks samen uit gegevens die de Veilig "
                    "Thuis-organisaties volgens het Informatieprotocol beleidsinformatie Veilig Thuis (Wmo 2015) "
                    "aanleveren. Aantallen zijn afgerond op vijftallen. Opgehaald met scripts/fetch_statline.py via "
                    "de CBS OData-API; regiocodes, perioden en de status van de cijfers (voorlopig, nader voorlopig, "
                    "definitief) zijn overgenomen zoals StatLine ze geeft."),
        "licenses": [LICENCE],
        "sources": [sources[k] for k in sorted(sources)],
        "resources": [
            {"name": "maten", "title": "Maten (StatLine-onderwerpen)", "path": "data/maten.csv", "schema": {
                "primaryKey": ["maat"],
                "fields": [
                    {"name": "maat", "type": "string", "constraints": {"required": True, "pattern": "[A-Za-z0-9][A-Za-z0-9_.]*"}},
                    {"name": "naam", "type": "string", "constraints": {"required": True}},
                    {"name": "eenheid", "type": "string", "constraints": {"required": True, "enum": sorted(set(UNITS.values()))}},
                    {"name": "afronding", "type": "integer", "description": "Veelvoud waarop de bron aantallen afrondt"},
                    {"name": "definitie", "type": "string", "constraints": {"required": True}},
                    {"name": "tabel", "type": "string", "constraints": {"required": True}},
                    {"name": "statline_key", "type": "string", "constraints": {"required": True}}]}},
            {"name": "categorieen", "title": "Categorieën (StatLine-dimensies)", "path": "data/categorieen.csv", "schema": {
                "primaryKey": ["maat", "categorie"],
                "fields": [
                    {"name": "maat", "type": "string", "constraints": {"required": True}},
                    {"name": "categorie", "type": "string", "constraints": {"required": True}},
                    {"name": "naam", "type": "string", "constraints": {"required": True}},
                    {"name": "tabel", "type": "string", "constraints": {"required": True}},
                    {"name": "dimensie", "type": "string", "constraints": {"required": True}}]}},
            *[resources[k] for k in sorted(resources)],
        ],
    }
    header = ("# Gemaakt door scripts/fetch_statline.py uit CBS StatLine (OData-API); niet met de hand bewerken:\n"
              "# opnieuw ophalen overschrijft dit bestand. Zie README.md, 'Cijfers bijwerken uit StatLine'.\n")
    text = header + yaml.safe_dump(descriptor, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)
    files[package_dir / "datapackage.yaml"] = text.encode("utf-8")
    return files


def check(package_dir: Path, files: dict[Path, bytes]) -> list[Problem]:
    """The project's own checks of data and declarations (build_data.site.build.check_inputs) on a
    temporary copy of datapackages/ with the new files in place, beside the repository's content
    (declarations, themes, catalogue); only errors count."""
    from build_data.load.content import Content
    from build_data.site.build import check_inputs

    datapackages = package_dir.parent
    with tempfile.TemporaryDirectory(prefix="statline-") as scratch:
        root = Path(scratch)
        shutil.copytree(datapackages, root / "datapackages", ignore=shutil.ignore_patterns(".tmp-*"))
        for path, data in files.items():
            target = root / "datapackages" / path.relative_to(datapackages)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        content = Content(ROOT)
        for path in (content.indicators, content.themes):  # a build finds its content under its own root
            target = root / path.relative_to(ROOT)
            if path.is_dir():
                shutil.copytree(path, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
        _, _, found = check_inputs(root)
    return [p for p in found if p.severity == "error"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", action="append", metavar="TABEL",
                        help=f"StatLine-tabel (herhaalbaar; standaard alle: {', '.join(TABLES)})")
    parser.add_argument("--package-dir", type=Path, default=ROOT / "datapackages" / PACKAGE,
                        help=f"map van het datapakket (standaard datapackages/{PACKAGE})")
    parser.add_argument("--retrieved", help="ophaaldatum JJJJ-MM-DD in de bronvermelding (standaard: vandaag)")
    parser.add_argument("--api", default=API, help=f"basisadres van de OData-API (standaard {API})")
    parser.add_argument("--dry-run", action="store_true", help="ophalen en controleren, niets schrijven")
    args = parser.parse_args(argv)
    retrieved = args.retrieved or datetime.date.today().isoformat()
    try:
        datetime.date.fromisoformat(retrieved)
    except ValueError:
        parser.error(f"--retrieved {retrieved!r} is geen datum JJJJ-MM-DD")
    tables = [t.upper() for t in dict.fromkeys(args.table or TABLES)]
    package_dir = args.package_dir.resolve()
    regions_dir = package_dir.parent / "regions"
    if not (regions_dir / "data" / "regios.csv").is_file():
        parser.error(f"{package_dir.parent} bevat geen regions-pakket: --package-dir hoort in datapackages/")
    regions = read_regions(regions_dir)

    fetched, found = [], []
    for table in tables:
        try:
            fetched.append(convert(table, args.api, regions))
        except FetchFailed as exc:
            found += exc.problems
    if found:
        print(format_table(found), file=sys.stderr)
        failed = sorted({p.file.split()[-1].split("/")[0] for p in found})
        print(f"Niets geschreven: {', '.join(failed)} niet volledig of niet te vertalen opgehaald (zie de tabel).", file=sys.stderr)
        return 1
    files = package_files(package_dir, fetched, retrieved)
    errors = check(package_dir, files)
    if errors:
        print(format_table(errors), file=sys.stderr)
        print("Niets geschreven: de opgehaalde cijfers komen niet door de validatie (zie de tabel).", file=sys.stderr)
        return 1
    for t in fetched:
        extra = [f"{n} {OTHER_DIVISIONS[k]} ({k}) niet overgenomen" for k, n in sorted(t["skipped_division"].items())]
        if t["dropped"]:
            extra.append(f"{t['dropped']} lege cellen weggelaten van regio's die in die periode niet bestonden")
        print(f"{t['table']}: {t['received']} rijen in {t['pages']} pagina('s), {len(t['rows'])} cijfers, "
              f"{len(t['measures'])} maten -> data/{resource_name(t['table'])}.csv" + ("; " + "; ".join(extra) if extra else ""))
    shown = package_dir.relative_to(ROOT) if package_dir.is_relative_to(ROOT) else package_dir
    if args.dry_run:
        print(f"Proefdraai: gecontroleerd en in orde, niets geschreven naar {shown}.")
        return 0
    changed = 0
    for path in sorted(files, key=lambda p: p.name == "datapackage.yaml"):  # the descriptor last
        if not path.is_file() or path.read_bytes() != files[path]:
            write_atomic(path, files[path])
            changed += 1
    print(f"Geschreven naar {shown}: {changed} van {len(files)} bestanden gewijzigd (opgehaald op {retrieved}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
