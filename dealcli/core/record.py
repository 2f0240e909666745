"""The bases of the model's dataclasses: construction, equality, a repr and, for the
frozen ones, immutability and a hash, each written once.

`dataclasses` compiles each method it generates (__init__, __repr__, __eq__, and
__setattr__ and __delattr__ when frozen) while the module is imported, and every run
would pay for that: about a million instructions a method. The decorators here make
dataclasses that generate none; `fields`, `replace` and `is_dataclass` work on them as
on any dataclass, and type checkers read them as dataclasses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")

# per class: its field names in order, the defaults and the default factories
_Layout = tuple[tuple[str, ...], dict[str, Any], dict[str, Callable[[], Any]]]
_LAYOUTS: dict[type, _Layout] = {}


@overload
def record(cls: type[_T], /) -> type[_T]: ...
@overload
def record(*, slots: bool = False) -> Callable[[type[_T]], type[_T]]: ...
@dataclass_transform(frozen_default=True, eq_default=False)
def record(cls: Any = None, /, *, slots: bool = False) -> Any:
    """`cls` (a Record) as a frozen dataclass whose methods are Record's."""
    return _fields_of(cls, slots)


@overload
def plain(cls: type[_T], /) -> type[_T]: ...
@overload
def plain(*, slots: bool = False) -> Callable[[type[_T]], type[_T]]: ...
@dataclass_transform(eq_default=False)
def plain(cls: Any = None, /, *, slots: bool = False) -> Any:
    """`cls` (a Plain) as a dataclass whose fields can change, with Plain's methods."""
    return _fields_of(cls, slots)


def _fields_of(cls: Any, slots: bool) -> Any:
    make = dataclasses.dataclass(init=False, repr=False, eq=False, slots=slots)
    return make if cls is None else make(cls)


def _layout(cls: type) -> _Layout:
    names, defaults, factories = [], {}, {}
    for f in dataclasses.fields(cls):
        names.append(f.name)
        if f.default is not dataclasses.MISSING:
            defaults[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            factories[f.name] = f.default_factory
    made = _LAYOUTS[cls] = (tuple(names), defaults, factories)
    return made


class Plain:
    """What the dataclasses share, as `dataclasses` would generate it: an __init__ over
    the fields (with their defaults), equality and a repr over the fields. Like a
    dataclass with eq that is not frozen, it has no hash (its __eq__ unsets it)."""

    __slots__ = ()
    __match_args__: tuple[str, ...]  # the fields, in order (set by @dataclass)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        names, defaults, factories = _LAYOUTS.get(cls) or _layout(cls)
        if len(args) > len(names):
            raise TypeError(
                f"{cls.__qualname__}() takes {len(names)} positional arguments"
                f" but {len(args)} were given"
            )
        values = dict(zip(names, args, strict=False))
        for name, value in kwargs.items():
            if name in values:
                raise TypeError(f"{cls.__qualname__}() got multiple values for argument {name!r}")
            values[name] = value
        if len(values) != len(names):
            for name in names:
                if name in values:
                    continue
                if name in defaults:
                    values[name] = defaults[name]
                elif name in factories:
                    values[name] = factories[name]()
                else:
                    raise TypeError(f"{cls.__qualname__}() missing argument {name!r}")
            if len(values) != len(names):
                unknown = next(n for n in values if n not in names)
                raise TypeError(
                    f"{cls.__qualname__}() got an unexpected keyword argument {unknown!r}"
                )
        put = object.__setattr__  # not self's own: a Record refuses every assignment
        for name in names:
            put(self, name, values[name])
        if hasattr(self, "__post_init__"):
            self.__post_init__()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__match_args__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__match_args__)
        return f"{self.__class__.__qualname__}({fields})"


class Record(Plain):
    """A Plain that cannot be changed once built, and so can be hashed."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(self._values())

    def __getstate__(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__match_args__}

    def __setstate__(self, state: dict[str, object]) -> None:  # pickle and copy, slots or not
        for name, value in state.items():
            object.__setattr__(self, name, value)
