"""Region profiles (regio/<slug>.html) and the region index (regio/index.html).

A profile lists every indicator with regional figures: the region's value, Nederland, the rank
among the regions, the share of the national total (counts), with period and source; a region
without a figure says so and why. Region lists in the data packages (such as the regions of the
Verwey-Jonker cohort study) are shown as marks. Pages never compute: the views (build_data.compute.view) hold every figure and position."""

from __future__ import annotations

import json

from markupsafe import Markup

from ..compute.ranks import rank_text
from ..compute.view import regional, shares_chart
from ..model import periods, symbols
from ..model.regions import GM_KIND
from . import map as regionmap
from . import municipality, static_chart
from .blocks import region_selector
from .html import e, render


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


def _lineage(region, regions) -> Markup:
    """The region's merger into another, or the regions it was made of (empty for neither)."""
    merged = bool(region.opgevolgd_door)
    before = [r for r in regions.by_code.values() if r.opgevolgd_door == region.code]
    return render(
        "profile/lineage.html", region=region,
        successor=regions.by_code[region.opgevolgd_door] if merged else None,
        until=periods.label(region.geldig_tot) if merged else None,
        predecessors=before, since=periods.label(region.geldig_vanaf) if before else None)


SHARES_SCRIPT = "assets/profielgrafiek.js"
SHARES_VAR = "HGKM_PROFIELGRAFIEK"


def shares_script(spec: dict) -> bytes:
    """The one dot chart of all profiles as a script every profile loads (cached by the browser)
    instead of a copy in each profile: the profiles together grew with the square of the areas."""
    return (f"window.{SHARES_VAR} = " + json.dumps(spec, ensure_ascii=False, separators=(",", ":")) + ";\n").encode("utf-8")


def profile_page(build, region, lists, shares=None) -> str:
    """A Veilig Thuis region's profile (a municipality's: build_data.pages.municipality)."""
    catalog = build.catalog
    inds = regional_indicators(build)
    national = [i for i in build.indicators if i not in inds]
    rows, sources, tekens, used_periods = [], {}, {}, set()
    for ind in inds:
        # the latest period with regional figures, or for a region that no longer exists its last one
        period = ind.latest_for(region.code) or ind.latest_regional
        pos, at = ind.positions_in(period), ind.at(period)
        used_periods.add(period)
        mine, nl = at.get(region.code), at.get("NL01")
        used = [x for x in (mine, nl) if x]
        tekens.setdefault(period, (nl or mine or {}).get("teken", ""))
        notes = []
        for x in used:
            key = (x["bron"], x["vindplaats"])
            notes.append(sources.setdefault(key, len(sources) + 1))
        has_value = mine is not None and mine["waarde"] is not None
        p = pos.get(region.code) if has_value else None
        rows.append({
            "id": ind.id, "titel": ind.titel, "has_value": has_value,
            "value": mine["waarde_tekst"] if has_value else None,
            "missing": None if has_value else _why_missing(region, period, mine),
            "nederland": nl["waarde_tekst"] if nl else ".",
            "rank": rank_text(p),
            "share": p["aandeel_tekst"] if p and p["aandeel_tekst"] else ("n.v.t." if ind.eenheid != "aantal" else ""),
            "period": periods.label(period, (mine or nl or {}).get("teken", "")),
            "notes": " ".join(f"[{n}]" for n in sorted(set(notes)))})
    period_labels = sorted(used_periods, key=periods.sort_key)
    on_lists = [{"titel": x["titel"], "bron": x["bron"], "count": len(x["codes"]),
                 "theme": next((i.thema for i in build.indicators if i.pakket == x["pakket"]), None)}
                for x in lists if region.code in x["codes"]]
    # Veilig Thuis regions (and the page's own area): a choice of every area on every profile
    # would grow with the square of the areas (municipalities are linked from regio/index.html).
    options = [{"slug": "nederland", "code": "NL01", "naam": "Nederland (alle regio's)"}] + [
        {"slug": r.slug, "code": r.code, "naam": r.naam} for r in catalog.regions.regional()
        if r.code.startswith("VT") or r.code == region.code]
    own = [d for d in shares[1] if d["regio_slug"] == region.slug] if shares else []
    figure = None
    if own:
        p_label = own[0]["periode_label"]
        desc = (f"Aandeel van {region.naam} in het landelijke totaal per indicator, {p_label}: "
                + "; ".join(f"{d['indicator']} {d['aandeel_tekst']}" for d in own) + ". Grijze stippen: de andere regio's.")
        figure = render("profile/shares.html", region=region, period=p_label, description=desc,
                        script=SHARES_SCRIPT, var=SHARES_VAR, static=static_chart.drawings(shares[0], region.slug))
    map_period = period_labels[-1] if region.valid_in(period_labels[-1]) else region.geldig_vanaf
    return str(render(
        "profile/profile.md", region=region,
        selector=region_selector(catalog, None, options=options, navigate=True),
        lineage=_lineage(region, catalog.regions),
        members=municipality.members_block(region, catalog.regions),
        members_year=max((y for y in catalog.regions.membership.years() if catalog.regions.membership.members(region.code, y)), default=None),
        lists=render("profile/cohort.html", region=region, lists=on_lists),
        periods=[periods.label(p, tekens.get(p, "")) for p in period_labels],
        table=render("profile/table.html", region=region, rows=rows),
        sources=render("profile/sources.html", sources=[
            {"n": n, "bron": b, "vindplaats": v} for (b, v), n in sorted(sources.items(), key=lambda kv: kv[1])]),
        shares=figure,
        map=regionmap.region_map(catalog.regions, map_period, None, links=True, selected=region.slug,
                                 title=f"Ligging van {region.naam} tussen de Veilig Thuis-regio's"),
        count=len(build.indicators), national=national,
        national_themes=list(dict.fromkeys(i.thema.titel for i in national))))


