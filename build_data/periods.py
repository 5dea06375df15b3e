"""Periods: half-years as '2019-H2', years as '2019'. Shown as '2e halfjaar 2019' (plus '*')."""

from __future__ import annotations

import re

PATTERN = re.compile(r"^(?P<year>(19|20)\d\d)(-H(?P<half>[12]))?$")


def is_valid(period: str) -> bool:
    return bool(PATTERN.match(period or ""))


def sort_key(period: str) -> tuple[int, int]:
    m = PATTERN.match(period)
    if not m:
        raise ValueError(f"ongeldige periode: {period!r}")
    half = m.group("half")
    # A year sorts after both of its half-years.
    return (int(m.group("year")), int(half) if half else 3)


def label(period: str, symbol: str = "") -> str:
    m = PATTERN.match(period)
    if not m:
        raise ValueError(f"ongeldige periode: {period!r}")
    year, half = m.group("year"), m.group("half")
    text = f"{half}e halfjaar {year}" if half else year
    return text + (symbol if symbol in ("*", "**") else "")


def short_label(period: str, symbol: str = "") -> str:
    m = PATTERN.match(period)
    year, half = m.group("year"), m.group("half")
    text = f"{half}e hj {year}" if half else year
    return text + (symbol if symbol in ("*", "**") else "")


def is_half_year(period: str) -> bool:
    m = PATTERN.match(period)
    return bool(m and m.group("half"))
