"""The contract between the generated HTML (the templates in build_data/pages/templates/) and the
page script (docs/assets/hgkm.js): every class and data- attribute the script looks for, what it
means and what the script does with it. tests/unit/test_unit_contract.py keeps the three in
agreement: a hook the script reads is listed here, and a hook listed here is written by a template
and read by the script. Rename a hook in all three places, or in none."""

from __future__ import annotations

CLASSES = {
    # charts
    "hgkm-figuur": "a figure (chart, table, notes); the script updates it for the chosen region",
    "hgkm-chart": "the chart: its drawings made at build time, and where the script draws the Vega spec (data-spec, or the script data-spec-bron names) when the drawings do not show what is asked",
    "hgkm-statisch": "a drawing of the chart made at build time (build_data.pages.static_chart); the script removes it once the runtime has drawn the chart",
    "hgkm-noot": "a note the script shows when the chosen region has no figures in this chart",
    "hgkm-titel": "a figure's caption; the script puts it at the top of the figure's exports",
    "hgkm-bron": "a figure's source line; the script puts it under the figure's exports",
    "hgkm-titel-gebied": "the area in the caption of a chart of one area at a time; the script names the area shown",
    "hgkm-gaten": "the note on a chart's missing figures; per area (data-regio) in a chart of one area at a time",
    "hgkm-waarden": "the table of a chart's figures; its rows carry data-regio",
    "hgkm-export-knop": "a button that downloads the chart as data-formaat (png, svg) named data-bestand",
    "hgkm-gekozen": "marks the chosen region (table row, map region); the script sets it",
    # period choice (a chart kind that shows one period at a time)
    "hgkm-periode": "the period select; its default option is the latest period",
    "hgkm-periodevak": "the figure and map of one period (data-periode); the script shows the chosen one",
    "hgkm-periodemelding": "a live region where the script announces the chosen period",
    "hgkm-ook": "figures of another period length beside a chart (a list; by area: li[data-regio])",
    # key figures
    "hgkm-kerncijfer": "a key figure whose data-waarden hold the value per area",
    "hgkm-kc-waarde": "the key figure's value, replaced for the chosen area",
    "hgkm-kc-gebied": "the key figure's area, replaced for the chosen area",
    "hgkm-kc-periode": "the key figure's period, replaced for the chosen area",
    # region selector
    "hgkm-regio": "the region select (options carry data-code)",
    "hgkm-kopieer": "the button that copies the link with the chosen region",
    "hgkm-open": "on a profile: the button that opens the chosen region's profile",
    "hgkm-profiellink": "the link to the chosen region's profile, shown by the script",
    "hgkm-melding": "a live region where the script announces the choice",
    # map
    "hgkm-kaart-regio": "a region on the map (data-regio, data-code); a button or a link to its profile",
    "hgkm-kaart-vorm": "a region's shape; the outline of the chosen one is drawn by reference",
    "hgkm-kaart-omlijning": "the <use> that outlines the chosen region on top",
    "hgkm-offline": "the offer of the offline zip; in the offline copy the script says that one is using it",
    # embedding and print
    "hgkm-embedcode": "the iframe code; the script fills in the absolute address (data-embed, data-titel)",
    "hgkm-printdatum": "the print date, filled in by the script",
    "hgkm-printurl": "the page address in print, filled in by the script",
}

ATTRIBUTES = {
    "data-soort": "the chart kind of a figure (build_data.compute.charts): 'halfjaar-reeks' shows one area at a time",
    "data-landelijk": "'ja': the chart shows Nederland only",
    "data-perioden": "the period or span of periods a figure shows (for its exports)",
    "data-tekens": "the CBS symbols among a figure's figures, explained (for its exports)",
    "data-gebieden": "the areas (slugs) a chart has figures for",
    "data-spec": "the compiled Vega spec (JSON)",
    "data-statisch": "on a chart with drawings: the area they show ('nederland'), or 'elk' when the chart is the same for every region",
    "data-breedte": "on a drawing: the width (px) it was drawn at; scaled far from it, the script draws the chart with the runtime",
    "data-spec-bron": "the name of a window variable holding the spec (a script shared by many pages)",
    "data-periode": "the period of a .hgkm-periodevak (2023-H1, 2023)",
    "data-deel": "on an empty .hgkm-periodevak: the part (build_data.pages.parts) holding its figures",
    "data-deel-gemeenten": "on a figure: the address of the parts with the rows of its municipalities, without number and .js; the part of a municipality is loaded when it is chosen",
    "data-delen": "on a figure: how many parts its municipalities' rows are in (build_data.pages.parts.bucket: which)",
    "data-regio": "an area's slug (table rows, map regions, the chart's region parameter)",
    "data-code": "an area's CBS code",
    "data-waarden": "a key figure per area: {slug: {naam, waarde, periode}} (JSON)",
    "data-formaat": "export format of a button: png or svg",
    "data-bestand": "file name of an export, without extension",
    "data-navigeer": "'ja': choosing a region opens its profile (profile pages)",
    "data-pagina-regio": "the region of a profile page",
    "data-embed": "the relative address of a chart's embed page",
    "data-titel": "the title of an embedded chart",
}

SCRIPT_OWN = {
    "hgkm-kc-landelijk": "on a key figure that shows Nederland for a region without one",
    "data-basis": "a link's address before the script adds ?regio=",
    "data-getekend": "'ja' once the runtime has drawn a chart; 'statisch' while its drawing shows what is asked",
    "data-grafieken": "'klaar' on <html> once every chart shows what is asked (the tests wait for it)",
    "data-verouderd": "on a chart whose drawing no longer shows the chosen area, until the runtime has drawn it",
    "hgkm-levend": "where the runtime draws a chart (over the drawing until done, then hgkm-getekend)",
    "hgkm-getekend": "on the runtime's chart once it is drawn and the drawings are gone",
}
