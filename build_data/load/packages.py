"""Load and validate the data packages in datapackages/<source>/.

Validation = frictionless (schema, types, keys) + the project's own rules (regions known and
valid in the period, periods well-formed, CBS symbols consistent with values, measures and
categories declared, sums and parts consistent with published totals, every resource cited).
All problems are collected; nothing stops at the first one.

One slip gives one problem, in Dutch, naming file, row (the header is row 1) and field:

- A file that is missing, empty, not UTF-8, or separated by semicolons is reported once and not
  read further. A UTF-8 byte order mark (Excel's 'CSV UTF-8') is accepted silently.
- Frictionless' findings are translated, and the usual human slips get their own kind: a decimal
  comma (55,6), a space or point between thousands (1 300, 66.660), a file cut off mid-row.
- The project's own checks skip cells frictionless already rejected, rows that are blank or have
  too many or too few cells, and files whose header is wrong; a package whose descriptor cannot
  be read is reported once (not again for every indicator that uses it).
- Sums of regions and parts of wholes are checked only in a file without other errors: a slip in
  one cell would otherwise also show up as a sum that does not add up.

Every observation row carries its provenance (package, resource, file, row, source title,
place in the publication) from here on, so no output needs to retype a citation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..model.catalog import Catalog, Package
from ..model.problems import Problem
from ..model.regions import Region, Regions, Tile
from .files import FileCheck, check_file, descriptor_path, read_csv, read_descriptor, rel
from .frictionless_checks import HEADER_ERRORS, ROW_ERRORS, frictionless_problems
from .geometry import load_geometries
from .municipalities import add_municipalities
from .rules import check_dates, check_order, check_resource, check_rows

OBSERVATION_FIELDS = {"regio", "periode", "maat", "waarde"}


def load_package(package_dir: Path, regions: Regions, root: Path) -> tuple[Package | None, list[Problem]]:
    desc_path = descriptor_path(package_dir)
    if desc_path is None:
        return None, [Problem(rel(package_dir, root), None, None, "invalid-descriptor", "geen datapackage.yaml of datapackage.json gevonden")]
    descriptor, problems = read_descriptor(desc_path, root)
    if descriptor is None:
        return None, problems
    checked = {r["path"]: check_file(package_dir / r["path"], rel(package_dir / r["path"], root))
               for r in descriptor.get("resources") or [] if isinstance(r, dict) and isinstance(r.get("path"), str)}
    problems += [c.problem for c in checked.values() if c.problem]
    problems += frictionless_problems(descriptor, package_dir, root, checked)
    if any(p.type == "invalid-descriptor" for p in problems):
        return None, problems

    desc_file = rel(desc_path, root)
    sources = {s.get("name"): s for s in descriptor.get("sources", []) if isinstance(s, dict)}
    if not sources:
        problems.append(Problem(desc_file, None, "sources", "missing-citation", "het pakket noemt geen bronnen ('sources')"))
    if not descriptor.get("licenses"):
        problems.append(Problem(desc_file, None, "licenses", "missing-citation", "het pakket noemt geen licentie ('licenses')"))
    problems += check_dates(descriptor.get("sources", []), desc_file)  # a missing date warns

    tables: dict[str, tuple[dict, pd.DataFrame, str]] = {}
    for res in descriptor.get("resources", []):
        path = package_dir / res.get("path", "")
        if checked.get(res.get("path"), FileCheck()).problem or not path.is_file():
            continue  # reported once above
        tables[res["name"]] = (res, read_csv(path), rel(path, root))

    measures_known = "maten" in tables or not any(r.get("name") == "maten" for r in descriptor.get("resources", []))
    measures = tables.get("maten", (None, pd.DataFrame(columns=["maat", "naam", "eenheid", "afronding", "definitie"]), ""))[1]
    measures = measures.set_index("maat", drop=False)
    categories_known = "categorieen" in tables or not any(r.get("name") == "categorieen" for r in descriptor.get("resources", []))
    categories = tables.get("categorieen", (None, pd.DataFrame(columns=["maat", "categorie", "naam"]), ""))[1]
    known_categories = set(zip(categories.get("maat", []), categories.get("categorie", [])))

    frames = []
    for name, (res, df, file) in tables.items():
        found_here = [p for p in problems if p.file == file and p.severity == "error"]
        if any(p.type in HEADER_ERRORS for p in found_here):
            continue  # the header first: by column name, the rows cannot be read reliably
        skip_rows = {p.row for p in found_here if p.type in ROW_ERRORS}
        bad_cells = {(p.row, p.field) for p in found_here if p.row and p.field}
        if not OBSERVATION_FIELDS <= set(df.columns):
            # metadata (e.g. the regions of a study): its region names must be known too
            for i, region_name in enumerate(df.get("regio", []), start=2):
                if i not in skip_rows and (i, "regio") not in bad_cells and regions.resolve(region_name) is None \
                        and region_name not in regions.aliases:
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
        blank = (df[[c for c in df.columns if c not in ("rij", "bestand", "resource")]] == "").all(axis=1)
        skip_rows |= set(df.rij[blank])
        own = check_rows(df, file, regions, measures if measures_known else None,
                          known_categories if categories_known else None, skip_rows, bad_cells)
        problems += own
        df = df[~df.rij.isin(skip_rows)]
        if not found_here and not own and (df.regio_code != "").all():
            problems += check_resource(res, df, file)  # sums and parts: only in an otherwise valid file
        df["bron"] = bron or ""
        df["bron_titel"] = (sources.get(bron) or {}).get("title", "")
        df["pakket"] = descriptor.get("name", package_dir.name)
        frames.append(df)

    observations = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    problems += check_order(observations, descriptor.get("sources", []))
    package = Package(descriptor.get("name", package_dir.name), package_dir, descriptor, sources, measures, categories, observations,
                      descriptor.get("resources", []))
    return package, problems


def read_regions(package_dir: Path) -> Regions:
    """The regions package: regios.csv, regionamen.csv and the tile map, as Regions."""
    regios = pd.read_csv(package_dir / "data" / "regios.csv", dtype=str, keep_default_na=False)
    names = pd.read_csv(package_dir / "data" / "regionamen.csv", dtype=str, keep_default_na=False)
    by_code = {r.code: Region(**r._asdict()) for r in regios.drop(columns=[c for c in regios if c not in Region.__annotations__]).itertuples(index=False)}
    aliases = dict(zip(names.naam_in_bron, names.code))
    alias_rows = {n: i + 2 for i, n in enumerate(names.naam_in_bron)}
    tiles = {}
    tile_file = package_dir / "data" / "tegelkaart.csv"
    if tile_file.exists():
        t = pd.read_csv(tile_file, dtype=str, keep_default_na=False)
        tiles = {r.code: Tile(r.code, int(r.kolom), int(r.rij), int(r.breedte), int(r.hoogte), r.kort) for r in t.itertuples(index=False)}
    return Regions(by_code, aliases, alias_rows, tiles=tiles)


def _check_map(regions: Regions, regions_dir: Path, root: Path) -> list[Problem]:
    """Every Veilig Thuis region needs a tile on the schematic map; real boundaries, when fetched,
    are read and checked here too (build_data.load.geometry)."""
    problems = []
    tiles_file = rel(regions_dir / "data" / "tegelkaart.csv", root)
    for i, code in enumerate(regions.tiles, start=2):
        if code not in regions.by_code:
            problems.append(Problem(tiles_file, i, "code", "unknown-region", f"regiocode {code!r} staat niet in regios.csv"))
    for region in regions.regional():
        if region.code not in regions.tiles and region.soort == "veilig-thuis-regio":  # municipalities: no tiles (yet)
            problems.append(Problem(tiles_file, None, "code", "missing-geometry", f"{region.naam} ({region.code}) heeft geen tegel"))
    regions.geometries, found = load_geometries(regions_dir, regions, root)
    return problems + found


def load_all(root: Path) -> Catalog:
    """Load every package below root/datapackages; collect all problems."""
    dp_root = root / "datapackages"
    problems: list[Problem] = []
    regions_dir = dp_root / "regions"
    if (regions_dir / "datapackage.yaml").exists():
        descriptor, found = read_descriptor(regions_dir / "datapackage.yaml", root)
        checked = {r["path"]: check_file(regions_dir / r["path"], rel(regions_dir / r["path"], root))
                   for r in (descriptor or {}).get("resources") or [] if isinstance(r, dict) and isinstance(r.get("path"), str)}
        problems += found + [c.problem for c in checked.values() if c.problem]
        problems += frictionless_problems(descriptor, regions_dir, root, checked) if descriptor else []
    else:
        problems.append(Problem(rel(regions_dir, root), None, None, "invalid-descriptor", "het pakket regions ontbreekt"))
    regions = read_regions(regions_dir)
    add_municipalities(regions, dp_root)
    names_file = rel(regions_dir / "data" / "regionamen.csv", root)
    for name, code in regions.aliases.items():
        if code not in regions.by_code:
            problems.append(Problem(names_file, regions.alias_rows[name], "code", "unknown-region",
                                    f"regionaam {name!r} verwijst naar code {code!r}, die niet in regios.csv staat"))
    problems += _check_map(regions, regions_dir, root)
    packages, failed, broken = {}, set(), set()
    for package_dir in sorted(p for p in dp_root.iterdir() if p.is_dir() and p.name != "regions"):
        package, found = load_package(package_dir, regions, root)
        problems += found
        if package:
            packages[package.name] = package
        else:
            failed.add(package_dir.name)
        if any(p.severity == "error" for p in found):
            broken.add(package.name if package else package_dir.name)
    for name in regions.unused_aliases():
        problems.append(Problem(names_file, regions.alias_rows[name], "naam_in_bron",
                                "unused-region-name", f"regionaam {name!r} wordt door geen enkele bron gebruikt", "warning"))
    catalog = Catalog(root, regions, packages, problems, failed, broken)
    catalog.region_lists = region_lists(catalog)
    return catalog


def region_lists(catalog: Catalog) -> list[dict]:
    """Resources that are lists of regions (a single column `regio`), with their citation."""
    out = []
    for package in catalog.packages.values():
        for res in package.resources:
            fields = [f.get("name") for f in (res.get("schema") or {}).get("fields", [])]
            if fields != ["regio"]:
                continue
            df = pd.read_csv(package.dir / res["path"], dtype=str, keep_default_na=False)
            codes = {catalog.regions.resolve(n) for n in df.regio}
            src = package.sources.get(res.get("bron"), {})
            out.append({"titel": res.get("title", res["name"]), "codes": codes, "pakket": package.name,
                        "bron": f"{src.get('title', '')}, {res.get('vindplaats', '')}".strip(", ")})
    return out
