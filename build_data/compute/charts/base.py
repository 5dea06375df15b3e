"""Chart specs per chart kind, made with altair from the indicator's records and compiled to Vega
at build time (vl-convert), so the browser needs only vega (a slim bundle, scripts/vega-bundle.mjs).

Every chart holds its data inline (no fetch: that fails under file://) and a parameter `regio`
(a region slug) that the page script sets; the chart never computes anything the build did not
prepare. Labels and tooltips show `waarde_tekst`, the Dutch-formatted value with its CBS symbol."""

from __future__ import annotations

import json
import re

import altair as alt
import vl_convert

from ...model import periods, symbols
from ...model.regions import is_regional

VL_VERSION = "6.4"
HIGHLIGHT = "#154273"  # rijksblauw
BASE = "#7593ba"  # 3,2:1 against white and against the highlight (WCAG 1.4.11)
REFERENCE = "#a90061"  # Nederland as reference line
LINE_PALETTE = ["#154273", "#e17000", "#39870c", "#a90061", "#673327"]  # distinct and dark enough for text labels
PALETTE = ["#154273", "#5c87b8", "#00808c", "#a90061", "#e17000", "#39870c", "#673327", "#8e8e8e"]
SELECTED = "datum.regio_slug === regio"
SYMBOL_TIP = alt.Tooltip("teken_uitleg:N", title="Teken")


def _x_format(unit: str) -> str:
    return ",~r" if unit != "aantal" else ",d"


def _unit_title(unit: str) -> str:
    return {"aantal": "aantal", "procent": "%", "procent_verandering": "% verandering",
            "gemiddelde": "gemiddelde", "score": "score", "factor": "keer zo groot", "verhouding": "verhouding"}.get(unit, unit)


def _param():
    return alt.param(name="regio", value="nederland")


COMPILE_WITH_ROWS = False  # True: hand every row to the compiler (the slow way; tests compare both)
_PENDING: dict[str, list] = {}  # rows of the chart being made, by dataset name


def _inline(values: list[dict]) -> alt.Data:
    """A named dataset whose rows are put into the spec only in _finish: altair then never copies
    or validates the rows one by one (that took most of the build time), and the compiled Vega
    still carries the rows inline (no fetch: that fails under file://)."""
    name = f"d{len(_PENDING)}"
    # a CBS symbol explained in the tooltip ('x' → 'geheim'); rows without one get no such line
    _PENDING[name] = [{**r, "teken_uitleg": symbols.meaning(r["teken"])} if r.get("teken") else r for r in values]
    return alt.Data(name=name)


def _used_columns(rows: list[dict], spec: dict) -> list[dict]:
    """The rows with only the columns the spec names (fields, expressions, tooltips): a chart
    carries no provenance columns it never shows (those are in the table and the downloads), which
    halves what every page holds inline."""
    text = json.dumps({k: v for k, v in spec.items() if k != "description"})  # prose, never read by the chart
    keys = list(dict.fromkeys(k for r in rows for k in r))
    keep = [k for k in keys if re.search(rf"(?<![\w]){re.escape(k)}(?![\w])", text)]
    return [{k: r[k] for k in keep if k in r} for r in rows]


def _finish(chart, description: str) -> dict:
    # room on the right for the value label of the longest bar (it is drawn past the bar's end)
    spec = chart.properties(description=description, padding={"left": 5, "top": 5, "bottom": 5, "right": 56}).configure_view(stroke=None).configure_axis(
        labelFontSize=12, titleFontSize=12, labelLimit=300).to_dict(validate=False)  # vl-convert checks it while compiling
    datasets = {name: _used_columns(rows, spec) for name, rows in _PENDING.items()}
    _PENDING.clear()
    if COMPILE_WITH_ROWS:
        spec["datasets"] = datasets
        return vl_convert.vegalite_to_vega(spec, vl_version=VL_VERSION)
    # The compiler never looks at the rows of a dataset, it only passes them on: it gets one row
    # of each and the compiled spec gets all of them back (serialising thousands of rows into the
    # compiler and out again was most of a large chart's cost). tests/test_charts.py proves the
    # result equal (as JSON values) to compiling with all rows, for every chart of the site.
    spec["datasets"] = {name: rows[:1] for name, rows in datasets.items()}
    vega = vl_convert.vegalite_to_vega(spec, vl_version=VL_VERSION)
    returned = set()
    for data in vega.get("data", []):
        if data.get("name") in datasets and "values" in data:
            data["values"] = datasets[data["name"]]
            returned.add(data["name"])
    if returned != set(datasets):
        raise RuntimeError(f"vl-convert gaf datasets {sorted(set(datasets) - returned)} niet terug")
    return vega


