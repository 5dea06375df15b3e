"""A chart on a page: its caption, the chart itself (a Vega spec the page script draws), the table
of its figures, its notes, sources and export buttons. What a kind of chart shows comes from the
registry of chart kinds (build_data.compute.charts)."""

from __future__ import annotations

from ..compute.charts import base as charts
from ..compute.ranks import rank_text
from ..compute.view import View as Indicator
from ..model import formatting, periods, symbols
from ..model.catalog import Catalog
from ..model.regions import is_regional
from .blocks import source_line
from .render import attr_json, e


CHART_TITLES = {
    "regio-vergelijking": "{titel} per Veilig Thuis-regio, {periode}",
    "halfjaar-reeks": "{titel} per periode",
    "categorieen": "{titel}",
}



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
