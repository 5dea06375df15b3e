"""StatLine drives the Veilig Thuis indicators (issue 14, parts 2 to 4), on a build root in a
temporary folder with a synthetic datapackages/cbs-statline-veilig-thuis (tests/statline_package.py:
values generated at run time, in the shape the fetcher writes; one real value, Nederland 1e halfjaar
2020 Ontvangen meldingen = 64 505, cbs.nl table page 84852NED).

- every half-year 2019-H1 .. 2025-H1 for Nederland and Zuid-Limburg, the 2023 division from 2023-H1
  (Oost-Brabant in the benchmark of 2023-H1, not in that of 2022-H2), a benchmark per period;
- the printed 64 425* becomes a revision of StatLine's 64 505, the shown figure cites StatLine;
- hermeldingen (85361NED) exists and makes its catalogue entry available;
- the statline blocks are checked when the package is there and inert when it is not: without the
  package the build is the same as one from declarations without any statline block;
- in Chromium, at 390 and 1280 px: the period choice draws the chosen period's marks with its values.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_content, serve
from roots import copy_datapackages, copy_root
from statline_package import REAL_NL_2020H1_MELDINGEN, write_statline_package

from build_data.site.build import build_all, check_inputs

HALF_YEARS = [f"{y}-H{h}" for y in range(2019, 2026) for h in (1, 2)][:-1]  # 2019-H1 .. 2025-H1
STATLINE_DIR = "cbs-statline-veilig-thuis"


def _inputs(root: Path, package: bool = True, **kwargs) -> Path:
    copy_root(root)
    if package:
        write_statline_package(root / "datapackages", **kwargs)
    return root


@pytest.fixture(scope="module")
def statline_site(tmp_path_factory):
    """A root with the StatLine package, built as `make site` builds it: (root, build)."""
    from build_data.site.build import cached_build
    from build_data.site.publish import build_site

    root = _inputs(tmp_path_factory.mktemp("statline"))
    build_site(root)
    return root, cached_build(root)


def _json(root: Path, id_: str) -> dict:
    return json.loads((root / "site" / "data" / f"{id_}.json").read_text(encoding="utf-8"))


def _page(root: Path, path: str) -> str:
    return (root / "site" / path).read_text(encoding="utf-8")


def _period_boxes(html: str, root: Path | None = None) -> dict[str, str]:
    """The HTML of each period's figure and map (.hgkm-periodevak), by period: the latest's from the
    page, the others' from the part the page loads when one is chosen (build_data.pages.parts)."""
    parts = re.split(r'<div class="hgkm-periodevak" data-periode="([^"]+)"', html)
    boxes = dict(zip(parts[1::2], parts[2::2]))
    if root is not None:
        for period, box in boxes.items():
            m = re.match(r' data-deel="\.\./(assets/delen/[^"]+\.js)" hidden></div>', box)
            if m:
                script = (root / "site" / m[1]).read_text(encoding="utf-8")
                boxes[period] = json.loads(script[script.index("] = ") + 4:].rstrip().rstrip(";"))[period]
    return boxes


def test_every_half_year_for_nederland_and_zuid_limburg(statline_site):
    root, _ = statline_site
    recs = _json(root, "ontvangen_meldingen")["waarnemingen"]
    for code in ("NL01", "VT25"):
        shown = {r["periode"] for r in recs if r["regio_code"] == code and r["waarde"] is not None}
        assert [p for p in HALF_YEARS if p not in shown] == [], code
    page = _page(root, "indicatoren/ontvangen_meldingen.html")
    series = page[page.index('data-soort="halfjaar-reeks"'):]
    rows = re.findall(r'<tr data-regio="zuid-limburg"><th scope="row">Zuid-Limburg</th><td>([^<]+)</td>', series)
    assert rows[:len(HALF_YEARS)] == [f"{p[-1]}e halfjaar {p[:4]}" + ("*" if p == "2025-H1" else "**" if p == "2024-H2" else "")
                                      for p in HALF_YEARS]


