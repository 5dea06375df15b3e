"""The municipalities, from datapackages/cbs-gebieden-in-nederland (written by the StatLine
fetcher from CBS's tables 'Gebieden in Nederland <jaar>'), when that package is present.

data/gemeenten.csv has one row per year and municipality: `jaar,gemeente,naam,veilig_thuis_regio,bron`.
Every municipality becomes a Region (soort 'gemeente', its GM code, the name of its latest year,
a slug from that name; when another area has that slug: name + '-gemeente'), valid from the
first half of the first year it is listed to the second half of the last year; its Veilig Thuis
region per year becomes the Membership. The package is validated like every other (frictionless,
then these rules): a Veilig Thuis code that is unknown or did not exist that year, a municipality
listed twice in one year, an empty name or a code that is no GM code are problems naming file,
row and field. Without the package nothing changes: no municipality, no membership."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

from ..model.problems import Problem
from ..model.regions import GM_KIND, VT_KIND, Membership, Region, Regions
from .files import check_file, read_csv, read_descriptor, rel
from .frictionless_checks import HEADER_ERRORS, ROW_ERRORS, frictionless_problems

PACKAGE = "cbs-gebieden-in-nederland"
FILE = "data/gemeenten.csv"
CODE = re.compile(r"^GM\d{4}$")
YEAR = re.compile(r"^(19|20)\d\d$")


def slugify(name: str) -> str:
    """'Súdwest-Fryslân' -> 'sudwest-fryslan', "'s-Hertogenbosch" -> 's-hertogenbosch',
    'Bergen (NH.)' -> 'bergen-nh'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _rows(package_dir: Path, root: Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The rows of gemeenten.csv that frictionless accepts (with their row numbers), and what it found."""
    desc_path = package_dir / "datapackage.yaml"
    descriptor, problems = read_descriptor(desc_path, root)
    if descriptor is None:
        return None, problems
    resources = [r for r in descriptor.get("resources") or [] if isinstance(r, dict) and isinstance(r.get("path"), str)]
    checked = {r["path"]: check_file(package_dir / r["path"], rel(package_dir / r["path"], root)) for r in resources}
    problems += [c.problem for c in checked.values() if c.problem]
    problems += frictionless_problems(descriptor, package_dir, root, checked)
    if not descriptor.get("sources"):
        problems.append(Problem(rel(desc_path, root), None, "sources", "missing-citation", "het pakket noemt geen bronnen ('sources')"))
    res = next((r for r in resources if r.get("name") == "gemeenten"), None)
    if res is None:
        problems.append(Problem(rel(desc_path, root), None, "resources", "invalid-descriptor", "het pakket heeft geen resource 'gemeenten'"))
        return None, problems
    path = package_dir / res["path"]
    if checked[res["path"]].problem or not path.is_file():
        return None, problems
    df = read_csv(path)
    file = rel(path, root)
    missing = [c for c in ("jaar", "gemeente", "naam", "veilig_thuis_regio") if c not in df.columns]
    if missing:
        if not any(p.file == file and p.type in ("missing-label", "incorrect-label") for p in problems):
            problems.append(Problem(file, 1, missing[0], "missing-label", f"kolom {missing[0]!r} ontbreekt"))
        return None, problems
    if any(p.file == file and p.type in HEADER_ERRORS for p in problems):
        return None, problems  # by column name, the rows cannot be read reliably
    df = df.copy()
    df["rij"] = range(2, len(df) + 2)
    skip = {p.row for p in problems if p.file == file and p.type in ROW_ERRORS}
    bad: dict[int, set] = {}
    for p in problems:
        if p.file == file and p.row and (p.field or p.type == "primary-key"):
            bad.setdefault(p.row, set()).add(p.field or "gemeente")  # a key frictionless found twice: once
    df = df[~df.rij.isin(skip)].copy()
    df["slecht"] = [bad.get(i, set()) for i in df.rij]
    return df, problems


def read_municipalities(package_dir: Path, regions: Regions, root: Path) -> tuple[list[Region], Membership, list[Problem]]:
    """The municipalities and their membership per year, with every problem of the package."""
    df, problems = _rows(package_dir, root)
    if df is None:
        return [], Membership(), problems
    file = rel(package_dir / FILE, root)
    by_year: dict[int, dict[str, str]] = {}
    names: dict[str, tuple[int, str]] = {}  # code -> (latest year, its name)
    years: dict[str, list[int]] = {}
    seen: dict[tuple[int, str], int] = {}
    for r in df.itertuples(index=False):
        row, bad = r.rij, r.slecht
        jaar, code, naam, vt = r.jaar.strip(), r.gemeente.strip(), r.naam.strip(), r.veilig_thuis_regio.strip()
        ok = True
        if not YEAR.match(jaar):
            ok = False
            if "jaar" not in bad:
                problems.append(Problem(file, row, "jaar", "type-error", f"jaar {r.jaar!r} is geen jaartal"))
        if not CODE.match(code):
            ok = False
            if "gemeente" not in bad:
                problems.append(Problem(file, row, "gemeente", "constraint-error", f"gemeentecode {r.gemeente!r} heeft niet de vorm GM0363"))
        if not naam:
            ok = False
            if "naam" not in bad:
                problems.append(Problem(file, row, "naam", "missing-value", f"gemeente {code or '?'} heeft geen naam"))
        if not ok:
            continue
        year = int(jaar)
        if (year, code) in seen:
            if "gemeente" not in bad:
                problems.append(Problem(file, row, "gemeente", "primary-key",
                                        f"gemeente {code} staat voor {year} twee keer in het bestand (ook in rij {seen[year, code]})"))
            continue
        seen[year, code] = row
        if vt:
            region = regions.by_code.get(vt)
            if region is None or region.soort != VT_KIND:
                if "veilig_thuis_regio" not in bad:
                    problems.append(Problem(file, row, "veilig_thuis_regio", "unknown-region",
                                            f"Veilig Thuis-regio {vt!r} van gemeente {code} ({naam}) staat niet in datapackages/regions"))
                vt = ""
            elif not region.valid_in(str(year)):
                problems.append(Problem(file, row, "veilig_thuis_regio", "region-not-valid",
                                        f"Veilig Thuis-regio {region.naam} ({vt}) van gemeente {code} ({naam}) bestaat niet in {year}"))
                vt = ""
        by_year.setdefault(year, {})[code] = vt
        years.setdefault(code, []).append(year)
        if code not in names or year > names[code][0]:
            names[code] = (year, naam)
    taken = {r.slug for r in regions.by_code.values()}
    out = []
    for code in sorted(names, key=lambda c: (names[c][1].lower(), c)):
        naam = names[code][1]
        slug = slugify(naam) or code.lower()
        if slug in taken:
            slug = f"{slug}-gemeente"
        if slug in taken:  # two municipalities of one name: the code tells them apart
            slug = f"{slug}-{code.lower()}"
        taken.add(slug)
        out.append(Region(code, naam, slug, GM_KIND, f"{min(years[code])}-H1", f"{max(years[code])}-H2", ""))
    return sorted(out, key=lambda r: r.code), Membership(by_year), problems


def add_municipalities(regions: Regions, dp_root: Path, root: Path) -> list[Problem]:
    """Read the package (when present) into regions: its municipalities and their membership."""
    package_dir = dp_root / PACKAGE
    if not package_dir.is_dir():
        return []
    found, membership, problems = read_municipalities(package_dir, regions, root)
    for region in found:
        regions.by_code.setdefault(region.code, region)  # a code already in regios.csv keeps its row there
    regions.membership = membership
    return problems
