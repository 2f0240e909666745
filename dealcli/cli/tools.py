"""Commands that work on files: validate, schema, export."""

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.errors import Exit, UsageError
from ..gates import clean
from ..output.export import FORMATS as EXPORT_FORMATS
from ..output.files import print_lines, write_stdout
from .app import app, session
from .help import DealCommand
from .options import DEALS_DIR, choice, deals_arg, value

if TYPE_CHECKING:  # choices are Enums at run time, their text to the type checker
    ExportFormat = str
else:
    ExportFormat = choice("ExportFormat", EXPORT_FORMATS)


@app.command("export", cls=DealCommand)
def export(
    ctx: typer.Context,
    deals: Annotated[list[str] | None, deals_arg("Deals to export (default: all).")] = None,
    format_: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format", "-f", help="What to write  [default: sqlite]", case_sensitive=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The file (sqlite, json) or folder (csv) to write  [default: deals.db]",
            metavar="PATH",
        ),
    ] = None,
    deals_dir: Annotated[list[Path] | None, DEALS_DIR] = None,
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
    from ..output.export import export as run_export

    run = session(ctx)
    run.deals_dirs += deals_dir or []
    fmt = value(format_) or (run.format or "sqlite").lower()
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"export -f takes {', '.join(EXPORT_FORMATS)}, not '{fmt}'")
    every = run.registry().each_deal() if not deals else run.deals(deals)  # one at a time
    run_export(every, fmt, output or run.output or Path("deals.db"), run.env.stdout)


@app.command("validate", cls=DealCommand)
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help="Deal files or folders of them.", metavar="PATH")
    ],
) -> None:
    """Check deal files against the format; list every problem of every file.

    The problems are the report: they go to stdout, one `file:line:column: error: ...` each
    with its hint; the count of files checked goes to stderr. Exits 0 when all files are
    valid (warnings allowed), 1 otherwise.

    \b
    Example:
        deal validate deals/
        deal validate my-deal.yaml
    """
    from ..core.validate import validate_files

    outcome = validate_files(paths)
    env = session(ctx).env
    print_lines((clean(line) for line in outcome.lines), env.stdout)  # problems, then summary
    print(clean(outcome.summary()), file=env.stderr)
    if outcome.invalid:
        raise typer.Exit(Exit.DATA)


@app.command("schema", cls=DealCommand)
def schema(ctx: typer.Context) -> None:
    """Print the deal format as JSON Schema, generated from the model.

    \b
    Example:
        deal schema > deal.schema.json
    """
    from ..core.build import json_schema

    write_stdout(json.dumps(json_schema(), indent=2) + "\n", session(ctx).env.stdout)
