"""A chart on a page: its caption, the chart itself (drawn at build time as SVG, and the Vega spec
the page script draws again when the reader needs it: build_data.pages.static_chart), the table
of its figures, its notes, sources and export buttons (template chart/figure.html). What a kind
of chart shows comes from the registry of chart kinds (build_data.compute.charts)."""

from __future__ import annotations

from dataclasses import replace

from ..compute import charts
from ..compute.view import View
from ..model.catalog import Catalog
from . import parts as page_parts
from . import static_chart
from .blocks import source_line
from .html import render


def chart_block(view: View, catalog: Catalog, kind: str, related=(), base: str = "", period: str | None = None,
                parts: dict | None = None, static: bool = True) -> str:
    """The figure of one chart kind of the indicator; empty for a kind that draws no chart.
    `base` prefixes links to other indicator pages (from a theme or embed page); `period` is the
    period of a kind that shows one at a time (default: the latest with regional figures).
    The rows of municipalities are parts the page loads when one is chosen (build_data.pages.parts;
    about 20 municipalities a part, the page finds the part of one by its slug); `parts`
    (name -> content), when given, receives them. `static`: the chart is drawn at build time
    (a figure a first visit shows); a figure in a part the page loads later is drawn by the page
    script, whose Vega runtime the reader's choice of it loads anyway."""
    fig = charts.KINDS[kind].figure(view, catalog, related, period)
    if fig is None:
        return ""
    sources = source_line(view, catalog, fig.shown)
    others_sources = source_line(view, catalog, fig.others) if fig.others else ""
    by_area = len({r["regio_slug"] for r in fig.others}) > 1
    part, n_parts = None, 0
    if fig.municipal and fig.drawn:
        full = fig
        n_parts = page_parts.parts_for(full.municipal)
        part = f"{view.id}-{kind}-gemeenten-"
        for i in range(n_parts):
            fig, content = _municipal_part(full, {s for s in full.municipal if page_parts.bucket(s, n_parts) == i})
            if parts is not None:
                parts[f"{part}{i}"] = content
        fig, _ = _municipal_part(full, set(full.municipal))
    static = static_chart.drawings(first_paint_spec(fig, kind)) if static and fig.drawn else ""
    static_area = static_chart.REGION if static_chart.uses_region(fig.spec) else "elk"
    return render("chart/figure.html", fig=fig, id=view.id, base=base, sources=sources, others_sources=others_sources,
                  others_by_area=by_area, part=page_parts.src_prefix(part) if part else None, n_parts=n_parts,
                  static=static, static_area=static_area)


def first_paint_rows(fig, kind: str):
    """Which rows (by `regio_slug`) a first paint of the figure draws: not the municipalities' (the
    page loads them later), and for a chart of one area at a time only the area drawn (Nederland),
    which keeps a series of hundreds of areas quick to draw."""
    local = set(fig.municipal) if fig.municipal and fig.drawn else set()
    one = charts.KINDS[kind].ONE_AREA
    return lambda slug: slug not in local and (not one or slug == static_chart.REGION)


def first_paint_spec(fig, kind: str) -> dict:
    """The spec a page's drawing of the figure is made from: also the chart of a shared link's
    image (build_data.pages.share)."""
    return page_parts.split_spec(fig.spec, "regio_slug", first_paint_rows(fig, kind))[0]


def _municipal_part(fig, local: set[str]):
    """(the figure without the rows of the municipalities `local`, the part with them: chart rows
    by dataset, table rows and the list of other figures as HTML). The areas stay: the page knows
    which municipalities the series has before it loads their rows."""
    spec, data = page_parts.split_spec(fig.spec, "regio_slug", lambda slug: slug not in local)
    rows = [x for x in fig.rows if x[0]["regio_slug"] in local]
    others = [r for r in fig.others if r["regio_slug"] in local]
    content = {"data": data,
               "rijen": str(render("chart/rows.html", fig=fig, rows=rows)),
               "ook": str(render("chart/others.html", others=others, by_area=True))}
    inline = replace(fig, spec=spec, rows=[x for x in fig.rows if x[0]["regio_slug"] not in local],
                     others=[r for r in fig.others if r["regio_slug"] not in local])
    return inline, content
