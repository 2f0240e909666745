"""Help text in one plain layout: `deal CMD --help` and `deal --help`.

Written with Click's public help formatter, so every Typer version shows the
same thing: metavars as `DEAL`, `DEAL...`, `PATH...`, `N`, `TEXT`; choices as
`[a|b|c]`; the width of the terminal, up to 120 columns.
"""

from __future__ import annotations

from typing import Any

import typer

from ..core.environment import Environment

_MAX_WIDTH = 120


def _width(ctx: Any) -> int:
    # the run's Environment: the root's object, or the session's once the group has run
    obj = ctx.find_root().obj
    env = obj if isinstance(obj, Environment) else getattr(obj, "env", None)
    columns = env.columns if isinstance(env, Environment) else 80
    return max(min(columns, _MAX_WIDTH) - 2, 50)


def _metavar(param: Any) -> str:
    """The placeholder a user reads for a value."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    choices = _choices(param)
    if choices and param.param_type_name == "option":
        name = "[" + "|".join(choices) + "]"
    else:
        name = param.metavar or "TEXT"  # every value option names its own metavar
    if param.nargs == -1 or (param.param_type_name == "argument" and param.multiple):
        name += "..."
    return name


def _choices(param: Any) -> list[str]:
    # Click keeps them on `type`; Typer 0.29 and later on `type_descriptor`.
    for holder in (getattr(param, "type", None), getattr(param, "type_descriptor", None)):
        choices = getattr(holder, "choices", None)
        if choices:
            return [str(getattr(c, "value", c)) for c in choices]
    return []


def _usage_pieces(command: Any, ctx: Any) -> list[str]:
    params = command.get_params(ctx)
    pieces = ["[OPTIONS]"] if any(p.param_type_name == "option" for p in params) else []
    for p in command.params:
        if p.param_type_name == "argument":
            name = _metavar(p)
            pieces.append(name if p.required else f"[{name}]")
    return pieces


def _default(param: Any) -> str:
    value = param.default
    if value is None or value == () or param.is_flag or callable(value):  # flags: on or off
        return ""
    value = getattr(value, "value", value)  # an Enum member
    return f"  [default: {value}]"


def _records(command: Any, ctx: Any, kind: str) -> list[tuple[str, str]]:
    rows = []
    for p in command.get_params(ctx):
        if p.param_type_name != kind or getattr(p, "hidden", False):
            continue
        if kind == "argument":
            name = _metavar(p)
        else:
            name = ", ".join(sorted(p.opts, key=len)) + (" " + _metavar(p) if _metavar(p) else "")
        rows.append((name, (p.help or "") + (_default(p) if kind == "option" else "")))
    return rows


def format_command_help(command: Any, ctx: Any, formatter: Any, extra: str = "") -> None:
    formatter.width = _width(ctx)
    formatter.write_usage(ctx.command_path, " ".join([*_usage_pieces(command, ctx), extra]))
    if command.help:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(command.help)
    for title, kind in (("Arguments", "argument"), ("Options", "option")):
        rows = _records(command, ctx, kind)
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)


def format_group_help(group: Any, ctx: Any, formatter: Any) -> None:
    format_command_help(group, ctx, formatter, "COMMAND [ARGS]...")
    rows = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if cmd is not None and not cmd.hidden:
            first = (cmd.help or "").strip().split("\n")[0]
            rows.append((name, first))
    with formatter.section("Commands"):
        formatter.write_dl(rows)


class DealCommand(typer.core.TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        format_command_help(self, ctx, formatter)
