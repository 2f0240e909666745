"""Click's usage errors in the program's own voice: recognised by their exception types, worded
from what the exceptions carry (the option, its choices, the near names), not from Click's
English, which changes between versions."""

from __future__ import annotations

import difflib
import importlib
import re
from typing import Any

import typer

from ..core.errors import did_you_mean

# Click's exceptions, from whichever copy of Click Typer runs on (Typer 0.28 has its own):
# the module of the one Typer makes public
errors = importlib.import_module(typer.BadParameter.__module__)
ClickException: type[Exception] = errors.ClickException

_QUOTED = re.compile(r"'([^']*)'")


def usage_message(exc: Any) -> str:
    """What went wrong, in one line."""
    if isinstance(exc, errors.NoSuchOption):
        close = nearest_options(exc.option_name, _options(exc.ctx) or list(exc.possibilities or ()))
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return f"no such option {exc.option_name}{hint}"
    choices = _choices(getattr(exc, "param", None)) if isinstance(exc, errors.BadParameter) else []
    if choices:
        opts = list(exc.param.opts or [])
        names = " / ".join(opts or ["the value"])
        # the value is the one thing taken from the message, which the exception does not
        # keep: the quoted word that is neither the option's name nor a choice
        quoted = _QUOTED.findall(exc.format_message())
        given = next((q for q in quoted if q not in opts and q not in choices), "")
        return f"{names} takes {', '.join(choices)}, not '{given}'" + did_you_mean(given, choices)
    message: str = exc.format_message().replace("Value error, ", "").strip()
    return message[0].lower() + message[1:] if message else "bad usage"


def nearest_options(given: str, names: list[str]) -> list[str]:
    """The command's options nearest `given`, the nearest first, by difflib's ratio of the
    names without their dashes (`--formt`: `--format`, never `--bom`); others only when they
    are about as near as the nearest."""
    bare = given.lstrip("-")
    scored = sorted(
        ((difflib.SequenceMatcher(None, bare, n.lstrip("-")).ratio(), n) for n in set(names)),
        key=lambda s: (-s[0], s[1]),
    )
    best = scored[0][0] if scored else 0.0
    return [n for r, n in scored[:3] if r >= max(0.6, best - 0.1)]


def _options(ctx: Any) -> list[str]:
    """Every option name of the command the context runs (empty when there is none)."""
    command = getattr(ctx, "command", None)
    names: list[str] = []
    for param in getattr(command, "params", ()):
        if getattr(param, "param_type_name", "") == "option":
            names += [*param.opts, *param.secondary_opts]
    return names


def _choices(param: Any) -> list[str]:
    # Click keeps them on `type`; Typer 0.29 and later on `type_descriptor`
    for holder in (getattr(param, "type", None), getattr(param, "type_descriptor", None)):
        found = getattr(holder, "choices", None)
        if found:
            return [str(getattr(c, "value", c)) for c in found]
    return []
