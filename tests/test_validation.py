"""Validation reports every problem at once, naming file, row, field and kind; a failed build
writes nothing. Broken inputs are made at run time from copies of the real packages."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_content
from roots import copy_datapackages

from build_data import ROOT
from build_data.site.build import check_inputs

VT = "cbs-beleidsinformatie-veilig-thuis"
TABLE = f"datapackages/{VT}/data/kerncijfers_regio_2019h2.csv"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    copy_datapackages(tmp_path / "datapackages")
    return copy_content(tmp_path)


def edit_csv(root: Path, rel: str, fn) -> None:
    path = root / rel
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows = fn(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def set_cell(root, rel, region, measure, column, value):
    """Set one cell of the row with this region and measure; returns its row number (header = 1)."""
    found = {}

    def fn(rows):
        header = rows[0]
        for i, r in enumerate(rows[1:], start=2):
            if r[header.index("regio")] == region and r[header.index("maat")] == measure:
                r[header.index(column)] = value
                found["row"] = i
        return rows

    edit_csv(root, rel, fn)
    return found["row"]


def keys(problems, severity="error"):
    return {p.key() for p in problems if p.severity == severity}


def test_bundled_packages_are_valid():
    _, indicators, problems = check_inputs(ROOT)
    assert problems == []
    assert len(indicators) >= 20


def test_wrong_type(root):
    row = set_cell(root, TABLE, "Drenthe", "ontvangen_meldingen", "waarde", "1 300")
    _, _, problems = check_inputs(root)
    # a space between thousands, as the PDF prints it, is recognised as such (tests/fixtures has more)
    assert ("kerncijfers_regio_2019h2.csv", row, "waarde", "thousands-separator") in keys(problems)


def test_unknown_region(root):
    row = set_cell(root, TABLE, "Zeeland", "overdrachten", "regio", "Zeeuws-Vlaanderen")
    _, _, problems = check_inputs(root)
    assert ("kerncijfers_regio_2019h2.csv", row, "regio", "unknown-region") in keys(problems)
    msg = next(p.message for p in problems if p.type == "unknown-region")
    assert "Zeeuws-Vlaanderen" in msg


def test_region_not_valid_in_period(root):
    row = set_cell(root, TABLE, "Zuidoost-Brabant", "overdrachten", "regio", "Oost-Brabant")
    _, _, problems = check_inputs(root)
    assert ("kerncijfers_regio_2019h2.csv", row, "regio", "region-not-valid") in keys(problems)


def test_duplicate_key(root):
    edit_csv(root, TABLE, lambda rows: rows + [rows[5]])
    _, _, problems = check_inputs(root)
    n_rows = 27 * 12 + 1  # header + rows; the duplicate is the next row
    assert ("kerncijfers_regio_2019h2.csv", n_rows + 1, None, "primary-key") in {
        (k[0], k[1], None, k[3]) for k in keys(problems)}


def test_sum_mismatch_catches_the_pdf_extraction_slip(root):
    # The PDF text runs '10 335' together for Gooi en Vechtstreek: diensten onderzoek gesloten 10, V&V actief 335.
    row = set_cell(root, TABLE, "Gooi en Vechtstreek", "diensten_onderzoek_gesloten", "waarde", "10335")
    _, _, problems = check_inputs(root)
    # The slip breaks the sum of the regions and makes the part larger than its whole; the latter
    # names the row of the slip itself, so that is the one problem reported (one slip, one problem).
    assert keys(problems) == {("kerncijfers_regio_2019h2.csv", row, "waarde", "part-exceeds-whole")}
    msg = next(p.message for p in problems if p.type == "part-exceeds-whole")
    assert "diensten_onderzoek_gesloten (10335)" in msg and "Gooi en Vechtstreek" in msg


def test_sum_mismatch_names_the_total_row(root):
    set_cell(root, TABLE, "Gooi en Vechtstreek", "ontvangen_meldingen", "waarde", "7900")  # 790 typed as 7900
    _, _, problems = check_inputs(root)
    total_row = 2 + 1  # 'Totaal' rows come first; ontvangen_meldingen is the 2nd measure
    assert keys(problems) == {("kerncijfers_regio_2019h2.csv", total_row, "waarde", "sum-mismatch")}
    msg = next(p.message for p in problems if p.type == "sum-mismatch")
    assert "ontvangen_meldingen" in msg and "66660" in msg


def test_small_slip_within_rounding_is_not_reported(root):
    set_cell(root, TABLE, "Zeeland", "overdrachten", "waarde", "650")  # 645 -> 650: within rounding
    _, _, problems = check_inputs(root)
    assert not any(p.type == "sum-mismatch" for p in problems)


def test_part_exceeds_whole(root):
    row = set_cell(root, TABLE, "Drenthe", "casussen_gestart", "waarde", "9750")
    _, _, problems = check_inputs(root)
    assert ("kerncijfers_regio_2019h2.csv", row, "waarde", "part-exceeds-whole") in keys(problems)


def test_symbols_and_values_must_agree(root):
    rel = f"datapackages/{VT}/data/impactmonitor_2020_landelijk.csv"
    r1 = set_cell(root, rel, "Nederland", "adviezen_andere_problematiek", "teken", ".")  # '.' next to 17000
    r2 = set_cell(root, rel, "Nederland", "meldingen_andere_problematiek", "teken", "?")
    r3 = set_cell(root, rel, "Nederland", "meldingen_andere_problematiek", "waarde", "")
    _, _, problems = check_inputs(root)
    found = keys(problems)
    assert ("impactmonitor_2020_landelijk.csv", r1, "waarde", "value-symbol-mismatch") in found
    assert ("impactmonitor_2020_landelijk.csv", r2, "teken", "invalid-symbol") in found
    assert r2 == r3


def test_missing_citation(root):
    path = root / "datapackages" / VT / "datapackage.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    bron: cbs-bvt-2019h2\n", ""), encoding="utf-8")
    _, _, problems = check_inputs(root)
    assert any(p.type == "missing-citation" and "kerncijfers_regio_2019h2" in (p.field or "") for p in problems)


def test_unused_region_name_is_a_warning(root):
    added = {}

    def add(rows):
        added["row"] = len(rows) + 1  # the header is row 1
        return rows + [["Brabant Noordoost", "VT16", ""]]

    edit_csv(root, "datapackages/regions/data/regionamen.csv", add)
    _, _, problems = check_inputs(root)
    assert ("regionamen.csv", added["row"], "naam_in_bron", "unused-region-name") in keys(problems, "warning")
    assert not keys(problems)  # a warning is not an error


def test_all_problems_reported_at_once(root):
    set_cell(root, TABLE, "Drenthe", "ontvangen_meldingen", "waarde", "veel")
    set_cell(root, TABLE, "Zeeland", "overdrachten", "regio", "Zeeuws-Vlaanderen")
    set_cell(root, TABLE, "Utrecht", "casussen_gestart", "periode", "2019-2")
    _, _, problems = check_inputs(root)
    kinds = {p.type for p in problems if p.severity == "error"}
    assert {"type-error", "unknown-region", "invalid-period"} <= kinds


def test_cli_prints_table_and_exits_nonzero(root):
    set_cell(root, TABLE, "Zeeland", "overdrachten", "regio", "Zeeuws-Vlaanderen")
    proc = subprocess.run([sys.executable, "-m", "build_data", "--root", str(root), "validate"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "kerncijfers_regio_2019h2.csv" in proc.stderr and "unknown-region" in proc.stderr
    assert "Zeeuws-Vlaanderen" in proc.stderr and "FOUT" in proc.stdout


def test_alias_to_unknown_code(root):
    edit_csv(root, "datapackages/regions/data/regionamen.csv", lambda rows: rows[:1] + [[rows[1][0], "VT99", ""]] + rows[2:])
    _, _, problems = check_inputs(root)
    assert ("regionamen.csv", 2, "code", "unknown-region") in keys(problems)


def test_invalid_qualifier(root):
    rel = "datapackages/vng-bw-scan/data/feit_3.csv"
    row = set_cell(root, rel, "Nederland", "vt_bereik_van_prevalentie", "kwalificatie", "hooguit")
    _, _, problems = check_inputs(root)
    # the schema of feit_3.csv lists the qualifiers itself: frictionless' finding, once
    assert keys(problems) == {("feit_3.csv", row, "kwalificatie", "constraint-error")}


def test_invalid_qualifier_without_schema_enum(root):
    """A resource whose schema does not list the qualifiers: the project's own rule finds it."""
    path = root / "datapackages" / "vng-bw-scan" / "datapackage.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("{name: kwalificatie")
    end = text.index("}", text.index("enum", start)) + 2
    path.write_text(text[:start] + "{name: kwalificatie, type: string}" + text[end:], encoding="utf-8")
    row = set_cell(root, "datapackages/vng-bw-scan/data/feit_3.csv", "Nederland", "vt_bereik_van_prevalentie", "kwalificatie", "hooguit")
    _, _, problems = check_inputs(root)
    assert keys(problems) == {("feit_3.csv", row, "kwalificatie", "invalid-qualifier")}
