"""deal: explore and compare state-backed investment deals, every figure traced to a source.

    >>> import dealcli
    >>> deals = dealcli.load()
    >>> deals["japan"].headline.usd_bn
    Decimal('550')

The public API is what `__all__` lists (docs/api.md); every other module is private.
Names are imported on first use, so `import dealcli` stays cheap.
"""

from __future__ import annotations

from .core import VERSION as __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (as type checkers read it)

# name -> the module that defines it
_WHERE = {
    "load": "api",
    "Deals": "api",
    "validate": "api",
    "list_deals": "api",
    "show": "api",
    "allocations": "api",
    "companies": "api",
    "compare": "api",
    "flows": "api",
    "chart": "api",
    "pace": "api",
    "returns": "api",
    "diff": "api",
    "sources": "api",
    "check_sources": "api",
    "search": "api",
    "timeline": "api",
    "context_records": "api_context",
    "context_timeline": "api_context",
    "Deal": "core.model",
    "Report": "core.table",
    "Table": "core.table",
    "Column": "core.table",
    "Problem": "core.errors",
    "DealError": "core.errors",
    "DealFileError": "core.errors",
    "UsageError": "core.errors",
}

__all__ = [
    "Column",
    "Deal",
    "DealError",
    "DealFileError",
    "Deals",
    "Problem",
    "Report",
    "Table",
    "UsageError",
    "__version__",
    "allocations",
    "chart",
    "check_sources",
    "companies",
    "compare",
    "context_records",
    "context_timeline",
    "diff",
    "flows",
    "list_deals",
    "load",
    "pace",
    "returns",
    "search",
    "show",
    "sources",
    "timeline",
    "validate",
]

if TYPE_CHECKING:
    from .api import (
        Deals,
        allocations,
        chart,
        check_sources,
        companies,
        compare,
        diff,
        flows,
        list_deals,
        load,
        pace,
        returns,
        search,
        show,
        sources,
        timeline,
        validate,
    )
    from .api_context import context_records, context_timeline
    from .core.errors import DealError, DealFileError, Problem, UsageError
    from .core.model import Deal
    from .core.table import Column, Report, Table


def __getattr__(name: str) -> object:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'dealcli' has no attribute {name!r}")
    # __import__ rather than importlib, which alone would double the cost of `import dealcli`
    value = getattr(__import__(f"{__name__}.{where}", fromlist=[name]), name)
    globals()[name] = value  # found once
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
