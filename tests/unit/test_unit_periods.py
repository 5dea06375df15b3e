"""Periods: validity, the half-years a period covers, sort order and labels (build_data.model.periods)."""

from __future__ import annotations

import pytest

from build_data.model import periods

EN_DASH = "\u2013"


@pytest.mark.parametrize("period", ["2019", "2019-H1", "2019-H2", "2016-2020", "1999", "2019-2020"])
def test_valid_periods(period):
    assert periods.is_valid(period)


@pytest.mark.parametrize("period", [
    "", None, "19", "219", "20190", "1899", "2100", "2019-H0", "2019-H3", "2019-h2", "2019H2",
    "2019-2019",  # a span covers more than one year
    "2020-2016",  # a span runs forward
    "2016-2100", "2016–2020",  # en dash is how it is shown, not how it is written
    " 2019", "2019 ", "2019-H2-2020", "2019-1",
])
def test_invalid_periods(period):
    assert not periods.is_valid(period)


@pytest.mark.parametrize("period, first, last", [
    ("2019-H1", (2019, 1), (2019, 1)),
    ("2019-H2", (2019, 2), (2019, 2)),
    ("2019", (2019, 1), (2019, 2)),
    ("2016-2020", (2016, 1), (2020, 2)),
])
def test_span_is_first_and_last_half_year(period, first, last):
    assert periods.span(period) == (first, last)


def test_sort_order_half_years_then_year_then_span_by_last_year():
    shuffled = ["2020-H1", "2016-2019", "2019", "2019-H2", "2018", "2019-H1", "2020-2021", "2020"]
    assert sorted(shuffled, key=periods.sort_key) == [
        "2018", "2019-H1", "2019-H2", "2019", "2016-2019", "2020-H1", "2020", "2020-2021"]


def test_a_year_sorts_after_both_its_half_years():
    assert periods.sort_key("2019-H1") < periods.sort_key("2019-H2") < periods.sort_key("2019")
    assert periods.sort_key("2019") < periods.sort_key("2020-H1")


def test_a_span_sorts_by_its_last_year_not_its_first():
    # 2016-2020 starts before 2019 but ends after all of 2020
    assert periods.sort_key("2019") < periods.sort_key("2020-H2") < periods.sort_key("2020") < periods.sort_key("2016-2020")
    assert periods.sort_key("2016-2020") < periods.sort_key("2021-H1")
    assert periods.sort_key("2019-2020") > periods.sort_key("2016-2019")


@pytest.mark.parametrize("period", ["", "2019-H3", "H2-2019", "foo", "2019/2020"])
def test_sort_key_rejects_invalid_periods(period):
    with pytest.raises(ValueError, match="ongeldige periode"):
        periods.sort_key(period)


@pytest.mark.parametrize("period, symbol, text", [
    ("2019-H2", "*", "2e halfjaar 2019*"),
    ("2019-H1", "", "1e halfjaar 2019"),
    ("2020-H1", "**", "1e halfjaar 2020**"),
    ("2019", "", "2019"),
    ("2019", "*", "2019*"),
    ("2016-2020", "", f"2016{EN_DASH}2020"),
    ("2016-2020", "**", f"2016{EN_DASH}2020**"),
    # only the symbols of provisional figures belong in a period label
    ("2019-H2", "x", "2e halfjaar 2019"),
    ("2019-H2", ".", "2e halfjaar 2019"),
    ("2019", "blank", "2019"),
])
def test_label(period, symbol, text):
    assert periods.label(period, symbol) == text


def test_label_span_uses_an_en_dash():
    text = periods.label("2016-2020")
    assert text == "2016\u20132020"
    assert "-" not in text


@pytest.mark.parametrize("period", ["", "2019-H3", "19", "2019 H2", "nu"])
def test_label_rejects_invalid_periods(period):
    with pytest.raises(ValueError, match="ongeldige periode"):
        periods.label(period)


@pytest.mark.parametrize("period, symbol, text", [
    ("2019-H2", "", "2e hj 2019"),
    ("2019-H1", "*", "1e hj 2019*"),
    ("2019", "**", "2019**"),
    ("2016-2020", "", f"2016{EN_DASH}2020"),
    ("2019-H2", "x", "2e hj 2019"),
])
def test_short_label(period, symbol, text):
    assert periods.short_label(period, symbol) == text


@pytest.mark.parametrize("period, expected", [
    ("2019-H1", True), ("2019-H2", True), ("2019", False), ("2016-2020", False),
    ("", False), ("2019-H3", False), ("halfjaar", False),
])
def test_is_half_year(period, expected):
    assert periods.is_half_year(period) is expected


def test_label_and_short_label_agree_on_years_and_spans():
    for p in ("2019", "2016-2020"):
        assert periods.label(p, "*") == periods.short_label(p, "*")


# Found while writing these tests; left for the module's owner (strict: the test fails once fixed,
# then drop the marker).
@pytest.mark.xfail(strict=True, reason="short_label and span raise AttributeError, not ValueError, for an invalid period")
@pytest.mark.parametrize("fn", ["short_label", "span"])
def test_short_label_and_span_reject_invalid_periods_like_label(fn):
    with pytest.raises(ValueError):
        getattr(periods, fn)("2019-H3")


@pytest.mark.xfail(strict=True, reason="PATTERN ends in '$', which also matches before a final newline")
def test_a_period_with_a_trailing_newline_is_invalid():
    assert not periods.is_valid("2019\n")
