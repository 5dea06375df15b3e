"""What a StatLine fetch changed: the packages before and after a fetch compared as a Release, for
the pull request the workflow .github/workflows/statline.yml opens and for a draft CHANGELOG.md entry.

    python -m build_data.fetch.release --old DIR --new DIR [--changelog CHANGELOG.md]
                                       [--root .] [--github-output FILE]

DIR holds the packages as datapackages/ does (cbs-statline-veilig-thuis/, cbs-gebieden-in-nederland/;
a package directory itself is accepted too); the old one may be empty or absent (a first fetch). The
Markdown for the pull request goes to stdout; --changelog adds the draft entry to [Unreleased] of
that file; --github-output appends `changed=true|false` (nothing to propose: no pull request).

Compared cell by cell (table, regio, periode, maat, categorie, groep): a revision is any change of
value or symbol (64425* -> 64505, 64425* -> 64425, '.' -> 15), largest absolute change first.
Pure: reads the two directories and the declarations under --root, writes only what it is asked to."""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from ..load.content import Content
from ..model import periods
from .release_notes import Release, Revision, add_to_changelog, as_number, markdown, order

STATLINE = "cbs-statline-veilig-thuis"
GEBIEDEN = "cbs-gebieden-in-nederland"


# ---------------------------------------------------------------------------------------------
# reading


def _package(base: Path | None, name: str, marker: str) -> Path | None:
    if base is None:
        return None
    for candidate in (base / name, base, base.parent / name):  # datapackages/, a package, its sibling
        if (candidate / "data" / marker).is_file():
            return candidate
    return None


def _rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _sources(package: Path | None) -> dict[str, dict]:
    path = package / "datapackage.yaml" if package else None
    if not path or not path.is_file():
        return {}
    descriptor = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(s.get("name", "")): s for s in descriptor.get("sources", []) or [] if isinstance(s, dict)}


def _tables(package: Path | None) -> dict[str, Path]:
    if package is None:
        return {}
    return {p.stem.removeprefix("statline_").upper(): p for p in sorted((package / "data").glob("statline_*.csv"))}


COLUMNS = ("regio", "periode", "maat", "categorie", "groep", "waarde", "teken")


def _read(path: Path | None):
    """A table's rows as tuples in COLUMNS order (a missing column empty), repeated strings shared."""
    if path is None:
        return
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = [c.strip() for c in next(reader, [])]
        if tuple(header) == COLUMNS:  # as the fetcher writes it
            yield from (tuple(map(sys.intern, r)) for r in reader if r)
            return
        where = [header.index(c) if c in header else None for c in COLUMNS]
        for r in reader:
            if r:
                yield tuple(sys.intern(r[i].strip()) if i is not None and i < len(r) else "" for i in where)


def _size(old: tuple[str, str], new: tuple[str, str]) -> float:
    a, b = as_number(old[0]), as_number(new[0])
    if a is not None and b is not None:
        return abs(b - a)
    return abs(a if a is not None else b if b is not None else 0.0)


def _same(old: tuple[str, str], new: tuple[str, str]) -> bool:
    if old[1] != new[1]:
        return False
    a, b = as_number(old[0]), as_number(new[0])
    return old[0] == new[0] or (a is not None and a == b)


def _division(package: Path | None) -> dict[str, dict[str, tuple[str, str]]]:
    """Package 2 per year: municipality -> (name, VT region)."""
    years: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for r in _rows(package / "data" / "gemeenten.csv") if package else []:
        years[r["jaar"]][r["gemeente"]] = (r.get("naam", ""), r.get("veilig_thuis_regio", ""))
    return years


