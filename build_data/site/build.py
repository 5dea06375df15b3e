"""The build: validate everything, compute every indicator, prepare every output in memory.

`validate` runs every check that can fail the build and returns every problem; `build_all`
returns a complete Build (pages, data files, assets, navigation) or raises ValidationFailed with
every problem found. Writing is left to the caller (site.publish writes atomically; the MkDocs
hook hands the files to MkDocs without touching docs/)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..compute.indicators import load_indicators
from ..compute.outputs import SCHEMA_PATH, download_schema, indicator_csv, indicator_csv_excel, indicator_json, to_json_bytes
from ..compute.view import View, data_until, data_until_by_level, data_until_by_source, make_view
from ..load.catalogue import Entry, load_catalogue
from ..load.changelog import edition, releases
from ..load.content import Content, hand_written_pages, read_synonyms
from ..load.declarations import declared_ids, load_themes
from ..load.packages import load_all
from ..load.redirects import read_redirects
from ..model import periods
from ..model.catalog import Catalog
from ..model.indicator import Indicator, Theme
from ..model.problems import Problem, ValidationFailed
from ..pages import edition as editions
from ..pages import export as exports
from ..pages import indicator
from ..pages import profile as profiles
from ..pages import redirect as redirects
from ..pages import share
from ..pages import theme as theme_pages
from ..pages.html import title_text
from . import vega_check
from .write import packages_zip

# Browser assets from the npm registry (package-lock.json pins them), copied into the site. Vega is
# the slim bundle `make setup` builds from them (scripts/build_vega.py, checked by vega_check).
VENDOR = {
    "assets/vendor/vega.min.js": vega_check.BUNDLE,
    "assets/vendor/iframe-worker-shim.js": "node_modules/iframe-worker/shim/index.js",
}


@dataclass
class Build:
    catalog: Catalog
    indicators: list[View]  # one view per indicator, in site order
    themes: list[Theme]
    pages: dict[str, str] = field(default_factory=dict)  # docs-relative path -> Markdown
    files: dict[str, bytes] = field(default_factory=dict)  # site-relative path -> bytes
    warnings: list[Problem] = field(default_factory=list)
    catalogue: list[Entry] = field(default_factory=list)
    edition: dict = field(default_factory=dict)  # newest release of CHANGELOG.md: {versie, datum}
    data_until: str = ""  # label of the latest period of any figure, e.g. '1e halfjaar 2020*'
    data_until_levels: dict = field(default_factory=dict)  # {'landelijk': '2022', 'regionaal': '2e halfjaar 2019*'}
    data_until_sources: list = field(default_factory=list)  # per source its latest period per level
    releases: list[dict] = field(default_factory=list)  # every release of CHANGELOG.md, newest first
    synonyms: list[list[str]] = field(default_factory=list)  # search synonym groups (zoekwoorden.yml)
    docs_pages: set[str] = field(default_factory=set)  # the hand-written pages of docs/

    def nav(self) -> list:
        """Navigation titles are escaped (pages.html.title_text): MkDocs writes them into the pages as they are."""
        sections = []
        for theme in self.themes:
            children = [f"themas/{theme.slug}.md"] + [
                {title_text(i.titel): f"indicatoren/{i.id}.md"} for i in self.indicators if i.thema.slug == theme.slug]
            sections.append({title_text(theme.titel): children})
        return sections

    def share_images(self) -> dict[str, bytes]:
        """site path -> PNG: the image of each indicator's chart for a shared link (made only for
        a site with an address; build_data.pages.share)."""
        return share.images(self.indicators, self.catalog)

    def region_nav(self) -> list:
        """The Veilig Thuis regions only: every page carries the navigation, so other areas (such as
        municipalities) would make the site grow with the square of the areas. Their profiles are
        linked from regio/index.html."""
        return ["regio/index.md"] + [{title_text(r.naam): f"regio/{r.slug}.md"} for r in self.catalog.regions.regional()
                                     if r.code.startswith("VT")]

    def indicator(self, id_: str) -> View:
        return next(i for i in self.indicators if i.id == id_)


@dataclass
class Inputs:
    """Everything read from a root, checked: the data, the declarations computed into indicators,
    the catalogue of the monitor and the redirects, with every problem found in them."""
    content: Content
    catalog: Catalog
    indicators: list[Indicator]
    entries: list[Entry]
    redirects: dict[str, str]
    problems: list[Problem]


def _inputs(root: Path) -> Inputs:
    content = Content(root)
    catalog = load_all(root)
    indicators, problems = load_indicators(catalog, content)
    # a link to a declared indicator that has a problem of its own is not reported again
    # an entry's status comes from the figures present: the indicators built (with figures) that show it
    entries, cat_problems = load_catalogue(catalog, declared_ids(content), {t.slug for t in load_themes(content)},
                                           links={i.file: (i.id, i.catalogus) for i in indicators if i.catalogus},
                                           with_figures={i.id for i in indicators})
    redirect_map, redirect_problems = read_redirects(content)
    return Inputs(content, catalog, indicators, entries, redirect_map,
                  catalog.problems + problems + cat_problems + redirect_problems)


def check_inputs(root: Path) -> tuple[Catalog, list[Indicator], list[Problem]]:
    """The checks of what a root holds (data packages, declarations, catalogue, redirects file),
    without making pages: (catalog, indicators, problems). For a copy of the data (a fetch script,
    a test); `validate` runs every check."""
    i = _inputs(root)
    return i.catalog, i.indicators, i.problems


def _assemble(root: Path) -> tuple[Inputs, Build | None, list[Problem]]:
    """Validate everything and prepare every output in memory: (inputs, build, problems). The build
    is None when the data or the declarations have an error (no page is made from rows not to be
    trusted); otherwise every later check runs too (redirect targets, browser assets, the Vega
    bundle), so one run reports every problem."""
    inputs = _inputs(root)
    content, catalog, entries, problems = inputs.content, inputs.catalog, inputs.entries, list(inputs.problems)
    missing = [src for src in VENDOR.values() if not (root / src).exists()]
    problems += [Problem(m, None, None, "missing-asset", "browserbestand ontbreekt: voer `make setup` uit (make site doet dat)") for m in missing]
    if any(p.severity == "error" for p in problems):
        return inputs, None, problems
    views = [make_view(ind, catalog) for ind in inputs.indicators]  # rows to be trusted: one view each
    rels = releases(content)
    build = Build(catalog, views, load_themes(content), warnings=problems, catalogue=entries,
                  edition=edition(rels), data_until=data_until(inputs.indicators), releases=rels,
                  data_until_levels=data_until_by_level(inputs.indicators), data_until_sources=data_until_by_source(inputs.indicators),
                  synonyms=read_synonyms(content), docs_pages=hand_written_pages(content))
    for view in views:
        build.pages[f"indicatoren/{view.id}.md"], part_files = indicator.indicator_page(view, catalog, views, build.synonyms)
        build.files.update(part_files)
        build.files[f"data/{view.id}.json"] = to_json_bytes(indicator_json(view))
        build.files[f"data/{view.id}.csv"] = indicator_csv(view)
        build.files[f"data/{view.id}-excel.csv"] = indicator_csv_excel(view)  # the same for Excel with Dutch settings
        for period in indicator.choice_periods(view):  # the downloads of the period a page shows
            build.files[f"data/{view.id}-{period}.json"] = to_json_bytes(indicator_json(view, period))
            build.files[f"data/{view.id}-{period}.csv"] = indicator_csv(view, period)
    for theme in build.themes:
        build.pages[f"themas/{theme.slug}.md"] = theme_pages.theme_page(
            theme, [v for v in views if v.thema.slug == theme.slug], catalog,
            [e for e in entries if e.thema == theme.slug and not e.on_site], views)
    profile_pages, profile_files = profiles.pages(build)
    build.pages.update(profile_pages)
    build.files.update(profile_files)
    build.files[SCHEMA_PATH] = json.dumps(download_schema(), ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    build.pages["data.md"] = exports.data_page(build)
    build.pages["wijzigingen.md"] = editions.page(build)  # releases (CHANGELOG.md) and revised figures
    build.files[exports.PACKAGES_ZIP] = packages_zip(root, build.edition)
    for view in views:
        if exports.first_chart(view):
            build.files[f"embed/{view.id}.html"] = exports.embed_page(view, catalog, views).encode("utf-8")
    files, found = redirects.redirect_files(inputs.redirects, build)  # old URLs keep working (redirects.yml)
    build.files.update(files)
    problems += found
    regions = [{"slug": r.slug, "code": r.code, "naam": r.naam,  # a municipality has both ends
                "bestaat": " ".join(x for x in (f"vanaf {periods.label(r.geldig_vanaf)}" if r.geldig_vanaf else "",
                                                f"tot en met {periods.label(r.geldig_tot)}" if r.geldig_tot else "") if x)}
               for r in catalog.regions.by_code.values()]
    build.files["assets/regios.js"] = ("window.HGKM_REGIOS = " + json.dumps(regions, ensure_ascii=False) + ";\n").encode("utf-8")
    if not missing:
        for dest, src in VENDOR.items():
            build.files[dest] = (root / src).read_bytes()
        problems += vega_check.check(root, build.pages, build.files)
    return inputs, build, problems


def validate(root: Path) -> tuple[Catalog, list[Indicator], list[Problem]]:
    """Every check that can fail the build, in one run (data, declarations, redirects, browser
    assets, the Vega bundle): (catalog, indicators, problems). Nothing is written."""
    inputs, _, problems = _assemble(root)
    return inputs.catalog, inputs.indicators, problems


def build_all(root: Path) -> Build:
    """A complete Build (pages, data files, assets, navigation), or ValidationFailed with every
    problem found."""
    _, build, problems = _assemble(root)
    if build is None or any(p.severity == "error" for p in problems):
        raise ValidationFailed(problems)
    return build


def _fingerprint(root: Path) -> str:
    h = hashlib.sha256()
    for base in ("datapackages", "build_data"):
        for p in sorted((root / base).rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                st = p.stat()
                h.update(f"{p}:{st.st_size}:{st.st_mtime_ns}".encode())
    log = Content(root).changelog
    if log.exists():  # the edition and its page come from CHANGELOG.md
        h.update(f"{log}:{log.stat().st_size}:{log.stat().st_mtime_ns}".encode())
    return h.hexdigest()


_CACHE: dict[str, tuple[str, Build]] = {}


def cached_build(root: Path) -> Build:
    """build_all, reused while no input changed (the site command and the MkDocs hook share it)."""
    key = str(root.resolve())
    fp = _fingerprint(root)
    if key in _CACHE and _CACHE[key][0] == fp:
        return _CACHE[key][1]
    build = build_all(root)
    _CACHE[key] = (fp, build)
    return build


