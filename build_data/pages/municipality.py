"""Municipality profiles (regio/<slug>.html, beside the regions' profiles), the list of a region's
municipalities on its profile, and the municipalities on the region index.

A municipality's profile lists every indicator with figures for it: its latest figure (CBS's `.`
shown as `.` with its meaning, never 0 or blank), its Veilig Thuis region and Nederland in the same
period, its rank among the municipalities (never among the regions), with period and numbered
sources; then every period of each series. Membership comes from the municipal division of each
year (build_data.model.regions.Membership). The figures are the views' records; the ranks of a period
other than a view's latest (the municipalities' latest period may differ from the regions') are
made with build_data.compute.ranks, once per indicator and period."""

from __future__ import annotations

from ..compute import ranks
from ..model import periods, symbols
from ..model.regions import Region, name_key
from .blocks import GM_GROUP, VT_GROUP, region_selector
from .html import render


def records_by_area(views) -> dict[str, list[tuple[object, list[dict]]]]:
    """Area code -> [(view, its records of that area without category)], made once for all profiles
    (with the ranks of the municipalities per indicator and period, made on first use)."""
    out: dict[str, dict] = {}
    for view in views:
        if not view.regional:
            continue
        for r in view.records:
            if not r["categorie"] and not r["groep"]:
                out.setdefault(r["regio_code"], {}).setdefault(view.id, (view, []))[1].append(r)
    found: dict = {code: list(by_view.values()) for code, by_view in out.items()}
    found[RANKS] = {}
    return found


RANKS = "_rangen"  # key of by_area: (indicator, period) -> positions


def _positions(by_area: dict, view, period: str) -> dict:
    """The positions of a period (the view's own for its latest regional period): the ranks of the
    municipalities among the municipalities, whose latest period may be another than the regions'."""
    if period == view.latest_regional:
        return view.positions
    cache = by_area.setdefault(RANKS, {})
    if (view.id, period) not in cache:
        cache[view.id, period] = ranks.positions(view.records, period, view.eenheid)
    return cache[view.id, period]


def _missing(rec: dict) -> str:
    """'. (gegevens ontbreken: ...)': the symbol as CBS writes it, with its meaning."""
    return f"{symbols.shown(rec['teken'])} ({symbols.meaning(rec['teken']) or 'geen cijfer'})"


def _at(recs: list[dict], period: str) -> dict | None:
    return next((r for r in recs if r["periode"] == period), None)


def _history(region: Region, regions) -> list[str]:
    """The municipality's Veilig Thuis region over the years, in sentences (changes only)."""
    spans: list[list] = []  # [region code, first year, last year]
    for year in regions.membership.years():
        code = regions.membership.region_of(region.code, year)
        if code is None and region.code not in regions.membership.by_year.get(year, {}):
            continue
        if spans and spans[-1][0] == code and spans[-1][2] == year - 1:
            spans[-1][2] = year
        else:
            spans.append([code, year, year])
    def name(code):
        return regions.by_code[code].naam if code else "geen Veilig Thuis-regio genoemd"

    lines = []
    if len({s[0] for s in spans}) > 1:
        lines.append("Veilig Thuis-regio per jaar: " + "; ".join(
            f"{a}{'–' + str(b) if b != a else ''} {name(code)}" for code, a, b in spans) + ".")
    years = regions.membership.years()
    if spans and years and spans[-1][2] < years[-1]:
        lines.append(f"{region.naam} staat tot en met {spans[-1][2]} in de gemeentelijke indeling van het CBS, "
                     f"daarna niet meer (opgeheven of samengevoegd); de cijfers tot en met {spans[-1][2]} blijven hier staan.")
    return lines