def test_the_division_of_each_period_in_its_benchmark(statline_site):
    root, _ = statline_site
    page = _page(root, "indicatoren/ontvangen_meldingen.html")
    boxes = _period_boxes(page, root)
    assert set(HALF_YEARS) <= set(boxes) and {"2019", "2024"} <= set(boxes)
    assert 'data-regio="oost-brabant"' in boxes["2023-H1"] and 'data-regio="noord-brabant-noord"' not in boxes["2023-H1"]
    assert 'data-regio="oost-brabant"' not in boxes["2022-H2"] and 'data-regio="zuidoost-brabant"' in boxes["2022-H2"]
    assert 'data-regio="oost-brabant"' not in boxes["2022"]  # a year of the old division: VT27 existed in none of its halves
    # the latest period is shown first, the others hidden; the choice offers every period
    assert re.search(r'data-periode="2025-H1">', page) and re.search(r'data-periode="2023-H1" data-deel="[^"]+" hidden>', page)
    options = re.findall(r'<option value="(\d{4}(?:-H[12])?)"', page)
    assert options[0] == "2019-H1" and options[-1] == "2025-H1" and "2022" in options
    # each period's caption names its period (a comparison of one period, never half-years and years mixed)
    assert "per Veilig Thuis-regio, 2e halfjaar 2022</figcaption>" in boxes["2022-H2"]
    assert "Kaart: Ontvangen meldingen per Veilig Thuis-regio, 2022</figcaption>" in boxes["2022"]
    # the downloads of the period shown: one period each, the regions of its division
    csv_2023 = (root / "site" / "data" / "ontvangen_meldingen-2023-H1.csv").read_text(encoding="utf-8").splitlines()
    rows = [r.split(",") for r in csv_2023[1:]]
    assert {r[3] for r in rows} == {"2023-H1"} and "VT27" in {r[1] for r in rows} and "VT16" not in {r[1] for r in rows}
    assert len(rows) == 1 + 25
    per_period = json.loads((root / "site" / "data" / "ontvangen_meldingen-2022-H2.json").read_text(encoding="utf-8"))
    assert per_period["perioden"] == ["2022-H2"] and len(per_period["waarnemingen"]) == 1 + 26
    assert 'href="../data/ontvangen_meldingen-2022-H2.csv" download' in boxes["2022-H2"]


def test_the_printed_figure_becomes_a_revision_of_statline(statline_site):
    root, _ = statline_site
    recs = _json(root, "ontvangen_meldingen")["waarnemingen"]
    nl = next(r for r in recs if r["regio_code"] == "NL01" and r["periode"] == "2020-H1")
    assert nl["waarde"] == REAL_NL_2020H1_MELDINGEN and nl["waarde_tekst"] == "64\u00a0505"
    assert [h["waarde_tekst"] for h in nl["herzien"]] == ["64\u00a0425*"]
    assert nl["herzien"][0]["bron"].startswith("CBS, Impactmonitor aanpak huiselijk geweld en kindermishandeling 2020")
    assert nl["noot"].startswith("Herzien: eerder gepubliceerd als 64\u00a0425* (CBS, Impactmonitor")
    # the shown figure cites the StatLine table: title, address, retrieval date (the period is the record's)
    assert nl["bron"] == "CBS, StatLine-tabel 84847NED: Veilig Thuis; kerncijfers, regio"
    assert "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/84847NED/table" in nl["vindplaats"]
    assert "opgehaald 1 november 2025" in nl["vindplaats"]
    assert "Herzien: eerder gepubliceerd als 64\u00a0425*" in _page(root, "indicatoren/ontvangen_meldingen.html")
    assert "64\u00a0425*" in _page(root, "wijzigingen.html")
    # the 2020 monitor's change (2020-H1 against 2019-H1) is not shown beside StatLine's newest key figure
    page = _page(root, "indicatoren/ontvangen_meldingen.html")
    assert "hgkm-verandering" not in page and "ten opzichte van hetzelfde halfjaar" not in page
    # a ratio of two StatLine-backed counts is computed from StatLine's figures of every period
    ratio = _json(root, "meldingen_per_advies")["waarnemingen"]
    assert {p for p in HALF_YEARS} <= {r["periode"] for r in ratio if r["regio_code"] == "VT25" and r["waarde"] is not None}


