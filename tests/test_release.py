"""The release summary (build_data.fetch.release): two StatLine packages in the shared format (the
fetcher's output: data/statline_<table>.csv, data/maten.csv, datapackage.yaml, and the municipalities
in cbs-gebieden-in-nederland), written by the test into tmp_path with generated values, compared
as the workflow .github/workflows/statline.yml compares them before and after `make fetch-statline`.

Release 1 -> 2 revises figures: Nederland 2020-H1 64 425* -> 64 505 (the one real pair here: the
2020 monitor printed 64 425*; StatLine later has 64 505, 'Ontvangen meldingen (aantal)', Nederland,
1e halfjaar 2020 on https://www.cbs.nl/nl-nl/cijfers/detail/84852NED), a Veilig Thuis region's
value, a '.' that becomes a number and a number that becomes '.', a percentage, and 2024-H2 made
definitive. Release 2 -> 3 adds 2025-H1 and a measure, and a municipality is gone (merged into
another in the division of 2025). Every other value is generated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from build_data.fetch import release
from build_data.fetch.release_notes import changelog_bullets
from build_data.load.changelog import releases
from build_data.load.content import Content
from build_data.model.formatting import NBSP

ROOT = Path(__file__).resolve().parent.parent
TABLE = "84847NED"
MELDINGEN, AANDEEL, NIEUW = f"{TABLE}.OntvangenMeldingen_2", f"{TABLE}.AandeelPolitie_5", f"{TABLE}.Hermeldingen_9"
AREAS = ["NL01", "VT01", "VT23", "GM0363", "GM0935", "GM1903"]
NAMES = {"GM0363": "Amsterdam", "GM0935": "Maastricht", "GM1903": "Eijsden-Margraten"}
VT = {"GM0363": "VT01", "GM0935": "VT23", "GM1903": "VT23"}
HALVES = [f"{y}-H{h}" for y in range(2019, 2025) for h in (1, 2)]


def generated(area: str, period: str, maat: str) -> str:
    """A value made up for the test (counts in fives, percentages with one decimal)."""
    seed = sum(map(ord, area + period + maat))
    if maat == AANDEEL:
        return f"{40 + seed % 200 / 10:.1f}"
    return str(5 * (seed % 400) + (60000 if area == "NL01" else 1000 if area.startswith("VT") else 0))


def cube(periods: list[str], maten: list[str], areas=AREAS, provisional=("2024-H2",)) -> dict:
    return {(a, p, m): (generated(a, p, m), "*" if p in provisional else "")
            for a in areas for p in periods for m in maten}


def write(base: Path, cells: dict, maten: list[str], years: dict[str, dict[str, str]], published: str,
          retrieved: str) -> Path:
    """The two packages under base (a stand-in for datapackages/)."""
    pkg = base / release.STATLINE
    (pkg / "data").mkdir(parents=True)
    lines = ["regio,periode,maat,categorie,groep,waarde,teken"]
    for (area, period, maat), (value, sign) in sorted(cells.items()):
        lines.append(f"{area},{period},{maat},,,{value},{sign}")
    (pkg / "data" / f"statline_{TABLE.lower()}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    titles = {MELDINGEN: "Ontvangen meldingen", AANDEEL: "Aandeel meldingen van politie", NIEUW: "Hermeldingen"}
    rows = ["maat,naam,titel,eenheid,afronding,definitie,tabel,statline_key"]
    for m in maten:
        unit = "procent" if m == AANDEEL else "aantal"
        rows.append(f"{m},Meldingen: {titles[m]},{titles[m]},{unit},{'' if unit == 'procent' else 5},,{TABLE},{m.split('.')[1]}")
    (pkg / "data" / "maten.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (pkg / "datapackage.yaml").write_text(yaml.safe_dump({"name": release.STATLINE, "sources": [{
        "name": f"statline-{TABLE.lower()}", "title": f"CBS, StatLine-tabel {TABLE}: Kerncijfers Veilig Thuis, regio",
        "published": published, "retrieved": retrieved}]}), encoding="utf-8")
    geb = base / release.GEBIEDEN
    (geb / "data").mkdir(parents=True)
    rows = ["jaar,gemeente,naam,veilig_thuis_regio,bron"]
    rows += [f"{year},{gm},{name},{VT[gm]},gebieden-{year}" for year, gms in years.items() for gm, name in gms.items()]
    (geb / "data" / "gemeenten.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return base


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """A build root with declarations: one names 'Ontvangen meldingen' by title, one the percentage
    by key, one has no statline block, one does not parse."""
    base = tmp_path_factory.mktemp("root")
    theme = base / "build_data" / "indicators" / "thema"
    theme.mkdir(parents=True)
    (theme / "meldingen.yml").write_text(f"id: meldingen\nstatline:\n  tabel: {TABLE}\n  maat: ontvangen  MELDINGEN\n")
    (theme / "aandeel.yml").write_text(f"id: aandeel\nstatline:\n  tabel: {TABLE.lower()}\n  maat: AandeelPolitie_5\n")
    (theme / "zonder.yml").write_text("id: zonder\nbron:\n  pakket: x\n  maat: y\n")
    (theme / "kapot.yml").write_text("id: [kapot\n")
    regions = base / "datapackages" / "regions" / "data"
    regions.mkdir(parents=True)
    (regions / "regios.csv").write_text(
        "code,naam,slug,soort,geldig_vanaf,geldig_tot,opgevolgd_door\nNL01,Nederland,nederland,land,,,\n"
        "VT01,Amsterdam-Amstelland,amsterdam-amstelland,veilig-thuis-regio,,,\n"
        "VT23,Zuid-Limburg,zuid-limburg,veilig-thuis-regio,,,\n", encoding="utf-8")
    return base


@pytest.fixture(scope="module")
def releases_dir(tmp_path_factory) -> dict[int, Path]:
    base = tmp_path_factory.mktemp("releases")
    years = {str(y): dict(NAMES) for y in range(2019, 2025)}
    one = cube(HALVES, [MELDINGEN, AANDEEL])
    one[("NL01", "2020-H1", MELDINGEN)] = ("64425", "*")
    one[("VT23", "2023-H1", MELDINGEN)] = ("1200", "")
    one[("GM1903", "2022-H2", MELDINGEN)] = ("", ".")
    one[("NL01", "2023-H2", AANDEEL)] = ("55.6", "")
    one[("GM0363", "2019-H2", MELDINGEN)] = ("20", "")
    two = cube(HALVES, [MELDINGEN, AANDEEL], provisional=())
    two[("NL01", "2020-H1", MELDINGEN)] = ("64505", "")
    two[("VT23", "2023-H1", MELDINGEN)] = ("1235", "")
    two[("GM1903", "2022-H2", MELDINGEN)] = ("15", "")
    two[("NL01", "2023-H2", AANDEEL)] = ("55.9", "")
    two[("GM0363", "2019-H2", MELDINGEN)] = ("", ".")
    three = dict(two) | cube(["2025-H1"], [MELDINGEN, AANDEEL, NIEUW], areas=[a for a in AREAS if a != "GM1903"],
                             provisional=("2025-H1",))
    three |= cube(HALVES, [NIEUW], provisional=())
    years3 = years | {"2025": {"GM0363": "Amsterdam", "GM0935": "Maastricht"}}
    return {1: write(base / "1", one, [MELDINGEN, AANDEEL], years, "2025-04-28", "2025-05-03"),
            2: write(base / "2", two, [MELDINGEN, AANDEEL], years, "2025-10-30", "2025-11-03"),
            3: write(base / "3", three, [MELDINGEN, AANDEEL, NIEUW], years3, "2026-04-29", "2026-05-03")}


def table_rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in text.splitlines()
            if line.startswith("| ") and not line.startswith("| Tabel")]


def test_revisions_largest_first_in_dutch_formats(releases_dir, root):
    rel = release.compare(releases_dir[1], releases_dir[2], root)
    assert rel.changed and not rel.first and rel.periods_new == {}
    text = release.markdown(rel)
    rows = table_rows(text)
    n = NBSP
    assert rows[:5] == [  # other values by their difference, then figures known or gone, then symbols
        [TABLE, "Ontvangen meldingen", "", "Nederland (NL01)", "1e halfjaar 2020", f"64{n}425*", f"64{n}505", "+80"],
        [TABLE, "Ontvangen meldingen", "", "Zuid-Limburg (VT23)", "1e halfjaar 2023", f"1{n}200", f"1{n}235", "+35"],
        [TABLE, "Aandeel meldingen van politie", "", "Nederland (NL01)", "2e halfjaar 2023", f"55,6{n}%", f"55,9{n}%",
         f"+0,3{n}%-punt"],
        [TABLE, "Ontvangen meldingen", "", "Amsterdam (GM0363)", "2e halfjaar 2019", "20", ".", "cijfer vervallen"],
        [TABLE, "Ontvangen meldingen", "", "Eijsden-Margraten (GM1903)", "2e halfjaar 2022", ".", "15", "cijfer bekend"],
    ]
    # then 2024-H2 made definitive: every area and measure, status only
    assert len(rows) == 5 + len(AREAS) * 2
    assert all(r[-1] == "status" and r[4] == "2e halfjaar 2024" and r[5].endswith("*") and r[5][:-1] == r[6]
               for r in rows[5:])
    assert ("17 cijfers herzien: 3 met een andere waarde, 2 bekend geworden of vervallen (`.`), 12 alleen van "
            "status (zoals voorlopig → definitief). Grootste verschil eerst:") in text
    assert "- `84847NED.OntvangenMeldingen_2`" not in text  # both measures have a declaration
    assert "elke maat heeft een koppeling" in text
    assert "Geen regio of gemeente erbij of weg." in text


def test_the_table_is_capped(releases_dir, root):
    text = release.markdown(release.compare(releases_dir[1], releases_dir[2], root), max_rows=3)
    assert len(table_rows(text)) == 3
    assert "\nen 14 meer.\n" in text


def test_a_new_half_year_a_new_measure_and_a_municipality_gone(releases_dir, root):
    rel = release.compare(releases_dir[2], releases_dir[3], root)
    assert rel.periods_new == {TABLE: ["2025-H1"]} and rel.revisions == []
    assert rel.measures_new == [NIEUW] and rel.unmapped == [NIEUW]
    text = release.markdown(rel)
    lines = text.splitlines()
    assert "  - nieuwe perioden: 1e halfjaar 2025 (2025-H1)" in lines
    assert "Geen cijfers herzien." in lines
    assert "- in 2e halfjaar 2024, niet meer in 1e halfjaar 2025: Eijsden-Margraten (GM1903)" in lines
    assert "- gemeentelijke indeling 2025, indeling: nieuw jaar, 2 gemeenten" in lines
    assert "- gemeentelijke indeling 2025, gemeente niet meer in de indeling: GM1903 Eijsden-Margraten" in lines
    at = lines.index("- nieuw: 1")
    assert lines[at + 1] == "  - `84847NED.Hermeldingen_9` Hermeldingen"
    assert lines[at + 2] == "- zonder koppeling (geen `statline:`-blok van een declaratie noemt ze): 1"
    assert lines[at + 3] == "  - `84847NED.Hermeldingen_9` Hermeldingen"
    assert "op StatLine gewijzigd 2025-10-30 → 2026-04-29" in text
    # the new measure's earlier periods are cells added outside the new period
    assert rel.cells_added == len(AREAS) * len(HALVES)


def test_the_changelog_draft_parses(releases_dir, root, tmp_path):
    existing = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    before = releases(Content(ROOT))
    text = existing
    for a, b in ((1, 2), (2, 3)):
        text = release.add_to_changelog(text, release.compare(releases_dir[a], releases_dir[b], root))
    (tmp_path / "CHANGELOG.md").write_text(text, encoding="utf-8")
    after = releases(Content(tmp_path))
    assert [r["versie"] for r in after] == [r["versie"] for r in before]
    unreleased = dict(after[0]["secties"])
    assert unreleased["Added"] == dict(before[0]["secties"])["Added"]  # untouched
    changed = unreleased["Changed"]
    assert changed.startswith("- New figures from CBS StatLine")
    newest, older = changed.split("- New figures from CBS StatLine")[1:3]
    assert newest.startswith(" (Beleidsinformatie Veilig Thuis), retrieved 2026-05-03:")
    assert "  - new periods 2025-H1 (84847NED)." in newest
    assert "  - gone in 2025-H1 (against 2024-H2): Eijsden-Margraten (GM1903)." in newest
    assert f"the largest: Ontvangen meldingen, Nederland (NL01), 2020-H1: 64{NBSP}425* → 64{NBSP}505." in older
    assert changed.endswith(dict(before[0]["secties"])["Changed"])  # the existing entries follow
    for rel in after[1:]:
        assert rel in before


def test_a_changelog_without_unreleased_gets_one(releases_dir, root, tmp_path):
    rel = release.compare(releases_dir[1], releases_dir[2], root)
    (tmp_path / "CHANGELOG.md").write_text(
        release.add_to_changelog("# Changelog\n\nIntro.\n\n## [0.1.0] - 2026-01-01\n\n### Added\n\n- x\n", rel))
    found = releases(Content(tmp_path))
    assert [r["versie"] for r in found] == ["Unreleased", "0.1.0"]
    assert found[0]["secties"][0][0] == "Changed" and "17 figures revised" in found[0]["secties"][0][1]


def test_a_first_fetch(releases_dir, root, tmp_path):
    rel = release.compare(tmp_path / "absent", releases_dir[1], root)
    assert rel.first and rel.changed and rel.revisions == [] and rel.measures_new == []
    text = release.markdown(rel)
    assert "Eerste ophaling uit CBS StatLine (opgehaald 2025-05-03)" in text
    assert "  - perioden: 1e halfjaar 2019 t/m 2e halfjaar 2024 (12 halfjaren)" in text
    assert "- in de cijfers: 1 Nederland, 2 VT-regio's, 3 gemeenten" in text
    assert "- gemeentelijke indeling 2019–2024, indeling: 6 jaar, 3 gemeenten per jaar" in text
    assert "### Herziene cijfers" not in text
    assert changelog_bullets(rel)[0] == "- First figures from CBS StatLine (Beleidsinformatie Veilig Thuis), retrieved 2025-05-03:"


def test_no_change_is_no_change(releases_dir, root):
    rel = release.compare(releases_dir[2], releases_dir[2], root)
    assert not rel.changed
    assert changelog_bullets(rel) == []
    assert "Geen verschil met het pakket in de repository" in release.markdown(rel)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_data.fetch.release", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_cli(releases_dir, root, tmp_path):
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## [Unreleased]\n\n### Added\n\n- x\n", encoding="utf-8")
    output = tmp_path / "github_output"
    result = run("--old", str(releases_dir[2]), "--new", str(releases_dir[3] / release.STATLINE), "--root", str(root),
                 "--changelog", str(changelog), "--github-output", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## StatLine-update: Beleidsinformatie Veilig Thuis\n")
    assert "  - nieuwe perioden: 1e halfjaar 2025 (2025-H1)" in result.stdout
    assert output.read_text() == "changed=true\n"
    assert "new periods 2025-H1" in dict(releases(Content(tmp_path))[0]["secties"])["Changed"]

    # nothing changed: no changelog entry, changed=false
    text = changelog.read_text()
    result = run("--old", str(releases_dir[3]), "--new", str(releases_dir[3]), "--root", str(root),
                 "--changelog", str(changelog), "--github-output", str(output))
    assert result.returncode == 0, result.stderr
    assert changelog.read_text() == text
    assert output.read_text() == "changed=true\nchanged=false\n"

    result = run("--new", str(tmp_path / "nothing"))
    assert result.returncode == 2 and "geen StatLine-pakket" in result.stderr


def test_categories_by_name_and_periods_with_a_gap(tmp_path):
    """A table with extra dimensions: the first one's category by its name (categorieen.csv), further
    ones by key; a run of periods with a gap is listed, not shortened to 't/m'."""
    for name, value in (("old", "100"), ("new", "150")):
        pkg = tmp_path / name / release.STATLINE / "data"
        pkg.mkdir(parents=True)
        lines = ["regio,periode,maat,categorie,groep,waarde,teken"]
        lines += [f"NL01,{p},84848NED.Meldingen_2,T001038,A025,{value if p == '2021-H1' else 5},"
                  for p in (["2019-H1", "2019-H2", "2020-H1", "2021-H1"] + (["2022-H1"] if name == "new" else []))]
        (pkg / "statline_84848ned.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (pkg / "maten.csv").write_text("maat,naam,titel,eenheid,afronding,definitie,tabel,statline_key\n"
                                       "84848NED.Meldingen_2,Meldingen,Meldingen,aantal,5,,84848NED,Meldingen_2\n")
        (pkg / "categorieen.csv").write_text("maat,categorie,naam,tabel,dimensie,categoriegroep\n"
                                             "84848NED.Meldingen_2,T001038,Totaal,84848NED,Melder,\n")
    rel = release.compare(tmp_path / "old", tmp_path / "new")
    assert table_rows(release.markdown(rel)) == [
        ["84848NED", "Meldingen", "Totaal; A025", "NL01", "1e halfjaar 2021", "100", "150", "+50"]]
    first = release.markdown(release.compare(None, tmp_path / "new"))
    assert ("  - perioden: 1e halfjaar 2019 (2019-H1), 2e halfjaar 2019 (2019-H2), 1e halfjaar 2020 (2020-H1), "
            "1e halfjaar 2021 (2021-H1), 1e halfjaar 2022 (2022-H1)") in first.splitlines()
