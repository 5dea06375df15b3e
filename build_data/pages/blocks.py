"""Blocks that several pages share: the region selector, key figures, source lines, the legend
of CBS symbols and change figures. Each formats what a view holds (templates/blocks/)."""

from __future__ import annotations

from markupsafe import Markup

from ..compute.view import View as Indicator
from ..model import periods, symbols
from ..model.catalog import Catalog
from .html import render


def region_options(catalog: Catalog, period: str | list[str] | None) -> list[dict]:
    """Nederland and the regions of a period, or of any of several periods (a page with a choice
    of period: the page script offers those of the period shown)."""
    nl = catalog.regions.by_code["NL01"]
    if isinstance(period, list) and len(period) > 1:
        seen = {r.code: r for p in period for r in catalog.regions.regional(p)}
        regs = [nl] + sorted(seen.values(), key=lambda r: r.naam.lower())
    else:
        regs = [nl] + catalog.regions.regional(period[0] if isinstance(period, list) and period else period or None)
    return [{"slug": r.slug, "code": r.code, "naam": r.naam} for r in regs]


def region_selector(catalog: Catalog, period: str | None, base: str = "../", options: list[dict] | None = None, navigate: bool = False) -> Markup:
    """The region selector. navigate=True (region profiles): a region chosen and 'Open profiel' opens its profile."""
    return render("blocks/region_selector.html", options=options or region_options(catalog, period), base=base, navigate=navigate)


def latest_by_area(recs: list[dict]) -> dict[str, dict]:
    """Per area the most recent value without a category (for the key figure)."""
    out: dict[str, dict] = {}
    for r in sorted((r for r in recs if not r["categorie"] and not r["groep"]), key=lambda r: periods.sort_key(r["periode"])):
        if r["waarde"] is None and r["regio_slug"] in out:
            continue
        if not periods.is_half_year(r["periode"]) and r["regio_slug"] in out:
            continue  # a half-year series shows its latest half-year, not a year total
        out[r["regio_slug"]] = {"naam": r["regio_naam"], "waarde": r["waarde_tekst"], "periode": r["periode_label"]}
    return out


def key_figure(ind: Indicator, recs: list[dict]) -> Markup | str:
    latest = latest_by_area(recs)
    if not latest:
        return ""
    shown = latest.get("nederland") or next(iter(latest.values()))
    return render("blocks/key_figure.html", latest=latest, shown=shown, titel=ind.titel)


def key_figure_tile(ind: Indicator, catalog: Catalog) -> Markup:
    """A tile for the start page: the key figure, a link to the indicator and the source of the national figures."""
    recs = ind.records
    national = [r for r in recs if r["regio_code"] == "NL01"]
    return render("blocks/key_figure_tile.html", id=ind.id, titel=ind.titel,
                  key_figure=key_figure(ind, recs), source_line=source_line(ind, catalog, national))


def category_figures(recs: list[dict]) -> Markup | str:
    """Key figures of a measure that only has categories (e.g. a lower and upper bound)."""
    rows = [r for r in recs if r["categorie"] or r["groep"]]
    if not rows:
        return ""
    return render("blocks/category_figures.html", rows=rows)


def source_line(ind: Indicator, catalog: Catalog, recs: list[dict]) -> Markup:
    sources = []
    used = {r["bron"] for r in recs}
    for src in ind.sources:
        if recs and src["titel"] not in used:
            continue  # only the publications the shown figures come from
        places = sorted({r["vindplaats"] for r in recs if r["bron"] == src["titel"]}) or src["vindplaatsen"]
        sources.append({"titel": src["titel"], "vindplaatsen": places})
    return render("blocks/source_line.html", sources=sources)


def symbols_legend(recs: list[dict]) -> Markup | str:
    used = symbols.used(r["teken"] for r in recs)
    if not used:
        return ""
    return render("blocks/symbols_legend.html",
                  symbols=[{"shown": symbols.shown(s), "meaning": symbols.meaning(s)} for s in used])


def symbols_table() -> Markup:
    """Every CBS symbol, as shown on this site, with its meaning (build_data.model.symbols)."""
    return render("blocks/symbols_table.html", symbols=[
        {"shown": symbols.shown(c), "meaning": symbols.meaning(c), "has_value": symbols.SYMBOLS[c].has_value}
        for c in symbols.LEGEND_ORDER])


def change_block(ind: Indicator, catalog: Catalog) -> Markup | str:
    if not ind.change:
        return ""
    return render("blocks/change_block.html", changes=ind.change)
