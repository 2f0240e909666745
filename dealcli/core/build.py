"""From parsed YAML to a validated `Deal`: types by pydantic, references by hand.

Imported only when a deal file must really be read (not from the cache),
because pydantic is slow to import and to build.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from . import model
from .errors import Problem, did_you_mean
from .format2 import format2_problems
from .model import Deal
from .parse import Parsed
from .problems import Path_, Pos, dotted, short
from .problems import problem as _problem
from .provenance import cited_ids
from .rules import period_problems, reference_problems
from .totals import status_total


@cache
def adapter() -> TypeAdapter[Deal]:
    return TypeAdapter(Deal)


@cache
def record_adapter() -> TypeAdapter[model.Context]:
    return TypeAdapter(model.Context)


def json_schema() -> dict[str, Any]:
    schema = adapter().json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "deal file, format 1 or 2"
    schema.setdefault("patternProperties", {})["^x-"] = {}
    for definition in schema.get("$defs", {}).values():
        if definition.get("additionalProperties") is False:
            definition.setdefault("patternProperties", {})["^x-"] = {}
    return schema


@cache
def _field_names() -> frozenset[str]:
    names: set[str] = set()
    for value in vars(model).values():
        if dataclasses.is_dataclass(value):
            names.update(f.name.rstrip("_") for f in dataclasses.fields(value))
    return frozenset(names)


def typed(value: Any) -> Deal | None:
    """The deal of a parsed mapping when its types are all right, else None (no problems
    worked out: `build` finds them)."""
    try:
        return adapter().validate_python(value)
    except ValidationError:
        return None


def build(path: str, parsed: Parsed, deal: Deal | None = None) -> tuple[Deal | None, list[Problem]]:
    """Validate parsed data; return the deal (or None) and every problem found. `deal`:
    what `typed` made of the same value, when it did."""
    problems = list(parsed.problems)
    if problems or not isinstance(parsed.value, dict):
        return None, problems
    try:
        if deal is None:
            deal = adapter().validate_python(parsed.value)
    except ValidationError as exc:
        problems.extend(_type_problems(path, exc, parsed.positions))
        problems.extend(reference_problems(path, parsed.value, parsed.positions))
        return None, _unique(problems)
    problems.extend(reference_problems(path, parsed.value, parsed.positions))
    problems.extend(period_problems(path, deal, parsed.positions))
    problems.extend(format2_problems(path, parsed.value, deal, parsed.positions))
    problems.extend(_warnings(path, deal, parsed.positions))
    if not parsed.ascii:
        problems.extend(_hidden_problems(path, parsed.value, parsed.positions))
    if any(not p.warning for p in problems):
        return None, problems
    return deal, problems


def build_record(path: str, parsed: Parsed) -> tuple[model.Context | None, list[Problem]]:
    """Validate a parsed context record as `build` does a deal: types, source references,
    ids, aggregator-only events, hosts; return the record (or None) and every problem."""
    from .format2 import record_problems

    problems = list(parsed.problems)
    if problems or not isinstance(parsed.value, dict):
        return None, problems
    raw = parsed.value
    try:
        record = record_adapter().validate_python(raw)
    except ValidationError as exc:
        problems.extend(_type_problems(path, exc, parsed.positions))
        record = None
    problems.extend(record_problems(path, raw, record, parsed.positions))
    problems.extend(_hidden_problems(path, raw, parsed.positions))
    problems = _unique(problems)
    if record is None or any(not p.warning for p in problems):
        return None, problems
    return record, problems


_IDENTITY = frozenset({"id", "aliases", "name", "sources", "part_of", "tranche"})


def _hidden_problems(path: str, raw: Any, positions: dict[Path_, Pos]) -> Iterator[Problem]:
    """Invisible format characters (BiDi controls, zero-width, tags: Unicode Cf): an error
    in an id or a name, where a look-alike would be another company; a warning in free
    text, which every output but json shows by code point."""
    from .chars import hidden, hidden_re

    if not _any_text(raw, hidden_re().search):  # the usual case: no place to work out
        return
    todo: list[tuple[Path_, Any]] = [((), raw)]
    while todo:
        loc, value = todo.pop()
        if isinstance(value, dict):
            todo.extend(reversed([((*loc, k), v) for k, v in value.items()]))
        elif isinstance(value, list):
            todo.extend(reversed([((*loc, i), v) for i, v in enumerate(value)]))
        elif isinstance(value, str) and (found := hidden(value)):
            key = next((p for p in reversed(loc) if isinstance(p, str)), "")
            name = key in _IDENTITY
            hint = "remove it" if name else "remove it unless it is meant; output shows it"
            for what in found:
                yield _problem(path, positions, loc, f"{what} in {dotted(loc)}", hint, not name)


def _any_text(raw: Any, test: Callable[[str], Any]) -> bool:
    """Whether `test` holds for any text value in the parsed file."""
    todo = [raw]
    while todo:
        value = todo.pop()
        if isinstance(value, dict):
            todo.extend(value.values())
        elif isinstance(value, list):
            todo.extend(value)
        elif isinstance(value, str) and test(value):
            return True
    return False


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for p in problems:
        key = (p.line, p.column, p.field, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _type_problems(
    path: str, exc: ValidationError, positions: dict[Path_, Pos]
) -> Iterator[Problem]:
    for err in exc.errors(include_url=False):
        # pydantic puts union and wrapper names (e.g. 'function-before[...]') into loc
        loc: Path_ = tuple(
            p
            for p in err["loc"]
            if isinstance(p, int) or (not _WRAPPER.match(p) and p not in _WRAPPERS)
        )
        kind = err["type"]
        pos = positions.get(loc)
        message, hint = _explain(kind, err, loc, pos)
        yield _problem(path, positions, loc, message, hint)


# a validator's own name, e.g. 'function-before[_check(), str]'; a key of the file may hold
# a bracket too (and is then named in the message, not dropped)
_WRAPPER = re.compile(r"[a-z][a-z-]*\[.*\]\Z", re.S)
_WRAPPERS = {"function-before", "function-after", "nullable", "tuple", "list", "int", "str"}


def _explain(kind: str, err: Any, loc: Path_, pos: Pos | None) -> tuple[str, str]:
    field = str(loc[-1]) if loc else "file"
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        close = difflib.get_close_matches(field, _field_names(), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""  # a key of the format
        return (
            f"unknown key '{short(field)}'",
            hint + "remove it, or start it with x- to keep a private note",
        )
    if kind == "missing":
        return f"'{field}' is required", f"add `{field}: ...`"
    if kind == "string_type" and pos is not None and pos.guessed and pos.raw == "":
        return "is empty: text is needed here", "write the text after the colon"
    if kind == "string_type" and pos is not None and pos.guessed and pos.raw is not None:
        read_as = _read_as(pos)
        return (
            f"unquoted {short(pos.raw)} is read by YAML as {read_as}, not text",
            f'put it in quotes: "{short(pos.raw)}"',
        )
    if kind in ("string_pattern_mismatch",):
        pattern = err.get("ctx", {}).get("pattern", "")
        value = short(err.get("input"))
        if pattern == model.SLUG_PATTERN:
            return (
                f"'{value}' is not a valid id",
                "use lower-case letters, digits and single hyphens, like `gulf-link-2`",
            )
        if pattern == model.COUNTRY_PATTERN:
            return f"'{value}' is not a country code", 'use an ISO 3166-1 alpha-2 code, like "JP"'
        if pattern == r"^[A-Z]{3}$":
            return f"'{value}' is not a currency code", 'use an ISO 4217 code, like "JPY"'
        if pattern == model.URL_PATTERN:
            return (
                f"'{value}' is not a web address",
                "use a full https:// or http:// address with an ASCII host (xn--...); "
                "write a space, quote, < or > as %20, %22, %3C, %3E",
            )
    if kind == "amount_type":
        return "an amount must be a number, not text", "write it unquoted, like `usd_bn: 25`"
    if kind == "amount_precision":
        return (
            f"{err['msg']}: {short(err.get('input'))}",
            "round it: amounts are USD billions, and 0.000000001 is one dollar",
        )
    if kind == "less_than_equal" and loc and loc[-1] in ("usd_bn", "bn", "gdp_usd_bn"):
        return (
            f"{err['msg'].lower()}: {short(err.get('input'))}",
            "amounts are USD billions: no pledge comes near 10,000,000",
        )
    if kind in ("greater_than_equal", "decimal_type", "finite_number") or "decimal" in kind:
        return (
            f"{err['msg'].lower()}: {short(err.get('input'))}",
            "write a finite amount of 0 or more",
        )
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        given = err.get("input")
        near = (
            did_you_mean(given, re.findall(r"'([^']*)'", expected))
            if isinstance(given, str)
            else ""
        )
        return f"{short(repr(given))} is not allowed here{near}", f"use one of {expected}"
    if kind in _WANTED:
        got = _yaml_kind(err.get("input"))
        if kind in ("dataclass_type", "model_type", "dict_type"):
            return f"should be a mapping of keys, not {got}", "write it as `key: value` pairs"
        if kind == "int_type" and isinstance(err.get("input"), str):
            return f"should be a whole number, not {got}", "write it without quotes"
        return f"should be {_WANTED[kind]}, not {got}", "check the format description for this key"
    if kind.endswith("_type") or kind == "date_from_datetime_inexact":
        got = _yaml_kind(err.get("input"))
        return f"{err['msg'].lower()}, not {got}", "check the format description for this key"
    return err["msg"], "check the format description for this key"


# What a key wants, in the words of a YAML file's writer, by pydantic's error kind
_WANTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "dataclass_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "dict_type": "a mapping of keys",
}


def _yaml_kind(value: Any) -> str:
    """What YAML read a value as, in its writer's words."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float | Decimal):
        return "a number"
    if isinstance(value, str):
        return f'the text "{short(value)}"'
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, date):
        return "a date"
    return type(value).__name__


