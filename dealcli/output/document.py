"""`deal export -f json`: every deal as its file would hold it, in one JSON array."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from ..core.model import Deal
from ..render.jsonfmt import dumps
from .files import write_output


def document(deal: Deal) -> dict[str, Any]:
    """A deal as its file would hold it: YAML keys, defaults left out."""

    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            out = {}
            for f in dataclasses.fields(value):
                v = getattr(value, f.name)
                if v is None or v == () or (f.name == "party" and v == "investor"):
                    continue
                out[f.name.rstrip("_")] = plain(v)
            return out
        if isinstance(value, tuple):
            return [plain(v) for v in value]
        return value

    result: dict[str, Any] = plain(deal)
    return result


def to_json(deals: Iterable[Deal], path: Path, stdout: TextIO | None = None) -> None:
    """One JSON array, written a deal at a time (to stdout, `-o -`, as one text)."""

    def pieces() -> Iterator[str]:
        yield "[\n"
        for n, d in enumerate(deals):
            yield (",\n" if n else "") + dumps(document(d))
        yield "\n]\n"

    if str(path) == "-" and stdout is not None:
        write_output(path, "".join(pieces()), stdout=stdout)
    else:
        write_output(path, (p.encode("utf-8") for p in pieces()))
