"""Frictionless (schema, types, keys) on the resources of a package, its findings translated into
Dutch problems, one per slip: a decimal comma (55,6), a space or point between thousands
(1 300, 66.660), a file cut off mid-row get their own kind."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import frictionless

from ..model.problems import Problem
from .files import FileCheck, descriptor_path, rel

TYPE_NAMES = {"integer": "geheel getal", "number": "getal", "date": "datum (JJJJ-MM-DD)", "year": "jaartal",
              "boolean": "ja/nee-waarde", "datetime": "datum en tijd"}


HEADER_ERRORS = {"extra-label", "missing-label", "incorrect-label", "blank-label", "duplicate-label"}


ROW_ERRORS = {"extra-cell", "missing-cell", "blank-row", "truncated-file"}


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


def frictionless_problems(descriptor: dict, package_dir: Path, root: Path, checked: dict[str, FileCheck]) -> list[Problem]:
    """Frictionless on the resources whose files can be read; its findings in Dutch, one per slip."""
    file = rel(descriptor_path(package_dir) or package_dir, root)
    readable = dict(descriptor, resources=[r for r in descriptor.get("resources") or []
                                           if not (isinstance(r, dict) and checked.get(r.get("path", ""), FileCheck()).problem)])
    h = hashlib.sha256(json.dumps([file, readable, sorted(checked.items(), key=str)], sort_keys=True, default=str).encode())
    for res in readable["resources"]:
        path = package_dir / str(res.get("path", "")) if isinstance(res, dict) else None
        h.update(path.read_bytes() if path and path.is_file() else b"-")
    key = h.hexdigest()
    if key not in _CACHE:
        _CACHE[key] = _run_frictionless(readable, package_dir, root, checked, file)
    return list(_CACHE[key])


def _run_frictionless(readable: dict, package_dir: Path, root: Path, checked: dict[str, FileCheck], file: str) -> list[Problem]:
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
        task_file = rel(package_dir / task.place, root)
        seen_rows = set()
        for err in task.errors:
            problem = _translate(err, task_file, pk, n_fields, checked.get(task.place, FileCheck()).truncated_row)
            if problem is None:
                continue
            if problem.type in ROW_ERRORS | {"missing-cell"}:  # one problem per row, not one per cell
                if problem.row in seen_rows:
                    continue
                seen_rows.add(problem.row)
            problems.append(problem)
    return problems
