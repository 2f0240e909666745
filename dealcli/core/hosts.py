"""Which web hosts a source may be: one list for the data checks and `deal validate`.

`official` is kept for a government's or public institution's own site; a copy
of a government text elsewhere is a `repost`. Staging and origin hosts are
addresses a reader cannot rely on.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Host suffixes of governments and public institutions (a host matches when it
# equals a suffix or ends with "." + suffix).
GOVERNMENT_SUFFIXES: tuple[str, ...] = (
    "gov",
    "mil",
    "go.jp",
    "go.kr",
    "korea.kr",
    "korea.net",
    "europa.eu",
    "gov.tw",
    "admin.ch",
    "llv.li",
    "regierung.li",
    "gov.sa",
    "gov.ae",
    "gov.qa",
    "imf.org",
    "worldbank.org",
    "oecd.org",
    "wto.org",
    "boj.or.jp",
    "bok.or.kr",
    "kindkorea.or.kr",
)

# Hosts of test or origin servers: `testing.dev.`, `preprod.`, `stage.`, `-origin.` ...
_STAGING = re.compile(r"(^|[.-])(dev|test|testing|staging|stage|preprod|origin)([.-]|$)")


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def is_government(url: str) -> bool:
    name = host(url)
    return any(name == s or name.endswith("." + s) for s in GOVERNMENT_SUFFIXES)


def is_staging(url: str) -> bool:
    return bool(_STAGING.search(host(url)))
