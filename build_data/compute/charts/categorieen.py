"""Bars by category, Nederland; a second dimension (the group, else the period) colours the bars."""

from __future__ import annotations

import altair as alt

from ...model import periods
from .base import AXIS_LABEL_LIMIT, PALETTE, SYMBOL_TIP, finish, inline, param, unit_title, x_format
from .figure import Figure, chart_rows, gaps, n_text, where_category

NAME = "categorieen"
MAX_PERIODS = 4  # periods told apart by colour in one chart; a longer series (StatLine) shows its latest


def chart_periods(data: list[dict]) -> list[str]:
    """The periods a chart by category shows: never half-years and years in one chart (the
    half-years when there are both), and at most the latest MAX_PERIODS; the table lists all."""
    found = sorted({r["periode"] for r in data}, key=periods.sort_key)
    halves = [p for p in found if periods.is_half_year(p)]
    if halves and len(halves) < len(found):
        found = halves
    return found[-MAX_PERIODS:]


def figure(view, catalog, related=()) -> Figure:
    return category_figure(NAME, view, categorieen)


def category_figure(name: str, view, make) -> Figure:
    """Nederland's figures by category (and group), with their table; shared by the kinds that
    show categories."""
    title, unit, recs = view.titel, view.eenheid, view.records
    spec = view.spec(name, lambda: make(title, unit, chart_rows(recs)))
    shown = [r for r in recs if r["regio_code"] == "NL01" and r["categorie"]]
    if any(r["groep"] for r in shown):
        headers, value_col = ["Categorie", "Groep", "Periode", title, "n"], 3
        rows = [(r, [r["categorie_naam"], r["groep_naam"], r["periode_label"], r["waarde_tekst"], n_text(r)]) for r in shown]
    else:
        headers, value_col = ["Categorie", "Periode", title], 2
        rows = [(r, [r["categorie_naam"], r["periode_label"], r["waarde_tekst"]]) for r in shown]
    drawn = chart_periods(shown) if make is categorieen and not any(r["groep"] for r in shown) else []
    caption = f"{title}, Nederland" + (f", {periods.label(drawn[0])} tot en met {periods.label(drawn[-1])} (de tabel geeft alle perioden)"
                                       if len(drawn) < len({r["periode"] for r in shown}) and drawn else "")
    return Figure(name, caption, spec, shown, headers, rows, value_col, gaps=gaps(shown, where_category))


def categorieen(title: str, unit: str, rows: list[dict]) -> dict:
    """Bars by category. A second dimension (the `groep`, else the period) colours the bars."""
    data = [r for r in rows if r["regio_code"] == "NL01" and r["categorie"]]
    if not any(r["groep"] for r in data):
        shown = set(chart_periods(data))
        data = [r for r in data if r["periode"] in shown]
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
    base = alt.Chart(inline(data)).transform_calculate(x_pos="isValid(datum.waarde) ? datum.waarde : 0")
    y = alt.Y("categorie_naam:N", sort=cats, title=None, axis=alt.Axis(labelLimit=AXIS_LABEL_LIMIT))
    y_offset = alt.YOffset(f"{field}:N", sort=order)
    color = alt.Color(f"{field}:N", sort=order, title=legend_title,
                      scale=alt.Scale(domain=order, range=PALETTE[: len(order)]),
                      legend=alt.Legend(orient="top") if len(order) > 1 else None)
    tooltip = [alt.Tooltip("categorie_naam:N", title="Categorie"), alt.Tooltip(f"{field}:N", title="Groep" if by_group else "Periode"),
               alt.Tooltip("waarde_tekst:N", title=title), SYMBOL_TIP]
    if by_group:
        tooltip.insert(2, alt.Tooltip("periode_label:N", title="Periode"))
    bars = base.mark_bar().encode(y=y, yOffset=y_offset, x=alt.X("waarde:Q", title=unit_title(unit), axis=alt.Axis(format=x_format(unit), tickCount=5)),
                                  color=color, tooltip=tooltip)
    text = base.mark_text(align="left", dx=4, fontSize=11).encode(y=y, yOffset=y_offset, x="x_pos:Q", text="waarde_tekst:N", tooltip=tooltip)
    chart = (bars + text).add_params(param()).properties(width="container", height=max(len(cats) * len(order) * 22, 60))
    desc = f"{title}, Nederland: " + "; ".join(
        f"{r['categorie_naam']}{(' (' + r['groep_naam'] + ')') if by_group else ''} {r['waarde_tekst']} ({r['periode_label']})" for r in data)
    return finish(chart, desc)
