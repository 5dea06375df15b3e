"""Chart specs per chart kind, made with altair from the indicator's records and compiled to Vega
at build time (vl-convert), so the browser needs only vega and vega-embed.

Every chart holds its data inline (no fetch: that fails under file://) and a parameter `regio`
(a region slug) that the page script sets; the chart never computes anything the build did not
prepare. Labels and tooltips show `waarde_tekst`, the Dutch-formatted value with its CBS symbol."""

from __future__ import annotations

import altair as alt
import vl_convert

from . import formatting, periods

VL_VERSION = "6.4"
HIGHLIGHT = "#154273"  # rijksblauw
BASE = "#8fa8c8"
PERIOD_COLORS = ["#154273", "#5c87b8", "#a7c1dd"]
SELECTED = "datum.regio_slug === regio"


def _x_format(unit: str) -> str:
    return ",~r" if unit != "aantal" else ",d"


def _unit_title(unit: str) -> str:
    return {"aantal": "aantal", "procent": "%", "procent_verandering": "% verandering"}[unit]


def _param():
    return alt.param(name="regio", value="nederland")


def _finish(chart, description: str) -> dict:
    spec = chart.properties(description=description).configure_view(stroke=None).configure_axis(
        labelFontSize=12, titleFontSize=12, labelLimit=300).to_dict()
    return vl_convert.vegalite_to_vega(spec, vl_version=VL_VERSION)


def regio_vergelijking(title: str, unit: str, rows: list[dict], period: str) -> dict:
    """All regions side by side for one period, sorted, the selected region highlighted."""
    data = [r for r in rows if r["regio_code"].startswith("VT") and r["periode"] == period]
    base = alt.Chart(alt.Data(values=data)).transform_calculate(
        x_pos="isValid(datum.waarde) ? datum.waarde : 0")
    y = alt.Y("regio_naam:N", sort=alt.EncodingSortField("waarde", order="descending"), title=None)
    tooltip = [alt.Tooltip("regio_naam:N", title="Regio"), alt.Tooltip("waarde_tekst:N", title=title),
               alt.Tooltip("periode_label:N", title="Periode")]
    bars = base.mark_bar().encode(
        y=y, x=alt.X("waarde:Q", title=_unit_title(unit), axis=alt.Axis(format=_x_format(unit), tickCount=5)),
        color=alt.condition(SELECTED, alt.value(HIGHLIGHT), alt.value(BASE)),
        stroke=alt.condition(SELECTED, alt.value("#000000"), alt.value(None)),
        tooltip=tooltip)
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(
        y=y, x="x_pos:Q", text="waarde_tekst:N", tooltip=tooltip)
    chart = (bars + labels).add_params(_param()).properties(width="container", height=max(len(data), 1) * 20)
    top = max((r for r in data if r["waarde"] is not None), key=lambda r: r["waarde"], default=None)
    low = min((r for r in data if r["waarde"] is not None), key=lambda r: r["waarde"], default=None)
    desc = f"{title} per Veilig Thuis-regio, {periods.label(period, data[0]['teken'] if data else '')}"
    if top and low:
        desc += f": hoogste {top['regio_naam']} {top['waarde_tekst']}, laagste {low['regio_naam']} {low['waarde_tekst']}."
    return _finish(chart, desc)


def halfjaar_reeks(title: str, unit: str, rows: list[dict]) -> dict:
    """The series of one area over the periods; the page sets `regio` to the area shown."""
    data = [r for r in rows if not r["categorie"] and periods.is_half_year(r["periode"])]
    order = [periods.short_label(p) for p in sorted({r["periode"] for r in data}, key=periods.sort_key)]
    values = [{**r, "periode_kort": periods.short_label(r["periode"], r["teken"]), "periode_sort": periods.short_label(r["periode"])} for r in data]
    base = alt.Chart(alt.Data(values=values)).transform_filter(SELECTED).transform_calculate(
        y_pos="isValid(datum.waarde) ? datum.waarde : 0")
    x = alt.X("periode_sort:N", sort=order, title=None, axis=alt.Axis(labelAngle=0))
    tooltip = [alt.Tooltip("regio_naam:N", title="Gebied"), alt.Tooltip("periode_label:N", title="Periode"),
               alt.Tooltip("waarde_tekst:N", title=title), alt.Tooltip("noot:N", title="Noot")]
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
    """Bars by category, one bar per period within each category."""
    data = [r for r in rows if r["regio_code"] == "NL01"]
    cats = list(dict.fromkeys(r["categorie_naam"] for r in data))
    plist = sorted({r["periode"] for r in data}, key=periods.sort_key, reverse=True)
    labels_order = [next(r["periode_label"] for r in data if r["periode"] == p) for p in plist]
    base = alt.Chart(alt.Data(values=data)).transform_calculate(x_pos="isValid(datum.waarde) ? datum.waarde : 0")
    y = alt.Y("categorie_naam:N", sort=cats, title=None, axis=alt.Axis(labelLimit=260))
    y_offset = alt.YOffset("periode_label:N", sort=labels_order)
    color = alt.Color("periode_label:N", sort=labels_order, title="Periode",
                      scale=alt.Scale(domain=labels_order, range=PERIOD_COLORS[: len(labels_order)]),
                      legend=alt.Legend(orient="top") if len(plist) > 1 else None)
    tooltip = [alt.Tooltip("categorie_naam:N", title="Categorie"), alt.Tooltip("periode_label:N", title="Periode"),
               alt.Tooltip("waarde_tekst:N", title=title)]
    bars = base.mark_bar().encode(y=y, yOffset=y_offset, x=alt.X("waarde:Q", title=_unit_title(unit), axis=alt.Axis(format=_x_format(unit), tickCount=5)),
                                  color=color, tooltip=tooltip)
    text = base.mark_text(align="left", dx=4, fontSize=11).encode(y=y, yOffset=y_offset, x="x_pos:Q", text="waarde_tekst:N", tooltip=tooltip)
    chart = (bars + text).add_params(_param()).properties(width="container", height=max(len(cats) * len(plist) * 24, 60))
    desc = f"{title}, Nederland: " + "; ".join(f"{r['categorie_naam']} {r['waarde_tekst']} ({r['periode_label']})" for r in data)
    return _finish(chart, desc)


def number_label(unit: str) -> str:
    return formatting.NBSP + "%" if unit.startswith("procent") else ""
