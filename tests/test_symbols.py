"""CBS symbols end to end, and disclosure control.

Symbols: a site built from a copy of the inputs in which one regional table carries every symbol
(tests/hostile.py: Drenthe `x`, Zeeland `.`, Twente `–`, Flevoland `blank`, Utrecht `**`). Each
keeps its meaning in the indicator JSON and CSV, the data package download, the chart data, the
tooltip, the value table, the map, the region profile, the legend, and the chart draws no bar
for a missing figure (a gap, its symbol as label, a note that says why).

Disclosure (build_data/compute/derive.py): nothing computed reveals a withheld figure; shares and ratios
from counts below the threshold are withheld; computed counts are rounded as the source rounds."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import zipfile
from html import unescape

import pandas as pd
import pytest
from conftest import ROOT, copy_content
from hostile import SLUGS, SYMBOL_CELLS, TABLE
from roots import copy_datapackages

from build_data.compute import derive
from build_data.load.packages import load_all
from build_data.model import symbols
from build_data.site.build import check_inputs

NBSP = "\u00a0"
VT = "cbs-beleidsinformatie-veilig-thuis"
PERIOD = "2019-H2"
UTRECHT = next(r["waarde"] for r in csv.DictReader((ROOT / TABLE).open(encoding="utf-8"))
               if r["regio"] == "Utrecht" and r["maat"] == "ontvangen_meldingen")


def expected(region: str) -> tuple[str, int | None, str]:
    """(teken, waarde, waarde_tekst) as the site must show the edited cell."""
    sign, value = SYMBOL_CELLS[region]
    if value is None:  # provisional: the value stays, with its symbol
        return sign, int(UTRECHT), f"{int(UTRECHT):,}".replace(",", NBSP) + sign
    return sign, None, symbols.shown(sign)


def test_every_symbol_is_defined_once():
    assert set(symbols.SYMBOLS) == {"", "*", "**", ".", "x", "–", "blank"}
    assert symbols.VALUE == {"", "*", "**"} and symbols.MISSING == {".", "x", "–", "blank"}
    assert symbols.used(["x", "*", "blank", "", "x"]) == ["*", "x", "blank"]
    assert symbols.shown("blank") == "(blank)" and "logische gronden" in symbols.meaning("blank")


@pytest.mark.parametrize("region", SYMBOL_CELLS)
def test_indicator_json_keeps_the_symbol(hostile_site, region):
    data = json.loads((hostile_site / "data/ontvangen_meldingen.json").read_text(encoding="utf-8"))
    rec = next(r for r in data["waarnemingen"] if r["regio_slug"] == SLUGS[region] and r["periode"] == PERIOD)
    assert (rec["teken"], rec["waarde"], rec["waarde_tekst"]) == expected(region)


def test_csv_downloads_keep_the_symbols(hostile_site):
    rows = list(csv.DictReader(io.StringIO((hostile_site / "data/ontvangen_meldingen.csv").read_text(encoding="utf-8"))))
    for region in SYMBOL_CELLS:
        row = next(r for r in rows if r["regio_naam"].startswith(region.replace("Overijssel regio ", "")) and r["periode"] == PERIOD)
        sign, value, _ = expected(region)
        assert (row["teken"], row["waarde"]) == (sign, "" if value is None else str(value))
    with zipfile.ZipFile(hostile_site / "downloads/impactmonitor-hgkm-datapakketten.zip") as zf:
        table = zf.read(f"datapakketten/{VT}/data/kerncijfers_regio_2019h2.csv").decode("utf-8")
    cells = {(r["regio"], r["maat"]): (r["teken"], r["waarde"]) for r in csv.DictReader(io.StringIO(table))}
    for region, (sign, value) in SYMBOL_CELLS.items():
        assert cells[(region, "ontvangen_meldingen")] == (sign, UTRECHT if value is None else value)


def _page(site, rel="indicatoren/ontvangen_meldingen.html") -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_table_legend_and_gap_note(hostile_site):
    html = _page(hostile_site)
    for region in SYMBOL_CELLS:
        _, _, text = expected(region)
        row = re.search(rf'<tr data-regio="{SLUGS[region]}"><th scope="row">[^<]+</th><td class="hgkm-getal">([^<]*)</td>', html)
        assert row and unescape(row.group(1)) == text, region
    legend = re.search(r'<div class="hgkm-tekens">(.*?)</div>', html).group(1)
    for code in ("*", "**", ".", "x", "–", "blank"):
        assert f"<code>{symbols.shown(code)}</code> {symbols.meaning(code)}" in unescape(legend)
    note = unescape(re.search(r'<p class="hgkm-gaten">(.*?)</p>', html).group(1))
    assert "<code>x</code> (geheim) bij Drenthe" in note
    assert "<code>–</code> (nihil) bij Twente" in note and "<code>(blank)</code>" in note and "bij Zeeland" in note
    assert "Utrecht" not in note  # a provisional figure is drawn


def _chart_rows(html: str, kind: str) -> list[dict]:
    spec = re.search(rf'data-soort="{kind}".*?data-spec="([^"]*)"', html, re.S).group(1)
    return [row for d in json.loads(unescape(spec))["data"] for row in d.get("values", []) or []]


def test_chart_data_and_tooltips_keep_the_symbols(hostile_site):
    rows = _chart_rows(_page(hostile_site), "regio-vergelijking")  # one period: the latest regional one
    for region in SYMBOL_CELLS:
        row = next(r for r in rows if r.get("regio_slug") == SLUGS[region])
        sign, value, text = expected(region)
        assert (row["waarde"], row["waarde_tekst"]) == (value, text)  # no value: no bar; the symbol is the label
        assert row["teken_uitleg"] == symbols.meaning(sign)  # the tooltip's 'Teken' line


def test_map_and_profile_explain_the_symbol(hostile_site):
    html = _page(hostile_site)
    assert '<title>Drenthe x (geheim)</title>' in html
    assert re.search(r'data-regio="drenthe" data-code="VT02" fill="#f4f4f4"', html)  # no colour class: no value
    profile = _page(hostile_site, "regio/drenthe.html")
    assert '<td class="hgkm-ontbreekt">x (geheim)</td>' in profile
    assert "(blank) (een cijfer kan op logische gronden niet voorkomen)" in _page(hostile_site, "regio/flevoland.html")


def test_ratios_from_symbols(hostile_site):
    data = json.loads((hostile_site / "data/meldingen_per_advies.json").read_text(encoding="utf-8"))
    got = {r["regio_slug"]: (r["teken"], r["waarde"]) for r in data["waarnemingen"] if r["periode"] == PERIOD}
    assert got["drenthe"] == ("x", None)  # a secret input keeps the result secret
    assert got["zeeland"] == (".", None) and got["flevoland"] == (".", None)
    assert got["twente"] == ("x", None)  # nil meldingen: 0 is below the threshold
    assert got["utrecht"][0] == "**" and got["utrecht"][1] > 0


# --- in the browser: a gap, never a zero bar -------------------------------------------------------

@pytest.mark.browser
def test_missing_figures_are_gaps_in_the_chart(chromium, hostile_base):
    ctx = chromium.new_context(locale="nl-NL", service_workers="block")
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(hostile_base + "indicatoren/ontvangen_meldingen.html?regio=utrecht", wait_until="load")
        page.wait_for_selector("html[data-grafieken='klaar']", state="attached")
        chart = "[data-soort='regio-vergelijking'] .hgkm-chart"
        bars = page.eval_on_selector_all(f"{chart} g.mark-rect.role-mark path",
                                         "els => els.map(e => [e.getAttribute('aria-label') || '', e.getBBox().width])")
        assert len(bars) == 26 - 4
        assert all(w > 0 for _, w in bars)
        for region in ("Drenthe", "Zeeland", "Twente", "Flevoland"):
            assert not any(f"regio_naam: {region};" in label for label, _ in bars), region
        labels = page.eval_on_selector_all(f"{chart} g.mark-text.role-mark text", "els => els.map(e => e.textContent)")
        for region in SYMBOL_CELLS:
            assert expected(region)[2] in labels
        page.locator(f"{chart} g.mark-rect.role-mark path[aria-label*='regio_naam: Utrecht;']").hover()
        tip = page.locator("#vg-tooltip-element.visible")
        tip.wait_for()
        assert "nader voorlopig cijfer" in tip.text_content() and expected("Utrecht")[2] in tip.text_content()
        # the series of Drenthe: 2019-H2 is a gap with its symbol, the other half-years are bars
        page.select_option("#hgkm-regio", "drenthe")
        series = "[data-soort='halfjaar-reeks'] .hgkm-chart"
        page.wait_for_function("sel => [...document.querySelectorAll(sel + ' g.mark-text.role-mark text')].some(t => t.textContent === 'x')",
                               arg=series)
        assert page.locator(f"{series} g.mark-rect.role-mark path").count() == 0  # Drenthe has only 2019-H2
        assert not errors
    finally:
        ctx.close()


# --- disclosure control ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def catalog():
    return load_all(ROOT)


def _frames(catalog, measure_values: dict[str, dict[str, tuple[float, str]]]):
    """Replace, at run time, the 2019-H2 regional figures of some measures: {maat: {code: (value, sign)}}.
    Returns the first measure's rows (as an indicator's data)."""
    package = catalog.packages[VT]
    obs = package.observations.copy()
    for maat, cells in measure_values.items():
        for code, (value, sign) in cells.items():
            hit = (obs.maat == maat) & (obs.regio_code == code) & (obs.periode == PERIOD)
            assert hit.sum() == 1
            obs.loc[hit, "waarde_num"] = value
            obs.loc[hit, "waarde"] = "" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:g}"
            obs.loc[hit, "teken"] = sign
    package.observations = obs
    first = next(iter(measure_values))
    return obs[(obs.maat == first) & (obs.periode == PERIOD) & obs.regio_code.isin(list(measure_values[first]))]


@pytest.fixture
def fresh(catalog):
    original = catalog.packages[VT].observations
    yield catalog
    catalog.packages[VT].observations = original


def _by_code(frame: pd.DataFrame) -> dict[str, tuple]:
    return {r.regio_code: (r.teken, None if pd.isna(r.waarde_num) else r.waarde_num) for r in frame.itertuples()}


def test_ratio_withholds_shares_from_small_counts(fresh):
    t = derive.DREMPEL
    num = _frames(fresh, {
        "casussen_gesloten": {"VT01": (t - 5, ""), "VT02": (t, ""), "VT03": (500, ""), "VT04": (0, "–"), "VT05": (500, "")},
        "casussen_actief": {"VT01": (1000, ""), "VT02": (1000, ""), "VT03": (t - 5, ""), "VT04": (1000, ""), "VT05": (1000, "")},
    })
    got = _by_code(derive.ratio(num, fresh, VT, "casussen_actief", scale=100, decimals=1, how="test"))
    assert got["VT01"] == ("x", None)  # numerator below the threshold
    assert got["VT02"] == ("", 1.0)  # at the threshold: shown
    assert got["VT03"] == ("x", None)  # denominator below the threshold
    assert got["VT04"] == ("x", None)  # nil is zero, below the threshold
    assert got["VT05"] == ("", 50.0)
    out = derive.ratio(num, fresh, VT, "casussen_actief", scale=100, decimals=1, how="test", drempel=1)
    assert _by_code(out)["VT01"] == ("", 0.5)  # the threshold is a setting, in one place


def test_ratio_never_reveals_a_withheld_input(fresh):
    num = _frames(fresh, {
        "casussen_gesloten": {"VT01": (None, "x"), "VT02": (None, "."), "VT03": (500, "*"), "VT04": (500, ""), "VT05": (500, "")},
        "casussen_actief": {"VT01": (1000, ""), "VT02": (1000, ""), "VT03": (1000, "**"), "VT04": (None, "x"), "VT05": (None, "–")},
    })
    got = _by_code(derive.ratio(num, fresh, VT, "casussen_actief", scale=100, decimals=1, how="a gedeeld door b"))
    assert got == {"VT01": ("x", None), "VT02": (".", None), "VT03": ("**", 50.0), "VT04": ("x", None),
                   "VT05": (".", None)}  # no division by nil
    out = derive.ratio(num, fresh, VT, "casussen_actief", how="a gedeeld door b")
    assert out.vindplaats.str.endswith(": a gedeeld door b").all()  # the citation says what was divided


def test_computed_counts_are_rounded_as_the_source_rounds(fresh):
    assert derive.round_as_source(12.5, 5) == 15 and derive.round_as_source(12.4, 5) == 10
    assert derive.round_as_source(7, None) == 7
    first = _frames(fresh, {
        "casussen_gestart": {"VT01": (1003, ""), "VT02": (1000, "*"), "VT03": (1000, ""), "VT04": (1000, "")},
        "casussen_gesloten": {"VT01": (1, ""), "VT02": (500, ""), "VT03": (None, "x"), "VT04": (0, "–")},
    })
    got = _by_code(derive.total(first, fresh, VT, ["casussen_gesloten"], how="test"))
    assert got["VT01"] == ("", 1005)  # 1004 → 1005: Veilig Thuis rounds counts to 5 (maten.csv)
    assert got["VT02"] == ("*", 1500)
    assert got["VT03"] == ("x", None)  # a withheld part withholds the sum
    assert got["VT04"] == ("", 1000)  # nil adds nothing


RECOVER = '''
def compute(data, catalog):
    """Fill a withheld region as the total minus the other regions: refused by the build."""
    data = data.copy()
    total = data[data.regio_code == "NL01"].waarde_num.sum()
    regions = data[data.regio_code.str.startswith("VT")]
    gap = regions.waarde_num.isna()
    data.loc[gap[gap].index, "waarde_num"] = total - regions.waarde_num.sum()
    data.loc[gap[gap].index, "teken"] = "*"
    return data
'''


def test_a_computation_that_recovers_a_withheld_cell_fails_the_build(tmp_path):
    root = tmp_path
    copy_datapackages(root / "datapackages")
    copy_content(root)
    rows = list(csv.reader((root / TABLE).open(encoding="utf-8")))
    header = rows[0]
    for r in rows[1:]:
        if r[header.index("regio")] == "Zeeland" and r[header.index("maat")] == "ontvangen_meldingen":
            r[header.index("waarde")], r[header.index("teken")] = "", "."
    with (root / TABLE).open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    decl = root / "build_data/indicators/vergroting-bereik-veilig-thuis/ontvangen_meldingen.py"
    _, indicators, problems = check_inputs(root)
    assert not [p for p in problems if p.severity == "error"]  # the '.' alone is fine
    decl.write_text(RECOVER, encoding="utf-8")
    _, indicators, problems = check_inputs(root)
    found = [p for p in problems if p.type == "reveals-suppressed"]
    assert len(found) == 1
    assert found[0].file.endswith("vergroting-bereik-veilig-thuis/ontvangen_meldingen.py")
    assert "VT23" in found[0].message and "(.)" in found[0].message
    assert "ontvangen_meldingen" not in {i.id for i in indicators}
