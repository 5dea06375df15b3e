"""Generated pages: Markdown with small HTML hooks that the page script (docs/assets/hgkm.js)
brings to life. Pages never compute: they only show what the build prepared. Every text that
comes from a data package or a declaration is escaped."""

from __future__ import annotations

import json
import re
from html import escape

from ..compute.ranks import rank_text

from ..compute.charts import base as charts

from ..model import formatting, periods, symbols

from . import map as regionmap
from ..model.catalog import Catalog
from ..compute.view import View as Indicator
from ..model.indicator import Theme
from ..model.regions import is_regional

CHART_TITLES = {
    "regio-vergelijking": "{titel} per Veilig Thuis-regio, {periode}",
    "halfjaar-reeks": "{titel} per periode",
    "categorieen": "{titel}",
}


# Generated HTML a page marks as lifted: MkDocs' Markdown, macros and search see a placeholder, the
# finished page gets it back unchanged (build_data.build.lift_specs). Only around top-level blocks
# of a generated page, never nested, never around headings, titles, lead text or definitions.
LIFT_OPEN, LIFT_CLOSE = "<!--hgkm-lift-->", "<!--/hgkm-lift-->"


def lifted(html: str) -> str:
    return f"{LIFT_OPEN}{html}{LIFT_CLOSE}" if html else html


def e(text) -> str:
    return escape(str(text or ""), quote=True)


def title_text(text) -> str:
    """A page or navigation title. mkdocs-material writes titles unescaped into text (<title>,
    header, navigation) and escaped into attributes (the footer's aria-label). Escaping only < and >
    is right for both: no tag can start in the text, and 'B&W-scan' or an apostrophe is not escaped
    twice in the label (an & in text can only make a character, never markup)."""
    return str(text or "").replace("<", "&lt;").replace(">", "&gt;")


def front_matter(title: str, description: str | None = None) -> list[str]:
    """The page's YAML front matter. mkdocs-material puts the description unescaped into an
    attribute (<meta content="...">): fully escaped here; the title as title_text."""
    lines = ["---", f"title: {json.dumps(title_text(title), ensure_ascii=False)}"]
    if description is not None:
        lines.append(f"description: {json.dumps(e(description), ensure_ascii=False)}")
    return lines + ["---"]


def attr_json(obj) -> str:
    return escape(json.dumps(obj, ensure_ascii=False, separators=(",", ":")), quote=True)


def indicator_url(ind: Indicator, from_dir: str) -> str:
    return ("../" if from_dir else "") + f"indicatoren/{ind.id}.html"


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


NUMBER_CELL = ' class="hgkm-getal"'


def _table(headers: list[str], rows: list[tuple[dict, list[str]]], kind: str, value_col: int) -> str:
    """A table of the values a chart shows; rows carry their region so the page script can filter."""
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in headers)
    body = []
    for rec, cells in rows:
        tds = f'<th scope="row">{e(cells[0])}</th>' + "".join(
            f'<td{NUMBER_CELL if i == value_col else ""}>{e(c)}</td>'
            for i, c in enumerate(cells[1:], start=1))
        body.append(f'<tr data-regio="{e(rec["regio_slug"])}">{tds}</tr>')
    return f'<table class="hgkm-waarden" data-soort="{kind}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _chart_rows(recs: list[dict]) -> list[dict]:
    """Copies for a chart; a bound ('minder dan 2,5 %') is labelled but never drawn as a bar."""
    return [{**r, "waarde": None if r.get("kwalificatie") in formatting.BOUNDS else r["waarde"]} for r in recs]


def _n(rec: dict) -> str:
    return formatting.number(rec["n"]) if rec.get("n") is not None else ""


