"""The membership of municipalities in Veilig Thuis regions per year (build_data.model.regions.Membership)
and the Regions that hold it: the division of each year on its own, never carried over."""

from __future__ import annotations

from build_data.model.regions import GM_KIND, VT_KIND, Membership, Region, Regions, name_key, year_of

BY_YEAR = {
    2021: {"GM0796": "VT16", "GM0772": "VT26", "GM0935": "VT25", "GM9901": "VT25"},
    2022: {"GM0796": "VT16", "GM0772": "VT26", "GM0935": "VT25"},
    2023: {"GM0796": "VT27", "GM0772": "VT27", "GM0935": "VT25", "GM0999": ""},
}


def region(code, naam, soort=VT_KIND, vanaf="", tot=""):
    return Region(code, naam, naam.lower().replace(" ", "-"), soort, vanaf, tot, "")


def regions() -> Regions:
    areas = [region("NL01", "Nederland", "land"), region("VT16", "Noord-Brabant Noord", tot="2022-H2"),
             region("VT25", "Zuid-Limburg"), region("VT26", "Zuidoost-Brabant", tot="2022-H2"),
             region("VT27", "Oost-Brabant", vanaf="2023-H1"),
             region("GM0796", "'s-Hertogenbosch", GM_KIND, "2021-H1", "2023-H2"),
             region("GM0772", "Eindhoven", GM_KIND, "2021-H1", "2023-H2"),
             region("GM0935", "Maastricht", GM_KIND, "2021-H1", "2023-H2"),
             region("GM9901", "Testgemeente Mergelland", GM_KIND, "2021-H1", "2021-H2")]
    return Regions({r.code: r for r in areas}, {}, {}, membership=Membership(BY_YEAR))


def test_members_per_year_follow_that_years_division():
    m = Membership(BY_YEAR)
    assert m.members("VT16", 2022) == ["GM0796"] and m.members("VT16", 2023) == []
    assert m.members("VT27", 2022) == [] and m.members("VT27", 2023) == ["GM0772", "GM0796"]
    assert m.members("VT25", 2021) == ["GM0935", "GM9901"] and m.members("VT25", 2022) == ["GM0935"]


def test_region_of_a_municipality():
    m = Membership(BY_YEAR)
    assert (m.region_of("GM0796", 2022), m.region_of("GM0796", 2023)) == ("VT16", "VT27")
    assert m.region_of("GM9901", 2022) is None  # gone after 2021
    assert m.region_of("GM0999", 2023) is None  # the year's table names no region
    assert m.region_of("GM0796", 2030) is None  # a year the source does not have


def test_years_and_the_year_a_period_follows():
    m = Membership(BY_YEAR)
    assert m.years() == [2021, 2022, 2023] and m.latest_year() == 2023
    assert (m.year_for("2022-H2"), m.year_for("2023-H1"), m.year_for("2023")) == (2022, 2023, 2023)
    assert m.year_for("2025-H1") == 2023 and m.year_for("2019-H2") == 2021  # nearest year the source has
    assert Membership().year_for("2023-H1") is None and Membership().latest_year() is None
    assert year_of("2019-H2") == 2019 and year_of("2016-2020") == 2020


def test_regions_split_by_kind_and_members_as_regions():
    r = regions()
    assert [x.code for x in r.vt_regions("2023-H1")] == ["VT27", "VT25"]
    assert [x.code for x in r.vt_regions("2022-H2")] == ["VT16", "VT25", "VT26"]
    assert [x.code for x in r.municipalities("2022-H1")] == ["GM0772", "GM0935", "GM0796"]  # 's-Hertogenbosch under s
    assert {x.code for x in r.regional("2021-H1")} == {"VT16", "VT25", "VT26", "GM0796", "GM0772", "GM0935", "GM9901"}
    assert [x.naam for x in r.members("VT27", 2023)] == ["Eindhoven", "'s-Hertogenbosch"]
    assert r.region_of("GM0796", 2023).naam == "Oost-Brabant" and r.region_of("GM9901", 2023) is None
    assert sorted(["'s-Hertogenbosch", "Rotterdam", "Tilburg"], key=lambda n: name_key(region("X", n))) == [
        "Rotterdam", "'s-Hertogenbosch", "Tilburg"]


def test_without_municipalities_nothing_changes():
    r = regions()
    plain = Regions({c: x for c, x in r.by_code.items() if x.soort != GM_KIND}, {}, {})
    assert plain.municipalities() == [] and plain.members("VT25", 2023) == []
    assert plain.vt_regions() == plain.regional()
