"""The files of both data packages after a fetch (in memory), and their validation with the
project's own checks (build_data.site.build.check_inputs) on a temporary copy of datapackages/."""

from __future__ import annotations

import csv
import io
import re
import shutil
import tempfile
from pathlib import Path

import yaml

from ..model.problems import Problem
from .convert import text
from .tables import GEBIEDEN_PACKAGE, LICENCE, PACKAGE, STATLINE, UNITS

MATEN_FIELDS = ["maat", "naam", "titel", "eenheid", "afronding", "definitie", "tabel", "statline_key"]
CATEGORY_FIELDS = ["maat", "categorie", "naam", "tabel", "dimensie", "categoriegroep"]
DATA_FIELDS = ["regio", "periode", "maat", "categorie", "groep", "waarde", "teken"]
GEMEENTEN_FIELDS = ["jaar", "gemeente", "naam", "veilig_thuis_regio", "bron"]
HEADER = ("# Gemaakt door scripts/fetch_statline.py uit CBS StatLine (OData); niet met de hand bewerken:\n"
          "# opnieuw ophalen overschrijft dit bestand. Zie README.md, 'Cijfers bijwerken uit StatLine'.\n")


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


def date(value) -> str:
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", str(value or ""))
    return m.group(1) if m else ""


def _source(name: str, title: str, table: str, info: dict, retrieved: str) -> dict:
    src = {"name": name, "title": title, "publisher": "Centraal Bureau voor de Statistiek", "path": STATLINE.format(table=table)}
    if date(info.get("Modified")):
        src["published"] = date(info.get("Modified"))  # the table's last change on StatLine
    src["retrieved"] = retrieved
    src["licenses"] = [{"name": LICENCE["name"]}]
    return src


def _resource(t: dict) -> dict:
    info, table = t["info"], t["table"]
    res = {"name": resource_name(table), "title": f"{text(info.get('Title')) or table} (StatLine-tabel {table})",
           "path": f"data/{resource_name(table)}.csv", "bron": source_name(table), "vindplaats": f"StatLine-tabel {table}"}
    if text(info.get("ShortDescription")):
        res["description"] = text(info.get("ShortDescription"))
    dims = list(t["categories"])
    res["schema"] = {
        "primaryKey": ["regio", "periode", "maat", "categorie", "groep"],
        "fields": [
            {"name": "regio", "type": "string", "constraints": {"required": True}, "description": "CBS-regiocode (NL01, VT01, GM0363 ...)"},
            {"name": "periode", "type": "string", "constraints": {"required": True}},
            {"name": "maat", "type": "string", "constraints": {"required": True}},
            {"name": "categorie", "type": "string", **({"description": f"StatLine-dimensie {dims[0]}"} if dims else {})},
            {"name": "groep", "type": "string", **({"description": "StatLine-dimensie " + " + ".join(dims[1:])} if len(dims) > 1 else {})},
            {"name": "waarde", "type": "number"},
            {"name": "teken", "type": "string", "description": "CBS-teken: leeg (definitief), * voorlopig, ** nader voorlopig, . onbekend of geheim"},
        ]}
    return res


def _category_rows(t: dict, m: dict) -> list[dict]:
    """One row per category key of the first extra dimension (with its category group); the keys
    of further dimensions too (validation knows `groep` values from this file), joined with '+'
    when there are more than two."""
    dims = list(t["categories"].items())
    if not dims:
        return []
    rows = [{"maat": m["maat"], "categorie": c, "naam": n, "tabel": t["table"], "dimensie": dims[0][0], "categoriegroep": g}
            for c, n, g in dims[0][1]]
    if len(dims) == 2:
        rows += [{"maat": m["maat"], "categorie": c, "naam": n, "tabel": t["table"], "dimensie": dims[1][0], "categoriegroep": g}
                 for c, n, g in dims[1][1]]
    elif len(dims) > 2:
        combos = [([], [])]
        for _, values in dims[1:]:
            combos = [(k + [c], n + [nm]) for k, n in combos for c, nm, _ in values]
        rows += [{"maat": m["maat"], "categorie": "+".join(k), "naam": " + ".join(n), "tabel": t["table"],
                  "dimensie": "+".join(d for d, _ in dims[1:]), "categoriegroep": ""} for k, n in combos]
    return rows


