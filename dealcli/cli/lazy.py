"""Commands imported only when they run: Click's lazy group pattern.

A run of `deal show` imports the module of `show` and no other; help and shell
completion, which list every command with its short help, import them all.
The group's `commands` is a mapping that names every command from the start
and builds one on first use, so Click's own lookups (and its "did you mean")
see every name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

# name: module of dealcli.cli that defines it, in the order `deal --help` lists them
COMMANDS = {
    "list": "browse",
    "show": "browse",
    "sources": "browse",
    "search": "browse",
    "timeline": "browse",
    "allocations": "analyse",
    "companies": "analyse",
    "compare": "analyse",
    "flows": "analyse",
    "chart": "analyse",
    "returns": "returns",
    "pace": "time",
    "diff": "time",
    "export": "tools",
    "validate": "tools",
    "schema": "tools",
}


def import_all() -> None:
    """Every command module (what help and completion need)."""
    for module in dict.fromkeys(COMMANDS.values()):
        importlib.import_module(f"dealcli.cli.{module}")


class LazyCommands(MutableMapping[str, Any]):
    """Commands by name: those built, then the others of `lazy`, built by `build(name)`
    after their module is imported."""

    def __init__(
        self, built: MutableMapping[str, Any], lazy: dict[str, str], build: Callable[[str], Any]
    ) -> None:
        self._built = dict(built)
        self._lazy = lazy
        self._build = build

    def _names(self) -> list[str]:
        return list(dict.fromkeys([*self._lazy, *self._built]))

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in self._lazy:
                raise KeyError(name)
            importlib.import_module(f"dealcli.cli.{self._lazy[name]}")
            self._built[name] = self._build(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def __contains__(self, name: object) -> bool:
        return name in self._built or name in self._lazy