def reference_note(ind: Indicator, recs: list[dict], period: str, related=()) -> list[str]:
    """Nederland as reference and a plain warning that counts of regions of different size are
    not comparable as they are; links to ratios of the same source that are."""
    nl = next((r for r in recs if r["periode"] == period and r["regio_code"] == "NL01" and not r["categorie"] and not r["groep"]), None)
    out = []
    if ind.eenheid == "aantal":
        if nl:
            out.append(f"Nederland (alle regio's samen): <strong>{e(nl['waarde_tekst'])}</strong>.")
        out.append("Aantallen zijn niet gecorrigeerd voor het aantal inwoners: een grote regio heeft vanzelf meer. "
                   "Meer is ook niet vanzelf slechter: meer meldingen kan betekenen dat mensen Veilig Thuis beter weten te vinden.")
    elif nl:
        out.append(f"De stippellijn is Nederland: <strong>{e(nl['waarde_tekst'])}</strong>.")
    links = [f'<a href="{r.id}.html">{e(r.titel)}</a>' for r in related if r.id in ind.zie_ook]
    if links:
        out.append(("Vergelijkbaar tussen regio's van verschillende grootte: " if ind.eenheid == "aantal" else "Zie ook: ") + ", ".join(links) + ".")
    return out


def chart_block(ind: Indicator, catalog: Catalog, kind: str, recs: list[dict], heading: str = "h2", related=(), base: str = "") -> str:
    title, unit = ind.titel, ind.eenheid
    period = ind.latest_regional
    others: list[dict] = []
    notes: list[str] = []
    if kind == "regio-vergelijking":
        spec = ind.spec(kind, lambda: charts.regio_vergelijking(title, unit, _chart_rows(recs), period))
        shown = [r for r in recs if r["periode"] == period and (is_regional(r["regio_code"]) or r["regio_code"] == "NL01")]
        pos = ind.positions
        headers = ["Regio", title, "Rang (1 = hoogste)"] + (["Aandeel in Nederland"] if unit == "aantal" else [])
        table = _table(headers, [(r, [r["regio_naam"], r["waarde_tekst"], rank_text(pos.get(r["regio_code"]))]
                                  + ([pos.get(r["regio_code"], {}).get("aandeel_tekst", "")] if unit == "aantal" else []))
                                 for r in shown], kind, 1)
        notes = reference_note(ind, recs, period, related)
        caption = CHART_TITLES[kind].format(titel=title, periode=periods.label(period, shown[-1]["teken"] if shown else ""))
    elif kind == "halfjaar-reeks":
        spec = ind.spec(kind, lambda: charts.halfjaar_reeks(title, unit, _chart_rows(recs)))
        shown = [r for r in recs if not r["categorie"] and periods.is_half_year(r["periode"])]
        others = [r for r in recs if not r["categorie"] and not periods.is_half_year(r["periode"])]
        table = _table(["Gebied", "Periode", title, "Noot"], [(r, [r["regio_naam"], r["periode_label"], r["waarde_tekst"], r["noot"]]) for r in shown], kind, 2)
        caption = CHART_TITLES[kind].format(titel=title)
    elif kind in ("categorieen", "populaties", "aandelen"):
        spec = ind.spec(kind, lambda: getattr(charts, kind)(title, unit, _chart_rows(recs)))
        shown = [r for r in recs if r["regio_code"] == "NL01" and r["categorie"]]
        if any(r["groep"] for r in shown):
            table = _table(["Categorie", "Groep", "Periode", title, "n"], [
                (r, [r["categorie_naam"], r["groep_naam"], r["periode_label"], r["waarde_tekst"], _n(r)]) for r in shown], kind, 3)
        else:
            table = _table(["Categorie", "Periode", title], [(r, [r["categorie_naam"], r["periode_label"], r["waarde_tekst"]]) for r in shown], kind, 2)
        caption = CHART_TITLES["categorieen"].format(titel=title) + ", Nederland"
    elif kind == "cohort":
        package = catalog.packages[ind.pakket]
        order = list(package.categories[package.categories.maat == ind.maat].categorie)
        spec = ind.spec(kind, lambda: charts.cohort(title, unit, _chart_rows(recs), order))
        shown = sorted((r for r in recs if r["categorie"] or r["groep"] == "referentiegroep"),
                       key=lambda r: (r["groep"] == "referentiegroep", r["groep"], order.index(r["categorie"]) if r["categorie"] in order else 99))
        table = _table(["Meting", "Groep", title, "n"], [
            (r, [r["categorie_naam"] or "–", r["groep_naam"] or "Onderzoeksgroep", r["waarde_tekst"], _n(r)]) for r in shown], kind, 2)
        caption = f"{title}, per meting"
    else:
        return ""
    areas = sorted({r["regio_slug"] for r in shown})
    if not any(r["waarde"] is not None for r in shown):
        # every value is missing ('.'): no empty axes, but say so and show the table of symbols
        return (
            f'<figure class="hgkm-figuur hgkm-zonder-grafiek" data-soort="{kind}">'
            f'<figcaption class="hgkm-titel">{e(caption)}</figcaption>'
            f'<p class="hgkm-noot">De publicatie toont deze cijfers alleen in een grafiek; de waarden staan niet in de tekst '
            f'en zijn daarom niet overgenomen (teken <code>.</code>). Er is niets geschat.</p>'
            f"{source_line(ind, catalog, shown)}"
            f'<details class="hgkm-tabel"><summary>Tabel</summary>{table}</details></figure>')
    extra = gap_note(shown, kind)
    if kind == "halfjaar-reeks" and others:
        items = "".join(f"<li>{e(r['regio_naam'])}, {e(r['periode_label'])}: <strong>{e(r['waarde_tekst'])}</strong>"
                        f"{(' (' + e(r['noot']) + ')') if r['noot'] else ''}</li>" for r in others)
        extra = f'<div class="hgkm-ook"><p>Ook gepubliceerd, niet in de grafiek (andere periodelengte):</p><ul>{items}</ul>{source_line(ind, catalog, others)}</div>'
    national_only = kind not in ("regio-vergelijking", "halfjaar-reeks")
    note_html = "".join(f"<p>{n}</p>" for n in notes).replace('href="', f'href="{base}') if notes else ""
    referentie = f'<div class="hgkm-referentie">{note_html}</div>' if note_html else ""
    landelijk = ' data-landelijk="ja"' if national_only else ""
    return (
        f'<figure class="hgkm-figuur" data-soort="{kind}"{landelijk}>'
        f'<figcaption class="hgkm-titel">{e(caption)}</figcaption>'
        f'<p class="hgkm-noot" hidden></p>'
        f'<div class="hgkm-chart" role="img" aria-label="{e(spec.get("description", caption))}" '
        f'data-gebieden="{e(",".join(areas))}" data-spec="{attr_json(spec)}"></div>'
        f'{referentie}'
        f'<p class="hgkm-export">Download deze grafiek: '
        f'<button type="button" class="md-button hgkm-export-knop" data-formaat="png" data-bestand="{e(ind.id)}-{kind}">PNG</button> '
        f'<button type="button" class="md-button hgkm-export-knop" data-formaat="svg" data-bestand="{e(ind.id)}-{kind}">SVG</button></p>'
        f"{source_line(ind, catalog, shown)}"
        f'<details class="hgkm-tabel"><summary>Tabel met de cijfers in deze grafiek</summary>{table}</details>'
        f"{extra}</figure>"
    )


