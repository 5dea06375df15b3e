"""Overviews: all indicators in one table, and the data packages behind them."""

from __future__ import annotations

from ..model import periods
from .render import e, lifted


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
