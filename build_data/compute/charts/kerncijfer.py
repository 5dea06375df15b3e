"""Key figures only: the indicator's figures by category as tiles, no chart (e.g. a lower and an
upper bound of one estimate)."""

from __future__ import annotations

NAME = "kerncijfer"
DRAWS = False  # the page shows the key figures of its categories instead of a chart


def figure(view, catalog, related=()):
    return None
