"""What readers see: the story index of a language, topic filters, a story, the Atom feeds."""

import pytest
from django.test import override_settings
from wagtail.models import Locale

from stories.models import StoryIndexPage
from tests.stories.story_builders import make_private_record, make_story, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def en_index(world):
    return world.sections["stories"]["en"]


@pytest.fixture
def topics(en_index):
    locale = en_index.locale
    return {
        "exile": make_topic(locale, "Exile", "exile"),
        "work": make_topic(locale, "Work", "work"),
    }


def test_index_lists_published_stories_of_its_language_only(client, world, en_index, users):
    make_story(en_index, "The night they came", ["It was late."], publish=True)
    make_story(en_index, "Still a draft", ["Not yet reviewed."])
    make_story(world.sections["stories"]["ru"], "Русская история", ["Текст."], publish=True)

    response = client.get(en_index.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "The night they came" in html
    assert "Still a draft" not in html
    assert "Русская история" not in html
    # A public page without a form sets no cookie.
    assert not response.cookies


def test_topic_filter_is_a_plain_link_and_narrows_the_listing(client, en_index, topics):
    make_story(en_index, "Leaving by bus", ["We left."], publish=True, topics=[topics["exile"]])
    make_story(en_index, "The factory", ["Shifts."], publish=True, topics=[topics["work"]])

    listing = client.get(en_index.url).content.decode()
    assert f'href="{en_index.url}?topic=exile"' in listing

    response = client.get(en_index.url, {"topic": "exile"})
    html = response.content.decode()
    assert "Leaving by bus" in html
    assert "The factory" not in html
    assert 'aria-current="page">Exile' in html
    assert client.get(en_index.url, {"topic": "no-such-topic"}).status_code == 404


def test_listing_is_paginated_and_pages_keep_the_topic(client, en_index, topics, monkeypatch):
    monkeypatch.setattr(StoryIndexPage, "page_size", 2)
    for number in range(3):
        make_story(
            en_index, f"Story number {number}", ["Text."], publish=True, topics=[topics["work"]]
        )

    first = client.get(en_index.url, {"topic": "work"}).content.decode()
    assert first.count("Story number") == 2
    assert "?topic=work&amp;page=2" in first
    second = client.get(en_index.url, {"topic": "work", "page": 2}).content.decode()
    assert second.count("Story number") == 1


def test_story_shows_text_escaped_with_photo_alt_region_topics_and_credit(client, en_index, topics):
    story = make_story(
        en_index,
        "What happened at the border",
        ["<script>alert('x')</script> <b>bold?</b>\nSecond line."],
        publish=True,
        topics=[topics["exile"]],
        region="siberia",
        credit="pseudonym",
        pseudonym="Grey Heron",
    )

    html = client.get(story.url).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &lt;b&gt;bold?&lt;/b&gt;<br>" in html
    assert "<script>alert" not in html
    assert "Grey Heron" in html
    assert "Siberia" in html
    assert f'href="{en_index.url}?topic=exile">Exile</a>' in html


def test_anonymous_credit_never_shows_a_pseudonym(client, en_index):
    story = make_story(
        en_index, "Quiet street", ["Text."], publish=True, credit="anonymous", pseudonym="Leaky"
    )
    html = client.get(story.url).content.decode()
    assert "Anonymous" in html
    assert "Leaky" not in html


def test_story_in_russian_is_labelled_in_russian(client, world):
    story = make_story(world.sections["stories"]["ru"], "Ночь", ["Текст."], publish=True)
    html = client.get(story.url).content.decode()
    assert "Анонимно" in html


def test_atom_feed_has_published_stories_with_credit_and_no_private_data(client, en_index, topics):
    story = make_story(
        en_index,
        "My brother's call-up",
        ["<img src=x onerror=alert(1)> He got the paper."],
        publish=True,
        topics=[topics["work"]],
        credit="pseudonym",
        pseudonym="Marta",
    )
    make_private_record(story, contact="signal: +7 900 CANARY")
    make_story(en_index, "Unpublished draft", ["Draft."])

    response = client.get(en_index.url + "feed/")

    xml = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "My brother&#x27;s call-up" in xml or "My brother's call-up" in xml
    assert "<name>Marta</name>" in xml
    assert 'term="Work"' in xml
    # The summary is HTML: the contributor's markup arrives double-escaped, i.e. as text.
    assert "&amp;lt;img src=x onerror=alert(1)&amp;gt;" in xml
    assert "<img" not in xml
    assert "CANARY" not in xml
    assert "Unpublished draft" not in xml
    assert not response.cookies


def test_topic_feed_has_only_that_topic(client, en_index, topics):
    make_story(en_index, "Leaving by bus", ["We left."], publish=True, topics=[topics["exile"]])
    make_story(en_index, "The factory", ["Shifts."], publish=True, topics=[topics["work"]])

    xml = client.get(en_index.url + "feed/exile/").content.decode()
    assert "Leaving by bus" in xml
    assert "The factory" not in xml
    assert client.get(en_index.url + "feed/nothing/").status_code == 404


@override_settings(LANGUAGE_CODE="en")
def test_topics_of_another_language_do_not_filter_this_index(client, world, topics):
    ru_index = world.sections["stories"]["ru"]
    ru_topic = make_topic(Locale.objects.get(language_code="ru"), "Эмиграция", "exile")
    make_story(ru_index, "Автобус", ["Мы уехали."], publish=True, topics=[ru_topic])

    html = client.get(ru_index.url, {"topic": "exile"}).content.decode()
    assert "Автобус" in html
    assert client.get(world.sections["stories"]["en"].url, {"topic": "exile"}).status_code == 200
