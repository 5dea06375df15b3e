"""The page of one theme: themas/<slug>.md (templates/page/theme.md), with its indicators and what is planned."""

from __future__ import annotations

from markupsafe import Markup

from ..compute.charts import drawn
from ..compute.view import View as Indicator
from ..model import periods
from ..model.catalog import Catalog
from ..model.indicator import Theme
from .blocks import category_figures, key_figure, region_selector, source_line, symbols_legend
from .chart import chart_block
from .html import render


def planned_list(entries) -> Markup | str:
    """Catalogue entries without figures on this site: what is planned, from which source."""
    if not entries:
        return ""
    return render("page/planned_list.html", entries=entries)


def theme_page(theme: Theme, inds: list[Indicator], catalog: Catalog, planned=(), related=()) -> str:
    regional = [i for i in inds if i.regional]
    latest = max((i.latest_regional for i in regional), key=periods.sort_key) if regional else None
    sections = []
    used: list[dict] = []  # every figure on the page, for the legend of symbols
    for ind in inds:
        recs = ind.records
        used += recs
        first = next(iter(drawn(ind.grafieken)), None)
        sections.append({
            "ind": ind, "key_figure": key_figure(ind, recs),
            "category_figures": "" if first else category_figures(recs),
            "chart": chart_block(ind, catalog, first, related=related, base="../indicatoren/") if first
            else source_line(ind, catalog, recs)})
    return str(render(
        "page/theme.md", theme=theme, sections=sections,
        region_selector=region_selector(catalog, latest) if regional else None,
        symbols_legend=symbols_legend(used) if inds else None, planned_list=planned_list(planned)))