def regio_vergelijking(title: str, unit: str, rows: list[dict], period: str) -> dict:
    """All regions side by side for one period, sorted, the selected region highlighted."""
    data = [r for r in rows if is_regional(r["regio_code"]) and r["periode"] == period]
    base = alt.Chart(_inline(data)).transform_calculate(
        x_pos="isValid(datum.waarde) ? datum.waarde : 0")
    y = alt.Y("regio_naam:N", sort=alt.EncodingSortField("waarde", order="descending"), title=None)
    tooltip = [alt.Tooltip("regio_naam:N", title="Regio"), alt.Tooltip("waarde_tekst:N", title=title),
               alt.Tooltip("periode_label:N", title="Periode"), SYMBOL_TIP]
    bars = base.mark_bar().encode(
        y=y, x=alt.X("waarde:Q", title=_unit_title(unit), axis=alt.Axis(format=_x_format(unit), tickCount=5)),
        color=alt.condition(SELECTED, alt.value(HIGHLIGHT), alt.value(BASE)),
        stroke=alt.condition(SELECTED, alt.value("#000000"), alt.value(None)),
        tooltip=tooltip)
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(
        y=y, x="x_pos:Q", text="waarde_tekst:N", tooltip=tooltip)
    layers = [bars, labels]
    nl = next((r for r in rows if r["regio_code"] == "NL01" and r["periode"] == period and r["waarde"] is not None
               and not r["categorie"] and not r["groep"]), None)
    if nl and unit != "aantal":
        # Nederland as reference, where it is comparable (a ratio or percentage, not a total)
        ref = alt.Chart(_inline([{**nl, "label": f"Nederland: {nl['waarde_tekst']}"}]))
        ref_tip = [alt.Tooltip("label:N", title="Referentie")]
        layers.append(ref.mark_rule(color=REFERENCE, strokeDash=[6, 4], strokeWidth=2).encode(x="waarde:Q", tooltip=ref_tip))
        layers.append(ref.mark_text(align="left", dx=4, baseline="bottom", y=-2, color=REFERENCE, fontSize=11, fontWeight="bold").encode(
            x="waarde:Q", text="label:N", tooltip=ref_tip))
    chart = alt.layer(*layers).add_params(_param()).properties(width="container", height=max(len(data), 1) * 20)
    top = max((r for r in data if r["waarde"] is not None), key=lambda r: r["waarde"], default=None)
    low = min((r for r in data if r["waarde"] is not None), key=lambda r: r["waarde"], default=None)
    desc = f"{title} per Veilig Thuis-regio, {periods.label(period, data[0]['teken'] if data else '')}"
    if top and low:
        desc += f": hoogste {top['regio_naam']} {top['waarde_tekst']}, laagste {low['regio_naam']} {low['waarde_tekst']}"
        desc += f"; Nederland {nl['waarde_tekst']}." if nl else "."
    return _finish(chart, desc)


def halfjaar_reeks(title: str, unit: str, rows: list[dict]) -> dict:
    """The series of one area over the periods; the page sets `regio` to the area shown."""
    data = [r for r in rows if not r["categorie"] and periods.is_half_year(r["periode"])]
    order = [periods.short_label(p) for p in sorted({r["periode"] for r in data}, key=periods.sort_key)]
    values = [{**r, "periode_kort": periods.short_label(r["periode"], r["teken"]), "periode_sort": periods.short_label(r["periode"])} for r in data]
    base = alt.Chart(_inline(values)).transform_filter(SELECTED).transform_calculate(
        y_pos="isValid(datum.waarde) ? datum.waarde : 0")
    x = alt.X("periode_sort:N", sort=order, title=None, axis=alt.Axis(labelAngle=0))
    tooltip = [alt.Tooltip("regio_naam:N", title="Gebied"), alt.Tooltip("periode_label:N", title="Periode"),
               alt.Tooltip("waarde_tekst:N", title=title), SYMBOL_TIP, alt.Tooltip("noot:N", title="Noot")]
    bars = base.mark_bar(color=HIGHLIGHT, size=44).encode(
        x=x, y=alt.Y("waarde:Q", title=_unit_title(unit), axis=alt.Axis(format=_x_format(unit), tickCount=5)),
        opacity=alt.condition("datum.teken === '*' || datum.teken === '**'", alt.value(0.65), alt.value(1)),
        tooltip=tooltip)
    labels = base.mark_text(dy=-6, baseline="bottom", fontSize=12).encode(x=x, y="y_pos:Q", text="waarde_tekst:N", tooltip=tooltip)
    chart = (bars + labels).add_params(_param()).properties(width="container", height=240)
    nl = [r for r in data if r["regio_code"] == "NL01"]
    desc = f"{title} per periode, Nederland: " + "; ".join(f"{r['waarde_tekst']} in {r['periode_label']}" for r in nl)
    return _finish(chart, desc)


