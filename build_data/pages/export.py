"""Downloads beyond the per-indicator CSV/JSON: all data packages as one zip, a minimal embeddable
chart page per indicator (embed/<id>.html, region in its URL), and the Data page that lists every
download with its licence and how to cite it."""

from __future__ import annotations

from ..compute.charts import drawn
from ..compute.outputs import SCHEMA_PATH, download_schema
from ..model import periods
from . import edition as editions
from .blocks import source_line, symbols_legend
from .chart import chart_block
from .html import render

PACKAGES_ZIP = "downloads/impactmonitor-hgkm-datapakketten.zip"


def first_chart(ind) -> str | None:
    """The first chart kind of the indicator that draws a chart (an embed page shows it)."""
    return next(iter(drawn(ind.grafieken)), None)


def embed_page(ind, catalog, related=()) -> str:
    """A page with only the indicator's first chart, its table and source: for an <iframe>."""
    kind = first_chart(ind)
    recs = ind.records
    block = chart_block(ind, catalog, kind, related=related, base="../indicatoren/") if kind else source_line(ind, catalog, recs)
    return str(render("export/embed_page.html", id=ind.id, title=ind.titel, block=block,
                      legend=symbols_legend(recs)))


def embed_block(ind) -> str:
    """On the indicator page: the iframe code (the page script fills in the absolute URL and the region)."""
    if not first_chart(ind):
        return ""
    return render("export/embed_block.html", id=ind.id, title=ind.titel)


def data_page(build) -> str:
    """data.md: the zip of all data packages, licence and citation, and every indicator's downloads."""
    rows = [{"id": ind.id, "title": ind.titel, "chart": bool(first_chart(ind)),
             "periods": ", ".join(periods.label(p) for p in ind.periods),
             "publications": "; ".join(s["titel"] for s in ind.sources),
             "licences": "; ".join(sorted({s["licentie"] for s in ind.sources}))}
            for ind in build.indicators]
    packages = [{"name": p.name, "title": p.title, "count": len(p.observations),
                 "licenses": ", ".join(lic.get("name", "") for lic in p.licenses)}
                for p in sorted(build.catalog.packages.values(), key=lambda p: p.name)]
    return str(render("export/data.md", packages_zip=PACKAGES_ZIP, offline=editions.offline_link(build),
                      packages=render("export/data_packages.html", packages=packages),
                      schema=SCHEMA_PATH, columns=render("export/data_columns.html", fields=download_schema()["fields"],
                                                         types={"string": "tekst", "number": "getal", "integer": "geheel getal"}),
                      table=render("export/data_table.html", rows=rows)))
