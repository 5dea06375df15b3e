"""A build root made at run time from a copy of the real inputs, with two kinds of edits:

- every CBS symbol in one regional table (ontvangen meldingen, 2e halfjaar 2019): Drenthe `x`,
  Zeeland `.`, Twente `–`, Flevoland `blank`, Utrecht `**` (its value kept);
- markup in every kind of text that comes from a data package or a declaration: a region name,
  a measure name and definition, a category name, a note, a place in a publication, a source
  title, a package title and description, and an indicator's title, text and definition.

Used by tests/test_symbols.py and tests/test_escaping.py; nothing here is ever written to the
repository's own datapackages/."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml
from roots import copy_root

ROOT = Path(__file__).resolve().parent.parent
VT = "cbs-beleidsinformatie-veilig-thuis"
TABLE = f"datapackages/{VT}/data/kerncijfers_regio_2019h2.csv"

# Runs only if some text were put into a page as markup: every test looks for these traces.
PAYLOAD = '<script>window.__hgkm_xss=1</script><img src=x onerror="window.__hgkm_xss=2"><b>vet</b>'

SYMBOL_CELLS = {  # region in the table -> (teken, waarde) for ontvangen_meldingen
    "Drenthe": ("x", ""),
    "Zeeland": (".", ""),
    "Overijssel regio Twente": ("–", ""),
    "Flevoland": ("blank", ""),
    "Utrecht": ("**", None),  # None: keep the published value
}
SLUGS = {"Drenthe": "drenthe", "Zeeland": "zeeland", "Overijssel regio Twente": "twente", "Flevoland": "flevoland", "Utrecht": "utrecht"}
MARKED_REGION = ("VT08", "Groningen")  # its name gets the payload

# where the payload goes: (description, file relative to the root)
TEXTS = [
    ("regionaam", "datapackages/regions/data/regios.csv"),
    ("naam van een maat", f"datapackages/{VT}/data/maten.csv"),
    ("definitie van een maat", f"datapackages/{VT}/data/maten.csv"),
    ("naam van een categorie", f"datapackages/{VT}/data/categorieen.csv"),
    ("noot", f"datapackages/{VT}/data/impactmonitor_2020_landelijk.csv"),
    ("vindplaats", f"datapackages/{VT}/data/impactmonitor_2020_landelijk.csv"),
    ("titel van een bron", f"datapackages/{VT}/datapackage.yaml"),
    ("titel en beschrijving van een pakket", f"datapackages/{VT}/datapackage.yaml"),
    ("titel, tekst en definitie van een indicator", "build_data/indicators/vergroting-bereik-veilig-thuis/gestarte_adviezen.yml"),
    ("tekst van een berekende indicator", "build_data/indicators/vergroting-bereik-veilig-thuis/meldingen_per_advies.yml"),
]


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _edit(path: Path, match: dict[str, str], changes: dict[str, str]) -> None:
    rows = read_rows(path)
    header = rows[0]
    hits = 0
    for r in rows[1:]:
        if all(r[header.index(k)] == v for k, v in match.items()):
            for k, v in changes.items():
                r[header.index(k)] = v
            hits += 1
    assert hits, f"{path}: no row {match}"
    write_rows(path, rows)


def copy_inputs(dst: Path) -> Path:
    """Everything a build reads, with the publications' packages (tests/roots.py)."""
    return copy_root(dst)


def set_symbols(root: Path) -> None:
    for region, (sign, value) in SYMBOL_CELLS.items():
        _edit(root / TABLE, {"regio": region, "maat": "ontvangen_meldingen"},
              {"teken": sign} | ({} if value is None else {"waarde": value}))


def add_markup(root: Path) -> None:
    dp = root / "datapackages"
    code, name = MARKED_REGION
    _edit(dp / "regions/data/regios.csv", {"code": code}, {"naam": f"{name} {PAYLOAD}"})
    names = read_rows(dp / "regions/data/regionamen.csv")
    write_rows(dp / "regions/data/regionamen.csv", names + [[name, code, "cbs-bvt-2019h2"]])  # the sources still say 'Groningen'
    _edit(dp / VT / "data/maten.csv", {"maat": "ontvangen_meldingen"}, {"naam": f"Ontvangen meldingen {PAYLOAD}"})
    _edit(dp / VT / "data/maten.csv", {"maat": "casussen_actief"}, {"definitie": f"Actieve casussen {PAYLOAD}"})
    _edit(dp / VT / "data/categorieen.csv", {"maat": "adviezen_naar_adviesvrager", "categorie": "burger"}, {"naam": f"Burger {PAYLOAD}"})
    rows = read_rows(dp / VT / "data/impactmonitor_2020_landelijk.csv")
    header = rows[0]
    rows[1][header.index("noot")] = f"Noot {PAYLOAD}"
    rows[1][header.index("vindplaats")] = f"§3.2 {PAYLOAD}"
    write_rows(dp / VT / "data/impactmonitor_2020_landelijk.csv", rows)
    desc_path = dp / VT / "datapackage.yaml"
    desc = yaml.safe_load(desc_path.read_text(encoding="utf-8"))
    desc["title"] = f"Beleidsinformatie Veilig Thuis {PAYLOAD}"
    desc["description"] = f"Beschrijving {PAYLOAD}"
    for src in desc["sources"]:
        src["title"] = f"{src['title']} {PAYLOAD}"
    desc_path.write_text(yaml.safe_dump(desc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    decls = root / "build_data/indicators/vergroting-bereik-veilig-thuis"
    for file, keys in (("gestarte_adviezen.yml", ("titel", "tekst", "definitie")), ("meldingen_per_advies.yml", ("tekst",))):
        decl = yaml.safe_load((decls / file).read_text(encoding="utf-8"))
        for key in keys:
            decl[key] = f"{decl.get(key) or key.capitalize()} {PAYLOAD}"
        (decls / file).write_text(yaml.safe_dump(decl, allow_unicode=True, sort_keys=False), encoding="utf-8")
