"""The project's own rules for the rows of a data package, beyond what frictionless checks:
regions known and valid in the period, periods well-formed, CBS symbols consistent with values,
measures and categories declared, rounding as the source rounds, sums and parts consistent with
published totals, and an order for every figure published more than once."""

from __future__ import annotations

import math
import re

import pandas as pd

from ..model import periods, symbols
from ..model.dates import date_text, parse_date
from ..model.formatting import QUALIFIERS
from ..model.frames import tuples
from ..model.problems import Problem
from ..model.regions import NATIONAL, Regions
from .files import number, suggest

KEY = ["regio_code", "periode", "maat", "categorie", "groep"]
GM_CODE = re.compile(r"^GM\d{4}$")


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


def same_value(a, b) -> bool:
    na, nb = a.waarde_num, b.waarde_num
    same_number = (pd.isna(na) and pd.isna(nb)) or (not pd.isna(na) and not pd.isna(nb) and float(na) == float(nb))
    return same_number and a.teken == b.teken and a.kwalificatie == b.kwalificatie


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
                          and not same_value(a, b)), None)
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


SYMBOLS = set(symbols.SYMBOLS)  # '', '*', '**', '.', 'x', '–', 'blank' (build_data.model.symbols)


VALUE_SYMBOLS = symbols.VALUE  # a value is present


MISSING_SYMBOLS = symbols.MISSING  # no value; '–' is nil (zero), 'blank' cannot occur


def _hint(name: str, regions: Regions) -> str:
    """Why a region name is unknown (a municipality code: not in the package of municipalities)."""
    if GM_CODE.match(name):
        return ": deze gemeentecode staat in geen enkel jaar van cbs-gebieden-in-nederland"
    return suggest(name, list(regions.aliases) + [x.naam for x in regions.by_code.values()])


def _no_municipalities(file: str, rows: list[int], codes: set[str]) -> Problem:
    """Municipal rows without the package of municipalities: one slip (the package is missing),
    one problem, at the first such row."""
    return Problem(file, rows[0], "regio", "unknown-region",
                   f"regio {min(codes)!r} is onbekend: {len(rows)} rijen met {len(codes)} gemeentecodes (GM), maar "
                   "gemeenten kent de build alleen uit het pakket datapackages/cbs-gebieden-in-nederland (gemeenten "
                   "per jaar met hun Veilig Thuis-regio), en dat ontbreekt: haal het op met de StatLine-fetcher")


def check_rows(df, file, regions: Regions, measures, known_categories, skip_rows=frozenset(), bad_cells=frozenset()) -> list[Problem]:
    """The project's own rules, row by row. `measures` or `known_categories` is None when their
    table could not be read (reported there). A cell frictionless rejected is not checked again,
    nor is a row it found blank, ragged or cut off."""
    problems = []
    codes, values = [], []
    bad_by_row: dict[int, set] = {}
    for (i, f) in bad_cells:
        bad_by_row.setdefault(i, set()).add(f)
    # per measure (unit, rounding step) and per distinct region name and period their answers,
    # looked up once: the rules below run for every row of every package
    blank = [""] * (0 if measures is None else len(measures))
    units = {} if measures is None else {  # a column maten.csv lacks is reported there
        m: (u, number(a) if a else None)
        for m, u, a in zip(measures.index, measures.get("eenheid", blank), measures.get("afronding", blank))}
    resolved: dict[str, str | None] = {}
    valid_in: dict[tuple[str, str], bool] = {}
    has_municipalities, gm_rows, gm_codes = bool(regions.municipalities()), [], set()
    for r in tuples(df):
        row = r.rij
        if row in skip_rows:
            codes.append("")
            values.append(None)
            continue
        bad = bad_by_row.get(row, frozenset())
        if r.regio not in resolved:
            resolved[r.regio] = regions.resolve(r.regio)
        code = resolved[r.regio]
        if code is None and "regio" not in bad and not has_municipalities and GM_CODE.match(r.regio):
            gm_rows.append(row)
            gm_codes.add(r.regio)
        elif code is None and "regio" not in bad and r.regio not in regions.aliases:  # a broken alias is reported in regionamen.csv
            problems.append(Problem(file, row, "regio", "unknown-region", f"regio {r.regio!r} is onbekend{_hint(r.regio, regions)}"))
        ok_period = periods.is_valid(r.periode)
        if not ok_period and "periode" not in bad:
            problems.append(Problem(file, row, "periode", "invalid-period", f"periode {r.periode!r} heeft niet de vorm 2019-H2, 2019 of 2016-2020"))
        if code and ok_period:
            if (code, r.periode) not in valid_in:
                valid_in[code, r.periode] = regions.by_code[code].valid_in(r.periode)
            if not valid_in[code, r.periode]:
                problems.append(Problem(file, row, "regio", "region-not-valid", f"regio {r.regio!r} ({code}) bestaat niet in {r.periode}"))
        if r.kwalificatie not in ("",) + QUALIFIERS and "kwalificatie" not in bad:
            problems.append(Problem(file, row, "kwalificatie", "invalid-qualifier",
                                    f"kwalificatie {r.kwalificatie!r} is niet een van: {', '.join(QUALIFIERS)}"))
        if r.teken not in SYMBOLS and "teken" not in bad:
            problems.append(Problem(file, row, "teken", "invalid-symbol", f"teken {r.teken!r} is geen CBS-teken"))
        value = number(r.waarde) if r.waarde != "" and "waarde" not in bad else None
        if r.waarde != "" and value is not None and r.teken in MISSING_SYMBOLS:
            problems.append(Problem(file, row, "waarde", "value-symbol-mismatch", f"waarde {r.waarde} staat naast teken {r.teken!r}"))
        if r.waarde == "" and r.teken in VALUE_SYMBOLS and not bad & {"waarde", "teken"}:
            problems.append(Problem(file, row, "waarde", "value-symbol-mismatch",
                                    "waarde ontbreekt zonder CBS-teken: gebruik . (onbekend), x (geheim) of – (nihil)"))
        if measures is None or "maat" in bad:
            pass
        elif r.maat not in units:
            problems.append(Problem(file, row, "maat", "unknown-measure", f"maat {r.maat!r} staat niet in maten.csv{suggest(r.maat, measures.index)}"))
        elif value is not None:
            unit, step = units[r.maat]
            if unit == "procent" and not 0 <= value <= 100:
                problems.append(Problem(file, row, "waarde", "percentage-out-of-range", f"percentage {r.waarde} ligt niet tussen 0 en 100"))
            elif value < 0 and unit == "aantal" and "verandering" not in r.maat:
                problems.append(Problem(file, row, "waarde", "negative-count",
                                        f"waarde {r.waarde} is negatief, maar maat {r.maat!r} is een aantal"))
            if step and value % step != 0:
                problems.append(Problem(file, row, "waarde", "not-rounded", f"{r.waarde} is geen veelvoud van {int(step)}, terwijl de bron op {int(step)} afrondt"))
        for col in ("categorie", "groep"):
            label = getattr(r, col)
            if label and known_categories is not None and (r.maat, label) not in known_categories and not bad & {col, "maat"}:
                options = [c for (m_, c) in known_categories if m_ == r.maat]
                problems.append(Problem(file, row, col, "unknown-category",
                                        f"{col} {label!r} van maat {r.maat!r} staat niet in categorieen.csv{suggest(label, options)}"))
        if not r.vindplaats and "vindplaats" not in bad:
            problems.append(Problem(file, row, "vindplaats", "missing-citation", "geen vindplaats (tabel of figuur) in de publicatie"))
        codes.append(code or "")
        values.append(value)
    df["regio_code"] = codes
    df["waarde_num"] = values
    if gm_rows:
        problems.append(_no_municipalities(file, gm_rows, gm_codes))
    return problems


