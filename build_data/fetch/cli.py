"""scripts/fetch_statline.py: fetch the CBS StatLine tables behind the Veilig Thuis indicators and
the municipalities of each year, check everything, then write both data packages atomically.

    python scripts/fetch_statline.py                               (every table of TABLES)
    python scripts/fetch_statline.py --table 84847NED --dry-run    (fetch and check, write nothing)
    python scripts/fetch_statline.py --base http://127.0.0.1:8000  (a replay or mirror of the service)

Safe: every table is downloaded and converted in memory, checked as a whole (every combination of
the dimensions once, no page failing or short, no nextLink loop, the metadata unchanged during the
download, every region of every period there, every municipality in that year's 'Gebieden in
Nederland'), then validated with build_data.site.build.check_inputs on a temporary copy of
datapackages/. One problem and nothing is written: the problems are printed as one table, with
the server's own message, and the exit code is 1. The same responses and --retrieved give the
same bytes."""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

from ..load.packages import read_regions
from ..model.problems import format_table
from ..site.write import write_atomic
from . import convert, gebieden, keep, package
from .odata import FetchFailed
from .release import statline_blocks
from .tables import BASE, GEBIEDEN_PACKAGE, OTHER_DIVISIONS, PACKAGE, TABLES

ROOT = Path(__file__).resolve().parents[2]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="fetch_statline.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--table", action="append", metavar="TABEL", help=f"StatLine-tabel (herhaalbaar; standaard alle: {', '.join(TABLES)})")
    p.add_argument("--base", default=BASE, help=f"adres waaronder /ODataApi/odata, /ODataFeed/odata en /ODataCatalog staan (standaard {BASE})")
    p.add_argument("--package-dir", type=Path, default=ROOT / "datapackages" / PACKAGE, help=f"map van het datapakket (standaard datapackages/{PACKAGE})")
    p.add_argument("--retrieved", help="ophaaldatum JJJJ-MM-DD in de bronvermelding (standaard: vandaag)")
    p.add_argument("--gemeenten", choices=("getoond", "alle"), default="getoond",
                   help="gemeentecijfers: alleen die een indicator toont (standaard; de rest staat op StatLine) of alle")
    p.add_argument("--dry-run", action="store_true", help="ophalen en controleren, niets schrijven")
    return p


def main(argv=None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    started = time.monotonic()
    retrieved = args.retrieved or datetime.date.today().isoformat()
    try:
        datetime.date.fromisoformat(retrieved)
    except ValueError:
        parser.error(f"--retrieved {retrieved!r} is geen datum JJJJ-MM-DD")
    tables = [t.upper() for t in dict.fromkeys(args.table or TABLES)]
    package_dir = args.package_dir.resolve()
    datapackages = package_dir.parent
    if not (datapackages / "regions" / "data" / "regios.csv").is_file():
        parser.error(f"{datapackages} bevat geen regions-pakket: --package-dir hoort in datapackages/")
    regions = read_regions(datapackages / "regions")

    raws, found = [], []
    for table in tables:
        try:
            raws.append(convert.download(args.base, table))
        except FetchFailed as exc:
            found += exc.problems
    years = set().union(*(convert.years_of(r) for r in raws)) if raws else set()
    with_gm = any(convert.has_municipalities(r) for r in raws)
    gebieden_years, notes = [], []
    if years and with_gm:
        gebieden_years, problems = gebieden.read_all(args.base, years, regions)
        found += problems
        notes = [y["note"] for y in gebieden_years if y["note"]]
    municipalities = gebieden.municipalities(gebieden_years) if with_gm else None
    fetched = []
    for raw in raws:
        try:
            fetched.append(convert.convert(raw, regions, municipalities))
        except FetchFailed as exc:
            found += exc.problems
    if args.gemeenten == "getoond":  # per municipality only what an indicator shows (build_data/fetch/keep.py)
        declared = statline_blocks(ROOT)
        for t in fetched:
            t["rows"], t["gm_dropped"] = keep.municipal_rows(t, declared)
    if found:
        print(format_table(found), file=sys.stderr)
        failed = sorted({p.file.split()[-1].split("/")[0] for p in found})
        print(f"Niets geschreven: {', '.join(failed)} niet volledig of niet te vertalen opgehaald (zie de tabel).", file=sys.stderr)
        return 1
    files = package.statline_files(package_dir, fetched, retrieved)
    if gebieden_years:
        files.update(package.gebieden_files(datapackages / GEBIEDEN_PACKAGE, gebieden_years, retrieved))
    errors = package.check(datapackages, files, ROOT)
    if errors:
        print(format_table(errors), file=sys.stderr)
        print("Niets geschreven: de opgehaalde cijfers komen niet door de validatie (zie de tabel).", file=sys.stderr)
        return 1
    for t in fetched:
        extra = [f"{n} {OTHER_DIVISIONS[k]} ({k}) niet overgenomen" for k, n in sorted(t["skipped_division"].items())]
        if t["municipalities"]:
            extra.append(f"{t['municipalities']} gemeenten")
        if t.get("gm_dropped"):
            extra.append(f"{t['gm_dropped']} gemeentecijfers die geen indicator toont niet bewaard (--gemeenten alle bewaart ze)")
        if t["dropped"]:
            extra.append(f"{t['dropped']} lege cellen weggelaten van regio's die in die periode niet bestonden")
        print(f"{t['table']}: {t['received']} rijen in {t['pages']} pagina('s), {len(t['rows'])} cijfers, "
              f"{len(t['measures'])} maten -> data/{package.resource_name(t['table'])}.csv" + ("; " + "; ".join(extra) if extra else ""))
    for y in gebieden_years:
        print(f"Gebieden in Nederland {y['year']} ({y['table']}): {len(y['rows'])} gemeenten")
    for note in notes:
        print(f"Let op: {note}")
    print(f"Opgehaald in {time.monotonic() - started:.1f} s.")
    shown = package_dir.relative_to(ROOT) if package_dir.is_relative_to(ROOT) else package_dir
    if args.dry_run:
        print(f"Proefdraai: gecontroleerd en in orde, niets geschreven naar {shown}.")
        return 0
    changed = 0
    for path in sorted(files, key=lambda p: (p.name == "datapackage.yaml", str(p))):  # the descriptors last
        if not path.is_file() or path.read_bytes() != files[path]:
            write_atomic(path, files[path])
            changed += 1
    print(f"Geschreven naar {shown}" + (f" en {GEBIEDEN_PACKAGE}" if gebieden_years else "") +
          f": {changed} van {len(files)} bestanden gewijzigd (opgehaald op {retrieved}).")
    return 0
