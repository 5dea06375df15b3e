"""The built site in headless Chromium, served over http and opened from the offline zip (file://).

Test 1 (every page loads and draws its charts) and the Data page test run on what `make site`
built (site/ and its zip); they build nothing and fail with that hint when site/ or the zip is
missing. The other tests check what the bundled publications print: they run on the same build,
or, when the StatLine packages are present (the site then shows StatLine's figures), on a build of
a copy without them (conftest.publications_site). Chromium is Debian's (/usr/bin/chromium, `make browser-deps`); it starts once
per session. Every test gets a fresh browser context (so no region is remembered in localStorage
between tests) and checks that the page raised no JavaScript error, logged no console error,
failed no request and sent no request outside the site (under file:// the context is offline
and every non-file: request is aborted and recorded)."""

from __future__ import annotations

import csv
import functools
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest
from conftest import ROOT, SITE, ZIP_DIR, serve

pytestmark = pytest.mark.browser

RESULTS = ROOT / "test-results"
MODES = ["http", "file"]

NBSP = "\u00a0"
HIGHLIGHT = "#154273"
BASE = "#7593ba"
TIMEOUT_MS = 15_000

KERNCIJFERS = ROOT / "datapackages" / "cbs-beleidsinformatie-veilig-thuis" / "data" / "kerncijfers_regio_2019h2.csv"
REGIONAMEN = ROOT / "datapackages" / "regions" / "data" / "regionamen.csv"
REGIOS = ROOT / "datapackages" / "regions" / "data" / "regios.csv"

# Selectors of the page contract (build_data/pages/contract.py, docs/assets/hgkm.js, Vega's SVG renderer).
FIG = ".hgkm-figuur[data-soort='{}']"
BARS = "g.mark-rect.role-mark path"
# data marks of any chart kind: bars, lines and points (cohort), rules (reference values)
MARKS = ", ".join(f"g.mark-{m}.role-mark path" for m in ("rect", "line", "symbol", "rule")) + ", g.mark-rule.role-mark line"
LABELS = "g.mark-text.role-mark text"
PROFILE_LINK = re.compile(r"(?:^|/)regio/(?!index\.html)[a-z0-9-]+\.html(?:#.*)?$")


def _pages() -> list[str]:
    """Every page of the built site except 404.html, relative to site/ (empty when not built)."""
    if not SITE.is_dir():
        return []
    return sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html") if p.name != "404.html")


PAGES = _pages() or ["<site/ missing: run make site first>"]


# ---------------------------------------------------------------------------------------------
# Published figures
# ---------------------------------------------------------------------------------------------

def dutch(value: str, sign: str = "") -> str:
    """A number as the CBS and the site write it: 64 425 with a no-break space, 55,6; then the sign."""
    num = float(value)
    if num.is_integer():
        text = f"{int(num):,}".replace(",", NBSP)
    else:
        whole, _, frac = f"{num:,}".partition(".")
        text = whole.replace(",", NBSP) + "," + frac
    return text + sign


@functools.cache
def regions() -> dict[str, dict]:
    """Official regions by code: naam, slug."""
    with REGIOS.open(encoding="utf-8", newline="") as f:
        return {r["code"]: r for r in csv.DictReader(f)}


@functools.cache
def published() -> dict[str, dict[str, str]]:
    """maat -> region slug -> the value as it must be shown ('6 875*'), from the published table."""
    by_name = {r["naam"]: code for code, r in regions().items()}
    with REGIONAMEN.open(encoding="utf-8", newline="") as f:
        by_name.update({r["naam_in_bron"]: r["code"] for r in csv.DictReader(f)})
    out: dict[str, dict[str, str]] = {}
    with KERNCIJFERS.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            assert row["regio"] in by_name, f"region {row['regio']!r} of the published table has no code"
            slug = regions()[by_name[row["regio"]]]["slug"]
            out.setdefault(row["maat"], {})[slug] = dutch(row["waarde"], row["teken"])
    return out


def region_name(slug: str) -> str:
    return next(r["naam"] for r in regions().values() if r["slug"] == slug)


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page, impacts=("serious", "critical")) -> list[str]:
    """Run axe-core (npm, injected from node_modules: works offline) on the page as it is now."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run npm ci (make site does)", pytrace=False)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, preload: false})).violations
             .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""",
        AXE_TAGS)
    return [f"{v['impact']} {v['id']}: {v['help']} ({', '.join(v['nodes'])})" for v in found if v["impact"] in impacts]


# ---------------------------------------------------------------------------------------------
# Fixtures: the built site, the two ways to open it, chromium, a watched page
# ---------------------------------------------------------------------------------------------

def _unzipped(zip_path: Path, tmp_path_factory) -> str:
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        tops = {n.split("/", 1)[0] for n in names}
        assert tops == {ZIP_DIR}, f"the zip must hold one folder {ZIP_DIR}/, has {sorted(tops)}"
        zf.extractall(target)
    return (target / ZIP_DIR).as_uri() + "/"


@pytest.fixture(scope="session")
def http_base(publications_site):
    with serve(publications_site[0]) as base:
        yield base


@pytest.fixture(scope="session")
def file_base(publications_site, tmp_path_factory):
    return _unzipped(publications_site[1], tmp_path_factory)


@pytest.fixture(scope="session")
def built_http_base(site_dir):
    with serve(site_dir) as base:
        yield base


@pytest.fixture(scope="session")
def built_file_base(zip_path, tmp_path_factory):
    return _unzipped(zip_path, tmp_path_factory)


@dataclass
class Site:
    mode: str
    base: str  # ends with '/'

    def url(self, rel: str) -> str:
        return self.base + rel

    def local(self, url: str) -> bool:
        return url.startswith("file:") if self.mode == "file" else url.startswith(self.base)


@pytest.fixture(scope="session", params=MODES)
def site(request) -> Site:
    """The site of the bundled publications served over http, or unzipped from its offline zip and
    opened as file://."""
    if request.param == "http":
        return Site("http", request.getfixturevalue("http_base"))
    return Site("file", request.getfixturevalue("file_base"))


@pytest.fixture(scope="session", params=MODES)
def built(request) -> Site:
    """What `make site` built (site/, dist/), over http or from its unzipped offline zip."""
    if request.param == "http":
        return Site("http", request.getfixturevalue("built_http_base"))
    return Site("file", request.getfixturevalue("built_file_base"))


