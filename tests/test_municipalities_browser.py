"""Municipalities in headless Chromium (Debian's /usr/bin/chromium), on a site built from a tmp root
with both test packages (tests/gebieden_package.py; nothing is written into the repository): a
municipality chosen by ?regio=<slug> or its CBS code on an indicator with municipal figures, its
profile, and a region profile's list of municipalities, at phone (390 px) and desktop (1280 px)
widths. Screenshots go to test-results/."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOT, serve
from gebieden_package import MAAT
from test_municipalities import DECLARATION, data_root

from build_data.pages import parts
from build_data.site.publish import build_site

pytestmark = pytest.mark.browser

RESULTS = ROOT / "test-results"
PAGE = "indicatoren/statline_ontvangen_meldingen.html"
WIDTHS = [390, 1280]


@pytest.fixture(scope="module")
def gm_root(tmp_path_factory):
    root = data_root(tmp_path_factory.mktemp("gemeentesite"))
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copytree(ROOT / "build_data", root / "build_data", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "CHANGELOG.md"):
        shutil.copy(ROOT / name, root / name)
    (root / "build_data/indicators/vergroting-bereik-veilig-thuis/statline_ontvangen_meldingen.yml").write_text(
        DECLARATION.format(maat=MAAT), encoding="utf-8")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    build_site(root)
    return root


@pytest.fixture(scope="module")
def gm_site(gm_root):
    with serve(gm_root / "site") as url:
        yield url


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def page(request, chromium, gm_site):
    ctx = chromium.new_context(viewport={"width": request.param, "height": 900}, locale="nl-NL", service_workers="block")
    p = ctx.new_page()
    p.errors = []
    p.on("pageerror", lambda exc: p.errors.append(f"pageerror: {exc}"))
    p.on("console", lambda m: p.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    p.base, p.width = gm_site, request.param
    yield p
    ctx.close()


def goto(page, rel):
    page.goto(page.base + rel, wait_until="load")
    page.wait_for_selector("html[data-grafieken='klaar']", state="attached", timeout=15_000)


@pytest.mark.parametrize("key", ["maastricht", "gm0935", "GM0935"])
def test_municipality_from_url_is_chosen(page, key):
    goto(page, f"{PAGE}?regio={key}")
    assert page.eval_on_selector("select.hgkm-regio", "s => s.value") == "maastricht"
    assert page.evaluate("location.search") == "?regio=maastricht"  # the code is normalised to the slug
    assert page.text_content(".hgkm-kerncijfer .hgkm-kc-gebied") == "Maastricht"
    # the series shows the municipality (no note that it has none), its rows visible, Nederland's hidden
    fig = ".hgkm-figuur[data-soort='halfjaar-reeks']"
    assert page.eval_on_selector(f"{fig} .hgkm-chart", "e => e.getAttribute('data-regio')") == "maastricht"
    assert page.eval_on_selector(f"{fig} .hgkm-noot", "e => e.hidden")
    visible = page.eval_on_selector_all(f"{fig} table.hgkm-waarden tbody tr",
                                        "rows => rows.filter(r => !r.hidden).map(r => r.getAttribute('data-regio'))")
    assert visible and set(visible) == {"maastricht"}
    # the municipality's rows came from the part of the page (build_data.pages.parts): its bars are
    # drawn, have size and carry its values, one per row of the table
    cells = page.eval_on_selector_all(f"{fig} table.hgkm-waarden tbody tr:not([hidden])",
                                      "rows => rows.map(r => [...r.children].map(c => c.textContent))")
    bars = page.eval_on_selector_all(f"{fig} .hgkm-chart g.mark-rect.role-mark path",
                                     "els => els.map(e => [e.getAttribute('aria-label') || '', e.getBoundingClientRect().height])")
    assert len(bars) == len(cells) and all(h > 0 for _, h in bars), bars
    for (name, period, value, _), (label, _) in zip(cells, bars):
        assert name == "Maastricht" and f"Periode: {period};" in label and f": {value};" in label, (cells, label)
    # only the part that holds Maastricht was loaded (about 20 municipalities a part), one per series
    loaded = page.eval_on_selector_all("script[src*='-gemeenten-']", "ss => ss.map(s => s.getAttribute('src'))")
    n = int(page.get_attribute(fig, "data-delen"))
    assert loaded and all(src.endswith(f"-gemeenten-{parts.bucket('maastricht', n)}.js") for src in loaded), loaded
    link = page.locator("a.hgkm-profiellink")
    assert link.get_attribute("href").endswith("regio/maastricht.html") and link.is_visible()
    # the comparison of the regions highlights no region for a municipality
    lit = page.eval_on_selector_all(".hgkm-figuur[data-soort='regio-vergelijking'] .hgkm-chart g.mark-rect.role-mark path",
                                    "els => els.filter(e => e.getAttribute('fill') === '#154273').length")
    assert lit == 0
    assert not page.errors, page.errors
    if key == "maastricht":
        RESULTS.mkdir(exist_ok=True)
        page.screenshot(path=str(RESULTS / f"gemeente-indicator-{page.width}.png"), full_page=False)


def test_municipality_chosen_in_the_selector(page):
    goto(page, PAGE)
    page.select_option("select.hgkm-regio", "groningen-gemeente")
    page.wait_for_function("location.search === '?regio=groningen-gemeente'")
    assert page.text_content(".hgkm-kerncijfer .hgkm-kc-gebied") == "Groningen"
    labels = page.eval_on_selector_all("select.hgkm-regio optgroup", "gs => gs.map(g => g.label)")
    assert labels == ["Veilig Thuis-regio's", "Gemeenten"]
    assert not page.errors, page.errors


def test_municipality_profile_and_region_list(page):
    goto(page, "regio/testgemeente-mergelland.html")
    assert "Gemeenteprofiel Testgemeente Mergelland" in page.text_content("h1")
    cell = page.locator("table.hgkm-gemeentetabel tbody tr td").first
    assert cell.text_content().startswith(". (gegevens ontbreken") and cell.is_visible()
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / f"gemeente-profiel-{page.width}.png"), full_page=True)
    goto(page, "regio/zuid-limburg.html")
    links = page.eval_on_selector_all(".hgkm-gemeenten a", "as => as.map(a => a.textContent)")
    assert links == ["Heerlen", "Kerkrade", "Maastricht"]
    page.locator(".hgkm-gemeenten").scroll_into_view_if_needed()
    page.screenshot(path=str(RESULTS / f"regio-gemeenten-{page.width}.png"), full_page=False)
    page.click(".hgkm-gemeenten a >> text=Kerkrade")
    page.wait_for_url("**/regio/kerkrade.html")
    assert "Gemeenteprofiel Kerkrade" in page.text_content("h1")
    # wider than the phone's screen only inside a scrolling table wrapper
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert not page.errors, page.errors


def test_the_page_holds_no_municipal_rows_until_one_is_chosen(gm_root):
    """The indicator page as served: Nederland's and the regions' rows inline, the municipalities'
    in the part the figure names (loaded when a municipality is chosen, test above)."""
    html = (gm_root / "site" / PAGE).read_text(encoding="utf-8")
    fig = re.search(r'<figure class="hgkm-figuur" data-soort="halfjaar-reeks"[^>]*>', html)[0]
    m = re.search(r'data-deel-gemeenten="\.\./(assets/delen/[^"]+)" data-delen="(\d+)"', fig)
    part = f"{m[1]}{parts.bucket('maastricht', int(m[2]))}.js"  # the part the page script computes for it
    assert '<tr data-regio="nederland">' in html and '<tr data-regio="maastricht">' not in html
    text = (gm_root / "site" / part).read_text(encoding="utf-8")
    assert '<tr data-regio=\\"maastricht\\">' in text and '"regio_slug":"maastricht"' in text
    assert '"regio_slug":"nederland"' not in text
