"""Test data for municipalities, written only into tmp dirs (never into the repository's datapackages/).

- `write_gebieden_package` writes package 2 of the StatLine contract, datapackages/cbs-gebieden-in-nederland:
  data/gemeenten.csv (`jaar,gemeente,naam,veilig_thuis_regio,bron`) with a datapackage.yaml as the fetcher
  writes it (one source per year, resource `gemeenten`).
- `write_statline_package` writes a minimal package 1, datapackages/cbs-statline-veilig-thuis, with one
  measure (`84847NED.OntvangenMeldingen_2`, 'Ontvangen meldingen') for Nederland and the Veilig Thuis regions
  of each period; `add_municipal_rows` adds rows for the municipalities (regio GMxxxx), some of them `.`
  (CBS's secrecy in small municipalities).

The municipalities are real codes and names as CBS publishes them (Amsterdam GM0363, Maastricht GM0935, ...)
with the Veilig Thuis region they belong to, plus one obviously synthetic municipality,
'Testgemeente Mergelland' (GM9901), that exists until 2021 and then disappears (merged, in this test world,
into Maastricht). The membership here is test data: the site takes membership only from the fetched CBS
tables. Every figure is generated (multiples of 5, as CBS rounds these counts) and synthetic."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

GEBIEDEN = "cbs-gebieden-in-nederland"
STATLINE = "cbs-statline-veilig-thuis"
TABLE = "84847NED"
MAAT = f"{TABLE}.OntvangenMeldingen_2"
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
           "path": "https://creativecommons.org/licenses/by/4.0/deed.nl"}

MERGED = "GM9901"  # synthetic; last listed in 2021
# (code, name, VT code until 2022, VT code from 2023, first year, last year)
MUNICIPALITIES = [
    ("GM0363", "Amsterdam", "VT01", "VT01", None, None),
    ("GM0014", "Groningen", "VT08", "VT08", None, None),  # its slug 'groningen' is the region's: groningen-gemeente
    ("GM0344", "Utrecht", "VT20", "VT20", None, None),
    ("GM0935", "Maastricht", "VT25", "VT25", None, None),
    ("GM0917", "Heerlen", "VT25", "VT25", None, None),
    ("GM0928", "Kerkrade", "VT25", "VT25", None, None),
    (MERGED, "Testgemeente Mergelland", "VT25", "VT25", None, 2021),
    ("GM0796", "'s-Hertogenbosch", "VT16", "VT27", None, None),
    ("GM0772", "Eindhoven", "VT26", "VT27", None, None),
    ("GM0855", "Tilburg", "VT15", "VT15", None, None),
]
SECRET = {("GM9901", "2020-H1"), ("GM9901", "2021-H2"), ("GM0928", "2023-H1")}  # '.' in these cells


def _csv(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def gemeenten_rows(years=range(2019, 2026)) -> list[list]:
    rows = []
    for year in years:
        for code, naam, before, after, first, last in MUNICIPALITIES:
            if (first and year < first) or (last and year > last):
                continue
            rows.append([year, code, naam, before if year <= 2022 else after, f"gebieden-{year}"])
    return rows


def write_gebieden_package(datapackages_dir: Path, years=range(2019, 2026), rows: list[list] | None = None) -> Path:
    """Package 2 under datapackages_dir (a tmp dir); `rows` replaces the generated rows (to test slips)."""
    years = list(years)
    pkg = Path(datapackages_dir) / GEBIEDEN
    (pkg / "data").mkdir(parents=True, exist_ok=True)
    data = gemeenten_rows(years) if rows is None else rows
    (pkg / "data" / "gemeenten.csv").write_text(_csv(["jaar", "gemeente", "naam", "veilig_thuis_regio", "bron"], data), encoding="utf-8")
    descriptor = {
        "name": GEBIEDEN,
        "title": "Gemeenten en hun Veilig Thuis-regio per jaar (testpakket)",
        "publisher": "Centraal Bureau voor de Statistiek (CBS)",
        "licenses": [LICENCE],
        "sources": [{"name": f"gebieden-{y}", "title": f"CBS, StatLine-tabel 8{y % 100:02d}00TEST: Gebieden in Nederland {y}",
                     "publisher": "Centraal Bureau voor de Statistiek",
                     "path": f"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/8{y % 100:02d}00TEST/table",
                     "published": f"{y}-03-01", "retrieved": "2026-11-30", "licenses": [{"name": "CC-BY-4.0"}]}
                    for y in years],
        "resources": [{
            "name": "gemeenten", "title": "Gemeenten per jaar met hun Veilig Thuis-regio", "path": "data/gemeenten.csv",
            "schema": {"primaryKey": ["jaar", "gemeente"], "fields": [
                {"name": "jaar", "type": "integer", "constraints": {"required": True}},
                {"name": "gemeente", "type": "string", "constraints": {"required": True, "pattern": "GM[0-9]{4}"}},
                {"name": "naam", "type": "string", "constraints": {"required": True}},
                {"name": "veilig_thuis_regio", "type": "string"},
                {"name": "bron", "type": "string"}]}}],
    }
    (pkg / "datapackage.yaml").write_text(yaml.safe_dump(descriptor, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return pkg


def half_years(first: int = 2019, last: int = 2025) -> list[str]:
    return [f"{y}-H{h}" for y in range(first, last + 1) for h in (1, 2)]


def _value(code: str, i: int) -> int:
    return 5 * (40 + 13 * (sum(map(ord, code)) % 17) + 3 * i)


def _sign(period: str, latest: str) -> str:
    return "*" if period == latest else ""


def write_statline_package(datapackages_dir: Path, regions, periods_: list[str] | None = None) -> Path:
    """A minimal package 1 (Nederland and the Veilig Thuis regions of each period, one measure)."""
    periods_ = periods_ or half_years(2019, 2024)
    pkg = Path(datapackages_dir) / STATLINE
    (pkg / "data").mkdir(parents=True, exist_ok=True)
    rows = []
    for i, period in enumerate(periods_):
        for code in ["NL01"] + [r.code for r in regions.vt_regions(period)]:
            value = _value(code, i) * (30 if code == "NL01" else 1)
            rows.append([code, period, MAAT, "", "", value, _sign(period, periods_[-1])])
    (pkg / "data" / f"statline_{TABLE.lower()}.csv").write_text(
        _csv(["regio", "periode", "maat", "categorie", "groep", "waarde", "teken"], rows), encoding="utf-8")
    (pkg / "data" / "maten.csv").write_text(_csv(
        ["maat", "naam", "titel", "eenheid", "afronding", "definitie", "tabel", "statline_key"],
        [[MAAT, "Meldingen: Ontvangen meldingen", "Ontvangen meldingen", "aantal", 5,
          "Testomschrijving van ontvangen meldingen.", TABLE, "OntvangenMeldingen_2"]]), encoding="utf-8")
    (pkg / "data" / "categorieen.csv").write_text(
        _csv(["maat", "categorie", "naam", "tabel", "dimensie", "categoriegroep"], []), encoding="utf-8")
    source = f"statline-{TABLE.lower()}"
    descriptor = {
        "name": STATLINE, "title": "Beleidsinformatie Veilig Thuis (StatLine, testpakket)",
        "publisher": "Centraal Bureau voor de Statistiek (CBS)", "licenses": [LICENCE],
        "sources": [{"name": source, "title": f"CBS, StatLine-tabel {TABLE}: Huiselijk geweld; kerncijfers Veilig Thuis, regio (testtabel)",
                     "publisher": "Centraal Bureau voor de Statistiek",
                     "path": f"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{TABLE}/table",
                     "published": "2026-10-30", "retrieved": "2026-11-30", "licenses": [{"name": "CC-BY-4.0"}]}],
        "resources": [
            {"name": "maten", "path": "data/maten.csv", "schema": {"primaryKey": ["maat"], "fields": [
                {"name": n, "type": "integer" if n == "afronding" else "string"}
                for n in ("maat", "naam", "titel", "eenheid", "afronding", "definitie", "tabel", "statline_key")]}},
            {"name": "categorieen", "path": "data/categorieen.csv", "schema": {"fields": [
                {"name": n, "type": "string"} for n in ("maat", "categorie", "naam", "tabel", "dimensie", "categoriegroep")]}},
            {"name": f"statline_{TABLE.lower()}", "path": f"data/statline_{TABLE.lower()}.csv", "bron": source,
             "vindplaats": f"StatLine-tabel {TABLE}",
             "schema": {"primaryKey": ["regio", "periode", "maat", "categorie", "groep"], "fields": [
                 {"name": "regio", "type": "string", "constraints": {"required": True}},
                 {"name": "periode", "type": "string", "constraints": {"required": True}},
                 {"name": "maat", "type": "string", "constraints": {"required": True}},
                 {"name": "categorie", "type": "string"}, {"name": "groep", "type": "string"},
                 {"name": "waarde", "type": "number"}, {"name": "teken", "type": "string"}]}},
        ],
    }
    (pkg / "datapackage.yaml").write_text(yaml.safe_dump(descriptor, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return pkg


def municipal_rows(periods_: list[str], codes_by_year: dict[int, list[str]]) -> list[list]:
    """Rows of package 1 for the municipalities listed in each period's year; SECRET cells are '.'."""
    rows = []
    for i, period in enumerate(periods_):
        for code in codes_by_year.get(int(period[:4]), []):
            if (code, period) in SECRET:
                rows.append([code, period, MAAT, "", "", "", "."])
            else:
                rows.append([code, period, MAAT, "", "", 5 * (8 + 3 * (sum(map(ord, code)) % 11) + i), _sign(period, periods_[-1])])
    return rows


def add_municipal_rows(statline_dir: Path, periods_: list[str] | None = None, years=range(2019, 2026)) -> list[list]:
    """Append GM rows (of the municipalities of gemeenten_rows) to package 1's data file; returns them."""
    periods_ = periods_ or half_years(2019, 2024)
    by_year: dict[int, list[str]] = {}
    for year, code, *_ in gemeenten_rows(years):
        by_year.setdefault(year, []).append(code)
    rows = municipal_rows(periods_, by_year)
    path = Path(statline_dir) / "data" / f"statline_{TABLE.lower()}.csv"
    with path.open("a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return rows
