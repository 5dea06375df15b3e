"""Load and validate the data packages in datapackages/<source>/.

Validation = frictionless (schema, types, keys) + the project's own rules (regions known and
valid in the period, periods well-formed, CBS symbols consistent with values, measures and
categories declared, sums and parts consistent with published totals, every resource cited).
All problems are collected; nothing stops at the first one.

One slip gives one problem, in Dutch, naming file, row (the header is row 1) and field:

- A file that is missing, empty, not UTF-8, or separated by semicolons is reported once and not
  read further. A UTF-8 byte order mark (Excel's 'CSV UTF-8') is accepted silently.
- Frictionless' findings are translated, and the usual human slips get their own kind: a decimal
  comma (55,6), a space or point between thousands (1 300, 66.660), a file cut off mid-row.
- The project's own checks skip cells frictionless already rejected, rows that are blank or have
  too many or too few cells, and files whose header is wrong; a package whose descriptor cannot
  be read is reported once (not again for every indicator that uses it).
- Sums of regions and parts of wholes are checked only in a file without other errors: a slip in
  one cell would otherwise also show up as a sum that does not add up.

Every observation row carries its provenance (package, resource, file, row, source title,
place in the publication) from here on, so no output needs to retype a citation."""

from __future__ import annotations

import collections
import csv
import difflib
import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import frictionless
import pandas as pd
import yaml

from . import periods, revisions, symbols
from .formatting import QUALIFIERS
from .problems import Problem, syntax_error
from .regions import NATIONAL, Regions

SYMBOLS = set(symbols.SYMBOLS)  # '', '*', '**', '.', 'x', '–', 'blank' (build_data.symbols)
VALUE_SYMBOLS = symbols.VALUE  # a value is present
MISSING_SYMBOLS = symbols.MISSING  # no value; '–' is nil (zero), 'blank' cannot occur
OBSERVATION_FIELDS = {"regio", "periode", "maat", "waarde"}
TYPE_NAMES = {"integer": "geheel getal", "number": "getal", "date": "datum (JJJJ-MM-DD)", "year": "jaartal",
              "boolean": "ja/nee-waarde", "datetime": "datum en tijd"}
HEADER_ERRORS = {"extra-label", "missing-label", "incorrect-label", "blank-label", "duplicate-label"}
ROW_ERRORS = {"extra-cell", "missing-cell", "blank-row", "truncated-file"}


@dataclass
class Package:
    name: str
    dir: Path
    descriptor: dict
    sources: dict[str, dict]
    measures: pd.DataFrame  # index: maat
    categories: pd.DataFrame  # columns maat, categorie, naam
    observations: pd.DataFrame
    resources: list[dict] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.descriptor.get("title", self.name)

    @property
    def licenses(self) -> list[dict]:
        return self.descriptor.get("licenses", [])


@dataclass
class Catalog:
    root: Path
    regions: Regions
    packages: dict[str, Package]
    problems: list[Problem]
    failed: set[str] = field(default_factory=set)  # packages (folder names) whose descriptor could not be read
    broken: set[str] = field(default_factory=set)  # packages with an error in one of their files

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _descriptor_path(package_dir: Path) -> Path | None:
    for name in ("datapackage.yaml", "datapackage.yml", "datapackage.json"):
        if (package_dir / name).exists():
            return package_dir / name
    return None


def read_descriptor(path: Path, root: Path) -> tuple[dict | None, list[Problem]]:
    """The descriptor as a dict, or one problem saying where its YAML or JSON is broken."""
    file = _rel(path, root)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [_encoding_problem(path.read_bytes(), exc, file)]
    try:
        descriptor = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=yaml.CSafeLoader)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        line, message = syntax_error(exc, text)
        return None, [Problem(file, line, None, "invalid-descriptor", message)]
    if not isinstance(descriptor, dict):
        return None, [Problem(file, None, None, "invalid-descriptor", "de beschrijving is geen verzameling 'sleutel: waarde'")]
    return descriptor, []