def _read_as(pos: Pos) -> str:
    if pos.guessed == "boolean":
        return "a boolean"
    if pos.guessed == "number":
        return "a number"
    if pos.guessed in ("date", "timestamp"):
        return f"a {pos.guessed}"
    return "an empty value"


def _warnings(path: str, deal: Deal, positions: dict[Path_, Pos]) -> Iterator[Problem]:
    head = deal.headline.usd_bn
    if deal.structure:
        total = sum((t.usd_bn for t in deal.structure), Decimal(0))
        if total != head:
            yield _problem(
                path,
                positions,
                ("structure",),
                f"tranches add up to {total}, not the headline {head}",
                "check the tranche amounts, or say in notes why they differ",
                warning=True,
            )
    used = cited_ids(deal)
    for i, src in enumerate(deal.sources):
        if src.id not in used:
            yield _problem(
                path,
                positions,
                ("sources", i, "id"),
                f"source '{short(src.id)}' is not used by any figure",
                "cite it where it is used, or remove it",
                warning=True,
            )
    candidates = status_total(deal, "candidate")
    if candidates > head:
        yield _problem(
            path,
            positions,
            ("allocations",),
            f"candidate allocations add up to {candidates}, more than the headline {head}",
            "normal for lists of ceilings; say so in notes",
            warning=True,
        )
