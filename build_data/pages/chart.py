"""A chart on a page: its caption, the chart itself (a Vega spec the page script draws), the table
of its figures, its notes, sources and export buttons (template chart/figure.html). What a kind
of chart shows comes from the registry of chart kinds (build_data.compute.charts)."""

from __future__ import annotations

from ..compute import charts
from ..compute.view import View
from ..model.catalog import Catalog
from .blocks import source_line
from .html import render


def chart_block(view: View, catalog: Catalog, kind: str, related=(), base: str = "", period: str | None = None) -> str:
    """The figure of one chart kind of the indicator; empty for a kind that draws no chart.
    `base` prefixes links to other indicator pages (from a theme or embed page); `period` is the
    period of a kind that shows one at a time (default: the latest with regional figures)."""
    fig = charts.KINDS[kind].figure(view, catalog, related, period)
    if fig is None:
        return ""
    return render("chart/figure.html", fig=fig, id=view.id, base=base,
                  sources=source_line(view, catalog, fig.shown),
                  others_sources=source_line(view, catalog, fig.others) if fig.others else "")