def categorieen(title: str, unit: str, rows: list[dict]) -> dict:
    """Bars by category. A second dimension (the `groep`, else the period) colours the bars."""
    data = [r for r in rows if r["regio_code"] == "NL01" and r["categorie"]]
    cats = list(dict.fromkeys(r["categorie_naam"] for r in data))
    by_group = any(r["groep"] for r in data)
    if by_group:
        field, order = "groep_naam", list(dict.fromkeys(r["groep_naam"] for r in data))
        legend_title = None
    else:
        field = "periode_label"
        plist = sorted({r["periode"] for r in data}, key=periods.sort_key, reverse=True)
        order = [next(r["periode_label"] for r in data if r["periode"] == p) for p in plist]
        legend_title = "Periode"
    base = alt.Chart(_inline(data)).transform_calculate(x_pos="isValid(datum.waarde) ? datum.waarde : 0")
    y = alt.Y("categorie_naam:N", sort=cats, title=None, axis=alt.Axis(labelLimit=300))
    y_offset = alt.YOffset(f"{field}:N", sort=order)
    color = alt.Color(f"{field}:N", sort=order, title=legend_title,
                      scale=alt.Scale(domain=order, range=PALETTE[: len(order)]),
                      legend=alt.Legend(orient="top", labelLimit=400) if len(order) > 1 else None)
    tooltip = [alt.Tooltip("categorie_naam:N", title="Categorie"), alt.Tooltip(f"{field}:N", title="Groep" if by_group else "Periode"),
               alt.Tooltip("waarde_tekst:N", title=title), SYMBOL_TIP]
    if by_group:
        tooltip.insert(2, alt.Tooltip("periode_label:N", title="Periode"))
    bars = base.mark_bar().encode(y=y, yOffset=y_offset, x=alt.X("waarde:Q", title=_unit_title(unit), axis=alt.Axis(format=_x_format(unit), tickCount=5)),
                                  color=color, tooltip=tooltip)
    text = base.mark_text(align="left", dx=4, fontSize=11).encode(y=y, yOffset=y_offset, x="x_pos:Q", text="waarde_tekst:N", tooltip=tooltip)
    chart = (bars + text).add_params(_param()).properties(width="container", height=max(len(cats) * len(order) * 22, 60))
    desc = f"{title}, Nederland: " + "; ".join(
        f"{r['categorie_naam']}{(' (' + r['groep_naam'] + ')') if by_group else ''} {r['waarde_tekst']} ({r['periode_label']})" for r in data)
    return _finish(chart, desc)


def populaties(title: str, unit: str, rows: list[dict]) -> dict:
    """Two populations compared per category (the `groep` holds the population)."""
    return categorieen(title, unit, rows)


def aandelen(title: str, unit: str, rows: list[dict]) -> dict:
    """Shares of one whole (100 %), one stacked bar per period or group."""
    data = [r for r in rows if r["regio_code"] == "NL01" and r["categorie"] and r["waarde"] is not None]
    cats = list(dict.fromkeys(r["categorie_naam"] for r in data))
    by_group = any(r["groep"] for r in data)
    field = "groep_naam" if by_group else "periode_label"
    bars_order = list(dict.fromkeys(r[field] for r in data))
    values = [{**r, "volgorde": cats.index(r["categorie_naam"])} for r in data]
    tooltip = [alt.Tooltip(f"{field}:N", title="Groep" if by_group else "Periode"),
               alt.Tooltip("categorie_naam:N", title="Categorie"), alt.Tooltip("waarde_tekst:N", title=title), SYMBOL_TIP]
    base = alt.Chart(_inline(values))
    y = alt.Y(f"{field}:N", sort=bars_order, title=None)
    x = alt.X("waarde:Q", stack="zero", title=_unit_title(unit), scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(format=",d"))
    bars = base.mark_bar(stroke="white", strokeWidth=1).encode(
        y=y, x=x, order=alt.Order("volgorde:Q"), tooltip=tooltip,
        color=alt.Color("categorie_naam:N", sort=cats, title=None,
                        scale=alt.Scale(domain=cats, range=(PALETTE * 3)[: len(cats)]), legend=alt.Legend(orient="top", columns=2, labelLimit=400)))
    text = base.mark_text(color="white", fontSize=11).encode(
        y=y, x=alt.X("waarde:Q", stack="zero", bandPosition=0.5), order=alt.Order("volgorde:Q"), tooltip=tooltip,
        text=alt.condition("datum.waarde >= 8", alt.Text("waarde_tekst:N"), alt.value("")))
    chart = (bars + text).add_params(_param()).properties(width="container", height=max(len(bars_order) * 44, 60))
    desc = f"{title}, Nederland: " + "; ".join(f"{r[field]}: {r['categorie_naam']} {r['waarde_tekst']}" for r in data)
    return _finish(chart, desc)