def _where(r: dict, kind: str) -> str:
    if kind == "regio-vergelijking":
        return r["regio_naam"]
    if kind == "halfjaar-reeks":
        return f"{r['regio_naam']} ({r['periode_label']})"
    parts = [r["categorie_naam"], r["groep_naam"], r["periode_label"]]
    return " ".join(p if i == 0 else f"({p})" for i, p in enumerate(x for x in parts if x))


def gap_note(shown: list[dict], kind: str) -> str:
    """Where a chart has a gap: which figures are missing and why (their CBS symbol). A missing
    figure is never drawn as a zero bar or point; its symbol is the label in its place."""
    missing = [r for r in shown if r["waarde"] is None and r["teken"] in symbols.MISSING]
    if not missing:
        return ""
    parts = []
    for code in symbols.used(r["teken"] for r in missing):
        where = ", ".join(dict.fromkeys(_where(r, kind) for r in missing if r["teken"] == code))
        parts.append(f"<code>{e(symbols.shown(code))}</code> ({e(symbols.meaning(code))}) bij {e(where)}")
    return ('<p class="hgkm-gaten">Geen staaf of punt waar een cijfer ontbreekt; op die plek staat het teken: '
            + "; ".join(parts) + ".</p>")


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


def search_words(synonyms: list[list[str]], *texts: str) -> list[str]:
    """The synonym groups (zoekwoorden.yml) whose words occur in the texts, as one list."""
    hay = " ".join(texts).lower()
    out: list[str] = []
    for group in synonyms:
        if any(re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", hay) for w in group):
            out += [w for w in group if w not in out]
    return out


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
    from .export import embed_block  # noqa: PLC0415 - exports imports render
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


def overview(build) -> str:
    """All indicators in one table, like the start page of the CBS dashboard: theme, level,
    periods, whether national, regional and time-series figures exist, status and link."""
    yes, no = "ja", "–"
    rows = []
    for theme in build.themes:
        inds = [i for i in build.indicators if i.thema.slug == theme.slug]
        for ind in inds:
            regional = ind.latest_regional is not None
            half_years = {p for p in ind.periods if periods.is_half_year(p)}
            rows.append((theme, f'<a href="indicatoren/{ind.id}.html">{e(ind.titel)}</a>',
                         "landelijk en regionaal" if ind.regional else "landelijk",
                         ", ".join(periods.label(p) for p in ind.periods), yes,
                         yes if regional else no, yes if len(half_years) > 1 else no, "beschikbaar"))
        for entry in build.catalogue:
            if entry.thema == theme.slug and not entry.indicatoren:
                status = "nog niet beschikbaar" if not entry.available else "nog niet op deze site"
                rows.append((theme, e(entry.omschrijving), e(entry.niveau or "nog te bepalen"), "", no, no, no,
                             f'<span class="hgkm-status">{status}</span>'))
    head = "".join(f'<th scope="col">{h}</th>' for h in
                   ("Indicator", "Niveau", "Perioden", "Landelijk", "Regionaal", "Tijdreeks", "Status"))
    body = []
    for theme in build.themes:
        theme_rows = [r for r in rows if r[0] is theme]
        body.append(f'<tr class="hgkm-thema-rij"><th colspan="7" scope="colgroup"><a href="themas/{theme.slug}.html">{e(theme.titel)}</a>'
                    f'{"" if theme_rows else " <span class=hgkm-status>nog geen indicatoren</span>"}</th></tr>')
        body += [f'<tr><th scope="row">{name}</th><td>{level}</td><td>{e(per)}</td><td>{nat}</td><td>{reg}</td><td>{ts}</td><td>{status}</td></tr>'
                 for _, name, level, per, nat, reg, ts, status in theme_rows]
    n_av = sum(1 for r in rows if r[-1] == "beschikbaar")
    return (f"<p>{n_av} indicatoren met cijfers, {len(rows) - n_av} nog niet beschikbaar.</p>"
            + lifted(f'<div class="hgkm-tabelwrap"><table class="hgkm-overzicht"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'))


def sources_overview(build) -> str:
    """Per data package: publisher, what it is, method, frequency, licence and publications,
    straight from the package metadata."""
    out = []
    for package in sorted(build.catalog.packages.values(), key=lambda p: p.title):
        d = package.descriptor
        if package.observations.empty:
            continue
        n = len(package.observations)
        pubs = "".join(f"<li>{e(s.get('title', ''))}</li>" for s in package.sources.values())
        lic = ", ".join(e(lic.get("title") or lic.get("name", "")) for lic in package.licenses)
        out.append(lifted(
            f'<section class="hgkm-bronpakket" id="{e(package.name)}"><h3>{e(package.title)}</h3>'
            f"<dl><dt>Uitgever</dt><dd>{e(d.get('publisher', ''))}</dd>"
            f"<dt>Wat</dt><dd>{e(d.get('description', ''))}</dd>"
            + (f"<dt>Methode</dt><dd>{e(d.get('methode', ''))}</dd>" if d.get("methode") else "")
            + (f"<dt>Frequentie</dt><dd>{e(d.get('frequency', ''))}</dd>" if d.get("frequency") else "")
            + f"<dt>Perioden</dt><dd>{e(', '.join(periods.label(p) for p in sorted(set(package.observations.periode), key=periods.sort_key)))}</dd>"
            + f"<dt>Licentie</dt><dd>{lic}</dd>"
            f"<dt>Publicaties</dt><dd><ul>{pubs}</ul></dd>"
            f"<dt>Datapakket</dt><dd><code>datapackages/{e(package.name)}</code>: {n} cijfers</dd></dl></section>"))
    return "".join(out)
