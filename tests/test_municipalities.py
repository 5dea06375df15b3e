"""Municipalities as areas of the site, from datapackages/cbs-gebieden-in-nederland (package 2 of the
StatLine contract) and the municipal rows of a StatLine package (package 1), both written by
tests/gebieden_package.py into tmp dirs only: loading and validation, then one build with both
packages (profiles, the region's list, the selector, the ranking of the regions), and what a
missing package 2 does to municipal rows."""

from __future__ import annotations

import re

import pytest
import statline_package
from conftest import copy_content, publications_root
from roots import copy_datapackages
from gebieden_package import MAAT, MERGED, STATLINE, add_municipal_rows, gemeenten_rows, write_gebieden_package

from build_data import ROOT
from build_data.compute import ranks
from build_data.load.packages import load_all, read_regions
from build_data.model import periods
from build_data.site.build import build_all

GEMEENTEN = "datapackages/cbs-gebieden-in-nederland/data/gemeenten.csv"
DECLARATION = """id: statline_ontvangen_meldingen
thema: vergroting-bereik-veilig-thuis
volgorde: 21
niveau: regionaal
titel: Ontvangen meldingen (StatLine)
bron:
  pakket: cbs-statline-veilig-thuis
statline:
  tabel: 84847NED
  maat: {maat}
grafieken:
- regio-vergelijking
- halfjaar-reeks
tekst: Testindicator uit een StatLine-pakket met gemeenten.
"""
NBSP = "\u00a0"


def data_root(tmp_path, gebieden=True, municipal_rows=True, rows=None):
    """A copy of the repository's packages (and content) with the test packages added."""
    copy_datapackages(tmp_path / "datapackages")
    if gebieden:
        write_gebieden_package(tmp_path / "datapackages", rows=rows)
    # package 1 as the StatLine indicators read it (every table they declare), plus municipal rows
    pkg = statline_package.write_statline_package(tmp_path / "datapackages", missing=0)
    if municipal_rows:
        add_municipal_rows(pkg)
    return tmp_path


# ---------------------------------------------------------------------------------------------
# Loading and validation
# ---------------------------------------------------------------------------------------------

def test_municipalities_become_regions_with_membership(tmp_path):
    root = data_root(tmp_path)
    catalog = load_all(root)
    assert [p for p in catalog.problems if p.severity == "error"] == []
    regions = catalog.regions
    gm = {r.code: r for r in regions.municipalities()}
    assert len(gm) == 10 and all(r.soort == "gemeente" for r in gm.values())
    assert gm["GM0363"].slug == "amsterdam" and gm["GM0796"].slug == "s-hertogenbosch"
    # a slug another region has: name + '-gemeente' (Groningen and Utrecht are also Veilig Thuis regions)
    assert (gm["GM0014"].slug, gm["GM0344"].slug) == ("groningen-gemeente", "utrecht-gemeente")
    assert regions.by_code["VT08"].slug == "groningen"
    assert (gm["GM0935"].geldig_vanaf, gm["GM0935"].geldig_tot) == ("2019-H1", "2025-H2")
    assert (gm[MERGED].geldig_vanaf, gm[MERGED].geldig_tot) == ("2019-H1", "2021-H2")
    assert gm[MERGED].valid_in("2021-H2") and not gm[MERGED].valid_in("2022-H1")
    # membership per year: Oost-Brabant from 2023, its predecessors until 2022
    assert [r.code for r in regions.members("VT16", 2022)] == ["GM0796"] and regions.members("VT16", 2023) == []
    assert [r.naam for r in regions.members("VT27", 2023)] == ["Eindhoven", "'s-Hertogenbosch"]
    assert [r.naam for r in regions.members("VT25", 2021)] == ["Heerlen", "Kerkrade", "Maastricht", "Testgemeente Mergelland"]
    assert [r.naam for r in regions.members("VT25", 2025)] == ["Heerlen", "Kerkrade", "Maastricht"]
    assert regions.region_of("GM0772", 2022).code == "VT26" and regions.region_of("GM0772", 2023).code == "VT27"
    # the Veilig Thuis regions are as before
    assert len(regions.vt_regions("2022-H2")) == 26 and len(regions.vt_regions("2023-H1")) == 25
    # the municipal rows of the StatLine package are known and valid in their period
    obs = catalog.packages[STATLINE].observations
    gm_rows = obs[obs.regio.str.startswith("GM")]
    assert len(gm_rows) and (gm_rows.regio_code == gm_rows.regio).all()
    assert set(gm_rows[gm_rows.regio == MERGED].periode) == {f"{y}-H{h}" for y in (2019, 2020, 2021) for h in (1, 2)}


