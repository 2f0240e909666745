"""The Python API's context records: the US-wide events deals are read with.

`show()` and `timeline()` take `context=`: a `Deals` whose folders' records are read
(`load()` gives the bundled ones), or None for the bundled records. `context_records()`
gives the records by id, `context_timeline()` is `deal timeline --context`.
"""

from __future__ import annotations

from datetime import date

from .api import Deals, bundled, day_of
from .core.model import Context
from .core.table import Report


def context_records(context: Deals | None = None) -> dict[str, Context]:
    """The context records of `context`'s folders (the bundled ones when None), by id."""
    return (bundled() if context is None else context).registry.records()


def context_timeline(
    *,
    since: date | str | None = None,
    until: date | str | None = None,
    context: Deals | None = None,
) -> Report:
    """`deal timeline --context`: every event of the context records, by date."""
    from .views.context import records_report

    found = context_records(context)
    chosen = [found[k] for k in sorted(found)]
    return records_report(chosen, day_of(since, "since"), day_of(until, "until"))
