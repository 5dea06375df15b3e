"""MkDocs hook: thin glue. It asks build_data for the pages, data files, assets and navigation,
and hands them to MkDocs as generated files; it computes nothing itself and writes nothing to
docs/. A validation problem stops the build with the full problem table."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from build_data.model.problems import ValidationFailed
from build_data.pages import edition as editions
from build_data.pages.html import LIFT_OPEN
from build_data.site.build import cached_build
from build_data.site.lift import lift_specs, restore_specs

_build = None
_specs: dict = {}  # chart specs lifted out of the pages (build_data.site.lift.lift_specs)


def on_config(config):
    global _build
    root = Path(config.config_file_path).resolve().parent
    try:
        _build = cached_build(root)
    except ValidationFailed as exc:
        raise PluginError("De data zijn niet geldig:\n" + str(exc)) from None
    home = config.nav[:1] if config.nav else ["index.md"]
    rest = config.nav[1:] if config.nav else []
    config.nav = home + [{"Thema's": _build.nav()}, {"Regio's": _build.region_nav()}] + rest
    config.extra["editie"] = editions.label(_build)  # shown in the footer (overrides/partials/copyright.html)
    return config


def on_files(files, config):
    _specs.clear()
    for path, content in sorted(_build.pages.items()):
        files.append(File.generated(config, path, content=lift_specs(content, _specs)))
    for path, content in sorted(_build.files.items()):
        files.append(File.generated(config, path, content=content))
    if config.site_url:  # a link preview needs the image at an address (overrides/main.html)
        for path, content in sorted(_build.share_images().items()):
            files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    """What the macros plugin (which runs before this hook) inserted, lifted as well."""
    return lift_specs(markdown, _specs) if LIFT_OPEN in markdown else markdown


def on_post_page(output, page, config):
    return restore_specs(output, _specs)
