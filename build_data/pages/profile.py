"""Region profiles (regio/<slug>.html) and the region index (regio/index.html).

A profile lists every indicator with regional figures: the region's value, Nederland, the rank
among the regions, the share of the national total (counts), with period and source; a region
without a figure says so and why. Region lists in the data packages (such as the regions of the
Verwey-Jonker cohort study) are shown as marks. Pages never compute: the views (build_data.compute.view) hold every figure and position."""

from __future__ import annotations

import json

from ..compute.ranks import rank_text
from ..compute.view import regional, shares_chart
from ..model import periods, symbols
from . import map as regionmap
from .blocks import region_selector
from .render import e, front_matter, lifted


def regional_indicators(build) -> list:
    return regional(build.indicators)


def _why_missing(region, period: str, rec: dict | None) -> str:
    if not region.valid_in(period):
        if region.geldig_vanaf and periods.sort_key(period) < periods.sort_key(region.geldig_vanaf):
            return f"geen cijfer: de regio bestaat pas vanaf {periods.label(region.geldig_vanaf)}"
        return f"geen cijfer: de regio bestond in {periods.label(period)} niet meer"
    if rec is None:
        return "geen cijfer: de bron publiceert dit cijfer niet voor deze regio"
    return f"{symbols.shown(rec['teken'])} ({symbols.meaning(rec['teken']) or 'geen cijfer'})"


def _lineage(region, regions) -> str:
    parts = []
    if region.opgevolgd_door:
        nxt = regions.by_code[region.opgevolgd_door]
        parts.append(f"{e(region.naam)} bestond tot en met {e(periods.label(region.geldig_tot))}; daarna is de regio opgegaan in "
                     f'<a href="{e(nxt.slug)}.html">{e(nxt.naam)}</a>.')
    before = [r for r in regions.by_code.values() if r.opgevolgd_door == region.code]
    if before:
        links = " en ".join(f'<a href="{e(r.slug)}.html">{e(r.naam)}</a>' for r in before)
        parts.append(f"{e(region.naam)} bestaat vanaf {e(periods.label(region.geldig_vanaf))}, ontstaan uit {links}. "
                     "Cijfers van de oude regio's worden niet omgerekend naar de nieuwe regio.")
    return "".join(f"<p>{p}</p>" for p in parts)


SHARES_SCRIPT = "assets/profielgrafiek.js"
SHARES_VAR = "HGKM_PROFIELGRAFIEK"


def shares_script(spec: dict) -> bytes:
    """The one dot chart of all profiles as a script every profile loads (cached by the browser)
    instead of a copy in each profile: the profiles together grew with the square of the areas."""
    return (f"window.{SHARES_VAR} = " + json.dumps(spec, ensure_ascii=False, separators=(",", ":")) + ";\n").encode("utf-8")


