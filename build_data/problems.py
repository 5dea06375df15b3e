"""Problems are data (after frictionless-py): each kind has a stable kebab-case type, a title and
a hint on how to fix it. Validation collects every problem and reports them in one table."""

from __future__ import annotations

from dataclasses import dataclass

TYPES: dict[str, tuple[str, str]] = {
    # type: (title, how to fix)
    "invalid-descriptor": ("Ongeldige beschrijving", "Herstel datapackage.yaml volgens de Frictionless-specificatie."),
    "missing-citation": ("Bron ontbreekt", "Geef de resource een 'bron' die naar een 'sources'-item van het pakket verwijst."),
    "unknown-region": ("Onbekende regio", "Gebruik een naam of code uit datapackages/regions, of voeg de naam toe aan regionamen.csv."),
    "unused-region-name": ("Ongebruikte regionaam", "Verwijder de naam uit regionamen.csv als geen bron hem nog gebruikt."),
    "region-not-valid": ("Regio bestaat niet in deze periode", "Controleer de periode of de geldigheid van de regio in regios.csv."),
    "invalid-period": ("Ongeldige periode", "Schrijf een periode als 2019-H2 (halfjaar), 2019 (jaar) of 2016-2020 (meerdere jaren)."),
    "invalid-symbol": ("Ongeldig CBS-teken", "Gebruik leeg, *, **, ., x of –."),
    "invalid-qualifier": ("Ongeldige kwalificatie", "Gebruik leeg, ongeveer, ruim, minder dan, maximaal of minimaal, zoals de bron het zegt."),
    "value-symbol-mismatch": ("Waarde en teken spreken elkaar tegen", "Een waarde hoort bij leeg, * of **; bij ., x en – blijft de waarde leeg."),
    "unknown-measure": ("Onbekende maat", "Voeg de maat toe aan maten.csv of herstel de naam."),
    "unknown-category": ("Onbekende categorie", "Voeg de categorie toe aan categorieen.csv of herstel de naam."),
    "sum-mismatch": ("Som klopt niet met totaal", "Vergelijk de getallen met de publicatie: waarschijnlijk een overschrijffout."),
    "part-exceeds-whole": ("Deel groter dan geheel", "Vergelijk de getallen met de publicatie: waarschijnlijk een overschrijffout."),
    "percentage-out-of-range": ("Percentage buiten 0-100", "Een percentage ligt tussen 0 en 100; controleer de waarde."),
    "not-rounded": ("Niet afgerond zoals de bron", "De bron rondt deze maat af; controleer de waarde."),
    "unknown-check": ("Onbekende controle", "Gebruik een controle die build_data kent."),
    "invalid-indicator": ("Ongeldige indicatordeclaratie", "Herstel het YAML-bestand van de indicator."),
    "unknown-source": ("Onbekende bron in indicator", "Verwijs naar een bestaand pakket, resource en maat."),
    "missing-geometry": ("Regio zonder vorm op de kaart", "Geef elke regio van de periode een tegel in tegelkaart.csv of een vorm in het kaartbestand (scripts/fetch_geometry.py)."),
    "invalid-geometry": ("Ongeldige kaartgeometrie", "Haal het kaartbestand opnieuw op met scripts/fetch_geometry.py, of herstel de vorm."),
    "invalid-redirect": ("Ongeldige doorverwijzing", "Geef in build_data/redirects.yml een oud pad van de site (zonder / vooraan) met het nieuwe pad van een bestaande pagina of download met dezelfde extensie."),
    "missing-asset": ("Browserbestand ontbreekt", "Voer `make setup` uit (make site doet dat)."),
    "vega-bundle": ("Grafiek vraagt wat de Vega-bundel mist", "Registreer de transform in scripts/vega-bundle.mjs (zoals node_modules/vega/index.js doet) en voer `make setup` uit."),
    "missing-publication-date": ("Publicatiedatum ontbreekt", "Geef het 'sources'-item 'published: JJJJ-MM-DD' (of JJJJ-MM, of JJJJ), de datum van de publicatie; bij herziene cijfers wint de nieuwste."),
    "reveals-suppressed": ("Berekening onthult een achtergehouden cijfer", "Een cijfer dat de bron geheim (x) of onbekend (.) noemt, mag niet uit andere cijfers worden teruggerekend; laat de berekening voor die cel . of x geven (zie build_data/derive.py)."),
    "empty-indicator": ("Indicator zonder cijfers", "De maat komt niet voor in de resource: controleer de declaratie."),
    # Everything frictionless reports keeps its own type; this entry is the fallback hint.
    "frictionless": ("Fout volgens Frictionless", "Herstel de cel of het bestand volgens het schema in datapackage.yaml."),
}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int | None
    field: str | None
    type: str
    message: str
    severity: str = "error"  # or "warning"

    @property
    def hint(self) -> str:
        return TYPES.get(self.type, TYPES["frictionless"])[1]

    def key(self) -> tuple:
        """Short tuple for tests: (file name, row, field, type)."""
        return (self.file.rsplit("/", 1)[-1], self.row, self.field, self.type)


class ValidationFailed(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(format_table(problems))


def format_table(problems: list[Problem]) -> str:
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    lines = []
    header = ("bestand", "rij", "veld", "soort", "probleem", "zo los je het op")
    rows = [
        (p.file, "" if p.row is None else str(p.row), p.field or "", p.type, p.message, p.hint)
        for p in sorted(problems, key=lambda p: (p.severity != "error", p.file, p.row or 0, p.field or ""))
    ]
    widths = [min(60, max(len(h), *(len(r[i]) for r in rows))) if rows else len(h) for i, h in enumerate(header)]
    lines.append(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
    lines.append("-+-".join("-" * w for w in widths))
    for r in rows:
        lines.append(" | ".join(c.ljust(w) for c, w in zip(r, widths)))
    lines.append(f"{len(errors)} fout(en), {len(warnings)} waarschuwing(en)")
    return "\n".join(lines)
