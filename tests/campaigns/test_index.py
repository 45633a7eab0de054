"""The campaign index of each language: active campaigns, then concluded ones."""

import re

from .conftest import html, translate


def test_index_lists_active_and_concluded_campaigns_apart(make_campaign, client):
    make_campaign("Free them all")
    make_campaign("Stop the trial of Ivanova", status="concluded")
    make_campaign("Draft", publish=False)
    content = html(client.get("/en/campaigns/"))
    active, concluded = content.split('id="campaigns-concluded"')
    assert "Free them all" in active and "Stop the trial of Ivanova" not in active
    assert "Stop the trial of Ivanova" in concluded
    assert "Draft" not in content
    assert 'type="application/atom+xml"' in content


def test_index_lists_only_campaigns_in_its_language(make_campaign, client):
    page = make_campaign("Free them all")
    translate(page, "ru", {"Free them all": "Свободу всем"})
    content = html(client.get("/ru/campaigns/"))
    assert ">Свободу всем</a>" in content and ">Free them all</a>" not in content
    assert ">Свободу всем</a>" not in html(client.get("/en/campaigns/"))


def test_campaign_page_sets_no_cookies_and_loads_nothing_from_elsewhere(make_campaign, client):
    response = client.get(make_campaign("Free them all").url)
    assert response.cookies == {}
    content = html(response)
    # Everything the browser fetches by itself: scripts, images, stylesheets.
    loaded = re.findall(r'<(?:script|img)[^>]* src="([^"]+)"', content)
    loaded += re.findall(r'<link rel="stylesheet" href="([^"]+)"', content)
    assert loaded and all(url.startswith("/") for url in loaded), loaded