def _encoding_problem(data: bytes, exc: UnicodeDecodeError, file: str) -> Problem:
    row = data[: exc.start].count(b"\n") + 1
    byte = data[exc.start]
    guess = data[exc.start: exc.end + 1].decode("cp1252", errors="replace")
    return Problem(file, row, None, "encoding-error",
                   f"het bestand is geen UTF-8: byte 0x{byte:02x} ({guess!r} in Windows-1252/Latin-1) in rij {row}; "
                   "sla het bestand op als UTF-8")


@dataclass
class _FileCheck:
    problem: Problem | None = None  # the file cannot be read: one problem, nothing else
    truncated_row: int | None = None  # last row cut off mid-row (no line end, too few cells)


def _check_file(path: Path, file: str) -> _FileCheck:
    """Slips that make a whole CSV unreadable, found before frictionless guesses around them."""
    if not path.is_file():
        return _FileCheck(Problem(file, None, None, "missing-file", "het bestand bestaat niet (zie 'path' in datapackage.yaml)"))
    data = path.read_bytes()
    if not data.strip():
        return _FileCheck(Problem(file, None, None, "empty-file", "het bestand is leeg: er is zelfs geen kopregel"))
    try:
        text = data.decode("utf-8-sig")  # a BOM is accepted: Excel writes one in 'CSV UTF-8'
    except UnicodeDecodeError as exc:
        return _FileCheck(_encoding_problem(data, exc, file))
    rows = list(csv.reader(text.splitlines(keepends=True)))
    header = rows[0] if rows else []
    for sep, name in ((";", "puntkomma's (;)"), ("\t", "tabs")):
        if len(header) == 1 and sep in header[0]:
            return _FileCheck(Problem(file, 1, None, "wrong-delimiter",
                                      f"de cellen zijn gescheiden door {name}, niet door komma's: de kop is één cel {header[0][:40]!r}"))
    check = _FileCheck()
    if len(rows) > 1 and not text.endswith(("\n", "\r")) and len(rows[-1]) < len(header):
        check.truncated_row = len(rows)
    return check


