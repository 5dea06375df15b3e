"""The computed indicators and the downloads equal the published figures.

REGIONAL is the table 'Kerncijfers per Veilig Thuis-regio, 2e halfjaar van 2019*' (CBS,
Beleidsinformatie Veilig Thuis, 2e halfjaar 2019), typed by CBS region code, independent of the
region names in the data package; NATIONAL lists figures stated in the text of the Impactmonitor
2020, §3.1 to §3.3."""

from __future__ import annotations

import csv
import json

import pytest
from conftest import publications_root

from build_data import ROOT
from build_data.model import formatting
from build_data.site.build import cached_build

MEASURES = ["gestarte_adviezen", "ontvangen_meldingen", "casussen_actief", "casussen_gestart", "casussen_gesloten",
            "diensten_onderzoek_actief", "diensten_onderzoek_gestart", "diensten_onderzoek_gesloten",
            "diensten_vv_actief", "diensten_vv_gestart", "diensten_vv_gesloten", "overdrachten"]

REGIONAL = {
    "NL01": [54530, 66660, 79275, 51150, 47645, 4395, 3025, 3180, 7890, 6220, 6095, 96900],
    "VT01": [1605, 5820, 6110, 4580, 4200, 155, 125, 125, 525, 440, 465, 8880],  # Amsterdam Amstelland
    "VT02": [1410, 1300, 1745, 975, 960, 180, 100, 120, 100, 70, 75, 2520],  # Drenthe
    "VT03": [2575, 2780, 2880, 2025, 1585, 70, 50, 55, 750, 595, 560, 3040],  # Flevoland
    "VT04": [2655, 2320, 2575, 1720, 1535, 430, 325, 320, 355, 300, 275, 2975],  # Friesland
    "VT05": [2785, 1735, 2370, 1415, 1670, 165, 115, 130, 90, 70, 70, 3310],  # Gelderland- Midden
    "VT06": [2310, 1400, 1670, 1075, 870, 130, 75, 115, 235, 200, 195, 2235],  # Gelderland-Zuid
    "VT07": [760, 790, 1085, 515, 490, 20, 20, 10, 335, 230, 215, 235],  # Gooi en Vechtstreek
    "VT08": [1930, 2170, 2495, 1650, 1485, 175, 135, 105, 145, 120, 115, 3975],  # Groningen
    "VT09": [3995, 5430, 5575, 4105, 3365, 530, 295, 405, 570, 420, 455, 8340],  # Haaglanden
    "VT10": [2315, 3220, 3370, 2470, 2230, 250, 165, 170, 225, 170, 175, 5805],  # Hollands- Midden
    "VT11": [1335, 1245, 1460, 975, 825, 180, 110, 130, 305, 250, 195, 1305],  # IJsselland
    "VT12": [1610, 1670, 1920, 1330, 1250, 90, 65, 35, 220, 170, 100, 2200],  # Kennemerland
    "VT13": [1070, 1845, 2110, 1465, 1375, 80, 50, 35, 105, 70, 60, 895],  # Noord- en Midden Limburg
    "VT14": [3050, 1610, 2230, 1220, 1035, 125, 85, 95, 640, 505, 530, 2060],  # Noord en Oost Gelderland
    "VT15": [1600, 2095, 2185, 1435, 1285, 95, 75, 70, 290, 225, 230, 2795],  # Midden-Brabant
    "VT16": [1815, 1900, 2150, 1440, 1155, 240, 180, 190, 365, 280, 295, 2715],  # Brabant- Noordoost
    "VT17": [2260, 2300, 3075, 1710, 1860, 315, 225, 230, 180, 140, 135, 5205],  # Noord-Holland Noord
    "VT18": [4560, 7375, 8360, 5530, 5755, 75, 65, 60, 605, 510, 540, 11335],  # Rotterdam- Rijnmond
    "VT19": [1165, 1665, 1965, 1190, 690, 50, 35, 25, 280, 205, 150, 1980],  # Overijssel regio Twente
    "VT20": [3325, 5440, 5635, 4735, 4420, 265, 190, 185, 450, 360, 350, 3455],  # Utrecht
    "VT21": [1555, 2970, 3580, 2120, 2210, 80, 50, 60, 235, 165, 185, 4810],  # West-Brabant
    "VT22": [1315, 1225, 1405, 915, 715, 50, 35, 35, 110, 100, 100, 1070],  # Zaanstreek- Waterland
    "VT23": [1165, 975, 1120, 780, 690, 90, 75, 55, 85, 70, 65, 645],  # Zeeland
    "VT24": [1285, 1790, 1890, 1315, 1175, 200, 150, 135, 75, 55, 60, 3905],  # Zuid-Holland Zuid
    "VT25": [2095, 2365, 6875, 1890, 2515, 180, 115, 155, 275, 235, 240, 5410],  # Zuid-Limburg
    "VT26": [2980, 3230, 3435, 2575, 2285, 165, 120, 130, 335, 265, 275, 5800],  # Zuidoost- Brabant
}

