"""What a chart kind makes of a view: a Figure, the data of one chart on a page (its caption, the
compiled Vega spec, the records it shows, the table of its figures, its reference note and where
it has gaps). The page (build_data.pages.chart) only formats it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import formatting, periods, symbols


@dataclass
class Reference:
    """Nederland as reference beside a regional chart, and links to comparable indicators."""
    nl: str | None  # Nederland's value as shown ('66 660*'), if published
    counts: bool  # the figures are counts: not comparable between regions of different size
    links: list[tuple[str, str]] = field(default_factory=list)  # (indicator id, title)
    municipalities: bool = False  # the indicator has municipal figures, which a comparison of the regions leaves out
    period: str = ""  # the period of nl, the chart's own ('2e halfjaar 2019*'): a comparison says which period it uses


@dataclass
class Gap:
    """Figures a chart cannot draw, by CBS symbol: where they are."""
    symbol: str
    meaning: str
    where: str
    area: str = ""  # a chart of one area at a time: the area (slug) whose gap this is, shown with it


@dataclass
class Figure:
    kind: str
    caption: str
    spec: dict
    shown: list[dict]  # the records the chart shows
    headers: list[str]  # the table of its figures
    rows: list[tuple[dict, list[str]]]  # (record, cells); the record's region marks the row
    value_col: int  # the column of the figure, right-aligned
    national_only: bool = True  # the chart shows Nederland only (the page says so for a region)
    reference: Reference | None = None
    others: list[dict] = field(default_factory=list)  # also published, not in the chart
    gaps: list[Gap] = field(default_factory=list)
    caption_area: str = ""  # a chart of one area at a time: the area its caption names first (the page names the one shown)
    # slugs of the municipalities among the areas: their chart rows, table rows and other figures are
    # a part of the page loaded when one is chosen (build_data.pages.parts), not inline
    municipal: list[str] = field(default_factory=list)

    @property
    def areas(self) -> list[str]:
        return sorted({r["regio_slug"] for r in self.shown})

    @property
    def period_text(self) -> str:
        """The period or span of periods the chart shows ('2e halfjaar 2019', '1e halfjaar 2019 t/m 2025')."""
        shown = sorted({r["periode"] for r in self.shown}, key=periods.sort_key)
        if not shown:
            return ""
        return periods.label(shown[0]) if len(shown) == 1 else f"{periods.label(shown[0])} t/m {periods.label(shown[-1])}"

    @property
    def symbol_note(self) -> str:
        """The CBS symbols among the chart's figures, explained ('Tekens: * voorlopig cijfer; . onbekend …')."""
        used = symbols.used(r["teken"] for r in self.shown if r.get("teken"))
        return ("Tekens: " + "; ".join(f"{symbols.shown(c)} {symbols.meaning(c)}" for c in used)) if used else ""

    @property
    def drawn(self) -> bool:
        """False when every figure is missing: the page shows no empty axes, only the table."""
        return any(r["waarde"] is not None for r in self.shown)


def chart_rows(recs: list[dict]) -> list[dict]:
    """Copies for a chart; a bound ('minder dan 2,5 %') is labelled but never drawn as a bar."""
    return [{**r, "waarde": None if r.get("kwalificatie") in formatting.BOUNDS else r["waarde"]} for r in recs]


def n_text(rec: dict) -> str:
    return formatting.number(rec["n"]) if rec.get("n") is not None else ""


def where_category(r: dict) -> str:
    """Where a figure stands in a chart by category: 'Categorie (groep) (periode)'."""
    parts = [r["categorie_naam"], r["groep_naam"], r["periode_label"]]
    return " ".join(p if i == 0 else f"({p})" for i, p in enumerate(x for x in parts if x))


def gaps(shown: list[dict], where) -> list[Gap]:
    """Where a chart has a gap: which figures are missing and why (their CBS symbol). A missing
    figure is never drawn as a zero bar or point; its symbol is the label in its place."""
    missing = [r for r in shown if r["waarde"] is None and r["teken"] in symbols.MISSING]
    return [Gap(symbols.shown(code), symbols.meaning(code), ", ".join(dict.fromkeys(where(r) for r in missing if r["teken"] == code)))
            for code in symbols.used(r["teken"] for r in missing)]
