"""Periods: half-years as '2019-H2', years as '2019', multi-year spans (a study period) as
'2016-2020'. Shown as '2e halfjaar 2019' (plus '*'), '2019', '2016–2020'."""

from __future__ import annotations

import re
from functools import lru_cache

PATTERN = re.compile(r"^(?P<year>(19|20)\d\d)(-H(?P<half>[12])|-(?P<end>(19|20)\d\d))?$")

# Every function here depends on its arguments only and is asked for every figure of every
# indicator, of a few dozen distinct periods: each remembers its answers.
_cached = lru_cache(maxsize=4096)


@_cached
def is_valid(period: str) -> bool:
    m = PATTERN.match(period or "")
    return bool(m) and (not m.group("end") or int(m.group("end")) > int(m.group("year")))


@_cached
def span(period: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """First and last half-year a period covers, as (year, half) keys."""
    m = PATTERN.match(period)
    year, half, end = int(m.group("year")), m.group("half"), m.group("end")
    if half:
        return (year, int(half)), (year, int(half))
    return (year, 1), (int(end) if end else year, 2)


@_cached
def sort_key(period: str) -> tuple[int, int]:
    m = PATTERN.match(period)
    if not m:
        raise ValueError(f"ongeldige periode: {period!r}")
    half, end = m.group("half"), m.group("end")
    # A year sorts after both of its half-years; a span sorts by its last year.
    if end:
        return (int(end), 4)
    return (int(m.group("year")), int(half) if half else 3)


@_cached
def label(period: str, symbol: str = "") -> str:
    m = PATTERN.match(period)
    if not m:
        raise ValueError(f"ongeldige periode: {period!r}")
    year, half, end = m.group("year"), m.group("half"), m.group("end")
    text = f"{half}e halfjaar {year}" if half else f"{year}\u2013{end}" if end else year
    return text + (symbol if symbol in ("*", "**") else "")


@_cached
def short_label(period: str, symbol: str = "") -> str:
    m = PATTERN.match(period)
    year, half, end = m.group("year"), m.group("half"), m.group("end")
    text = f"{half}e hj {year}" if half else f"{year}\u2013{end}" if end else year
    return text + (symbol if symbol in ("*", "**") else "")


@_cached
def is_half_year(period: str) -> bool:
    m = PATTERN.match(period)
    return bool(m and m.group("half"))
