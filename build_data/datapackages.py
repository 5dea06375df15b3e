"""Load and validate the data packages in datapackages/<source>/.

Validation = frictionless (schema, types, keys) + the project's own rules (regions known and
valid in the period, periods well-formed, CBS symbols consistent with values, measures and
categories declared, sums and parts consistent with published totals, every resource cited).
All problems are collected; nothing stops at the first one.

Every observation row carries its provenance (package, resource, file, row, source title,
place in the publication) from here on, so no output needs to retype a citation."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

import frictionless
import pandas as pd
import yaml

from . import periods, revisions, symbols
from .formatting import QUALIFIERS
from .problems import Problem
from .regions import NATIONAL, Regions

SYMBOLS = set(symbols.SYMBOLS)  # '', '*', '**', '.', 'x', '–', 'blank' (build_data.symbols)
VALUE_SYMBOLS = symbols.VALUE  # a value is present
MISSING_SYMBOLS = symbols.MISSING  # no value; '–' is nil (zero), 'blank' cannot occur
OBSERVATION_FIELDS = {"regio", "periode", "maat", "waarde"}


@dataclass
class Package:
    name: str
    dir: Path
    descriptor: dict
    sources: dict[str, dict]
    measures: pd.DataFrame  # index: maat
    categories: pd.DataFrame  # columns maat, categorie, naam
    observations: pd.DataFrame
    resources: list[dict] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.descriptor.get("title", self.name)

    @property
    def licenses(self) -> list[dict]:
        return self.descriptor.get("licenses", [])


@dataclass
class Catalog:
    root: Path
    regions: Regions
    packages: dict[str, Package]
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _descriptor_path(package_dir: Path) -> Path | None:
    for name in ("datapackage.yaml", "datapackage.yml", "datapackage.json"):
        if (package_dir / name).exists():
            return package_dir / name
    return None


def _frictionless_problems(descriptor_path: Path, root: Path) -> list[Problem]:
    problems = []
    try:
        report = frictionless.validate(str(descriptor_path))
    except Exception as exc:  # a descriptor frictionless cannot even open
        return [Problem(_rel(descriptor_path, root), None, None, "invalid-descriptor", str(exc))]
    for task in report.tasks:
        file = _rel(descriptor_path.parent / task.place, root) if task.place else _rel(descriptor_path, root)
        for err in task.errors:
            problems.append(
                Problem(file, getattr(err, "row_number", None), getattr(err, "field_name", None), err.type, err.message)
            )
    for err in report.errors:
        problems.append(Problem(_rel(descriptor_path, root), None, None, "invalid-descriptor", err.message))
    return problems


def _read_csv(path: Path) -> pd.DataFrame:
    """All cells as text. Lenient about ragged rows: frictionless reports those itself."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0] if rows else []
    body = [(r + [""] * len(header))[: len(header)] for r in rows[1:]]
    return pd.DataFrame(body, columns=header, dtype=str)


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def load_package(package_dir: Path, regions: Regions, root: Path) -> tuple[Package | None, list[Problem]]:
    descriptor_path = _descriptor_path(package_dir)
    if descriptor_path is None:
        return None, [Problem(_rel(package_dir, root), None, None, "invalid-descriptor", "geen datapackage.yaml of datapackage.json gevonden")]
    problems = _frictionless_problems(descriptor_path, root)
    try:
        descriptor = yaml.safe_load(descriptor_path.read_text(encoding="utf-8"))  # JSON is YAML too
        assert isinstance(descriptor, dict), "de beschrijving is geen object"
    except Exception as exc:
        return None, problems + [Problem(_rel(descriptor_path, root), None, None, "invalid-descriptor", str(exc))]
    if any(p.type == "invalid-descriptor" for p in problems):
        return None, problems

    desc_file = _rel(descriptor_path, root)
    sources = {s.get("name"): s for s in descriptor.get("sources", []) if isinstance(s, dict)}
    if not sources:
        problems.append(Problem(desc_file, None, "sources", "missing-citation", "het pakket noemt geen bronnen ('sources')"))
    if not descriptor.get("licenses"):
        problems.append(Problem(desc_file, None, "licenses", "missing-citation", "het pakket noemt geen licentie ('licenses')"))
    problems += revisions.check_dates(descriptor.get("sources", []), desc_file)  # a missing date warns

    tables: dict[str, tuple[dict, pd.DataFrame, str]] = {}
    for res in descriptor.get("resources", []):
        path = package_dir / res.get("path", "")
        if not path.is_file():
            continue  # frictionless already reported it
        try:
            tables[res["name"]] = (res, _read_csv(path), _rel(path, root))
        except Exception as exc:
            problems.append(Problem(_rel(path, root), None, None, "frictionless", f"kan het bestand niet lezen: {exc}"))

    measures = tables.get("maten", (None, pd.DataFrame(columns=["maat", "naam", "eenheid", "afronding", "definitie"]), ""))[1]
    measures = measures.set_index("maat", drop=False)
    categories = tables.get("categorieen", (None, pd.DataFrame(columns=["maat", "categorie", "naam"]), ""))[1]
    known_categories = set(zip(categories.get("maat", []), categories.get("categorie", [])))

    frames = []
    for name, (res, df, file) in tables.items():
        if not OBSERVATION_FIELDS <= set(df.columns):
            # metadata (e.g. the regions of a study): its region names must be known too
            for i, region_name in enumerate(df.get("regio", []), start=2):
                if regions.resolve(region_name) is None:
                    problems.append(Problem(file, i, "regio", "unknown-region", f"regio {region_name!r} is onbekend"))
            continue
        bron = res.get("bron")
        if not bron or bron not in sources:
            problems.append(Problem(desc_file, None, f"resources/{name}/bron", "missing-citation",
                                    f"resource '{name}' verwijst naar bron {bron!r}, die niet in 'sources' staat" if bron else f"resource '{name}' noemt geen bron"))
        df = df.copy()
        df["rij"] = range(2, len(df) + 2)  # as frictionless counts: the header is row 1
        df["bestand"] = file
        df["resource"] = name
        for col in ("categorie", "groep", "n", "kwalificatie", "teken", "noot", "vindplaats"):
            if col not in df:
                df[col] = ""
        df["vindplaats"] = [v or res.get("vindplaats", "") for v in df["vindplaats"]]
        problems += _check_rows(df, file, regions, measures, known_categories, desc_file)
        problems += _check_resource(res, df, file)
        df["bron"] = bron or ""
        df["bron_titel"] = (sources.get(bron) or {}).get("title", "")
        df["pakket"] = descriptor.get("name", package_dir.name)
        frames.append(df)

    observations = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    package = Package(descriptor.get("name", package_dir.name), package_dir, descriptor, sources, measures, categories, observations,
                      descriptor.get("resources", []))
    return package, problems


