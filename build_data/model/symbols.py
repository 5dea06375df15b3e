"""The CBS symbols ('Verklaring van tekens', as printed in CBS, Beleidsinformatie Veilig Thuis,
2e halfjaar 2019), in one place. A data package writes the symbol in the column `teken`; the
value column is empty for every symbol that stands for a missing figure.

Each symbol keeps its own meaning everywhere: tables and chart labels show it as written here,
tooltips and the legend explain it, JSON and CSV downloads keep it in `teken`, a chart never
draws a bar or a point for a missing figure (a gap, with the symbol as its label and a note)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Symbol:
    code: str  # as written in the column `teken`
    shown: str  # as shown in tables and chart labels
    meaning: str  # the CBS explanation, for the legend and tooltips
    has_value: bool  # a figure goes with it (provisional figures) or not (missing figures)


SYMBOLS: dict[str, Symbol] = {s.code: s for s in (
    Symbol("", "", "definitief cijfer", True),
    Symbol("*", "*", "voorlopig cijfer", True),
    Symbol("**", "**", "nader voorlopig cijfer", True),
    Symbol(".", ".", "gegevens ontbreken: het cijfer is onbekend, onvoldoende betrouwbaar of geheim", False),
    Symbol("x", "x", "geheim", False),
    Symbol("–", "–", "nihil", False),
    # CBS prints nothing ('Niets (blank)'); a site that showed nothing could not be told from a
    # fault, so the cell says so in words.
    Symbol("blank", "(blank)", "een cijfer kan op logische gronden niet voorkomen", False),
)}

VALUE = frozenset(c for c, s in SYMBOLS.items() if s.has_value)  # '', '*', '**'
MISSING = frozenset(c for c, s in SYMBOLS.items() if not s.has_value)  # '.', 'x', '–', 'blank'
SUPPRESSED = frozenset({".", "x"})  # the source withheld a figure: nothing may reveal it
LEGEND_ORDER = ("*", "**", ".", "x", "–", "blank")


def shown(code: str) -> str:
    return SYMBOLS[code].shown if code in SYMBOLS else code


def meaning(code: str) -> str:
    return SYMBOLS[code].meaning if code in SYMBOLS else ""


def used(codes) -> list[str]:
    """The symbols among codes that need explaining, in the order of the CBS legend."""
    present = set(codes)
    return [c for c in LEGEND_ORDER if c in present]
