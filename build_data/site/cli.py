"""Command line: `python -m build_data validate | site | pages --out DIR | serve`."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import traceback
from pathlib import Path

from .. import ROOT
from ..model.problems import ValidationFailed, format_table
from .build import validate


def cmd_validate(root: Path) -> int:
    start = time.perf_counter()
    catalog, indicators, problems = validate(root)
    errors = [p for p in problems if p.severity == "error"]
    if problems:
        print(format_table(problems), file=sys.stderr if errors else sys.stdout)
    n_obs = sum(len(p.observations) for p in catalog.packages.values())
    print(f"{len(catalog.packages)} datapakketten, {n_obs} cijfers, {len(indicators)} indicatoren gecontroleerd "
          f"in {time.perf_counter() - start:.1f} s: {'FOUT' if errors else 'in orde'}")
    return 1 if errors else 0


def cmd_site(root: Path) -> int:
    import logging

    from .publish import build_site

    handler = logging.StreamHandler(sys.stderr)  # show MkDocs' warnings (strict mode stops on them)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    start = time.perf_counter()
    try:
        zip_path = build_site(root)
    except ValidationFailed as exc:
        print(format_table(exc.problems), file=sys.stderr)
        print("De site is niet gebouwd; site/ en dist/ zijn ongewijzigd.", file=sys.stderr)
        return 1
    except Exception as exc:  # after validation: MkDocs in strict mode, writing the zip, a full disk, a bug
        from mkdocs.exceptions import MkDocsException

        if not isinstance(exc, MkDocsException):  # MkDocs has said what is wrong; anything else shows where
            traceback.print_exc(file=sys.stderr)
        print(f"De site is niet gebouwd: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("Zie de meldingen hierboven; site/ en dist/ zijn ongewijzigd.", file=sys.stderr)
        return 1
    finally:
        logger.removeHandler(handler)  # once per run, also when called again in one process
    print(f"Site gebouwd in {time.perf_counter() - start:.1f} s: {root / 'site'}; offline-zip: {zip_path}")
    return 0


def cmd_pages(root: Path, out: Path) -> int:
    """Every generated page as plain Markdown (lift marks removed) and every generated file, with
    the generated navigation (nav.yml), written atomically into `out`: what another engine than
    MkDocs needs besides docs/ and mkdocs.yml."""
    from .pages_out import write_pages

    try:
        n_pages, n_files = write_pages(root, out)
    except ValidationFailed as exc:
        print(format_table(exc.problems), file=sys.stderr)
        print(f"Er is niets geschreven naar {out}.", file=sys.stderr)
        return 1
    print(f"{n_pages} pagina's en {n_files} bestanden geschreven naar {out}")
    return 0


def cmd_serve(root: Path, addr: str) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "-a", addr, "-w", "datapackages", "-w", "build_data"], cwd=root, env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hgkm", description="Bouw de Impactmonitor-site uit de datapakketten.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("validate", help="controleer datapakketten en indicatordeclaraties")
    sub.add_parser("site", help="valideer, bouw site/ en dist/<zip> (atomair)")
    pages = sub.add_parser("pages", help="schrijf de gegenereerde pagina's en bestanden naar een map (voor een andere bouwer)")
    pages.add_argument("--out", type=Path, required=True)
    serve = sub.add_parser("serve", help="bekijk de site lokaal; herbouwt bij wijzigingen in de data")
    serve.add_argument("--addr", default="127.0.0.1:8000")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    if args.cmd == "validate":
        return cmd_validate(args.root)
    if args.cmd == "site":
        return cmd_site(args.root)
    if args.cmd == "pages":
        return cmd_pages(args.root, args.out)
    return cmd_serve(args.root, args.addr)


if __name__ == "__main__":
    sys.exit(main())
