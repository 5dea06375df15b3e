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
    "reveals-suppressed": ("Berekening onthult een achtergehouden cijfer", "Een cijfer dat de bron geheim (x) of onbekend (.) noemt, mag niet uit andere cijfers worden teruggerekend; laat de berekening voor die cel . of x geven (zie build_data/compute/derive.py)."),
    "empty-indicator": ("Indicator zonder cijfers", "De maat komt niet voor in de resource: controleer de declaratie."),
    "negative-count": ("Negatief aantal", "Een aantal is 0 of meer; controleer of er een minteken te veel staat, of geef de maat een eenheid die negatief mag zijn (een verandering)."),
    "ambiguous-revision": ("Twee publicaties zonder volgorde", "Geef de bronnen in 'sources' een publicatiedatum die zegt welke nieuwer is (published: JJJJ-MM-DD of JJJJ-MM), of verwijder het cijfer uit de oudere publicatie."),
    # Slips in a CSV file, found before frictionless reads it (one problem for the whole file)
    "missing-file": ("Bestand ontbreekt", "Zet het bestand terug (git checkout -- <bestand>) of herstel 'path' van de resource in datapackage.yaml."),
    "empty-file": ("Leeg bestand", "Zet de inhoud terug (git checkout -- <bestand>); een tabel heeft minstens een kopregel."),
    "encoding-error": ("Geen UTF-8", "Sla het bestand op als UTF-8 (Excel: 'CSV UTF-8 (door komma's gescheiden)'; LibreOffice: tekenset Unicode (UTF-8))."),
    "wrong-delimiter": ("Verkeerd scheidingsteken", "Scheid de cellen met komma's: sla op als 'CSV UTF-8 (door komma's gescheiden)', of vervang ; door , en zet cellen met een komma tussen aanhalingstekens."),
    "truncated-file": ("Afgekapt bestand", "Het bestand houdt midden in een rij op: zet het volledige bestand terug (git checkout -- <bestand>) en breng de wijziging opnieuw aan."),
    # What frictionless reports, in Dutch (its own type names are kept)
    "type-error": ("Verkeerd type", "Schrijf een getal met cijfers, zonder spaties of tekst; is er geen waarde, laat de cel dan leeg en zet een CBS-teken in 'teken' (. onbekend, x geheim, – nihil)."),
    "decimal-comma": ("Decimaalkomma", "Gebruik een punt als decimaalteken (55.6); de site toont het als 55,6."),
    "thousands-separator": ("Scheiding van duizendtallen", "Schrijf getallen zonder scheiding van duizendtallen (1300, niet 1 300 of 1.300); de site zet de spaties zelf."),
    "constraint-error": ("Waarde niet toegestaan", "Gebruik een waarde die het schema van de resource in datapackage.yaml toestaat."),
    "missing-value": ("Verplichte waarde ontbreekt", "Vul de cel in; zonder deze waarde is de rij niet te gebruiken."),
    "primary-key": ("Dubbele rij", "Elke combinatie van de sleutelvelden komt één keer voor: verwijder de dubbele rij of herstel de sleutel."),
    "blank-row": ("Lege rij", "Verwijder de lege regel."),
    "extra-cell": ("Te veel cellen", "Verwijder de extra cel; staat er een komma in een tekst of getal, zet de cel dan tussen aanhalingstekens of schrijf het getal zonder komma."),
    "missing-cell": ("Te weinig cellen", "Vul de ontbrekende cellen aan (een lege cel is een komma zonder tekst)."),
    "extra-label": ("Onbekende kolom", "Verwijder de kolom, of voeg het veld toe aan het schema van de resource in datapackage.yaml."),
    "missing-label": ("Kolom ontbreekt", "Zet de kolom terug in de kop en in elke rij, of haal het veld uit het schema in datapackage.yaml."),
    "incorrect-label": ("Verkeerde kolomnaam", "Geef de kolom de naam uit het schema in datapackage.yaml (in dezelfde volgorde)."),
    "blank-label": ("Kolom zonder naam", "Geef de kolom een naam uit het schema, of verwijder hem."),
    "duplicate-label": ("Dubbele kolomnaam", "Elke kolomnaam komt één keer voor: hernoem of verwijder de dubbele kolom."),
    "source-error": ("Bestand niet te lezen", "Controleer of het een CSV-bestand is (tekst, komma's, UTF-8)."),
    "scheme-error": ("Bestand niet te openen", "Controleer 'path' van de resource in datapackage.yaml."),
    "format-error": ("Onbekend bestandsformaat", "Gebruik een CSV-bestand met de extensie .csv."),
    # scripts/fetch_statline.py (build_data/fetch/); the message carries the server's own words
    "statline-unavailable": ("StatLine niet bereikbaar",
                             "Geen verbinding, een time-out of HTTP 503: probeer het later opnieuw; er is niets geschreven."),
    "statline-refused": ("StatLine weigert het verzoek",
                         "Lees de melding van de server: de ODataApi geeft hooguit 10 000 cellen en kent geen $skip, "
                         "data komt uit de ODataFeed (build_data/fetch/odata.py); er is niets geschreven."),
    "statline-not-found": ("StatLine-tabel niet gevonden",
                           "Controleer het tabelnummer op StatLine (TABLES in build_data/fetch/tables.py): een tabel kan "
                           "zijn stopgezet en vervangen; er is niets geschreven."),
    "statline-incomplete": ("Download van StatLine onvolledig",
                            "Er ontbreken rijen of de tabel veranderde tijdens het ophalen (StatLine wordt mogelijk net "
                            "bijgewerkt): haal opnieuw op; er is niets geschreven."),
    "statline-download": ("Antwoord van StatLine niet te lezen",
                          "Het antwoord heeft niet de vorm van OData v3 (lijst 'value'): controleer --base; er is niets geschreven."),
    "statline-mapping": ("StatLine-code niet te vertalen",
                         "Breid de vertaling in build_data/fetch/ uit (perioden, status, eenheden, "
                         "regio-indelingen) of controleer de tabel op StatLine; er is niets geschreven."),
    # Everything else frictionless reports keeps its own type; this entry is the fallback hint.
    "frictionless": ("Fout volgens Frictionless", "Herstel de cel of het bestand volgens het schema in datapackage.yaml."),
}

