"""Which StatLine tables are fetched, and the codes of the service this project translates."""

from __future__ import annotations

import re

BASE = "https://opendata.cbs.nl"  # host root of /ODataApi/odata, /ODataFeed/odata, /ODataCatalog
STATLINE = "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{table}/table"
PACKAGE = "cbs-statline-veilig-thuis"
GEBIEDEN_PACKAGE = "cbs-gebieden-in-nederland"
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
           "path": "https://creativecommons.org/licenses/by/4.0/deed.nl"}

# The tables of Beleidsinformatie Veilig Thuis on StatLine (../shared/stack-notes.md). Tables named
# '..., regio' carry municipalities (GMxxxx) beside Nederland and the Veilig Thuis regions;
# '..., Veilig Thuis-regio' tables carry Nederland, landsdelen, provincies and VT regions only.
# `afronding`: CBS rounds every count of this statistic to a multiple of 5 (Beleidsinformatie
# Veilig Thuis, 'Aantallen zijn afgerond op vijftallen'); validation then refuses a count that is not.
# 82975NED (jeugdbeschermingstrajecten) belongs to Beleidsinformatie Jeugd, another statistic with
# another package, and is not fetched here.
TABLES: dict[str, dict] = {
    "84847NED": {"afronding": 5},  # kerncijfers Veilig Thuis, regio
    "84848NED": {"afronding": 5},  # rol/functie, organisatie, duur geweld, Veilig Thuis-regio
    "84849NED": {"afronding": 5},  # rol/functie, organisatie, duur geweld, regio
    "84850NED": {"afronding": 5},  # aard geweld, aanvullende informatie, Veilig Thuis-regio
    "84851NED": {"afronding": 5},  # aard geweld, aanvullende informatie, regio
    "84852NED": {"afronding": 5},  # veiligheidsbeoordeling en -taxatie, regio
    "84853NED": {"afronding": 5},  # uitkomsten onderzoeken, Veilig Thuis-regio
    "84854NED": {"afronding": 5},  # overdracht
    "84855NED": {"afronding": 5},  # overdracht
    "85361NED": {"afronding": 5},  # meldingen naar eerdere betrokkenheid (hermeldingen), regio
}

STATUS = {"Definitief": "", "Voorlopig": "*", "Nader voorlopig": "**"}
UNITS = {"aantal": "aantal", "%": "procent", "procent": "procent"}
PERIOD = re.compile(r"^(?P<year>\d{4})(?P<kind>JJ|HJ)(?P<n>\d\d)$")
# Region codes of divisions this project does not show: left out, and counted in the report.
# Nederland (NL01), the Veilig Thuis regions (VT) and municipalities (GM) are kept.
OTHER_DIVISIONS = {"PV": "provincies", "LD": "landsdelen", "CR": "COROP-gebieden", "WK": "wijken",
                   "BU": "buurten", "JZ": "jeugdregio's", "GG": "GGD-regio's", "RE": "regionale eenheden (politie)",
                   "VR": "veiligheidsregio's", "AM": "arbeidsmarktregio's"}
DIMENSION_TYPES = ("Dimension", "GeoDimension", "GeoDetail", "TimeDimension")
GEBIEDEN_TITLE = re.compile(r"^Gebieden in Nederland (?P<year>\d{4})$")
VEILIG_THUIS = re.compile(r"veilig\s*-?\s*thuis", re.IGNORECASE)  # 'Veilig Thuis-regio's', 'Veiligthuisregio's'