def statline_files(package_dir: Path, tables: list[dict], retrieved: str) -> dict[Path, bytes]:
    """Every file of package 1 after this fetch: the fetched tables replace their own rows,
    resources and sources; tables fetched earlier stay as they are."""
    fetched = {t["table"] for t in tables}
    old = {}
    if (package_dir / "datapackage.yaml").is_file():
        old = yaml.safe_load((package_dir / "datapackage.yaml").read_text(encoding="utf-8")) or {}
    sources = {s["name"]: s for s in old.get("sources") or [] if isinstance(s, dict) and s.get("name")}
    resources = {r["name"]: r for r in old.get("resources") or [] if isinstance(r, dict) and r.get("name", "").startswith("statline_")}
    maten = [r for r in _read_rows(package_dir / "data" / "maten.csv") if r.get("tabel") not in fetched]
    cats = [r for r in _read_rows(package_dir / "data" / "categorieen.csv") if r.get("tabel") not in fetched]
    files: dict[Path, bytes] = {}
    for t in tables:
        table = t["table"]
        sources[source_name(table)] = _source(source_name(table), f"CBS, StatLine-tabel {table}: {text(t['info'].get('Title')) or table}",
                                              table, t["info"], retrieved)
        resources[resource_name(table)] = _resource(t)
        for m in t["measures"]:
            maten.append({"maat": m["maat"], "naam": m["naam"], "titel": m["titel"], "eenheid": m["eenheid"], "afronding": m["afronding"],
                          "definitie": m["definitie"], "tabel": table, "statline_key": m["key"]})
            cats += _category_rows(t, m)
        files[package_dir / "data" / f"{resource_name(table)}.csv"] = csv_bytes(DATA_FIELDS, t["rows"])
    order = sorted({r.get("tabel", "") for r in maten} | {r.get("tabel", "") for r in cats})
    maten.sort(key=lambda r: order.index(r.get("tabel", "")))  # stable: StatLine's order within a table
    cats.sort(key=lambda r: order.index(r.get("tabel", "")))
    unique: dict[tuple, dict] = {}
    for r in cats:  # one row per (maat, dimensie, categorie): one key can stand in two dimensions of a table
        unique.setdefault((r["maat"], r.get("dimensie", ""), r["categorie"]), r)
    files[package_dir / "data" / "maten.csv"] = csv_bytes(MATEN_FIELDS, [[r.get(f, "") for f in MATEN_FIELDS] for r in maten])
    files[package_dir / "data" / "categorieen.csv"] = csv_bytes(CATEGORY_FIELDS, [[r.get(f, "") for f in CATEGORY_FIELDS] for r in unique.values()])
    s = lambda name, **kw: {"name": name, "type": "string", **kw}
    req = {"constraints": {"required": True}}
    descriptor = {
        "name": PACKAGE,
        "title": "Beleidsinformatie Veilig Thuis (StatLine)",
        "description": ("Adviezen, meldingen, casussen, diensten en overdrachten bij Veilig Thuis, landelijk, per "
                        "Veilig Thuis-regio en per gemeente, zoals het CBS ze op StatLine publiceert (de bijgewerkte "
                        "cijfers; de publicaties zelf staan in cbs-beleidsinformatie-veilig-thuis)."),
        "publisher": "Centraal Bureau voor de Statistiek (CBS)",
        "frequency": "halfjaarlijks",
        "methode": ("Het CBS stelt de Beleidsinformatie Veilig Thuis halfjaarlijks samen uit gegevens die de Veilig "
                    "Thuis-organisaties volgens het Informatieprotocol beleidsinformatie Veilig Thuis (Wmo 2015) "
                    "aanleveren. Aantallen zijn afgerond op vijftallen. Opgehaald met scripts/fetch_statline.py: de "
                    "metadata via de CBS ODataApi, de cijfers via de ODataFeed; regiocodes, perioden en de status "
                    "van de cijfers (voorlopig, nader voorlopig, definitief) zijn overgenomen zoals StatLine ze geeft."),
        "licenses": [LICENCE],
        "sources": [sources[k] for k in sorted(sources)],
        "resources": [
            {"name": "maten", "title": "Maten (StatLine-onderwerpen)", "path": "data/maten.csv", "schema": {
                "primaryKey": ["maat"],
                "fields": [s("maat", constraints={"required": True, "pattern": "[A-Za-z0-9][A-Za-z0-9_.]*"}),
                           s("naam", **req, description="Onderwerpgroep(en) en titel, gescheiden door ': '"), s("titel", **req),
                           s("eenheid", constraints={"required": True, "enum": sorted(set(UNITS.values()))}),
                           {"name": "afronding", "type": "integer", "description": "Veelvoud waarop de bron aantallen afrondt"},
                           s("definitie", **req), s("tabel", **req), s("statline_key", **req)]}},
            {"name": "categorieen", "title": "Categorieën (StatLine-dimensies)", "path": "data/categorieen.csv", "schema": {
                "primaryKey": ["maat", "dimensie", "categorie"],
                "fields": [s("maat", **req), s("categorie", **req), s("naam", **req), s("tabel", **req), s("dimensie", **req),
                           s("categoriegroep", description="Titel van de CategoryGroup van de categorie op StatLine")]}},
            *[resources[k] for k in sorted(resources)],
        ],
    }
    text_ = HEADER + yaml.safe_dump(descriptor, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)
    files[package_dir / "datapackage.yaml"] = text_.encode("utf-8")
    return files


