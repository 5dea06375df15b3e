"""One StatLine table: download (metadata from the API, data from the feed, the metadata read
again after the data) and conversion into rows of the package format, with every check of
completeness. Nothing is half-converted: a problem raises FetchFailed with every problem found.

Completeness never relies on TableInfos.RecordCount (recorded TableInfos carry none; CBSOData3.jl
test/meta_2.json): every combination of the dimension keys must be present exactly once (the cube
is the product of the dimension tables), the last page has no nextLink, and DataProperties and
the dimension keys read again after the data must equal those read before."""

from __future__ import annotations

import itertools

from ..model import periods
from ..model.problems import Problem
from ..model.regions import NATIONAL, Regions
from . import odata
from .odata import FetchFailed
from .tables import DIMENSION_TYPES, OTHER_DIVISIONS, PERIOD, STATUS, TABLES, UNITS


def text(value) -> str:
    return " ".join(str(value or "").split())


def period_key(key: str) -> str | None:
    """'2020HJ01' -> '2020-H1', '2020JJ00' -> '2020'; None for any other kind (quarters, months)."""
    m = PERIOD.match(key)
    if not m:
        return None
    if m["kind"] == "JJ":
        return m["year"] if m["n"] == "00" else None
    return f"{m['year']}-H{int(m['n'])}" if m["n"] in ("01", "02") else None


def number_text(value, decimals: int) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(value)
    if decimals <= 0:
        if float(value) != int(value):
            return repr(float(value))  # more precise than declared: kept as sent
        return str(int(value))
    return f"{float(value):.{decimals}f}"


def _dims(props: list[dict]) -> list[dict]:
    return [p for p in props if p.get("Type") in DIMENSION_TYPES]


def _shape(props: list[dict], dim_values: dict) -> tuple:
    """What must not change between the metadata read before and after the data."""
    return (tuple((p.get("Type"), p.get("Key"), p.get("ID")) for p in props),
            tuple((k, tuple(text(v.get("Key")) for v in vs)) for k, vs in sorted(dim_values.items())))


def download(base: str, table: str) -> dict:
    """Everything of one table, in memory: metadata (API), data (feed), metadata again (API)."""
    info = odata.metadata(base, table, "TableInfos")
    if len(info) != 1:
        raise FetchFailed([Problem(f"StatLine {table}/TableInfos", None, None, "statline-download", f"{len(info)} rijen in TableInfos, verwacht 1")])
    props = odata.metadata(base, table, "DataProperties")
    dims = {d["Key"]: odata.metadata(base, table, d["Key"]) for d in _dims(props)}
    groups = odata.metadata(base, table, "CategoryGroups")
    rows, pages = odata.data(base, table)
    props_after = odata.metadata(base, table, "DataProperties")
    dims_after = {d["Key"]: odata.metadata(base, table, d["Key"]) for d in _dims(props_after)}
    if _shape(props, dims) != _shape(props_after, dims_after):
        changed = [k for k in sorted(set(dims) | set(dims_after))
                   if [text(v.get("Key")) for v in dims.get(k, [])] != [text(v.get("Key")) for v in dims_after.get(k, [])]]
        what = ("DataProperties" if _shape(props, {})[0] != _shape(props_after, {})[0] else "") or ", ".join(changed)
        raise FetchFailed([Problem(f"StatLine {table}", None, None, "statline-incomplete",
                                   f"de metadata veranderde tijdens de download ({what} na de data anders dan ervoor): "
                                   "StatLine werd waarschijnlijk net bijgewerkt")])
    return {"table": table, "info": info[0], "props": props, "dims": dims, "groups": groups, "rows": rows, "pages": pages}


