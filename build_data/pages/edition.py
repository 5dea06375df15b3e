"""The edition in words, and the page of editions (build_data.load.changelog). The generated page wijzigingen.md shows every release (headings in
Dutch, the notes in English, marked as such) and every figure that a newer publication revised
(build_data.compute.revisions)."""

from __future__ import annotations

from ..compute.view import revised
from ..model import dates
from .render import e

SECTIONS_NL = {"Added": "Toegevoegd", "Changed": "Gewijzigd", "Deprecated": "Verouderd", "Removed": "Verwijderd",
               "Fixed": "Hersteld", "Security": "Beveiliging"}


def label(build) -> str:
    """'Editie 0.2.0 (24 november 2026) · cijfers tot en met 1e halfjaar 2020*'."""
    ed = build.edition or {}
    parts = []
    if ed.get("versie"):
        date = dates.dutch_date(dates.parse_date(ed.get("datum")))
        parts.append(f"Editie {ed['versie']}" + (f" ({date})" if date else ""))
    if build.data_until:
        parts.append(f"cijfers tot en met {build.data_until}")
    return " · ".join(parts)


def page(build) -> str:
    """wijzigingen.md: the revised figures of this edition, then every release of CHANGELOG.md."""
    lines = ["---", "title: Wijzigingen per editie", "---", "", "# Wijzigingen per editie", ""]
    ed = build.edition
    if ed.get("versie"):
        date = dates.dutch_date(dates.parse_date(ed.get("datum")))
        lines += [f"Dit is editie {e(ed['versie'])}" + (f" van {date}" if date else "")
                  + (f", met cijfers tot en met {e(build.data_until)}" if build.data_until else "") + ". "
                  "Elke editie van deze site heeft een versienummer; hieronder staat per editie wat er veranderde. "
                  "De toelichting per editie is in het Engels, zoals in het bestand CHANGELOG.md van het project.", ""]
    lines += ["## Herziene cijfers", ""]
    found = revised(build.indicators)
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
    for rel in build.releases:
        if rel["versie"].lower() == "unreleased":
            if not rel["secties"]:
                continue
            title = "Nog niet in een editie"
        else:
            date = dates.dutch_date(dates.parse_date(rel["datum"]))
            title = f"Editie {rel['versie']}" + (f" ({date})" if date else "")
        lines += [f"## {title}", ""]
        for name, text in rel["secties"]:
            lines += [f"### {SECTIONS_NL.get(name, name)}", "", '<div lang="en" markdown>', "", text, "", "</div>", ""]
    return "\n".join(lines)