def _compare_division(old: dict, new: dict, first: bool) -> list[tuple[str, str, str]]:
    """Per year of package 2: municipalities added, gone or moved to another VT region, against the
    same year before the fetch (a correction) or, for a year the fetch added, the year before it."""
    out = []
    years = sorted(new, key=int)
    for year in years:
        if year in old:
            before = old[year]
        elif first:
            continue
        else:
            earlier = [y for y in years if int(y) < int(year)]
            before = new[earlier[-1]] if earlier else {}
            out.append((year, "jaar", f"nieuw jaar, {len(new[year])} gemeenten"))
        now = new[year]
        for gm in sorted(set(now) - set(before)):
            out.append((year, "nieuw", f"{gm} {now[gm][0]} ({now[gm][1] or 'geen VT-regio'})"))
        for gm in sorted(set(before) - set(now)):
            out.append((year, "weg", f"{gm} {before[gm][0]}"))
        for gm in sorted(set(before) & set(now)):
            if before[gm][1] != now[gm][1]:
                out.append((year, "verhuisd", f"{gm} {now[gm][0]}: {before[gm][1] or '–'} → {now[gm][1] or '–'}"))
            elif before[gm][0] != now[gm][0]:
                out.append((year, "naam", f"{gm}: {before[gm][0]} → {now[gm][0]}"))
    if first and years:
        sizes = sorted(len(gms) for gms in new.values())
        out.append((f"{years[0]}–{years[-1]}" if len(years) > 1 else years[0], "jaar",
                    f"{len(years)} jaar, {sizes[0]}{f'–{sizes[-1]}' if sizes[-1] != sizes[0] else ''} gemeenten per jaar"))
    return out + [(year, "jaar", "niet meer in het pakket") for year in sorted(set(old) - set(new), key=int)]


def _norm(text) -> str:
    return " ".join(str(text).split()).casefold()


def statline_blocks(root: Path) -> list[dict]:
    """The `statline:` blocks of the declarations under root (build_data/indicators); a file without
    one, or one that does not parse, is skipped (make validate reports it)."""
    blocks = []
    for path in sorted(Content(root).indicators.rglob("*.yml")):
        try:
            decl = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        block = decl.get("statline") if isinstance(decl, dict) else None
        blocks += [b for b in (block if isinstance(block, list) else [block]) if isinstance(b, dict)]
    return blocks


def unmapped(measures: dict[str, dict], blocks: list[dict]) -> list[str]:
    """The measures (maten.csv rows) that no `statline:` block names by title, key or maat."""
    wanted: set[tuple[str, str]] = set()
    for block in blocks:
        table = str(block.get("tabel", "")).upper()
        for key, value in block.items():
            if key in ("maat", "maten", "teller", "noemer"):
                wanted |= {(table, _norm(v)) for v in (value if isinstance(value, list) else [value]) if v}
    out = []
    for maat, row in measures.items():
        table = (row.get("tabel") or maat.partition(".")[0]).upper()
        names = {_norm(row.get(k, "")) for k in ("naam", "titel", "statline_key")} | {_norm(maat)}
        if not any((t in ("", table)) and n in names for t, n in wanted):
            out.append(maat)
    return out


def _region_names(root: Path | None) -> dict[str, str]:
    return {r["code"]: r["naam"] for r in _rows(root / "datapackages" / "regions" / "data" / "regios.csv")} if root else {}


