"""The series of one area over the half-years; the page sets the area shown (Nederland when the
chosen region has no series). Figures of another period length are listed beside it."""

from __future__ import annotations

from dataclasses import replace

import altair as alt

from ...model import periods
from ...model.regions import is_municipality
from .base import HIGHLIGHT, SELECTED, SYMBOL_TIP, finish, inline, param, unit_title, x_format
from .figure import Figure, chart_rows, gaps

NAME = "halfjaar-reeks"
ONE_AREA = True
MANY = 6  # more half-years than this: a long series, drawn narrower


def figure(view, catalog, related=()) -> Figure:
    title, unit, recs = view.titel, view.eenheid, view.records
    spec = view.spec(NAME, lambda: halfjaar_reeks(title, unit, chart_rows(recs)))
    shown = [r for r in recs if not r["categorie"] and periods.is_half_year(r["periode"])]
    others = [r for r in recs if not r["categorie"] and not periods.is_half_year(r["periode"])]
    rows = [(r, [r["regio_naam"], r["periode_label"], r["waarde_tekst"], r["noot"]]) for r in shown]
    municipal = list(dict.fromkeys(r["regio_slug"] for r in shown if is_municipality(r["regio_code"])))
    # the note on gaps per area, shown with its area; a municipality's missing figure (often CBS's
    # secrecy in a small one) has its symbol in the chart and the table when it is chosen
    by_area: dict[str, list[dict]] = {}
    for r in shown:
        if not is_municipality(r["regio_code"]):
            by_area.setdefault(r["regio_slug"], []).append(r)
    notes = [replace(g, area=slug) for slug, rs in by_area.items() for g in gaps(rs, lambda r: r["periode_label"])]
    return Figure(NAME, f"{title} per periode", spec, shown, ["Gebied", "Periode", title, "Noot"], rows, 2,
                  national_only=False, others=others, municipal=municipal, gaps=notes, caption_area="Nederland")


def halfjaar_reeks(title: str, unit: str, rows: list[dict]) -> dict:
    """The series of one area over the periods; the page sets `regio` to the area shown."""
    data = [r for r in rows if not r["categorie"] and periods.is_half_year(r["periode"])]
    order = [periods.short_label(p) for p in sorted({r["periode"] for r in data}, key=periods.sort_key)]
    values = [{**r, "periode_kort": periods.short_label(r["periode"], r["teken"]), "periode_sort": periods.short_label(r["periode"])} for r in data]
    base = alt.Chart(inline(values)).transform_filter(SELECTED).transform_calculate(
        y_pos="isValid(datum.waarde) ? datum.waarde : 0")
    many = len(order) > MANY  # a long series (StatLine): slanted period labels, upright value labels, bars as wide as their band
    x = alt.X("periode_sort:N", sort=order, title=None,
              axis=alt.Axis(labelAngle=-45, labelAlign="right") if many else alt.Axis(labelAngle=0))
    tooltip = [alt.Tooltip("regio_naam:N", title="Gebied"), alt.Tooltip("periode_label:N", title="Periode"),
               alt.Tooltip("waarde_tekst:N", title=title), SYMBOL_TIP, alt.Tooltip("noot:N", title="Noot")]
    bars = (base.mark_bar(color=HIGHLIGHT) if many else base.mark_bar(color=HIGHLIGHT, size=44)).encode(
        x=x, y=alt.Y("waarde:Q", title=unit_title(unit), axis=alt.Axis(format=x_format(unit), tickCount=5)),
        opacity=alt.condition("datum.teken === '*' || datum.teken === '**'", alt.value(0.65), alt.value(1)),
        tooltip=tooltip)
    if many:
        # upright inside the bar (white), a missing figure's symbol upright above the axis
        inside = base.transform_filter("isValid(datum.waarde)").mark_text(
            angle=270, align="right", baseline="middle", dx=-4, fontSize=11, color="#ffffff").encode(
            x=x, y="y_pos:Q", text="waarde_tekst:N", tooltip=tooltip)
        gap = base.transform_filter("!isValid(datum.waarde)").mark_text(
            angle=270, align="left", baseline="middle", dx=4, fontSize=11).encode(x=x, y="y_pos:Q", text="waarde_tekst:N", tooltip=tooltip)
        layers = bars + inside + gap
    else:
        layers = bars + base.mark_text(dy=-6, baseline="bottom", fontSize=12).encode(x=x, y="y_pos:Q", text="waarde_tekst:N", tooltip=tooltip)
    chart = layers.add_params(param()).properties(width="container", height=240)
    nl = [r for r in data if r["regio_code"] == "NL01"]
    desc = f"{title} per periode, Nederland: " + "; ".join(f"{r['waarde_tekst']} in {r['periode_label']}" for r in nl)
    return finish(chart, desc)
