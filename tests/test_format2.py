"""Format 2: the new keys load, and each rule of the format is enforced with its message."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from dealcli.core.reading import read_deal_file

FIXTURES = Path(__file__).parent / "fixtures"
TIMED = (FIXTURES / "timed.yaml").read_text(encoding="utf-8")


def _load(text: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    return read_deal_file(path)


def test_format2_fields_load() -> None:
    deal, problems = read_deal_file(FIXTURES / "timed.yaml")
    assert deal is not None, problems
    assert problems == []
    assert deal.headline.scope == "investment" and deal.headline.binding is True
    assert deal.headline.local is not None
    assert (deal.headline.local.currency, deal.headline.local.bn) == ("JPY", Decimal(15000))
    assert [s.usd_bn for s in deal.headline.history] == [Decimal(80), Decimal(100)]
    t1, _, t3 = deal.allocations
    assert [(s.status, s.usd_bn) for s in t1.history] == [
        ("candidate", Decimal(20)),
        ("selected", Decimal(30)),
    ]
    assert t1.alternatives[0].usd_bn == Decimal("29.5")
    assert t3.confidence == "reported" and t1.confidence == "confirmed"
    assert deal.timeline[2].outside_pledge is True
    assert deal.sources[2].kind == "aggregator"


def test_format2_key_in_a_format1_file_is_refused(tmp_path: Path) -> None:
    deal, problems = _load(TIMED.replace("format: 2", "format: 1"), tmp_path)
    assert deal is None
    messages = {(p.field, p.message) for p in problems}
    assert ("headline.scope", "'scope' is a format 2 key") in messages
    assert ("sources[2].kind", "this source kind is new in format 2") in messages
    assert all(p.hint == "say `format: 2` at the top of the file" for p in problems)


def test_an_item_resting_only_on_aggregators_must_say_unconfirmed(tmp_path: Path) -> None:
    text = TIMED.replace("title: A rumour, confidence: unconfirmed,", "title: A rumour,")
    deal, problems = _load(text, tmp_path)
    assert deal is None
    (p,) = problems
    assert p.field == "timeline[1]"
    assert p.message == "every source of this item is an aggregator"
    assert "confidence: unconfirmed" in p.hint


def test_history_must_end_at_the_allocation_as_it_stands(tmp_path: Path) -> None:
    text = TIMED.replace(
        "{date: 2025-12-01, status: selected, sources: [gov]}",
        "{date: 2025-11-30, status: selected, sources: [gov]}",
    )
    deal, problems = _load(text, tmp_path)
    assert deal is None
    (p,) = problems
    assert p.field == "allocations[1].history[1]"
    assert "selected from 2025-11-30" in p.message and "selected from 2025-12-01" in p.message


def test_history_must_run_oldest_first(tmp_path: Path) -> None:
    text = TIMED.replace(
        "{date: 2025-03-01, status: candidate", "{date: 2025-10-01, status: candidate"
    )
    deal, problems = _load(text, tmp_path)
    assert deal is None
    assert [p.message for p in problems] == [
        "history goes back in time (2025-09-01 after 2025-10-01)"
    ]
    assert problems[0].field == "allocations[0].history[1].date"


def test_headline_history_ends_at_the_headline(tmp_path: Path) -> None:
    text = TIMED.replace(
        "{date: 2025-06-01, usd_bn: 100, sources: [gov]}",
        "{date: 2025-06-01, usd_bn: 90, sources: [gov]}",
    )
    deal, problems = _load(text, tmp_path)
    assert deal is None
    assert problems[0].message == "the last history entry says 90, the headline 100"
    # pointed at the last entry: timed.yaml line 19, its flow mapping opening at column 7
    assert (problems[0].field, problems[0].line, problems[0].column) == (
        "headline.history[1]",
        19,
        7,
    )


def test_source_host_rules_warn(tmp_path: Path) -> None:
    text = TIMED.replace("https://www.reuters.com/x", "https://preprod.reuters.com/x").replace(
        'url: "https://digest.example.com/x", date: 2025-11-01, kind: aggregator',
        'url: "https://digest.example.com/x", date: 2025-11-01, kind: official',
    )
    deal, problems = _load(text, tmp_path)
    assert deal is not None
    assert all(p.warning for p in problems)
    assert {(p.field, p.message) for p in problems} == {
        (
            "sources[1].url",
            "'press' is on a staging, origin or production back-end host, which readers "
            "cannot rely on",
        ),
        ("sources[2].kind", "'digest' is marked official but is not on a government's own site"),
    }


def test_nested_sources_are_checked_and_count_as_used(tmp_path: Path) -> None:
    text = TIMED.replace(
        "local: {currency: JPY, bn: 1500, sources: [gov]}",
        "local: {currency: JPY, bn: 1500, sources: [nope]}",
    )
    deal, problems = _load(text, tmp_path)
    assert deal is None
    assert [(p.field, p.message) for p in problems] == [
        ("allocations[1].local.sources[0]", "source 'nope' is not defined")
    ]


def test_an_amount_past_ten_million_bn_is_refused(tmp_path: Path) -> None:
    """A figure far beyond any pledge is junk, and its shares would overflow a Decimal."""
    text = TIMED.replace("    usd_bn: 5\n", "    usd_bn: 1000000000000000000000000000\n", 1)
    deal, problems = _load(text, tmp_path)
    assert deal is None
    (p,) = problems
    assert p.field == "allocations[2].usd_bn"
    assert p.message.startswith("input should be less than or equal to 10000000")
    assert p.hint == "amounts are USD billions: no pledge comes near 10,000,000"
    ok, problems = _load(TIMED.replace("    usd_bn: 5\n", "    usd_bn: 10000000\n", 1), tmp_path)
    assert ok is not None
