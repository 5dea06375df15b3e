"""Dutch number formats: 64 425 (no-break space as thousands separator), 55,6 %."""

from __future__ import annotations

import math

from . import symbols

NBSP = "\u00a0"


def decimals_of(value: float) -> int:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 0
    text = repr(float(value))
    if "e" in text:
        return 0
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    return len(frac)


def number(value: float | int | None, decimals: int | None = None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if decimals is None:
        decimals = decimals_of(value)
    text = f"{value:,.{decimals}f}"  # 64,425.5
    return text.replace(",", NBSP).replace(".", ",")


# Words a source puts before a figure ('minder dan 2,5 %', 'maximaal 20 %'): kept with the value.
QUALIFIERS = ("ongeveer", "ruim", "minder dan", "maximaal", "minimaal")
BOUNDS = ("minder dan", "maximaal", "minimaal")  # the figure is a bound, not a value: never drawn as a bar


def value(value, unit: str, symbol: str = "", decimals: int | None = None, qualifier: str = "") -> str:
    """A value as shown in tables: the number with its unit, or the CBS symbol when missing."""
    if symbol in symbols.MISSING or value is None or (isinstance(value, float) and math.isnan(value)):
        return symbols.shown(symbol or ".")
    text = number(abs(value) if unit == "procent_verandering" else value, decimals)
    if unit == "procent_verandering":
        text = ("+" if value > 0 else "\u2212" if value < 0 else "") + text + NBSP + "%"
    elif unit == "procent":
        text += NBSP + "%"
    elif unit == "factor":
        text += NBSP + "keer"
    if symbol in ("*", "**"):
        text += symbol
    if qualifier:
        text = f"{qualifier} {text}"
    return text
