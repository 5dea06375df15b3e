"""A StatLine release (what a fetch changed, found by build_data.fetch.release) and its text: the
pull request's body in Dutch, with Dutch number formats (64 425, 55,6 %) and a table of the largest
revisions, and the draft entry for CHANGELOG.md in the form build_data.load.changelog reads (Keep a
Changelog, in English like the rest of that file)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import formatting, periods

STATLINE = "cbs-statline-veilig-thuis"
MAX_ROWS = 50  # revisions in the pull request's table
MAX_LIST = 30  # codes or measures in one list
MINUS = "\u2212"


class Revision(NamedTuple):
    size: float
    tabel: str
    maat: str
    regio: str
    periode: str
    categorie: str
    groep: str
    old: tuple[str, str]  # (waarde, teken)
    new: tuple[str, str]


@dataclass
class Release:
    first: bool  # no package before the fetch
    retrieved: str = ""
    tables: dict[str, str] = field(default_factory=dict)  # table -> title
    tables_new: list[str] = field(default_factory=list)
    tables_gone: list[str] = field(default_factory=list)
    published: dict[str, tuple[str, str]] = field(default_factory=dict)  # table -> (old, new) when it changed
    periods_new: dict[str, list[str]] = field(default_factory=dict)
    periods_gone: dict[str, list[str]] = field(default_factory=dict)
    revisions: list[Revision] = field(default_factory=list)  # largest first
    cells_added: int = 0  # outside the new periods
    cells_gone: int = 0
    regions: list[str] = field(default_factory=list)  # every area in the figures after the fetch
    regions_new: list[str] = field(default_factory=list)
    regions_gone: list[str] = field(default_factory=list)
    period_regions: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)  # (new period, previous, in, out)
    division: list[tuple[str, str, str]] = field(default_factory=list)  # (year, kind, text) from package 2
    measures_new: list[str] = field(default_factory=list)
    measures_gone: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    measures: dict[str, dict] = field(default_factory=dict)  # maat -> maten.csv row (new, else old)
    categories: dict[tuple[str, str], str] = field(default_factory=dict)  # (maat, key) -> name (categorieen.csv)
    names: dict[str, str] = field(default_factory=dict)  # region code -> name

    @property
    def changed(self) -> bool:
        return bool(self.first or self.tables_new or self.tables_gone or self.published or self.periods_new or self.periods_gone
                    or self.revisions or self.cells_added or self.cells_gone or self.regions_new or self.regions_gone
                    or self.division or self.measures_new or self.measures_gone)


def as_number(text: str) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def change_kind(rev: Revision) -> int:
    """0 another value, 1 a figure now known or no longer ('.' <-> value), 2 the symbol only (* -> '')."""
    a, b = as_number(rev.old[0]), as_number(rev.new[0])
    return 2 if a == b else 0 if a is not None and b is not None else 1


def order(rev: Revision) -> tuple:
    """Largest change first: other values by their difference, then figures known or gone by their
    value, then changes of symbol only."""
    return (change_kind(rev), -rev.size, rev.tabel, rev.maat, rev.regio, periods.sort_key(rev.periode), rev.categorie, rev.groep)


def shown(cell: tuple[str, str], unit: str = "aantal") -> str:
    """A cell as the site shows it: 64 425*, 55,6 %, '.'."""
    waarde, teken = cell
    number = as_number(waarde)
    if number is None:
        return teken or "."
    decimals = len(waarde.partition(".")[2]) if "." in waarde and "e" not in waarde.lower() else 0
    return formatting.value(number, unit if unit == "procent" else "aantal", teken, decimals)


def difference(rev: Revision, unit: str = "aantal") -> str:
    a, b = as_number(rev.old[0]), as_number(rev.new[0])
    if a is None and b is None:
        return "teken"
    if a is None:
        return "cijfer bekend"
    if b is None:
        return "cijfer vervallen"
    if a == b:
        return "status"
    decimals = max(len(rev.old[0].partition(".")[2]), len(rev.new[0].partition(".")[2]))
    text = ("+" if b > a else MINUS) + formatting.number(abs(b - a), decimals)
    return text + (formatting.NBSP + "%-punt" if unit == "procent" else "")


def _region(rel: Release, code: str) -> str:
    return f"{rel.names[code]} ({code})" if code in rel.names else code


def _measure(rel: Release, maat: str) -> str:
    row = rel.measures.get(maat, {})
    return row.get("titel") or row.get("naam") or maat


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _capped(items: list[str], limit: int = MAX_LIST) -> str:
    more = len(items) - limit
    return ", ".join(items[:limit]) + (f" en {formatting.number(more)} meer" if more > 0 else "")


def _index(period: str) -> int:
    year, _, half = period.partition("-H")
    return int(year) * 2 + int(half) if half else int(year)


def _period_list(ps: list[str]) -> str:
    """'1e halfjaar 2025 (2025-H1)'; a run of more than three as '... t/m ... (12 halfjaren)'."""
    parts = []
    for group, word in (([p for p in ps if periods.is_half_year(p)], "halfjaren"),
                        ([p for p in ps if not periods.is_half_year(p)], "jaren")):
        if len(group) > 3 and _index(group[-1]) - _index(group[0]) + 1 == len(group):
            parts.append(f"{periods.label(group[0])} t/m {periods.label(group[-1])} ({len(group)} {word})")
        else:
            parts += [f"{periods.label(p)} ({p})" for p in group]
    return ", ".join(parts)


def _category(rel: Release, rev: Revision) -> str:
    name = rel.categories.get((rev.maat, rev.categorie), rev.categorie)
    return "; ".join(x for x in (name, rev.groep) if x)


def _kinds(codes) -> str:
    count = Counter("Nederland" if c.startswith("NL") else "VT-regio's" if c.startswith("VT") else
                    "gemeenten" if c.startswith("GM") else "overige" for c in codes)
    return ", ".join(f"{formatting.number(count[k])} {k}" for k in ("Nederland", "VT-regio's", "gemeenten", "overige")
                     if count[k])


def markdown(rel: Release, max_rows: int = MAX_ROWS) -> str:
    """The pull request's text (Dutch)."""
    out = ["## StatLine-update: Beleidsinformatie Veilig Thuis", ""]
    when = f" (opgehaald {rel.retrieved})" if rel.retrieved else ""
    if rel.first:
        out += [f"Eerste ophaling uit CBS StatLine{when}: er was nog geen pakket `{STATLINE}`.", ""]
    elif not rel.changed:
        out += [f"Geen verschil met het pakket in de repository{when}.", ""]
    else:
        out += [f"Wat CBS StatLine sinds het pakket in de repository veranderde{when}.", ""]
    out += ["### Tabellen en perioden", ""]
    for table, title in rel.tables.items():
        note = " — nieuw" if table in rel.tables_new else " — niet meer opgehaald" if table in rel.tables_gone else ""
        pub = f"; op StatLine gewijzigd {rel.published[table][0]} → {rel.published[table][1]}" if table in rel.published else ""
        out.append(f"- {table} {title}{note}{pub}")
        if table in rel.periods_new:
            out.append(f"  - {'perioden' if rel.first else 'nieuwe perioden'}: {_period_list(rel.periods_new[table])}")
        if table in rel.periods_gone:
            out.append(f"  - niet meer aanwezig: {_period_list(rel.periods_gone[table])}")
    out.append("")
    if not rel.first:
        out += ["### Herziene cijfers", ""]
        kinds = Counter(change_kind(r) for r in rel.revisions)
        if rel.revisions:
            out += [f"{formatting.number(len(rel.revisions))} cijfers herzien: {formatting.number(kinds[0])} met een "
                    f"andere waarde, {formatting.number(kinds[1])} bekend geworden of vervallen (`.`), "
                    f"{formatting.number(kinds[2])} alleen van status (zoals voorlopig → definitief). "
                    "Grootste verschil eerst:", "",
                    "| Tabel | Maat | Categorie | Regio | Periode | Was | Wordt | Verschil |",
                    "|---|---|---|---|---|---|---|---:|"]
            for r in rel.revisions[:max_rows]:
                unit = rel.measures.get(r.maat, {}).get("eenheid", "aantal")
                out.append("| " + " | ".join(_cell(x) for x in (
                    r.tabel, _measure(rel, r.maat), _category(rel, r), _region(rel, r.regio), periods.label(r.periode),
                    shown(r.old, unit), shown(r.new, unit), difference(r, unit))) + " |")
            if len(rel.revisions) > max_rows:
                out += ["", f"en {formatting.number(len(rel.revisions) - max_rows)} meer."]
        else:
            out.append("Geen cijfers herzien.")
        if rel.cells_added or rel.cells_gone:
            out += ["", f"Buiten de nieuwe perioden: {formatting.number(rel.cells_added)} cellen erbij, "
                        f"{formatting.number(rel.cells_gone)} cellen weg."]
        out.append("")
    out += ["### Regio's en gemeenten", ""]
    if rel.first:
        out.append(f"- in de cijfers: {_kinds(rel.regions)}")
    for label, codes in (("nieuw in de cijfers", rel.regions_new), ("niet meer in de cijfers", rel.regions_gone)):
        if codes:
            out.append(f"- {label}: {_capped([_region(rel, c) for c in codes])}")
    for period, prev, ins, outs in rel.period_regions:
        if ins:
            out.append(f"- in {periods.label(period)}, niet in {periods.label(prev)}: {_capped([_region(rel, c) for c in ins])}")
        if outs:
            out.append(f"- in {periods.label(prev)}, niet meer in {periods.label(period)}: {_capped([_region(rel, c) for c in outs])}")
    words = {"jaar": "indeling", "nieuw": "gemeente nieuw", "weg": "gemeente niet meer in de indeling",
             "verhuisd": "andere Veilig Thuis-regio", "naam": "andere naam"}
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    for year, kind, text in rel.division:
        grouped[(year, kind)].append(text)
    for (year, kind), texts in grouped.items():
        out.append(f"- gemeentelijke indeling {year}, {words[kind]}: {_capped(texts)}")
    if out[-1] == "":
        out.append("Geen regio of gemeente erbij of weg.")
    out += ["", "### Maten", ""]
    for label, maten in (("nieuw", rel.measures_new), ("niet meer op StatLine", rel.measures_gone),
                         ("zonder koppeling (geen `statline:`-blok van een declaratie noemt ze)", rel.unmapped)):
        if maten:
            out.append(f"- {label}: {formatting.number(len(maten))}")
            out += [f"  - `{m}` {_measure(rel, m)}" for m in maten[:MAX_LIST]]
            if len(maten) > MAX_LIST:
                out.append(f"  - en {formatting.number(len(maten) - MAX_LIST)} meer")
    if out[-1] == "":
        out.append("Geen maat erbij of weg; elke maat heeft een koppeling.")
    out += ["", "### Controleren voor het samenvoegen", "",
            "- De workflow opent deze pull request alleen als `make fetch-statline`, `make validate`, `make site` "
            "en `make test` slaagden; de log van de run staat onder Actions.",
            "- Herzieningen: kloppen de grootste verschillen met StatLine (tabelpagina op cbs.nl)?",
            "- Nieuwe maten of maten zonder koppeling: een `statline:`-blok toevoegen of bewust laten.",
            "- Regio's en gemeenten: een nieuwe indeling ook in `datapackages/regions`?",
            "- De conceptregel in `CHANGELOG.md` nalezen.", ""]
    return "\n".join(out)