def changes_text(regions) -> str:
    """The region sets over time, in words, from the validity columns of regios.csv."""
    merged: dict[str, list] = {}
    for r in regions.by_code.values():
        if r.opgevolgd_door:
            merged.setdefault(r.opgevolgd_door, []).append(r)
    parts = []
    for code, old in merged.items():
        new = regions.by_code[code]
        before = len(regions.vt_regions(old[0].geldig_tot))
        after = len(regions.vt_regions(new.geldig_vanaf))
        parts.append(f"Tot en met {periods.label(old[0].geldig_tot)} telde Nederland {before} Veilig Thuis-regio's, vanaf "
                     f"{periods.label(new.geldig_vanaf)} {after}: {' en '.join(o.naam for o in old)} gingen samen op in {new.naam}.")
    # escaped text (a Markup string); the sentence without changes has nothing to escape
    return e(" ".join(parts)) if parts else Markup(f"Nederland telt {len(regions.vt_regions())} Veilig Thuis-regio's.")


def index_page(build, lists) -> str:
    catalog = build.catalog
    latest = max((i.latest_regional for i in regional_indicators(build)), key=periods.sort_key, default=None)
    rows = [{"slug": region.slug, "naam": region.naam, "code": region.code,
             "exists": ("ongewijzigd" if not region.geldig_vanaf and not region.geldig_tot else
                        f"vanaf {periods.label(region.geldig_vanaf)}" if region.geldig_vanaf
                        else f"tot en met {periods.label(region.geldig_tot)}"),
             "on_list": any(region.code in x["codes"] for x in lists)}
            for region in catalog.regions.regional() if region.soort != GM_KIND]
    return str(render(
        "profile/index.md", changes=changes_text(catalog.regions),
        map=regionmap.region_map(catalog.regions, latest, None, title="Kaart van de Veilig Thuis-regio's", links=True),
        table=render("profile/index_table.html", rows=rows),
        municipalities=municipality.index_block(catalog.regions)))


def pages(build) -> tuple[dict[str, str], dict[str, bytes]]:
    """The profile pages and the script of their shared dot chart."""
    lists = build.catalog.region_lists
    shares = shares_chart(build.indicators)
    out = {"regio/index.md": index_page(build, lists)}
    files = {SHARES_SCRIPT: shares_script(shares[0])} if shares else {}
    by_area = municipality.records_by_area(build.indicators) if build.catalog.regions.municipalities() else {}
    for region in build.catalog.regions.regional():
        out[f"regio/{region.slug}.md"] = (municipality.profile_page(build, region, by_area) if region.soort == GM_KIND
                                          else profile_page(build, region, lists, shares))
    return out, files
