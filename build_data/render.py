"""Generated pages: Markdown with small HTML hooks that the page script (docs/assets/hgkm.js)
brings to life. Pages never compute: they only show what the build prepared. Every text that
comes from a data package or a declaration is escaped."""

from __future__ import annotations

import json
from html import escape

from . import charts, formatting, periods
from .datapackages import Catalog
from .indicators import Indicator, Theme
from .outputs import records

CHART_TITLES = {
    "regio-vergelijking": "{titel} per Veilig Thuis-regio, {periode}",
    "halfjaar-reeks": "{titel} per periode",
    "categorieen": "{titel}",
}


def e(text) -> str:
    return escape(str(text or ""), quote=True)


def attr_json(obj) -> str:
    return escape(json.dumps(obj, ensure_ascii=False, separators=(",", ":")), quote=True)


def indicator_url(ind: Indicator, from_dir: str) -> str:
    return ("../" if from_dir else "") + f"indicatoren/{ind.id}.html"


def region_options(catalog: Catalog, period: str | None) -> list[dict]:
    nl = catalog.regions.by_code["NL01"]
    regs = [nl] + catalog.regions.regional(period)
    return [{"slug": r.slug, "code": r.code, "naam": r.naam} for r in regs]


def region_selector(catalog: Catalog, period: str | None) -> str:
    opts = "".join(
        f'<option value="{e(o["slug"])}" data-code="{e(o["code"])}">{e(o["naam"])}</option>' for o in region_options(catalog, period))
    return (
        '<div class="hgkm-regiokeuze">'
        '<label for="hgkm-regio">Regio</label> '
        f'<select id="hgkm-regio" class="hgkm-regio" name="regio">{opts}</select> '
        '<button type="button" class="md-button hgkm-kopieer" title="Kopieer een link naar deze pagina met deze regio">Kopieer link</button>'
        '<span class="hgkm-melding" role="status" aria-live="polite"></span>'
        "</div>"
    )


def latest_by_area(recs: list[dict]) -> dict[str, dict]:
    """Per area the most recent value without a category (for the key figure)."""
    out: dict[str, dict] = {}
    for r in sorted((r for r in recs if not r["categorie"]), key=lambda r: periods.sort_key(r["periode"])):
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


def source_line(ind: Indicator, catalog: Catalog, recs: list[dict]) -> str:
    parts = []
    for src in ind.sources(catalog):
        places = sorted({r["vindplaats"] for r in recs if r["bron"] == src["titel"]}) or src["vindplaatsen"]
        parts.append(f"{e(src['titel'])} ({e('; '.join(places))})")
    return '<p class="hgkm-bron">Bron: ' + "; ".join(parts) + ".</p>"


def _table(headers: list[str], rows: list[tuple[dict, list[str]]], kind: str, value_col: int) -> str:
    """A table of the values a chart shows; rows carry their region so the page script can filter."""
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in headers)
    body = []
    for rec, cells in rows:
        tds = f'<th scope="row">{e(cells[0])}</th>' + "".join(
            f'<td{" class=" + chr(34) + "hgkm-getal" + chr(34) if i == value_col else ""}>{e(c)}</td>'
            for i, c in enumerate(cells[1:], start=1))
        body.append(f'<tr data-regio="{e(rec["regio_slug"])}">{tds}</tr>')
    return f'<table class="hgkm-waarden" data-soort="{kind}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def chart_block(ind: Indicator, catalog: Catalog, kind: str, recs: list[dict], heading: str = "h2") -> str:
    title, unit = ind.titel, ind.eenheid
    period = ind.latest_regional_period()
    others: list[dict] = []
    if kind == "regio-vergelijking":
        spec = charts.regio_vergelijking(title, unit, [dict(r) for r in recs], period)
        shown = [r for r in recs if r["periode"] == period and (r["regio_code"].startswith("VT") or r["regio_code"] == "NL01")]
        table = _table(["Regio", title], [(r, [r["regio_naam"], r["waarde_tekst"]]) for r in shown], kind, 1)
        caption = CHART_TITLES[kind].format(titel=title, periode=periods.label(period, shown[-1]["teken"] if shown else ""))
    elif kind == "halfjaar-reeks":
        spec = charts.halfjaar_reeks(title, unit, [dict(r) for r in recs])
        shown = [r for r in recs if not r["categorie"] and periods.is_half_year(r["periode"])]
        others = [r for r in recs if not r["categorie"] and not periods.is_half_year(r["periode"])]
        table = _table(["Gebied", "Periode", title, "Noot"], [(r, [r["regio_naam"], r["periode_label"], r["waarde_tekst"], r["noot"]]) for r in shown], kind, 2)
        caption = CHART_TITLES[kind].format(titel=title)
    elif kind == "categorieen":
        spec = charts.categorieen(title, unit, [dict(r) for r in recs])
        shown = [r for r in recs if r["regio_code"] == "NL01"]
        table = _table(["Categorie", "Periode", title], [(r, [r["categorie_naam"], r["periode_label"], r["waarde_tekst"]]) for r in shown], kind, 2)
        caption = CHART_TITLES[kind].format(titel=title) + ", Nederland"
    else:
        return ""
    areas = sorted({r["regio_slug"] for r in shown})
    extra = ""
    if kind == "halfjaar-reeks" and others:
        items = "".join(f"<li>{e(r['regio_naam'])}, {e(r['periode_label'])}: <strong>{e(r['waarde_tekst'])}</strong>"
                        f"{(' (' + e(r['noot']) + ')') if r['noot'] else ''}</li>" for r in others)
        extra = f'<div class="hgkm-ook"><p>Ook gepubliceerd, niet in de grafiek (andere periodelengte):</p><ul>{items}</ul>{source_line(ind, catalog, others)}</div>'
    return (
        f'<figure class="hgkm-figuur" data-soort="{kind}">'
        f'<figcaption class="hgkm-titel">{e(caption)}</figcaption>'
        f'<p class="hgkm-noot" hidden></p>'
        f'<div class="hgkm-chart" role="img" aria-label="{e(spec.get("description", caption))}" '
        f'data-gebieden="{e(",".join(areas))}" data-spec="{attr_json(spec)}"></div>'
        f"{source_line(ind, catalog, shown)}"
        f'<details class="hgkm-tabel"><summary>Tabel met de cijfers in deze grafiek</summary>{table}</details>'
        f"{extra}</figure>"
    )