@dataclass
class Watched:
    """A page with everything that went wrong on it."""
    page: object
    site: Site
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def goto(self, rel: str):
        self.page.goto(self.site.url(rel), wait_until="load")
        self.wait_ready()

    def wait_ready(self):
        self.page.wait_for_selector("html[data-grafieken='klaar']", state="attached", timeout=TIMEOUT_MS)

    def assert_clean(self):
        assert not self.errors, "errors on the page:\n" + "\n".join(self.errors)
        assert not self.outside, "requests left the site:\n" + "\n".join(self.outside)

    # helpers on the page contract
    def text(self, selector: str) -> str:
        return self.page.eval_on_selector(selector, "e => e.textContent")

    def key_figure(self) -> tuple[str, str, str]:
        return tuple(self.text(f".hgkm-kerncijfer .hgkm-kc-{part}") for part in ("waarde", "gebied", "periode"))

    def highlighted(self) -> list[str]:
        """aria-labels of the highlighted bars in the region comparison."""
        return self.page.eval_on_selector_all(
            f"{FIG.format('regio-vergelijking')} .hgkm-chart {BARS}",
            f"els => els.filter(e => e.getAttribute('fill') === '{HIGHLIGHT}').map(e => e.getAttribute('aria-label') || '')")

    def wait_highlight(self, slug: str):
        """Vega updates asynchronously: wait until the bars show `slug` (none for nederland)."""
        want = "" if slug == "nederland" else region_name(slug)
        self.page.wait_for_function(
            """([sel, hl, want]) => {
                 const paths = [...document.querySelectorAll(sel)];
                 const lit = paths.filter(e => e.getAttribute('fill') === hl);
                 if (!want) return paths.length > 0 && lit.length === 0;
                 return lit.length === 1 && (lit[0].getAttribute('aria-label') || '').includes('regio_naam: ' + want + ';');
               }""",
            arg=[f"{FIG.format('regio-vergelijking')} .hgkm-chart {BARS}", HIGHLIGHT, want], timeout=TIMEOUT_MS)

    def internal_links(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "a[href]:not([download])",
            "els => els.map(a => a.getAttribute('href')).filter(h => !/^(?:[a-z]+:|\\/\\/|#)/i.test(h) && h.includes('.html'))")

    def search(self) -> str:
        return self.page.evaluate("location.search")


def _new_context(chromium, site: Site):
    """A context as a visitor has it; file:// is offline and may fetch nothing that is not a file.
    Requests outside the site are aborted and recorded in ctx.outside (a list)."""
    ctx = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL",
                               offline=site.mode == "file", service_workers="block")
    ctx.set_default_timeout(TIMEOUT_MS)
    outside: list[str] = []

    def route(r):
        if site.local(r.request.url):
            r.continue_()
        else:
            outside.append(f"{r.request.method} {r.request.url}")
            r.abort()

    ctx.route("**/*", route)
    return ctx, outside


def _watch(ctx, site: Site, outside: list[str]) -> Watched:
    page = ctx.new_page()
    w = Watched(page, site, outside=outside)
    page.on("pageerror", lambda exc: w.errors.append(f"pageerror: {exc}"))
    page.on("console", lambda m: w.errors.append(f"console.{m.type}: {m.text} ({m.location.get('url', '')})")
            if m.type == "error" else None)
    # ERR_ABORTED: cancelled by leaving the page (e.g. the search worker still loading lunr)
    page.on("requestfailed", lambda r: w.errors.append(f"request failed: {r.url} ({r.failure})")
            if site.local(r.url) and "ERR_ABORTED" not in (r.failure or "") else None)
    return w


@pytest.fixture
def watched(chromium, site):
    """A page in a new context of its own (nothing remembered from other tests)."""
    ctx, outside = _new_context(chromium, site)
    yield _watch(ctx, site, outside)
    ctx.close()


@pytest.fixture
def watched_built(chromium, built):
    """A page of what `make site` built, in a new context of its own."""
    ctx, outside = _new_context(chromium, built)
    yield _watch(ctx, built, outside)
    ctx.close()


@pytest.fixture(scope="session")
def shared_context(chromium, built):
    """One context per mode for the many page loads of test 1 (no region is chosen there)."""
    ctx, outside = _new_context(chromium, built)
    yield ctx, outside
    ctx.close()


@pytest.fixture
def watched_shared(shared_context, built):
    """A new page of what `make site` built, in the mode's shared context."""
    ctx, outside = shared_context
    outside.clear()
    w = _watch(ctx, built, outside)
    yield w
    w.page.close()


def hover_live(page, chart: str, mark: str):
    """Points at a mark of a chart as a reader does: the first pointer over a chart drawn at build
    time loads the runtime, which draws the chart again (with tooltips); then the mark is pointed
    at in the chart the runtime drew."""
    page.locator(f"{chart} {mark}").first.hover()
    page.wait_for_selector(f"{chart}[data-getekend=ja]", state="attached", timeout=TIMEOUT_MS)
    page.mouse.move(0, 0)
    page.locator(f"{chart} {mark}").first.hover()


# ---------------------------------------------------------------------------------------------
# 1. Every page loads cleanly and draws all its charts
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("rel", PAGES)
def test_page_loads_and_draws_charts(site_dir, watched_shared, rel):
    watched = watched_shared
    assert (site_dir / rel).is_file(), f"{rel} is not in site/: run make site first"
    if watched.site.mode == "file":
        unzipped = Path(url2pathname(urlparse(watched.site.url(rel)).path))
        assert unzipped.is_file(), f"{rel} is in site/ but not in the offline zip: run make site"
    watched.goto(rel)
    # The charts shown (a period choice, StatLine: every period, draws the other periods when
    # chosen): first as drawn at build time, then as the runtime draws them once the reader points
    # at a chart (tooltips); both have marks and value labels.
    n_specs = watched.page.eval_on_selector_all(
        ".hgkm-chart[data-spec], .hgkm-chart[data-spec-bron]", "els => els.filter(e => !e.closest('.hgkm-periodevak[hidden]')).length")
    region = watched.page.get_attribute("html", "data-regio")
    for drawn in ("statisch", "ja"):
        if drawn == "ja" and n_specs:
            watched.page.dispatch_event(".hgkm-chart[data-spec], .hgkm-chart[data-spec-bron] >> nth=0", "pointerover")
            watched.page.wait_for_function(
                "() => [...document.querySelectorAll('.hgkm-chart')].filter(e => !e.closest('.hgkm-periodevak[hidden]')).every(e => e.getAttribute('data-getekend') === 'ja')",
                timeout=TIMEOUT_MS)
        charts = watched.page.eval_on_selector_all(
            ".hgkm-chart",
            f"""els => els.filter(e => !e.closest('.hgkm-periodevak[hidden]')).map(e => ({{
                  getekend: e.getAttribute('data-getekend'),
                  svg: e.querySelectorAll('svg').length,
                  marks: [...e.querySelectorAll('{MARKS}')].filter(m => {{ const b = m.getBoundingClientRect(); return b.width > 0 || b.height > 0; }}).length,
                  labels: [...e.querySelectorAll('{LABELS}')].filter(t => t.textContent.trim()).length,
                  text: e.textContent.slice(0, 120),
               }}))""")
        assert len(charts) == n_specs, "every chart must carry its spec"
        for i, c in enumerate(charts):
            # the drawings fit the column of a page at 390 and 1280 px (an embed page is as wide as its
            # frame) and show Nederland, or a profile's own region (a region remembered from another
            # page of this context is drawn by the runtime)
            ok = (drawn, "ja") if rel.startswith("embed/") or not (rel.startswith("regio/") or region == "nederland") else (drawn,)
            assert c["getekend"] in ok, f"chart {i} on {rel} not drawn ({drawn}): {c['text']!r}"
            assert c["svg"] == 1, f"chart {i} on {rel} has {c['svg']} svg elements ({drawn})"
            assert c["marks"] > 0, f"chart {i} on {rel} has no drawn marks (bars, lines or points) ({drawn})"
            assert c["labels"] > 0, f"chart {i} on {rel} has no value labels ({drawn})"
    if rel.startswith("indicatoren/"):  # some indicators are a key figure only
        figures = watched.page.eval_on_selector_all(".hgkm-kc-waarde", "els => els.map(e => e.textContent.trim())")
        # a figure whose values the publication only drew (all '.') says so instead of drawing empty axes
        unstated = watched.page.eval_on_selector_all(
            ".hgkm-zonder-grafiek", "els => els.map(e => [e.querySelector('.hgkm-noot').textContent, e.querySelectorAll('tbody tr').length])")
        assert all("niet overgenomen" in note and n > 0 for note, n in unstated), unstated
        assert charts or figures or unstated, f"indicator page {rel} shows neither chart, key figure nor a note on missing values"
        assert all(figures), f"empty key figure on {rel}"
    bad = axe_violations(watched.page)
    assert not bad, f"WCAG 2.1 A/AA and best-practice violations (axe-core, serious or critical) on {rel}:\n" + "\n".join(bad)
    watched.assert_clean()


