"""Downloads beyond the per-indicator CSV/JSON: all data packages as one zip, a minimal embeddable
chart page per indicator (embed/<id>.html, region in its URL), and the Data page that lists every
download with its licence and how to cite it."""

from __future__ import annotations

from ..model import periods

from .blocks import source_line, symbols_legend
from .chart import chart_block
from .render import e, lifted

PACKAGES_ZIP = "downloads/impactmonitor-hgkm-datapakketten.zip"


def first_chart(ind) -> str | None:
    return next((k for k in ind.grafieken if k != "kerncijfer"), None)


def embed_page(ind, catalog, related=()) -> str:
    """A page with only the indicator's first chart, its table and source: for an <iframe>."""
    kind = first_chart(ind)
    recs = ind.records
    block = chart_block(ind, catalog, kind, recs, related=related, base="../indicatoren/") if kind else source_line(ind, catalog, recs)
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{e(ind.titel)} · Impactmonitor HGKM</title>
<link rel="stylesheet" href="../assets/hgkm.css">
<style>body{{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:.5rem;color:#1a1a1a;font-size:15px}}
figure{{margin:0}} .hgkm-insluiten-bron{{font-size:.75rem}}</style>
</head><body class="md-typeset hgkm-embed">
{block}
{symbols_legend(recs)}
<p class="hgkm-insluiten-bron"><a href="../indicatoren/{e(ind.id)}.html" target="_blank" rel="noopener">{e(ind.titel)} op de site van de Impactmonitor huiselijk geweld en kindermishandeling</a></p>
<script src="../assets/vendor/vega.min.js"></script>
<script src="../assets/regios.js"></script>
<script src="../assets/hgkm.js"></script>
</body></html>
"""


def embed_block(ind) -> str:
    """On the indicator page: the iframe code (the page script fills in the absolute URL and the region)."""
    if not first_chart(ind):
        return ""
    return (f'<details class="hgkm-insluiten"><summary>Grafiek insluiten op een andere site</summary>'
            f'<p><label for="hgkm-embed-{e(ind.id)}">Kopieer deze code; de grafiek toont de gekozen regio.</label></p>'
            f'<textarea id="hgkm-embed-{e(ind.id)}" class="hgkm-embedcode" readonly rows="3" data-embed="../embed/{e(ind.id)}.html" '
            f'data-titel="{e(ind.titel)}"></textarea></details>')


def data_page(build) -> str:
    rows = []
    for ind in build.indicators:
        lic = "; ".join(sorted({s["licentie"] for s in ind.sources}))
        pubs = "; ".join(s["titel"] for s in ind.sources)
        rows.append(f'<tr><th scope="row"><a href="indicatoren/{e(ind.id)}.html">{e(ind.titel)}</a></th>'
                    f'<td><a href="data/{e(ind.id)}.csv" download>CSV</a> · <a href="data/{e(ind.id)}.json" download>JSON</a>'
                    + (f' · <a href="embed/{e(ind.id)}.html">grafiek</a>' if first_chart(ind) else "")
                    + f"</td><td>{e(', '.join(periods.label(p) for p in ind.periods))}</td><td>{e(pubs)}</td><td>{e(lic)}</td></tr>")
    packages = "".join(
        f"<li><code>{e(p.name)}</code>: {e(p.title)} ({len(p.observations)} cijfers; licentie "
        f"{e(', '.join(lic.get('name', '') for lic in p.licenses))})</li>"
        for p in sorted(build.catalog.packages.values(), key=lambda p: p.name))
    md = [
        "---", 'title: "Data en downloads"', "---", "",
        "# Data en downloads", "",
        "<p class=\"hgkm-lead\">Alle cijfers op deze site zijn vrij te hergebruiken, met bronvermelding. Per indicator staan ze als "
        "CSV (één rij per gebied, periode en categorie, met CBS-teken, eenheid en bron) en JSON (dezelfde cijfers met definitie en bronnen); "
        "alle datapakketten samen staan in één zip.</p>", "",
        "## Alle datapakketten", "",
        f'<p><a class="md-button md-button--primary" href="{PACKAGES_ZIP}" download>Download alle datapakketten (zip)</a></p>', "",
        "<p>De zip bevat elk <a href=\"https://specs.frictionlessdata.io/data-package/\">Frictionless-datapakket</a> zoals het in de broncode "
        "staat: de beschrijving (<code>datapackage.yaml</code>, met bron, vindplaats, methode en licentie) en de CSV-bestanden met de "
        "gepubliceerde cijfers en hun CBS-tekens.</p>", "",
        lifted(f"<ul>{packages}</ul>"), "",
        "## Licentie en bronvermelding", "",
        "<p>De cijfers zijn gepubliceerd door het CBS en de andere bronnen die bij elk cijfer staan, en mogen worden hergebruikt onder "
        "<a href=\"https://creativecommons.org/licenses/by/4.0/deed.nl\">CC BY 4.0</a>: vermeld de oorspronkelijke bron. Citeer bijvoorbeeld zo:</p>", "",
        "<blockquote><p>Bron: CBS, Beleidsinformatie Veilig Thuis, 2e halfjaar 2019, tabel 'Kerncijfers per Veilig Thuis-regio'; "
        "via Impactmonitor aanpak huiselijk geweld en kindermishandeling (deze site), geraadpleegd op [datum].</p></blockquote>", "",
        "<p>Cijfers die deze site zelf berekent (zoals meldingen per advies, rang en aandeel) zeggen dat in hun bronvermelding "
        "('berekend uit …'). De code van de site valt onder de EUPL-1.2.</p>", "",
        "## Grafieken", "",
        "<p>Onder elke grafiek staan knoppen om hem als PNG (afbeelding) of SVG (tekening, schaalbaar) te downloaden, met de gekozen regio. "
        "Elke indicator met een grafiek heeft ook een losse grafiekpagina om in te sluiten op een andere site (met een <code>&lt;iframe&gt;</code>; "
        "de code staat op de pagina van de indicator, ook met <code>?regio=</code>).</p>", "",
        "## Per indicator", "",
        lifted('<div class="hgkm-tabelwrap"><table class="hgkm-overzicht"><thead><tr><th scope="col">Indicator</th><th scope="col">Downloads</th>'
                      '<th scope="col">Perioden</th><th scope="col">Publicaties</th><th scope="col">Licentie</th></tr></thead>'
                      f'<tbody>{"".join(rows)}</tbody></table></div>'), "",
    ]
    return "\n".join(md)