def changelog_bullets(rel: Release) -> list[str]:
    """The draft entry, in the changelog's language (English), as bullets."""
    if not rel.changed:
        return []
    when = f", retrieved {rel.retrieved}" if rel.retrieved else ""
    out = [f"- {'First' if rel.first else 'New'} figures from CBS StatLine (Beleidsinformatie Veilig Thuis){when}:"]
    added = sorted({p for ps in rel.periods_new.values() for p in ps}, key=periods.sort_key)
    if added:
        out.append(f"  - {'periods' if rel.first else 'new periods'} {', '.join(added)} "
                   f"({', '.join(t for t in rel.tables if t in rel.periods_new)}).")
    if rel.revisions:
        top = rel.revisions[0]
        unit = rel.measures.get(top.maat, {}).get("eenheid", "aantal")
        out.append(f"  - {formatting.number(len(rel.revisions))} figures revised by CBS; the largest: "
                   f"{_measure(rel, top.maat)}, {_region(rel, top.regio)}, {top.periode}: "
                   f"{shown(top.old, unit)} → {shown(top.new, unit)}.")
    for what, codes in (("new", rel.regions_new), ("gone", rel.regions_gone)):
        if codes:
            out.append(f"  - areas {what} in the figures: {_capped([_region(rel, c) for c in codes], 10)}.")
    for period, prev, ins, outs in rel.period_regions:
        for what, codes in (("added", ins), ("gone", outs)):
            if codes:
                out.append(f"  - {what} in {period} (against {prev}): {_capped([_region(rel, c) for c in codes], 10)}.")
    years = [year for year, kind, _ in rel.division if kind == "jaar"]
    english = {"nieuw": "new", "weg": "gone", "verhuisd": "moved", "naam": "renamed"}
    moved = [f"{year} {english[kind]}: {text}" for year, kind, text in rel.division if kind != "jaar"]
    if years or moved:
        out.append(f"  - municipal division (CBS Gebieden in Nederland): {', '.join(years) or 'same years'}"
                   + (f"; {_capped(moved, 10)}" if moved else "") + ".")
    if rel.measures_new or rel.measures_gone:
        out.append(f"  - StatLine measures: {len(rel.measures_new)} new, {len(rel.measures_gone)} gone.")
    if rel.unmapped:
        out.append(f"  - StatLine measures without an indicator (no `statline:` block names them): {len(rel.unmapped)}.")
    return out


