"""Every page tells search engines and link previews what it is: a meta description (its own,
else its section's, else a translated sentence about its section or the site), OpenGraph data
like the campaigns', and a favicon from the site itself."""

import html
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from cms.core.publishing import setup_publishing
from tests.letters.conftest import letters  # noqa: F401 - fixture
from tests.stories.story_builders import make_story
from tests.stories.submission_helpers import ensure_form_pages
from tests.volunteering.helpers import make_vacancy

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def og(content, prop):
    found = re.findall(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', content)
    return [html.unescape(value) for value in found]


def descriptions(content):
    return [html.unescape(value) for value in DESCRIPTION.findall(content)]


@pytest.fixture
def pages(world, letters):  # noqa: F811 - the fixture imported above
    forms = ensure_form_pages(world, languages=("en", "ru"))
    story = make_story(world.sections["stories"]["en"], "A night", ["It happened."], publish=True)
    vacancy = make_vacancy(world.sections["volunteering"]["en"], "Translator")
    return {
        "home": "/en/",
        "story index": "/en/stories/",
        "story": story.url,
        "story form": forms["en"][0].url,
        "receipt check": forms["ru"][1].url,
        "campaign index": "/en/campaigns/",
        "vacancy index": "/ru/volunteer/",
        "vacancy": vacancy.url,
        "letters directory": letters["directory"].url,
        "prisoner": letters["anna"].url,
        "letter form": letters["anna"].url + "write/",
        "letter receipt check": letters["directory"].url + "status/",
    }


def test_every_page_type_has_one_description_and_opengraph_data(client, pages):
    for kind, url in pages.items():
        response = client.get(url)
        content = response.content.decode()
        [description] = descriptions(content)
        assert description.strip(), kind
        assert og(content, "og:description") == [description], kind
        [page_url] = og(content, "og:url")
        # A page's own routes (the letter form, the letter receipt) share the page's og:url.
        expected = url.removesuffix("write/") if "/letters/" in url else url
        if kind == "letter receipt check":
            expected = url.removesuffix("status/")
        assert urlsplit(page_url).path == expected, kind
        assert len(og(content, "og:title")) == 1 and og(content, "og:site_name") == ["Polyphony"]
        expected = (
            "website"
            if kind
            in (
                "home",
                "story index",
                "campaign index",
                "vacancy index",
                "letters directory",
                "letter receipt check",
            )
            else "article"
        )
        assert og(content, "og:type") == [expected], kind


def test_the_fallback_speaks_the_pages_language(client, pages):
    content = client.get("/ru/volunteer/").content.decode()
    assert descriptions(content) == [
        "Открытые волонтёрские вакансии: что нужно каждой команде и как откликнуться."
    ]
    assert og(content, "og:locale") == ["ru_RU"]
    home = client.get("/ru/").content.decode()
    assert "истории, кампании и волонтёрские вакансии" in descriptions(home)[0]


def test_a_pages_own_description_wins_then_its_sections(client, world, pages):
    index = world.sections["stories"]["en"]
    index.search_description = "Voices from behind the front line."
    with setup_publishing():  # set-up, not the story workflow under test
        index.save_revision().publish()
    story = make_story(index, "Another night", ["Again."], publish=True)
    assert descriptions(client.get(story.url).content.decode()) == [
        "Voices from behind the front line."
    ]
    story.search_description = "One woman's night in a police station."
    with setup_publishing():  # set-up, not the story workflow under test
        story.save_revision().publish()
    content = client.get(story.url).content.decode()
    assert descriptions(content) == ["One woman's night in a police station."]
    assert og(content, "og:description") == ["One woman's night in a police station."]


def test_the_favicon_is_served_by_the_site(client, world):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    page = client.get("/en/").content.decode()
    icons = re.findall(r'<link rel="icon" href="([^"]+)"', page)
    assert icons and all(href.startswith(settings.STATIC_URL) for href in icons)
    for href in icons:
        assert finders.find(href.removeprefix(settings.STATIC_URL)), href