def cohort(title: str, unit: str, rows: list[dict], measurement_order: list[str]) -> dict:
    """Measurements of one cohort over time (categories t0, t1, t2), the reference group's value
    as a horizontal rule."""
    data = [r for r in rows if r["categorie"] and r["groep"] != "referentiegroep"]
    refs = [r for r in rows if r["groep"] == "referentiegroep" and r["waarde"] is not None]
    order = [c for c in measurement_order if any(r["categorie"] == c for r in data)]
    names = [next(r["categorie_naam"] for r in data if r["categorie"] == c) for c in order]
    series = list(dict.fromkeys(r["groep_naam"] or title for r in data))
    values = [{**r, "reeks": r["groep_naam"] or title, "y_pos": r["waarde"] if r["waarde"] is not None else 0} for r in data]
    tooltip = [alt.Tooltip("categorie_naam:N", title="Meting"), alt.Tooltip("reeks:N", title="Groep"),
               alt.Tooltip("waarde_tekst:N", title=title), SYMBOL_TIP, alt.Tooltip("n:Q", title="Aantal respondenten (n)")]
    base = alt.Chart(_inline(values))
    x = alt.X("categorie_naam:N", sort=names, title=None, axis=alt.Axis(labelAngle=0, labelLimit=320))
    color = alt.Color("reeks:N", sort=series, title=None, scale=alt.Scale(domain=series, range=LINE_PALETTE[: len(series)]),
                      legend=alt.Legend(orient="top", direction="vertical", labelLimit=600) if len(series) > 1 else None)
    y = alt.Y("waarde:Q", title=_unit_title(unit), axis=alt.Axis(format=_x_format(unit), tickCount=5))
    layers = [base.mark_line(point=alt.OverlayMarkDef(size=70, filled=True)).encode(x=x, y=y, color=color, tooltip=tooltip),
              base.mark_text(dy=-10, fontSize=12).encode(x=x, y="y_pos:Q", text="waarde_tekst:N", color=color, tooltip=tooltip)]
    if refs:
        ref_values = [{**r, "label": f"Referentiegroep: {r['waarde_tekst']}"} for r in refs]
        ref = alt.Chart(_inline(ref_values))
        layers.append(ref.mark_rule(strokeDash=[6, 4], color=REFERENCE, strokeWidth=2).encode(
            y="waarde:Q", tooltip=[alt.Tooltip("label:N", title="Referentie")]))
        layers.append(ref.mark_text(align="right", baseline="bottom", dy=-3, x="width", color=REFERENCE, fontSize=11).encode(
            y="waarde:Q", text="label:N"))
    chart = alt.layer(*layers).add_params(_param()).properties(width="container", height=240)
    desc = f"{title}, cohortonderzoek: " + "; ".join(f"{r['categorie_naam']} {r['waarde_tekst']}" for r in data)
    if refs:
        desc += "; referentiegroep " + ", ".join(r["waarde_tekst"] for r in refs)
    return _finish(chart, desc)


def profiel(rows: list[dict], indicator_order: list[str], period_label: str) -> dict:
    """One row per count indicator: every region's share of the national total as a dot, the
    selected region (parameter `regio`) large and dark with its share as a label. Shares compare a
    region with itself across indicators; they are not rates. One spec serves every region profile:
    the page sets `regio`."""
    tooltip = [alt.Tooltip("regio_naam:N", title="Regio"), alt.Tooltip("indicator:N", title="Indicator"),
               alt.Tooltip("waarde_tekst:N", title="Aantal"), alt.Tooltip("aandeel_tekst:N", title="Aandeel in Nederland"), SYMBOL_TIP]
    base = alt.Chart(_inline(rows))
    y = alt.Y("indicator:N", sort=indicator_order, title=None, axis=alt.Axis(labelLimit=320))
    x = alt.X("aandeel:Q", title="aandeel in het landelijke totaal (%)", axis=alt.Axis(format=",~r", tickCount=6))
    dots = base.mark_circle(stroke="white", strokeWidth=0.5).encode(
        y=y, x=x, tooltip=tooltip,
        color=alt.condition(SELECTED, alt.value(HIGHLIGHT), alt.value(BASE)),
        size=alt.condition(SELECTED, alt.value(170), alt.value(45)),
        opacity=alt.condition(SELECTED, alt.value(1), alt.value(0.75)),
        order=alt.condition(SELECTED, alt.value(1), alt.value(0)))
    label = base.transform_filter(SELECTED).mark_text(align="left", dx=9, fontSize=12, fontWeight="bold", color=HIGHLIGHT).encode(
        y=y, x=x, text="aandeel_tekst:N", tooltip=tooltip)
    chart = alt.layer(dots, label).add_params(_param()).properties(width="container", height=len(indicator_order) * 26)
    return _finish(chart, f"Aandeel van elke Veilig Thuis-regio in het landelijke totaal per indicator, {period_label}.")
