"""Overviews: all indicators in one table, the data packages behind them, the list of themes."""

from __future__ import annotations

from markupsafe import Markup

from ..compute.view import figures_present
from ..model import periods
from .html import render


def overview(build) -> Markup:
    """All indicators in one table, like the start page of the CBS dashboard: theme, level,
    periods, whether national, regional and time-series figures exist (from the figures present,
    per level), status and link."""
    groups = []
    for theme in build.themes:
        rows = []
        for ind in (i for i in build.indicators if i.thema.slug == theme.slug):
            has = figures_present(ind)
            rows.append({"id": ind.id, "name": ind.titel, "available": has["available"],
                         "level": "landelijk en regionaal" if has["regional"] else "landelijk",
                         "periods": [periods.label(p) for p in ind.periods], "national": has["national"],
                         "regional": has["regional"], "series": has["series"],
                         "status": "beschikbaar" if has["available"] else "alleen in een grafiek gepubliceerd"})
        for entry in build.catalogue:
            if entry.thema == theme.slug and not entry.on_site:
                rows.append({"id": None, "name": entry.omschrijving, "available": False,
                             "level": entry.niveau or "nog te bepalen", "periods": [],
                             "national": False, "regional": False, "series": "",
                             "status": entry.site_status})
        groups.append({"theme": theme, "rows": rows})
    rows = [r for g in groups for r in g["rows"]]
    available = sum(1 for r in rows if r["available"])
    unstated = sum(1 for r in rows if r["id"] and not r["available"])
    return render("page/overview.html", groups=groups, available=available, unstated=unstated,
                  planned=len(rows) - available - unstated)


def sources_overview(build) -> Markup:
    """Per data package: publisher, what it is, method, frequency, licence and publications,
    straight from the package metadata."""
    packages = []
    for package in sorted(build.catalog.packages.values(), key=lambda p: p.title):
        d = package.descriptor
        if package.observations.empty:
            continue
        packages.append({
            "name": package.name, "title": package.title,
            "publisher": d.get("publisher") or "", "description": d.get("description") or "",
            "methode": d.get("methode") or "", "frequency": d.get("frequency") or "",
            "periods": [periods.label(p) for p in sorted(set(package.observations.periode), key=periods.sort_key)],
            "licenses": [lic.get("title") or lic.get("name") or "" for lic in package.licenses],
            "publications": [s.get("title") or "" for s in package.sources.values()],
            "count": len(package.observations)})
    return render("page/sources_overview.html", packages=packages)


def theme_list(build) -> Markup:
    """The themes, each with a link and how many indicators it has (start page)."""
    themes = [{"slug": t.slug, "titel": t.titel, "count": sum(1 for i in build.indicators if i.thema.slug == t.slug)}
              for t in build.themes]
    return render("page/theme_list.html", themes=themes)