def structure(raw: dict, regions: Regions) -> dict:
    """The table's measures, dimensions, periods and regions from its metadata."""
    table, props, dim_values = raw["table"], raw["props"], raw["dims"]
    where = f"StatLine {table}/DataProperties"
    found: list[Problem] = []
    topic_groups = {p.get("ID"): p for p in props if p.get("Type") == "TopicGroup"}
    dims = _dims(props)
    geo = [p for p in dims if p.get("Type") in ("GeoDimension", "GeoDetail")]
    time = [p for p in dims if p.get("Type") == "TimeDimension"]
    other = [p for p in dims if p.get("Type") == "Dimension"]
    if len(time) != 1:
        found.append(Problem(where, None, "Type", "statline-mapping", f"{len(time)} tijddimensies, verwacht 1"))
    if len(geo) > 1:
        found.append(Problem(where, None, "Type", "statline-mapping", f"{len(geo)} regiodimensies, verwacht hooguit 1"))
    if found:
        raise FetchFailed(found)
    measures = []
    for i, p in enumerate(props, start=1):
        if p.get("Type") != "Topic":
            continue
        key, title = text(p.get("Key")), text(p.get("Title"))
        path, parent = [], topic_groups.get(p.get("ParentID"))
        while parent is not None and len(path) < 10:
            path.insert(0, text(parent.get("Title")))
            parent = topic_groups.get(parent.get("ParentID"))
        unit = UNITS.get(text(p.get("Unit")).casefold())
        if unit is None:
            found.append(Problem(where, i, "Unit", "statline-mapping", f"maat {key}: eenheid {p.get('Unit')!r} is onbekend"))
        try:
            decimals = int(p.get("Decimals") or 0)
        except (TypeError, ValueError):
            decimals = 0
            found.append(Problem(where, i, "Decimals", "statline-mapping", f"maat {key}: Decimals {p.get('Decimals')!r} is geen getal"))
        full = ": ".join(path + [title])
        measures.append({"key": key, "maat": f"{table}.{key}", "naam": full, "titel": title, "eenheid": unit or "",
                         "afronding": str(TABLES.get(table, {}).get("afronding", "")) if unit == "aantal" else "",
                         "definitie": text(p.get("Description")) or full, "decimals": decimals})
    if not measures:
        found.append(Problem(where, None, "Type", "statline-mapping", "de tabel heeft geen onderwerpen (Topic)"))

    tkey = time[0]["Key"]
    period_of, status_of = {}, {}
    for i, v in enumerate(dim_values[tkey], start=1):
        key = text(v.get("Key"))
        period = period_key(key)
        if period is None:
            found.append(Problem(f"StatLine {table}/{tkey}", i, "Key", "statline-mapping",
                                 f"periode {key!r} is geen halfjaar (2020HJ01) of jaar (2020JJ00)"))
        status = text(v.get("Status"))
        if status not in STATUS:
            found.append(Problem(f"StatLine {table}/{tkey}", i, "Status", "statline-mapping",
                                 f"status {v.get('Status')!r} van periode {key} is niet Definitief, Voorlopig of Nader voorlopig"))
        period_of[key], status_of[key] = period, STATUS.get(status, "")
    halves = sorted({periods.sort_key(p) for p in period_of.values() if p and periods.is_half_year(p)})
    for (y0, h0), (y1, h1) in itertools.pairwise(halves):
        if (y1, h1) != ((y0, 2) if h0 == 1 else (y0 + 1, 1)):
            found.append(Problem(f"StatLine {table}/{tkey}", None, "Key", "statline-incomplete",
                                 f"halfjaren ontbreken tussen {y0}-H{h0} en {y1}-H{h1}"))

    gkey = geo[0]["Key"] if geo else None
    region_of, skipped = {}, {}
    for i, v in enumerate(dim_values.get(gkey, []), start=1):
        code = text(v.get("Key"))
        if code in regions.by_code or code.startswith("GM"):
            region_of[code] = code
        elif code[:2] in OTHER_DIVISIONS:
            skipped[code[:2]] = skipped.get(code[:2], 0) + 1
        else:
            found.append(Problem(f"StatLine {table}/{gkey}", i, "Key", "unknown-region",
                                 f"regiocode {code!r} ({text(v.get('Title'))}) staat niet in datapackages/regions/data/regios.csv"))
    if gkey is None:
        region_of[""] = NATIONAL  # a table without a region dimension describes Nederland
    cat_groups = {g.get("ID"): text(g.get("Title")) for g in raw.get("groups") or []}
    categories = {d["Key"]: [(text(v.get("Key")), text(v.get("Title")), cat_groups.get(v.get("CategoryGroupID"), ""))
                             for v in dim_values[d["Key"]]] for d in other}
    if found:
        raise FetchFailed(found)
    return {"measures": measures, "tkey": tkey, "gkey": gkey, "other": [d["Key"] for d in other], "dim_keys": [d["Key"] for d in dims],
            "period_of": period_of, "status_of": status_of, "region_of": region_of, "skipped": skipped, "categories": categories}


def _check_complete(raw: dict, s: dict) -> list[Problem]:
    """Every combination of dimension keys exactly once, no key outside the dimension tables."""
    table, data, dims = raw["table"], raw["rows"], raw["dims"]
    where = f"StatLine {table}/TypedDataSet"
    keys = s["dim_keys"]
    known = {k: {text(v.get("Key")) for v in dims[k]} for k in keys}
    found, seen = [], {}
    for i, row in enumerate(data, start=1):
        combo = tuple(text(row.get(k)) for k in keys)
        unknown = [f"{k}={c!r}" for k, c in zip(keys, combo) if c not in known[k]]
        if unknown:
            found.append(Problem(where, i, None, "statline-incomplete",
                                 f"rij {i} noemt een code die niet in de dimensietabellen staat ({', '.join(unknown)})"))
        elif combo in seen:
            found.append(Problem(where, i, None, "statline-incomplete", f"rij {i} herhaalt rij {seen[combo]} ({', '.join(combo)})"))
        seen.setdefault(combo, i)
        if len(found) >= 20:
            break
    wanted = 1
    for k in keys:
        wanted *= len(known[k])
    present = sum(1 for c in seen if all(x in known[k] for k, x in zip(keys, c)))
    if present < wanted and not found:
        example = _first_missing(keys, dims, seen)
        found.append(Problem(where, None, None, "statline-incomplete",
                             f"{len(data)} rijen in {raw['pages']} pagina('s), {wanted - present} van de {wanted} combinaties van "
                             f"{', '.join(keys)} ontbreken, bijvoorbeeld {', '.join(example)}"))
    return found