# Every drawn mark has a size and nothing is wider than the screen: on a phone a long category name
# once left the bars of jeugdtrauma_ouders 0 px wide and cut legends off. A mark of a zero value is
# allowed no width; its aria-label (Vega's description of the mark) gives the value.
FIT_CHECK = """() => {
  const out = [], vw = window.innerWidth;
  if (document.documentElement.scrollWidth > vw + 1) out.push('the page is ' + document.documentElement.scrollWidth + ' px wide');
  document.querySelectorAll('.hgkm-chart').forEach((el, i) => {
    if (el.closest('[hidden]')) return;
    const svg = el.querySelector('svg');
    if (!svg) return;
    const r = svg.getBoundingClientRect();
    if (r.right > vw + 1 || r.left < -1) out.push(`chart ${i} reaches ${Math.round(r.left)}..${Math.round(r.right)} px`);
    el.querySelectorAll('g.mark-rect.role-mark path, g.mark-symbol.role-mark path').forEach(m => {
      const b = m.getBoundingClientRect(), label = (m.getAttribute('aria-label') || '') + ';';
      const zero = /(^|; )[^:;]*: (0|0,0+)( ?%)?\\*{0,2};/.test(label);
      if ((b.width < 0.5 || b.height < 0.5) && !zero) out.push(`chart ${i}: a mark of ${b.width.toFixed(1)} x ${b.height.toFixed(1)} px (${label.slice(0, 90)})`);
    });
  });
  return out;
}"""


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_every_chart_fits_every_width(chromium, built_http_base, width):
    """Every page of the built site at a phone's, a small phone's and a desktop's width (over http;
    the layout is the same from disk): every mark of every chart shown has a size, and no page or
    chart is wider than the window."""
    ctx = chromium.new_context(viewport={"width": width, "height": 900}, locale="nl-NL", service_workers="block")
    page = ctx.new_page()
    bad = {}
    for rel in PAGES:
        if rel.startswith("embed/"):
            continue
        page.goto(built_http_base + rel, wait_until="load")
        page.wait_for_selector("html[data-grafieken='klaar']", state="attached", timeout=TIMEOUT_MS)
        found = page.evaluate(FIT_CHECK)
        if found:
            bad[rel] = found[:3]
    ctx.close()
    assert not bad, f"{len(bad)} pages at {width} px:\n" + "\n".join(f"{k}: {v}" for k, v in bad.items())


# Without JavaScript (reader modes, some corporate browsers, print previews, feed readers, search
# engines) every chart is its drawing made at build time: one shown, with marks that have a size
# and value labels, as wide as its column.
NO_JS_CHECK = """() => [...document.querySelectorAll('.hgkm-chart[data-spec], .hgkm-chart[data-spec-bron]')]
  .filter(el => !el.closest('[hidden]'))
  .map(el => {
    const shown = [...el.querySelectorAll('svg.hgkm-statisch')].filter(s => getComputedStyle(s).display !== 'none');
    const svg = shown[0];
    const sized = m => { const b = m.getBoundingClientRect(); return b.width > 0 || b.height > 0; };
    return {shown: shown.length, col: el.clientWidth, width: svg ? Math.round(svg.getBoundingClientRect().width) : 0,
            marks: svg ? [...svg.querySelectorAll('.role-mark path, .role-mark line')].filter(sized).length : 0,
            labels: svg ? [...svg.querySelectorAll('.role-mark text')].filter(t => t.textContent.trim()).length : 0,
            name: el.getAttribute('aria-label').slice(0, 60)};
  })"""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", [390, 1280])
def test_without_javascript_every_chart_is_drawn(chromium, request, mode, width):
    base = request.getfixturevalue("built_http_base" if mode == "http" else "built_file_base")
    ctx = chromium.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False, service_workers="block")
    page = ctx.new_page()
    bad, n = [], 0
    for rel in PAGES:
        page.goto(base + rel, wait_until="load")
        for c in page.evaluate(NO_JS_CHECK):
            n += 1
            if c["shown"] != 1 or c["marks"] == 0 or c["labels"] == 0 or abs(c["width"] - c["col"]) > 1:
                bad.append(f"{rel}: {c}")
    ctx.close()
    assert n > 50, f"only {n} charts found"
    assert not bad, f"{len(bad)} of {n} charts without JavaScript:\n" + "\n".join(bad[:10])


def test_the_runtime_comes_only_when_a_chart_needs_it(watched_built):
    """A first view of Nederland shows the drawings and loads no Vega; pointing at a chart loads it
    and the runtime draws the charts again (tooltips)."""
    w, page = watched_built, watched_built.page
    runtime = []
    page.on("request", lambda req: runtime.append(req.url) if req.url.endswith("vendor/vega.min.js") else None)
    w.goto("indicatoren/ontvangen_meldingen.html?regio=nederland")
    assert page.eval_on_selector_all(".hgkm-chart", "els => els.map(e => e.getAttribute('data-getekend'))") == ["statisch", "statisch"]
    page.wait_for_timeout(300)
    assert runtime == [] and page.evaluate("typeof vega") == "undefined"
    page.dispatch_event(".hgkm-chart >> nth=0", "pointerover")
    page.wait_for_function("() => [...document.querySelectorAll('.hgkm-chart')].every(e => e.getAttribute('data-getekend') === 'ja')",
                           timeout=TIMEOUT_MS)
    assert len(runtime) == 1
    assert page.locator(".hgkm-chart svg.hgkm-statisch").count() == 0  # the drawings made way
    w.assert_clean()


# ---------------------------------------------------------------------------------------------
# 2. Choosing a region updates URL, chart, key figure, table and links
# ---------------------------------------------------------------------------------------------