def _check_rows(df, file, regions: Regions, measures, known_categories, desc_file) -> list[Problem]:
    problems = []
    codes, values = [], []
    for r in df.itertuples(index=False):
        row = r.rij
        code = regions.resolve(r.regio)
        if code is None:
            problems.append(Problem(file, row, "regio", "unknown-region", f"regio {r.regio!r} is onbekend"))
        ok_period = periods.is_valid(r.periode)
        if not ok_period:
            problems.append(Problem(file, row, "periode", "invalid-period", f"periode {r.periode!r} heeft niet de vorm 2019-H2, 2019 of 2016-2020"))
        if code and ok_period and not regions.by_code[code].valid_in(r.periode):
            problems.append(Problem(file, row, "regio", "region-not-valid", f"regio {r.regio!r} ({code}) bestaat niet in {r.periode}"))
        if r.kwalificatie not in ("",) + QUALIFIERS:
            problems.append(Problem(file, row, "kwalificatie", "invalid-qualifier",
                                    f"kwalificatie {r.kwalificatie!r} is niet een van: {', '.join(QUALIFIERS)}"))
        if r.teken not in SYMBOLS:
            problems.append(Problem(file, row, "teken", "invalid-symbol", f"teken {r.teken!r} is geen CBS-teken"))
        value = _number(r.waarde) if r.waarde != "" else None
        if r.waarde != "" and value is not None and r.teken in MISSING_SYMBOLS:
            problems.append(Problem(file, row, "waarde", "value-symbol-mismatch", f"waarde {r.waarde} staat naast teken {r.teken!r}"))
        if r.waarde == "" and r.teken in VALUE_SYMBOLS:
            problems.append(Problem(file, row, "waarde", "value-symbol-mismatch",
                                    "waarde ontbreekt zonder CBS-teken: gebruik . (onbekend), x (geheim) of – (nihil)"))
        if r.maat not in measures.index:
            problems.append(Problem(file, row, "maat", "unknown-measure", f"maat {r.maat!r} staat niet in maten.csv"))
        else:
            m = measures.loc[r.maat]
            if value is not None and m.eenheid == "procent" and not 0 <= value <= 100:
                problems.append(Problem(file, row, "waarde", "percentage-out-of-range", f"percentage {r.waarde} ligt niet tussen 0 en 100"))
            step = _number(m.afronding) if m.afronding else None
            if value is not None and step and value % step != 0:
                problems.append(Problem(file, row, "waarde", "not-rounded", f"{r.waarde} is geen veelvoud van {int(step)}, terwijl de bron op {int(step)} afrondt"))
        for col in ("categorie", "groep"):
            label = getattr(r, col)
            if label and (r.maat, label) not in known_categories:
                problems.append(Problem(file, row, col, "unknown-category", f"{col} {label!r} van maat {r.maat!r} staat niet in categorieen.csv"))
        if not r.vindplaats:
            problems.append(Problem(file, row, "vindplaats", "missing-citation", "geen vindplaats (tabel of figuur) in de publicatie"))
        codes.append(code or "")
        values.append(value)
    df["regio_code"] = codes
    df["waarde_num"] = values
    return problems


