"""Revisions: one figure published more than once.

A data package may hold the same figure (same regio code, periode, maat, categorie and groep)
from more than one publication (`bron`), for instance a provisional figure (`64 425*`) that a
later publication makes definitive. The site then shows one value, and keeps the others as the
figure's history:

- **The newest publication wins**, by the `published` date of its `sources` entry
  (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). Dates of different precision are compared at the precision
  they share (`2020` and `2020-04` are a tie: the year says nothing about the month); a
  publication without a date shares no precision with any other, so it ties. A tie goes to the
  publication listed later in the descriptor's `sources`.
- The newest publication wins **also when it withholds the figure**: a later `x` (geheim) or `.`
  (onbekend) is shown as `x` or `.`, and the earlier value stays visible in the history. We never
  fill a gap from an older publication: that would show a figure the newest source chose not to.
- **CBS symbols stay distinct**: `64 425*` followed by `64 425` (provisional made definitive) is a
  revision; only a value with the same number, symbol and qualifier is identical. An identical
  value from an older publication is not a revision: the newest citation is kept, without note.
- An older publication that did not state the figure (`.`) is no earlier version of a value a newer
  one gives: it is left out of the history (the other way round, a value later withheld, it stays).
- The shown row gets `herzien`: the earlier publications' values, newest first, each as
  {waarde_tekst, bron, vindplaats, published}, and its `noot` says
  'Herzien: eerder gepubliceerd als 64 425* (CBS, Impactmonitor …, Figuur 3.2.1).'

The same holds across packages: with datapackages/cbs-statline-veilig-thuis present, StatLine's
rows of a figure join the publication's (build_data.compute.statline) and `apply` is given both
packages, so StatLine's newer value is shown and the printed one is its history.

`apply` runs where an indicator's frame is made (build_data.indicators), after the measure's rows
are selected and before an indicator's own `compute`. A figure computed from revised figures (a
ratio) uses the shown values and has no history of its own (`computed`). When a frame holds no
figure from two publications, `apply` returns it unchanged (no `herzien` column)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..load.rules import KEY, same_value
from ..model import formatting
from ..model.dates import date_text, parse_date

if TYPE_CHECKING:
    from ..model.catalog import Package


def _entry(row, packages: tuple[Package, ...], dates: dict) -> dict:
    unit = next((p.measures.loc[row.maat].eenheid for p in packages if row.maat in p.measures.index), "")
    value = None if pd.isna(row.waarde_num) else row.waarde_num
    return {
        "waarde_tekst": formatting.value(value, unit, row.teken, len(str(row.waarde).partition(".")[2]), row.kwalificatie),
        "bron": row.bron_titel,
        "vindplaats": row.vindplaats,
        "published": date_text(dates.get(row.bron)),
    }


def note(history: list[dict]) -> str:
    """'Herzien: eerder gepubliceerd als 64 425* (CBS, Impactmonitor …, Figuur 3.2.1).'"""
    parts = [f"{h['waarde_tekst']} ({', '.join(p for p in (h['bron'], h['vindplaats']) if p)})" for h in history]
    return "Herzien: eerder gepubliceerd als " + "; daarvoor als ".join(parts) + "."


def as_text(history: list[dict] | None) -> str:
    """The history in one CSV cell: 'waarde (bron, vindplaats, gepubliceerd …) | …', newest first."""
    return " | ".join(
        f"{h['waarde_tekst']} ({', '.join(p for p in (h['bron'], h['vindplaats']) if p)}"
        + (f", gepubliceerd {h['published']}" if h.get("published") else "") + ")"
        for h in history or [])


def apply(frame: pd.DataFrame, *packages: Package) -> pd.DataFrame:
    """One row per figure: the newest publication's, with the older ones in `herzien`. The frame's
    rows may come from several packages (the publications and StatLine, build_data.compute.statline):
    their sources are ordered as the packages are given, then as each descriptor lists them."""
    if frame.empty or "bron" not in frame.columns:
        return frame
    n_sources = frame.groupby(KEY, sort=False)["bron"].transform("nunique")
    if not (n_sources > 1).any():
        return frame
    sources = {name: src for p in packages for name, src in p.sources.items()}
    order = {name: i for i, name in enumerate(sources)}  # package order, then descriptor order
    dates = {name: parse_date(src.get("published")) for name, src in sources.items()}
    drop, histories, notes = [], {}, {}
    for _, group in frame[n_sources > 1].groupby(KEY, sort=False):
        precision = min(len(dates.get(b) or ()) for b in group.bron)
        rows = sorted(group.itertuples(), key=lambda r: ((dates.get(r.bron) or ())[:precision], order.get(r.bron, -1), r.Index))
        # Runs of identical values collapse into their newest row: repeating a figure is no revision.
        runs: list = []
        for r in rows:
            if runs and same_value(runs[-1], r):
                drop.append(runs[-1].Index)
                runs[-1] = r
            else:
                runs.append(r)
        shown, older = runs[-1], runs[:-1][::-1]
        drop += [r.Index for r in older]
        if not pd.isna(shown.waarde_num):  # an older '.' (not stated there) before a value is no revision of it
            older = [r for r in older if not pd.isna(r.waarde_num)]
        if older:
            histories[shown.Index] = [_entry(r, packages, dates) for r in older]
            noot = shown.noot or ""
            text = note(histories[shown.Index])
            notes[shown.Index] = f"{noot}{'' if noot.endswith('.') else '.'} {text}" if noot else text
    frame = frame.drop(index=drop)
    frame["herzien"] = [histories.get(i, []) for i in frame.index]
    frame["noot"] = [notes.get(i, n) for i, n in zip(frame.index, frame["noot"])]
    return frame


def computed(frame: pd.DataFrame) -> pd.DataFrame:
    """A figure an indicator computes (a ratio) has no publication history of its own: the history
    of its inputs stays on their own indicators."""
    if "herzien" in frame.columns:
        frame = frame.copy()
        frame["herzien"] = [[] for _ in range(len(frame))]
    return frame


