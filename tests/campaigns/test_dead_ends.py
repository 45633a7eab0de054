"""No dead ends for readers of the smaller languages: a section with nothing of its own lists what
exists in other languages, each marked with its language, and the language switcher leads to the
nearest translated ancestor rather than the home page."""

import re

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_fragments():
    cache.clear()


@pytest.fixture
def two_campaigns(make_campaign):
    english = make_campaign("Free them all", language="en")
    german = make_campaign("Freiheit für alle", language="de", slug="freiheit")
    make_campaign("Draft only", language="en", publish=False)
    return english, german


def elsewhere_entries(html):
    """(language, href, title) of each entry of the 'In other languages' list."""
    return re.findall(
        r'data-elsewhere="(\w+)">\s*<a href="([^"]+)" hreflang="\1" lang="\1">([^<]+)</a>', html
    )


@pytest.mark.parametrize(
    "language, heading", [("fr", "Dans d’autres langues"), ("cs", "V jiných jazycích")]
)
def test_an_empty_language_lists_the_campaigns_of_the_others(
    client, two_campaigns, language, heading
):
    english, german = two_campaigns

    html = client.get(f"/{language}/campaigns/").content.decode()

    assert heading in html
    entries = elsewhere_entries(html)
    assert ("en", english.url, "Free them all") in entries
    assert ("de", german.url, "Freiheit für alle") in entries
    assert "Draft only" not in html
    # Each entry says its language in that language.
    assert '<span class="elsewhere__language" lang="de">(Auf Deutsch)</span>' in html
    assert '<span class="elsewhere__language" lang="en">(In English)</span>' in html


def test_a_translated_campaign_is_listed_in_its_own_language_not_elsewhere(
    client, world, two_campaigns
):
    from cms.core.demo import translate_page

    english, _german = two_campaigns
    translate_page(english, "fr", {"Free them all": "Libérez-les tous"})

    html = client.get("/fr/campaigns/").content.decode()

    assert "Libérez-les tous" in html
    assert "en" not in {code for code, _href, _title in elsewhere_entries(html)}
    assert ("de", two_campaigns[1].url, "Freiheit für alle") in elsewhere_entries(html)


def test_the_english_index_lists_the_german_only_campaign(client, two_campaigns):
    html = client.get("/en/campaigns/").content.decode()
    entries = elsewhere_entries(html)
    assert [code for code, _href, _title in entries] == ["de"]


def switcher_link(html, code):
    nav = html[html.index('class="languages"') :]
    match = re.search(
        rf'<a href="([^"]+)" hreflang="{code}" lang="{code}"[^>]*>(.*?)</a>', nav, re.S
    )
    return match.group(1), match.group(2)


def test_switching_to_czech_from_a_german_campaign_lands_on_the_czech_campaigns(
    client, world, two_campaigns
):
    _english, german = two_campaigns

    href, label = switcher_link(client.get(german.url).content.decode(), "cs")

    assert href == world.sections["campaigns"]["cs"].url
    assert world.sections["campaigns"]["cs"].title in label
    # Following it leads to the Czech list, which names the German campaign.
    html = client.get(href).content.decode()
    assert ("de", german.url, "Freiheit für alle") in elsewhere_entries(html)


def test_a_language_without_the_section_falls_back_to_its_home(client, world, two_campaigns):
    from wagtail.models import Page

    Page.objects.filter(pk=world.sections["campaigns"]["cs"].pk).update(live=False)
    _english, german = two_campaigns

    href, label = switcher_link(client.get(german.url).content.decode(), "cs")

    assert href == world.homes["cs"].url
