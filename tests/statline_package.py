"""A synthetic datapackages/cbs-statline-veilig-thuis/ in the shape of the shared contract
(package 1: what the fetcher writes), for tests only: values are generated at run time and the
package is only ever written into a temporary directory, never into the repository.

Three tables, as the real ones are laid out on StatLine:
- 84847NED (kerncijfers per Veilig Thuis-regio): twelve topics, no extra dimension;
- 84852NED (veiligheidsbeoordeling en -taxatie): topic 'Ontvangen meldingen' with two extra
  dimensions, Veiligheidstaxatie (categorie) and Veiligheidsbeoordeling (groep), each with a
  'Totaal' category (the layout of cbs.nl/nl-nl/cijfers/detail/84852NED; the category titles
  below 'Totaal' are not recorded there and are ours);
- 85361NED (eerdere betrokkenheid): no extra dimension; topics in groups, 'Ontvangen meldingen:
  Ontvangen meldingen, totaal', '…: 1e melding, geen betrokkenen bekend VT', '…: Hermelding:
  Totaal', '…: Vervolgmelding tijdens betrokkenheid VT: Totaal' (as cbs.nl/nl-nl/cijfers/detail/85361NED
  shows them).
The topic keys are synthetic in the StatLine style (Title words joined, '_<n>'). One value is real: Nederland, 1e halfjaar 2020, Ontvangen meldingen = 64 505
(cbs.nl, table page 84852NED), which differs from the 64 425* the Impactmonitor 2020 printed."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import yaml

REAL_NL_2020H1_MELDINGEN = 64505  # cbs.nl/nl-nl/cijfers/detail/84852NED, Nederland, 1e halfjaar 2020

KERNCIJFERS = [  # (topic group path, title)
    ("Adviezen", "Gestarte adviezen"),
    ("Meldingen", "Ontvangen meldingen"),
    ("Casussen", "Actieve casussen"),
    ("Casussen", "Gestarte casussen"),
    ("Casussen", "Gesloten casussen"),
    ("Diensten: Onderzoek", "Actieve diensten onderzoek"),
    ("Diensten: Onderzoek", "Gestarte diensten onderzoek"),
    ("Diensten: Onderzoek", "Gesloten diensten onderzoek"),
    ("Diensten: Voorwaarden en Vervolg", "Actieve diensten Voorwaarden en Vervolg"),
    ("Diensten: Voorwaarden en Vervolg", "Gestarte diensten Voorwaarden en Vervolg"),
    ("Diensten: Voorwaarden en Vervolg", "Gesloten diensten Voorwaarden en Vervolg"),
    ("Overdrachten", "Overdrachten"),
]
# national level per half-year of each topic (roughly the size the publications print)
LEVEL = [58000, 66000, 80000, 51000, 50000, 12000, 9000, 8500, 7000, 4000, 3800, 23000]

TAXATIE = [("T001", "Totaal", ""), ("A045", "Acute onveiligheid", "Onveilig"),
           ("A046", "Structurele onveiligheid", "Onveilig"), ("A047", "Geen acute of structurele onveiligheid", "")]
BEOORDELING = [("T002", "Totaal"), ("B010", "Overdracht"), ("B020", "Dienst onderzoek"), ("B030", "Dienst voorwaarden en vervolg")]
BETROKKENHEID = [  # (topic group path, title, share of all meldingen)
    ("Ontvangen meldingen", "Ontvangen meldingen, totaal", 1.0),
    ("Ontvangen meldingen", "1e melding, geen betrokkenen bekend VT", 0.32),
    ("Ontvangen meldingen: Hermelding", "Totaal", 0.38),
    ("Ontvangen meldingen: Vervolgmelding tijdens betrokkenheid VT", "Totaal", 0.29),
]

TITLES = {"84847NED": "Veilig Thuis; kerncijfers, regio",
          "84852NED": "Veilig Thuis; veiligheidsbeoordeling en -taxatie, regio",
          "85361NED": "Veilig Thuis; meldingen naar eerdere betrokkenheid, regio"}


def default_periods(first: int = 2019, last_half: tuple[int, int] = (2025, 1)) -> list[str]:
    """2019-H1 .. 2025-H1 and every complete year, in StatLine's order (a year after its halves)."""
    out = []
    for year in range(first, last_half[0] + 1):
        for half in (1, 2):
            if (year, half) <= last_half:
                out.append(f"{year}-H{half}")
        if (year, 2) <= last_half:
            out.append(str(year))
    return out