def _translate(err, file: str, primary_key: list[str], n_fields: int, truncated_row: int | None) -> Problem | None:
    """One frictionless error as a Dutch problem; None when another problem already covers it."""
    kind = err.type
    row = getattr(err, "row_number", None)
    name = getattr(err, "field_name", None) or None
    cell = getattr(err, "cell", None)
    note = getattr(err, "note", "") or ""
    if kind == "type-error":
        type_ = note.removeprefix('type is "').split("/")[0]
        bare = cell.strip()
        for sep, word in ((" ", "spatie"), ("\u00a0", "spatie"), (".", "punt"), (",", "komma")):
            if re.fullmatch(rf"-?\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+" + (r"(?:\.\d+)?" if sep in " \u00a0" else ""), bare) \
                    and (sep in " \u00a0" or type_ == "integer"):
                return Problem(file, row, name, "thousands-separator",
                               f"{cell!r} heeft een {word} tussen de duizendtallen: schrijf {bare.replace(sep, '')} zonder {word}")
        if re.fullmatch(r"-?\d*,\d+", bare):
            return Problem(file, row, name, "decimal-comma",
                           f"{cell!r} heeft een decimaalkomma: gebruik een punt als decimaalteken: {bare.replace(',', '.')}")
        return Problem(file, row, name, "type-error", f"{cell!r} is geen {TYPE_NAMES.get(type_, type_)}")
    if kind == "constraint-error":
        m = re.match(r'constraint "(\w+)" is "(.*)"$', note)
        constraint, value = (m.group(1), m.group(2)) if m else ("", note)
        if constraint == "required":
            return Problem(file, row, name, "missing-value", f"verplicht veld {name!r} is leeg")
        if constraint in ("minimum", "exclusiveMinimum") and name == "waarde" and cell.strip().startswith("-"):
            return Problem(file, row, name, "negative-count",
                           f"waarde {cell} is negatief, terwijl het schema minimaal {value} toestaat: een aantal kan niet negatief zijn")
        if constraint == "enum":
            allowed = ", ".join(v or "(leeg)" for v in re.findall(r"'([^']*)'", value))
            return Problem(file, row, name, "constraint-error", f"{cell!r} is niet toegestaan in {name!r}; kies uit: {allowed}")
        words = {"minimum": "kleiner dan het minimum", "maximum": "groter dan het maximum", "pattern": "niet van de vorm",
                 "minLength": "korter dan", "maxLength": "langer dan", "exclusiveMinimum": "niet groter dan",
                 "exclusiveMaximum": "niet kleiner dan"}
        return Problem(file, row, name, "constraint-error",
                       f"{cell!r} in {name!r} is {words.get(constraint, constraint)} {value} (eis van het schema)")
    if kind == "primary-key":
        m = re.search(r"position (\d+)", note)
        if not m:
            return None  # a blank row has no key: reported as blank-row
        return Problem(file, row, None, "primary-key",
                       f"deze rij heeft dezelfde sleutel ({', '.join(primary_key)}) als rij {m.group(1)}")
    if kind == "blank-row":
        return Problem(file, row, None, "blank-row", "lege rij")
    if kind == "extra-cell":
        return Problem(file, row, None, "extra-cell",
                       f"de rij heeft {len(err.cells)} cellen, de kop {n_fields}: een komma te veel, of een komma in een cel zonder aanhalingstekens")
    if kind == "missing-cell":
        if row == truncated_row:
            return Problem(file, row, None, "truncated-file",
                           f"het bestand is afgekapt: het houdt midden in rij {row} op ({len(err.cells)} van de {n_fields} cellen, geen regeleinde)")
        return Problem(file, row, None, "missing-cell",
                       f"de rij heeft {len(err.cells)} cellen, de kop {n_fields}: er ontbreekt een komma of een cel")
    label = getattr(err, "label", "")
    position = getattr(err, "field_number", None)
    if kind == "extra-label":
        return Problem(file, 1, label or None, "extra-label", f"kolom {label!r} (kolom {position}) staat niet in het schema in datapackage.yaml")
    if kind == "missing-label":
        return Problem(file, 1, name, "missing-label", f"kolom {name!r} (kolom {position} volgens het schema) ontbreekt in de kop")
    if kind == "incorrect-label":
        return Problem(file, 1, name, "incorrect-label", f"kolom {position} heet {label!r}, het schema noemt hem {name!r}")
    if kind == "blank-label":
        return Problem(file, 1, name, "blank-label", f"kolom {position} heeft geen naam")
    if kind == "duplicate-label":
        return Problem(file, 1, label or name, "duplicate-label", f"kolomnaam {label!r} komt meer dan eens voor (kolom {position})")
    if kind == "source-error":
        return Problem(file, None, None, "source-error", f"het bestand is niet als CSV te lezen ({note})")
    if kind == "scheme-error":
        return Problem(file, None, None, "scheme-error", f"het bestand is niet te openen ({note})")
    if kind == "format-error":
        return Problem(file, None, None, "format-error", f"het bestandsformaat wordt niet herkend ({note})")
    return Problem(file, row, name, kind, f"{err.title}: {err.message}")


def _descriptor_problems(descriptor: dict, package_dir: Path, file: str, report) -> list[Problem]:
    """What frictionless finds wrong in the descriptor itself, located at the resource when it can."""
    problems = []
    for res in descriptor.get("resources") or []:
        try:
            frictionless.Resource.from_descriptor(res, basepath=str(package_dir))
        except frictionless.FrictionlessException as exc:
            name = res.get("name", "?") if isinstance(res, dict) else "?"
            note = exc.error.note or exc.error.message
            m = re.match(r'field type "(.*)" is not supported', note)
            text = (f"veldtype {m.group(1)!r} bestaat niet; gebruik string, integer, number, date of year" if m else note)
            problems.append(Problem(file, None, f"resources/{name}/schema", "invalid-descriptor", text))
    if not problems:
        problems = [Problem(file, None, None, "invalid-descriptor", err.note or err.message) for err in report.errors]
    return problems


