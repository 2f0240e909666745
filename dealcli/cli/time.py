"""Commands about time: pace (against the deadline) and diff (two versions of a deal)."""

from typing import Annotated

import typer

from ..core.table import Report
from .options import AsOf, DealArg, Session, data_command


@data_command("pace", drawn=True)
def pace(session: Session, drawn: bool, deal: DealArg, as_of: AsOf = None) -> Report:
    """Selected money over time, and the pace the deadline asks for.

    A step for each day the selected total changed; against the deadline (the end of
    the deal's period): selected so far, what remains, the years left, the yearly pace
    needed and the pace so far since signing; with an annual cap, the years the
    remainder needs at the cap. In a terminal, a chart of the steps against the
    straight line to the pledged amount at the deadline; other formats give the tables.

    \b
    Example:
        deal pace japan
        deal pace japan --as-of 2026-03-31 -f json
        deal pace korea --svg korea-pace.svg
    """
    from .. import api

    return api.pace(session.resolve(deal).deal, as_of, drawn=drawn)


@data_command("diff")
def diff(
    session: Session,
    old: Annotated[
        str,
        typer.Argument(
            help="The old version: a deal name, a deal file, or git:REV:PATH.",
            metavar="OLD",
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(help="The new version, in the same forms.", metavar="NEW"),
    ],
) -> tuple[Report, int]:
    """What changed between two versions of a deal (or of a context record), item by item.

    Added, removed and changed allocations, tranches, terms, commitments, events and
    sources, each changed field with its old and new value, and the change in totals.
    A version is a deal name, a deal file, or git:REV:PATH (read with `git cat-file
    blob REV:PATH`, the path from the top of the repository). Exit 0 when the two are the
    same, 1 when they differ, 2 on usage errors, as diff does.

    \b
    Example:
        deal diff git:HEAD~5:deals/japan.yaml deals/japan.yaml
        deal diff japan my-japan.yaml -f json
        deal diff git:HEAD~1:deals/context/us-tariffs.yaml us-tariffs
    """
    from ..core.errors import UsageError
    from ..core.versions import read_version
    from ..views.diff import diff as view
    from ..views.diff import same

    registry = session.registry()
    child = session.env.child  # git, if a version is read from it, gets this environment
    a, b = read_version(registry, old, child), read_version(registry, new, child)
    if type(a) is not type(b):
        kinds = {"Deal": "a deal", "Context": "a context record"}
        raise UsageError(
            f"{old} is {kinds[type(a).__name__]} and {new} {kinds[type(b).__name__]}: "
            "compare two versions of one kind"
        )
    report = view(a, b, old, new)
    return report, 0 if same(report) else 1
