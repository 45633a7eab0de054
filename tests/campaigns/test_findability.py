"""How a campaign is found and shared: hreflang, OpenGraph, JSON-LD, licence and attribution,
the per-locale Atom feed and the read-only API."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.apps import apps

from campaigns.media import make_image
from tests.builders import make_page

from .conftest import html, translate

ATOM = "{http://www.w3.org/2005/Atom}"

# Absolute URLs name the host the reader came to (cms/core/hosts.py): the test client's.
READER = "http://testserver"


@pytest.fixture
def campaign(make_campaign):
    image = make_image("Hero (findability)", "hero-find.png")
    return make_campaign(
        "Free them all",
        hero_image=image,
        hero_alt="Candles at a vigil",
        standfirst="Hundreds are held for speaking against the war.",
    )


@pytest.fixture
def translations(campaign):
    ru = translate(campaign, "ru", {"Free them all": "Свободу всем"})
    de = translate(campaign, "de", {"Free them all": "Freiheit für alle"})
    uk = translate(campaign, "uk", publish=False)
    return {"ru": ru, "de": de, "uk": uk}


def meta(content, prop):
    return re.findall(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', content)


def test_hreflang_lists_exactly_the_live_translations_and_x_default(campaign, translations, client):
    assert not translations["uk"].live
    content = html(client.get(translations["ru"].url))
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', content)
    assert alternates == [
        ("en", READER + campaign.url),
        ("ru", READER + translations["ru"].url),
        ("de", READER + translations["de"].url),
        ("x-default", READER + campaign.url),
    ]


def test_opengraph_tags_per_locale(campaign, translations, client):
    content = html(client.get(translations["ru"].url))
    assert meta(content, "og:title") == ["Свободу всем"]
    assert meta(content, "og:locale") == ["ru_RU"]
    assert meta(content, "og:locale:alternate") == ["de_DE", "en_GB"]
    assert meta(content, "og:url") == [READER + translations["ru"].url]
    [image] = meta(content, "og:image")
    root = READER
    assert re.fullmatch(rf"{root}/media/images/hero-find[^/]*\.jpg", image)
    assert meta(content, "og:image:alt") == ["Candles at a vigil"]
    assert meta(html(client.get(campaign.url)), "og:locale") == ["en_GB"]


def test_json_ld_describes_the_page_in_its_language(campaign, translations, client):
    content = html(client.get(translations["de"].url))
    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    data = json.loads(raw)
    assert data["@type"] == "Article"
    assert data["headline"] == "Freiheit für alle"
    assert data["inLanguage"] == "de"
    assert data["url"] == READER + translations["de"].url
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["author"] == data["publisher"] == {"@type": "Organization", "name": "Polyphony"}
    assert data["image"].startswith(READER + "/media/images/")
    assert data["datePublished"]


def test_json_ld_cannot_be_broken_out_of(make_campaign, client):
    page = make_campaign("Escape", standfirst="</script><script>alert(1)</script>")
    content = html(client.get(page.url))
    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert json.loads(raw)["description"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in content


def test_licence_and_attribution_in_english(campaign, client):
    content = html(client.get(campaign.url))
    assert (
        '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>'
        in content
    )
    url = READER + campaign.url
    assert (
        f"“Free them all” by Polyphony, {url}, licensed under CC BY 4.0 "
        "(https://creativecommons.org/licenses/by/4.0/).</textarea>" in content
    )


def test_attribution_in_russian_and_a_page_specific_licence(campaign, translations, client):
    campaign.licence = "cc-by-sa-4.0"
    campaign.save_revision().publish()
    ru = translate(campaign, "ru", {"Free them all": "Свободу всем"})
    content = html(client.get(ru.url))
    url = READER + ru.url
    assert (
        f"«Свободу всем», автор: Polyphony, {url}, лицензия CC BY-SA 4.0 "
        "(https://creativecommons.org/licenses/by-sa/4.0/).</textarea>" in content
    )
    assert 'rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/"' in content


def feed_entries(client, language):
    response = client.get(f"/{language}/campaigns/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    return root, titles


def test_feed_per_locale_lists_that_languages_published_campaigns(
    campaign, translations, make_campaign, client
):
    make_campaign("Not yet", publish=False)
    root, titles = feed_entries(client, "en")
    assert titles == ["Free them all"]
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == READER + campaign.url
    assert entry.find(f"{ATOM}summary").text == campaign.standfirst
    root, titles = feed_entries(client, "ru")
    assert titles == ["Свободу всем"]
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert feed_entries(client, "uk")[1] == []  # the uk translation is a draft


def test_feed_cache_follows_publishing(campaign, make_campaign, client):
    assert feed_entries(client, "en")[1] == ["Free them all"]
    later = make_campaign("Stop the trials")
    assert feed_entries(client, "en")[1] == ["Stop the trials", "Free them all"]
    later.unpublish()
    assert feed_entries(client, "en")[1] == ["Free them all"]


def api(client, query):
    response = client.get(f"/api/v2/campaigns/{query}")
    assert response.status_code == 200, response.content
    return response.json()


def test_api_filtered_by_locale_returns_only_that_locales_live_campaigns(
    campaign, translations, make_campaign, world, client
):
    make_campaign("Draft campaign", publish=False)
    story_model = apps.get_model("stories", "StoryPage")
    make_page(world.sections["stories"]["ru"], story_model, "История", publish=True)

    data = api(client, "?locale=ru")
    assert [(item["title"], item["meta"]["type"]) for item in data["items"]] == [
        ("Свободу всем", "campaigns.CampaignPage")
    ]
    assert data["meta"]["total_count"] == 1
    assert [item["title"] for item in api(client, "?locale=en")["items"]] == ["Free them all"]
    assert api(client, "?locale=uk")["items"] == []
    # Other page types stay out, even when asked for by type.
    assert [i["title"] for i in api(client, "?locale=ru&type=stories.StoryPage")["items"]] == [
        "Свободу всем"
    ]


def test_api_detail_shows_campaign_fields_and_nothing_else(campaign, world, client):
    detail = api(client, f"{campaign.pk}/")
    assert detail["standfirst"] == "Hundreds are held for speaking against the war."
    assert detail["status"] == "active"
    story_model = apps.get_model("stories", "StoryPage")
    story = make_page(world.sections["stories"]["en"], story_model, "A story", publish=True)
    # (LocaleMiddleware sends a 404 outside the language prefixes on to /en/..., also a 404.)
    for other in (story, world.homes["en"]):
        response = client.get(f"/api/v2/campaigns/{other.pk}/", follow=True)
        assert response.status_code == 404
        assert "A story" not in response.content.decode()


def test_api_sets_no_cookies(campaign, client):
    response = client.get("/api/v2/campaigns/?locale=en")
    assert response.cookies == {}


def test_feed_cache_keys_differ_per_locale(world, rf):
    from campaigns.feeds import cache_key

    request = rf.get("/")
    keys = {cache_key(request, world.sections["campaigns"][lang]) for lang in ("en", "ru", "de")}
    assert len(keys) == 3 and all(f":{lang}:" in " ".join(keys) for lang in ("en", "ru", "de"))
