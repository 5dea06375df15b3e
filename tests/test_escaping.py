"""No script from data: markup put into every kind of text that comes from a data package or an
indicator declaration (tests/hostile.py) is shown as text in pages, navigation, titles, chart
labels, tooltips and search, and never runs. The site is built from a copy of the inputs."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest
from hostile import PAYLOAD

TRACE = "__hgkm_xss"
ESCAPED = "&lt;script&gt;window.__hgkm_xss=1&lt;/script&gt;"


class _Elements(HTMLParser):
    """Every element with its attributes, and the text of every <script>."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def _parse(path) -> _Elements:
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_no_page_contains_the_markup_as_markup(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 150
    shown = 0
    for page in pages:
        parsed = _parse(page)
        rel = page.relative_to(hostile_site)
        assert not [s for s in parsed.scripts if TRACE in s], f"{rel}: a <script> from data"
        for tag, attrs in parsed.elements:
            assert "onerror" not in attrs, f"{rel}: <{tag} onerror=...> from data"
            assert not (tag == "img" and attrs.get("src") == "x"), f"{rel}: <img src=x> from data"
        shown += ESCAPED in page.read_text(encoding="utf-8")
    assert shown > 100  # the markup is there, as text, on most pages (navigation, sources)


# (file, the text that must be shown literally there, where it came from)
SHOWN_AS_TEXT = [
    ("regio/groningen.html", f"Regioprofiel Groningen {PAYLOAD}", "regionaam (regios.csv)"),
    ("indicatoren/ontvangen_meldingen.html", f"Ontvangen meldingen {PAYLOAD}", "naam van een maat (maten.csv)"),
    ("indicatoren/casussen_actief.html", f"Actieve casussen {PAYLOAD}", "definitie van een maat (maten.csv)"),
    ("indicatoren/adviezen_naar_adviesvrager.html", f"Burger {PAYLOAD}", "naam van een categorie (categorieen.csv)"),
    ("indicatoren/gestarte_adviezen.html", f"Noot {PAYLOAD}", "noot (impactmonitor_2020_landelijk.csv)"),
    ("indicatoren/gestarte_adviezen.html", f"§3.2 {PAYLOAD}", "vindplaats (impactmonitor_2020_landelijk.csv)"),
    ("indicatoren/gestarte_adviezen.html", f"(2e editie) {PAYLOAD}", "titel van een bron (datapackage.yaml)"),
    ("verantwoording.html", f"Beleidsinformatie Veilig Thuis {PAYLOAD}", "titel van een pakket (datapackage.yaml)"),
    ("verantwoording.html", f"Beschrijving {PAYLOAD}", "beschrijving van een pakket (datapackage.yaml)"),
    ("indicatoren/gestarte_adviezen.html", f"Titel {PAYLOAD}", "titel van een indicator (declaratie)"),
    ("indicatoren/gestarte_adviezen.html", f"Definitie {PAYLOAD}", "definitie van een indicator (declaratie)"),
    ("indicatoren/meldingen_per_advies.html", f"in de regio benaderen. {PAYLOAD}", "tekst van een berekende indicator (declaratie)"),
]


@pytest.mark.parametrize("rel,text,origin", SHOWN_AS_TEXT, ids=[s[2] for s in SHOWN_AS_TEXT])
def test_each_text_field_is_escaped_in_the_html(hostile_site, rel, text, origin):
    html = (hostile_site / rel).read_text(encoding="utf-8")
    body = re.sub(r"\s+", " ", html)
    escaped = re.sub(r"\s+", " ", text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    # attribute values may escape quotes as well
    assert escaped in body or escaped.replace('"', "&quot;") in body, f"{origin}: not found escaped in {rel}"


def test_chart_specs_carry_the_markup_as_data(hostile_site):
    """Vega draws strings as SVG text; the spec holds the markup only as a JSON string."""
    html = (hostile_site / "indicatoren/ontvangen_meldingen.html").read_text(encoding="utf-8")
    specs = [json.loads(unescape(s)) for s in re.findall(r'data-spec="([^"]*)"', html)]
    assert specs
    rows = [row for spec in specs for d in spec.get("data", []) for row in d.get("values", []) or []]
    assert any(row.get("regio_naam") == f"Groningen {PAYLOAD}" for row in rows)


PAGES = ["indicatoren/ontvangen_meldingen.html?regio=groningen", "indicatoren/gestarte_adviezen.html",
         "indicatoren/adviezen_naar_adviesvrager.html", "indicatoren/meldingen_per_advies.html?regio=groningen",
         "regio/groningen.html", "regio/index.html", "verantwoording.html", "data.html", "index.html",
         "embed/ontvangen_meldingen.html?regio=groningen"]


def _open(chromium, url):
    ctx = chromium.new_context(locale="nl-NL", service_workers="block")
    page = ctx.new_page()
    errors, dialogs = [], []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url, wait_until="load")
    page.wait_for_selector("html[data-grafieken='klaar']", state="attached", timeout=15_000)
    return ctx, page, errors, dialogs


@pytest.mark.browser
@pytest.mark.parametrize("rel", PAGES)
def test_markup_renders_as_text_in_the_browser(chromium, hostile_base, rel):
    ctx, page, errors, dialogs = _open(chromium, hostile_base + rel)
    try:
        assert page.evaluate(f"window.{TRACE}") is None, "markup from data ran"
        assert page.locator("img[src='x'], [onerror]").count() == 0
        assert not errors and not dialogs
        text = page.evaluate("document.documentElement.textContent")
        assert "<script>window.__hgkm_xss=1</script>" in text  # visible as text
        if rel.startswith("indicatoren/ontvangen_meldingen"):  # the region name as an option
            option = page.eval_on_selector("#hgkm-regio option[value='groningen']", "o => o.textContent")
            assert option == f"Groningen {PAYLOAD}"
        if "ontvangen_meldingen" in rel:  # ... as a chart label and in the tooltip of its bar
            chart = "[data-soort='regio-vergelijking'] .hgkm-chart"
            labels = page.eval_on_selector_all(f"{chart} g.role-axis-label text", "els => els.map(e => e.textContent)")
            assert any("<script>" in t for t in labels)
            page.locator(f"{chart} g.mark-rect.role-mark path[fill='#154273']").hover()
            tip = page.locator("#vg-tooltip-element.visible")
            tip.wait_for()
            assert "<img src=x" in tip.text_content()
            assert page.locator("#vg-tooltip-element img").count() == 0
            assert page.evaluate(f"window.{TRACE}") is None
    finally:
        ctx.close()


@pytest.mark.browser
def test_search_results_show_markup_as_text(chromium, hostile_base):
    ctx, page, errors, _ = _open(chromium, hostile_base + "index.html")
    try:
        box = page.locator("input.md-search__input")
        if not box.is_visible():
            page.locator("label.md-search__icon").first.click()
        page.wait_for_load_state("networkidle")  # the search index (and its worker) has loaded
        box.click()
        page.keyboard.type("Ontvangen meldingen", delay=30)  # material searches on key events
        page.locator("li.md-search-result__item").first.wait_for(timeout=15_000)
        assert page.locator(".md-search-result img[src='x']").count() == 0
        assert page.evaluate(f"window.{TRACE}") is None
        assert "<script>" in page.locator(".md-search-result").text_content()
        assert not errors
    finally:
        ctx.close()
