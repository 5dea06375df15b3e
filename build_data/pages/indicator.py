"""The page of one indicator: indicatoren/<id>.md."""

from __future__ import annotations

from ..compute.view import View as Indicator
from ..model import formatting, periods
from ..model.catalog import Catalog
from ..model.regions import is_regional
from . import map as regionmap
from .blocks import category_figures, change_block, key_figure, region_selector, source_line, symbols_legend
from .chart import chart_block
from .export import embed_block
from .render import LIFT_CLOSE, LIFT_OPEN, e, front_matter, lifted
from .search import search_words


def map_block(ind: Indicator, catalog: Catalog, recs: list[dict]) -> str:
    """The map of the regions for the latest period with regional figures, clickable to choose a region."""
    period = ind.latest_regional
    if not period:
        return ""
    values = {r["regio_code"]: r for r in recs if r["periode"] == period and is_regional(r["regio_code"])
              and not r["categorie"] and not r["groep"]}
    decimals = max((len(formatting.number(r["waarde"]).partition(",")[2]) for r in values.values() if r["waarde"] is not None), default=0)
    caption = f"Kaart: {ind.titel} per Veilig Thuis-regio, {periods.label(period, next(iter(values.values()))['teken'] if values else '')}"
    shown = list(values.values())
    return (f'<figure class="hgkm-figuur hgkm-kaartfiguur" data-soort="kaart">'
            f'<figcaption class="hgkm-titel">{e(caption)}</figcaption>'
            f'{regionmap.region_map(catalog.regions, period, values, title=caption, unit=ind.eenheid, decimals=decimals)}'
            f"{source_line(ind, catalog, shown)}</figure>")



def indicator_page(ind: Indicator, catalog: Catalog, related=(), synonyms=()) -> str:
    recs = ind.records
    blocks = []
    for kind in ind.grafieken:
        blocks.append(chart_block(ind, catalog, kind, recs, related=related))
        if kind == "regio-vergelijking":
            blocks.append(map_block(ind, catalog, recs))
    sources = "".join(
        f"<li>{e(s['titel'])}. Uitgever: {e(s['uitgever'])}. Vindplaats: {e('; '.join(s['vindplaatsen']))}. "
        f"Datapakket <code>{e(s['pakket'])}</code>, licentie {e(s['licentie'])}.</li>"
        for s in ind.sources)
    level = "landelijk en per Veilig Thuis-regio" if ind.regional else "alleen landelijk"
    period_list = ", ".join(periods.label(p) for p in ind.periods)
    md = [
        *front_matter(ind.titel, ind.tekst),
        "",
        f"# {e(ind.titel)}",
        "",
        f'<p class="hgkm-thema">Thema: <a href="../themas/{ind.thema.slug}.html">{e(ind.thema.titel)}</a> · Cijfers {level} · Perioden: {e(period_list)}</p>',
        "",
        f'<p class="hgkm-lead">{e(ind.tekst)}</p>',
        "",
    ]
    if ind.regional:
        md += [lifted(region_selector(catalog, ind.latest_regional)), ""]
    md += [lifted(key_figure(ind, recs)), "", lifted(change_block(ind, catalog)), ""]
    if "kerncijfer" in ind.grafieken:
        md += [lifted(category_figures(recs)), "", lifted(source_line(ind, catalog, recs)), ""]
    for block in blocks:
        md += [lifted(block), ""]
    md += [lifted(embed_block(ind)), ""]
    words = search_words(synonyms, ind.titel, ind.tekst, ind.definitie)
    md += [
        lifted(symbols_legend(recs)), "",
        "## Definitie", "", f"<p>{e(ind.definitie)}</p>", "",
        "## Bron", "", lifted(f"<ul>{sources}</ul>"), "",
        "## Downloads", "",
        LIFT_OPEN + f'<ul class="hgkm-downloads"><li><a href="../data/{ind.id}.csv" download>{e(ind.titel)} (CSV)</a>: één rij per gebied, periode en categorie, met CBS-teken, eenheid en bron.</li>'
        f'<li><a href="../data/{ind.id}.json" download>{e(ind.titel)} (JSON)</a>: dezelfde cijfers met definitie en bronnen.</li></ul>' + LIFT_CLOSE,
        "",
    ]
    if words:
        md += [f'<p class="hgkm-zoekwoorden">Zoekwoorden: {e(", ".join(words))}</p>', ""]
    return "\n".join(md)
