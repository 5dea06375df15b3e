"""The dot chart of every region's share of the national total per count indicator, one spec
shared by every region profile (not a declared chart kind)."""

from __future__ import annotations

import altair as alt

from .base import AXIS_LABEL_LIMIT, BASE, HIGHLIGHT, SELECTED, SYMBOL_TIP, finish, inline, param


def profiel(rows: list[dict], indicator_order: list[str], period_label: str) -> dict:
    """One row per count indicator: every region's share of the national total as a dot, the
    selected region (parameter `regio`) large and dark with its share as a label. Shares compare a
    region with itself across indicators; they are not rates. One spec serves every region profile:
    the page sets `regio`."""
    tooltip = [alt.Tooltip("regio_naam:N", title="Regio"), alt.Tooltip("indicator:N", title="Indicator"),
               alt.Tooltip("waarde_tekst:N", title="Aantal"), alt.Tooltip("aandeel_tekst:N", title="Aandeel in Nederland"), SYMBOL_TIP]
    base = alt.Chart(inline(rows))
    y = alt.Y("indicator:N", sort=indicator_order, title=None, axis=alt.Axis(labelLimit=AXIS_LABEL_LIMIT))
    x = alt.X("aandeel:Q", title="aandeel in het landelijke totaal (%)", axis=alt.Axis(format=",~r", tickCount=6))
    dots = base.mark_circle(stroke="white", strokeWidth=0.5).encode(
        y=y, x=x, tooltip=tooltip,
        color=alt.condition(SELECTED, alt.value(HIGHLIGHT), alt.value(BASE)),
        size=alt.condition(SELECTED, alt.value(170), alt.value(45)),
        opacity=alt.condition(SELECTED, alt.value(1), alt.value(0.75)),
        order=alt.condition(SELECTED, alt.value(1), alt.value(0)))
    label = base.transform_filter(SELECTED).mark_text(align="left", dx=9, fontSize=12, fontWeight="bold", color=HIGHLIGHT).encode(
        y=y, x=x, text="aandeel_tekst:N", tooltip=tooltip)
    chart = alt.layer(dots, label).add_params(param()).properties(width="container", height=len(indicator_order) * 26)
    return finish(chart, f"Aandeel van elke Veilig Thuis-regio in het landelijke totaal per indicator, {period_label}.")
