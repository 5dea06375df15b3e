"""Two populations compared per category (the group holds the population), drawn as categories."""

from __future__ import annotations

from .categorieen import categorieen, category_figure
from .figure import Figure

NAME = "populaties"


def figure(view, catalog, related=()) -> Figure:
    return category_figure(NAME, view, populaties)


def populaties(title: str, unit: str, rows: list[dict]) -> dict:
    """Two populations compared per category (the `groep` holds the population)."""
    return categorieen(title, unit, rows)
