"""Editions: the site is published in releases, recorded in CHANGELOG.md (Keep a Changelog,
https://keepachangelog.com/en/1.1.0/, in English). The edition is the newest release there
(`## [0.2.0] - 2026-11-24`). The generated page wijzigingen.md shows every release (headings in
Dutch, the notes in English, marked as such) and every figure that a newer publication revised
(build_data.revisions)."""

from __future__ import annotations

import re
from pathlib import Path

from . import periods, revisions
from .outputs import records
from .render import e

CHANGELOG = "CHANGELOG.md"
HERE = Path(__file__).resolve().parent
RELEASE = re.compile(r"^## \[(?P<versie>[^\]]+)\](?:\s+-\s+(?P<datum>\d{4}-\d{2}-\d{2}))?\s*$")
SECTION = re.compile(r"^### (?P<naam>.+?)\s*$")
SECTIONS_NL = {"Added": "Toegevoegd", "Changed": "Gewijzigd", "Deprecated": "Verouderd", "Removed": "Verwijderd",
               "Fixed": "Hersteld", "Security": "Beveiliging"}


def changelog_path(root: Path) -> Path:
    """root/CHANGELOG.md; a build root without one (a test's copy of the data) uses the changelog
    that ships with this code."""
    own = Path(root) / CHANGELOG
    return own if own.exists() else HERE.parent / CHANGELOG


def releases(root: Path) -> list[dict]:
    """The releases in file order (Keep a Changelog: newest first), each {versie, datum, secties},
    secties a list of (heading, Markdown text). '[Unreleased]' is included, with datum ''."""
    path = changelog_path(root)
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


def edition(root: Path) -> dict:
    """The newest release: {'versie': '0.2.0', 'datum': '2026-11-24'}; empty strings without one."""
    for rel in releases(root):
        if rel["versie"].lower() != "unreleased":
            return {"versie": rel["versie"], "datum": rel["datum"]}
    return {"versie": "", "datum": ""}


def data_until(build) -> str:
    """The latest period of any figure on the site (a value, not a symbol for a missing one), as
    its Dutch label: '1e halfjaar 2020*' when a figure of that period is provisional."""
    rows = {(p, t) for ind in build.indicators for frame in (ind.data, ind.verandering) if not frame.empty
            for p, t in zip(frame.periode[frame.waarde_num.notna()], frame.teken[frame.waarde_num.notna()])}
    if not rows:
        return ""
    latest = max((p for p, _ in rows), key=periods.sort_key)
    signs = {t for p, t in rows if p == latest}
    return periods.label(latest, "*" if "*" in signs else "**" if "**" in signs else "")


def label(build) -> str:
    """'Editie 0.2.0 (24 november 2026) · cijfers tot en met 1e halfjaar 2020*'."""
    ed = build.edition or {}
    parts = []
    if ed.get("versie"):
        date = revisions.dutch_date(revisions.parse_date(ed.get("datum")))
        parts.append(f"Editie {ed['versie']}" + (f" ({date})" if date else ""))
    if build.data_until:
        parts.append(f"cijfers tot en met {build.data_until}")
    return " · ".join(parts)


def revised(build) -> list[dict]:
    """Every revised figure on the site, in site order: indicator, record (shown value) and its history."""
    out = []
    for ind in build.indicators:
        for kind, frame in (("waarde", ind.data), ("verandering", ind.verandering)):
            if "herzien" not in frame.columns:
                continue
            for rec in records(ind, build.catalog, None if kind == "waarde" else frame):
                if rec.get("herzien"):
                    out.append({"indicator": ind, "soort": kind, "record": rec})
    return out


def page(build, root: Path) -> str:
    """wijzigingen.md: the revised figures of this edition, then every release of CHANGELOG.md."""
    lines = ["---", "title: Wijzigingen per editie", "---", "", "# Wijzigingen per editie", ""]
    ed = build.edition
    if ed.get("versie"):
        date = revisions.dutch_date(revisions.parse_date(ed.get("datum")))
        lines += [f"Dit is editie {e(ed['versie'])}" + (f" van {date}" if date else "")
                  + (f", met cijfers tot en met {e(build.data_until)}" if build.data_until else "") + ". "
                  "Elke editie van deze site heeft een versienummer; hieronder staat per editie wat er veranderde. "
                  "De toelichting per editie is in het Engels, zoals in het bestand CHANGELOG.md van het project.", ""]
    lines += ["## Herziene cijfers", ""]
    found = revised(build)
    if not found:
        lines += ["Geen herziene cijfers in deze editie.", ""]
    else:
        lines += ["Een cijfer is herzien als een nieuwere publicatie hetzelfde cijfer (zelfde gebied, periode en "
                  "indeling) anders geeft, bijvoorbeeld definitief in plaats van voorlopig. De site toont het cijfer "
                  "van de nieuwste publicatie, ook als die het cijfer geheim (x) of onbekend (.) noemt; de eerdere "
                  "waarden staan hieronder en in de noot bij het cijfer.", ""]
        head = ("Indicator", "Gebied", "Periode", "Eerder gepubliceerd", "Nu", "Publicaties")
        body = []
        for item in found:
            ind, rec = item["indicator"], item["record"]
            name = ind.titel + (" (verandering)" if item["soort"] == "verandering" else "")
            parts = [p for p in (rec["groep_naam"], rec["categorie_naam"]) if p]
            old = "; ".join(h["waarde_tekst"] for h in rec["herzien"])
            pubs = [f"eerder: {h['bron']}, {h['vindplaats']}" + (f" ({h['published']})" if h["published"] else "") for h in rec["herzien"]]
            pubs.insert(0, f"nu: {rec['bron']}, {rec['vindplaats']}")
            body.append(
                f'<tr><th scope="row"><a href="indicatoren/{ind.id}.html">{e(name)}</a>'
                + (f"<br>{e(', '.join(parts))}" if parts else "") + "</th>"
                f"<td>{e(rec['regio_naam'])}</td><td>{e(rec['periode_label'])}</td>"
                f'<td class="hgkm-getal">{e(old)}</td><td class="hgkm-getal">{e(rec["waarde_tekst"])}</td>'
                f"<td>{'<br>'.join(e(p) for p in pubs)}</td></tr>")
        lines += ['<div class="hgkm-tabelwrap"><table class="hgkm-overzicht hgkm-herzien">'
                  "<caption>Herziene cijfers: eerdere en huidige waarde, met hun publicaties</caption>",
                  "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in head) + "</tr></thead>",
                  "<tbody>", *body, "</tbody></table></div>", ""]
    for rel in releases(root):
        if rel["versie"].lower() == "unreleased":
            if not rel["secties"]:
                continue
            title = "Nog niet in een editie"
        else:
            date = revisions.dutch_date(revisions.parse_date(rel["datum"]))
            title = f"Editie {rel['versie']}" + (f" ({date})" if date else "")
        lines += [f"## {title}", ""]
        for name, text in rel["secties"]:
            lines += [f"### {SECTIONS_NL.get(name, name)}", "", '<div lang="en" markdown>', "", text, "", "</div>", ""]
    return "\n".join(lines)
