"""Help text in one plain layout: `deal CMD --help` and `deal --help`.

Laid out here rather than by Click's formatter, so every Typer version shows
the same thing and no word is broken at a hyphen (`--deals-dir`): metavars as
`DEAL`, `DEAL...`, `PATH...`, `N`, `TEXT`; choices as `[a|b|c]`, or in the
option's text where they do not fit a line; the width of the terminal, up to 120
columns.
"""

from __future__ import annotations

import inspect
import sys
from typing import Any

import typer

from ..core.environment import Environment

_MAX_WIDTH = 120
_NAME_COLUMN = 30  # a longer option name has a line of its own


def _env(ctx: Any) -> Environment | None:
    # the run's Environment: the root's object, or the session's once the group has run
    obj = ctx.find_root().obj
    env = obj if isinstance(obj, Environment) else getattr(obj, "env", None)
    return env if isinstance(env, Environment) else None


def _width(ctx: Any) -> int:
    env = _env(ctx)
    return max(min(env.columns if env else 80, _MAX_WIDTH) - 2, 50)


def _metavar(param: Any, brackets: bool = True) -> str:
    """The placeholder a user reads for a value: an option's choices as [a|b|c] if asked."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    choices = _choices(param)
    if choices and param.param_type_name == "option" and brackets:
        name = "[" + "|".join(choices) + "]"
    elif choices and param.param_type_name == "option":
        name = param.metavar or "CHOICE"
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


def _records(command: Any, ctx: Any, kind: str, width: int) -> list[tuple[str, str]]:
    rows = []
    for p in command.get_params(ctx):
        if p.param_type_name != kind or getattr(p, "hidden", False):
            continue
        text = p.help or ""
        if kind == "argument":
            rows.append((_metavar(p), text))
            continue
        opts = ", ".join(sorted(p.opts, key=len))
        name = f"{opts} {_metavar(p)}".rstrip()
        choices = _choices(p)
        if len(name) + 2 > width and choices:  # too long for a line: the choices go below
            name = f"{opts} {_metavar(p, brackets=False)}"
            if not all(c in text for c in choices):
                text += f" {_metavar(p, brackets=False)}: one of {', '.join(choices)}."
        rows.append((name, text + _default(p)))
    return rows


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Lines of `text` broken at spaces only (never inside a word or at a hyphen)."""
    import textwrap

    return textwrap.wrap(
        text,
        max(width, 20),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first]


def _paragraphs(text: str) -> list[tuple[bool, list[str]]]:
    """A docstring's paragraphs: (kept as written, lines); Click's `\\b` keeps one."""
    out = []
    for para in inspect.cleandoc(text).split("\n\n"):
        lines = para.split("\n")
        if lines[0].strip() == "\b":
            out.append((True, lines[1:]))
        else:
            out.append((False, [" ".join(line.strip() for line in lines)]))
    return out


def _dl(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Names and their text in two columns; a name too long for its column has a line of
    its own, and every line is wrapped at words to the width."""
    col = " " * (min(max((len(n) for n, _ in rows), default=0), _NAME_COLUMN) + 4)
    out = []
    for name, text in rows:
        if len(name) + 4 > len(col) or not text:
            out += _wrap(name, width, "  ", "      ")
            out += _wrap(text, width, col, col) if text else []
        else:
            out += _wrap(text, width, ("  " + name).ljust(len(col)), col)
    return out


def _example(lines: list[str], width: int) -> list[str]:
    """Lines kept as written (examples); a command too long for the width goes on over
    lines ending in " \\", as a shell reads it."""
    out = []
    for line in lines:
        body = line.rstrip()
        lead = " " * (2 + len(body) - len(body.lstrip()))
        parts = _wrap(body.strip(), width - 2, lead, lead + "    ")
        out += [part + " \\" for part in parts[:-1]] + parts[-1:]
    return out


def command_help(command: Any, ctx: Any, extra: str = "") -> list[str]:
    """The lines of `deal CMD --help`, fitted to the terminal."""
    width = _width(ctx)
    lead = f"Usage: {ctx.command_path} "
    pieces = " ".join([*_usage_pieces(command, ctx), extra]).strip()
    lines = _wrap(pieces, width, lead, " " * len(lead))
    for kept, para in _paragraphs(command.help or ""):
        lines.append("")
        lines += _example(para, width) if kept else _wrap(para[0], width, "  ", "  ")
    for title, kind in (("Arguments", "argument"), ("Options", "option")):
        rows = _records(command, ctx, kind, width)
        if rows:
            lines += ["", f"{title}:", *_dl(rows, width)]
    return lines


def format_command_help(command: Any, ctx: Any, formatter: Any, extra: str = "") -> None:
    formatter.write("\n".join(command_help(command, ctx, extra)) + "\n")


def format_group_help(group: Any, ctx: Any, formatter: Any) -> None:
    lines = command_help(group, ctx, "COMMAND [ARGS]...")
    rows = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if cmd is not None and not cmd.hidden:
            rows.append((name, _paragraphs(cmd.help or "")[0][1][0]))
    lines += ["", "Commands:", *_dl(rows, _width(ctx))]
    formatter.write("\n".join(lines) + "\n")


def show_help(ctx: Any, param: Any, value: bool) -> None:
    """`--help`: the help on stdout, through the pager when it is taller than the terminal."""
    if value and not getattr(ctx, "resilient_parsing", False):
        print_help(ctx.get_help(), _env(ctx))
        ctx.exit()


def print_help(text: str, env: Environment | None) -> None:
    from ..output.pager import page

    text = text.rstrip("\n") + "\n"
    if env is None or not page(text, env):
        out = env.stdout if env else sys.stdout
        out.write(text)
        out.flush()


def paged(option: Any) -> Any:
    """The help option, showing its text through the pager."""
    if option is not None:
        option.callback = show_help
    return option


class DealCommand(typer.core.TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        format_command_help(self, ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        return paged(super().get_help_option(ctx))