# (indicator, period, category, value, CBS symbol) as the Impactmonitor 2020 states them.
NATIONAL = [
    ("gestarte_adviezen", "2020-H1", "", 58500, "*"),
    ("ontvangen_meldingen", "2020-H1", "", 64425, "*"),
    ("adviezen_andere_problematiek", "2020-H1", "", 17000, "*"),
    ("meldingen_andere_problematiek", "2020-H1", "", 15000, "*"),
    ("adviezen_naar_adviesvrager", "2020-H1", "beroepsmatig", 55.6, "*"),
    ("adviezen_naar_adviesvrager", "2020-H1", "burger", 42.9, "*"),
    ("meldingen_naar_melder", "2020-H1", "politie", 66.5, "*"),
    ("meldingen_naar_melder", "2019-H1", "politie", 62.3, ""),
    ("meldingen_naar_melder", "2020-H1", "beroepsmatig_overig", 23.4, "*"),
    ("meldingen_naar_melder", "2020-H1", "burger", 9.2, "*"),
    ("duur_geweld_max_week", "2020-H1", "meldingen", 39, "*"),
    ("duur_geweld_max_week", "2020-H1", "adviezen", 29, "*"),
    ("meldingen_onveilig_aandeel", "2020-H1", "", 41, "*"),
    ("meldingen_onveilig_aandeel", "2019-H1", "", 38, ""),
    ("vervolgstap_na_veiligheidsbeoordeling", "2020-H1", "directe_overdracht", 77, "*"),
    ("vervolgstap_na_veiligheidsbeoordeling", "2020-H1", "onderzoek", 9, "*"),
    ("vervolgstap_na_veiligheidsbeoordeling", "2020-H1", "voorwaarden_en_vervolg", 17, "*"),
    ("meldingen_politie", "2020-H1", "", 43508, ""),
    ("meldingen_politie", "2019", "", 88500, ""),
    ("meldingen_onveilig", "2020-H1", "acuut", 2535, "*"),
    ("meldingen_onveilig", "2020-H1", "structureel", 23730, "*"),
    ("meldingen_onveilig_door_politie", "2020-H1", "acuut", 51, "*"),
    ("meldingen_onveilig_door_politie", "2020-H1", "structureel", 63, "*"),
    ("casussen_gesloten", "2020-H1", "", 50760, "*"),
    ("casussen_gesloten_met_overdracht", "2020-H1", "", 35120, "*"),
    ("casussen_overdracht_naar", "2020-H1", "politie", 0.5, "*"),
    ("casussen_overdracht_naar", "2019-H1", "politie", 0.5, ""),
    ("casussen_overdracht_naar", "2020-H1", "rvdk", 0.7, "*"),
    ("casussen_overdracht_naar", "2019-H1", "rvdk", 0.8, ""),
    ("casussen_onveilig_gesloten", "2020-H1", "", 19880, "*"),
    ("casussen_onveilig_gesloten_met_overdracht", "2020-H1", "", 14860, "*"),
    ("casussen_onveilig_overdracht_naar", "2020-H1", "politie", 0.6, "*"),
    ("casussen_onveilig_overdracht_naar", "2020-H1", "om", 0.0, "*"),
]

# Published changes: stored as changes, never turned into a level.
CHANGES = [
    ("gestarte_adviezen", "2020-H1", 10),
    ("ontvangen_meldingen", "2020-H1", -2),
    ("meldingen_politie", "2020-H1", -2.6),
]


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    return cached_build(publications_root(tmp_path_factory))  # the bundled publications (also beside a StatLine package)


def _json(build, ind_id):
    from build_data.compute.outputs import indicator_json
    return indicator_json(build.indicator(ind_id))


def test_reference_table_adds_up():
    """The reference itself is consistent with the published totals (rounding to 5)."""
    for i in range(12):
        parts = sum(v[i] for k, v in REGIONAL.items() if k != "NL01")
        assert abs(parts - REGIONAL["NL01"][i]) <= 2 * 27, MEASURES[i]


@pytest.mark.parametrize("measure_index", range(12), ids=MEASURES)
def test_regional_figures_in_indicator_json(build, measure_index):
    measure = MEASURES[measure_index]
    data = _json(build, measure)
    got = {(w["regio_code"]): (w["waarde"], w["teken"]) for w in data["waarnemingen"] if w["periode"] == "2019-H2"}
    expected = {code: (values[measure_index], "*") for code, values in REGIONAL.items()}
    assert got == expected