def _first_missing(keys, dims, seen) -> tuple:
    def walk(prefix, rest):
        if not rest:
            return prefix if prefix not in seen else None
        for v in dims[rest[0]]:
            hit = walk(prefix + (text(v.get("Key")),), rest[1:])
            if hit:
                return hit
        return None
    return walk((), list(keys)) or ()


def year_of(period: str) -> int:
    return int(period[:4])


def convert(raw: dict, regions: Regions, municipalities: dict[int, set[str]] | None) -> dict:
    """Rows of the package format. `municipalities`: per year the GM codes of that year's
    Gebieden table (None: the table has no municipalities to check)."""
    table = raw["table"]
    s = structure(raw, regions)
    found = _check_complete(raw, s)
    where = f"StatLine {table}/TypedDataSet"
    period_of, status_of, region_of, measures = s["period_of"], s["status_of"], s["region_of"], s["measures"]
    regional = any(c.startswith("VT") for c in region_of)
    for key, period in sorted(period_of.items()):
        need = {NATIONAL} | ({r.code for r in regions.regional(period) if r.soort == "veilig-thuis-regio"} if regional else set())
        absent = sorted(need - set(region_of.values()))
        if absent:
            found.append(Problem(f"StatLine {table}/{s['gkey'] or 'RegioS'}", None, "Key", "statline-incomplete",
                                 f"periode {key}: regio's {', '.join(absent)} ontbreken in de tabel"))
    if found:
        raise FetchFailed(found)
    period_order = {k: i for i, k in enumerate(sorted(period_of, key=lambda k: periods.sort_key(period_of[k])))}
    region_order = {c: i for i, c in enumerate(sorted(region_of, key=lambda c: (c != NATIONAL, not c.startswith("VT"), c)))}
    cat_order = {k: {c: i for i, (c, _, _) in enumerate(v)} for k, v in s["categories"].items()}
    other, gkey, tkey = s["other"], s["gkey"], s["tkey"]
    out, dropped, gm_missing = [], 0, {}
    for i, row in enumerate(raw["rows"], start=1):
        rkey = text(row.get(gkey)) if gkey else ""
        if rkey not in region_of:
            continue  # another division (counted)
        pkey = text(row.get(tkey))
        code, period = region_of[rkey], period_of[pkey]
        values = [row.get(m["key"]) for m in measures]
        empty = all(v is None for v in values)
        if code.startswith("GM"):
            known = municipalities.get(year_of(period)) if municipalities is not None else None
            if known is not None and code not in known:
                if empty:
                    dropped += len(measures)
                    continue
                gm_missing.setdefault(code, set()).add(year_of(period))
                continue
        elif not regions.by_code[code].valid_in(period) and empty:
            dropped += len(measures)  # StatLine's full cube: a region that did not exist yet / any more
            continue
        cats = [text(row.get(k)) for k in other]
        for j, (m, value) in enumerate(zip(measures, values)):
            if value is None:
                waarde, teken = "", "."
            else:
                try:
                    waarde, teken = number_text(value, m["decimals"]), status_of[pkey]
                except ValueError:
                    found.append(Problem(where, i, m["key"], "statline-download", f"waarde {value!r} is geen getal"))
                    continue
            sort = (period_order[pkey], region_order[rkey], j, *[cat_order[k][c] for k, c in zip(other, cats)])
            out.append((sort, [code, period, m["maat"], cats[0] if cats else "", "+".join(cats[1:]), waarde, teken]))
    for code, years in sorted(gm_missing.items()):
        found.append(Problem(f"StatLine {table}/{gkey}", None, "Key", "unknown-region",
                             f"gemeente {code} heeft cijfers in {', '.join(map(str, sorted(years)))}, maar staat niet in "
                             "'Gebieden in Nederland' van dat jaar"))
    if found:
        raise FetchFailed(found)
    out.sort(key=lambda r: r[0])
    gm = {r[1][0] for r in out if r[1][0].startswith("GM")}
    return {"table": table, "info": raw["info"], "measures": measures, "categories": s["categories"],
            "rows": [r for _, r in out], "received": len(raw["rows"]), "pages": raw["pages"],
            "skipped_division": s["skipped"], "dropped": dropped, "municipalities": len(gm),
            "years": sorted({year_of(p) for p in period_of.values() if p})}


def years_of(raw: dict) -> set[int]:
    """The years a downloaded table covers (from its time dimension)."""
    props = raw["props"]
    time = [p["Key"] for p in props if p.get("Type") == "TimeDimension"]
    out = set()
    for k in time:
        for v in raw["dims"].get(k, []):
            p = period_key(text(v.get("Key")))
            if p:
                out.add(year_of(p))
    return out


def has_municipalities(raw: dict) -> bool:
    geo = [p["Key"] for p in raw["props"] if p.get("Type") in ("GeoDimension", "GeoDetail")]
    return any(text(v.get("Key")).startswith("GM") for k in geo for v in raw["dims"].get(k, []))
