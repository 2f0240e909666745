"""The host rule (`dealcli.core.hosts.flagged`) on real host names: those once cited or seen in
search results that readers cannot rely on, and public sites that must pass."""

from __future__ import annotations

import pytest

from dealcli.core.hosts import flagged, is_government

FLAGGED = {
    # origin and production back-ends
    "prod.biz.chosun.com": "back-end",
    "ajw-origin.potaufeu.asahi.com": "back-end",
    "origin.example-news.com": "back-end",
    "testing.dev.theedgesingapore.com": "back-end",
    "preprod.zerohedge.com": "back-end",
    "stage.internationaltradetoday.com": "back-end",
    # seen in search results while sourcing the Gulf and EU files
    "acquiaprod.middleeasteye.net": "back-end",
    "www-staging.alnour.com.lb": "back-end",
    "staging.gstv.in": "back-end",
    "preproduction.printyourfood.com": "back-end",
    "devdiscourse-testslot.azurewebsites.net": "app-hosting",
    "hosin.viver13134.workers.dev": "app-hosting",
    # CDN nodes
    "static1-azcdn.newser.com": "CDN",
    "static2-cdn.example.com": "CDN",
    "cdn.example.com": "CDN",
    "img.azcdn.example.com": "CDN",
    "fastly.tipranks.com": "CDN",
    # app-hosting platforms
    "devdiscourse-devdiscoursenetcore.azurewebsites.net": "app-hosting",
    "bdon.azurewebsites.net": "app-hosting",
    "particlenews.pages.dev": "app-hosting",
    # mirrors
    "wiki.av1.space": "mirror of en.wikipedia.org",
    "memedata.com": "mirror of www.visualcapitalist.com",
}

PUBLIC = [
    "biz.chosun.com",
    "www.newser.com",
    "www.whitehouse.gov",
    "www.federalregister.gov",
    "www.tipranks.com",
    "www.cdnews.co.kr",  # "cdn" begins a word here, not a label
    "www.production-weekly.com",  # "production" is not the label "prod"
    "en.wikipedia.org",
    "www.visualcapitalist.com",
    "japannews.yomiuri.co.jp",
    "static.example.com",  # a static host without a node number is a public name
    # the public sites of the hosts above, and pages the bundled files cite
    "www.middleeasteye.net",
    "www.alnour.com.lb",
    "www.devdiscourse.com",
    "ustr.gov",
    "english.ey.gov.tw",
    "www.wallstreet-online.de",
    "eurradio.com",
    "www.productreview.com.au",  # "product" is not a label ending in "prod"
]


@pytest.mark.parametrize(("name", "why"), FLAGGED.items())
def test_hosts_readers_cannot_rely_on_are_flagged(name: str, why: str) -> None:
    reason = flagged(f"https://{name}/story/1")
    assert reason is not None and why in reason, (name, reason)


@pytest.mark.parametrize("name", PUBLIC)
def test_public_hosts_pass(name: str) -> None:
    assert flagged(f"https://{name}/story/1") is None


def test_case_a_port_and_a_final_dot_do_not_hide_a_host() -> None:
    assert flagged("https://PROD.Biz.Chosun.com./x") is not None
    assert flagged("https://static1-azcdn.newser.com:443/x") is not None
    assert flagged("https://biz.chosun.com:443/x") is None


def test_a_government_host_passes_and_is_government() -> None:
    for url in ("https://www.whitehouse.gov/x", "https://www.federalregister.gov/d/1"):
        assert flagged(url) is None
        assert is_government(url)
