"""Regional views without a browser: ranks and shares, computed ratios, the map per period, the
region profiles and the region index. Expected values come from the published 2019 table as
typed in tests/test_data.py (REGIONAL, by CBS code), not from the data package."""

from __future__ import annotations

import re

import pytest
from conftest import publications_root
from test_data import MEASURES, REGIONAL

from build_data.compute import ranks as benchmark
from build_data.pages import map as regionmap
from build_data.site.build import cached_build

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    return cached_build(publications_root(tmp_path_factory))  # the bundled publications (also beside a StatLine package)


def published(maat: str) -> dict[str, int]:
    i = MEASURES.index(maat)
    return {code: row[i] for code, row in REGIONAL.items()}


@pytest.mark.parametrize("maat", MEASURES)
def test_rank_and_share_follow_the_published_table(build, maat):
    ind = build.indicator(maat)
    pos = benchmark.positions(ind.records, "2019-H2", "aantal")
    values = published(maat)
    regional = {c: v for c, v in values.items() if c != "NL01"}
    assert set(pos) == set(regional)
    for code, v in regional.items():
        assert pos[code]["rang"] == 1 + sum(1 for o in regional.values() if o > v), code
        assert pos[code]["van"] == 26
        assert pos[code]["aandeel"] == round(100 * v / values["NL01"], 1)
    # ties share a rank: the ranks are 'competition' ranks, 1 is the highest
    ranks = sorted(p["rang"] for p in pos.values())
    assert ranks[0] == 1 and ranks[-1] <= 26


def test_rank_skips_missing_and_ties():
    recs = [{"periode": "2019-H2", "regio_code": c, "categorie": "", "groep": "", "waarde": v}
            for c, v in (("NL01", 100), ("VT01", 40), ("VT02", 40), ("VT03", 20), ("VT04", None))]
    pos = benchmark.positions(recs, "2019-H2", "aantal")
    assert [pos[c]["rang"] for c in ("VT01", "VT02", "VT03", "VT04")] == [1, 1, 3, None]
    assert pos["VT03"]["van"] == 3 and pos["VT04"]["aandeel"] is None
    assert pos["VT01"]["aandeel_tekst"] == f"40,0{NBSP}%"
    assert benchmark.positions(recs, "2019-H2", "procent")["VT01"]["aandeel"] is None  # no share of a percentage


def test_ratios_are_computed_from_one_table(build):
    n = published("ontvangen_meldingen")
    d = published("gestarte_adviezen")
    recs = {(r["regio_code"], r["periode"]): r for r in build.indicator("meldingen_per_advies").records}
    for code in REGIONAL:
        r = recs[(code, "2019-H2")]
        assert r["waarde"] == round(n[code] / d[code], 2)
        assert r["teken"] == "*" and r["waarde_tekst"].endswith("*")
        assert r["vindplaats"].startswith("berekend uit Tabel 'Kerncijfers per Veilig Thuis-regio")
    # the national half-year series of the Impactmonitor 2020: 64 425* / 58 500* in 2020-H1
    assert recs[("NL01", "2020-H1")]["waarde_tekst"] == "1,10*"
    # 2019-H1 is only in a chart of the publication ('.'): the ratio is missing too, not estimated
    assert recs[("NL01", "2019-H1")]["waarde"] is None and recs[("NL01", "2019-H1")]["teken"] == "."
    closed = build.indicator("aandeel_casussen_gesloten").records
    twente = next(r for r in closed if r["regio_code"] == "VT19")
    c, a = published("casussen_gesloten")["VT19"], published("casussen_actief")["VT19"]
    assert twente["waarde"] == round(100 * c / a, 1) and twente["waarde_tekst"].endswith(f"{NBSP}%*")


