"""Dates as descriptors write them (`published: 2020-11-24`, `2020-11` or `2020`) and as the site
shows them ('24 november 2026')."""

from __future__ import annotations

import datetime
import re

DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def parse_date(value) -> tuple[int, ...] | None:
    """'2020-11-24' -> (2020, 11, 24), '2020-11' -> (2020, 11), '2020' -> (2020,); None if absent or
    not such a date. YAML may have read an unquoted date or year already: both are accepted."""
    if isinstance(value, datetime.date):
        return (value.year, value.month, value.day)
    if value is None or isinstance(value, bool):
        return None
    m = DATE.match(str(value).strip())
    if not m:
        return None
    parts = tuple(int(g) for g in m.groups() if g)
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return parts


def date_text(parts: tuple[int, ...] | None) -> str:
    """(2020, 11) -> '2020-11'; as written in a descriptor."""
    if not parts:
        return ""
    return "-".join([f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]])


def dutch_date(parts: tuple[int, ...] | None) -> str:
    """(2026, 11, 24) -> '24 november 2026', (2020, 4) -> 'april 2020', (2020,) -> '2020'."""
    if not parts:
        return ""
    words = [str(parts[0])]
    if len(parts) > 1:
        words.insert(0, MONTHS[parts[1] - 1])
    if len(parts) > 2:
        words.insert(0, str(parts[2]))
    return " ".join(words)
