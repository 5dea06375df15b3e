"""Chart specs: compiled with one row per dataset and the rows put back afterwards
(build_data.charts._finish) gives what compiling with every row gives, for every chart of the
site. Equal as JSON values: the compiler writes a whole float as 5, the rows put back keep 5.0,
the same number in JavaScript."""

from __future__ import annotations

import pytest

from build_data import ROOT

from build_data.compute.charts import base as charts

from build_data.pages import profile as profiles

from build_data.pages import render
from build_data.site.build import Build, validate
from build_data.load.declarations import load_themes
from build_data.compute.outputs import records


def _all_specs(catalog, indicators) -> dict[str, dict]:
    out = {}
    for ind in indicators:
        ind.__dict__.pop("_specs", None)  # no spec made the other way
        recs = records(ind, catalog)
        for kind in ind.grafieken:
            render.chart_block(ind, catalog, kind, recs, related=indicators)
        for kind, spec in ind.__dict__.get("_specs", {}).items():
            out[f"{ind.id}/{kind}"] = spec
        ind.__dict__.pop("_specs", None)
    shares = profiles.shares_chart(Build(catalog, indicators, load_themes()))
    if shares:
        out["regioprofiel"] = shares[0]
    return out


@pytest.fixture(scope="module")
def both_ways():
    catalog, indicators, problems = validate(ROOT)
    assert not [p for p in problems if p.severity == "error"]
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
        charts.halfjaar_reeks("Titel", "aantal", rows)
