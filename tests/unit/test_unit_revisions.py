"""Publication dates and the text of a figure's history (build_data.model.dates and build_data.compute.revisions)."""

from __future__ import annotations

import datetime

import pytest

from build_data.compute.revisions import as_text, note
from build_data.model.dates import date_text, dutch_date, parse_date

NBSP = "\u00a0"


@pytest.mark.parametrize("value, parts", [
    ("2020-11-24", (2020, 11, 24)),
    ("2020-11", (2020, 11)),
    ("2020", (2020,)),
    (" 2020-04 ", (2020, 4)),
    ("2020-02-29", (2020, 2, 29)),  # a leap day
    (2020, (2020,)),  # YAML reads an unquoted year as a number
    (datetime.date(2020, 11, 24), (2020, 11, 24)),  # and an unquoted date as a date
    (datetime.datetime(2021, 1, 2, 13, 45), (2021, 1, 2)),
])
def test_parse_date(value, parts):
    assert parse_date(value) == parts


@pytest.mark.parametrize("value", [
    None, "", True, False, "2020-13", "2020-00", "2021-02-29", "2020-04-31", "2020-1", "2020-11-5",
    "20-11-24", "24-11-2020", "2020/11/24", "2020-11-24T10:00", "november 2020", "0000", 2020.5,
])
def test_parse_date_rejects(value):
    assert parse_date(value) is None


@pytest.mark.parametrize("parts, text", [
    ((2020, 11, 24), "2020-11-24"), ((2020, 1, 5), "2020-01-05"), ((2020, 4), "2020-04"), ((2020,), "2020"),
    (None, ""), ((), ""),
])
def test_date_text(parts, text):
    assert date_text(parts) == text


@pytest.mark.parametrize("text", ["2020-11-24", "2020-01-05", "2020-04", "2020"])
def test_date_text_round_trip(text):
    assert date_text(parse_date(text)) == text


@pytest.mark.parametrize("parts, text", [
    ((2026, 11, 24), "24 november 2026"),
    ((2020, 1, 1), "1 januari 2020"),  # no leading zero
    ((2020, 4), "april 2020"),
    ((2019, 12), "december 2019"),
    ((2020,), "2020"),
    (None, ""), ((), ""),
])
def test_dutch_date(parts, text):
    assert dutch_date(parts) == text


OLDER = {"waarde_tekst": "64\u00a0425*", "bron": "CBS, Impactmonitor 2020", "vindplaats": "Figuur 3.2.1", "published": "2020-11"}
OLDEST = {"waarde_tekst": "64\u00a0000*", "bron": "CBS, Beleidsinformatie 2019", "vindplaats": "", "published": ""}


def test_note_of_one_earlier_publication():
    assert note([OLDER]) == "Herzien: eerder gepubliceerd als 64\u00a0425* (CBS, Impactmonitor 2020, Figuur 3.2.1)."


def test_note_of_two_earlier_publications_newest_first():
    assert note([OLDER, OLDEST]) == ("Herzien: eerder gepubliceerd als 64\u00a0425* (CBS, Impactmonitor 2020, Figuur 3.2.1); "
                                     "daarvoor als 64\u00a0000* (CBS, Beleidsinformatie 2019).")


def test_as_text():
    assert as_text([OLDER, OLDEST]) == ("64\u00a0425* (CBS, Impactmonitor 2020, Figuur 3.2.1, gepubliceerd 2020-11) | "
                                        "64\u00a0000* (CBS, Beleidsinformatie 2019)")


def test_as_text_without_publication_date_key():
    h = {"waarde_tekst": "x", "bron": "Bron", "vindplaats": "Tabel 2"}
    assert as_text([h]) == "x (Bron, Tabel 2)"


@pytest.mark.parametrize("history", [None, []])
def test_as_text_of_no_history_is_empty(history):
    assert as_text(history) == ""
