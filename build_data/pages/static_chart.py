"""A chart drawn at build time: the compiled Vega spec rendered to inline SVG by vl-convert (the
same Vega, the same Dutch number format as the page script), so a page shows its figures at first
paint, without JavaScript, in print and in a reader mode. The page script draws the chart again
with the Vega runtime only when the reader needs it (another region, a tooltip, an export, a width
the drawings do not fit); see docs/assets/hgkm.js.

A chart is drawn twice: for a phone (SMALL) and for a wide screen (WIDE), the widths of the chart
column at 390 px and at 1280 px; the stylesheet shows one by the width of the window (a drawing
scaled far from its width would make its text too small or too large)."""

from __future__ import annotations

import hashlib
import json
import re

import vl_convert
from markupsafe import Markup

from .html import render

SMALL, WIDE = 358, 688  # width of the chart column (px) in a window of 390 and of 1280 px
# Dutch number format as the CBS writes it (64 425 with a no-break space, 55,6 %): hgkm.js LOCALE
LOCALE = {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["€\u00a0", ""], "percent": "\u00a0%"}
REGION = "nederland"  # the value of the spec's parameter `regio` in the drawing: Nederland

_CACHE: dict[tuple[str, int], str] = {}
_ROOT = re.compile(r'^<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" class="marks" ')
_USES_REGION = re.compile(r"(?<![\w.])regio(?!\w)")


def uses_region(spec: dict) -> bool:
    """Whether the chart changes with the parameter `regio` (an expression names it): if not, its
    drawing holds for every region."""
    text = json.dumps([s for s in spec.get("signals", []) if s.get("name") != "regio"] +
                      [{k: v for k, v in spec.items() if k not in ("signals", "data", "description")}] +
                      [{k: v for k, v in d.items() if k != "values"} for d in spec.get("data", [])])
    return bool(_USES_REGION.search(text))


def svg(spec: dict, width: int) -> str:
    """The chart as SVG text, `width` pixels wide (the width a container of that size gives it)."""
    text = json.dumps(spec, ensure_ascii=False, sort_keys=True)
    key = (hashlib.sha256(text.encode()).hexdigest(), width)
    if key not in _CACHE:
        sized = json.loads(text.replace("containerSize()[0]", str(width)))
        out = vl_convert.vega_to_svg(sized, format_locale=LOCALE)
        if not _ROOT.match(out):
            raise RuntimeError(f"vl-convert gaf onverwachte SVG: {out[:120]!r}")
        _CACHE[key] = out
    return _CACHE[key]


def drawings(spec: dict) -> Markup:
    """The two drawings of a chart for the page (classes hgkm-smal and hgkm-breed), template
    chart/drawing.html."""
    return Markup("").join(render("chart/drawing.html", size=size, width=width, rest=Markup(_ROOT.sub("", svg(spec, width), count=1)))
                           for size, width in (("smal", SMALL), ("breed", WIDE)))  # vl-convert escapes every text it writes (XML)
