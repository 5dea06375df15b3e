"""Benchmark: how fast the site builds and loads, and how that grows with the data (`make bench`).

Measures, several runs each (median and spread = min..max):
- `make site` on the bundled data, cold (build_data's __pycache__ removed, fresh process) and warm;
- the build of synthetic data (scripts/synthetic.py, generated in a temporary folder) at 1x, 4x
  and 16x: time, site size and files, and how they grow;
- the `make serve` rebuild after one CSV cell changed (in-process, as mkdocs serve does it:
  cached_build sees the change, then one MkDocs build);
- the bytes of a first visit to the heaviest indicator page and of a second indicator page, every
  response gzip-compressed (level 9) and summed, as headless Chromium requested them over http;
- the time to the first drawn chart (navigation start -> first chart marked drawn, performance.now())
  over http and over file://;
- alternatives on the same page: Vega-Lite compiled in the browser vs the precompiled Vega; the
  chart data inline vs in a per-page data script;
- the site with a StatLine package in the real shape (scripts/bench_statline.py: fetched from the
  replay of the CBS services with every table, 2019-H1 to 2025-H1, 342 municipalities): package
  size, what is kept per municipality, build CPU time and the first visit to the heaviest page.

Writes BENCHMARKS.md and exits 1 when a budget is missed (marked with a cross there)."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import html
import http.server
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import bench_statline  # noqa: E402
import synthetic  # noqa: E402

PY = sys.executable
CHROMIUM = "/usr/bin/chromium"
GZIP_LEVEL = 9

# name -> (limit, unit, what is measured)
BUDGETS = {
    "site": (15.0, "s", "standaardsite bouwen (make site, warm, mediaan CPU-tijd)"),
    "synthetisch_16x": (120.0, "s", "synthetische 16x-site bouwen (mediaan CPU-tijd)"),
    "eerste_bezoek": (140_000, "B", "eerste bezoek zwaarste indicatorpagina, alles gzip"),
    "volgende_pagina": (40_000, "B", "volgende indicatorpagina, gzip (assets in cache)"),
    "eerste_cijfer_file": (150.0, "ms", "eerste cijfer zichtbaar via file:// (mediaan)"),
    "eerste_cijfer_http": (150.0, "ms", "eerste cijfer zichtbaar via http (mediaan)"),
    "statline_site": (90.0, "s", "site met StatLine-pakket bouwen (alle tabellen, 2019-H1–2025-H1, 342 gemeenten; mediaan CPU-tijd)"),
    "statline_eerste_bezoek": (160_000, "B", "met StatLine-pakket: eerste bezoek zwaarste indicatorpagina, alles gzip"),
    "statline_gemeente": (20_000, "B", "met StatLine-pakket: daarna één gemeente kiezen, haar cijfers (gzip; de Vega-runtime apart)"),
    "synthetisch_16x_eerste_bezoek": (160_000, "B", "synthetisch 16x (342 gemeenten): eerste bezoek zwaarste indicatorpagina, alles gzip"),
    "synthetisch_16x_gemeente": (20_000, "B", "synthetisch 16x: daarna één gemeente kiezen, haar cijfers (gzip; de Vega-runtime apart)"),
}


def check_budgets(figures: dict[str, float]) -> list[dict]:
    """Per budget: the figure, the limit and whether it is met (a missing figure is not met)."""
    out = []
    for name, (limit, unit, what) in BUDGETS.items():
        value = figures.get(name)
        out.append({"naam": name, "wat": what, "waarde": value, "grens": limit, "eenheid": unit,
                    "ok": value is not None and value <= limit})
    return out


# ---------------------------------------------------------------- helpers

def stats(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def fmt_s(st: dict, unit: str = "s", digits: int = 1) -> str:
    return f"{st['median']:.{digits}f} {unit} ({st['min']:.{digits}f}–{st['max']:.{digits}f}, n={st['n']})"


def kb(n: float) -> str:
    return f"{n / 1000:.1f} kB"


def timed(cmd: list[str], cwd: Path, env=None) -> tuple[float, float]:
    """(wall, cpu) seconds of a command and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def tree_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), 0)
    try:
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        chromium = "niet gevonden"
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem / 1024 / 1024, 1), "python": platform.python_version(),
            "chromium": chromium, "os": platform.platform(), "datum": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
            "load_start": os.getloadavg()}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path):
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- builds

