"""Blocks that several pages share: the region selector, key figures, source lines, the legend
of CBS symbols and change figures. Each formats what a view holds (templates/blocks/)."""

from __future__ import annotations

from markupsafe import Markup

from ..compute.view import View as Indicator
from ..model import periods, symbols
from ..model.catalog import Catalog
from ..model.regions import GM_KIND, name_key
from .html import render

VT_GROUP, GM_GROUP = "Veilig Thuis-regio's", "Gemeenten"


def region_options(catalog: Catalog, period: str | list[str] | None, municipalities: list | tuple = ()) -> list[dict]:
    """Nederland and the Veilig Thuis regions of a period, or of any of several periods (a page with a
    choice of period: the page script offers those of the period shown); with municipalities
    (Regions) given, the regions and the municipalities in two groups (each option's `groep`), the
    municipalities alphabetically: a municipality is found by its name (type-ahead in the list),
    without knowing its Veilig Thuis region."""
    nl = catalog.regions.by_code["NL01"]
    if isinstance(period, list) and len(period) > 1:
        seen = {r.code: r for p in period for r in catalog.regions.regional(p)}
        regs = sorted(seen.values(), key=name_key)
    else:
        regs = catalog.regions.regional(period[0] if isinstance(period, list) and period else period or None)
    out = [{"slug": r.slug, "code": r.code, "naam": r.naam} for r in [nl] + [r for r in regs if r.soort != GM_KIND]]
    if municipalities:
        for o in out[1:]:
            o["groep"] = VT_GROUP
        out += [{"slug": r.slug, "code": r.code, "naam": r.naam, "groep": GM_GROUP}
                for r in sorted(municipalities, key=name_key)]
    return out


def municipalities_of(ind: Indicator, catalog: Catalog) -> list:
    """The municipalities an indicator has figures for in its latest period with municipal figures
    (a municipality that no longer exists is not offered, as a region of another period is not)."""
    recs = [r for r in ind.records if r["regio_code"].startswith("GM")]
    if not recs:
        return []
    latest = max({r["periode"] for r in recs}, key=periods.sort_key)
    return [catalog.regions.by_code[c] for c in dict.fromkeys(r["regio_code"] for r in recs if r["periode"] == latest)]


def region_selector(catalog: Catalog, period: str | None, base: str = "../", options: list[dict] | None = None,
                    navigate: bool = False, municipalities: list | tuple = ()) -> Markup:
    """The region selector. navigate=True (region profiles): a region chosen and 'Open profiel' opens its profile."""
    options = options or region_options(catalog, period, municipalities)
    groups = [(g, [o for o in options if o.get("groep") == g]) for g in dict.fromkeys(o["groep"] for o in options if o.get("groep"))]
    return render("blocks/region_selector.html", options=[o for o in options if not o.get("groep")], groups=groups,
                  base=base, navigate=navigate, label="Regio of gemeente" if any(o.get("groep") == GM_GROUP for o in options) else "Regio")


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
        sources.append({"titel": src["titel"], "vindplaatsen": places, "adres": src.get("adres", "")})
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


def change_block(ind: Indicator, catalog: Catalog, recs: list[dict]) -> Markup | str:
    """The published change figures of the period the national key figure shows (a change of
    another period, e.g. the 2020 monitor's beside StatLine's newest half-year, is left out)."""
    shown = latest_by_area(recs).get("nederland", {}).get("periode")
    changes = [c for c in ind.change if not shown or c["periode_label"] == shown]
    if not changes:
        return ""
    return render("blocks/change_block.html", changes=changes)
