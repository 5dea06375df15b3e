"""The data packages as Data Package v2 descriptors (datapackage.json) for the zip of all data
packages: the repository's YAML descriptor upgraded by frictionless itself (`$schema` of the v2
profile, `type: table` for tabular resources), with what v2 asks of a published package and the
repository does not repeat in every file: the `version` and `created` of the site's edition
(CHANGELOG.md), and `contributors` with their roles (the publisher of the figures as creator,
this project as data curator, which transcribed or fetched them)."""

from __future__ import annotations

import json
from pathlib import Path

import frictionless
import yaml

PROJECT = "hgkm-monitor (Impactmonitor aanpak huiselijk geweld en kindermishandeling, statische site)"


def descriptor(folder: Path, edition: dict) -> dict:
    """The v2 descriptor of the package in `folder` (datapackage.yaml there), for an edition
    {versie, datum}."""
    source = yaml.safe_load((folder / "datapackage.yaml").read_text(encoding="utf-8"))
    out = frictionless.Package.from_descriptor(source, basepath=str(folder)).to_descriptor(upgrade=True)
    publishers = [source["publisher"]] if source.get("publisher") else list(dict.fromkeys(
        s["publisher"] for s in source.get("sources", []) if s.get("publisher")))
    extra = {"contributors": [{"title": p, "roles": ["creator"]} for p in publishers] + [{"title": PROJECT, "roles": ["dataCurator"]}]}
    if edition.get("versie"):
        extra["version"] = edition["versie"]
    if edition.get("datum"):
        extra["created"] = f"{edition['datum']}T00:00:00Z"
    schema = out.pop("$schema")
    return {"$schema": schema, **out, **extra}


def problems(desc: dict) -> list[str]:
    """What frictionless finds against the v2 profile (nothing for a valid descriptor)."""
    return [e.note for e in frictionless.Package.metadata_validate(desc)]


def to_bytes(desc: dict) -> bytes:
    return json.dumps(desc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