def gebieden_files(package_dir: Path, years: list[dict], retrieved: str) -> dict[Path, bytes]:
    """Package 2: every municipality per year with its Veilig Thuis region, one source per year."""
    rows = [r for y in sorted(years, key=lambda y: y["year"]) for r in y["rows"]]
    sources = [_source(y["source"]["name"], y["source"]["title"], y["table"], y["info"], retrieved)
               for y in sorted(years, key=lambda y: y["year"])]
    descriptor = {
        "name": GEBIEDEN_PACKAGE,
        "title": "Gemeenten en hun Veilig Thuis-regio per jaar (CBS, Gebieden in Nederland)",
        "description": ("Per jaar elke gemeente (code en naam) en de code van de Veilig Thuis-regio waartoe ze dat jaar "
                        "behoort, uit de CBS-tabellen 'Gebieden in Nederland <jaar>'. Leeg waar de tabel van dat jaar "
                        "geen Veilig Thuis-regio noemt."),
        "publisher": "Centraal Bureau voor de Statistiek (CBS)",
        "licenses": [LICENCE],
        "sources": sources,
        "resources": [{"name": "gemeenten", "title": "Gemeenten per jaar", "path": "data/gemeenten.csv",
                       "bron": sources[0]["name"] if len(sources) == 1 else None,
                       "schema": {"primaryKey": ["jaar", "gemeente"], "fields": [
                           {"name": "jaar", "type": "integer", "constraints": {"required": True}},
                           {"name": "gemeente", "type": "string", "constraints": {"required": True, "pattern": "GM[0-9]{4}"}},
                           {"name": "naam", "type": "string", "constraints": {"required": True}},
                           {"name": "veilig_thuis_regio", "type": "string", "constraints": {"pattern": "VT[0-9]{2}"}},
                           {"name": "bron", "type": "string", "constraints": {"required": True, "enum": [s["name"] for s in sources]},
                            "description": "De bron (sources) van de rij: de tabel van dat jaar"}]}}],
    }
    if descriptor["resources"][0]["bron"] is None:
        del descriptor["resources"][0]["bron"]
    text_ = HEADER + yaml.safe_dump(descriptor, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)
    return {package_dir / "data" / "gemeenten.csv": csv_bytes(GEMEENTEN_FIELDS, rows),
            package_dir / "datapackage.yaml": text_.encode("utf-8")}


def check(datapackages: Path, files: dict[Path, bytes], root: Path) -> list[Problem]:
    """The project's own checks of data and declarations on a temporary copy of datapackages/ with
    the new files in place, beside the repository's content (declarations, themes, catalogue)."""
    from ..load.content import Content
    from ..site.build import check_inputs

    with tempfile.TemporaryDirectory(prefix="statline-") as scratch:
        tmp = Path(scratch)
        shutil.copytree(datapackages, tmp / "datapackages", ignore=shutil.ignore_patterns(".tmp-*"))
        for path, data in files.items():
            target = tmp / "datapackages" / path.relative_to(datapackages)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        content = Content(root)
        for path in (content.indicators, content.themes):  # a build finds its content under its own root
            target = tmp / path.relative_to(root)
            if path.is_dir():
                shutil.copytree(path, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
        _, _, found = check_inputs(tmp)
    return [p for p in found if p.severity == "error"]
