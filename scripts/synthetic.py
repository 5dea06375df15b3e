"""Synthetic build roots for the benchmark (scripts/bench.py) and its test: GENERATED AT RUN TIME
in a temporary folder, never committed, never written into datapackages/.

A root is a complete copy of what `python -m build_data --root <root> site` needs: mkdocs.yml,
docs/, overrides/, CHANGELOG.md, node_modules (a symlink), a regions package with the areas
(Veilig Thuis regions VT01.. first, then municipalities GM0001..) and a schematic tile map for
all of them, one data package with M measures x P half-years x N areas (+ Nederland) that passes
the project's validation (counts rounded to 5, the areas adding up to the total, every resource
cited), and M indicator declarations in <root>/build_data/indicators.

The figures are random numbers (seeded, so every run builds the same site) and say so in every
citation: they only measure how the build scales."""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
N_VT = 26  # Veilig Thuis regions; the areas beyond these are municipalities
PACKAGE = "synthetisch"
FIRST_YEAR = 2015
SOURCE = "synthetische-benchmarkdata"
SOURCE_TITLE = "Synthetische benchmarkdata, gegenereerd door scripts/synthetic.py: geen echte cijfers"


@dataclass(frozen=True)
class Scale:
    name: str
    indicators: int
    areas: int  # below Nederland: min(areas, 26) Veilig Thuis regions, the rest municipalities
    half_years: int

    @property
    def figures(self) -> int:
        """Figures in the data package: every measure, half-year and area plus Nederland."""
        return self.indicators * self.half_years * (self.areas + 1)


# The 16x: 100 indicators, 26 regions + 342 municipalities, 20 half-years. 1x and 4x scale
# each of the three by the cube root of 16 and of 4 less than 16x, so that the number of figures
# grows about 1 : 4 : 16 (47 040 : 190 827 : 738 000) and every dimension grows at each step.
SCALES = {
    "1x": Scale("1x", 40, 146, 8),
    "4x": Scale("4x", 63, 232, 13),
    "16x": Scale("16x", 100, 368, 20),
}


def half_years(n: int) -> list[str]:
    return [f"{FIRST_YEAR + i // 2}-H{i % 2 + 1}" for i in range(n)]


def areas(n: int) -> list[dict]:
    """n areas: Veilig Thuis regions first (VT01..VT26), then municipalities (GM0001..)."""
    out = []
    for i in range(n):
        if i < N_VT:
            code, naam, kort, soort = f"VT{i + 1:02d}", f"Synthetische regio {i + 1:02d}", f"Regio {i + 1:02d}", "veilig-thuis-regio"
        else:
            j = i - N_VT + 1
            code, naam, kort, soort = f"GM{j:04d}", f"Synthetische gemeente {j:04d}", f"Gem. {j:04d}", "gemeente"
        out.append({"code": code, "naam": naam, "slug": naam.lower().replace(" ", "-"), "soort": soort, "kort": kort})
    return out


