"""Municipalities and their Veilig Thuis region per year, from CBS 'Gebieden in Nederland <jaar>'.

The tables are found in the CBS catalogue by title (<base>/ODataCatalog/Tables; recorded shape:
CBSOData3.jl test/tables_1.json) and read like the Veilig Thuis tables (metadata from the API,
data from the feed). Their columns are pairs Code/Naam inside a topic group per regional division
(cbs.nl table page of 84721NED, 'Gebieden in Nederland 2020': 'Codes en namen van gemeenten Code',
'Lokaliseringen van gemeenten COROP-gebieden Code', ...). A municipality's Veilig Thuis region is
the Code of the topic group whose title mentions Veilig Thuis; a year whose table has no such group
gets an empty column and a note in the report (membership is never guessed)."""

from __future__ import annotations

from ..model.problems import Problem
from ..model.regions import Regions
from . import odata
from .convert import download, text
from .odata import FetchFailed
from .tables import GEBIEDEN_TITLE, STATLINE, VEILIG_THUIS


def find_tables(base: str, years: set[int]) -> tuple[dict[int, dict], list[Problem]]:
    """{year: catalogue entry} for every wanted year; a year without a table is a problem."""
    found: dict[int, dict] = {}
    for entry in odata.catalogue(base, "Gebieden in Nederland"):
        m = GEBIEDEN_TITLE.match(text(entry.get("Title")))
        if not m or int(m["year"]) not in years:
            continue
        year = int(m["year"])
        if year not in found or str(entry.get("Modified", "")) > str(found[year].get("Modified", "")):
            found[year] = entry  # a table replaced by a newer one: the newest
    problems = [Problem("StatLine ODataCatalog/Tables", None, "Title", "statline-not-found",
                        f"geen tabel 'Gebieden in Nederland {y}' in de CBS-catalogus: de gemeenten van {y} zijn niet te controleren")
                for y in sorted(years - set(found))]
    return found, problems


def _topic(props: list[dict], group_id, title: str) -> str | None:
    for p in props:
        if p.get("Type") == "Topic" and p.get("ParentID") == group_id and text(p.get("Title")).casefold() == title:
            return p.get("Key")
    return None


def _groups(props: list[dict]) -> dict:
    return {p.get("ID"): p for p in props if p.get("Type") == "TopicGroup"}


def read_year(base: str, year: int, entry: dict, regions: Regions) -> tuple[dict, list[Problem]]:
    """One year's table: {'year', 'table', 'info', 'rows': [[jaar, gemeente, naam, vt, bron]], 'note'}."""
    table = text(entry.get("Identifier")).upper()
    raw = download(base, table)
    props, where = raw["props"], f"StatLine {table}/DataProperties"
    geo = [p["Key"] for p in props if p.get("Type") in ("GeoDimension", "GeoDetail")]
    if len(geo) != 1:
        raise FetchFailed([Problem(where, None, "Type", "statline-mapping", f"{len(geo)} regiodimensies in {table}, verwacht 1")])
    groups = _groups(props)
    names_group = next((g for g in groups.values() if text(g.get("Title")).casefold().startswith("codes en namen van gemeenten")), None)
    name_key = _topic(props, names_group.get("ID"), "naam") if names_group else None
    vt_groups = [g for g in groups.values() if VEILIG_THUIS.search(text(g.get("Title")))]
    vt_key = _topic(props, vt_groups[0].get("ID"), "code") if len(vt_groups) == 1 else None
    note = ""
    if len(vt_groups) > 1:
        note = f"{table} ({year}) heeft {len(vt_groups)} onderwerpgroepen over Veilig Thuis; de kolom veilig_thuis_regio blijft leeg"
    elif not vt_groups or vt_key is None:
        note = f"{table} ({year}) heeft geen kolom met de Veilig Thuis-regio: veilig_thuis_regio blijft leeg voor {year}"
    titles = {text(v.get("Key")): text(v.get("Title")) for v in raw["dims"][geo[0]]}
    found, rows, seen = [], [], set()
    source = f"gebieden-{year}"
    for i, row in enumerate(raw["rows"], start=1):
        code = text(row.get(geo[0]))
        if code not in titles:
            found.append(Problem(f"StatLine {table}/TypedDataSet", i, geo[0], "statline-incomplete", f"regiocode {code!r} staat niet in de dimensietabel"))
            continue
        if code in seen:
            found.append(Problem(f"StatLine {table}/TypedDataSet", i, geo[0], "statline-incomplete", f"gemeente {code} komt twee keer voor"))
            continue
        seen.add(code)
        if not code.startswith("GM"):
            continue
        naam = text(row.get(name_key)) if name_key else ""
        vt = text(row.get(vt_key)) if vt_key else ""
        if vt and (vt not in regions.by_code or not regions.by_code[vt].valid_in(str(year))
                   and not any(regions.by_code[vt].valid_in(f"{year}-H{h}") for h in (1, 2))):
            found.append(Problem(f"StatLine {table}/TypedDataSet", i, vt_key, "unknown-region",
                                 f"gemeente {code}: Veilig Thuis-regio {vt!r} staat niet (voor {year}) in datapackages/regions"))
        rows.append([str(year), code, naam or titles[code], vt, source])
    missing = set(titles) - seen
    if missing:
        found.append(Problem(f"StatLine {table}/TypedDataSet", None, None, "statline-incomplete",
                             f"{len(missing)} regio's zonder rij, bijvoorbeeld {min(missing)}"))
    if found:
        raise FetchFailed(found)
    rows.sort(key=lambda r: r[1])
    return {"year": year, "table": table, "info": raw["info"], "rows": rows, "note": note, "pages": raw["pages"],
            "source": {"name": source, "title": f"CBS, StatLine-tabel {table}: {text(raw['info'].get('Title')) or f'Gebieden in Nederland {year}'}",
                       "publisher": "Centraal Bureau voor de Statistiek", "path": STATLINE.format(table=table)}}, []


def read_all(base: str, years: set[int], regions: Regions) -> tuple[list[dict], list[Problem]]:
    tables, problems = find_tables(base, years)
    out = []
    for year in sorted(tables):
        try:
            result, _ = read_year(base, year, tables[year], regions)
            out.append(result)
        except FetchFailed as exc:
            problems += exc.problems
    return out, problems


def municipalities(years: list[dict]) -> dict[int, set[str]]:
    return {y["year"]: {r[1] for r in y["rows"]} for y in years}
