"""Where a region stands among the regions: ranks, 'van', shares (build_data.compute.ranks)."""

from __future__ import annotations

import pytest

from build_data.compute import ranks

PERIOD = "2019-H2"
NBSP = "\u00a0"


def rec(regio, waarde, *, periode=PERIOD, categorie="", groep=""):
    return {"regio_code": regio, "periode": periode, "categorie": categorie, "groep": groep, "waarde": waarde}


RECS = [
    rec("NL01", 200),
    rec("VT01", 50), rec("VT02", 80), rec("VT03", 50), rec("VT04", None), rec("VT05", 20),
    # not part of the comparison: another period, a category, a group, Nederland in another period
    rec("VT06", 500, periode="2020-H1"), rec("VT01", 999, categorie="politie"), rec("VT02", 999, groep="0-4 jaar"),
    rec("NL01", 1, periode="2020-H1"),
]


def test_ranks_with_ties_sharing_a_rank():
    pos = ranks.positions(RECS, PERIOD, "aantal")
    assert {code: p["rang"] for code, p in pos.items()} == {"VT02": 1, "VT01": 2, "VT03": 2, "VT04": None, "VT05": 4}


def test_van_counts_the_regions_with_a_figure():
    pos = ranks.positions(RECS, PERIOD, "aantal")
    assert {p["van"] for p in pos.values()} == {4}  # VT04 has no figure; VT06 is of another period


def test_nederland_categories_groups_and_other_periods_are_left_out():
    pos = ranks.positions(RECS, PERIOD, "aantal")
    assert set(pos) == {"VT01", "VT02", "VT03", "VT04", "VT05"}


def test_shares_of_the_national_total_for_counts():
    pos = ranks.positions(RECS, PERIOD, "aantal")
    assert pos["VT02"]["aandeel"] == 40.0 and pos["VT02"]["aandeel_tekst"] == "40,0\u00a0%"
    assert pos["VT01"]["aandeel"] == 25.0 and pos["VT01"]["aandeel_tekst"] == "25,0\u00a0%"
    assert pos["VT05"]["aandeel"] == 10.0


def test_a_share_is_rounded_to_one_decimal():
    pos = ranks.positions([rec("NL01", 3), rec("VT01", 1), rec("VT02", 2)], PERIOD, "aantal")
    assert pos["VT01"]["aandeel"] == 33.3 and pos["VT01"]["aandeel_tekst"] == "33,3\u00a0%"
    assert pos["VT02"]["aandeel"] == 66.7


@pytest.mark.parametrize("unit", ["procent", "procent_verandering", "factor"])
def test_no_shares_for_other_units(unit):
    pos = ranks.positions(RECS, PERIOD, unit)
    assert all(p["aandeel"] is None and p["aandeel_tekst"] == "" for p in pos.values())
    assert pos["VT02"]["rang"] == 1  # ranks still


@pytest.mark.parametrize("national", [None, 0, "absent"])
def test_no_shares_without_a_national_total(national):
    recs = [r for r in RECS if r["regio_code"] != "NL01"]
    if national != "absent":
        recs.append(rec("NL01", national))
    pos = ranks.positions(recs, PERIOD, "aantal")
    assert all(p["aandeel"] is None for p in pos.values())
    assert pos["VT02"]["rang"] == 1


def test_a_region_without_a_value_gets_no_rank_and_no_share():
    pos = ranks.positions(RECS, PERIOD, "aantal")
    assert pos["VT04"] == {"rang": None, "van": 4, "aandeel": None, "aandeel_tekst": ""}


def test_lower_values_and_negative_values_rank_lower():
    recs = [rec("VT01", -5), rec("VT02", 0), rec("VT03", 2.5), rec("VT04", -5)]
    pos = ranks.positions(recs, PERIOD, "procent_verandering")
    assert [pos[c]["rang"] for c in ("VT03", "VT02", "VT01", "VT04")] == [1, 2, 3, 3]


def test_municipalities_are_ranked_among_municipalities_only():
    recs = [rec("GM0001", 5), rec("GM0002", 9), rec("VT01", 7), rec("VT02", 3), rec("XX01", 100)]
    pos = ranks.positions(recs, PERIOD, "aantal")
    assert (pos["VT01"]["rang"], pos["VT01"]["van"], pos["VT02"]["rang"]) == (1, 2, 2)
    assert (pos["GM0002"]["rang"], pos["GM0002"]["van"], pos["GM0001"]["rang"]) == (1, 2, 2)
    assert "XX01" not in pos
    # the regions' ranks are those without any municipality
    alone = ranks.positions([r for r in recs if not r["regio_code"].startswith("GM")], PERIOD, "aantal")
    assert {c: pos[c] for c in alone} == alone


def test_no_figures_of_the_period():
    assert ranks.positions(RECS, "2030-H1", "aantal") == {}


@pytest.mark.parametrize("pos, text", [
    ({"rang": 2, "van": 4, "aandeel": None, "aandeel_tekst": ""}, "2 van 4"),
    ({"rang": 1, "van": 1}, "1 van 1"),
    ({"rang": None, "van": 4}, ""),
    (None, ""),
    ({}, ""),
])
def test_rank_text(pos, text):
    assert ranks.rank_text(pos) == text


def test_rank_text_of_positions():
    pos = ranks.positions(RECS, PERIOD, "aantal")
    assert [ranks.rank_text(pos[c]) for c in ("VT01", "VT02", "VT03", "VT04", "VT05")] == [
        "2 van 4", "1 van 4", "2 van 4", "", "4 van 4"]
