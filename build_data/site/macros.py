"""mkdocs-macros module for hand-written pages: forwards to build_data, computes nothing."""

from __future__ import annotations

from pathlib import Path

from build_data.compute import derive
from build_data.pages import blocks, overview
from build_data.pages import edition as editions
from build_data.pages.html import lifted
from build_data.site.build import cached_build


def define_env(env):
    root = Path(env.project_dir).resolve()  # the folder of mkdocs.yml (also under Zensical, where env.conf is a dict)

    @env.macro
    def kerncijfer(indicator_id: str) -> str:
        """A key-figure tile with the latest national value, its period, source and a link."""
        build = cached_build(root)
        return blocks.key_figure_tile(build.indicator(indicator_id), build.catalog)

    @env.macro
    def editie() -> str:
        """'Editie 0.2.0 (24 november 2026) · landelijke cijfers tot en met 2022, regionale tot en met
        2e halfjaar 2019*' (CHANGELOG.md, the data)."""
        return editions.label(cached_build(root))

    @env.macro
    def offline() -> str:
        """The download of the offline copy (zip), with its size and edition."""
        return lifted(editions.offline_link(cached_build(root)))

    @env.macro
    def actualiteit() -> str:
        """Per source the newest period with figures, nationally and per region."""
        return lifted(editions.currency_table(cached_build(root)))

    @env.macro
    def indicatoroverzicht() -> str:
        return overview.overview(cached_build(root))

    @env.macro
    def bronnenoverzicht() -> str:
        return overview.sources_overview(cached_build(root))

    @env.macro
    def drempel() -> int:
        """The disclosure threshold for computed shares and ratios (build_data/compute/derive.py)."""
        return derive.DREMPEL

    @env.macro
    def tekenverklaring() -> str:
        return lifted(blocks.symbols_table())

    @env.macro
    def themalijst() -> str:
        return overview.theme_list(cached_build(root))
