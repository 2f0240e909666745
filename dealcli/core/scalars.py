"""Plain YAML 1.1 scalars built by deal's own rules, never by PyYAML's constructors.

YAML 1.1 reads an unquoted `2026-02-30` as a date, `59:59:59` as a base-60 integer
and `1.0e+999999999` as a float. PyYAML's constructors raise ValueError on
impossible dates and offsets, take quadratic time on long base-60 numbers and
build integers of any length. Here every form is recognised by YAML 1.1's own
patterns, then built in linear time within bounds: an impossible date, a
base-60 number or a number no deal can mean is a `ScalarError` with a message
and a hint, which the parser reports at the scalar's line and column.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import yaml

from .problems import short

# Digits past these cannot be a figure of a deal (amounts stop at 10,000,000 with nine
# decimal places): refused before any arithmetic, so no text builds a huge number.
MAX_DIGITS = 40
MAX_EXPONENT_DIGITS = 3

_resolver = yaml.resolver.Resolver()
_TAG = "tag:yaml.org,2002:"

# YAML 1.1's timestamp, as PyYAML matches it before building one
_TIMESTAMP = re.compile(
    r"""(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})
    (?:(?:[Tt]|[ \t]+)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})
    (?:\.(?P<fraction>[0-9]*))?
    (?:[ \t]*(?P<tz>Z|(?P<sign>[-+])(?P<tz_hour>[0-9]{1,2})(?::(?P<tz_minute>[0-9]{2}))?))?)?""",
    re.X,
)


class ScalarError(Exception):
    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def kind_of(text: str) -> str:
    """What YAML 1.1 reads a plain scalar as: str, int, float, bool, null or timestamp."""
    if text.count(":") > 4:  # past a timestamp's colons: base 60 or text, told apart here
        return _base_60(text) or "str"
    tag: str = _resolver.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag[len(_TAG) :] if tag.startswith(_TAG) else "str"


_DIGITS = frozenset("0123456789")
_BAD_GROUP = re.compile(r":(?![0-5]?[0-9](?=:|\Z))")  # a colon not before a group 0-59


def _base_60(text: str) -> str | None:
    """ "int" or "float" when `text` is one of YAML 1.1's base-60 numbers, else None.

    PyYAML's patterns keep a backtracking state for each `:NN` group, so a megabyte of
    them takes hundreds of megabytes; this reads the same forms in one pass."""
    body = text[1:] if text[:1] in ("+", "-") else text
    head, dot, fraction = body.partition(".")
    colon = head.find(":")
    first, groups = head[:colon], head[colon:]
    if colon < 1 or first[0] not in _DIGITS or not set(first) <= _DIGITS | {"_"}:
        return None
    if not set(groups) <= _DIGITS | {":"} or _BAD_GROUP.search(groups):
        return None
    if dot:
        return "float" if set(fraction) <= _DIGITS | {"_"} else None
    return "int" if first[0] != "0" else None


def plain_scalar(text: str) -> tuple[Any, str | None]:
    """A plain (unquoted) scalar's value, and what YAML guessed it to be when not text."""
    kind = kind_of(text)
    if kind == "int":
        return integer(text), "number"
    if kind == "float":
        return decimal(text), "number"
    if kind == "null":
        return None, "null"
    if kind == "bool":
        return text.lower() in ("yes", "true", "on"), "boolean"
    if kind == "timestamp":
        stamp = timestamp(text)
        return stamp, "timestamp" if isinstance(stamp, datetime) else "date"
    return text, None


def _quote_hint(text: str, fix: str) -> str:
    return f'{fix}; if it is text, put it in quotes: "{short(text)}"'


def _no_base_60(text: str) -> None:
    if ":" in text:
        raise ScalarError(
            f"unquoted {short(text)} is read by YAML as a number, not text",
            f'put it in quotes: "{short(text)}"; YAML 1.1 reads it in base 60, which deal '
            "files do not use for amounts: write those in decimal",
        )


