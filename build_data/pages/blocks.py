"""Blocks that several pages share: the region selector, key figures, source lines, the legend
of CBS symbols and change figures. Each formats what a view holds."""

from __future__ import annotations

from ..compute.view import View as Indicator
from ..model import periods, symbols
from ..model.catalog import Catalog
from .render import attr_json, e


def region_options(catalog: Catalog, period: str | None) -> list[dict]:
    nl = catalog.regions.by_code["NL01"]
    regs = [nl] + catalog.regions.regional(period)
    return [{"slug": r.slug, "code": r.code, "naam": r.naam} for r in regs]



def region_selector(catalog: Catalog, period: str | None, base: str = "../", options: list[dict] | None = None, navigate: bool = False) -> str:
    """The region selector. navigate=True (region profiles): a region chosen and 'Open profiel' opens its profile."""
    opts = "".join(
        f'<option value="{e(o["slug"])}" data-code="{e(o["code"])}">{e(o["naam"])}</option>' for o in (options or region_options(catalog, period)))
    nav = ' data-navigeer="ja"' if navigate else ""
    return (
        '<div class="hgkm-regiokeuze">'
        '<label for="hgkm-regio">Regio</label> '
        f'<select id="hgkm-regio" class="hgkm-regio" name="regio"{nav}>{opts}</select> '
        + ('<button type="button" class="md-button md-button--primary hgkm-open">Open profiel</button> ' if navigate else "")
        + '<button type="button" class="md-button hgkm-kopieer" title="Kopieer een link naar deze pagina met deze regio">Kopieer link</button>'
        f'<a class="hgkm-profiellink" href="{base}regio/index.html" hidden>Regioprofiel</a>'
        '<span class="hgkm-melding" role="status" aria-live="polite"></span>'
        "</div>"
    )



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



def key_figure(ind: Indicator, recs: list[dict]) -> str:
    latest = latest_by_area(recs)
    if not latest:
        return ""
    nl = latest.get("nederland") or next(iter(latest.values()))
    return (
        f'<div class="hgkm-kerncijfer" data-waarden="{attr_json(latest)}">'
        f'<span class="hgkm-kc-waarde">{e(nl["waarde"])}</span> '
        f'<span class="hgkm-kc-label">{e(ind.titel)}</span>'
        f'<span class="hgkm-kc-context"><span class="hgkm-kc-gebied">{e(nl["naam"])}</span>, '
        f'<span class="hgkm-kc-periode">{e(nl["periode"])}</span></span>'
        "</div>"
    )



def category_figures(recs: list[dict]) -> str:
    """Key figures of a measure that only has categories (e.g. a lower and upper bound)."""
    rows = [r for r in recs if r["categorie"] or r["groep"]]
    if not rows:
        return ""
    items = "".join(
        f'<li><span class="hgkm-kc-waarde">{e(r["waarde_tekst"])}</span> '
        f'<span class="hgkm-kc-label">{e(" · ".join(x for x in (r["groep_naam"], r["categorie_naam"]) if x))}</span>'
        f'<span class="hgkm-kc-context">{e(r["regio_naam"])}, {e(r["periode_label"])}{(" · " + e(r["noot"])) if r["noot"] else ""}</span></li>'
        for r in rows)
    return f'<ul class="hgkm-kc-lijst">{items}</ul>'



def source_line(ind: Indicator, catalog: Catalog, recs: list[dict]) -> str:
    parts = []
    used = {r["bron"] for r in recs}
    for src in ind.sources:
        if recs and src["titel"] not in used:
            continue  # only the publications the shown figures come from
        places = sorted({r["vindplaats"] for r in recs if r["bron"] == src["titel"]}) or src["vindplaatsen"]
        parts.append(f"{e(src['titel'])} ({e('; '.join(places))})")
    return '<p class="hgkm-bron">Bron: ' + "; ".join(parts) + ".</p>"



def symbols_legend(recs: list[dict]) -> str:
    used = symbols.used(r["teken"] for r in recs)
    if not used:
        return ""
    items = "".join(f"<li><code>{e(symbols.shown(s))}</code> {e(symbols.meaning(s))}</li>" for s in used)
    return f'<div class="hgkm-tekens"><p>Verklaring van tekens:</p><ul>{items}</ul></div>'



def symbols_table() -> str:
    """Every CBS symbol, as shown on this site, with its meaning (build_data.symbols)."""
    rows = "".join(f"<tr><td><code>{e(symbols.shown(c))}</code></td><td>{e(symbols.meaning(c))}</td>"
                   f"<td>{'ja, met het cijfer' if symbols.SYMBOLS[c].has_value else 'nee: geen staaf, geen punt, geen nul'}</td></tr>"
                   for c in symbols.LEGEND_ORDER)
    return ('<table class="hgkm-tekentabel"><thead><tr><th>teken</th><th>betekenis</th><th>in grafieken getekend</th></tr></thead>'
            f"<tbody>{rows}<tr><td><code>0 (0,0)</code></td><td>het getal is kleiner dan de helft van de gekozen eenheid</td>"
            "<td>ja</td></tr></tbody></table>")



def change_block(ind: Indicator, catalog: Catalog) -> str:
    recs = ind.change
    if not recs:
        return ""
    items = "".join(
        f"<li><strong>{e(r['waarde_tekst'])}</strong> in {e(r['periode_label'])} ten opzichte van hetzelfde halfjaar een jaar eerder"
        f"{(' (' + e(r['noot']) + ')') if r['noot'] else ''}. <span class=\"hgkm-bron\">Bron: {e(r['bron'])}, {e(r['vindplaats'])}.</span></li>"
        for r in recs)
    return f"<ul class=\"hgkm-verandering\">{items}</ul>"
