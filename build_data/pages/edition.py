"""The edition in words, and the page of editions (build_data.load.changelog). The generated page wijzigingen.md shows every release (headings in
Dutch, the notes in English, marked as such) and every figure that a newer publication revised
(build_data.compute.revisions)."""

from __future__ import annotations

from markupsafe import Markup

from ..compute.view import revised
from ..model import dates
from .html import render

SECTIONS_NL = {"Added": "Toegevoegd", "Changed": "Gewijzigd", "Deprecated": "Verouderd", "Removed": "Verwijderd",
               "Fixed": "Hersteld", "Security": "Beveiliging"}


def label(build) -> str:
    """'Editie 0.2.0 (24 november 2026) · landelijke cijfers tot en met 2022, regionale tot en met
    2e halfjaar 2019*': the newest period per level, computed from the figures present."""
    ed = build.edition or {}
    parts = []
    if ed.get("versie"):
        date = dates.dutch_date(dates.parse_date(ed.get("datum")))
        parts.append(f"Editie {ed['versie']}" + (f" ({date})" if date else ""))
    levels = build.data_until_levels or {}
    words = [f"{'landelijke' if level == 'landelijk' else 'regionale'}{' cijfers' if not i else ''} tot en met {label}"
             for i, (level, label) in enumerate(levels.items())]
    if words:
        parts.append(", ".join(words))
    elif build.data_until:
        parts.append(f"cijfers tot en met {build.data_until}")
    return " · ".join(parts)


OFFLINE_ZIP = "downloads/impactmonitor-hgkm-offline.zip"  # the offline copy, published beside the site


def offline_link(build, base: str = "") -> Markup:
    """The download of the offline copy, with its edition (its size is filled in by the publish step)."""
    ed = build.edition or {}
    date = dates.dutch_date(dates.parse_date(ed.get("datum"))) if ed.get("versie") else ""
    edition = f"editie {ed['versie']}" + (f" van {date}" if date else "") if ed.get("versie") else ""
    return render("blocks/offline_link.html", href=base + OFFLINE_ZIP, edition=edition)


def currency_table(build) -> Markup:
    """Per source the newest period with figures, nationally and regionally (the home page)."""
    return render("edition/currency.html", rows=build.data_until_sources)


def page(build) -> str:
    """wijzigingen.md: the revised figures of this edition, then every release of CHANGELOG.md."""
    ed = build.edition
    return str(render("edition/wijzigingen.md", version=ed.get("versie"),
                      date=dates.dutch_date(dates.parse_date(ed.get("datum"))) if ed.get("versie") else "",
                      data_until=build.data_until, revised=[_revised_row(item) for item in revised(build.indicators)],
                      releases=_releases(build.releases)))


def _revised_row(item) -> dict:
    """A revised figure as its table row: the shown value, the earlier ones, and their publications."""
    ind, rec = item["indicator"], item["record"]
    pubs = [f"eerder: {h['bron']}, {h['vindplaats']}" + (f" ({h['published']})" if h["published"] else "") for h in rec["herzien"]]
    return {"id": ind.id, "name": ind.titel + (" (verandering)" if item["soort"] == "verandering" else ""),
            "parts": ", ".join(p for p in (rec["groep_naam"], rec["categorie_naam"]) if p),
            "region": rec["regio_naam"], "period": rec["periode_label"],
            "before": "; ".join(h["waarde_tekst"] for h in rec["herzien"]), "now": rec["waarde_tekst"],
            "publications": [f"nu: {rec['bron']}, {rec['vindplaats']}", *pubs]}


def _releases(releases: list[dict]) -> list[dict]:
    """The releases to show (the unreleased one only with notes). Their headings and notes are
    CHANGELOG.md, the project's own Markdown: passed on as written (Markup), not escaped."""
    out = []
    for rel in releases:
        if rel["versie"].lower() == "unreleased":
            if not rel["secties"]:
                continue
            title = "Nog niet in een editie"
        else:
            date = dates.dutch_date(dates.parse_date(rel["datum"]))
            title = f"Editie {rel['versie']}" + (f" ({date})" if date else "")
        out.append({"title": Markup(title),
                    "sections": [{"name": Markup(SECTIONS_NL.get(name, name)), "text": Markup(text)}
                                 for name, text in rel["secties"]]})
    return out