@pytest.mark.parametrize("ind_id,period,category,value,symbol", NATIONAL)
def test_national_figures(build, ind_id, period, category, value, symbol):
    rows = [w for w in _json(build, ind_id)["waarnemingen"]
            if w["regio_code"] == "NL01" and w["periode"] == period and w["categorie"] == category]
    assert [(w["waarde"], w["teken"]) for w in rows] == [(value, symbol)]


@pytest.mark.parametrize("ind_id,period,value", CHANGES)
def test_changes_are_stored_not_back_computed(build, ind_id, period, value):
    data = _json(build, ind_id)
    assert [(w["periode"], w["waarde"]) for w in data["verandering"]] == [(period, value)]
    # the level a year earlier is not stated in the text: it stays missing ('.'), never derived
    year_before = [w for w in data["waarnemingen"] if w["regio_code"] == "NL01" and w["periode"] == "2019-H1"]
    assert year_before and all(w["waarde"] is None and w["teken"] == "." for w in year_before)


def test_every_value_has_a_citation(build):
    from build_data.compute.outputs import indicator_json
    for ind in build.indicators:
        data = indicator_json(ind)
        assert data["bronnen"], ind.id
        for w in data["waarnemingen"] + data["verandering"]:
            assert w["bron"] and w["vindplaats"], (ind.id, w)


def test_missing_values_keep_their_symbol(build):
    data = _json(build, "meldingen_politie")
    missing = [w for w in data["waarnemingen"] if w["waarde"] is None]
    assert {w["periode"] for w in missing} == {"2018-H1", "2018-H2", "2019-H1", "2019-H2"}
    assert {w["teken"] for w in missing} == {"."}
    assert {w["waarde_tekst"] for w in missing} == {"."}


def test_dutch_number_formats(build):
    data = _json(build, "casussen_actief")
    zl = next(w for w in data["waarnemingen"] if w["regio_code"] == "VT25")
    assert zl["waarde_tekst"] == "6\u00a0875*"
    pct = next(w for w in _json(build, "adviezen_naar_adviesvrager")["waarnemingen"]
               if w["categorie"] == "beroepsmatig" and w["periode"] == "2020-H1")
    assert pct["waarde_tekst"] == "55,6\u00a0%*"
    om = next(w for w in _json(build, "casussen_onveilig_overdracht_naar")["waarnemingen"]
              if w["categorie"] == "om" and w["periode"] == "2020-H1")
    assert om["waarde_tekst"] == "0,0\u00a0%*"  # as printed: '0,0 procent'
    change = _json(build, "meldingen_politie")["verandering"][0]
    assert change["waarde_tekst"] == "\u22122,6\u00a0%"


def _site_data():
    data_dir = ROOT / "site" / "data"
    if not data_dir.exists():
        pytest.fail("site/data ontbreekt: voer eerst `make site` uit")
    return data_dir


def test_all_312_regional_figures_are_in_the_downloads():
    """After `make site`: every regional figure of the 2019 table is in site/data/<id>.csv."""
    data_dir = _site_data()
    found = 0
    for i, measure in enumerate(MEASURES):
        with (data_dir / f"{measure}.csv").open(encoding="utf-8") as f:
            rows = {(r["regio_code"], r["periode"]): r for r in csv.DictReader(f)}
        for code, values in REGIONAL.items():
            if code == "NL01":
                continue
            row = rows[(code, "2019-H2")]
            assert row["regio_naam"] and row["vindplaats"] and row["eenheid"] == "aantal", (measure, code)
            if row["bron"].startswith("CBS, StatLine"):
                # with the StatLine package (make fetch-statline): StatLine's newer figure is shown and
                # the printed one is kept as its earlier version, with its publication
                printed = f"{formatting.number(values[i])}* (CBS, Beleidsinformatie Veilig Thuis, 2e halfjaar 2019"
                assert row["herzien"].startswith(printed) or (float(row["waarde"]), row["teken"]) == (values[i], "*"), (measure, code, row)
            else:
                assert (float(row["waarde"]), row["teken"]) == (values[i], "*"), (measure, code)
                assert "Beleidsinformatie Veilig Thuis" in row["bron"]
            found += 1
    assert found == 312


def test_json_download_matches_csv_download():
    data_dir = _site_data()
    data = json.loads((data_dir / "ontvangen_meldingen.json").read_text(encoding="utf-8"))
    with (data_dir / "ontvangen_meldingen.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(data["waarnemingen"])
    assert data["bronnen"][0]["licentie"] == "CC-BY-4.0"


def test_bounds_keep_their_wording(build):
    data = _json(build, "meldingen_naar_melder_bw_scan")
    ggz = next(w for w in data["waarnemingen"] if w["categorie"] == "ggz")
    assert (ggz["kwalificatie"], ggz["waarde_tekst"]) == ("minder dan", "minder dan 2,5\u00a0%")
    assert _json(build, "vt_bereik_van_prevalentie")["waarnemingen"][0]["waarde_tekst"] == "maximaal 20\u00a0%"