def test_choosing_region_updates_everything(watched):
    w, page = watched, watched.page
    w.goto("indicatoren/casussen_actief.html")
    assert page.input_value("#hgkm-regio") == "nederland"
    w.wait_highlight("nederland")
    assert w.key_figure() == (f"79{NBSP}275*", "Nederland", "2e halfjaar 2019*")

    page.select_option("#hgkm-regio", "zuid-limburg")
    assert w.search() == "?regio=zuid-limburg"
    assert page.url.endswith("casussen_actief.html?regio=zuid-limburg")
    w.wait_highlight("zuid-limburg")
    [label] = w.highlighted()
    assert f"6{NBSP}875*" in label
    fills = page.eval_on_selector_all(f"{FIG.format('regio-vergelijking')} {BARS}", "els => els.map(e => e.getAttribute('fill'))")
    assert fills.count(HIGHLIGHT) == 1 and fills.count(BASE) == len(fills) - 1
    assert w.key_figure() == (f"6{NBSP}875*", "Zuid-Limburg", "2e halfjaar 2019*")
    row = f"{FIG.format('regio-vergelijking')} table.hgkm-waarden tbody tr"
    assert page.eval_on_selector_all(f"{row}.hgkm-gekozen", "els => els.map(e => e.dataset.regio)") == ["zuid-limburg"]
    assert w.text(f"{row}[data-regio='zuid-limburg'] td.hgkm-getal") == f"6{NBSP}875*"
    reeks = f"{FIG.format('halfjaar-reeks')} table.hgkm-waarden tbody tr"
    shown = page.eval_on_selector_all(reeks, "els => els.filter(e => !e.hidden).map(e => e.dataset.regio)")
    assert shown and set(shown) == {"zuid-limburg"}
    assert "Zuid-Limburg" in w.text(".hgkm-melding")
    links = w.internal_links()
    assert len(links) > 10
    # every link carries the region, except links to a region profile: those name their own region
    assert [h for h in links if "?regio=zuid-limburg" not in h and not PROFILE_LINK.search(h)] == []
    assert page.get_attribute("a.hgkm-profiellink", "href") == "../regio/zuid-limburg.html"
    assert page.text_content("a.hgkm-profiellink") == "Regioprofiel Zuid-Limburg"
    assert any(h.startswith("../themas/vergroting-bereik-veilig-thuis.html?regio=zuid-limburg") for h in links)

    page.select_option("#hgkm-regio", "nederland")
    assert w.search() == ""
    w.wait_highlight("nederland")
    assert w.key_figure() == (f"79{NBSP}275*", "Nederland", "2e halfjaar 2019*")
    assert page.eval_on_selector_all(f"{row}.hgkm-gekozen", "els => els.length") == 0
    assert [h for h in w.internal_links() if "regio=" in h] == []
    w.assert_clean()


# ---------------------------------------------------------------------------------------------
# 3. A link with ?regio= (slug or CBS code) opens with that region
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["twente", "VT19", "vt19"])
def test_region_from_url(watched, key):
    w, page = watched, watched.page
    w.goto(f"indicatoren/ontvangen_meldingen.html?regio={key}")
    assert page.input_value("#hgkm-regio") == "twente"
    assert w.key_figure() == (f"1{NBSP}665*", "Twente", "2e halfjaar 2019*")
    assert w.search() == "?regio=twente"  # the code is normalised to the slug
    w.wait_highlight("twente")
    reeks = f"{FIG.format('halfjaar-reeks')} table.hgkm-waarden tbody tr"
    shown = page.eval_on_selector_all(reeks, "els => els.filter(e => !e.hidden).map(e => e.dataset.regio)")
    assert shown and set(shown) == {"twente"}
    w.assert_clean()


def test_national_key_figure_and_unknown_region(watched):
    w, page = watched, watched.page
    w.goto("indicatoren/ontvangen_meldingen.html")
    assert w.key_figure() == (f"64{NBSP}425*", "Nederland", "1e halfjaar 2020*")
    w.goto("indicatoren/ontvangen_meldingen.html?regio=atlantis")
    assert page.input_value("#hgkm-regio") == "nederland"
    assert w.key_figure()[0] == f"64{NBSP}425*"
    assert w.search() == ""
    w.assert_clean()


def _visible_notes(page) -> list[list]:
    """[chart kind, note text] for every figure whose note is shown."""
    return page.eval_on_selector_all(
        ".hgkm-figuur", "els => els.map(f => [f.dataset.soort, f.querySelector('.hgkm-noot')])"
        ".filter(([k, n]) => n && !n.hidden).map(([k, n]) => [k, n.textContent])")


def test_national_only_page_with_region(watched):
    """A page without regional figures says so and shows Nederland."""
    w, page = watched, watched.page
    w.goto("indicatoren/meldingen_politie.html?regio=zuid-limburg")
    assert page.locator("#hgkm-regio").count() == 0
    tile = page.locator(".hgkm-kerncijfer")
    assert "hgkm-kc-landelijk" in tile.get_attribute("class")
    assert tile.locator(".hgkm-kc-gebied").text_content() == "Nederland"
    assert page.eval_on_selector_all(".hgkm-chart", "els => els.map(e => e.dataset.regio)") == ["nederland"]
    notes = _visible_notes(page)
    assert len(notes) == 1 and "Nederland" in notes[0][1]
    w.assert_clean()


def test_no_national_only_note_when_chart_shows_region(watched):
    w, page = watched, watched.page
    w.goto("indicatoren/casussen_actief.html?regio=zuid-limburg")
    charts = page.eval_on_selector_all(".hgkm-chart", "els => els.map(e => e.dataset.regio)")
    assert charts == ["zuid-limburg", "zuid-limburg"]  # both charts show the region itself...
    assert _visible_notes(page) == []  # ...so no note may say it is only national
    w.assert_clean()


def test_region_name_on_pages_without_selector(watched):
    w, page = watched, watched.page
    w.goto("indicatoren/meldingen_politie.html?regio=zuid-limburg")
    [(_, note)] = _visible_notes(page)
    assert "Zuid-Limburg" in note, note
    w.assert_clean()


# ---------------------------------------------------------------------------------------------
# 4. Following a link keeps the region
# ---------------------------------------------------------------------------------------------

def test_navigation_keeps_region(watched):
    w, page = watched, watched.page
    w.goto("themas/vergroting-bereik-veilig-thuis.html?regio=zuid-limburg")
    assert page.input_value("#hgkm-regio") == "zuid-limburg"
    section = page.locator("section#casussen_actief")
    assert section.locator(".hgkm-kc-waarde").text_content() == f"6{NBSP}875*"
    page.evaluate("localStorage.clear()")  # the link itself must carry the region
    link = section.locator("h2 a")
    assert link.get_attribute("href") == "../indicatoren/casussen_actief.html?regio=zuid-limburg"
    link.click()
    page.wait_for_url(re.compile(r"/indicatoren/casussen_actief\.html\?regio=zuid-limburg$"))
    w.wait_ready()
    assert page.input_value("#hgkm-regio") == "zuid-limburg"
    assert w.key_figure()[:2] == (f"6{NBSP}875*", "Zuid-Limburg")
    w.wait_highlight("zuid-limburg")
    w.assert_clean()


