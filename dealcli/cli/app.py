"""The application: the command group, its global options, the session and the exit codes.

Every outcome of a run becomes one documented exit code; errors are one or
two lines on stderr in one voice, `deal: error: ...`, never a traceback
unless `--debug` asks for one.
"""

import atexit
import gc
import os
import sys
import traceback
from collections.abc import Callable, Mapping
from dataclasses import field, replace
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, ClassVar, NoReturn

import typer

from .. import __version__
from ..core.environment import Environment
from ..core.errors import DealError, DealFileError, Exit, PipeClosed, UsageError
from ..core.record import Plain, plain
from ..core.registry import Registry, open_registry
from ..core.shelf import Entry
from ..gates import clean
from ..output import streams
from ..output.files import Terminated, handle_sigterm, interrupted_exit
from ..output.streams import OutputError
from .help import format_group_help, paged, show_help
from .lazy import COMMANDS, LazyCommands
from .progress import progress_for
from .usage import ClickException, usage_message


class DealGroup(typer.core.TyperGroup):
    """Runs a command and turns every outcome into its exit code, in the program's own voice.

    The commands named in `lazy` (name: module) are imported when they run (cli/lazy.py).
    """

    lazy: ClassVar[dict[str, str]] = {}

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        if self.lazy:
            self.commands = LazyCommands(self.commands, self.lazy, _build_command)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        format_group_help(self, ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        return paged(super().get_help_option(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:  # `deal` alone: the help, as --help
            show_help(ctx, None, True)
        return list(super().parse_args(ctx, args))

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: Any = None,
        standalone_mode: bool = True,
        environ: Mapping[str, str] | None = None,
        **kw: Any,
    ) -> Any:
        """Run with the process's environment, or `environ` in its place (the streams are
        the process's either way)."""
        argv = sys.argv[1:] if args is None else list(args)
        restore = handle_sigterm()
        unguard = guard()  # before the environment is read: it keeps the streams
        try:
            env = Environment.from_process(environ)
            debug = "--debug" in argv or env.debug
            for note in env.notes:
                warn(note)
            kw.setdefault("obj", env)  # the callback makes it the session's
            code = self._outcome(argv, prog_name or "deal", debug, kw)
        except (KeyboardInterrupt, Terminated) as exc:  # while another outcome was reported
            code = interrupted_exit(exc)
        finally:
            unguard()
            restore()
        if standalone_mode and code:
            sys.exit(code)
        return code

    def _outcome(self, argv: list[str], prog_name: str, debug: bool, kw: Any) -> int:
        try:
            code = super().main(argv, prog_name, standalone_mode=False, **kw)
            sys.stdout.flush()  # the last of the output: a failure here is the run's too
        except typer.Abort:  # Click's word for a KeyboardInterrupt
            code = Exit.INTERRUPTED
        except (KeyboardInterrupt, Terminated) as exc:  # Ctrl-C, SIGTERM
            code = interrupted_exit(exc)
        except PipeClosed:
            code = pipe_closed()
        except OutputError as exc:
            streams.quiet(sys.stdout)
            code = report_error(exc)
        except DealError as exc:
            code = report_error(exc)
        except ClickException as exc:
            code = _click_error(exc)
        except Exception as exc:
            code = _internal(exc, debug)
        return code if isinstance(code, int) else 0


class Commands(DealGroup):
    """The group of `deal`, its commands imported as they run."""

    lazy = COMMANDS


app = typer.Typer(
    name="deal",
    cls=Commands,
    help=(
        "Explore and compare state-backed investment deals, every figure traced to a source.\n\n"
        "Data commands print a table in a terminal and tab-separated text into a pipe;\n"
        "choose with --format (table, plain, csv, tsv, json, jsonl, markdown, xlsx).\n\n"
        "Exit codes: 0 success, 1 invalid deal data, 2 usage (bad option, unknown deal),\n"
        "3 internal error, 130 interrupted, 141 output pipe closed, 143 terminated."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,  # help is shown as written: brackets stay, examples keep their lines
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _build_command(name: str) -> Any:
    """The Click command of `name`, registered on `app` when its module was imported."""
    for info in app.registered_commands:
        if info.name == name:
            return typer.main.get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
    raise LookupError(f"command {name!r} is not defined in dealcli.cli.{COMMANDS[name]}")


@plain
class Session(Plain):
    """The process's environment, what the global options say, and the registry they lead to
    (read once, on first use)."""

    env: Environment
    deals_dirs: list[Path] = field(default_factory=list)
    strict: bool = False
    # output options given before the command (`deal -f csv show japan`); the command's own win
    format: str | None = None
    output: Path | None = None
    no_pager: bool = False
    _registry: Registry | None = None

    def wish_color(self, wish: str | None) -> None:
        """--color always|never|auto: over NO_COLOR and FORCE_COLOR, as a flag is."""
        if wish:
            self.env = replace(self.env, color=wish)  # type: ignore[arg-type]

    def registry(self) -> Registry:
        if self._registry is None:
            env = self.env
            shown = progress_for(env.stderr, env.color)  # a bar while many files are read afresh
            self._registry = open_registry(
                self.deals_dirs, env.deal_path, env.cache_dir, progress=shown
            )
            for note in self._registry.notices:
                warn(note)
            for problem in self._registry.problems:
                warn(str(problem))
            self._registry.report = warn  # what the registry finds later, said as it is found
            self._registry.strict = self.strict
            if self.strict and self._registry.problems:
                raise DealError("--strict: stopping at the problems above")
        return self._registry

    def resolve(self, name: str) -> Entry:
        return self.registry().resolve(name)

    def deals(self, names: list[str] | None = None) -> list[Any]:
        """The deals named, or every deal when none is named."""
        if not names:
            every = self.registry().deals()
            # they live to the end of the run: the cyclic collector need not walk them again
            # each time the view and the renderer make objects (a third of their time)
            gc.freeze()
            return every
        return [self.resolve(n).deal for n in names]


def session(ctx: typer.Context) -> Session:
    """The session of this run: set by the group's callback, or (in completion) read from
    the arguments parsed so far, since completion never runs the callback."""
    root = ctx.find_root()
    if isinstance(root.obj, Session):
        return root.obj
    env = root.obj if isinstance(root.obj, Environment) else Environment.from_process()
    return Session(env, deals_dirs=[Path(p) for p in root.params.get("deals_dir") or ()])


def say(text: str) -> None:
    """A line for stderr, through the terminal gate: text from files and arguments is data."""
    streams.say(clean(text), sys.stderr)


def guard() -> Callable[[], None]:
    """The process's stdout and stderr guarded for a run (output/streams.py); returns the
    function that puts the previous ones back."""
    out, err = sys.stdout, sys.stderr
    streams.hold_descriptors()
    if not isinstance(out, streams.Stdout):
        sys.stdout = streams.Stdout(streams.Closed() if out is None else out)
    if not isinstance(err, streams.Stderr):  # a closed one too: print(file=None) is stdout
        sys.stderr = streams.Stderr(streams.Closed() if err is None else err)

    def restore() -> None:
        sys.stdout, sys.stderr = out, err

    return restore


def warn(text: str) -> None:
    say(f"deal: {text}")


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"deal {__version__}\n")
        raise typer.Exit()


ColorWhen = Enum("ColorWhen", {w: w for w in ("auto", "always", "never")}, type=str)  # type: ignore[misc]
COLOR = typer.Option(
    "--color",
    help="Colour in a table: auto (in a terminal), always or never; over NO_COLOR and FORCE_COLOR.",
    case_sensitive=False,
)


@app.callback()
def main(
    ctx: typer.Context,
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
    color: Annotated[ColorWhen | None, COLOR] = None,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Print at once, never through $PAGER (less).")
    ] = False,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="The output format of the command (as its own -f).",
            metavar="FORMAT",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to FILE (as the command's own -o).", metavar="FILE"
        ),
    ] = None,
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
    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment.from_process()
    run = Session(env, list(deals_dir or []), strict, format_, output, no_pager)
    run.wish_color(color.value if color else None)
    ctx.obj = run
    if (format_ or output) and ctx.invoked_subcommand in ("validate", "schema"):
        raise UsageError(f"{ctx.invoked_subcommand} writes no data: it takes no -f or -o")
    # --debug is read by run() from the raw arguments, so it covers errors while parsing too


def run(argv: list[str] | None = None) -> None:
    """Entry point of `deal` and `python -m dealcli`: exits with the code of a failure."""
    typer.main.get_command(app).main(args=argv, prog_name="deal")


def leave(code: int) -> NoReturn:
    """End the process with `code` as Python would, without freeing each object of the run
    in turn (10,000 deals' worth is a tenth of a warm run): the streams flushed and the exit
    functions run, then os._exit. A flush that fails or a thread still running: Python's
    own exit instead, which reports or waits as ever."""
    threading = sys.modules.get("threading")
    if not _flushed() or (threading is not None and threading.active_count() > 1):
        sys.exit(code)
    atexit._run_exitfuncs()  # what Python runs at exit (temporary files, logging, ...)
    if not _flushed():  # an exit function may have written
        sys.exit(code)
    os._exit(code)


def _flushed() -> bool:
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:
        return False
    return True


def report_error(exc: DealError) -> int:
    say(str(exc) if isinstance(exc, DealFileError) else f"deal: error: {exc}")
    return int(exc.exit_code)


def pipe_closed() -> int:
    streams.quiet(sys.stdout)  # nothing more is printed, and the flush at exit is quiet
    return Exit.BROKEN_PIPE


def _click_error(exc: Any) -> int:
    """A usage error of Click's in the program's own voice: one line, a hint, exit 2."""
    say(f"deal: error: {usage_message(exc)}")
    code = int(exc.exit_code)  # 2 for a usage error
    ctx = getattr(exc, "ctx", None)
    if ctx is not None and code == Exit.USAGE:
        say(f"  see '{ctx.command_path} --help'")
    return code


def _internal(exc: Exception, debug: bool) -> int:
    if debug:
        traceback.print_exc()
    else:
        stamp = datetime.now().isoformat(timespec="seconds")
        say(
            f"deal: internal error: {type(exc).__name__}: {exc}\n"
            f"  this is a bug in deal {__version__} ({stamp}); please report it with the command "
            "you ran and the traceback that --debug prints"
        )
    return int(Exit.INTERNAL)
