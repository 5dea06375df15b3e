"""Indicators computed from their declarations (build_data.load.declarations): the rows of the
declared measure, revised figures resolved (build_data.compute.revisions), then, when the
declaration has a same-named .py that defines `compute(frame, catalog) -> frame`, that
computation under disclosure control (build_data.compute.derive). The computed frame keeps the
provenance columns of the observations it came from."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ..load.content import Content
from ..load.declarations import declared_ids, load_themes, read_declarations
from ..model.catalog import Catalog
from ..model.indicator import Indicator
from ..model.problems import Problem
from ..load import statline as statline_block
from . import charts, derive, revisions
from .statline import statline_rows, with_statline


def load_indicators(catalog: Catalog, content: Content) -> tuple[list[Indicator], list[Problem]]:
    """Every valid declaration of the root, computed; with every problem found on the way."""
    themes = {t.slug: t for t in load_themes(content)}
    declarations, problems = read_declarations(catalog, content, themes, {k: m.LEVELS for k, m in charts.KINDS.items()})
    # With the StatLine package, publication packages also hold StatLine's rows of the measures
    # declarations back with it (build_data.compute.statline); without it, `catalog` as it is.
    catalog = with_statline(catalog, declarations)
    statline = statline_block.package(catalog)
    by_measure: dict[str, dict] = {}  # package -> measure -> row positions, grouped once per package
    out: list[Indicator] = []
    for d in declarations:
        decl, rel, bron = d.decl, d.rel, d.decl["bron"]
        package = catalog.packages[d.package.name]  # with StatLine's rows, when present
        if package.name not in by_measure:
            obs = package.observations
            by_measure[package.name] = obs.groupby("maat", sort=False).indices if "maat" in obs else {}
        groups = by_measure[package.name]

        def rows_of(measure: str):
            """A copy of the package's rows of one measure, in file order."""
            return package.observations.iloc[groups.get(measure, [])].copy()

        if package.name == statline_block.PACKAGE:  # an indicator backed by StatLine alone
            data = statline_rows(decl, catalog)
            if data is None or data.empty:
                continue
            maat, change = data.maat.iloc[0], data.iloc[0:0]
        else:
            maat = bron["maat"]
            data, change = rows_of(maat), rows_of(bron.get("verandering", ""))
        measure = package.measures.loc[maat] if maat in package.measures.index else package.measures.loc[data.maat.iloc[0]]
        # One figure from several publications (and StatLine): the newest is shown, the others become its history.
        sources = (package,) if statline is None or package is statline else (package, statline)
        data, change = revisions.apply(data, *sources), revisions.apply(change, *sources)
        compute_py = d.path.with_suffix(".py")
        if compute_py.exists():
            spec = importlib.util.spec_from_file_location(f"indicator_{d.path.stem}", compute_py)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            computed = revisions.computed(module.compute(data, catalog))
            refused = derive.check_no_recovery(str(Path(rel).with_suffix(".py")), data, computed)
            if refused:  # disclosure control: never show a figure the source withheld
                problems += refused
                continue
            data = computed
        if data.empty:
            problems.append(Problem(rel, None, "bron.maat", "empty-indicator", f"maat '{maat}' heeft geen rijen in {package.name}"))
            continue
        out.append(Indicator(
            id=decl["id"], thema=themes[decl["thema"]], niveau=decl["niveau"],
            titel=decl.get("titel") or measure.naam, eenheid=decl.get("eenheid") or measure.eenheid,
            definitie=decl.get("definitie") or measure.definitie, tekst=decl["tekst"],
            grafieken=list(decl["grafieken"]), pakket=package.name, maat=maat,
            volgorde=int(decl.get("volgorde", 1000)), file=rel, data=data, verandering=change,
            zie_ook=list(decl.get("zie_ook") or []),
            catalogus=[decl["catalogus"]] if isinstance(decl.get("catalogus"), str) else list(decl.get("catalogus") or []),
        ))
    out.sort(key=lambda i: (list(themes).index(i.thema.slug), i.volgorde, i.id))
    declared = declared_ids(content)
    for ind in out:
        for other in ind.zie_ook:
            if other not in declared:
                problems.append(Problem(ind.file, None, "zie_ook", "invalid-indicator", f"indicator '{other}' bestaat niet"))
    return out, problems