def test_categories_come_from_the_named_dimension_at_the_total_of_the_others(statline_site):
    root, _ = statline_site
    recs = _json(root, "meldingen_onveilig")["waarnemingen"]
    assert {r["categorie"] for r in recs} == {"acuut", "structureel"}
    rows = [ln.split(",") for ln in (root / "datapackages" / STATLINE_DIR / "data" / "statline_84852ned.csv").read_text().splitlines()]
    acuut = next(r for r in rows if r[:5] == ["NL01", "2025-H1", "84852NED.OntvangenMeldingen_1", "A045", "T002"])
    shown = next(r for r in recs if r["regio_code"] == "NL01" and r["periode"] == "2025-H1" and r["categorie"] == "acuut")
    assert shown["waarde"] == int(acuut[5])


def test_hermeldingen_exists_with_statline_and_makes_its_catalogue_entry_available(statline_site):
    root, build = statline_site
    assert (root / "site" / "indicatoren" / "hermeldingen.html").is_file()
    recs = _json(root, "hermeldingen")["waarnemingen"]
    assert {r["periode"] for r in recs if r["regio_code"] == "VT25"} >= set(HALF_YEARS)
    entry = next(e for e in build.catalogue if e.id == "contactmomenten_vt")
    assert "hermeldingen" in entry.met_cijfers and entry.site_status == "beschikbaar"
    overview = _page(root, "overzicht.html")
    row = re.search(r'<a href="indicatoren/hermeldingen.html">Hermeldingen</a></th>(.*?)</tr>', overview).group(1)
    assert row.endswith("<td>beschikbaar</td>")


def test_without_the_package_hermeldingen_is_absent_and_the_blocks_are_inert(tmp_path):
    """The repository's declarations (with statline blocks) build exactly what declarations without
    any statline or catalogus field build, when the package is absent: no figure, page or file differs."""
    with_blocks = build_all(_inputs(tmp_path / "a", package=False))
    plain_root = _inputs(tmp_path / "b", package=False)
    for path in (plain_root / "build_data" / "indicators").rglob("*.yml"):
        decl = yaml.safe_load(path.read_text(encoding="utf-8"))
        if (decl.get("bron") or {}).get("pakket") == STATLINE_DIR:
            path.unlink()
        elif "statline" in decl or "catalogus" in decl:
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"^(statline|catalogus):.*?(?=^\S|\Z)", "", text, flags=re.S | re.M), encoding="utf-8")
            assert "statline" not in yaml.safe_load(path.read_text(encoding="utf-8"))
    plain = build_all(plain_root)
    assert "hermeldingen" not in {v.id for v in with_blocks.indicators}
    assert with_blocks.pages == plain.pages
    assert with_blocks.files == plain.files
    entry = next(e for e in with_blocks.catalogue if e.id == "contactmomenten_vt")
    assert entry.site_status == "beschikbaar" and "hermeldingen" not in entry.met_cijfers


def _small_root(tmp_path: Path) -> Path:
    root = copy_content(tmp_path)
    copy_datapackages(root / "datapackages")
    write_statline_package(root / "datapackages", periods=["2020-H1", "2020-H2", "2020"])
    return root


