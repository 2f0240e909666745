"""What every command shares: the deal arguments, the output options, the choice lists.

Choices are built from the views' own constants, so help, validation and
completion come from one list; matching is case-insensitive.
"""

import dataclasses
import functools
import inspect
import typing
from collections.abc import Callable, Iterable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..core.errors import DealError, Exit, UsageError, did_you_mean
from ..output import Request, emit, plan
from ..render import FORMATS
from .about import about
from .app import COLOR, ColorWhen, Session, app, session
from .help import DealCommand


def choice(name: str, values: Iterable[str]) -> Any:
    """An Enum of the given values, for a Typer option or argument with fixed choices."""
    return Enum(name, {v: v for v in values}, type=str)


def value(member: Any) -> Any:
    """An Enum member's text; anything else as it is."""
    if isinstance(member, list):
        return [value(m) for m in member]
    return member.value if isinstance(member, Enum) else member


def _complete_deal(ctx: typer.Context, incomplete: str) -> list[str]:
    try:
        names = session(ctx).registry().completions()
    except Exception:  # completion must never crash the shell
        return []
    return [n for n in names if n.startswith(incomplete.lower())]


DealArg = Annotated[
    str,
    typer.Argument(
        help="Deal id or alias, e.g. japan, jp, korea.",
        autocompletion=_complete_deal,
        metavar="DEAL",
    ),
]


def deals_arg(help: str) -> Any:
    """A list of deal names."""
    return typer.Argument(help=help, autocompletion=_complete_deal, metavar="DEAL")


class DateError(DealError):
    """A date option's value that is not a date: a usage error (and no ValueError, which the
    parameter's conversion would reword)."""

    exit_code = Exit.USAGE


def day_option(flag: str, help: str) -> Any:
    """An option whose value is a `date`, given as YYYY-MM-DD."""

    def parse(text: str | date) -> date:
        if isinstance(text, date):
            return text
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise DateError(f"{flag} takes a date as YYYY-MM-DD, not '{text}'") from None

    return typer.Option(flag, help=help, metavar="YYYY-MM-DD", parser=parse)


Format = choice("Format", FORMATS)


def _output_params() -> list[inspect.Parameter]:
    """One command-line option per field of `Request`."""
    hints = typing.get_type_hints(Request)
    params = []
    for f in dataclasses.fields(Request):
        meta = f.metadata
        kind = Format | None if f.name == "format" else hints[f.name]
        option = typer.Option(
            *meta["flags"],
            help=meta["help"],
            metavar=meta["metavar"],
            case_sensitive=False,
        )
        params.append(
            inspect.Parameter(
                f"out_{f.name}",
                inspect.Parameter.KEYWORD_ONLY,
                default=f.default,
                annotation=Annotated[kind, option],
            )
        )
    return params


OUTPUT_PARAMS = _output_params()
# options a user may give before the command or after it (`deal --deals-dir D show x`,
# `deal show x --deals-dir D`): the group has them too, and the two are joined
DEALS_DIR = typer.Option(
    "--deals-dir",
    help="Also read deals from DIR (repeatable; read after DEAL_PATH; "
    "a later deal with the same id wins).",
    metavar="DIR",
)
COMMON_PARAMS = [
    inspect.Parameter(
        "deals_dir",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[list[Path] | None, DEALS_DIR],
    ),
    inspect.Parameter(
        "color",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[ColorWhen | None, COLOR],
    ),
]


def _before(run: Session, given: dict[str, Any]) -> dict[str, Any]:
    """The command's output options, with those given before the command where it has none."""
    for name in ("format", "output"):
        if given.get(name) is None and getattr(run, name) is not None:
            given[name] = getattr(run, name)
    given["no_pager"] = given.get("no_pager") or run.no_pager
    fmt = given["format"]
    if fmt is not None and fmt.lower() not in FORMATS:
        raise UsageError(
            f"-f takes {', '.join(FORMATS)}, not '{fmt}'" + did_you_mean(fmt.lower(), list(FORMATS))
        )
    given["format"] = fmt.lower() if fmt else fmt
    return given


_CTX = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)


def data_command(
    name: str, chart: bool = False, drawn: bool = False, without: tuple[str, ...] = ()
) -> Callable[[Callable[..., Any]], Callable[..., None]]:
    """Register `func(session, ...) -> Report` as a command with every output option.

    The format, and whether the output is drawn, are decided once, before the function
    runs (`output.plan`). With `chart`, the report is a bar chart, drawn even into a pipe;
    with `drawn`, the function gets after the session whether the output is drawn (a view
    that draws a chart in a terminal and gives tables elsewhere). It may return
    `(report, exit_code)` (a command whose exit code says something, as diff's does).
    `without` names fields of `Request` the command does not offer (an option that would
    add nothing to it, e.g. `sources` where no row has source numbers): they keep their
    defaults.
    """
    outputs = [p for p in OUTPUT_PARAMS if p.name[4:] not in without]

    def decorate(func: Callable[..., Any]) -> Callable[..., None]:
        hints = typing.get_type_hints(func, include_extras=True)
        skip = 2 if drawn else 1  # the session, and whether the output is drawn
        own = [  # annotations resolved, as the module that declared them reads
            p.replace(annotation=hints[p.name])
            for p in list(inspect.signature(func).parameters.values())[skip:]
        ]

        @functools.wraps(func)
        def command(ctx: typer.Context, **kwargs: Any) -> None:
            run = session(ctx)
            given = {p.name[4:]: value(kwargs.pop(p.name)) for p in outputs}
            req = Request(**_before(run, given))
            run.deals_dirs += kwargs.pop("deals_dir") or []
            run.wish_color(value(kwargs.pop("color")))
            sheet = functools.partial(about, ctx)
            opts, is_drawn = plan(req, run.env, chart, drawn, about=sheet)
            head = (run, is_drawn) if drawn else (run,)
            result = func(*head, **{k: value(v) for k, v in kwargs.items()})
            report, code = result if isinstance(result, tuple) else (result, 0)
            emit(report, req, run.env, opts=opts)
            if code:
                raise typer.Exit(code)

        params = [_CTX, *own, *outputs, *COMMON_PARAMS]
        command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in params}
        app.command(name, cls=DealCommand)(command)
        return command

    return decorate


__all__ = [
    "DealArg",
    "Session",
    "choice",
    "data_command",
    "day_option",
    "deals_arg",
    "value",
]


AsOf = Annotated[
    date | None,
    day_option(
        "--as-of",
        help="The deal as it stood at the end of this day: allocations in the status they had "
        "then (or left out if not yet announced), terms in force, events up to then.",
    ),
]
__all__ += ["AsOf"]
