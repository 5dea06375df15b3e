"""The CBS symbols: how each is shown, what it means, legend order and the sets (build_data.model.symbols)."""

from __future__ import annotations

import pytest

from build_data.model import symbols

EN_DASH = "\u2013"


@pytest.mark.parametrize("code, shown", [
    ("", ""), ("*", "*"), ("**", "**"), (".", "."), ("x", "x"), (EN_DASH, EN_DASH), ("blank", "(blank)"),
    ("?", "?"),  # an unknown code is shown as written
])
def test_shown(code, shown):
    assert symbols.shown(code) == shown


@pytest.mark.parametrize("code, meaning", [
    ("", "definitief cijfer"),
    ("*", "voorlopig cijfer"),
    ("**", "nader voorlopig cijfer"),
    ("x", "geheim"),
    (EN_DASH, "nihil"),
    ("-", ""),  # a hyphen is not the CBS nil symbol
    ("?", ""),
])
def test_meaning(code, meaning):
    assert symbols.meaning(code) == meaning


def test_meaning_of_missing_and_blank():
    assert symbols.meaning(".").startswith("gegevens ontbreken")
    assert "logische gronden" in symbols.meaning("blank")


def test_used_follows_the_legend_order_once_each():
    assert symbols.used(["x", "*", "", ".", "x", "*"]) == ["*", ".", "x"]
    assert symbols.used(["blank", EN_DASH, "**"]) == ["**", EN_DASH, "blank"]
    assert symbols.used(iter(["x", "**", "*"])) == ["*", "**", "x"]


def test_used_leaves_out_definitive_and_unknown_codes():
    assert symbols.used([]) == []
    assert symbols.used(["", ""]) == []
    assert symbols.used(["?", "-", "x"]) == ["x"]


def test_legend_order():
    assert symbols.LEGEND_ORDER == ("*", "**", ".", "x", EN_DASH, "blank")
    assert set(symbols.LEGEND_ORDER) == set(symbols.SYMBOLS) - {""}


def test_value_missing_and_suppressed_sets():
    assert symbols.VALUE == {"", "*", "**"}
    assert symbols.MISSING == {".", "x", EN_DASH, "blank"}
    assert symbols.SUPPRESSED == {".", "x"}
    assert symbols.SUPPRESSED <= symbols.MISSING
    assert not symbols.VALUE & symbols.MISSING
    assert symbols.VALUE | symbols.MISSING == set(symbols.SYMBOLS)


def test_nil_is_an_en_dash_and_not_suppressed():
    assert "-" not in symbols.SYMBOLS
    assert EN_DASH in symbols.MISSING and EN_DASH not in symbols.SUPPRESSED
    assert "blank" not in symbols.SUPPRESSED


def test_every_symbol_has_a_meaning_and_codes_match_keys():
    for code, sym in symbols.SYMBOLS.items():
        assert sym.code == code
        assert sym.meaning
        assert sym.has_value is (code in symbols.VALUE)
