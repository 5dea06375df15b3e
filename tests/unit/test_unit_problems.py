"""Problems as data: the report table, Dutch syntax errors, keys and hints (build_data.model.problems)."""

from __future__ import annotations

import json

import pytest
import yaml

from build_data.model import problems
from build_data.model.problems import Problem, ValidationFailed, format_table, syntax_error

HEADER = ["bestand", "rij", "veld", "soort", "probleem", "zo los je het op"]

ERROR_B = Problem("datapackages/b/data/t.csv", 7, "waarde", "type-error", "geen getal")
ERROR_A = Problem("datapackages/a/data/t.csv", None, None, "empty-file", "leeg")
ERROR_A3 = Problem("datapackages/a/data/t.csv", 3, "regio", "unknown-region", "Atlantis")
WARNING = Problem("datapackages/a/datapackage.yaml", None, "sources/s/published", "missing-publication-date",
                  "bron 's' noemt geen publicatiedatum", "warning")


def cells(line):
    return [c.strip() for c in line.split(" | ")]


def test_table_columns_rows_and_counts():
    lines = format_table([WARNING, ERROR_B, ERROR_A3, ERROR_A]).splitlines()
    assert len(lines) == 2 + 4 + 1
    assert cells(lines[0]) == HEADER
    assert set(lines[1]) == {"-", "+"}
    # errors first, then by file and row (no row counts as 0); warnings last
    assert [cells(line)[:4] for line in lines[2:6]] == [
        ["datapackages/a/data/t.csv", "", "", "empty-file"],
        ["datapackages/a/data/t.csv", "3", "regio", "unknown-region"],
        ["datapackages/b/data/t.csv", "7", "waarde", "type-error"],
        ["datapackages/a/datapackage.yaml", "", "sources/s/published", "missing-publication-date"],
    ]
    assert cells(lines[2])[4] == "leeg"
    assert cells(lines[2])[5] == problems.TYPES["empty-file"][1]
    assert lines[-1] == "3 fout(en), 1 waarschuwing(en)"


def test_table_columns_line_up():
    lines = format_table([ERROR_B, ERROR_A3, WARNING]).splitlines()
    # every cell but the hints is shorter than the 60-character cap: the separators line up
    header_bars = [i for i, ch in enumerate(lines[0]) if ch == "|"]
    assert [i for i, ch in enumerate(lines[1]) if ch == "+"] == header_bars
    for line in lines[2:-1]:
        assert [i for i, ch in enumerate(line) if ch == "|"][:5] == header_bars


def test_empty_table():
    assert format_table([]).splitlines() == [
        " | ".join(HEADER),
        "-+-".join("-" * len(h) for h in HEADER),
        "0 fout(en), 0 waarschuwing(en)",
    ]


def test_only_warnings():
    assert format_table([WARNING]).splitlines()[-1] == "0 fout(en), 1 waarschuwing(en)"


def test_validation_failed_carries_the_problems_and_the_table():
    exc = ValidationFailed([ERROR_B])
    assert exc.problems == [ERROR_B]
    assert str(exc) == format_table([ERROR_B])


LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])


@pytest.mark.parametrize("loader", LOADERS, ids=lambda c: c.__name__)
def test_yaml_tab(loader):
    # descriptors are read with libyaml (CSafeLoader), which does not name the tab itself
    text = "naam: pakket\n\tbeschrijving: iets\n"
    with pytest.raises(yaml.YAMLError) as info:
        yaml.load(text, Loader=loader)
    assert syntax_error(info.value, text) == (
        2, "geen geldige YAML in regel 2, kolom 1: een tab om in te springen; YAML springt in met spaties")


@pytest.mark.parametrize("loader", LOADERS, ids=lambda c: c.__name__)
def test_yaml_colon_in_a_value(loader):
    text = "titel: Meldingen: totaal\n"
    with pytest.raises(yaml.YAMLError) as info:
        yaml.load(text, Loader=loader)
    line, message = syntax_error(info.value, text)
    assert line == 1
    assert message.startswith("geen geldige YAML in regel 1, kolom ")
    assert message.endswith("een dubbele punt waar die niet mag; zet tekst met ': ' tussen aanhalingstekens")


def test_json_missing_comma():
    text = '{\n"a": 1\n"b": 2\n}'
    with pytest.raises(json.JSONDecodeError) as info:
        json.loads(text)
    assert syntax_error(info.value, text) == (
        3, "geen geldige JSON in regel 3, kolom 1: een komma ontbreekt tussen twee onderdelen")


def test_json_unknown_message_is_passed_on():
    exc = json.JSONDecodeError("Iets anders", "{}", 1)
    assert syntax_error(exc) == (1, "geen geldige JSON in regel 1, kolom 2: Iets anders")


def test_other_errors():
    assert syntax_error(ValueError("kapot")) == (None, "kapot")


def test_key_is_file_name_row_field_type():
    assert ERROR_B.key() == ("t.csv", 7, "waarde", "type-error")
    assert ERROR_A.key() == ("t.csv", None, None, "empty-file")
    assert Problem("los.yml", 1, "x", "invalid-indicator", "m").key() == ("los.yml", 1, "x", "invalid-indicator")


def test_hint_and_its_fallback():
    assert ERROR_B.hint == problems.TYPES["type-error"][1]
    assert Problem("f", None, None, "nooit-gezien", "m").hint == problems.TYPES["frictionless"][1]


def test_default_severity_is_error():
    assert ERROR_B.severity == "error" and WARNING.severity == "warning"
