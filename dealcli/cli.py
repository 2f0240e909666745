"""The command line: parse arguments, call a view, hand its report to the output layer.

No business rules and no formatting live here.
"""

import functools
import inspect
import json
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.core import Context as ClickContext
from typer._click.exceptions import ClickException

from . import __version__
from .errors import DealError, DealFileError, Exit, PipeClosed, UsageError
from .output import Request, emit
from .registry import Entry, Registry, load
from .table import Report


class DealGroup(typer.core.TyperGroup):
    """Turns the program's own errors into a message on stderr and their exit code."""

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except DealError as exc:
            text = str(exc) if isinstance(exc, DealFileError) else f"deal: error: {exc}"
            print(text, file=sys.stderr)
            ctx.exit(int(exc.exit_code))


app = typer.Typer(
    name="deal",
    cls=DealGroup,
    help=(
        "Explore and compare state-backed investment deals, every figure traced to a source.\n\n"
        "Data commands print a table in a terminal and tab-separated text into a pipe;\n"
        "choose with --format (table, plain, csv, tsv, json, jsonl, markdown).\n\n"
        "Exit codes: 0 success, 1 invalid deal data, 2 usage (bad option, unknown deal),\n"
        "3 internal error, 130 interrupted, 141 output pipe closed."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,  # help is shown as written: brackets stay, examples keep their lines
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class State:
    deals_dirs: list[Path] = field(default_factory=list)
    strict: bool = False
    _registry: Registry | None = None

    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = load(self.deals_dirs)
            for note in self._registry.notices:
                _warn(note)
            for problem in self._registry.problems:
                _warn(str(problem))
            if self.strict and self._registry.problems:
                raise DealError("--strict: stopping at the problems above")
        return self._registry

    def resolve(self, name: str) -> Entry:
        return self.registry().resolve(name)


STATE = State()


def _warn(text: str) -> None:
    print(f"deal: {text}", file=sys.stderr)


def _version(value: bool) -> None:
    if value:
        print(f"deal {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    deals_dir: Annotated[
        list[Path] | None,
        typer.Option(
            "--deals-dir",
            help="Also read deals from DIR (repeatable; read after DEAL_PATH; "
            "a later deal with the same id wins).",
            metavar="DIR",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at any broken deal file instead of skipping it.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of internal errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Explore and compare state-backed investment deals."""
    STATE.deals_dirs = list(deals_dir or [])
    STATE.strict = strict
    STATE._registry = None
    # --debug is read by run() from the raw arguments, so it covers errors while parsing too


# -- shared options ----------------------------------------------------------


def _complete_deal(incomplete: str) -> list[str]:
    try:
        names = load(STATE.deals_dirs).completions()
    except Exception:  # completion must never crash the shell
        return []
    return [n for n in names if n.startswith(incomplete.lower())]


def _complete_format(incomplete: str) -> list[str]:
    from .render import FORMATS

    return [f for f in FORMATS if f.startswith(incomplete)]


DealArg = Annotated[
    str,
    typer.Argument(
        help="Deal id or alias, e.g. japan, jp, korea.",
        autocompletion=_complete_deal,
        metavar="DEAL",
    ),
]


def deals_arg(help: str) -> Any:
    """An optional list of deal names, all deals when left out."""
    return typer.Argument(help=help, autocompletion=_complete_deal, metavar="DEAL")


OUTPUT_PARAMS = [
    inspect.Parameter(
        "format_",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            str | None,
            typer.Option(
                "--format",
                "-f",
                help="table, plain, csv, tsv, json, jsonl or markdown. Default: table in a "
                "terminal, plain (tab-separated, no colour, nothing cut) into a pipe or file.",
                autocompletion=_complete_format,
                metavar="FORMAT",
            ),
        ],
    ),
    inspect.Parameter(
        "columns",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            str | None,
            typer.Option(
                "--columns", help="Columns to show, in order: a,b,c (csv names).", metavar="A,B,C"
            ),
        ],
    ),
    inspect.Parameter(
        "no_header",
        inspect.Parameter.KEYWORD_ONLY,
        default=False,
        annotation=Annotated[
            bool, typer.Option("--no-header", help="Leave out the header row (csv, tsv, plain).")
        ],
    ),
    inspect.Parameter(
        "output",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                help="Write to FILE (atomically) instead of stdout; the format follows its suffix.",
                metavar="FILE",
            ),
        ],
    ),
    inspect.Parameter(
        "bom",
        inspect.Parameter.KEYWORD_ONLY,
        default=False,
        annotation=Annotated[
            bool,
            typer.Option("--bom", help="Start csv/tsv with a UTF-8 byte-order mark (for Excel)."),
        ],
    ),
    inspect.Parameter(
        "raw",
        inspect.Parameter.KEYWORD_ONLY,
        default=False,
        annotation=Annotated[
            bool,
            typer.Option(
                "--raw", help="Do not defuse text cells that start with = + - @ in csv/tsv."
            ),
        ],
    ),
    inspect.Parameter(
        "sources",
        inspect.Parameter.KEYWORD_ONLY,
        default=False,
        annotation=Annotated[
            bool,
            typer.Option("--sources", help="Add a column with the source numbers behind each row."),
        ],
    ),
]
OUTPUT_PARAMS += [
    inspect.Parameter(
        kind,
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            Path | None,
            typer.Option(
                f"--{kind}",
                help=f"Save the picture a terminal shows as {kind.upper()} to FILE "
                "(instead of printing); text is escaped.",
                metavar="FILE",
            ),
        ],
    )
    for kind in ("svg", "html")
]
_OUTPUT_NAMES = [p.name for p in OUTPUT_PARAMS]


def data_command(name: str) -> Callable[[Callable[..., Report]], Callable[..., None]]:
    """Register a view-returning function as a command with every output option."""

    def decorate(func: Callable[..., Report]) -> Callable[..., None]:
        sig = inspect.signature(func)

        @functools.wraps(func)
        def command(**kwargs: Any) -> None:
            picked = {k: kwargs.pop(k) for k in _OUTPUT_NAMES}
            picked["format"] = picked.pop("format_")
            report = func(**kwargs)
            emit(report, Request(**picked))

        params = [*sig.parameters.values(), *OUTPUT_PARAMS]
        command.__signature__ = sig.replace(parameters=params, return_annotation=None)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in params}
        app.command(name)(command)
        return command

    return decorate


# -- data commands -------------------------------------------------------------


@data_command("list")
def list_deals() -> Report:
    """List every deal: bundled, then DEAL_PATH folders, then --deals-dir.

    \b
    Example:
        deal list
        deal list -f json | python -m json.tool
    """
    from .views.analysis import listing

    entries = STATE.registry().entries.values()
    return listing((e.summary, e.origin) for e in entries)


@data_command("show")
def show(
    deal: DealArg,
    section: Annotated[
        list[str] | None,
        typer.Option(
            "--section",
            "-s",
            metavar="NAME",
            help="Only this section [repeatable]: overview, totals, structure, sectors, companies, "
            "allocations, terms, commitments, timeline, sources. csv/tsv/plain of several sections "
            "come in long form, with a first 'section' column.",
        ),
    ] = None,
) -> Report:
    """Show a whole deal: totals, sectors, companies, terms, commitments, timeline, sources.

    \b
    Example:
        deal show japan
        deal show korea --section terms --section commitments
        deal show japan -f csv > japan.csv
    """
    from .views.show import show as view

    return view(STATE.resolve(deal).deal, section or [])


@data_command("allocations")
def allocations(
    deal: DealArg,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            help="Group by sector, subsector, company, country, status, basis, tranche "
            "or instrument.",
        ),
    ] = "sector",
    status: Annotated[
        str | None,
        typer.Option(
            "--status", help="Only allocations of this status (candidate, selected, funded, ...)."
        ),
    ] = None,
    sector: Annotated[str | None, typer.Option("--sector", help="Only this sector.")] = None,
    top: Annotated[
        int | None, typer.Option("--top", min=1, help="Keep the N largest groups; fold the rest.")
    ] = None,
    sort: Annotated[str, typer.Option("--sort", help="amount or name.")] = "amount",
) -> Report:
    """Where the money goes, grouped: amount, share of the headline and of the total.

    Candidates and committed money are separate columns unless --status picks one.

    \b
    Example:
        deal allocations japan --by sector
        deal allocations japan --by company --top 5 -f csv > japan.csv
    """
    from .model import ALLOCATION_STATUSES
    from .views.analysis import allocations_by

    if status is not None and status not in ALLOCATION_STATUSES:
        raise UsageError(
            f"unknown status '{status}'; choose one of {', '.join(ALLOCATION_STATUSES)}"
        )
    if sort not in ("amount", "name"):
        raise UsageError("--sort takes amount or name")
    return allocations_by(STATE.resolve(deal).deal, by, status, sector, top, sort)


@data_command("companies")
def companies(
    deals: Annotated[
        list[str] | None,
        deals_arg("Deals to include (default: all)."),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", help="Only companies from this country (JP, US, ...)."),
    ] = None,
    role: Annotated[str | None, typer.Option("--role", help="lead or partner.")] = None,
) -> Report:
    """Companies behind the projects: home country, role, deals, amount led.

    \b
    Example:
        deal companies japan --country JP
        deal companies --role lead -f csv
    """
    from .views.analysis import companies as view

    if role is not None and role not in ("lead", "partner"):
        raise UsageError("--role takes lead or partner")
    return view(_deals(deals), country, role)


@data_command("compare")
def compare(
    deals: Annotated[
        list[str],
        typer.Argument(help="Two or more deals.", autocompletion=_complete_deal, metavar="DEAL"),
    ],
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Only totals, terms, sectors or commitments (repeatable)."),
    ] = None,
) -> Report:
    """Compare deals side by side: totals, GDP share, terms, sectors, commitments.

    \b
    Example:
        deal compare japan korea
        deal compare japan korea --only terms -f csv
    """
    from .views.compare import compare as view

    return view(_deals(deals), only)


@data_command("flows")
def flows(deal: DealArg) -> Report:
    """Who leads the money: amounts by the home country of the lead companies.

    \b
    Example:
        deal flows japan
    """
    from .views.analysis import flows as view

    return view(STATE.resolve(deal).deal)


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} takes a date as YYYY-MM-DD, not '{value}'") from None


@data_command("timeline")
def timeline(
    deals: Annotated[
        list[str] | None,
        deals_arg("Deals to merge (default: all)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")
    ] = None,
) -> Report:
    """Events of one or more deals, merged and sorted by date.

    \b
    Example:
        deal timeline japan korea --since 2026-01-01
    """
    from .views.analysis import timeline as view

    return view(_deals(deals), _day(since, "--since"), _day(until, "--until"))


@data_command("chart")
def chart(
    deals: Annotated[
        list[str],
        typer.Argument(
            help="A deal, or with --compare two or more.",
            autocompletion=_complete_deal,
            metavar="DEAL",
        ),
    ],
    by: Annotated[str, typer.Option("--by", help="sector, company, country or status.")] = "sector",
    compare: Annotated[
        bool, typer.Option("--compare", help="Sectors of two or more deals side by side.")
    ] = False,
) -> Report:
    """Bar chart of where the money goes, with the headline and uncommitted for scale.

    In a terminal the bars are drawn in colour to its width; into a pipe in plain
    characters. Other formats give the chart's numbers.

    \b
    Example:
        deal chart japan
        deal chart japan --by company
        deal chart --compare japan korea
        deal chart japan --svg japan.svg
    """
    from .views.chart import chart as view
    from .views.chart import chart_compare

    if compare:
        return chart_compare(_deals(deals))
    if len(deals) != 1:
        raise UsageError("chart takes one deal; use --compare for two or more")
    return view(STATE.resolve(deals[0]).deal, by)


@app.command("export")
def export(
    deals: Annotated[
        list[str] | None,
        deals_arg("Deals to export (default: all)."),
    ] = None,
    format_: Annotated[
        str, typer.Option("--format", "-f", help="sqlite, json or csv.", metavar="FORMAT")
    ] = "sqlite",
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The file (sqlite, json) or folder (csv) to write.",
            metavar="PATH",
        ),
    ] = Path("deals.db"),
) -> None:
    """Export the data set: a normalised SQLite database, one JSON document, or CSV files.

    Amounts are exact: text decimals (usd_bn) beside whole thousands of dollars
    (usd_thousands). The file is written afresh each time, atomically.

    \b
    Example:
        deal export -f sqlite -o deals.db && datasette deals.db
        deal export japan -f json -o japan.json
        deal export -f csv -o deals-csv/
    """
    from .export import export as run_export

    run_export(_deals(deals), format_, output)


@data_command("sources")
def sources(deal: DealArg) -> Report:
    """The numbered sources of a deal (the numbers --sources shows).

    \b
    Example:
        deal sources japan -f csv
    """
    from .views.show import show as view

    return view(STATE.resolve(deal).deal, ["sources"])


@data_command("search")
def search(
    text: Annotated[str, typer.Argument(help="Text to look for (case-insensitive).")],
) -> Report:
    """Search titles, companies, terms, commitments and events of every deal.

    \b
    Example:
        deal search hitachi
    """
    from .views.analysis import search as view

    return view(STATE.registry().deals(), text)


def _deals(names: list[str] | None) -> list[Any]:
    if not names:
        return STATE.registry().deals()
    return [STATE.resolve(n).deal for n in names]


# -- file commands -------------------------------------------------------------


@app.command("validate")
def validate(
    paths: Annotated[
        list[Path], typer.Argument(help="Deal files or folders of them.", metavar="PATH")
    ],
) -> None:
    """Check deal files against the format; list every problem of every file.

    Exits 0 when all files are valid (warnings allowed), 1 otherwise.

    \b
    Example:
        deal validate deals/
        deal validate my-deal.yaml
    """
    from .check import check

    outcome = check(paths)
    for line in outcome.lines:
        print(line)
    sys.stdout.flush()  # the problems first, then the summary, also when both go to one place
    print(outcome.summary(), file=sys.stderr)
    if outcome.invalid:
        raise typer.Exit(Exit.DATA)


@app.command("schema")
def schema() -> None:
    """Print the deal format as JSON Schema, generated from the model.

    \b
    Example:
        deal schema > deal.schema.json
    """
    from .validate import json_schema

    print(json.dumps(json_schema(), indent=2))


# -- running -----------------------------------------------------------------------


def run(argv: list[str] | None = None) -> None:
    """Entry point: turn every outcome into a documented exit code, never a traceback."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or bool(os.environ.get("DEAL_DEBUG"))
    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="deal", standalone_mode=False)
    except typer.Abort:
        code = Exit.INTERRUPTED
    except KeyboardInterrupt:
        code = Exit.INTERRUPTED
    except PipeClosed:
        code = _pipe_closed()
    except Exception as exc:
        code = _report(exc, debug)
    if isinstance(code, int) and code:
        sys.exit(code)


def _pipe_closed() -> int:
    # The Python docs' pattern: point stdout at devnull so the final flush is quiet.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return Exit.BROKEN_PIPE


def _report(exc: Exception, debug: bool) -> int:
    if isinstance(exc, ClickException):
        exc.show()
        return int(exc.exit_code)
    if debug:
        traceback.print_exc()
    else:
        stamp = datetime.now().isoformat(timespec="seconds")
        print(
            f"deal: internal error: {type(exc).__name__}: {exc}\n"
            f"  this is a bug in deal {__version__} ({stamp}); please report it with the command "
            "you ran and the traceback that --debug prints",
            file=sys.stderr,
        )
    return int(Exit.INTERNAL)
