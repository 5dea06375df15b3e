"""The page of one indicator: indicatoren/<id>.md (templates/page/indicator.md)."""

from __future__ import annotations

from markupsafe import Markup

from ..compute import charts
from ..compute.view import View as Indicator
from ..compute.view import citation
from ..model import formatting, periods
from ..model.catalog import Catalog
from ..model.regions import is_municipality, is_regional
from . import map as regionmap
from . import parts as page_parts
from . import share
from .blocks import category_figures, change_block, key_figure, municipalities_of, region_options, region_selector, source_line, symbols_legend
from .chart import chart_block
from .export import embed_block
from .html import render
from .search import search_words, title_words


def map_block(ind: Indicator, catalog: Catalog, recs: list[dict], period: str | None = None) -> Markup | str:
    """The map of the regions for one period (the latest with regional figures), clickable to choose a region."""
    period = period or ind.latest_regional
    if not period:
        return ""
    values = {r["regio_code"]: r for r in recs if r["periode"] == period and is_regional(r["regio_code"])
              and not is_municipality(r["regio_code"]) and not r["categorie"] and not r["groep"]}
    decimals = max((len(formatting.number(r["waarde"]).partition(",")[2]) for r in values.values() if r["waarde"] is not None), default=0)
    caption = f"Kaart: {ind.titel} per Veilig Thuis-regio, {periods.label(period, next(iter(values.values()))['teken'] if values else '')}"
    return render("page/map_block.html", caption=caption,
                  region_map=regionmap.region_map(catalog.regions, period, values, title=caption, unit=ind.eenheid, decimals=decimals),
                  source_line=source_line(ind, catalog, list(values.values())))


def choice_periods(ind: Indicator) -> list[str]:
    """The periods an indicator page lets one choose (none when it shows one period only)."""
    per_period = any(charts.KINDS[k].PER_PERIOD for k in ind.grafieken)
    return list(ind.periods_regional) if per_period and len(ind.periods_regional) > 1 else []


def period_choice(ind: Indicator, catalog: Catalog, kind: str, related=(), parts: dict | None = None) -> Markup:
    """A chart that shows one period at a time, for every period with regional figures (and its
    map), with the choice of period; the latest is shown first and is on the page, the others are
    a part the page loads when one is chosen (build_data.pages.parts; `parts` receives it)."""
    blocks, later, name = [], {}, f"{ind.id}-perioden"
    for period in ind.periods_regional:
        html = chart_block(ind, catalog, kind, related=related, period=period, parts=parts,
                           static=period == ind.latest_regional)
        if charts.KINDS[kind].WITH_MAP:
            html = Markup(html) + Markup(map_block(ind, catalog, ind.records, period))
        block = {"code": period, "html": Markup(html), "label": periods.label(period)}
        if period != ind.latest_regional:
            later[period] = str(render("chart/period_box.html", id=ind.id, b=block))
        blocks.append(block)
    if parts is not None:
        parts[name] = later
    options = [{"code": p, "label": periods.label(p, (ind.at(p).get("NL01") or {}).get("teken", ""))} for p in ind.periods_regional]
    return render("chart/periods.html", id=ind.id, options=options, latest=ind.latest_regional, blocks=blocks,
                  part=page_parts.src(name))


def indicator_page(ind: Indicator, catalog: Catalog, related=(), synonyms=()) -> tuple[str, dict[str, bytes]]:
    """(the page's Markdown, the scripts of its parts loaded on demand: site path -> bytes)."""
    recs = ind.records
    figures, parts = [], {}
    for kind in ind.grafieken:
        if charts.KINDS[kind].PER_PERIOD and choice_periods(ind):
            figures.append(period_choice(ind, catalog, kind, related, parts))  # the build makes every period; the page switches
            continue
        figures.append(chart_block(ind, catalog, kind, related=related, parts=parts))
        if charts.KINDS[kind].WITH_MAP:
            figures.append(map_block(ind, catalog, recs))
    kerncijfer = any(not charts.KINDS[k].DRAWS for k in ind.grafieken)  # key figures instead of a chart
    page = str(render(
        "page/indicator.md", ind=ind, period_labels=[periods.label(p) for p in ind.periods],
        region_selector=region_selector(catalog, ind.latest_regional, options=region_options(
            catalog, ind.periods_regional, municipalities_of(ind, catalog)))
        if ind.regional else None,
        key_figure=key_figure(ind, recs), change_block=change_block(ind, catalog, recs),
        category_figures=category_figures(recs) if kerncijfer else None,
        source_line=source_line(ind, catalog, recs) if kerncijfer else None,
        charts=figures, embed_block=embed_block(ind), symbols_legend=symbols_legend(recs),
        sources=render("page/indicator_sources.html", sources=ind.sources),
        downloads=render("page/indicator_downloads.html", id=ind.id, titel=ind.titel, citation=citation(ind)),
        search_words=search_words(synonyms, ind.titel, ind.tekst, ind.definitie), also_known=title_words(synonyms, ind.titel),
        og=share.meta(ind, catalog, related)))
    return page, {page_parts.path(name): page_parts.script(name, content) for name, content in parts.items()}
