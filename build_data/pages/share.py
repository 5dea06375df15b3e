"""What a shared link shows (Open Graph and Twitter card tags): a page's title and description,
and for an indicator page an image of its first chart with the chart's caption (area and period)
and its sources, drawn at build time by vl-convert (static PNG, Dutch number format).

The images are made only for a site with an address (`site_url`, as the Pages workflow sets it):
a link preview needs an absolute image URL, and the offline copy has no use for them (they are
left out of the zip). The tags come from the page's front matter (`og`), which the theme's
template overrides/main.html writes into the head (with the hook's few lines that add the images,
the only MkDocs-specific part)."""

from __future__ import annotations

import textwrap

import vl_convert

from ..compute import charts
from . import static_chart
from .chart import first_paint_rows, first_paint_spec
from .export import first_chart

FOLDER = "assets/delen-beeld"  # the images: assets/delen-beeld/<id>.png
WIDTH = 560  # px: the width of the image (the chart fits its width, as in its column on a page)


def image_path(view) -> str | None:
    """The site path of the indicator's chart image, or None when it has no chart to show."""
    return f"{FOLDER}/{view.id}.png" if first_chart(view) else None


def meta(view, catalog, related=()) -> dict:
    """The front matter `og` of an indicator page: title, description, the image and its text."""
    fig = _figure(view, catalog, related)
    area = ("Nederland, Veilig Thuis-regio's en gemeenten" if fig is not None and fig.municipal
            else "Nederland en Veilig Thuis-regio's" if view.regional else "Nederland")
    out = {"title": f"{view.titel} ({area})", "description": view.tekst or view.definitie or view.titel}
    if fig is not None:
        out.update(image=image_path(view), image_alt=f"Grafiek: {fig.caption}. Bron: {_sources(view)}.")
    return out


def images(views, catalog) -> dict[str, bytes]:
    """site path -> PNG of every indicator's first chart (those small enough to draw)."""
    out = {}
    for view in views:
        fig = _figure(view, catalog, views)
        if fig is not None:
            out[image_path(view)] = png(_titled(first_paint_spec(fig, first_chart(view)), fig.caption, _sources(view)))
    return out


def png(spec: dict) -> bytes:
    return vl_convert.vega_to_png(static_chart.sized(spec, WIDTH), scale=1, format_locale=static_chart.LOCALE)


def _figure(view, catalog, related):
    """The figure of the indicator's first chart if the page draws it at build time, else None."""
    kind = first_chart(view)
    fig = charts.KINDS[kind].figure(view, catalog, related, None) if kind else None
    if fig is None or not fig.drawn:
        return None
    drawn = first_paint_rows(fig, kind)  # counted, not split: a page asks this of every indicator
    rows = sum(1 for d in fig.spec.get("data", []) for r in d.get("values", []) if drawn(r.get("regio_slug")))
    return fig if rows <= static_chart.MAX_ROWS else None


def _sources(view) -> str:
    return "; ".join(s["titel"] for s in view.sources)


def _titled(spec: dict, caption: str, sources: str) -> dict:
    """The chart with its caption (whose area and period must stay whole: wrapped, never cut) and
    its sources above it."""
    return {**spec, "background": "white",
            "title": {"text": textwrap.wrap(caption, 60), "subtitle": textwrap.wrap(f"Bron: {sources}", 90),
                      "anchor": "start", "fontSize": 15, "subtitleFontSize": 11, "offset": 12}}
