"""mkdocs-macros module for hand-written pages: forwards to build_data, computes nothing."""

from __future__ import annotations

from pathlib import Path

from build_data.compute import derive
from build_data.pages import blocks, edition as editions, overview, render
from build_data.site.build import cached_build


def define_env(env):
    root = Path(env.conf.config_file_path).resolve().parent

    @env.macro
    def kerncijfer(indicator_id: str) -> str:
        """A key-figure tile with the latest national value, its period, source and a link."""
        build = cached_build(root)
        ind = build.indicator(indicator_id)
        recs = ind.records
        national = [r for r in recs if r["regio_code"] == "NL01"]
        return ('<div class="hgkm-tegel">' + blocks.key_figure(ind, recs)
                + f'<p><a href="indicatoren/{ind.id}.html">Meer over {render.e(ind.titel.lower())}</a></p>'
                + blocks.source_line(ind, build.catalog, national) + "</div>")

    @env.macro
    def editie() -> str:
        """'Editie 0.2.0 (24 november 2026) · cijfers tot en met 1e halfjaar 2020*' (CHANGELOG.md, the data)."""
        return editions.label(cached_build(root))

    @env.macro
    def indicatoroverzicht() -> str:
        return overview.overview(cached_build(root))

    @env.macro
    def bronnenoverzicht() -> str:
        return overview.sources_overview(cached_build(root))

    @env.macro
    def drempel() -> int:
        """The disclosure threshold for computed shares and ratios (build_data/derive.py)."""
        return derive.DREMPEL

    @env.macro
    def tekenverklaring() -> str:
        return render.lifted(blocks.symbols_table())

    @env.macro
    def themalijst() -> str:
        build = cached_build(root)
        items = []
        for t in build.themes:
            n = sum(1 for i in build.indicators if i.thema.slug == t.slug)
            status = f"{n} indicator{'en' if n != 1 else ''}" if n else "nog geen cijfers"
            items.append(f'<li><a href="themas/{t.slug}.html">{render.e(t.titel)}</a> <span class="hgkm-status">({status})</span></li>')
        return '<ul class="hgkm-themalijst">' + "".join(items) + "</ul>"
