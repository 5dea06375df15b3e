"""build_data.pages.static_chart: a chart drawn at build time has the page script's number format,
knows when it depends on the chosen region, and is drawn at the two column widths (small Vega
specs written here; the drawing is vl-convert's, the same Vega the page script runs)."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from build_data.pages import static_chart

SCRIPT = Path(__file__).resolve().parents[2] / "docs/assets/hgkm.js"


def test_the_drawing_and_the_page_script_use_one_number_format():
    """The LOCALE object of hgkm.js, evaluated by node, equals static_chart.LOCALE: a drawing and
    the chart the runtime draws over it write 64 425 and 55,6 % alike."""
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed")
    line = re.search(r"^  var LOCALE = (\{.*\});$", SCRIPT.read_text(encoding="utf-8"), re.M)
    assert line, "hgkm.js has no LOCALE line"
    out = subprocess.run([node, "-e", f"console.log(JSON.stringify({line[1]}))"], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == static_chart.LOCALE


def _bars(values, signals=(), filter_expr="true"):
    return {"$schema": "https://vega.github.io/schema/vega/v6.json", "height": 60,
            "signals": [{"name": "width", "update": "containerSize()[0]"}, *signals],
            "data": [{"name": "d", "values": values, "transform": [{"type": "filter", "expr": filter_expr}]}],
            "scales": [{"name": "x", "type": "linear", "domain": {"data": "d", "field": "w"}, "range": "width", "zero": True},
                       {"name": "y", "type": "band", "domain": {"data": "d", "field": "k"}, "range": "height"}],
            "marks": [{"type": "rect", "from": {"data": "d"},
                       "encode": {"enter": {"x": {"value": 0}, "x2": {"scale": "x", "field": "w"},
                                            "y": {"scale": "y", "field": "k"}, "height": {"scale": "y", "band": 1}}}},
                      {"type": "text", "from": {"data": "d"},
                       "encode": {"enter": {"x": {"value": 2}, "y": {"scale": "y", "field": "k"},
                                            "text": {"signal": "format(datum.w, ',.0f') + ' / ' + format(datum.p, '.1%')"}}}}]}


def test_uses_region_only_where_an_expression_names_the_parameter():
    regio = {"name": "regio", "value": "nederland", "bind": {"input": "select", "options": ["nederland", "regio"]}}
    values = [{"k": "regio", "w": 1, "p": 0.5}]  # the word in the data or in the description does not count
    assert not static_chart.uses_region({**_bars(values, [regio]), "description": "per regio"})
    assert static_chart.uses_region(_bars(values, [regio], "datum.slug === regio"))
    assert not static_chart.uses_region(_bars(values, [regio], "datum.regio === 'x'"))  # a field named regio is not the parameter


def test_a_chart_is_drawn_at_both_widths_with_dutch_numbers(tmp_path, monkeypatch):
    monkeypatch.setattr(static_chart, "_DISK", str(tmp_path))
    static_chart._CACHE.clear()
    spec = _bars([{"k": "a", "w": 64425, "p": 0.556}, {"k": "b", "w": 1200, "p": 0.05}])
    out = str(static_chart.drawings(spec))
    smal, breed = re.findall(r'<svg [^>]*class="marks hgkm-statisch hgkm-(smal|breed)"[^>]*data-breedte="(\d+)"', out)
    assert (smal, breed) == (("smal", str(static_chart.SMALL)), ("breed", str(static_chart.WIDE)))
    assert out.count("64\u00a0425 / 55,6\u00a0%") == 2 and out.count("1\u00a0200 / 5,0\u00a0%") == 2
    widths = [float(w) for w in re.findall(r'<path d="M0,[\d.]+h([\d.]+)v', out)]  # the bars (the background has a class first)
    small, wide = static_chart.SMALL, static_chart.WIDE
    assert widths == pytest.approx([small, small * 1200 / 64425, wide, wide * 1200 / 64425], abs=0.01)
    assert len(list(tmp_path.glob("*.svg"))) == 2  # kept on disk, one file a width
    static_chart._CACHE.clear()
    assert str(static_chart.drawings(spec)) == out  # read back from disk, the same


def test_a_chart_of_too_many_rows_is_left_to_the_runtime():
    rows = [{"k": str(i), "w": i, "p": 0.1} for i in range(static_chart.MAX_ROWS + 1)]
    assert str(static_chart.drawings(_bars(rows))) == ""