_CACHE: dict[str, list[Problem]] = {}  # frictionless' findings by content: a long-running process (serve, tests) reuses them


def _frictionless_problems(descriptor: dict, package_dir: Path, root: Path, checked: dict[str, _FileCheck]) -> list[Problem]:
    """Frictionless on the resources whose files can be read; its findings in Dutch, one per slip."""
    file = _rel(_descriptor_path(package_dir) or package_dir, root)
    readable = dict(descriptor, resources=[r for r in descriptor.get("resources") or []
                                           if not (isinstance(r, dict) and checked.get(r.get("path", ""), _FileCheck()).problem)])
    h = hashlib.sha256(json.dumps([file, readable, sorted(checked.items(), key=str)], sort_keys=True, default=str).encode())
    for res in readable["resources"]:
        path = package_dir / str(res.get("path", "")) if isinstance(res, dict) else None
        h.update(path.read_bytes() if path and path.is_file() else b"-")
    key = h.hexdigest()
    if key not in _CACHE:
        _CACHE[key] = _run_frictionless(readable, package_dir, root, checked, file)
    return list(_CACHE[key])


def _run_frictionless(readable: dict, package_dir: Path, root: Path, checked: dict[str, _FileCheck], file: str) -> list[Problem]:
    try:
        report = frictionless.validate(readable, basepath=str(package_dir))
    except Exception as exc:  # a descriptor frictionless cannot even open
        return [Problem(file, None, None, "invalid-descriptor", str(exc))]
    if report.errors:
        return _descriptor_problems(readable, package_dir, file, report)
    problems = []
    resources = {r.get("path"): r for r in readable["resources"]}
    for task in report.tasks:
        res = resources.get(task.place, {})
        schema = res.get("schema") or {}
        pk = schema.get("primaryKey") or []
        pk = [pk] if isinstance(pk, str) else pk
        n_fields = len(schema.get("fields") or [])
        task_file = _rel(package_dir / task.place, root)
        seen_rows = set()
        for err in task.errors:
            problem = _translate(err, task_file, pk, n_fields, checked.get(task.place, _FileCheck()).truncated_row)
            if problem is None:
                continue
            if problem.type in ROW_ERRORS | {"missing-cell"}:  # one problem per row, not one per cell
                if problem.row in seen_rows:
                    continue
                seen_rows.add(problem.row)
            problems.append(problem)
    return problems


