"""The frozen records (core/record.py): they are built, compared and refused changes as
the dataclasses they stand for would be."""

import dataclasses
import pickle

import pytest

from dealcli.core import model
from dealcli.core.record import Plain, Record, record
from dealcli.output import Request
from dealcli.render import Options


@record
class _Point(Record):
    x: int
    y: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)


def test_arguments_by_position_keyword_and_default() -> None:
    assert (_Point(1).x, _Point(1).y, _Point(1).tags) == (1, 0, [])
    assert _Point(1, 2) == _Point(y=2, x=1)
    assert _Point(1, 2) != _Point(1, 3)
    assert _Point(1).tags is not _Point(1).tags  # a factory's value is made per instance
    assert repr(_Point(1, 2, ["a"])) == "_Point(x=1, y=2, tags=['a'])"
    assert hash(model.Party(name="Japan", code="JP")) == hash(model.Party("Japan", "JP"))


@pytest.mark.parametrize(
    ("args", "kwargs", "words"),
    [
        ((), {}, "missing argument 'x'"),
        ((1, 2, [], 4), {}, "takes 3 positional arguments but 4 were given"),
        ((1,), {"x": 2}, "multiple values for argument 'x'"),
        ((1,), {"z": 2}, "unexpected keyword argument 'z'"),
        ((), {"y": 1, "z": 2}, "missing argument 'x'"),
    ],
)
def test_wrong_arguments_are_refused(args: tuple, kwargs: dict, words: str) -> None:
    with pytest.raises(TypeError, match=words):
        _Point(*args, **kwargs)


def test_a_record_cannot_be_changed_and_replace_makes_a_new_one() -> None:
    point = _Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.y
    moved = dataclasses.replace(point, y=5)
    assert (point.y, moved.x, moved.y) == (0, 1, 5)
    assert [f.name for f in dataclasses.fields(_Point)] == ["x", "y", "tags"]


def test_records_survive_a_copy_and_pickle() -> None:
    deal = model.Party(name="Japan", code="JP", sources=("s1",))
    assert pickle.loads(pickle.dumps(deal)) == deal
    assert Options(format="csv").format == "csv" and Request().format is None


def test_an_init_written_out_takes_the_fields_in_order() -> None:
    import inspect

    from dealcli.core.problems import Pos
    from dealcli.core.totals import Group
    from dealcli.views.companies import CompanyRow

    cases = ((Pos, (3, 4, "x", None)), (Group, ("Energy",)), (CompanyRow, ("Toyota", "JP", "lead")))
    for cls, args in cases:
        params = list(inspect.signature(cls.__init__).parameters)[1:]
        assert params == [f.name for f in dataclasses.fields(cls)]
        own = cls(*args)
        generic = cls.__new__(cls)
        Plain.__init__(generic, *args)  # what the fields alone would build
        assert own == generic
