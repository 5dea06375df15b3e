"""Measurements of one cohort over time (categories t0, t1, t2), the reference group's value as a
horizontal rule."""

from __future__ import annotations

import altair as alt

from .base import LINE_PALETTE, REFERENCE, SYMBOL_TIP, finish, inline, param, unit_title, x_format
from .figure import Figure, chart_rows, gaps, n_text, where_category

NAME = "cohort"


def figure(view, catalog, related=()) -> Figure:
    title, unit, recs = view.titel, view.eenheid, view.records
    package = catalog.packages[view.pakket]
    order = list(package.categories[package.categories.maat == view.maat].categorie)
    spec = view.spec(NAME, lambda: cohort(title, unit, chart_rows(recs), order))
    shown = sorted((r for r in recs if r["categorie"] or r["groep"] == "referentiegroep"),
                   key=lambda r: (r["groep"] == "referentiegroep", r["groep"], order.index(r["categorie"]) if r["categorie"] in order else 99))
    rows = [(r, [r["categorie_naam"] or "–", r["groep_naam"] or "Onderzoeksgroep", r["waarde_tekst"], n_text(r)]) for r in shown]
    return Figure(NAME, f"{title}, per meting", spec, shown, ["Meting", "Groep", title, "n"], rows, 2,
                  gaps=gaps(shown, where_category))


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
    base = alt.Chart(inline(values))
    x = alt.X("categorie_naam:N", sort=names, title=None, axis=alt.Axis(labelAngle=0, labelLimit=alt.ExprRef(expr=f"max(40, containerSize()[0] / {max(len(names), 1)} - 8)")))
    color = alt.Color("reeks:N", sort=series, title=None, scale=alt.Scale(domain=series, range=LINE_PALETTE[: len(series)]),
                      legend=alt.Legend(orient="top", direction="vertical") if len(series) > 1 else None)
    y = alt.Y("waarde:Q", title=unit_title(unit), axis=alt.Axis(format=x_format(unit), tickCount=5))
    layers = [base.mark_line(point=alt.OverlayMarkDef(size=70, filled=True)).encode(x=x, y=y, color=color, tooltip=tooltip),
              base.mark_text(dy=-10, fontSize=12).encode(x=x, y="y_pos:Q", text="waarde_tekst:N", color=color, tooltip=tooltip)]
    if refs:
        ref_values = [{**r, "label": f"Referentiegroep: {r['waarde_tekst']}"} for r in refs]
        ref = alt.Chart(inline(ref_values))
        layers.append(ref.mark_rule(strokeDash=[6, 4], color=REFERENCE, strokeWidth=2).encode(
            y="waarde:Q", tooltip=[alt.Tooltip("label:N", title="Referentie")]))
        layers.append(ref.mark_text(align="right", baseline="bottom", dy=-3, x="width", color=REFERENCE, fontSize=11).encode(
            y="waarde:Q", text="label:N"))
    chart = alt.layer(*layers).add_params(param()).properties(width="container", height=240)
    desc = f"{title}, cohortonderzoek: " + "; ".join(f"{r['categorie_naam']} {r['waarde_tekst']}" for r in data)
    if refs:
        desc += "; referentiegroep " + ", ".join(r["waarde_tekst"] for r in refs)
    return finish(chart, desc)