@pytest.mark.parametrize("field, value, message, severity", [
    ("maat", "Ontvangen meldingenn", "onderwerp 'Ontvangen meldingenn' staat niet in StatLine-tabel 84847NED", "error"),
    ("maat", "Totaal", "onderwerp 'Totaal' is niet eenduidig in", "error"),
    # a table the package lacks (a fetch of other tables only): a warning, the indicator shows the publications
    ("tabel", "99999NED", "tabel '99999NED' staat niet in cbs-statline-veilig-thuis", "warning"),
])
def test_an_unknown_table_or_topic_is_a_problem_with_file_and_field(tmp_path, field, value, message, severity):
    root = _small_root(tmp_path)
    path = root / "build_data/indicators/vergroting-bereik-veilig-thuis/ontvangen_meldingen.yml"
    decl = path.read_text(encoding="utf-8")
    original = {"tabel": "84847NED", "maat": "Ontvangen meldingen"}[field]
    if value == "Totaal":  # a title that several topics of a table share (85361NED: 'Hermelding: Totaal', …)
        path = root / "build_data/indicators/vergroting-bereik-veilig-thuis/hermeldingen.yml"
        decl, original = path.read_text(encoding="utf-8"), "'Ontvangen meldingen: Hermelding: Totaal'"
        decl = decl.replace("  maat: 'Ontvangen meldingen: Hermelding: Totaal'  # TopicGroup path: Title, as in maten.csv `naam`",
                            f"  maat: {original}")
    path.write_text(decl.replace(f"  {field}: {original}\n", f"  {field}: {value}\n"), encoding="utf-8")
    _, inds, problems = check_inputs(root)
    found = [p for p in problems if p.type == "unknown-source"]
    assert [(p.file, p.field, p.severity) for p in found] == [(str(path.relative_to(root)), f"statline.{field}", severity)]
    if severity == "warning":
        ind = next(i for i in inds if i.id == "ontvangen_meldingen")
        assert set(ind.data.bron) == {"cbs-bvt-2019h2", "cbs-impactmonitor-2020"}
    assert message in found[0].message and found[0].row == decl.splitlines().index(f"  {field}: {original}") + 1


def test_an_unknown_category_is_a_problem(tmp_path):
    root = _small_root(tmp_path)
    path = root / "build_data/indicators/verbinding-zorg-en-veiligheid/meldingen_onveilig.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Acute onveiligheid", "Acuut"), encoding="utf-8")
    _, _, problems = check_inputs(root)
    found = [p for p in problems if p.severity == "error"]
    assert [p.field for p in found] == ["statline.categorieen"] and "'Acuut' bestaat niet in dimensie Veiligheidstaxatie" in found[0].message


def test_a_block_is_not_checked_without_the_package(tmp_path):
    root = copy_content(tmp_path)
    copy_datapackages(root / "datapackages")
    path = root / "build_data/indicators/vergroting-bereik-veilig-thuis/ontvangen_meldingen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("tabel: 84847NED", "tabel: 99999NED"), encoding="utf-8")
    _, inds, problems = check_inputs(root)
    assert [p for p in problems if p.severity == "error"] == []
    assert "ontvangen_meldingen" in {i.id for i in inds} and "hermeldingen" not in {i.id for i in inds}


# ---------------------------------------------------------------------------------------------
# In the browser: the period choice
# ---------------------------------------------------------------------------------------------

BENCH = ".hgkm-periodevak:not([hidden]) .hgkm-figuur[data-soort='regio-vergelijking']"


def _show_choice(page):
    """Scroll the period choice to just below the sticky region selector."""
    y = page.locator(".hgkm-periodekeuze").evaluate("e => e.getBoundingClientRect().top + window.scrollY")
    below = page.locator(".hgkm-regiokeuze").evaluate("e => e.getBoundingClientRect().height")
    page.evaluate(f"window.scrollTo(0, {y} - {below} - 70)")
    page.wait_for_timeout(100)


