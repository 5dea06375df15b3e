"""The registry of chart kinds: one module per kind in this package, found by its `NAME`.

A kind module declares
    NAME        the name a declaration writes under `grafieken:`
    figure(view, catalog, related) -> Figure | None
and, where it differs from the default,
    LEVELS      the declaration levels (`niveau`) it can show (default both; ("regionaal",) when it
                needs regional figures)
    DRAWS       False for a kind that shows key figures instead of a chart (default True)
    WITH_MAP    True when the page shows the map of the regions beside it (default False)
    PER_PERIOD  True when it shows one period at a time: figure(view, catalog, related, period)
                then makes the figure of any period with regional figures (default: the latest),
                and an indicator page offers a choice of period (default False)
    ONE_AREA    True when the chart shows the rows of one area at a time, the one its parameter
                `regio` names: a drawing made at build time needs only that area's rows (default False)
                what the chart shows (caption, compiled Vega spec, records, table, notes, gaps;
                build_data.compute.charts.figure), made from the indicator's view
and usually the function that makes its Vega spec with altair (build_data.compute.charts.base).
Adding a kind is adding one module here; declarations are checked against this registry."""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from types import ModuleType

_HELPERS = {"base", "figure", "profiel"}  # modules of this package that are not kinds


@dataclass(frozen=True)
class Kind:
    name: str
    module: ModuleType
    LEVELS: tuple[str, ...] = ("landelijk", "regionaal")
    DRAWS: bool = True
    WITH_MAP: bool = False
    PER_PERIOD: bool = False
    ONE_AREA: bool = False

    def figure(self, view, catalog, related=(), period: str | None = None):
        if period is not None and self.PER_PERIOD:
            return self.module.figure(view, catalog, related, period)
        return self.module.figure(view, catalog, related)


def _discover() -> dict[str, Kind]:
    kinds = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name in _HELPERS:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "NAME"):
            options = {k: getattr(module, k) for k in ("LEVELS", "DRAWS", "WITH_MAP", "PER_PERIOD", "ONE_AREA") if hasattr(module, k)}
            kinds[module.NAME] = Kind(module.NAME, module, **options)
    return kinds


KINDS = _discover()


def drawn(grafieken: list[str]) -> list[str]:
    """The kinds of a declaration that draw a chart, in its order."""
    return [k for k in grafieken if KINDS[k].DRAWS]