# What PyYAML and json say, in Dutch (the common slips when editing by hand).
_YAML_SLIPS = (
    ("found character '\\t'", "een tab om in te springen; YAML springt in met spaties"),
    ("mapping values are not allowed", "een dubbele punt waar die niet mag; zet tekst met ': ' tussen aanhalingstekens"),
    ("expected ',' or ']'", "een lijst [ ... ] wordt niet gesloten met ]"),
    ("expected ',' or '}'", "een { ... } wordt niet gesloten met }"),
    ("found unexpected end of stream", "een aanhalingsteken wordt niet gesloten"),
    ("could not find expected ':'", "een regel zonder 'sleutel: waarde'"),
    ("did not find expected key", "de inspringing klopt niet"),
    ("expected <block end>", "de inspringing klopt niet"),
    ("found undefined alias", "een * aan het begin van een waarde; zet de tekst tussen aanhalingstekens"),
)
_JSON_SLIPS = {
    "Expecting ',' delimiter": "een komma ontbreekt tussen twee onderdelen",
    "Expecting ':' delimiter": "een dubbele punt ontbreekt na een naam",
    "Expecting property name enclosed in double quotes": "een naam zonder dubbele aanhalingstekens, of een komma te veel vóór }",
    "Expecting value": "een waarde ontbreekt, of er staat een komma te veel",
    "Extra data": "tekst na het einde van het JSON-object",
    "Unterminated string starting at": "een tekst wordt niet gesloten met \"",
}


def syntax_error(exc: Exception, text: str = "") -> tuple[int | None, str]:
    """(line, Dutch text) for a YAML or JSON syntax error in `text`; line counts from 1."""
    import json

    import yaml

    if isinstance(exc, json.JSONDecodeError):
        what = _JSON_SLIPS.get(exc.msg, exc.msg)
        return exc.lineno, f"geen geldige JSON in regel {exc.lineno}, kolom {exc.colno}: {what}"
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        said = f"{exc.context or ''} {exc.problem or ''}"
        lines = text.splitlines()
        if mark and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            said = "found character '\\t'"  # libyaml does not name the character
        what = next((nl for en, nl in _YAML_SLIPS if en in said), (exc.problem or str(exc)).strip())
        where = f" in regel {line}, kolom {mark.column + 1}" if mark else ""
        return line, f"geen geldige YAML{where}: {what}"
    return None, str(exc)


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
