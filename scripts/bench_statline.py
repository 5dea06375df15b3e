"""The StatLine part of `make bench`: the site with a StatLine package in the real shape.

The package is made the way the workflow makes it: the replay of the CBS services
(tests/replay/statline.py: every Veilig Thuis table of build_data/fetch/tables.py, 2019-H1 to
2025-H1 with the years, Nederland, the Veilig Thuis regions of each period's division and 342
municipalities, in the recorded shapes; values generated at run time) is fetched with
scripts/fetch_statline.py into a copy of the repository in a temporary folder (never into
datapackages/). Then measured: the fetch, the size of both packages (what git would hold), what
is kept per municipality, `python -m build_data --root <copy> site` (CPU time, the budget) and the
first visit to the heaviest indicator page (every response gzip-compressed, as bench.page_weight)."""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from replay.server import serve as serve_replay  # noqa: E402
from replay.statline import Release  # noqa: E402
from roots import copy_root  # noqa: E402

PACKAGES = ("cbs-statline-veilig-thuis", "cbs-gebieden-in-nederland")
MUNICIPALITIES = 342  # the Netherlands in 2024; the replay's recorded 16 and synthetic ones
UNTIL = "2025-H1"


def copy_repository(dest: Path) -> Path:
    """A build root like the repository, with the publications' packages (tests/roots.py)."""
    return copy_root(dest)