def profile_page(build, region, lists, shares=None) -> str:
    catalog = build.catalog
    inds = regional_indicators(build)
    national = [i for i in build.indicators if i not in inds]
    rows, sources, tekens = [], {}, {}
    for ind in inds:
        period, pos, at = ind.latest_regional, ind.positions, ind.at_latest
        mine, nl = at.get(region.code), at.get("NL01")
        used = [x for x in (mine, nl) if x]
        tekens.setdefault(period, (nl or mine or {}).get("teken", ""))
        notes = []
        for x in used:
            key = (x["bron"], x["vindplaats"])
            notes.append(sources.setdefault(key, len(sources) + 1))
        has_value = mine is not None and mine["waarde"] is not None
        p = pos.get(region.code) if has_value else None
        value_cell = (f'<td class="hgkm-getal">{e(mine["waarde_tekst"])}</td>' if has_value
                      else f'<td class="hgkm-ontbreekt">{e(_why_missing(region, period, mine))}</td>')
        rows.append(
            f'<tr data-indicator="{e(ind.id)}"><th scope="row"><a href="../indicatoren/{e(ind.id)}.html">{e(ind.titel)}</a></th>'
            f"{value_cell}"
            f'<td class="hgkm-getal">{e(nl["waarde_tekst"]) if nl else "."}</td>'
            f'<td class="hgkm-getal">{e(rank_text(p))}</td>'
            f'<td class="hgkm-getal">{e(p["aandeel_tekst"]) if p and p["aandeel_tekst"] else ("n.v.t." if ind.eenheid != "aantal" else "")}</td>'
            f'<td class="hgkm-periode">{e(periods.label(period, (mine or nl or {}).get("teken", "")))}</td>'
            f'<td>{" ".join(f"[{n}]" for n in sorted(set(notes)))}</td></tr>')
    period_labels = sorted({i.latest_regional for i in inds}, key=periods.sort_key)
    head = "".join(f'<th scope="col">{h}</th>' for h in
                   ("Indicator", e(region.naam), "Nederland", "Rang (1 = hoogste)", "Aandeel in Nederland", "Periode", "Bron"))
    src_items = "".join(f'<li value="{n}">{e(b)}, {e(v)}.</li>' for (b, v), n in sorted(sources.items(), key=lambda kv: kv[1]))
    in_lists = [x for x in lists if region.code in x["codes"]]
    marks = []
    for x in in_lists:
        theme = next((i.thema for i in build.indicators if i.pakket == x["pakket"]), None)
        where = (f'; ze staan als landelijke cijfers bij het thema <a href="../themas/{e(theme.slug)}.html">{e(theme.titel)}</a>'
                 if theme else "")
        marks.append(
            f'<div class="admonition info hgkm-cohort"><p class="admonition-title">{e(region.naam)}: {e(x["titel"])}</p>'
            f"<p>{e(region.naam)} is een van de {len(x['codes'])} regio's op deze lijst. De uitkomsten van dit onderzoek zijn niet "
            f"per regio gepubliceerd{where}.</p>"
            f'<p class="hgkm-bron">Bron: {e(x["bron"])}.</p></div>')
    marks = "".join(marks)
    # Veilig Thuis regions (and the page's own area): a choice of every area on every profile
    # would grow with the square of the areas (municipalities are linked from regio/index.html).
    options = [{"slug": "nederland", "code": "NL01", "naam": "Nederland (alle regio's)"}] + [
        {"slug": r.slug, "code": r.code, "naam": r.naam} for r in catalog.regions.regional()
        if r.code.startswith("VT") or r.code == region.code]
    md = [
        *front_matter(region.naam, f"Regioprofiel {region.naam}: cijfers van de impactmonitor huiselijk geweld en "
                      "kindermishandeling voor deze Veilig Thuis-regio."), "",
        f"# Regioprofiel {e(region.naam)}", "",
        f'<div class="hgkm-profiel" data-pagina-regio="{e(region.slug)}" hidden></div>', "",
        f'<p class="hgkm-thema">Veilig Thuis-regio · CBS-code {e(region.code)} · <a href="index.html">alle regio\'s</a></p>',
        '<p class="hgkm-printkop">Impactmonitor aanpak huiselijk geweld en kindermishandeling · afgedrukt op <span class="hgkm-printdatum"></span>'
        ' · <span class="hgkm-printurl"></span></p>',
        lifted(region_selector(catalog, None, options=options, navigate=True)),
        f'<p class="hgkm-lead">De cijfers van de impactmonitor die per Veilig Thuis-regio zijn gepubliceerd: {e(region.naam)} naast Nederland, '
        f"met de plaats van {e(region.naam)} tussen de regio's.</p>",
        _lineage(region, catalog.regions),
        marks,
        "", f'## Kerncijfers, {e(", ".join(periods.label(p, tekens.get(p, "")) for p in period_labels)).replace("*", chr(92) + "*")} ', "",
        lifted(f'<div class="hgkm-tabelwrap"><table class="hgkm-profieltabel"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'),
        '<p class="hgkm-bron">Rang: plaats tussen de regio\'s met een cijfer, van hoog naar laag; gelijke waarden delen een plaats. '
        "Aandeel: het aantal van de regio als percentage van Nederland, berekend uit de gepubliceerde (op 5 afgeronde) aantallen. "
        "Aantallen zijn niet gecorrigeerd voor het aantal inwoners. <code>*</code> voorlopig cijfer.</p>",
        lifted(f'<ol class="hgkm-bronnen hgkm-bron">{src_items}</ol>'),
    ]
    own = [d for d in shares[1] if d["regio_slug"] == region.slug] if shares else []
    if own:
        p_label = own[0]["periode_label"]
        desc = (f"Aandeel van {region.naam} in het landelijke totaal per indicator, {p_label}: "
                + "; ".join(f"{d['indicator']} {d['aandeel_tekst']}" for d in own) + ". Grijze stippen: de andere regio's.")
        md += [
            "", "## Positie tussen de regio's", "",
            f'<figure class="hgkm-figuur" data-soort="profiel"><figcaption class="hgkm-titel">Aandeel van {e(region.naam)} in het landelijke totaal, '
            f'per indicator, {e(p_label)}</figcaption>'
            f'<script src="../{SHARES_SCRIPT}"></script>'
            f'<div class="hgkm-chart" role="img" aria-label="{e(desc)}" data-regio="{e(region.slug)}" data-spec-bron="{SHARES_VAR}"></div>'
            f"<p class=\"hgkm-bron\">Elke grijze stip is een andere regio. Een groter aandeel bij de ene indicator dan bij de andere laat zien waar {e(region.naam)} "
            f"relatief veel of weinig heeft; het zegt niets over goed of slecht.</p></figure>"]
    md += [
        "", "## Ligging", "",
        lifted(regionmap.region_map(catalog.regions, period_labels[-1] if region.valid_in(period_labels[-1]) else region.geldig_vanaf, None,
                                    title=f"Ligging van {region.naam} tussen de Veilig Thuis-regio's", links=True, selected=region.slug)),
        "", "## Alleen landelijke cijfers", "",
        f"<p>Van de {len(build.indicators)} indicatoren op deze site zijn er {len(national)} alleen landelijk gepubliceerd, "
        f"in de thema's {e(', '.join(dict.fromkeys(i.thema.titel for i in national)))}: de bronnen geven daarvoor geen cijfers per regio. "
        f'Ze staan op de themapagina\'s en in het <a href="../overzicht.html">overzicht van alle indicatoren</a>.</p>',
        "",
    ]
    return "\n".join(m for m in md if m is not None)


