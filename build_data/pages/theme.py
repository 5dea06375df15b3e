"""The page of one theme: themas/<slug>.md, with its indicators and what is planned."""

from __future__ import annotations

from ..compute.view import View as Indicator
from ..model import periods
from ..model.catalog import Catalog
from ..model.indicator import Theme
from .blocks import category_figures, key_figure, region_selector, source_line, symbols_legend
from .chart import chart_block
from .render import e, front_matter, lifted


def planned_list(entries) -> str:
    """Catalogue entries without figures on this site: what is planned, from which source."""
    if not entries:
        return ""
    items = "".join(
        f'<li><strong>{e(x.omschrijving)}</strong> <span class="hgkm-status">nog niet beschikbaar</span>'
        f'<br>Bron: {e(x.bron or "nog te bepalen")}; frequentie: {e(x.frequentie or "nog te bepalen")}; niveau: {e(x.niveau or "nog te bepalen")}.'
        f'{(" " + e(x.opmerking)) if x.opmerking else ""}</li>'
        for x in entries)
    return (f'<section class="hgkm-gepland" id="nog-niet-beschikbaar"><h2>Nog niet beschikbaar</h2>'
            f"<p>De impactmonitor groeit. Deze indicatoren staan in het overzicht van de monitor, maar er zijn (nog) geen cijfers "
            f"voor op deze site.</p><ul>{items}</ul>"
            f'<p class="hgkm-bron">Bron: Eindrapport onderzoeksadviescommissie programma Geweld hoort nergens thuis (2021), bijlage 2.</p></section>')



def theme_page(theme: Theme, inds: list[Indicator], catalog: Catalog, planned=(), related=()) -> str:
    md = [
        *front_matter(theme.titel), "",
        f"# {e(theme.titel)}", "", f'<p class="hgkm-lead">{e(theme.beschrijving)}</p>', "",
    ]
    if not inds:
        md += ['<div class="admonition info"><p class="admonition-title">Nog geen cijfers</p>'
               "<p>Voor dit thema staan nog geen cijfers op deze site. De impactmonitor groeit: indicatoren worden toegevoegd zodra er gegevens zijn.</p></div>", ""]
        md += [lifted(planned_list(planned)), ""]
        return "\n".join(md)
    regional = [i for i in inds if i.regional]
    if regional:
        latest = max((i.latest_regional for i in regional), key=periods.sort_key)
        md += [lifted(region_selector(catalog, latest)), ""]
    used: list[dict] = []  # every figure on the page, for the legend of symbols
    for ind in inds:
        recs = ind.records
        used += recs
        first = next((k for k in ind.grafieken if k != "kerncijfer"), None)
        md += [
            f'<section class="hgkm-indicator" id="{e(ind.id)}">',
            f'<h2><a href="../indicatoren/{ind.id}.html">{e(ind.titel)}</a></h2>',
            f'<p>{e(ind.tekst)}</p>',
            lifted(key_figure(ind, recs)),
            lifted(category_figures(recs)) if not first else "",
            lifted(chart_block(ind, catalog, first, recs, related=related, base="../indicatoren/") if first else source_line(ind, catalog, recs)),
            f'<p><a href="../indicatoren/{ind.id}.html">Alles over {e(ind.titel.lower())}: definitie, bron, tabel en downloads</a></p>',
            "</section>", "",
        ]
    md += [lifted(symbols_legend(used)), "", lifted(planned_list(planned)), ""]
    return "\n".join(md)