# ---------------------------------------------------------------------------------------------
# 5. The values shown are the published ones
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("maat", sorted(published()) if KERNCIJFERS.is_file() else [])
def test_shown_values_equal_published(watched, maat):
    w, page = watched, watched.page
    expected = published()[maat]
    assert len(expected) >= 6  # Nederland and at least 5 regions
    w.goto(f"indicatoren/{maat}.html")
    row = f"{FIG.format('regio-vergelijking')} table.hgkm-waarden tbody tr[data-regio='{{}}'] td.hgkm-getal"
    labels = page.eval_on_selector_all(f"{FIG.format('regio-vergelijking')} {LABELS}", "els => els.map(e => e.textContent)")
    assert sorted(labels) == sorted(v for s, v in expected.items() if s != "nederland")
    assert w.text(row.format("nederland")) == expected["nederland"]
    options = page.eval_on_selector_all("#hgkm-regio option", "els => els.map(e => e.value)")
    assert set(options) == set(expected), "the selector offers exactly the published regions"
    # Every region in one round trip: choose it as the select does (value + change event), then
    # read the key figure (value, area, period) and the region's cell in the table.
    slugs = [s for s in expected if s != "nederland"]  # the national key figure shows a later period
    shown = page.evaluate(
        """([slugs, row]) => slugs.map(slug => {
             const sel = document.querySelector('#hgkm-regio');
             sel.value = slug;
             sel.dispatchEvent(new Event('change', {bubbles: true}));
             const kc = p => document.querySelector('.hgkm-kerncijfer .hgkm-kc-' + p).textContent;
             const cell = document.querySelector(row.replace('{}', slug));
             return [kc('waarde'), kc('gebied'), kc('periode'), cell ? cell.textContent : null];
           })""", [slugs, row])
    mismatches = [f"{slug}: shown {got}, published {want}" for slug, got in zip(slugs, shown)
                  if got != (want := [expected[slug], region_name(slug), "2e halfjaar 2019*", expected[slug]])]
    assert not mismatches, "\n".join(mismatches)
    last = list(expected)[-1]  # the chart follows too
    page.select_option("#hgkm-regio", last)
    w.wait_highlight(last)
    assert expected[last] in w.highlighted()[0]
    w.assert_clean()


# ---------------------------------------------------------------------------------------------
# 6. Labels and tooltips in the chart are Dutch-formatted
# ---------------------------------------------------------------------------------------------

def test_chart_labels_and_tooltip_are_dutch(watched):
    w, page = watched, watched.page
    w.goto("indicatoren/casussen_actief.html")
    chart = f"{FIG.format('regio-vergelijking')} .hgkm-chart"
    labels = page.eval_on_selector_all(f"{chart} {LABELS}", "els => els.map(e => e.textContent)")
    assert f"8{NBSP}360*" in labels and f"6{NBSP}875*" in labels
    assert all(re.fullmatch(r"\d{1,3}(\u00a0\d{3})*\*", t) for t in labels), labels
    axis = page.eval_on_selector_all(f"{chart} g.role-axis-label text", "els => els.map(e => e.textContent)")
    assert f"8{NBSP}000" in axis
    hover_live(page, chart, f"{BARS}[aria-label*='regio_naam: Rotterdam-Rijnmond;']")
    tip = page.locator("#vg-tooltip-element.visible")
    tip.wait_for()
    assert "Rotterdam-Rijnmond" in tip.text_content() and f"8{NBSP}360*" in tip.text_content()
    w.assert_clean()


# ---------------------------------------------------------------------------------------------
# 7. Search works (under file:// through the offline plugin and the iframe-worker shim)
# ---------------------------------------------------------------------------------------------

def test_search_index_and_worker_come_when_the_search_box_is_used(watched):
    """docs/assets/zoeken-later.js: a page loads without the search worker and (over http) without
    the index, a third of a first visit; focus on the search box brings both, and results."""
    w, page = watched, watched.page
    asked = []
    page.on("request", lambda req: asked.append(req.url.rsplit("/", 1)[-1]))
    w.goto("indicatoren/ontvangen_meldingen.html")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert not [u for u in asked if u.startswith(("search.", "lunr."))], asked
    if w.site.mode == "http":  # from disk the theme loads search_index.js itself (offline plugin): no network
        assert "search_index.json" not in asked
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon").first.click()
    box.click()
    box.fill("meldingen")
    page.locator(".md-search-result__item").first.wait_for(timeout=TIMEOUT_MS)
    assert [u for u in asked if u.startswith("search.")], asked
    w.assert_clean()


def test_search(watched):
    w, page = watched, watched.page
    w.goto("index.html")
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon").first.click()
    page.wait_for_load_state("networkidle")  # the search index (and its worker) has loaded
    box.click()
    page.keyboard.type("meldingen", delay=30)  # as a person types: material searches on key events
    results = page.locator("li.md-search-result__item")
    results.first.wait_for()
    assert results.count() >= 1
    hrefs = page.eval_on_selector_all("li.md-search-result__item a", "els => els.map(a => a.getAttribute('href'))")
    assert any("ontvangen_meldingen.html" in h for h in hrefs), hrefs
    w.assert_clean()


@pytest.mark.parametrize("word, page_id", [("OTS", "ots_gestart"), ("ondertoezichtstelling", "ots_gestart"), ("RvdK", "onderzoeken_rvdk_")])
def test_search_synonyms(watched, word, page_id):
    """Abbreviations and synonyms (build_data/zoekwoorden.yml) find the indicator, online and offline."""
    w, page = watched, watched.page
    w.goto("index.html")
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon").first.click()
    page.wait_for_load_state("networkidle")
    box.click()
    page.keyboard.type(word, delay=30)
    page.locator("li.md-search-result__item").first.wait_for()
    hrefs = page.eval_on_selector_all("li.md-search-result__item a", "els => els.map(a => a.getAttribute('href'))")
    assert any(f"indicatoren/{page_id}" in h for h in hrefs), hrefs
    w.assert_clean()


# ---------------------------------------------------------------------------------------------
# 8. Screenshots for people to look at
# ---------------------------------------------------------------------------------------------

def test_screenshot(watched):
    w, page = watched, watched.page
    w.goto("indicatoren/casussen_actief.html?regio=zuid-limburg")
    w.wait_highlight("zuid-limburg")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"casussen_actief-zuid-limburg-{w.site.mode}.png"
    page.screenshot(path=str(out), full_page=True)
    assert out.stat().st_size > 10_000
    w.assert_clean()


# ---------------------------------------------------------------------------------------------
# 9. Region profiles: the published 2019 table per region, rank, share, cohort mark, chart
# ---------------------------------------------------------------------------------------------

def heading(page) -> str:
    """The page's h1 without its permalink sign."""
    return page.eval_on_selector("h1", "e => [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim()")


COHORTREGIOS = ROOT / "datapackages" / "verwey-jonker-cohortstudie" / "data" / "cohortregios.csv"


@functools.cache
def cohort_slugs() -> set[str]:
    with REGIONAMEN.open(encoding="utf-8", newline="") as f:
        by_name = {r["naam_in_bron"]: r["code"] for r in csv.DictReader(f)}
    by_name.update({r["naam"]: code for code, r in regions().items()})
    with COHORTREGIOS.open(encoding="utf-8", newline="") as f:
        return {regions()[by_name[r["regio"]]]["slug"] for r in csv.DictReader(f)}


@functools.cache
def published_numbers() -> dict[str, dict[str, float]]:
    """maat -> slug -> the published number (for ranks and shares)."""
    out: dict[str, dict[str, float]] = {}
    for maat, by_slug in published().items():
        out[maat] = {s: float(v.rstrip("*").replace(NBSP, "").replace(",", ".")) for s, v in by_slug.items()}
    return out


def _vt_slugs_2019() -> list[str]:
    return sorted(r["slug"] for r in regions().values() if r["soort"] == "veilig-thuis-regio" and not r["geldig_vanaf"])


