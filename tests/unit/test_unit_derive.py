"""Computed figures and disclosure control on tiny frames (build_data.compute.derive): the threshold,
rounding as the source rounds, the symbols of ratios and sums, and the no-recovery check."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest

from build_data.compute import derive

PKG = "pakket"
PERIOD = "2019-H2"
EN_DASH = "\u2013"
COLUMNS = ["resource", "regio_code", "periode", "maat", "categorie", "groep", "waarde", "waarde_num",
           "teken", "kwalificatie", "vindplaats", "noot"]


def row(regio, maat, waarde, teken="", *, periode=PERIOD, categorie="", groep="", resource="tabel"):
    num = math.nan if waarde is None else float(waarde)
    return {"resource": resource, "regio_code": regio, "periode": periode, "maat": maat, "categorie": categorie,
            "groep": groep, "waarde": "" if waarde is None else str(waarde), "waarde_num": num, "teken": teken,
            "kwalificatie": "", "vindplaats": "Tabel 1", "noot": ""}


def frame(rows):
    return pd.DataFrame(rows, columns=COLUMNS)


def catalog(observations, measures):
    """measures: maat -> (eenheid, afronding as the CSV text)."""
    m = pd.DataFrame([{"maat": k, "eenheid": u, "afronding": a} for k, (u, a) in measures.items()]).set_index("maat", drop=False)
    return SimpleNamespace(packages={PKG: SimpleNamespace(measures=m, observations=frame(observations))})


def by_region(df):
    return {r.regio_code: r for r in df.itertuples(index=False)}


def test_threshold():
    assert derive.DREMPEL == 10


@pytest.mark.parametrize("value, step, rounded", [
    (12.5, 5, 15),  # half up, as the source rounds
    (12.4, 5, 10),
    (17.5, 5, 20),
    (2.5, 5, 5),  # half up, not half to even (that would give 0)
    (7.4, 5, 5),
    (25, 5, 25),
    (0, 5, 0),
    (2.5, 1, 3),
    (3.5, 1, 4),
    (1499, 1000, 1000),
    (1500, 1000, 2000),
])
def test_round_as_source(value, step, rounded):
    assert derive.round_as_source(value, step) == rounded


@pytest.mark.parametrize("step", [None, 0])
def test_round_as_source_without_a_step_leaves_the_value(step):
    assert derive.round_as_source(12.34, step) == 12.34


def test_round_as_source_keeps_a_missing_value_missing():
    assert math.isnan(derive.round_as_source(math.nan, 5))


# ---- ratio ----------------------------------------------------------------------------------

MEASURES = {"meldingen": ("aantal", "5"), "adviezen": ("aantal", "5"), "aandeel": ("procent", "")}


def ratio_case(num_rows, den_rows, **kw):
    cat = catalog(den_rows, MEASURES)
    return by_region(derive.ratio(frame(num_rows), cat, PKG, "adviezen", how="meldingen gedeeld door adviezen", **kw))


def test_ratio_values_and_provisional_symbols():
    out = ratio_case(
        [row("VT01", "meldingen", 120), row("VT02", "meldingen", 100, "*"), row("VT03", "meldingen", 50, "*"),
         row("VT04", "meldingen", 10)],
        [row("VT01", "adviezen", 40), row("VT02", "adviezen", 30), row("VT03", "adviezen", 20, "**"),
         row("VT04", "adviezen", 10)])
    assert out["VT01"].waarde_num == 3.0 and out["VT01"].waarde == "3.00" and out["VT01"].teken == ""
    assert out["VT02"].waarde_num == 3.33 and out["VT02"].waarde == "3.33" and out["VT02"].teken == "*"
    assert out["VT03"].waarde_num == 2.5 and out["VT03"].teken == "**"  # '**' wins over '*'
    assert out["VT04"].waarde_num == 1.0 and out["VT04"].teken == ""  # exactly the threshold is shown
    assert out["VT01"].vindplaats == "berekend uit Tabel 1: meldingen gedeeld door adviezen"
    assert out["VT01"].noot.startswith("Berekend door deze site")


def test_ratio_scale_and_decimals():
    out = ratio_case([row("VT01", "meldingen", 30)], [row("VT01", "adviezen", 40)], scale=100, decimals=1)
    assert out["VT01"].waarde_num == 75.0 and out["VT01"].waarde == "75.0"


@pytest.mark.parametrize("num, den", [(9, 40), (40, 9), (5, 5)])
def test_ratio_from_a_count_below_the_threshold_is_withheld(num, den):
    out = ratio_case([row("VT01", "meldingen", num)], [row("VT01", "adviezen", den)])
    r = out["VT01"]
    assert r.teken == "x"
    assert math.isnan(r.waarde_num) and r.waarde == ""
    assert "minder dan 10" in r.noot


def test_ratio_threshold_is_a_parameter():
    out = ratio_case([row("VT01", "meldingen", 120), row("VT02", "meldingen", 400)],
                     [row("VT01", "adviezen", 40), row("VT02", "adviezen", 100)], drempel=50)
    assert out["VT01"].teken == "x" and "minder dan 50" in out["VT01"].noot
    assert out["VT02"].waarde_num == 4.0


def test_a_small_value_of_a_measure_that_is_no_count_is_not_withheld():
    out = ratio_case([row("VT01", "aandeel", 5)], [row("VT01", "adviezen", 40)], scale=100, decimals=1)
    assert out["VT01"].teken == "" and out["VT01"].waarde_num == 12.5


@pytest.mark.parametrize("num_sign, den_sign, expected", [
    ("x", "", "x"), ("", "x", "x"), (".", "", "."), ("", ".", "."), ("x", ".", "x"), (".", "*", "."),
])
def test_ratio_never_reveals_a_withheld_input(num_sign, den_sign, expected):
    num = None if num_sign in ("x", ".") else 120
    den = None if den_sign in ("x", ".") else 40
    out = ratio_case([row("VT01", "meldingen", num, num_sign)], [row("VT01", "adviezen", den, den_sign)])
    r = out["VT01"]
    assert r.teken == expected
    assert math.isnan(r.waarde_num) and r.waarde == ""


def test_ratio_with_nil():
    # nil (–) counts as zero: 0 meldingen is a count below the threshold (withheld), 0 adviezen no divisor
    out = ratio_case([row("VT01", "meldingen", None, EN_DASH), row("VT02", "meldingen", 120)],
                     [row("VT01", "adviezen", 40), row("VT02", "adviezen", None, EN_DASH)])
    assert out["VT01"].teken == "x"
    assert out["VT02"].teken == "." and math.isnan(out["VT02"].waarde_num)


def test_ratio_uses_totals_only_and_matches_region_and_period():
    out = derive.ratio(
        frame([row("VT01", "meldingen", 120), row("VT01", "meldingen", 60, categorie="politie"),
               row("VT02", "meldingen", 100, periode="2020-H1")]),
        catalog([row("VT01", "adviezen", 40), row("VT01", "adviezen", 20, categorie="politie"),
                 row("VT02", "adviezen", 50)], MEASURES),
        PKG, "adviezen", how="h")
    assert len(out) == 1
    r = out.iloc[0]
    assert (r.regio_code, r.categorie, r.waarde_num) == ("VT01", "", 3.0)
    assert list(out.columns) == COLUMNS  # the numerator's columns, no helper columns of the merge


def test_ratio_of_nothing_is_an_empty_frame_with_the_columns():
    out = derive.ratio(frame([]), catalog([row("VT01", "adviezen", 40)], MEASURES), PKG, "adviezen", how="h")
    assert out.empty and list(out.columns) == COLUMNS


# ---- total ----------------------------------------------------------------------------------

def total_case(first_rows, other_rows, measures=None, others=("meldingen",)):
    cat = catalog(other_rows, measures or MEASURES)
    return by_region(derive.total(frame(first_rows), cat, PKG, list(others), how="adviezen plus meldingen"))


def test_total_rounds_the_sum_as_the_source_rounds():
    out = total_case(
        [row("VT01", "adviezen", 10), row("VT02", "adviezen", 12), row("VT03", "adviezen", 5), row("VT04", "adviezen", 14)],
        [row("VT01", "meldingen", 25), row("VT02", "meldingen", 14), row("VT03", "meldingen", 7.5),
         row("VT04", "meldingen", 13)])
    assert out["VT01"].waarde_num == 35 and out["VT01"].waarde == "35"
    assert out["VT02"].waarde_num == 25  # 26 -> 25
    assert out["VT03"].waarde_num == 15  # 12,5 -> 15 (half up)
    assert out["VT04"].waarde_num == 25  # 27 -> 25
    assert "afgerond op 5" in out["VT01"].noot
    assert out["VT01"].vindplaats == "berekend uit Tabel 1: adviezen plus meldingen"


def test_total_without_a_rounding_step_is_the_plain_sum():
    out = total_case([row("VT01", "a", 12)], [row("VT01", "b", 14)],
                     measures={"a": ("aantal", ""), "b": ("aantal", "")}, others=("b",))
    assert out["VT01"].waarde_num == 26
    assert "afgerond" not in out["VT01"].noot


def test_total_takes_the_coarsest_step():
    out = total_case([row("VT01", "a", 1200)], [row("VT01", "b", 1400)],
                     measures={"a": ("aantal", "5"), "b": ("aantal", "1000")}, others=("b",))
    assert out["VT01"].waarde_num == 3000  # 2600 rounded to 1000


def test_total_symbols():
    out = total_case(
        [row("VT01", "adviezen", 10, "*"), row("VT02", "adviezen", 10, "*"), row("VT03", "adviezen", None, "x"),
         row("VT04", "adviezen", 10), row("VT05", "adviezen", 10), row("VT06", "adviezen", 10)],
        [row("VT01", "meldingen", 20), row("VT02", "meldingen", 20, "**"), row("VT03", "meldingen", 20),
         row("VT04", "meldingen", None, "."), row("VT05", "meldingen", None, EN_DASH)])  # VT06: no meldingen row
    assert out["VT01"].teken == "*" and out["VT01"].waarde_num == 30
    assert out["VT02"].teken == "**"
    assert out["VT03"].teken == "x" and math.isnan(out["VT03"].waarde_num) and out["VT03"].waarde == ""
    assert out["VT04"].teken == "." and math.isnan(out["VT04"].waarde_num)
    assert out["VT05"].teken == "" and out["VT05"].waarde_num == 10  # nil adds zero
    assert out["VT06"].teken == "." and math.isnan(out["VT06"].waarde_num)  # a part not published


def test_total_leaves_out_category_rows():
    out = derive.total(frame([row("VT01", "adviezen", 10), row("VT01", "adviezen", 5, categorie="politie")]),
                       catalog([row("VT01", "meldingen", 20)], MEASURES), PKG, ["meldingen"], how="h")
    assert len(out) == 1 and out.iloc[0].categorie == ""


# ---- check_no_recovery ----------------------------------------------------------------------

def test_check_no_recovery_reports_a_filled_withheld_cell():
    before = frame([row("VT01", "m", None, "x"), row("VT02", "m", None, "."), row("VT03", "m", 20),
                    row("VT04", "m", None, EN_DASH), row("VT05", "m", None, "x", categorie="politie")])
    after = frame([row("VT01", "m", 15), row("VT01", "m", 15), row("VT02", "m", None, "."), row("VT03", "m", 20),
                   row("VT04", "m", 0), row("VT05", "m", 3, categorie="politie")])
    problems = derive.check_no_recovery("indicatoren/x.yml", before, after)
    assert sorted(p.message for p in problems) == [
        f"de berekening geeft een waarde voor VT01 {PERIOD}, terwijl de bron dat cijfer achterhoudt (x)",
        f"de berekening geeft een waarde voor VT05 {PERIOD} politie, terwijl de bron dat cijfer achterhoudt (x)",
    ]
    assert {p.key() for p in problems} == {("x.yml", None, "compute", "reveals-suppressed")}
    assert all(p.severity == "error" for p in problems)


def test_check_no_recovery_without_withheld_input_or_output():
    assert derive.check_no_recovery("f", frame([row("VT01", "m", 20)]), frame([row("VT01", "m", 30)])) == []
    assert derive.check_no_recovery("f", frame([row("VT01", "m", None, "x")]), frame([])) == []