def symbols_legend(recs: list[dict]) -> str:
    used = [s for s in ("*", "**", ".", "x", "–") if any(r["teken"] == s for r in recs)]
    if not used:
        return ""
    items = "".join(f"<li><code>{e(s)}</code> {e(formatting.SYMBOL_TEXT[s])}</li>" for s in used)
    return f'<div class="hgkm-tekens"><p>Verklaring van tekens:</p><ul>{items}</ul></div>'


def change_block(ind: Indicator, catalog: Catalog) -> str:
    recs = records(ind, catalog, ind.verandering)
    if not recs:
        return ""
    items = "".join(
        f"<li><strong>{e(r['waarde_tekst'])}</strong> in {e(r['periode_label'])} ten opzichte van hetzelfde halfjaar een jaar eerder"
        f"{(' (' + e(r['noot']) + ')') if r['noot'] else ''}. <span class=\"hgkm-bron\">Bron: {e(r['bron'])}, {e(r['vindplaats'])}.</span></li>"
        for r in recs)
    return f"<ul class=\"hgkm-verandering\">{items}</ul>"


def indicator_page(ind: Indicator, catalog: Catalog) -> str:
    recs = records(ind, catalog)
    blocks = []
    for kind in ind.grafieken:
        blocks.append(chart_block(ind, catalog, kind, recs))
    sources = "".join(
        f"<li>{e(s['titel'])}. Uitgever: {e(s['uitgever'])}. Vindplaats: {e('; '.join(s['vindplaatsen']))}. "
        f"Datapakket <code>{e(s['pakket'])}</code>, licentie {e(s['licentie'])}.</li>"
        for s in ind.sources(catalog))
    level = "landelijk en per Veilig Thuis-regio" if ind.regional else "alleen landelijk"
    period_list = ", ".join(periods.label(p) for p in ind.periods)
    md = [
        "---",
        f"title: {json.dumps(ind.titel, ensure_ascii=False)}",
        f"description: {json.dumps(ind.tekst, ensure_ascii=False)}",
        "---",
        "",
        f"# {e(ind.titel)}",
        "",
        f'<p class="hgkm-thema">Thema: <a href="../themas/{ind.thema.slug}.html">{e(ind.thema.titel)}</a> · Cijfers {level} · Perioden: {e(period_list)}</p>',
        "",
        f'<p class="hgkm-lead">{e(ind.tekst)}</p>',
        "",
    ]
    if ind.regional:
        md += [region_selector(catalog, ind.latest_regional_period()), ""]
    md += [key_figure(ind, recs), "", change_block(ind, catalog), ""]
    for block in blocks:
        md += [block, ""]
    md += [
        symbols_legend(recs), "",
        "## Definitie", "", f"<p>{e(ind.definitie)}</p>", "",
        "## Bron", "", f"<ul>{sources}</ul>", "",
        "## Downloads", "",
        f'<ul class="hgkm-downloads"><li><a href="../data/{ind.id}.csv" download>{e(ind.titel)} (CSV)</a>: één rij per gebied, periode en categorie, met CBS-teken, eenheid en bron.</li>'
        f'<li><a href="../data/{ind.id}.json" download>{e(ind.titel)} (JSON)</a>: dezelfde cijfers met definitie en bronnen.</li></ul>',
        "",
    ]
    return "\n".join(md)


def theme_page(theme: Theme, inds: list[Indicator], catalog: Catalog) -> str:
    md = [
        "---", f"title: {json.dumps(theme.titel, ensure_ascii=False)}", "---", "",
        f"# {e(theme.titel)}", "", f'<p class="hgkm-lead">{e(theme.beschrijving)}</p>', "",
    ]
    if not inds:
        md += ['<div class="admonition info"><p class="admonition-title">Nog geen cijfers</p>'
               "<p>Voor dit thema staan nog geen cijfers op deze site. De impactmonitor groeit: indicatoren worden toegevoegd zodra er gegevens zijn.</p></div>", ""]
        return "\n".join(md)
    regional = [i for i in inds if i.regional]
    if regional:
        latest = max((i.latest_regional_period() for i in regional), key=periods.sort_key)
        md += [region_selector(catalog, latest), ""]
    for ind in inds:
        recs = records(ind, catalog)
        first = next((k for k in ind.grafieken if k != "kerncijfer"), None)
        md += [
            f'<section class="hgkm-indicator" id="{e(ind.id)}">',
            f'<h2><a href="../indicatoren/{ind.id}.html">{e(ind.titel)}</a></h2>',
            f'<p>{e(ind.tekst)}</p>',
            key_figure(ind, recs),
            chart_block(ind, catalog, first, recs) if first else source_line(ind, catalog, recs),
            f'<p><a href="../indicatoren/{ind.id}.html">Alles over {e(ind.titel.lower())}: definitie, bron, tabel en downloads</a></p>',
            "</section>", "",
        ]
    return "\n".join(md)