def _write_csv(path: Path, header: list[str], rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def _yaml(path: Path, obj) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(obj, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):  # a field written twice stays two plain mappings
        return True


SOURCES = [{"name": SOURCE, "title": SOURCE_TITLE, "publisher": "Benchmark van dit project", "published": "2026-01-01"}]
LICENSES = [{"name": "CC-BY-4.0", "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
             "path": "https://creativecommons.org/licenses/by/4.0/deed.nl"}]


def write_regions(dp: Path, area_list: list[dict]) -> None:
    cols = max(6, math.ceil(math.sqrt(len(area_list) * 2)))  # a landscape grid of tiles
    _write_csv(dp / "data" / "regios.csv", ["code", "naam", "slug", "soort", "geldig_vanaf", "geldig_tot", "opgevolgd_door"],
               [["NL01", "Nederland", "nederland", "land", "", "", ""]]
               + [[a["code"], a["naam"], a["slug"], a["soort"], "", "", ""] for a in area_list])
    _write_csv(dp / "data" / "regionamen.csv", ["naam_in_bron", "code", "bron"], [["Totaal", "NL01", SOURCE]])
    _write_csv(dp / "data" / "tegelkaart.csv", ["code", "kolom", "rij", "breedte", "hoogte", "kort"],
               [[a["code"], i % cols, i // cols, 1, 1, a["kort"]] for i, a in enumerate(area_list)])
    code = {"name": "code", "type": "string", "constraints": {"required": True}}
    _yaml(dp / "datapackage.yaml", {
        "name": "regions", "title": "Synthetische gebieden (benchmark)",
        "description": "Veilig Thuis-regio's en gemeenten met verzonnen namen, alleen voor de benchmark.",
        "publisher": "Benchmark van dit project", "licenses": LICENSES, "sources": SOURCES,
        "resources": [
            {"name": "regios", "path": "data/regios.csv", "bron": SOURCE, "schema": {"primaryKey": ["code"], "fields": [
                {**code, "constraints": {"required": True, "pattern": "(NL01|VT[0-9]{2}|GM[0-9]{4})"}},
                {"name": "naam", "type": "string", "constraints": {"required": True}},
                {"name": "slug", "type": "string", "constraints": {"required": True, "unique": True}},
                {"name": "soort", "type": "string", "constraints": {"required": True, "enum": ["land", "veilig-thuis-regio", "gemeente"]}},
                {"name": "geldig_vanaf", "type": "string"}, {"name": "geldig_tot", "type": "string"},
                {"name": "opgevolgd_door", "type": "string"}]}},
            {"name": "regionamen", "path": "data/regionamen.csv", "schema": {"primaryKey": ["naam_in_bron"], "fields": [
                {"name": "naam_in_bron", "type": "string", "constraints": {"required": True}}, code, {"name": "bron", "type": "string"}]}},
            {"name": "tegelkaart", "path": "data/tegelkaart.csv", "bron": SOURCE, "schema": {"primaryKey": ["code"], "fields": [
                code] + [{"name": c, "type": "integer", "constraints": {"required": True}} for c in ("kolom", "rij", "breedte", "hoogte")]
                + [{"name": "kort", "type": "string", "constraints": {"required": True}}]}},
        ],
    })


def measures(n: int) -> list[dict]:
    """Every fourth measure a percentage (Nederland as a reference line), the others counts."""
    return [{"maat": f"synth_{i + 1:03d}", "naam": f"Synthetische indicator {i + 1:03d}",
             "eenheid": "procent" if i % 4 == 3 else "aantal", "afronding": "" if i % 4 == 3 else "5",
             "definitie": f"Verzonnen maat {i + 1} voor de benchmark; geen echt cijfer."} for i in range(n)]


def data_rows(scale: Scale, area_list: list[dict], unit: str, seed: int = 7):
    """Rows (regio, periode, maat, waarde, teken) of the measures of one unit: counts rounded to 5
    with Nederland their exact sum (so within every rounding tolerance); percentages with one
    decimal and Nederland their mean."""
    rng = random.Random(f"{seed}-{unit}")
    for m in (m for m in measures(scale.indicators) if m["eenheid"] == unit):
        for period in half_years(scale.half_years):
            if m["eenheid"] == "aantal":
                vals = [5 * rng.randint(1, 400) for _ in area_list]
                yield ["Totaal", period, m["maat"], str(sum(vals)), ""]
                for a, v in zip(area_list, vals):
                    yield [a["naam"], period, m["maat"], str(v), ""]
            else:
                vals = [rng.randint(0, 1000) / 10 for _ in area_list]
                yield ["Totaal", period, m["maat"], f"{sum(vals) / len(vals):.1f}", ""]
                for a, v in zip(area_list, vals):
                    yield [a["naam"], period, m["maat"], f"{v:.1f}", ""]


def write_data(dp: Path, scale: Scale, area_list: list[dict]) -> None:
    ms = measures(scale.indicators)
    _write_csv(dp / "data" / "maten.csv", ["maat", "naam", "eenheid", "afronding", "definitie"],
               [[m["maat"], m["naam"], m["eenheid"], m["afronding"], m["definitie"]] for m in ms])
    for unit in ("aantal", "procent"):
        _write_csv(dp / "data" / f"{unit}.csv", ["regio", "periode", "maat", "waarde", "teken"], data_rows(scale, area_list, unit))
    _yaml(dp / "datapackage.yaml", {
        "name": PACKAGE, "title": "Synthetische cijfers (benchmark)", "description": "Verzonnen cijfers om de build te meten.",
        "publisher": "Benchmark van dit project", "licenses": LICENSES, "sources": SOURCES,
        "resources": [
            {"name": "maten", "path": "data/maten.csv", "schema": {"primaryKey": ["maat"], "fields": [
                {"name": "maat", "type": "string", "constraints": {"required": True}},
                {"name": "naam", "type": "string", "constraints": {"required": True}},
                {"name": "eenheid", "type": "string", "constraints": {"required": True, "enum": ["aantal", "procent"]}},
                {"name": "afronding", "type": "integer"},
                {"name": "definitie", "type": "string", "constraints": {"required": True}}]}},
        ] + [
            {"name": unit, "path": f"data/{unit}.csv", "bron": SOURCE, "vindplaats": "gegenereerd bij het draaien van de benchmark",
             "checks": [{"type": "sum-of-regions", "total": "NL01"}] if unit == "aantal" else [{"type": "percentages-at-most-100"}],
             "schema": {"primaryKey": ["regio", "periode", "maat"], "fields": [
                 {"name": "regio", "type": "string", "constraints": {"required": True}},
                 {"name": "periode", "type": "string", "constraints": {"required": True}},
                 {"name": "maat", "type": "string", "constraints": {"required": True}},
                 {"name": "waarde", "type": "integer" if unit == "aantal" else "number", "constraints": {"minimum": 0}},
                 {"name": "teken", "type": "string"}]}}
            for unit in ("aantal", "procent")],
    })


def write_indicators(root: Path, scale: Scale) -> list[str]:
    themes = [t["slug"] for t in yaml.safe_load((ROOT / "build_data" / "themes.yml").read_text(encoding="utf-8"))]
    ids = []
    for i, m in enumerate(measures(scale.indicators)):
        theme = themes[i % len(themes)]
        _yaml(root / "build_data" / "indicators" / theme / f"{m['maat']}.yml", {
            "id": m["maat"], "thema": theme, "niveau": "regionaal", "volgorde": i,
            "grafieken": ["regio-vergelijking", "halfjaar-reeks"],
            "tekst": f"Een verzonnen reeks ({m['eenheid']}) om te meten hoe de build groeit.",
            "bron": {"pakket": PACKAGE, "maat": m["maat"]}})
        ids.append(m["maat"])
    return ids


def copy_site_sources(root: Path, ids: list[str], src: Path = ROOT, rewrite: bool = True) -> None:
    """mkdocs.yml, docs/, overrides/, CHANGELOG.md, themes and search synonyms, node_modules and the MkDocs glue
    (symlinks); references of the
    hand-written pages to bundled indicators point at synthetic ones instead."""
    shutil.copy2(src / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy2(src / "CHANGELOG.md", root / "CHANGELOG.md")
    shutil.copytree(src / "docs", root / "docs")
    shutil.copytree(src / "overrides", root / "overrides")
    (root / "node_modules").symlink_to((src / "node_modules").resolve(), target_is_directory=True)
    (root / "build_data" / "site").mkdir(parents=True, exist_ok=True)
    for glue in ("mkdocs_hook.py", "macros.py"):  # mkdocs.yml names them relative to the root
        (root / "build_data" / "site" / glue).symlink_to((src / "build_data" / "site" / glue).resolve())
    for content in ("themes.yml", "zoekwoorden.yml"):  # content is found under the root only
        shutil.copy2(src / "build_data" / content, root / "build_data" / content)
    if not rewrite:
        return
    cycle = iter(ids * 10)
    for md in (root / "docs").rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        text = re.sub(r'kerncijfer\("[a-z0-9_]+"\)', lambda _m: f'kerncijfer("{next(cycle)}")', text)
        text = re.sub(r"indicatoren/[a-z0-9_]+\.md", lambda _m: f"indicatoren/{next(cycle)}.md", text)
        md.write_text(text, encoding="utf-8")


def make_root(root: Path, scale: Scale, src: Path = ROOT) -> Path:
    """Write a complete synthetic build root at root (which must not exist or be empty)."""
    root.mkdir(parents=True, exist_ok=True)
    area_list = areas(scale.areas)
    write_regions(root / "datapackages" / "regions", area_list)
    write_data(root / "datapackages" / PACKAGE, scale, area_list)
    ids = write_indicators(root, scale)
    copy_site_sources(root, ids, src)
    return root


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Schrijf een synthetische bouwmap voor de benchmark.")
    parser.add_argument("dest", type=Path)
    parser.add_argument("--schaal", choices=sorted(SCALES), default="1x")
    args = parser.parse_args(argv)
    if args.dest.resolve().is_relative_to((ROOT / "datapackages").resolve()):
        print("Nooit in datapackages/ schrijven.", file=sys.stderr)
        return 2
    make_root(args.dest, SCALES[args.schaal])
    print(f"{args.dest}: {SCALES[args.schaal]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
