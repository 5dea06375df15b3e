"""build_data.compute.view.figures_present: what the overview says exists comes from the figures
present, per level (values worked out by hand)."""

from types import SimpleNamespace

from build_data.compute.view import figures_present


def rec(code, period, value):
    return {"regio_code": code, "periode": period, "waarde": value}


def test_only_symbols_is_not_available():
    view = SimpleNamespace(records=[rec("NL01", "2020", None), rec("VT01", "2020", None)], change=[])
    assert figures_present(view) == {"national": False, "regional": False, "series": "", "available": False}


def test_a_series_needs_two_half_years_of_one_area():
    view = SimpleNamespace(records=[rec("NL01", "2019-H2", 5), rec("NL01", "2020-H1", 6),
                                    rec("VT01", "2019-H2", 1), rec("VT02", "2020-H1", 2)],  # two regions, one half-year each
                           change=[])
    assert figures_present(view) == {"national": True, "regional": True, "series": "landelijk", "available": True}
    view.records += [rec("VT01", "2020-H1", 3)]
    assert figures_present(view)["series"] == "landelijk en per regio"


def test_years_are_no_half_year_series_and_change_figures_count():
    view = SimpleNamespace(records=[rec("NL01", "2019", 5), rec("NL01", "2020", None)], change=[rec("VT03", "2020-H1", -2)])
    assert figures_present(view) == {"national": True, "regional": True, "series": "", "available": True}