@pytest.mark.parametrize("slug", _vt_slugs_2019() if REGIOS.is_file() else [])
def test_region_profile(watched, slug):
    w, page = watched, watched.page
    w.goto(f"regio/{slug}.html")
    assert heading(page) == f"Regioprofiel {region_name(slug)}"
    assert page.input_value("#hgkm-regio") == slug
    assert page.evaluate("localStorage.getItem('hgkm-regio')") == slug  # visiting a profile chooses its region
    numbers = published_numbers()
    problems = []
    for maat, by_slug in published().items():
        row = f"table.hgkm-profieltabel tr[data-indicator='{maat}']"
        cells = page.eval_on_selector_all(f"{row} td", "els => els.map(e => e.textContent)")
        mine = numbers[maat][slug]
        others = [v for s, v in numbers[maat].items() if s != "nederland"]
        assert len(others) == 26
        rank = 1 + sum(1 for v in others if v > mine)
        share = f"{round(100 * mine / numbers[maat]['nederland'], 1):.1f}".replace(".", ",") + f"{NBSP}%"
        want = [by_slug[slug], by_slug["nederland"], f"{rank} van 26", share, "2e halfjaar 2019*"]
        if cells[:5] != want:
            problems.append(f"{maat}: shown {cells[:5]}, expected {want}")
    assert not problems, "\n".join(problems)
    # the benchmark chart: one dot per region per count indicator, this region's dots dark and labelled
    chart = ".hgkm-figuur[data-soort='profiel'] .hgkm-chart"
    assert page.get_attribute(chart, "data-getekend") == "statisch"  # drawn at build time for this region
    fills = page.eval_on_selector_all(f"{chart} g.mark-symbol.role-mark path", "els => els.map(e => e.getAttribute('fill'))")
    assert len(fills) == 26 * 12 and fills.count(HIGHLIGHT) == 12
    labels = page.eval_on_selector_all(f"{chart} {LABELS}", "els => els.map(e => e.textContent)")
    assert len(labels) == 12 and all(re.fullmatch(r"\d+,\d\u00a0%", t) for t in labels), labels
    # the locator map marks the region; the cohort regions are marked as such
    assert page.eval_on_selector_all(".hgkm-kaart .hgkm-gekozen", "els => els.map(e => e.dataset.regio)") == [slug]
    assert (page.locator(".hgkm-cohort").count() == 1) == (slug in cohort_slugs())
    w.assert_clean()


def test_profile_of_a_region_without_figures(watched):
    """Oost-Brabant exists from 2023; the figures are of 2019: the profile says so, shows no chart."""
    w, page = watched, watched.page
    w.goto("regio/oost-brabant.html")
    missing = page.eval_on_selector_all("table.hgkm-profieltabel td.hgkm-ontbreekt", "els => els.map(e => e.textContent)")
    assert len(missing) == 14 and all("bestaat pas vanaf 1e halfjaar 2023" in t for t in missing), missing
    assert page.locator(".hgkm-figuur[data-soort='profiel']").count() == 0
    lineage = page.text_content("article")
    assert "ontstaan uit Noord-Brabant Noord en Zuidoost-Brabant" in lineage
    assert "niet omgerekend" in lineage
    w.assert_clean()


def test_regio_link_opens_region_on_profile_and_indicator(watched):
    w, page = watched, watched.page
    # a profile opened with another region in its link opens that region's profile (the URL wins)
    w.goto("regio/drenthe.html?regio=twente")
    page.wait_for_url(re.compile(r"/regio/twente\.html"))
    w.wait_ready()
    assert heading(page) == "Regioprofiel Twente"
    assert page.input_value("#hgkm-regio") == "twente"
    # ...and the indicator page then remembers Twente without a parameter
    w.goto("indicatoren/gestarte_adviezen.html")
    assert page.input_value("#hgkm-regio") == "twente"
    w.wait_highlight("twente")
    # choosing another region on a profile and pressing 'Open profiel' opens its profile
    w.goto("regio/twente.html")
    page.select_option("#hgkm-regio", "zeeland")
    assert heading(page) == "Regioprofiel Twente"  # choosing alone does not leave the page
    page.click(".hgkm-open")
    page.wait_for_url(re.compile(r"/regio/zeeland\.html"))
    w.wait_ready()
    assert heading(page) == "Regioprofiel Zeeland"
    # links to other profiles are not rewritten to carry the chosen region
    hrefs = page.eval_on_selector_all(".hgkm-kaart a", "els => els.map(a => a.getAttribute('href'))")
    assert len(hrefs) == 26 and "twente.html" in hrefs
    w.assert_clean()


def test_selector_offers_regions_of_the_period(watched):
    w, page = watched, watched.page
    w.goto("indicatoren/ontvangen_meldingen.html?regio=oost-brabant")
    options = page.eval_on_selector_all("#hgkm-regio option", "els => els.map(e => e.value)")
    assert len(options) == 27 and "oost-brabant" not in options and "zuidoost-brabant" in options
    assert page.input_value("#hgkm-regio") == "nederland"
    note = w.text(".hgkm-melding")
    assert "Oost-Brabant heeft geen cijfers" in note and "vanaf 1e halfjaar 2023" in note, note
    w.assert_clean()


# ---------------------------------------------------------------------------------------------
# 10. The map: a tile per region with its published value; click or keyboard selects it
# ---------------------------------------------------------------------------------------------

TILE = ".hgkm-kaartfiguur .hgkm-kaart-regio"


def test_map_tiles_show_published_values_and_select(watched):
    w, page = watched, watched.page
    w.goto("indicatoren/ontvangen_meldingen.html")
    expected = published()["ontvangen_meldingen"]
    tiles = page.eval_on_selector_all(
        TILE, "els => els.map(e => [e.dataset.regio, (e.querySelector('.hgkm-kaart-waarde') || {}).textContent, "
              "e.getAttribute('aria-label'), e.getBoundingClientRect().width, e.querySelector('text').textContent])")
    assert len(tiles) == 26
    for slug, value, label, width, visible in tiles:
        assert value.strip() == expected[slug], (slug, value)
        # the accessible name starts with the visible label (short name and value; WCAG 2.5.3) and
        # names the region in full
        assert label.startswith(visible) and visible.endswith(expected[slug]) and region_name(slug) in label, (label, visible)
        assert width > 20  # drawn, not collapsed
    fills = page.eval_on_selector_all(TILE, "els => new Set(els.map(e => e.getAttribute('fill'))).size")
    assert fills >= 4  # classes of a blue ramp
    page.click(f"{TILE}[data-regio='twente']")
    assert page.input_value("#hgkm-regio") == "twente"
    assert w.search() == "?regio=twente"
    w.wait_highlight("twente")
    assert page.get_attribute(f"{TILE}[data-regio='twente']", "aria-pressed") == "true"
    assert page.eval_on_selector_all(f"{TILE}.hgkm-gekozen", "els => els.map(e => e.dataset.regio)") == ["twente"]
    assert w.text(".hgkm-melding") == "Regio gekozen: Twente"  # announced (role=status, aria-live)
    assert w.key_figure()[:2] == (expected["twente"], "Twente")
    w.assert_clean()