def changes_text(regions) -> str:
    """The region sets over time, in words, from the validity columns of regios.csv."""
    merged: dict[str, list] = {}
    for r in regions.by_code.values():
        if r.opgevolgd_door:
            merged.setdefault(r.opgevolgd_door, []).append(r)
    parts = []
    for code, old in merged.items():
        new = regions.by_code[code]
        before = len(regions.regional(old[0].geldig_tot))
        after = len(regions.regional(new.geldig_vanaf))
        parts.append(f"Tot en met {periods.label(old[0].geldig_tot)} telde Nederland {before} Veilig Thuis-regio's, vanaf "
                     f"{periods.label(new.geldig_vanaf)} {after}: {' en '.join(o.naam for o in old)} gingen samen op in {new.naam}.")
    return e(" ".join(parts)) if parts else f"Nederland telt {len(regions.regional())} Veilig Thuis-regio's."


def index_page(build, lists) -> str:
    catalog = build.catalog
    latest = max((i.latest_regional for i in regional_indicators(build)), key=periods.sort_key, default=None)
    rows = []
    for region in catalog.regions.regional():
        exists = ("ongewijzigd" if not region.geldig_vanaf and not region.geldig_tot else
                  f"vanaf {periods.label(region.geldig_vanaf)}" if region.geldig_vanaf else f"tot en met {periods.label(region.geldig_tot)}")
        marks = ", ".join(x["titel"] for x in lists if region.code in x["codes"])
        rows.append(f'<tr><th scope="row"><a href="{e(region.slug)}.html">{e(region.naam)}</a></th><td>{e(region.code)}</td>'
                    f"<td>{e(exists)}</td><td>{'ja' if marks else '–'}</td></tr>")
    md = [
        "---", 'title: "Regio\'s"', "---", "",
        "# Regio's", "",
        f'<p class="hgkm-lead">{changes_text(catalog.regions)} Elke regio heeft een profiel met haar cijfers naast die van Nederland '
        "en haar plaats tussen de regio's.</p>", "",
        lifted(regionmap.region_map(catalog.regions, latest, None, title="Kaart van de Veilig Thuis-regio's", links=True)), "",
        lifted('<div class="hgkm-tabelwrap"><table class="hgkm-regiolijst"><thead><tr><th scope="col">Regio</th><th scope="col">CBS-code</th>'
               '<th scope="col">Bestaat</th><th scope="col">Cohortonderzoek Verwey-Jonker</th></tr></thead>'
               f'<tbody>{"".join(rows)}</tbody></table></div>'), "",
    ]
    return "\n".join(md)


def pages(build) -> tuple[dict[str, str], dict[str, bytes]]:
    """The profile pages and the script of their shared dot chart."""
    lists = build.catalog.region_lists
    shares = shares_chart(build.indicators)
    out = {"regio/index.md": index_page(build, lists)}
    files = {SHARES_SCRIPT: shares_script(shares[0])} if shares else {}
    for region in build.catalog.regions.regional():
        out[f"regio/{region.slug}.md"] = profile_page(build, region, lists, shares)
    return out, files
