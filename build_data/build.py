"""The build: validate everything, compute every indicator, prepare every output in memory.

`build_all` either returns a complete Build (pages, data files, assets, navigation) or raises
ValidationFailed with every problem found. Writing is left to the caller (site.py writes
atomically; the MkDocs hook hands the files to MkDocs without touching docs/)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import editions, exports, periods, profiles, redirects, render, vega_check
from .catalogue import Entry, load_catalogue
from .datapackages import Catalog, load_all
from .indicators import Indicator, Theme, declared_ids, load_indicators, load_themes
from .outputs import indicator_csv, indicator_json, to_json_bytes
from .problems import Problem, ValidationFailed
from .render import title_text

# Browser assets from the npm registry (package-lock.json pins them), copied into the site. Vega is
# the slim bundle `make setup` builds from them (scripts/build_vega.py, checked by vega_check).
VENDOR = {
    "assets/vendor/vega.min.js": vega_check.BUNDLE,
    "assets/vendor/iframe-worker-shim.js": "node_modules/iframe-worker/shim/index.js",
}


@dataclass
class Build:
    catalog: Catalog
    indicators: list[Indicator]
    themes: list[Theme]
    pages: dict[str, str] = field(default_factory=dict)  # docs-relative path -> Markdown
    files: dict[str, bytes] = field(default_factory=dict)  # site-relative path -> bytes
    warnings: list[Problem] = field(default_factory=list)
    catalogue: list[Entry] = field(default_factory=list)
    edition: dict = field(default_factory=dict)  # newest release of CHANGELOG.md: {versie, datum}
    data_until: str = ""  # label of the latest period of any figure, e.g. '1e halfjaar 2020*'

    def nav(self) -> list:
        """Navigation titles are escaped (render.title_text): MkDocs writes them into the pages as they are."""
        sections = []
        for theme in self.themes:
            children = [f"themas/{theme.slug}.md"] + [
                {title_text(i.titel): f"indicatoren/{i.id}.md"} for i in self.indicators if i.thema.slug == theme.slug]
            sections.append({title_text(theme.titel): children})
        return sections

    def region_nav(self) -> list:
        """The Veilig Thuis regions only: every page carries the navigation, so other areas (such as
        municipalities) would make the site grow with the square of the areas. Their profiles are
        linked from regio/index.html."""
        return ["regio/index.md"] + [{title_text(r.naam): f"regio/{r.slug}.md"} for r in self.catalog.regions.regional()
                                     if r.code.startswith("VT")]

    def indicator(self, id_: str) -> Indicator:
        return next(i for i in self.indicators if i.id == id_)


def validate(root: Path) -> tuple[Catalog, list[Indicator], list[Problem]]:
    catalog, indicators, _, problems = _load(root)
    return catalog, indicators, problems


def _load(root: Path):
    catalog = load_all(root)
    indicators, problems = load_indicators(catalog, root)
    # a link to a declared indicator that has a problem of its own is not reported again
    entries, cat_problems = load_catalogue(catalog, declared_ids(root), {t.slug for t in load_themes()})
    return catalog, indicators, entries, catalog.problems + problems + cat_problems


def build_all(root: Path) -> Build:
    catalog, indicators, entries, problems = _load(root)
    if any(p.severity == "error" for p in problems):
        raise ValidationFailed(problems)
    build = Build(catalog, indicators, load_themes(), warnings=problems, catalogue=entries)
    for ind in indicators:
        build.pages[f"indicatoren/{ind.id}.md"] = render.indicator_page(ind, catalog, indicators)
        build.files[f"data/{ind.id}.json"] = to_json_bytes(indicator_json(ind, catalog))
        build.files[f"data/{ind.id}.csv"] = indicator_csv(ind, catalog)
    for theme in build.themes:
        build.pages[f"themas/{theme.slug}.md"] = render.theme_page(
            theme, [i for i in indicators if i.thema.slug == theme.slug], catalog,
            [e for e in entries if e.thema == theme.slug and not e.indicatoren], indicators)
    build.pages.update(profiles.pages(build))
    build.pages["data.md"] = exports.data_page(build)
    build.edition, build.data_until = editions.edition(root), editions.data_until(build)
    build.pages["wijzigingen.md"] = editions.page(build, root)  # releases (CHANGELOG.md) and revised figures
    build.files[exports.PACKAGES_ZIP] = exports.packages_zip(root)
    for ind in indicators:
        if exports.first_chart(ind):
            build.files[f"embed/{ind.id}.html"] = exports.embed_page(ind, catalog, indicators).encode("utf-8")
    build.files.update(redirects.redirect_files(root, build))  # old URLs keep working (redirects.yml)
    regions = [{"slug": r.slug, "code": r.code, "naam": r.naam,
                "bestaat": (f"vanaf {periods.label(r.geldig_vanaf)}" if r.geldig_vanaf else "")
                + (f"tot en met {periods.label(r.geldig_tot)}" if r.geldig_tot else "")}
               for r in catalog.regions.by_code.values()]
    build.files["assets/regios.js"] = ("window.HGKM_REGIOS = " + json.dumps(regions, ensure_ascii=False) + ";\n").encode("utf-8")
    missing = [src for src in VENDOR.values() if not (root / src).exists()]
    if missing:
        raise ValidationFailed([Problem(m, None, None, "missing-asset", "browserbestand ontbreekt: voer `make setup` uit (make site doet dat)") for m in missing])
    for dest, src in VENDOR.items():
        build.files[dest] = (root / src).read_bytes()
    lacking = vega_check.check(root, build.pages, build.files)
    if lacking:
        raise ValidationFailed(lacking)
    return build


def _fingerprint(root: Path) -> str:
    h = hashlib.sha256()
    for base in ("datapackages", "build_data"):
        for p in sorted((root / base).rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                st = p.stat()
                h.update(f"{p}:{st.st_size}:{st.st_mtime_ns}".encode())
    log = editions.changelog_path(root)
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


_SPEC_ATTR = re.compile(r' data-spec="([^"]*)"')
_SPEC_TOKEN = re.compile(r' data-spec="(hgkmspec[0-9]+)"')
_BLOCK_TOKEN = re.compile(r'<div data-hgkm-blok="(hgkmblok[0-9]+)"></div>')


def lift_specs(markdown: str, specs: dict[str, str]) -> str:
    """Generated HTML out of a page for the Markdown, Jinja (macros) and search passes, which only
    pass it through but spent most of the site build parsing it.

    Blocks a page marks with render.lifted (value tables, maps, source lists, selectors, ...)
    become an empty placeholder element, specs[token] keeps the block; then each data-spec
    attribute left becomes a short token, specs[token] keeps the attribute text. The same block
    or spec on several pages is kept once. restore_specs puts both back into the finished HTML,
    byte for byte, so search no longer indexes them but the page is unchanged."""
    blocks = specs.setdefault("\0blocks", {})  # block html -> token
    parts = markdown.split(render.LIFT_OPEN)  # str methods, not a regex: pages can be megabytes
    for i in range(1, len(parts)):
        block, close, rest = parts[i].partition(render.LIFT_CLOSE)
        if not close:
            parts[i] = render.LIFT_OPEN + parts[i]  # an open mark without its close stays as it is
            continue
        token = blocks.get(block)
        if token is None:
            token = blocks[block] = f"hgkmblok{len(blocks)}"
            specs[token] = block
        parts[i] = f'<div data-hgkm-blok="{token}"></div>' + rest
    markdown = "".join(parts)
    tokens = specs.setdefault("", {})  # attribute text -> token
    def lift(m):
        token = tokens.get(m[1])
        if token is None:
            token = tokens[m[1]] = f"hgkmspec{len(tokens)}"
            specs[token] = m[1]
        return f' data-spec="{token}"'
    return _SPEC_ATTR.sub(lift, markdown)


def restore_specs(html: str, specs: dict[str, str]) -> str:
    if "hgkmblok" in html:
        html = _BLOCK_TOKEN.sub(lambda m: specs[m[1]], html)
    return _SPEC_TOKEN.sub(lambda m: f' data-spec="{specs[m[1]]}"', html) if "hgkmspec" in html else html


def unlift(markdown: str) -> str:
    """A generated page without the lift marks (for readers of Build.pages other than MkDocs)."""
    return markdown.replace(render.LIFT_OPEN, "").replace(render.LIFT_CLOSE, "")