def test_map_and_selector_by_keyboard(watched):
    w, page = watched, watched.page
    w.goto("indicatoren/gestarte_adviezen.html")
    page.focus(f"{TILE}[data-regio='zeeland']")
    page.keyboard.press("Enter")
    assert page.input_value("#hgkm-regio") == "zeeland"
    assert page.evaluate("document.activeElement.dataset.regio") == "zeeland"  # focus stays
    order = page.eval_on_selector_all(TILE, "els => els.map(e => e.dataset.regio)")
    page.keyboard.press("Shift+Tab")  # tiles are in the tab order, which does not change on selection
    moved = page.evaluate("document.activeElement.dataset.regio")
    assert moved == order[order.index("zeeland") - 1]
    page.keyboard.press(" ")
    assert page.input_value("#hgkm-regio") == moved
    assert w.text(".hgkm-melding") == f"Regio gekozen: {region_name(moved)}"
    # the selector itself: focus, arrow key, the change is announced
    page.focus("#hgkm-regio")
    before = page.input_value("#hgkm-regio")
    page.keyboard.press("ArrowUp")
    after = page.input_value("#hgkm-regio")
    assert after != before
    assert w.text(".hgkm-melding") == f"Regio gekozen: {region_name(after)}"
    w.assert_clean()


def test_ratio_has_nederland_as_reference(watched):
    w, page = watched, watched.page
    w.goto("indicatoren/meldingen_per_advies.html?regio=amsterdam-amstelland")
    n = published_numbers()
    want = {s: f"{n['ontvangen_meldingen'][s] / n['gestarte_adviezen'][s]:.2f}".replace(".", ",") + "*" for s in n["ontvangen_meldingen"]}
    row = f"{FIG.format('regio-vergelijking')} table.hgkm-waarden tbody tr"
    shown = dict(page.eval_on_selector_all(row, "els => els.map(e => [e.dataset.regio, e.querySelector('td').textContent])"))
    assert shown == want
    chart = f"{FIG.format('regio-vergelijking')} .hgkm-chart"
    assert page.locator(f"{chart} g.mark-rule.role-mark line").count() == 1
    assert f"Nederland: {want['nederland']}" in page.eval_on_selector_all(f"{chart} {LABELS}", "els => els.map(e => e.textContent)")
    w.assert_clean()


# ---------------------------------------------------------------------------------------------
# 11. A region profile prints on A4: content, chart, table, sources and date; no navigation
# ---------------------------------------------------------------------------------------------

A4_POINTS = (595.92, 842.88)
OVERFLOW_JS = """() => [...document.querySelectorAll('article *')]
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .map(e => e.tagName + '.' + (e.getAttribute('class') || '')).slice(0, 5)"""


@pytest.mark.parametrize("rel", ["indicatoren/ontvangen_meldingen.html", "themas/vergroting-bereik-veilig-thuis.html",
                                 "indicatoren/kindermishandeling_prevalentie_totaal.html"])