def test_map_follows_the_region_set_of_the_period(build):
    regions = build.catalog.regions
    m2019 = regionmap.region_map(regions, "2019-H2", {}, title="t")
    m2023 = regionmap.region_map(regions, "2023-H1", {}, title="t")
    codes = lambda html: re.findall(r'data-code="(VT\d\d)"', html)  # noqa: E731
    assert len(codes(m2019)) == 26 and "VT27" not in codes(m2019)
    assert len(codes(m2023)) == 25 and "VT27" in codes(m2023) and "VT16" not in codes(m2023) and "VT26" not in codes(m2023)
    assert 'data-kaart="tegels"' in m2019  # no real boundaries in the repository: the tile map
    assert m2019.count(" (geen cijfer)</title>") == 26  # every tile says so when there are no values


def test_map_values_classes_and_labels(build):
    ind = build.indicator("ontvangen_meldingen")
    recs = [r for r in ind.records if r["periode"] == "2019-H2" and r["regio_code"].startswith("VT")]
    html = regionmap.region_map(build.catalog.regions, "2019-H2", {r["regio_code"]: r for r in recs}, title="Meldingen")
    n = published("ontvangen_meldingen")
    for code, value in n.items():
        if code == "NL01":
            continue
        text = f"{value:,}".replace(",", NBSP) + "*"
        assert re.search(rf'data-code="{code}"[^>]*data-waarde="{value}"', html), code
        assert f"> {text}</tspan></text>" in html
    bounds = regionmap.classes([float(v) for c, v in n.items() if c != "NL01"])
    assert bounds == sorted(bounds) and bounds[-1] == max(v for c, v in n.items() if c != "NL01")
    assert html.count('role="button"') == 26 and html.count('tabindex="0"') == 26
    assert "#e3ecf6" in html and "#1d4f86" in html  # light to dark blue, never red


def test_every_region_has_a_tile_and_tiles_do_not_overlap(build):
    regions = build.catalog.regions
    for period in ("2019-H2", "2023-H1"):
        cells = {}
        for region in regions.regional(period):
            t = regions.tiles[region.code]
            for dx in range(t.breedte):
                for dy in range(t.hoogte):
                    assert (t.kolom + dx, t.rij + dy) not in cells, f"{region.naam} overlaps {cells.get((t.kolom + dx, t.rij + dy))} in {period}"
                    cells[(t.kolom + dx, t.rij + dy)] = region.naam


def test_profiles_and_index_pages(build):
    pages = build.pages
    vt = build.catalog.regions.regional()
    assert len(vt) == 27
    for region in vt:
        assert f"regio/{region.slug}.md" in pages
    twente = pages["regio/twente.md"]
    assert 'data-pagina-regio="twente"' in twente
    assert "Veilig Thuis-regio&#x27;s van het cohortonderzoek" in twente  # Twente is a cohort region
    assert "cohortonderzoek" not in pages["regio/zeeland.md"].split("Alleen landelijke cijfers")[0]
    oost = pages["regio/oost-brabant.md"]
    assert oost.count("geen cijfer: de regio bestaat pas vanaf 1e halfjaar 2023") == 14
    assert "data-soort=\"profiel\"" not in oost
    assert "opgegaan in" in pages["regio/zuidoost-brabant.md"]
    index = pages["regio/index.md"]
    assert "telde Nederland 26 Veilig Thuis-regio's, vanaf 1e halfjaar 2023 25" in index.replace("&#x27;", "'")
    assert index.count("<tr><th scope=\"row\">") == 27
    nav = build.region_nav()
    assert nav[0] == "regio/index.md" and len(nav) == 28


def test_counts_say_they_are_not_population_adjusted(build):
    page = build.pages["indicatoren/ontvangen_meldingen.md"]
    assert "niet gecorrigeerd voor het aantal inwoners" in page
    # the reference names its period: the benchmark's regions are of 2e halfjaar 2019, and so is its Nederland
    assert f"Nederland (alle regio&#x27;s samen), 2e halfjaar 2019*: <strong>66{NBSP}660*</strong>" in page or \
        f"Nederland (alle regio's samen), 2e halfjaar 2019*: <strong>66{NBSP}660*</strong>" in page
    assert 'href="meldingen_per_advies.html"' in page
    assert 'data-soort="kaart"' in page
