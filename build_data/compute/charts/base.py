"""What the chart kinds share: colours, axis formats, the region parameter, and the way a spec made
with altair from the indicator's records is compiled to Vega at build time (vl-convert), so the
browser needs only vega (a slim bundle, scripts/vega-bundle.mjs).

Every chart holds its data inline (no fetch: that fails under file://) and a parameter `regio`
(a region slug) that the page script sets; the chart never computes anything the build did not
prepare. Labels and tooltips show `waarde_tekst`, the Dutch-formatted value with its CBS symbol."""

from __future__ import annotations

import json
import re

import altair as alt
import vl_convert

from ...model import symbols

VL_VERSION = "6.4"
HIGHLIGHT = "#154273"  # rijksblauw
BASE = "#7593ba"  # 3,2:1 against white and against the highlight (WCAG 1.4.11)
REFERENCE = "#a90061"  # Nederland as reference line
LINE_PALETTE = ["#154273", "#e17000", "#39870c", "#a90061", "#673327"]  # distinct and dark enough for text labels
PALETTE = ["#154273", "#5c87b8", "#00808c", "#a90061", "#e17000", "#39870c", "#673327", "#8e8e8e"]
SELECTED = "datum.regio_slug === regio"
SYMBOL_TIP = alt.Tooltip("teken_uitleg:N", title="Teken")


def x_format(unit: str) -> str:
    return ",~r" if unit != "aantal" else ",d"


def unit_title(unit: str) -> str:
    return {"aantal": "aantal", "procent": "%", "procent_verandering": "% verandering",
            "gemiddelde": "gemiddelde", "score": "score", "factor": "keer zo groot", "verhouding": "verhouding"}.get(unit, unit)


def param():
    return alt.param(name="regio", value="nederland")


COMPILE_WITH_ROWS = False  # True: hand every row to the compiler (the slow way; tests compare both)
_PENDING: dict[str, list] = {}  # rows of the chart being made, by dataset name


def inline(values: list[dict]) -> alt.Data:
    """A named dataset whose rows are put into the spec only in finish: altair then never copies
    or validates the rows one by one (that took most of the build time), and the compiled Vega
    still carries the rows inline (no fetch: that fails under file://)."""
    name = f"d{len(_PENDING)}"
    _PENDING[name] = _explained(values)
    return alt.Data(name=name)


def _explained(values: list[dict]) -> list[dict]:
    # a CBS symbol explained in the tooltip ('x' → 'geheim'); rows without one get no such line
    return [{**r, "teken_uitleg": symbols.meaning(r["teken"])} if r.get("teken") else r for r in values]


def _used_columns(rows: list[dict], spec: dict) -> list[dict]:
    """The rows with only the columns the spec names (fields, expressions, tooltips): a chart
    carries no provenance columns it never shows (those are in the table and the downloads), which
    halves what every page holds inline."""
    return _columns_named(rows, _spec_text(spec))


def _spec_text(spec: dict) -> str:
    return json.dumps({k: v for k, v in spec.items() if k not in ("description", "datasets")})  # prose, never read by the chart


def _columns_named(rows: list[dict], text: str) -> list[dict]:
    keys = list(dict.fromkeys(k for r in rows for k in r))
    keep = [k for k in keys if re.search(rf"(?<![\w]){re.escape(k)}(?![\w])", text)]
    return [{k: r[k] for k in keep if k in r} for r in rows]


# Labels as wide as the width the chart gets allows (the full text is in the tooltip and the table):
# on a phone a long category name would otherwise leave the bars no room at all.
AXIS_LABEL_LIMIT = alt.ExprRef(expr="clamp(containerSize()[0] * 0.38, 70, 300)")
LEGEND_LABEL_LIMIT = alt.ExprRef(expr="max(120, containerSize()[0] - 60)")
LEGEND_COLUMNS = alt.ExprRef(expr="containerSize()[0] < 600 ? 1 : 0")  # one item a line on a phone (0: one row)


_LAST: dict = {}  # the dataset names and spec text of the chart finish made last (for reuse)
_SHAPES: dict = {}  # compiled charts without their rows, by the shape that makes them (reuse)


def reuse(shape: tuple, rows: list[list[dict]], description: str, make) -> dict:
    """The compiled chart of `make()` (altair, then finish), made once per shape and then only
    given new rows and a new description: a chart the build makes for every period (the regions
    side by side) has the same marks, scales and signals in each, and making it with altair was
    most of a large site's build. `shape` must hold everything besides the rows and the
    description that the chart depends on; `rows` are the datasets in the order `make` names
    them with inline. tests/test_charts.py proves the result equal to making each anew."""
    if COMPILE_WITH_ROWS:
        return make()
    if shape not in _SHAPES:
        vega = make()
        names = set(_LAST["names"])
        blank = {**vega, "data": [{**d, "values": []} if d.get("name") in names and "values" in d else d for d in vega.get("data", [])]}
        _SHAPES[shape] = (json.dumps(blank), list(_LAST["names"]), _LAST["text"])
        return vega
    template, names, text = _SHAPES[shape]
    vega = json.loads(template)
    if len(names) != len(rows):
        raise RuntimeError(f"reuse: {len(rows)} datasets voor {len(names)} namen ({shape})")
    by_name = {name: _columns_named(_explained(r), text) for name, r in zip(names, rows)}
    for data in vega.get("data", []):
        if data.get("name") in by_name and "values" in data:
            data["values"] = by_name[data["name"]]
    vega["description"] = description
    return vega


def finish(chart, description: str) -> dict:
    # room on the right for the value label of the longest bar (it is drawn past the bar's end)
    spec = chart.properties(description=description, padding={"left": 5, "top": 5, "bottom": 5, "right": 56}).configure_view(stroke=None).configure_axis(
        labelFontSize=12, titleFontSize=12, labelLimit=AXIS_LABEL_LIMIT).configure_legend(
        labelLimit=LEGEND_LABEL_LIMIT, columns=LEGEND_COLUMNS).to_dict(validate=False)  # vl-convert checks it while compiling
    datasets = {name: _used_columns(rows, spec) for name, rows in _PENDING.items()}
    _PENDING.clear()
    _LAST["names"], _LAST["text"] = list(datasets), _spec_text(spec)
    if COMPILE_WITH_ROWS:
        spec["datasets"] = datasets
        return vl_convert.vegalite_to_vega(spec, vl_version=VL_VERSION)
    # The compiler never looks at the rows of a dataset, it only passes them on: it gets one row
    # of each and the compiled spec gets all of them back (serialising thousands of rows into the
    # compiler and out again was most of a large chart's cost). tests/test_charts.py proves the
    # result equal (as JSON values) to compiling with all rows, for every chart of the site.
    spec["datasets"] = {name: rows[:1] for name, rows in datasets.items()}
    vega = vl_convert.vegalite_to_vega(spec, vl_version=VL_VERSION)
    returned = set()
    for data in vega.get("data", []):
        if data.get("name") in datasets and "values" in data:
            data["values"] = datasets[data["name"]]
            returned.add(data["name"])
    if returned != set(datasets):
        raise RuntimeError(f"vl-convert gaf datasets {sorted(set(datasets) - returned)} niet terug")
    return vega