def test_pages_print_on_a4(watched, rel, publications_site):
    if not (publications_site[0] / rel).is_file():
        rel = "indicatoren/meldingen_politie.html"
    w, page = watched, watched.page
    w.goto(rel + "?regio=twente")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 718, "height": 1000})
    try:  # Vega resizes 'container' charts asynchronously after the resize
        page.wait_for_function(f"() => ({OVERFLOW_JS})().length === 0", timeout=5000)
    except Exception:
        pass  # the assertion below reports what is too wide
    hidden = page.evaluate("""['.md-header', '.md-sidebar--primary', '.md-footer', '.hgkm-export', '.hgkm-regiokeuze']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}, hidden
    overflow = page.evaluate(OVERFLOW_JS)
    assert overflow == [], f"wider than an A4 page: {overflow}"
    tables = page.eval_on_selector_all("details.hgkm-tabel table", "els => els.map(e => e.getBoundingClientRect().height)")
    assert all(h > 0 for h in tables)  # the value tables are printed, also when folded on screen
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes and all(abs(float(a) - A4_POINTS[0]) < 2 for a, _ in boxes)
    w.assert_clean()


def test_profile_prints_on_a4(watched):
    w, page = watched, watched.page
    w.goto("regio/zuid-limburg.html")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 718, "height": 1000})  # A4 minus the @page margins, in CSS px
    page.wait_for_timeout(300)  # Vega resizes 'container' charts
    hidden = page.evaluate("""['.md-header', '.md-sidebar--primary', '.md-footer', '.hgkm-regiokeuze']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}, hidden
    assert page.is_visible(".hgkm-printkop")
    assert re.search(r"afgedrukt op \d{1,2} \w+ 20\d\d", page.text_content(".hgkm-printkop")), page.text_content(".hgkm-printkop")
    for sel in ("table.hgkm-profieltabel", ".hgkm-figuur[data-soort='profiel'] svg", ".hgkm-bronnen", ".hgkm-kaart svg"):
        assert page.is_visible(sel), sel
    overflow = page.evaluate("""() => [...document.querySelectorAll('article *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert overflow == [], f"wider than an A4 page: {overflow}"
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes and all(abs(float(a) - A4_POINTS[0]) < 2 and abs(float(b) - A4_POINTS[1]) < 2 for a, b in boxes), boxes[:3]
    assert 1 <= len(boxes) <= 4, f"{len(boxes)} pages"
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"regioprofiel-zuid-limburg-{w.site.mode}.pdf").write_bytes(pdf)
    w.assert_clean()


def test_copy_link_copies_what_is_on_screen(watched):
    """'Kopieer link' copies the URL of this page with the chosen region; opening it shows the same."""
    w, page = watched, watched.page
    w.goto("indicatoren/casussen_gesloten.html")
    page.click(f"{TILE}[data-regio='zeeland']")
    page.evaluate("""() => { window.__copied = null;
        if (navigator.clipboard) navigator.clipboard.writeText = t => { window.__copied = t; return Promise.resolve(); };
        document.execCommand = (cmd) => { window.__copied = document.activeElement && document.activeElement.value; return true; }; }""")
    page.click(".hgkm-kopieer")
    page.wait_for_function("window.__copied !== null")
    copied = page.evaluate("window.__copied")
    assert copied == page.url and copied.endswith("indicatoren/casussen_gesloten.html?regio=zeeland")
    assert w.text(".hgkm-melding") == f"Link gekopieerd: {copied}"
    # the link opens the same view in a fresh context (nothing remembered)
    ctx, outside = _new_context(page.context.browser, w.site)
    other = _watch(ctx, w.site, outside)
    other.page.goto(copied)
    other.wait_ready()
    assert other.page.input_value("#hgkm-regio") == "zeeland"
    assert other.page.eval_on_selector_all(f"{TILE}.hgkm-gekozen", "els => els.map(e => e.dataset.regio)") == ["zeeland"]
    other.assert_clean()
    ctx.close()
    w.assert_clean()


def test_axe_finds_violations(watched):
    """The accessibility check can fail: an unnamed button and low-contrast text are reported."""
    w, page = watched, watched.page
    w.goto("index.html")
    page.evaluate("""() => {
        const b = document.createElement('button'); document.querySelector('article').appendChild(b);
        const p = document.createElement('p'); p.textContent = 'onleesbaar'; p.style.color = '#eeeeee';
        document.querySelector('article').appendChild(p); }""")
    ids = " ".join(axe_violations(page))
    assert "button-name" in ids and "color-contrast" in ids, ids


# ---------------------------------------------------------------------------------------------
# 12. Exports: PNG and SVG of a chart, the embeddable chart page, the Data page
# ---------------------------------------------------------------------------------------------

def test_chart_exports_png_and_svg(watched):
    w, page = watched, watched.page
    w.goto("indicatoren/ontvangen_meldingen.html?regio=twente")
    w.wait_highlight("twente")
    fig = FIG.format("regio-vergelijking")
    with page.expect_download() as info:
        page.click(f"{fig} .hgkm-export-knop[data-formaat='png']")
    png = info.value
    assert png.suggested_filename == "ontvangen_meldingen-regio-vergelijking-twente.png"
    data = Path(png.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > 600 and height > 400  # 2x scale of a 26-bar chart
    with page.expect_download() as info:
        page.click(f"{fig} .hgkm-export-knop[data-formaat='svg']")
    svg = Path(info.value.path()).read_text(encoding="utf-8")
    assert info.value.suggested_filename.endswith("-twente.svg") and svg.lstrip().startswith("<svg")
    assert svg.count("<path") >= 26 and HIGHLIGHT in svg and f"1{NBSP}665*" in svg.replace("&nbsp;", NBSP)
    # a chart pasted into a memo says what it is: title, area, period, source, symbols, address
    text = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert "Ontvangen meldingen per Veilig Thuis-regio, 2e halfjaar 2019*" in text
    assert "Gemarkeerd: Twente" in text and "Periode: 2e halfjaar 2019" in text
    assert "Bron: CBS, Beleidsinformatie Veilig Thuis, 2e halfjaar 2019" in text
    assert "* voorlopig cijfer" in text
    assert "Impactmonitor aanpak huiselijk geweld en kindermishandeling · " in text and "ontvangen_meldingen.html?regio=twente" in text
    # the iframe code on the page points at the embed page with the region
    code = page.input_value("textarea.hgkm-embedcode")
    assert re.search(r'<iframe src="[^"]*/embed/ontvangen_meldingen\.html\?regio=twente"', code), code
    w.assert_clean()


def test_no_figure_of_another_area_or_period_without_its_label(watched):
    """With a region chosen, every figure says whose it is and when: the national change says
    Nederland, the benchmark's Nederland says its period, the series names the area it shows."""
    w, page = watched, watched.page
    w.goto("indicatoren/ontvangen_meldingen.html?regio=zuid-limburg")
    assert w.key_figure() == (published()["ontvangen_meldingen"]["zuid-limburg"], "Zuid-Limburg", "2e halfjaar 2019*")
    for item in page.locator("ul.hgkm-verandering li").all_text_contents():
        assert item.strip().startswith("Verandering, Nederland:"), item
    ref = page.locator(f"{FIG.format('regio-vergelijking')} .hgkm-referentie").text_content()
    assert "Nederland (alle regio's samen), 2e halfjaar 2019*:" in ref
    assert page.title().startswith("Zuid-Limburg · ")
    # the series: its caption names the area it shows, and only that area's note on gaps is shown
    fig = FIG.format("halfjaar-reeks")
    assert page.locator(fig).count() == 1
    area = page.eval_on_selector(f"{fig} .hgkm-chart", "e => e.getAttribute('data-regio')")
    caption = page.locator(f"{fig} .hgkm-titel").text_content()
    assert caption.endswith(", " + ("Nederland" if area == "nederland" else region_name(area))), (area, caption)
    if area != "zuid-limburg":
        assert "de grafiek toont Nederland" in page.locator(f"{fig} .hgkm-noot").text_content()
    shown = page.eval_on_selector_all(f"{fig} .hgkm-gaten", "ps => ps.filter(p => !p.hidden).map(p => p.getAttribute('data-regio'))")
    assert set(shown) <= {area}, (area, shown)
    # an address with a region the site does not know says so
    w.goto("indicatoren/ontvangen_meldingen.html?regio=foo")
    assert "\u2018foo\u2019 is geen regio of gemeente van deze site" in page.locator(".hgkm-melding").first.text_content()
    w.assert_clean()


def test_home_page_offers_the_offline_zip(watched):
    """Online: the offline zip with its size and edition; in the offline copy (which does not hold
    itself): that one is using it."""
    w, page = watched, watched.page
    w.goto("index.html")
    offer = page.locator(".hgkm-offline").first.text_content()
    if w.site.mode == "file":
        assert offer == "U gebruikt nu de offline-versie van deze site: alles werkt zonder internet."
    else:
        assert page.locator("a.hgkm-offline-link").get_attribute("href") == "downloads/impactmonitor-hgkm-offline.zip"
        assert re.search(r"\(zip, \d+,\d\u00a0MB, editie \d+\.\d+\.\d+ van ", offer), offer
    w.assert_clean()


def test_offline_404_is_dutch_and_works_from_disk(watched):
    w, page = watched, watched.page
    page.goto(w.site.url("404.html"), wait_until="load")
    assert page.locator("h1").first.text_content() == "Pagina niet gevonden"
    if w.site.mode == "file":  # the offline copy: its stylesheet and links resolve on disk
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        href = page.locator("article a", has_text="Naar de startpagina").get_attribute("href")
        assert href == "index.html", href
    w.assert_clean()


def test_embed_page_shows_the_chart_for_the_region(watched):
    w, page = watched, watched.page
    w.goto("embed/ontvangen_meldingen.html?regio=zeeland")
    assert page.locator(".md-header, nav").count() == 0  # a chart, not a site
    w.wait_highlight("zeeland")
    assert "Bron:" in page.text_content(".hgkm-bron")
    assert axe_violations(page) == []
    w.assert_clean()


def test_data_page_lists_every_download(watched_built, site_dir):
    w, page = watched_built, watched_built.page
    w.goto("data.html")
    hrefs = page.eval_on_selector_all("a[download]", "els => els.map(a => a.getAttribute('href'))")
    # every indicator's download; those of one period (StatLine: <id>-2023-H1.csv) are offered beside
    # that period's figures (in the page or its part, build_data.pages.parts)
    per_period = re.compile(r"^(.+)-(\d{4}(?:-H[12])?)\.csv$")
    names = sorted(p.name for p in (site_dir / "data").glob("*.csv"))
    csvs = [n for n in names if not per_period.match(n)]
    assert sorted(h.split("/")[-1] for h in hrefs if h.endswith(".csv")) == csvs
    for name in (n for n in names if per_period.match(n)):
        ind = per_period.match(name)[1]
        where = [site_dir / "indicatoren" / f"{ind}.html", site_dir / "assets" / "delen" / f"{ind}-perioden.js"]
        assert any(f"../data/{name}" in p.read_text(encoding="utf-8") for p in where if p.is_file()), name
    assert "downloads/impactmonitor-hgkm-datapakketten.zip" in hrefs
    with zipfile.ZipFile(site_dir / "downloads" / "impactmonitor-hgkm-datapakketten.zip") as zf:
        names = zf.namelist()
    assert "datapakketten/cbs-beleidsinformatie-veilig-thuis/datapackage.yaml" in names
    assert "datapakketten/cbs-beleidsinformatie-veilig-thuis/data/kerncijfers_regio_2019h2.csv" in names
    assert "CC BY 4.0" in page.text_content("article")
    footer = page.eval_on_selector_all(".md-footer a, .md-copyright a", "els => els.map(a => a.textContent.trim())")
    assert "Data en downloads" in footer and "Wijzigingen" in footer
    w.assert_clean()