def _digits(text: str, digits: str) -> None:
    count = len(digits.lstrip("0"))
    if count > MAX_DIGITS:
        raise ScalarError(
            f"the number {short(text)} has {count:,} digits; no figure of a deal has more "
            f"than {MAX_DIGITS}",
            _quote_hint(text, "check the number"),
        )


def integer(text: str) -> int:
    """YAML 1.1 integers: decimal, 0b binary, 0x hex, 0 octal, with underscores."""
    _no_base_60(text)
    cleaned = text.replace("_", "")
    negative = cleaned.startswith("-")
    body = cleaned.lstrip("+-")
    base = 10
    if body[:2] in ("0b", "0x"):
        base, body = (2 if body[1] == "b" else 16), body[2:]
    elif len(body) > 1 and body.startswith("0"):
        base, body = 8, body[1:]
    _digits(text, body)
    value = int(body or "0", base)
    return -value if negative else value


def decimal(text: str) -> Decimal:
    """YAML 1.1 floats as exact decimals: 1.5, .5, 1.5e+3, .inf, .nan, with underscores."""
    _no_base_60(text)
    cleaned = text.replace("_", "")
    lowered = cleaned.lower()
    if lowered.endswith(".nan"):
        return Decimal("NaN")
    if lowered.endswith(".inf"):
        return Decimal("-Infinity" if lowered.startswith("-") else "Infinity")
    mantissa, _, exponent = lowered.partition("e")
    _digits(text, mantissa.lstrip("+-").replace(".", ""))
    if len(exponent.lstrip("+-").lstrip("0")) > MAX_EXPONENT_DIGITS:
        raise ScalarError(
            f"the number {short(text)} has an exponent of {len(exponent) - 1:,} digits",
            _quote_hint(text, "write the amount out, like 1.5 or 1500"),
        )
    return Decimal(cleaned)


def timestamp(text: str) -> date | datetime:
    """A YAML 1.1 date or timestamp, checked field by field so that an impossible one
    says what is wrong with it."""
    match = _TIMESTAMP.fullmatch(text)
    if match is None:  # the resolver matched it: cannot happen, but never a traceback
        raise ScalarError(f"unquoted {short(text)} is not a date", _quote_hint(text, "fix it"))
    v = match.groupdict()
    year, month, day = int(v["year"]), int(v["month"]), int(v["day"])
    fix = "write a real date, YYYY-MM-DD"
    what = "a date" if v["hour"] is None else "a date and time"

    def bad(why: str) -> ScalarError:
        return ScalarError(f"{short(text)} is not {what}: {why}", _quote_hint(text, fix))

    if year < 1:
        raise bad("there is no year 0")
    if not 1 <= month <= 12:
        raise bad(f"there is no month {month}")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise bad(f"{calendar.month_name[month]} {year} has {days} days")
    if v["hour"] is None:
        return date(year, month, day)
    fix = "write a real time, 00:00:00 to 23:59:59"
    hour, minute, second = int(v["hour"]), int(v["minute"]), int(v["second"])
    for value, top, name in ((hour, 23, "hour"), (minute, 59, "minute"), (second, 59, "second")):
        if value > top:
            raise bad(f"there is no {name} {value}")
    micro = int((v["fraction"] or "")[:6].ljust(6, "0"))
    zone: timezone | None = None
    if v["sign"]:
        fix = "write the offset from UTC as +HH:MM, -12:00 to +14:00"
        tz_hour, tz_minute = int(v["tz_hour"]), int(v["tz_minute"] or 0)
        if tz_hour > 23 or tz_minute > 59:
            raise bad(f"there is no offset {v['sign']}{tz_hour:02}:{tz_minute:02}")
        offset = timedelta(hours=tz_hour, minutes=tz_minute)
        zone = timezone(-offset if v["sign"] == "-" else offset)
    elif v["tz"]:
        zone = UTC
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=zone)
