"""The slim Vega bundle (scripts/vega-bundle.mjs) and the build check of every chart spec against it."""

import html
import json
from pathlib import Path

import pytest

from build_data.site import vega_check

ROOT = Path(__file__).resolve().parent.parent


def _manifest():
    path = ROOT / vega_check.MANIFEST
    if not path.is_file():
        pytest.fail(f"{path} ontbreekt: voer make setup uit", pytrace=False)
    return json.loads(path.read_text(encoding="utf-8"))


def _page(spec: dict) -> str:
    return f'<div class="hgkm-chart" data-spec="{html.escape(json.dumps(spec), quote=True)}"></div>'


def test_bundle_leaves_out_the_unused_transforms_and_keeps_the_used():
    m = _manifest()
    for kept in ("filter", "formula", "stack", "aggregate", "collect", "encode", "axisticks", "datajoin"):
        assert kept in m["transforms"], kept
    for dropped in ("geoshape", "force", "treemap", "label", "regression", "voronoi", "wordcloud", "crossfilter"):
        assert dropped not in m["transforms"], dropped
    assert {"isValid", "format", "containerSize", "bandwidth", "join"} <= set(m["functies"])


def test_check_names_a_transform_or_function_the_bundle_lacks():
    spec = {"$schema": "https://vega.github.io/schema/vega/v6.json",
            "data": [{"name": "d", "values": [{"expr": "geheim('x')", "type": "voronoi"}],
                      "transform": [{"type": "filter", "expr": "isValid(datum.a) && 'wordcloud(' != ''"},
                                    {"type": "voronoi", "x": "x", "y": "y"}]}],
            "signals": [{"name": "s", "update": "onbekend(1) + max(1, 2)"}]}
    problems = vega_check.check(ROOT, {"indicatoren/x.md": _page(spec)}, {})
    assert [p.type for p in problems] == ["vega-bundle"]
    msg = problems[0].message
    assert "transform 'voronoi'" in msg and "functie 'onbekend'" in msg
    # not from data values or string literals, and nothing the bundle has
    assert "geheim" not in msg and "wordcloud" not in msg and "filter" not in msg and "max" not in msg


def test_check_passes_the_specs_the_bundle_can_draw():
    spec = {"$schema": "https://vega.github.io/schema/vega/v6.json",
            "data": [{"name": "d", "values": [], "transform": [{"type": "stack", "field": "v"}]}]}
    js = ("window.HGKM_X = " + json.dumps(spec) + ";\n").encode()
    assert vega_check.check(ROOT, {"a.md": _page(spec)}, {"assets/x.js": js, "embed/a.html": _page(spec).encode()}) == []


def test_check_reads_the_specs_in_the_parts_of_a_page():
    """A part loaded on demand (build_data.pages.parts) holds HTML with data-spec attributes in JSON
    strings: its specs are checked like a page's."""
    from build_data.pages import parts

    bad = {"$schema": "https://vega.github.io/schema/vega/v6.json", "data": [{"name": "d", "values": [], "transform": [{"type": "voronoi"}]}]}
    good = {"$schema": "https://vega.github.io/schema/vega/v6.json", "data": [{"name": "d", "values": []}]}
    part = parts.script("x-perioden", {"2019-H2": _page(good), "2020-H1": "<p>" + _page(bad) + "</p>"})
    problems = vega_check.check(ROOT, {}, {parts.path("x-perioden"): part})
    assert [(p.file, p.type) for p in problems] == [("assets/delen/x-perioden.js", "vega-bundle")]
    assert "transform 'voronoi'" in problems[0].message
    assert vega_check.check(ROOT, {}, {parts.path("y"): parts.script("y", {"2019-H2": _page(good)})}) == []