def _regions(regions_csv: Path) -> list[tuple[str, str, str]]:
    with regions_csv.open(encoding="utf-8") as f:
        return [(r["code"], r["geldig_vanaf"], r["geldig_tot"]) for r in csv.DictReader(f) if r["code"].startswith("VT")]


def _key(period: str) -> tuple[int, int]:
    y, _, h = period.partition("-H")
    return int(y), int(h) if h else 3


def _exists(code_from_to: tuple[str, str, str], period: str) -> bool:
    _, start, end = code_from_to
    first, last = ((_key(period)[0], 1), (_key(period)[0], 2)) if "-H" not in period else (_key(period), _key(period))
    return (not start or first >= _key(start)) and (not end or last <= _key(end))


def _status(period: str, periods: list[str]) -> str:
    """The newest half-year and its year are provisional, the one before nader voorlopig."""
    halves = [p for p in periods if "-H" in p]
    if period in halves[-1:] or period == halves[-1][:4]:
        return "*"
    if period in halves[-2:-1] or (len(halves) > 2 and period == halves[-2][:4]):
        return "**"
    return ""


def _csv(header: list[str], rows: list[list]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _round5(x: float) -> int:
    return max(0, int(round(x / 5.0)) * 5)


def write_statline_package(datapackages_dir: Path, periods: list[str] | None = None, seed: int = 14,
                           regions_csv: Path | None = None, missing: int = 3, retrieved: str = "2025-11-01",
                           published: str = "2025-10-30", tables: tuple[str, ...] = ("84847NED", "84852NED", "85361NED"),
                           overrides: dict | None = None) -> Path:
    """Write the package into datapackages_dir/cbs-statline-veilig-thuis (a temporary folder) and
    return its path. `missing` cells of 84847NED become '.' (never in NL01 2020-H1); `overrides`
    sets single values: {(table, title, regio, periode): value}."""
    periods = periods or default_periods()
    regions_csv = regions_csv or datapackages_dir / "regions" / "data" / "regios.csv"
    vt = _regions(regions_csv)
    rnd = random.Random(seed)
    weight = {code: rnd.uniform(0.02, 0.07) for code, _, _ in vt}
    overrides = {(("84847NED", "Ontvangen meldingen", "NL01", "2020-H1")): REAL_NL_2020H1_MELDINGEN, **(overrides or {})}
    out = datapackages_dir / "cbs-statline-veilig-thuis"
    (out / "data").mkdir(parents=True, exist_ok=True)
    maten, cats, sources, resources = [], [], [], []

    def areas(period):
        return ["NL01"] + [r[0] for r in vt if _exists(r, period)]

    def cube(level: float, period: str) -> dict[str, int]:
        """A half-year: every region of the period rounded to 5, NL01 their sum."""
        total = level * (1 + 0.02 * (_key(period)[0] - 2019)) * rnd.uniform(0.97, 1.03)
        codes = [c for c in areas(period) if c != "NL01"]
        share = sum(weight[c] for c in codes)
        vals = {c: _round5(total * weight[c] / share) for c in codes}
        vals["NL01"] = _round5(sum(vals.values()))
        return vals

    for table in tables:
        lower = table.lower()
        rows = []
        if table == "84847NED":
            topics = [(f"{t.title().replace(' ', '')}_{i + 1}", g, t, LEVEL[i]) for i, (g, t) in enumerate(KERNCIJFERS)]
            dims = []
        elif table == "84852NED":
            topics = [("OntvangenMeldingen_1", "Meldingen", "Ontvangen meldingen", 66000)]
            dims = [("Veiligheidstaxatie", TAXATIE), ("Veiligheidsbeoordeling", [(k, n, "") for k, n in BEOORDELING])]
        else:
            topics = [(f"{(g.rpartition(': ')[2] + t).title().replace(' ', '').replace(',', '')}_{i + 1}", g, t, 66000 * s)
                      for i, (g, t, s) in enumerate(BETROKKENHEID)]
            dims = []
        for key, group, title, level in topics:
            maat = f"{table}.{key}"
            maten.append([maat, f"{group}: {title}", title, "aantal", 5, f"{title} (StatLine-tabel {table}).", table, key])
            # every extra dimension's keys: the loader checks categorie and groep against this list
            for dim, values in dims:
                cats += [[maat, k, n, table, dim, g] for k, n, g in values]
            cached = {}
            for period in periods:
                # the year after its halves: the halves are drawn first, so a year is their sum
                vals = cube(level, period) if _key(period)[1] != 3 else {
                    a: cached[f"{period}-H1"][a] + cached[f"{period}-H2"][a]
                    for a in cached.get(f"{period}-H1", {}) if a in cached.get(f"{period}-H2", {})}
                if _key(period)[1] != 3:
                    for (t, tt, a, p), v in overrides.items():
                        if t == table and tt == title and p == period and a in vals:
                            vals[a] = v
                    cached[period] = vals
                status = _status(period, periods)
                for area in areas(period):
                    v = vals.get(area)
                    if not dims:
                        rows.append([area, period, maat, "", "", "" if v is None else str(v), "." if v is None else status])
                        continue
                    first = dims[0][1]
                    rest = dims[1][1] if len(dims) > 1 else [("", "", "")]
                    shares = [1.0] + [rnd.uniform(0.05, 0.4) for _ in first[1:]]
                    for gk, _, _ in rest:
                        gshare = 1.0 if gk in ("", "T002") else rnd.uniform(0.1, 0.5)
                        for (ck, _, _), s in zip(first, shares):
                            x = "" if v is None else str(_round5(v * s * gshare))
                            rows.append([area, period, maat, ck, gk, x, "." if v is None else status])
        if table == "84847NED" and missing:
            # a few '.' cells (never the real value and never Nederland)
            regional = [i for i, r in enumerate(rows) if r[0] != "NL01" and not (r[1] == "2020-H1")]
            for i in rnd.sample(regional, missing):
                rows[i][5], rows[i][6] = "", "."
        (out / "data" / f"statline_{lower}.csv").write_bytes(
            _csv(["regio", "periode", "maat", "categorie", "groep", "waarde", "teken"], rows))
        sources.append({"name": f"statline-{lower}", "title": f"CBS, StatLine-tabel {table}: {TITLES[table]}",
                        "publisher": "Centraal Bureau voor de Statistiek",
                        "path": f"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{table}/table",
                        "published": published, "retrieved": retrieved, "licenses": [{"name": "CC-BY-4.0"}]})
        resources.append({"name": f"statline_{lower}", "title": f"{TITLES[table]} (StatLine-tabel {table})",
                          "path": f"data/statline_{lower}.csv", "bron": f"statline-{lower}", "vindplaats": f"StatLine-tabel {table}",
                          "schema": {"primaryKey": ["regio", "periode", "maat", "categorie", "groep"], "fields": [
                              {"name": "regio", "type": "string", "constraints": {"required": True}},
                              {"name": "periode", "type": "string", "constraints": {"required": True}},
                              {"name": "maat", "type": "string", "constraints": {"required": True}},
                              {"name": "categorie", "type": "string"}, {"name": "groep", "type": "string"},
                              {"name": "waarde", "type": "number"}, {"name": "teken", "type": "string"}]}})
    (out / "data" / "maten.csv").write_bytes(_csv(["maat", "naam", "titel", "eenheid", "afronding", "definitie", "tabel", "statline_key"], maten))
    (out / "data" / "categorieen.csv").write_bytes(_csv(["maat", "categorie", "naam", "tabel", "dimensie", "categoriegroep"], cats))
    descriptor = {
        "name": "cbs-statline-veilig-thuis", "title": "Beleidsinformatie Veilig Thuis (StatLine)",
        "description": "Synthetische testgegevens in de vorm van StatLine (tests/statline_package.py).",
        "publisher": "Centraal Bureau voor de Statistiek (CBS)", "frequency": "halfjaarlijks",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
                      "path": "https://creativecommons.org/licenses/by/4.0/deed.nl"}],
        "sources": sources,
        "resources": [
            {"name": "maten", "title": "Maten (StatLine-onderwerpen)", "path": "data/maten.csv", "schema": {
                "primaryKey": ["maat"], "fields": [{"name": f, "type": "integer" if f == "afronding" else "string"} for f in
                                                   ("maat", "naam", "titel", "eenheid", "afronding", "definitie", "tabel", "statline_key")]}},
            {"name": "categorieen", "title": "Categorieën (StatLine-dimensies)", "path": "data/categorieen.csv", "schema": {
                "primaryKey": ["maat", "categorie"], "fields": [{"name": f, "type": "string"} for f in
                                                                ("maat", "categorie", "naam", "tabel", "dimensie", "categoriegroep")]}},
            *resources]}
    (out / "datapackage.yaml").write_text(yaml.safe_dump(descriptor, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return out
