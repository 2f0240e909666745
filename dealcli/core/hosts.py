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

# A host is flagged when one of its labels (split at dots and hyphens) marks a server that is
# not the public site: a test, staging, origin or production back-end (`testing.dev.`,
# `-origin.`, `prod.`, `preprod.`, `acquiaprod.`: any label ending in `prod`), or a CDN node
# (`cdn`, `azcdn`, `cdn2`, `fastly`); when its first label is a numbered static node
# (`static1-`); when it sits on an app-hosting platform that serves previews and copies
# (`*.azurewebsites.net`, `*.pages.dev`, ...); or when it is a known mirror of another site.
# `biz.chosun.com`, `www.newser.com` and every government host pass.
_BACKEND = re.compile(
    r"(^|[.-])(dev|test|testing|staging|stage|preproduction|origin|[a-z]*prod)([.-]|$)"
)
_CDN = re.compile(r"(^|[.-])([a-z]*cdn\d*|fastly|akamai\w*|cloudfront|edgesuite)([.-]|$)")
_STATIC = re.compile(r"^static\d*-")
PLATFORMS: tuple[str, ...] = (
    "azurewebsites.net",
    "pages.dev",
    "workers.dev",
    "vercel.app",
    "netlify.app",
    "herokuapp.com",
    "web.app",
    "firebaseapp.com",
)
# Sites that copy another site whole, with the site to cite instead.
MIRRORS: dict[str, str] = {
    "wiki.av1.space": "en.wikipedia.org",
    "memedata.com": "www.visualcapitalist.com",
}


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def _under(name: str, suffixes: tuple[str, ...] | dict[str, str]) -> str | None:
    return next((s for s in suffixes if name == s or name.endswith("." + s)), None)


def is_government(url: str) -> bool:
    return _under(host(url), GOVERNMENT_SUFFIXES) is not None


def flagged(url: str) -> str | None:
    """Why a reader cannot rely on the address's host, or None when it is a public site."""
    name = host(url)
    mirror = _under(name, MIRRORS)
    if mirror is not None:
        return f"a mirror of {MIRRORS[mirror]}"
    if _under(name, PLATFORMS) is not None:
        return "an app-hosting platform's address, not the publisher's site"
    if _BACKEND.search(name):
        return "a staging, origin or production back-end host"
    if _CDN.search(name) or _STATIC.match(name):
        return "a CDN host"
    return None


def is_staging(url: str) -> bool:
    return flagged(url) is not None