def _bar_labels(page) -> list[str]:
    return page.locator(f"{BENCH} .hgkm-chart g.mark-text.role-mark text").all_text_contents()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_the_period_choice_draws_the_chosen_period(statline_site, chromium, width):
    root, _ = statline_site
    recs = _json(root, "ontvangen_meldingen")["waarnemingen"]

    def values(period):
        return sorted(r["waarde_tekst"] for r in recs if r["periode"] == period and r["regio_code"].startswith("VT") and not r["categorie"])

    shots = ROOT / "test-results"
    shots.mkdir(exist_ok=True)
    errors: list[str] = []
    with serve(root / "site") as base:
        context = chromium.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base + "indicatoren/ontvangen_meldingen.html?regio=oost-brabant")
        page.wait_for_selector("html[data-grafieken=klaar]")
        # the latest period by default: 25 regions, Oost-Brabant chosen and drawn darker
        assert page.locator("select.hgkm-periode").input_value() == "2025-H1"
        assert page.locator("select.hgkm-regio").input_value() == "oost-brabant"
        assert sorted(_bar_labels(page)) == values("2025-H1") and len(values("2025-H1")) == 25
        fills = page.locator(f"{BENCH} .hgkm-chart g.mark-rect.role-mark path").evaluate_all("ps => ps.map(p => p.getAttribute('fill'))")
        assert fills.count("#154273") == 1 and len(fills) == 25
        _show_choice(page)
        page.screenshot(path=str(shots / f"statline-periode-2025h1-{width}.png"))
        # another period is not on the page: its box is empty and names the part that holds it
        # (build_data.pages.parts), loaded when the period is chosen
        box = ".hgkm-periodevak[data-periode='2022-H2']"
        assert page.locator(box).evaluate("b => [b.hasAttribute('data-deel'), b.children.length]") == [True, 0]
        # 2e halfjaar 2022: the 26 regions of the old division; Oost-Brabant did not exist, said so, Nederland shown
        page.select_option("select.hgkm-periode", "2022-H2")
        page.wait_for_selector("html[data-grafieken=klaar]")
        page.wait_for_selector(f"{BENCH} .hgkm-chart[data-getekend=ja]")
        assert sorted(_bar_labels(page)) == values("2022-H2") and len(values("2022-H2")) == 26
        assert page.locator(box).evaluate("b => [b.hasAttribute('data-deel'), b.hidden]") == [False, False]
        assert "periode=2022-H2" in page.url and "regio=" not in page.url
        assert page.locator("select.hgkm-regio").input_value() == "nederland"
        assert "Oost-Brabant heeft in deze periode geen cijfers" in page.locator(".hgkm-periodemelding").first.text_content()
        assert page.locator("select.hgkm-regio option[value=oost-brabant]").is_disabled()
        assert page.locator(".hgkm-periodevak:not([hidden]) .hgkm-kaart-regio[data-regio=noord-brabant-noord]").count() == 1
        # a region of that period can be chosen; the map and the table follow
        page.select_option("select.hgkm-regio", "zuid-limburg")
        assert page.locator(f"{BENCH} tr.hgkm-gekozen").get_attribute("data-regio") == "zuid-limburg"
        _show_choice(page)
        page.screenshot(path=str(shots / f"statline-periode-2022h2-{width}.png"))
        # the URL opens the period and the region
        page.goto(base + "indicatoren/ontvangen_meldingen.html?regio=VT27&periode=2023-H1")
        page.wait_for_selector("html[data-grafieken=klaar]")
        assert page.locator("select.hgkm-periode").input_value() == "2023-H1"
        assert page.locator("select.hgkm-regio").input_value() == "oost-brabant"
        assert sorted(_bar_labels(page)) == values("2023-H1")
        # a former region on the latest period: said so, with the way to its figures
        page.goto(base + "indicatoren/ontvangen_meldingen.html?regio=noord-brabant-noord")
        page.wait_for_selector("html[data-grafieken=klaar]")
        note = page.locator(".hgkm-melding").first.text_content()
        assert note.startswith("Noord-Brabant Noord heeft geen cijfers in 1e halfjaar 2025*") and "Kies een andere periode" in note
        context.close()
    assert errors == []
