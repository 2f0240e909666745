"""Deals as plain values for the cache, and back, checked as they are rebuilt.

A deal is stored as nested lists in field order: a dataclass as the list of its
fields, a tuple as a list, a Decimal as its text, a date as YYYY-MM-DD. Reading
follows the model's type hints and its rules: every value must be of its field's
type and within its bounds (text non-empty and matching its pattern, an amount
finite, in range and of at most nine places, a date real, a choice one of its
choices), and the rebuilt deal must meet the rules across fields that validation
applies (sources defined, ids unique, periods in order). A cache file that passes
its hash but holds anything else raises `ValueError`, so the deal file is read again:
whatever a planted cache holds, it costs a slower run, never a wrong answer or a crash.
"""

from __future__ import annotations

import builtins
import dataclasses
import re
import types
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from . import model
from .model import MAX_AMOUNT, MAX_PLACES, Deal, places

MAX_TEXT = 4 * 1024 * 1024  # no text of a deal file is longer than the file
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def encode(value: Any) -> Any:
    kind = type(value)
    if kind is str or value is None or kind is bool or kind is int:  # most values: as they are
        return value
    names = _NAMES.get(kind)
    if names is not None:
        return [encode(getattr(value, name)) for name in names]
    if isinstance(value, tuple):
        return [encode(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _NAMES[kind] = [f.name for f in dataclasses.fields(value)]
        return [encode(getattr(value, name)) for name in names]
    return value


_NAMES: dict[type, list[str]] = {}  # a dataclass's field names, in order


def decode_deal(data: Any, names: tuple[str, ...] | None = None) -> Deal:
    """The deal stored as `data`; `names`, when given, are the names the folder index
    holds for it. Raises ValueError (or TypeError) for anything a valid deal cannot be."""
    deal = _decoder(Deal)(data)
    if not isinstance(deal, Deal):
        raise TypeError("not a deal")
    if names is not None and deal.names != names:
        raise ValueError("the cached deal is not the one the index names")
    _check_rules(deal)
    return deal


def decode_record(data: Any) -> model.Context:
    """A context record stored as `data`, checked as a deal is; ValueError or TypeError for
    anything a valid record cannot be."""
    record = _decoder(model.Context)(data)
    if not isinstance(record, model.Context):
        raise TypeError("not a context record")
    defined = {s.id for s in record.sources}
    if any(sid not in defined for e in record.events for sid in e.sources):
        raise ValueError("the cached record cites a source it does not define")
    return record


def _check_rules(deal: Deal) -> None:
    """The rules across fields that validation applies, read from the built deal (each
    function stands beside the rule it restates; tests/test_cache_rules.py holds them
    to agree)."""
    from .format2 import format2_problems, uses_format2
    from .rules import period_problems, references_hold

    if deal.format == 1:
        format2_ok = not uses_format2(deal)
    else:  # the format 2 rules read the deal itself, not its parsed form
        format2_ok = all(p.warning for p in format2_problems("cache", {}, deal, {}))
    periods_ok = all(p.warning for p in period_problems("cache", deal, {}))
    if not (format2_ok and periods_ok and references_hold(deal)):
        raise ValueError("the cached deal breaks a rule of the format")


_DECODERS: dict[Any, Callable[[Any], Any]] = {}


def _decoder(hint: Any) -> Callable[[Any], Any]:
    found = _DECODERS.get(hint)
    if found is None:
        found = _DECODERS[hint] = _make_decoder(hint)
    return found


def _bad(value: Any) -> Any:
    raise TypeError(f"unexpected {type(value).__name__} in a cached deal")


def _make_decoder(hint: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Annotated:
        return _marked(args[0], args[1:])
    if origin is typing.Union or (origin is not None and type(None) in args and len(args) == 2):
        inner = _decoder(next(a for a in args if a is not type(None)))
        return lambda v: None if v is None else inner(v)
    if origin is typing.Literal:
        return _choice(args)
    if hint is Decimal:
        return _amount
    if hint is date:
        return decode_day
    if hint is bool or hint is int or hint is str:
        return lambda v: v if type(v) is hint else _bad(v)
    if origin is tuple:
        item = _decoder(args[0])
        return lambda v: tuple(map(item, v)) if type(v) is list else _bad(v)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _dataclass(hint)
    return _plain  # a kind of field this module does not know: at least no container


# Values already checked, by their text: the same id, code, date or choice in the next
# entry is then one lookup, and every deal shares one object for it. Bounded: past the
# limit, values are checked each time.
KNOWN_LIMIT = 100_000


def _choice(args: tuple[Any, ...]) -> Callable[[Any], Any]:
    known = {(type(a), a): a for a in args}  # True == 1: the type must match too

    def choice(v: Any) -> Any:
        found = known.get((type(v), v)) if type(v) in (str, int) else None
        return _bad(v) if found is None else found

    return choice


def _marked(base: Any, marks: tuple[Any, ...]) -> Callable[[Any], Any]:
    """A field whose Annotated marker carries a rule: text, a whole number, an amount."""
    for mark in marks:
        if isinstance(mark, model.TextMark):
            return _text_rule(mark.pattern, mark.min_length)
        if isinstance(mark, model.IntMark):
            return _int_rule(mark.ge, mark.le)
    return _decoder(base)


def _text_rule(pattern: str | None, least: int) -> Callable[[Any], Any]:
    compiled = re.compile(pattern) if pattern else None
    known: dict[str, str] = {}

    def text(v: Any) -> Any:
        if type(v) is not str or not least <= len(v) <= MAX_TEXT:
            _bad(v)
        return v

    def matched(v: Any) -> Any:
        found = known.get(v) if type(v) is str else None
        if found is not None:
            return found
        text(v)
        if not compiled.match(v) or v.endswith("\n"):  # type: ignore[union-attr]
            raise ValueError("a cached text that does not match its pattern")
        if len(known) < KNOWN_LIMIT:
            known[v] = v
        return v

    return text if compiled is None else matched


def _int_rule(low: int | None, high: int | None) -> Callable[[Any], Any]:
    def whole(v: Any) -> Any:
        if type(v) is not int or (low is not None and v < low) or (high is not None and v > high):
            _bad(v)
        return v

    return whole


def _amount(v: Any) -> Decimal:
    found = _AMOUNTS.get(v) if type(v) is str else None
    if found is not None:
        return found
    if type(v) is not str or len(v) > 64:
        _bad(v)
    try:
        value = Decimal(v)
    except InvalidOperation:
        raise ValueError("a cached amount that is not a number") from None
    if not value.is_finite() or not 0 <= value <= MAX_AMOUNT or places(value) > MAX_PLACES:
        raise ValueError("a cached amount out of bounds")
    if len(_AMOUNTS) < KNOWN_LIMIT:
        _AMOUNTS[v] = value
    return value


def decode_day(v: Any) -> date:
    found = _DAYS.get(v) if type(v) is str else None
    if found is not None:
        return found
    if type(v) is not str or not _DAY.fullmatch(v):
        _bad(v)
    day = date.fromisoformat(v)
    if len(_DAYS) < KNOWN_LIMIT:
        _DAYS[v] = day
    return day


_AMOUNTS: dict[str, Decimal] = {}
_DAYS: dict[str, date] = {}


def _plain(v: Any) -> Any:
    if v is not None and type(v) not in (str, int, bool):
        _bad(v)
    return v


def _dataclass(cls: type) -> Callable[[Any], Any]:
    hints = model.field_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    made_by = _builder(cls, names, hints)
    if not all(_stored_as_text(hints[name]) for name in names):
        return made_by
    # A class of text fields only (a company, a source): the same values give one shared,
    # immutable instance. Keys are stored once checked, and only text or null equals text:
    # a key that matches holds exactly the values checked when it was stored.
    known: dict[tuple[Any, ...], Any] = {}

    def shared(v: Any) -> Any:
        if type(v) is not list:
            _bad(v)
        key = tuple(v)
        try:
            return known[key]
        except (KeyError, TypeError):  # new, or unhashable (which build refuses)
            made = made_by(v)
        if len(known) < KNOWN_LIMIT:
            known[key] = made
        return made

    return shared


def _builder(cls: type, names: list[str], hints: dict[str, Any]) -> Callable[[Any], Any]:
    """The function that builds `cls` from the list of its field values, each checked as
    its field's decoder would check it. Its text is made here, from the model's own field
    names and hints (as `dataclasses` makes `__init__`); nothing of a cache file enters it.
    Simple checks stand inline, the rest call their decoders: one call per instance
    instead of one or two per field."""
    env: dict[str, Any] = {"new": object.__new__, "cls": cls, "_bad": _bad, "MAX_TEXT": MAX_TEXT}
    values = [f"f{n}" for n in range(len(names))]
    lines = [
        "def build(v):",
        f"    if type(v) is not list or len(v) != {len(names)}:",
        "        _bad(v)",
        f"    {', '.join(values)}, = v",
    ]
    for value, name in zip(values, names, strict=True):
        lines += _checks(value, hints[name], env, "    ")
    # an __init__ that does more, or instances with no __dict__ (slots): built by the class
    if hasattr(cls, "__post_init__") or not cls.__dictoffset__:
        lines.append(f"    return cls({', '.join(values)})")
    else:
        # every field is given and checked: the instance is what `cls(*values)` builds,
        # without the frozen __init__'s setattr per field
        fields = ", ".join(f"{name!r}: {value}" for name, value in zip(names, values, strict=True))
        lines += [
            "    made = new(cls)",
            f"    made.__dict__.update({{{fields}}})",
            "    return made",
        ]
    text = _TEXTS[cls.__qualname__] = "\n".join(lines)
    return _precompiled(cls, text, env) or _compiled(text, env)


_TEXTS: dict[str, str] = {}  # each builder's text, by its class's name, as made


def _compiled(text: str, env: dict[str, Any]) -> Callable[[Any], Any]:
    exec(text, env)
    built: Callable[[Any], Any] = env["build"]
    return built


def _precompiled(cls: type, text: str, env: dict[str, Any]) -> Callable[[Any], Any] | None:
    """The builder of `cls` as core/builders.py holds it compiled with the package, when its
    text is the one made now (else None): compiling the builders would cost every run."""
    from .builders import BUILDERS

    found = BUILDERS.get(cls.__qualname__)
    if found is None or found[0] != text:
        return None
    env["__builtins__"] = builtins
    return types.FunctionType(found[1].__code__, env, "build")


def builders_module() -> str:
    """The text of core/builders.py: every builder of a deal and a context record."""
    _decoder(Deal)
    _decoder(model.Context)
    out = [
        '"""The cache\'s builders (core/decode.py), compiled with the package.',
        "",
        "Made by `python -m dealcli.core.decode`; tests/test_cache_rules.py checks it is",
        "current. A builder is used only while its text is the one decode.py makes; the",
        "names each one reads come from decode.py when it is used.",
        '"""',
        "# ruff: noqa",
        "# mypy: ignore-errors",
        "",
        "BUILDERS = {}",
    ]
    for name, text in sorted(_TEXTS.items()):
        body = text.split("\n", 1)[1]
        entry = f"BUILDERS[{name!r}] = ({text!r}, _{name})"
        out += ["", "", f"def _{name}(v):", body, "", "", entry]
    return "\n".join(out) + "\n"


def _checks(value: str, hint: Any, env: dict[str, Any], indent: str) -> list[str]:
    """Lines that check the variable `value` against `hint`, replacing it by what it
    decodes to; helpers go into `env`."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    helper = f"d{len(env)}"
    bad = f"{indent}    _bad({value})"
    if origin is typing.Annotated:
        for mark in args[1:]:
            if isinstance(mark, model.TextMark) and mark.pattern is None:
                least = mark.min_length
                test = f"type({value}) is not str or not {least} <= len({value}) <= MAX_TEXT"
                return [f"{indent}if {test}:", bad]
            if isinstance(mark, model.TextMark | model.IntMark):
                break
        else:
            return _checks(value, args[0], env, indent)
    elif origin is typing.Union or (origin is not None and type(None) in args and len(args) == 2):
        inner = next(a for a in args if a is not type(None))
        return [f"{indent}if {value} is not None:", *_checks(value, inner, env, indent + "    ")]
    elif origin is typing.Literal and all(type(a) is str for a in args):
        env[helper] = frozenset(args)
        return [f"{indent}if type({value}) is not str or {value} not in {helper}:", bad]
    elif hint is bool or hint is int or hint is str:
        env[helper] = hint
        return [f"{indent}if type({value}) is not {helper}:", bad]
    elif origin is tuple:
        env[helper] = _decoder(args[0])
        return [
            f"{indent}if type({value}) is not list:",
            bad,
            f"{indent}{value} = tuple(map({helper}, {value})) if {value} else ()",
        ]
    env[helper] = _decoder(hint)
    return [f"{indent}{value} = {helper}({value})"]


def _stored_as_text(hint: Any) -> bool:
    """Whether a field is stored as text (or null): text, a date, an amount, a choice of words."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        return _stored_as_text(args[0])
    if origin is typing.Union or (origin is not None and type(None) in args and len(args) == 2):
        return all(_stored_as_text(a) for a in args if a is not type(None))
    if origin is typing.Literal:
        return all(type(a) is str for a in args)
    return hint in (str, date, Decimal)


if __name__ == "__main__":
    import pathlib

    pathlib.Path(__file__).with_name("builders.py").write_text(builders_module())