def package_figures(root: Path) -> dict:
    """Size of both packages (raw and gzip, per file) and what they keep per municipality."""
    files = []
    for name in PACKAGES:
        for path in sorted((root / "datapackages" / name).rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                files.append({"pad": str(path.relative_to(root)), "bytes": len(data), "gzip": len(gzip.compress(data, 9))})
    rows = municipal = 0
    codes: set[str] = set()
    for path in (root / "datapackages" / PACKAGES[0] / "data").glob("statline_*.csv"):
        with path.open(encoding="utf-8") as f:
            next(f)
            for line in f:
                rows += 1
                if line.startswith("GM"):
                    municipal += 1
                    codes.add(line.split(",", 1)[0])
    return {"bestanden": files, "bytes": sum(f["bytes"] for f in files), "gzip": sum(f["gzip"] for f in files),
            "cijfers": rows, "gemeentecijfers": municipal, "gemeenten": len(codes)}


def bench_statline(runs: int, tmp: Path, timed, stats, page_weight, browser_factory, municipality_weight=None) -> dict:
    root = copy_repository(tmp / "statline-root")
    release = Release(UNTIL, extra_municipalities=MUNICIPALITIES - 16)
    with serve_replay(release) as base:
        start = time.perf_counter()
        wall, cpu = timed([sys.executable, str(ROOT / "scripts" / "fetch_statline.py"), "--base", base,
                           "--package-dir", str(root / "datapackages" / PACKAGES[0]),
                           "--retrieved", dt.date.today().isoformat()], ROOT)
        fetch_wall = time.perf_counter() - start
    out = {"ophalen": {"wand": fetch_wall, "cpu": cpu}, "pakket": package_figures(root)}
    times = [timed([sys.executable, "-m", "build_data", "--root", str(root), "site"], ROOT) for _ in range(runs)]
    out["site_wand"], out["site_cpu"] = stats([w for w, _ in times]), stats([c for _, c in times])
    site = root / "site"
    pages = sorted((site / "indicatoren").glob("*.html"), key=lambda p: p.stat().st_size, reverse=True)
    out["pagina_html"] = {"pad": f"indicatoren/{pages[0].name}", "bytes": pages[0].stat().st_size,
                          "gzip": len(gzip.compress(pages[0].read_bytes(), 9))}
    pw, browser = browser_factory()
    try:
        out["gewicht"] = page_weight(browser, site, f"indicatoren/{pages[0].name}", f"indicatoren/{pages[1].name}")
        if municipality_weight:
            out["gemeente"] = municipality_weight(browser, site, f"indicatoren/{pages[0].name}")
    finally:
        browser.close()
        pw.stop()
    shutil.rmtree(root)
    return out


def _n(x: float) -> str:
    """64425 -> '64 425' (Dutch: a space between thousands)."""
    return f"{x:,.0f}".replace(",", "\u00a0")


def report(s: dict, fmt_s, kb) -> list[str]:
    p = s["pakket"]
    per = p["gemeentecijfers"] / p["gemeenten"] if p["gemeenten"] else 0
    L = ["## Met het StatLine-pakket (synthetisch, in de echte vorm)\n",
         "Zoals de workflow het maakt: de replay van de CBS-diensten (`tests/replay/statline.py`, de opgenomen vormen van "
         "ODataApi en ODataFeed) met alle Veilig Thuis-tabellen, 1e halfjaar 2019 t/m 1e halfjaar 2025 met de jaren, "
         f"Nederland, de Veilig Thuis-regio's van elke indeling en {MUNICIPALITIES} gemeenten (waarden bij elke run "
         "gegenereerd), opgehaald met `scripts/fetch_statline.py --base` in een kopie van de repository in een tijdelijke map; "
         "daarna `python -m build_data --root <kopie> site`.\n",
         f"- Ophalen en valideren: {s['ophalen']['wand']:.1f} s (wand), {s['ophalen']['cpu']:.1f} s CPU",
         f"- Pakketten (wat git zou bewaren): {p['bytes'] / 1e6:.1f} MB in {len(p['bestanden'])} bestanden, gzip {p['gzip'] / 1e6:.1f} MB; "
         f"{_n(p['cijfers'])} cijfers, waarvan {_n(p['gemeentecijfers'])} van {p['gemeenten']} gemeenten "
         f"({_n(per)} per gemeente: de onderwerpen en categorieën die een indicator toont, in elke periode; "
         "`--gemeenten getoond`, build_data/fetch/keep.py)",
         f"- `site` bouwen: CPU {fmt_s(s['site_cpu'])}, wand {fmt_s(s['site_wand'])}",
         f"- Zwaarste indicatorpagina `{s['pagina_html']['pad']}`: HTML {kb(s['pagina_html']['bytes'])}, gzip {kb(s['pagina_html']['gzip'])}; "
         f"eerste bezoek (alles, gzip) {kb(s['gewicht']['eerste_gzip'])}, daarna `{s['gewicht']['tweede_pagina']}` "
         f"{kb(s['gewicht']['tweede_gzip'])}",
         "",
         "| bestand | bytes | gzip |", "|---|---|---|"]
    L += [f"| `{f['pad']}` | {_n(f['bytes'])} | {_n(f['gzip'])} |" for f in p["bestanden"]]
    L += ["", "Het eerste bezoek aan de zwaarste indicatorpagina, per bestand (de grootste eerst):", "",
          "| bestand | bytes | gzip |", "|---|---|---|"]
    L += [f"| `{f['pad']}` | {_n(f['bytes'])} | {_n(f['gzip'])} |"
          for f in sorted(s["gewicht"]["eerste"], key=lambda f: -f["gzip"])]
    L.append("")
    L += municipality_report(s.get("gemeente"), kb)
    return L


def municipality_report(g: dict | None, kb) -> list[str]:
    """What choosing one municipality loaded after a first visit (bench.municipality_weight)."""
    if not g:
        return []
    L = [f"Daarna op `{g['pagina']}` de gemeente `{g['gemeente']}` gekozen: haar cijfers {kb(g['data_gzip'])} gzip "
         f"(de delen met de rijen van ongeveer 20 gemeenten per reeks), en de eerste keer in een bezoek de Vega-runtime "
         f"({kb(g['runtime_gzip'])} gzip; die is er al als de lezer eerder een grafiek aanwees):", "",
         "| bestand | bytes | gzip |", "|---|---|---|"]
    L += [f"| `{f['pad']}` | {_n(f['bytes'])} | {_n(f['gzip'])} |" for f in sorted(g["bestanden"], key=lambda f: -f["gzip"])]
    L.append("")
    return L