def check_resource(res: dict, df: pd.DataFrame, file: str) -> list[Problem]:
    problems = []
    parts = []
    for check in res.get("checks", []):
        kind = check.get("type")
        if kind == "part-of-whole":
            found = _check_part(df, file, check["part"], check["whole"])
            problems += found
            if found:
                parts += [check["part"], check["whole"]]
        elif kind not in ("sum-of-regions", "percentages-at-most-100"):  # every row is checked against its unit already
            problems.append(Problem(file, None, None, "unknown-check", f"controle {kind!r} bestaat niet"))
    for check in res.get("checks", []):
        if check.get("type") == "sum-of-regions":
            # a part larger than its whole is the precise finding; its sum would repeat it
            problems += _check_sum(df[~df.maat.isin(parts)], file, check.get("total", NATIONAL))
    return problems


def _check_sum(df: pd.DataFrame, file: str, total_code: str) -> list[Problem]:
    """The regions of one measure and period add up to the published total, within rounding.

    The source rounds every count to a multiple of 5 on its own, so each printed count is off by
    at most 2 from the true count; the sum of n printed parts may differ from the printed total
    by at most 2 * (n + 1). A transcription slip of a digit usually exceeds that."""
    problems = []
    keys = ["periode", "maat", "categorie", "groep"]
    for (period, maat, _cat, _group), group in df.groupby(keys):
        totals = group[group.regio_code == total_code]
        parts = group[(group.regio_code != total_code) & (group.regio_code != "")]
        if totals.empty or parts.empty or totals.waarde_num.isna().all():
            continue
        if parts.teken.isin(list(symbols.SUPPRESSED)).any():
            continue  # a suppressed part: the sum cannot be checked (and is never derived)
        total = totals.waarde_num.iloc[0]
        s = parts.waarde_num.fillna(0).sum()
        tolerance = 2 * (len(parts) + 1)
        if abs(s - total) > tolerance:
            row = int(totals.rij.iloc[0])
            problems.append(Problem(file, row, "waarde", "sum-mismatch",
                                    f"{maat} {period}: de {len(parts)} regio's tellen op tot {s:.0f}, het totaal is {total:.0f} "
                                    f"(verschil {s - total:+.0f}, afronding verklaart hooguit {tolerance})"))
    return problems


def _check_part(df: pd.DataFrame, file: str, part: str, whole: str) -> list[Problem]:
    problems = []
    cols = ["regio_code", "periode"]
    p = df[df.maat == part].drop_duplicates(cols)
    w = df[df.maat == whole].drop_duplicates(cols)[cols + ["waarde_num"]]
    both = p.merge(w, on=cols, suffixes=("", "_geheel"))
    pv, wv = pd.to_numeric(both.waarde_num), pd.to_numeric(both.waarde_num_geheel)
    for r, a, b in zip(both.itertuples(index=False), pv, wv):
        if not (math.isnan(a) or math.isnan(b)) and a > b:
            problems.append(Problem(file, int(r.rij), "waarde", "part-exceeds-whole",
                                    f"{part} ({a:.0f}) is groter dan {whole} ({b:.0f}) voor {r.regio} {r.periode}"))
    return problems
