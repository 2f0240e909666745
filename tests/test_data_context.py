"""The US tariff context record (deals/context/us-tariffs.yaml) against the findings of
2026-H1 (shared/facts/2026-h1-findings.md, section 1) and the pages each event cites: the
dates, the figures, the tier of each source, and what is recorded as not known."""

from __future__ import annotations

from datetime import date

from dealcli.core.context import bearing
from dealcli.core.hosts import flagged
from dealcli.core.model import Context, ContextEvent
from dealcli.core.reading import read_deal, read_record

from .conftest import BUNDLED

RECORD: Context = read_record(BUNDLED / "context" / "us-tariffs.yaml")
EVENTS = {e.id: e for e in RECORD.events}
SOURCES = {s.id: s for s in RECORD.sources}
DEALS = {p.stem: read_deal(p) for p in sorted(BUNDLED.glob("*.yaml"))}


def hosts(event: ContextEvent) -> set[str]:
    return {SOURCES[s].url.split("/")[2] for s in event.sources}


def test_every_event_has_a_source_with_a_url_on_a_host_readers_can_rely_on() -> None:
    for e in RECORD.events:
        assert e.sources, e.id
        for sid in e.sources:
            url = SOURCES[sid].url
            assert url.startswith("https://"), (e.id, sid)
            assert flagged(url) is None, (e.id, url)


def test_events_run_in_date_order() -> None:
    dates = [e.date for e in RECORD.events]
    assert dates == sorted(dates)


def test_the_section_122_ruling_of_7_may_rests_on_a_law_firm() -> None:
    e = EVENTS["section-122-ruled-unlawful"]
    assert e.date == date(2026, 5, 7)
    assert e.confidence == "confirmed"
    assert "2-1" in e.title and "Washington State" in e.title and "10%" in e.title
    assert hosts(e) == {"globalimportblog.bakermckenzie.com"}
    assert SOURCES["bakermckenzie-2026-05-08"].kind == "analysis"


def test_the_appeal_and_the_stay_rest_on_aggregators_and_say_so() -> None:
    for key, day in (
        ("section-122-appeal", date(2026, 5, 8)),
        ("section-122-stay", date(2026, 5, 12)),
    ):
        e = EVENTS[key]
        assert e.date == day
        assert e.confidence == "unconfirmed"
        assert {SOURCES[s].kind for s in e.sources} == {"aggregator"}
    assert "VatCheck alone" in (EVENTS["section-122-stay"].note or "")


def test_the_refund_injunction_appeal_of_29_may_gives_166_bn_and_the_other_date() -> None:
    e = EVENTS["ieepa-refund-appeal"]
    assert e.date == date(2026, 5, 29)
    assert "USD 166 bn" in e.title and "Eaton" in e.title
    assert e.confidence == "unconfirmed"
    assert hosts(e) == {"www.tariffmanagement.com"}
    assert "2 June 2026" in (e.note or "")  # VatCheck's date for the appeal: said, not hidden


def test_cbp_refund_process_and_the_refund_order() -> None:
    assert EVENTS["ieepa-refund-process"].date == date(2026, 4, 20)
    assert hosts(EVENTS["ieepa-refund-process"]) == {"www.mha.co.uk"}
    order = EVENTS["ieepa-refund-order"]
    assert order.date == date(2026, 3, 4)
    assert order.confidence == "reported"  # one law professor's blog


def test_section_232_and_301_actions() -> None:
    metals = EVENTS["section-232-metals"]
    assert metals.date == date(2026, 4, 2) and "9903.82" in metals.title
    assert metals.confidence == "unconfirmed"  # one aggregator
    assert EVENTS["section-301-excess-capacity"].date == date(2026, 3, 11)
    assert "16 economies" in EVENTS["section-301-excess-capacity"].title
    labour = EVENTS["section-301-forced-labour"]
    assert labour.date == date(2026, 3, 12)
    assert "60 economies" in labour.title and "76 investigations" in labour.title  # 16 + 60


def test_what_applied_after_24_july_is_recorded_as_not_known() -> None:
    end = EVENTS["section-122-limit"]
    assert end.date == date(2026, 7, 24)
    assert end.status == "not known"
    assert "not known" in end.title
    for deal in DEALS.values():
        s122 = {t.id: t for t in deal.terms}["section-122-surcharge"]
        assert s122.to is None and s122.known_to == date(2026, 7, 24), deal.id
        assert s122.note and "not" in s122.note and "found" in s122.note, deal.id
        assert s122.unknown(date(2026, 7, 25)) and not s122.unknown(date(2026, 7, 24))


def test_every_bundled_deal_reads_the_record() -> None:
    records = {RECORD.id: RECORD}
    for name, deal in DEALS.items():
        found = {b.event.id for b in bearing(deal, records)}
        assert {"ieepa-ruled-unlawful", "section-122-ruled-unlawful", "section-122-limit"} <= found
        has_232 = any((t.authority or "").startswith("Section 232") for t in deal.terms)
        assert ("section-232-metals" in found) == has_232, name
    # the 301 investigations bear on the investors the pages name
    labour = {n for n, d in DEALS.items() if "us-tariffs/section-301-forced-labour" in d.context}
    assert labour == {"eu", "qatar", "saudi-arabia"}
