"""Editions: the site is published in releases, recorded in <root>/CHANGELOG.md (Keep a Changelog,
https://keepachangelog.com/en/1.1.0/, in English). The edition is the newest release there
(`## [0.2.0] - 2026-11-24`)."""

from __future__ import annotations

import re

from .content import Content

RELEASE = re.compile(r"^## \[(?P<versie>[^\]]+)\](?:\s+-\s+(?P<datum>\d{4}-\d{2}-\d{2}))?\s*$")


SECTION = re.compile(r"^### (?P<naam>.+?)\s*$")


def releases(content: Content) -> list[dict]:
    """The releases in file order (Keep a Changelog: newest first), each {versie, datum, secties},
    secties a list of (heading, Markdown text). '[Unreleased]' is included, with datum ''."""
    path = content.changelog
    if not path.exists():
        return []
    out: list[dict] = []
    section = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = RELEASE.match(line)
        if m:
            out.append({"versie": m.group("versie"), "datum": m.group("datum") or "", "secties": []})
            section = None
            continue
        if line.startswith("## ") or re.match(r"^\[[^\]]+\]:\s", line):  # another heading, or a link reference
            section = None
            continue
        if not out:
            continue
        m = SECTION.match(line)
        if m:
            section = [m.group("naam"), []]
            out[-1]["secties"].append(section)
        elif section is not None:
            section[1].append(line)
    for rel in out:
        rel["secties"] = [(name, "\n".join(lines).strip()) for name, lines in rel["secties"] if "\n".join(lines).strip()]
    return out


def edition(rels: list[dict]) -> dict:
    """The newest release: {'versie': '0.2.0', 'datum': '2026-11-24'}; empty strings without one."""
    for rel in rels:
        if rel["versie"].lower() != "unreleased":
            return {"versie": rel["versie"], "datum": rel["datum"]}
    return {"versie": "", "datum": ""}
