"""Commands about time: pace (against the deadline) and diff (two versions of a deal)."""

from __future__ import annotations

import functools
import inspect
import subprocess
import typing
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import DealFileError, Problem, UsageError
from ..model import Deal
from ..output import Request, emit
from ..output import options as render_options
from ..table import Report
from .app import app, session
from .help import DealCommand
from .options import OUTPUT_PARAMS, AsOf, DealArg, Session, day, value

_CONTEXT = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _command(name: str) -> Callable[[Callable[..., tuple[Report, int]]], Callable[..., None]]:
    """As `data_command`, but the command sees the output request (to draw a picture in a
    terminal, tables elsewhere) and gives its own exit code."""

    def decorate(func: Callable[..., tuple[Report, int]]) -> Callable[..., None]:
        hints = typing.get_type_hints(func, include_extras=True)
        own = [
            p.replace(annotation=hints[p.name])
            for p in list(inspect.signature(func).parameters.values())[2:]
        ]

        @functools.wraps(func)
        def command(ctx: typer.Context, **kwargs: Any) -> None:
            req = Request(**{p.name[4:]: value(kwargs.pop(p.name)) for p in OUTPUT_PARAMS})
            report, code = func(session(ctx), req, **{k: value(v) for k, v in kwargs.items()})
            emit(report, req)
            if code:
                raise typer.Exit(code)

        params = [_CONTEXT.replace(annotation=typer.Context), *own, *OUTPUT_PARAMS]
        command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in params}
        app.command(name, cls=DealCommand)(command)
        return command

    return decorate


def _drawn(req: Request) -> bool:
    """Whether the output is a picture: a terminal's table, --svg or --html."""
    return bool(req.svg or req.html) or render_options(req).format == "table"


@_command("pace")
def pace(session: Session, req: Request, deal: DealArg, as_of: AsOf = None) -> tuple[Report, int]:
    """Committed money over time, and the pace the deadline asks for.

    A step for each day the committed total changed; against the deadline (the end of
    the deal's period): committed so far, what remains, the years left, the yearly pace
    needed and the pace so far since signing; with an annual cap, the years the
    remainder needs at the cap. In a terminal, a chart of the steps against the
    straight line to the headline at the deadline; other formats give the tables.

    \b
    Example:
        deal pace japan
        deal pace japan --as-of 2026-03-31 -f json
        deal pace korea --svg korea-pace.svg
    """
    from ..asof import as_of as stood
    from ..asof import stamp
    from ..views.pace import pace as view
    from ..views.pace import pace_chart

    when = day(as_of, "--as-of")
    on = when or date.today()
    deal_ = stood(session.resolve(deal).deal, on)
    report = pace_chart(deal_, on) if _drawn(req) else view(deal_, on)
    return stamp(report, when), 0


@_command("diff")
def diff(
    session: Session,
    req: Request,
    old: Annotated[
        str,
        typer.Argument(
            help="The old version: a deal name, a deal file, or git:REV:PATH.",
            metavar="OLD",
            show_default=False,
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(
            help="The new version, in the same forms.", metavar="NEW", show_default=False
        ),
    ],
) -> tuple[Report, int]:
    """What changed between two versions of a deal, item by item.

    Added, removed and changed allocations, tranches, terms, commitments, events and
    sources, each changed field with its old and new value, and the change in totals.
    A version is a deal name, a deal file, or git:REV:PATH (read with `git show
    REV:PATH`, the path from the top of the repository). Exit 0 when the two are the
    same, 1 when they differ, 2 on usage errors, as diff does.

    \b
    Example:
        deal diff git:HEAD~5:deals/japan.yaml deals/japan.yaml
        deal diff japan my-japan.yaml -f json
    """
    from ..views.diff import diff as view
    from ..views.diff import same

    report = view(read(session, old), read(session, new), old, new)
    return report, 0 if same(report) else 1


def read(session: Session, text: str) -> Deal:
    """A deal from a name, a file or git:REV:PATH; any failure is a usage error (exit 2)."""
    if text.startswith("git:"):
        return _from_git(text)
    path = Path(text)
    if text.endswith((".yaml", ".yml")) or "/" in text or path.is_file():
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"cannot read {text}: {exc.strerror}") from None
        return _known(session, path) or _build(text, data)
    return session.resolve(text).deal


def _known(session: Session, path: Path) -> Deal | None:
    """The deal of a file the registry holds, unchanged since it was cached: no need to
    validate it again."""
    target = path.resolve()
    for entry in session.registry().entries.values():
        if entry.name == target.name and Path(entry.path).resolve() == target:
            return entry.deal
    return None


def _from_git(text: str) -> Deal:
    rev, _, path = text[len("git:") :].partition(":")
    if not rev or not path:
        raise UsageError(f"'{text}': write git:REV:PATH, e.g. git:HEAD~1:deals/japan.yaml")
    try:
        out = subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, check=False)
    except OSError:
        raise UsageError(f"'{text}' needs git, which cannot be run here") from None
    if out.returncode != 0:
        said = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git show {rev}:{path} failed: {said[0] if said else 'no output'}")
    return _build(text, out.stdout)


def _build(name: str, data: bytes) -> Deal:
    """Read and validate a deal file's bytes, as the registry does."""
    from ..loader import read_bytes
    from ..validate import build

    deal, problems = build(name, read_bytes(name, data, positions=False))
    if deal is None:
        deal, problems = build(name, read_bytes(name, data))
    if deal is None:
        raise UsageError(f"{name} is not a valid deal file\n" + _problems(problems))
    return deal


def _problems(problems: list[Problem]) -> str:
    return str(DealFileError("", [p for p in problems if not p.warning]))