def bench_site(runs: int) -> dict:
    """make site on the bundled data: cold (no bytecode cache, fresh process), then warm."""
    cold, warm = [], []
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}
    for _ in range(runs):
        for cache in (ROOT / "build_data").rglob("__pycache__"):
            shutil.rmtree(cache)
        cold.append(timed(["make", "-s", "site"], ROOT, env))
        warm.append(timed(["make", "-s", "site"], ROOT, env))
    return {"koud_wand": stats([w for w, _ in cold]), "koud_cpu": stats([c for _, c in cold]),
            "warm_wand": stats([w for w, _ in warm]), "warm_cpu": stats([c for _, c in warm]),
            "grootte": tree_size(ROOT / "site")}


def bench_scales(runs: int, scales: list[str], tmp: Path) -> dict:
    out = {}
    for name in scales:
        scale = synthetic.SCALES[name]
        root = synthetic.make_root(tmp / f"schaal-{name}", scale)
        times = [timed([PY, "-m", "build_data", "--root", str(root), "site"], ROOT) for _ in range(runs)]
        size, files = tree_size(root / "site")
        heaviest = max((root / "site" / "indicatoren").glob("*.html"), key=lambda p: p.stat().st_size)
        out[name] = {"schaal": scale, "wand": stats([w for w, _ in times]), "cpu": stats([c for _, c in times]),
                     "bytes": size, "bestanden": files, "zip": (root / "dist" / "impactmonitor-hgkm-offline.zip").stat().st_size,
                     "pagina": len(gzip.compress(heaviest.read_bytes(), 9))}
        if name == "16x":  # the heaviest page in the browser: a first visit, then one municipality
            pages = sorted((root / "site" / "indicatoren").glob("*.html"), key=lambda p: p.stat().st_size, reverse=True)
            pw, browser = _browser()
            try:
                out[name]["gewicht"] = page_weight(browser, root / "site", f"indicatoren/{pages[0].name}", f"indicatoren/{pages[1].name}")
                out[name]["gemeente"] = municipality_weight(browser, root / "site", f"indicatoren/{pages[0].name}")
            finally:
                browser.close()
                pw.stop()
        print(f"  {name}: {fmt_s(out[name]['cpu'])} CPU, {size / 1e6:.0f} MB", flush=True)
        shutil.rmtree(root)
    return out


SERVE_SCRIPT = r"""
import os, sys, time, json
from pathlib import Path
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
from mkdocs.commands.build import build
from mkdocs.config import load_config
root, csv_file, runs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
def rebuild():
    start, cpu = time.perf_counter(), time.process_time()
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site-serve")))  # as mkdocs serve does after a change
    return time.perf_counter() - start, time.process_time() - cpu
rebuild()  # the first build of the session
changed, unchanged = [], []
for i in range(runs):
    lines = csv_file.read_text(encoding="utf-8").split("\n")
    cells = lines[1].split(",")
    cells[4] = str(int(cells[4]) + (1 if i % 2 == 0 else -1))  # one cell: a national percentage
    lines[1] = ",".join(cells)
    csv_file.write_text("\n".join(lines), encoding="utf-8")
    changed.append(rebuild())
    unchanged.append(rebuild())
print(json.dumps({"changed": changed, "unchanged": unchanged}))
"""


