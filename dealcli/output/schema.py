"""The tables of `deal export -f sqlite` (and of its csv folder): columns with their SQL types
and links, and each table's key. `export.py` fills them, in this order."""

from __future__ import annotations

ROW_ID = "row_id INTEGER PRIMARY KEY"  # SQLite's rowid, named
DEAL = "deal_id TEXT NOT NULL REFERENCES deals(id)"
# how firm an item is, as the deal file says (`confirmed` where it says nothing)
CONFIDENCE = "confidence TEXT NOT NULL"


def money(name: str, null: str = "") -> list[str]:
    """A number's two columns: the number, and its exact decimal text beside it."""
    return [f"{name} NUMERIC{null}", f"{name}_text TEXT{null}"]


# table -> (columns with SQL types and links, the table's key)
SCHEMA: dict[str, tuple[list[str], str]] = {
    "deals": (
        [
            "id TEXT NOT NULL",
            "title TEXT NOT NULL",
            "status TEXT NOT NULL",
            "updated TEXT NOT NULL",
            "investor_name TEXT",
            "investor_code TEXT",
            *money("investor_gdp_usd_bn"),
            "investor_gdp_year INTEGER",
            "host_name TEXT",
            "host_code TEXT",
            *money("headline_usd_bn", " NOT NULL"),
            "headline_usd_thousands INTEGER",
            "headline_basis TEXT",
            "headline_confidence TEXT NOT NULL",
            "period_from TEXT",
            "period_to TEXT",
            "vehicle TEXT",
            "notes TEXT",
        ],
        "PRIMARY KEY (id)",
    ),
    "aliases": ([DEAL, "alias TEXT NOT NULL"], "PRIMARY KEY (deal_id, alias)"),
    "tranches": (
        [
            ROW_ID,
            DEAL,
            "id TEXT NOT NULL",
            "label TEXT",
            *money("usd_bn"),
            "usd_thousands INTEGER",
            "basis TEXT",
            "instrument TEXT",
            CONFIDENCE,
        ],
        "UNIQUE (deal_id, id)",
    ),
    "terms": (
        [
            DEAL,
            "id TEXT NOT NULL",
            "label TEXT",
            "value TEXT",
            *money("pct"),
            *money("usd_bn"),
            "usd_thousands INTEGER",
            "authority TEXT",
            "from_date TEXT",
            "to_date TEXT",
            CONFIDENCE,
        ],
        "PRIMARY KEY (deal_id, id)",
    ),
    "allocations": (
        [
            ROW_ID,
            DEAL,
            "id TEXT NOT NULL",
            "title TEXT",
            "sector TEXT",
            "subsector TEXT",
            "status TEXT",
            *money("usd_bn"),
            "usd_thousands INTEGER",
            "sized INTEGER NOT NULL",  # 1 when the amount is known, 0 when usd_bn is empty
            "basis TEXT",
            "tranche_id TEXT",
            "tranche_row_id INTEGER REFERENCES tranches(row_id)",
            "instrument TEXT",
            "part_of TEXT",
            "part_of_row_id INTEGER REFERENCES allocations(row_id)",
            "date TEXT",
            CONFIDENCE,
            # 1 when the totals count it: not cancelled, and not a part of an envelope that
            # is counted (sized, of the same status); summing these rows gives the totals
            "counts_toward_total INTEGER NOT NULL",
        ],
        "UNIQUE (deal_id, id)",
    ),
    # other figures sources give for the headline or an allocation (the totals use the item's
    # own); `item_id` is empty for the headline, as in `citations`
    "alternatives": (
        [
            DEAL,
            "item_type TEXT NOT NULL",
            "item_id TEXT NOT NULL",
            "seq INTEGER NOT NULL",
            "allocation_row_id INTEGER REFERENCES allocations(row_id)",
            *money("usd_bn", " NOT NULL"),
            "usd_thousands INTEGER",
            "note TEXT",
        ],
        "PRIMARY KEY (deal_id, item_type, item_id, seq)",
    ),
    "allocation_companies": (
        [
            DEAL,
            "allocation_id TEXT NOT NULL",
            "allocation_row_id INTEGER NOT NULL REFERENCES allocations(row_id)",
            "name TEXT NOT NULL",
            "country TEXT",
            "role TEXT NOT NULL",
        ],
        # the country too: one name may lead from two countries (two firms of one name)
        "PRIMARY KEY (deal_id, allocation_id, name, country, role)",
    ),
    "commitments": (
        [
            DEAL,
            "id TEXT NOT NULL",
            "area TEXT",
            "party TEXT",
            "title TEXT",
            "detail TEXT",
            *money("usd_bn"),
            "usd_thousands INTEGER",
            "basis TEXT",
            CONFIDENCE,
        ],
        "PRIMARY KEY (deal_id, id)",
    ),
    "events": (
        [DEAL, "seq INTEGER NOT NULL", "date TEXT", "title TEXT", CONFIDENCE],
        "PRIMARY KEY (deal_id, seq)",
    ),
    "sources": (
        [
            ROW_ID,
            DEAL,
            "id TEXT NOT NULL",
            "number INTEGER",
            "title TEXT",
            "publisher TEXT",
            "url TEXT",
            "date TEXT",
            "kind TEXT",
        ],
        "UNIQUE (deal_id, id)",
    ),
    "citations": (
        [
            DEAL,
            "item_type TEXT NOT NULL",
            "item_id TEXT NOT NULL",
            "source_id TEXT NOT NULL",
            "source_row_id INTEGER NOT NULL REFERENCES sources(row_id)",
        ],
        "PRIMARY KEY (deal_id, item_type, item_id, source_id)",
    ),
}
