"""The value types of a deal file's keys: text, ids, amounts, dates, whole numbers, and the
words a key may take. Each type carries the marker pydantic reads when it validates a file
(`Annotated`); nothing here imports pydantic until a schema is built."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from .chars import HIDDEN

# No pledge comes near USD 10 million bn (a hundred times world GDP); past it a figure is junk,
# and shares of it would need more digits than a Decimal holds.
MAX_AMOUNT = Decimal(10_000_000)
MAX_PLACES = 9  # decimal places of USD billions: to the dollar
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A web address the host check can read (urllib.parse.urlsplit): http or https, an ASCII
# host name (an IDN in its xn-- form), an optional port, then no space, quote, angle
# bracket, backslash, backtick, control or hidden character: nothing that could end an
# HTML attribute or hide what the address is.
URL_PATTERN = (
    r"^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.?(:[0-9]{1,5})?"
    rf'([/?#][^\s"<>\\`\x00-\x1f\x7f-\x9f{HIDDEN}]*)?$'
)
COUNTRY_PATTERN = r"^[A-Z]{2}$"


def _alias(name: str) -> str:
    # `from` is a Python keyword: the field is `from_`, the YAML key `from`.
    return name[:-1] if name.endswith("_") else name


# A plain dict (pydantic's ConfigDict is a TypedDict), so no import is needed here.
MODEL_CONFIG: dict[str, Any] = {
    "extra": "forbid",
    "alias_generator": _alias,
    "validate_by_name": False,
}


class TextMark:
    """A string: never a number, boolean or date that YAML guessed."""

    def __init__(self, pattern: str | None = None, min_length: int = 1) -> None:
        self.pattern = pattern
        self.min_length = min_length

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema as cs

        return cs.str_schema(pattern=self.pattern, min_length=self.min_length, strict=True)


class _Amount:
    """USD billions: an exact decimal, finite, not negative, never given as text."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema as cs

        return cs.no_info_before_validator_function(
            _number_only,
            cs.no_info_after_validator_function(
                sane_amount, cs.decimal_schema(ge=Decimal(0), le=MAX_AMOUNT, allow_inf_nan=False)
            ),
        )

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        return {"type": "number", "minimum": 0, "maximum": int(MAX_AMOUNT)}


def _number_only(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        from pydantic_core import PydanticCustomError

        raise PydanticCustomError("amount_type", "an amount must be a number, not text")
    return value


def places(value: Decimal) -> int:
    """The decimal places a finite amount needs (trailing zeros aside), counted exactly."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(exponent + trailing)) if any(digits) else 0


def sane_amount(value: Decimal) -> Decimal:
    """An amount a person could mean: at most MAX_PLACES decimal places, written without
    an exponent (1.5e+3 is 1500) and without a sign on zero."""
    if places(value) > MAX_PLACES:
        from pydantic_core import PydanticCustomError

        raise PydanticCustomError(
            "amount_precision", f"an amount has at most {MAX_PLACES} decimal places"
        )
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent > 0:
        value = value.quantize(Decimal(1))
    elif exponent < -MAX_PLACES:
        value = value.quantize(Decimal(1).scaleb(-MAX_PLACES))
    return abs(value) if value.is_zero() else value


class _Date:
    """An ISO date (YYYY-MM-DD); never a timestamp number."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema as cs

        return cs.no_info_before_validator_function(_date_only, cs.date_schema())

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        return {"type": "string", "format": "date"}


def _date_only(value: Any) -> Any:
    if isinstance(value, date) or (
        isinstance(value, str) and re.match(r"^\d{4}-\d\d-\d\d$", value)
    ):
        return value
    from pydantic_core import PydanticCustomError

    raise PydanticCustomError("date_type", "a date must be written YYYY-MM-DD")


class IntMark:
    """A whole number; a boolean or text is refused."""

    def __init__(self, ge: int | None = None, le: int | None = None) -> None:
        self.ge = ge
        self.le = le

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema as cs

        return cs.int_schema(ge=self.ge, le=self.le, strict=True)


Text = Annotated[str, TextMark()]
Slug = Annotated[str, TextMark(SLUG_PATTERN)]
Country = Annotated[str, TextMark(COUNTRY_PATTERN)]
Url = Annotated[str, TextMark(URL_PATTERN)]
Amount = Annotated[Decimal, _Amount()]
Day = Annotated[date, _Date()]
SourceIds = Annotated[tuple[Slug, ...], "sources"]

Basis = Literal["committed", "up_to", "target", "estimate", "reported"]
Instrument = Literal["equity", "loan", "guarantee", "cash", "mixed"]
DealStatus = Literal["announced", "framework", "signed", "in_force", "implemented", "lapsed"]
AllocationStatus = Literal["candidate", "selected", "funded", "operating", "cancelled"]
Area = Literal[
    "trade", "purchases", "security", "economic-security", "energy", "agriculture", "other"
]
Role = Literal["lead", "partner"]
SourceKind = Literal["official", "company", "news", "analysis", "repost", "aggregator"]
Confidence = Literal["confirmed", "reported", "unconfirmed"]
Scope = Literal["investment", "purchases", "investment_and_purchases", "economic_exchange"]
Currency = Annotated[str, TextMark(r"^[A-Z]{3}$")]