def compare(old_dir: Path | None, new_dir: Path, root: Path | None = None) -> Release:
    """The Release from the packages in old_dir (None or absent: a first fetch) to those in new_dir;
    root is where the declarations (and datapackages/regions, for names) are read."""
    old, new = _package(old_dir, STATLINE, "maten.csv"), _package(new_dir, STATLINE, "maten.csv")
    if new is None:
        raise FileNotFoundError(f"geen StatLine-pakket ({STATLINE}/data/maten.csv) in {new_dir}")
    rel = Release(first=old is None, names=_region_names(root))
    old_sources, new_sources = _sources(old), _sources(new)
    rel.retrieved = max((str(s.get("retrieved", "")) for s in new_sources.values()), default="")
    old_maten = {r["maat"]: r for r in _rows(old / "data" / "maten.csv")} if old else {}
    new_maten = {r["maat"]: r for r in _rows(new / "data" / "maten.csv")}
    rel.measures = {**old_maten, **new_maten}
    for package in (old, new):  # names of categories, the newest last
        rel.categories.update({(r["maat"], r["categorie"]): r.get("naam", "") for r in
                               _rows(package / "data" / "categorieen.csv")} if package else {})
    if not rel.first:
        rel.measures_new = sorted(set(new_maten) - set(old_maten))
        rel.measures_gone = sorted(set(old_maten) - set(new_maten))
    rel.unmapped = unmapped(new_maten, statline_blocks(root) if root else [])

    old_tables, new_tables = _tables(old), _tables(new)
    rel.tables_new = sorted(set(new_tables) - set(old_tables)) if not rel.first else []
    rel.tables_gone = sorted(set(old_tables) - set(new_tables))
    regions_old: set[str] = set()
    regions_new: set[str] = set()
    seen: dict[tuple[str, str], tuple[set[str], set[str]]] = {}  # (new period, previous): areas in, out
    revisions = []
    for table in sorted(set(old_tables) | set(new_tables)):
        src = new_sources.get(f"statline-{table.lower()}") or old_sources.get(f"statline-{table.lower()}") or {}
        rel.tables[table] = str(src.get("title", "")).partition(": ")[2] or table
        a, b = old_sources.get(f"statline-{table.lower()}", {}), new_sources.get(f"statline-{table.lower()}", {})
        if old and a and b and str(a.get("published", "")) != str(b.get("published", "")):
            rel.published[table] = (str(a.get("published", "")), str(b.get("published", "")))
        before = {r[:5]: r[5:] for r in _read(old_tables.get(table))}  # (regio, ..., groep) -> (waarde, teken)
        p_old = {k[1] for k in before}
        regions_old |= {k[0] for k in before}
        by_period: dict[str, set[str]] = defaultdict(set)
        fresh: Counter[str] = Counter()  # new cells per period
        for row in _read(new_tables.get(table)):
            key, value = row[:5], row[5:]
            by_period[key[1]].add(key[0])
            was = before.pop(key, None)
            if was is None:
                fresh[key[1]] += 1
            elif was != value and not _same(was, value):
                revisions.append(Revision(_size(was, value), table, key[2], key[0], key[1], key[3], key[4], was, value))
        regions_new |= {code for codes in by_period.values() for code in codes}
        if added := sorted(set(by_period) - p_old, key=periods.sort_key):
            rel.periods_new[table] = added
        if gone := sorted(p_old - set(by_period), key=periods.sort_key):
            rel.periods_gone[table] = gone
        rel.cells_added += sum(n for period, n in fresh.items() if period not in added)
        rel.cells_gone += sum(1 for key in before if key[1] not in gone)  # left over: not in the new table
        if not rel.first:
            for period in added:
                same_kind = sorted((p for p in by_period if periods.is_half_year(p) == periods.is_half_year(period)
                                    and periods.sort_key(p) < periods.sort_key(period)), key=periods.sort_key)
                if same_kind:
                    ins, outs = seen.setdefault((period, same_kind[-1]), (set(), set()))
                    ins |= by_period[period] - by_period[same_kind[-1]]
                    outs |= by_period[same_kind[-1]] - by_period[period]
    rel.revisions = sorted(revisions, key=order)
    rel.regions = sorted(regions_new)
    if not rel.first:
        rel.regions_new, rel.regions_gone = sorted(regions_new - regions_old), sorted(regions_old - regions_new)
    rel.period_regions = [(p, prev, sorted(i), sorted(o)) for (p, prev), (i, o) in
                          sorted(seen.items(), key=lambda kv: periods.sort_key(kv[0][0])) if i or o]
    g_old, g_new = _package(old_dir, GEBIEDEN, "gemeenten.csv"), _package(new_dir, GEBIEDEN, "gemeenten.csv")
    division = _division(g_new)
    rel.division = _compare_division(_division(g_old), division, g_old is None)
    for year in sorted(division, key=int):  # a municipality's name as in the newest year
        rel.names.update({gm: naam for gm, (naam, _) in division[year].items() if naam})
    return rel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_data.fetch.release", description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", type=Path, help="the packages before the fetch (absent or empty: a first fetch)")
    parser.add_argument("--new", type=Path, required=True, help="the packages after the fetch (e.g. datapackages)")
    parser.add_argument("--changelog", type=Path, help="add the draft entry to [Unreleased] of this file")
    parser.add_argument("--root", type=Path, default=Path("."), help="the build root with build_data/indicators")
    parser.add_argument("--github-output", type=Path, help="append changed=true|false to this file")
    args = parser.parse_args(argv)
    try:
        rel = compare(args.old, args.new, args.root)
    except FileNotFoundError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(markdown(rel))
    if args.changelog and rel.changed:
        text = args.changelog.read_text(encoding="utf-8") if args.changelog.exists() else "# Changelog\n"
        args.changelog.write_text(add_to_changelog(text, rel), encoding="utf-8")
    if args.github_output:
        with args.github_output.open("a", encoding="utf-8") as f:
            f.write(f"changed={'true' if rel.changed else 'false'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
