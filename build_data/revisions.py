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
- The shown row gets `herzien`: the earlier publications' values, newest first, each as
  {waarde_tekst, bron, vindplaats, published}, and its `noot` says
  'Herzien: eerder gepubliceerd als 64 425* (CBS, Impactmonitor …, Figuur 3.2.1).'

`apply` runs where an indicator's frame is made (build_data.indicators), after the measure's rows
are selected and before an indicator's own `compute`. A figure computed from revised figures (a
ratio) uses the shown values and has no history of its own (`computed`). When a frame holds no
figure from two publications, `apply` returns it unchanged (no `herzien` column)."""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

import pandas as pd

from . import formatting
from .problems import Problem

if TYPE_CHECKING:  # no import cycle: datapackages imports this module for its date check
    from .datapackages import Package

KEY = ["regio_code", "periode", "maat", "categorie", "groep"]
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


def check_dates(sources: list, file: str) -> list[Problem]:
    """Every `sources` entry states when it was published; a missing or unreadable date is a
    warning (revisions are then ordered by the descriptor, see the module text)."""
    problems = []
    for src in sources or []:
        if not isinstance(src, dict):
            continue
        name = src.get("name", "")
        if "published" not in src or src.get("published") in (None, ""):
            problems.append(Problem(file, None, f"sources/{name}/published", "missing-publication-date",
                                    f"bron '{name}' noemt geen publicatiedatum ('published')", "warning"))
        elif parse_date(src["published"]) is None:
            problems.append(Problem(file, None, f"sources/{name}/published", "missing-publication-date",
                                    f"publicatiedatum {src['published']!r} van bron '{name}' is geen datum "
                                    "(JJJJ-MM-DD, JJJJ-MM of JJJJ)", "warning"))
    return problems


def _same_value(a, b) -> bool:
    na, nb = a.waarde_num, b.waarde_num
    same_number = (pd.isna(na) and pd.isna(nb)) or (not pd.isna(na) and not pd.isna(nb) and float(na) == float(nb))
    return same_number and a.teken == b.teken and a.kwalificatie == b.kwalificatie


def _entry(row, package: Package, dates: dict) -> dict:
    unit = package.measures.loc[row.maat].eenheid if row.maat in package.measures.index else ""
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


def apply(frame: pd.DataFrame, package: Package) -> pd.DataFrame:
    """One row per figure: the newest publication's, with the older ones in `herzien`."""
    if frame.empty or "bron" not in frame.columns:
        return frame
    n_sources = frame.groupby(KEY, sort=False)["bron"].transform("nunique")
    if not (n_sources > 1).any():
        return frame
    order = {name: i for i, name in enumerate(package.sources)}  # descriptor order
    dates = {name: parse_date(src.get("published")) for name, src in package.sources.items()}
    drop, histories, notes = [], {}, {}
    for _, group in frame[n_sources > 1].groupby(KEY, sort=False):
        precision = min(len(dates.get(b) or ()) for b in group.bron)
        rows = sorted(group.itertuples(), key=lambda r: ((dates.get(r.bron) or ())[:precision], order.get(r.bron, -1), r.Index))
        # Runs of identical values collapse into their newest row: repeating a figure is no revision.
        runs: list = []
        for r in rows:
            if runs and _same_value(runs[-1], r):
                drop.append(runs[-1].Index)
                runs[-1] = r
            else:
                runs.append(r)
        shown, older = runs[-1], runs[:-1][::-1]
        drop += [r.Index for r in older]
        if older:
            histories[shown.Index] = [_entry(r, package, dates) for r in older]
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



def check_order(observations: pd.DataFrame, sources: list) -> list[Problem]:
    """A figure from two publications needs an order: when their `published` dates are the same
    (or both missing), nothing says which is newer, and a different value is an error ('kan niet
    kiezen'). Dates that differ only in precision ('2020' and '2020-11'), or one missing date, keep
    the rule of the module text: the later source in the descriptor wins (a missing date warns).
    The same value from both is no revision and needs no order."""
    if observations.empty or "bron" not in observations.columns:
        return []
    frame = observations[observations.regio_code != ""]
    n_sources = frame.groupby(KEY, sort=False)["bron"].transform("nunique")
    if not (n_sources > 1).any():
        return []
    dates = {s.get("name"): parse_date(s.get("published")) for s in sources or [] if isinstance(s, dict)}
    problems = []
    for key, group in frame[n_sources > 1].groupby(KEY, sort=False):
        rows = list(group.itertuples())
        for i, a in enumerate(rows):
            clash = next((b for b in rows[:i] if b.bron != a.bron and dates.get(b.bron) == dates.get(a.bron)
                          and not _same_value(a, b)), None)
            if clash is None:
                continue
            when = f"publicatiedatum {date_text(dates.get(a.bron))}" if dates.get(a.bron) else "geen publicatiedatum"
            problems.append(Problem(
                a.bestand, int(a.rij), "waarde", "ambiguous-revision",
                f"{a.maat} {a.regio} {a.periode}: {a.waarde or a.teken} (bron '{a.bron}') en {clash.waarde or clash.teken} "
                f"in {clash.bestand.rsplit('/', 1)[-1]} rij {clash.rij} (bron '{clash.bron}') hebben beide {when}: "
                "kan niet kiezen welke nieuwer is"))
            break
    return problems