def test_read_regions_reads_the_municipalities_beside_it(tmp_path, tmp_path_factory):
    root = data_root(tmp_path, municipal_rows=False)
    assert len(read_regions(root / "datapackages" / "regions").municipalities()) == 10
    # the bundled publications have no package 2
    assert read_regions(publications_root(tmp_path_factory) / "datapackages" / "regions").municipalities() == []


def _problems(catalog, file=GEMEENTEN):
    return [(p.row, p.field, p.type, p.message) for p in catalog.problems if p.file == file]


def test_slips_in_the_municipalities_are_problems_with_file_row_and_field(tmp_path):
    rows = gemeenten_rows(range(2022, 2024))
    rows[1][3] = "VT99"  # unknown Veilig Thuis region (row 3)
    rows[2][2] = ""  # empty name (row 4)
    rows.append(list(rows[0]))  # a municipality twice in one year
    vt27 = next(i for i, r in enumerate(rows) if r[0] == 2022 and r[1] == "GM0772")
    rows[vt27][3] = "VT27"  # Oost-Brabant did not exist in 2022
    root = data_root(tmp_path, rows=rows, municipal_rows=False)
    found = _problems(load_all(root))
    by_type = {t: (row, field, msg) for row, field, t, msg in found}
    assert by_type["unknown-region"][:2] == (3, "veilig_thuis_regio") and "'VT99'" in by_type["unknown-region"][2]
    assert by_type["missing-value"][:2] == (4, "naam")
    assert by_type["primary-key"][0] == len(rows) + 1
    assert by_type["region-not-valid"][:2] == (vt27 + 2, "veilig_thuis_regio") and "2022" in by_type["region-not-valid"][2]
    # each slip once (frictionless and the own rules do not both report it)
    assert len([f for f in found if f[2] in ("primary-key", "missing-value")]) == 2, found


def test_municipal_rows_without_the_package_of_municipalities_are_one_clear_problem(tmp_path):
    root = data_root(tmp_path, gebieden=False)
    catalog = load_all(root)
    file = f"datapackages/{STATLINE}/data/statline_84847ned.csv"
    found = [p for p in catalog.problems if p.file == file]
    assert len(found) == 1, found
    p = found[0]
    assert (p.field, p.type, p.severity) == ("regio", "unknown-region", "error")
    assert "cbs-gebieden-in-nederland" in p.message and "ontbreekt" in p.message and "gemeentecodes (GM)" in p.message
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    assert p.row == next(i for i, line in enumerate(lines, start=1) if line.startswith("GM"))  # the first such row
    assert f"{sum(line.startswith('GM') for line in lines)} rijen met 10 gemeentecodes" in p.message


def test_a_municipality_outside_its_years_is_not_valid(tmp_path):
    root = data_root(tmp_path)
    data = root / "datapackages" / STATLINE / "data" / "statline_84847ned.csv"
    with data.open("a", encoding="utf-8") as f:
        f.write(f"{MERGED},2022-H1,{MAAT},,,100,\n")
    found = [p for p in load_all(root).problems if p.file.endswith("statline_84847ned.csv")]
    assert [(p.field, p.type) for p in found] == [("regio", "region-not-valid")]
    assert "2022-H1" in found[0].message


# ---------------------------------------------------------------------------------------------
# One build with both packages
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gm_build(tmp_path_factory):
    root = data_root(tmp_path_factory.mktemp("gemeenten"))
    copy_content(root)
    (root / "build_data/indicators/vergroting-bereik-veilig-thuis/statline_ontvangen_meldingen.yml").write_text(
        DECLARATION.format(maat=MAAT), encoding="utf-8")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    return build_all(root)


def without_municipalities(build) -> list:
    """The regional indicators without a municipal figure."""
    return [v for v in build.indicators if v.regional and not any(r["regio_code"].startswith("GM") for r in v.records)]


