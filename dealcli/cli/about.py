"""The run as a workbook's first sheet tells it: the command line, the as-of date, the deals
and their sources, read from the command's context."""

from typing import Any

import typer

from ..render import About


def about(ctx: typer.Context) -> About:
    """What a workbook's first sheet says of the run: the command line, the deals it read,
    their sources."""
    import shlex  # only when a workbook is written

    words = ["deal"]
    for c in reversed([*_parents(ctx)]):
        if c.parent is not None:
            words.append(c.info_name or "")
        words += _params(c)
    as_of = ctx.params.get("as_of")
    session = ctx.find_root().obj
    deals: list[Any] = []
    if session is not None and hasattr(session, "deals"):
        single = ctx.params.get("deal")
        deals = [session.resolve(single).deal] if single else session.deals(ctx.params.get("deals"))
    return About(
        command=shlex.join(words),
        as_of="" if as_of is None else str(as_of),
        deals=tuple((d.id, d.title, d.updated.isoformat()) for d in deals),
        sources=tuple(
            (d.id, n, s.title, s.publisher, s.date.isoformat(), s.url)
            for d in deals
            for n, s in enumerate(d.sources, 1)
        ),
    )


def _parents(ctx: Any) -> list[Any]:
    out = []
    while ctx is not None:
        out.append(ctx)
        ctx = ctx.parent
    return out


_WHERE = ("out_format", "out_output")  # where the result went, not what it holds


def _params(ctx: Any) -> list[str]:
    """A context's arguments and the options that differ from their defaults, as words
    (less -f and -o: the same data gives the same workbook, by -o or by `>`)."""
    words: list[str] = []
    for p in ctx.command.params:
        if p.name in _WHERE:
            continue
        v = ctx.params.get(p.name)
        if v is None or v is False or v == () or v == [] or v == p.default:
            continue
        values = v if isinstance(v, list | tuple) else [v]
        texts = [str(getattr(x, "value", x)) for x in values]
        if p.param_type_name == "argument":
            words += texts
        elif v is True:
            words.append(p.opts[0])
        else:
            for t in texts:
                words += [p.opts[0], t]
    return words
