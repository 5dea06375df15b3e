"""Dutch number formats and values as the tables show them (build_data.model.formatting)."""

from __future__ import annotations

import math

import pytest

from build_data.model import formatting

NBSP = "\u00a0"
MINUS = "\u2212"


@pytest.mark.parametrize("value, decimals, text", [
    (64425, None, "64\u00a0425"),
    (1234567, None, "1\u00a0234\u00a0567"),
    (999, None, "999"),
    (1000, None, "1\u00a0000"),
    (0, None, "0"),
    (55.6, None, "55,6"),
    (1234.25, None, "1\u00a0234,25"),
    (2.0, None, "2"),  # a float without a fraction shows no decimals
    (12, 1, "12,0"),  # asked decimals are kept, also trailing zeros
    (1300.5, 2, "1\u00a0300,50"),
    (3.14159, 2, "3,14"),
    (0.05, 1, "0,1"),
    (-1234, None, "-1\u00a0234"),
])
def test_number(value, decimals, text):
    assert formatting.number(value, decimals) == text


def test_number_uses_no_break_spaces_and_a_decimal_comma_only():
    text = formatting.number(12345678.5)
    assert text == "12\u00a0345\u00a0678,5"
    assert " " not in text and "." not in text


@pytest.mark.parametrize("value", [None, math.nan, float("nan")])
def test_number_of_nothing_is_empty(value):
    assert formatting.number(value) == ""


@pytest.mark.parametrize("value, decimals", [
    (64425, 0), (64425.0, 0), (55.6, 1), (55.60, 1), (0.25, 2), (1.125, 3), (100.5, 1),
    (None, 0), (math.nan, 0),
    (1e16, 0),  # repr in exponent notation: no decimals
])
def test_decimals_of(value, decimals):
    assert formatting.decimals_of(value) == decimals


@pytest.mark.parametrize("value, unit, text", [
    (64425, "aantal", "64\u00a0425"),
    (55.6, "procent", "55,6\u00a0%"),
    (100, "procent", "100\u00a0%"),
    (10, "procent_verandering", "+10\u00a0%"),
    (-3.5, "procent_verandering", "\u22123,5\u00a0%"),
    (-1250, "procent_verandering", "\u22121\u00a0250\u00a0%"),
    (0, "procent_verandering", "0\u00a0%"),  # no sign for no change
    (1.25, "factor", "1,25\u00a0keer"),
    (2, "factor", "2\u00a0keer"),
    (7.5, "", "7,5"),  # unknown unit: the bare number
])
def test_value_per_unit(value, unit, text):
    assert formatting.value(value, unit) == text


def test_change_uses_the_minus_sign_not_a_hyphen():
    text = formatting.value(-8, "procent_verandering")
    assert text.startswith(MINUS)
    assert "-" not in text


@pytest.mark.parametrize("symbol", ["*", "**"])
def test_provisional_symbols_are_appended(symbol):
    assert formatting.value(64425, "aantal", symbol) == "64\u00a0425" + symbol
    assert formatting.value(55.6, "procent", symbol) == "55,6\u00a0%" + symbol
    assert formatting.value(-2, "procent_verandering", symbol) == "\u22122\u00a0%" + symbol


@pytest.mark.parametrize("symbol, shown", [(".", "."), ("x", "x"), ("\u2013", "\u2013"), ("blank", "(blank)")])
def test_missing_symbols_are_shown_instead_of_a_value(symbol, shown):
    assert formatting.value(None, "aantal", symbol) == shown
    assert formatting.value(math.nan, "procent", symbol) == shown
    # a missing symbol wins even when a value came along: it must not be shown
    assert formatting.value(123, "aantal", symbol) == shown


def test_a_missing_value_without_symbol_shows_a_dot():
    assert formatting.value(None, "aantal") == "."
    assert formatting.value(math.nan, "procent") == "."


def test_decimals_are_passed_on():
    assert formatting.value(12, "procent", decimals=1) == "12,0\u00a0%"
    assert formatting.value(1.0, "factor", decimals=2) == "1,00\u00a0keer"
    assert formatting.value(3.456, "procent_verandering", decimals=1) == "+3,5\u00a0%"


@pytest.mark.parametrize("qualifier, text", [
    ("minder dan", "minder dan 2,5\u00a0%"),
    ("maximaal", "maximaal 2,5\u00a0%"),
    ("ongeveer", "ongeveer 2,5\u00a0%"),
])
def test_qualifier_goes_before_the_value(qualifier, text):
    assert formatting.value(2.5, "procent", qualifier=qualifier) == text


def test_qualifier_symbol_and_sign_together():
    assert formatting.value(1300, "aantal", "*", qualifier="ruim") == "ruim 1\u00a0300*"
    assert formatting.value(10, "procent_verandering", "**", qualifier="ruim") == "ruim +10\u00a0%**"


def test_a_qualifier_is_not_shown_with_a_missing_figure():
    assert formatting.value(None, "procent", "x", qualifier="minder dan") == "x"


def test_qualifiers_and_bounds():
    assert set(formatting.BOUNDS) <= set(formatting.QUALIFIERS)
    assert "ongeveer" not in formatting.BOUNDS and "ruim" not in formatting.BOUNDS
