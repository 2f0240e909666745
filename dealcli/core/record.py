"""The base of the frozen dataclasses: equality, a hash and a repr written once."""

from __future__ import annotations


class Record:
    """What the frozen dataclasses share: equality, a hash and a repr over its fields,
    as dataclasses would generate them. Written once here: dataclasses compiles each
    method it generates when the module is imported, and every run pays for that."""

    __slots__ = ()
    __match_args__: tuple[str, ...]  # the fields, in order (set by @dataclass)

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__match_args__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__match_args__)
        return f"{self.__class__.__qualname__}({fields})"