def test_a_municipality_has_a_profile_with_its_figures(gm_build):
    page = gm_build.pages["regio/maastricht.md"]
    assert "# Gemeenteprofiel Maastricht" in page and 'data-pagina-regio="maastricht"' in page
    assert 'Veilig Thuis-regio <a href="zuid-limburg.html">Zuid-Limburg</a> (2025)' in page
    view = gm_build.indicator("statline_ontvangen_meldingen")
    mine = [r for r in view.records if r["regio_code"] == "GM0935"]
    latest = mine[-1]
    row = re.search(r'<tr data-indicator="statline_ontvangen_meldingen">(.*?)</tr>', page).group(1)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells[0] == latest["waarde_tekst"] and latest["waarde_tekst"].endswith("*")
    zl = next(r for r in view.records if r["regio_code"] == "VT25" and r["periode"] == latest["periode"])
    nl = next(r for r in view.records if r["regio_code"] == "NL01" and r["periode"] == latest["periode"])
    assert cells[1].startswith(zl["waarde_tekst"]) and "(Zuid-Limburg)" in cells[1] and cells[2] == nl["waarde_tekst"]
    assert re.fullmatch(r"\d van 9", cells[3])  # ranked among the 9 municipalities of 2024
    assert cells[4] == latest["periode_label"] and cells[5] == "[1]"
    assert "CBS, StatLine-tabel 84847NED" in page  # its citation
    # every period of the series
    assert all(r["periode_label"] in page for r in mine)
    # a municipality whose region changed: its region per year, from the division of each year
    bosch = gm_build.pages["regio/s-hertogenbosch.md"]
    assert "Veilig Thuis-regio per jaar: 2019–2022 Noord-Brabant Noord; 2023–2025 Oost-Brabant." in bosch
    assert 'Veilig Thuis-regio <a href="oost-brabant.html">Oost-Brabant</a> (2025)' in bosch
    # an indicator without municipal figures is not on a municipality's profile
    assert all(f'data-indicator="{v.id}"' not in page for v in without_municipalities(gm_build))


def test_cbs_secrecy_dot_stays_visible(gm_build):
    page = gm_build.pages["regio/testgemeente-mergelland.md"]
    row = re.search(r'<tr data-indicator="statline_ontvangen_meldingen">(.*?)</tr>', page).group(1)
    cell = re.findall(r"<td[^>]*>(.*?)</td>", row)[0]
    assert cell.startswith(". (gegevens ontbreken") and "hgkm-ontbreekt" in row
    assert ">0<" not in row and "<td class=\"hgkm-ontbreekt\"></td>" not in page
    assert "tot en met 2021 in de gemeentelijke indeling" in page  # gone from 2022
    # the page script's list of areas says when it existed (for '?regio=' on a page without its figures)
    areas = gm_build.files["assets/regios.js"].decode("utf-8")
    assert '"bestaat": "vanaf 1e halfjaar 2019 tot en met 2e halfjaar 2021"' in areas
    kerkrade = gm_build.pages["regio/kerkrade.md"]
    assert re.search(r'<th scope="row">1e halfjaar 2023</th><td class="hgkm-ontbreekt">\. \(gegevens ontbreken', kerkrade)
    recs = [r for r in gm_build.indicator("statline_ontvangen_meldingen").records if r["regio_code"] == "GM0928"
            and r["periode"] == "2023-H1"]
    assert recs[0]["waarde"] is None and recs[0]["teken"] == "." and recs[0]["waarde_tekst"] == "."


def test_region_profile_lists_its_municipalities(gm_build):
    page = gm_build.pages["regio/zuid-limburg.md"]
    assert "## Gemeenten in Zuid-Limburg (2025)" in page
    block = page[page.index("## Gemeenten in Zuid-Limburg"):]
    links = re.findall(r'<li><a href="([a-z0-9-]+)\.html">([^<]+)</a></li>', block)
    assert links == [("heerlen", "Heerlen"), ("kerkrade", "Kerkrade"), ("maastricht", "Maastricht")]
    assert "testgemeente-mergelland" not in block  # not in the latest year
    # a region that ended in 2022: its municipalities of 2022
    assert "## Gemeenten in Noord-Brabant Noord (2022)" in gm_build.pages["regio/noord-brabant-noord.md"]
    assert "## Gemeenten in Oost-Brabant (2025)" in gm_build.pages["regio/oost-brabant.md"]
    index = gm_build.pages["regio/index.md"]
    assert "## Gemeenten" in index and 'href="groningen-gemeente.html">Groningen</a>' in index
    assert "tot en met 2021" in index  # the municipality that disappeared
    # the count of the regions leaves the municipalities out
    assert "telde Nederland 26 Veilig Thuis-regio&#x27;s, vanaf 1e halfjaar 2023 25:" in index


