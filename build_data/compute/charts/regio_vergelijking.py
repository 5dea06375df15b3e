"""Regions side by side: every region of one period (the latest with regional figures, or any
other period with regional figures: the indicator page offers the choice), sorted, the chosen
region highlighted, Nederland as reference line where comparable (not for counts); with rank and
share in the table and a map beside it. A period is a half-year or a year, never both."""

from __future__ import annotations

import altair as alt

from ...compute.ranks import rank_text
from ...model import periods
from ...model.regions import is_municipality, is_regional
from .base import BASE, HIGHLIGHT, REFERENCE, SELECTED, SYMBOL_TIP, finish, inline, param, reuse, unit_title, x_format
from .figure import Figure, Reference, chart_rows, gaps

NAME = "regio-vergelijking"
LEVELS = ("regionaal",)  # it needs figures per region
WITH_MAP = True  # the page shows the map of the regions beside it
PER_PERIOD = True  # one period at a time; the build makes the figure of every period with regional figures


def figure(view, catalog, related=(), period: str | None = None) -> Figure:
    title, unit, recs = view.titel, view.eenheid, view.records
    period = period or view.latest_regional
    key = NAME if period == view.latest_regional else f"{NAME}@{period}"
    # only the period's rows are copied for the chart (a page makes this figure for every period)
    spec = view.spec(key, lambda: regio_vergelijking(title, unit, chart_rows([r for r in recs if r["periode"] == period]), period))
    # the Veilig Thuis regions side by side; municipalities are compared with municipalities only (never here)
    shown = [r for r in recs if r["periode"] == period and (is_regional(r["regio_code"]) or r["regio_code"] == "NL01")
             and not is_municipality(r["regio_code"])]
    pos = view.positions_in(period)
    headers = ["Regio", title, "Rang (1 = hoogste)"] + (["Aandeel in Nederland"] if unit == "aantal" else [])
    rows = [(r, [r["regio_naam"], r["waarde_tekst"], rank_text(pos.get(r["regio_code"]))]
             + ([pos.get(r["regio_code"], {}).get("aandeel_tekst", "")] if unit == "aantal" else [])) for r in shown]
    nl = next((r for r in recs if r["periode"] == period and r["regio_code"] == "NL01" and not r["categorie"] and not r["groep"]), None)
    reference = Reference(nl["waarde_tekst"] if nl else None, unit == "aantal",
                          [(r.id, r.titel) for r in related if r.id in view.zie_ook],
                          municipalities=any(is_municipality(r["regio_code"]) for r in recs),
                          period=nl["periode_label"] if nl else "")
    caption = f"{title} per Veilig Thuis-regio, {periods.label(period, shown[-1]['teken'] if shown else '')}"
    return Figure(NAME, caption, spec, shown, headers, rows, 1, national_only=False, reference=reference,
                  gaps=gaps(shown, lambda r: r["regio_naam"]))


def regio_vergelijking(title: str, unit: str, rows: list[dict], period: str) -> dict:
    """All regions side by side for one period, sorted, the selected region highlighted. Made with
    altair once per shape (title, unit, number of regions, with or without Nederland as
    reference) and for the other periods given their rows only (base.reuse)."""
    data = [r for r in rows if is_regional(r["regio_code"]) and not is_municipality(r["regio_code"]) and r["periode"] == period]
    nl = next((r for r in rows if r["regio_code"] == "NL01" and r["periode"] == period and r["waarde"] is not None
               and not r["categorie"] and not r["groep"]), None)
    ref = [{**nl, "label": f"Nederland: {nl['waarde_tekst']}"}] if nl and unit != "aantal" else None
    top = max((r for r in data if r["waarde"] is not None), key=lambda r: r["waarde"], default=None)
    low = min((r for r in data if r["waarde"] is not None), key=lambda r: r["waarde"], default=None)
    desc = f"{title} per Veilig Thuis-regio, {periods.label(period, data[0]['teken'] if data else '')}"
    if top and low:
        desc += f": hoogste {top['regio_naam']} {top['waarde_tekst']}, laagste {low['regio_naam']} {low['waarde_tekst']}"
        desc += f"; Nederland {nl['waarde_tekst']}." if nl else "."
    shape = (NAME, title, unit, len(data), ref is not None)
    return reuse(shape, [data] + ([ref] if ref else []), desc, lambda: _chart(title, unit, data, ref, desc))


def _chart(title: str, unit: str, data: list[dict], ref_rows: list[dict] | None, desc: str) -> dict:
    base = alt.Chart(inline(data)).transform_calculate(
        x_pos="isValid(datum.waarde) ? datum.waarde : 0")
    y = alt.Y("regio_naam:N", sort=alt.EncodingSortField("waarde", order="descending"), title=None)
    tooltip = [alt.Tooltip("regio_naam:N", title="Regio"), alt.Tooltip("waarde_tekst:N", title=title),
               alt.Tooltip("periode_label:N", title="Periode"), SYMBOL_TIP]
    bars = base.mark_bar().encode(
        y=y, x=alt.X("waarde:Q", title=unit_title(unit), axis=alt.Axis(format=x_format(unit), tickCount=5)),
        color=alt.condition(SELECTED, alt.value(HIGHLIGHT), alt.value(BASE)),
        stroke=alt.condition(SELECTED, alt.value("#000000"), alt.value(None)),
        tooltip=tooltip)
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(
        y=y, x="x_pos:Q", text="waarde_tekst:N", tooltip=tooltip)
    layers = [bars, labels]
    if ref_rows:
        # Nederland as reference, where it is comparable (a ratio or percentage, not a total)
        ref = alt.Chart(inline(ref_rows))
        ref_tip = [alt.Tooltip("label:N", title="Referentie")]
        layers.append(ref.mark_rule(color=REFERENCE, strokeDash=[6, 4], strokeWidth=2).encode(x="waarde:Q", tooltip=ref_tip))
        layers.append(ref.mark_text(align="left", dx=4, baseline="bottom", y=-2, color=REFERENCE, fontSize=11, fontWeight="bold").encode(
            x="waarde:Q", text="label:N", tooltip=ref_tip))
    chart = alt.layer(*layers).add_params(param()).properties(width="container", height=max(len(data), 1) * 20)
    return finish(chart, desc)