def bench_serve(runs: int, tmp: Path) -> dict:
    """The rebuild mkdocs serve does after one CSV cell changed, in one process (its cache warm)."""
    root = tmp / "serve"
    root.mkdir()
    shutil.copytree(ROOT / "datapackages", root / "datapackages")
    shutil.copytree(ROOT / "build_data" / "indicators", root / "build_data" / "indicators")
    synthetic.copy_site_sources(root, [], rewrite=False)
    csv_file = root / "datapackages" / "cbs-beleidsinformatie-veilig-thuis" / "data" / "bvt_2019h2_landelijk.csv"
    res = subprocess.run([PY, "-c", SERVE_SCRIPT, str(root), str(csv_file), str(runs)], cwd=ROOT, capture_output=True, text=True)
    if res.returncode:
        raise RuntimeError(res.stderr[-3000:])
    data = json.loads(res.stdout.strip().splitlines()[-1])
    shutil.rmtree(root)
    return {"gewijzigd": stats([w for w, _ in data["changed"]]), "gewijzigd_cpu": stats([c for _, c in data["changed"]]),
            "ongewijzigd": stats([w for w, _ in data["unchanged"]]), "ongewijzigd_cpu": stats([c for _, c in data["unchanged"]])}


# ---------------------------------------------------------------- browser

FIRST_CHART = """
(() => {
  // checked before every frame is painted: the first frame with a chart whose marks have a size
  // (a drawing made at build time or the runtime's chart) is when the first figure is seen
  window.__hgkm = {};
  const drawn = () => [...document.querySelectorAll('.hgkm-chart svg')].some(s => {
    const st = getComputedStyle(s);
    if (st.display === 'none' || st.visibility === 'hidden') return false;
    return [...s.querySelectorAll('.role-mark path, .role-mark line')].some(m => { const b = m.getBoundingClientRect(); return b.width > 0 && b.height > 0; });
  });
  const frame = () => {
    const h = window.__hgkm;
    if (h.eerste === undefined && document.body && drawn()) h.eerste = performance.now();
    if (h.alle === undefined && document.documentElement.getAttribute('data-grafieken') === 'klaar') h.alle = performance.now();
    if (h.eerste === undefined || h.alle === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
"""


def _browser():
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    return pw, browser


def chart_times(browser, url: str, runs: int) -> dict:
    """Per run, in a new context (empty cache: a first visit): the first figure painted, every chart
    showing what is asked (data-grafieken), and the first chart interactive (drawn by the runtime,
    with tooltips) when the reader points at it as soon as the page is ready."""
    first, done, live = [], [], []
    for _ in range(runs):
        ctx = browser.new_context()
        page = ctx.new_page()
        page.add_init_script(FIRST_CHART)
        page.goto(url)
        page.wait_for_selector("html[data-grafieken=klaar]", state="attached", timeout=60_000)
        page.wait_for_function("window.__hgkm.eerste !== undefined", timeout=60_000)
        page.dispatch_event(".hgkm-chart[data-spec] >> nth=0", "pointerover")
        page.wait_for_selector(".hgkm-chart[data-spec][data-getekend=ja]", state="attached", timeout=60_000)
        t = page.evaluate("({...window.__hgkm, interactief: performance.now()})")
        first.append(t["eerste"])
        done.append(t["alle"])
        live.append(t["interactief"])
        ctx.close()
    return {"eerste": stats(first), "alle": stats(done), "interactief": stats(live)}


def _local(site: Path, url: str, base: str) -> Path | None:
    if not url.startswith(base):
        return None
    path = site / unquote(urlparse(url).path.lstrip("/"))
    return path if path.is_file() else None


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL))


def _weigh(site: Path, base: str, urls: list[str]) -> list[dict]:
    items = []
    for u in urls:
        path = _local(site, u, base)
        if path:
            items.append({"pad": str(path.relative_to(site)), "bytes": path.stat().st_size, "gzip": gz(path.read_bytes())})
    return items