def changelog_draft(rel: Release) -> str:
    return "## [Unreleased]\n\n### Changed\n\n" + "\n".join(changelog_bullets(rel)) + "\n"


def add_to_changelog(text: str, rel: Release) -> str:
    """CHANGELOG.md with the draft's bullets at the top of [Unreleased] / Changed (made when missing)."""
    bullets = changelog_bullets(rel)
    if not bullets:
        return text
    lines = text.splitlines()
    heads = [i for i, line in enumerate(lines) if line.startswith("## ")]
    unreleased = next((i for i in heads if lines[i].strip().lower() == "## [unreleased]"), None)
    if unreleased is None:
        at = heads[0] if heads else len(lines)
        lines[at:at] = changelog_draft(rel).splitlines() + [""]
    else:
        end = next((i for i in heads if i > unreleased), len(lines))
        changed = next((i for i in range(unreleased, end) if lines[i].strip() == "### Changed"), None)
        if changed is None:  # a new section at the end of [Unreleased] (after Added)
            at = end
            while at > unreleased + 1 and not lines[at - 1].strip():
                at -= 1
            lines[at:at] = ["", "### Changed", "", *bullets]
        else:  # on top of the section's list
            at = changed + 1
            while at < end and not lines[at].strip():
                at += 1
            lines[at:at] = bullets
    return "\n".join(lines) + "\n"
