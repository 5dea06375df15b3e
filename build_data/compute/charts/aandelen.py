"""Shares of one whole (100 %), one stacked bar per period or group, Nederland."""

from __future__ import annotations

import altair as alt

from .base import PALETTE, SYMBOL_TIP, finish, inline, param, unit_title
from .categorieen import category_figure
from .figure import Figure

NAME = "aandelen"


def figure(view, catalog, related=()) -> Figure:
    return category_figure(NAME, view, aandelen)


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
    base = alt.Chart(inline(values))
    y = alt.Y(f"{field}:N", sort=bars_order, title=None)
    x = alt.X("waarde:Q", stack="zero", title=unit_title(unit), scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(format=",d"))
    bars = base.mark_bar(stroke="white", strokeWidth=1).encode(
        y=y, x=x, order=alt.Order("volgorde:Q"), tooltip=tooltip,
        color=alt.Color("categorie_naam:N", sort=cats, title=None,
                        scale=alt.Scale(domain=cats, range=(PALETTE * 3)[: len(cats)]), legend=alt.Legend(orient="top", columns=alt.ExprRef(expr="containerSize()[0] < 600 ? 1 : 2"))))
    text = base.mark_text(color="white", fontSize=11).encode(
        y=y, x=alt.X("waarde:Q", stack="zero", bandPosition=0.5), order=alt.Order("volgorde:Q"), tooltip=tooltip,
        text=alt.condition("datum.waarde >= 8", alt.Text("waarde_tekst:N"), alt.value("")))
    chart = (bars + text).add_params(param()).properties(width="container", height=max(len(bars_order) * 44, 60))
    desc = f"{title}, Nederland: " + "; ".join(f"{r[field]}: {r['categorie_naam']} {r['waarde_tekst']}" for r in data)
    return finish(chart, desc)