def municipality_weight(browser, site: Path, rel: str) -> dict | None:
    """A first visit to `rel`, then the first municipality chosen in its selector: what that choice
    loads (gzip), the data of the municipality (its parts) apart from the Vega runtime, which the
    first choice of a visit brings along unless the reader pointed at a chart before."""
    with serve(site) as base:
        ctx = browser.new_context()
        page = ctx.new_page()
        seen: list[str] = []
        page.on("requestfinished", lambda req: seen.append(req.url))
        page.goto(base + rel)
        page.wait_for_selector("html[data-grafieken=klaar]", state="attached", timeout=60_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        before = set(seen)
        slug = page.eval_on_selector("select.hgkm-regio", "s => { const o = [...s.options].find(o => /^GM/.test(o.getAttribute('data-code') || '')); return o ? o.value : null; }")
        if slug is None:
            ctx.close()
            return None
        page.select_option("select.hgkm-regio", slug)
        page.wait_for_selector("html[data-grafieken=klaar]", state="attached", timeout=60_000)
        page.wait_for_load_state("networkidle")
        items = _weigh(site, base, [u for u in dict.fromkeys(seen) if u not in before])
        ctx.close()
    runtime = [i for i in items if i["pad"].endswith("vega.min.js")]
    return {"pagina": rel, "gemeente": slug, "bestanden": items, "data_gzip": sum(i["gzip"] for i in items if i not in runtime),
            "runtime_gzip": sum(i["gzip"] for i in runtime)}


def page_weight(browser, site: Path, first: str, second: str) -> dict:
    """Every response of a first visit to `first`, then `second` in the same browser (cache warm)."""
    with serve(site) as base:
        ctx = browser.new_context()
        page = ctx.new_page()
        seen: list[str] = []
        page.on("requestfinished", lambda req: seen.append(req.url))

        def visit(rel):
            start = len(seen)
            page.goto(base + rel)
            page.wait_for_selector("html[data-grafieken=klaar]", timeout=60_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)  # the search worker fetches its index after load
            return list(dict.fromkeys(seen[start:]))

        urls1 = visit(first)
        cached = set(urls1)
        urls2 = [u for u in visit(second) if u not in cached]
        ctx.close()

    one, two = _weigh(site, base, urls1), _weigh(site, base, urls2)
    return {"eerste": one, "tweede": two, "eerste_gzip": sum(i["gzip"] for i in one), "tweede_gzip": sum(i["gzip"] for i in two),
            "eerste_pagina": first, "tweede_pagina": second}


# ---------------------------------------------------------------- static first vs runtime drawn

DRAWING = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" class="marks hgkm-statisch[^"]*".*?</svg>', re.S)
STATIC_ATTR = re.compile(r' data-statisch="[^"]*"')


def runtime_variant(site: Path, rel: str) -> dict:
    """The page as it was before its charts were drawn at build time, next to it (in a copy of the
    site): no drawings, the Vega runtime loaded with the page, every chart drawn by it."""
    page = site / rel
    text = page.read_text(encoding="utf-8")
    text, n = DRAWING.subn("", text)
    text = STATIC_ATTR.sub("", text)
    tag = re.search(r'<script src="([./]*)assets/hgkm\.js[^"]*"></script>', text)
    text = text.replace(tag[0], f'<script src="{tag[1]}assets/vendor/vega.min.js"></script>' + tag[0])
    out = page.parent / f"{page.stem}-runtime.html"
    out.write_text(text, encoding="utf-8")
    return {"tekeningen": n, "pagina": str(out.relative_to(site))}


def bench_browser(runs: int, tmp: Path) -> dict:
    site = tmp / "site"
    shutil.copytree(ROOT / "site", site)
    pages = sorted((site / "indicatoren").glob("*.html"), key=lambda p: p.stat().st_size, reverse=True)
    heavy, second = (f"indicatoren/{p.name}" for p in pages[:2])
    runtime = runtime_variant(site, heavy)
    pw, browser = _browser()
    try:
        weight = page_weight(browser, site, heavy, second)
        out = {"gewicht": weight, "runtime": runtime, "tijden": {},
               "gewicht_runtime": page_weight(browser, site, runtime["pagina"], second)}
        with serve(site) as base:
            for key, rel in (("statisch", heavy), ("runtime", runtime["pagina"])):
                out["tijden"][key] = {"http": chart_times(browser, base + rel, runs),
                                      "file": chart_times(browser, (site / rel).as_uri(), runs)}
    finally:
        browser.close()
        pw.stop()
    return out


# ---------------------------------------------------------------- report

def report(m: dict, r: dict, budgets: list[dict], args) -> str:
    L = []
    w = L.append
    w("# Benchmarks\n")
    w(f"Gemeten met `make bench` (`scripts/bench.py`) op {m['datum']}. Elke tijd: mediaan (min–max, n = aantal runs).\n")
    w("## Machine\n")
    w(f"- CPU: {m['cpu']}, {m['cores']} kernen; RAM {m['ram_gb']} GB; {m['os']}")
    w(f"- Python {m['python']}; {m['chromium']}")
    la, lb = m["load_start"], m.get("load_end", ("?", "?", "?"))
    w(f"- Belasting (load average, 1/5/15 min) bij de start: {la[0]:.1f} / {la[1]:.1f} / {la[2]:.1f}; aan het eind: "
      + (f"{lb[0]:.1f} / {lb[1]:.1f} / {lb[2]:.1f}" if isinstance(lb[0], float) else "?"))
    w("")
    w("Bouwtijden staan er twee keer: **wand** (wall clock) en **CPU** (user + sys van het bouwproces en zijn kinderen). "
      "Op een gedeelde machine (belasting boven het aantal kernen) wacht een build op de CPU; de wandtijd meet dan ook de "
      "andere processen. De budgetten voor bouwtijd gelden voor de CPU-tijd; de wandtijd staat ernaast.\n")
    w("## Budgetten\n")
    w("| budget | gemeten | grens | |")
    w("|---|---|---|---|")
    for b in budgets:
        unit = b["eenheid"]
        val = "niet gemeten" if b["waarde"] is None else (kb(b["waarde"]) if unit == "B" else f"{b['waarde']:.1f} {unit}" if unit == "s" else f"{b['waarde']:.0f} {unit}")
        lim = kb(b["grens"]) if unit == "B" else f"{b['grens']:g} {unit}"
        w(f"| {b['wat']} | {val} | ≤ {lim} | {'✓' if b['ok'] else '✗'} |")
    w("")
    if "site" in r:
        s = r["site"]
        w("## `make site` op de meegeleverde data\n")
        w("Koud: `build_data/**/__pycache__` verwijderd, nieuw proces. Warm: direct daarna nog een keer (bytecode en "
          "bestandscache warm). Een nieuwe venv valt erbuiten.\n")
        w("| | wand | CPU |")
        w("|---|---|---|")
        w(f"| koud | {fmt_s(s['koud_wand'])} | {fmt_s(s['koud_cpu'])} |")
        w(f"| warm | {fmt_s(s['warm_wand'])} | {fmt_s(s['warm_cpu'])} |")
        w(f"\nSite: {s['grootte'][0] / 1e6:.1f} MB in {s['grootte'][1]} bestanden.\n")
    if "schalen" in r:
        w("## Groei met de data (synthetisch)\n")
        w("Gegenereerd bij elke run in een tijdelijke map (`scripts/synthetic.py`, nooit in `datapackages/`): één datapakket met "
          "M indicatoren (maten; elke vierde een percentage, de rest aantallen afgerond op 5 waarvan de gebieden optellen tot "
          "Nederland) × P halfjaren × N gebieden (26 Veilig Thuis-regio's, daarna gemeenten GM0001…), een regiopakket met een "
          "tegelkaart voor alle gebieden, en M indicatordeclaraties (regio-vergelijking + halfjaarreeks). "
          "16× is wat het issue vraagt (100 indicatoren, 26 regio's + 342 gemeenten, 20 halfjaren); 1× en 4× schalen elk van de "
          "drie met de derdemachtswortel van 16 en 4 terug, zodat het aantal cijfers ongeveer 1 : 4 : 16 groeit. "
          "Gemeten: `python -m build_data --root <tmp> site` (valideren, bouwen, zip).\n")
        w("| schaal | indicatoren | gebieden | halfjaren | cijfers | wand | CPU | site | bestanden | zip | zwaarste indicatorpagina (gzip) |")
        w("|---|---|---|---|---|---|---|---|---|---|---|")
        base = None
        for name, x in r["schalen"].items():
            sc = x["schaal"]
            figures = f"{sc.figures:,}".replace(",", " ")
            w(f"| {name} | {sc.indicators} | {sc.areas} | {sc.half_years} | {figures} | {fmt_s(x['wand'])} | {fmt_s(x['cpu'])} | "
              f"{x['bytes'] / 1e6:.0f} MB | {x['bestanden']} | {x['zip'] / 1e6:.0f} MB | {x['pagina'] / 1e3:.0f} kB |")
        w("\nDe zwaarste indicatorpagina is alleen de HTML (met de grafiekdata en de tabel van alle gebieden × halfjaren); "
          "de scripts en stijlen van een eerste bezoek komen erbij en zijn bij elke schaal dezelfde (zie *Gewicht van een bezoek*). "
          "Het budget van 300 kB geldt voor de site met de meegeleverde data.")
        if "gewicht" in r["schalen"].get("16x", {}):
            g16 = r["schalen"]["16x"]["gewicht"]
            w(f"\n16x in de browser: eerste bezoek aan `{g16['eerste_pagina']}` (alles, gzip) **{kb(g16['eerste_gzip'])}**.\n")
            L.extend(bench_statline.municipality_report(r["schalen"]["16x"].get("gemeente"), kb))
        names = list(r["schalen"])
        if len(names) > 1:
            base = r["schalen"][names[0]]
            w("\nGroei ten opzichte van " + names[0] + " (lineair = dezelfde factor als de cijfers):\n")
            w("| schaal | cijfers | CPU-tijd | sitegrootte | bestanden |")
            w("|---|---|---|---|---|")
            for name in names:
                x = r["schalen"][name]
                w(f"| {name} | {x['schaal'].figures / base['schaal'].figures:.1f}× | {x['cpu']['median'] / base['cpu']['median']:.1f}× | "
                  f"{x['bytes'] / base['bytes']:.1f}× | {x['bestanden'] / base['bestanden']:.1f}× |")
        w("")
    if "serve" in r:
        s = r["serve"]
        w("## `make serve`: herbouwen na één gewijzigde cel\n")
        w("Gemeten in één proces zoals `mkdocs serve` het doet: na een wijziging van één cel (een landelijk percentage in "
          "`bvt_2019h2_landelijk.csv`, in een kopie van de data) ziet `cached_build` de wijziging en volgt één MkDocs-build "
          "(zonder zip). Het wachten van de bestandswatcher en het herladen van de browser vallen erbuiten.\n")
        w(f"- na de wijziging: wand {fmt_s(s['gewijzigd'])}, CPU {fmt_s(s['gewijzigd_cpu'])}")
        w(f"- zonder wijziging (cache geraakt, alleen MkDocs): wand {fmt_s(s['ongewijzigd'])}, CPU {fmt_s(s['ongewijzigd_cpu'])}\n")
    if "browser" in r:
        b = r["browser"]
        g = b["gewicht"]
        w("## Gewicht van een bezoek\n")
        w(f"Headless Chromium over http (lokale server); elke response die de browser afrondde, gzip niveau {GZIP_LEVEL}, opgeteld. "
          f"Eerste bezoek: de zwaarste indicatorpagina (`{g['eerste_pagina']}`) met lege cache. Volgende pagina: "
          f"`{g['tweede_pagina']}` (de op één na zwaarste) daarna, alleen wat nieuw is.\n")
        for key, title in (("eerste", "Eerste bezoek"), ("tweede", "Volgende pagina")):
            w(f"**{title}: {kb(g[key + '_gzip'])} gzip** ({kb(sum(i['bytes'] for i in g[key]))} ongecomprimeerd)\n")
            w("| bestand | bytes | gzip |")
            w("|---|---|---|")
            for i in sorted(g[key], key=lambda i: -i["gzip"]):
                w(f"| `{i['pad']}` | {i['bytes']:,} | {i['gzip']:,} |".replace(",", " "))
            w("")
        t = b["tijden"]
        gr = b["gewicht_runtime"]
        w("## Eerst getekend, daarna interactief: naast de pagina die de runtime tekent\n")
        w(f"Dezelfde pagina (`{g['eerste_pagina']}`) twee keer, in één run: zoals de site hem bouwt (**eerst getekend**: elke "
          "grafiek als SVG die de build met vl-convert tekende, de Vega-runtime pas als de lezer iets vraagt dat de tekening niet "
          "toont) en zoals hij daarvóór was (**runtime**: dezelfde pagina zonder tekeningen, `vega.min.js` met de pagina geladen, "
          f"elke grafiek door de runtime getekend; {b['runtime']['tekeningen']} tekeningen eruit gehaald, `scripts/bench.py` "
          "`runtime_variant`). Headless Chromium, elke run een nieuwe context (lege cache). *Eerste cijfer*: het eerste frame "
          "waarin een grafiek met getekende markeringen (met een maat) staat, gemeten vlak voor het schilderen "
          "(`requestAnimationFrame`) vanaf het begin van de navigatie. *Alle*: `html[data-grafieken=klaar]` (elke grafiek toont "
          "wat gevraagd is). *Interactief*: de lezer wijst de eerste grafiek aan zodra de pagina klaar is; tot de runtime haar "
          "getekend heeft (tooltips).\n")
        w("| | eerste bezoek (gzip, alles) | eerste cijfer http | eerste cijfer file:// | alle http | alle file:// | interactief http | interactief file:// |")
        w("|---|---|---|---|---|---|---|---|")
        for key, label, weight in (("statisch", "eerst getekend (site)", g["eerste_gzip"]), ("runtime", "runtime (daarvóór)", gr["eerste_gzip"])):
            x = t[key]
            w(f"| {label} | {kb(weight)} | {fmt_s(x['http']['eerste'], 'ms', 0)} | {fmt_s(x['file']['eerste'], 'ms', 0)} | "
              f"{fmt_s(x['http']['alle'], 'ms', 0)} | {fmt_s(x['file']['alle'], 'ms', 0)} | "
              f"{fmt_s(x['http']['interactief'], 'ms', 0)} | {fmt_s(x['file']['interactief'], 'ms', 0)} |")
        w("")
        w("Zonder JavaScript toont de eerst getekende pagina elke grafiek (de tekening); de runtime-pagina toont dan alleen "
          "de tabellen. De Vega-runtime (`assets/vendor/vega.min.js`) komt er bij de eerste keer dat de lezer een grafiek "
          "aanwijst of aanraakt, een regio of periode kiest of exporteert: "
          f"{kb(next((i['gzip'] for i in gr['eerste'] if i['pad'].endswith('vega.min.js')), 0))} gzip, één keer per bezoek (cache).\n")
    if "statline" in r:
        L.extend(bench_statline.report(r["statline"], fmt_s, kb))
    w("## Opnieuw meten\n")
    w("```sh\nmake bench                      # alles (duurt minuten: de 16x-build is de grootste)\n"
      ".venv/bin/python scripts/bench.py --runs 3 --schalen 1x,4x,16x   # dezelfde meting\n"
      ".venv/bin/python scripts/bench.py --alleen browser             # alleen paginagewicht en grafiektijden (na make site)\n```\n")
    w(f"Deze run: `{' '.join(sys.argv[1:]) or '(standaard)'}`.\n")
    return "\n".join(L)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Meet bouwtijd, groei, paginagewicht en grafiektijd; schrijft BENCHMARKS.md.")
    parser.add_argument("--runs", type=int, default=3, help="runs per meting (standaard 3)")
    parser.add_argument("--browser-runs", type=int, default=7, help="runs per grafiektijd (standaard 7)")
    parser.add_argument("--schaal-runs", type=int, default=None, help="runs per synthetische schaal (standaard: --runs)")
    parser.add_argument("--schalen", default="1x,4x,16x")
    parser.add_argument("--alleen", default="site,schalen,serve,browser,statline", help="welke metingen (komma's)")
    parser.add_argument("--uit", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    parts = set(args.alleen.split(","))
    m = machine()
    r: dict = {}
    with tempfile.TemporaryDirectory(prefix="hgkm-bench-") as tmpname:
        tmp = Path(tmpname)
        if "site" in parts:
            print("make site (koud en warm)…", flush=True)
            r["site"] = bench_site(args.runs)
        if "schalen" in parts:
            print("synthetische schalen…", flush=True)
            r["schalen"] = bench_scales(args.schaal_runs or args.runs, [s for s in args.schalen.split(",") if s], tmp)
        if "serve" in parts:
            print("serve: herbouwen na één cel…", flush=True)
            r["serve"] = bench_serve(args.runs, tmp)
        if "browser" in parts:
            print("browser: gewicht en grafiektijden…", flush=True)
            r["browser"] = bench_browser(args.browser_runs, tmp)
        if "statline" in parts:
            print("StatLine-pakket: ophalen uit de replay, bouwen, paginagewicht…", flush=True)
            r["statline"] = bench_statline.bench_statline(args.runs, tmp, timed, stats, page_weight, _browser, municipality_weight)
    m["load_end"] = os.getloadavg()
    figures = {}
    if "site" in r:
        figures["site"] = r["site"]["warm_cpu"]["median"]
    if "16x" in r.get("schalen", {}):
        figures["synthetisch_16x"] = r["schalen"]["16x"]["cpu"]["median"]
    if "browser" in r:
        figures["eerste_bezoek"] = r["browser"]["gewicht"]["eerste_gzip"]
        figures["volgende_pagina"] = r["browser"]["gewicht"]["tweede_gzip"]
        figures["eerste_cijfer_file"] = r["browser"]["tijden"]["statisch"]["file"]["eerste"]["median"]
        figures["eerste_cijfer_http"] = r["browser"]["tijden"]["statisch"]["http"]["eerste"]["median"]
    if "gewicht" in r.get("schalen", {}).get("16x", {}):
        figures["synthetisch_16x_eerste_bezoek"] = r["schalen"]["16x"]["gewicht"]["eerste_gzip"]
        if r["schalen"]["16x"]["gemeente"]:
            figures["synthetisch_16x_gemeente"] = r["schalen"]["16x"]["gemeente"]["data_gzip"]
    if "statline" in r:
        figures["statline_site"] = r["statline"]["site_cpu"]["median"]
        figures["statline_eerste_bezoek"] = r["statline"]["gewicht"]["eerste_gzip"]
        if r["statline"].get("gemeente"):
            figures["statline_gemeente"] = r["statline"]["gemeente"]["data_gzip"]
    budgets = check_budgets(figures)
    args.uit.write_text(report(m, r, budgets, args), encoding="utf-8")
    missed = [b for b in budgets if not b["ok"]]
    for b in budgets:
        print(f"{'✓' if b['ok'] else '✗'} {b['wat']}: {b['waarde']} (grens {b['grens']} {b['eenheid']})")
    print(f"{args.uit} geschreven." + (f" {len(missed)} budget(ten) niet gehaald." if missed else " Alle budgetten gehaald."))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
