"""The registry of chart kinds: one module per kind in this package, found by its `NAME`.

A kind module declares
    NAME        the name a declaration writes under `grafieken:`
    LEVELS      the declaration levels (`niveau`) it can show: ("regionaal",) when it needs regional figures
    DRAWS       False for a kind that shows key figures instead of a chart
    WITH_MAP    True when the page shows the map of the regions beside it
    figure(view, catalog, related) -> Figure | None
                what the chart shows (caption, compiled Vega spec, records, table, notes, gaps;
                build_data.compute.charts.figure), made from the indicator's view
and usually the function that makes its Vega spec with altair (build_data.compute.charts.base).
Adding a kind is adding one module here; declarations are checked against this registry."""

from __future__ import annotations

import importlib
import pkgutil

_HELPERS = {"base", "figure", "profiel"}  # modules of this package that are not kinds


def _discover() -> dict:
    kinds = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name in _HELPERS:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "NAME"):
            kinds[module.NAME] = module
    return kinds


KINDS = _discover()


def drawn(grafieken: list[str]) -> list[str]:
    """The kinds of a declaration that draw a chart, in its order."""
    return [k for k in grafieken if KINDS[k].DRAWS]
