"""Editions and revisions (build_data.compute.revisions, build_data.load.changelog, build_data.pages.edition).

Revisions are tested on a temporary copy of datapackages/ with a second, synthetic publication of
one real figure (Veilig Thuis received 64 425* reports in the 1st half of 2020, Impactmonitor
2020). The synthetic publication exists only in the test's tmp folder, never in the repository.

The rule under test: the newest publication (by `published`, ties to the later source in the
descriptor) is shown, even when it withholds the figure ('x'); the older values are its history
(`herzien`, and a note); an identical value from two publications is no revision."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
import yaml
from conftest import copy_content, publications_root
from roots import copy_datapackages

from build_data import ROOT
from build_data.compute import revisions
from build_data.compute.outputs import indicator_csv, indicator_json
from build_data.compute.view import make_view, revised
from build_data.load.changelog import edition, releases
from build_data.load.content import Content
from build_data.load.rules import KEY
from build_data.model import periods
from build_data.model.dates import dutch_date, parse_date
from build_data.pages import edition as editions
from build_data.site.build import build_all, cached_build, check_inputs

VT = "cbs-beleidsinformatie-veilig-thuis"
OLD_TITLE = "CBS, Impactmonitor aanpak huiselijk geweld en kindermishandeling 2020 (2e editie)"
NEW_TITLE = "Testpublicatie (synthetisch, alleen in deze test)"
NEW_PLACE = "Tabel T1 (synthetisch)"
HEADER = ["regio", "periode", "maat", "categorie", "waarde", "teken", "noot", "vindplaats"]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    copy_datapackages(tmp_path / "datapackages")
    return copy_content(tmp_path)


def add_publication(root: Path, rows: list[list[str]], published: str | None = "2021-04", name: str = "test-later",
                    title: str = NEW_TITLE) -> None:
    """A second publication in the Veilig Thuis package: a source, and a resource with `rows`."""
    pkg = root / "datapackages" / VT
    descriptor_path = pkg / "datapackage.yaml"
    descriptor = yaml.safe_load(descriptor_path.read_text(encoding="utf-8"))
    source = {"name": name, "title": title, "publisher": "Test"}
    if published is not None:
        source["published"] = published
    descriptor["sources"].append(source)
    template = next(r for r in descriptor["resources"] if r["name"] == "impactmonitor_2020_landelijk")
    descriptor["resources"].append({
        "name": f"{name.replace('-', '_')}_tabel", "title": "Synthetische tabel", "path": f"data/{name}.csv",
        "bron": name, "schema": template["schema"]})
    descriptor_path.write_text(yaml.safe_dump(descriptor, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with (pkg / "data" / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([HEADER] + rows)


def meldingen(value: str, sign: str = "", period: str = "2020-H1") -> list[str]:
    return ["Nederland", period, "ontvangen_meldingen", "", value, sign, "", NEW_PLACE]


def load(root: Path):
    catalog, indicators, problems = check_inputs(root)
    assert not [p for p in problems if p.severity == "error"], problems
    return catalog, {i.id: make_view(i, catalog) for i in indicators}, problems


def national(recs: list[dict], period: str = "2020-H1") -> list[dict]:
    return [r for r in recs if r["regio_code"] == "NL01" and r["periode"] == period]


def csv_rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


# ---------------------------------------------------------------------------------------------
# Revisions on a copy of the data
# ---------------------------------------------------------------------------------------------

def test_newest_publication_is_shown_with_the_older_value_as_history(root):
    add_publication(root, [meldingen("64430")])  # provisional 64 425* made definitive (synthetic)
    catalog, inds, _ = load(root)
    ind = inds["ontvangen_meldingen"]
    [rec] = national(ind.records)
    assert rec["waarde"] == 64430 and rec["teken"] == "" and rec["waarde_tekst"] == "64\u00a0430"
    assert rec["bron"] == NEW_TITLE and rec["vindplaats"] == NEW_PLACE
    assert rec["herzien"] == [{"waarde_tekst": "64\u00a0425*", "bron": OLD_TITLE,
                               "vindplaats": "§3.2 Vergroting bereik Veilig Thuis, tekst en kerncijfer bij figuur 3.2.1",
                               "published": "2020"}]
    assert rec["noot"].startswith("Herzien: eerder gepubliceerd als 64\u00a0425* (CBS, Impactmonitor")
    # JSON download: the same record with its history
    [jrec] = national(json.loads(json.dumps(indicator_json(ind)))["waarnemingen"])
    assert jrec["herzien"][0]["waarde_tekst"] == "64\u00a0425*" and jrec["waarde"] == 64430
    # CSV download: one row, the history as text
    [crow] = [r for r in csv_rows(indicator_csv(ind)) if r["regio_code"] == "NL01" and r["periode"] == "2020-H1"]
    assert crow["waarde"] == "64430" and crow["teken"] == ""
    assert crow["herzien"] == f"64\u00a0425* ({OLD_TITLE}, §3.2 Vergroting bereik Veilig Thuis, tekst en kerncijfer bij figuur 3.2.1, gepubliceerd 2020)"
    # other figures are untouched: no history, empty CSV cell
    others = [r for r in ind.records if (r["regio_code"], r["periode"]) != ("NL01", "2020-H1")]
    assert others and not any("herzien" in r for r in others)
    assert {r["herzien"] for r in csv_rows(indicator_csv(ind)) if r["periode"] != "2020-H1"} == {""}


def test_identical_value_is_no_revision(root):
    add_publication(root, [meldingen("64425", "*")])
    catalog, inds, _ = load(root)
    [rec] = national(inds["ontvangen_meldingen"].records)
    assert rec["waarde_tekst"] == "64\u00a0425*"
    assert rec["bron"] == NEW_TITLE  # the newest citation is kept
    assert "herzien" not in rec and "Herzien" not in rec["noot"]


def test_provisional_and_definitive_are_distinct(root):
    add_publication(root, [meldingen("64425")])  # same number, '*' dropped: a revision
    catalog, inds, _ = load(root)
    [rec] = national(inds["ontvangen_meldingen"].records)
    assert rec["waarde_tekst"] == "64\u00a0425" and rec["herzien"][0]["waarde_tekst"] == "64\u00a0425*"


def test_newest_wins_even_when_it_is_secret(root):
    add_publication(root, [meldingen("", "x")])
    catalog, inds, _ = load(root)
    [rec] = national(inds["ontvangen_meldingen"].records)
    assert rec["waarde"] is None and rec["teken"] == "x" and rec["waarde_tekst"] == "x"
    assert rec["herzien"][0]["waarde_tekst"] == "64\u00a0425*"
    assert "eerder gepubliceerd als 64\u00a0425*" in rec["noot"]


def test_older_publication_date_loses(root):
    add_publication(root, [meldingen("64430")], published="2019")  # listed later, but older
    catalog, inds, _ = load(root)
    [rec] = national(inds["ontvangen_meldingen"].records)
    assert rec["waarde_tekst"] == "64\u00a0425*" and rec["bron"] == OLD_TITLE
    assert rec["herzien"] == [{"waarde_tekst": "64\u00a0430", "bron": NEW_TITLE, "vindplaats": NEW_PLACE, "published": "2019"}]


def test_same_year_ties_go_to_the_later_source(root):
    # '2020-11' against the Impactmonitor's '2020': compared by year only, a tie; listed later wins
    add_publication(root, [meldingen("64430")], published="2020-11")
    catalog, inds, _ = load(root)
    [rec] = national(inds["ontvangen_meldingen"].records)
    assert rec["bron"] == NEW_TITLE


def test_wijzigingen_page_lists_the_revision(root):
    add_publication(root, [meldingen("64430"), meldingen("70000", "*", "2023-H1")])
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    build = build_all(root)
    assert build.data_until == "1e halfjaar 2023*"  # the synthetic later figure, provisional
    page = build.pages["wijzigingen.md"]
    assert "Geen herziene cijfers" not in page
    assert 'href="indicatoren/ontvangen_meldingen.html"' in page
    row = next(line for line in page.splitlines() if "indicatoren/ontvangen_meldingen.html" in line)
    assert "Nederland" in row and "1e halfjaar 2020" in row
    assert "64\u00a0425*" in row and "64\u00a0430" in row and OLD_TITLE in row and NEW_TITLE in row
    assert build.files["data/ontvangen_meldingen.json"].count(b'"herzien"') == 1
    assert len(revised(build.indicators)) == 1


def test_missing_or_unreadable_publication_date_is_a_warning(root):
    add_publication(root, [meldingen("64430")], published=None)
    add_publication(root, [], published="24-11-2026", name="test-bad-date")
    _, _, problems = check_inputs(root)
    found = {(p.field, p.type, p.severity) for p in problems}
    assert ("sources/test-later/published", "missing-publication-date", "warning") in found
    assert ("sources/test-bad-date/published", "missing-publication-date", "warning") in found
    assert not [p for p in problems if p.severity == "error"]


def test_undated_publication_ties_and_descriptor_order_decides(root):
    add_publication(root, [meldingen("64430")], published=None)
    catalog, inds, _ = load(root)
    [rec] = national(inds["ontvangen_meldingen"].records)
    assert rec["bron"] == NEW_TITLE and rec["herzien"][0]["published"] == "2020"


def test_computed_figures_have_no_history_of_their_own(root):
    add_publication(root, [meldingen("64430")])
    catalog, inds, _ = load(root)
    ratio = inds["meldingen_per_advies"]
    assert all(not h for h in ratio.ind.data.get("herzien", []))
    assert not any("herzien" in r for r in ratio.records)


# ---------------------------------------------------------------------------------------------
# The rule itself, on a small frame
# ---------------------------------------------------------------------------------------------

def frame(rows):
    cols = ["regio_code", "periode", "maat", "categorie", "groep", "waarde", "waarde_num", "teken", "kwalificatie",
            "bron", "bron_titel", "vindplaats", "noot"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)


def package(**dates):
    return SimpleNamespace(sources={name: {"name": name, "published": d} for name, d in dates.items()},
                           measures=pd.DataFrame({"maat": ["m"], "eenheid": ["aantal"]}).set_index("maat", drop=False))


def row(bron, value, sign="", noot=""):
    return ["NL01", "2020-H1", "m", "", "", value, float(value) if value else float("nan"), sign, "", bron, bron.upper(), "t", noot]


def test_rule_three_publications_newest_first_and_runs_collapse():
    pkg = package(a="2019", b="2020-05", c="2021-01-02")
    out = revisions.apply(frame([row("c", "105"), row("a", "100", "*"), row("b", "100", "*", "Eigen noot")]), pkg)
    assert len(out) == 1
    shown = out.iloc[0]
    assert shown.bron == "c" and shown.waarde == "105"
    # a and b printed the same 100*: one history entry, with the newer citation (b)
    assert shown.herzien == [{"waarde_tekst": "100*", "bron": "B", "vindplaats": "t", "published": "2020-05"}]
    assert shown.noot == "Herzien: eerder gepubliceerd als 100* (B, t)."


def test_rule_keeps_the_shown_rows_own_note_and_leaves_single_sources_alone():
    pkg = package(a="2019", b="2020")
    out = revisions.apply(frame([row("a", "1"), row("b", "2", "", "Eigen noot")]), pkg)
    assert out.iloc[0].noot == "Eigen noot. Herzien: eerder gepubliceerd als 1 (A, t)."
    single = frame([row("a", "1")])
    assert revisions.apply(single, pkg) is single  # nothing to do: the frame is returned as it was


def test_rule_an_older_unstated_figure_is_no_earlier_version():
    """The 2020 monitor has '.' where it gives a figure only in a chart (gestarte adviezen 2019-H1);
    StatLine's value for it is no revision of a printed figure: no history, no note. A value that
    a newer source withholds keeps its history (test_newest_wins_even_when_it_is_secret)."""
    pkg = package(a="2020", b="2025-10-30")
    out = revisions.apply(frame([row("a", "", "."), row("b", "23370")]), pkg)
    assert len(out) == 1 and out.iloc[0].waarde == "23370"
    assert out.iloc[0].herzien == [] and "Herzien" not in out.iloc[0].noot
    out = revisions.apply(frame([row("a", "23365", "*"), row("b", "", ".")]), pkg)
    assert out.iloc[0].herzien[0]["waarde_tekst"] == "23\u00a0365*"


def test_dates():
    assert parse_date("2026-11-24") == (2026, 11, 24)
    assert parse_date("2020-04") == (2020, 4) and parse_date(2020) == (2020,)
    assert parse_date("2020-13") is None and parse_date("24-11-2026") is None
    assert dutch_date((2026, 11, 24)) == "24 november 2026"


# ---------------------------------------------------------------------------------------------
# The real data and the real changelog
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """The build of the bundled publications (without the StatLine packages, which revise figures)."""
    return cached_build(publications_root(tmp_path_factory))


def test_real_data_has_no_revisions(real):
    # No bundled package holds one figure from two publications (checked per package, not only per indicator)
    for pkg in real.catalog.packages.values():
        obs = pkg.observations
        if len(obs):
            assert obs.groupby(KEY).bron.nunique().max() == 1, pkg.name
    assert not any("herzien" in i.ind.data.columns or "herzien" in i.ind.verandering.columns for i in real.indicators)
    assert revised(real.indicators) == []
    assert "Geen herziene cijfers in deze editie." in real.pages["wijzigingen.md"]


def test_every_figure_package_source_has_a_publication_date(real):
    for pkg in real.catalog.packages.values():
        for name, src in pkg.sources.items():
            assert parse_date(src.get("published")), f"{pkg.name}: {name}"


def test_edition_from_changelog(real):
    assert edition(releases(Content(ROOT))) == {"versie": "0.2.0", "datum": "2026-11-24"}
    assert real.edition == {"versie": "0.2.0", "datum": "2026-11-24"}
    versions = [r["versie"] for r in releases(Content(ROOT))]
    assert versions[:3] == ["Unreleased", "0.2.0", "0.1.0"]
    page = real.pages["wijzigingen.md"]
    assert "## Editie 0.2.0 (24 november 2026)" in page and "## Editie 0.1.0 (24 november 2026)" in page
    assert "### Toegevoegd" in page and '<div lang="en" markdown>' in page
    # the newest period per level, from the figures present: the prevalence study of 2022 is national,
    # the regional figures end with the Beleidsinformatie of 2e halfjaar 2019
    assert editions.label(real) == ("Editie 0.2.0 (24 november 2026) · landelijke cijfers tot en met 2022, "
                                    "regionale tot en met 2e halfjaar 2019*")
    sources = {r["bron"]: (r["landelijk"], r["regionaal"]) for r in real.data_until_sources}
    assert sources["CBS, Beleidsinformatie Veilig Thuis, 2e halfjaar 2019"] == ("2e halfjaar 2019*", "2e halfjaar 2019*")
    assert sources["CBS, Impactmonitor aanpak huiselijk geweld en kindermishandeling 2022 (4e editie)"] == ("2022", "")


def test_edition_parsing(tmp_path):
    (tmp_path / "CHANGELOG.md").write_text(
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- next\n\n## [1.2.0] - 2027-05-01\n\n### Fixed\n\n- a fix\n\n"
        "## [1.1.0] - 2027-01-15\n\n### Added\n\n- b\n\n[1.2.0]: https://example.org/compare\n", encoding="utf-8")
    assert edition(releases(Content(tmp_path))) == {"versie": "1.2.0", "datum": "2027-05-01"}
    rels = releases(Content(tmp_path))
    assert [(r["versie"], r["datum"]) for r in rels] == [("Unreleased", ""), ("1.2.0", "2027-05-01"), ("1.1.0", "2027-01-15")]
    assert rels[1]["secties"] == [("Fixed", "- a fix")] and rels[2]["secties"] == [("Added", "- b")]  # link line dropped


def test_data_until_is_the_latest_period_of_any_figure(real):
    figures = [(r.periode, r.teken) for i in real.indicators for f in (i.ind.data, i.ind.verandering)
               for r in f.itertuples(index=False) if pd.notna(r.waarde_num)]
    latest = max((p for p, _ in figures), key=periods.sort_key)
    assert real.data_until.rstrip("*") == periods.label(latest)
    assert real.data_until == "2022"  # today: the 2022 prevalence figure (Impactmonitor 2022)


def test_wijzigingen_in_the_navigation_and_edition_in_the_footer(real):
    from build_data.site import mkdocs_hook

    assert "  - Wijzigingen: wijzigingen.md\n" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), extra={},
                             nav=[{"Home": "index.md"}, {"Wijzigingen": "wijzigingen.md"}])
    config = mkdocs_hook.on_config(config)
    assert config.extra["editie"].startswith("Editie ") and "cijfers tot en met" in config.extra["editie"]