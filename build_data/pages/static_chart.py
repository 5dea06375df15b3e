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
import importlib.metadata
import json
import os
import re
import tempfile
from pathlib import Path

import vl_convert
from markupsafe import Markup

from .html import render

SMALL, WIDE = 358, 688  # width of the chart column (px) in a window of 390 and of 1280 px
# Dutch number format as the CBS writes it (64 425 with a no-break space, 55,6 %): hgkm.js LOCALE
LOCALE = {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["€\u00a0", ""], "percent": "\u00a0%"}
MAX_ROWS = 800  # a chart with more rows gets no drawing, the runtime draws it (a profile of 26 regions × 47 indicators at 4x scale: 1.2 MB a page)
REGION = "nederland"  # the value of the spec's parameter `regio` in a drawing, unless a page asks another

_CACHE: dict[str, str] = {}
# Drawings made before are kept on disk by their key (the spec, the width, the locale and the
# vl-convert version: the same key always gives the same SVG), so a build redraws only the charts
# whose spec changed. HGKM_TEKENINGEN names another folder; an empty value keeps none.
_DISK = os.environ.get("HGKM_TEKENINGEN", str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hgkm-impactmonitor" / "tekeningen"))
_VERSION = importlib.metadata.version("vl-convert-python")
_ROOT = re.compile(r'^<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" class="marks" ')
_USES_REGION = re.compile(r"(?<![\w.])regio(?!\w)")


def uses_region(spec: dict) -> bool:
    """Whether the chart changes with the parameter `regio` (an expression names it): if not, its
    drawing holds for every region."""
    text = json.dumps([s for s in spec.get("signals", []) if s.get("name") != "regio"] +
                      [{k: v for k, v in spec.items() if k not in ("signals", "data", "description")}] +
                      [{k: v for k, v in d.items() if k != "values"} for d in spec.get("data", [])])
    return bool(_USES_REGION.search(text))


def _for_region(spec: dict, region: str) -> dict:
    """The spec with its parameter `regio` set to `region` (a region profile shows its own)."""
    return {**spec, "signals": [{**s, "value": region} if s.get("name") == "regio" else s for s in spec.get("signals", [])]}


def svg(spec: dict, width: int) -> str:
    """The chart as SVG text, `width` pixels wide (the width a container of that size gives it)."""
    text = json.dumps(spec, ensure_ascii=False, sort_keys=True)
    key = hashlib.sha256(json.dumps([_VERSION, LOCALE, width, text]).encode()).hexdigest()
    if key not in _CACHE:
        _CACHE[key] = _from_disk(key) or _to_disk(key, _draw(text, width))
    return _CACHE[key]


def sized(spec: dict | str, width: int) -> dict:
    """The spec (or its JSON text) as drawn in a container `width` pixels wide."""
    text = spec if isinstance(spec, str) else json.dumps(spec, ensure_ascii=False, sort_keys=True)
    return json.loads(text.replace("containerSize()[0]", str(width)))


def _draw(text: str, width: int) -> str:
    out = vl_convert.vega_to_svg(sized(text, width), format_locale=LOCALE)
    if not _ROOT.match(out):
        raise RuntimeError(f"vl-convert gaf onverwachte SVG: {out[:120]!r}")
    return out


def _from_disk(key: str) -> str | None:
    if not _DISK:
        return None
    try:
        out = (Path(_DISK) / f"{key}.svg").read_text(encoding="utf-8")
    except OSError:
        return None
    return out if _ROOT.match(out) else None


def _to_disk(key: str, out: str) -> str:
    """Written whole or not at all (a temporary file renamed), so a build running beside another never reads half."""
    if _DISK:
        try:
            folder = Path(_DISK)
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(out)
            os.replace(tmp, folder / f"{key}.svg")
        except OSError:
            pass  # a folder one cannot write to: drawn again next time
    return out


def drawings(spec: dict, region: str = REGION) -> Markup:
    """The two drawings of a chart for the page (classes hgkm-smal and hgkm-breed), template
    chart/drawing.html, with the parameter `regio` set to `region`."""
    if sum(len(d.get("values", [])) for d in spec.get("data", [])) > MAX_ROWS:
        return Markup("")  # too many rows to draw twice inline: the runtime draws it
    if region != REGION:
        spec = _for_region(spec, region)
    return Markup("").join(render("chart/drawing.html", size=size, width=width, rest=Markup(_ROOT.sub("", svg(spec, width), count=1)))
                           for size, width in (("smal", SMALL), ("breed", WIDE)))  # vl-convert escapes every text it writes (XML)