def test_selector_offers_municipalities_where_the_indicator_has_them(gm_build):
    page = gm_build.pages["indicatoren/statline_ontvangen_meldingen.md"]
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', page)
    assert [g for g, _ in groups] == ["Veilig Thuis-regio&#x27;s", "Gemeenten"]
    gm = re.findall(r'<option value="([a-z0-9-]+)" data-code="(GM\d{4})">', groups[1][1])
    assert ("maastricht", "GM0935") in gm and ("groningen-gemeente", "GM0014") in gm
    assert MERGED not in {c for _, c in gm}  # gone before the latest period
    assert [s for s, _ in gm][:2] == ["amsterdam", "eindhoven"]  # alphabetical ('s-Hertogenbosch under s)
    assert '<label for="hgkm-regio">Regio of gemeente</label>' in page
    # an indicator without municipal figures: the selector as before
    without = without_municipalities(gm_build)
    assert without
    for view in without:
        other = gm_build.pages[f"indicatoren/{view.id}.md"]
        assert "<optgroup" not in other and '<label for="hgkm-regio">Regio</label>' in other, view.id


def test_ranking_of_the_regions_is_not_mixed_with_municipalities(gm_build):
    view = gm_build.indicator("statline_ontvangen_meldingen")
    gm_period = max({r["periode"] for r in view.records if r["regio_code"].startswith("GM")}, key=periods.sort_key)
    for period in {view.latest_regional, gm_period}:
        both = ranks.positions(view.records, period, view.eenheid)
        without = ranks.positions([r for r in view.records if not r["regio_code"].startswith("GM")], period, view.eenheid)
        vt = {c: p for c, p in both.items() if c.startswith("VT")}
        assert vt == without and {p["van"] for p in vt.values()} == {25}
    assert {c: p for c, p in view.positions.items() if c.startswith("VT")} == ranks.positions(
        [r for r in view.records if not r["regio_code"].startswith("GM")], view.latest_regional, view.eenheid)
    gm = {c: p for c, p in ranks.positions(view.records, gm_period, view.eenheid).items() if c.startswith("GM")}
    assert {p["van"] for p in gm.values()} == {9}
    # the comparison chart, its table and the map show the regions only
    page = gm_build.pages["indicatoren/statline_ontvangen_meldingen.md"]
    fig = page[page.index('data-soort="regio-vergelijking"'):]
    fig = fig[:fig.index("</figure>")]
    assert 'data-regio="maastricht"' not in fig and "Maastricht" not in fig
    assert "Gemeenten staan niet in deze vergelijking" in fig
    assert all("Gemeenten staan niet" not in gm_build.pages[f"indicatoren/{v.id}.md"] for v in without_municipalities(gm_build))
    assert 'data-code="GM' not in page.split('class="hgkm-kaart')[1] if 'class="hgkm-kaart' in page else True
    # the profiles' share dots are the regions'
    dots = gm_build.files.get("assets/profielgrafiek.js", b"").decode("utf-8")
    assert "Maastricht" not in dots


def test_the_site_of_the_publications_has_no_municipalities(tmp_path_factory):
    from build_data.site.build import cached_build

    build = cached_build(publications_root(tmp_path_factory))
    assert build.catalog.regions.municipalities() == []
    assert not any("Gemeenteprofiel" in p for p in build.pages.values())
    assert not any("<optgroup" in p for p in build.pages.values())


def test_a_municipality_twice_in_a_year_without_a_declared_key(tmp_path):
    """The fetcher's descriptor may declare no primaryKey: the own rule still finds the duplicate."""
    import yaml

    rows = gemeenten_rows(range(2023, 2024))
    rows.append(list(rows[3]))
    root = data_root(tmp_path, rows=rows, municipal_rows=False)
    desc = root / "datapackages" / "cbs-gebieden-in-nederland" / "datapackage.yaml"
    d = yaml.safe_load(desc.read_text(encoding="utf-8"))
    del d["resources"][0]["schema"]["primaryKey"]
    desc.write_text(yaml.safe_dump(d, allow_unicode=True), encoding="utf-8")
    found = _problems(load_all(root))
    assert [(row, field, t) for row, field, t, _ in found] == [(len(rows) + 1, "gemeente", "primary-key")]
    assert "ook in rij 5" in found[0][3]