def _read_csv(path: Path) -> pd.DataFrame:
    """All cells as text. Lenient about ragged rows: frictionless reports those itself."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0] if rows else []
    body = [(r + [""] * len(header))[: len(header)] for r in rows[1:]]
    return pd.DataFrame(body, columns=header, dtype=object)  # plain str cells: iterating pandas strings was slow


def tuples(df: pd.DataFrame):
    """df.itertuples(index=False), but columns are read as plain lists first: iterating pandas'
    string arrays cell by cell was a large part of the build at scale."""
    row = collections.namedtuple("Rij", df.columns, rename=True)._make
    return map(row, zip(*(df.iloc[:, i].tolist() for i in range(len(df.columns))))) if len(df.columns) else iter(())


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.75)
    return f"; bedoel je {close[0]!r}?" if close else ""


def load_package(package_dir: Path, regions: Regions, root: Path) -> tuple[Package | None, list[Problem]]:
    descriptor_path = _descriptor_path(package_dir)
    if descriptor_path is None:
        return None, [Problem(_rel(package_dir, root), None, None, "invalid-descriptor", "geen datapackage.yaml of datapackage.json gevonden")]
    descriptor, problems = read_descriptor(descriptor_path, root)
    if descriptor is None:
        return None, problems
    checked = {r["path"]: _check_file(package_dir / r["path"], _rel(package_dir / r["path"], root))
               for r in descriptor.get("resources") or [] if isinstance(r, dict) and isinstance(r.get("path"), str)}
    problems += [c.problem for c in checked.values() if c.problem]
    problems += _frictionless_problems(descriptor, package_dir, root, checked)
    if any(p.type == "invalid-descriptor" for p in problems):
        return None, problems

    desc_file = _rel(descriptor_path, root)
    sources = {s.get("name"): s for s in descriptor.get("sources", []) if isinstance(s, dict)}
    if not sources:
        problems.append(Problem(desc_file, None, "sources", "missing-citation", "het pakket noemt geen bronnen ('sources')"))
    if not descriptor.get("licenses"):
        problems.append(Problem(desc_file, None, "licenses", "missing-citation", "het pakket noemt geen licentie ('licenses')"))
    problems += revisions.check_dates(descriptor.get("sources", []), desc_file)  # a missing date warns

    tables: dict[str, tuple[dict, pd.DataFrame, str]] = {}
    for res in descriptor.get("resources", []):
        path = package_dir / res.get("path", "")
        if checked.get(res.get("path"), _FileCheck()).problem or not path.is_file():
            continue  # reported once above
        tables[res["name"]] = (res, _read_csv(path), _rel(path, root))

    measures_known = "maten" in tables or not any(r.get("name") == "maten" for r in descriptor.get("resources", []))
    measures = tables.get("maten", (None, pd.DataFrame(columns=["maat", "naam", "eenheid", "afronding", "definitie"]), ""))[1]
    measures = measures.set_index("maat", drop=False)
    categories_known = "categorieen" in tables or not any(r.get("name") == "categorieen" for r in descriptor.get("resources", []))
    categories = tables.get("categorieen", (None, pd.DataFrame(columns=["maat", "categorie", "naam"]), ""))[1]
    known_categories = set(zip(categories.get("maat", []), categories.get("categorie", [])))

    frames = []
    for name, (res, df, file) in tables.items():
        found_here = [p for p in problems if p.file == file and p.severity == "error"]
        if any(p.type in HEADER_ERRORS for p in found_here):
            continue  # the header first: by column name, the rows cannot be read reliably
        skip_rows = {p.row for p in found_here if p.type in ROW_ERRORS}
        bad_cells = {(p.row, p.field) for p in found_here if p.row and p.field}
        if not OBSERVATION_FIELDS <= set(df.columns):
            # metadata (e.g. the regions of a study): its region names must be known too
            for i, region_name in enumerate(df.get("regio", []), start=2):
                if i not in skip_rows and (i, "regio") not in bad_cells and regions.resolve(region_name) is None \
                        and region_name not in regions.aliases:
                    problems.append(Problem(file, i, "regio", "unknown-region", f"regio {region_name!r} is onbekend"))
            continue
        bron = res.get("bron")
        if not bron or bron not in sources:
            problems.append(Problem(desc_file, None, f"resources/{name}/bron", "missing-citation",
                                    f"resource '{name}' verwijst naar bron {bron!r}, die niet in 'sources' staat" if bron else f"resource '{name}' noemt geen bron"))
        df = df.copy()
        df["rij"] = range(2, len(df) + 2)  # as frictionless counts: the header is row 1
        df["bestand"] = file
        df["resource"] = name
        for col in ("categorie", "groep", "n", "kwalificatie", "teken", "noot", "vindplaats"):
            if col not in df:
                df[col] = ""
        df["vindplaats"] = [v or res.get("vindplaats", "") for v in df["vindplaats"]]
        blank = (df[[c for c in df.columns if c not in ("rij", "bestand", "resource")]] == "").all(axis=1)
        skip_rows |= set(df.rij[blank])
        own = _check_rows(df, file, regions, measures if measures_known else None,
                          known_categories if categories_known else None, skip_rows, bad_cells)
        problems += own
        df = df[~df.rij.isin(skip_rows)]
        if not found_here and not own and (df.regio_code != "").all():
            problems += _check_resource(res, df, file)  # sums and parts: only in an otherwise valid file
        df["bron"] = bron or ""
        df["bron_titel"] = (sources.get(bron) or {}).get("title", "")
        df["pakket"] = descriptor.get("name", package_dir.name)
        frames.append(df)

    observations = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    problems += revisions.check_order(observations, descriptor.get("sources", []))
    package = Package(descriptor.get("name", package_dir.name), package_dir, descriptor, sources, measures, categories, observations,
                      descriptor.get("resources", []))
    return package, problems


def _check_rows(df, file, regions: Regions, measures, known_categories, skip_rows=frozenset(), bad_cells=frozenset()) -> list[Problem]:
    """The project's own rules, row by row. `measures` or `known_categories` is None when their
    table could not be read (reported there). A cell frictionless rejected is not checked again,
    nor is a row it found blank, ragged or cut off."""
    problems = []
    codes, values = [], []
    bad_by_row: dict[int, set] = {}
    for (i, f) in bad_cells:
        bad_by_row.setdefault(i, set()).add(f)
    # per measure (unit, rounding step) and per distinct region name and period their answers,
    # looked up once: the rules below run for every row of every package
    blank = [""] * (0 if measures is None else len(measures))
    units = {} if measures is None else {  # a column maten.csv lacks is reported there
        m: (u, _number(a) if a else None)
        for m, u, a in zip(measures.index, measures.get("eenheid", blank), measures.get("afronding", blank))}
    resolved: dict[str, str | None] = {}
    valid_in: dict[tuple[str, str], bool] = {}
    for r in tuples(df):
        row = r.rij
        if row in skip_rows:
            codes.append("")
            values.append(None)
            continue
        bad = bad_by_row.get(row, frozenset())
        if r.regio not in resolved:
            resolved[r.regio] = regions.resolve(r.regio)
        code = resolved[r.regio]
        if code is None and "regio" not in bad and r.regio not in regions.aliases:  # a broken alias is reported in regionamen.csv
            problems.append(Problem(file, row, "regio", "unknown-region", f"regio {r.regio!r} is onbekend{_suggest(r.regio, list(regions.aliases) + [x.naam for x in regions.by_code.values()])}"))
        ok_period = periods.is_valid(r.periode)
        if not ok_period and "periode" not in bad:
            problems.append(Problem(file, row, "periode", "invalid-period", f"periode {r.periode!r} heeft niet de vorm 2019-H2, 2019 of 2016-2020"))
        if code and ok_period:
            if (code, r.periode) not in valid_in:
                valid_in[code, r.periode] = regions.by_code[code].valid_in(r.periode)
            if not valid_in[code, r.periode]:
                problems.append(Problem(file, row, "regio", "region-not-valid", f"regio {r.regio!r} ({code}) bestaat niet in {r.periode}"))
        if r.kwalificatie not in ("",) + QUALIFIERS and "kwalificatie" not in bad:
            problems.append(Problem(file, row, "kwalificatie", "invalid-qualifier",
                                    f"kwalificatie {r.kwalificatie!r} is niet een van: {', '.join(QUALIFIERS)}"))
        if r.teken not in SYMBOLS and "teken" not in bad:
            problems.append(Problem(file, row, "teken", "invalid-symbol", f"teken {r.teken!r} is geen CBS-teken"))
        value = _number(r.waarde) if r.waarde != "" and "waarde" not in bad else None
        if r.waarde != "" and value is not None and r.teken in MISSING_SYMBOLS:
            problems.append(Problem(file, row, "waarde", "value-symbol-mismatch", f"waarde {r.waarde} staat naast teken {r.teken!r}"))
        if r.waarde == "" and r.teken in VALUE_SYMBOLS and not bad & {"waarde", "teken"}:
            problems.append(Problem(file, row, "waarde", "value-symbol-mismatch",
                                    "waarde ontbreekt zonder CBS-teken: gebruik . (onbekend), x (geheim) of – (nihil)"))
        if measures is None or "maat" in bad:
            pass
        elif r.maat not in units:
            problems.append(Problem(file, row, "maat", "unknown-measure", f"maat {r.maat!r} staat niet in maten.csv{_suggest(r.maat, measures.index)}"))
        elif value is not None:
            unit, step = units[r.maat]
            if unit == "procent" and not 0 <= value <= 100:
                problems.append(Problem(file, row, "waarde", "percentage-out-of-range", f"percentage {r.waarde} ligt niet tussen 0 en 100"))
            elif value < 0 and unit == "aantal" and "verandering" not in r.maat:
                problems.append(Problem(file, row, "waarde", "negative-count",
                                        f"waarde {r.waarde} is negatief, maar maat {r.maat!r} is een aantal"))
            if step and value % step != 0:
                problems.append(Problem(file, row, "waarde", "not-rounded", f"{r.waarde} is geen veelvoud van {int(step)}, terwijl de bron op {int(step)} afrondt"))
        for col in ("categorie", "groep"):
            label = getattr(r, col)
            if label and known_categories is not None and (r.maat, label) not in known_categories and not bad & {col, "maat"}:
                options = [c for (m_, c) in known_categories if m_ == r.maat]
                problems.append(Problem(file, row, col, "unknown-category",
                                        f"{col} {label!r} van maat {r.maat!r} staat niet in categorieen.csv{_suggest(label, options)}"))
        if not r.vindplaats and "vindplaats" not in bad:
            problems.append(Problem(file, row, "vindplaats", "missing-citation", "geen vindplaats (tabel of figuur) in de publicatie"))
        codes.append(code or "")
        values.append(value)
    df["regio_code"] = codes
    df["waarde_num"] = values
    return problems


def _check_resource(res: dict, df: pd.DataFrame, file: str) -> list[Problem]:
    problems = []
    parts = []
    for check in res.get("checks", []):
        kind = check.get("type")
        if kind == "part-of-whole":
            found = _check_part(df, file, check["part"], check["whole"])
            problems += found
            if found:
                parts += [check["part"], check["whole"]]
        elif kind not in ("sum-of-regions", "percentages-at-most-100"):  # every row is checked against its unit already
            problems.append(Problem(file, None, None, "unknown-check", f"controle {kind!r} bestaat niet"))
    for check in res.get("checks", []):
        if check.get("type") == "sum-of-regions":
            # a part larger than its whole is the precise finding; its sum would repeat it
            problems += _check_sum(df[~df.maat.isin(parts)], file, check.get("total", NATIONAL))
    return problems
def _check_sum(df: pd.DataFrame, file: str, total_code: str) -> list[Problem]:
    """The regions of one measure and period add up to the published total, within rounding.

    The source rounds every count to a multiple of 5 on its own, so each printed count is off by
    at most 2 from the true count; the sum of n printed parts may differ from the printed total
    by at most 2 * (n + 1). A transcription slip of a digit usually exceeds that."""
    problems = []
    keys = ["periode", "maat", "categorie", "groep"]
    for (period, maat, _cat, _group), group in df.groupby(keys):
        totals = group[group.regio_code == total_code]
        parts = group[(group.regio_code != total_code) & (group.regio_code != "")]
        if totals.empty or parts.empty or totals.waarde_num.isna().all():
            continue
        if parts.teken.isin(list(symbols.SUPPRESSED)).any():
            continue  # a suppressed part: the sum cannot be checked (and is never derived)
        total = totals.waarde_num.iloc[0]
        s = parts.waarde_num.fillna(0).sum()
        tolerance = 2 * (len(parts) + 1)
        if abs(s - total) > tolerance:
            row = int(totals.rij.iloc[0])
            problems.append(Problem(file, row, "waarde", "sum-mismatch",
                                    f"{maat} {period}: de {len(parts)} regio's tellen op tot {s:.0f}, het totaal is {total:.0f} "
                                    f"(verschil {s - total:+.0f}, afronding verklaart hooguit {tolerance})"))
    return problems


def _check_part(df: pd.DataFrame, file: str, part: str, whole: str) -> list[Problem]:
    problems = []
    cols = ["regio_code", "periode"]
    p = df[df.maat == part].drop_duplicates(cols)
    w = df[df.maat == whole].drop_duplicates(cols)[cols + ["waarde_num"]]
    both = p.merge(w, on=cols, suffixes=("", "_geheel"))
    pv, wv = pd.to_numeric(both.waarde_num), pd.to_numeric(both.waarde_num_geheel)
    for r, a, b in zip(both.itertuples(index=False), pv, wv):
        if not (math.isnan(a) or math.isnan(b)) and a > b:
            problems.append(Problem(file, int(r.rij), "waarde", "part-exceeds-whole",
                                    f"{part} ({a:.0f}) is groter dan {whole} ({b:.0f}) voor {r.regio} {r.periode}"))
    return problems


def _check_map(regions: Regions, regions_dir: Path, root: Path) -> list[Problem]:
    """Every Veilig Thuis region needs a tile on the schematic map; real boundaries, when fetched,
    are read and checked here too (build_data.geometry)."""
    from .geometry import load_geometries

    problems = []
    tiles_file = _rel(regions_dir / "data" / "tegelkaart.csv", root)
    for i, code in enumerate(regions.tiles, start=2):
        if code not in regions.by_code:
            problems.append(Problem(tiles_file, i, "code", "unknown-region", f"regiocode {code!r} staat niet in regios.csv"))
    for region in regions.regional():
        if region.code not in regions.tiles:
            problems.append(Problem(tiles_file, None, "code", "missing-geometry", f"{region.naam} ({region.code}) heeft geen tegel"))
    regions.geometries, found = load_geometries(regions_dir, regions, root)
    return problems + found


def load_all(root: Path) -> Catalog:
    """Load every package below root/datapackages; collect all problems."""
    dp_root = root / "datapackages"
    problems: list[Problem] = []
    regions_dir = dp_root / "regions"
    if (regions_dir / "datapackage.yaml").exists():
        descriptor, found = read_descriptor(regions_dir / "datapackage.yaml", root)
        checked = {r["path"]: _check_file(regions_dir / r["path"], _rel(regions_dir / r["path"], root))
                   for r in (descriptor or {}).get("resources") or [] if isinstance(r, dict) and isinstance(r.get("path"), str)}
        problems += found + [c.problem for c in checked.values() if c.problem]
        problems += _frictionless_problems(descriptor, regions_dir, root, checked) if descriptor else []
    else:
        problems.append(Problem(_rel(regions_dir, root), None, None, "invalid-descriptor", "het pakket regions ontbreekt"))
    regions = Regions.load(regions_dir)
    names_file = _rel(regions_dir / "data" / "regionamen.csv", root)
    for name, code in regions.aliases.items():
        if code not in regions.by_code:
            problems.append(Problem(names_file, regions.alias_rows[name], "code", "unknown-region",
                                    f"regionaam {name!r} verwijst naar code {code!r}, die niet in regios.csv staat"))
    problems += _check_map(regions, regions_dir, root)
    packages, failed, broken = {}, set(), set()
    for package_dir in sorted(p for p in dp_root.iterdir() if p.is_dir() and p.name != "regions"):
        package, found = load_package(package_dir, regions, root)
        problems += found
        if package:
            packages[package.name] = package
        else:
            failed.add(package_dir.name)
        if any(p.severity == "error" for p in found):
            broken.add(package.name if package else package_dir.name)
    for name in regions.unused_aliases():
        problems.append(Problem(names_file, regions.alias_rows[name], "naam_in_bron",
                                "unused-region-name", f"regionaam {name!r} wordt door geen enkele bron gebruikt", "warning"))
    return Catalog(root, regions, packages, problems, failed, broken)