def profile_page(build, region: Region, by_area: dict) -> str:
    catalog, regions = build.catalog, build.catalog.regions
    rows, series, sources = [], [], {}
    for view, recs in by_area.get(region.code, []):
        period = max((r["periode"] for r in recs), key=periods.sort_key)
        mine = _at(recs, period)
        year = regions.membership.year_for(period)
        vt = regions.region_of(region.code, year) if year else None
        vt_rec = _at(next((rs for v, rs in by_area.get(vt.code, []) if v is view), []), period) if vt else None
        nl = _at(next((rs for v, rs in by_area.get("NL01", []) if v is view), []), period)
        notes = sorted({sources.setdefault((x["bron"], x["vindplaats"]), len(sources) + 1) for x in (mine, vt_rec, nl) if x})
        pos = _positions(by_area, view, period).get(region.code) if mine["waarde"] is not None else None
        rows.append({
            "id": view.id, "titel": view.titel, "has_value": mine["waarde"] is not None,
            "value": mine["waarde_tekst"], "missing": None if mine["waarde"] is not None else _missing(mine),
            "regio": vt.naam if vt else "", "regio_slug": vt.slug if vt else "",
            "regio_waarde": (vt_rec["waarde_tekst"] or symbols.shown(vt_rec["teken"])) if vt_rec else "",
            "nederland": (nl["waarde_tekst"] or symbols.shown(nl["teken"])) if nl else ".",
            "rank": f"{pos['rang']} van {pos['van']}" if pos and pos["rang"] else "",
            "period": mine["periode_label"], "notes": " ".join(f"[{n}]" for n in notes)})
        series.append({"id": view.id, "titel": view.titel, "rows": [
            {"period": r["periode_label"], "value": r["waarde_tekst"] if r["waarde"] is not None else _missing(r),
             "has_value": r["waarde"] is not None, "noot": r["noot"]}
            for r in sorted(recs, key=lambda r: periods.sort_key(r["periode"]))]})
    latest = regions.membership.latest_year()
    current = regions.region_of(region.code, latest) if latest else None
    last_year = max((y for y in regions.membership.years() if region.code in regions.membership.by_year[y]), default=None)
    home = current or (regions.region_of(region.code, last_year) if last_year else None)
    options = [{"slug": "nederland", "code": "NL01", "naam": "Nederland (alle regio's)"}] + [
        {"slug": r.slug, "code": r.code, "naam": r.naam, "groep": VT_GROUP} for r in regions.vt_regions()] + [
        {"slug": region.slug, "code": region.code, "naam": region.naam, "groep": GM_GROUP}]
    used = symbols.used(r["teken"] for r in by_area_records(by_area, region.code))
    home_year = latest if current else last_year
    return str(render(
        "profile/municipality.md", region=region, home=home, home_year=home_year,
        selector=region_selector(catalog, None, options=options, navigate=True),
        history=_history(region, regions),
        table=render("profile/municipality_table.html", region=region, rows=rows),
        series=render("profile/municipality_series.html", region=region, series=series),
        legend=[{"shown": symbols.shown(s), "meaning": symbols.meaning(s)} for s in used],
        sources=render("profile/sources.html", sources=[
            {"n": n, "bron": b, "vindplaats": v} for (b, v), n in sorted(sources.items(), key=lambda kv: kv[1])])))


def by_area_records(by_area: dict, code: str) -> list[dict]:
    return [r for _, recs in by_area.get(code, []) for r in recs]


def members_block(region: Region, regions) -> object:
    """On a region's profile: its municipalities in the latest year it has any (links to their profiles)."""
    years = [y for y in regions.membership.years() if regions.membership.members(region.code, y)]
    if not years:
        return ""
    year = years[-1]
    return render("profile/members.html", region=region, year=year, latest=year == regions.membership.latest_year(),
                  members=regions.members(region.code, year))


def index_block(regions) -> object:
    """On the region index: every municipality of the latest year with its Veilig Thuis region, and
    the municipalities of earlier years that no longer exist."""
    found = regions.municipalities()
    if not found:
        return ""
    latest = regions.membership.latest_year()
    rows = []
    for m in found:
        last = max((y for y in regions.membership.years() if m.code in regions.membership.by_year[y]), default=latest)
        vt = regions.region_of(m.code, last) if last else None
        rows.append({"area": m, "slug": m.slug, "naam": m.naam, "code": m.code, "regio": vt, "tot": None if last == latest else last})
    rows.sort(key=lambda r: (name_key(r["regio"]) if r["regio"] else "~", name_key(r["area"])))
    return render("profile/municipality_index.html", rows=rows, year=latest, count=sum(1 for r in rows if not r["tot"]))
