"""StatLine as the newer source of the Veilig Thuis indicators.

When datapackages/cbs-statline-veilig-thuis is present, the rows of the StatLine topic a
declaration names (its `statline:` block, build_data.load.statline) join the publication's rows
of the same figure: renamed to the publication's measure (`maat`), StatLine categories mapped to
the publication's category codes, other dimensions at their total. Then
build_data.compute.revisions shows StatLine's value where the publication printed another one,
and lists the printed one as revision. Without the package nothing here changes a thing.

Nederland, the Veilig Thuis regions and the municipalities are kept (AREAS), and only those the
regions know (municipalities only with datapackages/cbs-gebieden-in-nederland). The benchmark,
map and ranks of the regions leave municipalities out (compute.charts.regio_vergelijking,
compute.ranks); a municipality is compared with municipalities only, on its own profile."""

from __future__ import annotations

import dataclasses

import pandas as pd

from ..load import statline as block
from ..model import dates
from ..model.catalog import Catalog

AREAS = ("NL", "VT", "GM")  # code prefixes of the areas whose StatLine rows join the publications' rows


def statline_rows(decl: dict, catalog: Catalog) -> pd.DataFrame | None:
    """The StatLine rows of a declaration, in the publication's terms; None without a block or package."""
    pkg = block.package(catalog)
    if "statline" not in decl or pkg is None or pkg.observations.empty:
        return None
    resolved, problems = block.resolve(decl["statline"], pkg, "", lambda _key: None)
    if resolved is None:
        return None
    obs = pkg.observations
    rows = obs[obs.maat == resolved.maat]
    known = {c for c in catalog.regions.by_code if c.startswith(AREAS)}
    rows = rows[rows.regio_code.isin(known)]
    rows = rows.copy()
    if resolved.dimensions:
        # a row's key in each extra dimension: categorie, then the parts of groep
        keys = [[c, *(g.split("+") if g else [])] for c, g in zip(rows.categorie, rows.groep)]
        kept = [all(i < len(k) and k[i] in keep for i, keep in enumerate(resolved.keep)) for k in keys]
        # the publication's category comes from the dimension the block names ('' for the others)
        rows["categorie"] = ["".join(keep[k[i]] for i, keep in enumerate(resolved.keep)) if ok else "" for k, ok in zip(keys, kept)]
        rows["groep"] = ""
        rows = rows[kept]
    bron = decl.get("bron") or {}
    src = pkg.sources.get(rows.bron.iloc[0], {}) if len(rows) else {}
    retrieved = dates.dutch_date(dates.parse_date(src.get("retrieved")))
    rows["maat"] = bron.get("maat") or resolved.maat
    rows["vindplaats"] = (f"StatLine-tabel {resolved.tabel}, onderwerp '{resolved.titel}'"
                          + (f" ({src['path']})" if src.get("path") else "") + (f", opgehaald {retrieved}" if retrieved else ""))
    return rows


def with_statline(catalog: Catalog, declarations) -> Catalog:
    """The catalog in which every publication package also holds the StatLine rows of the measures
    its declarations back with StatLine (as rows of another source); the catalog itself when the
    package is absent. Derived indicators (a ratio of two measures) then see both sources too."""
    pkg = block.package(catalog)
    if pkg is None or block.PACKAGE in catalog.broken:
        return catalog
    extra: dict[str, list[pd.DataFrame]] = {}
    seen: set[tuple[str, str]] = set()
    for d in declarations:
        bron = d.decl.get("bron") or {}
        if d.package.name == block.PACKAGE or not bron.get("maat") or (d.package.name, bron["maat"]) in seen:
            continue
        rows = statline_rows(d.decl, catalog)
        if rows is not None and len(rows):
            seen.add((d.package.name, bron["maat"]))
            extra.setdefault(d.package.name, []).append(rows)
    if not extra:
        return catalog
    packages = dict(catalog.packages)
    for name, frames in extra.items():
        p = packages[name]
        obs = pd.concat([p.observations, *frames], ignore_index=True)
        packages[name] = dataclasses.replace(p, observations=obs)
    return dataclasses.replace(catalog, packages=packages)
