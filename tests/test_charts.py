"""Chart specs: compiled with one row per dataset and the rows put back afterwards
(build_data.compute.charts.base.finish) gives what compiling with every row gives, for every chart of the
site. Equal as JSON values: the compiler writes a whole float as 5, the rows put back keep 5.0,
the same number in JavaScript."""

from __future__ import annotations

import pytest

from build_data import ROOT
from build_data.compute.charts import base as charts
from build_data.compute.charts.halfjaar_reeks import halfjaar_reeks
from build_data.compute.view import make_view, shares_chart
from build_data.pages.chart import chart_block
from build_data.site.build import check_inputs


def _all_specs(catalog, views) -> dict[str, dict]:
    out = {}
    for view in views:
        view.specs.clear()  # no spec made the other way
        for kind in view.grafieken:
            chart_block(view, catalog, kind, related=views)
        for kind, spec in view.specs.items():
            out[f"{view.id}/{kind}"] = spec
        view.specs.clear()
    shares = shares_chart(views)
    if shares:
        out["regioprofiel"] = shares[0]
    return out


@pytest.fixture(scope="module")
def both_ways():
    catalog, indicators, problems = check_inputs(ROOT)
    assert not [p for p in problems if p.severity == "error"]
    indicators = [make_view(i, catalog) for i in indicators]
    fast = _all_specs(catalog, indicators)
    charts.COMPILE_WITH_ROWS = True
    try:
        slow = _all_specs(catalog, indicators)
    finally:
        charts.COMPILE_WITH_ROWS = False
    return fast, slow


def test_every_chart_of_the_site_is_compared(both_ways):
    fast, slow = both_ways
    assert len(fast) >= 60 and set(fast) == set(slow)
    kinds = {k.split("/")[-1] for k in fast}
    assert {"regio-vergelijking", "halfjaar-reeks", "categorieen", "populaties", "cohort", "regioprofiel"} <= kinds


def test_compiling_one_row_gives_the_same_spec_as_all_rows(both_ways):
    fast, slow = both_ways
    differ = [k for k in fast if fast[k] != slow[k]]
    assert differ == []
    # and the rows are really there: a chart holds as many rows as it was given
    reeks = fast["ontvangen_meldingen/halfjaar-reeks"]
    assert len(reeks["data"][0]["values"]) > 1


def test_a_dataset_the_compiler_drops_stops_the_build(monkeypatch):
    monkeypatch.setattr(charts.vl_convert, "vegalite_to_vega", lambda spec, vl_version: {"data": []})
    rows = [{"regio_code": "NL01", "regio_naam": "Nederland", "regio_slug": "nederland", "periode": "2019-H2",
             "periode_label": "2e halfjaar 2019", "waarde": 5, "waarde_tekst": "5", "teken": "", "categorie": "", "groep": "", "noot": ""}]
    with pytest.raises(RuntimeError, match="d0"):
        halfjaar_reeks("Titel", "aantal", rows)


def _regions(period: str, values: list, symbol: str) -> list[dict]:
    from build_data.model.periods import label
    rows = [{"regio_code": "NL01", "regio_naam": "Nederland", "regio_slug": "nederland", "periode": period,
             "periode_label": label(period), "waarde": 50.5, "waarde_tekst": "50,5", "teken": "", "categorie": "", "groep": "", "noot": ""}]
    for i, v in enumerate(values):
        rows.append({"regio_code": f"VT{i + 1:02d}", "regio_naam": f"Regio {i + 1}", "regio_slug": f"regio-{i + 1}", "periode": period,
                     "periode_label": label(period), "waarde": v, "waarde_tekst": "." if v is None else str(v).replace(".", ","),
                     "teken": "." if v is None else symbol, "categorie": "", "groep": "", "noot": ""})
    return rows


def test_a_chart_made_for_another_period_equals_one_made_anew():
    """regio_vergelijking is made with altair once per shape and then given only new rows
    (base.reuse): for a second period, one with CBS symbols the first had none of, the result
    equals the chart made from scratch with every row."""
    from build_data.compute.charts.regio_vergelijking import regio_vergelijking
    charts._SHAPES.clear()
    first = _regions("2019-H2", [10.5, 20.25, 30.0], "")
    second = _regions("2020-H1", [7.5, None, 40.0], "*")
    regio_vergelijking("Test", "procent", first, "2019-H2")
    assert len(charts._SHAPES) == 1
    reused = regio_vergelijking("Test", "procent", second, "2020-H1")
    charts.COMPILE_WITH_ROWS = True
    try:
        anew = regio_vergelijking("Test", "procent", second, "2020-H1")
    finally:
        charts.COMPILE_WITH_ROWS = False
    assert reused == anew
    assert any(r.get("teken_uitleg") for d in reused["data"] for r in d.get("values", []))
    assert "2020" in reused["description"] and reused["description"] == anew["description"]
