"""The page of one indicator: indicatoren/<id>.md (templates/page/indicator.md)."""

from __future__ import annotations

from markupsafe import Markup

from ..compute import charts
from ..compute.view import View as Indicator
from ..model import formatting, periods
from ..model.catalog import Catalog
from ..model.regions import is_municipality, is_regional
from . import map as regionmap
from .blocks import category_figures, change_block, key_figure, municipalities_of, region_selector, source_line, symbols_legend
from .chart import chart_block
from .export import embed_block
from .html import render
from .search import search_words


def map_block(ind: Indicator, catalog: Catalog, recs: list[dict]) -> Markup | str:
    """The map of the regions for the latest period with regional figures, clickable to choose a region."""
    period = ind.latest_regional
    if not period:
        return ""
    values = {r["regio_code"]: r for r in recs if r["periode"] == period and is_regional(r["regio_code"])
              and not is_municipality(r["regio_code"]) and not r["categorie"] and not r["groep"]}
    decimals = max((len(formatting.number(r["waarde"]).partition(",")[2]) for r in values.values() if r["waarde"] is not None), default=0)
    caption = f"Kaart: {ind.titel} per Veilig Thuis-regio, {periods.label(period, next(iter(values.values()))['teken'] if values else '')}"
    return render("page/map_block.html", caption=caption,
                  region_map=regionmap.region_map(catalog.regions, period, values, title=caption, unit=ind.eenheid, decimals=decimals),
                  source_line=source_line(ind, catalog, list(values.values())))


def indicator_page(ind: Indicator, catalog: Catalog, related=(), synonyms=()) -> str:
    recs = ind.records
    figures = []
    for kind in ind.grafieken:
        figures.append(chart_block(ind, catalog, kind, related=related))
        if charts.KINDS[kind].WITH_MAP:
            figures.append(map_block(ind, catalog, recs))
    kerncijfer = any(not charts.KINDS[k].DRAWS for k in ind.grafieken)  # key figures instead of a chart
    return str(render(
        "page/indicator.md", ind=ind, period_labels=[periods.label(p) for p in ind.periods],
        region_selector=region_selector(catalog, ind.latest_regional, municipalities=municipalities_of(ind, catalog))
        if ind.regional else None,
        key_figure=key_figure(ind, recs), change_block=change_block(ind, catalog),
        category_figures=category_figures(recs) if kerncijfer else None,
        source_line=source_line(ind, catalog, recs) if kerncijfer else None,
        charts=figures, embed_block=embed_block(ind), symbols_legend=symbols_legend(recs),
        sources=render("page/indicator_sources.html", sources=ind.sources),
        downloads=render("page/indicator_downloads.html", id=ind.id, titel=ind.titel),
        search_words=search_words(synonyms, ind.titel, ind.tekst, ind.definitie)))