def _check_resource(res: dict, df: pd.DataFrame, file: str) -> list[Problem]:
    problems = []
    for check in res.get("checks", []):
        kind = check.get("type")
        if kind == "sum-of-regions":
            problems += _check_sum(df, file, check.get("total", NATIONAL))
        elif kind == "part-of-whole":
            problems += _check_part(df, file, check["part"], check["whole"])
        elif kind == "percentages-at-most-100":
            pass  # every row is checked against its unit already
        else:
            problems.append(Problem(file, None, None, "unknown-check", f"controle {kind!r} bestaat niet"))
    return problems


def _check_sum(df: pd.DataFrame, file: str, total_code: str) -> list[Problem]:
    """The regions of one measure and period add up to the published total, within rounding.

    The source rounds every count to a multiple of 5 on its own, so each printed count is off by
    at most 2 from the true count; the sum of n printed parts may differ from the printed total
    by at most 2 * (n + 1). A transcription slip of a digit usually exceeds that."""
    problems = []
    keys = ["periode", "maat", "categorie", "groep"]
    for (period, maat, _cat, _group), group in df.groupby(keys):
        totals = group[group.regio_code == total_code]
        parts = group[(group.regio_code != total_code) & (group.regio_code != "")]
        if totals.empty or parts.empty or totals.waarde_num.isna().all():
            continue
        if parts.teken.isin(list(symbols.SUPPRESSED)).any():
            continue  # a suppressed part: the sum cannot be checked (and is never derived)
        total = totals.waarde_num.iloc[0]
        s = parts.waarde_num.fillna(0).sum()
        tolerance = 2 * (len(parts) + 1)
        if abs(s - total) > tolerance:
            row = int(totals.rij.iloc[0])
            problems.append(Problem(file, row, "waarde", "sum-mismatch",
                                    f"{maat} {period}: de {len(parts)} regio's tellen op tot {s:.0f}, het totaal is {total:.0f} "
                                    f"(verschil {s - total:+.0f}, afronding verklaart hooguit {tolerance})"))
    return problems


def _check_part(df: pd.DataFrame, file: str, part: str, whole: str) -> list[Problem]:
    problems = []
    wide = df[df.maat.isin([part, whole])]
    for (code, period), group in wide.groupby(["regio_code", "periode"]):
        p = group[group.maat == part]
        w = group[group.maat == whole]
        if p.empty or w.empty:
            continue
        pv, wv = p.waarde_num.iloc[0], w.waarde_num.iloc[0]
        if pv is not None and wv is not None and not (math.isnan(pv) or math.isnan(wv)) and pv > wv:
            problems.append(Problem(file, int(p.rij.iloc[0]), "waarde", "part-exceeds-whole",
                                    f"{part} ({pv:.0f}) is groter dan {whole} ({wv:.0f}) voor {p.regio.iloc[0]} {period}"))
    return problems


def _check_map(regions: Regions, regions_dir: Path, root: Path) -> list[Problem]:
    """Every Veilig Thuis region needs a tile on the schematic map; real boundaries, when fetched,
    are read and checked here too (build_data.geometry)."""
    from .geometry import load_geometries

    problems = []
    tiles_file = _rel(regions_dir / "data" / "tegelkaart.csv", root)
    for i, code in enumerate(regions.tiles, start=2):
        if code not in regions.by_code:
            problems.append(Problem(tiles_file, i, "code", "unknown-region", f"regiocode {code!r} staat niet in regios.csv"))
    for region in regions.regional():
        if region.code not in regions.tiles:
            problems.append(Problem(tiles_file, None, "code", "missing-geometry", f"{region.naam} ({region.code}) heeft geen tegel"))
    regions.geometries, found = load_geometries(regions_dir, regions, root)
    return problems + found


def load_all(root: Path) -> Catalog:
    """Load every package below root/datapackages; collect all problems."""
    dp_root = root / "datapackages"
    problems: list[Problem] = []
    regions_dir = dp_root / "regions"
    problems += _frictionless_problems(regions_dir / "datapackage.yaml", root) if (regions_dir / "datapackage.yaml").exists() else [
        Problem(_rel(regions_dir, root), None, None, "invalid-descriptor", "het pakket regions ontbreekt")]
    regions = Regions.load(regions_dir)
    names_file = _rel(regions_dir / "data" / "regionamen.csv", root)
    for name, code in regions.aliases.items():
        if code not in regions.by_code:
            problems.append(Problem(names_file, regions.alias_rows[name], "code", "unknown-region",
                                    f"regionaam {name!r} verwijst naar code {code!r}, die niet in regios.csv staat"))
    problems += _check_map(regions, regions_dir, root)
    packages = {}
    for package_dir in sorted(p for p in dp_root.iterdir() if p.is_dir() and p.name != "regions"):
        package, found = load_package(package_dir, regions, root)
        problems += found
        if package:
            packages[package.name] = package
    for name in regions.unused_aliases():
        problems.append(Problem(names_file, regions.alias_rows[name], "naam_in_bron",
                                "unused-region-name", f"regionaam {name!r} wordt door geen enkele bron gebruikt", "warning"))
    return Catalog(root, regions, packages, problems)
